"""Message -> the facts that answer it, the topic they come from, and a calibrated probability that they do.

Pure: no I/O; built once per brief. Three steps, each small:
1. read: strip markup, find the question in a long message, turn it into terms (`Analyzer`);
2. retrieve: BM25 over facts, figures, topic and entity cards (`BriefIndex`), ranked into topics;
3. decide: features of the best reading -> `Calibration.probability`; the service accepts above its threshold.
"""

from __future__ import annotations

import gc
from collections import Counter
import operator
import re
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import AbstractSet as Set, Callable, Iterator, Mapping

from rapidfuzz import fuzz, process

from bot.core.agents import Agents, only_did, others_did
from bot.core.analyzer import Analyzer, canon
from bot.core.brief import Brief, EntityKind, Section
from bot.core.calibration import RANK_FEATURES, Calibration
from bot.core.checking import claim_checked
from bot.core.doubt import DISAGREEING, EVIDENCE, Doubt, asks_evidence, bare_other_side, doubt, numbers
from bot.core.english import is_common_word
from bot.core.event import Asking, EventQuestions
from bot.core.examples import Examples, Overlaps, Similarity
from bot.core.index import BriefIndex, Retrieved, Unit, UnitKind, fits, specificity, tells
from bot.core.keywords import SearchBox
from bot.core.relations import Relations
from bot.core.paste import Paste, quoted_inside, split_paste
from bot.core.scope import DOCUMENT_NOUNS, Scope, asks_private
from bot.core.text import NUMBER_WORDS, QUESTION_WORDS, STANDING, STOPWORDS, interval_at, normalize, sentences, stem, strip_markup, words
from bot.core.translit import in_english

ANAPHORA = frozenset({"it", "they", "them", "their", "he", "him", "his", "she", "her", "that", "this", "those",
                      "these", "there", "then", "side", "team", "one", "same", "its"})
PRONOUNS = frozenset({"he", "him", "his", "she", "her", "they", "them", "their", "theirs", "it", "its"})
PERSONAL = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})  # point at a person
THINGS = frozenset({"them", "those", "these", "that", "this"})
_GROUP_NOUNS = frozenset({"delegation", "team", "side", "negotiators"})
_THEY = frozenset({"they", "their", "theirs"})  # point at a party or a group  # point at what was discussed ("it" is often empty)
FOLLOW_UP_OPENERS = ("and", "what about", "how about", "and what about", "same for", "also", "but", "so")
# What a reader says before going on with the conversation ("ok and who's on the ukrainian side", "huh and ukraine?"):
# it does not stop an opener from opening a follow-up.
_BEFORE_OPENER = frozenset({"ok", "okay", "k", "kk", "huh", "hmm", "hm", "oh", "ah", "right", "alright", "well", "cool",
                            "thanks", "thx", "ty", "great", "nice", "yeah", "yep", "lol", "wow", "interesting",
                            "gotcha", "fine", "sure"})
_OPENED = re.compile(r"^\W*(?:(?:%s)\b\W*)+(?=(?:%s)\b)" % ("|".join(sorted(_BEFORE_OPENER)),
                                                           "|".join(FOLLOW_UP_OPENERS)), re.IGNORECASE)


def _past_interjections(text: str) -> str:
    """A follow-up from its opener on, past the interjections before it: "huh and ukraine?" is "and ukraine?", "ok and
    who's on the ukrainian side" "and who's on the ukrainian side"; any other message as it is."""
    return _OPENED.sub("", text, count=1)


# "who's in it?", "who is it for?" after the new exchange: whom it includes (a group of people the fact names: "the
# severely injured and young people"), not who announced it. Only pointing back: "who is in istanbul?" asks a place.
_MEMBERS = re.compile(r"^\W*(?:(?:and|so|ok|okay)\s+)?who(?:'s|’s|s|\s+is|\s+are|\s+was|\s+were|\s+will\s+be|"
                      r"\s+would\s+be|\s+gets?)\s+(?:(?:in|on)\s+(?:it|that|this|them|those)|(?:it|that|this)\s+for|"
                      r"included|covered)\W*(?:then|exactly|tho|though)?\W*$", re.IGNORECASE)


def _as_membership(text: str) -> str:
    """A follow-up asking who something includes ("who's in it?", "who is it for?", "who's included") as the question
    it asks, "who does it include?"; any other message as it is."""
    return "who does it include?" if _MEMBERS.search(text) else text


MORE = frozenset({"more", "details", "detail", "elaborate", "continue", "go", "on", "and", "else", "further",
                  "expand", "keep", "going", "what", "tell", "me", "please", "pls", "any", "thing", "things",
                  "anything", "other", "rest", "next", "the", "of", "it", "that"})
YES_NO = frozenset({"is", "was", "were", "did", "do", "does", "has", "have", "had", "will", "can", "are", "could",
                    "would", "should"})
# "who is X", "what's X's job", "what kind of person is X", "X is what for a man?": X's card answers it
_KIND_OF_PERSON = frozenset({"person", "man", "character"})
IDENTITY = frozenset({"who", "what", "role", "job", "background", "describe", "about", "profile", "position",
                      "title", "which", "where"}) | _KIND_OF_PERSON
_OFFICE = IDENTITY - {"who", "what", "which", "where", "about"} - _KIND_OF_PERSON  # words for what someone is or does
WHY_WORDS = frozenset({"why", "reason", "because"})
# "who gave that number?", "whose figure is that?": the figure just shown, asked who puts it out.
_FIGURE = r"(?:number|numbers|figure|figures|estimate|estimates|count|toll|stat|stats|data|claim|total)"
# "who uses that phrase?", "who calls it that?", "whose term is that?": whose words the answer just quoted, which the
# facts just shown say (the brief quotes a phrase with who uses it: "what the Kremlin calls 'de-Nazification'").
_WHOSE_WORDS = re.compile(
    r"^\W*(?:and\s+|so\s+)?(?:who(?:'s|’s|\s+is)?\s+(?:uses?|using|used|calls?\s+it|calling\s+it|called\s+it)"
    r"(?:\s+(?:that|this|the|those|these)(?:\s+(?:phrase|term|word|words|expression|language|label|name))?)?|"
    r"whose\s+(?:phrase|term|words?|expression|language|label)\s+(?:is|are|was|were)\s+(?:that|this|those|these|it))"
    r"\W*$", re.IGNORECASE)

# "exact wording?", "what's the actual quote?", "his exact words?", "verbatim pls": what was just shown, as the articles
# word it (a question of its own, "what's the exact wording of Zelensky's post?", names what it asks about)
_WORDING = re.compile(
    r"^\W*(?:(?:and|so|ok|okay|but)\W+)?(?:(?:what(?:'s|s|\s+is|\s+are|\s+was|\s+were)|give\s+me|got)\s+)?"
    r"(?:the\s+|his\s+|her\s+|their\s+|its\s+)?(?:exact|actual|precise|verbatim|direct|original|full)\s+"
    r"(?:wording|words|quote|quotes|quotation|phrase|phrasing|line|language)"
    r"(?:\s+(?:of\s+(?:that|it|this|the\s+first|the\s+quote)|used|there|then))?\W*(?:pls|please)?\W*$"
    r"|^\W*(?:quote|quote\s+pls|verbatim|word\s+for\s+word|in\s+(?:his|her|their|its)\s+(?:own\s+)?words)\W*$"
    # "what exactly was the wording?", "how exactly did he put it?"
    r"|^\W*(?:(?:and|so|ok|okay|but)\W+)?(?:what\s+exactly\s+(?:was|were|is|are)\s+(?:the|his|her|their|its)\s+"
    r"(?:wording|words|quote|quotation|phrasing|phrase)|how\s+(?:exactly\s+)?(?:did\s+(?:he|she|they|it)\s+"
    r"(?:put|phrase|word)\s+it|was\s+it\s+(?:put|phrased|worded)))\W*$",
    re.IGNORECASE)
# "which article said that?", "what outlet?", "where did you get that from?": where the last answer comes from, which
# points at nothing when nothing was answered
_WHERE_FROM = (r"(?:(?:which|what)\s+(?:article|outlet|paper|report|site|news\s+site)s?(?:\s+(?:said|says|reported|"
               r"reports|is|was|were)(?:\s+(?:that|it|this))?(?:\s+(?:from|in))?)?|where\s+did\s+(?:you|u)\s+"
               r"(?:get|read|find|see|hear)\s+(?:that|this|it)(?:\s+from)?)\W*$")
_ASKS_WHERE_FROM = re.compile(r"^\W*" + _WHERE_FROM, re.IGNORECASE)
_SOURCE_REQUEST = re.compile(
    r"^\W*(?:(?:and\s+)?who(?:'s|’s|s|\s+is)?\s+(?:said|says|say|saying|claims?|claimed|claiming|reported|reports|reporting|"
    r"announced|quoted|gave|gives|give|provided|provides|estimated|estimates|counted|came\s+up\s+with|put\s+out|"
    r"told\s+(?:you|u))"
    # "who gave the 1.2m figure?", "who came up with that $7 billion number?": the figure named on the way
    r"(?:\s+(?:that|so|this|it|the\s+source|(?:that|this|these|those|the)\s+(?:[\w.,$%£€]+\s+){0,2}?(?:" + _FIGURE
    + r"|time|date|day|hour)))?|says\s+who|"
    # "who was the source?", "who's their source": whoever the last answer says told it
    r"(?:(?:and|so|ok|but)\s+)?who(?:'s|’s|s|\s+is|\s+was|\s+were)\s+(?:the|that|this|their|his|her|its)\s+sources?|"
    # "who made that announcement?", "who's behind that claim?": whoever the last answer says said it
    r"who(?:'s|’s|\s+is|\s+was)?\s+(?:made|makes|making|behind)\s+(?:that|this|the|those|these)\s+(?:announcement|"
    r"claim|statement|comment|remark|allegation|accusation|charge|assessment)s?|"

    r"whose\s+" + _FIGURE + r"(?:\s+(?:is|are)\s+(?:that|this|these|those))?|"
    r"(?:what(?:'s|\s+is)\s+(?:the|your)\s+)?(?:sources?|srcs?)(?:\s+(?:pls|plz|please))?|according\s+to\s+(?:whom|who)|"
    r"where(?:'s|\s+is|\s+does)\s+(?:that|this)(?:\s+" + _FIGURE + r")?\s+(?:from|come\s+from)|"
    r"how\s+do\s+(?:you|we)\s+know(?:\s+that)?|"
    # "which article said that?", "what outlet?", "where did you get that from?": where the last answer comes from
    + _WHERE_FROM + r")\W*$",
    re.IGNORECASE)
# "who said they'd be there?", "who said he will participate": who reported what the answer just said (when it said
# it: "who confirmed he'd go to istanbul?" after Umerov's scandal asks something new)
_SAID_OF_THEM = re.compile(
    r"^\W*who\s+(?:said|says|claimed|reported|announced|confirmed)\s+(?:that\s+)?(?:he|she|they|it)"
    r"(?:'d|’d|'ll|’ll|'s|’s|'re|’re|\s+would|\s+will|\s+was|\s+were|\s+is|\s+are|\s+had|\s+could)"
    r"(?P<said>(?:\s+\w+){1,3})\W*$",
    re.IGNORECASE)
# "can you explain that simpler?", "i don't get it", "in plain english pls": the same again in other words; the
# brief has no other words for a fact than its own, but the summary of its topic sets it in context
_PLAINER = re.compile(
    r"^\W*(?:(?:ok|okay|sorry|hmm+|um+|so|but)\W+)*(?:(?:i\s+)?(?:still\s+)?(?:don'?t|do\s+not|dont|didn'?t)\s+"
    r"(?:get|understand|follow)(?:\s+(?:it|that|this|you))?|"
    r"(?:(?:can|could|would)\s+(?:you|u)\s+)?(?:please\s+|pls\s+)?(?:explain|say|put|tell\s+me)\s+(?:that|it|this)"
    r"(?:\s+again)?\s+(?:(?:more\s+)?simpl(?:er|y)|in\s+(?:simpler|simple|plain|easier|normal)\s+"
    r"(?:words|terms|english|language)|(?:like|as\s+if)\s+i'?m\s+(?:5|five|a\s+kid))|"
    r"(?:in\s+)?(?:plain|simple|simpler)\s+(?:english|words|terms)(?:\s+please|\s+pls)?|dumb\s+it\s+down)"
    r"(?:\s+(?:please|pls|plz))?\W*$", re.IGNORECASE)
# "just the number", "only the date please", "number only", "one word": the last answer's leading fact, no more
_JUST_THE = re.compile(r"^\W*(?:(?:ok|okay|so|no)\W+)?(?:(?:just|only)\s+(?:the\s+)?"
                       r"(?:number|figure|count|date|day|year|name|answer)s?(?:\s+in\s+(?:km|kilometres|kilometers))?|"
                       r"(?:number|figure|date|name)s?\s+only|(?:in\s+)?one\s+word|"
                       # "ok but the number?", "but what's the date": the answer had it, or should lead with it
                       r"but\s+(?:what(?:'s|’s|\s+is|\s+was)\s+)?the\s+(?:number|figure|count|date|day|year|name)s?)"
                       r"(?:\s+(?:please|pls|plz|thanks|answer))?\W*$", re.IGNORECASE)
_THAT = frozenset({"that", "it", "this", "those", "them"})
# "that guy", "this man": a person pointed at as "he" is ("someone wrote 'Medinsky again' - who is that guy")
_THAT_PERSON = r"(?:that|this)\s+(?:guy|man|dude|bloke|fella|fellow|person|woman|lady)"
_PERSON_WORD = re.compile(rf"\b(?:he|him|his|she|her|{_THAT_PERSON})\b", re.IGNORECASE)
_THAT_PERSON_WORDS = re.compile(rf"\b{_THAT_PERSON}\b")
_POSSESSIVE_PRONOUN = re.compile(r"\b(?:his|her)\b(?=\s+\w)", re.IGNORECASE)
# "when did it all start?" after how many the war has killed: "it" is the war the previous question named, read as
# "the war" so the brief's words for it ("war start": the invasion) are read, not the talks' starting time
_IT = re.compile(r"\bit(?:\s+all)?\b", re.IGNORECASE)
_IT_NOUNS = frozenset({"war", "invasion", "conflict"})
_STARTED = re.compile(r"\b(?:start|started|begin|began|kick\s+off|kicked\s+off)\b", re.IGNORECASE)
_DURING_THE_WAR = re.compile(r"\b(?:in|during|throughout)\s+(?:this|the|that)\s+(?:war|invasion|conflict)\b")
_ADJECTIVE = re.compile(r"(?:ian|ish|can|ean|ese)$")  # "russian", "turkish", "american", "european": whose
# "where did he say that?", "when did zelensky confirm it?", "which day did they announce that?": where or when
# what was just shown was said (group 1: the question word).
_SAID_WHERE_OR_WHEN = re.compile(
    r"^\W*(?:and\s+|so\s+|ok\s+)?(where|when|which\s+day|what\s+day|on\s+what\s+day|on\s+which\s+day)"
    r"(?:\s+(?:did|does|do|has|had|was|were|is)\s+|['’]d\s+|\s+)(?:\w+\s+){1,2}?"  # "where he wrote it?": no "did"
    r"(?:say|said|post|posted|write|wrote|announce|announced|confirm|confirmed|tweet|tweeted|publish|published|share|shared|mention|mentioned|tell|told|"
    r"state|stated|put)\s+(?:that|it|this|so|those|these|them)\W*$", re.IGNORECASE)
# Where something was said: a post, a statement, an interview, a channel.
_MEDIUM = re.compile(r"\b(?:post|posted|social\s+media|statement|interview|press\s+conference|telegram|video|"
                     r"address|briefing|told\s+reporters|on\s+x)\b", re.IGNORECASE)
MAX_SENTENCES = 3  # question-like sentences of a long message tried as its question (the last ones)
_MOST_PER_WEIGHT = 1 + 1.2  # the most one term scores in a unit per unit of its weight: BM25's 1 + k1
ACCEPTABLE = 0.5  # the probability the service's default threshold accepts
MAX_CONTENDERS = 10  # topics ranked in full per reading  # sentences of a long message tried as its question
LEAD_FACTS = 3
CITING_TOPICS = 3  # the topics a pasted line is looked for in, of those its reading ranks first
LEAD_RATIO = 0.75  # a further fact leads too when it scores this close to the best
RESTATES = 0.6  # a card says nothing new beside facts that have this share of its words
STANCE_ELSEWHERE = 6.0  # a party's stance in another topic is about what was said: about three rare words shared
CONTINUES = 0.5  # a fact is about what another said when it shares this share of the shorter one's terms


@dataclass(frozen=True, slots=True)  # one per conversation: up to 10,000 kept, without a __dict__ each
class FollowUpContext:
    """What the previous turn of a conversation was about, and what it already showed."""

    section_id: str
    terms: tuple[str, ...]
    entities: frozenset[str] = field(default_factory=frozenset)
    shown: tuple[str, ...] = ()  # unit keys of facts already shown in this topic
    last: tuple[str, ...] = ()  # unit keys of the facts the last answer led with
    summary: bool = False  # the last answer led with its topic's summary
    # The last question that asked something of its own ("will there be another round?"), not a follow-up read with
    # it ("on what exact date?"): what a follow-up's "it" or ellipsis leaves the scope rules to read.
    question: str = ""
    # False when the previous turn was turned down but still named its subject ("what about security guarantees?"):
    # the next turn's "those" points at it, but nothing was shown for "tell me more" or "who said that?" to go on.
    answered: bool = True
    # With `answered` False: the last turn that was answered, which "source?" and doubts go on from.
    before: FollowUpContext | None = None

    def last_answered(self) -> FollowUpContext | None:
        """This context if its turn was answered, else the last answered one before it (`before`)."""
        return self if self.answered else self.before


@dataclass(frozen=True)
class Candidate:
    section: Section
    rank: float
    score: float  # calibrated probability for the top candidate; the rank for the others


@dataclass(frozen=True)
class Match:
    """The matcher's verdict on one message; `candidates` is best first."""

    candidates: tuple[Candidate, ...]
    confidence: float  # calibrated probability that the leading facts answer the question
    entities: frozenset[str]
    terms: tuple[str, ...]
    lead: tuple[Unit, ...] = ()  # the units the answer leads with, best first (facts, figures, an entity card)
    question: str = ""  # the question found in the message
    features: Mapping[str, float] = field(default_factory=dict)
    ranking: Mapping[str, Mapping[str, float]] = field(default_factory=dict)  # section id -> its rank features
    more: bool = False  # the reader asked for more of the previous topic
    again: bool = False  # the reader asked who says what was just shown
    wording: bool = False  # … and in the articles' own words ("exact wording?")
    # What kind of fact `question` asks for (`_wants`), when the reading worked it out: not read again per rule.
    wants: str | None = field(default=None, repr=False, compare=False)

    @property
    def best(self) -> Section | None:
        return self.candidates[0].section if self.candidates else None


@dataclass(frozen=True)
class _Reading:
    text: str
    terms: tuple[str, ...]  # what retrieval uses (with the previous turn's terms for a follow-up)
    own: tuple[str, ...]  # what this message itself asks
    context: bool
    alone: bool = True  # no previous turn to read it with
    clause: bool = False  # the tail of a sentence from a question word on ("… the spokesperson who talked")
    asked_before: tuple[str, ...] = ()  # a follow-up's: the previous turn's terms (not the entities its answer named)
    besides: tuple[str, ...] = ()  # what the reader set aside ("besides the prisoner swap"): it may not lead
    placed: tuple[str, ...] = ()  # read without the event's city and day (`_unplaced`): the terms said with them
    summary: bool = False  # asks for a topic in short ("summarize the prisoner exchange"): its summary leads
    unplaced: bool = False  # read without the event's city and day, which it said (`placed`, emptied to read it)


