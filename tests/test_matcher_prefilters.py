"""The matcher's cheap tests before its slow patterns (a substring test before a regex that tries every "is" or
"which" of a long message) must never change what the pattern says: same verdict, same match, on every text."""

from __future__ import annotations

from bot.core.matcher import _NAME_REQUEST, _SAY_REQUEST, _asks_a_name, _clauses, _say_request
from bot.core.text import sentences
from tests.eval.evaluate import load

MADE_UP = [
    "what did Kalin say about it?", "WHAT HAS THE KREMLIN SAID", "did he tell them", "has zelensky commented",
    "which regions EXACTLY?", "which ones precisely", "the NAMES please", "list them", "what was the op called?",
    "what’s it called", "what is this thing Called", "did putin ſay anything",  # a long s: the pattern reads it as s
    "what did the \u212aremlin say", "Kelvin sign: \u212a", "titles?", "who attended", "", "is was did does", "x" * 600,
]


def texts() -> list[str]:
    """Every question and turn of train and dev, each sentence and clause of them, and some made-up texts."""
    found = list(MADE_UP)
    for name in ("train", "dev"):
        data = load(name)
        asked = [item["q"] for item in data["questions"]]
        asked += [turn["q"] for conversation in data["conversations"] for turn in conversation]
        for text in asked:
            pieces = sentences(text)
            found += [text, *pieces, *(clause for piece in pieces for clause in _clauses(piece))]
    return found


def test_asking_for_names_is_what_the_pattern_says() -> None:
    assert [t for t in texts() if _asks_a_name(t) != bool(_NAME_REQUEST.search(t))] == []


def test_asking_what_someone_said_is_the_pattern_s_match() -> None:
    def span(found: object) -> object:
        return None if found is None else (found.span(), found.groups())  # type: ignore[attr-defined]

    assert [t for t in texts() if span(_say_request(t)) != span(_SAY_REQUEST.search(t))] == []
