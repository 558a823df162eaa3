"""Every query the digest feature runs. Each public method is one transaction."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, and_, bindparam, delete, func, insert, or_, select, tuple_, update
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from bot.storage.engine import AsyncConnection, AsyncEngine
from bot.storage.tables import (
    CLAIMED,
    DAILY,
    GONE,
    SENDING,
    SENT,
    SKIPPED,
    UNKNOWN,
    DELIVERIES,
    META,
    REVISIONS,
    SUBSCRIPTIONS,
)
HEALTH_TIMEOUT = 5.0  # seconds a health check waits for a write before calling the database down


class StorageUnavailable(RuntimeError):
    """A transaction did not reach the database, or reached a file that is no longer the database. The message
    says what an operator should do (never the database URL: it may hold a password)."""


def _advice(exc: BaseException, path: str | None) -> str:
    where = path or "the database at database_url"
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return (f"{where} is read-only: nothing can be saved. Give the bot's user write access to it"
                f"{' and its directory (SQLite writes -wal and -shm files beside it)' if path else ''}, then retry.")
    if "disk is full" in text or "no space" in text:
        return f"the disk holding {where} is full: nothing can be saved. Free some space, then retry."
    return (f"{where} did not answer ({type(exc).__name__}): nothing can be saved. Check that it is reachable and "
            "running, then retry.")


def _sqlite_file(engine: AsyncEngine) -> str | None:
    """The SQLite database file, when the engine has one (not in memory, not a `file:` URI)."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:" or database.startswith("file:"):
        return None
    return os.path.abspath(database)


