"""The brief as retrievable units (facts, figures, topic cards, entity cards) in a BM25 inverted index.

A question touches only the postings of its own terms, so its cost grows with what it shares with the
brief, not with the brief's size. Everything here is computed once per brief.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_right
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from typing import Any, Iterable, NamedTuple, Sequence

from bot.core.analyzer import Analyzer, PhraseTable, canon
from bot.core.brief import Brief, EntityKind
from bot.core.text import STOPWORDS, stem, words

K1 = 1.2  # BM25's usual constants (Robertson & Zaragoza); short units make b matter little
B = 0.5
DEFAULT_COUNTRIES = frozenset({"russia", "ukraine", "united_states", "turkey", "europe"})
# "the two delegations", "the one agreement reported" refer to things already counted; they give no count.
# (A year alone counts nothing: "led the failed 2022 talks" does not answer "how many books has he written?")
_NUMBER = re.compile(r"(?<!\d)(?!(?:19|20)\d\d\b)\d|(?<!the )\b(?:one|two)\b|\b(?:three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
                     r"fifty|hundreds?|thousands?|millions?|billions?|dozens?|half|fifth|percent)\b", re.IGNORECASE)
# A day of a month or a clock time is a time, not a count ("held on 16 May", "at 1 p.m. (1000 GMT)"); an article's
# number is a reference ("article 004 calls it …")
_NOT_A_COUNT = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\b|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+"
    r"\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:[:.]\d{2})?\s?[ap]\.?m\b\.?|\b\d{3,4}\s+gmt\b|\barticles?\s+\[?\d+",
    re.IGNORECASE)
_TIME = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|\d{4}|\d{1,2}(?:[:.]\d{2})?\s?(?:a\.?m|p\.?m)\.?|gmt|"
    r"(?:\d+|an?|one|two|three|four|five|six|eight|ten|eighteen|several|few)\s+(?:hours?|minutes?|days?|weeks?|"
    r"months?|years?)|yesterday|today|tomorrow|late|delay\w*|dateline|date|night|overnight)\b",
    re.IGNORECASE,
)

# Without declared people, a person is a capitalised first name and surname: "Vladimir Medinsky".
_NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b")
# Not a month or a day ("advanced in May", "on Monday"): a time, though capitalised
_PLACE = re.compile(r"\b(?:in|at|near|from|across|inside|on the banks of)\s+(?:the\s+)?(?!(?:January|February|March|April|May|"
                    r"June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|"
                    r"Saturday|Sunday)\b)[A-Z]|\bfrom\s+near\s|"  # "launched from near the airbases" too
                    # where someone or something was moved: "children deported to Russia", "taken to Russian-occupied
                    # areas" (not any "to": "said to Reuters", "handed to Ukraine")
                    r"\b(?:deported|taken|moved|sent|transferred|fled|flown|travelled|traveled|returned)\s+"
                    r"(?:back\s+)?to\s+(?:the\s+)?[A-Z]")


@lru_cache(maxsize=1)
def _common_ranks() -> dict[str, int]:
    """Stem -> rank among the most frequent English words (bot/core/common_words.txt)."""
    text = resources.files("bot.core").joinpath("common_words.txt").read_text(encoding="utf-8")
    ranks: dict[str, int] = {}
    for rank, word in enumerate(w for w in text.split("\n") if w and not w.startswith("#")):
        ranks.setdefault(stem(word), rank)
    return ranks


def specificity(term: str) -> float:
    """How much a term the brief uses can say about which fact is meant: "time" or "hit" little, "ceasefire" all."""
    rank = _common_ranks().get(term)
    if rank is None:
        return 1.0
    return 0.4 if rank < 1000 else 0.7


# A distance told: "thousands of kilometres behind the front line"
LENGTH_UNIT = re.compile(r"\b(?:km|kms|kilomet(?:re|er)s?|miles?|metres?|meters?)\b", re.IGNORECASE)
# What a document or a plan holds, as news tells it: "Ukraine's memorandum proposes a 30-day ceasefire"
_CONTENTS = re.compile(r"\b(?:includ\w*|propos(?:e|es|ed|ing)|calls?\s+for|seeks?|contain\w*|outlin\w*)\b",
                       re.IGNORECASE)  # "proposes", not "Russia's peace proposals"
_REASON = re.compile(r"\b(?:because|reason|explanation|unexplained|due to|in order to|aim\w*|so that|as a result|"
                     r"since(?! article)|amid|after|following|in response|retaliat\w*|to force|to press|means|"
                     r"in preparation for|in a bid to|so as to|"
                     # "…, as both sides merely set out …", "…, with both sides refusing to blink, …": a clause of cause
                     r"(?<=, )as|(?<=, )with(?= \w+(?: and \w+)? \w+ing\b)|"
                     # a stated need, weight or reading of something answers "why" too: "a pause is necessary before
                     # discussing …", "a key element in its nuclear arsenal", "cast Russia's assault as a land grab"
                     r"necessary|key|crucial|vital|cast|regards?|seen as|to protect|to secure|justif\w*|far apart|red lines?)\b",
                     re.IGNORECASE)


@lru_cache(maxsize=8192)
def _plain_stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(text) if w not in STOPWORDS)


# People the brief does not name, as a group or by their post: "Turkish officials told Russian state media …",
# "a German government spokesperson said …", "Russian war bloggers called on …". Who said something may be them.
_PEOPLE = re.compile(r"\b(?:officials|spokesperson|spokesman|spokeswoman|bloggers)\b", re.IGNORECASE)
# A name opening a fact as who says it: "The United States says …", "Ukraine said on Sunday that …", "Kyiv claimed …".
# A country speaking for its government answers "who says it's over 1.2 million?" too.
_NAMED_SPEAKER = re.compile(r"(?:^|[.;:]\s)\s*(?:The\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:(?:on|in)\s+\w+\s+)?"
                            r"(?:said|says|claimed|claims|reported|reports|told|tells|insisted|insists|announced|"
                            r"stated|states)\b")


@dataclass(frozen=True)
class _Read:
    """What one text of the brief says, before the brief's entity lists are applied."""

    terms: tuple[str, ...]
    counts: tuple[tuple[str, int], ...]  # term frequencies, in first-use order
    number: bool
    time: bool
    name: bool
    place: bool
    reason: bool
    people: bool  # people it does not name: "Turkish officials", "a government spokesperson"
    distance: bool  # how far something is: "thousands of kilometres behind the front line"
    contents: bool  # what a document or a plan holds


