"""The curator's loop, core side: which questions are worth a curator's look, and readers' verdicts on answers.

Platform-neutral and storage-neutral: the `Curator` decides what to record and hands records to a
`CurationStore` (the storage layer's background writer), which must never block the reply path. No user id,
username or chat id ever enters a record; a verdict names its reader only by a salted hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, replace
from enum import Enum
from typing import Callable, Iterable, Protocol

from bot.core.matcher import Match
from bot.core.models import Answer
from bot.core.text import strip_markup


class ChatKind(str, Enum):
    PRIVATE = "private"
    GROUP = "group"
    INLINE = "inline"


class Outcome(str, Enum):
    REJECTED = "rejected"  # below the threshold: the reader got "I don't have that"
    GREY = "grey"  # answered, with a confidence inside the grey zone just above the threshold
    ANSWERED = "answered"  # answered confidently; stored only once a reader gives it a verdict
    TOPIC = "topic"  # a whole topic shown (a button, /topic); stored only once a reader gives it a verdict


@dataclass(frozen=True)
class Origin:
    """Where a question came from, as much as a curator may know: never who, never which chat."""

    platform: str
    chat: ChatKind


@dataclass(frozen=True, slots=True)
class Scored:
    section_id: str
    score: float


@dataclass(frozen=True)
class QuestionRecord:
    """One question and what the bot said to it."""

    answer_id: str
    asked_at: dt.datetime
    platform: str
    chat_kind: ChatKind
    revision: str
    question: str  # markup stripped
    outcome: Outcome
    section_id: str | None
    confidence: float
    candidates: tuple[Scored, ...]  # the best topics the matcher considered, best first, with their rank scores
    reply: str  # the answer's title: the topic, or the "I don't have that" heading
    facts: tuple[str, ...]  # the statements the answer gave, as lines
    follow_up: bool = False  # read with the previous turn ("and Ukraine?"): out of context it means less


@dataclass(frozen=True)
class VerdictRecord:
    """A reader's 👍 (+1) or 👎 (-1) on one answer. `question` travels along when the answer was not stored yet."""

    answer_id: str
    voter: str  # salted hash of platform, user and answer: one verdict per reader per answer, unlinkable across answers
    value: int
    at: dt.datetime
    question: Asked | None


@dataclass(frozen=True)
class StoredQuestion:
    """A rated question as the store gives it back, with its readers' 👍 and 👎 counts."""

    record: QuestionRecord
    up: int = 0
    down: int = 0


@dataclass(frozen=True)
class Wording:
    """One wording as the log holds it: how often it was asked with one outcome under one revision."""

    question: str
    outcome: Outcome
    revision: str
    follow_up: bool
    count: int
    section_id: str | None
    confidence: float  # the highest it got
    candidates: tuple[Scored, ...]  # of one of those askings


@dataclass(frozen=True)
class CurationLog:
    """What `curate` reads: every logged wording with its count, and every rated answer with its verdicts."""

    wordings: tuple[Wording, ...]
    rated: tuple[StoredQuestion, ...]


class CurationStore(Protocol):
    """The curation log. `put` returns at once: the storage layer batches the writes off the reply path."""

    def put(self, record: Asked | VerdictRecord) -> None: ...

    async def load(self, since: dt.datetime | None = None) -> CurationLog:
        """What was stored about questions asked at or after `since`."""
        ...


def voter_hash(salt: bytes, platform: str, user_id: str, answer_id: str) -> str:
    return hashlib.sha256(salt + f"\x00{platform}\x00{user_id}\x00{answer_id}".encode()).hexdigest()[:32]


