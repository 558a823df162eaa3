"""Opening the database: URL checks, SQLite file + WAL set-up, schema creation and its version."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import event, select, text
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, InvalidRequestError
from sqlalchemy.pool import QueuePool

from bot.storage.engine import AsyncEngine, create_async_engine
from bot.storage.errors import DatabaseError
from bot.storage.tables import META, METADATA, SCHEMA_VERSION

log = logging.getLogger(__name__)

EXPECTED_FORMS = "sqlite+aiosqlite:///path/to/briefbot.db or postgresql+asyncpg://user:password@host/dbname"
_ASYNC_HINT = {"sqlite": "sqlite+aiosqlite:///path/to/briefbot.db", "postgresql": "postgresql+asyncpg://user@host/db"}
# Migrations from version N to N+1, run in order inside the schema lock (plain SQL both backends accept).
MIGRATIONS: dict[int, tuple[str, ...]] = {
    # 2: subscription modes (daily / changes), each revision's facts for per-subscriber "what changed",
    # transient retries per delivery.
    1: (
        "ALTER TABLE subscriptions ADD COLUMN mode VARCHAR(16) NOT NULL DEFAULT 'daily'",
        "ALTER TABLE brief_revisions ADD COLUMN facts TEXT",
        "ALTER TABLE brief_revisions ADD COLUMN changed_at TIMESTAMP",
        "ALTER TABLE deliveries ADD COLUMN retries INTEGER NOT NULL DEFAULT 0",
    ),
}
_SQLITE_BUSY_MS = 10_000
# SQLite's page cache, per connection, in KiB. Its default (2,000 KiB) is held in the memory of each connection's
# aiosqlite thread for as long as the bot runs; the bot's statements read a few rows by index and append, and the
# operating system caches the file anyway. 256 KiB: 0.2-3.5 MB less RSS after 10,000 answers (README, Benchmarks).
SQLITE_CACHE_KIB = 256
# Idle SQLite connections kept open between transactions. SQLAlchemy's pool keeps up to 5, and with aiosqlite
# each is a thread with its own stack, malloc arena and page cache, held for the bot's lifetime once a burst
# (a curation batch written during a digest check) opened it. Up to SQLITE_BURST more still open when
# transactions overlap; they close as they are returned, so as many may run at once as before (15).
SQLITE_IDLE_CONNECTIONS = 1
SQLITE_BURST = 14


def parse_database_url(raw: str, root: Path | None = None) -> URL:
    """Validate the URL; relative SQLite paths are made relative to `root` (the project) like other paths."""
    try:
        url = make_url(raw)
    except ArgumentError:
        raise DatabaseError(f"database_url is not a valid SQLAlchemy URL; expected {EXPECTED_FORMS}") from None
    except ValueError:  # SQLAlchemy reads the port with int()
        raise DatabaseError("database_url has a port that is not a number") from None
    if url.port is not None and not 0 < url.port < 65536:
        raise DatabaseError("database_url has a port outside 1-65535") from None
    backend = url.get_backend_name()
    if url.drivername == backend:
        hint = _ASYNC_HINT.get(backend) or f"{backend}+<async driver>://... (e.g. {EXPECTED_FORMS})"
        raise DatabaseError(f"database_url {url.render_as_string(hide_password=True)!r} names no async driver; "
                            f"expected the form {hint}")
    if backend == "sqlite" and url.database and url.database != ":memory:" and not url.database.startswith("file:"):
        path = Path(url.database)
        if not path.is_absolute() and root is not None:
            path = root / path
        url = url.set(database=str(path))
    return url


def _sqlite_setup(engine: AsyncEngine) -> None:
    # The driver's own transaction handling is switched off and every transaction starts with
    # BEGIN IMMEDIATE, so "decide and claim" holds the write lock from its first read (SQLAlchemy's
    # documented recipe for pysqlite/aiosqlite). Other processes wait up to busy_timeout.
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={_SQLITE_BUSY_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _pooled_sqlite(url: URL) -> bool:
    """A SQLite file, which SQLAlchemy pools (an in-memory database is one connection, never pooled)."""
    if url.get_backend_name() != "sqlite":
        return False
    try:
        return issubclass(url.get_dialect().get_pool_class(url), QueuePool)
    except (ArgumentError, InvalidRequestError, ModuleNotFoundError):  # create_async_engine reports these below
        return False


def create_engine(raw_url: str, root: Path | None = None) -> AsyncEngine:
    url = parse_database_url(raw_url, root)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    try:
        pool = dict(pool_size=SQLITE_IDLE_CONNECTIONS, max_overflow=SQLITE_BURST) if _pooled_sqlite(url) else {}
        engine = create_async_engine(url, pool_pre_ping=url.get_backend_name() != "sqlite", **pool)
    except (InvalidRequestError, ArgumentError) as exc:
        raise DatabaseError(f"cannot use {url.render_as_string(hide_password=True)!r}: {exc}; "
                            f"expected {EXPECTED_FORMS}") from None
    except ModuleNotFoundError as exc:
        raise DatabaseError(f"the database driver is not installed ({exc.name}); expected {EXPECTED_FORMS}") from None
    if url.get_backend_name() == "sqlite":
        _sqlite_setup(engine)
    return engine


async def ensure_schema(engine: AsyncEngine) -> int:
    """Create missing tables, record the schema version, run pending migrations. Returns the version."""
    async with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Two bot processes starting together must not race on CREATE TABLE.
            await conn.execute(text("SELECT pg_advisory_xact_lock(7262091)"))
        await conn.run_sync(_create_tables_and_indexes)
        version_row = select(META.c.value).where(META.c.key == "schema_version")
        stored = (await conn.execute(version_row)).scalar_one_or_none()
        version = int(stored) if stored is not None else SCHEMA_VERSION
        if version > SCHEMA_VERSION:
            raise DatabaseError(f"the database schema is version {version}, newer than this bot's "
                                f"{SCHEMA_VERSION}; upgrade the bot")
        while version < SCHEMA_VERSION:
            for statement in MIGRATIONS.get(version, ()):
                await conn.execute(text(statement))
            version += 1
            log.info("database schema migrated to version %d", version)
        if stored is None:
            await conn.execute(META.insert().values(key="schema_version", value=str(version)))
        else:  # always a write: a read-only database must stop the start, not every later subscription
            await conn.execute(META.update().where(META.c.key == "schema_version").values(value=str(version)))
    return version


def _create_tables_and_indexes(conn: Connection) -> None:
    """Missing tables, and indexes added since an existing table was created (create_all skips those)."""
    METADATA.create_all(conn)
    for table in METADATA.sorted_tables:
        for index in table.indexes:
            index.create(conn, checkfirst=True)


async def open_database(raw_url: str, root: Path | None = None) -> AsyncEngine:
    """An engine with the schema in place; raises DatabaseError with a clear message when it cannot."""
    engine = create_engine(raw_url, root)
    try:
        await ensure_schema(engine)
    except DatabaseError:
        await engine.dispose()
        raise
    except Exception as exc:
        await engine.dispose()
        url = make_url(raw_url).render_as_string(hide_password=True)
        if "readonly" in str(exc).lower():
            raise DatabaseError(f"the database {url!r} is read-only; give the bot's user write access to it (and, "
                                "for SQLite, to its directory)") from exc
        raise DatabaseError(f"cannot open the database {url!r}: {type(exc).__name__}") from exc
    return engine
