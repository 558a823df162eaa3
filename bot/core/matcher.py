"""Question -> ranked sections with a calibrated confidence. Pure: no I/O, built once per brief."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from bot.core.brief import Brief, Section
from bot.core.text import QUESTION_WORDS, STOPWORDS, normalize, stem, words

COUNTRIES = frozenset({"russia", "ukraine", "united_states", "turkey", "europe"})
# "us" is a pronoun after these words ("tell us"), the United States elsewhere ("what does the us want").
_US_PRONOUN_BEFORE = frozenset({"tell", "give", "show", "let", "help", "for", "to", "with", "of", "about"})
ANAPHORA = frozenset({"it", "they", "them", "their", "he", "him", "his", "she", "her", "that", "this", "those",
                      "these", "there", "then", "side", "team", "one", "same"})
FOLLOW_UP_OPENERS = ("and", "what about", "how about", "and what about", "same for", "also", "but")
MORE = frozenset({"more", "details", "detail", "elaborate", "continue", "go on", "and", "else", "why", "how"})
_QUESTION_WORD_WEIGHT = 0.6  # enough to separate "where?" from "when?", too little to make a question in scope


@dataclass(frozen=True)
class Candidate:
    section: Section
    score: float


@dataclass(frozen=True)
class Match:
    """The matcher's verdict on one question; `candidates` is best first."""

    candidates: tuple[Candidate, ...]
    confidence: float
    entities: frozenset[str]
    terms: tuple[str, ...]  # the content terms the match used (after follow-up resolution)

    @property
    def best(self) -> Section | None:
        return self.candidates[0].section if self.candidates else None


@dataclass(frozen=True)
class FollowUpContext:
    """What the previous turn of a conversation was about."""

    section_id: str
    terms: tuple[str, ...]
    entities: frozenset[str] = field(default_factory=frozenset)


def _canon(term: str) -> str:
    return "_".join(words(term))


