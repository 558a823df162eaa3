"""Platform-neutral values passed between the core and the adapters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Topic:
    """A section of the brief as a choice the user can pick (a button, an autocomplete entry)."""

    id: str
    title: str


@dataclass(frozen=True)
class SourceRef:
    seed: str
    label: str  # the outlet where the article names one, else its headline


@dataclass(frozen=True)
class FigureLine:
    label: str
    value: str
    unit: str
    claimed_by: str  # a party ("Ukraine") or a report ("reported by NDTV")

    def attribution(self) -> str:
        """Who says so, as a phrase: "according to Ukraine", "reported by NDTV"."""
        return self.claimed_by if self.claimed_by.startswith("reported") else f"according to {self.claimed_by}"

    def text(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        return f"{self.label}: {self.value}{unit} ({self.attribution()})"


@dataclass(frozen=True)
class Quote:
    seed: str
    quote: str


@dataclass(frozen=True)
class AnswerFact:
    """One sourced statement of the brief, as an answer shows it."""

    text: str
    sources: tuple[Quote, ...]
    claimed_by: str | None = None  # for a contested figure: "according to Ukraine", "reported by NDTV"

    def line(self) -> str:
        return f"{self.text} ({self.claimed_by})" if self.claimed_by else self.text


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Digest:
    """One day's digest of a brief, as the core builds it; adapters only render it."""

    brief_id: str
    revision: str
    date: dt.date
    headline: str
    summary: str
    outcomes: tuple[str, ...]
    figures: tuple[FigureLine, ...]
    changes: tuple[str, ...] = ()  # "what changed" lines since this subscriber's last digest
    sources: tuple[SourceRef, ...] = ()


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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
