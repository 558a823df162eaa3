"""Per-user flood protection: past the allowed rate a user gets one notice, then silence until it calms."""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from enum import Enum
from typing import Callable


class Verdict(Enum):
    ALLOW = "allow"
    NOTIFY = "notify"  # first message over the limit: tell the user once
    DROP = "drop"  # further messages over the limit: ignore


class FloodGate:
    def __init__(self, messages: int, per_seconds: float, clock: Callable[[], float] = time.monotonic,
                 max_users: int = 50_000) -> None:
        self._limit = messages
        self._window = per_seconds
        self._clock = clock
        self._max_users = max_users
        self._seen: OrderedDict[str, tuple[deque[float], bool]] = OrderedDict()

    def check(self, user: str) -> Verdict:
        now = self._clock()
        stamps, notified = self._seen.pop(user, (deque(), False))
        while stamps and now - stamps[0] > self._window:
            stamps.popleft()
        if len(stamps) < self._limit:
            stamps.append(now)
            verdict, notified = Verdict.ALLOW, False
        else:
            verdict, notified = (Verdict.DROP, True) if notified else (Verdict.NOTIFY, True)
        self._seen[user] = (stamps, notified)
        if len(self._seen) > self._max_users:
            self._seen.popitem(last=False)
        return verdict