class Matcher:
    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.sections = brief.sections
        # alias phrase (tuple of words) -> canonical single token, longest phrases first
        self._aliases: dict[tuple[str, ...], str] = {}
        for canonical, variants in brief.aliases.items():
            target = _canon(canonical)
            for variant in (canonical, *variants):
                phrase = tuple(words(variant))
                if phrase:
                    self._aliases.setdefault(phrase, target)
        self._alias_lengths = sorted({len(p) for p in self._aliases}, reverse=True)
        self._entities = frozenset(_canon(e) for s in self.sections for e in s.entities)

        self._strong: list[set[str]] = []  # title, examples, keywords, entities
        self._weak: list[set[str]] = []  # fact and figure text
        self._examples: list[tuple[str, int]] = []  # (normalised example, section index)
        vocabulary: set[str] = set()
        for index, section in enumerate(self.sections):
            strong_texts = [section.title, *section.examples, *section.keywords, *section.entities]
            strong = {t for text in strong_texts for t in self._terms(text, correct=False)}
            strong |= {_canon(e) for e in section.entities}
            weak_texts = [f.text for f in section.facts] + [f"{g.label} {g.value} {g.unit}" for g in section.figures]
            weak = {t for text in weak_texts for t in self._terms(text, correct=False)} - strong
            self._strong.append(strong)
            self._weak.append(weak)
            for example in (section.title, *section.examples):
                self._examples.append((" ".join(self._terms(example, correct=False)), index))
            vocabulary |= {w for text in strong_texts for w in words(text)}
        vocabulary |= {w for phrase in self._aliases for w in phrase}
        self._vocabulary = sorted(w for w in vocabulary if len(w) >= 3 and not w.isdigit())
        self._known_words = frozenset(vocabulary) | {
            w for s in self.sections for f in s.facts for w in words(f.text)
        }
        n = len(self.sections)
        df: dict[str, int] = {}
        for strong, weak in zip(self._strong, self._weak):
            for term in strong | weak:
                df[term] = df.get(term, 0) + 1
        self._idf = {term: math.log(1 + n / count) for term, count in df.items()}
        self._unknown_weight = math.log(1 + n / 0.5)
        self._correct = lru_cache(maxsize=4096)(self._correct_uncached)

    # ------------------------------------------------------------ text -> terms

    def _correct_uncached(self, word: str) -> str:
        """Fix a typo against the brief's vocabulary; leave words that are merely unknown alone."""
        if len(word) < 4 or word.isdigit() or word in self._known_words or word in STOPWORDS:
            return word
        max_edits = 1 if len(word) <= 5 else 2
        found = process.extractOne(
            word, self._vocabulary, scorer=Levenshtein.distance, score_cutoff=max_edits,
        )
        if found is None:
            # transposed letters ("medinksy") cost two edits; count them as one
            found = process.extractOne(word, self._vocabulary, scorer=fuzz.ratio, score_cutoff=86)
        return found[0] if found else word

    def _terms(self, text: str, correct: bool = True) -> list[str]:
        raw = words(text)
        if correct:
            raw = [self._correct(w) for w in raw]
        merged: list[str] = []
        i = 0
        while i < len(raw):
            for length in self._alias_lengths:
                phrase = tuple(raw[i : i + length])
                if len(phrase) == length and phrase in self._aliases:
                    merged.append(self._aliases[phrase])
                    i += length
                    break
            else:
                word = raw[i]
                if word == "us" and (i == 0 or raw[i - 1] not in _US_PRONOUN_BEFORE):
                    merged.append("united_states")
                elif word not in STOPWORDS or word in QUESTION_WORDS:
                    merged.append(word if "_" in word else stem(word))
                i += 1
        return merged

    def terms(self, text: str) -> tuple[str, ...]:
        return tuple(self._terms(text))

    # ------------------------------------------------------------ scoring

    def _weight(self, term: str) -> float:
        if term in QUESTION_WORDS:
            return _QUESTION_WORD_WEIGHT
        return self._idf.get(term, self._unknown_weight)

    def _score(self, terms: tuple[str, ...], query: str) -> list[Candidate]:
        if not terms:
            return []
        entities = {t for t in terms if t in self._entities}
        countries = entities & COUNTRIES
        weights = {t: self._weight(t) for t in set(terms)}
        total = sum(weights.values())
        example_best = [0.0] * len(self.sections)
        for _, similarity, position in process.extract(
            query, [e for e, _ in self._examples], scorer=fuzz.token_sort_ratio, limit=40, score_cutoff=30,
        ):
            index = self._examples[position][1]
            example_best[index] = max(example_best[index], similarity / 100)
        candidates = []
        for index, section in enumerate(self.sections):
            strong, weak = self._strong[index], self._weak[index]
            covered = sum(w if t in strong else 0.5 * w if t in weak else 0.0 for t, w in weights.items())
            coverage = covered / total
            score = 0.65 * coverage + 0.35 * example_best[index]
            section_entities = {_canon(e) for e in section.entities}
            section_countries = section_entities & COUNTRIES
            if countries and section_countries and not countries & section_countries:
                score *= 0.55  # "what does Russia want" must never land on Ukraine's demands
            elif entities & section_entities:
                score = min(1.0, score + 0.04 * len(entities & section_entities))
            candidates.append(Candidate(section, score))
        candidates.sort(key=lambda c: c.score, reverse=True)
        return candidates

    def match(self, question: str, context: FollowUpContext | None = None) -> Match:
        terms = self.terms(question)
        query = " ".join(terms)
        candidates = self._score(terms, query)
        if context is not None and self._looks_like_follow_up(question, terms):
            resolved = self._resolve(terms, context)
            if resolved != terms:
                follow = self._score(resolved, " ".join(resolved))
                if follow and (not candidates or follow[0].score >= candidates[0].score - 0.05):
                    terms, candidates = resolved, follow
        confidence = round(candidates[0].score, 4) if candidates else 0.0
        return Match(tuple(candidates), confidence, frozenset(t for t in terms if t in self._entities), terms)

    # ------------------------------------------------------------ follow-ups

    def _looks_like_follow_up(self, question: str, terms: tuple[str, ...]) -> bool:
        text = normalize(question)
        content = [t for t in terms if t not in QUESTION_WORDS]
        return (
            len(content) <= 2
            or text.startswith(FOLLOW_UP_OPENERS)
            or any(w in ANAPHORA for w in text.split())
        )

    def _resolve(self, terms: tuple[str, ...], context: FollowUpContext) -> tuple[str, ...]:
        """Rewrite a follow-up with the previous turn: swap in a new entity, or carry the old one over."""
        new_entities = [t for t in terms if t in self._entities]
        previous = [t for t in context.terms if t not in context.entities]
        if new_entities:
            # "and Ukraine?" after "what does Russia want": keep the topic, change who it is about
            return tuple(dict.fromkeys([*terms, *previous]))
        carried = sorted(context.entities) or [
            _canon(e) for e in (self.brief.section(context.section_id) or self.sections[0]).entities[:1]
        ]
        return tuple(dict.fromkeys([*terms, *carried, *previous]))

    # ------------------------------------------------------------ browsing

    def suggest(self, partial: str, limit: int = 5) -> list[Section]:
        """Sections for an autocomplete box or inline query; the brief's order for empty input."""
        if not partial.strip():
            return list(self.sections[:limit])
        ranked = self._score(self.terms(partial), " ".join(self.terms(partial)))
        titled = process.extract(
            normalize(partial), [normalize(s.title) for s in self.sections], scorer=fuzz.partial_ratio, limit=limit,
        )
        order: dict[str, float] = {c.section.id: c.score for c in ranked}
        for _, similarity, index in titled:
            sid = self.sections[index].id
            order[sid] = max(order.get(sid, 0.0), similarity / 100 * 0.9)
        best = sorted(order, key=lambda sid: order[sid], reverse=True)[:limit]
        return [s for sid in best if (s := self.brief.section(sid)) is not None]
