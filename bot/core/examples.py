"""The curator's example questions as term sets: how like one of a topic's examples a question is (Dice overlap).

A question meets only the examples that share a term with it: the cost follows what it shares with the brief.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from typing import Collection, Iterable, NamedTuple


EAGER = 200  # up to this many (term, section) pairs, every section's value is worked out at once


class _TermExamples(NamedTuple):
    examples: frozenset[int]  # the examples using the term
    smallest: dict[int, int]  # section -> the fewest terms one of its examples using the term has
    order: list[tuple[int, int]]  # (smallest, -section), ascending: its sections from the most like a one-term match


class Overlaps(dict[int, float]):
    """Every section's value worked out, as a plain dict: cheaper than `Similarity` while a question's terms touch
    few sections."""

    def best(self, n: int) -> Iterable[int]:
        """As `Similarity.best` (a plain dict when all of them, for the same reason)."""
        return dict(self) if len(self) <= n else [s for _, s in sorted(zip(self.values(), self), reverse=True)[:n]]


class Similarity:
    """Per section sharing a term with one of its examples, the best Dice overlap with one of them: looked up for
    the few sections a question ranks, and the best few found, without a value for every section touched.

    An example sharing one term scores 2 / (asked + its size): per section, the smallest such example is the best
    of those. Only the few examples sharing two terms or more are counted one by one."""

    __slots__ = ("_using", "_asked", "_shared", "_known")

    def __init__(self, using: list[_TermExamples], asked: int, shared: dict[int, float]) -> None:
        self._using = using
        self._asked = asked
        self._shared = shared  # section -> its best overlap with an example sharing two terms or more
        self._known: dict[int, float] = {}

    def get(self, section: int, default: float = 0.0) -> float:
        found = self._known.get(section)
        if found is None:
            sizes = [size for term in self._using if (size := term.smallest.get(section)) is not None]
            if not sizes:
                return default
            found = 2 / (self._asked + min(sizes))
            shared = self._shared.get(section)
            if shared is not None and shared > found:
                found = shared
            self._known[section] = found
        return found

    def best(self, n: int) -> Iterable[int]:
        """The n sections most like one of their examples, best first (ties: the later section); when n or fewer
        share a term, all of them, in the order the terms meet them."""
        singles: list[int] = []  # the n best by one-term overlap: every other section is below all of them
        for _, negative in heapq.merge(*(term.order for term in self._using)):
            if -negative not in singles:
                singles.append(-negative)
                if len(singles) > n:
                    singles.pop()
                    # Likewise the n best by an example sharing two terms: no other section can be among the n.
                    shared = heapq.nlargest(n, self._shared, key=lambda s: (self._shared[s], s))
                    return [s for _, s in sorted(((self.get(s), s) for s in {*singles, *shared}), reverse=True)[:n]]
        # A dict, as this was before: a set updated from one is sized from it, so the contenders' order (and the
        # ranking a match reports) stays as it was.
        return dict.fromkeys(s for term in self._using for s in term.smallest)


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
            found = self._by_term[term] = _TermExamples(frozenset(examples), smallest,
                                                        sorted((size, -s) for s, size in smallest.items()))
        return found

    def similarity(self, question: Collection[str]) -> Overlaps | Similarity:
        """How like one of each section's examples the question (distinct terms) is: see `Similarity`."""
        get, make = self._by_term.get, self._term  # the table read directly; the method only on a term's first use
        using = [found for t in question if (found := get(t) or make(t)) is not None]
        asked = len(question)
        best: dict[int, float]
        if sum([len(term.smallest) for term in using]) <= EAGER:
            smallest: dict[int, int] = dict(using[0].smallest) if using else {}  # the first term's, as they are
            size_of = smallest.get
            for term in using[1:]:
                for section, size in term.smallest.items():
                    if size < size_of(section, size + 1):
                        smallest[section] = size
            best = Overlaps({section: 2 / (asked + size) for section, size in smallest.items()})
        else:
            best = {}
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
                if similarity > best.get(section := sections[e], 0.0):
                    best[section] = similarity
        return best if isinstance(best, Overlaps) else Similarity(using, asked, best)