class Matcher:
    def __init__(self, brief: Brief, articles: tuple[str, ...] = (), calibration: Calibration | None = None) -> None:
        """`articles`: the seed texts. A word they use that the brief doesn't is a paraphrase of the event or a
        detail the brief left out, not a new topic, so it weighs less against a match than a word they never use."""
        self.brief = brief
        self.sections = brief.sections
        self.calibration = calibration or Calibration.load()
        with _no_gc_pauses():
            self.analyzer = Analyzer(brief)
            self.index = BriefIndex(brief, self.analyzer)
            self.event = EventQuestions(brief, self.analyzer, self.index, _wants)
        self._article_terms = _article_terms(articles)
        # Where being is being at the event: its nouns, venue and day, not a country ("was putin in russia?").
        self._event_places = (self.event.allowed - self.index.countries) | {
            t for w in words(brief.meta.venue) for t in self.analyzer.terms(w)}  # its city and country too
        self.scope = Scope(brief, self.analyzer, self.index.countries)
        self._search_box = SearchBox(brief, self.analyzer.known_words, self.analyzer.table.words,
                                     self.analyzer.table.phrases)
        # Saying, wanting, thinking: whose word or stance is asked is read by the rules for speakers and stances
        # A place does nothing: "how many troops by sumy" is near Sumy, not a count Sumy made
        doers = self.index.entities - {canon(e.id.replace("-", " ")) for e in brief.entities
                                       if e.kind is EntityKind.place}
        self._agents = Agents(self.analyzer, doers, frozenset(self.analyzer.terms(
            " ".join(sorted(_STANCE_WORDS | _SAY_WORDS | _WANT_WORDS)), correct=False)) | _STANCE)
        self._verbatim = {normalize(e): s for s, section in enumerate(self.sections) for e in section.examples}
        self._examples = Examples(
            (s, frozenset(t for t in self.analyzer.terms(example, correct=False) if t not in QUESTION_WORDS))
            for s, section in enumerate(self.sections) for example in (section.title, *section.examples))
        self._position = {section.id: s for s, section in enumerate(self.sections)}
        self._ranked_by: Calibration | None = None
        # While a message is matched: what retrieval and the example overlap gave each tuple of terms one of its
        # readings asked. Its readings often ask the same terms ("who else…?" read without what was shown and then
        # with it; a sentence and the follow-up reading of the whole): those are retrieved once. None between
        # messages, so nothing is kept from one message to the next.
        self._retrieved: dict[tuple[str, ...], tuple[Retrieved, Overlaps | Similarity]] | None = None
        # Likewise what is read from a reading's text alone: the event question it may ask and who it says did
        # what (`_agents.asked`). A sentence's plain and follow-up readings have the same text: a third of readings.
        self._event_reads: dict[tuple[str, bool], Asking | None] | None = None
        self._doers: dict[str, dict[str, str]] | None = None
        self._stance_facts: dict[tuple[int, frozenset[str]], frozenset[int]] = {}  # `_stances`
        self._stance_topics: dict[frozenset[str], tuple[int, ...]] = {}  # `_stance_sections`
        # The words asking a party's stance or word, as the analyzer reads them ("answer" reads as "react").
        # Of those, the words that say which stance ("accept", "agree", "react"), not only that one is asked ("view").
        self._answering_terms = frozenset(self.analyzer.terms(" ".join(sorted(_ANSWERING_WORDS)), correct=False))
        self._wanting_terms = frozenset(self.analyzer.terms(" ".join(sorted(_WANT_WORDS)), correct=False))
        # What asks only who said a line or what it means ("who is being quoted?", "whose words?", "meaning?")
        self._about_a_line = frozenset(self.analyzer.terms(" ".join(sorted(
            _SAY_WORDS | {"who", "whose", "word", "refer", "insist", "insisting"})), correct=False)) | {"demands"}
        self._stance_terms = frozenset(self.analyzer.terms(" ".join(sorted(_STANCE_WORDS | _SAY_WORDS)),
                                                           correct=False)) | _STANCE
        self._rank_weights_cached: tuple[float, ...] = ()
        self._titles = [normalize(s.title) for s in self.sections]
        positions = {section.id: s for s, section in enumerate(self.sections)}
        self._related = [frozenset(positions[r] for r in section.related if r in positions)
                         for section in self.sections]
        # The term the brief's aliases of its overview topic read as ("summary", "recap", "tl;dr" -> "overview"): a
        # word asking for the event in short, when an alias names the topic answering "what happened?".
        overview = self.event.section("")
        term = canon(self.sections[overview].id.replace("-", " ")) if overview is not None else None
        self._summary_term = term if term is not None and term in brief.aliases else None
        # The words a person's or organisation's name is written with in facts: "Umerov", "Kremlin".
        self._evidence_terms = frozenset(self.analyzer.terms(" ".join(sorted(EVIDENCE)), correct=False))
        # A person's, without words naming someone or something else: "turkish intelligence chief" is Kalin, but
        # "Turkish Foreign Minister Hakan Fidan told …" reports nothing he said
        phrases = self.analyzer.table.phrases
        self._speaker_words = {(token := canon(e.id.replace("-", " "))): frozenset(
            w for v in (e.name, *e.variants) for w in words(v) if w not in STOPWORDS and len(w) > 2
            and (e.kind is not EntityKind.person or phrases.get((w,), token) == token))
            for e in brief.entities}
        self._every_speaker_word = frozenset().union(*self._speaker_words.values())  # anyone's: `_names_a_source`
        self._country_words = frozenset().union(*(words for token, words in self._speaker_words.items()
                                                  if token in self.index.countries))
        self._source_named: dict[tuple[int, UnitKind, int], bool] = {}  # `_names_a_source`, per unit
        self._read_words: dict[str, tuple[tuple[str, ...], tuple[int, ...]]] = {}  # `_words_of`, per brief text
        # The words of the brief's own names: in "the airbases hit in Operation Spider's Web" only "airbases" asks.
        self._name_parts = frozenset(w for e in brief.entities for w in words(e.name))
        self._whole_names = frozenset(e.name.casefold() for e in brief.entities if len(words(e.name)) == 1)
        # The words of the names of what can be asked for by name (a place, an operation, a person, an organisation)
        self._named_by = {canon(e.id.replace("-", " ")): frozenset(words(e.name)) for e in brief.entities
                          if e.kind not in (EntityKind.country, EntityKind.event)}
        self.people = frozenset(canon(e.id.replace("-", " ")) for e in brief.entities if e.kind is EntityKind.person)
        self._count_terms = frozenset(self.analyzer.terms("number figure count"))  # words for a number asked
        # Whom each person works for, as their role names him ("Trump's Ukraine envoy", "an ideological Putin aide")
        surnames = {e.name.split()[-1]: e.name for e in brief.entities if e.kind is EntityKind.person}
        self._bosses = {canon(e.id.replace("-", " ")): surnames[boss] for e in brief.entities
                        if e.kind is EntityKind.person and (boss := next((
                            found.group(1) for found in _WORKS_FOR.finditer(e.role)
                            if found.group(1) in surnames and found.group(1) != e.name.split()[-1]), None))}
        self.relations = Relations(brief, self.analyzer.terms, self.index.countries)
        # A side's President or delegation head speaks for it: "what does putin want ukraine to do?" asks Russia's
        self._side_of_person = {**self.relations.heads,
                                **{person: side for side, person in self.relations.leaders.items()}}
        # Occasions other than the brief's own event (the first round, the failed 2022 talks): what "that round" or
        # "those talks" can point back at.
        self._occasions = frozenset(canon(e.id.replace("-", " ")) for e in brief.entities
                                    if e.kind is EntityKind.event) - {self.event.token}
        # The words a name's own variants use beside it ("invasion start", "launched the invasion", "Ukraine's
        # defence minister"): asked with that name, they say nothing the name doesn't, so they neither count as
        # missing from an answer about it nor dilute how much of the question it covers.
        table = self.analyzer.table
        self._absorbed = {canon(e.id.replace("-", " ")): frozenset(
            t for v in e.variants for w in words(v) for t in table.word(w)
            if t not in QUESTION_WORDS and t not in self.index.entities) for e in brief.entities}
        # Whom a person's own variants describe them by ("Zelensky's chief of staff", "Trump's envoy for Ukraine"):
        # asked beside that person, those names say who is meant, not someone else asked about.
        self._described_with = {canon(e.id.replace("-", " ")): frozenset(
            t for v in e.variants for w in words(v) for t in table.word(w)
            if t in self.index.entities and t != canon(e.id.replace("-", " "))) for e in brief.entities
            if e.kind in (EntityKind.person, EntityKind.organisation)}
        self._kind_terms = {kind: frozenset(t for w in kind_words for t in table.join(words(w)))
                            for kind, kind_words in _KIND_WORDS.items()}
        # Capitalised words that are not names of anyone or anything: "Russian bloggers" names no blogger.
        self._entity_names = {canon(e.id.replace("-", " ")): e.name for e in brief.entities}
        self._entity_kinds = {canon(e.id.replace("-", " ")): e.kind for e in brief.entities}
        # The units about another occasion than the brief's event (the first round, the 2022 talks)
        self._of_other_occasions = tuple(u for u, unit in enumerate(self.index.units)
                                         if unit.kind is not UnitKind.topic and unit.entities & self._occasions)
        self._organisations = frozenset(t for t, kind in self._entity_kinds.items() if kind is EntityKind.organisation)
        # Places and countries the brief names: "held in ankara?" claims a place even when typed in lower case.
        self._places = frozenset(canon(e.id.replace("-", " ")) for e in brief.entities
                                 if e.kind in (EntityKind.place, EntityKind.country))
        self._not_names = _CALENDAR | STOPWORDS | {
            w for e in brief.entities if e.kind is EntityKind.country for v in (e.name, *e.variants) for w in words(v)}
        # The words that make a name a name, not its everyday words: "spider" of Operation Spider's Web, "ciragan" of
        # Ciragan Palace (`_described`); a name of everyday words only ("Turkish Foreign Ministry") has none.
        # Nor a country's ("Ukraine's security service (SBU)": "sbu"), nor a word two names share ("Vladimir").
        marks = {e: [w for w in name if specificity(stem(w)) == 1.0 and len(w) > 2]
                 for e, name in self._named_by.items()}
        shared = Counter(w for found in marks.values() for w in set(found))
        self._name_marks = {e: frozenset(kept) for e, found in marks.items()
                            if (kept := [w for w in found if shared[w] == 1 and w not in self._not_names])}

    # ------------------------------------------------------------ public

    def terms(self, text: str) -> tuple[str, ...]:
        return self.analyzer.terms(strip_markup(text))

    def section(self, section_id: str) -> Section | None:
        """The section with this id, found without a scan of the brief."""
        position = self._position.get(section_id)
        return None if position is None else self.sections[position]

    def match(self, message: str, context: FollowUpContext | None = None) -> Match:
        """The best reading of `message`: the one most likely to be answered right."""
        # "kto vozglavlyal delegatsiyu?": Russian or Ukrainian in Latin (or Cyrillic) letters, read in English
        message = in_english(message) or message
        with self._one_message():
            pasted = split_paste(strip_markup(message))
            # A paste cut short ("Moscow threatened to capture the ... regions / which regions?") asks what fills the
            # gap, which the message read whole finds; only when it does not, the paste is read as a previous turn.
            if pasted is not None and not pasted.gapped and (about := self._pasted(pasted)) is not None:
                return about
            found = self._match(message, context)
            if found.confidence < ACCEPTABLE and (again := self._who_did_that(strip_markup(message), context)):
                return again
            if pasted is None and found.confidence < ACCEPTABLE and (inside := quoted_inside(message)) is not None \
                    and self._citing(inside, found) and (about := self._pasted(inside)) is not None:
                # "who was *baying for blood* after spider web?": a line of the articles quoted inside the question
                # is what it asks about, as a paste would be
                return replace(about, question=found.question)
            if pasted is not None and not pasted.gapped and found.confidence >= ACCEPTABLE \
                    and self._past_the_line(pasted, found):
                # "'the eyes of the whole world are focused on the contacts here' - what did he have for lunch?": read
                # whole, the line's own words answer it; what is asked of the line is nothing the answer says.
                return _ruled(found)
            if pasted is not None and pasted.gapped and found.confidence < ACCEPTABLE \
                    and (about := self._pasted(pasted)) is not None:
                return about
            if found.confidence < ACCEPTABLE and not found.more and not found.again \
                    and not self.scope.refused_whole(message):  # turned down whole: not read again in other words
                # Speech typed by a phone splits a name it doesn't know into words it does ("who is med in ski"):
                # only a message that is not answered otherwise is read again with such runs read as the name they
                # sound like.
                text = strip_markup(message)
                heard = self.analyzer.heard(text)
                if heard is not None and (again := self._match(heard, context)).confidence >= ACCEPTABLE:
                    return replace(again, question=found.question)
                # Keywords typed as into a search box ("umer job title", "troops massed sumy number"): the
                # question they stand for, read only when the message as written is not answered.
                asked = self._search_box.question(text)
                if asked is not None and (again := self._match(asked, context)).confidence >= ACCEPTABLE:
                    return replace(again, question=found.question)
                # "my friend says the talks were in ankara, is that right?", "Sam reckons they lasted a week": the
                # claim to check, when whoever makes it is no one the brief names (what Zelensky says is his)
                claim = self._hearsay(text)
                if claim is not None and (again := self._match(claim, context)).confidence >= ACCEPTABLE:
                    return replace(again, question=found.question)
            return found

    def _pasted(self, pasted: Paste) -> Match | None:
        """What a message asks of what it pastes: read as a follow-up to the paste, as if the paste had been the
        previous turn ("> Umerov headed Kyiv's delegation / who's he up against?"), or the paste as a claim to
        check when that is all it asks ("'25 of 80 drones shot down' - is 25 right?"). None when the paste is
        nothing the brief covers: the message is then read as written."""
        if pasted.checks:
            found = self._match(pasted.as_claim())
            return replace(found, question=pasted.asked) if found.confidence >= ACCEPTABLE else None
        read = self._match(pasted.quoted)
        citing = self._citing(pasted, read)
        units = self.index.units
        if citing and (read.confidence < ACCEPTABLE or not any(units[u] in read.lead for u in citing)):
            # What the articles say word for word ("'move forward, not just repeat the same previous ultimatums' -
            # who said that?") is what the facts quoting it say, however the paste reads as a question.
            sections = Counter(units[u].section for u in citing)
            best = self._position.get(read.best.id) if read.best is not None else None
            position = best if best in sections else sections.most_common(1)[0][0]
            terms = self.terms(pasted.quoted)
            read = replace(self._match_reading(_Reading(pasted.quoted, terms, terms, False), position),
                           lead=tuple(units[u] for u in citing if units[u].section == position)[:LEAD_FACTS],
                           confidence=1.0)
        if citing and set(self.terms(pasted.asked)) <= self._about_a_line:
            # "... - who is being quoted there?", "whose words are those?", "what does it mean?": those facts
            return replace(read, question=pasted.asked)
        if citing and pasted.quoted in pasted.asked and (asked := set(self.terms(pasted.asked.replace(
                pasted.quoted, " ")))) & self._about_a_line and asked <= self._about_a_line | self.people:
            # "did kellogg say 'the eyes of the whole world …'?": whose words they are, which corrects the name
            return replace(read, question=pasted.asked)
        if read.best is None or read.confidence < ACCEPTABLE:
            # "> Spider's Web wiped out 41 bombers": a paste getting a detail wrong reads as the claim it is
            read = self._match(pasted.as_claim())
            if read.best is None or read.confidence < ACCEPTABLE:
                return None
        # The reader knows what they pasted ("what will kyiv do with it?" asks past it) but was shown nothing: "who
        # else confirmed it?" may be answered by the fact that says what the paste says
        pasted_facts = tuple(unit.key for unit in read.lead)
        found = self._match(pasted.asked, FollowUpContext(read.best.id, read.terms, read.entities, (), pasted_facts,
                                                           question=read.question))
        if found.confidence < ACCEPTABLE:
            return None
        # "who said this?", "source?": the facts saying what the paste says, each with who says it
        return replace(found, lead=read.lead, again=False) if found.again else found

    def _past_the_line(self, pasted: Paste, found: Match) -> bool:
        """Whether `found`, the message read whole, leads only with facts saying the pasted line word for word while
        none of them says a word of what is asked of it."""
        line = _line_of(pasted)
        if line is None or not found.lead or not all(self._cites(line, unit) for unit in found.lead):
            return False
        asked = {t for t in self.terms(pasted.asked) if t not in QUESTION_WORDS}
        return bool(asked) and not any(asked & (unit.terms | unit.entities) for unit in found.lead)

    def _citing(self, pasted: Paste, read: Match) -> list[int]:
        """The facts saying what a paste says word for word, in their own text or a quote they cite, among the topics
        `read` (the paste read as a question) ranks first and the facts using its rarest word: a question touches
        only the facts sharing its terms, not every fact of the brief."""
        line = _line_of(pasted)
        if line is None:
            return []
        units = self.index.units
        # and the facts using the line's rarest word the brief knows (its reading may rank their topic down)
        using = min(self.index.units_using(t for t in self.terms(pasted.quoted) if t not in QUESTION_WORDS),
                    key=len, default=frozenset())
        looked = {u for candidate in read.candidates[:CITING_TOPICS]
                  for u in self.index.section_units[self._position[candidate.section.id]]} | using
        return [u for u in sorted(looked) if self._cites(line, units[u])]

    def _cites(self, line: re.Pattern[str], unit: Unit) -> bool:
        """Whether fact unit `unit` says `line` in its own text or in a quote it cites."""
        if unit.kind is not UnitKind.fact:
            return False
        fact = self.sections[unit.section].facts[unit.item]
        return line.search(fact.text) is not None or any(line.search(s.quote) for s in fact.sources)

    def _hearsay(self, text: str) -> str | None:
        """The claim of a message passing on what someone the brief does not name says; None for any other."""
        told = _HEARSAY.match(normalize(text))
        if told is None or len(claim := told.group("claim").split()) < 3 or claim[0] in _NO_CLAIM \
                or not _WH.isdisjoint(claim[:max(3, len(claim) - 4)]):
            # "macron said what on these talks", "pope leo said something about it": asked, not claimed ("ppl say
            # they started late, by how much": a claim, and a short question about it)
            return None
        who = told.group("who")
        if who.split()[0] in _ASKING or any(t in self.index.entities or t in QUESTION_WORDS
                                            for t in self.analyzer.terms(who)):
            return None  # "what did zelensky say …": asked of him; "zelensky says …": his word, not hearsay
        return told.group("claim")

    def _side_for_leader(self, found: re.Match[str]) -> str:
        """ "medinsky's team" written as "russia's team": a person's possessive before a word for a delegation, when
        the person is on one of the two warring sides; the words as written otherwise."""
        people = [t for t in self.analyzer.terms(found.group(1), correct=False) if t in self.people]
        side = self.scope.side(people[0]) if len(people) == 1 else None
        if side not in _BOTH_SIDES:
            return found.group(0)
        return f"{self._entity_names.get(side, side.title())}'s {found.group(2)}"

    @contextmanager
    def _one_message(self) -> Iterator[None]:
        """While one message is matched, its readings share what they retrieve (`_retrieved`) and what is read from
        their texts alone (`_event_reads`, `_doers`)."""
        self._retrieved, self._event_reads, self._doers = {}, {}, {}
        try:
            yield
        finally:
            self._retrieved = self._event_reads = self._doers = None

    def _match(self, message: str, context: FollowUpContext | None = None, doubting: bool = True) -> Match:
        text = strip_markup(message)
        if (new := _NEW_SUBJECT.match(text)) is not None and text[new.end():].strip():
            # "ok different q: whos kellogg", "totally different question, what's kyiv saying …": a question of its
            # own, announced as one; nothing of the conversation so far is read into it
            text, context = text[new.end():], None
        if (relayed := _RELAYED.match(text)) is not None:
            text = text[relayed.end():]
        # "whats 2+2", "<script>…</script> 5*3": a sum's numbers are no date or count the brief gives
        text = _ARITHMETIC.sub(" ", text)
        # "what is umerov's position in the government?": a post held, not a stance taken
        text = _POST_HELD.sub("job", text)
        text = _HIS_POST.sub(r"\1 job", text)  # "whats his position" after Umerov: his post, not his stance
        text = _BARE_WHY.sub("why?", text)  # "what for?", "how come?": why
        # "medinsky's team", "umerov's delegation": the side's delegation he led, which the facts name as the side's
        text = _PERSONS_TEAM.sub(self._side_for_leader, text)
        if context is not None and (boss := _BOSS.search(text)) is not None \
                and len(named := context.entities & self._bosses.keys()) == 1:
            # "and his boss - what's he threatening?" after Trump's envoy: the one his role names him working for
            name = self._bosses[next(iter(named))]
            text = f"{text[:boss.start()]}{name}{boss.group(1) or ''}{text[boss.end():]}"
        if _RELATIVE_TO.search(text) and _wants(text) == "time":
            # "when did it happen relative to the talks?": the talks are the time it is told by ("a day before"), and
            # "relative to" asks nothing a fact must say
            text = _RELATIVE_TO.sub(" ", text)
        # "going back to the bombers, how many again?", "back to the prisoner swap - who's in it?": the frame of a
        # return to an earlier topic asks nothing; what it names is what the question is about
        if (back := _GOING_BACK.match(text)) is not None and self._places.isdisjoint(
                self.analyzer.terms(_HEAD_OF.split(text[back.end():], maxsplit=1)[0])):
            text = text[back.end():]  # "back to istanbul: how quickly did it end?" returns to the talks held there
        for piece in sentences(text):
            if (happened := _WHAT_HAPPENED.match(piece)) is not None and (
                    setting := self.analyzer.terms(happened.group("rest"))) and self.event.setting.issuperset(setting):
                # "what happened in istanbul?", "just woke up. what happened monday??": the event's city or day
                # stands for the event, not for the city's card
                text = text.replace(piece, "what happened at the talks?")
        if (cause := _WHAT_MADE.match(text)) is not None:
            # "what prompted putin to propose direct talks?": why he did
            text = f"why did {cause.group('who')} {cause.group('done')}"
        if (meant := _NOT_THAT.match(text)) is not None:
            # "not this round, the one in May", "no, not Ukraine's - Russia's": what is set aside asks nothing
            text = meant.group(1)
        # "did russia hand over its draft, or is that spin?": the reader doubts the claim it asks about; the doubt
        # names nothing a fact must say
        if (tail := _DOUBT_TAIL.search(text)) is not None and text[:tail.start()].strip():
            text = text[:tail.start()] + "?"
        # "confirm: Kalin is Turkey's foreign minister?", "my copy says 126 drones. Correct number?": the claim to check,
        # which the fact confirming or correcting it answers; the frame around it names nothing a fact says
        if (claim := claim_checked(text)) is not None:
            text = claim
        around = context.entities if context is not None else frozenset()
        if (plain := self.relations.asked(text, around)) is not None or (
                len(parts := sentences(text)) > 1 and (plain := self.relations.asked(parts[-1], around)) is not None):
            # "who was he up against?" after Medinsky: "who led ukraine's delegation?"; so too after an aside ("fine
            # fine. and who's across the table from him?")
            text = plain
        if (view := _PARTY_VIEW.match(text)) is not None \
                and (party := self.index.entities.intersection(self.analyzer.terms(view.group(1)))):
            # "what does trump say about all this?", "what's the kremlin saying about the talks?": the party's position
            # as a whole, not whichever of its sayings is shortest. A person's is what they said ("what does biden say
            # about all this?" is not answered by Trump calling it Biden's war).
            found = self._match(f"what is {view.group(1)}'s position?", context, doubting)
            if found.confidence >= ACCEPTABLE and found.lead and (
                    not party & self.people or self._reports(set(party), found.lead[0])):
                return replace(found, question=text)
        if context is not None:
            text = _past_interjections(text)  # "ok and who's on the ukrainian side": a follow-up opening with "and"
            # "what type?" after where the bombers were: which kind of what was just asked about ("type" and "what"
            # alone name nothing, "which" asks which one)
            text = _BARE_KIND.sub("which kind?", text)
            # "and the other direction?", "vice versa?" after the drones Ukraine downed: the other side's count
            text = _OTHER_WAY.sub("the other side", text)
            text = _as_membership(text)  # "who's in it?" after the new exchange: whom it includes
            if (one := _PARTYS_ONE.search(text)) is not None \
                    and self.index.named.intersection(self.analyzer.terms(one.group("who"))):
                # "whats in ukraines one" after Russia's memorandum: Ukraine's, the noun left out
                text = text[:one.start()] + one.group("who") + text[one.end():]
        # "source?", "is that confirmed?" after a turn turned down: the last answer is what they doubt
        answered = context.last_answered() if context is not None else None
        if _PLAINER.match(text):
            # "can you explain that simpler?": the summary of the topic just answered; with nothing just answered,
            # nothing to explain ("i don't get it" is no question about what someone did not get)
            if answered is None or answered is not context or (previous := self.section(answered.section_id)) is None:
                return Match((), 0.0, frozenset(), (), question=text)
            return Match((Candidate(previous, 1.0, 1.0),), 1.0, answered.entities, answered.terms,
                         (self._topic_unit(previous),), question=text)
        if answered is not None and (previous := self.section(answered.section_id)) is not None \
                and not self.scope.asks_opinion(text):
            if self._asks_for_more(text) and answered is context:  # not after a turn-down: nothing more shown
                if _ELSE.search(text) and (other := self._asked_again(text, answered)) is not None:
                    return other
                return Match((Candidate(previous, 1.0, 1.0),), 1.0, answered.entities, answered.terms,
                             question=text, more=True)
            if _JUST_THE.search(text):
                # "just the number", "only the date please", "one word": the facts just shown, which lead with it
                # (after a topic's summary, the summary again: its facts would lead with another)
                if answered.summary:
                    return Match((Candidate(previous, 1.0, 1.0),), 1.0, answered.entities, answered.terms,
                                 (self._topic_unit(previous),), question=text)
                return Match((Candidate(previous, 1.0, 1.0),), 1.0, answered.entities, answered.terms,
                             question=text, again=True)
            if (bare := _BARE_OBJECT.match(text)) is not None and answered is context and any(
                    re.search(rf"\b{bare.group(1).lower()}\s+\w", self._text_of(unit)) for key in answered.last
                    if (unit := self._unit(answered.section_id, key)) is not None):
                # "against who?" after the bloggers' call for a blow against Kyiv: the fact just shown says it
                return Match((Candidate(previous, 1.0, 1.0),), 1.0, answered.entities, answered.terms,
                             question=text, again=True)
            if self._summary_term is not None and answered is context \
                    and set(self.analyzer.terms(text)) == {self._summary_term} \
                    and (len(normalize(text).split()) <= 3 or not _THAT.isdisjoint(normalize(text).split())):
                # "tl;dr?", "summarize that" right after an answer: the summary of the topic just answered
                return Match((Candidate(previous, 1.0, 1.0),), 1.0, answered.entities, answered.terms,
                             (self._topic_unit(previous),), question=text)
            if _WORDING.search(text):
                # "exact wording?", "what's the actual quote?": the facts just shown, in the articles' own words
                return Match((Candidate(previous, 1.0, 1.0),), 1.0, answered.entities, answered.terms,
                             question=text, again=True, wording=True)
            if _SOURCE_REQUEST.search(text) or _WHOSE_WORDS.search(text) or self._said_of_them(text, answered) \
                    or self._asks_where_or_when_said(text, answered):
                # "who said that?", "where did he say that?": the facts just shown, with who says them (and where
                # and when, as they tell it)
                return Match((Candidate(previous, 1.0, 1.0),), 1.0, answered.entities, answered.terms,
                             question=text, again=True)
            if doubting and (doubted := self._doubted(text, answered, previous)) is not None:
                # "says who, the 1.2m?", "is that confirmed?", "and the other side? what does russia say": the claim
                # just made, with who makes it, or the other side's word on it. Unless the message read as a question
                # finds a fact of the same topic not yet shown ("and the other side?" after the drones Ukraine downed:
                # the count Russia gives; "what's the independent evidence?": the satellite imagery).
                read = self._match(message, answered, doubting=False)
                if self._answers_the_doubt(read, text, answered):
                    return read
                return doubted
        if context is not None and (when := self._when_of_occasion(text, context)) is not None:
            return when
        if answered is not None and (item := self._item_of_list(text, answered)) is not None:
            return item
        shown = self._shown(context) if context is not None and _ELSE.search(text) else frozenset()
        if shown and _wants(text) == "person":
            # "who else from turkey was there?" after Fidan: a fact or card naming no one but those already shown
            # (Turkey's card, which names Fidan) tells of no one else
            units = self.index.units
            named = frozenset().union(*(units[u].entities & self.people for u in shown))
            shown |= frozenset(u for u, unit in enumerate(units)
                               if (people := unit.entities & self.people) and people <= named)
        # "what will kyiv do with it?", "and what did kyiv say about it?" after Moscow handed over its draft: something
        # new asked of the thing just discussed, which the fact just shown (the handover) does not answer; read with
        # the previous turn, it is led by what the conversation was not just shown when that answers it.
        done = self._last_units(context) if context is not None and _OF_IT.search(text) else frozenset()
        readings = self._fragments_defer([self._match_else(reading, shown or (done if reading.context else frozenset()))
                                          for reading in self._readings(text, context)])
        if not any(m.confidence >= ACCEPTABLE for m in readings):
            # Only then the first clause without its aside: most messages are answered without this extra reading.
            readings += [self._match_else(reading, shown) for reading in self._readings(text, context, heads=True)]
        if shown and context is not None and (again := self._asked_again(text, context)) is not None:
            readings.append(again)  # "what other demands did they make?": the previous question, not its answer
        if answered is not None and (aspect := self._aspect_of_topic(text, answered)) is not None:
            readings.append(aspect)
        if not readings:
            return Match((), 0.0, frozenset(), (), question=text)
        readings = self._fragments_defer(readings)
        if self._summary_term is not None and any(
                m.confidence >= ACCEPTABLE and self._summary_term not in m.terms and m.features.get(IN_SHORT)
                for m in readings):
            # "summarize the prisoner exchange": asked in short, the exchange; the overview is no reading of it
            readings = [m for m in readings if self._summary_term not in m.terms]
        if context is None or answered is None:
            # A rule: "what did he say?", "where did he say that?", "who said that?", "which article said that?" in
            # a fresh chat (or after turn-downs only): "he" or "that" points at no one and nothing, and the one word
            # left asks nothing of any fact in particular.
            readings = [_ruled(m) if self._points_at_no_one(m) or _ASKS_WHERE_FROM.match(m.question) else m
                        for m in readings]
        if len(readings) > 1:
            # "which region is it?" after two sentences about Sumy: the question alone points at nothing it says; it
            # is never surer than its readings with what it points at.
            whole = sentences(text)
            readings = [self._backed(m, readings, text) if m.question in whole[1:] else m for m in readings]
        # "what did he say": a pronoun points at the previous turn; "and kyiv's?" names only someone else, so it
        # asks the previous question about them. Either way that reading wins whenever it is answerable.
        # "what did the kremlin say to that": a demonstrative points back too, unless the message read alone stays
        # on the topic anyway ("what does moscow say about that?" after Ukraine's list: Moscow's view of it).
        alone = max((m for m in readings if not m.features.get("context")), key=lambda m: m.confidence, default=None)
        elsewhere = context is not None and (alone is None or alone.best is None
                                             or alone.best.id != context.section_id)
        pointing = [m for m in readings if m.features.get("context") and m.confidence >= ACCEPTABLE
                    and ((any(w in PRONOUNS for w in normalize(m.question).split())
                          and not self._owned_here(m.question))
                         or self._swaps(m.question, context.terms) or (elsewhere and _points_at_a_thing(m.question))
                         # "what is putin trying to do there" after the troops massed near Sumy: that place
                         or (elsewhere and normalize(m.question).split()[-1:] == ["there"]
                             and not context.entities.isdisjoint(self._places))
                         # "what sort of people?" after "which countries sent people?": nothing but the last
                         # question's own words, asked more of
                         or (elsewhere and _BARE_SORT.match(m.question) is not None
                             and set(self.analyzer.terms(m.question)) <= set(context.terms)))]
        if pointing and alone is not None and not elsewhere and alone.confidence >= ACCEPTABLE and alone.lead \
                and alone.lead[0].kind is not UnitKind.topic:
            # "how did they even get drones in there?" after the plan's 18 months: read alone it stays on the topic
            # and finds the fact that answers it (the smuggling); read with the previous turn's words it only finds
            # the topic's summary, which does not answer it better.
            summary = [m for m in pointing if m.lead and m.lead[0].kind is UnitKind.topic]
            if summary and len(summary) == len(pointing):
                pointing = [alone]
        if pointing and context is not None and elsewhere and alone is not None and alone.confidence >= ACCEPTABLE \
                and alone.lead and alone.lead[0].kind is not UnitKind.topic and alone.features.get("type_fit") \
                and context.entities and context.entities <= alone.lead[0].entities \
                and not _THEY.isdisjoint(normalize(text).split()):
            # "how much land do they have now?" after Russia's demands: "they" is Russia, and read alone the question
            # is already answered by a fact about Russia of the kind it asks for (the area it controls); the previous
            # question's words ("demands") would only pull it back to the topic it asked something new of.
            pointing = [alone]
        pieces = sentences(text)
        fragment = any(_asks_names(piece) and len(piece.split()) <= 4 for piece in pieces)
        if fragment or _asks_names(text):
            # The rule on names holds for the sentence a reading was cut from: "what's the name of the spokesperson
            # who talked about the advisers" read from "who talked…" on, or "which four regions exactly? names",
            # where a fragment asks the names of the sentence before it.
            def asks_name(question: str) -> bool:
                return fragment or any(question in piece and _asks_names(piece) for piece in pieces)

            readings = [m if _asks_names(m.question) or not asks_name(m.question)
                        or self._gives_name(text, list(m.lead)) else
                        _ruled(m) for m in readings]
        # A rule: "when is it going to happen, do you know the date?": a clause asking no more than the date belongs to
        # a sentence asking the time of something still to come; the talks' own day does not answer it either.
        readings = [_ruled(m) if self._date_of_what_is_to_come(m, pieces) else m for m in readings]
        if context is not None:
            # A rule: "how many people tho?" right after an answer asks a count of what was just discussed; a
            # count the brief gives on another topic is not that one. The reading with the previous turn filled
            # in ("how many regions?" after Russia's demands) is that count, when it can be answered.
            readings = [m if not self._count_of_another_topic(m, context) and not self._time_of_another_topic(m, context)
                        else _ruled(m) for m in readings]
            people = context.entities & self.people
            said = normalize(text).split()
            # "has he met putin before?": "he" is the one just discussed even when the message names someone else
            # (as the one he met); "what did putin say about him" names who it asks about.
            subject = bool({"he", "she"}.intersection(said))
            if self._named_first(text):
                # "actually umerov - what did he say about russia's proposals?": the clause after the name points at
                # it; read without it, the clause's "he" is no one, so it is never surer than the whole message.
                whole = max((m.confidence for m in readings if m.question == text and not m.features.get("context")),
                            default=None)
                if whole is not None:
                    readings = [replace(m, confidence=min(m.confidence, round(whole - 0.001, 4)))
                                if m.question != text and PERSONAL.intersection(normalize(m.question).split())
                                and self.people.isdisjoint(self.analyzer.terms(m.question)) else m for m in readings]
            elif people and PERSONAL.intersection(said) and (subject or not any(
                    self.people.intersection(m.entities) for m in readings if not m.features.get("context"))):
                # A rule: "does he have kids?" right after Medinsky asks about Medinsky. A reading that leaves "he"
                # out and leads with facts about no one just discussed (deported children) answers another question.
                readings = [m if m.features.get("context") or any(people & u.entities for u in m.lead) else
                            _ruled(m) for m in readings]
            occasion = context.entities & self._occasions
            # ("result?", "and the outcome?": what it came to, asked of the occasion just discussed)
            if occasion and (_THAT_OCCASION.search(text) or _BARE_OUTCOME.match(text)) \
                    and self._occasions.isdisjoint(self.analyzer.terms(text)):
                # A rule: "how long did that one last?" right after the first round asks about the first round; the
                # facts about the brief's own talks (which lasted under an hour) answer another question.
                def about_it(m: Match) -> bool:
                    return any(occasion & u.entities for u in m.lead)

                readings = [m if about_it(m) else _ruled(m) for m in readings]
                pointing = [m for m in pointing if about_it(m)]
        if context is not None and (stance := self._stance_on_it(self._other_side(text, context) or text,
                                                                 context)) is not None:
            # "what's moscow's excuse?", "does the kremlin accept that?": another party's word on what was just
            # discussed, read in the topic just answered and led by its facts about that party.
            readings.append(stance)
            if stance.confidence >= ACCEPTABLE and stance.features.get(BARE_STANCE):
                # It is the follow-up reading of the message: it wins over the other readings pointing back (a swap
                # of the previous question's party would answer what was asked before, again).
                pointing = [stance]
        if context is not None:
            readings = [self._on_topic(m, context) for m in readings]
            if _PART_OF.search(text):
                # A rule: "how many of those were soldiers?" asks a part of what was just counted. A count from
                # another topic counts something else; the count just shown is the whole, not the part.
                def part(m: Match) -> Match:
                    if m.best is not None and m.best.id == context.section_id \
                            and not {u.key for u in m.lead} <= set(context.last):
                        return m
                    return _ruled(m)

                readings = [part(m) for m in readings]
                pointing = [m for m in map(part, pointing) if m.confidence >= ACCEPTABLE]
        if _THIS_TIME.search(text) or (context is not None and _THIS_TIME.search(context.question)
                                        and _HOW_MANY.search(text)
                                        and self._occasions.isdisjoint(self.analyzer.terms(text))):
            # A rule: "how many were freed this time?" asks about the brief's own talks; a fact about another occasion
            # (the first round's swap) answers another question, unless the message names that occasion too. So too a
            # count naming no occasion ("how many prisoners exactly?" after "who's to be swapped this time?").
            readings = [_ruled(m) if self._of_another_occasion(m) else m
                        for m in readings]
            pointing = [m for m in pointing if not self._of_another_occasion(m)]
        # Rules (bot/core/scope.py): an office nobody named holds, a figure for another occasion, a person's private
        # life: the brief's own words, asking what it does not say.
        refused = self.scope.refused_whole(text)
        outside = {id(m) for m in [*readings, *pointing] if m.confidence >= ACCEPTABLE and (refused or self.scope.outside(
            m.question, m.lead, _wants_of(m), next((p for p in pieces if m.question in p), ""),
            context.question if context is not None else ""))}
        readings = [_ruled(m) if id(m) in outside else m for m in readings]
        pointing = [m for m in pointing if id(m) not in outside]
        if outside:  # a piece of a question the scope turned down asks what it turned down
            readings = self._fragments_defer(readings)
        if len(pointing) > 1 and not _STANCE.isdisjoint(self.analyzer.terms(text)):
            # "and kyiv's response?", "and kyiv's reaction?": a fact giving their response answers it; the topic's
            # summary (read with the topic's title words added) gives their demands instead.
            stated = [m for m in pointing if m.lead and m.lead[0].kind is not UnitKind.topic
                      and not _STANCE.isdisjoint(m.lead[0].terms)]
            pointing = stated or pointing
        if context is not None and self._swaps(text, context.terms):
            pointing = self._same_question(readings, context) or pointing
        best = max(pointing or readings, key=lambda m: m.confidence)
        if best.confidence >= ACCEPTABLE and best.best is not None and not pointing \
                and (claimed := _CLAIMED_TIME.search(text)) is not None:
            # "did ukraine's team arrive on sunday?": the fact telling when they arrived corrects the day claimed
            # (Monday); a fact about something else done on that day ("Zelensky confirmed on Sunday …") does not
            day = set(_TIME_WORD.findall(claimed.group(0).lower()))
            if best.lead and not day & set(_TIME_WORD.findall(self._text_of(best.lead[0]).lower())):
                day = set()  # the fact found does not say that day: it was not found by the day alone
            best = next((m for m in readings if m.question.startswith("when ") and m.question != text
                         and m.confidence >= ACCEPTABLE and m.best is not None and m.best.id == best.best.id
                         and m.lead and (told := set(_TIME_WORD.findall(self._text_of(m.lead[0]).lower())))
                         and day and not day & told), best)
        if context is not None and best.best is not None and best.best.id != context.section_id \
                and best.confidence >= ACCEPTABLE and _WORD_ON_IT.search(normalize(text)) \
                and self.people.intersection(self.analyzer.terms(text)):
            # A rule: "what did putin say about it?" right after Spider's Web asks his word on the attack; his words
            # in another topic (his terms for peace, what Trump said of the memoranda) are about something else.
            return _ruled(best)
        if best.confidence >= ACCEPTABLE and best.lead and (reactors := self._reactors(text)) and not any(
                self._says(reactors, said, quoted=False) or self._leads_with(reactors, said)
                for said in map(self._text_of, best.lead)):
            # A rule: "how did putin respond to trump calling him crazy?" asks a reaction of someone no leading fact
            # has speak or act; what they reacted to is not their reaction.
            return _ruled(best)
        if context is not None and context.summary and best.features.get("context") and best.lead \
                and best.lead[0].kind is UnitKind.topic and best.best is not None \
                and best.best.id == context.section_id:
            # "and trump?" after what happened at the talks: read with the previous question it is that topic's
            # summary again, just read (it names Trump in passing); read alone it is Trump's part in them. Only a
            # message naming someone and nothing else: "and what does zelensky say?" after the Kremlin's word on the
            # leaders' meeting asks his view of it, which that summary gives.
            alone = max((m for m in readings if not m.features.get("context")), key=lambda m: m.confidence,
                        default=None)
            if alone is not None and alone.confidence >= ACCEPTABLE and alone.best is not None \
                    and alone.best.id != context.section_id \
                    and all(t in self.index.entities for t in alone.terms if t not in QUESTION_WORDS):
                return alone
        return best

    def _who_did_that(self, text: str, context: FollowUpContext | None) -> Match | None:
        """ "who handed that over?" after the list of children Kyiv's delegation handed over, when nothing else
        answers it: the fact just shown says who did it."""
        did = _WHO_DID_THAT.match(text)
        if did is None or context is None or context.last_answered() is not context \
                or (section := self.section(context.section_id)) is None:
            return None
        verb = set(self.analyzer.terms(did.group(1)))
        if not any(verb <= unit.terms and not unit.entities.isdisjoint(self.index.actors) for key in context.last
                   if (unit := self._unit(context.section_id, key)) is not None):
            return None
        return Match((Candidate(section, 1.0, 1.0),), 1.0, context.entities, context.terms, question=text, again=True)

    def _match_else(self, reading: _Reading, shown: frozenset[int]) -> Match:
        """`reading` matched; with `shown` ("who else…?"), led by what the conversation has not been shown when that
        answers it, else by what answers it anyway (a summary read as a whole may not have been taken in)."""
        if reading.placed:
            # Read without the event's city and day, it still asked about that day: the next turn goes on with it
            # ("what did they agree on monday?" -> "how many prisoners?" asks of Monday's exchange, not the first
            # round's)
            found = self._match_else(replace(reading, placed=(), unplaced=True), shown)
            day = self.event.day  # not the city: an earlier round may have been held there too
            return replace(found, terms=(*found.terms, *(t for t in reading.placed if t in day)))
        if reading.besides and (aside := shown | self._set_aside(reading.besides)):
            return self._match_reading(reading, exclude=aside)  # never led by what was set aside
        if shown and (other := self._match_reading(reading, exclude=shown)).confidence >= ACCEPTABLE:
            return other
        return self._match_reading(reading)

    def _set_aside(self, besides: tuple[str, ...]) -> frozenset[int]:
        """The units saying what the reader set aside ("besides prisoners, what did they agree?"): every unit using
        one of its words. A country names a side, not a thing ("who else is there besides russia and ukraine?"):
        nearly every fact names one, so a country alone sets nothing aside."""
        index = self.index
        things = frozenset(t for t in besides if t not in QUESTION_WORDS and t not in index.countries)
        if not things:
            return frozenset()
        return frozenset(u for u, unit in enumerate(index.units)
                         if unit.kind is not UnitKind.topic and not things.isdisjoint(unit.terms | unit.entities))

    def _doubted(self, text: str, context: FollowUpContext, previous: Section) -> Match | None:
        """A follow-up doubting the last answer (`doubt`): who claims it, as "who said that?" is answered (`again`),
        led by the fact giving the number it names ("says who, the 1.2m"); or the other side's word on it, a fact
        of the same topic about what was said in which that side speaks or disagrees. Without such a fact, who
        claims it: what the brief can say of a claim it has no other side of. None for any other message."""
        said = normalize(text).split()
        if doubt(said, frozenset(said)) is None:
            return None  # no word of doubt (most follow-ups): no name looked up
        parties: set[str] = set()
        named = set()
        terms = self.analyzer.runs(said)
        for at, word in enumerate(said):
            if word in QUESTION_WORDS or word in STOPWORDS:
                continue
            found = [t for t in terms(at, at + 1) if t in self.index.named]
            if found:
                named.add(word)
                parties.update(found)
        kind = doubt(said, frozenset(named))
        position = self._position.get(context.section_id)
        if kind is None or position is None:
            return None
        units = [self.index.units[u] for u in self.index.section_units[position]]
        seen = {*context.shown, *context.last}
        last = [u for u in units if u.key in context.last] or [u for u in units if u.key in seen]
        if asked := numbers(" ".join(said)):
            # "says who, the 1.2m": the fact giving that number, of those just shown first
            giving = sorted((u for u in units if u.kind in (UnitKind.fact, UnitKind.figure)
                             and asked & numbers(normalize(self._text_of(u)))),
                            key=lambda u: (u.key not in context.last, u.key not in seen))
            last = giving or last
        claimers = frozenset().union(*(self._claimers(u) for u in last))
        if kind is Doubt.SOURCE and not parties and _VERIFYING.intersection(said) and _WHO.isdisjoint(said) \
                and claimers and (evidence := self._evidence_in(units, seen)):
            # "is that confirmed?" after "some 40 bombers (according to Ukraine)": whose claim it is was shown;
            # what the topic gives as evidence answers whether it holds ("satellite imagery made clear …")
            return Match((Candidate(previous, 1.0, 1.0),), 1.0, context.entities, context.terms,
                         lead=tuple(evidence), question=text, features={"context": 1.0})
        if kind is Doubt.SOURCE and parties - claimers and "or" not in said:
            kind = Doubt.OTHER_SIDE  # "has moscow confirmed that?" after Kyiv's claim: Moscow's word on it
        if kind is Doubt.OTHER_SIDE:
            sides = claimers & _BOTH_SIDES
            other = frozenset(parties) or (_BOTH_SIDES - sides if len(sides) == 1 else frozenset())
            if other and (theirs := self._other_side_of(units, last, other)):
                return Match((Candidate(previous, 1.0, 1.0),), 1.0, other, context.terms, lead=tuple(theirs),
                             question=text, features={"context": 1.0})
            if len(sides) == 2 and (evidence := self._evidence_in(units, seen)):
                # "so who's right?" once both sides' word was shown: what the topic gives as evidence either way
                # ("publicly available satellite imagery made clear …")
                return Match((Candidate(previous, 1.0, 1.0),), 1.0, context.entities, context.terms,
                             lead=tuple(evidence), question=text, features={"context": 1.0})
            if doubt(said, frozenset(named)) is Doubt.OTHER_SIDE and bare_other_side(said):
                return None  # "and who was on the other side?" after Russia's delegation: a swap, read as one
            # "and moscow denies it?" where no fact gives Moscow's word: who claims it, which is all the brief has
        return Match((Candidate(previous, 1.0, 1.0),), 1.0, context.entities, context.terms,
                     lead=tuple(last) if asked else (), question=text, again=True)

    def _evidence_in(self, units: list[Unit], seen: set[str]) -> list[Unit]:
        """The facts of a topic not yet shown that give evidence (their words, with the curator's, say "evidence",
        "proof", "verified"): the first of them."""
        words = self._evidence_terms
        return [u for u in units if u.kind is UnitKind.fact and u.key not in seen and words & u.terms][:1]

    def _answers_the_doubt(self, read: Match, text: str, context: FollowUpContext) -> bool:
        """Whether the message read as a question (`read`) answers a doubt better than who claims what was said: a
        fact not shown yet that has the doubt's own words ("what's the independent evidence?": the satellite
        imagery), or, for a bare "and the other side?", a fact of the same topic (the other side's count, a swap)."""
        if read.confidence < ACCEPTABLE or read.best is None or not read.lead or read.lead[0].kind is UnitKind.topic \
                or read.lead[0].key in {*context.shown, *context.last}:
            return False  # led by what was just shown: not an answer to the doubt
        said = normalize(text).split()
        if bare_other_side(said):
            return read.best.id == context.section_id
        evidence = asks_evidence(said)
        asked = set(self.analyzer.runs(evidence)(0, len(evidence)))
        return bool(asked & read.lead[0].terms)

    def claimed_by(self, unit: Unit) -> frozenset[str]:
        """Who a unit gives as its source rather than its subject: whoever claims a figure (its `claimed_by`), an
        organisation reporting a fact ("NDTV reported that the operation destroyed …")."""
        claimers = self._claimers(unit)
        return claimers if unit.kind is UnitKind.figure else claimers & self._organisations

    def _claimers(self, unit: Unit) -> frozenset[str]:
        """Who a fact or figure says claims it: a figure's `claimed_by`, a fact's parties that speak in it or lead it."""
        named = self.index.named
        if unit.kind is UnitKind.figure:
            figure = self.sections[unit.section].figures[unit.item]
            return frozenset(t for t in self.analyzer.terms(figure.claimed_by) if t in named)
        if unit.kind is not UnitKind.fact:
            return frozenset()
        text = self.sections[unit.section].facts[unit.item].text
        return frozenset(p for p in unit.entities & named
                         if self._says({p}, text, quoted=False) or self._leads_with({p}, text))

    def _other_side_of(self, units: list[Unit], last: list[Unit], other: frozenset[str]) -> list[Unit]:
        """The facts of a topic giving `other`'s word on what `last` said: about them, they speak or it states a
        disagreement, and it shares words of substance with what was said; the one sharing most first."""
        named, generic = self.index.entities, self.event.generic_terms
        discussed = {t for u in last for t in u.terms
                     if t not in QUESTION_WORDS and t not in named and t not in generic and specificity(t) > 0.4}
        scored = []
        for u in units:
            if u.kind is not UnitKind.fact or not other <= u.entities:
                continue
            text = self.sections[u.section].facts[u.item].text
            disagrees = bool(DISAGREEING.search(text))
            if not (disagrees or self._says(other, text, quoted=False)):
                continue
            # two words of substance at least: one ("troops", "sunday") is as often about something else
            shared = sum(self.index.weight(t) for t in discussed & u.terms) if len(discussed & u.terms) >= 2 else 0.0
            if shared:
                scored.append((-(shared + (self.index.max_idf if disagrees else 0.0)), u.item, u))
        return [u for *_, u in sorted(scored)[:1]]

    def _asked_again(self, text: str, context: FollowUpContext) -> Match | None:
        """ "anything else?" after "what did moscow demand at the first round?": the previous question again, answered
        by the facts it has not been shown yet, wherever they are; None when none answers it (then the topic's next
        facts continue it)."""
        own = [t for t in self.analyzer.terms(text) if t not in QUESTION_WORDS]
        if any(t not in context.terms and t not in _LIGHT_VERBS for t in own):
            return None  # "what else does he do for fun?": a question of its own
        reading = _Reading(text, context.terms, context.terms, True, False, asked_before=context.terms)
        match = self._match_reading(reading, exclude=self._shown(context))
        if match.confidence < ACCEPTABLE or not match.lead:
            return None
        return match

    def _led_by_card(self, context: FollowUpContext) -> bool:
        """Whether the last answer led with someone's or something's card ("what's medinsky known for?"): then "and
        umerov?" asks for Umerov's, and the topic the card sits in (Russia's delegation) says nothing of what was asked
        (but "and the ukrainian one?" asks for the other side's one of that topic)."""
        units = self.index.units
        led = [units[u] for u in self._last_units(context)]
        return bool(led) and all(u.kind is UnitKind.entity for u in led)

    def _last_units(self, context: FollowUpContext) -> frozenset[int]:
        """The units the last answer led with."""
        position = self._position.get(context.section_id)
        if position is None:
            return frozenset()
        units = self.index.units
        return frozenset(u for u in self.index.section_units[position] if units[u].key in context.last)

    def _shown(self, context: FollowUpContext) -> frozenset[int]:
        """The units of the conversation's topic it has already been shown: "who else…?" asks for the others."""
        position = self._position.get(context.section_id)
        if position is None:
            return frozenset()
        seen = {*context.shown, *context.last}
        units = self.index.units
        shown = [u for u in self.index.section_units[position] if units[u].key in seen]
        # A card that sums up what those facts said ("NATO: Russia demands that Ukraine drop its NATO ambitions" after
        # that demand) is not something else either; one that says more of someone (Medinsky's past) is.
        said = frozenset().union(*(units[u].terms for u in shown))
        # An occasion's card (the first round's) sums it up as the topic's summary does: not something else.
        told = [u for u in self.index.section_units[position] if units[u].kind is UnitKind.entity
                and ((entity := self.brief.entities[units[u].item]).kind is EntityKind.event
                     or self._restates(entity.role, said))]
        return frozenset([*shown, *told])

    def _restates(self, text: str, said: frozenset[str]) -> bool:
        """Whether most of the words of `text` (as the index reads them) are in `said`."""
        terms = {t for t in self.analyzer.terms(text) if t not in QUESTION_WORDS}
        return bool(terms) and len(terms & said) >= RESTATES * len(terms)

    def _of_another_occasion(self, match: Match) -> bool:
        """Whether `match` leads with a fact about an occasion other than the brief's own (the first round, the 2022
        talks) and not about the brief's own too, when its question names no such occasion itself."""
        if not match.lead or not self._occasions.isdisjoint(self.analyzer.terms(match.question)):
            return False
        entities = match.lead[0].entities
        return bool(entities & self._occasions) and self.event.token not in entities

    def _points_at_no_one(self, match: Match) -> bool:
        """A reading whose subject is a personal pronoun, or a "who" question about "that", with no one named and at
        most one word of its own."""
        content = [t for t in match.terms if t not in QUESTION_WORDS]
        said = normalize(match.question).split()
        return len(content) <= 1 and not any(t in self.index.entities for t in content) and (
            not PERSONAL.isdisjoint(said) or (said[:1] == ["who"] and not THINGS.isdisjoint(said[-2:])))

    def _same_question(self, readings: list[Match], context: FollowUpContext) -> list[Match]:
        """ "and the russians?" after "when did ukraine's team land?" asks when the Russians landed: of the swap's
        readings, those led by a fact about whom it names that has every word of the previous question and is of
        the kind it asked for (a time, a number, a person, a place); not the topic's first fact about the Russians.
        None when no fact is ("and how many in kharkiv?" after the troops near Sumy: the brief counts none there)."""
        wants = _wants(" ".join(context.terms).replace("_", " "))  # "when", "what day", "how many", "who"
        # The words naming the kind asked ("what day") are answered by a fact of that kind, not by the word.
        asked = {t for t in context.terms if t not in QUESTION_WORDS and t not in self.index.entities
                 and t not in _KIND_NOUNS and t not in self._kind_terms.get(wants, ())}
        if not asked or wants not in ("time", "number", "person", "speaker", "place"):
            return []
        same = []
        for m in readings:
            named = m.entities - context.entities
            first = m.lead[0] if m.lead else None
            if first is None or not (m.features.get("context") and asked <= first.terms | first.entities
                                     and fits(first, wants) and named and named <= first.entities) \
                    or m.confidence < 0.25 + 1e-9:
                continue  # another question, no fact of that kind about whom it names, or turned down by a rule
            # It asks all the previous question asked, which was answered: those words are its content too.
            features = {**m.features, "content": min(len(asked | named), 6) / 6}
            same.append(replace(m, confidence=round(max(m.confidence, self.calibration.probability(features)), 4),
                                features=features))
        return [m for m in same if m.confidence >= ACCEPTABLE]

    def _fragments_defer(self, readings: list[Match]) -> list[Match]:
        """ "russia's may advance was its fastest in how long?" read from "how long?" on, or "same day?" after
        "when did spider's web happen relative to the talks?": a piece of the message that asks one or two generic
        words and names nothing is the same question with its subject cut off. A reading of the message that has
        those words and more read them in their place; the piece is never surer than that reading when that
        reading is answered, when a rule turned it down (the piece asks what the rule turned down: "when is the
        third round, what date?"), or when the piece only goes on with a question its sentence already asked and
        finds another topic than the sentence ("where did the russian team sleep, which hotel?": the hotel of that
        night, not the venue's; "how do we know they lost planes, what's the evidence?" stays on the planes)."""
        index = self.index
        owns = [(m, frozenset(t for t in m.terms if t not in QUESTION_WORDS)) for m in readings
                if not m.features.get("context")]
        out = []
        for m in readings:
            own = next((o for r, o in owns if r is m), None)
            if own is not None and 0 < len(own) <= 2 and own.isdisjoint(index.entities):
                # The words the rest of the message adds that the piece's answer leaves out ("who opened the talks"
                # in "who's the turkish guy who opened the talks" is answered by Turkey's minister: nothing is lost)
                said = frozenset().union(*(u.terms | u.entities for u in m.lead))
                fuller = [r.confidence for r, o in owns if r is not m and own < o and (
                    (r.confidence >= ACCEPTABLE or r.features.get(RULED_OUT)
                     or (_goes_on_asking(r.question, m.question) and r.best != m.best))
                    and self._mostly_unsaid(o - own, said)
                    # "is andriy yermak married? kids?": his children, whom the articles never go into
                    or (self.people & o and asks_private(normalize(r.question)))
                    # "what is ukraine asking for … like what do they want": "they" is whom the message named
                    or (m.features.get("unresolved") and r.confidence >= ACCEPTABLE and not index.entities.isdisjoint(
                        o - own)))]
                if fuller and m.confidence >= max(fuller):
                    m = replace(m, confidence=max(0.0, round(max(fuller) - 0.001, 4)))
            out.append(m)
        return out

    def _mostly_unsaid(self, extra: frozenset[str], said: frozenset[str]) -> bool:
        """Whether most of the weight of the words `extra` (those the brief uses) is missing from `said`."""
        weights = {t: self.index.weight(t) for t in extra if t in self.index.vocabulary}
        unsaid = sum(w for t, w in weights.items() if t not in said)
        return unsaid > 0.5 * sum(weights.values())

    def readings(self, text: str, context: FollowUpContext | None = None, force: str | None = None) -> list[Match]:
        """Every reading of an already stripped message, matched: what `match` chooses from (and what the
        calibration is fitted on). `force`: answer every reading from that section."""
        forced = self._position.get(force) if force is not None else None
        return [self._match_reading(reading, forced)
                for reading in (*self._readings(text, context), *self._readings(text, context, heads=True))]

    # ------------------------------------------------------------ reading

    def _readings(self, text: str, context: FollowUpContext | None, heads: bool = False) -> list[_Reading]:
        """The message read as a whole, each question-like sentence of a longer one, and follow-up readings; with
        `heads`, instead, each sentence's first clause when all that follows is an aside ("wtf was spider's web,
        everyone in the discord is spamming it"), where that reads differently."""
        pieces = sentences(text)
        texts = [text] if len(words(text)) <= 30 else []
        if len(pieces) > 1:
            asked = [p for p in pieces if p.endswith("?")] or pieces[-2:]
            texts += [p for p in asked[-MAX_SENTENCES:] if p != text]
        if not texts:
            texts = [text]
        if len(pieces) > 1 and not heads:
            # "My dad is skeptical of Umerov. What's his actual job?": "his" is the one person the message named
            # before asking; read with his name, not with the reader's own story around it.
            texts += [named for piece in texts[-2:] if piece != text and (named := self._named_back(pieces, piece))]
        if context is not None and (tail := _WHAT_ABOUT_TAIL.search(text)) is not None and tail.group(1) not in texts:
            # "who cares about that, what about the kids": after an answer, a "what about …" after an aside is the
            # follow-up, read as one
            texts.append(tail.group(1))
        # A question is often the last clause of a chatty sentence: "forgetting him for a sec, how long did ...?"
        clauses = [clause for piece in texts[-2:] for clause in [*_clauses(piece), *_alternatives(piece)]]
        if not heads:
            # its "he" is the one person named earlier in its sentence: read as that person, and not as no one
            named = {clause: found for piece in texts[-2:] for clause in _clauses(piece)
                     if (found := self._named_earlier(piece, clause))}
            clauses = [named.get(clause, clause) for clause in clauses]
        backed: dict[str, tuple[str, ...]] = {}  # a question pointing back, read with what it points at
        if len(pieces) > 1 and not heads:
            # "… a specific number of Russian troops massed near Sumy. What was that number?": a question that
            # points back ("that number", "which region is it?") asks about the sentence before it, or the one
            # before that when the nearer one is an aside ("my grandmother is from around there"); it is read with
            # each. Only the brief's words of that sentence say what it points at, not the reader's own story.
            known = self.index.vocabulary
            for piece in [p for p in texts if p != text][-2:]:
                at = pieces.index(piece) if piece in pieces else 0
                if at > 0 and self._points_back(piece):
                    for back in (1, 2):
                        if at - back >= 0:
                            before = [t for t in self.analyzer.terms(pieces[at - back])
                                      if t in known and t not in QUESTION_WORDS]
                            backed[f"{pieces[at - back]} {piece}"] = (*before, *self.analyzer.terms(piece))
        if heads:
            read = {self.analyzer.terms(piece) for piece in [*texts, *clauses]}
            found = []
            for head in dict.fromkeys(head for piece in [*texts, *clauses] if (head := _head(piece))):
                if (own := self.analyzer.terms(head)) not in read:
                    read.add(own)
                    found.append(_Reading(head, own, own, False, context is None))
            return found
        if context is not None and (side := self._other_side(text, context)) is not None:
            # "and who was on the other side?" after Russia's delegation: the same message about Ukraine, read as
            # the swap it then is ("and who was on ukraine's side?").
            return self._readings(side, context)
        if context is not None and _REVERSE.search(text) and len(words(text)) <= 8:
            # "and the other way round?": the previous question with the two sides swapped (and never "round" as
            # the talks); when it named neither side, the previous question again, whose answer gives both ways.
            sides = sorted(self.index.countries & _BOTH_SIDES)
            swap = dict(zip(sides, reversed(sides))) if len(sides) == 2 else {}
            terms = tuple(swap.get(t, t) for t in context.terms)
            return [_Reading(text, terms, (), True, False, asked_before=context.terms)]
        readings: list[_Reading] = []
        seen: set[tuple[str, ...]] = set()  # "did X last?" and "how long did X last?" may read the same
        for piece in dict.fromkeys([*texts, *clauses, *backed]):
            own = backed.get(piece) or self.analyzer.terms(piece)
            if own not in seen:
                seen.add(own)
                readings.append(_Reading(piece, own, own, False, context is None, piece not in texts))
            if context is None and _ANOTHER_TIME.isdisjoint(words(piece)) \
                    and (plain := self._event_named_plainly(own)) is not None and plain not in seen:
                # "which country hosted round two?": the event's own name asks no more than "the talks" does, where
                # its name would pull the answer to the facts that repeat it
                seen.add(plain)
                readings.append(_Reading(piece, plain, plain, False, True, piece not in texts))
            if len(sentences(piece)) == 1 and (aside := _besides(piece)) is not None:
                # "besides the prisoner swap, what else did they agree in may?": what it sets aside is not what it
                # asks; read without those words, and not answered by a fact saying them. Sentence by sentence: in
                # "aside from the swap, what else came out? any next steps?" the second asks on its own.
                # Nor by its words said another way ("besides prisoners, what did they agree to exchange?").
                # A person, a place or an operation set aside is not read so: the fact naming another often names
                # them too ("US officials and Medinsky have both confirmed …" for "who besides medinsky …?").
                kept = self.analyzer.terms(aside[1])
                rest = tuple(t for t in self.analyzer.terms(aside[0]) if t not in kept)
                places = [t for t in kept if self._entity_kinds.get(t) is EntityKind.place]
                if rest and kept and rest not in seen and all(
                        t in self.index.countries or t not in self.index.entities or t in places for t in kept):
                    seen.add(rest)
                    # A place set aside still leaves what it is set aside from asked ("what other region did moscow
                    # threaten besides sumy?"): the fact naming both answers it.
                    # So does an alternative ("who proposed direct talks instead of a ceasefire?"): the fact naming
                    # it may answer.
                    readings.append(_Reading(aside[0], rest, rest, False, context is None, piece not in texts,
                                             besides=() if places or _INSTEAD.search(piece) else kept))
            if (short := self._in_short(own)) is not None and short not in seen:
                # "summarize the prisoner exchange", "what does russia want, tl;dr": the word asking for the brief's
                # overview asks for the rest in short, not for the overview
                seen.add(short)
                readings.append(_Reading(piece, short, short, False, context is None, piece not in texts,
                                         summary=True))
            if (placed := self._unplaced(piece, own)) is not None and placed not in seen:
                # "who led the russian side in istanbul on monday?": read without the event's city and day too
                seen.add(placed)
                readings.append(_Reading(piece, placed, placed, False, context is None, piece not in texts,
                                         placed=own))
            if piece in texts and (checked := self._claim_checked(piece, own)) is not None:
                # "was it held in Ankara?", "is Medinsky Russia's defence minister?": the question the claim
                # answers ("where was it held?", "who is Medinsky?"), whose fact confirms or corrects it.
                claimed = self.analyzer.terms(checked)
                if claimed not in seen:
                    seen.add(claimed)
                    readings.append(_Reading(checked, claimed, claimed, False, context is None))
            # A clause is part of a sentence ("… when it was over?"): its "it" belongs to that sentence, not to
            # the previous turn.
            if context is not None and piece in texts and self._looks_like_follow_up(piece, own) \
                    and not self._asks_of_its_own(piece, own, context) \
                    and (own or not any(self.analyzer.terms(p) for p in pieces if p != piece and p != text)):
                # "wtf thats it?? why so short": a sentence asking nothing of its own beside one that asks something is
                # an aside, not the previous question asked again
                resolved = self._resolve(piece, own, context)
                if resolved != own:
                    readings.append(_Reading(piece, resolved, own, True, False, asked_before=context.terms))
                bare = tuple(t for t in own if t not in self.event.setting)
                if bare != own and PERSONAL.intersection(normalize(piece).split()) \
                        and (resolved := self._resolve(piece, bare, context)) != bare:
                    # "what did he do in istanbul?" after Yermak: he is still the one asked about, and the event's
                    # city (or day) only says which occasion, as in a first turn (`_unplaced`)
                    readings.append(_Reading(piece, resolved, bare, True, False, asked_before=context.terms,
                                             placed=own))
                if (person := self._of_the_person(piece, own, context)) is not None and person not in (own, resolved):
                    readings.append(_Reading(piece, person, own, True, False, asked_before=context.terms))
                if (owned := self._possessed(piece, context)) is not None and owned not in (own, resolved):
                    readings.append(_Reading(piece, owned, own, True, False, asked_before=context.terms))
                if (named := self._it_named(piece, context)) is not None and named not in (own, resolved):
                    readings.append(_Reading(piece, named, named, True, False, asked_before=context.terms))
                occasion = sorted(context.entities & self._occasions)
                if occasion and _THAT_OCCASION.search(piece) and self._occasions.isdisjoint(own):
                    # "what did russia demand back then?": "then" is the first round just discussed, and only that
                    # (the previous question's words would pull the answer back to its count or date).
                    # "that round", "held", "take place" say nothing the occasion doesn't.
                    unpointed = tuple(t for t in own
                                      if t not in self.event.nouns and t not in self.event.generic_terms)
                    pointed = tuple(dict.fromkeys([*unpointed, *occasion]))
                    if pointed not in (own, resolved):
                        readings.append(_Reading(piece, pointed, unpointed, True, False, asked_before=context.terms))
                if occasion and self.event.token and _THIS_TIME.search(piece) and self._occasions.isdisjoint(own):
                    # "and this time?" after what the first round agreed: the previous question, about the brief's
                    # own talks instead of that occasion.
                    asked = [t for t in context.terms if t not in self._occasions and t not in QUESTION_WORDS]
                    now = tuple(dict.fromkeys([*(t for t in own if t != "time"), *asked, self.event.token]))
                    if now not in (own, resolved):
                        # It asks what the previous question asked: those words are its own.
                        readings.append(_Reading(piece, now, now, True, False, asked_before=context.terms))
                if (swapped_noun := self._swap_noun(piece, own, context)) and swapped_noun not in (own, resolved):
                    # "and money?", "and about its army?" after "what does ukraine's roadmap say about territory?":
                    # the previous question, with what it asked about (its last word) swapped for the new one
                    readings.append(_Reading(piece, swapped_noun, own, True, False, asked_before=context.terms))
                if self._swaps(piece, context.terms) and (previous := self.section(context.section_id)) is not None \
                        and not self._unswapped(context, [t for t in own if t in self.index.entities]) \
                        and not (self.people.intersection(own) and self._led_by_card(context)):
                    # "and Ukraine?" after Russia's demands asks for Ukraine's: the topic the last answer came from
                    # says what was asked, whatever other words the question had ("to end the war").
                    topic = [t for t in self.analyzer.terms(previous.title, correct=False)
                             if t not in self.index.entities]
                    swapped = tuple(dict.fromkeys([*own, *topic]))
                    if topic and swapped not in (own, resolved):
                        readings.append(_Reading(piece, swapped, own, True, False, asked_before=context.terms))
        return readings

    def _in_short(self, terms: tuple[str, ...]) -> tuple[str, ...] | None:
        """`terms` without the word asking for the brief's overview ("summary", "tl;dr", "catch me up", "explain like
        i'm five": the brief's aliases of its overview topic, `_summary_term`) when it asks about something else too;
        None otherwise. "Catch me up on the talks" asks for the overview: the event's own noun, city and day are nothing
        else."""
        term = self._summary_term
        if term is None or term not in terms:
            return None
        kept = tuple(t for t in terms if t != term)
        if all(t in QUESTION_WORDS or t in self.event.nouns or t in self.event.setting for t in kept):
            return None  # "tl;dr of the istanbul round 2?": the event itself
        return kept

    def _unplaced(self, text: str, terms: tuple[str, ...]) -> tuple[str, ...] | None:
        """The terms of `text` without the words placing it at the brief's event (its city, its day:
        `EventQuestions.setting`), when it says them and asks something else besides; None otherwise. Those words
        tell which occasion is meant, the one the whole brief is about, and a fact answering the question need not
        repeat them. Left out as words, not terms: "the first istanbul round" is then the first round."""
        setting = self.event.setting
        if (when := _AT_THE_TIME.search(text)) is not None:
            # "what was umerov's job title at the time of the talks?": when, only to say which occasion
            text = f"{text[:when.start()]} {text[when.end():]}"
        elif setting.isdisjoint(terms):
            return None
        table = self.analyzer.table
        kept = [w for w in words(text) if not (found := table.word(w)) or not setting.issuperset(found)]
        placed = self.analyzer.terms(" ".join(kept))
        if all(t in QUESTION_WORDS or t in self.event.nouns for t in placed):
            return None  # "when were the talks in istanbul?": a question about the event itself (event.py)
        return placed

    def _asks_of_its_own(self, text: str, terms: tuple[str, ...], context: FollowUpContext) -> bool:
        """ "and who's umerov again?" after "why couldn't kyiv respond?": a question word the previous question did not
        ask and someone or something named that it did not name (a person, a group, a place, an operation: not a
        country or an occasion), with nothing pointing back, is a question of its own. It is never the
        previous question asked again about whom it names ("why couldn't Umerov respond?")."""
        said = normalize(text).split()
        asked = [t for t in terms if t in _OWN_QUESTION]
        # A country or an occasion is not enough: "how many did ukraine down?" after the night's drones still counts
        # the drones, "and in the first round, how many each?" after the new exchange still counts prisoners.
        named = [t for t in terms if t in self._named_by and t not in context.entities]
        return bool(asked) and bool(named) and any(t not in context.terms for t in asked) and ANAPHORA.isdisjoint(said)

    def _spoke_first(self, side: str, context: FollowUpContext) -> bool:
        """Whether `side` says or does what the last answer led with ("and what does russia say?" after Kyiv's list
        of children deported to Russia: Russia was only named in it, and its word is what is asked)."""
        first = self._unit(context.section_id, context.last[0]) if context.last else None
        return first is None or self._says({side}, text := self._text_of(first), quoted=False) \
            or self._leads_with({side}, text)

    def _first_side(self, context: FollowUpContext) -> list[str]:
        """Which of the two warring sides the previous turn was about: the one its question named first ("what does
        russia want from ukraine?"), else the one its answer was about; none when neither or both (by its answer)."""
        return [t for t in context.terms if t in _BOTH_SIDES][:1] or sorted(_BOTH_SIDES & context.entities)

    def _other_side(self, text: str, context: FollowUpContext) -> str | None:
        """`text` with "the other side" written as the side of the two the previous turn was not about, when it was
        about one of them (by its question, the first it names, else by its answer); None otherwise."""
        found = _OTHER_SIDE.search(text)
        if found is None:
            return None
        sides = sorted(self.index.countries & _BOTH_SIDES)
        if len(sides) != 2:
            return None
        asked = self._first_side(context)
        if len(asked) != 1:
            return None
        other = next(t for t in sides if t != asked[0])
        name = self._entity_names.get(other, other.title())
        possessive = "'s" if found.group(1) else ""
        return f"{text[:found.start()]}{name}{possessive}{text[found.end():]}"

    def _when_of_occasion(self, text: str, context: FollowUpContext) -> Match | None:
        """ "when was that threat made?" after the Economist's report of Moscow's threat at the first round: a time
        question pointing back that asks nothing the previous turn did not, when the facts just shown give no time,
        asks the time of the occasion their topic is about (another occasion than the brief's own talks): its date.
        None otherwise, or when the topic gives no time for it."""
        position = self._position.get(context.section_id)
        said = normalize(text).split()
        if position is None or THINGS.isdisjoint(said) or _wants(text) != "time":
            return None
        units = self.index.units
        mine = [units[u] for u in self.index.section_units[position]]
        if any(u.key in context.last and fits(u, "time") for u in mine):
            return None  # what was shown tells when itself ("when did zelensky confirm that?" reads it again)
        known = set(context.terms) | self._discussed(context) | _LIGHT_VERBS
        if any(t not in QUESTION_WORDS and t not in known for t in self.analyzer.terms(text)):
            return None  # a question of its own
        topic = next((u for u in mine if u.kind is UnitKind.topic), None)
        occasion = sorted(topic.entities & self._occasions) if topic is not None else []
        if len(occasion) != 1:
            return None
        reading = _Reading(text, ("when", occasion[0]), ("when", occasion[0]), True, False, asked_before=context.terms)
        match = self._match_reading(reading, position)
        if not match.lead or not fits(match.lead[0], "time") or occasion[0] not in match.lead[0].entities \
                or match.features.get(RULED_OUT):
            return None
        # The conversation, not the ranking, chose the topic; what it asks is what the previous turn asked.
        asked = {t for t in context.terms if t not in QUESTION_WORDS}
        features = {**match.features, "margin": 1.0, "content": min(len(asked) + 1, 6) / 6}
        confidence = round(self.calibration.probability(features), 4)
        return replace(match, confidence=confidence, features=features) if confidence >= ACCEPTABLE else None

    def _asks_where_or_when_said(self, text: str, context: FollowUpContext) -> bool:
        """ "where did he say that?", "when did zelensky confirm that?": where or when what was just shown was said,
        which the facts just shown tell when one of them says it was posted, told or said on a day."""
        found = _SAID_WHERE_OR_WHEN.search(text)
        position = self._position.get(context.section_id)
        if found is None or position is None:
            return False
        units = [self.index.units[u] for u in self.index.section_units[position]]
        shown = [u for u in units if u.key in context.last and u.kind is UnitKind.fact]
        if found.group(1).casefold() == "where":
            section = self.sections[position]
            return any(_MEDIUM.search(section.facts[u.item].text) or fits(u, "place") for u in shown)
        return any(fits(u, "time") for u in shown)

    def _claim_checked(self, text: str, terms: tuple[str, ...]) -> str | None:
        """The question a yes/no claim check asks, when it claims a place or an office: "was the second round held
        in Ankara?" asks where it was held; "is Medinsky Russia's defence minister?" asks who Medinsky is. The fact
        answering that confirms the claim or corrects it; None for any other message."""
        said = normalize(text).split()
        while said[:1] and said[0] in _INTERJECTIONS:  # "wait, is umerov the foreign minister?" checks one too
            said = said[1:]
        text = _LEADING_INTERJECTIONS.sub("", text)  # and the question it asks is "where is istanbul?", no "wait"
        if said and said[0] in _NEGATED:  # "isn't umerov the foreign minister?" checks a claim as "is" does
            said[0] = _NEGATED[said[0]]
        person = next((t for t in terms if t in self.people), None)
        if person is not None and (about := self._said_of(said)) is not None:
            people, rest, copula = about
            if _claims_presence(rest, copula, self._present_at):
                # "was putin at the talks?", "so putin was there in person right?", "did zelensky show up?": whether
                # they attended, which the topic of who attended answers (or says no article reports it)
                return f"did {' and '.join(self._entity_names[p] for p in people)} attend the talks?"
            described = _description_claimed(rest) if copula == "is" and len(people) == 1 else None
            word = self.analyzer.runs(described or [])
            if described and not asks_private(" ".join(said)) and all(
                    set(word(k, k + 1)) <= self.index.vocabulary for k in range(len(described))):
                # "is medinsky a general or what", "medinsky is just a neutral diplomat isnt he", "is umerov seen as
                # a hardliner?": a description claimed of who someone is now, in words the brief uses, which their
                # card confirms or corrects ("is zelensky a comedian?" asks what the brief never says)
                return f"who is {self._entity_names[person]}?"
        if said and said[0] not in YES_NO and person is not None:
            # "umerov is defence minister, right?", "Umerov is minister of what exactly?": a claim (or a gap) about a
            # person's office stated as a sentence opening with their name asks who they are, as "is umerov …?" does
            copula = next((k for k, w in enumerate(said[:4]) if w in _COPULA), 0)
            if copula and self.analyzer.runs(said)(0, copula) == (person,) \
                    and not _OFFICE_WORDS.isdisjoint(said[copula + 1:]) and not asks_private(" ".join(said)):
                return f"who is {self._entity_names[person]}?"
        if not said or said[0] not in YES_NO and not (checks_a_claim(text) and _WH.isdisjoint(said)):
            return None  # (a statement checked, "the first round was on may 6, wasn't it?", checks a time too)
        when = _CLAIMED_TIME.search(text)
        if when is not None:
            # "was the first round back in april?", "did it start on tuesday?": a month, a weekday or a year is the
            # claim; the fact telling when confirms or corrects it
            rest = text[:when.start()].strip()
            rest = re.sub(r"^(?:isn'?t|wasn'?t|aren'?t|weren'?t|didn'?t|doesn'?t|don'?t)\b", lambda m: _NEGATED[
                m.group(0).lower().replace("'", "")], rest, flags=re.IGNORECASE)
            return f"when {rest[:1].lower()}{rest[1:]}?"
        if (size := _CLAIMED_SIZE.search(text)) is not None:
            # "is the russian-held land about the size of texas?": what it is the size of, which the fact corrects
            return f"{text[:size.start()]}size of what?"
        place = _CLAIMED_PLACE.search(text)
        if place is not None and (place.group(1)[:1].isupper() or set(self.analyzer.terms(place.group(1)))
                                  & self._places):
            # a name of a place, as written or as the brief knows one ("ankara" reads as Turkey)
            rest = (text[:place.start()] + text[place.end():]).strip().rstrip("?!. ")
            return f"where {rest[:1].lower()}{rest[1:]}?"
        if person is not None and said[0] in _COPULA and not _OFFICE_WORDS.isdisjoint(said) \
                and not asks_private(" ".join(said)):
            # Not "is the ukrainian defence minister married?": it names him by his office and asks of his private
            # life, which his card does not answer
            return f"who is {self._entity_names[person]}?"
        return None

    def _said_of(self, said: list[str]) -> tuple[tuple[str, ...], list[str], str] | None:
        """A yes/no claim whose subject is people the brief names: who, what is claimed of them and its verb ("was",
        "is", "did"), from "was putin at the talks?", "were putin and zelensky there?", "did zelensky show up?" or
        "medinsky is a diplomat, isn't he?"; None when no one named is the subject."""
        if said and said[0] in YES_NO:
            verb, start = said[0], 1
        else:
            verb, start = "", 0
        terms = self.analyzer.runs(said)
        for end in range(min(start + 5, len(said)), start, -1):
            people = terms(start, end)
            if not people or not all(p in self.people for p in people) or not all(
                    terms(k, k + 1) for k in (start, end - 1)):  # a name at both ends, not "was there"
                continue
            rest = said[end:]
            if verb:
                return people, rest, verb
            if rest[:1] and rest[0] in _COPULA:  # the name opens the sentence: "putin was there, right?"
                return people, rest[1:], rest[0]
            if rest[:1] in (["a"], ["an"]):  # "medinsky's a general, isn't he?": its "'s" was "is"
                return people, rest, "is"
            if rest[:1] and rest[0] in _ARRIVED:  # "so putin flew to istanbul?" claims what "did putin fly…" asks
                return people, [_ARRIVED[rest[0]], *rest[1:]], "did"
            return None
        return None

    def _event_named_plainly(self, terms: tuple[str, ...]) -> tuple[str, ...] | None:
        """`terms` with the event's own name ("second round", "round two") read as its generic noun ("talks"), when
        they name it and no other occasion; None otherwise."""
        token = self.event.token
        if token is None or token not in terms or not self._occasions.isdisjoint(terms):
            return None
        idf = self.index.idf
        generic = min((n for n in self.event.nouns if n != token and n in idf), key=idf.__getitem__, default=None)
        if generic is None:
            return None
        asked = {t for t in terms if t not in (token, generic) and t not in QUESTION_WORDS}
        if any(asked & self.index.units[u].terms for u in self._of_other_occasions):
            # "how many captives will be exchanged in round two?": the first round's swap has those words too, and
            # the name is what tells this round's from it
            return None
        # ("the second round of the talks" says the noun already: the name is then read as nothing)
        return tuple(dict.fromkeys(generic if t == token else t for t in terms if t != token or generic not in terms))

    def _present_at(self, word: str) -> bool:
        """Whether being at `word` ("talks", "istanbul", "palace") is being at the brief's event."""
        read = self.analyzer.runs([word])(0, 1)  # one word: not a memo entry of its own
        return bool(read) and all(t in self._event_places for t in read)

    def _backed(self, match: Match, readings: list[Match], text: str) -> Match:
        """`match`, a sentence of `text` after its first, capped just below the readings of it together with the
        sentences before it when it points back."""
        if match.features.get("context") or not self._points_back(match.question):
            return match
        together = [m.confidence for m in readings if m.question.endswith(" " + match.question)
                    and m.question != text and not m.features.get("context")]
        if not together or match.confidence < max(together):
            return match
        return replace(match, confidence=max(0.0, round(max(together) - 0.001, 4)))

    def _counted(self, question: str) -> tuple[str, ...]:
        """The terms of what "how many"/"how much" counts: "prisoners" in "how many prisoners were freed"."""
        found = _HOW_MANY.search(normalize(question))
        if found is None or found.group(1).split()[0] in _NOT_COUNTED:
            # "how much were the destroyed planes worth?" counts no planes: it asks their worth; nor does "how much
            # did the drone attack cost?" count drones
            return ()
        # "how many russian drones": the first word that names no one ("russian" is whose drones)
        noun = [t for t in self.analyzer.terms(found.group(1)) if t not in self.index.entities]
        return tuple(noun[:1])

    def _people_counted(self, question: str) -> frozenset[str]:
        """The country whose people "how many" counts, named by a plural ("how many ukrainians died": Ukraine);
        none for "how many russian drones" (whose drones)."""
        found = _HOW_MANY.search(normalize(question))
        if found is None:
            return frozenset()
        first = words(found.group(1))[:1]
        if not first or not first[0].endswith("s"):
            return frozenset()
        return frozenset(t for t in self.analyzer.terms(first[0]) if t in self.index.countries)

    def _named_back(self, pieces: list[str], piece: str) -> str | None:
        """`piece` with its "he", "his", "him" written as the one person the nearest sentence before it that names
        anyone names; None when it has no such word, names someone itself, or that sentence names several."""
        if not _points_at_person(piece) or piece not in pieces or self.people.intersection(self.analyzer.terms(piece)):
            return None
        for before in reversed(pieces[:pieces.index(piece)]):
            people = self.people.intersection(self.analyzer.terms(before))
            if people:
                return self._as_named(piece, people)
        return None

    def _named_earlier(self, sentence: str, clause: str) -> str | None:
        """The same for a clause and the words of its sentence before it: "my dad is skeptical of umerov, what's his
        actual job?" asks Umerov's job."""
        at = sentence.find(clause)
        if at > 0 and _WHAT_WAS_IT.match(clause):
            # "my teacher wants us to explain operation spider's web in class, what was it?": the one thing (not a
            # person or a country) its sentence named before asking
            things = {t for t in self.analyzer.terms(sentence[:at]) if t in self.index.entities
                      and t not in self.people and t not in self.index.countries}
            name = self._entity_names.get(next(iter(things))) if len(things) == 1 else None
            return f"what is {name}?" if name else None
        if at <= 0 or not _points_at_person(clause) or not _ASKS_AT_START.match(clause) \
                or self.people.intersection(self.analyzer.terms(clause)) or _POSSESSIVE_NAME.search(sentence[:at]):
            return None  # not "putin's guy at the talks, what's his name?": the guy's
        people = self.people.intersection(self.analyzer.terms(sentence[:at]))
        return self._as_named(clause, people) if people else None

    def _as_named(self, piece: str, people: Set[str]) -> str | None:
        """`piece` with its "he", "his", "him" written as the one person in `people`; None for several."""
        if len(people) > 1:
            return None
        name = self._entity_names.get(next(iter(people)))
        return None if name is None else _PERSON_WORD.sub(
            lambda m: f"{name}'s" if m.group(0).casefold() in ("his", "her") else name, piece)

    def _points_back(self, question: str) -> bool:
        """A question whose subject is in what came before it: "what was that number?", "which region is it?",
        "what was his name?"; not one asking enough of its own, or naming what it asks about ("what is this Ciragan
        Palace place?")."""
        said = normalize(question).split()
        content = [t for t in self.analyzer.terms(question) if t not in QUESTION_WORDS]
        return len(content) <= 2 and not any(t in self.index.entities for t in content) and any(
            w in ANAPHORA - {"one", "same", "side", "team", "there", "then"} for w in said)

    def _stance_on_it(self, text: str, context: FollowUpContext) -> Match | None:
        """ "what's moscow's excuse?", "how does kyiv read that?": a party the previous turn did not ask about and a
        word for their stance, in a short message or one pointing back. Read in the topic just answered, with the
        previous question's words; answered only by a fact about that party."""
        said = normalize(text).split()
        # "what's russia's side of it?", "their side of the story": a side of something is a view of it
        said += ["view" for i, w in enumerate(said[:-1]) if w == "side" and said[i + 1] == "of"]
        position = self._position.get(context.section_id)
        own = self.analyzer.terms(text)
        if position is None or (_STANCE_WORDS.isdisjoint(said) and _SAY_WORDS.isdisjoint(said)) or not (
                _points_at_a_thing(text) or "it" in said or "its" in said and not self._owned_here(text)
                or len(said) <= 6):
            return None
        named = {t for t in own if t in self.index.named}
        # A side the previous question named only as the one acted on ("what did yermak say kyiv's delegation handed
        # over to the russians?" -> "and russia's response?") is not whom it was about: their word is still news.
        party = named - context.entities or named & _BOTH_SIDES - set(self._first_side(context)) or {
            side for side in named & _BOTH_SIDES if not self._spoke_first(side, context)
            and all(t in QUESTION_WORDS or t == side or t in self._stance_terms for t in own)}
        # "what does the kremlin say", "what did ukraine say about it": nothing asked but a party's word.
        # "what does the kremlin say about that meeting": a word of what the last answer said, pointed at ("that
        # meeting"), names what was discussed; it asks nothing new either.
        pointed = self._discussed(context) | set(context.terms) if _points_at_a_thing(text) else frozenset()
        bare = all(t in QUESTION_WORDS or t in party or t in self._stance_terms or t in pointed for t in own)
        if _STANCE_WORDS.isdisjoint(said) and not ((_points_at_a_thing(text) or "it" in said or len(said) <= 5)
                                                   and bare):
            return None  # "what does kyiv say it will never do?" asks a question of its own
        if not party or party & self.people:
            return None
        units = self.index.units
        asked = [t for t in context.terms if t not in QUESTION_WORDS and t not in context.entities]
        # "how do kyiv and the west see it?" after Moscow's "root causes" asks their word on those demands, which
        # another topic may hold: read where their stance is most about what the last answer said.
        answered = position
        position = self._stance_topic(frozenset(party), position, context, asked)
        if position is None:
            return None  # no fact gives their stance at all: the reading below would find none
        reading = _Reading(text, tuple(dict.fromkeys([*own, *asked])), own, True, False, asked_before=context.terms)
        match = self._match_reading(reading, position)
        if not match.lead or match.confidence != round(self.calibration.probability(match.features), 4) \
                or match.features.get(RULED_OUT):
            return None  # nothing there, or a rule turned it down
        # Their stance is a fact they are the subject of ("Moscow justifies moving such children …", "the Kremlin
        # has pushed back"), not one that only mentions them ("children deported to Russia").
        scores = self.index.section_scores(position, tuple(dict.fromkeys(reading.terms))).units
        texts = {u: self.sections[position].facts[units[u].item].text for u in scores
                 if units[u].kind is UnitKind.fact and party <= units[u].entities}
        says = {u for u, fact in texts.items() if self._says(party, fact, quoted=False)}  # "the Kremlin … dismissed"
        theirs = [u for u in texts if u in says or self._leads_with(party, texts[u])]
        if not theirs:
            return None
        # Of theirs, the one about what the last answer said ("a Putin-Zelensky meeting could only happen after …"
        # after Zelensky's call for a meeting), not one that only names the same people.
        discussed = self._discussed(context) - party
        if position == answered:
            # A fact holding the stance word asked ("does russia agree with that number?": "… starkly different
            # assessments", which says they do not agree) before one that only has them speak.
            stance = self._answering_terms.intersection(own)
            # Then one holding what the previous question asked ("how does kyiv see russia's approach?" -> "and the
            # west?": how the West sees it, "cast … as an imperialist land grab", before what it rejected).
            wanted = set(asked) - self._stance_terms - self._wanting_terms
            first = max(theirs, key=lambda u: (bool(stance & units[u].terms), bool(wanted & units[u].terms),
                                               u in says, len(discussed & (units[u].terms | units[u].entities)),
                                               scores[u], -u))
        else:  # read in another topic for being about what was said: the stance most about it
            about = self._about(context, asked, frozenset(party))
            first = max(theirs, key=lambda u: (self._overlap(about, u), scores[u], -u))
        # What they said in the same breath: their stances citing the same sentence of the same article ("Kyiv and
        # the West have rejected those calls and cast Russia's assault as … an imperialist land grab").
        said_with = self._quoted_with(position, first)
        lead = [first, *(u for u in sorted(theirs) if u != first and said_with & self._quoted_with(position, u))]
        match = replace(match, lead=tuple(units[u] for u in lead[:LEAD_FACTS]))
        # The conversation, not the ranking, chose the topic; what they are asked to have a view on is what the
        # previous turn asked, so the stance words are what a fact about them answers.
        content = {t for t in own if t not in QUESTION_WORDS} | set(asked)
        features = {**match.features, "margin": 1.0, "content": min(len(content), 6) / 6,
                    "lead_coverage": 1.0, "coverage": max(match.features.get("coverage", 0.0), 1.0), "missing": 0.0}
        confidence = round(self.calibration.probability(features), 4)
        return replace(match, confidence=confidence, features={**features, BARE_STANCE: 1.0 if bare else 0.0})

    def _reactors(self, text: str) -> frozenset[str]:
        """Whose reaction a question asks ("how did the kremlin respond to …", "what was putin's reaction"): the
        people and countries it names before its first word of reacting, with the people on a named country's side
        (Umerov speaks for Kyiv). Empty when it asks no reaction."""
        said = normalize(text).split()
        at = next((i for i, w in enumerate(said) if w in _REACTING), 0)
        if not at:
            return frozenset()  # most messages: no word of reacting, or nobody before it
        terms = self.analyzer.runs(said)
        found = {t for i in range(at) for t in terms(i, i + 1) if t in self.people or t in self.index.countries}
        return frozenset(found | {p for p in self.people if self.scope.side(p) in found})

    def _quoted_with(self, section: int, u: int) -> frozenset[tuple[str, str]]:
        """The (article, quote) pairs fact unit `u` of `section` cites."""
        fact = self.sections[section].facts[self.index.units[u].item]
        return frozenset((source.seed, source.quote) for source in fact.sources)

    def _discussed(self, context: FollowUpContext) -> frozenset[str]:
        """The terms and names of the facts the last answer led with: what a follow-up's "that" is about."""
        position = self._position.get(context.section_id)
        if position is None:
            return frozenset()
        units = self.index.units
        return frozenset().union(*(units[u].terms | units[u].entities for u in self.index.section_units[position]
                                   if units[u].key in context.last))

    def _stance_topic(self, party: frozenset[str], position: int, context: FollowUpContext,
                      asked: list[str]) -> int | None:
        """Where to read `party`'s stance on what was just discussed: the topic just answered (`position`) when it
        has a fact giving their stance, unless a stance of theirs in another topic is far more about what the last
        answer said and the previous question asked (`_about`): the conversation moved on to them, not to another
        topic. None when no topic has a fact giving their stance."""
        about = self._about(context, asked, party)
        units = self.index.units

        def shared(s: int, elsewhere: bool) -> float:
            # Elsewhere, a stance on what the previous question itself asked (its own word of substance: "root
            # causes"), not only on something the last answer happened to mention beside it.
            return max((self._overlap(about, u) for u in self._stances(s, party)
                        if not elsewhere or any(t in about and (t in units[u].terms or t in units[u].entities)
                                                for t in asked)), default=-1.0)

        here = shared(position, False)
        best, where = max(((shared(s, True), -s) for s in self._stance_sections(party) if s != position),
                          default=(-1.0, 0))
        if best >= STANCE_ELSEWHERE and best > 2 * here:
            return -where
        return position if here >= 0 else None

    def _about(self, context: FollowUpContext, asked: list[str], party: frozenset[str]) -> dict[str, float]:
        """The words of substance of what the last answer said and the previous question asked, by how much each
        says (rare in the brief and in English): what was said, not who said it or was named (the same people
        appear in every topic), nor the event's generic words, a question word, a word of saying or of a stance, or
        one of the thousand commonest English words."""
        named, generic = self.index.entities, self.event.generic_terms
        return {t: self.index.weight(t) * specificity(t) for t in (self._discussed(context) | set(asked)) - party
                if t not in QUESTION_WORDS and t not in named and t not in generic and t not in self._stance_terms
                and specificity(t) > 0.4}

    def _overlap(self, about: Mapping[str, float], u: int) -> float:
        """How much of `about` unit `u` says (two words at least; else 0)."""
        unit = self.index.units[u]
        shared = [w for t, w in about.items() if t in unit.terms or t in unit.entities]
        return sum(shared) if len(shared) >= 2 else 0.0

    def _stance_sections(self, party: frozenset[str]) -> tuple[int, ...]:
        """The topics with a fact giving `party`'s stance, in order. Kept per brief, by party: asking every topic
        through `_stances` on each follow-up overflowed that memo on a big brief (1,600 topics at 64×)."""
        found = self._stance_topics.get(party)
        if found is None:
            found = tuple(s for s in range(len(self.sections)) if self._stances(s, party))
            if len(self._stance_topics) >= 1024:  # parties are a question's names: bounded, as every memo here
                self._stance_topics.clear()
            self._stance_topics[party] = found
        return found

    def _stances(self, section: int, party: frozenset[str]) -> frozenset[int]:
        """The facts of `section` that can give `party`'s stance (about them, and they speak or lead): what
        `_stance_on_it` picks from, whatever the question. Kept per brief, by (section, party)."""
        found = self._stance_facts.get((section, party))
        if found is None:
            units = self.index.units
            facts = self.sections[section].facts
            found = frozenset(u for u in self.index.section_units[section] if units[u].kind is UnitKind.fact
                              and party <= units[u].entities and (self._says(party, text := facts[units[u].item].text,
                                                                             quoted=False)
                                                                  or self._leads_with(party, text)))
            if len(self._stance_facts) >= 4096:  # parties are a question's names: bounded, as every memo here
                self._stance_facts.clear()
            self._stance_facts[(section, party)] = found
        return found

    def _leads_with(self, party: Set[str], text: str) -> bool:
        """Whether a fact's text opens with one of `party` as its subject ("Moscow justifies", "The Kremlin has"), or
        as one of a joint subject ("Kyiv and the West have rejected")."""
        names = {w for token in party for w in self._speaker_words.get(token, ())}
        tokens = self._words_of(text)[0]
        opening = tokens[1:3] if tokens[:1] == ("the",) else tokens[:2]
        if not names.isdisjoint(opening):
            return True
        if "and" not in opening:
            return False
        # A joint subject: names joined by "and" (with "the" before one), up to the first other word.
        joint = []
        for token in tokens[tokens[:1] == ("the",):]:
            if token not in self._every_speaker_word and token not in ("and", "the"):
                break
            joint.append(token)
        return not names.isdisjoint(joint)

    def _count_of_another_topic(self, match: Match, context: FollowUpContext) -> bool:
        """A short count question naming nothing ("how many prisoners?"), answered from a topic other than the one
        the conversation was on, read alone or with the previous turn's words (those of an outlet no longer carried
        over: "how many people died?" after the bombers is not the war's toll either way)."""
        content = [t for t in (self.analyzer.terms(match.question) if match.features.get("context") else match.terms)
                   if t not in QUESTION_WORDS]
        return (match.best is not None and match.best.id != context.section_id
                and (_wants_of(match) == "number" or _ANY_OF.search(match.question)
                     or _ANY_ASKED.search(match.question))
                and len(content) <= 2
                and not any(t in self.index.entities for t in content)
                and not (_NAMES_ITS_THING.match(match.question) and all(specificity(t) == 1.0 for t in content))
                and not self._counts_what_was_said(match, context))

    def _time_of_another_topic(self, match: Match, context: FollowUpContext) -> bool:
        """A bare time question ("how long?", "when?", "what date?": nothing asked but a time) answered from a topic
        other than the one the conversation was on, without reading it as a follow-up: "how long?" after who planned
        Spider's Web asks how long that took, not how long the talks lasted."""
        content = [t for t in match.terms if t not in QUESTION_WORDS and t not in _BARE_TIME]
        return (not content and match.best is not None and match.best.id != context.section_id
                and not match.features.get("context") and _wants_of(match) == "time"
                and self._on_another_occasion(context))

    def _on_another_occasion(self, context: FollowUpContext) -> bool:
        """Whether the topic the conversation is on is about an operation or an occasion other than the brief's own
        talks (Spider's Web, the first round): a bare "when?" or "how long?" there asks its time, not the talks'. After a
        topic about the talks themselves (the venue), "how long did it go?" still asks how long the talks lasted."""
        section = self.section(context.section_id)
        if section is None:
            return False
        declared = {canon(e.replace("-", " ")) for e in section.entities}
        return bool(declared & self._occasions) or any(
            self._entity_kinds.get(e) is EntityKind.operation for e in declared)

    def _counts_what_was_said(self, match: Match, context: FollowUpContext) -> bool:
        """ "how many prisoners?" right after the first round's summary (which tells of its swap): the count the brief
        gives in another topic is of what the conversation is on when its fact is about the occasion or person just
        discussed (not a country: every count is about one)."""
        if not match.lead:
            return False
        first = match.lead[0]
        about = context.entities - self.index.countries
        if _THERE.search(match.question):
            # "how many troops are massed there?" after Moscow's threat to take Kharkiv and Sumy: "there" is a place
            # the last answer named
            units = self.index.units
            about |= {e for u in self._last_units(context) for e in units[u].entities
                      if self._entity_kinds.get(e) is EntityKind.place}
        return bool(about & first.entities)

    def _on_topic(self, match: Match, context: FollowUpContext) -> Match:
        """ "out of how many?" right after a count, read alone, lands in the topic just discussed: it asks little of
        its own because the conversation says the rest, so it is not turned down for being short."""
        if match.features.get("context"):
            return self._follow_up_on_topic(match, context)
        own = [t for t in match.terms if t not in QUESTION_WORDS]
        if match.best is None or not 0 < len(own) <= 2 \
                or match.confidence != round(self.calibration.probability(match.features), 4) \
                or match.features.get(RULED_OUT):
            return match  # no answer, a longer question, or capped by a rule
        if match.best.id != context.section_id and not self._continues(match, context):
            return match  # another topic
        if any(t in self.index.entities for t in own):
            return match  # "and russia?" swaps, handled above
        if _wants_of(match) in ("number", "time") and not match.features.get("type_fit"):
            return match  # "how many kids are on the list?": no fact of the topic gives that count
        if match.features.get("missing"):
            # "what time did they finish?" after how long the talks lasted, "how many of the dead are children?" after
            # the toll: a word of its own that neither the leading fact nor the topic has asks what the brief does
            # not say; the conversation fills in what the message leaves out, never what it asks.
            return match
        # A fact just shown does not answer a new question, except "how much money?" right after the sanctions
        # relief Putin wants: an amount of what that fact itself counts ("hundreds of billions of dollars"). Its
        # word is then what the conversation is about, as fully covered as a word of the topic's own.
        amount = match.features.get("type_fit") == 1.0 and _wants_of(match) == "number" \
            and match.features.get("lead_coverage") == 1.0
        if match.best.id == context.section_id and {u.key for u in match.lead} <= set(context.last) and not amount:
            return match
        carried = {t for t in context.terms if t not in QUESTION_WORDS} - set(own)
        features = {**match.features, "content": min(len(own) + len(carried), 6) / 6, FILLED_IN: 1.0}
        if amount:
            features["coverage"] = max(features.get("coverage", 0.0), features["lead_coverage"])
        return replace(match, confidence=round(self.calibration.probability(features), 4), features=features)

    def _follow_up_on_topic(self, match: Match, context: FollowUpContext) -> Match:
        """ "and money?" after "what does ukraine's roadmap say about its army?", read with the previous question's
        words: when it stays on the topic just discussed and its leading fact (not one just shown) says every word
        of its own, it asked the previous question about that word, so those words are its content too (as
        `_same_question` credits a swapped party). A word of its own the fact leaves out asks something else."""
        own = [t for t in self.analyzer.terms(match.question) if t not in QUESTION_WORDS]
        if match.best is None or match.best.id != context.section_id or not 0 < len(own) <= 2 \
                or any(t in self.index.entities for t in own) or not match.lead \
                or match.lead[0].kind is UnitKind.topic or match.features.get("lead_coverage") != 1.0 \
                or match.features.get("missing") or match.features.get(RULED_OUT) \
                or match.confidence != round(self.calibration.probability(match.features), 4) \
                or {u.key for u in match.lead} <= set(context.last):
            return match
        carried = {t for t in context.terms if t not in QUESTION_WORDS} - set(own)
        features = {**match.features, "content": min(len(own) + len(carried), 6) / 6}
        return replace(match, confidence=round(max(match.confidence, self.calibration.probability(features)), 4),
                       features=features)

    def _continues(self, match: Match, context: FollowUpContext) -> bool:
        """ "who will it focus on?" after the agreement: the fact it leads with, in another topic, is about what the
        last answer led with (the new prisoner exchange): it shares most of its words with one of those facts."""
        previous = self._position.get(context.section_id)
        if previous is None or not match.lead or not PRONOUNS.intersection(normalize(match.question).split()):
            return False
        last = set(context.last)
        units = self.index.units
        shown = [units[u].terms for u in self.index.section_units[previous] if units[u].key in last]
        first = match.lead[0].terms
        return any(len(first & terms) >= CONTINUES * min(len(first), len(terms)) for terms in shown)

    def _swap_noun(self, text: str, terms: tuple[str, ...], context: FollowUpContext) -> tuple[str, ...] | None:
        """The previous question with its last word swapped for the one word a follow-up names ("and money?",
        "what about its army?"); None for any other message, or one naming someone (`_swaps` reads those)."""
        said = normalize(text).split()
        content = [t for t in terms if t not in QUESTION_WORDS]
        if len(content) != 1 or content[0] in self.index.entities or not said or said[0] not in ("and", "what", "how") \
                or not normalize(text).startswith(FOLLOW_UP_OPENERS) or len(said) > 5 \
                or not (PRONOUNS - {"its", "their"}).isdisjoint(said):
            return None
        previous = [t for t in context.terms if t not in QUESTION_WORDS]
        focus = next((t for t in reversed(previous) if t not in self.index.entities), None)
        if focus is None or focus == content[0]:
            return None
        return tuple(dict.fromkeys([*(t for t in context.terms if t != focus), *content]))

    def _topic_unit(self, section: Section) -> Unit:
        """The unit of a topic's summary."""
        return self.index.units[self.index.topic_unit[self._position[section.id]]]

    def _swaps(self, text: str, asked: tuple[str, ...] = ()) -> bool:
        """ "and Ukraine?", "what about kyiv's?", "and russia's view?": an opener and nothing but a name (and a word
        for their stance on what was just discussed, or the previous question's verb of saying or wanting, when it
        `asked` with it: "and what does zelensky say?" after what the Kremlin says about a summit)."""
        content = [t for t in self.analyzer.terms(text) if t not in QUESTION_WORDS and t not in _STANCE
                   and not (t in _SWAPPED_VERBS and t in asked)]
        said = normalize(text)
        return bool(content) and said.startswith(FOLLOW_UP_OPENERS) and PRONOUNS.isdisjoint(said.split()) and \
            all(t in self.index.entities for t in content)

    @staticmethod
    def _asks_for_more(text: str) -> bool:
        """ "tell me more", "more?", "go on", "anything else": the same topic again."""
        said = normalize(text).split()
        return bool(said) and len(said) <= 6 and any(w in {"more", "else", "continue", "elaborate", "rest", "expand"}
                                                     or said[:2] == ["go", "on"] for w in said) \
            and all(w in MORE for w in said)

    def _looks_like_follow_up(self, text: str, terms: tuple[str, ...]) -> bool:
        """Short, or pointing back ("and Ukraine?", "why?", "what did he say"); never a message that asks
        nothing at all ("are you a bot?")."""
        said = normalize(text)
        refers = said.startswith(FOLLOW_UP_OPENERS) or any(w in ANAPHORA for w in said.split())
        content = [t for t in terms if t not in QUESTION_WORDS]
        return refers or (0 < len(terms) and len(content) <= 2)

    def _unswapped(self, context: FollowUpContext, new: list[str]) -> list[str]:
        """Who the previous question named that a follow-up naming `new` keeps: "and zelensky?" after "what did
        trump call putin?" swaps the last-named of the same kind (Putin, the one the question was about) and keeps
        Trump. Only people: a question that named one or none, or a follow-up naming a country, is swapped whole, as
        before (and whom its answer named was not asked: "and ukraine's?" after "who led russia's team?" does not
        keep Medinsky)."""
        if not new or not self.people.issuperset(new):
            return []  # "and the us?" after "what does russia want from ukraine?" asks what the US wants
        people = [t for t in dict.fromkeys(context.terms) if t in self.people and t not in new]
        return people[:-1]  # (a country or a place the previous question named goes with it, as before)

    def _said_of_them(self, text: str, answered: FollowUpContext) -> bool:
        """Whether "who said they'd be there?" asks who said what the last answer said: it names nothing (no person,
        place or thing of the brief's) that the facts just shown do not ("who confirmed he'd go to istanbul?" after
        Umerov's scandal asks something new)."""
        found = _SAID_OF_THEM.search(text)
        if found is None:
            return False
        # its terms and its words' own ("go to istanbul" reads as attending; it names Istanbul)
        said = found.group("said")
        named = ({stem(w) for w in words(said)} | set(self.analyzer.terms(said))) & self.index.entities
        shown = [unit for key in answered.last if (unit := self._unit(answered.section_id, key)) is not None]
        return not named or any(named & (unit.terms | unit.entities) for unit in shown)

    def _named_first(self, text: str) -> bool:
        """Whether "he" or "she", the message's only personal pronoun, comes after a person the message names itself
        ("sorry, I meant Umerov - what did he say about the draft?"): then it is that person, not the one just
        discussed. Not "him" ("what did putin say about him?" asks about the one discussed), nor two pronouns ("and
        zelensky? how did he treat him?")."""
        said = normalize(text).split()
        pronouns = [w for w in said if w in PERSONAL]
        if len(pronouns) != 1 or pronouns[0] not in ("he", "she"):
            return False
        at = said.index(pronouns[0])
        # The one person named before it, as the subject of what is said, not after a preposition ("and on a
        # meeting with Putin - what did he say?" asks Zelensky's word on it).
        word = self.analyzer.runs(said)
        named = [i for i in range(at) if not self.people.isdisjoint(word(i, i + 1))]
        if len(named) != 1 or (named[0] and said[named[0] - 1] in _PREPOSITIONS) \
                or len(self.people.intersection(self.analyzer.terms(text))) != 1:
            return False
        # A clause of its own after the name ("umerov - what did he say", "I meant umerov, what…"), not a run of
        # words ("kalin what he said in talks" reads as it would in a fresh chat).
        between = said[named[0] + 1:at]
        if between[:1] and between[0] in _SAYS_OF_SELF and between[1:] in ([], ["that"]):
            return True  # "did medinsky say he got ukraine's memorandum?": what he said of himself
        name = re.search(rf"\b{re.escape(said[named[0]])}\b", text, re.IGNORECASE)
        pronoun = re.search(rf"\b{pronouns[0]}\b", text, re.IGNORECASE)
        return name is not None and pronoun is not None and bool(_CLAUSE_MARK.search(text[name.end():pronoun.start()]))

    def _of_the_person(self, text: str, terms: tuple[str, ...], context: FollowUpContext) -> tuple[str, ...] | None:
        """ "has he done this before?" after who led Russia's team: "this" keeps the previous question's words
        (`_resolve`), but what is new may be asked of the person alone: the person just discussed in the pronoun's
        place and the message's own words, as `_resolve` reads a message with "he" and no "this". None when the
        message has no such pair."""
        said_words = normalize(text).split()
        said = set(said_words)
        people = sorted(context.entities & self.people)
        if not people or PERSONAL.isdisjoint(said) or THINGS.isdisjoint(said) or self._named_first(text):
            return None
        at = next((i for i, w in enumerate(said_words) if w in PERSONAL), 0)
        before = len(self.analyzer.runs(said_words)(0, at))
        return tuple(dict.fromkeys([*terms[:before], *people, *terms[before:]]))

    def _adjectival(self, said: list[str], held: frozenset[str]) -> set[str]:
        """The countries `said` names only as an adjective before a word whose term `held` has ("russian bombers")."""
        found: dict[str, bool] = {}
        countries = self.index.countries
        for i, word in enumerate(said):
            country = self.analyzer.terms(word)
            if len(country) != 1 or country[0] not in countries:
                continue
            noun = self.analyzer.terms(said[i + 1]) if i + 1 < len(said) else ()
            # ("russian state media said …": whose outlet, when the fact names one: RIA Novosti)
            outlet = i + 1 < len(said) and said[i + 1] in _OUTLET_WORDS and any(
                country[0] in self._described_with.get(o, ()) for o in held & self._organisations)
            found[country[0]] = found.get(country[0], True) and bool(_ADJECTIVE.search(word)) \
                and (len(noun) == 1 and noun[0] in held or outlet)
        return {c for c, only in found.items() if only}

    def _it_named(self, text: str, context: FollowUpContext) -> tuple[str, ...] | None:
        """ "when did it start?" after a question about the war: "it" read as "the war"; None unless the previous
        question named one such thing and this one names none."""
        said = normalize(text).split()
        if "it" not in said:
            return None
        asked = normalize(context.question)
        shown = " ".join(normalize(self._text_of(unit)) for key in context.last
                         if (unit := self._unit(context.section_id, key)) is not None)
        if _IT_NOUNS.isdisjoint(shown.split()):
            # (not a war only said to be the time of what was asked, which the answer did not go into: "what
            # happened with children in this war?")
            asked = _DURING_THE_WAR.sub(" ", asked)
        nouns = _IT_NOUNS.intersection(asked.split())
        if not nouns and _STARTED.search(text) and (at := self._position.get(context.section_id)) is not None:
            # "when did all of it start?" after the refugees it made: the war, when that is the topic's subject
            nouns = _IT_NOUNS.intersection(self.index.declared[at])
        if len(nouns) != 1 or not _IT_NOUNS.isdisjoint(said):
            return None
        return self.analyzer.terms(_IT.sub(f"the {next(iter(nouns))}", text, count=1))

    def _possessed(self, text: str, context: FollowUpContext) -> tuple[str, ...] | None:
        """ "who's his ukraine guy?" after Trump: "his" is the one person just discussed, read as "Trump's", so a
        name the brief gives with it ("Trump's Ukraine guy" is Kellogg) is read; None without such a pronoun."""
        people = context.entities & self.people
        if len(people) > 1 and len(asked := people.intersection(self.analyzer.terms(context.question))) == 1:
            # after "what's trump saying?" and "what did he call putin?", "his" is still the one the thread asks about
            people = asked
        if len(people) != 1 or _POSSESSIVE_PRONOUN.search(text) is None:
            return None
        name = self._entity_names[next(iter(people))].split()[-1]  # "Trump's", as people say it
        return self.analyzer.terms(_POSSESSIVE_PRONOUN.sub(f"{name}'s", text))

    def _resolve(self, text: str, terms: tuple[str, ...], context: FollowUpContext) -> tuple[str, ...]:
        """A follow-up with the previous turn filled in: swap in a new entity, or carry the old ones over."""
        people = sorted(context.entities & self.people)
        said = set(normalize(text).split())
        if self._named_first(text):
            # "sorry, I meant Umerov - what did he say?": "he" is Umerov, named before it; the message asks about
            # him by itself, so nothing of the previous turn is filled in (nor is it read as a swap of it).
            return terms
        if ("who" in context.terms or not people) and len(PERSONAL & said) == 1 and context.last \
                and (first := self._unit(context.section_id, context.last[0])) is not None \
                and first.kind is UnitKind.fact \
                and len(found := (first.entities & self.people) - context.entities) == 1:
            # "when did he arrive?" after "who led ukraine's team, zelensky?": "he" is whom the answer named
            # (Umerov), not the one the question guessed; "who is he?" after "were the russians led by lavrov?",
            # which named nobody the brief knows, is Medinsky
            people = sorted(found)
        elif len(people) > 1 and len(PERSONAL & said) == 1:
            # "what did he say?" after "who's trump's ukraine envoy?": of the people the conversation holds, "he" is
            # the one the last answer was about (Kellogg's card), not the one the question named on the way. ("What
            # did he threaten him with?" after Trump on Putin points at both.)
            people = self._answered_about(context, people) or people
        if people and PERSONAL & said and not THINGS & said and (
                any(t not in QUESTION_WORDS for t in terms) or _wants(text) != "reason"):
            # (A bare "why did he?" asks nothing new: the previous question's words stay, read below.)
            # "what did he call Putin?": "he" is the person just discussed; the rest of the question is new, so
            # the previous question's words stay behind (they would pull the answer back to the old topic).
            # "why did he propose them?" also points at the previous thing, so that one keeps them.
            # The person stands where the pronoun does, before whom the question names after it ("what did he call
            # putin?" reads Trump, then Putin): "and zelensky?" next swaps the last-named, Putin, not him.
            said_words = normalize(text).split()
            at = next((i for i, w in enumerate(said_words) if w in PERSONAL), 0)
            before = len(self.analyzer.runs(said_words)(0, at))
            return tuple(dict.fromkeys([*terms[:before], *people, *terms[before:]]))
        new_entities = [t for t in terms if t in self.index.entities]
        if "there" in said and self._places.isdisjoint(new_entities) \
                and (places := sorted(context.entities & self._places)) and any(t not in QUESTION_WORDS for t in terms):
            # "what's happening there on the ground?" after the troops massed near Sumy: "there" is Sumy; what the
            # previous question asked of it (how many troops) is not asked again. So too "what does putin want
            # there?": he is who is asked about, Sumy where.
            return tuple(dict.fromkeys([*terms, *places]))
        previous = [t for t in context.terms if t not in context.entities]
        content = [t for t in terms if t not in QUESTION_WORDS]
        # "how much of ukraine does it hold now?" after what Russia wants: "it" is the one country just discussed
        # (not a document just discussed: "what date was it drafted?" asks of the memorandum)
        its = "it" in said and len(context.entities) == 1 and context.entities <= self.index.countries \
            and _DOCUMENT_TERMS.isdisjoint(terms) and _DOCUMENT_TERMS.isdisjoint(context.terms)
        if context.entities and not new_entities and len(content) >= 2 and (_THEY & said or its) \
                and not THINGS & said:
            # "how much land do they hold now?" after Russia's demands: "they" is Russia; the rest of the question
            # is new and asks enough of its own, so the previous question's words ("demands") stay behind.
            return tuple(dict.fromkeys([*terms, *sorted(context.entities)]))
        if context.entities and not new_entities and content and _THEY & said and not THINGS & said \
                and not any(t in context.terms for t in content):
            # "when did they arrive?" after who led Russia's team: "they" is that team; what the previous question
            # asked of it ("who", "led") is not asked again.
            group = [t for t in context.terms if t in _GROUP_NOUNS]
            if group:
                parties = [t for t in sorted(context.entities) if t not in self.people]
                return tuple(dict.fromkeys([*terms, *parties, *group]))
        if "it" in said and new_entities and self.index.countries.issuperset(new_entities) \
                and (things := sorted(context.entities - self.index.countries - self.people)):
            # "when did ukraine launch it?" after Spider's Web: "it" is the operation just discussed, which the side
            # named did something to; not the previous question asked of another side
            return tuple(dict.fromkeys([*terms, *things, *previous]))
        if new_entities:  # "and Ukraine?" after "what does Russia want": same question, about someone else
            documents = [t for t in context.terms if t in _DOCUMENT_TERMS]
            if documents and _wants(text) == "contents":
                # "what's in ukraine's?" after Russia handed over its version: the contents of Ukraine's document,
                # not whether Ukraine handed it over
                return tuple(dict.fromkeys([*terms, *documents]))
            kept = self._unswapped(context, new_entities)
            if self.people.issuperset(new_entities) and any(
                    t not in QUESTION_WORDS and t not in self.index.entities and t not in context.terms
                    and t not in _KIND_NOUNS and t in self.index.vocabulary for t in terms):
                # "what about meeting putin?" after what Zelensky asks for: a word of its own beside the person
                # ("meeting") asks about something with them, still of whom the conversation is about; no swap. (Not
                # a word for the kind of fact asked, "what's biden up to these days", nor one the brief never uses.)
                kept = [t for t in dict.fromkeys(context.terms) if t in self.people and t not in new_entities]
            return tuple(dict.fromkeys([*terms, *previous, *kept]))
        if all(t in QUESTION_WORDS for t in terms) and {"it", "its"} & said \
                and _wants(text) in ("", "person", "speaker", "contents"):
            # "what's in it?", "who's it for?": "it" is what the previous question asked about, asked something new
            # of; not who the answer named, nor the previous question word ("who reviewed it?" -> "what's in it?").
            asked = [t for t in context.terms if t not in QUESTION_WORDS]
            documents = [t for t in asked if t in _DOCUMENT_TERMS]
            if documents and _wants(text) == "contents" and (owner := self.scope.owner(normalize(context.question))):
                # "what's in it?" after Medinsky confirmed receiving Ukraine's memorandum: "it" is the document of
                # the side named with it; who confirmed it or how it was handed over is asked no more
                asked = [*documents, owner]
            return tuple(dict.fromkeys([*terms, *asked]))
        if _WH & said and "about" not in said:
            # "what happened there?" after when the first round was: a question of its own about the same thing,
            # not the previous question word ("what about the second?" still asks it again)
            previous = [t for t in previous if t not in QUESTION_WORDS]
        return tuple(dict.fromkeys([*terms, *sorted(context.entities), *previous]))

    def _answered_about(self, context: FollowUpContext, people: list[str]) -> list[str]:
        """Of `people`, the one the last answer's first fact is about: the person of an entity card, else the person a
        fact opens with or reports speaking. None when that fact is about none of them, or about several."""
        first = self._unit(context.section_id, context.last[0]) if context.last else None
        if first is None:
            return []
        if first.kind is UnitKind.entity:
            found = [canon(self.brief.entities[first.item].id.replace("-", " "))]
        elif first.kind is UnitKind.fact:
            said_by = self.speakers(context.section_id, first.key)
            found = [p for p in people if p in said_by]
        else:
            return []
        found = [p for p in found if p in people]
        return found if len(found) == 1 else []

    def _speaks(self, party: str, text: str) -> bool:
        """Whether `party` is who a fact is about as its speaker: its opening subject, or named just before a verb of
        saying ("Kellogg said …"; "… told Putin" does not make Putin the speaker)."""
        if self._leads_with({party}, text):
            return True
        names = self._speaker_words.get(party, frozenset())
        tokens, said = self._words_of(text)
        return any(t in names and any(0 < j - i <= 2 for j in said) for i, t in enumerate(tokens))

    # ------------------------------------------------------------ retrieval

    def _sides_named(self, text: str) -> set[str]:
        """The countries `text` names, itself or by the President or delegation head who speaks for one."""
        terms = self.analyzer.terms(text)
        return {t for t in terms if t in self.index.countries} | {
            side for t in terms if (side := self._side_of_person.get(t))}

    def _match_reading(self, reading: _Reading, force: int | None = None, exclude: frozenset[int] = frozenset()
                       ) -> Match:
        """Rank the topics for one reading, pick the leading facts of the best, and calibrate.
        `force` answers from that section instead (the fit scores every candidate topic this way); `exclude`: units
        that may not lead (what "who else…?" was just shown), nor the topic's summary that restates them."""
        terms = reading.terms
        # "when were the talks?", "where was the meeting held?": a question about the event itself, whose only
        # words for what it asks about are the event's generic ones, goes to the topic answering that kind of
        # question about the event (bot/core/event.py), not to whichever fact "talks" scores best in.
        # A clause's question word may be a relative pronoun ("the spokesperson who talked"): not read as one. A
        # follow-up ("and where?", "who was there?") is one when the previous question was about the event.
        kind = None if force is not None or reading.clause else self.event.kind(
            reading.text, reading.asked_before, reading.alone, memo=self._event_reads)
        event = self.event.section(kind) if kind is not None else None
        if event is not None and reading.context:
            # What the next turn carries: the event, not the places its answer named.
            terms = tuple(dict.fromkeys([*reading.own, *reading.asked_before]))
        if event is not None and all(t in QUESTION_WORDS for t in terms):
            terms = (*terms, *sorted(self.event.nouns))  # "when was it?": the event's own words
        content = [t for t in terms if t not in QUESTION_WORDS]
        if self._count_terms.intersection(content) and len(content) > 1 and _wants(reading.text) == "number":
            # "whats the prisoner number again": asked for a number, the word "number" is the kind, not a topic
            content = [t for t in content if t not in self._count_terms]
        if not content:
            return Match((), 0.0, frozenset(), terms, question=reading.text)
        index = self.index
        idf, unknown_weight = index.idf, index.max_idf
        weights = {t: idf.get(t, unknown_weight) for t in set(content)}  # index.weight, inlined: it runs per term
        total = sum(weights.values())
        terms_asked = tuple(weights)
        found, example_best = self._retrieve(terms_asked)
        ceiling = sum([w * _MOST_PER_WEIGHT for w in weights.values()])  # the most these terms could score in one unit
        verbatim = self._verbatim.get(normalize(reading.text), -1)
        wants = _wants(reading.text)
        asked_entities = {t for t in content if t in index.entities}
        asked_countries = asked_entities & index.countries
        # "what does ukraine want … from russia": the side that wants, whose own demands answer it, not the other's
        wanting = frozenset(self._sides_named(want.group(1))) if (
            want := _WANTS_SIDE.search(reading.text)) else frozenset()
        if wanting and asked_countries:
            asked_countries |= wanting  # "what does putin want ukraine to do?": Russia's demands, of Ukraine
        named = asked_entities & index.named
        # "who demanded ukraine drop its nato ambitions?": the one who did it is asked, and the country named is what
        # it was done to, so a topic about another side's doings may answer it
        doer_asked = _ASKS_THE_DOER.match(reading.text) is not None
        ranked: list[tuple[float, int]] = []
        section_features: dict[int, dict[str, float]] = {}
        # Only the topics with the most evidence are ranked in full (ties: the brief's order), and the three most
        # like one of their example questions: a question touches only the topics that share its terms.
        evidence = found.evidence
        contenders = set(evidence) if len(evidence) <= MAX_CONTENDERS else {
            -s for _, s in sorted(zip(evidence.values(), map(operator.neg, evidence)), reverse=True)[:MAX_CONTENDERS]}
        # Ties: the later section, as nlargest by (similarity, section) had it.
        contenders.update(example_best.best(3))
        fitting = index.fitting[wants] if wants else None
        strong, weak, declared, declared_countries = index.strong, index.weak, index.declared, index.declared_countries
        coverage_weight, example_weight, fact_weight, card_weight, named_weight, typed_weight = self._rank_weights()
        asked_weights = tuple(weights.items())
        found_best, found_card = found.best, found.card
        # "how many prisoners …": a topic has a fact of the kind asked for when one of its numbers uses the word
        # counted, not any word of the question ("istanbul" beside a date)
        counted = self._counted(reading.text) if wants == "number" else ()
        typed_by = [t for t in terms_asked if t in counted] or terms_asked
        using = index.units_using(typed_by)
        touched = None  # every unit using one of the terms, when a kind of fact is asked for and they are few
        if fitting is not None and sum(map(len, using)) <= 256:
            touched = set().union(*using)
        named_share = 1.0
        for s in contenders:
            if s in evidence:
                best, card = found_best.get(s, 0.0), found_card.get(s, 0.0)
            else:
                best, card = index.scores(s, terms_asked, found)
            in_strong, in_weak = strong[s], weak[s]
            covered = 0.0
            for t, w in asked_weights:
                if t in in_strong:
                    covered += w
                elif t in in_weak:
                    covered += 0.7 * w
            coverage = covered / total
            example = example_best.get(s, 0.0)
            fact = min(1.0, best / ceiling)
            card = min(1.0, card / ceiling)
            if named:
                named_share = len(named & declared[s]) / len(named)
            # Whether one of its units of the kind asked for uses one of the terms.
            if fitting is None:
                typed = 0.5
            elif touched is not None:
                typed = 0.0 if fitting[s].isdisjoint(touched) else 1.0
            else:  # each term's units against the section's few of that kind
                typed = 0.0 if all(units.isdisjoint(fitting[s]) for units in using) else 1.0
            section_features[s] = {"coverage": coverage, "example": example, "fact": fact, "card": card,
                                   "named": named_share, "typed": typed}
            # The order of RANK_FEATURES, added up as a sum() over them would.
            rank = sum((coverage_weight * coverage, example_weight * example, fact_weight * fact, card_weight * card,
                        named_weight * named_share, typed_weight * typed))
            if asked_countries and not doer_asked and (section_countries := declared_countries[s]) and \
                    asked_countries.isdisjoint(section_countries):
                rank -= abs(rank)  # a rule: "what does Russia want" must never land on Ukraine's demands
            elif wanting and len(section_countries := declared_countries[s]) == 1 and wanting.isdisjoint(
                    section_countries):
                rank -= abs(rank)
            if s == verbatim:
                rank += 100.0  # a rule: the curator's own example question, asked as written, goes to its topic
            ranked.append((rank, s))
        if not ranked and event is None:
            return Match((), 0.0, frozenset(), terms, question=reading.text)
        ranked.sort(reverse=True)
        top_rank, top = ranked[0] if ranked else (0.0, -1)
        # Against the best topic the top one is not curated as related to: "security guarantees?" is answered as
        # well by Russia's terms (it ruled them out) as by Ukraine's (it wants them); two related topics close
        # together are no doubt about what was asked.
        # (Not for a message pointing back, whose words alone may find any topic of the two: "who's its head?")
        said = normalize(reading.text).split()
        related = self._related[top] if ranked and not reading.context and PRONOUNS.isdisjoint(said) \
            and THINGS.isdisjoint(said) else frozenset()
        margin = top_rank - next((r for r, s in ranked[1:] if s not in related), 0.0)
        if event is not None:
            top_rank, top = next(((r, s) for r, s in ranked if s == event), (top_rank, event))
        if force is not None:
            top_rank, top = next(((r, s) for r, s in ranked if s == force), (0.0, force))
            margin = 0.0
        chosen = index.section_scores(top, terms_asked)
        # "how many ukrainians were killed": the people counted, not whose fact it is (the toll is Russia's doing)
        about = asked_entities - self._people_counted(reading.text) if wants == "number" else asked_entities
        if wants in ("name", "place") and _BOTH_SIDES <= about:
            # "the name of the building where the russians and ukrainians sat down": both sides together are the
            # talks, where it happened; not a fact that must name them (the delegations facing off in the room)
            about = about - _BOTH_SIDES
        unit_scores = dict(chosen.units)
        if wants != "name" and (subjects := index.subjects[top].intersection(terms_asked)) \
                and len(subjects) < len(terms_asked):
            # "how much damage did spider web do": in the topic of Spider's Web, every fact is about it; the other
            # words pick the fact ("damaged some 40 bombers", which never names the operation)
            rest = index.section_scores(top, [t for t in terms_asked if t not in subjects]).units
            if rest:
                bonus = min((x - rest.get(u, 0.0) for u, x in unit_scores.items() if x > rest.get(u, 0.0)), default=0.0)
                unit_scores = {u: max(unit_scores.get(u, 0.0), rest.get(u, 0.0) + bonus)
                               for u in unit_scores.keys() | rest.keys()}
        if exclude:
            unit_scores = {u: x for u, x in unit_scores.items() if u not in exclude}
        elif chosen.card:  # the topic's own card, for its leading facts to beat
            unit_scores[index.topic_unit[top]] = chosen.card
        quoting: list[int] = []  # the units saying words the message quotes
        if event is not None and self.sections[top].answer and not exclude:
            lead = [index.topic_unit[top]]  # the topic's own answer to its main question: "held on Monday …"
        else:
            own = {t for t in reading.own if t not in QUESTION_WORDS and t not in index.entities}
            if reading.context and 0 < len(own) <= 2 and ((PRONOUNS - PERSONAL).intersection(
                    normalize(reading.text).split()) or wants and len(normalize(reading.text).split()) <= 4):
                # "who will it focus on?": "it" and the previous turn's words find the topic; the one word this turn
                # asks picks the fact. Facts using every word of its own lead, whatever the previous words score.
                # So too for a few words asking a kind of fact with no pronoun ("why that first", "out of how many").
                units = index.units
                own_scores = {u: x for u, x in unit_scores.items() if own <= units[u].terms}
                if own_scores:
                    unit_scores = own_scores
            lead = self._lead(top, terms, unit_scores, about, wants,
                              self._described(reading.text) if wants == "name" else frozenset(),
                              wants == "time" and _asks_a_point_in_time(reading.text),
                              self._doers_asked(reading.text), bool(_MONEY.search(reading.text)),
                              wants == "speaker" and not _SOURCE_NOUNS.isdisjoint(normalize(reading.text).split()),
                              reading.own)
            if exclude:  # not the topic's own answer, nor a card of someone asked about that was set aside
                lead = [u for u in lead if u != index.topic_unit[top] and u not in exclude] or sorted(
                    (u for u, x in unit_scores.items() if x > 0 and u not in index.topic_units),
                    key=lambda u: (bool(wants) and u not in index.fitting[wants][top], -unit_scores[u]))[:1]
                if not lead:  # nothing else there
                    return Match((), 0.0, frozenset(), terms, question=reading.text)
            elif self._asks_the_topic_of_the_event(top, content, unit_scores) or (
                    reading.summary and self.sections[top].answer and not wants
                    and set(content) <= index.units[index.topic_unit[top]].terms
                    and not (lead and set(content) <= index.units[lead[0]].terms | index.units[lead[0]].entities)):
                # "summarize the prisoner exchange": the topic's own answer, when its card has every word asked
                # ("what went down in the oval office?" asks one fact of it)
                lead = [index.topic_unit[top]]
            if _HOW_LATE.search(reading.text) and lead and (late := [
                    u for u in index.section_units[top] if index.units[u].kind is UnitKind.fact
                    and _LATE_BY.search(self._text_of(index.units[u]))]) and lead[0] not in late:
                # "how late did the talks start?", "by how much did the start slip?": by how long it was late ("nearly
                # two hours later than scheduled"), not the time it was due
                lead = [late[0], *[u for u in lead if u != late[0]]][:LEAD_FACTS]
            if _ASKS_EVIDENCE.search(reading.text) and lead and index.units[lead[0]].kind is not UnitKind.topic \
                    and (proof := [
                    u for u in index.section_units[top] if index.units[u].kind is UnitKind.fact
                    and not self._evidence_terms.isdisjoint(index.units[u].terms)]):
                # "how do we know russia really lost planes?", "any proof of the damage?": the topic's fact giving
                # evidence (its words or the curator's say "evidence", "proof", "verified") leads, not the claim.
                # The topic's own answer, when it leads, tells both.
                lead = [proof[0], *[u for u in lead if u != proof[0]]][:LEAD_FACTS]
            said_by = _say_request(reading.text)
            speaker = said_by and set(self.analyzer.terms(said_by.group(1))) & index.actors
            if speaker and lead and not any(self._quotes(speaker, u) for u in lead):
                # "what did trump say about the talks?": of the facts the words found, those reporting what he said
                # (his warning that the US could walk away), not one only about him (watching from the sidelines)
                saying = [u for u in sorted(unit_scores, key=lambda u: -unit_scores[u])
                          if unit_scores[u] > 0 and index.units[u].kind is UnitKind.fact
                          and self._quotes(speaker, u)]
                if saying:
                    lead = saying[:LEAD_FACTS]
            if (blank := _blank(reading.text)) is not None:
                # "trump wants to be the '____ in chief'?": the fact that says the words around the blank leads
                filled = [u for u in index.section_units[top] if index.units[u].kind is not UnitKind.topic
                          and blank in f" {normalize(self._text_of(index.units[u]))} "]
                if filled:
                    lead = [filled[0], *[u for u in lead if u != filled[0]]][:LEAD_FACTS]
            quoting = [u for quoted in _quoted(reading.text) for u in index.section_units[top]
                       if index.units[u].kind is not UnitKind.topic
                       and quoted in f" {normalize(self._text_of(index.units[u]))} "]
            if quoting:
                # "'negotiator in chief' - what's the context?": words quoted from a fact lead with that fact
                lead = [quoting[0], *[u for u in lead if u != quoting[0]]][:LEAD_FACTS]
        features = self._features(reading, top, lead, unit_scores, ceiling, example_best.get(top, 0.0), margin,
                                  about, wants)
        if reading.summary:
            features = {**features, IN_SHORT: 1.0}
        probability = self.calibration.probability(features)
        ruled = False
        if top == verbatim:
            # A rule: the curator's own example question, asked as written, is answered (on any brief, whatever
            # the fit learned from this one).
            probability = max(probability, 0.9)
        if quoting and lead and lead[0] == quoting[0]:
            # A rule: a reader who quotes the brief's own words back ("'negotiator in chief' - what's the context?",
            # a pasted line) asks about the fact that says them, however few other words the message has.
            probability = max(probability, 0.9)
        if event is not None:
            # A rule: a question about the event itself, of a kind the brief answers, is answered.
            probability = max(probability, 0.9)
        if not reading.context and not (reading.unplaced and checks_a_claim(reading.text)) \
                and self._asks_who_or_what(content, lead):
            # A rule: "who's the russian president?", "what's zelensky's job title?", "where is sumy?": who or what
            # one of the brief's names is, led by its own card, is answered (the brief declares each with its role
            # so that it can be asked about directly). The rules below and the scope's still apply. Not "was trump in
            # istanbul?" read without the city: that asks whether he was there, not who he is.
            probability = max(probability, 0.9)
        when_or_where = wants if wants in ("time", "place") else kind if kind in ("time", "place") else \
            "place" if _WHICH_PLACE.search(reading.text) or (
                _HELD_IN.search(reading.text) and checks_a_claim(reading.text)) else ""
        if when_or_where and _still_to_come(normalize(reading.text).split()) and not (
                lead and self._tells_what_is_to_come(index.units[lead[0]], when_or_where)):
            # A rule: "when will it happen?", "which city will that be in?" ask the time or place of something still
            # to come (the new exchange, a leaders' meeting, the next round). The talks, which are over, do not
            # answer it with their own day, hour or venue; only a fact of that kind telling what is to come does
            # ("holding more talks before the end of June").
            probability, ruled = min(probability, 0.25), True
        if features["conflict"]:
            # A rule, not a weight: facts about another country or person never answer a question about
            # this one ("who is Russia's foreign minister?" is not answered with Turkey's). Too rare in the
            # training data for the fit to learn it.
            probability, ruled = min(probability, 0.25), True
        if _asks_names(reading.text) and not self._gives_name(reading.text, [index.units[u] for u in lead],
                                                                       reading):
            # A rule: "what are the names of the airbases?" is not answered by a fact that only says "airbases".
            probability, ruled = min(probability, 0.25), True
        asked_to_say = _say_request(reading.text)
        speaker = asked_to_say and set(self.analyzer.terms(asked_to_say.group(1))) & index.actors
        if speaker and not any(self._quotes(speaker, u) for u in lead):
            # A rule: "what did Kalin say?" is not answered by a fact that mentions Kalin but reports nothing he said.
            probability, ruled = min(probability, 0.25), True
        if wants == "person" and self.people and top != verbatim and _WHO_HEADS.search(reading.text) and lead \
                and not any(index.units[u].entities & self.people for u in lead):
            # A rule: "who heads ukraine's sbu?" asks for a person; facts naming only the organisation (what the
            # security service said) do not name who heads it. (Judged by the people the brief declares.)
            probability, ruled = min(probability, 0.25), True
        if ruled:  # for the steps that read it again later: turned down, however low its own probability was
            features = {**features, RULED_OUT: 1.0}
        if counted:
            # "how many bombers did kyiv say it took out in spider's web": its facts counting bombers say it first,
            # before the operation's "hundreds of drones" that its other words find. Only the order: whether it is
            # answered was decided on the facts as the words found them.
            lead = sorted(lead, key=lambda u: index.units[u].terms.isdisjoint(counted))
        joined = " ".join(said)
        if _ASKS_IF_ON_TIME.search(joined):
            # "did the talks start on time?": the fact saying they began late answers it, before the schedule that
            # the same words find (all of "late", "on time", "scheduled" are one term)
            lead = sorted(lead, key=lambda u: _SAYS_LATE.search(self._text_of(index.units[u])) is None)
        elif _ASKS_SCHEDULE.search(joined) and not _SAYS_LATE.search(joined):
            # "what was the scheduled start time?": the time it was set for ("1 p.m."), before how late it began
            lead = sorted(lead, key=lambda u: _SAYS_LATE.search(self._text_of(index.units[u])) is not None)
        candidates = [Candidate(self.sections[top], top_rank, probability)]
        candidates += [Candidate(self.sections[s], r, r) for r, s in ranked[:6] if s != top][:5]
        return Match(tuple(candidates), round(probability, 4), frozenset(asked_entities), terms,
                     tuple(index.units[u] for u in lead), reading.text, features,
                     ranking={self.sections[s].id: x for s, x in section_features.items()}, wants=wants)

    def _asks_who_or_what(self, content: list[str], lead: list[int]) -> bool:
        """Whether the question asks nothing but who or what one entity is ("what's X's role?", "who is the US
        president?", read as the name and words for identity) and its own card leads."""
        if not lead or (first := self.index.units[lead[0]]).kind is not UnitKind.entity:
            return False
        entity = self.brief.entities[first.item]
        if entity.kind not in _ASKED_WHO_OR_WHAT:
            return False
        token = canon(entity.id.replace("-", " "))
        return token in content and all(t == token or t in IDENTITY for t in content)

    def _doers_asked(self, text: str) -> dict[str, str]:
        """`Agents.asked` of a reading's text, once per message (`_doers`); the result is only read."""
        memo = self._doers
        if memo is None:
            return self._agents.asked(text)
        found = memo.get(text)
        if found is None:
            found = memo[text] = self._agents.asked(text)
        return found

    def _retrieve(self, terms: tuple[str, ...]) -> tuple[Retrieved, Overlaps | Similarity]:
        """The topics' evidence for `terms` and their overlap with the examples, once per message (`_retrieved`):
        both depend on the terms and their order only, and neither is changed by what reads them."""
        memo = self._retrieved
        found = memo.get(terms) if memo is not None else None
        if found is None:
            found = self.index.retrieve(terms, MAX_CONTENDERS), self._examples.similarity(terms)
            if memo is not None:
                memo[terms] = found
        return found

    def _date_of_what_is_to_come(self, match: Match, pieces: list[str]) -> bool:
        """A clause reading asking only the date ("do you know the date?") cut from a sentence in the future tense,
        led by a fact giving no time of anything still to come."""
        if match.confidence < ACCEPTABLE or not match.lead or _wants_of(match) != "time" \
                or not set(self.analyzer.terms(match.question)) <= _DATE_ONLY:
            return False
        sentence = next((p for p in pieces if match.question in p and p != match.question), None)
        return sentence is not None and _still_to_come(normalize(sentence).split()) \
            and not self._tells_what_is_to_come(match.lead[0], "time")

    def _tells_what_is_to_come(self, unit: Unit, wants: str) -> bool:
        """Whether a fact (or a topic's summary) gives a time or place, as `wants` asks, of something still to come:
        "Ukraine has proposed holding more talks before the end of June"."""
        if not fits(unit, wants):
            return False
        section = self.sections[unit.section]
        if unit.kind is UnitKind.fact:
            text = section.facts[unit.item].text
        elif unit.kind is UnitKind.figure:  # "Deadline Ukraine proposed for more talks: before the end of June"
            figure = section.figures[unit.item]
            text = f"{figure.label} {figure.value}"
        elif unit.kind is UnitKind.topic:
            # A summary tells of many things: the sentence saying what is to come gives its time or place too
            # (the overview's "another round of talks was on the agenda" is not where it will be)
            return any(_TO_COME.search(sentence) and tells(sentence, wants) for sentence in sentences(section.answer or ""))
        else:
            return False
        return bool(_TO_COME.search(text))

    def _asks_the_topic_of_the_event(self, section: int, content: list[str], unit_scores: Mapping[int, float]) -> bool:
        """ "who hosted the talks?": besides the event's generic noun, which every fact of the brief may use, the
        question's words are in the topic's card ("host" among its keywords) and in none of its facts, so the facts
        that score are those saying "talks"; the topic's own answer answers it."""
        index = self.index
        nouns = self.event.nouns
        rest = {t for t in content if t not in nouns}
        if not rest or nouns.isdisjoint(content) or not self.sections[section].answer:
            return False
        topic = index.topic_unit[section]
        return rest <= index.units[topic].terms and not any(
            rest & index.units[u].terms for u in index.section_units[section] if u != topic)

    def _gives_name(self, question: str, lead: list[Unit], reading: _Reading | None = None) -> bool:
        """Whether the leading facts name what the question asks the name of: a capitalised word right beside
        one of the question's own nouns ("Foreign Minister Hakan Fidan"). A fact that shares none of the
        question's nouns can't be judged this way and passes. A follow-up with no noun of its own ("what are
        their names?") asks the names of what the previous turn asked about."""
        asked = [w for w in words(question) if len(w) > 2 and w not in STOPWORDS and w not in QUESTION_WORDS
                 and w not in _NAME_WORDS and w not in self._name_parts]
        # each noun as typed and as the brief spells it ("advisors" is the brief's "advisers")
        nouns = {stem(w) for w in asked} | {stem(t) for w in asked for t in self.analyzer.terms(w) if "_" not in t}
        own_nouns = bool(nouns)
        if not nouns and reading is not None and reading.context:
            # each word of a phrase the brief joins into one term ("war_bloggers": their names are the bloggers')
            nouns = {stem(w) for t in reading.terms if t not in QUESTION_WORDS and t not in self.index.entities
                     and not t[:1].isdigit() for w in t.split("_") if w and w not in STOPWORDS}
        if _CALLED.search(question):
            # "what was the drone op called?": it names something by a variant ("the drone op"); a leading fact about
            # that entity gives its name. "what are they called?" with nothing it could stand for names nothing.
            called = set(self.analyzer.terms(question)) & self._named_by.keys()
            if called and any(called & unit.entities for unit in lead):
                return True
            # "what was the operation called?": a word of a name ("Operation Spider's Web") names it by that word
            parts = {w for w in words(question) if w in self._name_parts and w not in self._whole_names}
            if parts and any(parts & self._named_by.get(e, frozenset()) for unit in lead for e in unit.entities):
                return True
            if not nouns and not called:
                return False
        if _A_TITLE.search(question) and any(_QUOTED_WORDS.search(self._text_of(unit)) for unit in lead):
            return True  # "what title does trump want for himself?": a fact quoting the words ("negotiator in chief")
        described = self._described(question)
        if described and any(self._spells(described, unit) for unit in lead):
            # "what was the ukrainian drone operation called", "the name of kyiv's drone op": the question refers to
            # something by a description (a variant of Operation Spider's Web), and a leading fact spells its name.
            return True
        # "the name of the palace", "the drone operation's name": a leading fact about an entity whose own name has
        # that word ("Ciragan Palace", "Operation Spider's Web") names it.
        named = _NAME_OF.search(normalize(question))
        # Not a name whole in itself: "the siberia airbase" is an airbase in Siberia, which Siberia's facts do not name
        parts = {w for w in words(named.group(1)) if w in self._name_parts and w not in self._whole_names} \
            if named else set()
        if parts and (owner := _NAME_OF_OWNER.search(question)) is not None:
            parts -= set(words(owner.group(1)))  # "the name of medinsky's textbooks" asks the books', not his
        if parts and named and (said := words(named.group(1)))[0] not in parts:
            # "the name of the textbook medinsky wrote": the book's, not the name of the one who wrote it
            parts -= {w for w in said[1:] for e in self.people if w in self._named_by.get(e, frozenset())}
        if parts and any(parts & self._named_by.get(e, frozenset()) for unit in lead for e in unit.entities):
            return True
        if (count := _WHICH_COUNT.search(question.lower())) is not None:
            # "which two presidents might meet?", "which four regions?": a leading fact naming as many of the brief's
            # people or places (not sides) names them; one saying only "four regions" does not
            said = count.group(1) or count.group(2)
            n = int(NUMBER_WORDS.get(said, said))
            return any(len(unit.entities - self.index.countries) >= n for unit in lead)
        judged = False
        place = _wants(question) == "place"  # "which part of Russia exactly?": a fact naming a place names it
        for unit in lead:
            if place and fits(unit, "place"):
                return True
            # A topic's summary is judged as a fact is: "multiple Russian airbases" names none of them.
            text = self._text_of(unit)
            if unit.kind is UnitKind.entity:
                # A card names its own entity, the envoy of "Keith Kellogg: Trump's Ukraine envoy"; one that speaks
                # of what is asked only further on is judged as a fact is: Europe's card, on whose role "a German
                # government spokesperson" said something, names no spokesperson.
                entity = self.brief.entities[unit.item]
                defined = f"{entity.name}: {entity.role.split(';')[0]}"  # "Keith Kellogg: Trump's Ukraine envoy"
                if any(stem(t.lower().removesuffix("'s").removesuffix("’s")) in nouns for t in _TOKEN.findall(defined)) \
                        or not any(stem(t.lower().removesuffix("'s").removesuffix("’s")) in nouns
                                   for t in _TOKEN.findall(text)):
                    return True
            tokens = _TOKEN.findall(text)
            for i, token in enumerate(tokens):
                if stem(token.lower().removesuffix("'s").removesuffix("’s")) not in nouns:
                    continue
                judged = True
                beside = [i - 1, i + 1]
                if i >= 3 and tokens[i - 1].lower() == "the" and tokens[i - 2].lower() in _COPULA:
                    beside.append(i - 3)  # "the Ciragan Palace in Istanbul was the venue"
                if any(0 <= j < len(tokens) and tokens[j][:1].isupper() and tokens[j].lower() not in self._not_names
                       for j in beside):
                    return True
        if not judged and not _PERSON_ROLES.isdisjoint(asked):
            # "what's the name of the guy who runs that service?", "their boss's name?": a person's name is asked;
            # facts about the service that name no one (nor a card of someone) do not give it.
            return any(unit.kind is UnitKind.entity and self.brief.entities[unit.item].kind is EntityKind.person
                       or unit.entities & self.people for unit in lead)
        if not judged and own_nouns and not (
                {e for unit in lead for e in unit.entities} - self.index.countries
                - set(self.analyzer.terms(question))):
            # "name of the siberia airbase": the name of a thing the leading facts never mention, and they name
            # nothing the question does not (Siberia) that could be it ("what's the negotiator's name?" is a person a
            # fact names without the word)
            return False
        # After an answer, the names of something the question names itself ("names of airbases?" after where the
        # bombers were) are not given by facts that never mention it: they answered the previous question, not this.
        return not judged and not (own_nouns and reading is not None and not reading.alone)

    def _only_a_duration(self, unit: Unit) -> bool:
        """Whether the only time a unit gives is how long something lasted ("eight years", "less than an hour"),
        with no weekday, month or clock time."""
        text = self._text_of(unit)
        return bool(_DURATION.search(text)) and not _POINT_IN_TIME.search(text)

    def _described(self, question: str) -> frozenset[str]:
        """What `question` refers to by a description, not by its name: "ukraine's drone op" is Operation Spider's
        Web (a variant of it), "the turkish intelligence chief" Ibrahim Kalin; "Kalin's job" spells the name. Only
        what can be asked for by name (people, places, organisations, operations), each with the words of its name
        the question leaves out."""
        said = words(question)
        return frozenset(e for e in self.analyzer.terms(question) if (marks := self._name_marks.get(e))
                         and not any(w.startswith(mark) for mark in marks for w in said))

    def _spells(self, described: frozenset[str], unit: Unit) -> bool:
        """Whether a unit about one of the `described` things spells its name (a word that makes it one)."""
        about = described & unit.entities
        if not about:
            return False
        said = set(words(self._text_of(unit)))
        return any(self._name_marks[e] & said for e in about)

    def _text_of(self, unit: Unit) -> str:
        """What a unit says: a fact's or figure's text, a topic's summary, an entity's card."""
        section = self.sections[unit.section]
        if unit.kind is UnitKind.entity:
            entity = self.brief.entities[unit.item]
            return f"{entity.name}: {entity.role}"
        if unit.kind is UnitKind.topic:
            return section.answer or ""
        if unit.kind is UnitKind.fact:
            return section.facts[unit.item].text
        figure = section.figures[unit.item]
        return f"{figure.label} {figure.value} {figure.unit}"

    def sourced(self, section_id: str, keys: tuple[str, ...]) -> tuple[str, ...]:
        """ "who announced it?": the facts `keys` just shown, led by one naming who said it when none of them does
        ("the delegations agreed a new exchange" -> "Umerov announced … a new prisoner exchange had been agreed"):
        the fact of the same topic saying most of what the first one says, with a speaker beside a verb of saying."""
        position = self._position.get(section_id)
        if position is None or not keys:
            return keys
        units = {self.index.units[u].key: self.index.units[u] for u in self.index.section_units[position]}
        shown = [units[k] for k in keys if k in units]
        if not shown or any(self._names_a_source(u) for u in shown):
            return keys
        first = shown[0].terms
        best = max(((len(first & u.terms), -i, u.key) for i, u in enumerate(units.values())
                    if u.kind is UnitKind.fact and u.key not in keys and self._names_a_source(u)),
                   default=None)
        if best is None or best[0] < CONTINUES * len(first):
            return keys
        return (best[2], *keys)

    def speakers(self, section_id: str, key: str) -> frozenset[str]:
        """The people a fact reports as speaking it ("Andriy Yermak, Zelensky's chief of staff, said …": Yermak): whom
        "his title?" points at after "who said so?"."""
        unit = self._unit(section_id, key)
        if unit is None or unit.kind is not UnitKind.fact:
            return frozenset()
        text = self.sections[unit.section].facts[unit.item].text
        return frozenset(p for p in unit.entities & self.people if self._speaks(p, text))

    def _aspect_of_topic(self, text: str, context: FollowUpContext) -> Match | None:
        """ "anything on sanctions?", "and the sanctions bit?" right after Russia's terms: that word of the topic just
        answered (Putin's call for sanctions relief), read in it alone, not with the previous question's words ("when
        did putin first set them out?") nor in the topic the word alone would find (Trump's sanctions threat)."""
        asked = _ASPECT.fullmatch(strip_markup(text).casefold())
        position = self._position.get(context.section_id)
        if asked is None or position is None:
            return None
        own = tuple(t for t in self.analyzer.terms(asked.group(1)) if t not in QUESTION_WORDS)
        if not own or any(t in self.index.entities for t in own):
            return None  # "and ukraine?" swaps who is asked about (`_other_side`, the swap readings)
        match = self._match_reading(_Reading(text, own, own, True, False, asked_before=context.terms), position)
        if not match.lead or match.features.get(RULED_OUT) or match.lead[0].kind is UnitKind.topic \
                or not set(own) <= match.lead[0].terms:
            return None  # nothing of the topic says it: the word alone may ask about something else
        # The conversation, not the ranking, chose the topic; what it asks of is what the previous turn asked about.
        asked_before = {t for t in context.terms if t not in QUESTION_WORDS}
        features = {**match.features, "margin": 1.0, "content": min(len(set(own) | asked_before), 6) / 6}
        confidence = round(self.calibration.probability(features), 4)
        return replace(match, confidence=confidence, features=features) if confidence >= ACCEPTABLE else None

    def _item_of_list(self, text: str, context: FollowUpContext) -> Match | None:
        """ "and the third?", "what was #1 on his list?" right after an answer that lists things in order ("First --
        a full and unconditional ceasefire. Second -- …"): the fact that tells that item of it (Zelensky's third
        priority), else the listing fact again, which says it. None for anything else."""
        asked = _ITEM_ASKED.fullmatch(strip_markup(text).casefold())
        if asked is None:
            return None
        ordinals = [_ORDINALS[re.search(r"\w+$", w).group(0)] for w in re.findall(  # type: ignore[union-attr]
            r"#\s*[123]|\bnumber\s+(?:one|two|three|[123])\b|\bno\.?\s*[123]\b|\b(?:first|second|third|1st|2nd|3rd)\b",
            asked.group(0))]
        shown = [u for key in context.last if (u := self._unit(context.section_id, key)) is not None
                 and u.kind in (UnitKind.fact, UnitKind.topic)]
        # the list itself ("First -- …. Second -- …"), or one item of it just asked for ("… as Ukraine's first priority")
        listing = next((u for u in shown if _lists(self._text_of(u)) or _LIST_ITEM.search(self._text_of(u))), None)
        if listing is None and len(set(ordinals)) == 1:
            # "the second one?" after "the aim was to evaluate …, discuss … and look at …": an enumeration says each
            # item in order; the answer that gave it says the one asked for
            listed = next(((u, found) for u in shown if (found := _ENUMERATION.search(self._text_of(u)))), None)
            if listed is not None:
                listing, enumeration = listed
                items = re.split(r",\s+(?:and\s+)?|\s+and\s+", enumeration.group(0))
                at = {"first": 0, "second": 1, "third": 2}[ordinals[0]]
                if at >= len(items):
                    return None
                # what the next turn's "that" is: the item ("was that achieved?" after the third aim, more exchanges)
                item = tuple(t for t in self.analyzer.terms(items[at], correct=False) if t not in QUESTION_WORDS)
                return Match((Candidate(self.sections[listing.section], 1.0, 1.0),), 0.9, listing.entities,
                             item or context.terms, lead=(listing,), question=text, features={"context": 1.0})
        if listing is None or not ordinals:
            return None
        lead = listing if _lists(self._text_of(listing)) else None
        if len(set(ordinals)) == 1:
            # the fact saying that item, of the same party: "Zelensky listed … as Ukraine's third priority"
            lead = next((unit for unit in self.index.units if unit.kind is UnitKind.fact and unit is not listing
                         and unit.entities & listing.entities
                         and (item := _LIST_ITEM.search(told := self._text_of(unit))) is not None
                         and item.group(1).casefold() == ordinals[0] and not _lists(told)), lead)
        if lead is None:
            return None
        return Match((Candidate(self.sections[lead.section], 1.0, 1.0),), 0.9, lead.entities,
                     (*ordinals, *context.terms), lead=(lead,), question=text, features={"context": 1.0})

    def _owned_here(self, question: str) -> bool:
        """Whether every pronoun of `question` is an "its" or "their" after a side the question names itself: "what
        does moscow threaten if kyiv doesn't accept its terms?" says whose terms, pointing at no earlier turn."""
        said = normalize(question).split()
        at = [i for i, w in enumerate(said) if w in PRONOUNS]
        return bool(at) and all(said[i] in ("its", "their") for i in at) and any(
            t in self.index.countries for t in self.analyzer.terms(" ".join(said[:at[0]])))

    def _unit(self, section_id: str, key: str) -> Unit | None:
        """The unit of a section with that key ("f3"), as a conversation remembers it; None when it is gone."""
        position = self._position.get(section_id)
        if position is None:
            return None
        units = self.index.units
        return next((units[u] for u in self.index.section_units[position] if units[u].key == key), None)

    def _names_a_source(self, unit: Unit) -> bool:
        """Whether `unit` names who says it (anyone the brief declares): known per brief, worked out once per unit
        (every speaker's words against the fact's text cost a 64x brief 50 ms a "who said that?")."""
        key = (unit.section, unit.kind, unit.item)
        found = self._source_named.get(key)
        if found is None:
            if unit.kind is UnitKind.fact:
                text = self.sections[unit.section].facts[unit.item].text
                found = "according to" in text.casefold() or self._says_names(self._every_speaker_word, text)
            else:
                found = unit.kind is not UnitKind.topic  # a figure names who claims it; a card is the entity itself
            self._source_named[key] = found
        return found

    def _quotes(self, speakers: set[str], u: int) -> bool:
        """Whether unit `u` reports something one of `speakers` said: their name within a few words of a verb of
        saying ("Umerov said", "according to Zelensky", "Fidan told the delegations")."""
        return self._reports(speakers, self.index.units[u])

    def _reports(self, speakers: set[str], unit: Unit) -> bool:
        """`_quotes`, of the unit itself."""
        section = self.sections[unit.section]
        if unit.kind is UnitKind.topic:  # the topic's summary: its answer and the facts it opens with
            return any(self._says(speakers, text)
                       for text in (section.answer or "", *(fact.text for fact in section.facts[:LEAD_FACTS])))
        if unit.kind is UnitKind.entity:
            # A speaker's own card, when it tells what they said: "RIA Novosti: Cited a source … saying …"
            token = canon(self.brief.entities[unit.item].id.replace("-", " "))
            return token in speakers and not _CARD_SAYING.isdisjoint(self._words_of(
                self.brief.entities[unit.item].role)[0])
        if unit.kind is not UnitKind.fact:
            return False
        text = section.facts[unit.item].text
        if self._says(speakers, text):
            return True
        tokens = self._words_of(text)[0]
        names = {w for token in speakers for w in self._speaker_words.get(token, ())}
        expressed = [j for j, t in enumerate(tokens) if t in _EXPRESSING]
        return any(t in names and any(-3 <= j - i <= 6 for j in expressed) for i, t in enumerate(tokens))

    def _says(self, speakers: Set[str], text: str, quoted: bool = True) -> bool:
        """Whether `text` reports something one of `speakers` said; `quoted`: words in quotation marks in a text
        naming them count too."""
        return self._says_names({w for token in speakers for w in self._speaker_words.get(token, ())}, text, quoted)

    def _says_names(self, names: Set[str], text: str, quoted: bool = True) -> bool:
        """`_says`, given the words the speakers' names are written with."""
        tokens, said = self._words_of(text)
        if quoted and any(mark in text for mark in '"“”') and not names.isdisjoint(tokens):
            return True  # words in quotation marks, in a fact that names the speaker
        # A verb of saying after the name ("Kyiv says"), or right before it with nothing but an article between
        # ("said the Kremlin", "according to Kyiv"); not "Russia claims four Ukrainian regions" (whose regions) nor
        # "called for Ukraine to …" (whom it was asked of).
        if "according to" in text.casefold() and any(
                not names.isdisjoint(t.lower().removesuffix("'s") for t in _TOKEN.findall(who.group(1))[-2:])
                for who in _ACCORDING_TO.finditer(text)):
            return True  # "According to Trump's Ukraine envoy Keith Kellogg, …": the name ends the words saying who
        # Not a verb in the passive ("regions claimed and mostly controlled by Russia": Russia claims them), nor one
        # with another country as its subject ("Moscow says Kyiv should submit": Moscow's word, not Kyiv's; but
        # "Umerov said Kyiv had been unable to react" is Kyiv's, through its negotiator).
        countries = self._country_words - names
        return any(t in names and any(
            (0 < j - i <= 6 and "by" not in tokens[j + 1:j + 5])
            or (-3 <= j - i < 0 and tokens[j] in _SAID_BEFORE and _INVERTED.issuperset(tokens[j + 1:i])
                and (j == 0 or tokens[j - 1] not in countries))
            for j in said) for i, t in enumerate(tokens))

    def _words_of(self, text: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """A text of the brief as `_says` reads it: its words in lower case without a possessive "'s", and where
        its verbs of saying are. Read once per loaded brief (a party's stance on what was just discussed read every
        fact of the topic again: about 0.7 ms a message); only the brief's own texts come here, so it stays small."""
        found = self._read_words.get(text)
        if found is None:
            tokens = tuple(t.lower().removesuffix("'s").removesuffix("’s") for t in _TOKEN.findall(text))
            found = self._read_words[text] = (tokens, tuple(i for i, t in enumerate(tokens) if t in _SAYING))
        return found

    def _entity_card(self, section: int, terms: tuple[str, ...], asked: set[str]) -> int | None:
        """ "who is Fidan", "what's Kalin's job": the named entity's own card leads."""
        countries = self.index.countries
        if len(asked) > 1 and "where" in terms and len(inside := {t for t in asked if t not in countries}) == 1 \
                and self._entity_kinds.get(next(iter(inside))) is EntityKind.place:
            # "where in Ukraine is the Sumy region?": the country says where to look, the place is asked about
            asked = inside
        described = [a for a in asked if asked - {a} <= self._described_with.get(a, frozenset())]
        if len(asked) > 1 and len(described) == 1:
            # "Zelensky chief of staff is who?", "who is Trump envoy for Ukraine?": one name described by the others
            asked = set(described)
        if len(asked) != 1:
            return None
        beside = self._described_with.get(next(iter(asked)), frozenset())
        rest = [t for t in terms if t not in asked and t not in beside
                and not (t in countries and asked <= self._places)]
        # "what government post does Umerov hold?", "Umerov's job title at the time of the talks": a word for
        # someone's office, with nothing else but everyday words and the event's own, asks their card as well
        if any(t not in IDENTITY for t in rest) and not (
                _OFFICE.intersection(rest) and asked <= self.people
                and all(t in IDENTITY or t in self.event.nouns or specificity(t) < 0.5 for t in rest)):
            return None
        (token,) = asked
        cards = [u for u in self.index.section_units[section] if self.index.units[u].kind is UnitKind.entity
                 and token in self.index.units[u].entities]
        # Its own card before another's that speaks of it ("who is the US president": Trump's, not the card of the
        # United States, "its president urged …"; "where is Sumy": the region's, not that of the officials who
        # say troops massed near it). Not a country's: its card tells what its people said, which answers no
        # "what's the name of its spokesperson".
        own = [u for u in cards if (entity := self.brief.entities[self.index.units[u].item]).kind
               is not EntityKind.country and canon(entity.id.replace("-", " ")) == token]
        return next(iter(own or cards), None)

    def _lead(self, section: int, terms: tuple[str, ...], unit_scores: Mapping[int, float],
              asked: set[str], wants: str, described: frozenset[str] = frozenset(),
              point: bool = False, doers: Mapping[str, str] | None = None, money: bool = False,
              outlet: bool = False, own: tuple[str, ...] = ()) -> list[int]:
        """The one to three units of `section` that answer the question, best first. `described`: what a question
        asking a name refers to by a description (`_described`): the facts spelling its name lead. `doers`: who the
        question asks to have done which verb (bot/core/agents.py); `money`: it asks an amount of money; `own`: the
        words of the message itself (a follow-up's `terms` carry the previous turn's too)."""
        index = self.index
        units = index.units
        card = self._entity_card(section, terms, asked)
        fitting = index.fitting[wants][section] if wants else frozenset()  # its facts of the kind asked for
        topics, cards = index.topic_units, index.entity_units
        scored: list[tuple[float, int]] = []  # (-score, unit): best first once sorted, ties to the earlier unit
        for u, score in unit_scores.items():  # only the section's units that share a term with the question
            if score <= 0 or u in topics:
                continue
            if u in fitting:
                score *= 1.5
            if asked and asked <= units[u].entities:
                score *= 1.2
            if u in cards:
                score *= 0.5  # a card sums someone up; a fact that answers the question says more
            scored.append((-score, u))
        scored.sort()
        if doers:
            # "how many drones did Russia shoot down": not "Ukraine shot down 52 of Russia's 80 drones", which has
            # every word asked but Ukraine doing it, when a fact has Russia doing it
            # ("… Ukraine shot down 52 of Russia's 80 drones and Russia shot down 162 …" has both: after those with
            # Russia alone)
            done = {u: self._agents.of_text(self._text_of(units[u])) for _, u in scored}
            kept = [pair for pair in scored if not others_did(doers, done[pair[1]])]
            if kept and len(kept) < len(scored):
                scored = sorted(kept, key=lambda pair: (not only_did(doers, done[pair[1]]), pair))
        # "what dollar value did Ukraine put on the Russian bombers?": a figure in a currency ("$7 billion") before
        # the count of the bombers the other words also find, and whichever country it names
        priced = [pair for pair in scored if _CURRENCY.search(self._text_of(units[pair[1]]))] if money else []
        named = asked & index.named
        if named and wants == "reason" and named <= self.people and sum(
                t not in index.entities and t not in QUESTION_WORDS for t in set(own)) > 1 and not any(
                named <= units[u].entities for _, u in scored if u in fitting) and any(
                units[u].entities & index.countries & self._described_with.get(e, frozenset())
                for _, u in scored if u in fitting for e in named):
            # "why does zelensky want a ceasefire first?": no fact of his gives a reason, his country's does
            # ("Ukraine says a pause … is necessary"; his card describes him as Ukraine's president), when the
            # question asks the reason for something ("why does he want one so badly?" names nothing it wants)
            named = set()
        if named and any(named <= units[u].entities and (wants != "distance" or u in fitting) for _, u in scored):
            # "what did Umerov say": the facts about Umerov, whatever else scores (but "how far inside Russia were
            # the bombers Ukraine hit?" asks the distance, whether or not the fact giving it names either country)
            scored = [pair for pair in scored if named <= units[pair[1]].entities]
            if wants == "speaker" and (people := named & self.people):
                # "who announced that umerov would go?": who said it of Umerov, not what Umerov said
                scored = [pair for pair in scored if not self._says(people, self._text_of(units[pair[1]]), False)]
                # "who confirmed umerov would go?": a fact in which someone else says it of him ("Zelensky said on
                # Sunday that Umerov would …") before one only about him ("Umerov headed Ukraine's delegation")
                if not outlet:  # (not "which outlet wrote about umerov's scandal?": the facts about it, as found)
                    scored.sort(key=lambda pair: not self._says(units[pair[1]].entities & self.people - people,
                                                                self._text_of(units[pair[1]]), False))
        if outlet:
            # "which outlet said …": a fact naming an organisation that reports (Reuters, RIA Novosti), not a person
            reporting = [pair for pair in scored if units[pair[1]].entities & self._organisations]
            scored = reporting or scored
        if described:
            # "what's the name of ukraine's drone op": the facts that spell Operation Spider's Web, whatever else
            # scores ("the plan involved smuggling drones" is about it but never says its name)
            spelling = [pair for pair in scored if self._spells(described, units[pair[1]])]
            scored = spelling or scored
        if fitting and not fitting.isdisjoint([u for _, u in scored]):
            # "where were the bombers hit": the facts that name a place answer it, whatever else scores
            scored = [pair for pair in scored if pair[1] in fitting]
            if point:
                # "when did the invasion start": a day or a date answers it ("on February 24, 2022"), not how long
                # something lasted ("eight years of fighting before the 2022 invasion")
                timed = [pair for pair in scored if not self._only_a_duration(units[pair[1]])]
                scored = timed or scored
        if priced:
            scored = priced + [pair for pair in scored if pair not in priced]
        if card is not None and not priced:
            # (not "how much did the drone attack cost russia?": the figure in dollars answers it, not the
            # operation's card)
            entities = units[card].entities
            return [card, *[u for _, u in scored if u != card and entities <= units[u].entities][:2]]
        topic = index.topic_unit[section]
        if not wants and not priced and (not scored or unit_scores.get(topic, 0.0) >= -scored[0][0]) \
                and not self._singles_out(section, terms, scored[0][1] if scored else None):
            # "what did they agree?" asks for the topic itself, not one fact in it: its summary answers
            return [topic]
        return [u for score, u in scored[:LEAD_FACTS] if -score >= LEAD_RATIO * -scored[0][0]]

    def _singles_out(self, section: int, terms: tuple[str, ...], best: int | None) -> bool:
        """Whether the best fact is the only fact of its topic with one of the question's words: "how did russian
        war bloggers react to ukraine's strike on the bomber fleet?" asks what the bloggers did, however many of
        its other words the topic's summary has."""
        if best is None:
            return False
        units = self.index.units
        facts = [u for u in self.index.section_units[section] if units[u].kind is UnitKind.fact]
        return any(t in units[best].terms and sum(t in units[u].terms for u in facts) == 1
                   for t in set(terms) if "_" in t and t not in self.index.entities)

    def _features(self, reading: _Reading, section: int, lead: list[int], unit_scores: Mapping[int, float],
                  ceiling: float, example: float, margin: float, asked: set[str], wants: str) -> dict[str, float]:
        index = self.index
        own = [t for t in reading.own if t not in QUESTION_WORDS]
        idf, unknown_weight = index.idf, index.max_idf
        own_weights = {t: idf.get(t, unknown_weight) for t in set(own)}  # index.weight, inlined
        own_total = sum(own_weights.values()) or 1.0
        names_absorb = self._absorbed
        absorbed = frozenset().union(*[found for t in own if (found := names_absorb.get(t))])
        said = normalize(reading.text).split()
        first = index.units[lead[0]] if lead else None
        # "who led russia's team, medinsky or lavrov?": answers offered to choose from are claims checked too
        if first is not None and (checks_a_claim(reading.text) or "or" in said[1:]):
            if fits(first, "number") or fits(first, "time"):
                # "did they swap 2000 prisoners each?", "did round 2 last three hours?": the number is the claim
                # checked; the fact's own number answers it
                absorbed |= {t for t in own if t[:1].isdigit()}
            if fits(first, "time") and _FUTURE.isdisjoint(said):
                # "talks before the end of July?", "set out last December, right?": the fact's month answers (not
                # "will there be a ceasefire in July?", which asks what is to come)
                absorbed |= _DATE_TERMS.intersection(own)
            # ("was it called Operation Midnight Hammer?": a name checked, which the fact's own name answers)
            if (fits(first, "person") or fits(first, "place") or (wants == "name" and fits(first, "name"))) \
                    and any(t in index.vocabulary for t in own):
                # "so lavrov led the russian team, right?", "was it in Ankara?": a name the brief and the articles
                # never use is the claim checked; the fact's own name answers it (when the claim is about something
                # the brief knows: "are you chatgpt?" is not)
                unused = {t for t in own if t not in index.vocabulary and t not in self._article_terms}
                if unused:  # most readings have none: no word of theirs is looked up in the English list
                    # (a binary search of 28,000 words, about 10 µs a word: 0.3 ms a long message, once per reading)
                    # (a name checked for what something is called is a name, however common its words:
                    # "called Operation Thunderbolt?")
                    absorbed |= {stem(w) for w in words(reading.text) if w.isalpha() and len(w) > 3
                                 and stem(w) in unused and (wants == "name" or not is_common_word(w))}
        if reading.context and first is not None and first.kind is not UnitKind.entity:
            # "and russia's view?", "kyiv's response?": after an answer, a word for someone's stance asks what they
            # say of what was just discussed; a fact naming them that the previous turn's words find says it.
            named = {t for t in own if t in index.entities}
            if named and named <= first.entities:
                absorbed |= _STANCE.intersection(own)
        if wants and first is not None and fits(first, wants):
            # "which part of Russia", "what day of the week", "the number of drones": words that name the kind of
            # answer asked for are answered by a fact of that kind, though it does not use them.
            # ("called" only in a first turn: "what are they called?" after a fact asks what it names, which the
            # fact answering the previous turn need not)
            if wants != "name" or not reading.context:
                absorbed |= self._kind_terms.get(wants, frozenset())
            if wants == "name" and any(self._entity_kinds.get(e) is EntityKind.operation for e in first.entities):
                absorbed |= self._kind_terms["codename"]
        if wants == "reason" and not reading.context and first is not None and first.kind is UnitKind.fact \
                and fits(first, wants) and any(t in first.terms and t not in index.entities for t in own):
            # "why does ukraine insist on a ceasefire first?": the reason ("a pause is necessary before …") seldom
            # repeats what it explains (insisting, first); the topic it leads says that. Not in a follow-up, whose
            # words are the previous turn's too, nor for a reason sharing no word of substance with the question.
            absorbed |= index.strong[section].intersection(own)
        covered = sum(w if t in index.strong[section] or t in absorbed else 0.7 * w if t in index.weak[section]
                      else 0.0 for t, w in own_weights.items())
        unknown = sum(w for t, w in own_weights.items() if t not in index.vocabulary and t not in self._article_terms)
        article_only = sum(w for t, w in own_weights.items() if t not in index.vocabulary and t in self._article_terms)
        lead_score = max([unit_scores.get(u, 0.0) for u in lead], default=0.0)
        fit = wants and first is not None and fits(first, wants)
        if fit and wants == "time" and first.kind is UnitKind.fact and _HOW_LONG.search(reading.text) \
                and not _LASTED.search(self._text_of(first)):
            # "how long is a flight from kyiv to istanbul?": how long something lasts, which "Ukraine's team flew
            # into Istanbul early Monday" (a time, no length) does not say
            fit = False
        if fit and wants == "number" and first.kind is UnitKind.fact and _MONEY.search(reading.text) \
                and not _CURRENCY.search(self._text_of(first)):
            fit = False  # "how much does a night at the palace cost?": a sum of money, which a count does not give
        # The leading fact is about someone else: "who is Russia's foreign minister" led by Turkey's.
        led = first.entities if first else index.section_entities[section]
        if first is not None and first.kind is UnitKind.entity:
            # Yermak's card, "Zelensky's aide", answers "zelensky's chief of staff" and is led by Zelensky too
            beside = frozenset().union(*(self._described_with.get(e, ()) for e in led))
            led, absorbed = led | beside, absorbed | (beside & set(own))
        # A fact naming Britain is about Europe too: "who said european advisers would be on the ground?"
        led = led.union(*(index.part_of[e] for e in led if e in index.part_of))
        led_countries = led & index.countries
        asked_countries = asked & index.countries
        if first is not None and first.kind is UnitKind.entity and (place := canon(
                self.brief.entities[first.item].id.replace("-", " "))) in asked and place in self._places:
            asked_countries = set()  # "where in Ukraine is Sumy?": the country is where the place is, not whose fact
        # Someone the message names must lead; of the people a bare "by when?" carries over from the previous
        # answer (naming Umerov, Trump and Kellogg), one is enough: it asks the time of what was just said.
        bare_time = reading.context and not own and wants in ("time", "reason")
        named_here = asked & set(reading.own) if bare_time else asked
        carried = (asked - named_here) & index.actors
        unled = (named_here & index.actors) - led
        if unled and (fit and wants == "reason" or _MEANT_BY.search(reading.text)) and led.isdisjoint(self.people):
            # "why does zelensky want a ceasefire first?": a leader's reasons are his country's ("Ukraine says a
            # pause is necessary …"), the country his card describes him with ("Ukraine's president"); so is what
            # he means by a word ("what does putin mean by de-nazification?": what the Kremlin calls it)
            unled = {e for e in unled if e not in self.people
                     or not self._described_with.get(e, frozenset()) & led & index.countries}
        if unled and "or" in said and named_here & index.actors & led:
            # "who proposed direct talks, putin or zelensky?": the answer names one of the two offered
            unled = set()
        others = unled or (carried and carried.isdisjoint(led)) or (
            asked_countries and led_countries and not asked_countries & led_countries)
        if others and first is not None and first.kind is UnitKind.fact \
                and (whose := self._adjectival(said, first.terms)):
            # "how much were the russian bombers worth?": "russian" only says whose bombers; the fact about those
            # bombers ("Ukraine said the damaged bombers were worth $7 billion") need not name Russia again
            unled, asked_countries = unled - whose, asked_countries - whose
            others = unled or (carried and carried.isdisjoint(led)) or (
                asked_countries and led_countries and not asked_countries & led_countries)
        lead_terms = first.terms if first is not None else index.strong[section]
        if first is not None and first.kind is UnitKind.entity:
            lead_terms = lead_terms | IDENTITY  # "what's his job": a person's card is their job
            if _OFFICE.intersection(own):
                # "what government post does he hold": beside a word for an office, everyday words and the
                # event's own ask nothing the card leaves out (as the card was chosen, _entity_card)
                lead_terms = lead_terms | {t for t in own if t in self.event.nouns or specificity(t) < 0.5}
        subjects = index.subjects[section]
        lead_covered = sum(w if t in lead_terms or t in absorbed or "_" in t and (parts := _stems_in(t))
                           and parts <= lead_terms else 0.5 * w if t in subjects else 0.0
                           for t, w in own_weights.items())
        missing = [w for t, w in own_weights.items()
                   if t not in lead_terms and t not in index.strong[section] and t not in absorbed]
        return {
            "lead_coverage": lead_covered / own_total if own else 1.0,
            "missing": max(missing, default=0.0) / index.max_idf,
            "unresolved": 1.0 if not reading.context and any(w in PRONOUNS for w in said) else 0.0,
            "coverage": covered / own_total if own else 1.0,
            "unknown": unknown / own_total if own else 0.0,
            "article_only": article_only / own_total if own else 0.0,
            "fact_score": min(1.0, lead_score / ceiling) if ceiling else 0.0,
            "example": example,
            # "why not?" after an answer asks all the previous turn asked: what it fills in is its content. A
            # first turn's phrase that the leading fact has too ("negotiator in chief") counts its words; a name
            # ("Spider's Web") is one thing asked about, however many words it has.
            "content": min(sum(_words_in(t) if reading.alone and t in lead_terms and t not in index.entities else 1
                                for t in own) or sum(t not in QUESTION_WORDS for t in reading.terms), 6) / 6 if not (
                reading.context and 0 < len(set(own)) <= 2 and PRONOUNS.intersection(said)) else
            # "who urged them on?": "them" stands for what the previous turn asked, so that is asked too
            min(len(set(own) | {t for t in reading.asked_before if t not in QUESTION_WORDS}), 6) / 6,
            "type_fit": 1.0 if fit else 0.0,
            "type_miss": 1.0 if wants and not fit else 0.0,
            "conflict": 1.0 if others else 0.0,
            "context": 1.0 if reading.context else 0.0,
            "margin": min(1.0, margin),
        }

    def _rank_weights(self) -> tuple[float, ...]:
        """The calibration's topic-ranking weights in RANK_FEATURES order (the fit swaps the calibration in)."""
        calibration = self.calibration
        if self._ranked_by is not calibration:
            self._ranked_by = calibration
            self._rank_weights_cached = tuple(calibration.rank.get(name, 0.0) for name in RANK_FEATURES)
        return self._rank_weights_cached

    # ------------------------------------------------------------ browsing

    def suggest(self, partial: str, limit: int = 5) -> list[Section]:
        """Sections for an autocomplete box or inline query; the brief's order for empty input."""
        if not partial.strip():
            return list(self.sections[:limit])
        typed = self._complete_last_word(partial)
        order: dict[str, float] = {}
        found = self._match_reading(_Reading(typed, self.terms(typed), self.terms(typed), False))
        for candidate in found.candidates:
            order[candidate.section.id] = candidate.rank
        for _, similarity, at in process.extract(normalize(partial), self._titles, scorer=fuzz.partial_ratio,
                                                 limit=limit):
            sid = self.sections[at].id
            order[sid] = max(order.get(sid, 0.0), similarity / 100 * 0.9)
        best = sorted(order, key=lambda sid: order[sid], reverse=True)[:limit]
        return [s for sid in best if (s := self.section(sid)) is not None]

    def _complete_last_word(self, partial: str) -> str:
        """While typing, the last word is usually unfinished: "who is medin" -> "who is medinsky"."""
        said = normalize(partial).split()
        known = self.analyzer.known_words
        if not said or partial[-1:].isspace() or said[-1] in known or len(said[-1]) < 3:
            return partial
        stub = said[-1]
        completion = next((w for w in sorted(known) if w.startswith(stub)), stub)
        return " ".join([*said[:-1], completion])


# Question words that ask a question of their own, as terms ("how many" is "how", "what time" one word): "what" is not
# kept as a term, so a follow-up opening "what about" never counts as asking its own.
_OWN_QUESTION = frozenset({"who", "when", "why", "how", "which", "what_time"})
IN_SHORT = "in_short"  # a feature no fit uses: the reading left out a word asking for the overview (`_in_short`)
_WHAT_WAS_IT = re.compile(r"^\W*what(?:['\u2019]?s|\s+(?:was|is))\s+(?:it|that|this)(?:\s+(?:exactly|again|all\s+about|about))?\W*$",
                          re.IGNORECASE)
_DATE_ONLY = frozenset({"date", "day", "time", "when", "what_time"})  # what a clause asking only "the date?" says
RULED_OUT = "ruled_out"  # a feature no fit uses: a rule turned the reading down (however low it was already)
BARE_STANCE = "bare_stance"  # a feature no fit uses: the message asks nothing but a party's word on what was discussed
# A feature no fit uses: a short question read alone, lifted by the conversation, which says what it leaves out
# ("out of how many?" after the drones Ukraine shot down): the conversation's question goes on (`BriefService`).
FILLED_IN = "filled_in"


def _line_of(pasted: Paste) -> re.Pattern[str] | None:
    """A paste's longest part between gaps as a pattern finding it word for word, whatever the punctuation between
    its words; None under three words (fewer say too little to be the articles' line)."""
    said = re.findall(r"\w+", max(pasted.pieces(), key=len, default="").casefold())
    if len(said) < 3:
        return None
    return re.compile(r"\b" + r"\W+".join(map(re.escape, said)) + r"\b", re.IGNORECASE)


def _ruled(match: Match) -> Match:
    """`match` turned down by a rule: never surer than 0.25, and marked, so that no later step that lifts a short
    follow-up on the topic ("out of how many?") lifts it again when its own probability was lower still."""
    return replace(match, confidence=min(match.confidence, 0.25), features={**match.features, RULED_OUT: 1.0})


@lru_cache(maxsize=4096)
def _stems_in(term: str) -> frozenset[str]:
    """The stems of a phrase's content words: "carried_out" asked of a fact that says "carried it out"."""
    return frozenset(stem(part) for part in term.split("_") if part not in STOPWORDS and len(part) > 1)


def _words_in(term: str) -> int:
    """How many words a term stands for: "negotiator_in_chief", an alias joined into one term, asks as much as
    its two content words would ("negotiator", "chief"), not as much as one."""
    if "_" not in term:
        return 1
    return max(1, sum(1 for part in term.split("_") if part not in STOPWORDS and not part.isdigit() and len(part) > 1))


_HOW_MANY = re.compile(r"\bhow\s+(?:many|much)\s+((?:\w+\s+){0,2}\w+)")  # group 1: the words counted
_BE = frozenset({"is", "are", "was", "were"})  # "how much were they worth?": nothing after it is counted
_NOT_COUNTED = _BE | {"did", "does", "do", "has", "have", "had", "will", "would"}  # "how much did it cost?"

# "how many of those were civilians?", "how much of that": a part of what was just counted.
_PART_OF = re.compile(r"\bhow\s+(?:many|much)\s+of\s+(?:those|these|them|that|this|the\s+\w+)\b", re.IGNORECASE)

# "that round", "those talks", "that one", "back then": the occasion the previous turn was about.
_BARE_OUTCOME = re.compile(r"^\W*(?:(?:and|so|ok|okay)\W+)?(?:the\s+)?(?:results?|outcomes?|conclusions?)\W*$",
                           re.IGNORECASE)
_THAT_OCCASION = re.compile(r"\b(?:that|those)\s+(?:one|round|rounds|meeting|meetings|talks?|session|summit|time|"
                            r"negotiations?)\b|\bback\s+then\b", re.IGNORECASE)

# Words setting something aside: "besides the swap", "apart from prisoners", "except for Medinsky".
_SET_ASIDE = (r"besides|apart\s+from|aside\s+from|other\s+than|except(?:\s+for)?|in\s+addition\s+to|instead\s+of|"
              r"rather\s+than")
_INSTEAD = re.compile(r"\b(?:instead\s+of|rather\s+than)\b", re.IGNORECASE)
# "who else was there?", "what other region besides sumy?", "anything else he wanted?": the same kind of answer as
# the one just shown, but not it. Not "the other side" or "each other" (a party, not more of the same).
_ELSE = re.compile(r"\b(?:else|" + _SET_ASIDE + r"|"
                   r"(?<!\bthe\s)(?<!\beach\s)(?:other|another)\b(?!\s+(?:side|way|party|one)\b))\b", re.IGNORECASE)

# "besides the prisoner swap", "apart from prisoners", "other than the US figure": what follows (a few words, up to
# a comma, a question word or a verb) is set aside, not asked.
_BESIDES = re.compile(r"\b(?:" + _SET_ASIDE + r")\s+"
                      r"((?:(?!(?:who|whom|whose|what|which|when|where|why|how|did|do|does|is|are|was|were|has|have|had|"
                      r"said|say|says|can|could|will|would)\b)[\w'-]+\s*){1,4})", re.IGNORECASE)


# Asking how a claim is known, not the claim: "how do we know …", "any proof …", "is there evidence …".
_ASKS_EVIDENCE = re.compile(r"\bhow\s+(?:do|can|would|could)\s+(?:we|you|they|i|anyone|people)\s+(?:really\s+|even\s+"
                            r"|actually\s+)?(?:know|tell|be\s+sure|verify|check)\b|\b(?:proof|evidence|proven|"
                            r"verif(?:y|ied|iable|ication)|independently)\b", re.IGNORECASE)


def _besides(text: str) -> tuple[str, str] | None:
    """The message without what it sets aside ("besides prisoners, what did they agree?" -> "what did they
    agree?"), and what it sets aside ("prisoners"); None when it sets nothing aside."""
    found = _BESIDES.search(text)
    if found is None:
        return None
    rest = f"{text[:found.start()]} {text[found.end():]}".strip(" ,;:")
    return (rest, found.group(1).strip()) if rest else None


# Verbs that ask nothing of their own beside "else": "what other demands did they make?" asks the demands again.
_LIGHT_VERBS = frozenset({"make", "made", "do", "did", "have", "had", "get", "got", "give", "gave", "put", "be"})

# "this time", "this round", "in round two", "the latest talks": the brief's own talks, as against an earlier
# occasion. Not "what's the latest on the fighting?": the latest news of it, whichever occasion a fact compares with.
_THIS_TIME = re.compile(r"\b(?:this|these)\s+(?:time|round)\b|\bround\s+(?:2|two)\b|\bsecond\s+round\b|"
                        r"\b(?:latest|newest)\b(?!\s+(?:on|with|about|in|news|updates?)\b|\s*(?:[?.!,;:]|$))",
                        re.IGNORECASE)

# "the other side", "the other side's view": the other of the two sides (group 1: the possessive).
_OTHER_SIDE = re.compile(r"\bthe\s+other\s+(?:side|party|camp|team|delegation)('s|’s)?", re.IGNORECASE)

# "the other way round", "vice versa": the previous question with its sides swapped.
_REVERSE = re.compile(r"\b(?:other\s+way\s+a?round|vice\s+versa|the\s+reverse)\b", re.IGNORECASE)

# "where did he post/say/write it": asks where it was published, not a place.
_MEDIUM_VERBS = frozenset({"post", "posted", "posts", "say", "said", "says", "write", "wrote", "written", "tweet",
                           "tweeted", "announce", "announced", "publish", "published", "share", "shared"})

# "where did zelensky set out his demands?": where he published them (a social media post), like "where did he post it"
_SETS_OUT = re.compile(r"\b(?:set|sets|put|puts|lay|lays|laid|spell|spells|spelled|spelt)\s+out\b")

# Punctuation that closes a clause: what follows it is a sentence of its own ("umerov - what did he say?").
_CLAUSE_MARK = re.compile(r"[,;:.!?\-–—]")

# A name right after one of these is not the subject of what follows: "a meeting with Putin", "about Umerov".
_PREPOSITIONS = frozenset({"with", "about", "to", "on", "of", "for", "from", "by", "against", "between", "and"})

# A question about what is still to come: "when will it happen?", "when would they meet?", "when r they gonna".
_FUTURE = frozenset({"will", "would", "gonna", "ll", "shall", "upcoming"})

# "will it be in istanbul again?", "will they meet in ankara next time?": where something is, asked as a yes or no
_HELD_IN = re.compile(r"\b(?:be|held|happen|take\s+place|meet|go|come)\s+(?:again\s+|back\s+)?(?:in|at|to)\s+(?:the\s+)?[a-z]",
                      re.IGNORECASE)
# "which city", "what venue": a place asked by its name (`_wants` leaves these to the entity cards).
_WHICH_PLACE = re.compile(r"\b(?:which|what)\s+(?:city|town|country|venue|place|location)\b", re.IGNORECASE)

# A fact telling of something still to come: "will", "proposed holding more talks", "the next stage". Not a future
# reported in the past ("Zelensky said on Sunday that Umerov would meet Russian officials"): that was the talks.
_TO_COME = re.compile(r"\b(?:will|shall|next|plan(?:s|ned)?|propos\w*|upcoming|another|future|later|end\s+of)\b",
                      re.IGNORECASE)


# Whether something happened when it should have: "did the talks start on time?", "is it true they began right on
# schedule?", "were they late?"; and a fact answering it by saying it did not
_ASKS_IF_ON_TIME = re.compile(r"^(?:(?:is|was)\s+it\s+true\s+(?:that\s+)?|(?:did|do|does|was|were|is|are|has|have)\b)"
                              r".*\b(?:on\s+(?:time|schedule)|punctual\w*|late|delayed)\b")
_ASKS_SCHEDULE = re.compile(r"\b(?:scheduled?|supposed\s+to|meant\s+to|planned|due\s+to)\b")
_SAYS_LATE = re.compile(r"\b(?:later?|delay\w*|behind\s+schedule)\b", re.IGNORECASE)


# Events still to come, named so: "the new swap", "the next round", "the third round of talks"
_UPCOMING = re.compile(r"\b(?:new|next|third|upcoming|coming|future)\s+(?:prisoner\s+|pow\s+)?"
                       r"(?:swap|swaps|exchange|exchanges|round|rounds|talks|meeting)\b")
_PAST = frozenset({"was", "were", "did", "had", "has", "have"})


def _points_at_person(text: str) -> bool:
    """Whether `text` points at a person named elsewhere: "he", "his", "that guy"."""
    said = normalize(text)
    return not PERSONAL.isdisjoint(said.split()) or _THAT_PERSON_WORDS.search(said) is not None


def _still_to_come(said: list[str]) -> bool:
    """A question in the future tense ("when will it happen?"), not reported speech ("who told reporters when the
    talks would begin": what they said then)."""
    at = next((i for i, w in enumerate(said) if w in _FUTURE), None)
    when = said.index("when") if "when" in said[:3] else -1
    verb = when + 2 if said[when + 1:when + 2] == ["exactly"] else when + 1
    if at is None and when >= 0 and said[when - 1:when] != ["since"] and said[verb:verb + 1] in (["are"], ["is"]) \
            and any(w.endswith("ing") and w != "being" for w in said[verb + 1:]):
        return True  # "so when are they meeting?", "when is it happening": the present for what is planned
    if at is None and _UPCOMING.search(" ".join(said)) and not any(w in _PAST or w.endswith("ed") for w in said):
        return True  # "what's the date for the new swap?": an event still to come, asked of in no tense
    # "tell me when it will happen": the reader's own request, not what someone reported
    told = next((i + 2 for i in range(min(3, len(said) - 1)) if said[i] == "tell" and said[i + 1] in ("me", "us")), 0)
    return at is not None and (_SAYING | _REPORTING).isdisjoint(said[told:at])


# Verbs reporting what someone said or decided, as a question asks them: "when did zelensky confirm umerov would go?"
_REPORTING = frozenset({"tell", "told", "say", "confirm", "announce", "promise", "claim", "warn", "insist", "agree",
                        "decide", "declare", "report", "state", "expect", "predict", "suggest", "propose"})


# Someone's word on what was just discussed: "what did putin say about it?", "did he respond to that?"
_WORD_ON_IT = re.compile(r"\b(?:say|said|says|think|thinks|thought|react|reacted|respond|responded|reply|replied|"
                         r"comment|commented)\b(?:\s+\w+){0,3}?\s+(?:(?:about|on|of)\s+(?:it|that|this|those|them)|"
                         r"to\s+(?:it|that|this|those))\W*$")  # "say to them": what they were told, not a reaction
# The verb a swap asks again of its new party ("and what does zelensky say?"): the previous question's own
_SWAPPED_VERBS = frozenset({"say", "demands", "claim"})
# Words for someone's stance ("view", "response", "answer", "reaction", "take on"): as analysed terms.
_STANCE = frozenset({"regards", "respons", "react", "reaction", "opinion", "feel", "repli", "verdict", "take"})

# Words asking a party's stance on what was just discussed, as typed: "what's moscow's excuse", "does the kremlin
# accept that", "how does kyiv read that".
_STANCE_WORDS = frozenset({"excuse", "excuses", "line", "take", "view", "views", "response", "respond", "reaction",
                           "react", "answer", "accept", "accepts", "accepted", "reject", "rejects", "read", "see",
                           "sees", "think", "thinks", "justify", "justification", "explanation", "position", "stance",
                           "against", "opinion", "agree", "agrees", "disagree", "disagrees", "version"})
# An amount of money asked ("what dollar value", "the $ figure", "how much money", "what did they cost"), and one given
_MONEY = re.compile(r"\$|€|£|\b(?:dollars?|money|euros?|pounds|bucks|cost|costs|costly|worth|price|priced|value|"
                    r"valued)\b", re.IGNORECASE)
_CURRENCY = re.compile(r"[$€£]|\b(?:dollars?|euros?|pounds)\b", re.IGNORECASE)
_WANT_WORDS = frozenset({"want", "wants", "wanted", "demand", "demands", "demanded", "hope", "hopes", "believe"})
# "what did the kremlin say to that?": a word of saying asks their stance only when the message asks nothing more
_REACTING = frozenset({"react", "reacted", "reacts", "reacting", "reaction", "reactions", "respond", "responded",
                       "responds", "response", "reply", "replied", "replies"})
_BOTH_SIDES = frozenset({"russia", "ukraine"})
_ANSWERING_WORDS = frozenset({"accept", "accepts", "accepted", "reject", "rejects", "agree", "agrees", "disagree",
                              "disagrees", "react", "reaction", "respond", "response", "justify", "justification",
                              "excuse", "excuses", "explanation"})
_SAY_WORDS = frozenset({"say", "says", "said", "saying", "call", "calls", "called", "describe", "describes", "described"})

# "… about the size of texas?": a size compared with a place named last (not "the size of what?")
_CLAIMED_SIZE = re.compile(r"\bsize\s+of\s+(?!what\b|which\b)(?:the\s+)?(?:us\s+state\s+of\s+)?[a-z]+(?:\s+[a-z]+)?"
                           r"\W*$", re.IGNORECASE)
_TIME_WORD = re.compile(r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
                        r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
# "… back in april?", "… on tuesday?", "… in 2021?": a time claimed at the end of a yes/no question
_CLAIMED_TIME = re.compile(r"\s+(?:back\s+)?(?:in|on|during)\s+(?:a\s+|the\s+)?(?:early\s+|late\s+|mid\s+)?"
                           r"(?:january|february|march|april|may|june|july|august|september|october|november|"
                           r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:19|20)\d\d)"
                           r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:\s+(?:morning|afternoon|evening|night))?"
                           r"(?:,?\s+(?:right|correct|true|or\s+not|yes|no|(?:is|was|did)n['’]?t\s+(?:it|they|he|she)))?"
                           r"\W*$", re.IGNORECASE)
