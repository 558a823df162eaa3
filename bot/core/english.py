"""Is a word common English? wordfreq's answer for words of letters, shipped as a list instead of the library:
loading wordfreq took half a second of CPU and 9 MB that a running bot kept for one question a word."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    text = resources.files("bot.core").joinpath("english_words.txt").read_text(encoding="utf-8")
    return frozenset(word for word in text.split("\n") if word and not word.startswith("#"))


def is_common_word(word: str) -> bool:
    """True for a lower-case word used at least once per million words of English (wordfreq's Zipf 3): "tanks",
    "weather". Numbers and words with digits are not in the list."""
    return word in _words()
