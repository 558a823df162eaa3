"""Readers piecing together what came first and who says what, answered with the fact asked for (bot/core/matcher.py's
reading of the kind of fact asked; the brief's aliases and fact keywords): "what part of Ukraine" Russia holds asks a
share, not a place; "who ... first, Russia or Ukraine?" asks a side, which the fact on its delegation names; "before or
after" is asked whole and answered by the days; "where did he set out ..." asks where he published it; a lone "$"
asks a value in dollars; what Trump "calls himself"; a "drone stunt"; "a single damn thing" (not "a single
document"); "the May swap" is a swap, not only the round it came from; Fidan's "three things"; "core" conditions;
"believe" (no more than "think"), "put on the table", "pushing hardest", "under some kind of cloud", "Zelensky's
office" (Yermak), "who's making that claim?".
Each with the question beside it that must keep its old reading.

The questions are the test author's own, not taken from the evaluation sets in tests/eval/.
"""

from __future__ import annotations

import pytest

from bot.core.service import BriefService
from tests.test_answers import ask, first, service  # noqa: F401  the real brief's service; one conversation a call


@pytest.mark.parametrize(("question", "expected"), [
    # what the reader asks for leads: the kind of fact the question's words ask
    ("which part of ukraine is under russian control?", "Russia controls"),  # a share or the area, not Ohio
    ("which part of russia were the bombers in?", "Siberia"),  # nothing "controls" it: still a place
    ("who reached istanbul first, russia or ukraine?", "Russia's delegation arrived"),  # a side, not a person
    ("did the drone strikes come before or after the talks?", "a day before Monday's talks"),  # asked whole
    ("where did zelensky lay out ukraine's conditions?", "social media post"),  # where he published them
    ("where did russia mass its troops?", "Sumy"),  # a place still
    ("what's the $ value of the bombers?", "$7 billion"),
    # readers' own words for what the brief says
    ("what does trump like to call himself?", "negotiator in chief"),
    ("what did trump call putin?", "crazy"),
    ("how many jets did kyiv say that drone stunt hit?", "40"),
    ("did the talks produce a single damn thing?", "prisoner exchange"),
    ("since when was the may swap the biggest?", "February 2022"),  # a swap, not only the first round
    ("how many prisoners were freed in the may swap?", "1,000"),
    ("what three things was the meeting meant to cover?", "Fidan said the aim"),
    ("what are russia's core conditions?", "NATO"),
    ("does trump believe a peace deal can happen?", "achievable"),  # "believe" asks no more than "think"
    ("did the kremlin put its draft on the table in istanbul?", "memorandum"),
    ("where are the russians pushing hardest?", "Sumy"),
    ("isn't umerov under some kind of cloud?", "scandal"),
    ("which official in zelensky's office spoke about the children's list?", "Yermak"),
])
def test_the_fact_asked_for_leads(service: BriefService, question: str, expected: str) -> None:
    (answer,) = ask(service, question)
    assert expected in first(answer)
    assert "Ohio" not in first(answer)


def test_either_side_without_an_order_stays_unanswered(service: BriefService) -> None:
    # "russia or ukraine" asked of what the articles never compare
    (answer,) = ask(service, "who has more tanks, russia or ukraine?")
    assert not answer.matched


def test_so_far_apart_still_asks_why(service: BriefService) -> None:
    (answer,) = ask(service, "why are the two sides so far apart?")
    assert answer.matched


def test_who_is_making_that_claim(service: BriefService) -> None:
    first_turn, follow_up = ask(service, "how many russian soldiers have gathered near sumy?",
                                "and who's making that claim?")
    assert "50,000" in first(first_turn)
    assert follow_up.matched and "Ukrainian officials" in " ".join(follow_up.body[:2])
