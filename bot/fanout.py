"""Fan-out: send many digests through each platform's rate limits, surviving 429s and blocked chats.

Limits are sliding windows ("at most N sends in any W seconds"), checked with the exact timestamps of
earlier sends, so a burst never exceeds a window the way a leaky token bucket's burst can. Time comes from
the running event loop (`loop.time()` and `asyncio.sleep`) unless a clock and sleep are injected; the
benchmark runs the very same code on a virtual-time loop.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import math
from collections import deque
from collections.abc import AsyncIterable, Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from bot.core.models import Digest
from bot.core.ports import Messenger, RateLimited, RecipientGone, TransientFailure

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Window:
    count: int
    seconds: float


@dataclass(frozen=True)
class PlatformLimits:
    overall: Window
    per_chat: Window
    per_group: Window | None = None  # Telegram: group chats (negative ids) have their own, slower limit
    pause_all_on_429: bool = False  # Telegram's flood control is per bot: a 429 pauses every send


# Telegram Bot API FAQ: ~30 messages/s overall, 1/s per chat, 20/min per group.
TELEGRAM_LIMITS = PlatformLimits(Window(30, 1.0), Window(1, 1.0), Window(20, 60.0), pause_all_on_429=True)
# Discord: 50 requests/s global; message creation ~5 per 5 s per channel.
DISCORD_LIMITS = PlatformLimits(Window(50, 1.0), Window(5, 5.0))
LIMITS: dict[str, PlatformLimits] = {"telegram": TELEGRAM_LIMITS, "discord": DISCORD_LIMITS}


def is_group(platform: str, chat_id: str) -> bool:
    return platform == "telegram" and chat_id.startswith("-")


# A transient failure (5xx, timeout, network error) is retried after 2 s, then 4, 8, … (at most a minute apart)
# for as long as the item's `retry_for` allows (its grace window).
FIRST_BACKOFF = 2.0
MAX_BACKOFF = 60.0

# Sends wait this much past the exact window edge: float rounding (t = s + W, yet t - s < W) or a little
# clock skew must never turn an on-the-edge send into a 429.
EDGE_MARGIN = 0.001


class SlidingWindow:
    """At most `count` events in any window of `seconds` (an event at t counts for events in [t, t+W))."""

    __slots__ = ("_stamps", "_seconds")

    def __init__(self, window: Window) -> None:
        self._stamps: deque[float] = deque(maxlen=window.count)
        self._seconds = window.seconds + EDGE_MARGIN

    def ready_at(self) -> float:
        if len(self._stamps) < (self._stamps.maxlen or 0):
            return -math.inf
        return self._stamps[0] + self._seconds

    def record(self, now: float) -> None:
        self._stamps.append(now)


class Pacer:
    """One platform's limits. `acquire(chat)` returns when a message to `chat` may go out now."""

    def __init__(self, limits: PlatformLimits, platform: str = "", clock: Callable[[], float] | None = None,
                 sleep: Callable[[float], Awaitable[None]] | None = None) -> None:
        self.limits = limits
        self.platform = platform
        self._clock = clock
        self._sleep = sleep or asyncio.sleep
        self._overall = SlidingWindow(limits.overall)
        self._chats: dict[str, tuple[SlidingWindow, SlidingWindow | None]] = {}
        self._paused_until = -math.inf
        self._chat_paused: dict[str, float] = {}
        self._overall_lock = asyncio.Lock()  # FIFO: waiters queue instead of all waking for each slot
        self._acquired = 0

    def now(self) -> float:
        return self._clock() if self._clock else asyncio.get_running_loop().time()

    def pause(self, chat_id: str, seconds: float) -> None:
        """The platform said "retry after": hold this chat (and, on Telegram, every chat) that long."""
        until = self.now() + seconds
        self._chat_paused[chat_id] = max(self._chat_paused.get(chat_id, -math.inf), until)
        if self.limits.pause_all_on_429:
            self._paused_until = max(self._paused_until, until)

    def _windows(self, chat_id: str) -> tuple[SlidingWindow, SlidingWindow | None]:
        windows = self._chats.get(chat_id)
        if windows is None:
            group = self.limits.per_group if is_group(self.platform, chat_id) else None
            windows = (SlidingWindow(self.limits.per_chat), SlidingWindow(group) if group else None)
            self._chats[chat_id] = windows
        return windows

    def _chat_ready(self, chat_id: str) -> float:
        chat, group = self._windows(chat_id)
        return max(chat.ready_at(), group.ready_at() if group else -math.inf, self._chat_paused.get(chat_id, -math.inf))

    async def _wait_until(self, moment: float) -> None:
        while (delay := moment - self.now()) > 0:
            await self._sleep(delay)

    async def acquire(self, chat_id: str) -> None:
        while True:
            # Wait for the chat first, outside the lock, so one slow chat never holds up the others.
            await self._wait_until(self._chat_ready(chat_id))
            async with self._overall_lock:
                await self._wait_until(max(self._overall.ready_at(), self._paused_until))
                now = self.now()
                if self._chat_ready(chat_id) <= now:
                    chat, group = self._windows(chat_id)
                    for window in (self._overall, chat, group):
                        if window is not None:
                            window.record(now)
                    self._acquired += 1
                    if self._acquired % 4096 == 0:
                        self._forget_idle(now)
                    return

    def _forget_idle(self, now: float) -> None:
        """Drop per-chat history that can no longer delay anything (keeps memory flat over days)."""
        idle = [c for c in self._chats if self._chat_ready(c) <= now]
        for chat_id in idle:
            del self._chats[chat_id]
            self._chat_paused.pop(chat_id, None)


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
    """Sends through `messengers` (one per platform), paced by one Pacer per platform, kept across runs."""

    def __init__(self, messengers: Mapping[str, Messenger] | Iterable[Messenger] = (), *, concurrency: int = 16,
                 max_attempts: int = 5, clock: Callable[[], float] | None = None,
                 sleep: Callable[[float], Awaitable[None]] | None = None,
                 limits: Mapping[str, PlatformLimits] | None = None) -> None:
        self.messengers: dict[str, Messenger] = {}
        self.use(messengers)
        self.concurrency = concurrency
        self.max_attempts = max_attempts
        self._clock, self._sleep = clock, sleep
        self._limits = dict(limits or LIMITS)
        self._pacers: dict[str, Pacer] = {}
        self._stopping = False

    def use(self, messengers: Mapping[str, Messenger] | Iterable[Messenger]) -> None:
        items = messengers.values() if isinstance(messengers, Mapping) else messengers
        self.messengers.update({m.platform: m for m in items})

    def pacer(self, platform: str) -> Pacer:
        if platform not in self._pacers:
            limits = self._limits.get(platform, DISCORD_LIMITS)
            self._pacers[platform] = Pacer(limits, platform, self._clock, self._sleep)
        return self._pacers[platform]

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
        pacer = self.pacer(item.platform)
        retry_until = pacer.now() + item.retry_for
        transient = 0
        attempt = 0  # rate-limited attempts: at most max_attempts
        while attempt < self.max_attempts:
            attempt += 1
            await pacer.acquire(item.chat_id)
            try:
                await messenger.send_digest(item.chat_id, item.digest)
                return Outcome.SENT, None, transient
            except RateLimited as exc:
                if attempt == self.max_attempts:
                    return Outcome.FAILED, f"still rate limited after {attempt} attempts", transient
                report.retries += 1
                pacer.pause(item.chat_id, max(exc.retry_after, 0.0))
            except RecipientGone as exc:
                return Outcome.GONE, str(exc)[:200] or "recipient gone", transient
            except TransientFailure as exc:
                attempt -= 1  # not a rate limit: only the window bounds these
                backoff = min(FIRST_BACKOFF * 2 ** transient, MAX_BACKOFF)
                if pacer.now() + backoff > retry_until:
                    return Outcome.FAILED, f"{exc}"[:300] or "transient failure", transient
                log.info("%s digest to a chat failed (%s); retrying in %.0f s", item.platform, exc, backoff)
                transient += 1
                report.retries += 1
                await (self._sleep or asyncio.sleep)(backoff)  # this chat only: not a rate limit
            except Exception as exc:  # one broken chat must not stop the rest
                log.warning("%s digest to a chat failed: %s", item.platform, type(exc).__name__)
                return Outcome.FAILED, f"{type(exc).__name__}: {exc}"[:300], transient
        return Outcome.FAILED, "unreachable", transient
