"""The memos of bot/core/text.py: bounded, and the same answers as the functions they remember."""

from __future__ import annotations

import threading

from bot.core import text
from bot.core.text import _Memo


def test_a_memo_answers_as_its_function_and_forgets_its_oldest_quarter_when_full() -> None:
    calls: list[str] = []

    def upper(value: str) -> str:
        calls.append(value)
        return value.upper()

    memo = _Memo(upper, 8)
    assert [memo(w) for w in "abcdefgh"] == list("ABCDEFGH") and len(calls) == 8
    assert memo("a") == "A" and len(calls) == 8  # remembered: not run again
    assert memo("i") == "I" and len(memo) == 7  # full: a, b went, i came
    assert "a" not in memo and "c" in memo and memo("a") == "A" and len(calls) == 10
    memo.cache_clear()
    assert len(memo) == 0 and memo.__wrapped__ is upper and memo.__doc__ == upper.__doc__


def test_the_text_functions_keep_their_answers_and_bounds() -> None:
    for memo in (text.words, text.normalize, text.stem, text.strip_markup):
        memo.cache_clear()
    assert text.normalize("Russia's Team!") == "russia team" == text.normalize("Russia's Team!")
    assert text.words("who r u") == ("who", "are", "you")
    assert text.strip_markup("<b>who</b> led?") == "who led?"
    for n in range(20_000):
        text.normalize(f"question {n}")
    assert len(text.normalize) <= 16_384


def test_a_memo_filled_from_two_threads_at_once_stays_whole() -> None:
    # A reload reads the brief in a worker thread while the event loop answers: eviction must not break.
    memo = _Memo(str.upper, 64)
    errors: list[BaseException] = []

    def fill(prefix: str) -> None:
        try:
            for n in range(20_000):
                assert memo(f"{prefix}{n}") == f"{prefix}{n}".upper()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=fill, args=(p,)) for p in "xy"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(memo) <= 64 + 2  # a thread switch between the check and the insert: one over each


def test_the_stem_memo_keeps_one_copy_of_each_stem() -> None:
    # Up to 65,536 stems stay in the memo: a word that is its own stem is kept as itself, and words that stem
    # alike share one string, so the memo's values cost almost nothing beside its keys.
    text.stem.cache_clear()
    word = "".join(["ky", "iv"])  # a string of its own, not the constant
    assert text.stem(word) is word  # "kyiv" is its own stem
    talks, talked, talking = (text.stem("".join([w])) for w in ("talks", "talked", "talking"))
    assert talks == talked == talking == "talk" and talks is talked is talking
    assert text.stem("invasion") == text.stem("invaded") == "invad"  # derivations folded, as before
    assert [text.stem(w) for w in ("russia's", "kyiv", "2025", "us_envoy", "war")] == [
        "russia", "kyiv", "2025", "us_envoy", "war"]


def test_the_compiled_stemmer_keeps_no_second_memo_of_its_own() -> None:
    # PyStemmer remembers its last 10,000 words by default, each word and stem a copy: `stem` remembers every word
    # already, so the stemmer's own memo is off and a word stems the same either way.
    import Stemmer

    assert getattr(text._stemmer, "maxCacheSize", 0) == 0
    remembering = Stemmer.Stemmer("english")  # the default: with its memo
    for word in ("negotiations", "prisoners", "ceasefire", "delegation", "istanbul", "running"):
        assert text._stemmer.stemWord(word) == remembering.stemWord(word)
    text.stem.cache_clear()
    assert text.stem("negotiations") == text.stem("negotiated") == "negoti"


def test_a_text_already_normal_is_its_own_normal_form() -> None:
    # The matcher normalises its readings of each question, most of them normal already: the memo keeps such a
    # text as its own value rather than an equal copy, and every other text normalises as before.
    text.normalize.cache_clear()
    plain = "".join(["who led ", "russia"])  # a string of its own, not a constant
    assert text.normalize(plain) is plain and text.normalize[plain] is plain
    assert text.normalize("Who led Russia?") == "who led russia"
    assert text.normalize("russia  team") == "russia team"  # spaces squeezed: not the same text
    assert text.normalize("") == "" and text.normalize("113,100 killed") == "113100 killed"