# A negated yes/no opening checks a claim as the plain one does: "isn't he the foreign minister?"
_NEGATED = {"isnt": "is", "wasnt": "was", "arent": "are", "werent": "were", "didnt": "did", "doesnt": "does",
            "dont": "do"}
# "… held in Ankara?", "… meet at Geneva?": a place claimed at the end of a yes/no question (group 1).
_CLAIMED_PLACE = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?([\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\W*$")
# What a card says who or what it is: not a country's (the card of a side tells what its people did, and a bare
# "russia?" asks more than that), nor an event's or an operation's (their topics tell them, not a card).
_ASKED_WHO_OR_WHAT = frozenset({EntityKind.person, EntityKind.organisation, EntityKind.place})
# Words that open a message without asking anything: "wait, is umerov the foreign minister?"
_INTERJECTIONS = frozenset({"wait", "so", "ok", "okay", "hmm", "hm", "oh", "um", "uh", "hey", "lol", "sorry", "quick",
                            "q", "question", "btw", "ah", "well", "but", "and", "also", "yo"})
_LEADING_INTERJECTIONS = re.compile(rf"^\W*(?:(?:{'|'.join(sorted(_INTERJECTIONS))})\b\W*)+", re.IGNORECASE)
# Words for an office someone holds: "is Medinsky Russia's defence minister?", "was Kalin the president's aide?"
# (Not a military rank: "is Kellogg a retired general?" asks a career the brief does not go into.)
_OFFICE_WORDS = frozenset({"minister", "president", "chief", "head", "envoy", "aide", "spokesperson", "spokesman",
                           "ambassador", "adviser", "advisor", "leader", "secretary", "chancellor", "negotiator",
                           "director", "spymaster", "premier", "pm"})

# Words that name the kind of fact asked for, and nothing it is about: "what day", "which year", "what number".
_KIND_NOUNS = frozenset({"day", "date", "time", "year", "month", "hour", "number", "figure", "count", "name"})

# "that far", "this long": a degree, not something pointed at.
_DEGREE = frozenset({"far", "long", "much", "many", "big", "bad", "good", "high", "low", "late", "early", "old",
                     "large", "small", "soon", "often", "quickly", "fast", "deep", "close", "serious", "important"})


def _points_at_a_thing(question: str) -> bool:
    """ "what did the kremlin say to that", "does russia go for that meeting": a demonstrative pointing at what the
    previous turn discussed; not "that far" or "this long"."""
    said = normalize(question).split()
    return any(w in THINGS and not (i + 1 < len(said) and said[i + 1] in _DEGREE) for i, w in enumerate(said))


# "the names of…", and "which regions exactly?", "list them": the members asked for one by one, by name.
# "which four regions?", "which 2 regions": which ones of a count a fact gives (the count is group 1)
_WHICH_COUNT_SOURCE = r"\bwhich\s+(\d+|two|three|four|five|six|seven|eight|nine|ten)"
# "which regions are those four?", "which are the four?": the same, the count after the noun
_WHICH_ARE_COUNT = r"\bwhich\s+(?:[a-z]+s\s+)?(?:are|were|r)\s+(?:those|these|the)\s+(\d+|two|three|four|five|six|seven|" \
                   r"eight|nine|ten)\b"
_NAME_REQUEST = re.compile(r"\b(?:names?|titles?)\b|\bwhich\b.*\b(?:exactly|exact|precisely|specifically)\b|"
                           + _WHICH_COUNT_SOURCE + r"\s+[a-z]+s\b|" + _WHICH_ARE_COUNT + "|"
                           r"\blist\s+(?:them|those|these)\b|"
                           r"\bwhat(?:'s|’s|\s+is|\s+are|\s+was|\s+were|\s+r)\s+(?:\S+\s+){0,4}?called\W*$",
                           re.IGNORECASE)
# "what are they called?", "what are those four regions called?", "what was the drone op called": a name asked for
_CALLED = re.compile(r"\bwhat(?:'s|’s|\s+is|\s+are|\s+was|\s+were|\s+r)\s+(?:\S+\s+){0,4}?called\W*$",
                     re.IGNORECASE)
# "the name of the palace", "name of operation": what is asked the name of (its first two words)
_NAME_OF = re.compile(r"\bname\s+of\s+(?:the\s+|that\s+|this\s+)?(\w+(?:\s+\w+)?)")
_NAME_OF_OWNER = re.compile(r"\bname\s+of\s+(?:the\s+)?(\w+)['’]s\b", re.IGNORECASE)
_NAME_WORDS = frozenset({"name", "names", "title", "exact", "exactly", "specific", "specifically", "pls", "please",
                         "called"})
# Words for someone whose name a name request asks: "the name of the head of that service", "their boss's name".
_PERSON_ROLES = frozenset({"guy", "man", "woman", "person", "boss", "head", "chief", "leader", "commander", "general",
                           "director", "official", "officer", "spokesperson", "spokesman", "minister", "envoy"})
# "what did Kalin say", "what has the Kremlin said about …": group 1 is who is asked about.
_ACCORDING_TO = re.compile(r"according\s+to\s+([^,.;:]+)", re.IGNORECASE)
# Passing on a claim: group "who" makes it, group "claim" is what they say (a normalised message)
_HEARSAY = re.compile(r"(?P<who>(?:\w+\s+){1,4}?)(?:says|say|said|claims|claimed|reckons|insists|swears|thinks|"
                      r"told\s+me|tells\s+me|told\s+us|keeps\s+saying|is\s+saying|was\s+saying)\s+(?:that\s+)?"
                      r"(?P<claim>.+)")
_ASKING = frozenset({"what", "who", "when", "where", "why", "how", "which", "did", "does", "do", "has", "have",
                     "had", "is", "was", "will", "would", "can", "could"})
_ARITHMETIC = re.compile(r"\b\d+(?:\.\d+)?(?:\s*[+*×÷^=]\s*|\s+(?:/|x|plus|minus|times|divided\s+by)\s+)"
                         r"\d+(?:\.\d+)?\b", re.IGNORECASE)
# "what does ukraine want", "when do the russians want to meet": group 1 is the side that wants
_ASKS_THE_DOER = re.compile(r"^\W*who\s+(?:has\s+|have\s+|had\s+|first\s+|also\s+)?(?!(?:is|was|are|were|did|does|do|"
                            r"will|would|can|could|should|else|s|'s|has|have|had|the|a|an|of|in|on|from|at)\b)"
                            r"[a-z]+(?:ed|s)\b")
_WANTS_SIDE = re.compile(r"\b(?:does|do|did|would|will)\s+((?:the\s+)?[\w']+)\s+(?:really\s+|actually\s+)?(?:want|wants|"
                         r"demand|demands|ask\s+for|seek|need|insist\s+on)\b", re.IGNORECASE)
# How late something was, as a question, and as a fact ("nearly two hours later than scheduled")
_HOW_LATE = re.compile(r"\bhow\s+(?:much\s+)?late\b|\bhow\s+much\s+(?:of\s+a\s+)?(?:delay|later)\b|\bhow\s+(?:long|big|much)\s+"
                       r"(?:was\s+|were\s+|of\s+)?(?:the\s+|a\s+)?delay\b|\bby\s+(?:\w+\s+)?how\s+(?:much|long)\b|\bhow\s+delayed\b|"
                       r"\bhow\s+long\s+(?:\w+\s+){1,5}?(?:delayed|postponed|held\s+up)\b|\bhow\s+far\s+behind\b",
                       re.IGNORECASE)
_LATE_BY = re.compile(r"\b(?:\d+|an?|one|two|three|four|five|six|several|few)\s+(?:hours?|minutes?|days?)\s+"
                      r"(?:late|later|behind)\b", re.IGNORECASE)
_VERIFYING = EVIDENCE | {"confirm", "confirmed", "confirmation", "true", "accurate", "real"}  # whether it holds
_WHO = frozenset({"who", "whom", "whose", "which"})
_WH = frozenset({"what", "who", "when", "where", "why", "how", "which"})
_NO_CLAIM = _ASKING | {"something", "anything", "nothing", "about", "on", "of", "to", "so", "this", "it"}
_SAY_REQUEST = re.compile(r"\b(?:did|does|do|has|have|had|will|would|is|was)\s+(.{2,40}?)\s+(?:say|said|tell|told|"
                          r"state|stated|claim|claimed|announce|announced|comment)\b(?!\s+off\b)",
                          re.IGNORECASE)


# What a yes/no claim says besides its claim: "…, right?", "… or what", "… in person", "isn't he".
_CLAIM_TAIL = frozenset({"right", "correct", "true", "or", "not", "what", "yes", "no", "yeah", "eh", "then", "too",
                         "even", "actually", "really", "personally", "himself", "herself", "themselves", "though",
                         "tho", "lol", "isnt", "wasnt", "he", "she", "they", "in", "person", "physically", "so",
                         "ok", "nah", "huh", "also", "there", "did", "didnt", "is", "was"})
# Hedges between the verb and a description claimed: "is he just a …", "is he seen as a …".
_DESCRIPTION_HEDGES = frozenset({"just", "really", "actually", "basically", "simply", "only", "merely", "truly",
                                 "seen", "considered", "regarded", "viewed", "known", "thought", "as", "to", "be",
                                 "some", "kind", "sort", "of", "more", "like", "also", "still", "even"})
# Verbs of turning up somewhere: "did putin show up?", "did trump go to istanbul?"
_ARRIVING = frozenset({"show", "turn", "come", "go", "travel", "fly", "attend", "appear", "make", "join"})
_ARRIVED = {"showed": "show", "turned": "turn", "came": "come", "went": "go", "travelled": "travel",
            "traveled": "travel", "flew": "fly", "attended": "attend", "appeared": "appear", "joined": "join"}


def _description_claimed(rest: list[str]) -> list[str] | None:
    """The words of a description `rest` (after "is <person>") claims with an article: "a general or what", "just
    a neutral diplomat", "seen as a hardliner"; None for anything else, or an earlier career ("a retired general",
    "a former comedian")."""
    at = 0
    while at < len(rest) and rest[at] in _DESCRIPTION_HEDGES:
        at += 1
    # "a …", "an …", or "some kind of …" with no article
    kind_of = at >= 2 and rest[at - 1] == "of" and rest[at - 2] in ("kind", "sort")
    if rest[at:at + 1] in (["a"], ["an"]):
        at += 1
    elif not kind_of:
        return None
    if not _PAST_CAREER.isdisjoint(rest):
        return None
    described = [w for w in rest[at:] if w not in _CLAIM_TAIL and w not in STOPWORDS]
    return described or None


# Words that put a description in someone's past career, which the articles never go into.
_PAST_CAREER = frozenset({"retired", "former", "ex", "before", "previously", "once", "formerly", "used"})


_FOR_IT = frozenset({"the", "for", "during", "this", "that", "it", "them"})


def _claims_presence(rest: list[str], verb: str, present_at: Callable[[str], bool]) -> bool:
    """Whether `rest` (after "<verb> <person>") claims they were at the event: "there", "present", "at the talks",
    "in istanbul", or with "did", a verb of turning up ("show up", "go to istanbul")."""
    if verb in ("did", "didnt"):
        if not rest or rest[0] not in _ARRIVING:
            return False
        rest = [w for w in rest[1:] if w not in ("up", "to", "the", "it", "over", "out", "in") and w not in _FOR_IT]
        return all(w in _CLAIM_TAIL or present_at(w) for w in rest)
    if verb not in ("was", "were", "wasnt", "werent"):
        return False
    if rest[:1] in (["there"], ["present"]):
        return all(w in _CLAIM_TAIL or w == "present" for w in rest[1:])
    if rest[:1] in (["at"], ["in"]) and len(rest) > 1:
        # "was trump in istanbul for this?": what they would have been there for is the event itself
        place = [w for w in rest[1:] if w not in _CLAIM_TAIL and w not in _FOR_IT]
        return bool(place) and all(present_at(w) for w in place) and rest[1:2] != ["person"]
    return False


def _asks_a_name(text: str) -> bool:
    """Whether `text` asks for names (`_NAME_REQUEST`). A plain text can match only if it has one of the pattern's
    words, which a substring test finds at once; the pattern itself tries every "which" of a long message against
    the rest of it (about 30 µs at 500 characters, once per reading). Other texts go to the pattern as they are
    (its case-blind match also reads a few non-ASCII letters as ASCII ones)."""
    if text.isascii():
        low = text.lower()
        if not ("name" in low or "title" in low or "list" in low or "called" in low or (
                "which" in low and ("exact" in low or "precisely" in low or "specifically" in low
                                    or _WHICH_COUNT.search(low) is not None))):
            return False
    return _NAME_REQUEST.search(text) is not None


def _asks_names(text: str) -> bool:
    """Whether `text` asks for names: not "who handed over the names?", where who did it is asked and the names are
    what they handed over."""
    return _asks_a_name(text) and not (_ASKS_THE_DOER.match(text) and _THE_NAMES.search(text))


_WHICH_COUNT = re.compile(_WHICH_COUNT_SOURCE + r"\s|" + _WHICH_ARE_COUNT)
# "who handed that over?", "who wrote it?": who did to what was just shown the thing it says was done to it
_WHO_DID_THAT = re.compile(r"^\W*(?:and\s+|so\s+|but\s+)?(?:who|whom)\s+(?:actually\s+)?"
                           r"(\w+ed|wrote|sent|made|gave|brought|drew|built|took|put)\s+"
                           r"(?:that|it|this|them|those)(?:\s+(?:over|up|out|in))?\W*$", re.IGNORECASE)
# "what does putin mean by …": what a word is meant to say
_MEANT_BY = re.compile(r"\bmean\w*\s+by\b", re.IGNORECASE)
# "against who?", "with whom?": what the fact just shown did something against, with, to (its object)
_BARE_OBJECT = re.compile(r"^\W*(?:and\s+|but\s+)?(against|with|to|toward|towards|from|for|by)\s+(?:who|whom|what)\W*$",
                          re.IGNORECASE)
# "his boss", "her boss's": the person the one just discussed works for
_BOSS = re.compile(r"\b(?:his|her|their|the)\s+(?:boss|bosses|superior|employer)\b('s|’s)?", re.IGNORECASE)
_WORKS_FOR = re.compile(r"\b([A-Z][a-z]+)(?:'s\b|\s+aide\b)")
# A label or title asked for, which a leading fact gives in quotation marks
_A_TITLE = re.compile(r"\b(?:title|label|nickname|slogan|phrase|term)\b", re.IGNORECASE)
_QUOTED_WORDS = re.compile(r"[\"“][^\"“”]{3,60}[\"”]")
_THE_NAMES = re.compile(r"\b(?:the|a|those|these|their|its)\s+(?:list\s+of\s+)?names\b", re.IGNORECASE)
_SAY_VERBS = ("say", "said", "tell", "told", "state", "claim", "announce", "comment")  # `_SAY_REQUEST`'s verbs


# A gap the reader leaves for the answer: "the '____ in chief'", "negotiator in...?", "'… in chief'".
_BLANK = re.compile(r"_{2,}|\.{2,}|…")
_BLANK_SIDE = 3  # words either side of the gap that must be said together


def _blank(text: str) -> str | None:
    """The words next to a gap left for the answer in `text` (up to three, within the phrase the gap opens or
    closes), as one normalised phrase padded with spaces: " in chief " of "the '____ in chief'"; None without such
    a gap or with one word only."""
    found = _BLANK.search(text)
    if found is None:
        return None
    before = re.split(r"[\"'“”‘’,;:?!()\[\]<>]", text[:found.start()])[-1].split()[-_BLANK_SIDE:]
    after = re.split(r"[\"'“”‘’,;:?!()\[\]<>]", text[found.end():])[0].split()[:_BLANK_SIDE]
    before, after = normalize(" ".join(before)), normalize(" ".join(after))
    if before and after:
        return None  # words on both sides: an elision in a quote ("on the ground... in close coordination")
    side = after or before
    return f" {side} " if len(side.split()) >= 2 else None


# Words in quotes: "…", “…”, '…', ‘…’ (a single quote only where no letter touches it outside: not "Russia's").
_QUOTED = re.compile(r"[\"“”]([^\"“”\n]{3,120})[\"“”]|(?<!\w)['‘’]([^'‘’\n]{3,120})['‘’](?!\w)")


def _quoted(text: str) -> list[str]:
    """The phrases `text` puts in quotes, normalised and padded with spaces, that say enough to be found in one fact:
    two words of which one is not a stopword, or more."""
    if "'" not in text and '"' not in text and not any(q in text for q in "“”‘’"):
        return []
    found = []
    for match in _QUOTED.finditer(text):
        said = normalize(match.group(1) or match.group(2)).split()
        if len(said) >= 3 or (len(said) == 2 and not STOPWORDS.issuperset(said)):
            found.append(f" {' '.join(said)} ")
    return found


def _say_request(text: str) -> re.Match[str] | None:
    """`_SAY_REQUEST.search(text)`, without running the pattern over a plain text that has none of its verbs: it
    tries every "is" and "was" of a long message (about 40 µs at 500 characters, once per reading)."""
    if text.isascii():
        low = text.lower()
        if not any(verb in low for verb in _SAY_VERBS):
            return None
    return _SAY_REQUEST.search(text)


_SAYING = frozenset({"said", "say", "says", "told", "tells", "stated", "according", "announced", "claimed", "claims",
                     "insisted", "insists", "warned", "warns", "urged", "called", "described", "asked", "accused",
                     "added", "noted", "wrote", "posted", "declared", "promised", "suggested", "threatened",
                     "demanded", "proposed", "confirmed", "denied", "dismissed", "blamed", "complained", "urging",
                     "saying", "telling", "spoke", "speaking", "quoted", "reported", "acknowledged", "admitted", "post", "posted", "set"})
# What someone put in words without "said", which answers "what has Medinsky said about Ukraine?" ("Medinsky has
# questioned Ukraine's right to exist"), though it is no stance on what was just discussed.
_EXPRESSING = frozenset({"questioned", "questions", "questioning", "argued", "argues", "criticised", "criticized",
                         "praised", "branded", "labelled", "labeled"})
_COPULA = frozenset({"is", "was", "are", "were"})
_TOKEN = re.compile(r"[\w'’-]+")
_CALENDAR = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                       "february", "march", "april", "may", "june", "july", "august", "september", "october",
                       "november", "december", "german", "germans", "british", "french", "european", "europeans",
                       "western", "soviet", "russian", "russians", "ukrainian", "ukrainians", "turkish", "american",
                       "americans", "chinese", "polish", "belarusian", "nato"})
