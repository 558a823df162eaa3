"""The schema. Times are stored as naive UTC so SQLite and PostgreSQL behave the same."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

SCHEMA_VERSION = 2  # bot.storage.database.MIGRATIONS brings older databases up to it

# Delivery status: claimed (decided, not yet handed to the platform) -> sending (handed over) ->
# sent | failed | gone; a 'sending' row whose process died is later marked 'unknown' and never resent.
# 'skipped': a `changes` subscription's day with nothing new (claimed, then not sent).
CLAIMED, SENDING, SENT, FAILED, GONE, UNKNOWN = "claimed", "sending", "sent", "failed", "gone", "unknown"
SKIPPED = "skipped"
# Subscription modes: a digest every day, or only on days the brief changed.
DAILY, CHANGES = "daily", "changes"


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware datetimes in, aware UTC datetimes out; naive UTC in the database."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.timezone.utc)


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Key/value facts about the database itself, e.g. schema_version."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(256))


class Subscription(Base):
    __tablename__ = "subscriptions"
    __table_args__ = (
        UniqueConstraint("platform", "chat_id", name="uq_subscription_chat"),
        # The due query: the zones in use, and who is at a local time in a window (repository.zones/unsettled).
        Index("ix_subscriptions_schedule", "active", "timezone", "local_time"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    platform: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[str] = mapped_column(String(64))  # who subscribed (last to change it)
    local_time: Mapped[str] = mapped_column(String(5))  # "HH:MM"
    timezone: Mapped[str] = mapped_column(String(64))  # canonical: IANA name, "UTC" or "UTC+03:00"
    brief_id: Mapped[str] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    # Last (re)subscription: digests scheduled before it are never owed (no surprise catch-up on subscribe).
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    deactivated_reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    mode: Mapped[str] = mapped_column(String(16), default=DAILY, server_default=DAILY)


class Delivery(Base):
    """One subscriber's digest for one local date. The unique key is the exactly-once claim."""

    __tablename__ = "deliveries"
    __table_args__ = (UniqueConstraint("subscription_id", "local_date", name="uq_delivery_day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscriptions.id", ondelete="CASCADE"))
    local_date: Mapped[dt.date] = mapped_column(Date)
    revision: Mapped[str] = mapped_column(String(64))  # brief revision the digest was built from
    status: Mapped[str] = mapped_column(String(16), index=True)
    claimed_by: Mapped[str] = mapped_column(String(64))
    claimed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    error: Mapped[str | None] = mapped_column(String(300), nullable=True)
    retries: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # transient failures retried


class BriefRevision(Base):
    """Each brief revision's sections (id -> fingerprint, title) and facts, so each subscriber's "what changed"
    (against the revision of the last digest it received) survives restarts."""

    __tablename__ = "brief_revisions"

    revision: Mapped[str] = mapped_column(String(64), primary_key=True)
    brief_id: Mapped[str] = mapped_column(String(64))
    sections: Mapped[str] = mapped_column(Text)  # JSON: {"section-id": ["fingerprint", "title"], ...}
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    # JSON bot.core.digest.Snapshot: every topic's facts and figures. NULL for revisions recorded before v2.
    facts: Mapped[str | None] = mapped_column(Text, nullable=True)
    # When the facts last changed: this revision's recorded_at, or an earlier revision's with the same facts.
    changed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class CuratedQuestion(Base):
    """A question for the curator (rejected, grey zone, or rated by a reader). No user, username or chat id."""

    __tablename__ = "curation_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    answer_id: Mapped[str] = mapped_column(String(24), unique=True)
    asked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)
    platform: Mapped[str] = mapped_column(String(16))
    chat_kind: Mapped[str] = mapped_column(String(8))  # private | group | inline
    revision: Mapped[str] = mapped_column(String(64))  # the brief revision that answered it
    question: Mapped[str] = mapped_column(Text)  # markup stripped
    outcome: Mapped[str] = mapped_column(String(8))  # rejected | grey | answered | topic
    follow_up: Mapped[bool] = mapped_column(Boolean, default=False)  # read with the previous turn
    section_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    confidence: Mapped[float] = mapped_column(Float)
    candidates: Mapped[str] = mapped_column(Text)  # JSON: [["section-id", score], ...], best first
    reply: Mapped[str] = mapped_column(Text)  # JSON: {"title": ..., "facts": [...]}


class CuratedVerdict(Base):
    """One reader's 👍/👎 on one answer; `voter` is a salted hash, so a second tap replaces the first."""

    __tablename__ = "curation_verdicts"
    __table_args__ = (UniqueConstraint("answer_id", "voter", name="uq_verdict_reader"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    answer_id: Mapped[str] = mapped_column(ForeignKey("curation_questions.answer_id", ondelete="CASCADE"))
    voter: Mapped[str] = mapped_column(String(64))
    value: Mapped[int] = mapped_column(SmallInteger)  # +1 or -1
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
