"""Two bot processes on one real PostgreSQL database fan out the same due digests: each is sent once.

The test starts a throwaway PostgreSQL 15 cluster on 127.0.0.1 in a temp dir (as the `postgres` user when
run as root, since initdb refuses root) and stops it by its postmaster PID. Without the binaries it skips,
except on CI (CI env var set), where it must run. Run as a script, this file is one of the two processes.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path(os.environ.get("BRIEFBOT_PG_BIN", "/usr/lib/postgresql/15/bin"))
SUBSCRIBERS = 240
DUE_AT = dt.datetime(2025, 6, 2, 5, 0, tzinfo=dt.timezone.utc)  # 08:00 in Kyiv


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    if shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *command]
    return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(command)]


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    initdb = PG_BIN / "initdb"
    if not initdb.exists():
        reason = f"PostgreSQL 15 binaries not found at {PG_BIN}"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; the two-process test must run on CI")
        pytest.skip(reason)
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            pytest.fail("running as root but there is no 'postgres' user to run initdb as")
    base = Path(tempfile.mkdtemp(prefix="briefbot-pg-"))
    if os.geteuid() == 0:
        os.chown(base, owner.pw_uid, owner.pw_gid)  # the cluster's directory belongs to postgres
    data, port = base / "data", _free_port()
    run = dict(check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
    subprocess.run(_as_postgres([str(initdb), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                                 "--no-sync"]), **run)  # type: ignore[call-overload]
    options = f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={base} -c fsync=off"
    subprocess.run(_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-o", options,
                                 "-w", "-t", "60", "start"]), **run)  # type: ignore[call-overload]
    pid = int((data / "postmaster.pid").read_text().splitlines()[0])
    try:
        subprocess.run([str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "briefbot"],
                       **run)  # type: ignore[call-overload]
        yield f"postgresql+asyncpg://postgres@127.0.0.1:{port}/briefbot"
    finally:
        os.kill(pid, signal.SIGINT)  # "fast" shutdown of the postmaster, by its PID
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
        shutil.rmtree(base, ignore_errors=True)


def test_two_processes_on_one_postgres_send_each_digest_once(postgres_url: str, tmp_path: Path) -> None:
    from tests.fakes_messenger import write_brief

    brief = write_brief(tmp_path / "brief.yaml")
    chats = [str(100_000 + i) for i in range(SUBSCRIBERS)]
    asyncio.run(_subscribe(postgres_url, brief, chats))
    out, go = tmp_path / "sent.log", tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    workers = [subprocess.Popen([sys.executable, __file__, postgres_url, str(brief), str(out), str(go)], cwd=ROOT,
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
               for _ in range(2)]
    try:
        for worker in workers:  # both connected and waiting: then start them together
            assert worker.stdout is not None
            line = worker.stdout.readline()
            assert line.strip() == "ready", line + worker.stdout.read()
        go.touch()
        outputs = [worker.communicate(timeout=180)[0] for worker in workers]
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
    assert [w.returncode for w in workers] == [0, 0], outputs
    lines = [line.split() for line in out.read_text().splitlines()]
    per_chat = Counter(chat for _, chat in lines)
    assert per_chat == {chat: 1 for chat in chats}
    senders = Counter(pid for pid, _ in lines)
    assert len(senders) == 2, f"one process sent everything ({senders}); the race was not exercised"
    assert asyncio.run(_statuses(postgres_url)) == {"sent": SUBSCRIBERS}


_V1_SCHEMA = (
    "CREATE TABLE meta (key VARCHAR(64) PRIMARY KEY, value VARCHAR(256))",
    "CREATE TABLE subscriptions (id SERIAL PRIMARY KEY, platform VARCHAR(16), chat_id VARCHAR(64), "
    "user_id VARCHAR(64), local_time VARCHAR(5), timezone VARCHAR(64), brief_id VARCHAR(64), active BOOLEAN, "
    "created_at TIMESTAMP, updated_at TIMESTAMP, deactivated_reason VARCHAR(32), UNIQUE (platform, chat_id))",
    "CREATE TABLE deliveries (id SERIAL PRIMARY KEY, subscription_id INTEGER REFERENCES subscriptions(id) "
    "ON DELETE CASCADE, local_date DATE, revision VARCHAR(64), status VARCHAR(16), claimed_by VARCHAR(64), "
    "claimed_at TIMESTAMP, updated_at TIMESTAMP, attempts INTEGER, error VARCHAR(300), "
    "UNIQUE (subscription_id, local_date))",
    "CREATE TABLE brief_revisions (revision VARCHAR(64) PRIMARY KEY, brief_id VARCHAR(64), sections TEXT, "
    "recorded_at TIMESTAMP)",
    "INSERT INTO meta VALUES ('schema_version', '1')",
    "INSERT INTO subscriptions (platform, chat_id, user_id, local_time, timezone, brief_id, active, created_at, "
    "updated_at) VALUES ('telegram', '42', '7', '08:00', 'Europe/Kyiv', 'mini', true, '2025-06-01', '2025-06-01')",
)


def test_a_schema_1_postgres_database_is_migrated(postgres_url: str, tmp_path: Path) -> None:
    """The migration's SQL runs on PostgreSQL too: a version-1 database gains modes, fact snapshots and retries."""
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    from bot.storage.tables import SCHEMA_VERSION
    from tests.fakes_messenger import RecordingMessenger, write_brief

    async def scenario() -> None:
        admin = create_async_engine(postgres_url, isolation_level="AUTOCOMMIT")
        async with admin.connect() as conn:
            await conn.execute(text("CREATE DATABASE briefbot_v1"))
        await admin.dispose()
        url = postgres_url.rsplit("/", 1)[0] + "/briefbot_v1"
        old = create_async_engine(url)
        async with old.begin() as conn:
            for statement in _V1_SCHEMA:
                await conn.execute(text(statement))
        await old.dispose()
        messenger = RecordingMessenger()
        digests = await _digests(url, write_brief(tmp_path / "brief.yaml"), messenger)
        try:
            (sub,) = await digests.repository.subscriptions()
            assert sub.mode == "daily"
            digests.clock.set(DUE_AT)
            await digests.run_due()
            assert messenger.chats() == {"42": 1} and messenger.sent[0][1].first
            async with digests.repository.engine.connect() as conn:
                version = (await conn.execute(text("SELECT value FROM meta"))).scalar_one()
            assert version == str(SCHEMA_VERSION)
        finally:
            await digests.repository.dispose()

    asyncio.run(scenario())