# A card says what someone said with any of these (it is all about them): "Cited a source … saying …"; in a fact,
# "cited by RIA Novosti" tells nothing the one next to it said.
_CARD_SAYING = _SAYING | {"cited", "cites", "citing"}

_SELF_CORRECTION = re.compile(r"\b(?:sorry|no\s+wait|i\s+mean|i\s+meant|scratch\s+that|correction)\b[\s,:;.!-]*",
                              re.IGNORECASE)
_BARE_SORT = re.compile(r"\W*(?:and\s+)?(?:what|which)\s+(?:sort|sorts|kind|kinds|type|types)\s+of\s+\w+\W*$",
                        re.IGNORECASE)
_ASKS_AT_START = re.compile(r"\W*(?:but\s+|so\s+)?(?:who|what|whats|when|where|why|how|which|did|does|do|is|was|were|"
                            r"has|have|will|can|could)\b", re.IGNORECASE)
_POSSESSIVE_NAME = re.compile(r"\w(?:'s|’s)\s+\w")
_CLAUSE_START = re.compile(
    r"(?:[,:;(—–-]\s*(?:(?:but|so|anyway|though)\s+)?(?=(?:who|what|when|where|why|how|which|did|does|do|is|was|"
    r"were|has|have|will|can|could|wtf|wth|"
    r"whats|whos|hows)\b)"
    r"|\b(?=(?:who|what|when|where|why|how)\b))", re.IGNORECASE)


