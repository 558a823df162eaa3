"""The one APScheduler: a single tick each minute, whatever the number of subscribers, and the start-up
catch-up pass."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from pathlib import Path
from typing import Callable

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger

from bot.core.schedule import UTC, next_fire, zone_named
from bot.scheduling import TICK_JOB, DigestScheduler
from tests.fakes_messenger import RecordingMessenger
from tests.test_subscriptions import make_env, utc


async def until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Wait for a background task's effect (no timing is asserted)."""
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.01)
    await asyncio.wait_for(poll(), timeout)


async def test_one_tick_a_minute_sends_each_subscriber_at_their_own_local_time(tmp_path: Path) -> None:
    env = await make_env(tmp_path, now=utc(2025, 6, 1, 12))
    await env.digests.subscribe("telegram", "kyiv", "1", "08:00", "Europe/Kyiv")
    await env.digests.subscribe("discord", "ny", "1", "6:30pm", "America/New_York")
    await env.digests.subscribe("telegram", "fixed", "1", "23:45", "UTC-05:30")
    await env.digests.subscribe("telegram", "left", "1", "09:00", "UTC")
    await env.digests.unsubscribe("telegram", "left")
    await env.repo.dispose()

    env = await make_env(tmp_path, db_url=env.db_url, brief=env.brief, now=utc(2025, 6, 2, 1))  # a new process
    messengers = [RecordingMessenger("telegram"), RecordingMessenger("discord")]
    env.digests.use_messengers(messengers)
    sent: dict[str, list[dt.datetime]] = {}
    for minute in range(24 * 60):  # every tick of a day: each digest goes out at its minute, once
        env.clock.set(utc(2025, 6, 2, 1) + dt.timedelta(minutes=minute))  # 22:30 in NY is past the grace
        await env.digests.run_due()
        for chat in {chat for messenger in messengers for chat, _, _ in messenger.sent} - set(sent):
            sent.setdefault(chat, []).append(env.clock.now())
    assert sent == {"kyiv": [next_fire(dt.time(8), zone_named("Europe/Kyiv"), utc(2025, 6, 2, 0))[1]],
                    "ny": [next_fire(dt.time(18, 30), zone_named("America/New_York"), utc(2025, 6, 2, 0))[1]],
                    "fixed": [utc(2025, 6, 2, 5, 15)]}
    assert [messenger.chats() for messenger in messengers] == [{"kyiv": 1, "fixed": 1}, {"ny": 1}]

    scheduler = DigestScheduler(env.digests)
    await scheduler.start(paused=True)
    (job,) = scheduler.scheduler.get_jobs()  # one job, however many subscribers
    assert job.id == TICK_JOB and isinstance(job.trigger, CronTrigger) and job.coalesce
    assert job.next_run_time.second == 0 and job.next_run_time - dt.datetime.now(UTC) <= dt.timedelta(minutes=1)
    await scheduler.shutdown()
    await env.repo.dispose()


async def test_start_up_catch_up_sends_what_was_missed_during_downtime(tmp_path: Path) -> None:
    env = await make_env(tmp_path, now=utc(2025, 6, 1, 12))
    await env.digests.subscribe("telegram", "missed", "1", "08:00", "Europe/Kyiv")
    await env.digests.subscribe("telegram", "too-old", "1", "05:00", "Europe/Kyiv")
    await env.digests.subscribe("telegram", "not-yet", "1", "11:00", "Europe/Kyiv")
    env.clock.set(utc(2025, 6, 2, 6, 0))  # 09:00 Kyiv: 08:00 is in the 2 h grace, 05:00 is not
    messenger = RecordingMessenger()
    env.digests.use_messengers([messenger])
    scheduler = DigestScheduler(env.digests)
    await scheduler.start()
    await until(lambda: bool(messenger.sent))
    await env.digests.idle()
    await scheduler.shutdown()
    assert messenger.chats() == {"missed": 1}
    await env.repo.dispose()


async def test_a_shutdown_falling_on_a_tick_logs_no_traceback(caplog: pytest.LogCaptureFixture) -> None:
    # APScheduler logs a tick cancelled by shutdown as "Error running job" with a traceback; nothing was lost
    # (bot.scheduling, imported above, filters that log)
    started = asyncio.Event()

    async def tick() -> None:
        started.set()
        await asyncio.sleep(60)

    scheduler = AsyncIOScheduler(timezone=dt.timezone.utc)
    scheduler.add_job(tick, "date", run_date=dt.datetime.now(dt.timezone.utc), id=TICK_JOB)
    with caplog.at_level(logging.ERROR, logger="apscheduler"):
        scheduler.start()
        await asyncio.wait_for(started.wait(), 10)
        scheduler.shutdown(wait=False)  # cancels the tick in flight
        await asyncio.sleep(0.1)
    assert not [r for r in caplog.records if r.exc_info], [r.getMessage() for r in caplog.records]