async def _digests(url: str, brief: Path, messenger: object = None):  # type: ignore[no-untyped-def]
    from bot.bootstrap import build_service
    from bot.config import DigestSettings, Settings
    from bot.digests import DigestSubscriptions
    from bot.fanout import FanoutSender
    from bot.ratelimit import PlatformLimits, Window
    from bot.storage.database import open_database
    from bot.storage.repository import Repository
    from tests.fakes_messenger import SEEDS, FakeClock

    engine = await open_database(url)
    # The race is the point here, not pacing: generous limits keep the test quick.
    limits = {"telegram": PlatformLimits(Window(10_000, 1.0), Window(1, 1.0))}
    sender = FanoutSender([messenger] if messenger else [], concurrency=8, limits=limits)
    return DigestSubscriptions(Repository(engine), build_service(Settings(seeds_dir=SEEDS), brief),
                               DigestSettings(), sender=sender, clock=FakeClock(DUE_AT - dt.timedelta(days=1)))


async def _subscribe(url: str, brief: Path, chats: list[str]) -> None:
    digests = await _digests(url, brief)
    for chat in chats:
        await digests.subscribe("telegram", chat, chat, "08:00", "Europe/Kyiv")
    await digests.repository.dispose()


async def _statuses(url: str) -> dict[str, int]:
    from bot.storage.database import open_database
    from bot.storage.repository import Repository

    repository = Repository(await open_database(url))
    try:
        return await repository.status_counts()
    finally:
        await repository.dispose()


class _FileMessenger:
    """Appends "<pid> <chat>" per digest to a shared file (O_APPEND keeps lines whole across processes)."""

    platform = "telegram"

    def __init__(self, path: Path) -> None:
        self.path = path

    async def send_digest(self, chat_id: str, digest: object) -> None:
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()} {chat_id}\n")
        await asyncio.sleep(0.002)  # a network round trip, so the two processes interleave


async def _worker(url: str, brief: Path, out: Path, go: Path) -> None:
    import bot.digests

    bot.digests.CLAIM_CHUNK = 8  # small claims so the two processes' claims interleave row by row
    digests = await _digests(url, brief, _FileMessenger(out))
    digests.clock.set(DUE_AT)  # type: ignore[attr-defined]
    await digests.repository.subscriptions()  # connected
    print("ready", flush=True)
    while not go.exists():
        await asyncio.sleep(0.005)
    first = await digests.run_due()
    again = await digests.run_due()  # a second pass finds nothing left to send
    print(f"first pass: {first}; second pass: {again}", flush=True)
    await digests.repository.dispose()


if __name__ == "__main__":
    asyncio.run(_worker(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])))
