"""Who does what to whom: the party or person doing a verb, in a question and in the brief's facts.

"How many drones did Russia shoot down?" asks Russia's count; "Ukraine shot down 52 of Russia's 80 drones" names
Russia too, but on the receiving end. Both share every term, so only the order of the words tells them apart:
the doer stands right before its verb ("Russia shot down"), or after "by" in the passive ("drones shot down by
Russia"); the one done to comes after the verb ("… of Russia's 80 drones"). A fact that names the one asked only on
the receiving end of the verb asked, with someone else doing it, does not answer the question when a fact that
does not do so is there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import AbstractSet as Set, Callable, Mapping

from bot.core.analyzer import Analyzer
from bot.core.text import QUESTION_WORDS, normalize

# The auxiliaries a question puts before its subject: "did Russia shoot", "has Kyiv hit", "will Moscow send".
_AUXILIARIES = frozenset({"did", "does", "do", "has", "have", "had", "will", "would", "could", "can", "is", "are",
                          "was", "were"})
_ADVERBS = frozenset({"actually", "really", "even", "ever", "also", "then", "finally", "still", "already", "just"})
_POSSESSIVE = re.compile(r"^\w+['’]s?$")  # "umerov's team": whose team, not who does something
_RECEIVING = 5  # terms after a verb read as what it was done to


@dataclass(frozen=True)
class Done:
    """One verb of a text: who did it, and whom the words right after it name (what it was done to)."""

    doers: frozenset[str]
    receivers: frozenset[str]


class Agents:
    """Reads the doer of each verb with the brief's analyzer; `entities` are the terms that can do something, and
    `ignored` the verbs whose doer is not read here (saying, wanting: the rules for speakers read those)."""

    def __init__(self, analyzer: Analyzer, entities: Set[str], ignored: Set[str] = frozenset()) -> None:
        self._analyzer = analyzer
        self._entities = entities
        self._ignored = ignored
        self._of_text: dict[str, Mapping[str, Done]] = {}  # the brief's texts: read once per matcher

    def asked(self, question: str) -> dict[str, str]:
        """Verb term -> the entity asked to have done it: "did russia shoot down" (an auxiliary, its subject, its
        verb), "russia shot down how many?" (the subject opening the question) or "shot down by russia". Only a subject right after an auxiliary counts, so that "russian
        negotiators" is no doer of anything, nor "umerov's team" of "team"; nor a verb the subject only thinks or
        says something of ("who does umerov think can fix it").

        """
        if self._entities.isdisjoint(self._analyzer.terms(question)):
            return {}  # no one named, so no doer: most questions, and their terms are remembered already
        raw = question.split()
        said = [_normal_word(w) for w in raw]
        terms = self._analyzer.runs(said)
        found: dict[str, str] = {}
        for i, word in enumerate(["", *said]):  # and a subject opening the question: "russia shot down how many?"
            if i and word not in _AUXILIARIES:
                continue
            subject = self._subject(raw, terms, i, len(said))
            if subject is None:
                continue
            doer, j = subject
            while j < len(said) and said[j] in _ADVERBS:  # "did russia actually shoot down"
                j += 1
            first = terms(j, j + 1)  # the verb's own first word, not "think"
            after = terms(j, j + 4)
            if first and after and self._verb(after[0]) and not self._ignored.intersection(first):
                found.setdefault(after[0], doer)
        whole = normalize(question).split()  # "drones_downed_by_russia" is one of the words above
        if "by" in whole:
            for verb, (doer, _) in self._passive(whole, self._analyzer.runs(whole)).items():
                found[verb] = doer
        return found

    def _subject(self, raw: list[str], terms: Callable[[int, int], tuple[str, ...]], start: int,
                 count: int) -> tuple[str, int] | None:
        """The entity named by the words from `start` on ("the russians"), and where they end; None when those
        words name no one or name whose something is ("russia's drones")."""
        for end in range(start + 1, min(start + 4, count) + 1):
            found = terms(start, end)
            if found:
                if len(found) == 1 and found[0] in self._entities and not _POSSESSIVE.match(raw[end - 1]):
                    return found[0], end
                return None
        return None

    def of_text(self, text: str) -> Mapping[str, Done]:
        """Verb term -> who did it in a text of the brief and whom it was done to: the entity right before a term
        that is not one ("Ukraine shot down 52 of Russia's 80 drones and Russia shot down 162 …": both sides do it,
        each to the other), and the passive's "… drones shot down by Russia"."""
        cached = self._of_text.get(text)
        if cached is None:
            terms = self._analyzer.terms(text, correct=False)
            doers: dict[str, set[str]] = {}
            receivers: dict[str, set[str]] = {}
            for k in range(1, len(terms)):
                before, term = terms[k - 1], terms[k]
                if before in self._entities and self._verb(term):
                    doers.setdefault(term, set()).add(before)
                    receivers.setdefault(term, set()).update(
                        t for t in terms[k + 1:k + 1 + _RECEIVING] if t in self._entities)
            said = normalize(text).split()

            def of_text_terms(start: int, end: int) -> tuple[str, ...]:
                return self._analyzer.terms(" ".join(said[start:end]), correct=False) if start < end else ()

            for verb, (doer, done_to) in self._passive(said, of_text_terms).items():
                doers.setdefault(verb, set()).add(doer)
                receivers.setdefault(verb, set()).update(done_to)
            cached = self._of_text[text] = {
                verb: Done(frozenset(found), frozenset(receivers.get(verb, ())) - found)
                for verb, found in doers.items()}
        return cached

    def _passive(self, said: list[str], terms: Callable[[int, int], tuple[str, ...]]
                 ) -> dict[str, tuple[str, frozenset[str]]]:
        """"Kyiv's drones shot down by Russia": the verb right before "by", the entity right after it, and the
        entities named before the verb (what it was done to). `terms(start, end)`: the terms of said[start:end]."""
        found: dict[str, tuple[str, frozenset[str]]] = {}
        for i, word in enumerate(said):
            if word == "by" and 0 < i:
                before = terms(max(0, i - 4), i)
                after = terms(i + 1, i + 4)
                if before and after and after[0] in self._entities and self._verb(before[-1]):
                    found[before[-1]] = after[0], frozenset(t for t in before if t in self._entities)
        return found

    def _verb(self, term: str) -> bool:
        return term not in self._entities and term not in QUESTION_WORDS and not term.isdigit() \
            and term not in self._ignored


def _normal_word(word: str) -> str:
    """`normalize` of one word of a question, worked out afresh (remembered, every word would crowd questions out of
    the memo). A word of lowercase ASCII letters is normal already, as `normalize` would return it: most words."""
    if word.isalpha() and word.isascii() and word.islower():
        return word
    return normalize.__wrapped__(word)


def others_did(asked: Mapping[str, str], done: Mapping[str, Done]) -> bool:
    """Whether a text has the one asked on the receiving end of a verb asked, done by others only ("Ukraine shot
    down 52 of Russia's 80 drones" for "how many did Russia shoot down")."""
    return any((found := done.get(verb)) is not None and doer in found.receivers and doer not in found.doers
               for verb, doer in asked.items())


def only_did(asked: Mapping[str, str], done: Mapping[str, Done]) -> bool:
    """Whether a text says the one asked, and no one else, did a verb the question asks about."""
    return any((found := done.get(verb)) is not None and found.doers == {doer} for verb, doer in asked.items())
