"""A question scores only the sections that can be among those with the most evidence (`BriefIndex.retrieve`).
The topics it ranks must be exactly those that scoring every section would give, on the real brief and on one
four times its size, for every question of the three evaluation sets. On the bigger brief both ways of bounding a
section are taken: looking it up in each lower term, and every term's sections added up at once (long messages of
everyday words)."""

from __future__ import annotations

import heapq
import sys

import pytest

from bot.core.brief import Brief, load_brief, load_seeds
from bot.core.matcher import MAX_CONTENDERS, Matcher
from bot.core.text import QUESTION_WORDS, strip_markup
from tests.conftest import BRIEF, ROOT, SEEDS
from tests.eval.evaluate import every_question

sys.path.insert(0, str(ROOT / "bench"))
from brief_size_bench import scaled  # noqa: E402  (the bench's bigger brief: copies sharing everyday words)


@pytest.fixture(scope="module")
def brief() -> Brief:
    return load_brief(BRIEF, SEEDS, load_seeds(SEEDS))


def contenders(found: dict[int, float], k: int) -> list[int]:
    """The k sections with the most evidence, ties to the earlier section."""
    return heapq.nlargest(k, found, key=lambda s: (found[s], -s))


@pytest.mark.parametrize("factor", [1, 4])
def test_retrieval_ranks_the_topics_that_scoring_every_section_would(brief: Brief, factor: int) -> None:
    matcher = Matcher(scaled(brief, factor) if factor > 1 else brief)
    index = matcher.index
    checked = skipped = 0
    for question in every_question():
        for reading in matcher._readings(strip_markup(question), None):
            terms = tuple(dict.fromkeys(t for t in reading.terms if t not in QUESTION_WORDS))
            everything = {s: index.section_scores(s, terms) for s in range(len(matcher.sections))}
            evidence = {s: scores.evidence for s, scores in everything.items() if scores.evidence > 0}
            found = index.retrieve(terms, MAX_CONTENDERS)
            assert contenders(found.evidence, MAX_CONTENDERS) == contenders(evidence, MAX_CONTENDERS), question
            for s in found.evidence:  # what it scored is what scoring that section on its own gives, bit for bit
                scores = everything[s]
                assert (found.evidence[s], found.best.get(s, 0.0), found.card.get(s, 0.0)) == \
                    (scores.evidence, scores.best, scores.card), question
            checked += 1
            skipped += len(evidence) - len(found.evidence)
    assert checked > 1500
    if factor > 1:
        assert skipped > checked * 10  # the bigger brief's copies are mostly never scored
