"""The Discord adapter: a discord.py v2 client with a slash-command tree, started beside Telegram.

Endpoints: discord.py builds every REST URL (bot API, interaction callbacks, webhook follow-ups)
from the class attribute `discord.http.Route.BASE`, and connects to the gateway at
`DiscordWebSocket.DEFAULT_GATEWAY` (it does not ask `/gateway/bot` unless sharded). Both are
process-wide, so `start()` points them at the configured URLs and `stop()` puts them back. After
READY, discord.py resumes at the `resume_gateway_url` the server sent, as it should.
"""

from __future__ import annotations

import asyncio
import logging

import aiohttp
import discord
import yarl
from discord import app_commands
from discord.gateway import DiscordWebSocket

from bot.adapters.discord.commands import Handlers, register_commands
from bot.adapters.discord.limiter import GLOBAL_LIMITS, digest_priority, pace
from bot.adapters.discord.sync import sync_if_changed
from bot.adapters.discord.views import TopicButton, VerdictButton, topic_view
from bot.adapters.ordering import KeyedOrder
from bot.core.flood import FloodGate
from bot.core.models import Digest
from bot.core.ports import RateLimited, RecipientGone, Subscriptions, TransientFailure
from bot.core.service import BriefService
from bot.ratelimit import RateLimiter
from bot.render.discord_embed import digest_messages, topic_buttons

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.config_base import SettingsView

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 60.0  # seconds to log in and receive READY before start() gives up
# What an unreachable Discord looks like (network down, DNS, 5xx, no READY in time): worth trying again later.
UNREACHABLE = (OSError, aiohttp.ClientError, asyncio.TimeoutError, discord.GatewayNotFound, discord.DiscordServerError)
# discord.py waits out shorter 429s itself; a longer wait is raised so the digest fan-out can reschedule.
MAX_RATELIMIT_WAIT = 30.0


class OrderedCommandTree(app_commands.CommandTree["BriefClient"]):
    """Slash commands from one channel run in arrival order, behind its mentions and buttons too; other
    channels' run meanwhile. discord.py starts a task per interaction, in arrival order, whose first await is
    `_call`: the one place every command passes through. Autocomplete must answer within 3 s and changes no
    conversation, so it never waits."""

    async def _call(self, interaction: discord.Interaction[BriefClient]) -> None:
        if interaction.type is discord.InteractionType.autocomplete:
            await super()._call(interaction)
            return
        async with self.client.order.turn(interaction.channel_id):
            await super()._call(interaction)


class BriefClient(discord.Client):
    """discord.Client with our command tree; `connected` is set when the gateway sends READY."""

    def __init__(self, handlers: Handlers, intents: discord.Intents, guild_id: int | None) -> None:
        # max_messages=None: discord.py would otherwise keep the last 1,000 messages of every channel it sees
        # (whole Message objects, authors and embeds included) for edit and reaction events the bot never reads.
        super().__init__(intents=intents, max_ratelimit_timeout=MAX_RATELIMIT_WAIT, max_messages=None)
        self.handlers = handlers
        self.guild_id = guild_id
        self.order = KeyedOrder()  # one channel's events in arrival order: a follow-up never overtakes its question
        self.tree: app_commands.CommandTree[BriefClient] = OrderedCommandTree(self)
        register_commands(self.tree, handlers)
        self.connected = asyncio.Event()
        self.synced: bool | None = None  # True: uploaded, False: unchanged, None: failed/not yet

    async def setup_hook(self) -> None:
        # Runs after login (the application id is known) and before the gateway connects.
        self.add_dynamic_items(TopicButton, VerdictButton)
        try:
            self.synced = await sync_if_changed(self, self.tree, self.guild_id)
        except discord.HTTPException:
            # Commands registered earlier keep working; a failed sync must not keep the bot offline.
            log.exception("could not sync Discord commands; serving the ones already registered")

    async def on_connect(self) -> None:
        self.connected.set()

    async def on_message(self, message: discord.Message) -> None:
        async with self.order.turn(message.channel.id):
            await self.handlers.on_message(self.user, message)


