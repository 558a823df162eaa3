"""Daily-digest subscriptions: the core `Subscriptions` port over the database, and the due/claim/send pass.

Exactly once. Every digest is one delivery row keyed UNIQUE(subscription_id, local_date):
  claimed  the row was inserted in the transaction that decided the digest is due (the race's loser skips);
  sending  set (compare-and-set on `claimed` + our process id) right before handing it to the platform;
  sent / failed / gone   the outcome.
A process that dies leaves 'claimed' rows (never handed over): after `lease` any process takes them over and
sends them, so nothing is dropped. A 'sending' row it leaves may or may not have reached the chat: it is
marked 'unknown' after the lease and never sent again, so nothing is repeated. A clean shutdown gives its
'claimed' rows back at once.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import socket
import uuid
from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass

from bot.core.digest import Snapshot, diff_snapshots
from bot.core.models import Digest, TopicChanges
from bot.core.ports import Messenger
from bot.core.schedule import (
    Clock,
    SystemClock,
    Zone,
    describe_local,
    format_time,
    last_fire,
    local_times_between,
    next_fire,
    parse_time,
    parse_zone,
    zone_named,
)
from bot.core.service import BriefService
from bot.core.store import diff_sections
from bot.fanout import FanoutReport, FanoutSender, Outbound, Outcome, Result
from bot.core.ports import InvalidSchedule, NotSaved
from bot.storage.repository import (
    Claim,
    Repository,
    RevisionContent,
    Settled,
    StorageUnavailable,
    SubscriptionRecord,
)
from bot.storage.tables import CHANGES, DAILY, FAILED, GONE, SENT, SKIPPED, UNKNOWN

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config import DigestSettings
    from bot.config_base import DigestView

log = logging.getLogger(__name__)

NOT_SAVED = "Sorry, I couldn't save your subscription. Please try again later."
NOT_STOPPED = "Sorry, I couldn't stop your subscription just now. Please try again later."
MIN_GRACE = dt.timedelta(minutes=1)  # the job itself fires a few milliseconds after its time
DEFAULT_LEASE = dt.timedelta(minutes=10)
CLAIM_CHUNK = 250  # claims are taken just ahead of the sends (about 8 s of them), so a crash strands at most this many for a lease

@dataclass(frozen=True)
class Due:
    subscription: SubscriptionRecord
    local_date: dt.date
    instant: dt.datetime


def subscription_zone(sub: SubscriptionRecord) -> Zone:
    return zone_named(sub.timezone)


def subscription_time(sub: SubscriptionRecord) -> dt.time:
    return dt.time.fromisoformat(sub.local_time)


def parse_mode(text: str | None) -> str:
    """`/subscribe … changes`: digests only on days the brief changed; otherwise (or "daily") every day."""
    mode = (text or DAILY).strip().lower()
    if mode not in (DAILY, CHANGES):
        raise InvalidSchedule(f'"{text}" is not a digest mode: add "changes" to get digests only on days the brief '
                              "changed, or leave it out for every day.")
    return mode


def process_id() -> str:
    return f"{socket.gethostname()[:32]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class DigestSubscriptions:
    """Implements bot.core.ports.Subscriptions, and sends the digests that are due."""

    def __init__(self, repository: Repository, service: BriefService, settings: DigestSettings | DigestView, *,
                 sender: FanoutSender | None = None, clock: Clock | None = None,
                 lease: dt.timedelta = DEFAULT_LEASE, owner: str | None = None) -> None:
        self.repository = repository
        self.service = service
        self.settings = settings
        self.sender = sender or FanoutSender()
        self.clock = clock or SystemClock()
        self.lease = lease
        self.owner = owner or process_id()
        self.grace = max(dt.timedelta(minutes=settings.grace_minutes), MIN_GRACE)
        self._recorded: dict[str, dt.date] = {}  # revision -> when its facts last changed
        self._revisions: dict[str, RevisionContent] = {}
        self._facts: tuple[str, Snapshot] = ("", {})
        self._missing_platforms: set[str] = set()
        self._run_lock = asyncio.Lock()

    def use_messengers(self, messengers: Iterable[Messenger]) -> None:
        """The started chat adapters; digests for a platform with none stay unclaimed for another process."""
        self.sender.use(messengers)

    # ------------------------------------------------------------ the Subscriptions port

    async def subscribe(self, platform: str, chat_id: str, user_id: str,
                        time_text: str | None, zone_text: str | None, mode: str | None = None) -> str:
        at = parse_time(time_text if time_text and time_text.strip() else self.settings.default_time)
        zone = parse_zone(zone_text if zone_text and zone_text.strip() else self.settings.default_timezone)
        mode = parse_mode(mode)
        now = self.clock.now()
        try:
            before = await self.repository.subscription(platform, str(chat_id))
            await self.repository.upsert_subscription(
                platform, str(chat_id), str(user_id), format_time(at), zone.name, self.service.store.brief.meta.id,
                now, mode)
        except StorageUnavailable as exc:
            log.error("a %s subscription was not saved: %s", platform, exc)
            raise NotSaved(NOT_SAVED) from None
        _, upcoming = next_fire(at, zone, now)
        verb = "Updated your" if before is not None and before.active else "Subscribed to the"
        fixed = " (a fixed UTC offset: it does not follow daylight saving time)" if zone.fixed else ""
        kind = "digest of changes" if mode == CHANGES else "daily digest"
        when = "only on days the brief changed" if mode == CHANGES else "every day"
        return (f"{verb} {kind} of \"{self.service.store.brief.meta.title}\" at {format_time(at)} "
                f"{zone.name}{fixed}, {when}. Next one: {describe_local(upcoming, zone)}. "
                "Send /unsubscribe to stop.")

    async def migrate(self, platform: str, old_chat_id: str, new_chat_id: str) -> bool:
        """The chat now has a new id (a Telegram group upgraded to a supergroup): move its subscription."""
        moved = await self.repository.move_chat(platform, str(old_chat_id), str(new_chat_id), self.clock.now())
        if moved:
            log.info("%s chat %s became %s; its digest subscription moved with it", platform, old_chat_id,
                     new_chat_id)
        return moved

    async def first_digest(self) -> Digest:
        """What a new subscriber gets first: the recap."""
        now = self.clock.now()
        updated = await self._record_revision(now)
        day = now.astimezone(parse_zone(self.settings.default_timezone).tzinfo).date()
        return self.service.digest(day, None, updated, self.settings.recap_chars)

    async def preview(self, platform: str, chat_id: str) -> tuple[Digest, str | None]:
        """What this chat receives next (built exactly as the send will be), and a note when it needs one."""
        sub = await self.repository.subscription(platform, str(chat_id))
        if sub is None or not sub.active:
            return (await self.first_digest(),
                    "This chat has no digest subscription: this is the first digest a new subscriber gets.")
        now = self.clock.now()
        updated = await self._record_revision(now)
        day, _ = next_fire(subscription_time(sub), subscription_zone(sub), now)
        previous = await self.repository.last_received(sub.id)
        await self._load_revisions({previous} if previous else set())
        digest = self.service.digest(day, self._changes(previous), updated, self.settings.recap_chars)
        if sub.mode == CHANGES and digest.nothing_new:
            return digest, ("Nothing changed since this chat's last digest, so none is sent until the brief "
                            "changes (this chat gets changes only).")
        return digest, None

    async def unsubscribe(self, platform: str, chat_id: str) -> bool:
        try:
            record = await self.repository.deactivate(platform, str(chat_id), "unsubscribed", self.clock.now())
        except StorageUnavailable as exc:
            log.error("a %s unsubscription was not saved: %s", platform, exc)
            raise NotSaved(NOT_STOPPED) from None
        return record is not None

    # ------------------------------------------------------------ due digests

    async def due(self, now: dt.datetime | None = None) -> list[Due]:
        """Every digest owed at `now` that nobody has claimed yet (or whose claim went stale): its latest time
        is within the grace window and after the subscription was (re)made. The database is asked only for the
        subscribers whose local time falls in the window, zone by zone, so a pass costs the same at 50,000
        subscribers as at 50 (but for those actually due)."""
        now = now or self.clock.now()
        start = now - self.grace
        windows: dict[dt.date, list[tuple[str, str, str]]] = defaultdict(list)
        for name in await self.repository.zones():
            zone = zone_named(name)
            day, last = start.astimezone(zone.tzinfo).date(), now.astimezone(zone.tzinfo).date()
            while day <= last:
                if span := local_times_between(day, zone, start, now):
                    windows[day].append((name, *span))
                day += dt.timedelta(days=1)
        fires: dict[tuple[str, str], tuple[dt.date, dt.datetime]] = {}
        due: list[Due] = []
        for day, spans in windows.items():
            async for page in self.repository.unsettled(day, spans, now - self.lease):
                for sub in page:
                    key = (sub.local_time, sub.timezone)
                    if key not in fires:
                        fires[key] = last_fire(subscription_time(sub), subscription_zone(sub), now)
                    fire_day, instant = fires[key]
                    if fire_day == day and now - instant <= self.grace and instant >= sub.updated_at:
                        due.append(Due(sub, day, instant))
        return due

    async def run_due(self) -> FanoutReport:
        """One pass: claim and send what is due now. Passes in one process never overlap."""
        async with self._run_lock:
            now = self.clock.now()
            expired = await self.repository.expire_sending(now - self.lease, now)
            if expired:
                log.warning("%d digest(s) were being sent when a bot process stopped; they are not resent", expired)
            by_platform: dict[str, list[Due]] = defaultdict(list)
            for item in await self.due(now):
                by_platform[item.subscription.platform].append(item)
            runnable = {p: items for p, items in by_platform.items() if p in self.sender.messengers}
            for platform in by_platform.keys() - runnable.keys() - self._missing_platforms:
                self._missing_platforms.add(platform)
                log.warning("%d %s digest(s) are due but no %s adapter is running here; left for another process",
                            len(by_platform[platform]), platform, platform)
            report = FanoutReport()
            results = await asyncio.gather(*(self.sender.send_all(self._claimed(items), _Hooks(self))
                                             for items in runnable.values()), return_exceptions=True)
            for platform, result in zip(runnable, results):
                if isinstance(result, FanoutReport):
                    report.add(result)
                elif isinstance(result, Exception):  # e.g. the database went away: the other platform carries on
                    log.error("%s digest pass stopped: %s; unsent claims are retried after the lease",
                              platform, type(result).__name__, exc_info=result)
                else:
                    raise result  # cancellation / process exit
            if any(report.counts.values()):
                log.info("digest pass: %s", report)
            return report

    async def _claimed(self, items: list[Due]) -> AsyncIterator[Outbound]:
        subs = {d.subscription.id: d.subscription for d in items}
        instants = {d.subscription.id: d.instant for d in items}
        for start in range(0, len(items), CLAIM_CHUNK):
            if self.sender.stopping:
                return
            chunk = items[start:start + CLAIM_CHUNK]
            now = self.clock.now()
            revision = self.service.store.current.revision
            claims = await self.repository.claim([(d.subscription.id, d.local_date) for d in chunk], revision,
                                                 self.owner, now, now - self.lease)
            digests = await self._digests(claims)
            quiet: list[int] = []
            for claim in claims:
                sub = subs[claim.subscription_id]
                digest = digests[(claim.local_date, claim.previous_revision)]
                if sub.mode == CHANGES and digest.nothing_new:
                    quiet.append(claim.delivery_id)
                else:
                    yield Outbound(sub.platform, sub.chat_id, digest, claim, self._retry_for(instants[sub.id]))
            await self.repository.skip(quiet, self.clock.now())

    async def _digests(self, claims: list[Claim]) -> dict[tuple[dt.date, str | None], Digest]:
        """One Digest per (local date, revision last sent): thousands of subscribers share a handful."""
        await self._load_revisions({c.previous_revision for c in claims if c.previous_revision})
        updated = await self._record_revision(self.clock.now())
        built: dict[tuple[dt.date, str | None], Digest] = {}
        for claim in claims:
            key = (claim.local_date, claim.previous_revision)
            if key not in built:
                changes = self._changes(claim.previous_revision)
                built[key] = self.service.digest(claim.local_date, changes, updated, self.settings.recap_chars)
        return built

    def _retry_for(self, instant: dt.datetime) -> float:
        """Transient failures are retried within the grace window, and well within the lease (a row 'sending'
        longer than that is taken for a dead process's)."""
        window = min(instant + self.grace - self.clock.now(), self.lease / 2)
        return max(window.total_seconds(), 0.0)

    async def _load_revisions(self, revisions: set[str]) -> None:
        wanted = revisions - set(self._revisions) - {self.service.store.current.revision}
        self._revisions.update(await self.repository.revision_contents(wanted))

    def _changes(self, previous: str | None) -> tuple[TopicChanges, ...] | None:
        """What changed since the digest the subscriber last received (revision `previous`): None for a first
        digest, () when nothing did. A revision recorded before facts were kept gives topic-level changes."""
        loaded = self.service.store.current
        if previous is None:
            return None
        if previous == loaded.revision:
            return ()
        content = self._revisions.get(previous)
        if content is None:
            log.warning("brief revision %s of a subscriber's last digest is not recorded; sending the recap", previous)
            return None
        if content.facts is not None:
            return diff_snapshots(content.facts, self._current_facts())
        diff = diff_sections(content.sections, loaded.brief.section_prints())
        return tuple(TopicChanges(topic) for topic in diff.added + diff.edited + diff.removed)

    def _current_facts(self) -> Snapshot:
        loaded = self.service.store.current
        if self._facts[0] != loaded.revision:
            self._facts = (loaded.revision, self.service.snapshot())
        return self._facts[1]

    async def _record_revision(self, now: dt.datetime) -> dt.date:
        """Records the loaded revision (once per process); returns when the brief's facts last changed."""
        loaded = self.service.store.current
        if loaded.revision not in self._recorded:
            changed = await self.repository.record_revision(loaded.revision, loaded.brief.meta.id,
                                                            loaded.brief.section_prints(), self._current_facts(), now)
            self._recorded[loaded.revision] = changed.date()
        return self._recorded[loaded.revision]

    async def idle(self) -> None:
        """Returns once no pass is running."""
        async with self._run_lock:
            pass

    async def release(self) -> None:
        """Clean shutdown: claims not yet handed to a platform go back so a restart sends them at once."""
        released = await self.repository.release_claims(self.owner)
        if released:
            log.info("released %d unsent digest claim(s) for the next run", released)

    # ------------------------------------------------------------ outcomes

    async def _settle(self, done: Sequence[Result], starting: Sequence[Outbound]) -> list[bool]:
        status = {Outcome.SENT: SENT, Outcome.GONE: GONE, Outcome.FAILED: FAILED}
        started = await self.repository.settle(
            [Settled(_claim(r.item).delivery_id, _claim(r.item).subscription_id, status[r.outcome], r.error,
                     r.retries) for r in done],
            [(_claim(item).delivery_id, item.digest.revision) for item in starting], self.owner, self.clock.now())
        for r in done:
            if r.outcome is Outcome.GONE:
                # Logged once: the subscription is inactive from now on, so it is never tried again.
                log.warning("%s chat %s can no longer receive messages (%s); subscription %d deactivated",
                            r.item.platform, r.item.chat_id, r.error, _claim(r.item).subscription_id)
            elif r.outcome is Outcome.FAILED:
                log.warning("%s digest for subscription %d failed: %s", r.item.platform,
                            _claim(r.item).subscription_id, r.error)
        return [_claim(item).delivery_id in started for item in starting]

    # ------------------------------------------------------------ admin listing

    async def report_lines(self, now: dt.datetime | None = None) -> list[str]:
        return await subscription_report(self.repository, now or self.clock.now())

    async def delivery_lines(self) -> list[str]:
        """For /stats: today's (UTC) digests per platform: sent, failed, retried, deactivated."""
        now = self.clock.now().astimezone(dt.timezone.utc)
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        counts = await self.repository.delivery_counts(midnight, midnight + dt.timedelta(days=1))
        lines = [f"Digests today (UTC): {'' if counts else 'none yet'}".rstrip()]
        for platform, c in sorted(counts.items()):
            skipped = f", {c[SKIPPED]} skipped (nothing new)" if c.get(SKIPPED) else ""
            lines.append(f"  {platform}: {c.get(SENT, 0)} sent, {c.get(FAILED, 0) + c.get(UNKNOWN, 0)} failed, "
                         f"{c.get('retried', 0)} retried, {c.get(GONE, 0)} deactivated{skipped}")
        return lines


class _Hooks:
    def __init__(self, owner: DigestSubscriptions) -> None:
        self._owner = owner

    async def settle(self, done: Sequence[Result], starting: Sequence[Outbound]) -> list[bool]:
        return await self._owner._settle(done, starting)


def _claim(item: Outbound) -> Claim:
    assert isinstance(item.ref, Claim)
    return item.ref


async def subscription_report(repository: Repository, now: dt.datetime) -> list[str]:
    """`python -m bot subscriptions`: counts per platform, then next run times grouped by schedule."""
    subs = await repository.subscriptions(active_only=False)
    active = [s for s in subs if s.active]
    per_platform = Counter(s.platform for s in active)
    counts = ", ".join(f"{p} {n}" for p, n in sorted(per_platform.items())) or "none"
    lines = [f"Subscriptions: {len(active)} active ({counts}); {len(subs) - len(active)} inactive"]
    groups: dict[tuple[dt.datetime, str, str], Counter[str]] = defaultdict(Counter)
    for sub in active:
        zone = subscription_zone(sub)
        _, instant = next_fire(subscription_time(sub), zone, now)
        groups[(instant, sub.local_time, zone.name)][sub.platform] += 1
    if groups:
        lines.append("Next runs:")
        for (instant, local_time, zone_name), platforms in sorted(groups.items()):
            who = ", ".join(f"{p} {n}" for p, n in sorted(platforms.items()))
            lines.append(f"  {instant:%Y-%m-%d %H:%M} UTC  {local_time} {zone_name}  ({who})")
    statuses = await repository.status_counts()
    if statuses:
        lines.append("Deliveries: " + ", ".join(f"{s} {n}" for s, n in sorted(statuses.items())))
    return lines
