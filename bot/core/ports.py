"""What the core needs from the outside world, as Protocols; adapters and storage implement them."""

from __future__ import annotations

from typing import Protocol

from bot.core.models import Digest


class RecipientGone(Exception):
    """The chat can no longer receive messages (user blocked the bot, chat or channel deleted)."""


class RateLimited(Exception):
    """The platform asked us to wait `retry_after` seconds before sending again."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"rate limited; retry after {retry_after:g}s")
        self.retry_after = retry_after


class InvalidSchedule(ValueError):
    """A /subscribe time or time zone the bot cannot understand; the message lists the accepted forms."""


class ChatAdapter(Protocol):
    """One chat platform. `start` returns once it is receiving; `stop` disconnects cleanly."""

    platform: str

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


class Messenger(Protocol):
    """Sends a digest to one chat on one platform; raises RecipientGone or RateLimited."""

    platform: str

    async def send_digest(self, chat_id: str, digest: Digest) -> None: ...


class ChatPlatform(ChatAdapter, Messenger, Protocol):
    """A chat adapter that can also deliver digests: what every platform adapter is."""


class TransientFailure(Exception):
    """The platform could not take the message just now (a 5xx, a timeout, a network error): try again later."""


class Subscriptions(Protocol):
    """Daily-digest subscriptions, shared by every platform."""

    async def subscribe(self, platform: str, chat_id: str, user_id: str,
                        time_text: str | None, zone_text: str | None, mode: str | None = None) -> str:
        """Create or update; `mode` "changes" sends only on days the brief changed. Returns the confirmation
        for the user. Raises InvalidSchedule."""
        ...

    async def unsubscribe(self, platform: str, chat_id: str) -> bool:
        """True when a subscription was active."""
        ...

    async def migrate(self, platform: str, old_chat_id: str, new_chat_id: str) -> bool:
        """The chat has a new id (a group upgraded to a supergroup); True when a subscription moved."""
        ...

    async def preview(self, platform: str, chat_id: str) -> tuple[Digest, str | None]:
        """The digest this chat receives next, and a note to show above it when it needs one."""
        ...

    async def delivery_lines(self) -> list[str]:
        """For /stats: digests sent today, failed, retried and deactivated, per platform."""
        ...
