"""One rate limiter per platform: its published limits as sliding windows, readers' answers ahead of digests.

Every message a platform adapter sends (an answer, each part of a digest) takes one slot of the same limiter,
so answers and a digest fan-out share one budget and together never exceed it. Limits are sliding windows
("at most N sends in any W seconds"), checked against the exact times of earlier sends, so a burst never
exceeds a window the way a token bucket's burst can. When a slot frees up, the waiting answer gets it before
any waiting digest: a reader asking during a 10,000-digest fan-out waits for one slot, not for the queue.

Time comes from the running event loop (`loop.time()`, `asyncio.sleep`) unless a clock and sleep are
injected; the fan-out benchmark runs the very same code on a virtual-time loop.
"""

from __future__ import annotations

import asyncio
import enum
import heapq
import itertools
import math
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class Window:
    count: int
    seconds: float


@dataclass(frozen=True)
class PlatformLimits:
    overall: Window
    per_chat: Window | None = None  # None: the platform library already keeps per-chat limits (discord.py)
    per_group: Window | None = None  # Telegram: group chats (negative ids) have their own, slower limit
    pause_all_on_429: bool = False  # Telegram's flood control is per bot: a 429 pauses every send


# Telegram Bot API FAQ: ~30 messages/s overall, 1/s per chat, 20/min per group.
TELEGRAM_LIMITS = PlatformLimits(Window(30, 1.0), Window(1, 1.0), Window(20, 60.0), pause_all_on_429=True)
# Discord: 50 requests/s global; message creation ~5 per 5 s per channel.
DISCORD_LIMITS = PlatformLimits(Window(50, 1.0), Window(5, 5.0))
LIMITS: dict[str, PlatformLimits] = {"telegram": TELEGRAM_LIMITS, "discord": DISCORD_LIMITS}

# Sends wait this much past the exact window edge: float rounding (t = s + W, yet t - s < W) or a little
# clock skew must never turn an on-the-edge send into a 429.
EDGE_MARGIN = 0.001
# A wait for a response (an unknown time) is a few short naps, re-checking in between.
MAX_NAP = 0.05


class Priority(enum.IntEnum):
    """Lower goes first."""

    ANSWER = 0  # a reader is waiting for it
    DIGEST = 1  # scheduled delivery: a second later is fine


def is_group(platform: str, chat_id: str) -> bool:
    return platform == "telegram" and chat_id.startswith("-")


class SlidingWindow:
    """At most `count` messages in any window of `seconds`, as the platform counts them: on arrival.

    A message arrives at some unknown moment between its request going out and its response coming back, so
    it holds a place from the start of its request (in flight) and is stamped when the response comes back.
    The next message may start once it cannot arrive within `seconds` of `count` earlier ones, however the
    network delays them: a burst of late arrivals can never crowd one window."""

    __slots__ = ("_stamps", "_seconds", "_count", "in_flight")

    def __init__(self, window: Window) -> None:
        self._stamps: deque[float] = deque(maxlen=window.count)
        self._seconds = window.seconds + EDGE_MARGIN
        self._count = window.count
        self.in_flight = 0

    def ready_at(self) -> float:
        room = self._count - self.in_flight
        if room <= 0:
            return math.inf  # wait for a response
        if len(self._stamps) < room:
            return -math.inf
        return self._stamps[-room] + self._seconds

    def start(self) -> None:
        self.in_flight += 1

    def finish(self, now: float) -> None:
        self.in_flight -= 1
        self._stamps.append(now)


class _PriorityLock:
    """A lock whose waiters get it by priority, then first come, first served."""

    def __init__(self) -> None:
        self._held = False
        self._waiters: list[tuple[int, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    async def acquire(self, priority: int) -> None:
        if not self._held and not self._waiters:
            self._held = True
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiters, (priority, next(self._order), future))
        try:
            await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self.release()  # it was handed to us as we were cancelled: pass it on
            raise

    def release(self) -> None:
        while self._waiters:
            _, _, future = heapq.heappop(self._waiters)
            if not future.done():  # cancelled waiters are skipped here
                future.set_result(None)  # the lock passes straight to this waiter: it stays held
                return
        self._held = False


class RateLimiter:
    """One platform's limits. `async with slot(chat, priority):` sends one message to `chat` inside."""

    def __init__(self, limits: PlatformLimits, platform: str = "", clock: Callable[[], float] | None = None,
                 sleep: Callable[[float], Awaitable[None]] | None = None) -> None:
        self.limits = limits
        self.platform = platform
        self._clock = clock
        self._sleep = sleep or asyncio.sleep
        self._overall = SlidingWindow(limits.overall)
        self._chats: dict[str, tuple[SlidingWindow | None, SlidingWindow | None]] = {}
        self._paused_until = -math.inf
        self._chat_paused: dict[str, float] = {}
        self._turn = _PriorityLock()  # whose message takes the next overall slot
        self._acquired = 0

    def now(self) -> float:
        return self._clock() if self._clock else asyncio.get_running_loop().time()

    def pause(self, chat_id: str, seconds: float) -> None:
        """The platform said "retry after": hold this chat (and, on Telegram, every chat) that long."""
        until = self.now() + seconds
        self._chat_paused[chat_id] = max(self._chat_paused.get(chat_id, -math.inf), until)
        if self.limits.pause_all_on_429:
            self._paused_until = max(self._paused_until, until)

    def _windows(self, chat_id: str) -> tuple[SlidingWindow | None, SlidingWindow | None]:
        windows = self._chats.get(chat_id)
        if windows is None:
            chat = self.limits.per_chat
            group = self.limits.per_group if is_group(self.platform, chat_id) else None
            windows = (SlidingWindow(chat) if chat else None, SlidingWindow(group) if group else None)
            self._chats[chat_id] = windows
        return windows

    def _chat_ready(self, chat_id: str) -> float:
        ready = self._chat_paused.get(chat_id, -math.inf)
        for window in self._windows(chat_id):
            if window is not None:
                ready = max(ready, window.ready_at())
        return ready

    async def _wait_until(self, moment: Callable[[], float]) -> None:
        while (delay := moment() - self.now()) > 0:
            await self._sleep(min(delay, MAX_NAP))

    @asynccontextmanager
    async def slot(self, chat_id: str, priority: Priority = Priority.ANSWER) -> AsyncIterator[None]:
        """Send one message to `chat_id` inside: it may start now and counts until its response is back."""
        windows = await self._acquire(chat_id, priority)
        try:
            yield
        finally:
            now = self.now()
            for window in windows:
                window.finish(now)

    async def _acquire(self, chat_id: str, priority: Priority) -> list[SlidingWindow]:
        while True:
            # Wait for the chat first, without holding the turn, so one slow chat never holds up the others.
            await self._wait_until(lambda: self._chat_ready(chat_id))
            await self._turn.acquire(priority)
            try:
                await self._wait_until(lambda: max(self._overall.ready_at(), self._paused_until))
                if self._chat_ready(chat_id) <= self.now():
                    windows = [self._overall, *(w for w in self._windows(chat_id) if w is not None)]
                    for window in windows:
                        window.start()
                    self._acquired += 1
                    if self._acquired % 4096 == 0:
                        self._forget_idle()
                    return windows
            finally:
                self._turn.release()

    def _forget_idle(self) -> None:
        """Drop per-chat history that can no longer delay anything (keeps memory flat over days)."""
        now = self.now()
        idle = [c for c, windows in self._chats.items()
                if self._chat_ready(c) <= now and not any(w.in_flight for w in windows if w is not None)]
        for chat_id in idle:
            del self._chats[chat_id]
            self._chat_paused.pop(chat_id, None)
