"""Updates from different chats run concurrently; updates from one chat run one at a time, in arrival order.

python-telegram-bot handles one update at a time by default, so a slow `sendMessage` to one chat (network
latency, a digest fan-out's rate limiter) holds up every other chat. Its `concurrent_updates` runs them all at
once, which lets a follow-up overtake its question. This processor does the first without the second.
"""

from __future__ import annotations

import asyncio
from typing import Any, Awaitable

from telegram import Update
from telegram.ext import BaseUpdateProcessor


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """At most `max_concurrent_updates` updates at once; within one chat, strictly one after another.

    Order holds because the Application starts one task per update in arrival order, and asyncio's semaphore
    and locks wake their waiters first come, first served."""

    def __init__(self, max_concurrent_updates: int = 256) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._pending: dict[int, int] = {}  # updates holding or awaiting each chat's lock

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _chat_key(update)
        if key is None:  # inline queries and the like belong to no conversation
            await coroutine
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._pending[key] = self._pending.get(key, 0) + 1
        try:
            async with lock:
                await coroutine
        finally:
            self._pending[key] -= 1
            if not self._pending[key]:  # forget idle chats, so memory stays bounded by the busy ones
                del self._pending[key], self._locks[key]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""


def _chat_key(update: object) -> int | None:
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    return update.effective_user.id if update.effective_user is not None else None
