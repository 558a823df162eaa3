"""The due query at scale: the database returns exactly the subscribers a per-subscriber computation owes a
digest (any time, zone, DST day; (re)subscribed late; already sent; a stale claim), and the scheduler starts
with one job whatever the number of subscribers. Figures are in bench/scale_bench.py."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from sqlalchemy import insert

from bot.core.schedule import last_fire, zone_named
from bot.scheduling import DigestScheduler
from bot.storage.repository import DELIVERIES, SUBSCRIPTIONS
from bot.storage.tables import CLAIMED, SENT
from tests.test_subscriptions import make_env, utc

ZONES = ["Europe/Kyiv", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Antarctica/Troll", "UTC",
         "UTC+05:45", "UTC-09:30", "Pacific/Kiritimati", "Pacific/Pago_Pago"]


@pytest.mark.parametrize("now", [utc(2025, 3, 30, 1, 7), utc(2025, 10, 26, 0, 59), utc(2025, 6, 2, 12, 0)])
async def test_the_due_query_owes_exactly_what_each_subscription_owes(tmp_path: Path, now: dt.datetime) -> None:
    env = await make_env(tmp_path, now=now)
    pick = random.Random(now.toordinal())
    rows = []
    for i in range(5000):
        made = now - dt.timedelta(minutes=pick.choice([30, 90, 3 * 24 * 60]))  # some (re)subscribed just now
        rows.append(dict(platform="telegram", chat_id=str(i), user_id="1", local_time=f"{pick.randrange(24):02d}:"
                         f"{pick.choice([0, 15, 30, 45, pick.randrange(60)]):02d}", timezone=pick.choice(ZONES),
                         brief_id="mini", active=i % 50 != 0, created_at=made, updated_at=made))
    async with env.repo.engine.begin() as conn:
        await conn.execute(insert(SUBSCRIPTIONS), rows)
    subs = await env.repo.subscriptions()
    owed = {}
    for sub in subs:
        day, instant = last_fire(dt.time.fromisoformat(sub.local_time), zone_named(sub.timezone), now)
        if now - instant <= env.digests.grace and instant >= sub.updated_at:
            owed[sub.id] = day
    # Some of them were sent already, some claimed by a process that died (stale: owed again), some just claimed.
    settled = dict(list(owed.items())[::3])
    stale = dict(list(owed.items())[1::6])
    fresh = dict(list(owed.items())[2::6])
    async with env.repo.engine.begin() as conn:
        for ids, status, at in ((settled, SENT, now), (stale, CLAIMED, now - dt.timedelta(hours=1)),
                                (fresh, CLAIMED, now)):
            if ids:
                await conn.execute(insert(DELIVERIES), [
                    dict(subscription_id=sid, local_date=day, revision="r", status=status, claimed_by="other",
                         claimed_at=at, updated_at=at, attempts=1) for sid, day in ids.items()])
    expected = {(sid, day) for sid, day in owed.items() if sid not in settled and sid not in fresh}
    assert len(expected) > 50
    assert {(d.subscription.id, d.local_date) for d in await env.digests.due(now)} == expected
    await env.repo.dispose()


async def test_the_scheduler_starts_with_one_job_for_any_number_of_subscribers(tmp_path: Path) -> None:
    env = await make_env(tmp_path)
    made = env.clock.now() - dt.timedelta(days=1)
    async with env.repo.engine.begin() as conn:
        await conn.execute(insert(SUBSCRIPTIONS), [
            dict(platform="discord", chat_id=str(i), user_id="1", local_time=f"{i % 24:02d}:{i % 60:02d}",
                 timezone=ZONES[i % len(ZONES)], brief_id="mini", active=True, created_at=made, updated_at=made)
            for i in range(50_000)])
    scheduler = DigestScheduler(env.digests)
    await scheduler.start(paused=True)
    assert len(scheduler.scheduler.get_jobs()) == 1
    await scheduler.shutdown()
    await env.repo.dispose()
