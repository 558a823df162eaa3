"""The one place that wires settings, brief, service, storage, scheduler and chat adapters together."""

from __future__ import annotations

import logging
import signal
from contextlib import nullcontext
from pathlib import Path
from typing import IO, TYPE_CHECKING, ContextManager

from bot.config_base import SettingsView, cache_dir, data_root, resolve
from bot.core.build_cache import BuildCache
from bot.core.conversation import Conversations
from bot.core.ports import ChatPlatform, Observer, Subscriptions
from bot.core.service import BriefService
from bot.core.store import BriefStore

if TYPE_CHECKING:
    import asyncio

    from bot.config import Settings

    from bot.curating import Curation
    from bot.digests import DigestSubscriptions
    from bot.metrics import Metrics
    from bot.status_server import StatusServer

log = logging.getLogger(__name__)


def build_service(settings: Settings | SettingsView, brief: Path | None = None) -> BriefService:
    directory = cache_dir()
    store = BriefStore(resolve(brief or settings.brief), resolve(settings.seeds_dir),
                       BuildCache(directory) if directory is not None else None)
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
        from bot.adapters.telegram_httpx import httpx_deferred
        from bot.adapters.telegram_webhooks import tornado_hidden

        polling = not settings.telegram.webhook.active
        # A poller never starts the webhook server (3 MB); no bot makes python-telegram-bot's httpx requests (1 MB).
        with tornado_hidden() if polling else nullcontext(), httpx_deferred():
            from bot.adapters.telegram import TelegramAdapter

        adapters.append(TelegramAdapter(settings, service, subscriptions))
    if settings.discord.token:
        from bot.adapters.discord import DiscordAdapter

        adapters.append(DiscordAdapter(settings, service, subscriptions))
    if adapters:
        from bot.adapters.tls import lighten_unverified_context

        lighten_unverified_context()  # both platforms' HTTP is aiohttp, imported with them
    return adapters


def _scheduler_imported() -> ContextManager[object]:
    """For importing apscheduler: its thread and process pool executors (with concurrent.futures.process and
    multiprocessing, about 0.6 MB of the running bot's RSS) stay unimported, as the bot's schedulers run their jobs
    on the event loop (AsyncIOScheduler's own executor); made by anyone, they are the real ones."""
    from bot.deferred_import import deferred

    return deferred("apscheduler.executors.pool", ("ThreadPoolExecutor", "ProcessPoolExecutor"),
                    importer="apscheduler.schedulers.base")


