"""The analyzer's memo of question texts is bounded by what it holds (bot/core/weighed_memo.py): a flood of
distinct long messages cannot grow it past its bytes, while everyday questions keep fitting by the thousand."""

from __future__ import annotations

import pickle
import threading

import pytest

from bot.core import analyzer, text
from bot.core.analyzer import Analyzer
from bot.core.brief import Brief, load_brief, load_seeds
from bot.core.text import MAX_MESSAGE_CHARS
from bot.core.weighed_memo import WeighedMemo, weight
from tests.conftest import BRIEF, SEEDS
from tests.eval.evaluate import every_question


@pytest.fixture(scope="module")
def brief() -> Brief:
    return load_brief(BRIEF, SEEDS, load_seeds(SEEDS))


def accounted(memo: WeighedMemo) -> int:
    return sum(weight(k, v) for k, v in memo.items())


def test_a_flood_of_distinct_long_messages_stays_within_the_memos_bytes(brief: Brief) -> None:
    reader = Analyzer(brief)
    memo = reader._cache
    assert isinstance(memo, WeighedMemo) and memo.limit == analyzer.QUESTION_MEMO_BYTES
    filler = "and i was wondering, as one does, about all of this "
    question = "who led russia's delegation? "
    expected = reader.terms(question)
    floods = 0
    while floods < 2 * memo.limit // (MAX_MESSAGE_CHARS + 100):  # twice what the memo can hold
        message = (f"{floods} " + filler * 100)[: MAX_MESSAGE_CHARS - len(question) - 1] + " " + question
        assert reader.terms(message)[-len(expected):] == expected
        assert memo.bytes <= memo.limit
        floods += 1
    assert memo.bytes == accounted(memo) <= memo.limit  # its own accounting, counted afresh
    assert len(memo) < memo.limit // MAX_MESSAGE_CHARS  # so a flood holds what the limit says, not more
    assert message in memo  # the newest stay; the oldest went
    assert question not in memo


def test_everyday_questions_fit_by_the_thousand_and_are_read_as_before(brief: Brief) -> None:
    reader = Analyzer(brief)
    asked = list(dict.fromkeys(every_question()))
    readings = {q: reader.terms(q) for q in asked}
    # Every question of the three evaluation sets (about 14,000 with their conversation turns since 2026-12-06) is
    # more than the memo keeps; the last thousand and more asked are all still held, within the limit.
    assert reader._cache.bytes == accounted(reader._cache) <= reader._cache.limit
    assert all(q in reader._cache for q in asked[-1500:])
    assert {q: reader.terms(q) for q in asked} == readings  # a question forgotten is read again the same


def test_over_its_limit_the_oldest_go_until_a_quarter_is_free() -> None:
    memo = WeighedMemo(10_000)
    keys = [f"text number {n}" for n in range(200)]
    for key in keys:
        assert memo.put(key, ("term",)) == ("term",)
        assert memo.bytes == accounted(memo) <= memo.limit
    assert keys[-1] in memo and keys[0] not in memo
    held = list(memo)
    assert held == keys[-len(held):]  # insertion order: the newest kept
    assert memo.put("x" * 5_000, ("big",)) == ("big",) and "x" * 5_000 not in memo  # over a quarter: not kept
    memo.put(keys[-1], ("other", "terms"))  # replaced: weighed again
    assert memo.bytes == accounted(memo)
    memo.clear()
    assert memo.bytes == 0 == len(memo)


def test_pickled_with_the_analyzer_it_keeps_its_entries_limit_and_accounting(brief: Brief) -> None:
    reader = Analyzer(brief)
    reader.terms("who led russia's delegation?")
    copy = pickle.loads(pickle.dumps(reader))
    assert isinstance(copy._cache, WeighedMemo) and copy._cache.limit == reader._cache.limit
    assert dict(copy._cache) == dict(reader._cache) and copy._cache.bytes == reader._cache.bytes


def test_filled_from_two_threads_at_once_it_stays_bounded() -> None:
    # A reload reads texts in a worker thread while the event loop answers: eviction must not break.
    memo = WeighedMemo(20_000)
    errors: list[BaseException] = []

    def fill(prefix: str) -> None:
        try:
            for n in range(20_000):
                memo.put(f"{prefix}{n}", (prefix,))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=fill, args=(p,)) for p in "xy"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert accounted(memo) <= memo.limit + 2 * weight("y19999", ("y",))  # a switch mid-put: one over each


def test_who_did_it_is_read_from_the_question_s_words_without_filling_the_memo_with_its_pieces(brief: Brief) -> None:
    # bot/core/agents.py reads a question in runs of one to four words ("did russia", "shoot down how many"): kept
    # in the memo, a few thousand questions' runs pushed the questions themselves out, and each was read afresh
    from bot.core.matcher import Matcher

    matcher = Matcher(brief)
    memo = matcher.analyzer._cache
    for question in ("how many drones did russia shoot down?", "were ukraine's drones shot down by russia?"):
        before, words_before = set(memo), set(text.words)
        asked = matcher._agents.asked(question)
        assert asked and set(asked.values()) == {"russia"}
        assert set(memo) - before <= {question}  # the question's own reading, and none of its pieces
        assert set(text.words) - words_before <= {question}


def test_a_claim_about_people_named_is_read_in_runs_outside_the_memo(brief: Brief) -> None:
    from bot.core.matcher import Matcher

    matcher = Matcher(brief)
    memo = matcher.analyzer._cache
    question = "so medinsky and umerov were both there in person right?"
    matcher.match(question)
    assert not [key for key in memo if key in question and len(key.split()) < 4]  # no run of its words
