"""Starting a chat platform: retried with exponential backoff while it cannot be reached, one log line a try."""

from __future__ import annotations

import asyncio
import logging

from bot.core.ports import ChatAdapter, Observer, TransientFailure

log = logging.getLogger(__name__)

FIRST_DELAY = 1.0  # seconds before the second attempt; doubled after each failure ...
MAX_DELAY = 60.0  # ... up to this


async def start_with_retries(adapter: ChatAdapter, states: dict[str, str], observer: Observer, stop: asyncio.Event,
                             first_delay: float = FIRST_DELAY, max_delay: float = MAX_DELAY) -> bool:
    """True once `adapter` runs; False when it cannot start at all (a rejected token) or `stop` is set first.

    An unreachable platform (the network is down, the server answers 5xx) is tried again until it answers:
    a bot started before the network is up, or during an outage, then comes up by itself. `states` tracks the
    platform for the health check.
    """
    platform, delay, attempt = adapter.platform, first_delay, 1
    while not stop.is_set():
        states[platform] = "connecting"
        try:
            await adapter.start()
        except TransientFailure as exc:
            log.warning("%s unreachable (attempt %d: %s); retrying in %gs", platform, attempt, exc, delay)
            observer.retry(platform)
        except Exception as exc:  # retrying cannot fix it; one line, the reason, no traceback
            states[platform] = "failed"
            log.error("%s failed to start: %s", platform, str(exc) or type(exc).__name__)
            return False
        else:
            states[platform] = "running"
            log.info("%s adapter running", platform)
            return True
        try:
            await asyncio.wait_for(stop.wait(), delay)
        except asyncio.TimeoutError:
            pass
        delay, attempt = min(delay * 2, max_delay), attempt + 1
    states[platform] = "stopped"
    return False