# A question asked for someone, or wondered about: "my dad asks which palace hosted the talks", "my grandad wants
# to know whether they discussed the children", "no idea if anyone was there from turkey". After a verb of asking
# or knowing, "which", "whose", "whether" and "if" start the question itself (elsewhere "which" is mostly relative:
# "the palace which hosted the talks").
_ASKED_FOR = re.compile(
    r"\b(?:asks?|asked|asking|know|knows|wonders?|wondered|wondering|curious|idea|clue|sure|understand|explain|"
    r"find\s+out|figure\s+out|check|confirm|tell\s+(?:me|us|him|her|them))\s+(?=(?:which|whose|whether|if)\b)",
    re.IGNORECASE)


def _alternatives(sentence: str) -> list[str]:
    """ "did the delegations sit together or facing each other?": each alternative asked on its own; the second with
    the first's opening, up to the word it replaces ("did the delegations sit facing each other?") or as many words
    as it has ("did zelensky say that in a speech or on social media?": "did zelensky say that on social media?")."""
    said = sentence.strip().rstrip("?!. ").split()
    if not said or said[0].lower() not in YES_NO:
        return []
    at = [i for i, w in enumerate(said) if w.lower() == "or"]
    if len(at) != 1:
        return []
    left, right = said[:at[0]], said[at[0] + 1:]
    if left and left[-1].endswith(","):
        left = [*left[:-1], left[-1].rstrip(",")]
    if len(left) < 2 or not right or all(w.lower() in STOPWORDS or w.lower() in _CLAIM_TAIL for w in right):
        return []  # "… or not?", "… or what?": no alternative
    if {left[-1].lower(), right[0].lower()} == {"before", "after"}:
        return []  # "was the drone attack before or after the talks?": which came first, asked whole
    found = [" ".join(left) + "?"]
    for k in (len(left) - 1, len(left) - len(right)):
        if 1 <= k < len(left) and (alternative := " ".join([*left[:k], *right]) + "?") not in found:
            found.append(alternative)
    return found


