"""The one APScheduler: jobs rebuilt from the database at start-up, kept in step with /subscribe and
/unsubscribe, and the start-up catch-up pass."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Callable

from apscheduler.triggers.cron import CronTrigger

from bot.core.schedule import UTC, next_fire, zone_named
from bot.scheduling import SWEEP_JOB, DigestScheduler
from tests.fakes_messenger import RecordingMessenger
from tests.test_subscriptions import make_env, utc


async def until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Wait for a background task's effect (no timing is asserted)."""
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.01)
    await asyncio.wait_for(poll(), timeout)


async def test_start_up_rebuilds_jobs_from_the_database(tmp_path: Path) -> None:
    env = await make_env(tmp_path)
    await env.digests.subscribe("telegram", "kyiv", "1", "08:00", "Europe/Kyiv")
    await env.digests.subscribe("discord", "ny", "1", "6:30pm", "America/New_York")
    await env.digests.subscribe("telegram", "fixed", "1", "23:45", "UTC-05:30")
    await env.digests.subscribe("telegram", "left", "1", "09:00", "UTC")
    await env.digests.unsubscribe("telegram", "left")
    await env.repo.dispose()

    env = await make_env(tmp_path, db_url=env.db_url, brief=env.brief)  # a new process
    scheduler = DigestScheduler(env.digests)
    before = dt.datetime.now(UTC)
    assert await scheduler.start(paused=True) == 3
    after = dt.datetime.now(UTC)
    jobs = {job.id: job for job in scheduler.scheduler.get_jobs()}
    subs = await env.repo.subscriptions()
    assert set(jobs) == {str(s.id) for s in subs} | {SWEEP_JOB}
    for sub in subs:
        job = jobs[str(sub.id)]
        assert isinstance(job.trigger, CronTrigger)
        at, zone = dt.time.fromisoformat(sub.local_time), zone_named(sub.timezone)
        assert job.next_run_time in {next_fire(at, zone, before)[1], next_fire(at, zone, after)[1]}
        assert job.misfire_grace_time == 120 * 60 and job.coalesce

    # At runtime /subscribe adds or moves a job and /unsubscribe removes it.
    await env.digests.subscribe("telegram", "late", "1", "21:00", "Europe/Kyiv")
    late = await env.repo.subscription("telegram", "late")
    assert late is not None
    job = scheduler.scheduler.get_job(str(late.id))
    assert job is not None and job.next_run_time.astimezone(zone_named("Europe/Kyiv").tzinfo).hour == 21
    await env.digests.subscribe("telegram", "late", "1", "22:00", "Europe/Kyiv")
    assert scheduler.scheduler.get_job(str(late.id)).next_run_time.astimezone(zone_named("Europe/Kyiv").tzinfo).hour == 22
    assert await env.digests.unsubscribe("telegram", "late")
    assert scheduler.scheduler.get_job(str(late.id)) is None
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
