"""How the people the brief names stand to each other: a negotiator's counterpart, whom someone works for, who went
in a leader's place, and who did a thing to a side ("who demanded ukraine drop …?"). The brief says these in its
people's roles, so each is answered by the plain question the role answers.

The questions are the test author's own, not taken from the evaluation sets in tests/eval/.
"""

from __future__ import annotations

import pytest

from bot.core.service import BriefService
from tests.test_answers import ask, first, service  # noqa: F401  the real brief's service; one conversation a call


@pytest.mark.parametrize(("question", "name"), [
    ("who was Medinsky negotiating with?", "Umerov"),
    ("who sat opposite umerov in istanbul?", "Medinsky"),
    ("umerov's opposite number?", "Medinsky"),
    ("who did the ukrainians face across the table?", "Medinsky"),
    ("whom did kyiv's team talk to?", "Medinsky"),
])
def test_a_negotiators_counterpart_is_the_other_sides_head(service: BriefService, question: str, name: str) -> None:
    assert name in first(ask(service, question)[0])


@pytest.mark.parametrize(("question", "name"), [
    ("who does kellogg answer to?", "Trump"),
    ("who is yermak working for", "Zelensky"),
    ("who dispatched medinsky to istanbul?", "Putin"),
    ("umerov's boss?", "Zelensky"),  # his own card does not say; Zelensky's names him
])
def test_whom_someone_works_for_is_in_a_card(service: BriefService, question: str, name: str) -> None:
    assert name in first(ask(service, question)[0])


def test_a_relation_follows_the_person_just_discussed(service: BriefService) -> None:
    head, counterpart, boss = ask(service, "who led russia's delegation?", "and who was he up against?",
                                  "who sent him?")
    assert "Medinsky" in first(head) and "Umerov" in first(counterpart)
    # "him" is now Umerov, the one just answered
    assert "Zelensky" in first(boss)


def test_who_went_in_a_leaders_place(service: BriefService) -> None:
    assert "Medinsky" in first(ask(service, "who went to the talks in place of putin?")[0])
    _, sent = ask(service, "what did zelensky say about the talks?", "who did he send?")
    assert "Umerov" in first(sent)


def test_a_named_side_is_the_one_asked(service: BriefService) -> None:
    _, across = ask(service, "who is medinsky?", "his russian counterpart?")
    assert "Medinsky" in first(across)  # the side named, though it is his own


@pytest.mark.parametrize("question", [
    "who is zelensky's chief of staff?",  # a job, not a boss
    "who does zelensky want to meet?",  # whom he would meet, not whom he negotiated with
    "who is russia's top negotiator?",  # a noun, not "negotiate with"
])
def test_other_questions_about_people_are_not_relations(service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert answer.matched and "Umerov" not in first(answer)


def test_who_did_a_thing_to_a_side_may_be_the_other_side(service: BriefService) -> None:
    # Ukraine is what the demand is of; the one who made it is asked
    (demand,) = ask(service, "who wants ukraine to give up on joining nato?")
    assert "Kremlin" in first(demand) or "Russia" in first(demand)


def test_the_counterpart_of_a_side_named_at_the_end(service: BriefService) -> None:
    # "who's" reads "who" once normalised: "he" is still the one asked about
    _, facing = ask(service, "who headed ukraine's team?", "who's he up against on the russian side?")
    assert "Medinsky" in first(facing)
    # whom about a matter is no counterpart: not rewritten as "who led russia's delegation?"
    assert service.store.current.matcher.relations.asked("who did kyiv talk to about prisoners?", frozenset()) is None


def test_who_brought_a_matter_up_is_who_raised_it(service: BriefService) -> None:
    (answer,) = ask(service, "who brought up the deported children?")
    assert "Yermak" in first(answer)


@pytest.mark.parametrize("question", [
    "will umerov be sacked over the scandal?",  # the scandal is told; what becomes of him is not
    "is medinsky going to write another textbook?",
    "will the west unfreeze the assets putin wants?",
])
def test_what_is_to_come_of_what_the_brief_tells_is_not_foreseen(service: BriefService, question: str) -> None:
    (fresh,) = ask(service, question)
    assert not fresh.matched


@pytest.mark.parametrize(("question", "fact"), [
    ("will there be another round?", "june"),  # proposed
    ("will ukraine recognise russian sovereignty over occupied land?", "recognition"),  # a stance foresees
    ("will the new prisoner swap happen?", "exchange"),  # agreed
])
def test_what_the_brief_foresees_is_answered(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in " ".join(answer.body).casefold()


def test_who_handed_over_the_names_asks_a_doer_not_names(service: BriefService) -> None:
    _, handed = ask(service, "what's this about ukrainian kids taken to russia?", "who handed over the names?")
    assert "Yermak" in first(handed)
    _, general = ask(service, "how were the drones smuggled in?", "who led it, like the commander's name?")
    assert not general.matched  # a name the brief does not give is still asked


def test_a_meeting_of_two_people_needs_a_fact_telling_of_it(service: BriefService) -> None:
    (trump,) = ask(service, "will putin sit down with trump?")
    assert not trump.matched  # what Trump said of Putin tells of no meeting
    (zelensky,) = ask(service, "will putin meet zelensky?")
    assert "meeting" in first(zelensky)


def test_when_the_kremlin_says_a_leaders_meeting_could_happen(service: BriefService) -> None:
    (answer,) = ask(service, "does the kremlin agree to a zelensky putin meeting?")
    assert "agreements" in first(answer)


def test_what_do_you_think_someone_wants_is_still_asked_of_the_brief(service: BriefService) -> None:
    (answer,) = ask(service, "what do you think ukraine wants?")
    assert "ceasefire" in first(answer)


@pytest.mark.parametrize(("question", "fact"), [
    ("how much land does russia hold, in square kilometres?", "113,100"),  # "square km" is the same unit
    ("what percentage of ukraine does russia control?", "one-fifth"),  # a fraction is a share
    ("how many prisoners per side were swapped in may?", "1,000"),  # "on each side"
])
def test_a_figure_in_the_unit_the_brief_gives_it_in_is_answered(service: BriefService, question: str,
                                                                 fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in " ".join(answer.body)
