"""The one place that wires settings, brief, service, storage, scheduler and chat adapters together."""

from __future__ import annotations

import asyncio
import logging
import signal
from pathlib import Path

from bot.config import Settings, resolve
from bot.core.conversation import Conversations
from bot.core.ports import ChatAdapter, Subscriptions
from bot.core.service import BriefService
from bot.core.store import BriefStore

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
                  subscriptions: Subscriptions | None = None) -> list[ChatAdapter]:
    """Every platform whose token is set. Imported lazily so a missing token never loads its library."""
    adapters: list[ChatAdapter] = []
    if settings.telegram.token:
        from bot.adapters.telegram import TelegramAdapter

        adapters.append(TelegramAdapter(settings, service, subscriptions))
    if settings.discord.token:
        from bot.adapters.discord import DiscordAdapter

        adapters.append(DiscordAdapter(settings, service, subscriptions))
    return adapters


async def _start_all(adapters: list[ChatAdapter]) -> list[ChatAdapter]:
    """Start each adapter; one that fails to connect is logged and left out, the others keep running."""
    started: list[ChatAdapter] = []
    for adapter in adapters:
        try:
            await adapter.start()
        except Exception:
            log.exception("%s failed to start; continuing without it", adapter.platform)
        else:
            log.info("%s adapter running", adapter.platform)
            started.append(adapter)
    return started


async def run(settings: Settings, brief: Path | None = None) -> int:
    """`python -m bot run`: chat platforms when tokens are set, otherwise the local console."""
    service = build_service(settings, brief)
    adapters = chat_adapters(settings, service)
    if not adapters:
        from bot.adapters.console import run_console

        print("No TELEGRAM_TOKEN or DISCORD_TOKEN set: starting the local console chat.")
        print("Set TELEGRAM_TOKEN and/or DISCORD_TOKEN to run the Telegram and Discord bots instead.\n")
        return await run_console(service)
    started = await _start_all(adapters)
    if not started:
        log.error("no chat platform could start")
        return 1
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        for adapter in reversed(started):
            try:
                await adapter.stop()
            except Exception:
                log.exception("%s did not stop cleanly", adapter.platform)
    return 0
