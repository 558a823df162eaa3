"""The one APScheduler for every platform: a single job at the start of every minute wakes the digest runner.

Every digest time is a whole minute (HH:MM) in its zone, so a minute's tick covers every subscriber however
many there are: start-up adds one job, not one per subscription, and /subscribe or /unsubscribe need no job
at all. The runner asks the database what is due (bot.digests), so a tick that fires late or in two processes
at once still sends each digest once; the tick also picks up claims a crashed process left behind. On
start-up one catch-up pass sends digests missed during downtime within the grace window.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger

from bot.digests import DigestSubscriptions
from bot.storage.repository import StorageUnavailable

log = logging.getLogger(__name__)


class _CancelledTickIsNoError(logging.Filter):
    """A shutdown that falls on a tick cancels it, and APScheduler logs that as "Error running job" with a
    traceback: a cancelled wake-up lost nothing (the runner's own pass ends cleanly), so it is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], asyncio.CancelledError))


logging.getLogger("apscheduler.executors.default").addFilter(_CancelledTickIsNoError())

TICK_JOB = "digest-tick"
STOP_TIMEOUT = 10.0  # seconds a shutdown waits for sends in flight before cancelling them


class DigestScheduler:
    def __init__(self, digests: DigestSubscriptions) -> None:
        self.digests = digests
        self.scheduler = AsyncIOScheduler(timezone=dt.timezone.utc, job_defaults={
            "coalesce": True,  # after a long sleep, one pass, not one per missed minute
            "misfire_grace_time": 60,
            "max_instances": 1,
        })
        self._wake = asyncio.Event()
        self._stopping = False
        self._runner: asyncio.Task[None] | None = None

    async def start(self, paused: bool = False) -> None:
        """Add the minute tick, start, and run the catch-up pass (in the background)."""
        self.scheduler.add_job(self._fire, CronTrigger(second=0, timezone=dt.timezone.utc), id=TICK_JOB,
                               name="digest tick", replace_existing=True)
        self.scheduler.start(paused=paused)
        if not paused:
            self._runner = asyncio.create_task(self._run(), name="digest-runner")
            self.wake()  # catch-up: digests missed while the bot was down, within the grace window
        log.info("digest scheduler started")

    def wake(self) -> None:
        self._wake.set()

    async def _fire(self) -> None:
        # A coroutine, so APScheduler's AsyncIOExecutor runs it on the loop (a plain function would go to a thread).
        self.wake()

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            if self._stopping:
                return
            self._wake.clear()  # wakes during a pass are coalesced into one more pass
            try:
                await self.digests.run_due()
            except StorageUnavailable as exc:  # the message says what to do; a traceback would bury it
                log.error("digest pass failed: %s", exc)
            except Exception:
                log.exception("digest pass failed; the next wake-up retries")

    async def shutdown(self) -> None:
        """Stop firing, let sends in flight finish, give unsent claims back."""
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        self.digests.sender.stop()
        if self._runner is not None:
            # The runner ends by itself once its pass is over: cancelled inside a database call, it would leave the
            # driver's thread finishing that call for an event loop that is gone (an error printed at exit).
            self._stopping = True
            self.wake()
            try:
                await asyncio.wait_for(asyncio.shield(self._runner), STOP_TIMEOUT)
            except asyncio.TimeoutError:
                log.warning("digest sends still in flight after %.0fs; cancelling them", STOP_TIMEOUT)
                self._runner.cancel()
            await asyncio.gather(self._runner, return_exceptions=True)
        try:
            await self.digests.release()
        except StorageUnavailable as exc:
            log.error("could not release unsent digest claims: %s", exc)
        except Exception:
            log.exception("could not release unsent digest claims; they are retried after the lease")
