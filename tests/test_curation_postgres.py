"""The curation log on a real PostgreSQL 15 (the throwaway cluster of test_postgres_digests; required on CI):
batched writes, verdict upserts, the salt, the report's load and the purge, through the same code as SQLite."""

from __future__ import annotations

import asyncio
import datetime as dt

from bot.bootstrap import build_service
from bot.config import CurationSettings, load_settings
from bot.core.curation import ChatKind, Origin
from bot.curating import attach_curation
from bot.storage.database import open_database
from tests.test_postgres_digests import postgres_url  # noqa: F401  (the fixture)


def test_curation_log_on_postgres(postgres_url: str) -> None:  # noqa: F811
    asyncio.run(_exercise(postgres_url))


async def _exercise(url: str) -> None:
    service = build_service(load_settings(environ={}))
    engine = await open_database(url)
    curation = await attach_curation(engine, service, CurationSettings(retention_days=90, grey_zone=0.15))
    try:
        salt = curation.curator.salt
        assert salt == await curation.repository.salt()  # made once, then read back
        origin = Origin("telegram", ChatKind.INLINE)
        rejected = service.ask("a", "who won the football?", origin)
        answered = service.ask("b", "how long did the talks last?", origin)
        for _ in range(3):
            service.ask("c", "Who won the football", origin)
        curation.curator.verdict(answered.answer_id, "telegram", "1", True)
        curation.curator.verdict(answered.answer_id, "telegram", "1", False)  # same batch: the last tap wins
        await curation.writer.idle()
        curation.curator.verdict(answered.answer_id, "telegram", "2", False)
        curation.curator.verdict(rejected.answer_id, "telegram", "1", False)
        curation.curator.verdict(rejected.answer_id, "telegram", "1", True)
        log = await curation.writer.load()
        assert sorted((w.question, w.count) for w in log.wordings) == [
            ("Who won the football", 3), ("how long did the talks last?", 1), ("who won the football?", 1)]
        stored = {s.record.answer_id: s for s in log.rated}
        assert (stored[answered.answer_id].up, stored[answered.answer_id].down) == (0, 2)
        assert (stored[rejected.answer_id].up, stored[rejected.answer_id].down) == (1, 0)
        assert stored[rejected.answer_id].record.chat_kind is ChatKind.INLINE
        assert stored[answered.answer_id].record.facts == answered.body
        later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=1)
        assert (await curation.writer.load(later)).wordings == ()
        assert await curation.repository.purge(later) == 5
        assert (await curation.writer.load()).wordings == ()
    finally:
        await curation.stop()
        await engine.dispose()