async def _start_all(adapters: list[ChatPlatform], states: dict[str, str], observer: Observer,
                     stop: asyncio.Event) -> list[ChatPlatform]:
    """Start every adapter side by side, each retrying while its platform is unreachable. Returns those running
    once all have settled (or `stop` was set); one that cannot start is logged and left out."""
    import asyncio  # here, not at the top: `python -m bot ask` builds a service and never needs it

    from bot.platform_start import start_with_retries

    starts = [asyncio.create_task(start_with_retries(a, states, observer, stop)) for a in adapters]
    stopping = asyncio.create_task(stop.wait())
    await asyncio.wait({asyncio.gather(*starts), stopping}, return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    for task in starts:
        task.cancel()  # only those still connecting when `stop` came
    results = await asyncio.gather(*starts, return_exceptions=True)
    return [adapter for adapter, result in zip(adapters, results) if result is True]


async def open_digests(settings: Settings, service: BriefService) -> "DigestSubscriptions":
    """Storage + the Subscriptions service. Raises DatabaseError (a clear message) on a bad URL."""
    from bot.digests import DigestSubscriptions
    from bot.storage.database import open_database
    from bot.storage.repository import Repository

    engine = await open_database(settings.database_url, data_root())
    return DigestSubscriptions(Repository(engine), service, settings.digest)


async def list_subscriptions(settings: Settings, out: IO[str]) -> int:
    """`python -m bot subscriptions`: count per platform and next run times, for admins."""
    from bot.core.schedule import SystemClock
    from bot.digests import subscription_report
    from bot.storage.database import open_database
    from bot.storage.repository import Repository

    engine = await open_database(settings.database_url, data_root())  # DatabaseError: the command line reports it
    try:
        for line in await subscription_report(Repository(engine), SystemClock().now()):
            out.write(line + "\n")
    finally:
        await engine.dispose()
    return 0


async def run(settings: Settings, brief: Path | None = None) -> int:
    """`python -m bot run`: chat platforms when tokens are set, otherwise the local console."""
    import asyncio

    service = build_service(settings, brief)
    if not (settings.telegram.token or settings.discord.token):
        print("No TELEGRAM_TOKEN or DISCORD_TOKEN set: starting the local console chat.")
        print("Set TELEGRAM_TOKEN and/or DISCORD_TOKEN to run the Telegram and Discord bots instead.\n")
        return await console(settings, service)
    with _scheduler_imported():
        from bot.curating import attach_curation

    # Handlers first: a SIGTERM during start-up must still shut down cleanly.
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    digests = await open_digests(settings, service)  # DatabaseError: the command line reports it, status 2
    metrics = None
    if settings.http_port is not None:
        from bot.metrics import Metrics

        metrics = Metrics(platform for platform, token in
                          (("telegram", settings.telegram.token), ("discord", settings.discord.token)) if token)
        service.observer = digests.sender.observer = metrics
    curation = await attach_curation(digests.repository.engine, service, settings.curation)
    await curation.purge_expired()  # then daily, on the scheduler
    try:
        adapters = chat_adapters(settings, service, digests)
        states = {adapter.platform: "connecting" for adapter in adapters}
        try:
            status = await _start_status_server(settings, service, adapters, states, metrics, digests)
        except OSError as exc:  # the port is taken, or not ours to bind
            log.error("cannot serve health and metrics on port %s: %s", settings.http_port, exc.strerror or exc)
            return 1
        try:
            return await _serve(adapters, states, digests, curation, stop)
        finally:
            if status is not None:
                await status.stop()
    finally:
        await curation.stop()
        await digests.repository.dispose()


async def _serve(adapters: list[ChatPlatform], states: dict[str, str], digests: "DigestSubscriptions",
                 curation: "Curation", stop: asyncio.Event) -> int:
    """Start the platforms, then the digest scheduler; run until `stop`; shut down in reverse."""
    from bot.memory_release import release_after_full_collections
    from bot.scheduling import DigestScheduler

    started = await _start_all(adapters, states, digests.service.observer, stop)
    if not started:
        if stop.is_set():
            return 0
        log.error("no chat platform could start")
        return 1
    try:
        digests.use_messengers(started)  # each chat adapter is also its platform's Messenger
        scheduler = DigestScheduler(digests)
        try:
            await scheduler.start()  # after the adapters, so catch-up digests have somewhere to go
            curation.schedule_purge(scheduler.scheduler)
            release_after_full_collections()  # a long-running process: its resident size tracks what it holds
            await stop.wait()
        finally:
            await scheduler.shutdown()  # before the adapters: sends in flight still need them
    finally:
        for adapter in reversed(started):
            states[adapter.platform] = "stopped"
            try:
                await adapter.stop()
            except Exception:
                log.exception("%s did not stop cleanly", adapter.platform)
    return 0


async def _start_status_server(settings: Settings, service: BriefService, adapters: list[ChatPlatform],
                               states: dict[str, str], metrics: "Metrics | None",
                               digests: "DigestSubscriptions") -> "StatusServer | None":
    """GET /healthz and /metrics when BRIEFBOT_HTTP_PORT is set; up before the platforms, so a platform that is
    still connecting already shows in the health check."""
    if settings.http_port is None or metrics is None:
        return None
    from bot.status_server import Health, StatusServer
    from bot.storage.repository import StorageUnavailable

    async def database_ok() -> None:
        # A write, not a SELECT 1: a deleted or read-only SQLite file still answers reads.
        problem = await digests.repository.health()
        if problem is not None:
            raise StorageUnavailable(problem)

    server = StatusServer(settings.http_port, Health(service, adapters, states, database_ok), metrics)
    await server.start()
    log.info("health and metrics served on port %d (/healthz, /metrics)", settings.http_port)
    return server


async def console(settings: Settings, service: BriefService) -> int:
    """The local console chat, with the curation log when the database opens (it is optional here)."""
    from bot.adapters.console import run_console
    from bot.curating import attach_curation
    from bot.storage.database import open_database
    from bot.storage.errors import DatabaseError

    try:
        engine = await open_database(settings.database_url, data_root())
    except DatabaseError as exc:
        log.warning("database: %s; the console runs without the curation log", exc)
        return await run_console(service)
    curation = await attach_curation(engine, service, settings.curation)
    try:
        await curation.purge_expired()
        return await run_console(service)
    finally:
        await curation.stop()
        await engine.dispose()
