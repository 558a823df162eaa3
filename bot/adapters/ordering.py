"""Events from one conversation are handled one at a time, in arrival order; different conversations at once.

Chat libraries start a task per incoming event. Handled all at once, a follow-up can overtake its question;
one at a time, a slow reply in one chat holds up every other chat. Each adapter takes `turn(key)` (the chat or
channel) as the first thing an event's task awaits: the tasks start in arrival order and asyncio's locks wake
their waiters first come, first served, so within one key the order holds.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Hashable
from contextlib import asynccontextmanager


class KeyedOrder:
    def __init__(self) -> None:
        self._locks: dict[Hashable, asyncio.Lock] = {}
        self._pending: dict[Hashable, int] = {}  # events holding or awaiting each key's lock

    @asynccontextmanager
    async def turn(self, key: Hashable | None) -> AsyncIterator[None]:
        """Waits for the events of `key` that came before; None belongs to no conversation and never waits."""
        if key is None:
            yield
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._pending[key] = self._pending.get(key, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._pending[key] -= 1
            if not self._pending[key]:  # forget idle keys, so memory stays bounded by the busy ones
                del self._pending[key], self._locks[key]
