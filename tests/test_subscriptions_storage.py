"""The database: URL checks with clear messages, the SQLite file in WAL mode, the schema version, and
`python -m bot subscriptions`."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import text

from bot import cli
from bot.storage.database import SQLITE_CACHE_KIB, DatabaseError, open_database, parse_database_url
from bot.storage.tables import SCHEMA_VERSION
from tests.fakes_messenger import SEEDS, write_brief


@pytest.mark.parametrize("url, form", [
    ("sqlite:///data/briefbot.db", "sqlite+aiosqlite:///"),
    ("postgresql://bot:hunter2@db.example/briefbot", "postgresql+asyncpg://"),
    ("postgresql+psycopg2://bot:hunter2@db.example/briefbot", "postgresql+asyncpg://"),
    ("not a url", "sqlite+aiosqlite:///"),
])
async def test_url_without_async_driver_names_the_expected_form(url: str, form: str) -> None:
    with pytest.raises(DatabaseError) as caught:
        await open_database(url)
    assert form in str(caught.value)
    assert "hunter2" not in str(caught.value)


def test_relative_sqlite_path_is_relative_to_the_project(tmp_path: Path) -> None:
    url = parse_database_url("sqlite+aiosqlite:///data/briefbot.db", tmp_path)
    assert url.database == str(tmp_path / "data" / "briefbot.db")
    assert parse_database_url("sqlite+aiosqlite:////abs/x.db", tmp_path).database == "/abs/x.db"


async def test_sqlite_file_created_on_first_run_in_wal_mode_with_schema_version(tmp_path: Path) -> None:
    engine = await open_database("sqlite+aiosqlite:///nested/dir/briefbot.db", tmp_path)
    try:
        assert (tmp_path / "nested" / "dir" / "briefbot.db").exists()
        async with engine.connect() as conn:
            assert (await conn.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
            # A small page cache: each connection's thread holds it for as long as the bot runs.
            assert (await conn.execute(text("PRAGMA cache_size"))).scalar() == -SQLITE_CACHE_KIB
            version = (await conn.execute(text("SELECT value FROM meta WHERE key = 'schema_version'"))).scalar()
            assert version == str(SCHEMA_VERSION)
            tables = {r[0] for r in await conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
            assert {"subscriptions", "deliveries", "brief_revisions", "meta"} <= tables
        async with engine.begin() as conn:
            await conn.execute(text("UPDATE meta SET value = '99' WHERE key = 'schema_version'"))
    finally:
        await engine.dispose()
    with pytest.raises(DatabaseError, match="version 99, newer than this bot"):
        await open_database("sqlite+aiosqlite:///nested/dir/briefbot.db", tmp_path)


async def test_sqlite_connections_opened_by_a_burst_close_after_it_but_one(tmp_path: Path) -> None:
    """Each aiosqlite connection is a thread with its own page cache: after overlapping transactions only one
    stays open (for the bot's lifetime), while the burst itself still ran side by side."""
    import asyncio
    import threading

    from bot.storage.database import SQLITE_IDLE_CONNECTIONS

    def connection_threads() -> set[threading.Thread]:
        return {t for t in threading.enumerate() if "_connection_worker_thread" in t.name}

    # Count only this engine's threads: an earlier test's connection may still be ending while this one runs.
    before = connection_threads()
    engine = await open_database("sqlite+aiosqlite:///burst.db", tmp_path)
    try:
        inside = asyncio.Event()
        held = 0

        async def read() -> int:
            nonlocal held
            async with engine.connect() as conn:
                held += 1
                if held == 4:
                    inside.set()
                await asyncio.wait_for(inside.wait(), 10)  # all four open at once
                return (await conn.execute(text("SELECT count(*) FROM subscriptions"))).scalar_one()

        assert await asyncio.gather(*(read() for _ in range(4))) == [0, 0, 0, 0]
        for _ in range(500):  # a closed connection's thread ends on its own, just after (later on a busy machine)
            if len(connection_threads() - before) <= SQLITE_IDLE_CONNECTIONS:
                break
            await asyncio.sleep(0.02)
        assert len(connection_threads() - before) == SQLITE_IDLE_CONNECTIONS == 1
    finally:
        await engine.dispose()


def test_python_m_bot_subscriptions_lists_counts_and_next_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    import asyncio

    from bot.bootstrap import build_service, open_digests
    from bot.config import Settings

    url = f"sqlite+aiosqlite:///{tmp_path / 'subs.db'}"
    brief = write_brief(tmp_path / "brief.yaml")

    async def seed() -> None:
        settings = Settings(database_url=url, seeds_dir=SEEDS)
        digests = await open_digests(settings, build_service(settings, brief))
        await digests.subscribe("telegram", "1", "1", "08:00", "Europe/Kyiv")
        await digests.subscribe("discord", "2", "1", "8pm", "UTC")
        await digests.repository.dispose()

    asyncio.run(seed())
    monkeypatch.setenv("BRIEFBOT_DATABASE_URL", url)
    monkeypatch.setenv("BRIEFBOT_SEEDS_DIR", str(SEEDS))
    out = io.StringIO()
    assert cli.main(["--brief", str(brief), "subscriptions"], out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == "Subscriptions: 2 active (discord 1, telegram 1); 0 inactive"
    assert lines[1] == "Next runs:"
    assert any(line.endswith("08:00 Europe/Kyiv  (telegram 1)") for line in lines[2:])
    assert any(line.endswith("20:00 UTC  (discord 1)") for line in lines[2:])

    monkeypatch.setenv("BRIEFBOT_DATABASE_URL", "sqlite:///x.db")
    out = io.StringIO()
    assert cli.main(["--brief", str(brief), "subscriptions"], out) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: ") and "sqlite+aiosqlite:///" in error and out.getvalue() == ""