@lru_cache(maxsize=16384)  # a reload reads every text again; most have not changed
def _read(table: PhraseTable, text: str, extra: str) -> _Read:
    terms = [*table.terms(text), *table.terms(extra)]
    # The words inside a joined name count too: Kalin's card answers "turkey's intelligence chief?" even where
    # no alias joins the words, and a fact naming "Foreign Minister Fidan" answers "minister".
    terms += sorted((_plain_stems(text) | _plain_stems(extra)).difference(terms))
    return _Read(tuple(terms), tuple(Counter(terms).items()), bool(_NUMBER.search(_NOT_A_COUNT.sub(" ", text))),
                 bool(_TIME.search(text)),
                 bool(_NAME.search(text)), bool(_PLACE.search(text)), bool(_REASON.search(text)),
                 bool(_PEOPLE.search(text) or _NAMED_SPEAKER.search(text)), bool(LENGTH_UNIT.search(text)),
                 bool(_CONTENTS.search(text)))


class UnitKind(str, Enum):
    fact = "fact"
    figure = "figure"
    topic = "topic"  # a section's title, examples and keywords: how readers ask about it
    entity = "entity"  # a declared entity's name, variants and role


@dataclass(frozen=True)
class Unit:
    kind: UnitKind
    section: int  # index of the section it belongs to (an entity card: its home section)
    item: int  # index of the fact or figure in its section; the entity's index for a card; -1 for a topic
    terms: frozenset[str]
    entities: frozenset[str]  # entity tokens it is about
    has_number: bool = False
    has_time: bool = False
    has_person: bool = False
    has_place: bool = False
    has_reason: bool = False
    has_people: bool = False  # people it does not name ("Turkish officials"): who said it, if not who did it
    has_distance: bool = False  # how far something is ("thousands of kilometres behind the front line")
    has_contents: bool = False  # what a document or a plan holds ("… proposes a 30-day ceasefire")

    @property
    def key(self) -> str:
        """Stable within one brief revision: what a conversation remembers as shown. Interned: up to 10,000
        conversations hold these, and one copy of "f12" serves them all (about 0.6 MB at 2,000 conversations)."""
        return sys.intern({"fact": "f", "figure": "g", "topic": "t", "entity": "e"}[self.kind.value] + str(self.item))


