"""Is a word common English? wordfreq's answer for words of letters, shipped as a list instead of the library:
loading wordfreq took half a second of CPU and 9 MB that a running bot kept for one question a word."""

from __future__ import annotations

from array import array
from functools import lru_cache
from importlib import resources


class SortedWords:
    """Sorted words kept as one string with their start offsets, found by binary search. A frozenset of the
    list's 28,000 words held 3.7 MB of a running bot; this holds 0.4 MB and answers in a few microseconds (the
    question is asked only for a word the typo corrector has not seen before)."""

    def __init__(self, lines: str) -> None:
        """`lines`: one word a line, sorted; lines starting with '#' (a header) are skipped."""
        self._text = text = "".join(word + "\n" for word in lines.split("\n") if word and not word.startswith("#"))
        starts, at = array("i"), 0
        while at < len(text):
            starts.append(at)
            at = text.find("\n", at) + 1
        starts.append(len(text))  # the end, so word i is text[starts[i]:starts[i + 1] - 1]
        self._starts = starts  # sorted: tests/test_english_words.py checks the shipped list

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or "\n" in word:
            return False
        text, starts = self._text, self._starts
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if text[starts[mid]:starts[mid + 1] - 1] < word:
                lo = mid + 1
            else:
                hi = mid
        return lo < len(starts) - 1 and text[starts[lo]:starts[lo + 1] - 1] == word


@lru_cache(maxsize=1)
def _words() -> SortedWords:
    return SortedWords(resources.files("bot.core").joinpath("english_words.txt").read_text(encoding="utf-8"))


@lru_cache(maxsize=1 << 16)  # a reload asks again for every prefix of every name
def is_common_word(word: str) -> bool:
    """True for a lower-case word used at least once per million words of English (wordfreq's Zipf 3): "tanks",
    "weather". Numbers and words with digits are not in the list."""
    return word in _words()
