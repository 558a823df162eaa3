"""Fan-out: send many digests through each platform's rate limiter, surviving 429s and blocked chats.

A platform adapter that paces its own sends (it has a `limiter`: every message it sends, answers and each
digest part, takes a slot there) is not paced again here; digests only queue behind readers' answers in it.
A messenger without one (a test stand-in) is paced by a limiter of the platform's published limits.
"""

from __future__ import annotations

import asyncio
import enum
import logging
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Iterable, Mapping, Sequence
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


@dataclass(frozen=True)
class Result:
    item: Outbound
    outcome: Outcome
    error: str | None = None
    retries: int = 0  # transient failures of this item retried before the outcome


class Hooks(Protocol):
    async def settle(self, done: Sequence[Result], starting: Sequence[Outbound]) -> Sequence[bool]:
        """Records the outcomes in `done` (never SKIPPED ones) and is the last check before `starting` are
        handed to the platform: whether each may be sent (one that may not is skipped, e.g. another process
        took its claim over). One call per batch, so a fan-out costs one database write per batch of sends,
        not two per digest."""
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
        """Send every item; one failure never stops the rest. Items of one call may mix platforms.

        Items start half the concurrency at a time, once that many earlier sends have finished, and that one
        `settle` call also records those outcomes. At any moment at most `concurrency` items have been let
        through without an outcome (the sends in flight, as when they started one at a time), and a crash can
        leave outcomes of sent items unrecorded (the caller must then never send them again)."""
        report = FanoutReport()
        batch_size = max(1, self.concurrency * 3 // 4)
        queue: asyncio.Queue[Outbound | None] = asyncio.Queue()
        finished: list[Result] = []
        in_flight = 0  # passed before_send, outcome not known yet
        changed = asyncio.Event()  # an outcome came in

        async def settle(starting: list[Outbound]) -> list[bool]:
            done = finished.copy()
            finished.clear()
            try:
                return list(await hooks.settle(done, starting))
            except Exception:
                log.exception("could not record %d digest result(s) or start %d; those are skipped", len(done),
                              len(starting))
                return [False] * len(starting)

        async def wait_while(busy: Callable[[], bool]) -> None:
            while busy():
                changed.clear()
                await changed.wait()
                if len(finished) >= batch_size and busy():  # else the next batch's settle records them
                    await settle([])

        async def launch(batch: list[Outbound]) -> None:
            nonlocal in_flight
            await wait_while(lambda: in_flight + len(batch) > self.concurrency)
            if self._stopping:
                return  # not handed over: the caller gives these claims back
            for item, ok in zip(batch, await settle(batch), strict=True):
                if ok:
                    in_flight += 1
                    queue.put_nowait(item)
                else:
                    report.counts[Outcome.SKIPPED] += 1

        async def produce() -> None:
            batch: list[Outbound] = []
            async for item in _each(items):
                if self._stopping:
                    break
                batch.append(item)
                if len(batch) == batch_size:
                    await launch(batch)
                    batch = []
            if batch:
                await launch(batch)
            for _ in range(self.concurrency):
                queue.put_nowait(None)
            await wait_while(lambda: in_flight > 0)
            if finished:
                await settle([])

        async def work() -> None:
            nonlocal in_flight
            while (item := await queue.get()) is not None:
                outcome, error, retries = await self._deliver(item, report)
                report.counts[outcome] += 1
                if outcome is Outcome.SENT:
                    self.observer.digest_sent(item.platform)
                finished.append(Result(item, outcome, error, retries))
                in_flight -= 1
                changed.set()

        # The producer runs beside the workers: if a worker dies, gather raises at once.
        tasks = [asyncio.create_task(produce())] + [asyncio.create_task(work()) for _ in range(self.concurrency)]
        try:
            await asyncio.gather(*tasks)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
        return report

    async def _deliver(self, item: Outbound, report: FanoutReport) -> tuple[Outcome, str | None, int]:
        """The outcome, its error, and how many transient failures were retried on the way."""
        messenger = self.messengers.get(item.platform)
        if messenger is None:
            return Outcome.FAILED, f"no running {item.platform} adapter", 0
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


async def _each(items: AsyncIterable[Outbound] | Iterable[Outbound]) -> AsyncIterator[Outbound]:
    if isinstance(items, AsyncIterable):
        async for item in items:
            yield item
    else:
        for item in items:
            yield item
