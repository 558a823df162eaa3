"""Per-user flood protection: past the allowed rate a user gets one notice, then silence until it calms."""

from __future__ import annotations

import time
from collections import OrderedDict
from enum import Enum
from typing import Callable


class Verdict(Enum):
    ALLOW = "allow"
    NOTIFY = "notify"  # first message over the limit: tell the user once
    DROP = "drop"  # further messages over the limit: ignore


class FloodGate:
    """Remembers only users with a message inside the window: one whose messages have all left it would be
    allowed as a newcomer is, so forgetting them changes nothing, and memory follows the users active now."""

    def __init__(self, messages: int, per_seconds: float, clock: Callable[[], float] = time.monotonic,
                 max_users: int = 50_000) -> None:
        self._limit = messages
        self._window = per_seconds
        self._clock = clock
        self._max_users = max_users
        # user -> (times of the messages allowed inside the window, told to slow down); least recently seen first.
        # A tuple, not a deque: a deque costs over 600 bytes even when it holds five floats.
        self._seen: OrderedDict[str, tuple[tuple[float, ...], bool]] = OrderedDict()

    def check(self, user: str) -> Verdict:
        now = self._clock()
        self._forget_calm(now)
        stamps, notified = self._seen.pop(user, ((), False))
        stamps = tuple(t for t in stamps if now - t <= self._window)
        if len(stamps) < self._limit:
            stamps += (now,)
            verdict, notified = Verdict.ALLOW, False
        else:
            verdict, notified = (Verdict.DROP, True) if notified else (Verdict.NOTIFY, True)
        self._seen[user] = (stamps, notified)
        if len(self._seen) > self._max_users:
            self._seen.popitem(last=False)
        return verdict

    def remembered(self) -> int:
        """How many users the gate holds state for."""
        return len(self._seen)

    def _forget_calm(self, now: float) -> None:
        while self._seen:
            stamps, _ = next(iter(self._seen.values()))  # the least recently seen user
            if not stamps or now - stamps[-1] <= self._window:
                return
            self._seen.popitem(last=False)
