"""Fan-out: send many digests through each platform's rate limiter, surviving 429s and blocked chats.

A platform adapter that paces its own sends (it has a `limiter`: every message it sends, answers and each
digest part, takes a slot there) is not paced again here; digests only queue behind readers' answers in it.
A messenger without one (a test stand-in) is paced by a limiter of the platform's published limits.
"""

from __future__ import annotations

import asyncio
import enum
import logging
from collections.abc import AsyncIterable, Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from bot.core.models import Digest
from bot.core.ports import Messenger, NullObserver, Observer, RateLimited, RecipientGone, TransientFailure
from bot.ratelimit import DISCORD_LIMITS, LIMITS, PlatformLimits, Priority, RateLimiter

log = logging.getLogger(__name__)


# A transient failure (5xx, timeout, network error) is retried after 2 s, then 4, 8, … (at most a minute apart)
# for as long as the item's `retry_for` allows (its grace window).
FIRST_BACKOFF = 2.0
MAX_BACKOFF = 60.0


class Outcome(enum.Enum):
    SENT = "sent"
    GONE = "gone"  # blocked, kicked, chat deleted: the subscription is deactivated
    FAILED = "failed"  # any other error, or still rate limited after max attempts
    SKIPPED = "skipped"  # before_send said no (e.g. another process took the claim over)


@dataclass(frozen=True)
class Outbound:
    platform: str
    chat_id: str
    digest: Digest
    ref: object = None  # the caller's handle (a delivery claim)
    retry_for: float = 0.0  # seconds from the first attempt during which transient failures are retried


class Hooks(Protocol):
    async def before_send(self, item: Outbound) -> bool:
        """Last check before handing the message to the platform; False skips it."""
        ...

    async def after_send(self, item: Outbound, outcome: Outcome, error: str | None, retries: int = 0) -> None:
        """`retries`: transient failures of this item retried before the outcome."""
        ...


@dataclass
class FanoutReport:
    counts: dict[Outcome, int] = field(default_factory=lambda: {o: 0 for o in Outcome})
    retries: int = 0

    def add(self, other: "FanoutReport") -> None:
        for outcome, count in other.counts.items():
            self.counts[outcome] += count
        self.retries += other.retries

    def __str__(self) -> str:
        parts = [f"{o.value} {n}" for o, n in self.counts.items() if n]
        return ", ".join(parts + ([f"retries {self.retries}"] if self.retries else [])) or "nothing to send"


