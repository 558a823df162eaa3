"""The shipped list of common English words says what wordfreq says, for every word of letters."""

from __future__ import annotations

import re

from wordfreq import get_frequency_dict, zipf_frequency

from bot.core.english import SortedWords, is_common_word
from bot.core.text import words
from tests.conftest import ROOT


def wordfreq_says(word: str) -> bool:
    return zipf_frequency(word, "en", wordlist="small") >= 3.0


def test_the_list_is_wordfreqs_small_english_list_at_zipf_3() -> None:
    listed = {w for w in get_frequency_dict("en", wordlist="small") if re.fullmatch(r"[a-z]+", w)}
    assert {w for w in listed if wordfreq_says(w)} == {w for w in listed if is_common_word(w)}


def test_every_word_of_the_brief_the_seeds_and_the_questions_gets_wordfreqs_answer() -> None:
    files = [*ROOT.glob("briefs/*.yaml"), *ROOT.glob("seeds/*.txt"), *(ROOT / "tests" / "eval").rglob("*.*")]
    found = {w for path in files for w in words(path.read_text(encoding="utf-8")) if w.isalpha()}
    found |= {"weather", "tanks", "medinksy", "ceasfire", "zelensky", "xqzt"}
    assert len(found) > 1000
    assert [w for w in sorted(found) if is_common_word(w) != wordfreq_says(w)] == []


def test_numbers_are_not_in_the_list() -> None:
    assert not any(is_common_word(w) for w in ("2025", "10th", "1.5", "3rd"))


def test_the_shipped_list_is_sorted_as_the_binary_search_needs() -> None:
    lines = (ROOT / "bot" / "core" / "english_words.txt").read_text(encoding="utf-8").split("\n")
    listed = [w for w in lines if w and not w.startswith("#")]
    assert listed == sorted(listed) and len(listed) == len(set(listed)) > 20_000


def test_sorted_words_finds_every_word_and_nothing_else() -> None:
    found = SortedWords("# a header line\nabc\nb\nba\nbad\nzz\n")
    assert len(found) == 5
    assert [w for w in ("abc", "b", "ba", "bad", "zz") if w in found] == ["abc", "b", "ba", "bad", "zz"]
    assert not any(w in found for w in ("", "a", "ab", "abcd", "bb", "z", "zzz", "# a header line", "b\nba", 3))
    assert len(SortedWords("")) == 0 and "" not in SortedWords("") and "x" not in SortedWords("# only a header")
