"""The one APScheduler for every platform: a cron job per subscription at its local time, plus a sweep.

Jobs only wake the digest runner; the runner asks the database what is due (bot.digests), so a job that
fires twice (APScheduler inside a DST overlap), late (within misfire_grace_time) or in two processes at
once still sends each digest once. On start-up the jobs are rebuilt from the database and one catch-up
pass sends digests missed during downtime within the grace window. The sweep re-runs the pass every few
minutes to pick up claims a crashed process left behind.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.digests import DigestSubscriptions, subscription_time, subscription_zone
from bot.storage.repository import SubscriptionRecord

log = logging.getLogger(__name__)

SWEEP_JOB = "digest-sweep"
DEFAULT_SWEEP = dt.timedelta(minutes=5)
STOP_TIMEOUT = 10.0  # seconds a shutdown waits for sends in flight before cancelling them


class DigestScheduler:
    def __init__(self, digests: DigestSubscriptions, sweep_every: dt.timedelta = DEFAULT_SWEEP) -> None:
        self.digests = digests
        self.sweep_every = sweep_every
        self.scheduler = AsyncIOScheduler(timezone=dt.timezone.utc, job_defaults={
            "coalesce": True,  # after a long sleep, one run, not one per missed day
            "misfire_grace_time": int(digests.grace.total_seconds()),
            "max_instances": 1,
        })
        self._wake = asyncio.Event()
        self._runner: asyncio.Task[None] | None = None
        digests.listener = self

    @staticmethod
    def job_id(subscription_id: int) -> str:
        return str(subscription_id)

    def schedule(self, subscription: SubscriptionRecord) -> None:
        """Add or replace the subscription's daily job (at runtime too: /subscribe calls this)."""
        at, zone = subscription_time(subscription), subscription_zone(subscription)
        self.scheduler.add_job(self._fire, CronTrigger(hour=at.hour, minute=at.minute, timezone=zone.tzinfo),
                               id=self.job_id(subscription.id), name=f"digest {subscription.platform}",
                               replace_existing=True)

    def unschedule(self, subscription_id: int) -> None:
        job = self.scheduler.get_job(self.job_id(subscription_id))
        if job is not None:
            job.remove()

    async def start(self, paused: bool = False) -> int:
        """Rebuild every job from the database, start, and run the catch-up pass. Returns the job count."""
        subscriptions = await self.digests.repository.subscriptions()
        for subscription in subscriptions:
            self.schedule(subscription)
        self.scheduler.add_job(self._fire, IntervalTrigger(seconds=self.sweep_every.total_seconds()),
                               id=SWEEP_JOB, name="digest sweep", replace_existing=True)
        self.scheduler.start(paused=paused)
        if not paused:
            self._runner = asyncio.create_task(self._run(), name="digest-runner")
            self.wake()  # catch-up: digests missed while the bot was down, within the grace window
        log.info("digest scheduler started with %d subscription(s)", len(subscriptions))
        return len(subscriptions)

    def wake(self) -> None:
        self._wake.set()

    async def _fire(self) -> None:
        # A coroutine, so APScheduler's AsyncIOExecutor runs it on the loop (a plain function would go to a thread).
        self.wake()

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()  # wakes during a pass are coalesced into one more pass
            try:
                await self.digests.run_due()
            except Exception:
                log.exception("digest pass failed; the next wake-up retries")

    async def shutdown(self) -> None:
        """Stop firing, let sends in flight finish, give unsent claims back."""
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        self.digests.sender.stop()
        if self._runner is not None:
            try:
                await asyncio.wait_for(self.digests.idle(), STOP_TIMEOUT)
            except asyncio.TimeoutError:
                log.warning("digest sends still in flight after %.0fs; cancelling them", STOP_TIMEOUT)
            self._runner.cancel()
            await asyncio.gather(self._runner, return_exceptions=True)
        try:
            await self.digests.release()
        except Exception:
            log.exception("could not release unsent digest claims; they are retried after the lease")
