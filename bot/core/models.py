"""Platform-neutral values passed between the core and the adapters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Topic:
    """A section of the brief as a choice the user can pick (a button, an autocomplete entry)."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class SourceRef:
    seed: str
    label: str  # the outlet where the article names one, else its headline


@dataclass(frozen=True, slots=True)
class FigureLine:
    label: str
    value: str
    unit: str
    claimed_by: str  # a party ("Ukraine") or a report ("reported by NDTV")

    def attribution(self) -> str:
        """Who says so, as a phrase: "according to Ukraine", "reported by NDTV"."""
        return self.claimed_by if self.claimed_by.startswith("reported") else f"according to {self.claimed_by}"


@dataclass(frozen=True, slots=True)
class Quote:
    seed: str
    quote: str


@dataclass(frozen=True, slots=True)
class AnswerFact:
    """One sourced statement of the brief, as an answer shows it."""

    text: str
    sources: tuple[Quote, ...]
    claimed_by: str | None = None  # for a contested figure: "according to Ukraine", "reported by NDTV"

    def line(self) -> str:
        return f"{self.text} ({self.claimed_by})" if self.claimed_by else self.text


@dataclass(frozen=True, slots=True)
class Answer:
    """What the bot says to one message; every adapter renders this one object.

    A precise answer leads with `facts` (best first), then names the topic they come from; `more` counts
    what else that topic holds, one tap or "tell me more" away. A topic view (a button, /topic) shows it all."""

    question: str
    matched: bool
    section_id: str | None
    confidence: float
    title: str  # the topic's title; for an unmatched question, the "I don't know" heading
    facts: tuple[AnswerFact, ...] = ()
    lead: str | None = None  # the curator's short direct answer, said before the facts
    notes: tuple[str, ...] = ()  # plain paragraphs: the "I don't know" explanation, "that's all on ..."
    more: int = 0  # facts of this topic not shown yet
    whole_topic: bool = False  # the whole topic was asked for (a button, /topic), not one question
    sources: tuple[SourceRef, ...] = ()
    related: tuple[Topic, ...] = ()  # follow-up topics when matched, "did you mean" suggestions when not
    answer_id: str = ""  # set when readers can rate this answer (👍/👎); names it in the curation log

    @property
    def body(self) -> tuple[str, ...]:
        """The answer's statements as lines, best first: the lead, then each fact with who claims it."""
        lead = (self.lead,) if self.lead else ()
        return lead + tuple(fact.line() for fact in self.facts) + self.notes

    @property
    def topic_line(self) -> str | None:
        """One line naming where the facts come from and what else is there."""
        if not self.matched or self.section_id is None or self.whole_topic:
            return None
        if self.more:
            noun = "fact" if self.more == 1 else "facts"
            return f"From “{self.title}” · {self.more} more {noun}: tap the topic or say “tell me more”."
        return f"From “{self.title}”."

    @property
    def buttons(self) -> tuple[Topic, ...]:
        """Topic buttons under an answer: the rest of this topic first when there is more, then related ones."""
        own = (Topic(self.section_id, f"More: {self.title}"),) if self.more and self.section_id else ()
        return own + self.related


@dataclass(frozen=True, slots=True)
class FactChange:
    """One fact or figure of a topic that differs from what the subscriber last received."""

    kind: str  # "added", "changed" or "removed"
    text: str  # as it reads now (as it read, when removed)
    seeds: tuple[str, ...] = ()  # the articles it cites
    old: str | None = None  # "changed": as it read before

    def line(self) -> str:
        tags = f" [{', '.join(dict.fromkeys(s[:3] for s in self.seeds))}]" if self.seeds else ""
        if self.kind == "changed" and self.old is not None:
            return f"Changed: {self.old} → {self.text}{tags}"
        return f"{'New' if self.kind == 'added' else 'Removed'}: {self.text}{tags}"


@dataclass(frozen=True, slots=True)
class TopicChanges:
    """What changed in one topic; no `changes` means the topic changed but no details were recorded then."""

    topic: Topic
    changes: tuple[FactChange, ...] = ()

    def lines(self) -> tuple[str, ...]:
        return tuple(c.line() for c in self.changes) or ("Updated (the earlier wording was not recorded).",)


@dataclass(frozen=True, slots=True)
class DigestPart:
    """A paragraph (`text`), or a headed block of bullet groups, each under an optional subheading (a topic)."""

    heading: str = ""
    groups: tuple[tuple[str, tuple[str | AnswerFact, ...]], ...] = ()
    note: str = ""  # a closing line under the bullets
    text: str = ""


