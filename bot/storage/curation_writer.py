"""Writes the curation log off the reply path: records queue in memory and a background task stores them in batches.

`put` only appends to a deque, so answering a reader never waits for the database. A full queue (the database
down for a long while) drops the oldest records rather than growing without bound; a failed batch is logged and
dropped, never retried forever.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections import deque

from bot.core.curation import Asked, CurationLog, VerdictRecord
from bot.storage.curation import CurationRepository

log = logging.getLogger(__name__)

BATCH = 500  # records per transaction
MAX_QUEUED = 50_000


class CurationWriter:
    """Implements the core's CurationStore."""

    def __init__(self, repository: CurationRepository, flush_seconds: float = 1.0) -> None:
        self.repository = repository
        self.flush_seconds = flush_seconds
        self.dropped = 0
        self._queue: deque[Asked | VerdictRecord] = deque()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._idle = asyncio.Event()
        self._idle.set()
        self._stopping = False

    def put(self, record: Asked | VerdictRecord) -> None:
        if len(self._queue) >= MAX_QUEUED:
            self._queue.popleft()
            self.dropped += 1
        self._queue.append(record)
        self._idle.clear()
        if len(self._queue) >= BATCH:
            self._wake.set()

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="curation-writer")

    async def _run(self) -> None:
        while not self._stopping:
            try:
                await asyncio.wait_for(self._wake.wait(), self.flush_seconds)
            except asyncio.TimeoutError:
                pass
            self._wake.clear()
            await self.flush()

    async def flush(self) -> None:
        """Store everything queued so far."""
        while self._queue:
            batch = [self._queue.popleft() for _ in range(min(BATCH, len(self._queue)))]
            questions = [r.record() for r in batch if isinstance(r, Asked)]  # built here, off the reply path
            verdicts = [r for r in batch if isinstance(r, VerdictRecord)]
            try:
                await self.repository.write(questions, verdicts)
            except Exception:
                log.exception("could not store %d curation record(s); they are dropped", len(batch))
        self._idle.set()

    async def idle(self) -> None:
        """Wait until every record queued so far is stored."""
        if self._task is None:
            await self.flush()
            return
        self._wake.set()
        await self._idle.wait()

    async def stop(self) -> None:
        """Store what is queued, then stop the background task (it finishes the batch it is writing)."""
        self._stopping = True
        self._wake.set()
        if self._task is not None:
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
        await self.flush()

    async def load(self, since: dt.datetime | None = None) -> CurationLog:
        """What is stored, once everything queued so far is written."""
        await self.idle()
        return await self.repository.load(since)
