"""The curation log wired up: storage, background writer and the core Curator; `python -m bot curate`; the purge."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.config_base import CurationView, SettingsView, data_root
from bot.core.brief import display_path
from bot.core.curation import Curator
from bot.core.curation_report import Judge, current_report, regressions, report_lines
from bot.core.service import BriefService
from bot.storage.curation import CurationRepository
from bot.storage.curation_writer import CurationWriter
from bot.storage.engine import AsyncEngine

if TYPE_CHECKING:
    from bot.config import CurationSettings, Settings

log = logging.getLogger(__name__)

PURGE_EVERY = dt.timedelta(hours=24)
PURGE_JOB = "curation-purge"


@dataclass
class Curation:
    repository: CurationRepository
    writer: CurationWriter
    curator: Curator
    retention: dt.timedelta

    async def purge_expired(self) -> int:
        """Delete what is older than `curation.retention_days`; the scheduler runs this daily."""
        try:
            removed = await self.repository.purge(dt.datetime.now(dt.timezone.utc) - self.retention)
        except Exception as exc:  # e.g. the database went away, or the bot is shutting down under the purge
            log.warning("curation log: purge failed (%s); the next daily run tries again", type(exc).__name__)
            return 0
        if removed:
            log.info("curation log: purged %d question(s) older than %d day(s)", removed, self.retention.days)
        return removed

    def schedule_purge(self, scheduler: AsyncIOScheduler) -> None:
        """A purge every day on the bot's one scheduler (start-up runs one itself: `purge_expired`)."""
        scheduler.add_job(self.purge_expired, IntervalTrigger(seconds=PURGE_EVERY.total_seconds()),
                          id=PURGE_JOB, name="curation purge", replace_existing=True)

    async def stop(self) -> None:
        await self.writer.stop()


async def attach_curation(engine: AsyncEngine, service: BriefService,
                          settings: CurationSettings | CurationView) -> Curation:
    """Turn the curation log on for `service`: its answers get 👍/👎 and shaky questions are stored."""
    repository = CurationRepository(engine)
    writer = CurationWriter(repository)
    curator = Curator(writer, await repository.salt(), settings.grey_zone)
    writer.start()
    service.curator = curator
    return Curation(repository, writer, curator, dt.timedelta(days=settings.retention_days))


async def curate_command(settings: Settings | SettingsView, service: BriefService, args: argparse.Namespace,
                         out: IO[str]) -> int:
    """`python -m bot curate [--since DAYS] [--json] [--check] [--purge]`."""
    from bot.storage.database import open_database

    engine = await open_database(settings.database_url, data_root())  # DatabaseError: the command line reports it
    curation = await attach_curation(engine, service, settings.curation)
    try:
        if args.purge:
            removed = await curation.repository.purge()
            out.write(f"purged {removed} stored question(s) and their verdicts\n")
            return 0
        current = service.store.current
        if args.check:
            return await _check(curation, service, args, out)
        report = await current_report(curation.curator, current.matcher, service.threshold, current.revision,
                                      args.since, display_path(service.store.path))
        if args.json:
            out.write(json.dumps(report.to_json(), ensure_ascii=False) + "\n")
        else:
            out.write("\n\n".join(report_lines(report)) + "\n")
        return 0
    finally:
        await curation.stop()
        await engine.dispose()


async def _check(curation: Curation, service: BriefService, args: argparse.Namespace, out: IO[str]) -> int:
    """Exit 1 and list them when stored questions the bot used to answer are rejected by the brief on disk."""
    current = service.store.current
    since = None if args.since is None else dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=args.since)
    log = await curation.writer.load(since)
    found = regressions(log, Judge(current.matcher, service.threshold, curation.curator.grey_zone))
    if args.json:
        out.write(json.dumps({"revision": current.revision, "regressions": [
            {"question": r.question, "was_section": r.was_section, "was_confidence": r.was_confidence,
             "now_confidence": r.now_confidence, "asked_under": r.revision} for r in found]},
            ensure_ascii=False) + "\n")
    elif found:
        out.write(f"{len(found)} stored question(s) answered before are rejected by revision {current.revision}:\n")
        for r in found:
            out.write(f"- “{r.question}” (was {r.was_section}, {r.was_confidence:.2f}; now {r.now_confidence:.2f})\n")
    else:
        out.write(f"OK: every stored question answered before is still answered by revision {current.revision}\n")
    return 1 if found else 0
