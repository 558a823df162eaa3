"""The schema. Times are stored as naive UTC so SQLite and PostgreSQL behave the same."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
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


# Core tables, not ORM classes: the bot only ever runs Core statements, and importing the ORM to declare them
# cost about 7 MB of every running bot (with bot/storage/engine.py, which keeps SQLAlchemy's asyncio session out).
# Columns are NOT NULL unless marked nullable, as the ORM declarations before them were.
METADATA = MetaData()


def _column(name: str, type_: Any, *args: Any, nullable: bool = False, **kwargs: Any) -> Column[Any]:
    return Column(name, type_, *args, nullable=nullable, **kwargs)


# Key/value facts about the database itself, e.g. schema_version.
META = Table(
    "meta", METADATA,
    _column("key", String(64), primary_key=True),
    _column("value", String(256)),
)

SUBSCRIPTIONS = Table(
    "subscriptions", METADATA,
    _column("id", Integer, primary_key=True, autoincrement=True),
    _column("platform", String(16)),
    _column("chat_id", String(64)),
    _column("user_id", String(64)),  # who subscribed (last to change it)
    _column("local_time", String(5)),  # "HH:MM"
    _column("timezone", String(64)),  # canonical: IANA name, "UTC" or "UTC+03:00"
    _column("brief_id", String(64)),
    _column("active", Boolean, default=True, index=True),
    _column("created_at", UTCDateTime()),
    # Last (re)subscription: digests scheduled before it are never owed (no surprise catch-up on subscribe).
    _column("updated_at", UTCDateTime()),
    _column("deactivated_reason", String(32), nullable=True),
    _column("mode", String(16), default=DAILY, server_default=DAILY),
    UniqueConstraint("platform", "chat_id", name="uq_subscription_chat"),
    # The due query: the zones in use, and who is at a local time in a window (repository.zones/unsettled).
    Index("ix_subscriptions_schedule", "active", "timezone", "local_time"),
)

# One subscriber's digest for one local date. The unique key is the exactly-once claim.
DELIVERIES = Table(
    "deliveries", METADATA,
    _column("id", Integer, primary_key=True, autoincrement=True),
    _column("subscription_id", Integer, ForeignKey("subscriptions.id", ondelete="CASCADE")),
    _column("local_date", Date),
    _column("revision", String(64)),  # brief revision the digest was built from
    _column("status", String(16), index=True),
    _column("claimed_by", String(64)),
    _column("claimed_at", UTCDateTime()),
    _column("updated_at", UTCDateTime()),
    _column("attempts", Integer, default=1),
    _column("error", String(300), nullable=True),
    _column("retries", Integer, default=0, server_default="0"),  # transient failures retried
    UniqueConstraint("subscription_id", "local_date", name="uq_delivery_day"),
)

# Each brief revision's sections (id -> fingerprint, title) and facts, so each subscriber's "what changed"
# (against the revision of the last digest it received) survives restarts.
REVISIONS = Table(
    "brief_revisions", METADATA,
    _column("revision", String(64), primary_key=True),
    _column("brief_id", String(64)),
    _column("sections", Text),  # JSON: {"section-id": ["fingerprint", "title"], ...}
    _column("recorded_at", UTCDateTime()),
    # JSON bot.core.digest.Snapshot: every topic's facts and figures. NULL for revisions recorded before v2.
    _column("facts", Text, nullable=True),
    # When the facts last changed: this revision's recorded_at, or an earlier revision's with the same facts.
    _column("changed_at", UTCDateTime(), nullable=True),
)

# A question for the curator (rejected, grey zone, or rated by a reader). No user, username or chat id.
CURATED_QUESTIONS = Table(
    "curation_questions", METADATA,
    _column("id", Integer, primary_key=True, autoincrement=True),
    _column("answer_id", String(24), unique=True),
    _column("asked_at", UTCDateTime(), index=True),
    _column("platform", String(16)),
    _column("chat_kind", String(8)),  # private | group | inline
    _column("revision", String(64)),  # the brief revision that answered it
    _column("question", Text),  # markup stripped
    _column("outcome", String(8)),  # rejected | grey | answered | topic
    _column("follow_up", Boolean, default=False),  # read with the previous turn
    _column("section_id", String(100), nullable=True),
    _column("confidence", Float),
    _column("candidates", Text),  # JSON: [["section-id", score], ...], best first
    _column("reply", Text),  # JSON: {"title": ..., "facts": [...]}
)

# One reader's 👍/👎 on one answer; `voter` is a salted hash, so a second tap replaces the first.
CURATED_VERDICTS = Table(
    "curation_verdicts", METADATA,
    _column("id", Integer, primary_key=True, autoincrement=True),
    _column("answer_id", String(24), ForeignKey("curation_questions.answer_id", ondelete="CASCADE")),
    _column("voter", String(64)),
    _column("value", SmallInteger),  # +1 or -1
    _column("at", UTCDateTime()),
    UniqueConstraint("answer_id", "voter", name="uq_verdict_reader"),
)