@dataclass(frozen=True, slots=True)
class Digest:
    """One subscriber's digest, as the core builds it; adapters only render it.

    It opens with what changed since the digest that subscriber last received, grouped by topic; a first digest
    is the recap (two-sentence summary, the brief's three key outcomes and figures, fact first); when nothing
    changed it says so in one line over a three-line recap. The other topics are buttons."""

    brief_id: str
    revision: str
    date: dt.date  # the subscriber's local date it is for; never shown as the news's date
    title: str  # names the event
    event_date: str  # as the brief states or infers it: "2 June 2025 (inferred)"
    updated: dt.date | None  # when the brief's content last changed, when known
    summary: str
    outcomes: tuple[AnswerFact, ...]
    figures: tuple[AnswerFact, ...]  # each a sentence: "Around 50,000 Russian troops massed …, according to …"
    changes: tuple[TopicChanges, ...] = ()
    more_changes: int = 0  # changes left out to keep the message short
    first: bool = True  # the subscriber has received no digest yet
    topics: tuple[Topic, ...] = ()  # the rest of the brief, as buttons
    sources: tuple[SourceRef, ...] = ()

    @property
    def nothing_new(self) -> bool:
        return not self.first and not self.changes

    @property
    def heading(self) -> str:
        return f"{self.title} · {self.event_date}"

    @property
    def updated_line(self) -> str:
        return f"Brief last updated {_day(self.updated)}" if self.updated else "Daily brief"

    def parts(self) -> tuple[DigestPart, ...]:
        """The digest's blocks in order, with their words; a renderer only styles headings and bullets."""
        parts: list[DigestPart] = []
        if self.news_line:
            parts.append(DigestPart(text=self.news_line))
        if self.changes:
            more = f"… and {self.more_changes} more: open the topics below." if self.more_changes else ""
            parts.append(DigestPart("What changed since your last digest",
                                    tuple((g.topic.title, tuple(g.lines())) for g in self.changes), more))
        if self.first:
            parts.append(DigestPart(text=self.summary))
            if self.outcomes:
                parts.append(DigestPart("Key outcomes", (("", self.outcomes),)))
            if self.figures:
                parts.append(DigestPart("Key figures", (("", self.figures),)))
        else:
            parts.append(DigestPart("The story so far", (("", tuple(self.recap_lines())),)))
        return tuple(parts)

    @property
    def news_line(self) -> str | None:
        """What is new: one line when nothing is, None for a first digest (it is all news)."""
        if self.nothing_new:
            since = f" since {_day(self.updated)}" if self.updated else " since your last digest"
            return f"No new developments{since}."
        return None

    def recap_lines(self) -> tuple[str, ...]:
        """Fact-first lines with the articles they cite: the whole recap, or three lines after news."""
        facts = self.outcomes + self.figures if self.first else self.outcomes[:2] + self.figures[:1]
        return tuple(fact_line(f) for f in facts)


def fact_line(fact: AnswerFact) -> str:
    """A fact with who claims it and the articles it cites: "Medinsky leads … [000, 004]"."""
    tags = ", ".join(dict.fromkeys(quote.seed[:3] for quote in fact.sources))
    return f"{fact.line()} [{tags}]" if tags else fact.line()


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


@dataclass(frozen=True, slots=True)
class BriefDiff:
    added: tuple[Topic, ...] = ()
    removed: tuple[Topic, ...] = ()
    edited: tuple[Topic, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.edited)

    def lines(self) -> tuple[str, ...]:
        return (
            tuple(f"New: {t.title}" for t in self.added)
            + tuple(f"Updated: {t.title}" for t in self.edited)
            + tuple(f"Removed: {t.title}" for t in self.removed)
        )

    def summary(self) -> str:
        if self.empty:
            return "no sections changed"
        parts = [f"{len(self.added)} added", f"{len(self.edited)} edited", f"{len(self.removed)} removed"]
        return ", ".join(parts) + "\n" + "\n".join(self.lines())


@dataclass(frozen=True, slots=True)
class ReloadResult:
    ok: bool
    revision: str
    diff: BriefDiff = field(default_factory=BriefDiff)
    errors: tuple[str, ...] = ()  # each "file:line field: reason"

    def message(self) -> str:
        if self.ok:
            return f"Brief reloaded (revision {self.revision}): {self.diff.summary()}"
        listed = "\n".join(self.errors[:10])
        more = f"\n… and {len(self.errors) - 10} more" if len(self.errors) > 10 else ""
        return f"Reload failed; the previous brief is still serving.\n{listed}{more}"