def _clauses(sentence: str) -> list[str]:
    """The sentence's tails that start at a question word: the question inside a long, chatty sentence."""
    asked_for = [m.end() for m in _ASKED_FOR.finditer(sentence)]
    # "for my class: who led ukraine's team?", "quick q: when was it?": a short preamble, a colon, the question
    introduced = [m.end() for m in _COLON_QUESTION.finditer(sentence)]
    if len(sentence.split()) <= 8 and not asked_for and not introduced and not _SELF_CORRECTION.search(sentence):
        return []
    # "what does russia mean by the nazi vacation thing sorry de nazification …": the words a speaker corrects to
    corrected = [m.end() for m in _SELF_CORRECTION.finditer(sentence)]
    # "did anyone die when the drones hit the airbases?": after a yes/no question, "when" only says when it is asked of
    yes_no = _YES_NO_OPENING.match(sentence) is not None
    # "how much does a night cost at the palace hotel where they met?": after a question, "where" or "when" straight
    # after a word of it says which one (the hotel where they met), asking nothing of its own; not after a verb of
    # telling ("who told the press when the talks would start?" asks that too)
    asking = _ASKS_AT_START.match(sentence) is not None

    def relative(at: int) -> bool:
        before = sentence[:at].rstrip()
        return before[-1:].isalnum() and _TOLD.isdisjoint(words(before))

    starts = sorted({*(m.start() for m in _CLAUSE_START.finditer(sentence)
                       if m.start() > 0 and not ((yes_no or asking and relative(m.start()))
                                                 and _CONJUNCTION.match(sentence, m.start()))),
                     *asked_for, *introduced, *corrected})
    tails = [sentence[start:].lstrip(",:;(—–- ") for start in starts]
    return [tail for tail in tails if len(tail.split()) >= 2][-3:]


