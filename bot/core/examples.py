"""The curator's example questions as term sets: how like one of a topic's examples a question is (Dice overlap).

A question meets only the examples that share a term with it: the cost follows what it shares with the brief.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import chain
from typing import Collection, Iterable


class Examples:
    def __init__(self, examples: Iterable[tuple[int, frozenset[str]]]) -> None:
        """`examples`: (section, terms) pairs; examples without terms are left out."""
        self._sections: list[int] = []
        self._sizes: list[int] = []
        postings: dict[str, list[int]] = defaultdict(list)
        for section, terms in examples:
            if not terms:
                continue
            for term in terms:
                postings[term].append(len(self._sections))
            self._sections.append(section)
            self._sizes.append(len(terms))
        self._postings = dict(postings)

    def similarity(self, question: Collection[str]) -> dict[int, float]:
        """Per section sharing a term with one of its examples, the best Dice overlap with one of them."""
        shared = Counter(chain.from_iterable(self._postings.get(term, ()) for term in question))
        best: dict[int, float] = {}
        sections, sizes, asked = self._sections, self._sizes, len(question)
        for e, count in shared.items():
            similarity = 2 * count / (asked + sizes[e])
            if similarity > best.get(s := sections[e], 0.0):
                best[s] = similarity
        return best
