"""Chatty messages and everyday wordings read for what they ask (bot/core/matcher.py's clauses, bot/core/text.py,
bot/core/scope.py): the question after ", but" inside a long sentence; "compared to when it was supposed to"; "people"
counted where a fact counts prisoners; "government job"; "was in the room"; "say to them"; "a senior figure"; and a
count "admitted" by a side whose own figure the brief does not give. Each with the question beside it that must keep
its old reading.

The questions are the test author's own, not taken from the evaluation sets in tests/eval/.
"""

from __future__ import annotations

import pytest

from bot.core.service import BriefService
from tests.test_answers import ask, first, service  # noqa: F401  the real brief's service; one conversation a call
from tests.test_scope import rejected


def test_a_question_after_but_inside_a_chatty_sentence_is_read_alone(service: BriefService) -> None:
    (answer,) = ask(service, "the talks were short and tense, but did the two sides agree on anything at all?")
    assert answer.section_id == "outcomes" and "prisoner exchange" in first(answer)


def test_late_compared_to_the_plan_asks_how_late_not_a_comparison(service: BriefService) -> None:
    (answer,) = ask(service, "how late did the talks start compared to the plan?")
    assert "two hours" in first(answer)


def test_a_size_compared_to_a_state_is_still_the_comparison(service: BriefService) -> None:
    (answer,) = ask(service, "the occupied land is compared to which us state?")
    assert "Ohio" in first(answer)


def test_people_counted_are_the_prisoners_a_fact_counts(service: BriefService) -> None:
    (answer,) = ask(service, "how many people did each side free in the may swap?")
    assert "1,000" in first(answer)


def test_people_killed_are_still_not_answered_by_prisoners(service: BriefService) -> None:
    rejected(service, "how many people were killed in the may prisoner swap?")


def test_a_government_job_is_the_job(service: BriefService) -> None:
    (answer,) = ask(service, "what's umerov's actual government job?")
    assert answer.section_id == "ukraine-delegation" and "Defence Minister" in first(answer)


def test_a_government_post_still_asks_the_post(service: BriefService) -> None:
    (answer,) = ask(service, "what government post does umerov hold?")
    assert "Defence Minister" in first(answer)


def test_trump_posting_is_still_not_a_post_held(service: BriefService) -> None:
    rejected(service, "what did trump post on social media after the talks ended?")


def test_who_was_in_the_room_asks_who_attended(service: BriefService) -> None:
    (answer,) = ask(service, "who was in the room from turkey for the talks?")
    assert answer.section_id == "attendance" and "Turkish officials" in first(answer)


def test_the_mood_in_the_room_is_still_the_mood(service: BriefService) -> None:
    (answer,) = ask(service, "what was the vibe in the room?")
    assert answer.section_id == "expectations"


def test_what_someone_said_to_those_present_is_what_they_were_told(service: BriefService) -> None:
    _, answer = ask(service, "who was at the talks for turkey?", "what did fidan say to them?")
    assert "eyes of the whole world" in first(answer)


def test_a_senior_figure_is_a_person_not_a_number(service: BriefService) -> None:
    (answer,) = ask(service, "which senior turkish figure sat in on the talks besides the foreign minister?")
    assert answer.section_id == "attendance" and "Turkish officials" in first(answer)


@pytest.mark.parametrize("question", ["how do u say truce in russian", "how do ya say ceasefire in turkish?"])
def test_a_translation_typed_short_is_turned_down(service: BriefService, question: str) -> None:
    rejected(service, question)


@pytest.mark.parametrize("question", [
    "how many bombers does russia admit it lost?",
    "how many planes has moscow acknowledged were destroyed",
])
def test_a_count_a_side_admits_is_not_answered_with_someone_else_s(service: BriefService, question: str) -> None:
    rejected(service, question)


def test_a_count_a_side_claims_is_still_answered_with_its_claim(service: BriefService) -> None:
    (answer,) = ask(service, "how many planes does kyiv say it hit?")
    assert "40" in first(answer) and "Ukraine" in first(answer)