_YES_NO_OPENING = re.compile(r"^\W*(?:(?:so|and|but|ok|okay|wait)\W+)?(?:did|does|do|is|was|were|are|has|have|had|will|"
                             r"would|can|could)\s+\w+", re.IGNORECASE)
_CONJUNCTION = re.compile(r"(?:when|where)\b", re.IGNORECASE)
_TOLD = _SAYING | {"tell", "told", "say", "ask", "asked", "asks", "know", "knows", "knew", "explain", "explained"}
_COLON_QUESTION = re.compile(r":\s+(?=(?:who|what|when|where|why|how|which|whose|did|does|do|is|was|were|are|has|"
                             r"have|will|would|can|could)\b)", re.IGNORECASE)
_WHAT_ABOUT_TAIL = re.compile(r"[,;:—–-]\s*((?:and\s+)?(?:what|how)\s+about\b.+)$", re.IGNORECASE)
_OR_ELSE = re.compile(r"\s+or\s+(?:\S+\s+){0,7}\S+\W*$", re.IGNORECASE)  # "… or just talk?", "… or not"
# The reader's own purpose after the question: "… so I can explain it to my class", "… for my essay", "… because I
# have to present it tomorrow"
_FOR_THE_READER = re.compile(r"\s*[,;:(—–-]?\s+(?:so\s+(?:that\s+)?(?:i|we)|for\s+(?:my|our|a|an)\s+(?:\w+\s+)?"
                             r"(?:essay|class|classes|presentation|report|paper|homework|assignment|students?|project|"
                             r"briefing|note|notes|article|blog|podcast|thesis|seminar|lesson|exam|test|grandkids|"
                             r"kids|children|son|daughter|family|friends?)|because\s+(?:i|we)|as\s+(?:i|we)\s+(?:am|"
                             r"need|have|want|must)|since\s+(?:i|we)\s+(?:am|need|have|want|must))\b",
                             re.IGNORECASE)
_AND_ANOTHER = re.compile(r"\s+(?:and|&)\s+(?=(?:who|what|when|where|why|how|which|whose|did|does|do|is|was|were|are|"
                          r"has|have|will|would|can|could)\b)", re.IGNORECASE)
_ASIDE = re.compile(r"\s*(?:[,;(]|\s[—–-]\s|\.\.\.)\s*")
_INTERROGATIVE = frozenset({"who", "what", "when", "where", "why", "how", "which", "whose"})


