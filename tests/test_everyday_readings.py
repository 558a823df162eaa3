"""Everyday wordings read for what they mean here (bot/core/text.py, the brief's aliases): "another swap coming" is
one to come, not someone attending; "on his list" after someone's demands is the rest of them; "get fired" and
"been charged" are a job lost and a court case, which the brief never tells; "hold off" and "hesitate" are the
wait before Ukraine confirmed its delegation. Each with the question beside it that must keep its old reading.

The questions are the test author's own, not taken from the evaluation sets in tests/eval/.
"""

from __future__ import annotations

import pytest

from bot.core.service import BriefService
from tests.test_answers import ask, first, service  # noqa: F401  the real brief's service; one conversation a call
from tests.test_scope import rejected


@pytest.mark.parametrize("question", ["is there another swap coming?", "is a new prisoner exchange coming"])
def test_another_thing_coming_asks_what_is_still_to_come(service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert answer.section_id == "prisoner-exchanges" and "new prisoner exchange" in first(answer)


def test_someone_coming_still_asks_who_attends(service: BriefService) -> None:
    (answer,) = ask(service, "is putin coming?")
    assert answer.section_id == "attendance" and "putin" in first(answer).casefold()


def test_what_else_is_on_his_list_goes_on_with_his_demands(service: BriefService) -> None:
    _, answer = ask(service, "what does putin want on sanctions?", "what else is on his list")
    assert answer.matched and answer.section_id == "russia-position"
    assert "sanctions relief" not in first(answer)  # the rest of his terms, not the one just shown


@pytest.mark.parametrize("question", [
    "did umerov get fired over his scandal later?",
    "has umerov been charged with anything over that scandal",
])
def test_what_became_of_someone_afterwards_is_not_answered(service: BriefService, question: str) -> None:
    rejected(service, question)


def test_the_scandal_itself_is_still_answered(service: BriefService) -> None:
    (answer,) = ask(service, "what scandal is umerov mired in?")
    assert "abuse of power" in first(answer)


@pytest.mark.parametrize("question", [
    "why did zelensky hold off on sending the delegation?",
    "why did kyiv keep everyone guessing about coming?",
])
def test_holding_off_is_the_wait_for_spider_s_web(service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert "only after" in first(answer)


def test_what_someone_is_threatening_leads_with_every_threat_the_brief_tells(service: BriefService) -> None:
    (answer,) = ask(service, "what's trump threatening to do?")
    led = " ".join(fact.text for fact in answer.facts)
    assert "walk away" in led and "sanctions" in led


def test_it_after_an_operation_is_the_operation_a_side_named_did(service: BriefService) -> None:
    _, answer = ask(service, "what was operation spider's web?", "when did ukraine launch it")
    assert "sunday" in first(answer).casefold()


def test_what_people_were_expecting_asks_the_expectations(service: BriefService) -> None:
    (answer,) = ask(service, "what were people expecting from monday's talks")
    assert answer.matched and "low" in first(answer)


def test_how_moscow_responded_about_the_children_is_its_word_on_them(service: BriefService) -> None:
    (answer,) = ask(service, "how did russia respond about the kids?")
    assert "protect them" in first(answer)


def test_who_else_from_turkey_after_fidan_is_kalin(service: BriefService) -> None:
    _, answer = ask(service, "who was turkey's foreign minister at the talks?", "who else from turkey was there?")
    assert "Kalin" in first(answer)


@pytest.mark.parametrize("question", ["where did each delegation sit?", "where were the teams sitting?"])
def test_where_the_delegations_sat_asks_their_seating_not_a_place(service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert "opposite sides" in first(answer)


def test_where_things_were_sitting_still_asks_the_place(service: BriefService) -> None:
    (answer,) = ask(service, "where were the bombers sitting?")
    assert "Siberia" in first(answer)


@pytest.mark.parametrize("question", ["round number??", "[Istanbul talks] round number?"])
def test_a_round_number_asks_which_round(service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert "second round" in first(answer)


@pytest.mark.parametrize(("question", "side"), [
    ("umerov is negotiating for which country", "Ukraine"),
    ("what nation does medinsky represent?", "Russia"),
])
def test_which_country_someone_represents_asks_their_side(service: BriefService, question: str, side: str) -> None:
    (answer,) = ask(service, question)
    assert side in first(answer)


def test_which_country_hosted_still_asks_the_host(service: BriefService) -> None:
    (answer,) = ask(service, "which country hosted the talks?")
    assert "Turkish" in first(answer) or "Turkey" in first(answer)
