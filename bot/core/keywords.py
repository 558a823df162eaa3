"""Search-box messages read as the question they stand for.

People type into a chat bot as into a search box: "umer job title", "troops massed sumy number", "#SpiderWeb how
many bombers". Read as written, such a message has no question word, a noun ("number", "title") that no fact uses,
and half-typed names, so it is turned down though the brief answers it. `SearchBox.question` rewrites it as the
question it stands for ("how many troops massed sumy", "what is umerov job title"); the matcher reads the rewrite
only when the message as written is not answered (as it reads speech typed by a phone).
"""

from __future__ import annotations

import re
from typing import AbstractSet, Mapping

from bot.core.brief import Brief
from bot.core.english import is_common_word
from bot.core.text import STOPWORDS, words

# A question noun or word typed last asks what a question word typed first would. A name of a role or title is
# asked by "what is", which keeps the noun ("what is umerov job title").
_ASKED_BY = {"number": "how many", "numbers": "how many", "count": "how many", "many": "how many",
             "estimate": "how many", "estimates": "how many", "figure": "how many", "figures": "how many",
             "total": "how many", "stats": "how many",
             "amount": "how much", "much": "how much",
             "date": "when", "day": "when", "when": "when",
             "who": "who",
             "where": "where", "location": "where", "place": "where"}
_KEEPS_NOUN = frozenset({"title", "role", "job", "name", "names"})  # not "position": "what is X position" asks a stance
_ASKING = frozenset({"who", "whom", "whose", "what", "when", "where", "why", "which", "how"})
MAX_KEYWORDS = 8  # a longer message is a sentence, not keywords typed into a box
MIN_PREFIX = 4  # "umer" is Umerov; three letters are too often another word's start
_HASHTAG = re.compile(r"#([A-Za-z][A-Za-z0-9]*)")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def _hashtags_as_words(text: str) -> str:
    """"#IstanbulTalks" -> "Istanbul Talks": a hashtag's CamelCase words are the words."""
    return _HASHTAG.sub(lambda m: _CAMEL.sub(" ", m.group(1)), text)


class SearchBox:
    """Built once per brief: the unique prefixes of the names it declares."""

    def __init__(self, brief: Brief, known_words: AbstractSet[str], name_words: AbstractSet[str],
                 phrases: Mapping[tuple[str, ...], str]) -> None:
        """`known_words`: every word the brief uses; `name_words`: the words of its names and aliases (the phrase
        table's, which include the split spellings "umer off", "zelen ski"); `phrases`: the phrase table."""
        # Every name word of five letters or more (as the brief and its variants spell it), by each of its
        # prefixes of four letters or more that is no word of its own: a name or alias, a word of the brief's
        # texts, everyday English or a function word. A prefix two names share ("vlad…") names neither, nor
        # does a name that begins another ("russia", "russian").
        owners: dict[str, dict[str, str]] = {}  # prefix -> entity -> the word it begins, the name's own first
        for entity in brief.entities:
            # The name's words and one-word variants: not the parts of split spellings ("zelen ski")
            spellings = [*words(entity.name), *(v for v in entity.variants if len(words(v)) == 1)]
            for word in spellings:
                if len(word) <= MIN_PREFIX or not word.isalpha():
                    continue
                for end in range(MIN_PREFIX, len(word) + 1):
                    owners.setdefault(word[:end], {}).setdefault(entity.id, word)
        whole = {w for e in brief.entities for v in (e.name, *e.variants) for w in words(v) if len(words(v)) == 1
                 or w in words(e.name)}
        text_words = known_words - name_words
        self._prefixes = {prefix: next(iter(found.values())) for prefix, found in owners.items()
                          if len(found) == 1 and prefix not in whole and prefix not in text_words
                          and (prefix,) not in phrases and prefix not in STOPWORDS and not is_common_word(prefix)}

    def question(self, text: str) -> str | None:
        """The question a search-box message stands for; None when it reads as itself."""
        said = list(words(_hashtags_as_words(text)))
        if not said or len(said) > MAX_KEYWORDS:
            return None
        said = [self._prefixes.get(w, w) for w in said]
        last = said[-1]
        rest = said[:-1]
        if rest and not any(w in _ASKING for w in rest) and any(w not in STOPWORDS for w in rest):
            if last in _ASKED_BY:
                said = [*_ASKED_BY[last].split(), *rest]
            elif last in _KEEPS_NOUN:
                said = ["what", "is", *said]
        rewritten = " ".join(said)
        return rewritten if rewritten != " ".join(words(text)) else None
