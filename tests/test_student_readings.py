"""Explanations and short follow-ups read for what they ask (bot/core/matcher.py): a leader's reasons found in his
country's facts; "can you explain that simpler?" after an answer; "there" after a place. Each with the question
beside it that must keep its old reading.

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