class Curator:
    """Decides which questions are logged and records verdicts; keeps the last answers in memory so a verdict
    can carry the question and facts it is about (answers outside the log are stored only when rated)."""

    def __init__(self, store: CurationStore, salt: bytes, grey_zone: float, remember: int = 10_000,
                 clock: Callable[[], dt.datetime] | None = None) -> None:
        self.store = store
        self.salt = salt
        self.grey_zone = grey_zone
        self._clock = clock or (lambda: dt.datetime.now(dt.timezone.utc))
        from bot.core.curation_memory import AnswerMemory  # here: it builds on this module's `Asked`

        self._recent = AnswerMemory(remember)

    def outcome(self, answer: Answer, threshold: float) -> Outcome:
        if not answer.matched:
            return Outcome.REJECTED
        if answer.whole_topic:
            return Outcome.TOPIC
        return Outcome.GREY if answer.confidence < threshold + self.grey_zone else Outcome.ANSWERED

    def observe(self, answer: Answer, match: Match | None, origin: Origin, revision: str, threshold: float) -> Answer:
        """The answer with an id for its verdict buttons; rejected and grey-zone questions are logged. Only what a
        record needs is kept, not the answer: the last `remember` of these stay in memory for their verdicts
        (bot/core/curation_memory.py: one packed record each)."""
        asked = Asked(self._recent.new_id(), self._clock(), origin, revision,
                      self.outcome(answer, threshold), answer.question, answer.section_id, answer.confidence,
                      answer.title, answer.body,
                      Asked.pack(Scored(c.section.id, round(c.rank, 3)) for c in match.candidates[:3]) if match
                      else "",
                      match is not None and bool(match.more or match.again or match.features.get("context")))
        self._recent.remember(asked)
        if asked.outcome in (Outcome.REJECTED, Outcome.GREY):
            self.store.put(asked)
        return replace(answer, answer_id=asked.answer_id)

    def verdict(self, answer_id: str, platform: str, user_id: str, up: bool) -> None:
        """Record a reader's verdict; a second tap by the same reader replaces the first (the store enforces it)."""
        asked = self._recent.recall(answer_id)
        logged = asked is not None and asked.outcome in (Outcome.REJECTED, Outcome.GREY)
        self.store.put(VerdictRecord(answer_id, voter_hash(self.salt, platform, user_id, answer_id),
                                     1 if up else -1, self._clock(), None if logged else asked))


@dataclass(frozen=True, slots=True)
class Asked:
    """A question as answered, before it becomes a `QuestionRecord`: what the record needs and no more (the answer
    itself holds topics, sources and buttons a record never reads). Stripping the markup waits for the writer, off
    the reply path."""

    answer_id: str
    asked_at: dt.datetime
    origin: Origin
    revision: str
    outcome: Outcome
    question: str  # as asked, markup and all
    section_id: str | None
    confidence: float
    reply: str
    facts: tuple[str, ...]
    scores: str  # `pack`ed candidates: "venue 0.412 timing 0.2"
    follow_up: bool

    @staticmethod
    def pack(candidates: Iterable[Scored]) -> str:
        """Section ids are slugs (no spaces) and the scores rounded, so the text reads back exactly."""
        return " ".join(f"{c.section_id} {c.score!r}" for c in candidates)

    @property
    def candidates(self) -> tuple[Scored, ...]:
        parts = self.scores.split()
        return tuple(Scored(section_id, float(score)) for section_id, score in zip(parts[::2], parts[1::2]))

    def record(self) -> QuestionRecord:
        return QuestionRecord(
            answer_id=self.answer_id, asked_at=self.asked_at, platform=self.origin.platform,
            chat_kind=self.origin.chat, revision=self.revision, question=strip_markup(self.question),
            outcome=self.outcome, section_id=self.section_id, confidence=self.confidence,
            candidates=self.candidates, reply=self.reply, facts=self.facts, follow_up=self.follow_up)


__all__ = ["Asked", "ChatKind", "Curator", "CurationStore", "Origin", "Outcome", "QuestionRecord", "Scored",
           "StoredQuestion", "VerdictRecord",
           "Wording", "CurationLog", "voter_hash"]