def _identity(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


@dataclass(frozen=True)
class SubscriptionRecord:
    id: int
    platform: str
    chat_id: str
    user_id: str
    local_time: str
    timezone: str
    brief_id: str
    active: bool
    created_at: dt.datetime
    updated_at: dt.datetime
    deactivated_reason: str | None = None
    mode: str = DAILY  # DAILY: every day; CHANGES: only days the brief changed

    @classmethod
    def of(cls, row: Row) -> "SubscriptionRecord":  # type: ignore[type-arg]
        m = row._mapping
        return cls(m["id"], m["platform"], m["chat_id"], m["user_id"], m["local_time"], m["timezone"],
                   m["brief_id"], bool(m["active"]), m["created_at"], m["updated_at"], m["deactivated_reason"],
                   m["mode"])


@dataclass(frozen=True)
class Claim:
    """A delivery this process now owns; `previous_revision` is the brief revision of the last digest sent."""

    delivery_id: int
    subscription_id: int
    local_date: dt.date
    previous_revision: str | None


@dataclass(frozen=True)
class Settled:
    """A delivery's outcome: SENT, FAILED or GONE (its subscription is then deactivated)."""

    delivery_id: int
    subscription_id: int
    status: str
    error: str | None = None
    retries: int = 0


@dataclass(frozen=True)
class RevisionContent:
    sections: dict[str, tuple[str, str]]  # section id -> (fingerprint, title)
    facts: dict[str, Any] | None  # bot.core.digest.Snapshot; None when recorded before facts were kept


class Repository:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._upsert_native = engine.dialect.name in {"sqlite", "postgresql"}
        # SQLite runs one write transaction at a time anyway (BEGIN IMMEDIATE); queueing them here, not in
        # the connection pool, keeps a large fan-out from exhausting the pool while they wait.
        self._serial = asyncio.Lock() if engine.dialect.name == "sqlite" else None
        self._file = _sqlite_file(engine)
        # An open SQLite connection keeps writing to a file that was deleted or replaced under it, and every
        # such write is lost at the next start: the file's identity is checked around each transaction.
        self._identity = _identity(self._file) if self._file else None

    @asynccontextmanager
    async def _begin(self) -> AsyncIterator[AsyncConnection]:
        self._check_file()
        try:
            if self._serial is None:
                async with self.engine.begin() as conn:
                    yield conn
            else:
                async with self._serial, self.engine.begin() as conn:
                    yield conn
        except (OperationalError, InterfaceError, PoolTimeout, OSError) as exc:
            raise StorageUnavailable(_advice(exc, self._file)) from exc
        self._check_file()  # committed, but to the file that is still the database?

    def _check_file(self) -> None:
        if self._file is not None and _identity(self._file) != self._identity:
            raise StorageUnavailable(
                f"the database file {self._file} was deleted or replaced while the bot was running: nothing is "
                "saved until the bot restarts. Restore it from a backup (or let a fresh one be created) and "
                "restart the bot.")

    async def health(self, timeout: float = HEALTH_TIMEOUT) -> str | None:
        """None when the database takes a write now; otherwise what is wrong and what to do."""
        try:
            async with asyncio.timeout(timeout):
                async with self._begin() as conn:
                    await conn.execute(update(META).where(META.c.key == "schema_version").values(value=META.c.value))
        except StorageUnavailable as exc:
            return str(exc)
        except TimeoutError:
            return f"the database did not take a write within {timeout:g} s (locked or overloaded)"
        return None

    async def healthy(self) -> bool:
        """For /healthz: does the database take writes? (A deleted or read-only file does not.)"""
        return await self.health() is None

    async def dispose(self) -> None:
        await self.engine.dispose()

    # ------------------------------------------------------------ subscriptions

    async def upsert_subscription(self, platform: str, chat_id: str, user_id: str, local_time: str, timezone: str,
                                  brief_id: str, now: dt.datetime, mode: str = DAILY) -> SubscriptionRecord:
        """Create, or update the one subscription of this chat (re-activating it)."""
        values = dict(user_id=user_id, local_time=local_time, timezone=timezone, brief_id=brief_id, active=True,
                      updated_at=now, deactivated_reason=None, mode=mode)
        key = and_(SUBSCRIPTIONS.c.platform == platform, SUBSCRIPTIONS.c.chat_id == chat_id)
        for _ in range(2):  # a concurrent first subscribe of the same chat makes our INSERT lose; then update
            try:
                async with self._begin() as conn:
                    changed = await conn.execute(update(SUBSCRIPTIONS).where(key).values(**values))
                    if not changed.rowcount:
                        await conn.execute(insert(SUBSCRIPTIONS).values(platform=platform, chat_id=chat_id,
                                                                        created_at=now, **values))
                    row = (await conn.execute(select(SUBSCRIPTIONS).where(key))).one()
                    return SubscriptionRecord.of(row)
            except IntegrityError:
                continue
        raise RuntimeError("could not save the subscription")

    async def deactivate(self, platform: str, chat_id: str, reason: str, now: dt.datetime) -> SubscriptionRecord | None:
        """Deactivate the chat's subscription; returns it when it was active."""
        key = and_(SUBSCRIPTIONS.c.platform == platform, SUBSCRIPTIONS.c.chat_id == chat_id, SUBSCRIPTIONS.c.active)
        async with self._begin() as conn:
            row = (await conn.execute(select(SUBSCRIPTIONS).where(key))).one_or_none()
            if row is None:
                return None
            await conn.execute(update(SUBSCRIPTIONS).where(SUBSCRIPTIONS.c.id == row.id)
                               .values(active=False, deactivated_reason=reason, updated_at=now))
            return SubscriptionRecord.of(row)

    async def deactivate_id(self, subscription_id: int, reason: str, now: dt.datetime) -> bool:
        async with self._begin() as conn:
            changed = await conn.execute(
                update(SUBSCRIPTIONS).where(SUBSCRIPTIONS.c.id == subscription_id, SUBSCRIPTIONS.c.active)
                .values(active=False, deactivated_reason=reason, updated_at=now))
            return bool(changed.rowcount)

    async def move_chat(self, platform: str, old_chat_id: str, new_chat_id: str, now: dt.datetime) -> bool:
        """A chat got a new id (a Telegram group became a supergroup): its subscription, and with it its
        deliveries, follows. When the new id already has a subscription, that one wins and the old stops."""
        old = and_(SUBSCRIPTIONS.c.platform == platform, SUBSCRIPTIONS.c.chat_id == old_chat_id)
        new = and_(SUBSCRIPTIONS.c.platform == platform, SUBSCRIPTIONS.c.chat_id == new_chat_id)
        async with self._begin() as conn:
            if (await conn.execute(select(SUBSCRIPTIONS.c.id).where(old))).first() is None:
                return False
            if (await conn.execute(select(SUBSCRIPTIONS.c.id).where(new))).first() is not None:
                await conn.execute(update(SUBSCRIPTIONS).where(old, SUBSCRIPTIONS.c.active)
                                   .values(active=False, deactivated_reason="migrated", updated_at=now))
                return False
            await conn.execute(update(SUBSCRIPTIONS).where(old).values(chat_id=new_chat_id))
            return True

    async def subscriptions(self, active_only: bool = True) -> list[SubscriptionRecord]:
        query = select(SUBSCRIPTIONS).order_by(SUBSCRIPTIONS.c.id)
        if active_only:
            query = query.where(SUBSCRIPTIONS.c.active)
        async with self._begin() as conn:
            return [SubscriptionRecord.of(row) for row in await conn.execute(query)]

    async def zones(self) -> list[str]:
        """Each time zone at least one active subscription has (read from the index alone)."""
        query = select(SUBSCRIPTIONS.c.timezone).where(SUBSCRIPTIONS.c.active).distinct()
        async with self._begin() as conn:
            return list((await conn.execute(query)).scalars())

    async def unsettled(self, day: dt.date, windows: Sequence[tuple[str, str, str]], stale_before: dt.datetime,
                        batch: int = 500) -> AsyncIterator[list[SubscriptionRecord]]:
        """Active subscriptions in a window (zone, first and last local time "HH:MM") whose digest for local
        date `day` nobody has settled (no delivery row, or only a claim gone stale). In batches, each its own
        short transaction, so a crowd at 08:00 never holds the event loop or the database for long."""
        settled = (select(DELIVERIES.c.id)
                   .where(DELIVERIES.c.subscription_id == SUBSCRIPTIONS.c.id, DELIVERIES.c.local_date == day,
                          or_(DELIVERIES.c.status != CLAIMED, DELIVERIES.c.claimed_at >= stale_before))
                   .exists())
        for start in range(0, len(windows), 100):
            at = or_(*(and_(SUBSCRIPTIONS.c.timezone == zone, SUBSCRIPTIONS.c.local_time.between(first, last))
                       for zone, first, last in windows[start:start + 100]))
            after = 0
            while True:  # keyset pages
                query = (select(SUBSCRIPTIONS).where(SUBSCRIPTIONS.c.active, at, ~settled, SUBSCRIPTIONS.c.id > after)
                         .order_by(SUBSCRIPTIONS.c.id).limit(batch))
                async with self._begin() as conn:
                    page = [SubscriptionRecord.of(row) for row in await conn.execute(query)]
                if page:
                    yield page
                if len(page) < batch:
                    break
                after = page[-1].id

    async def subscription(self, platform: str, chat_id: str) -> SubscriptionRecord | None:
        key = and_(SUBSCRIPTIONS.c.platform == platform, SUBSCRIPTIONS.c.chat_id == chat_id)
        async with self._begin() as conn:
            row = (await conn.execute(select(SUBSCRIPTIONS).where(key))).one_or_none()
            return None if row is None else SubscriptionRecord.of(row)

    # ------------------------------------------------------------ deliveries

    async def claim(self, due: Sequence[tuple[int, dt.date]], revision: str, owner: str, now: dt.datetime,
                    stale_before: dt.datetime) -> list[Claim]:
        """Decide and claim in one transaction: a delivery row per (subscription, local date) not yet
        claimed by anyone, plus rows left 'claimed' (never handed to the platform) before `stale_before`
        by a process that died. The UNIQUE(subscription_id, local_date) key makes the race's loser skip."""
        if not due:
            return []
        async with self._begin() as conn:
            active = set((await conn.execute(select(SUBSCRIPTIONS.c.id).where(
                SUBSCRIPTIONS.c.id.in_({sid for sid, _ in due}), SUBSCRIPTIONS.c.active))).scalars())
            wanted = [(sid, day) for sid, day in due if sid in active]
            if not wanted:
                return []
            won = await self._insert_claims(conn, wanted, revision, owner, now)
            won += await self._take_over_stale(conn, wanted, revision, owner, now, stale_before)
            previous = await self._previous_revisions(conn, [sid for _, sid, _ in won])
        return [Claim(did, sid, day, previous.get(sid)) for did, sid, day in won]

    async def _insert_claims(self, conn: AsyncConnection, wanted: list[tuple[int, dt.date]], revision: str,
                             owner: str, now: dt.datetime) -> list[tuple[int, int, dt.date]]:
        rows = [dict(subscription_id=sid, local_date=day, revision=revision, status=CLAIMED, claimed_by=owner,
                     claimed_at=now, updated_at=now, attempts=1) for sid, day in wanted]
        if self._upsert_native:
            if conn.dialect.name == "postgresql":
                from sqlalchemy.dialects.postgresql import insert as native_insert
            else:
                from sqlalchemy.dialects.sqlite import insert as native_insert
            statement = (native_insert(DELIVERIES).on_conflict_do_nothing(index_elements=["subscription_id", "local_date"])
                         .returning(DELIVERIES.c.id, DELIVERIES.c.subscription_id, DELIVERIES.c.local_date))
            won: list[tuple[int, int, dt.date]] = []
            for start in range(0, len(rows), 500):
                won += [(r.id, r.subscription_id, r.local_date)
                        for r in await conn.execute(statement, rows[start:start + 500])]
            return won
        won = []
        for row in rows:  # any other dialect: one savepoint per row, the IntegrityError loser skips
            try:
                async with conn.begin_nested():
                    result = await conn.execute(insert(DELIVERIES).values(**row))
                won.append((result.inserted_primary_key[0], row["subscription_id"], row["local_date"]))
            except IntegrityError:
                continue
        return won

    async def _take_over_stale(self, conn: AsyncConnection, wanted: list[tuple[int, dt.date]], revision: str,
                               owner: str, now: dt.datetime, stale_before: dt.datetime) -> list[tuple[int, int, dt.date]]:
        stale = (await conn.execute(select(DELIVERIES.c.id, DELIVERIES.c.subscription_id, DELIVERIES.c.local_date).where(
            tuple_(DELIVERIES.c.subscription_id, DELIVERIES.c.local_date).in_(wanted),
            DELIVERIES.c.status == CLAIMED, DELIVERIES.c.claimed_at < stale_before))).all()
        won = []
        for row in stale:
            # Compare-and-set: on PostgreSQL a concurrent taker re-checks the WHERE after our commit and misses.
            changed = await conn.execute(
                update(DELIVERIES).where(DELIVERIES.c.id == row.id, DELIVERIES.c.status == CLAIMED,
                                         DELIVERIES.c.claimed_at < stale_before)
                .values(claimed_by=owner, claimed_at=now, updated_at=now, revision=revision,
                        attempts=DELIVERIES.c.attempts + 1))
            if changed.rowcount:
                won.append((row.id, row.subscription_id, row.local_date))
        return won

    @staticmethod
    async def _previous_revisions(conn: AsyncConnection, ids: list[int]) -> dict[int, str]:
        """For each subscription, the brief revision of its latest sent digest."""
        latest: dict[int, tuple[dt.date, str]] = {}
        for start in range(0, len(ids), 500):
            rows = await conn.execute(select(DELIVERIES.c.subscription_id, DELIVERIES.c.local_date, DELIVERIES.c.revision)
                                      .where(DELIVERIES.c.subscription_id.in_(ids[start:start + 500]),
                                             DELIVERIES.c.status == SENT))
            for sid, day, revision in rows:
                if sid not in latest or latest[sid][0] < day:
                    latest[sid] = (day, revision)
        return {sid: revision for sid, (_, revision) in latest.items()}

    async def settle(self, finished: Sequence[Settled], starting: Sequence[tuple[int, str]], owner: str,
                     now: dt.datetime) -> set[int]:
        """One transaction for a batch of a fan-out: records the outcomes in `finished` (a GONE one also
        deactivates its subscription), and moves `starting` (delivery id, brief revision its digest was built
        from: a reload may have just landed) from claimed to sending, only those whose claim we still own.
        Returns the ids moved; the others were taken over by another process: don't send them."""
        if not finished and not starting:
            return set()
        async with self._begin() as conn:
            if finished:
                await self._finish(conn, finished, now)
            return await self._start_sending(conn, starting, owner, now) if starting else set()

    @staticmethod
    async def _finish(conn: AsyncConnection, outcomes: Sequence[Settled], now: dt.datetime) -> None:
        await conn.execute(update(DELIVERIES).where(DELIVERIES.c.id == bindparam("delivery"))
                           .values(status=bindparam("new_status"), updated_at=now, error=bindparam("new_error"),
                                   retries=bindparam("new_retries")),
                           [dict(delivery=o.delivery_id, new_status=o.status, new_retries=o.retries,
                                 new_error=(o.error or None) and o.error[:300]) for o in outcomes])
        gone = [o.subscription_id for o in outcomes if o.status == GONE]
        if gone:
            await conn.execute(update(SUBSCRIPTIONS).where(SUBSCRIPTIONS.c.id.in_(gone))
                               .values(active=False, deactivated_reason="gone", updated_at=now))

    async def _start_sending(self, conn: AsyncConnection, deliveries: Sequence[tuple[int, str]], owner: str,
                             now: dt.datetime) -> set[int]:
        by_revision: dict[str, list[int]] = {}
        for delivery_id, revision in deliveries:
            by_revision.setdefault(revision, []).append(delivery_id)
        started: set[int] = set()
        for revision, batch in by_revision.items():
            statement = (update(DELIVERIES).where(DELIVERIES.c.id.in_(batch), DELIVERIES.c.status == CLAIMED,
                                                  DELIVERIES.c.claimed_by == owner)
                         .values(status=SENDING, updated_at=now, revision=revision))
            if self._upsert_native:
                started.update((await conn.execute(statement.returning(DELIVERIES.c.id))).scalars())
                continue
            await conn.execute(statement)
            # Only we mark our own claims 'sending', so these are exactly the rows just moved.
            started.update((await conn.execute(select(DELIVERIES.c.id).where(
                DELIVERIES.c.id.in_(batch), DELIVERIES.c.status == SENDING, DELIVERIES.c.claimed_by == owner))).scalars())
        return started

    async def last_received(self, subscription_id: int) -> str | None:
        """The brief revision of the subscription's latest sent digest."""
        async with self._begin() as conn:
            return (await self._previous_revisions(conn, [subscription_id])).get(subscription_id)

    async def skip(self, delivery_ids: Sequence[int], now: dt.datetime) -> None:
        """Claimed days that send nothing (a `changes` subscription, nothing new): settled, never sent."""
        if delivery_ids:
            async with self._begin() as conn:
                await conn.execute(update(DELIVERIES).where(DELIVERIES.c.id.in_(list(delivery_ids)),
                                                            DELIVERIES.c.status == CLAIMED)
                                   .values(status=SKIPPED, updated_at=now))

    async def release_claims(self, owner: str) -> int:
        """On a clean shutdown: give back claims never handed to the platform, so a restart sends them at once."""
        async with self._begin() as conn:
            result = await conn.execute(delete(DELIVERIES).where(DELIVERIES.c.status == CLAIMED,
                                                                 DELIVERIES.c.claimed_by == owner))
            return result.rowcount or 0

    async def expire_sending(self, before: dt.datetime, now: dt.datetime) -> int:
        """'sending' rows older than `before` belong to a process that died mid-send: mark them 'unknown'
        (the platform may or may not have delivered them) so they are never sent twice."""
        async with self._begin() as conn:
            result = await conn.execute(update(DELIVERIES).where(DELIVERIES.c.status == SENDING,
                                                                 DELIVERIES.c.updated_at < before)
                                        .values(status=UNKNOWN, updated_at=now, error="process stopped mid-send"))
            return result.rowcount or 0

    async def deliveries(self, subscription_ids: Iterable[int] | None = None) -> list[dict[str, object]]:
        query = select(DELIVERIES).order_by(DELIVERIES.c.id)
        if subscription_ids is not None:
            query = query.where(DELIVERIES.c.subscription_id.in_(list(subscription_ids)))
        async with self._begin() as conn:
            return [dict(row._mapping) for row in await conn.execute(query)]

    async def delivery_counts(self, since: dt.datetime, until: dt.datetime) -> dict[str, dict[str, int]]:
        """Per platform, deliveries last updated in [since, until): a count per status, and "retried"
        (transient failures retried)."""
        query = (select(SUBSCRIPTIONS.c.platform, DELIVERIES.c.status, func.count(), func.sum(DELIVERIES.c.retries))
                 .join(SUBSCRIPTIONS, SUBSCRIPTIONS.c.id == DELIVERIES.c.subscription_id)
                 .where(DELIVERIES.c.updated_at >= since, DELIVERIES.c.updated_at < until)
                 .group_by(SUBSCRIPTIONS.c.platform, DELIVERIES.c.status))
        counts: dict[str, dict[str, int]] = {}
        async with self._begin() as conn:
            for platform, status, count, retried in await conn.execute(query):
                per = counts.setdefault(platform, {})
                per[status] = per.get(status, 0) + count
                per["retried"] = per.get("retried", 0) + int(retried or 0)
        return counts

    async def status_counts(self) -> dict[str, int]:
        async with self._begin() as conn:
            rows = await conn.execute(select(DELIVERIES.c.status, func.count()).group_by(DELIVERIES.c.status))
            return {status: count for status, count in rows}

    # ------------------------------------------------------------ brief revisions

    async def record_revision(self, revision: str, brief_id: str, sections: dict[str, tuple[str, str]],
                              facts: dict[str, Any], now: dt.datetime) -> dt.datetime:
        """Record a revision once (any process may); returns when its facts last changed: now, or the
        `changed_at` of the latest earlier revision of the brief when that one had the same facts."""
        payload = json.dumps(sections, sort_keys=True, ensure_ascii=False)
        facts_json = json.dumps(facts, sort_keys=True, ensure_ascii=False)
        for _ in range(2):
            try:
                async with self._begin() as conn:
                    found = (await conn.execute(select(REVISIONS.c.changed_at, REVISIONS.c.recorded_at, REVISIONS.c.facts)
                                                .where(REVISIONS.c.revision == revision))).first()
                    if found is not None:
                        if found.facts is None:  # recorded before facts were kept: keep them now
                            await conn.execute(update(REVISIONS).where(REVISIONS.c.revision == revision)
                                               .values(facts=facts_json))
                        return found.changed_at or found.recorded_at
                    latest = (await conn.execute(
                        select(REVISIONS.c.facts, REVISIONS.c.changed_at, REVISIONS.c.recorded_at)
                        .where(REVISIONS.c.brief_id == brief_id).order_by(REVISIONS.c.recorded_at.desc()).limit(1))).first()
                    same = latest is not None and latest.facts == facts_json
                    changed_at = (latest.changed_at or latest.recorded_at) if same else now
                    await conn.execute(insert(REVISIONS).values(revision=revision, brief_id=brief_id, sections=payload,
                                                                facts=facts_json, recorded_at=now, changed_at=changed_at))
                    return changed_at
            except IntegrityError:
                continue  # another process recorded the same revision first: read its row
        return now

    async def revision_contents(self, revisions: Iterable[str]) -> dict[str, RevisionContent]:
        wanted = list(set(revisions))
        if not wanted:
            return {}
        async with self._begin() as conn:
            rows = await conn.execute(select(REVISIONS.c.revision, REVISIONS.c.sections, REVISIONS.c.facts)
                                      .where(REVISIONS.c.revision.in_(wanted)))
            return {rev: RevisionContent({k: (v[0], v[1]) for k, v in json.loads(raw).items()},
                                         json.loads(facts) if facts else None)
                    for rev, raw, facts in rows}
