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
class Answer:
    """What the bot says to one question; every adapter renders this one object."""

    question: str
    matched: bool
    section_id: str | None
    confidence: float
    title: str
    body: tuple[str, ...]  # paragraphs; for a matched answer, one sourced fact each
    figures: tuple[FigureLine, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    related: tuple[Topic, ...] = ()  # follow-up topics when matched, "did you mean" suggestions when not


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
