"""The curator's example questions as term sets: how like one of a topic's examples a question is (Dice overlap).

A question meets only the examples that share a term with it: the cost follows what it shares with the brief.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Collection, Iterable, NamedTuple


class _TermExamples(NamedTuple):
    examples: frozenset[int]  # the examples using the term
    smallest: dict[int, int]  # section -> the fewest terms one of its examples using the term has


class Examples:
    def __init__(self, examples: Iterable[tuple[int, frozenset[str]]]) -> None:
        """`examples`: (section, terms) pairs; examples without terms are left out."""
        self._sections: list[int] = []
        self._terms: list[frozenset[str]] = []
        postings: dict[str, list[int]] = defaultdict(list)
        for section, terms in examples:
            if not terms:
                continue
            for term in terms:
                postings[term].append(len(self._sections))
            self._sections.append(section)
            self._terms.append(terms)
        self._postings = dict(postings)
        self._by_term: dict[str, _TermExamples] = {}  # filled as questions use the terms: a reload stays cheap

    def _term(self, term: str) -> _TermExamples | None:
        found = self._by_term.get(term)
        if found is None:
            examples = self._postings.get(term)
            if examples is None:
                return None
            smallest: dict[int, int] = {}
            for e in examples:
                section, size = self._sections[e], len(self._terms[e])
                if size < smallest.get(section, size + 1):
                    smallest[section] = size
            found = self._by_term[term] = _TermExamples(frozenset(examples), smallest)
        return found

    def similarity(self, question: Collection[str]) -> dict[int, float]:
        """Per section sharing a term with one of its examples, the best Dice overlap with one of them.

        An example sharing one term scores 2 / (asked + its size): per section, the smallest such example is the
        best of those. Only the few examples sharing two terms or more are counted one by one."""
        using = [found for found in map(self._term, question) if found is not None]
        asked = len(question)
        smallest: dict[int, int] = {}
        for term in using:
            for section, size in term.smallest.items():
                if size < smallest.get(section, size + 1):
                    smallest[section] = size
        best = {section: 2 / (asked + size) for section, size in smallest.items()}
        if len(using) > 1:
            shared: set[int] = set()
            if len(using) <= 4:
                for i in range(1, len(using)):
                    for j in range(i):
                        shared |= using[i].examples & using[j].examples
            else:
                seen: set[int] = set()
                for term in using:
                    shared |= term.examples & seen
                    seen |= term.examples
            sections, terms = self._sections, self._terms
            asked_set = question if isinstance(question, (set, frozenset)) else set(question)  # not a view: & walks
            for e in shared:  # the smaller side, an example's few terms
                example = terms[e]
                similarity = 2 * len(example & asked_set) / (asked + len(example))
                if similarity > best[section := sections[e]]:
                    best[section] = similarity
        return best
