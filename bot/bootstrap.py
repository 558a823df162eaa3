"""The one place that wires settings, brief, service, storage, scheduler and chat adapters together."""

from __future__ import annotations

import asyncio
import logging
import signal
from pathlib import Path
from typing import IO, TYPE_CHECKING

from bot.config import ROOT, Settings, resolve
from bot.core.conversation import Conversations
from bot.core.ports import ChatPlatform, Subscriptions
from bot.core.service import BriefService
from bot.core.store import BriefStore

if TYPE_CHECKING:
    from bot.digests import DigestSubscriptions

log = logging.getLogger(__name__)


def build_service(settings: Settings, brief: Path | None = None) -> BriefService:
    store = BriefStore(resolve(brief or settings.brief), resolve(settings.seeds_dir))
    conversations = Conversations(settings.conversation.max_conversations, settings.conversation.ttl_seconds)
    admins = {
        "telegram": frozenset(settings.telegram.admins),
        "discord": frozenset(settings.discord.admins),
    }
    return BriefService(store, conversations, settings.matcher.threshold, settings.matcher.suggestions, admins)


def chat_adapters(settings: Settings, service: BriefService,
                  subscriptions: Subscriptions | None = None) -> list[ChatPlatform]:
    """Every platform whose token is set. Imported lazily so a missing token never loads its library."""
    adapters: list[ChatPlatform] = []
    if settings.telegram.token:
        from bot.adapters.telegram import TelegramAdapter

        adapters.append(TelegramAdapter(settings, service, subscriptions))
    if settings.discord.token:
        from bot.adapters.discord import DiscordAdapter

        adapters.append(DiscordAdapter(settings, service, subscriptions))
    return adapters


async def _start_all(adapters: list[ChatPlatform]) -> list[ChatPlatform]:
    """Start each adapter; one that fails to connect is logged and left out, the others keep running."""
    started: list[ChatPlatform] = []
    for adapter in adapters:
        try:
            await adapter.start()
        except Exception:
            log.exception("%s failed to start; continuing without it", adapter.platform)
        else:
            log.info("%s adapter running", adapter.platform)
            started.append(adapter)
    return started


async def open_digests(settings: Settings, service: BriefService) -> "DigestSubscriptions":
    """Storage + the Subscriptions service. Raises DatabaseError (a clear message) on a bad URL."""
    from bot.digests import DigestSubscriptions
    from bot.storage.database import open_database
    from bot.storage.repository import Repository

    engine = await open_database(settings.database_url, ROOT)
    return DigestSubscriptions(Repository(engine), service, settings.digest)


async def list_subscriptions(settings: Settings, out: IO[str]) -> int:
    """`python -m bot subscriptions`: count per platform and next run times, for admins."""
    from bot.core.schedule import SystemClock
    from bot.digests import subscription_report
    from bot.storage.database import open_database
    from bot.storage.repository import Repository

    engine = await open_database(settings.database_url, ROOT)  # DatabaseError: the command line reports it
    try:
        for line in await subscription_report(Repository(engine), SystemClock().now()):
            out.write(line + "\n")
    finally:
        await engine.dispose()
    return 0


async def run(settings: Settings, brief: Path | None = None) -> int:
    """`python -m bot run`: chat platforms when tokens are set, otherwise the local console."""
    service = build_service(settings, brief)
    if not (settings.telegram.token or settings.discord.token):
        from bot.adapters.console import run_console

        print("No TELEGRAM_TOKEN or DISCORD_TOKEN set: starting the local console chat.")
        print("Set TELEGRAM_TOKEN and/or DISCORD_TOKEN to run the Telegram and Discord bots instead.\n")
        return await run_console(service)
    from bot.scheduling import DigestScheduler

    # Handlers first: a SIGTERM during start-up must still shut down cleanly.
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    digests = await open_digests(settings, service)  # DatabaseError: the command line reports it, status 2
    try:
        started = await _start_all(chat_adapters(settings, service, digests))
        if not started:
            log.error("no chat platform could start")
            return 1
        digests.use_messengers(started)  # each chat adapter is also its platform's Messenger
        scheduler = DigestScheduler(digests)
        try:
            await scheduler.start()  # after the adapters, so catch-up digests have somewhere to go
            await stop.wait()
        finally:
            await scheduler.shutdown()  # before the adapters: sends in flight still need them
            for adapter in reversed(started):
                try:
                    await adapter.stop()
                except Exception:
                    log.exception("%s did not stop cleanly", adapter.platform)
    finally:
        await digests.repository.dispose()
    return 0
