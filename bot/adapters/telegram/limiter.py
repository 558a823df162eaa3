"""Every Bot API call to a chat goes through one RateLimiter: Telegram's limits, readers' answers first.

python-telegram-bot hands each request to the Application's rate limiter with the caller's `rate_limit_args`;
ours are a `Sending` (priority and how many 429s to wait out here). Calls without a chat (getUpdates,
answerCallbackQuery, answerInlineQuery) are not messages and pass straight through.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any, Callable, Coroutine

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from bot.ratelimit import TELEGRAM_LIMITS, Priority, RateLimiter

JSONDict = dict[str, Any]


@dataclass(frozen=True)
class Sending:
    priority: Priority
    retries: int  # 429s waited out here before RetryAfter reaches the caller


ANSWER = Sending(Priority.ANSWER, retries=1)
DIGEST = Sending(Priority.DIGEST, retries=0)  # the fan-out retries a whole digest itself
DIGEST_PART = Sending(Priority.DIGEST, retries=3)  # a later part: retrying the digest would repeat the first


def retry_seconds(error: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 warns while `retry_after` moves from int to timedelta
        warnings.simplefilter("ignore")
        value = error.retry_after
    return value if isinstance(value, (int, float)) else value.total_seconds()


class TelegramRateLimiter(BaseRateLimiter[Sending]):
    def __init__(self, limiter: RateLimiter | None = None) -> None:
        self.limiter = limiter or RateLimiter(TELEGRAM_LIMITS, "telegram")

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: Sending | None,
    ) -> bool | JSONDict | list[JSONDict]:
        chat_id = data.get("chat_id")
        if chat_id is None:
            return await callback(*args, **kwargs)
        chat, sending = str(chat_id), rate_limit_args or ANSWER
        attempt = 0
        while True:
            try:
                async with self.limiter.slot(chat, sending.priority):
                    return await callback(*args, **kwargs)
            except RetryAfter as exc:
                self.limiter.pause(chat, retry_seconds(exc))  # every chat waits: Telegram's limit is per bot
                if attempt >= sending.retries:
                    raise
                attempt += 1