def _head(sentence: str) -> str:
    """The sentence's first clause when all that follows is an aside, not a second question: "who tf is keith
    kellogg" in "who tf is keith kellogg, like the cereal?"; '' when there is no such clause."""
    purpose = _FOR_THE_READER.search(sentence)
    if purpose is not None and len(sentence[:purpose.start()].split()) >= 2:
        # "explain spider's web so i can describe it to my students", "what did they agree, for my essay": what the
        # reader will do with the answer asks nothing of the brief
        return sentence[:purpose.start()]
    second = _AND_ANOTHER.search(sentence)
    if second is not None and len(sentence[:second.start()].split()) >= 3 and normalize(
            sentence[:second.start()]).split()[0] in _INTERROGATIVE | YES_NO:
        # "who is keith kellogg and why is he in the news": two questions joined by "and"; the first is asked in full
        # (the second, "why is he in the news", is its own clause reading)
        return sentence[:second.start()]
    described = _WHO_IS_THAT.match(sentence)
    if described is not None and len(described.group(1).split()) >= 2:
        # "who is the defence minister of ukraine that went to istanbul?": who the one described is; what they did
        # only says which one
        return described.group(0)[:-len(described.group(2))].rstrip()
    parts = _ASIDE.split(sentence, maxsplit=1)
    if len(parts) < 2:
        for guess in _SPOKEN_GUESS.finditer(sentence):
            # "how late did they start the talks on monday like how much of a delay", "how many drones did ukraine
            # shoot down fifty something": said, not typed, a question goes on into the speaker's guess with no comma
            head = sentence[:guess.start()]
            said = normalize(head).split()
            guessed = said[-2:] in (["is", "it"], ["was", "it"]) and len(said) > 2
            if guessed:
                # "how many square km does russia hold is it like a hundred thousand": the guess asks "is it …"
                head = re.sub(r"\s+(?:is|was)\s+it\s*$", "", head, flags=re.IGNORECASE)
                said = said[:-2]
            while said[:1] and said[0] in _INTERJECTIONS:
                said = said[1:]
            if len(said) >= 4 and (_INTERROGATIVE.intersection(said[:4]) or said[0] in YES_NO) \
                    and (guessed or said[-1] not in _LIKENED) and not _INTERROGATIVE.intersection(said[-3:]):
                return head
        # "did they hand over their memo or were they still sitting on it": a yes/no question with its other
        # answer offered after "or"; the question is what comes before it
        alternative, opening = _OR_ELSE.search(sentence), normalize(sentence).split()[:1]
        if alternative is None or not opening or opening[0] not in YES_NO | {"so"}:
            return ""
        head = sentence[:alternative.start()]
        return head if len(head.split()) >= 3 else ""
    head, tail = parts
    said = normalize(tail).split()
    opening = normalize(head).split()[:1]
    tail_opening = said[1:2] if said[:1] in (["and"], ["or"]) else said[:1]
    if len(head.split()) >= 3 and opening and opening[0] in _INTERROGATIVE and tail_opening and (
            tail_opening[0] in YES_NO or tail_opening[0] in _INTERROGATIVE):
        # "who ended up leading kyiv's team, and was it a military guy or a politician?": two questions; the
        # first is asked in full
        return head
    if len(head.split()) < 2 or _INTERROGATIVE.intersection(said) or {"and", "or"}.intersection(said[:4]):
        return ""  # a second question, or a list going on: "the british, german and french advisors"
    return head


_SPOKEN_GUESS = re.compile(r"\s+(?:like|(?:\w+\s+)?something)\b(?!\s+(?:to|that|this|it)\b)", re.IGNORECASE)
# "what is it like", "what would russia like", "what does it look like": "like" asks, it does not start a guess
_LIKENED = frozenset({"it", "is", "was", "are", "were", "be", "would", "looks", "look", "looked", "seem", "seems",
                      "feel", "feels", "felt", "sound", "sounds", "just", "things", "stuff", "russia", "ukraine",
                      "kyiv", "moscow", "they", "he", "she", "you", "we", "something", "anything"})
_THERE = re.compile(r"\bthere\b(?!\s+(?:is|are|was|were|been|be)\b)", re.IGNORECASE)
_WHO_IS_THAT = re.compile(r"\s*(?:so\s+|and\s+)?(?:who|what)(?:'s|s|\s+is|\s+was|\s+are|\s+were)\s+(.+?)\s+"
                          r"((?:that|who|which)(?:'s|s)?\s)", re.IGNORECASE)
_JOINING = frozenset({"and", "or", "but", "also", "plus", "then"})


def _goes_on_asking(sentence: str, piece: str) -> bool:
    """Whether `piece` is the tail of `sentence` after a question of its own: "which hotel" in "where did the
    russian team sleep sunday night, which hotel", not "how long did it last" in "forgetting him for a sec, how long
    did it last" (an aside before the question asks nothing), nor a second question joined to the first ("how did
    the war start and what came before it?")."""
    if len(piece) >= len(sentence) or not sentence.endswith(piece):
        return False
    said = normalize(sentence[:-len(piece)]).split()
    if said[-1:] and said[-1] in _JOINING:
        return False
    while said[:1] and said[0] in _INTERJECTIONS:
        said = said[1:]
    return len(said) >= 3 and (said[0] in _INTERROGATIVE or said[0] in YES_NO)


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """The index is tens of thousands of small tuples and dicts, none of them garbage: without this the cyclic
    collector walks the whole heap again and again while they are made, and a 64x brief builds 3x slower."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@lru_cache(maxsize=4)
def _article_terms(articles: tuple[str, ...]) -> frozenset[str]:
    """Every stem the seed articles use; cached, since a reload rarely changes the seeds."""
    return frozenset(stem(w) for text in articles for w in words(text))


# "this time", "the first time": an occasion, not a time of day.
_OCCASION = frozenset({"this", "that", "last", "next", "each", "every", "first", "second", "third", "same", "some",
                       "any", "one", "long"})


_CHECK_TAGS = (("right",), ("true",), ("correct",), ("yeah",), ("or", "nah"), ("or", "not"), ("or", "something"),
               ("is", "that", "true"), ("is", "that", "right"), ("no",), ("isnt", "it"), ("wasnt", "it"),
               ("didnt", "they"), ("didnt", "he"), ("didnt", "it"), ("wasnt", "he"), ("isnt", "he"),
               ("werent", "they"), ("arent", "they"))


_CHECK_TAG_ENDS = frozenset(tag[-1] for tag in _CHECK_TAGS)


_DATE_TERMS = frozenset(stem(w) for w in ("january", "february", "march", "april", "june", "july", "august",
                                           "september", "october", "november", "december", "monday", "tuesday",
                                           "wednesday", "thursday", "friday", "saturday", "sunday"))


# "you sure? I heard 1,200", "i've read it was 40": a sentence telling what the reader heard or read
_HEARD = re.compile(r"(?:^|[.?!,;]\s*)(?:(?:but|well|cause|because|hmm+|hm|ok|okay|oh|no|nah|wait)\W+)*"
                    r"i(?:['’]?ve|\s+have)?\s+(?:heard|read)\b", re.IGNORECASE)


def checks_a_claim(text: str) -> bool:
    """A yes/no question, a statement tagged "right?", "true?", "or something", or a statement asked as a question
    ("so they swapped 10,000 prisoners in may?"; not a search-box "start time in GMT?"), or what the reader heard or
    read ("you sure? i heard 1,200"): a claim the reader checks."""
    said = normalize(text).split()
    return bool(said) and (said[0] in YES_NO or said[0] in {"wasnt", "werent", "didnt", "isnt"}
                           or _HEARD.search(text) is not None
                           or (said[-1] in _CHECK_TAG_ENDS
                               and any(tuple(said[-len(tag):]) == tag for tag in _CHECK_TAGS))
                           or (len(said) >= 5 and text.rstrip().endswith("?") and _WH.isdisjoint(said)
                               # in English: not "kakaya pogoda v stambule?", a question in words it cannot read
                               and 2 * sum(map(is_common_word, said)) > len(said)))


# "in which part of Russia", "what region": a place inside a country. ("which city", "which country" are asked
# of names, which the entity cards answer, not of facts saying "in X".)
# Words that only say what kind of answer is asked for: "which part of Russia", "what location", "which day of the
# week". ("date", "time", "figure" stay: "what date will the new exchange happen" is not answered by Monday.)
# Words placing a question at another time than the event it names: "the Sunday before the second round".
_ANOTHER_TIME = frozenset({"before", "after", "since", "until", "till", "ago", "next", "previous", "earlier", "later"})
# Verbs of saying right after "who": "who told …", "who said …", "whose officials announced …".
_ASKS_SPEAKER = frozenset({"said", "say", "says", "told", "tell", "tells", "announced", "announce", "announces",
                           "claimed", "claim", "claims", "reported", "report", "reports", "confirmed", "confirm",
                           "confirms", "stated", "state", "states", "insisted", "warned", "declared", "revealed",
                           "put", "puts"})  # "who put the value of the bombers at $7 billion?": its claimant
# Verbs after which "he" or "she" is the one saying it: "did medinsky say he got it?", "zelensky claims he …"
_SAYS_OF_SELF = frozenset({"say", "says", "said", "claim", "claims", "claimed", "think", "thinks", "thought",
                           "insist", "insists", "insisted", "confirm", "confirms", "confirmed", "deny", "denies",
                           "denied", "admit", "admits", "admitted"})
# What an outlet does with what it reports: "which outlet wrote that?" (not "who wrote the memorandum?": its author)
_PUBLISHED = frozenset({"wrote", "write", "writes", "published", "publish", "ran", "carried"})
# Words for who reports something: "which outlet said …", "what news agency reported …".
_OUTLET_WORDS = frozenset({"state", "media", "outlet", "outlets", "agency", "news", "newspaper", "press", "tv"})
_SOURCE_NOUNS = frozenset({"outlet", "outlets", "media", "agency", "newspaper", "paper", "channel", "publication",
                           "source", "sources", "site", "website"})
_KIND_WORDS = {
    "place": ("location", "place", "part", "region", "area", "province", "spot", "whereabouts", "located", "situated"),
    "time": ("week", "weekday", "oclock", "day"),
    # "what's the palace called?": the name a fact gives is what "called" asks, not a word it lacks
    "name": ("called", "named"),
    # "what was the drone operation's code name?": an operation's name, not any name ("of the 2022 invasion")
    "codename": ("codenamed",),
    # "who announced …?", "who reported …?": asked of who said it, which a fact of someone saying it answers
    "speaker": ("say", "said", "told", "announced", "reported", "confirmed", "stated", "claimed", "wrote", "outlet",
                "outlets", "media", "agency", "newspaper", "paper", "channel", "publication", "source"),
    # "who's russia's guy?", "the american man": a word for someone, which a fact naming a person answers
    "person": ("guy", "guys", "man", "person", "bloke", "dude", "chap", "fellow"),
}
# "any casualties?" right after the night's drone fire: whether what was just discussed had any, a count of it as much as
# "how many people died?" is
_ANY_OF = re.compile(r"^\W*(?:(?:and|so|ok|okay|but)\s+)?any\s+[\w-]+\W*$", re.IGNORECASE)
# "were there any casualties?", "was anybody killed?", "did anyone die?": whether there were any, of what was just said
_ANY_ASKED = re.compile(r"^\W*(?:(?:and|so|ok|okay|but)\s+)?(?:were|was|did|are|is|has|have|had)\s+(?:there\s+)?"
                        r"(?:any|anybody|anyone|somebody|someone|people)\b", re.IGNORECASE)
# "who heads the sbu?", "who's in charge of the security service": the person at the head of something
_WHO_HEADS = re.compile(r"\bwho(?:'s|s|\s+is|\s+was)?\s+(?:heads?|headed|chairs?|chaired|commands?|"
                        r"commanded|(?:is\s+|was\s+)?(?:in\s+charge|the\s+(?:head|chief|boss|leader|director)))\b",
                        re.IGNORECASE)
# What may stand between a verb of saying and the speaker named after it: "said the Kremlin", "according to Kyiv"
_INVERTED = frozenset({"the", "a", "an", "to", "by"})
# The verbs of saying put before their speaker ("said the Kremlin", "according to Kyiv"); the others take whom they
# name as their object ("Trump has called Putin crazy", "told Russian state media").
_SAID_BEFORE = frozenset({"said", "says", "saying", "according", "added", "wrote", "noted", "stated", "declared",
                          "announced", "quoted", "reported"})
# One word of the topic just answered: "anything on sanctions?", "and the sanctions bit?", "what about the money side?"
_ASPECT = re.compile(r"\s*(?:and|so|ok|okay)?\s*(?:(?:anything\s+(?:on|about)|what\s+about|how\s+about|and)\s+)?"
                     r"(?:the\s+)?((?:\w+\s+){0,1}\w+?)(?:\s+(?:bit|part|side|angle|thing|stuff|issue|only))?"
                     r"\s*[?!.]*\s*")

# An item of a list just shown, by its place: "and the third?", "what was #1 on his list?", "the second one?"
_ITEM_ASKED = re.compile(
    r"\s*(?:and|ok|okay|so|what\s+about)?\s*(?:what(?:'s|\s+is|\s+was|\s+were|\s+are)\s+)?"
    # "which comes first?", "what one is first?"
    r"(?:(?:which|what)(?:\s+one)?\s+(?:comes?|came|is|was|goes)\s+)?(?:(?:the|his|her|their|its)\s+)?"
    # "which one did he put third?", "what did zelensky list second?"
    r"(?:(?:which|what)(?:\s+(?:one|thing|item|priority|demand|point))?\s+(?:did|does|do)\s+\w+\s+"
    r"(?:put|place|list|rank|name|have)\s+(?:as\s+)?)?"
    r"(?:#\s*[123]|number\s+(?:one|two|three|[123])|no\.?\s*[123]|first|second|third|1st|2nd|3rd)"
    r"(?:\s+(?:one|point|thing|item|priority|demand|condition|part))?"
    r"(?:\s+(?:and|&)\s+(?:the\s+)?(?:first|second|third|1st|2nd|3rd)(?:\s+(?:ones?|points?|things?|items?))?)?"
    r"(?:\s+(?:on|in|of)\s+(?:his|her|their|the|that|this)\s+(?:list|post|priorities|points|demands))?\s*[?!.]*\s*")
_ORDINALS = {**dict.fromkeys(("first", "1st", "one", "1"), "first"),
             **dict.fromkeys(("second", "2nd", "two", "2"), "second"),
             **dict.fromkeys(("third", "3rd", "three", "3"), "third")}
_ORDINAL_WORD = re.compile(r"\b(?:first|second|third)\b", re.IGNORECASE)
# "to evaluate the conditions for a ceasefire, discuss a meeting of the two presidents and look at more prisoner
# exchanges": three items or more, the last after "and"
_ENUMERATION = re.compile(r"\b\w+[^,;.:]*,\s+(?:\w+[^,;.:]*,\s+)*\w+[^,;.:]*?,?\s+and\s+\w+")
_LIST_ITEM = re.compile(r"\b(first|second|third)\s+(?:priority|point|demand|condition|item|step)\b", re.IGNORECASE)


def _lists(text: str) -> bool:
    """Whether a fact lists things in order: two ordinals or more ("First -- … Second -- …")."""
    return len(_ORDINAL_WORD.findall(text)) >= 2


# What a party says or thinks of the whole story, nothing in particular: "what does trump say about all this?".
# Not "what did kellogg say about the talks?": what someone said then is their words, which their quotes answer.
_PARTY_VIEW = re.compile(r"\s*(?:so|and|ok|okay)?\s*what(?:'s|\s+is|\s+are|\s+does|\s+do)\s+"
                         r"(?!you\b|u\b|people\b|everyone\b)(.{2,40}?)\s+(?:say|saying|think|thinking|"
                         r"make\s+of)\s+(?:about|of|on|to)?\s*(?:all\s+(?:of\s+)?this|this\s+all|it\s+all|everything|"
                         r"the\s+whole\s+thing|the\s+talks|these\s+talks|the\s+negotiations)\s*[?!.]*\s*$", re.IGNORECASE)

# A correction that sets one thing aside for another: "not this round, the one in May", "no not that, i meant the
# swap" (group 1: what is meant)
_OTHER_WAY = re.compile(r"\b(?:the\s+)?(?:other|opposite|reverse)\s+direction\b|\b(?:the\s+)?other\s+way\s+a?round\b|"
                        r"\bvice\s+versa\b", re.IGNORECASE)
_BARE_KIND = re.compile(r"^\W*(?:what|which)\s+(?:kind|type|sort|model)s?(?:\s+(?:of\s+(?:one|ones|them|it|those)|exactly))?"
                        r"\W*$", re.IGNORECASE)
_NOT_THAT = re.compile(r"^\W*(?:no\W+)?not\s+(?:this|that|the|his|her|their|ukraine'?s|russia'?s|kyiv'?s|moscow'?s)\b"
                       r"[^,;.:!?-]{0,30}[,;.:!?-]+\s*(?:but\s+|i\s+meant?\s+|rather\s+)?(\S.*)$", re.IGNORECASE)
_DOUBT_TAIL = re.compile(
    r"[\s,;:-]*\bor\s+(?:(?:is|was|are|were)\s+(?:that|this|it|they|those)\s+|(?:that|it)(?:'s|s)?\s+)?"
    r"(?:just|only|all|mostly|simply|pure|more)?\s*(?:an?\s+|some\s+)?(?:(?:fake|false)\s+(?:news|claims?)|fake|rumou?rs?"
    r"|spin|propaganda|myths?|lies|a\s+lie|hype|exaggerat\w*|made\s+up|hoax|bs|bullshit|nonsense|misinformation"
    r"|disinformation|gossip|clickbait|speculation|overblown)\W*$", re.IGNORECASE)
# "relative to the talks", "compared to the talks", "in relation to": in a question for a time, what it is told by
_RELATIVE_TO = re.compile(r"\b(?:relative|compared|in\s+relation|in\s+comparison)\s+(?:to|with)\b", re.IGNORECASE)
# "at the time of the talks", "around the time of the meeting": the occasion meant, not a time asked
_AT_THE_TIME = re.compile(r"\b(?:(?:(?:at|around|by)\s+the\s+time\s+of|before|ahead\s+of|prior\s+to)\s+"
                          r"(?:the\s+|monday['’]?s\s+|this\s+week['’]?s\s+)?"
                          r"(?:talks|meeting|negotiations|second\s+round|round|istanbul\s+talks)"
                          r"(?:\s+(?:started|began|opened|kicked\s+off|got\s+going))?|this\s+time(?:\s+a?round)?)\b",
                          re.IGNORECASE)
# A position held in a body (a post), where "position" alone is a stance ("kyiv's position")
_POST_HELD = re.compile(r"\b(?:position|role|place|post)\s+(?:in|within|inside|on)\s+(?:the\s+|their\s+|his\s+|her\s+)?"
                        r"(?:\w+\s+)?(?:government|cabinet|administration|ministry|kremlin)\b", re.IGNORECASE)
# "medinsky's team", "umerov's negotiators": a person's possessive and a word for the delegation they led
_PERSONS_TEAM = re.compile(r"\b([a-z]+)['’]s\s+(team|delegation|negotiators|negotiating\s+team|lot|people|guys)\b",
                           re.IGNORECASE)
# A message asking only why, in other words: "what for?", "how come?", "for what reason?"
_BARE_WHY = re.compile(r"^\W*(?:(?:and|but|so|ok|okay|hmm)\W+)?(?:how\s+come|what\s+for|for\s+what(?:\s+reason|\s+purpose)?|"
                       r"to\s+what\s+end)(?:\s+(?:though|tho|exactly))?\W*$", re.IGNORECASE)
# "what's his position?", "her official position": a person's post, unless a stance on something is asked ("his
# position on a ceasefire")
_HIS_POST = re.compile(r"\b(his|her)\s+(?:official\s+|exact\s+|actual\s+)?position\b(?!\s+(?:on|about|regarding|"
                       r"towards?|over|in\s+the\s+talks)\b)", re.IGNORECASE)
# A reader announcing a new subject: "ok diff q:", "totally different question,", "changing the subject -"
_NEW_SUBJECT = re.compile(
    r"^\W*(?:(?:ok|okay|right|alright|so|and|also|btw|anyway|anyways)[\s,]+)*(?:(?:a\s+)?(?:totally\s+|completely\s+)?"
    r"(?:diff|different|new|other|another|unrelated|random|separate)\s+(?:q|qn|question|topic|subject|thing)|"
    r"chang(?:e|ing)\s+(?:of\s+)?(?:the\s+)?(?:subject|topic)|on\s+(?:a|another)\s+(?:different|other|separate|"
    r"unrelated)\s+(?:note|topic))\b\W*", re.IGNORECASE)
# A question passed on by someone in the chat: "Sasha asked what's in kyiv's memorandum", "dima is asking how many
# bombers were hit". Only before a question word: "putin asked for sanctions relief" is a claim, not a relay; and
# not after one ("who asked whether they would meet?" asks who asked).
_RELAYED = re.compile(
    r"^\W*(?!(?:who|whom|whose|what|which|how|why|when|where)\b)(?:\w+[\s,]+)?\w+\s+"
    r"(?:asks|asked|is\s+asking|was\s+asking|keeps\s+asking|wants\s+to\s+know|wanted\s+to\s+know)(?:\s+me)?[\s,:]+"
    r"(?=(?:what|whats|what's|who|whos|who's|why|how|when|where|which|whether|if|did|does|do|is|are|was|were|can|"
    r"could|will|would)\b)", re.IGNORECASE)
# A party's one, ending a follow-up: "whats in ukraines one", "and moscow's ones?"
_PARTYS_ONE = re.compile(r"\b(?P<who>\w+(?:'s|’s|s))\s+ones?(?=\W*$)", re.IGNORECASE)
# What led someone to do something: the reason they did it ("what pushed putin to suggest talks?")
_WHAT_MADE = re.compile(r"^\W*(?:(?:so|and|but|ok)\s+)?what\s+(?:prompted|made|led|caused|pushed|drove|motivated|"
                        r"convinced|persuaded)\s+(?P<who>\w+(?:\s+\w+)?)\s+(?:to\s+)?(?P<done>\w.*)$", re.IGNORECASE)
# "do with it", "say about it": something new asked of the thing just discussed, as an object ("came out of it" is not)
# "the bombers, how many again?", "back to the drones - how many?": names what it counts before asking
_NAMES_ITS_THING = re.compile(r"^\W*(?:the\s+)?[\w' ]+?\s*(?:,|-|–|—|:)\s*how\s+many\b", re.IGNORECASE)
_WHAT_HAPPENED = re.compile(r"^\W*(?:(?:so|ok|okay|and|but|just|wait|hey|yo|hi|hello)\W+)*(?:what|wat|wht)"
                            r"(?:'s|s|\s+has|\s+is)?\s+(?:happened|happening|happen|went\s+on|going\s+on|the\s+news|"
                            r"new|up)\s+"
                            r"(?:(?:in|at|on|from|over\s+in)\s+)?(?P<rest>[\w' ]+?)\W*$", re.IGNORECASE)
_GOING_BACK = re.compile(r"^\W*(?:(?:ok|okay|so|and|but|right|wait|anyway|alright|hmm+|also)\W+)*"
                         r"(?:let'?s\s+|lets\s+|can\s+we\s+)?"
                         r"(?:(?:go(?:ing)?|get(?:ting)?|com(?:e|ing)|circl(?:e|ing)|switch(?:ing)?|jump(?:ing)?)\s+)?"
                         r"back\s+to\s+(?=\w)", re.IGNORECASE)
_HEAD_OF = re.compile(r"[,:;?!]|\s[-–—]\s")
_OF_IT = re.compile(r"\b(?:with|about)\s+it\W*$", re.IGNORECASE)
# The terms a bare time question asks with ("how long" reads as "duration", "what date" as "date")
_BARE_TIME = frozenset({"duration", "date", "day", "time", "what_time", "exactly"})
_PLACE_NOUNS = frozenset({"part", "region", "area", "location", "province", "oblast"})
# "the russians or the ukrainians", "kyiv or moscow": a choice between the two sides, with words asking which came first
_SIDE_WORD = r"(?:the\s+)?(?:russians?|russia|moscow|ukrainians?|ukraine|kyiv|kiev)"
_EITHER_SIDE = re.compile(rf"\b{_SIDE_WORD}\s+or\s+{_SIDE_WORD}\b")
_SOONER = frozenset({"first", "earlier", "sooner", "before", "later", "last"})
# Words for land one side holds: "what part of ukraine is under russian control?" asks a share, not a place
_HELD = frozenset({"control", "controls", "controlled", "occupy", "occupies", "occupied", "hold", "holds", "held",
                   "seized", "taken", "occupation"})


# A point in time a fact gives: a weekday, a month, a clock time (not a year alone: "eight years of fighting before
# the 2022 invasion" still only says how long)
_POINT_IN_TIME = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
                            r"april|may|june|july|august|september|october|november|december|\d{1,2}(?::\d\d)?\s*"
                            r"(?:a\.?m\.?|p\.?m\.?)|\d{4}\s*gmt)\b", re.IGNORECASE)


# How long something lasted: "eight years", "less than an hour", "18 months", "nearly two hours"
# "how long did it last?", not "how long after the first round?" (an interval the two dates answer)
_HOW_LONG = re.compile(r"\bhow\s+long\b(?!.*\b(?:before|after|ago|since|until|till|between|behind|late)\b)",
                       re.IGNORECASE)
# A length of time a fact gives, in figures or words ("less than an hour", "eight years", "the three-year war")
_SPAN = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|few|an?)"  # how many of a unit of time
_TIME_UNIT = r"(?:years?|months?|weeks?|days?|hours?|minutes?)"
_LASTED = re.compile(rf"\b(?:{_SPAN}|eighteen)[\s-]+{_TIME_UNIT}\b|\blong\b|\bshort\b|\bbrief\b", re.IGNORECASE)
_DURATION = re.compile(rf"\b{_SPAN}\s+{_TIME_UNIT}\b(?!\s+(?:late|early|later|earlier|after|before|ago|behind))",
                       re.IGNORECASE)  # "two hours late", "a day before": a time, told from another


def _asks_a_point_in_time(text: str) -> bool:
    """ "when did it start?", "what date was it?", "on what day?": a point in time, not how long ("how long", "how many
    years", "since when")."""
    said = normalize(text).split()
    joined = " ".join(said)
    return ("when" in said or "date" in said or "what day" in joined or "which day" in joined) and \
        "how long" not in joined and "since when" not in joined and "how many" not in joined


def _asks_when(said: list[str]) -> bool:
    """Whether "when" asks a time: not as a conjunction after another question word ("what happened when they met",
    "where were the bombers when hit"), unless it ends the question ("where and when?") or says what someone was
    asked about ("who told the press when the talks would start": the fact giving the time names who gave it)."""
    if "when" not in said:
        return False
    at = said.index("when")
    return at == len(said) - 1 or not _INTERROGATIVE.intersection(said[:at]) or (
        said[0] == "who" and not (_SAYING | {"tell", "told", "say"}).isdisjoint(said[:at]))


def _wants_of(match: Match) -> str:
    """`_wants` of the match's question, as its reading worked it out."""
    return match.wants if match.wants is not None else _wants(match.question)


# "back in the day", "these days": idioms for then and now that ask no day or time ("what was the palace back in
# the day?" asks what it was, not when).
_NO_TIME_IDIOM = re.compile(r"\b(?:back\s+in\s+the\s+day|in\s+(?:the\s+old(?:en)?|its|their|his|her|those)\s+days?|"
                            r"these\s+days|at\s+one\s+time|once\s+upon\s+a\s+time|in\s+its\s+time)\b")


# "what's in it?", "what was in kyiv's memo?", "what does it contain?"; not "what's in it for russia?"
_DOCUMENT_TERMS = frozenset({"memorandum", "plan", "roadmap"})  # the terms DOCUMENT_NOUNS read as
_ASKS_CONTENTS = re.compile(r"\bwhats?(?:\s+(?:is|was|are|were))?\s+(?:exactly\s+|actually\s+)?in\s+"
                            rf"(?:it|them|that|this|(?:the|their|its|his|\w+)\s+(?:{DOCUMENT_NOUNS}))\b(?!\s+for\b)|"
                            r"\bcontain(?:s|ed)?\b|"
                            # "what's in ukraine's?" (normalised "what in ukraine"): a side's document, named before
                            r"^(?:(?:and|ok|so|but)\s+)?whats?\s+(?:is\s+|was\s+)?in\s+(?:ukraine|ukraines|ukr|ukrs|kyiv|kyivs|kiev|russia|russias|rus|russ|moscow|moscows"
                            r"|kremlin|kremlins|the\s+kremlin|theirs|the\s+others?|the\s+other\s+one)$")
# When something may happen, not when it did: "when does the kremlin say putin could meet zelensky?"
_WHEN_POSSIBLE = re.compile(r"\bwhen\b.*\b(?:could|would|might)\s+(?:(?:\w+\s+){0,3}?)(?:meet|meeting|happen|take\s+place|"
                            r"agree|go\s+ahead|be\s+possible)\b")
# How far away something is: "how far inside russia", "how deep into russia", "how far from the front", "what
# distance"; not "how far apart are the sides" nor "how far will russia go"
_ASKS_DISTANCE = re.compile(r"\bhow\s+(?:far|deep)\s+(?:inside|into|in|from|behind(?!\s+schedule)|away|off|were|was|is|are|"
                            r"did)\b|"
                            r"\bwhat\s+distance\b|\bhow\s+many\s+(?:km|kms|kilomet\w*|miles)\b")
# What a country does as much as a person: "who shot down the 162?" is answered by "Russia shot down 162 …"
_DEEDS = frozenset({"shot", "launched", "sent", "fired", "hit", "struck", "destroyed", "downed", "attacked", "seized",
                    "captured"})  # not "took": "who took part in the talks?" asks for people
# "where does trump stand on all this?", "where do things stand?": a position or a state of things, not a place.
_STANDS = frozenset({"stand", "stands", "standing", "stood"})
# "where did each delegation sit?": their seating, not a place (not "sit down", meeting: "where did they sit down?")
_SITS = frozenset({"sit", "sits", "sat", "sitting", "seated"})
_SITTERS = frozenset({"delegation", "delegations", "team", "teams", "they", "sides", "side", "negotiators", "each"})
# "where should land talks start from?", "where should they start?": a starting point of a negotiation, not a place
_STARTS = frozenset({"start", "starts", "starting", "started", "begin", "begins", "beginning", "began"})


# Words asking a number without "how many": "the death toll", "what fraction of Ukraine", "as a percentage"
_COUNT_NOUNS = frozenset({"number", "figure", "toll", "count", "percent", "percentage", "fraction", "proportion"})


@lru_cache(maxsize=512)  # the readings of one message ask it again; a text seldom comes back in another message
def _wants(text: str) -> str:
    """What kind of fact the question asks for: a number, a time, a person, a place; '' for anything."""
    joined = _NO_TIME_IDIOM.sub(" then ", " ".join(normalize(text).split()))
    said = joined.split()
    joined = " ".join(said)
    if any(w == "how" and interval_at(said, i) for i, w in enumerate(said)):
        return "time"  # "how many weeks after the first round was the second?": the dates answer it
    if _ASKS_DISTANCE.search(joined):
        return "distance"  # "how far inside russia were the bombers?": a distance, not the count of them
    if "how many" in joined or "how much" in joined or any(
            w in _COUNT_NOUNS and not (w == "figure" and not STANDING.isdisjoint(said[max(0, i - 2):i]))
            for i, w in enumerate(said)):  # "a senior turkish figure": a person, not a number
        # "do both sides agree on how much damage was done?" asks yes or no, not a number
        return "" if said[0] in YES_NO and said[1:2] != ["you"] else "number"
    if _WHEN_POSSIBLE.search(joined) and PRONOUNS.isdisjoint(said):
        # "when does the kremlin say putin could meet zelensky?": when it may happen, which a condition answers
        # ("only after the delegations reach agreements") as well as a date; not "when would they meet?" after it,
        # which asks the date it does not give
        return ""
    if (_asks_when(said) or "what time" in joined or "how long" in joined
            # "was the drone attack before or after the talks?": which came first, as their days tell
            or "before or after" in joined or "after or before" in joined
            or {"date", "schedule", "hour", "year", "month", "oclock", "clock"} & set(said)
            # "what day", but not "his day job" (his job)
            or any(w == "day" and said[i + 1:i + 2] != ["job"] for i, w in enumerate(said))
            or any(w == "time" and (i == 0 or said[i - 1] not in _OCCASION) and said[max(0, i - 2):i] != ["at", "the"]
                   for i, w in enumerate(said))):  # "at the time (of the talks)": then, not a time asked
        return "time"
    if said[:1] == ["who"] and _EITHER_SIDE.search(joined) and not _SOONER.isdisjoint(said):
        # "who got there first, the russians or the ukrainians?": a side, which a fact on its delegation names
        return ""
    if said[:1] == ["who"] or "whose" in said or "who" in said[:3]:
        # "who told russian state media …?", "whose officials said …": who said it, named or not
        at = next(i for i, w in enumerate(said) if w in ("who", "whose"))
        after = said[at + 1:at + 5]
        if after[:1] and after[0] in ("did", "does", "do", "will", "would", "can", "could"):
            return "person"  # "who did zelensky say would go?": whom the speaker named, not who said it
        if after[:1] and after[0] in _DEEDS:
            return ""  # "who shot down the 162?": a country did it as well as a person could ("Russia shot down 162")
        # "whose officials said …" asks who said it; not "whose war trump says this is", whose speaker is named
        near = after[:2] if said[at] == "whose" else after[:3]
        return "speaker" if not _ASKS_SPEAKER.isdisjoint(near) or any(  # "who called for revenge?"
            w in ("called", "call", "calls", "urged") and after[i + 1:i + 2] in (["for"], ["on"])
            for i, w in enumerate(after[:3])) else "person"
    if any(w in ("which", "what") and said[i + 1:i + 4] and not _SOURCE_NOUNS.isdisjoint(said[i + 1:i + 4])
           and not (_ASKS_SPEAKER | _PUBLISHED).isdisjoint(said[i + 2:i + 6]) for i, w in enumerate(said[:4])):
        # "which outlet says it reviewed kyiv's document", "which russian state media said …": who said it
        return "speaker"
    seating = not _SITTERS.isdisjoint(said) and any(w in _SITS and said[i + 1:i + 2] != ["down"]
                                                    for i, w in enumerate(said))
    if any(w in ("which", "what") and said[i + 1:i + 3] == ["part", "of"] for i, w in enumerate(said)) and (
            not _HELD.isdisjoint(said)):
        return "number"  # "what part of ukraine does russia control?": a share of it ("just under one-fifth")
    if ("where" in said[:4] and _MEDIUM_VERBS.isdisjoint(said) and not _SETS_OUT.search(joined)
            and _STANDS.isdisjoint(said) and not seating
            and (("from" not in said and "should" not in said) or _STARTS.isdisjoint(said))) or any(
            w in ("which", "what") and said[i + 1:i + 2] and said[i + 1] in _PLACE_NOUNS for i, w in enumerate(said)):
        # "where", "in which part of Russia", "what region"; not "where did he post it" (on social media: a medium)
        return "place"
    if "why" in said[:4] or "reason" in said:
        return "reason"
    if _ASKS_CONTENTS.search(joined):
        return "contents"  # "what's in it?", "what's in ukraine's memo?": what the document holds
    if {"name", "names", "called", "named"} & set(said):
        return "name"
    return ""


__all__ = ["Candidate", "FollowUpContext", "Match", "Matcher"]