_NONE: dict[int, Any] = {}


def _falling(pair: tuple[float, int]) -> float:
    """A term's impact list is by bound, highest first: the key that makes it ascending for `bisect`."""
    return -pair[0]


class SectionScores(NamedTuple):
    units: dict[int, float]  # its facts, figures and entity cards that share a term with the question
    best: float  # the best of those
    card: float  # its topic card
    evidence: float  # best + card: how much the section has to say about the question


class TermUnits(NamedTuple):
    weights: dict[int, float]  # unit -> the term's weight in it
    best: dict[int, float]  # section -> the most the term weighs in one of its units
    using: frozenset[int]  # the units of `weights`: a set intersects the smaller side, dict keys copy the left


class _Term(NamedTuple):
    """One term's BM25 postings, worked out the first time a question uses it."""

    postings: dict[int, list[tuple[int, float]]]  # section -> (unit, weight): its facts, figures, entity cards
    cards: dict[int, float]  # section -> the term's weight in its topic card
    bounds: dict[int, float]  # section -> the most the term adds to its evidence (best unit plus card)
    units: TermUnits | None  # None when no fact, figure or entity card uses it (only topic cards)


@dataclass(slots=True)
class Retrieved:
    """What `BriefIndex.retrieve` scored: per section, its evidence, its best unit's score and its card's."""

    evidence: dict[int, float]
    best: dict[int, float]
    card: dict[int, float]


# The kinds of fact a question can ask for; "speaker" is "who said …?", which people the brief does not name answer
# too ("Turkish officials told Russian state media …"), where "who ran the operation?" needs a named one.
WANTS = ("number", "time", "person", "place", "reason", "name", "speaker", "distance", "contents")


def tells(text: str, wants: str) -> bool:
    """Whether `text` gives a time or a place, as `wants` asks; any other kind is not judged from a text alone."""
    if wants == "time":
        return bool(_TIME.search(text))
    if wants == "place":
        return bool(_PLACE.search(text))
    return True


def fits(unit: Unit, wants: str) -> bool:
    """Whether `unit` is the kind of fact asked for."""
    if wants == "number":
        return unit.has_number
    if wants == "time":
        return unit.has_time
    if wants == "person":
        return unit.has_person
    if wants == "speaker":
        return unit.has_person or unit.has_people
    if wants == "place":
        return unit.has_place
    if wants == "reason":
        return unit.has_reason
    if wants == "name":
        return unit.has_person or unit.has_place or bool(unit.entities)
    if wants == "distance":
        return unit.has_distance
    if wants == "contents":
        return unit.has_contents
    return False


# What the last index was built with (the phrase table, the entity, actor and place tokens) and the units it made,
# by (kind, section, item, text, extra, about): see BriefIndex.__init__.
_last_units: list[Any] = [None, {}]