class DiscordAdapter:
    platform = "discord"

    def __init__(self, settings: Settings | SettingsView, service: BriefService,
                 subscriptions: Subscriptions | None = None) -> None:
        if settings.discord.token is None:
            raise ValueError("DISCORD_TOKEN is not set")
        self.settings = settings
        self.service = service
        self.handlers = Handlers(service, subscriptions,
                                 FloodGate(settings.flood.messages, settings.flood.per_seconds))
        self.client: BriefClient | None = None
        self._task: asyncio.Task[None] | None = None
        self._saved_endpoints: tuple[str, yarl.URL] | None = None
        # Answers and digests share Discord's global budget; the fan-out finds it here and does not pace again.
        self.limiter = RateLimiter(GLOBAL_LIMITS, "discord")

    # ---------------------------------------------------------------- lifecycle

    def _intents(self, message_content: bool) -> discord.Intents:
        intents = discord.Intents.default()  # guilds, guild and DM messages; no privileged intents
        intents.message_content = message_content
        return intents

    def _wants_message_content(self) -> bool:
        # Privileged intent: it must be enabled in the developer portal too.
        return self.settings.discord.message_content

    def _point_endpoints(self) -> None:
        if self._saved_endpoints is None:
            self._saved_endpoints = (discord.http.Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY)
        discord.http.Route.BASE = self.settings.discord.api_base_url.rstrip("/")
        if self.settings.discord.gateway_url:
            DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.settings.discord.gateway_url)

    def _restore_endpoints(self) -> None:
        if self._saved_endpoints is not None:
            discord.http.Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = self._saved_endpoints
            self._saved_endpoints = None

    async def start(self) -> None:
        """Log in, sync commands if they changed, connect; returns at READY, raises if that fails
        (TransientFailure when Discord cannot be reached)."""
        self._point_endpoints()
        try:
            try:
                await self._connect(self._wants_message_content())
            except discord.PrivilegedIntentsRequired:
                # The intent is off in the developer portal: mentions still work without it.
                log.warning("Discord refused the message-content intent; continuing without it")
                await self._connect(False)
        except UNREACHABLE as exc:
            self._restore_endpoints()
            raise TransientFailure(f"cannot reach Discord ({str(exc) or type(exc).__name__})") from None
        except BaseException:
            self._restore_endpoints()
            raise

    @property
    def connected(self) -> bool:
        return self.client is not None and self.client.is_ready() and not self.client.is_closed()

    async def _connect(self, message_content: bool) -> None:
        client = BriefClient(self.handlers, self._intents(message_content), self.settings.discord.guild_id)
        pace(client.http, self.limiter)
        token = self.settings.discord.token
        assert token is not None
        task = asyncio.create_task(client.start(token.get_secret_value()), name="discord-client")
        ready = asyncio.create_task(client.connected.wait())
        try:
            done, _ = await asyncio.wait({task, ready}, timeout=CONNECT_TIMEOUT,
                                         return_when=asyncio.FIRST_COMPLETED)
            if ready not in done:
                if task in done and task.exception() is not None:
                    raise task.exception()  # type: ignore[misc]
                raise ConnectionError("Discord did not become ready in time")
        except BaseException:
            ready.cancel()
            await self._close(client, task)
            raise
        self.client, self._task = client, task
        task.add_done_callback(self._client_ended)

    @staticmethod
    def _client_ended(task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error("the Discord client stopped", exc_info=task.exception())

    @staticmethod
    async def _close(client: BriefClient, task: asyncio.Task[None]) -> None:
        await client.close()
        if not task.done():
            task.cancel()
        try:
            await task
        except (asyncio.CancelledError, Exception):
            pass  # the failure, if any, was already raised or logged

    async def stop(self) -> None:
        if self.client is not None and self._task is not None:
            await self._close(self.client, self._task)
        self.client = self._task = None
        self._restore_endpoints()

    # ---------------------------------------------------------------- digests

    async def send_digest(self, chat_id: str, digest: Digest) -> None:
        """Post the digest to channel `chat_id`.

        Gone channels and lost access (403/404) raise RecipientGone. discord.py already waits out
        short 429s and retries; waits over MAX_RATELIMIT_WAIT, or 429s that persist, raise RateLimited.
        """
        if self.client is None:
            raise RuntimeError("the Discord adapter is not running")
        channel = self.client.get_partial_messageable(int(chat_id))
        try:
            messages = digest_messages(digest)
            with digest_priority():
                for index, embeds in enumerate(messages):
                    view = topic_view(topic_buttons(digest.topics)) if index == len(messages) - 1 else None
                    await channel.send(embeds=embeds, **({"view": view} if view is not None else {}))
        except (discord.Forbidden, discord.NotFound) as exc:
            raise RecipientGone(f"discord channel {chat_id}: {exc.status} {exc.text}") from None
        except discord.RateLimited as exc:
            raise RateLimited(exc.retry_after) from None
        except discord.DiscordServerError as exc:  # 5xx, after discord.py's own retries: worth another try later
            raise TransientFailure(f"discord {exc.status}: {exc.text}") from None
        except discord.HTTPException as exc:
            if exc.status == 429:
                raise RateLimited(_retry_after(exc)) from None
            raise
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as exc:
            raise TransientFailure(f"{type(exc).__name__}: {exc}") from None


def _retry_after(exc: discord.HTTPException) -> float:
    try:
        return float(exc.response.headers.get("Retry-After", 1.0))
    except (TypeError, ValueError, AttributeError):
        return 1.0
