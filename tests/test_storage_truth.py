"""Storage that tells the truth: a subscription that did not reach the database is never confirmed. Through
python-telegram-bot's real Application against the local Bot API fake and the real SQLite database."""

from __future__ import annotations

import asyncio

import datetime as dt
import json
import logging
import os
import shutil
from pathlib import Path
from typing import AsyncIterator

import pytest

from bot.adapters.telegram import TelegramAdapter
from bot.bootstrap import build_service, chat_adapters
from bot.core.schedule import UTC
from bot.digests import NOT_SAVED, DigestSubscriptions
from bot.storage.database import DatabaseError, create_engine, open_database
from bot.storage.repository import Repository
from tests.fake_telegram import FakeTelegram, parse_html
from tests.fakes_messenger import FakeClock, clocked_digests
from tests.test_telegram import BRIEF, make_settings

CHAT = 4242


class Env:
    def __init__(self, fake: FakeTelegram, digests: DigestSubscriptions, db: Path) -> None:
        self.fake, self.digests, self.db = fake, digests, db

    async def say(self, text: str) -> str:
        return parse_html((await self.fake.ask(text, CHAT)).text)


@pytest.fixture
async def env(fake: FakeTelegram, tmp_path: Path) -> AsyncIterator[Env]:
    brief = tmp_path / "brief.yaml"
    shutil.copy(BRIEF, brief)
    settings = make_settings(fake, brief)
    service = build_service(settings)
    db = tmp_path / "digests.db"
    digests = await clocked_digests(db, service, FakeClock(dt.datetime(2025, 6, 1, 5, 0, tzinfo=UTC)))
    (adapter,) = chat_adapters(settings, service, digests)
    assert isinstance(adapter, TelegramAdapter)
    await adapter.start()
    try:
        yield Env(fake, digests, db)
    finally:
        await adapter.stop()
        await digests.repository.dispose()


async def test_a_deleted_database_is_never_confirmed(env: Env, caplog: pytest.LogCaptureFixture) -> None:
    assert (await env.say("/subscribe 08:00 Europe/Kyiv")).startswith("Subscribed")
    assert await env.digests.repository.healthy()
    for path in env.db.parent.glob("digests.db*"):
        path.unlink()  # the bot's connection would go on writing to the deleted file
    with caplog.at_level(logging.ERROR):
        assert await env.say("/subscribe 09:00 Europe/Kyiv") == NOT_SAVED
        assert "couldn't stop your subscription" in await env.say("/unsubscribe")
    assert f"the database file {env.db} was deleted or replaced" in caplog.text and "restart the bot" in caplog.text
    assert not await env.digests.repository.healthy()
    assert "deleted or replaced" in (await env.digests.repository.health() or "")


async def test_a_database_that_became_read_only_is_never_confirmed(env: Env, tmp_path: Path,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    assert (await env.say("/subscribe 08:00 Europe/Kyiv")).startswith("Subscribed")
    # The same file through a read-only connection: what a chmod or a read-only remount gives a non-root user.
    read_only = create_engine(f"sqlite+aiosqlite:///file:{env.db}?mode=ro&uri=true")
    writable, env.digests.repository = env.digests.repository, Repository(read_only)
    try:
        with caplog.at_level(logging.ERROR):
            assert await env.say("/subscribe 09:00 UTC") == NOT_SAVED
        assert "is read-only" in caplog.text and "write access" in caplog.text
        assert await env.digests.repository.health() is not None
    finally:
        await read_only.dispose()
        # Back for the fixture to dispose: left open, its connection's thread outlived this test's event loop and
        # failed in the next test's (a PytestUnhandledThreadExceptionWarning there).
        env.digests.repository = writable


async def test_a_read_only_database_stops_the_start(tmp_path: Path) -> None:
    db = tmp_path / "digests.db"
    await (await open_database(f"sqlite+aiosqlite:///{db}")).dispose()
    with pytest.raises(DatabaseError, match="is read-only; give the bot's user write access"):
        await open_database(f"sqlite+aiosqlite:///file:{db}?mode=ro&uri=true")


async def test_a_digest_pass_on_a_deleted_database_logs_what_to_do(env: Env, caplog: pytest.LogCaptureFixture) -> None:
    from bot.scheduling import DigestScheduler

    scheduler = DigestScheduler(env.digests)
    os.unlink(env.db)
    with caplog.at_level(logging.ERROR):
        await scheduler.start()
        for _ in range(500):  # the catch-up pass runs in the background
            if "digest pass failed" in caplog.text:
                break
            await asyncio.sleep(0.01)
        await scheduler.shutdown()
    assert "digest pass failed: the database file" in caplog.text and "Traceback" not in caplog.text


async def test_a_shutdown_lets_the_pass_in_progress_finish(env: Env) -> None:
    # Cancelled inside a database call, a pass would leave the driver's thread finishing it for a closed event loop.
    from bot.scheduling import DigestScheduler

    scheduler = DigestScheduler(env.digests)
    passes: list[str] = []
    run_due = env.digests.run_due

    async def slow_pass() -> None:
        passes.append("started")
        await asyncio.sleep(0.2)
        await run_due()
        passes.append("finished")

    env.digests.run_due = slow_pass  # type: ignore[method-assign]
    await scheduler.start()
    while not passes:
        await asyncio.sleep(0.01)
    await scheduler.shutdown()
    assert passes == ["started", "finished"]


async def test_a_running_bot_reports_a_deleted_database_on_healthz_and_never_confirms(fake: FakeTelegram) -> None:
    from tests.test_observability import Bot, bot_env, free_port, get

    port = free_port()
    env = bot_env(fake.url, BRIEFBOT_HTTP_PORT=str(port))
    database = Path(env["BRIEFBOT_DATABASE_URL"].removeprefix("sqlite+aiosqlite:///"))
    async with Bot(env) as bot:
        await bot.wait_for_line("digest scheduler started")
        assert (await get(port, "/healthz"))[0] == 200
        assert parse_html((await fake.ask("/subscribe 08:00 UTC", CHAT)).text).startswith("Subscribed")
        for path in database.parent.glob("briefbot.db*"):
            path.unlink()
        status, body = await get(port, "/healthz")
        assert status == 503 and json.loads(body)["database"] == {"ok": False, "error": "StorageUnavailable"}
        assert parse_html((await fake.ask("/subscribe 09:00 UTC", CHAT)).text) == NOT_SAVED
        await bot.wait_for_line("was deleted or replaced while the bot was running")