class BriefIndex:
    def __init__(self, brief: Brief, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        declared = {canon(e.id.replace("-", " ")): e for e in brief.entities}
        self.entities = frozenset(declared) | {canon(e) for s in brief.sections for e in s.entities}
        self.countries = frozenset(t for t, e in declared.items() if e.kind is EntityKind.country) or DEFAULT_COUNTRIES
        # Who did something: a person, or an organisation ("who planned it?" - Kyiv's security service).
        self.actors = frozenset(t for t, e in declared.items()
                                if e.kind in (EntityKind.person, EntityKind.organisation))
        places = frozenset(t for t, e in declared.items() if e.kind is EntityKind.place)
        # What each entity is part of (Britain: Europe), as entity terms
        self.part_of = {t: frozenset(canon(p.replace("-", " ")) for p in e.part_of) for t, e in declared.items()
                        if e.part_of}
        units: list[Unit] = []
        frequencies: list[tuple[tuple[str, int], ...]] = []  # per unit: its terms and how often it uses them
        # The last build's units, by what each was made from: a reload after an edit makes only the edited ones.
        made_with = (analyzer.table, self.entities, self.actors, places)
        before = _last_units[1] if _last_units[0] == made_with else {}
        made: dict[tuple[object, ...], tuple[Unit, tuple[tuple[str, int], ...]]] = {}

        def add(kind: UnitKind, section: int, item: int, text: str, about: tuple[str, ...] = (),
                extra: str = "") -> None:
            key = (kind, section, item, text, extra, about)
            found = before.get(key)
            if found is None:
                read = _read(analyzer.table, text, extra)
                ents = frozenset(t for t in read.terms if t in self.entities) | {
                    canon(a.replace("-", " ")) for a in about}
                # Every figure is a count ("less than an hour", "hundreds") but a date or a clock time ("May 16")
                number = read.number or (kind is UnitKind.figure and not _NOT_A_COUNT.search(text))
                unit = Unit(kind, section, item, frozenset(read.terms), ents, number, read.time,
                            bool(ents & self.actors) if self.actors else read.name,
                            bool(ents & places or read.place), read.reason, read.people, read.distance,
                            read.contents)
                # Entities it is about but does not name are terms of it too.
                found = (unit, read.counts + tuple((t, 1) for t in ents.difference(read.terms)))
            made[key] = found
            units.append(found[0])
            frequencies.append(found[1])

        for s, section in enumerate(brief.sections):
            for j, fact in enumerate(section.facts):
                add(UnitKind.fact, s, j, fact.matching_text(), fact.about)
            for j, figure in enumerate(section.figures):
                add(UnitKind.figure, s, j, f"{figure.label} {figure.value} {figure.unit}", figure.about,
                    extra=figure.claimed_by)
            card = " ".join((section.title, *section.examples, *section.keywords, section.answer or ""))
            add(UnitKind.topic, s, -1, card, tuple(section.entities))
        self.homes: dict[str, int] = {}
        listed: dict[str, int] = {}  # entity token -> the first section that lists it
        for s, section in enumerate(brief.sections):
            for listed_id in section.entities:
                listed.setdefault(canon(listed_id.replace("-", " ")), s)
        naming: dict[str, Counter[int]] = defaultdict(Counter)  # entity token -> sections naming it, how often
        for unit in units:
            for token in unit.entities:
                naming[token][unit.section] += 1
        for e, entity in enumerate(brief.entities):
            token = canon(entity.id.replace("-", " "))
            # An entity card belongs to the section that lists it first, else the one naming it most.
            counts = naming.get(token)
            home = listed[token] if token in listed else counts.most_common(1)[0][0] if counts else 0
            self.homes[token] = home
            add(UnitKind.entity, home, e, f"{entity.name} {entity.role}", (entity.id,),
                extra=" ".join(entity.variants))
            for named in units[-1].entities:  # a card naming others counts toward their homes too
                naming[named][home] += 1
        self.units = tuple(units)
        _last_units[:] = [made_with, made]
        self.section_units: list[list[int]] = [[] for _ in brief.sections]
        for u, unit in enumerate(units):
            self.section_units[unit.section].append(u)

        # BM25: a term's weight in a unit is worked out the first time a question uses the term (`_term`), from
        # the units using it and how often; a reload builds only the lists below, not every (term, unit) weight.
        n = len(units)
        lengths = [sum(tf for _, tf in c) for c in frequencies]
        average = sum(lengths) / max(n, 1)
        self._norms = [K1 * (1 - B + B * length / average) for length in lengths]
        self._inverted: dict[str, list[tuple[int, int]]] = {}  # term -> (unit, how often it uses it), by unit
        inverted = self._inverted
        for u, unit_counts in enumerate(frequencies):
            for term, tf in unit_counts:
                using = inverted.get(term)
                if using is None:
                    inverted[term] = [(u, tf)]
                else:
                    using.append((u, tf))
        # A unit lists each of its terms (and the entities it is about) once: the units using a term are its df.
        logs: dict[int, float] = {}
        idf: dict[str, float] = {}
        for t, using in inverted.items():
            c = len(using)
            log = logs.get(c)
            if log is None:
                log = logs[c] = math.log(1 + (n - c + 0.5) / (c + 0.5))
            idf[t] = specificity(t) * log
        self.idf = idf
        self.max_idf = math.log(1 + (n + 0.5) / 0.5)
        self._terms: dict[str, _Term] = {}  # filled as questions use the terms
        self._impacts: dict[str, tuple[tuple[float, int], ...]] = {}  # likewise
        self._section_of = [unit.section for unit in units]
        self._topics = frozenset(u for u, unit in enumerate(units) if unit.kind is UnitKind.topic)
        self.topic_unit = {unit.section: u for u, unit in enumerate(units) if unit.kind is UnitKind.topic}
        # Per kind of fact a question can ask for, each section's facts of that kind.
        self.fitting: dict[str, list[frozenset[int]]] = {
            wants: [frozenset(u for u in members if units[u].kind is not UnitKind.topic and fits(units[u], wants))
                    for members in self.section_units]
            for wants in WANTS}
        # What each section covers: its own units' terms, strong (how readers ask) and weak (what facts say).
        self.strong: list[frozenset[str]] = []
        self.weak: list[frozenset[str]] = []
        self.section_entities: list[frozenset[str]] = []  # what its facts mention
        self.declared: list[frozenset[str]] = [  # what the curator says the section is about
            frozenset(canon(e.replace("-", " ")) for e in section.entities) for section in brief.sections]
        for s, section in enumerate(brief.sections):
            members = [units[u] for u in self.section_units[s]]
            strong = frozenset().union(*(m.terms for m in members if m.kind in (UnitKind.topic, UnitKind.entity)))
            self.strong.append(strong)
            self.weak.append(frozenset().union(*(m.terms for m in members)) - strong)
            self.section_entities.append(self.declared[s].union(*(m.entities for m in members
                                                                   if m.kind is not UnitKind.entity)))
        # What a section is about by its very title ("Operation Spider's Web"): every fact in it is about that,
        # whether or not it says the name (not a country: "Russia's demands" quote Ukraine's too)
        self.subjects: list[frozenset[str]] = [(self.declared[s] - self.countries) & set(analyzer.terms(section.title))
                                               for s, section in enumerate(brief.sections)]
        self.vocabulary = frozenset(self.idf)
        # Looked up on every question: made once here, not once per question.
        self.named = self.actors | self.countries  # who a question can name: people, organisations, countries
        self.declared_countries = [d & self.countries for d in self.declared]
        self.topic_units = frozenset(self.topic_unit.values())
        self.entity_units = frozenset(u for u, unit in enumerate(units) if unit.kind is UnitKind.entity)

    def section_scores(self, section: int, terms: Iterable[str]) -> SectionScores:
        """BM25 of the section's facts, figures and entity cards that share a term with the question, and of its
        topic card."""
        scores: dict[int, float] = {}
        card = 0.0
        for found in self._known(terms):
            weight = found.cards.get(section)
            if weight is not None:
                card += weight
            for unit, weight in found.postings.get(section, ()):
                scores[unit] = scores.get(unit, 0.0) + weight
        best = max(scores.values(), default=0.0)
        return SectionScores(scores, best, card, best + card)

    def _term(self, term: str) -> _Term | None:
        """The term's postings, cards and bounds; None for a term no unit uses. Worked out in the units' order, as
        an index of every term at once would be, and kept with this brief."""
        found = self._terms.get(term)
        if found is None:
            using = self._inverted.get(term)
            if using is None:
                return None
            idf, norms, section_of, topics = self.idf[term], self._norms, self._section_of, self._topics
            postings: dict[int, list[tuple[int, float]]] = {}
            cards: dict[int, float] = {}
            bounds: dict[int, float] = {}
            for u, tf in using:
                weight = idf * tf * (K1 + 1) / (tf + norms[u])
                section = section_of[u]
                if u in topics:
                    cards[section] = weight
                    continue
                if section in postings:
                    postings[section].append((u, weight))
                else:
                    postings[section] = [(u, weight)]
                if weight > bounds.get(section, 0.0):
                    bounds[section] = weight
            for section, weight in cards.items():
                bounds[section] = bounds.get(section, 0.0) + weight
            weights = {u: w for pairs in postings.values() for u, w in pairs}
            units = TermUnits(weights, {s: max(w for _, w in pairs) for s, pairs in postings.items()},
                              frozenset(weights)) if postings else None
            found = self._terms[term] = _Term(postings, cards, bounds, units)
        return found

    def _known(self, terms: Iterable[str]) -> list[_Term]:
        """The postings of each of `terms` the brief uses, in order: the table read directly, `_term` only for a
        term's first use (a method call per term costs as much as what most questions do with it)."""
        get, term = self._terms.get, self._term
        return [found for t in terms if (found := get(t) or term(t)) is not None]

    def _bounds(self, term: str) -> dict[int, float] | None:
        found = self._term(term)
        return None if found is None else found.bounds

    def postings_of(self, term: str) -> dict[int, list[tuple[int, float]]]:
        """Section -> (unit, weight) of the facts, figures and entity cards using `term`."""
        found = self._term(term)
        return {} if found is None else found.postings

    def _impact(self, term: str) -> tuple[tuple[float, int], ...]:
        """The sections using `term`, by the most it adds to their evidence, highest first (ties: brief order)."""
        impact = self._impacts.get(term)
        if impact is None:
            bounds = self._bounds(term) or {}
            impact = self._impacts[term] = tuple(sorted(((b, s) for s, b in bounds.items()),
                                                        key=lambda pair: (-pair[0], pair[1])))
        return impact

    def units_using(self, terms: Iterable[str]) -> list[frozenset[int]]:
        """Per term that a fact, figure or entity card uses, in order: the units using it."""
        return [found.units.using for found in self._known(terms) if found.units is not None]

    def term_units(self, term: str) -> TermUnits | None:
        """Every fact, figure and entity card using `term` with its weight, and per section the best of them."""
        found = self._term(term)
        return None if found is None else found.units

    def retrieve(self, terms: Sequence[str], k: int) -> Retrieved:
        """The evidence (best fact plus topic card) of every section that may be among the `k` with the most
        (ties: the brief's order). A small question scores every section it touches. Otherwise a section's bound
        is the most each term adds to its evidence, added up: k sections give a first k-th to beat, only the
        sections whose bound reaches it are looked at, and they are scored from the highest bound down until the
        next can't reach the k-th: a question touches only the sections that can win."""
        found = Retrieved({}, {}, {})
        known = self._known(terms)
        # Few sections touched (no term alone touches many, then all of them together): score them all. A brief
        # of no more sections than that is always scored so.
        if len(self.section_units) <= 3 * k:
            self._score_all(known, found)
            return found
        bounds = [term.bounds for term in known]
        if max(map(len, bounds), default=0) <= 3 * k and len(set().union(*bounds)) <= 3 * k:
            self._score_all(known, found)
            return found
        # 1. A first k-th to beat: the sections each term weighs most in, from the term that weighs most, scored.
        present = sorted((t for t in dict.fromkeys(terms) if self._term(t) is not None),
                         key=lambda t: -self._impact(t)[0][0])
        evidence = found.evidence
        heap: list[tuple[float, int]] = []  # min-heap of the k best (evidence, -section) so far
        for term in present:
            for _, section in self._impact(term):
                if len(heap) == k:
                    break
                if section not in evidence:
                    self._score_into(found, heap, k, section, known)
            if len(heap) == k:
                break
        first = heap[0][0] if len(heap) == k else 0.0
        # 2. Every section that may beat it, with its bound: the most each term adds to its evidence, added up. A
        # section is found under the term weighing most in it (every other term is lower), so under a term only
        # its list's head can reach the k-th at all, and the lower terms' most says where that head ends.
        rest = list(accumulate((self._impact(t)[0][0] for t in reversed(present)), initial=0.0))[::-1]
        impacts = [self._impact(t) for t in present]
        in_bounds = [self._terms[t].bounds for t in present]
        totals = self._totals(impacts, in_bounds, rest, first)
        if totals is not None:  # every section's bound at hand: those reaching the k-th, whatever term finds them
            floor = first - 1e-9
            candidates = [(-bound, section) for section, bound in totals.items()
                          if bound >= floor and section not in evidence]
        else:
            candidates = []
            handled: set[int] = set()  # sections under a higher term: found there or out of reach
            for i, impact in enumerate(impacts):
                lower = in_bounds[i + 1:]
                for bound, section in impact:
                    if bound + rest[i + 1] < first - 1e-9:
                        break  # nor can any after it
                    if section in handled or section in evidence:
                        continue
                    for in_sections in lower:
                        bound += in_sections.get(section, 0.0)
                    if bound >= first - 1e-9:
                        candidates.append((-bound, section))
                handled.update(in_bounds[i])
        # 3. Scored from the highest bound down (ties: the brief's order): the k-th rises as fast as it can, and
        # the first bound below it ends the search.
        candidates.sort()
        for negative, section in candidates:
            if len(heap) == k:
                kth, kth_section = heap[0]
                if -negative < kth - 1e-9:
                    break  # nor can any after it
                if -negative <= kth + 1e-9 and section > -kth_section:
                    continue  # at best a tie, which the earlier section wins
            self._score_into(found, heap, k, section, known)
        return found

    @staticmethod
    def _totals(impacts: list[tuple[tuple[float, int], ...]], in_bounds: list[dict[int, float]], rest: list[float],
                first: float) -> dict[int, float] | None:
        """Every section's bound, added up over the terms in their order, when that touches fewer entries than
        looking each section a term's list reaches up in every lower term (a long message of common words: a
        brief covering many events has them in hundreds of sections); None otherwise."""
        reached = 0
        last = len(impacts) - 1
        for i, impact in enumerate(impacts):  # how far down its list each term gets, as the search below stops
            reached += bisect_right(impact, rest[i + 1] + 1e-9 - first, key=_falling) * (last - i)
        if reached <= sum(map(len, in_bounds)):
            return None
        totals = dict(in_bounds[0])  # the first term's as they are: 0.0 + b is b
        get = totals.get
        for in_sections in in_bounds[1:]:
            for section, bound in in_sections.items():
                totals[section] = get(section, 0.0) + bound
        return totals

    def _score_into(self, found: Retrieved, heap: list[tuple[float, int]], k: int, section: int,
                    known: list[_Term]) -> None:
        """Score `section` into `found`, and into `heap` if it is among the k best so far."""
        # Only the terms it has: a long message's other terms have neither postings nor a card in it.
        best, card = self._best_and_card(section, [term for term in known if section in term.bounds])
        found.best[section], found.card[section] = best, card
        found.evidence[section] = score = best + card
        item = (score, -section)
        if len(heap) < k:
            heapq.heappush(heap, item)
        elif item > heap[0]:
            heapq.heapreplace(heap, item)

    def _best_and_card(self, section: int, known: list[_Term]) -> tuple[float, float]:
        """What `section_scores` gives as best and card (`known`: the terms' postings, in their order), without
        the per-unit scores when only one term has any."""
        card = 0.0
        scores: dict[int, float] | None = None
        only: list[tuple[int, float]] | None = None  # the one term's postings, while only one term has any
        only_best = 0.0
        for found in known:
            weight = found.cards.get(section)
            if weight is not None:
                card += weight
            pairs = found.postings.get(section)
            if not pairs:
                continue
            if scores is None:
                if only is None:
                    only = pairs
                    only_best = found.units.best[section]  # type: ignore[union-attr]  # postings: units exist
                    continue
                scores = dict(only)  # each unit once per term: 0.0 + weight is the weight
            for unit, weight in pairs:
                scores[unit] = scores.get(unit, 0.0) + weight
        if scores is not None:
            return max(scores.values()), card
        return only_best, card

    def _score_all(self, known: list[_Term], found: Retrieved) -> None:
        """Every section one of the terms `known` (`_known`) touches, scored into `found`. A unit using two or
        more of the terms scores their sum, added up in the terms' order (as `section_scores` does); every other unit
        scores one weight, and its section's best of those is known: only the few units using two terms are added
        up one by one."""
        using = [term.units for term in known if term.units is not None]
        best = found.best
        if using:
            # The first term's bests as they are: every weight is positive, so each would be put in as it stands.
            best.update(using[0].best)
            get = best.get
            for term in using[1:]:
                for s, b in term.best.items():
                    if b > get(s, 0.0):
                        best[s] = b
        if len(using) > 1:
            shared: set[int] = set()
            if len(using) <= 4:
                for i in range(1, len(using)):
                    for j in range(i):
                        shared |= using[i].using & using[j].using
            else:
                seen: set[int] = set()
                for term in using:
                    shared |= term.using & seen
                    seen |= term.using
            # Each term visits only the shared units it is in (a long message's ten or twenty terms are mostly
            # absent from any one unit), in the terms' order: each unit's sum is added up as section_scores does.
            first = using[0].weights
            sums = {u: first[u] for u in using[0].using & shared}  # 0.0 + weight is the weight
            get = sums.get
            for term in using[1:]:
                weights = term.weights
                for u in term.using & shared:
                    sums[u] = get(u, 0.0) + weights[u]
            section_of = self._section_of
            for u, score in sums.items():
                if score > best[s := section_of[u]]:
                    best[s] = score
        card = found.card
        first_card = True
        for in_cards in [term.cards for term in known]:
            if not in_cards:
                continue
            if first_card:  # into an empty dict: 0.0 + weight is the weight
                card.update(in_cards)
                first_card = False
                continue
            for s, w in in_cards.items():
                card[s] = card.get(s, 0.0) + w
        found.evidence = {s: best.get(s, 0.0) + card.get(s, 0.0) for s in best.keys() | card.keys()}

    def scores(self, section: int, terms: Sequence[str], found: Retrieved) -> tuple[float, float]:
        """The best unit and the card of a section, whether `retrieve` scored it or not."""
        if section not in found.evidence:
            scores = self.section_scores(section, terms)
            return scores.best, scores.card
        return found.best.get(section, 0.0), found.card.get(section, 0.0)

    def weight(self, term: str) -> float:
        """How much a term says: rare in the brief says more; unknown to it, most of all."""
        return self.idf.get(term, self.max_idf)
