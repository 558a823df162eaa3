"""Newcomers' and dictated phrasings read for what they ask (the brief's aliases and bot/core/scope.py): "i heard
something about X", a filler like "sometime in may", who started the war, how drones got "that far", refusing to
send a document, "who did it?" after an operation, an insult's word, a "prisoner swamp", the bot's own "take".
Each with the question beside it that must keep its old reading.

The questions are the test author's own, not taken from the evaluation sets in tests/eval/.
"""

from __future__ import annotations

from bot.core.service import BriefService
from tests.test_answers import ask, first, service  # noqa: F401  the real brief's service; one conversation a call
from tests.test_scope import rejected


def test_something_the_reader_heard_about_is_the_topic_asked(service: BriefService) -> None:
    (answer,) = ask(service, "i heard something about the kids, what's up with that")
    assert answer.section_id == "children"


def test_a_filler_guess_at_the_month_still_asks_the_date(service: BriefService) -> None:
    (answer,) = ask(service, "when was the first round, um, sometime in may?")
    assert "16 May" in first(answer)


def test_who_started_the_war_is_the_invasion(service: BriefService) -> None:
    (answer,) = ask(service, "who started this war?")
    assert "February 24, 2022" in first(answer)


def test_when_the_talks_started_is_still_their_schedule(service: BriefService) -> None:
    (answer,) = ask(service, "when did the talks start?")
    assert "1 p.m." in first(answer)


def test_drones_getting_that_far_is_their_smuggling(service: BriefService) -> None:
    (answer,) = ask(service, "how did they get drones that far into russia?")
    assert "smuggling" in first(answer)


def test_how_far_the_airbases_were_is_still_the_distance(service: BriefService) -> None:
    (answer,) = ask(service, "how far from the front line were the airbases?")
    assert "thousands of kilometres" in first(answer)


def test_refusing_to_send_a_document_is_resisting_sending_it(service: BriefService) -> None:
    (answer,) = ask(service, "did russia refuse to send its memo beforehand?")
    assert "resisted" in first(answer)


def test_who_did_it_after_an_operation_asks_who_carried_it_out(service: BriefService) -> None:
    _, answer = ask(service, "what's spider's web?", "who did it?")
    assert "security service" in first(answer)


def test_who_a_side_sent_is_still_its_delegation(service: BriefService) -> None:
    (answer,) = ask(service, "who did russia send?")
    assert "Medinsky" in first(answer)


def test_an_insult_is_the_word_used(service: BriefService) -> None:
    (answer,) = ask(service, "what insult did trump throw at putin?")
    assert "crazy" in first(answer)


def test_a_prisoner_swamp_is_a_prisoner_swap(service: BriefService) -> None:
    (answer,) = ask(service, "how many prisoners in the first prisoner swamp?")
    assert "1,000" in first(answer)


def test_the_bots_own_take_is_an_opinion_it_does_not_give(service: BriefService) -> None:
    rejected(service, "what's your take on the memoranda?")


def test_take_me_through_a_topic_is_still_answered(service: BriefService) -> None:
    (answer,) = ask(service, "take me through the memoranda")
    assert answer.section_id == "memoranda"


def test_how_much_things_were_worth_leads_with_their_worth_not_their_count(service: BriefService) -> None:
    (answer,) = ask(service, "how much were the destroyed warplanes worth?")
    assert "$7 billion" in first(answer).split(".")[0]


def test_how_many_were_destroyed_still_leads_with_the_count(service: BriefService) -> None:
    (answer,) = ask(service, "how many bombers were destroyed?")
    assert "40" in first(answer).split("(")[0]


def test_the_person_a_turned_down_first_question_named_is_who_he_is_next(service: BriefService) -> None:
    first_turn, answer = ask(service, "was zelensky nervous about the whole thing?", "who did he send?")
    assert not first_turn.matched
    assert "Umerov" in first(answer)


def test_a_person_named_only_in_a_later_turned_down_question_is_not_who_he_is_next(service: BriefService) -> None:
    _, turned_down, answer = ask(service, "who led russia's team?", "how old is zelensky?", "what did he write?")
    assert not turned_down.matched
    assert "textbooks" in first(answer)


def test_a_place_claim_after_an_interjection_asks_where_the_place_is(service: BriefService) -> None:
    (answer,) = ask(service, "hmm, is istanbul in russia?")
    assert "Turkish" in first(answer)


def test_what_the_talks_were_actually_for_is_their_aims(service: BriefService) -> None:
    (answer,) = ask(service, "what did the turkish foreign minister say the talks were actually for?")
    assert "ceasefire" in first(answer)


def test_there_is_the_place_just_discussed_even_beside_a_person(service: BriefService) -> None:
    _, answer = ask(service, "how many troops are massed near sumy?", "what's putin doing there?")
    assert "buffer zone" in first(answer)


def test_sorting_it_out_is_resolving_it(service: BriefService) -> None:
    (answer,) = ask(service, "who does kyiv think can actually sort this out?")
    assert answer.section_id == "leaders-meeting"


def test_what_a_leader_means_by_a_word_is_what_his_side_calls_it(service: BriefService) -> None:
    (answer,) = ask(service, "what does putin actually mean by 'de-nazification'?")
    assert "Russian-speakers" in first(answer)


def test_whether_the_damage_was_real_is_the_independent_evidence(service: BriefService) -> None:
    (answer,) = ask(service, "how can anyone tell the damage was real?")
    assert "satellite imagery" in first(answer)
