"""Questions about the brief's event itself: "when were the talks?", "where was the meeting held?", "who took
part?", "what happened at the talks?".

Their only content is the event's generic noun ("talks", and whatever the brief's aliases read as it), so BM25
alone can't tell which topic answers them: any fact using "talks" scores about the same, and the shortest wins.
Read instead as what they are, a question about the event of the kind asked (a time, a place, the people, or
nothing in particular), they go to the topic that answers that kind of question about the event: the one
whose curated example questions ask it ("what date were the talks", "where'd they meet"), else the one about
the event with the most facts of that kind. Everything comes from the brief's own data (its declared event
entity, `brief.event`, `brief.title`, `brief.venue`, `brief.date`, the sections' examples): nothing here names
a section or a word of one brief.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable

from bot.core.analyzer import Analyzer, canon
from bot.core.brief import Brief, EntityKind
from bot.core.index import BriefIndex, UnitKind, fits
from bot.core.text import QUESTION_WORDS, STOPWORDS, words

# Words that ask which kind of fact, say the event happened or was attended, or name those at it, and nothing
# about what: "when did the negotiations take place", "where was the meeting held", "who took part in the talks",
# "where did the two sides meet", "who were the negotiators".
_MARKERS = frozenset("date dates day days week weekday time times when where place places location venue city".split())
_THOSE_AT_IT = frozenset("""delegation delegations delegate delegates negotiator negotiators side sides team teams
    party parties both 2""".split())
_VERBS = frozenset("""take takes took taken taking part held hold holds holding meet meets met meeting happen happens
    happened happening occur occurs occurred occurring attend attends attended attending participate participated
    participating present went gone going go on down""".split())
GENERIC = _MARKERS | _THOSE_AT_IT | _VERBS
_HELD = frozenset({"held", "hold", "holds", "holding"})
_CHECKING = frozenset({"was", "were", "is", "are", "did", "do", "does"})  # a yes/no question checking a claim
# What a question's text alone says of the event question it may ask: its words, its content terms (typos
# corrected, generic words left out) and the kind of fact it asks for (`EventQuestions.read`).
Asking = tuple[tuple[str, ...], tuple[str, ...], str]
KINDS = ("time", "place", "person", "")  # the kinds of question about the event this answers
# Another occasion than the event: "when do they meet again?", "what happened before the talks?".
_ANOTHER = frozenset({"again", "next", "another", "third", "later", "future", "previous", "last", "first",
                      "earlier", "before", "after", "since", "ago", "until", "till"})
# Without a word for the event, "when was it?", "where did they meet?", "who was there?" still ask about it
# when fresh; "what time is it?", "who are you?", "who is he?" do not.
_POINTING = frozenset({"it", "they", "them", "there"})
_NOT_THE_EVENT = frozenset({"you", "your", "i", "me", "my", "we", "us", "he", "him", "his",
                            "she", "her", "now", "today", "tonight", "tomorrow"})
# "what time is it?" asks the reader's own moment; "where are they meeting?", "what day is this happening?" ask
# the event's, said in the present as by those following it live: a verb of the event says which.
_PRESENT = frozenset({"is", "are", "am"})


class EventQuestions:
    """Built once per brief with its matcher."""

    def __init__(self, brief: Brief, analyzer: Analyzer, index: BriefIndex, wants: Callable[[str], str]) -> None:
        """`wants`: what kind of fact a question asks for, as the matcher reads it."""
        self.analyzer = analyzer
        self._wants = wants
        meta = brief.meta
        described = set(self._words_terms(f"{meta.event} {meta.title}"))
        events = [e for e in brief.entities if e.kind is EntityKind.event]
        # The declared event entity the brief is about: the one whose name shares most with `brief.event`.
        shared = {e.id: len(described & set(self._words_terms(e.name))) for e in events}
        event = max((e for e in events if shared[e.id]), key=lambda e: shared[e.id], default=None)
        self.token = canon(event.id.replace("-", " ")) if event is not None else None
        named = set(self._words_terms(event.name)) & described if event is not None else described
        # The event's generic nouns ("talks": the brief's aliases read "negotiations", "meeting", "round" as it).
        self.nouns = frozenset(t for t in named if t not in index.entities and not t[:1].isdigit()) | (
            {self.token} if self.token else set())
        # Words that may go with them and still ask about this event: its venue and its day ("when were the
        # talks in Istanbul?"); not a country, which is also a side ("who was at the talks from Turkey?").
        table = analyzer.table
        # The sides its name gives do too ("when did Russia and Ukraine meet?").
        self.allowed = self.nouns | (set(table.terms(meta.venue)) - index.countries) | set(
            table.word(f"{meta.date:%A}".lower())) | (
            set(self._words_terms(event.name)) & index.entities if event is not None else set())
        # Where and when the event was, besides what it was: its city (the venue's place, not the venue itself, which
        # is asked about by name) and its day. "Who led the Russian side in Istanbul on Monday?" asks who led it:
        # those words place the question at the event the whole brief is about, and no fact need say them again.
        self.day = frozenset(table.word(f"{meta.date:%A}".lower()))
        self.setting = frozenset(set(table.terms(", ".join(meta.venue.split(",")[1:]))) - index.countries) | self.day
        # The venue's own name ("Ciragan Palace"), not its city: "were the talks held at the ciragan palace?" asks where
        self._venue = frozenset(set(table.terms(meta.venue)) - index.countries - self.setting)
        # What the generic words read as, in a previous turn's terms ("where were the talks held" -> "hold").
        self.generic_terms = frozenset(t for w in GENERIC for t in table.word(w))
        # The topic answering each kind: a question asking nothing in particular asks for the whole event, the
        # first topic about it (the brief's overview); the others, the topic with most curated example questions
        # asking that kind about the event, else the topic about the event with most facts of that kind.
        asked: dict[str, Counter[int]] = {kind: Counter() for kind in KINDS}
        for s, section in enumerate(brief.sections):
            for example in section.examples:
                kind = self.kind(example, alone=True, correct=False)
                if kind is not None:
                    asked[kind][s] += 1
        about = [s for s, section in enumerate(brief.sections) if self.token and self.token in index.declared[s]]
        self.sections: dict[str, int] = {}
        for kind in KINDS:
            if about and not kind:
                self.sections[kind] = about[0]
            elif asked[kind]:
                self.sections[kind] = max(asked[kind], key=lambda s: (asked[kind][s], -s))
            elif about:
                counts = {s: sum(1 for u in index.section_units[s] if index.units[u].kind is not UnitKind.topic
                                 and fits(index.units[u], kind)) for s in about}
                if max(counts.values()):
                    self.sections[kind] = max(counts, key=lambda s: (counts[s], -s))

    def _words_terms(self, text: str) -> tuple[str, ...]:
        """Each word's own term (no phrases): "round" reads "talks", "Russia" "russia"."""
        return tuple(t for w in words(text) for t in self.analyzer.table.word(w) if t not in QUESTION_WORDS)

    def kind(self, text: str, carried: tuple[str, ...] = (), alone: bool = True, correct: bool = True,
             memo: dict[tuple[str, bool], Asking | None] | None = None) -> str | None:
        """The kind of question `text` asks about the event ("time", "place", "person", "" for what happened),
        or None when it asks about something else. `carried`: the terms a follow-up's reading takes from the
        previous turn; `alone`: there is no previous turn. `memo`: what `read` made of texts already asked of (the
        matcher's, for one message: the plain and the follow-up readings of a sentence have the same text)."""
        if not self.nouns:
            return None
        key = (text, correct)
        if memo is not None and key in memo:
            asking = memo[key]
        else:
            asking = self.read(text, correct)
            if memo is not None:
                memo[key] = asking
        if asking is None or any(
                t not in self.allowed and t not in self.generic_terms and t not in QUESTION_WORDS for t in carried):
            return None
        said, content, wants = asking
        if not self.nouns.intersection([*content, *carried]):
            # No word for the event: only a fresh question pointing at "it"/"they", asking a time, a place or
            # the people ("when was it?", "where did they meet?"), and never one about now or the reader.
            # "what day did the delegation get in?" asks about the delegation's arrival, not the event: those at
            # it ask about it only with a verb of it ("when did the delegations meet?").
            hint = _VERBS if _THOSE_AT_IT.intersection(said) else _VERBS | _MARKERS - {"when", "where"}
            # "what part of ukraine is held by moscow?": what someone holds, not where "it" was held
            held_by = any(w in _HELD and said[i + 1:i + 2] == ("by",) for i, w in enumerate(said))
            if not alone or not wants or held_by or _NOT_THE_EVENT.intersection(said) or not (
                    _POINTING.intersection(said) or hint.intersection(said)) or (
                    _PRESENT.intersection(said) and _VERBS.isdisjoint(said)):
                return None
        return wants

    def read(self, text: str, correct: bool = True) -> Asking | None:
        """What `kind` reads from the text alone: its words, its content terms and the kind of fact it asks; None
        when that alone says it asks about something else (another occasion, a word beside the event's, or a kind
        this does not answer)."""
        said = words(text)
        if _ANOTHER.intersection(said):
            return None
        # The question without its generic words must say nothing but the event (and its venue or day). Checked
        # before the kind asked, which most questions fail: it is read from the words already read.
        kept = [w for w in said if w not in GENERIC]
        # A question's own words are read as a run (not remembered: a second entry for every question in the memo)
        own = self.analyzer.runs(kept)(0, len(kept)) if correct else self.analyzer.terms(" ".join(kept), False)
        content = tuple(t for t in own if t not in QUESTION_WORDS)
        if any(t not in self.allowed for t in content):
            return None
        wants = self._wants(" ".join(said))  # shorthand read: "wen", "wer", "hu"
        if not wants and ({"where", "place", "location", "venue", "city"} & set(said) or (
                said[:1] and said[0] in _CHECKING and self._venue.intersection(content))):
            wants = "place"  # "were the talks at the ciragan palace?" checks the place
        if wants not in KINDS:
            return None
        return said, content, wants

    def section(self, kind: str) -> int | None:
        return self.sections.get(kind)
