"""Question -> ranked sections with a calibrated confidence. Pure: no I/O, built once per brief."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein
from wordfreq import zipf_frequency

from bot.core.brief import Brief, Section
from bot.core.text import QUESTION_WORDS, STOPWORDS, normalize, stem, words

COUNTRIES = frozenset({"russia", "ukraine", "united_states", "turkey", "europe"})
# "us" is a pronoun after these words ("tell us"), the United States elsewhere ("what does the us want").
_US_PRONOUN_BEFORE = frozenset({"tell", "give", "show", "let", "help", "for", "to", "with", "of", "about"})
ANAPHORA = frozenset({"it", "they", "them", "their", "he", "him", "his", "she", "her", "that", "this", "those",
                      "these", "there", "then", "side", "team", "one", "same"})
FOLLOW_UP_OPENERS = ("and", "what about", "how about", "and what about", "same for", "also", "but")
MORE = frozenset({"more", "details", "detail", "elaborate", "continue", "go", "on", "and", "else", "further",
                  "expand", "keep", "going"})
FAMILY_PREFIX = 7
PREVIOUS_TOPIC_BONUS = 0.25  # a pronoun follow-up most likely stays on the topic it points back to
ARTICLE_WORD_WEIGHT = 0.3
WEAK_CREDIT = 0.7  # a word only in the facts counts for less than one in the examples and keywords
REAL_WORD_ZIPF = 3.0  # wordfreq's Zipf scale: 3 = once per million words, i.e. a common English word
_QUESTION_WORD_WEIGHT = 0.6  # enough to separate "where?" from "when?", too little to make a question in scope


@dataclass(frozen=True)
class Candidate:
    section: Section
    rank: float  # orders the candidates
    score: float  # calibrated confidence in [0, 1] that this section answers the question


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
    def __init__(self, brief: Brief, articles: tuple[str, ...] = ()) -> None:
        """`articles`: the seed texts. A word they use that the brief doesn't is a paraphrase of the event,
        not a new topic, so it weighs less against a match than a word the articles never use ("salary")."""
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
        self._example_texts = [text for text, _ in self._examples]
        self._titles = [normalize(s.title) for s in self.sections]
        self._by_initial: dict[str, list[str]] = {}
        for word in sorted(w for w in vocabulary if len(w) >= 3 and not w.isdigit()):
            self._by_initial.setdefault(word[0], []).append(word)
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
        self._article_terms = frozenset(t for text in articles for t in self._terms(text, correct=False))
        self._correct = lru_cache(maxsize=4096)(self._correct_uncached)
        # Word families the small stemmer misses ("recognise"/"recognition"): same first letters, same term.
        self._families: dict[str, str] = {}
        for term in sorted(self._idf, key=lambda t: (-df[t], t)):
            if len(term) >= FAMILY_PREFIX and "_" not in term and not term.isdigit():
                self._families.setdefault(term[:FAMILY_PREFIX], term)

    # ------------------------------------------------------------ text -> terms

    def _correct_uncached(self, word: str) -> str:
        """Fix a typo against the brief's vocabulary; leave words that are merely unknown alone."""
        if len(word) < 4 or word.isdigit() or word in self._known_words or word in STOPWORDS:
            return word
        if zipf_frequency(word, "en", wordlist="small") >= REAL_WORD_ZIPF:
            return word  # a real word the brief doesn't use ("tanks", "weather"): not a typo of one it does
        # Typos rarely hit the first letter; requiring it keeps "weather" from becoming "either".
        pool = self._by_initial.get(word[0], ())
        max_edits = 1 if len(word) <= 7 else 2
        found = process.extractOne(word, pool, scorer=Levenshtein.distance, score_cutoff=max_edits)
        if found is None:
            # swapped neighbours ("medinksy") cost two plain edits but are one slip of the fingers
            found = process.extractOne(word, pool, scorer=OSA.distance, score_cutoff=1)
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
                elif word in QUESTION_WORDS or word not in STOPWORDS:
                    term = word if "_" in word else stem(word)
                    if term not in STOPWORDS or word in QUESTION_WORDS:
                        merged.append(term)
                i += 1
        return merged

    def terms(self, text: str) -> tuple[str, ...]:
        return tuple(self._family(t) for t in self._terms(text))

    def _family(self, term: str) -> str:
        if term in self._idf or len(term) < FAMILY_PREFIX:
            return term
        return self._families.get(term[:FAMILY_PREFIX], term)

    # ------------------------------------------------------------ scoring

    def _weight(self, term: str) -> float:
        if term in QUESTION_WORDS:
            return _QUESTION_WORD_WEIGHT
        weight = self._idf.get(term)
        if weight is not None:
            return weight
        return ARTICLE_WORD_WEIGHT * self._unknown_weight if term in self._article_terms else self._unknown_weight

    def _score(self, terms: tuple[str, ...], query: str) -> list[Candidate]:
        if not terms:
            return []
        entities = {t for t in terms if t in self._entities}
        countries = entities & COUNTRIES
        weights = {t: self._weight(t) for t in set(terms)}
        total = sum(weights.values())
        example_best = [0.0] * len(self.sections)
        for _, similarity, position in process.extract(
            query, self._example_texts, scorer=fuzz.token_sort_ratio, limit=40, score_cutoff=30,
        ):
            index = self._examples[position][1]
            example_best[index] = max(example_best[index], similarity / 100)
        candidates = []
        for index, section in enumerate(self.sections):
            strong, weak = self._strong[index], self._weak[index]
            covered = sum(w if t in strong else WEAK_CREDIT * w if t in weak else 0.0 for t, w in weights.items())
            coverage = covered / total
            rank = 0.65 * coverage + 0.35 * example_best[index]
            section_entities = {_canon(e) for e in section.entities}
            section_countries = section_entities & COUNTRIES
            shared = entities & section_entities
            if countries and section_countries and not shared:
                rank *= 0.55  # "what does Russia want" must never land on Ukraine's demands
                coverage *= 0.55
            elif shared:  # naming the section's person counts too: "has Medinsky negotiated with Ukraine?"
                rank += 0.04 * len(shared)
            # Confidence is how much of the question this section explains; wording similarity only nudges it.
            confidence = min(1.0, coverage * (0.8 + 0.2 * example_best[index]))
            candidates.append(Candidate(section, rank, confidence))
        candidates.sort(key=lambda c: c.rank, reverse=True)
        return candidates

    def match(self, question: str, context: FollowUpContext | None = None) -> Match:
        words_used = self.terms(question)
        # "how are you?" names no topic at all; on its own it matches nothing, after a topic it may be a follow-up
        terms = () if all(t in QUESTION_WORDS for t in words_used) else words_used
        candidates = self._score(terms, " ".join(terms))
        if context is not None:
            if self._asks_for_more(question):
                candidates = self._previous_first(candidates, context)
                terms = context.terms
            elif words_used and self._looks_like_follow_up(question, words_used):
                terms, candidates = self._follow_up(question, words_used, candidates, context)
        confidence = round(candidates[0].score, 4) if candidates else 0.0
        return Match(tuple(candidates), confidence, frozenset(t for t in terms if t in self._entities), terms)

    # ------------------------------------------------------------ follow-ups

    @staticmethod
    def _asks_for_more(question: str) -> bool:
        """ "tell me more", "more?", "go on": the same topic again."""
        said = normalize(question).split()
        return any(w in MORE for w in said) and all(w in MORE or w in STOPWORDS for w in said)

    def _previous_first(self, candidates: list[Candidate], context: FollowUpContext) -> list[Candidate]:
        previous = self.brief.section(context.section_id)
        if previous is None:  # the brief was reloaded without that section
            return candidates
        return [Candidate(previous, 1.0, 1.0)] + [c for c in candidates if c.section.id != previous.id]

    def _looks_like_follow_up(self, question: str, terms: tuple[str, ...]) -> bool:
        content = [t for t in terms if t not in QUESTION_WORDS]
        return len(content) <= 2 or self._has_reference(question)

    @staticmethod
    def _has_reference(question: str) -> bool:
        text = normalize(question)
        return text.startswith(FOLLOW_UP_OPENERS) or any(w in ANAPHORA for w in text.split())

    def _follow_up(self, question: str, terms: tuple[str, ...], candidates: list[Candidate],
                   context: FollowUpContext) -> tuple[tuple[str, ...], list[Candidate]]:
        """Prefer the reading that uses the previous turn unless the question clearly stands on its own."""
        resolved = self._resolve(terms, context)
        if resolved == terms:
            return terms, candidates
        follow = self._score(resolved, " ".join(resolved))
        if not follow:
            return terms, candidates
        if not candidates:
            return resolved, follow
        only_entities = all(t in self._entities or t in QUESTION_WORDS for t in terms)
        if self._has_reference(question) and not only_entities:
            # "who were they working with": "they" are what we just talked about
            follow = self._favour(follow, context.section_id)
            margin = 0.1
        else:
            margin = -0.05
        if only_entities or follow[0].score + margin >= candidates[0].score:
            return resolved, follow
        return terms, candidates

    @staticmethod
    def _favour(candidates: list[Candidate], section_id: str) -> list[Candidate]:
        boosted = [
            Candidate(c.section, c.rank + PREVIOUS_TOPIC_BONUS, min(1.0, c.score + PREVIOUS_TOPIC_BONUS))
            if c.section.id == section_id else c
            for c in candidates
        ]
        return sorted(boosted, key=lambda c: c.rank, reverse=True)

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
        typed = self._complete_last_word(partial)
        terms = self.terms(typed)
        order: dict[str, float] = {c.section.id: c.rank for c in self._score(terms, " ".join(terms))}
        titled = process.extract(
            normalize(partial), self._titles, scorer=fuzz.partial_ratio, limit=limit,
        )
        for _, similarity, index in titled:
            sid = self.sections[index].id
            order[sid] = max(order.get(sid, 0.0), similarity / 100 * 0.9)
        best = sorted(order, key=lambda sid: order[sid], reverse=True)[:limit]
        return [s for sid in best if (s := self.brief.section(sid)) is not None]

    def _complete_last_word(self, partial: str) -> str:
        """While typing, the last word is usually unfinished: "who is medin" -> "who is medinsky"."""
        said = normalize(partial).split()
        if not said or partial[-1:].isspace() or said[-1] in self._known_words or len(said[-1]) < 3:
            return partial
        stub = said[-1]
        completion = next((w for w in self._by_initial.get(stub[0], ()) if w.startswith(stub)), stub)
        return " ".join([*said[:-1], completion])
