"""The curation log's queries: store questions and verdicts in batches, read them back for `curate`, purge."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError

from bot.core.curation import (
    ChatKind,
    CurationLog,
    Outcome,
    QuestionRecord,
    Scored,
    StoredQuestion,
    VerdictRecord,
    Wording,
)
from bot.storage.engine import AsyncConnection, AsyncEngine
from bot.storage.tables import CURATED_QUESTIONS as QUESTIONS
from bot.storage.tables import CURATED_VERDICTS as VERDICTS
from bot.storage.tables import META

SALT_KEY = "curation_salt"
CHUNK = 500


def _native_insert(conn: AsyncConnection) -> Any:
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as native
    else:
        from sqlalchemy.dialects.sqlite import insert as native
    return native


def _row(record: QuestionRecord) -> dict[str, Any]:
    return dict(answer_id=record.answer_id, asked_at=record.asked_at, platform=record.platform,
                chat_kind=record.chat_kind.value, revision=record.revision, question=record.question,
                outcome=record.outcome.value, follow_up=record.follow_up, section_id=record.section_id, confidence=record.confidence,
                candidates=json.dumps([[c.section_id, c.score] for c in record.candidates]),
                reply=json.dumps({"title": record.reply, "facts": list(record.facts)}, ensure_ascii=False))


def _record(m: Any) -> QuestionRecord:
    reply = json.loads(m["reply"])
    return QuestionRecord(
        answer_id=m["answer_id"], asked_at=m["asked_at"], platform=m["platform"], chat_kind=ChatKind(m["chat_kind"]),
        revision=m["revision"], question=m["question"], outcome=Outcome(m["outcome"]), section_id=m["section_id"],
        confidence=m["confidence"], candidates=tuple(Scored(s, v) for s, v in json.loads(m["candidates"])),
        reply=reply["title"], facts=tuple(reply["facts"]), follow_up=bool(m["follow_up"]))


class CurationRepository:
    """Each public method is one transaction. SQLite or PostgreSQL (native upserts)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def salt(self) -> bytes:
        """The secret that hashes readers into verdict voters; made once per database and kept there."""
        for _ in range(2):
            async with self.engine.begin() as conn:
                stored = (await conn.execute(select(META.c.value).where(META.c.key == SALT_KEY))).scalar_one_or_none()
                if stored is not None:
                    return bytes.fromhex(stored)
                try:
                    async with conn.begin_nested():
                        await conn.execute(insert(META).values(key=SALT_KEY, value=secrets.token_hex(32)))
                except IntegrityError:  # another process made it first: read theirs
                    continue
        async with self.engine.begin() as conn:
            return bytes.fromhex((await conn.execute(select(META.c.value).where(META.c.key == SALT_KEY))).scalar_one())

    async def write(self, questions: Sequence[QuestionRecord], verdicts: Sequence[VerdictRecord]) -> int:
        """Store a batch; a verdict on an answer never stored and not carried along is dropped. Returns verdicts kept."""
        rows = [_row(q) for q in questions] + [_row(v.question.record()) for v in verdicts if v.question is not None]
        async with self.engine.begin() as conn:
            native = _native_insert(conn)
            for start in range(0, len(rows), CHUNK):
                await conn.execute(native(QUESTIONS).on_conflict_do_nothing(index_elements=["answer_id"]),
                                   rows[start:start + CHUNK])
            if not verdicts:
                return 0
            wanted = {v.answer_id for v in verdicts}
            known = set((await conn.execute(select(QUESTIONS.c.answer_id)
                                            .where(QUESTIONS.c.answer_id.in_(wanted)))).scalars())
            latest: dict[tuple[str, str], VerdictRecord] = {}
            for verdict in verdicts:  # within a batch, a reader's last tap wins
                if verdict.answer_id in known:
                    latest[(verdict.answer_id, verdict.voter)] = verdict
            if not latest:
                return 0
            statement = native(VERDICTS)
            statement = statement.on_conflict_do_update(
                index_elements=["answer_id", "voter"], set_={"value": statement.excluded.value,
                                                             "at": statement.excluded.at})
            await conn.execute(statement, [dict(answer_id=v.answer_id, voter=v.voter, value=v.value, at=v.at)
                                           for v in latest.values()])
            return len(latest)

    async def load(self, since: dt.datetime | None = None) -> CurationLog:
        """Every wording asked at or after `since` with its count (the database does the counting), and every
        rated answer with its 👍/👎 counts."""
        window = [QUESTIONS.c.asked_at >= since] if since is not None else []
        keys = (QUESTIONS.c.question, QUESTIONS.c.outcome, QUESTIONS.c.revision, QUESTIONS.c.follow_up)
        wordings = (select(*keys, func.count(), func.max(QUESTIONS.c.section_id), func.max(QUESTIONS.c.confidence),
                           func.max(QUESTIONS.c.candidates))
                    .where(*window).group_by(*keys).order_by(func.min(QUESTIONS.c.id)))
        rated_ids = select(VERDICTS.c.answer_id).distinct().scalar_subquery()
        rated = select(QUESTIONS).where(QUESTIONS.c.answer_id.in_(rated_ids), *window).order_by(QUESTIONS.c.id)
        tally = (select(VERDICTS.c.answer_id, VERDICTS.c.value, func.count())
                 .group_by(VERDICTS.c.answer_id, VERDICTS.c.value))
        async with self.engine.connect() as conn:
            logged = tuple(Wording(question, Outcome(outcome), revision, bool(follow_up), count, section, confidence,
                                   tuple(Scored(s, v) for s, v in json.loads(candidates)))
                           for question, outcome, revision, follow_up, count, section, confidence, candidates
                           in await conn.execute(wordings))
            votes: dict[str, list[int]] = {}
            for answer_id, value, count in await conn.execute(tally):
                votes.setdefault(answer_id, [0, 0])[0 if value > 0 else 1] += count
            rows = (await conn.execute(rated)).mappings().all()
        return CurationLog(logged, tuple(StoredQuestion(_record(m), *votes[m["answer_id"]]) for m in rows))

    async def purge(self, before: dt.datetime | None = None) -> int:
        """Delete questions asked before `before` (every question when None) and their verdicts; returns how many."""
        async with self.engine.begin() as conn:
            old = select(QUESTIONS.c.answer_id)
            if before is not None:
                old = old.where(QUESTIONS.c.asked_at < before)
            await conn.execute(delete(VERDICTS).where(VERDICTS.c.answer_id.in_(old.scalar_subquery())))
            gone = delete(QUESTIONS)
            if before is not None:
                gone = gone.where(QUESTIONS.c.asked_at < before)
            return (await conn.execute(gone)).rowcount or 0
