"""Discord's global request limit, with readers' answers ahead of digests, in front of discord.py's own limits.

discord.py already keeps Discord's per-route limits: it reads the `X-RateLimit-*` headers of every response,
waits when a bucket is empty, and waits out a 429's `retry_after` (pausing every request when Discord says the
limit is global), raising `RateLimited` past `max_ratelimit_timeout`. That is not repeated here. What it does
not do is stay under the global limit (50 requests a second) before Discord complains, or let an answer go
ahead of a digest; this wraps its one request method to do both. Interaction callbacks and their follow-ups
(slash-command answers) do not count against the global limit, so they pass straight through.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from discord.http import HTTPClient, Route

from bot.ratelimit import PlatformLimits, Priority, RateLimiter, Window

GLOBAL_LIMITS = PlatformLimits(Window(50, 1.0))  # per-channel limits: discord.py's buckets

_priority: ContextVar[Priority] = ContextVar("discord_request_priority", default=Priority.ANSWER)


@contextmanager
def digest_priority() -> Iterator[None]:
    """Requests made inside (in this task) queue behind readers' answers."""
    token = _priority.set(Priority.DIGEST)
    try:
        yield
    finally:
        _priority.reset(token)


def _counts(route: Route) -> bool:
    return not (route.path.startswith("/interactions/") or (route.path.startswith("/webhooks/")
                                                           and route.webhook_token is not None))


def pace(http: HTTPClient, limiter: RateLimiter) -> None:
    """Every REST call of this client that counts against the global limit takes a slot of `limiter` first."""
    request = http.request

    async def paced(route: Route, **kwargs: Any) -> Any:
        if not _counts(route):
            return await request(route, **kwargs)
        async with limiter.slot(str(route.channel_id or ""), _priority.get()):
            return await request(route, **kwargs)

    http.request = paced  # type: ignore[method-assign]