class FanoutSender:
    """Sends through `messengers` (one per platform), paced by one limiter per platform, kept across runs."""

    def __init__(self, messengers: Mapping[str, Messenger] | Iterable[Messenger] = (), *, concurrency: int = 16,
                 max_attempts: int = 5, clock: Callable[[], float] | None = None,
                 sleep: Callable[[float], Awaitable[None]] | None = None,
                 limits: Mapping[str, PlatformLimits] | None = None, observer: Observer | None = None) -> None:
        self.messengers: dict[str, Messenger] = {}
        self.observer: Observer = observer or NullObserver()
        self.use(messengers)
        self.concurrency = concurrency
        self.max_attempts = max_attempts
        self._clock, self._sleep = clock, sleep
        self._limits = dict(limits or LIMITS)
        self._limiters: dict[str, RateLimiter] = {}
        self._stopping = False

    def use(self, messengers: Mapping[str, Messenger] | Iterable[Messenger]) -> None:
        items = messengers.values() if isinstance(messengers, Mapping) else messengers
        self.messengers.update({m.platform: m for m in items})

    def limiter(self, platform: str) -> RateLimiter:
        """The platform adapter's own limiter when it has one (shared with its answers), else one of ours."""
        own: RateLimiter | None = getattr(self.messengers.get(platform), "limiter", None)
        if own is not None:
            return own
        if platform not in self._limiters:
            limits = self._limits.get(platform, DISCORD_LIMITS)
            self._limiters[platform] = RateLimiter(limits, platform, self._clock, self._sleep)
        return self._limiters[platform]

    def stop(self) -> None:
        """Finish the sends in flight, start no new ones (a clean shutdown)."""
        self._stopping = True

    @property
    def stopping(self) -> bool:
        return self._stopping

    async def send_all(self, items: AsyncIterable[Outbound] | Iterable[Outbound], hooks: Hooks) -> FanoutReport:
        """Send every item; one failure never stops the rest. Items of one call may mix platforms."""
        report = FanoutReport()
        queue: asyncio.Queue[Outbound | None] = asyncio.Queue(maxsize=self.concurrency * 2)

        async def produce() -> None:
            if isinstance(items, AsyncIterable):
                async for item in items:
                    if self._stopping:
                        break
                    await queue.put(item)
            else:
                for item in items:
                    if self._stopping:
                        break
                    await queue.put(item)
            for _ in range(self.concurrency):
                await queue.put(None)

        # The producer runs beside the workers: if a worker dies, gather raises at once instead of the
        # producer waiting forever on a full queue.
        tasks = [asyncio.create_task(produce())]
        tasks += [asyncio.create_task(self._worker(queue, hooks, report)) for _ in range(self.concurrency)]
        try:
            await asyncio.gather(*tasks)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        return report

    async def _worker(self, queue: asyncio.Queue[Outbound | None], hooks: Hooks, report: FanoutReport) -> None:
        while (item := await queue.get()) is not None:
            if self._stopping:
                continue  # drain without sending; the caller gives unsent claims back
            outcome, error, retries = await self._deliver(item, hooks, report)
            report.counts[outcome] += 1
            if outcome is Outcome.SENT:
                self.observer.digest_sent(item.platform)
            if outcome is not Outcome.SKIPPED:
                try:
                    await hooks.after_send(item, outcome, error, retries)
                except Exception:
                    log.exception("recording a %s digest result failed", item.platform)

    async def _deliver(self, item: Outbound, hooks: Hooks, report: FanoutReport
                       ) -> tuple[Outcome, str | None, int]:
        """The outcome, its error, and how many transient failures were retried on the way."""
        messenger = self.messengers.get(item.platform)
        if messenger is None:
            return Outcome.FAILED, f"no running {item.platform} adapter", 0
        try:
            if not await hooks.before_send(item):
                return Outcome.SKIPPED, None, 0
        except Exception:
            log.exception("could not prepare a %s digest; skipped", item.platform)
            return Outcome.SKIPPED, None, 0
        limiter = self.limiter(item.platform)
        paces_itself = getattr(messenger, "limiter", None) is not None  # a slot per message part, taken there
        retry_until = limiter.now() + item.retry_for
        transient = 0
        attempt = 0  # rate-limited attempts: at most max_attempts
        while attempt < self.max_attempts:
            attempt += 1
            try:
                if paces_itself:
                    await messenger.send_digest(item.chat_id, item.digest)
                else:
                    async with limiter.slot(item.chat_id, Priority.DIGEST):
                        await messenger.send_digest(item.chat_id, item.digest)
                return Outcome.SENT, None, transient
            except RateLimited as exc:
                if attempt == self.max_attempts:
                    return Outcome.FAILED, f"still rate limited after {attempt} attempts", transient
                report.retries += 1
                self.observer.retry(item.platform)
                limiter.pause(item.chat_id, max(exc.retry_after, 0.0))
            except RecipientGone as exc:
                return Outcome.GONE, str(exc)[:200] or "recipient gone", transient
            except TransientFailure as exc:
                attempt -= 1  # not a rate limit: only the window bounds these
                backoff = min(FIRST_BACKOFF * 2 ** transient, MAX_BACKOFF)
                if limiter.now() + backoff > retry_until:
                    return Outcome.FAILED, f"{exc}"[:300] or "transient failure", transient
                log.info("%s digest to a chat failed (%s); retrying in %.0f s", item.platform, exc, backoff)
                transient += 1
                report.retries += 1
                self.observer.retry(item.platform)
                await (self._sleep or asyncio.sleep)(backoff)  # this chat only: not a rate limit
            except Exception as exc:  # one broken chat must not stop the rest
                log.warning("%s digest to a chat failed: %s", item.platform, type(exc).__name__)
                return Outcome.FAILED, f"{type(exc).__name__}: {exc}"[:300], transient
        return Outcome.FAILED, "unreachable", transient
