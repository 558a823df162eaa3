"""Scheduler scale benchmark: 50,000 subscriptions in SQLite, the digest scheduler's start-up and due passes,
each beside a baseline measured in the same run: the design before this one (an APScheduler job per
subscription, and a due pass that reads every subscription and works out its time in Python).

Figures: wall time, and the longest the event loop was held (the loop thread's CPU time between two ticks of a
5 ms ticker). No messenger is
attached, so a pass finds and counts what is due without sending it. Prints; asserts nothing.

    .venv/bin/python bench/scale_bench.py [--subscriptions 50000] [--zones 40]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Awaitable, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from apscheduler.schedulers.asyncio import AsyncIOScheduler  # noqa: E402
from apscheduler.triggers.cron import CronTrigger  # noqa: E402
from sqlalchemy import insert, or_, select, tuple_  # noqa: E402

from bot.bootstrap import build_service  # noqa: E402
from bot.config import DigestSettings, Settings  # noqa: E402
from bot.core.schedule import last_fire  # noqa: E402
from bot.digests import DigestSubscriptions, Due, subscription_time, subscription_zone  # noqa: E402
from bot.scheduling import DigestScheduler  # noqa: E402
from bot.storage.database import open_database  # noqa: E402
from bot.storage.repository import DELIVERIES, SUBSCRIPTIONS, Repository  # noqa: E402
from bot.storage.tables import CLAIMED  # noqa: E402
from tests.fakes_messenger import FakeClock, write_brief  # noqa: E402

NOW = dt.datetime(2025, 6, 2, 6, 0, tzinfo=dt.timezone.utc)
ZONES = ["UTC", "Europe/Kyiv", "Europe/London", "Europe/Berlin", "Europe/Istanbul", "Europe/Moscow", "Asia/Tokyo",
         "America/New_York", "America/Chicago", "America/Los_Angeles", "Asia/Kolkata", "Asia/Kathmandu",
         "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Auckland", "Pacific/Chatham", "Asia/Shanghai",
         "America/Sao_Paulo", "Africa/Cairo", "Africa/Lagos", "Asia/Dubai", "Asia/Tehran", "Europe/Paris",
         "Europe/Warsaw", "Europe/Madrid", "Asia/Singapore", "America/Toronto", "America/Mexico_City",
         "America/St_Johns", "Atlantic/Azores", "Asia/Yerevan", "Asia/Tbilisi", "Europe/Vilnius", "Europe/Riga",
         "Europe/Tallinn", "Europe/Helsinki", "Europe/Chisinau", "UTC+03:00", "UTC-05:30", "UTC+05:45"]


async def seed(url: str, count: int, zones: int) -> None:
    """Every minute of the day in `zones` zones: the worst spread for a scheduler (thousands of distinct times)."""
    engine = await open_database(url)
    created = NOW - dt.timedelta(days=1)
    pick = random.Random(7)
    rows = [dict(platform="telegram", chat_id=str(10_000 + i), user_id="1",
                 local_time=f"{pick.randrange(24):02d}:{pick.randrange(60):02d}", timezone=pick.choice(ZONES[:zones]),
                 brief_id="mini", active=True, created_at=created, updated_at=created) for i in range(count)]
    async with engine.begin() as conn:
        for start in range(0, count, 5000):
            await conn.execute(insert(SUBSCRIPTIONS), rows[start:start + 5000])
    await engine.dispose()


async def measured(work: Callable[[], Awaitable[Any]]) -> tuple[float, float, Any]:
    """(wall seconds, longest event-loop stall in seconds, result) of `work`, with a 5 ms ticker running. The
    stall is the CPU time the loop's thread spent between two ticks (its own, not the database thread's), so
    other processes on a busy machine do not inflate it."""
    worst = 0.0
    running = True

    async def ticker() -> None:
        nonlocal worst
        while running:
            started = time.thread_time()
            await asyncio.sleep(0.005)
            worst = max(worst, time.thread_time() - started)

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0.01)
    started = time.perf_counter()
    result = await work()
    elapsed = time.perf_counter() - started
    running = False
    await task
    return elapsed, worst, result


# ---------------------------------------------------------------- the previous design, for the baseline

async def baseline_start(repository: Repository) -> int:
    scheduler = AsyncIOScheduler(timezone=dt.timezone.utc)
    subscriptions = await repository.subscriptions()
    for sub in subscriptions:
        scheduler.add_job(asyncio.sleep, CronTrigger(hour=int(sub.local_time[:2]), minute=int(sub.local_time[3:]),
                                                     timezone=subscription_zone(sub).tzinfo), args=(0,), id=str(sub.id))
    scheduler.start(paused=True)
    scheduler.shutdown(wait=False)
    return len(subscriptions)


async def baseline_due(digests: DigestSubscriptions, now: dt.datetime) -> list[Due]:
    candidates = []
    for sub in await digests.repository.subscriptions():
        day, instant = last_fire(subscription_time(sub), subscription_zone(sub), now)
        if instant >= sub.updated_at and now - instant <= digests.grace:
            candidates.append(Due(sub, day, instant))
    pairs = [(d.subscription.id, d.local_date) for d in candidates]
    settled: set[tuple[int, dt.date]] = set()
    async with digests.repository.engine.begin() as conn:
        for start in range(0, len(pairs), 500):
            rows = await conn.execute(select(DELIVERIES.c.subscription_id, DELIVERIES.c.local_date).where(
                tuple_(DELIVERIES.c.subscription_id, DELIVERIES.c.local_date).in_(pairs[start:start + 500]),
                or_(DELIVERIES.c.status != CLAIMED, DELIVERIES.c.claimed_at >= now - digests.lease)))
            settled |= {(sid, day) for sid, day in rows}
    return [d for d in candidates if (d.subscription.id, d.local_date) not in settled]


def line(name: str, new: tuple[float, float, Any], old: tuple[float, float, Any], note: str) -> None:
    print(f"{name:<34} {new[0] * 1000:9.1f} ms (baseline {old[0] * 1000:9.1f} ms, {new[0] / old[0]:5.3f}x)   "
          f"loop held ≤ {new[1] * 1000:6.1f} ms (baseline {old[1] * 1000:7.1f} ms)   {note}")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscriptions", type=int, default=50_000)
    parser.add_argument("--zones", type=int, default=len(ZONES))
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{Path(tmp) / 'scale.db'}"
        await seed(url, options.subscriptions, options.zones)
        repository = Repository(await open_database(url))
        service = build_service(Settings(seeds_dir=ROOT / "seeds"), write_brief(Path(tmp) / "brief.yaml"))
        digests = DigestSubscriptions(repository, service, DigestSettings(), clock=FakeClock(NOW))
        async with repository.engine.connect() as conn:
            distinct = len((await conn.execute(select(SUBSCRIPTIONS.c.local_time, SUBSCRIPTIONS.c.timezone)
                                               .distinct())).all())
        print(f"{options.subscriptions:,} subscriptions, {distinct:,} distinct (time, zone) pairs, SQLite, "
              f"grace {digests.grace}")

        async def start() -> int:
            scheduler = DigestScheduler(digests)
            await scheduler.start()
            await asyncio.sleep(0)
            await digests.idle()  # the catch-up pass, included
            await scheduler.shutdown()
            return 1

        new = await measured(start)
        gc.collect()
        old = await measured(lambda: baseline_start(repository))
        line("scheduler start (+ catch-up pass)", new, old, f"{old[2]:,} jobs before, 1 now")
        for hours in (0, 3, 9):
            now = NOW + dt.timedelta(hours=hours)
            gc.collect()  # the other side's garbage is not collected on this side's time
            new = await measured(lambda now=now: digests.due(now))
            gc.collect()
            old = await measured(lambda now=now: baseline_due(digests, now))
            assert sorted(d.subscription.id for d in new[2]) == sorted(d.subscription.id for d in old[2])
            line(f"due pass at {now:%H:%M} UTC", new, old, f"{len(new[2]):,} due")
        await repository.dispose()


if __name__ == "__main__":
    asyncio.run(main())
