"""Test doubles for the digest feature: virtual time, controllable clocks, fake platforms, a tiny brief.

Also imported by bench/fanout_bench.py, so it depends only on the standard library and `bot`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import selectors
from collections import Counter, deque
from pathlib import Path
from typing import Any, Coroutine, TypeVar

from bot.core.models import Digest
from bot.core.ports import RateLimited, RecipientGone, TransientFailure

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
T = TypeVar("T")


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    """An event loop whose clock jumps straight to the next timer whenever nothing is ready to run.

    `asyncio.sleep(333)` returns at once in real time while `loop.time()` says 333 s passed, and the order
    of timers is exactly what it would be in real time. Real I/O (aiosqlite's worker thread) still wakes
    the loop; virtual time does not count the time spent waiting for it."""

    def __init__(self, start: float = 0.0) -> None:
        super().__init__(selectors.DefaultSelector())
        self._virtual_now = start
        self.real_work = 0  # > 0 while something waits on a real thread (see `RealWork`): time stands still
        real_select = self._selector.select  # type: ignore[attr-defined]

        def select(timeout: float | None = None) -> list[Any]:
            events = real_select(0)
            if events or timeout == 0:
                return events
            if timeout is None or self.real_work:
                return real_select(None)  # wait for real I/O (the database thread) without advancing
            self._virtual_now += timeout
            return []

        self._selector.select = select  # type: ignore[attr-defined]

    def time(self) -> float:
        return self._virtual_now


class RealWork:
    """Wraps an object whose coroutine methods wait on real threads (the Repository over aiosqlite), so a
    VirtualTimeLoop does not let virtual time run on while they work: virtual time then measures only the
    pacing and the fake platform's latency; the database's cost shows up as CPU time."""

    def __init__(self, target: Any) -> None:
        self._target = target

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._target, name)
        if not asyncio.iscoroutinefunction(attribute):
            return attribute

        async def call(*args: Any, **kwargs: Any) -> Any:
            loop = asyncio.get_running_loop()
            loop.real_work += 1  # type: ignore[attr-defined]
            try:
                return await attribute(*args, **kwargs)
            finally:
                loop.real_work -= 1  # type: ignore[attr-defined]

        return call


def run_virtual(coro: Coroutine[Any, Any, T]) -> T:
    loop = VirtualTimeLoop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.run_until_complete(loop.shutdown_default_executor())
        loop.close()


class FakeClock:
    """A wall clock the test sets and advances by hand."""

    def __init__(self, now: dt.datetime) -> None:
        self._now = now

    def now(self) -> dt.datetime:
        return self._now

    def set(self, now: dt.datetime) -> None:
        self._now = now

    def advance(self, **delta: float) -> dt.datetime:
        self._now += dt.timedelta(**delta)
        return self._now

    def monotonic(self) -> float:
        """For a RateLimiter: seconds on this clock."""
        return self._now.timestamp()

    async def sleep(self, seconds: float) -> None:
        """For a RateLimiter: waiting moves this clock on instead of sleeping."""
        self.advance(seconds=seconds)
        await asyncio.sleep(0)


class LoopClock:
    """Wall time that follows the running loop's (possibly virtual) clock from a fixed start."""

    def __init__(self, start: dt.datetime) -> None:
        self.start = start

    def now(self) -> dt.datetime:
        return self.start + dt.timedelta(seconds=asyncio.get_running_loop().time())


async def clocked_digests(db_path: Path, service: Any, clock: FakeClock) -> Any:
    """The real DigestSubscriptions over a SQLite file, on `clock`: a rate limiter's waits move the clock on."""
    from bot.config import DigestSettings
    from bot.digests import DigestSubscriptions
    from bot.fanout import FanoutSender
    from bot.storage.database import open_database
    from bot.storage.repository import Repository

    engine = await open_database(f"sqlite+aiosqlite:///{db_path}")
    sender = FanoutSender(clock=clock.monotonic, sleep=clock.sleep)
    return DigestSubscriptions(Repository(engine), service, DigestSettings(), sender=sender, clock=clock)


class Crash(BaseException):
    """Stands for the process dying: not an Exception, so nothing in the bot catches it."""


class RecordingMessenger:
    """A platform that records every digest; chats can be made gone, failing, rate limited or crashing."""

    def __init__(self, platform: str = "telegram", *, gone: set[str] | None = None, broken: set[str] | None = None,
                 rate_limited: dict[str, list[float]] | None = None, crash_after: int | None = None,
                 transient: dict[str, int] | None = None) -> None:
        self.platform = platform
        self.gone = gone or set()
        self.broken = broken or set()
        self.rate_limited = {chat: list(delays) for chat, delays in (rate_limited or {}).items()}
        self.crash_after = crash_after
        self.transient = dict(transient or {})  # chat -> how many sends fail with a 502 before one goes through
        self.sent: list[tuple[str, Digest, float]] = []
        self.attempts: list[tuple[str, float]] = []

    async def send_digest(self, chat_id: str, digest: Digest) -> None:
        now = asyncio.get_running_loop().time()
        self.attempts.append((chat_id, now))
        if chat_id in self.gone:
            raise RecipientGone(f"Forbidden: bot was blocked by the user (chat {chat_id})")
        if chat_id in self.broken:
            raise ConnectionError("connection reset by peer")
        if self.transient.get(chat_id):
            self.transient[chat_id] -= 1
            raise TransientFailure("502 Bad Gateway")
        if self.rate_limited.get(chat_id):
            raise RateLimited(self.rate_limited[chat_id].pop(0))
        self.sent.append((chat_id, digest, now))
        if self.crash_after is not None and len(self.sent) >= self.crash_after:
            raise Crash(f"process died right after the platform accepted message {len(self.sent)}")

    def chats(self) -> Counter[str]:
        return Counter(chat for chat, _, _ in self.sent)


class FakeTelegram:
    """Enforces Telegram's limits on its own, from arrival times: at most 30 messages in any second overall,
    one a second per chat, 20 a minute per group (negative chat id). A message over a limit is counted as
    a violation and refused with a 429, as Telegram does."""

    platform = "telegram"

    def __init__(self, latency: float = 0.0) -> None:
        self.latency = latency
        self.violations = 0
        self.delivered: Counter[str] = Counter()
        self._overall: deque[float] = deque()
        self._last: dict[str, float] = {}
        self._groups: dict[str, deque[float]] = {}
        self.first: float | None = None
        self.last: float | None = None

    @staticmethod
    def _count(window: deque[float], now: float, seconds: float) -> int:
        while window and now - window[0] >= seconds:
            window.popleft()
        return len(window)

    async def send_digest(self, chat_id: str, digest: Digest) -> None:
        now = asyncio.get_running_loop().time()
        over = self._count(self._overall, now, 1.0) >= 30
        last = self._last.get(chat_id)
        over |= last is not None and now - last < 1.0
        group = self._groups.setdefault(chat_id, deque()) if chat_id.startswith("-") else None
        over |= group is not None and self._count(group, now, 60.0) >= 20
        if over:
            self.violations += 1
            raise RateLimited(1.0)
        self._overall.append(now)
        self._last[chat_id] = now
        if group is not None:
            group.append(now)
        self.delivered[chat_id] += 1
        self.first = now if self.first is None else self.first
        self.last = now
        if self.latency:
            await asyncio.sleep(self.latency)  # the HTTP round trip: the sender must keep several in flight


_BRIEF = """\
brief:
  id: mini
  title: Mini brief for digest tests
  event: Second round of Russia-Ukraine talks
  date: 2025-06-02
  venue: Ciragan Palace, Istanbul
  summary: A small brief used by the digest tests to exercise revisions and what changed.
  version: {version}
sections:
  - id: venue
    title: Venue
    kind: logistics
    examples: ["where are the talks held"]
    facts:
      - text: {venue_text}
        sources:
          - seed: "000_30d8fa4b709699f5"
            quote: "The talks are taking place at the Ciragan Palace in Istanbul"
  - id: russia-delegation
    title: Russia's delegation
    kind: delegation
    examples: ["who leads the russian delegation"]
    facts:
      - text: Vladimir Medinsky leads Russia's delegation.
        sources:
          - seed: "004_53b6467d699949e3"
            quote: "Russia’s top negotiator in Istanbul will be Vladimir Medinsky"
    figures:
      - label: Prisoners swapped after the first round
        value: "{swapped}"
        unit: each side
        claimed_by: reported in the article
        key: true
        sources:
          - seed: "001_34a54f2e946040c8"
            quote: "they agreed to exchange 1,000 prisoners each"
"""

_EXTRA_SECTION = """\
  - id: prisoner-swap
    title: Prisoner exchange
    kind: outcome
    examples: ["was there a prisoner swap"]
    facts:
      - text: The first round ended with an agreement to exchange 1,000 prisoners each.
        sources:
          - seed: "001_34a54f2e946040c8"
            quote: "they agreed to exchange 1,000 prisoners each"
"""


def write_brief(path: Path, version: int = 1, *, edited: bool = False, extra: bool = False,
                swapped: str = "1,000") -> Path:
    """The test brief; `edited` rewords the venue fact, `extra` adds a section, `swapped` is a figure's value."""
    venue = "The talks take place at the Ciragan Palace on the Bosphorus." if edited else \
        "The talks take place at the Ciragan Palace in Istanbul."
    path.write_text(_BRIEF.format(version=version, venue_text=venue, swapped=swapped)
                    + (_EXTRA_SECTION if extra else ""), encoding="utf-8")
    return path
