"""Updates from different chats run concurrently; updates from one chat run one at a time, in arrival order.

python-telegram-bot handles one update at a time by default, so a slow `sendMessage` to one chat (network
latency, a digest fan-out's rate limiter) holds up every other chat. Its `concurrent_updates` runs them all at
once, which lets a follow-up overtake its question. This processor does the first without the second
(bot/adapters/ordering.py).
"""

from __future__ import annotations

from typing import Any, Awaitable

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.adapters.ordering import KeyedOrder


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """At most `max_concurrent_updates` updates at once; within one chat, strictly one after another."""

    def __init__(self, max_concurrent_updates: int = 256) -> None:
        super().__init__(max_concurrent_updates)
        self._order = KeyedOrder()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        # Inline queries and the like belong to no conversation: their key is None and they never wait.
        async with self._order.turn(_chat_key(update)):
            await coroutine

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
