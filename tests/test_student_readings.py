"""Explanations, phone shorthand and short follow-ups read for what they ask (bot/core/matcher.py, bot/core/text.py,
bot/core/scope.py): a leader's reasons found in his country's facts; "can you explain that simpler?" after an answer;
"there" after a place; "ru" before something of a country's; a reply as a reaction; an army's size and when someone
will answer, which no article gives. Each with the question beside it that must keep its old reading.

The questions are the test author's own, not taken from the evaluation sets in tests/eval/.
"""

from __future__ import annotations

from bot.core.service import BriefService
from tests.test_answers import ask, first, service  # noqa: F401  the real brief's service; one conversation a call
from tests.test_scope import rejected


def test_a_leader_s_reason_is_his_country_s_stated_reason(service: BriefService) -> None:
    (answer,) = ask(service, "why is zelensky insisting on an unconditional ceasefire before anything else?")
    assert "pause in the fighting" in first(answer)


def test_a_reason_naming_nothing_asked_is_still_not_guessed(service: BriefService) -> None:
    rejected(service, "why does zelensky want one so badly?")


def test_explain_that_simpler_gives_the_topic_s_summary(service: BriefService) -> None:
    _, answer = ask(service, "how many bombers did ukraine hit?", "sorry, i don't get it")
    assert answer.section_id == "spiders-web" and "drone assault" in first(answer)


def test_i_don_t_get_it_with_nothing_answered_is_turned_down(service: BriefService) -> None:
    (answer,) = ask(service, "i don't get it")
    assert not answer.matched  # not Zelensky's "yet to receive" Moscow's draft


def test_there_after_a_place_asks_about_that_place(service: BriefService) -> None:
    _, answer = ask(service, "where have russian troops massed?", "and what's putin ordering there?")
    assert "buffer zone" in first(answer)


def test_there_after_a_place_still_turns_down_what_the_brief_does_not_say(service: BriefService) -> None:
    _, answer = ask(service, "where have russian troops massed?", "how many people live there?")
    assert not answer.matched


def test_ru_before_something_of_a_country_s_is_russia(service: BriefService) -> None:
    (answer,) = ask(service, "ru delegation head?")
    assert "Medinsky" in first(answer)


def test_ru_opening_a_question_to_the_reader_is_still_are_you(service: BriefService) -> None:
    rejected(service, "ru serious?")


def test_a_reply_is_a_reaction(service: BriefService) -> None:
    (answer,) = ask(service, "what was kyiv's reply to moscow's draft?")
    assert "only seen them on Monday" in first(answer)


def test_the_size_of_an_army_is_not_the_troops_massed_in_one_place(service: BriefService) -> None:
    rejected(service, "how large is ukraine's army?")


def test_a_limit_on_an_army_under_a_deal_is_still_answered(service: BriefService) -> None:
    (answer,) = ask(service, "could ukraine's army be capped under a deal?")
    assert "military strength" in first(answer)


def test_when_someone_will_answer_is_not_why_they_have_not_yet(service: BriefService) -> None:
    rejected(service, "when is kyiv going to respond to the russian draft?")


def test_a_bare_outcome_after_another_round_is_that_round_s(service: BriefService) -> None:
    _, answer = ask(service, "when did the first round take place?", "and the outcome?")
    assert answer.section_id == "first-round" and "1,000" in " ".join(answer.body)


def test_a_bare_outcome_asked_fresh_is_still_the_talks_own(service: BriefService) -> None:
    (answer,) = ask(service, "outcome?")
    assert answer.section_id == "outcomes"


def test_src_asks_for_the_source_of_the_last_answer(service: BriefService) -> None:
    _, answer = ask(service, "who did russia send?", "src?")
    assert "Reported by" in " ".join(answer.body)


def test_when_someone_landed_asks_when_they_arrived(service: BriefService) -> None:
    _, answer = ask(service, "who headed ukraine's team?", "when did he land?")
    assert "Monday" in first(answer)


def test_landing_a_deal_is_still_not_an_arrival(service: BriefService) -> None:
    (answer,) = ask(service, "did they land a deal?")
    assert not answer.matched or answer.section_id != "ukraine-delegation"


def test_why_hopes_were_low_leads_with_why(service: BriefService) -> None:
    (answer,) = ask(service, "why were hopes of a breakthrough so low?")
    assert "far apart" in first(answer)


def test_troops_someone_has_in_one_place_are_still_counted(service: BriefService) -> None:
    (answer,) = ask(service, "how many soldiers has moscow got along the border near sumy?")
    assert "50,000" in first(answer)


def test_the_date_of_a_swap_still_to_come_typed_short_is_not_given(service: BriefService) -> None:
    rejected(service, "next exchange date?")


def test_the_next_round_s_time_typed_short_is_still_answered(service: BriefService) -> None:
    (answer,) = ask(service, "next round when?")
    assert "end of June" in first(answer)


def test_a_russian_outlet_asked_for_is_the_russian_agency_a_fact_cites(service: BriefService) -> None:
    (answer,) = ask(service, "which russian news outlet reported that kalin would be there?")
    assert "RIA Novosti" in first(answer)


def test_an_outlet_of_another_country_is_still_not_that_agency(service: BriefService) -> None:
    rejected(service, "which ukrainian outlet said kalin would attend?")


def test_who_did_what_was_just_shown_is_the_fact_again(service: BriefService) -> None:
    _, answer = ask(service, "what did ukraine's team hand over about children?", "who handed that over?")
    assert "Yermak" in first(answer)


def test_it_after_a_question_set_in_the_war_is_what_it_asked_about(service: BriefService) -> None:
    _, answer = ask(service, "what has become of ukrainian children in this war?", "did kyiv raise it in istanbul?")
    assert answer.section_id == "children"


def test_it_after_a_question_about_the_war_is_still_the_war(service: BriefService) -> None:
    _, answer = ask(service, "how many have been killed in this war?", "when did it begin?")
    assert "2022" in first(answer)
