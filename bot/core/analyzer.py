"""Text -> terms, in the brief's own vocabulary: aliases and entity names joined, typos fixed, words stemmed."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from bot.core.brief import Brief, EntityKind
from bot.core.english import is_common_word
from bot.core.paraphrases import PARAPHRASES
from bot.core.text import QUESTION_WORDS, STOPWORDS, stem, words

# "us" is a pronoun after these words ("tell us"), the United States elsewhere ("what does the us want").
_US_PRONOUN_BEFORE = frozenset({"tell", "give", "show", "let", "help", "for", "to", "with", "of", "about"})
# Irregular forms Snowball leaves apart, so "what did he say" meets "Medinsky said".
_IRREGULAR = {"said": "say", "says": "say", "told": "say", "telling": "say", "saying": "say", "claimed": "say",
              "stated": "say", "led": "lead", "met": "meet", "meeting": "meet", "spoke": "speak", "took": "take",
              "taken": "take", "began": "begin",
              "begun": "begin", "ran": "run", "held": "hold", "sent": "send", "went": "go", "gone": "go",
              "came": "come", "wrote": "write", "written": "write", "left": "leave", "brought": "bring",
              "children": "child", "kids": "child", "kid": "child", "men": "man", "people": "person"}


@lru_cache(maxsize=4096)
def canon(name: str) -> str:
    """The single token an alias or entity becomes: "united states" -> "united_states"."""
    return "_".join(words(name))


class Analyzer:
    """Built once per brief. `terms()` is the only tokenizer the matcher and its index use."""

    def __init__(self, brief: Brief) -> None:
        phrases: dict[tuple[str, ...], str] = {}
        for entity in brief.entities:
            target = canon(entity.id.replace("-", " "))
            for variant in (entity.id.replace("-", " "), entity.name, *entity.variants):
                if phrase := tuple(words(variant)):
                    phrases.setdefault(phrase, target)
        # A person is also asked about by first name or surname alone ("keith", "fidan"), unless two share it.
        owners: dict[str, set[str]] = {}
        for entity in brief.entities:
            if entity.kind is EntityKind.person:
                for word in words(entity.name):
                    owners.setdefault(word, set()).add(canon(entity.id.replace("-", " ")))
        for word, ids in owners.items():
            if len(ids) == 1 and len(word) >= 4:
                phrases.setdefault((word,), next(iter(ids)))
        for canonical, variants in brief.aliases.items():
            target = canon(canonical)
            for variant in (canonical, *variants):
                if phrase := tuple(words(variant)):
                    phrases.setdefault(phrase, target)
        # Everyday paraphrases read as their target word reads in this brief: its alias, else its stem.
        for target, variants in PARAPHRASES.items():
            into = phrases.get((target,), stem(target))
            for variant in variants:
                phrases.setdefault(tuple(words(variant)), into)
        self.phrases = phrases
        # Phrase lengths by first word, longest first: each position tries only phrases that can start there.
        self._lengths: dict[str, list[int]] = {}
        for phrase in phrases:
            self._lengths.setdefault(phrase[0], []).append(len(phrase))
        for first, lengths in self._lengths.items():
            self._lengths[first] = sorted(set(lengths), reverse=True)
        vocabulary = {w for phrase in phrases for w in phrase}
        for section in brief.sections:
            texts: Iterable[str] = (section.title, *section.examples, *section.keywords,
                                    *(f.text for f in section.facts), *(f.answer or "" for f in section.facts),
                                    *(g.label for g in section.figures))
            vocabulary |= {w for text in texts for w in words(text)}
        for entity in brief.entities:
            vocabulary |= set(words(entity.role))
        self.known_words = frozenset(vocabulary)
        self._by_initial: dict[str, list[str]] = {}
        for word in sorted(w for w in vocabulary if len(w) >= 3 and not w.isdigit()):
            self._by_initial.setdefault(word[0], []).append(word)
        self._correct = lru_cache(maxsize=8192)(self._correct_uncached)
        self._cache: dict[str, tuple[str, ...]] = {}

    def _correct_uncached(self, word: str) -> str:
        """Fix a typo against the brief's vocabulary; leave words that are merely unknown alone."""
        if len(word) < 4 or word in self.known_words or word in STOPWORDS:
            return word
        if is_common_word(word) or not word.isalpha():
            return word  # a real word the brief doesn't use ("tanks", "weather"), or a number: not a typo
        # Typos rarely hit the first letter; requiring it keeps "weather" from becoming "either".
        pool = self._by_initial.get(word[0], ())
        max_edits = 1 if len(word) <= 4 else 2
        found = process.extractOne(word, pool, scorer=Levenshtein.distance, score_cutoff=max_edits)
        if found is None:  # swapped neighbours ("medinksy") cost two plain edits but are one slip of the fingers
            found = process.extractOne(word, pool, scorer=OSA.distance, score_cutoff=1)
        return found[0] if found else word

    def terms(self, text: str, correct: bool = True) -> tuple[str, ...]:
        """Content terms and question words of `text`, in order."""
        key = text if correct else "\0" + text
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        raw = list(words(text))
        if correct:
            raw = [self._correct(w) for w in raw]
        out: list[str] = []
        i = 0
        while i < len(raw):
            for length in self._lengths.get(raw[i], ()):
                phrase = tuple(raw[i : i + length])
                if len(phrase) == length and phrase in self.phrases:
                    out.append(self.phrases[phrase])
                    i += length
                    break
            else:
                word = raw[i]
                if word == "us" and (i == 0 or raw[i - 1] not in _US_PRONOUN_BEFORE):
                    out.append("united_states")
                elif word in QUESTION_WORDS:
                    out.append(word)
                elif word in _IRREGULAR:
                    out.append(_IRREGULAR[word])
                elif word not in STOPWORDS:
                    term = stem(word)
                    if term not in STOPWORDS:
                        out.append(term)
                i += 1
        result = tuple(out)
        if len(self._cache) < 50_000:  # bounded: questions repeat, but a flood of junk must not grow memory
            self._cache[key] = result
        return result
