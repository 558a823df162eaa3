"""Russian and Ukrainian typed in Latin letters, alone or mixed with English, as readers of this brief write it:
read in English before matching, and only when the message reads as transliteration.

The questions are the test author's own, not taken from the evaluation sets in tests/eval/.
"""

from __future__ import annotations

import pytest

from bot.core.service import BriefService
from bot.core.translit import in_english
from tests.test_answers import ask, first, service  # noqa: F401  the real brief's service; one conversation a call


@pytest.mark.parametrize(("message", "english"), [
    ("kto vozglavlyal delegatsiyu Rossii?", "who led delegation russia?"),
    ("skilky polonenykh obminyaly?", "how many prisoners exchange?"),
    # a hyphenated or possessive word is not split into words to translate ("de" is "where" alone)
    ("chto takoe de-Nazification i Spider's Web?", "what is de-Nazification i Spider's Web?"),
    ("skolko stoili bombers po slovam Kieva?", "how much worth bombers according to kyiv?"),
])
def test_transliteration_reads_in_english(message: str, english: str) -> None:
    assert in_english(message) == english


@pytest.mark.parametrize("message", [
    "did putin and medinsky meet?",  # names spelled as the start of a word would be: still English
    "can i ask who led russia on monday",
    "what did zelensky say about ukrainian children?",
])
def test_english_is_left_alone(message: str) -> None:
    assert in_english(message) is None


def test_a_short_transliterated_follow_up_is_read_too(service: BriefService) -> None:
    # one word starting like a Russian word is enough in a message of three words or fewer
    assert in_english("peregovory?") == "negotiations?"
    _, other = ask(service, "kto vozglavlyal rossiyskuyu delegatsiyu?", "a ukrainskuyu?")
    assert "umerov" in first(other).casefold()


@pytest.mark.parametrize(("question", "fact"), [
    ("kto byl glavoy ukrainskoy delegatsii?", "umerov"),
    ("skolko dronov zapustila Rossiya v noch na voskresenye?", "80"),
    ("koly nastupnyi raund peregovoriv?", "end of june"),
    ("Medinskiy kto takoy?", "kremlin aide"),
    ("what did Rossiya trebuet from Ukraine?", "russian terms"),  # mixed with English
])
def test_a_transliterated_question_is_answered(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert answer.matched and fact in first(answer).casefold(), answer.body


@pytest.mark.parametrize("question", [
    "skolko let Medinskomu?",  # his age: the articles do not say
    "koly zakinchytsya viyna?",  # when the war will end
    "kakaya pogoda v Stambule?",
])
def test_a_transliterated_question_the_brief_cannot_answer_stays_unanswered(
        service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert not answer.matched, answer.body