def test_who_made_that_announcement_is_who_the_answer_says_said_it(service: BriefService) -> None:
    _, answer = ask(service, "what did kyiv hand over about children?", "who made that announcement?")
    assert first(answer).startswith("Andriy Yermak")


def test_which_one_someone_put_second_is_that_item_of_the_list(service: BriefService) -> None:
    _, answer = ask(service, "what were zelensky's priorities on sunday?", "which one did he put second?")
    assert "release of prisoners" in first(answer) and "second priority" in first(answer)


def test_anything_similar_asks_the_same_kind_of_thing_of_the_new_occasion(service: BriefService) -> None:
    _, answer = ask(service, "what came out of the may round?", "did monday's round produce anything similar?")
    assert answer.section_id == "outcomes" and "new prisoner exchange" in first(answer)


def test_the_other_side_s_head_is_found_after_an_aside(service: BriefService) -> None:
    _, answer = ask(service, "who led moscow's delegation?", "ok thanks. and who sat across the table from him?")
    assert "Umerov" in first(answer)


def test_something_nasty_said_of_someone_is_what_they_called_him(service: BriefService) -> None:
    (answer,) = ask(service, "did trump say anything nasty about putin?")
    assert "crazy" in first(answer)


def test_a_phone_call_is_still_not_what_someone_was_called(service: BriefService) -> None:
    rejected(service, "did trump phone putin after the talks?")


def test_how_many_after_a_round_is_its_count_not_its_date(service: BriefService) -> None:
    """A day of the month ("16 May") and an article's number ("article 004") count nothing: the fact giving the
    1,000 prisoners a side leads, not the one dating the round."""
    _, answer = ask(service, "what came of the first round?", "how many, though?")
    assert "1,000" in first(answer)


def test_minutes_the_brief_does_not_give_are_still_not_answered(service: BriefService) -> None:
    rejected(service, "how many minutes exactly did the talks last?")


@pytest.mark.parametrize("question", [
    "what did putin say once the talks were over?",
    "how did zelensky react after the istanbul talks?",
])
def test_what_someone_said_afterwards_is_not_answered_with_what_they_said_before(service: BriefService,
                                                                                   question: str) -> None:
    rejected(service, question)


def test_what_someone_announced_after_the_talks_is_still_answered(service: BriefService) -> None:
    (answer,) = ask(service, "what did umerov announce after the talks?")
    assert "new prisoner exchange" in first(answer)


def test_he_after_a_name_the_articles_never_give_is_no_one_the_brief_knows(service: BriefService) -> None:
    rejected(service, "macron always has an opinion, what did he say about the talks?")


def test_he_after_a_name_the_brief_knows_is_still_answered(service: BriefService) -> None:
    (answer,) = ask(service, "medinsky was there, what did he say about ukraine's draft?")
    assert "Medinsky" in first(answer)


def test_his_after_a_name_earlier_in_the_sentence_is_that_person_s(service: BriefService) -> None:
    (answer,) = ask(service, "my aunt doesn't trust umerov, what's his actual job?")
    assert "Defence Minister" in first(answer)


def test_his_after_someone_s_man_is_still_not_that_someone_s(service: BriefService) -> None:
    (answer,) = ask(service, "putin's man in istanbul, what's his name again?")
    assert "Medinsky" in first(answer)


@pytest.mark.parametrize("question", ["what job did fidan have before that?", "what was kalin's post previously?"])
def test_a_job_held_before_is_not_answered_with_the_one_held_now(service: BriefService, question: str) -> None:
    rejected(service, question)


def test_pushing_for_something_is_demanding_it(service: BriefService) -> None:
    (answer,) = ask(service, "why is putin pressing for sanctions relief?")
    assert "frozen" in first(answer)


def test_what_sort_of_the_last_question_s_thing_stays_on_its_topic(service: BriefService) -> None:
    _, answer = ask(service, "did any european countries send people to istanbul?", "what kind of people?")
    assert answer.section_id == "european-advisers" and "advis" in first(answer)


def test_what_sort_of_people_asked_fresh_is_still_read_alone(service: BriefService) -> None:
    (answer,) = ask(service, "what sort of people?")
    assert answer.section_id != "european-advisers"
