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


class NotSaved(Exception):
    """The database did not take the change (deleted, read-only, unreachable). The message is what to tell the
    user; the log already says what an operator should do."""


class ChatAdapter(Protocol):
    """One chat platform. `start` returns once it is receiving (raises TransientFailure when the platform
    cannot be reached); `stop` disconnects cleanly; `connected` says whether it is receiving right now."""

    platform: str

    async def start(self) -> None: ...

    @property
    def connected(self) -> bool: ...

    async def stop(self) -> None: ...


class Messenger(Protocol):
    """Sends a digest to one chat on one platform; raises RecipientGone or RateLimited."""

    platform: str

    async def send_digest(self, chat_id: str, digest: Digest) -> None: ...


class ChatPlatform(ChatAdapter, Messenger, Protocol):
    """A chat adapter that can also deliver digests: what every platform adapter is."""


class TransientFailure(Exception):
    """The platform could not take the message, or be reached at start-up, just now (a 5xx, a timeout, a network
    error): try again later. Anything else will not get better by retrying (a rejected token, a bad setting)."""


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

class Observer(Protocol):
    """Told what happens, for metrics. The core reports events here and never knows who counts them."""

    def question(self, platform: str, outcome: str, seconds: float) -> None:
        """A question was answered ("answered") or turned down ("unmatched") after `seconds` of work."""
        ...

    def reload(self, ok: bool) -> None: ...

    def digest_sent(self, platform: str) -> None: ...

    def retry(self, platform: str) -> None:
        """A call to the platform is being tried again (it was unreachable or asked us to wait)."""
        ...


class NullObserver:
    """Counts nothing: the default when metrics are off."""

    def question(self, platform: str, outcome: str, seconds: float) -> None:
        pass

    def reload(self, ok: bool) -> None:
        pass

    def digest_sent(self, platform: str) -> None:
        pass

    def retry(self, platform: str) -> None:
        pass
