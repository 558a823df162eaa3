"""Search-box messages (issue 10): keywords typed as into a search engine are read as the question they stand for
(bot/core/keywords.py). Wordings written for this test, not taken from tests/eval/.
"""

from __future__ import annotations

import pytest

from bot.core.service import BriefService
from tests.test_answers import ask, first, service  # noqa: F401  the real brief's service; one conversation a call


@pytest.mark.parametrize(("question", "fact"), [
    # a trailing question noun asks what a question word would: number/count/total -> how many, amount -> how much
    ("soldiers near sumy count", "50,000"),
    ("bombers hit number", "40"),
    ("killed ukraine total", "1.2 million"),
    ("casualties us estimate", "1.2 million"),
    ("sanctions relief frozen assets amount", "hundreds of billions"),
])
def test_a_trailing_question_noun_asks_the_question(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in first(answer), answer.body


@pytest.mark.parametrize(("question", "fact"), [
    # a unique prefix (four letters or more) of a declared name reads as that name
    ("umer role", "Defence Minister"),
    ("medin job title", "Kremlin aide"),
    ("fida role", "Foreign Minister"),
    ("zelen first demand", "ceasefire"),
])
def test_a_half_typed_name_reads_as_the_name(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in " ".join(answer.body), answer.body


@pytest.mark.parametrize(("question", "section"), [
    # a hashtag's CamelCase words are the words
    ("#RussiaUkraineTalks venue", "venue"),
    ("#UkraineTalks outcome", "outcomes"),
])
def test_a_hashtag_reads_as_its_words(service: BriefService, question: str, section: str) -> None:
    (answer,) = ask(service, question)
    assert answer.section_id == section, answer.body


@pytest.mark.parametrize("question", [
    # keywords the brief cannot answer stay "I don't know", with or without a trailing question noun or a
    # half-typed name
    "bitcoin price today",
    "umerov salary",
    "medinsky age",
    "medin salary amount",
    "zelen wife age",
    "fida spouse name",
    "putin wealth figure",
    "turkey gdp total",
    "palace rooms number",
    "erdogan birth date",
    "#BitcoinPrice today",
])
def test_off_topic_keywords_stay_unanswered(service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert not answer.matched, answer.body


def test_keywords_after_an_answer_stay_unanswered_when_off_topic(service: BriefService) -> None:
    answered, off = ask(service, "umer role", "salary amount")
    assert answered.matched and not off.matched, off.body
