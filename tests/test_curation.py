"""The curation log: what is stored (and what never is), verdicts once per reader, the purge, and the curator's
CLI closing the loop after a brief changes. Real SQLite through the real writer; the CLI as a subprocess."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import AsyncIterator

import pytest
from sqlalchemy import select

from bot.bootstrap import build_service
from bot.config import CurationSettings, Settings, load_settings
from bot.core import curation_memory
from bot.core.curation import Asked, ChatKind, Curator, Origin, Outcome, QuestionRecord, Scored
from bot.core.curation_memory import AnswerMemory
from bot.core.curation_report import group_questions, snippet, Nearest
from bot.core.service import BriefService
from bot.curating import Curation, attach_curation
from bot.storage.curation import QUESTIONS, VERDICTS
from bot.storage.database import open_database
from tests.conftest import MINI, ROOT

TELEGRAM_GROUP = Origin("telegram", ChatKind.GROUP)
DISCORD_DM = Origin("discord", ChatKind.PRIVATE)
USER = "777000111"


def settings_for(db: Path, brief: Path | None = None) -> Settings:
    environ = {"BRIEFBOT_DATABASE_URL": f"sqlite+aiosqlite:///{db}"}
    if brief is not None:
        environ["BRIEFBOT_BRIEF"] = str(brief)
    return load_settings(environ=environ)


async def attached(settings: Settings, service: BriefService, grey_zone: float = 0.15) -> Curation:
    engine = await open_database(settings.database_url, ROOT)
    return await attach_curation(engine, service, CurationSettings(retention_days=90, grey_zone=grey_zone))


@pytest.fixture
async def live(tmp_path: Path) -> AsyncIterator[tuple[BriefService, Curation]]:
    settings = settings_for(tmp_path / "bot.db")
    service = build_service(settings)
    curation = await attached(settings, service)
    yield service, curation
    await curation.stop()
    await curation.repository.engine.dispose()


async def rows(curation: Curation) -> list[dict[str, object]]:
    await curation.writer.idle()
    async with curation.repository.engine.connect() as conn:
        return [dict(m) for m in (await conn.execute(select(QUESTIONS).order_by(QUESTIONS.c.id))).mappings()]


async def verdicts(curation: Curation) -> list[dict[str, object]]:
    await curation.writer.idle()
    async with curation.repository.engine.connect() as conn:
        return [dict(m) for m in (await conn.execute(select(VERDICTS).order_by(VERDICTS.c.id))).mappings()]


# ---------------------------------------------------------------- what is logged


async def test_rejected_and_grey_zone_questions_are_logged_and_confident_answers_are_not(live) -> None:
    service, curation = live
    shaky = "which hotel"  # answered, without much confidence
    confidence = service.ask("probe", shaky).confidence
    service.threshold = confidence - 0.05  # the question now sits inside the 0.15 grey zone above the threshold
    confident = service.ask("a", "how long did the talks last?", TELEGRAM_GROUP)
    assert confident.matched and confident.confidence >= service.threshold + 0.15
    grey = service.ask("b", shaky, TELEGRAM_GROUP)
    rejected = service.ask("c", "<b>who won the football</b> match?", Origin("discord", ChatKind.PRIVATE))
    assert grey.matched and not rejected.matched
    assert confident.answer_id and grey.answer_id and rejected.answer_id  # every answer can be rated

    stored = await rows(curation)
    assert [(r["question"], r["outcome"], r["platform"], r["chat_kind"]) for r in stored] == [
        (shaky, "grey", "telegram", "group"),
        ("who won the football match?", "rejected", "discord", "private"),  # markup stripped
    ]
    first = stored[0]
    assert first["answer_id"] == grey.answer_id and first["section_id"] == grey.section_id
    assert first["revision"] == service.store.current.revision
    assert first["confidence"] == pytest.approx(confidence)
    candidates = json.loads(str(first["candidates"]))
    assert candidates[0][0] == grey.section_id and 1 <= len(candidates) <= 3
    reply = json.loads(str(first["reply"]))
    assert reply["title"] == grey.title and reply["facts"] == list(grey.body)
    # Nothing that names a reader or a chat is stored: no such column, and no such value.
    assert not {c.name for c in QUESTIONS.columns} & {"user_id", "username", "chat_id", "user", "chat"}
    assert "probe" not in json.dumps(stored, default=str)


def test_a_kept_answer_holds_its_scores_as_text_that_reads_back_exactly_and_shares_the_briefs_lines() -> None:
    scored = (Scored("venue", 0.412), Scored("timing-and-place", 0.2), Scored("x2", 1.0))
    assert Asked.pack(scored) == "venue 0.412 timing-and-place 0.2 x2 1.0"
    kept = Asked("id", dt.datetime.now(dt.timezone.utc), TELEGRAM_GROUP, "rev", Outcome.GREY, "q?", "venue", 0.4,
                 "Venue", ("line",), Asked.pack(scored), False)
    assert kept.candidates == scored and kept.record().candidates == scored
    assert Asked.pack(()) == "" and replace(kept, scores="").candidates == ()

    class NullStore:
        def put(self, record: object) -> None:
            pass

    service = build_service(load_settings(environ={}))
    service.curator = Curator(NullStore(), b"salt", 0.15)  # type: ignore[arg-type]
    first, second = (service.ask(chat, "how long did the talks last?", TELEGRAM_GROUP) for chat in ("a", "b"))
    one, two = (service.curator._recent.recall(a.answer_id) for a in (first, second))
    assert one is not None and two is not None
    assert one.facts == first.body and all(x is y for x, y in zip(one.facts, two.facts))
    assert one.candidates and one.candidates[0].section_id == first.section_id


def test_the_last_answers_are_recalled_exactly_and_no_others() -> None:
    memory = AnswerMemory(3)
    at = dt.datetime(2025, 6, 2, 10, 0, 0, 123456, tzinfo=dt.timezone.utc)
    given = []
    for n, question in enumerate(["who led <b>russia</b>?", "¿quién? \x1f and more\x1f", "x" * 4000, "ok"]):
        asked = Asked(memory.new_id(), at + dt.timedelta(seconds=n), TELEGRAM_GROUP if n % 2 else DISCORD_DM, "rev1",
                      list(Outcome)[n], question, None if n == 1 else "venue", 0.1 * n, f"Title {n % 2}",
                      () if n == 2 else ("line one", f"line {n}"), "" if n == 3 else "venue 0.412 timing-x 0.2",
                      n == 0)
        memory.remember(asked)
        given.append(asked)
    assert all(len(a.answer_id) == 12 and a.answer_id.replace("-", "").replace("_", "").isalnum() for a in given)
    assert len({a.answer_id for a in given}) == 4
    assert memory.recall(given[0].answer_id) is None  # three answers later it has left the memory
    assert [memory.recall(a.answer_id) for a in given[1:]] == given[1:]
    recalled = memory.recall(given[1].answer_id)
    assert recalled is not None and recalled.candidates == (Scored("venue", 0.412), Scored("timing-x", 0.2))
    for other in ("never-given1", "", "v:+:abc", "ÿÿÿ", given[1].answer_id[:-1] + "A", "A" * 16):
        assert memory.recall(other) is None or other == given[1].answer_id


def test_the_answer_memory_stays_bounded_over_many_reloads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(curation_memory, "MAX_STRINGS", 50)
    memory = AnswerMemory(10)
    now = dt.datetime.now(dt.timezone.utc)
    for revision in range(40):  # each revision's lines are new texts
        asked = Asked(memory.new_id(), now, TELEGRAM_GROUP, f"rev{revision}", Outcome.ANSWERED, "q", "venue", 0.9,
                      "Venue", (f"a line of revision {revision}",), "", False)
        memory.remember(asked)
        assert memory.recall(asked.answer_id) == asked
    assert len(memory._texts) <= 50 + 5


async def test_questions_without_an_origin_are_not_logged(live) -> None:
    service, curation = live
    answer = service.ask("stdin", "who won the football")  # `python -m bot ask`: no chat platform
    assert answer.answer_id == ""
    assert await rows(curation) == []


# ---------------------------------------------------------------- verdicts


async def test_a_second_tap_by_the_same_reader_changes_the_verdict_and_never_adds_one(live) -> None:
    service, curation = live
    answer = service.ask("a", "how long did the talks last?", TELEGRAM_GROUP)
    curator = curation.curator
    curator.verdict(answer.answer_id, "telegram", USER, True)
    await curation.writer.idle()
    curator.verdict(answer.answer_id, "telegram", USER, False)  # changes their mind, in a later batch
    curator.verdict(answer.answer_id, "telegram", "42", True)  # another reader
    curator.verdict(answer.answer_id, "discord", USER, True)  # the same number on another platform: another reader
    stored = await verdicts(curation)
    assert sorted(v["value"] for v in stored) == [-1, 1, 1]
    assert all(USER not in str(v["voter"]) and len(str(v["voter"])) == 32 for v in stored)
    # The confidently answered question was not in the log; its verdict stored it, with the facts it was given.
    (question,) = await rows(curation)
    assert question["answer_id"] == answer.answer_id and question["outcome"] == "answered"
    assert json.loads(str(question["reply"]))["facts"] == list(answer.body)
    (loaded,) = (await curation.writer.load()).rated
    assert (loaded.up, loaded.down) == (2, 1)


async def test_taps_within_one_batch_keep_the_last_and_unknown_answers_are_ignored(live) -> None:
    service, curation = live
    answer = service.ask("a", "who won the football", TELEGRAM_GROUP)
    for up in (True, False, True, False):
        curation.curator.verdict(answer.answer_id, "telegram", USER, up)
    curation.curator.verdict("never-given1", "telegram", USER, True)  # e.g. a button from before a purge
    stored = await verdicts(curation)
    assert [(v["answer_id"], v["value"]) for v in stored] == [(answer.answer_id, -1)]


async def test_the_salt_survives_a_restart_so_a_reader_stays_one_voter(tmp_path: Path) -> None:
    settings = settings_for(tmp_path / "bot.db")
    service = build_service(settings)
    first = await attached(settings, service)
    answer = service.ask("a", "who won the football", TELEGRAM_GROUP)
    first.curator.verdict(answer.answer_id, "telegram", USER, True)
    await first.stop()
    await first.repository.engine.dispose()
    second = await attached(settings, service)  # a restart: the answer is no longer in memory
    second.curator.verdict(answer.answer_id, "telegram", USER, False)
    assert [v["value"] for v in await verdicts(second)] == [-1]
    await second.stop()
    await second.repository.engine.dispose()


# ---------------------------------------------------------------- retention


def record(answer_id: str, asked_at: dt.datetime, question: str = "who won the football") -> QuestionRecord:
    return QuestionRecord(answer_id, asked_at, "telegram", ChatKind.PRIVATE, "rev", question, Outcome.REJECTED,
                          None, 0.01, (Scored("venue", 0.01),), "I don't have that in this brief", ())


async def test_the_purge_removes_what_is_older_than_the_retention_and_its_verdicts(live) -> None:
    _, curation = live
    now = dt.datetime.now(dt.timezone.utc)
    old, recent = record("old-one", now - dt.timedelta(days=91)), record("recent-one", now - dt.timedelta(days=89))
    await curation.repository.write([old, recent], [])
    curation.curator.verdict("old-one", "telegram", USER, False)
    curation.curator.verdict("recent-one", "telegram", USER, False)
    assert len(await verdicts(curation)) == 2
    assert await curation.purge_expired() == 1
    assert [r["answer_id"] for r in await rows(curation)] == ["recent-one"]
    assert [v["answer_id"] for v in await verdicts(curation)] == ["recent-one"]


async def test_the_purge_is_scheduled_daily_on_the_bots_scheduler(live) -> None:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    _, curation = live
    await curation.repository.write([record("ancient", dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc))], [])
    scheduler = AsyncIOScheduler(timezone=dt.timezone.utc)
    curation.schedule_purge(scheduler)
    scheduler.start(paused=True)
    try:
        job = scheduler.get_job("curation-purge")
        assert job is not None and job.trigger.interval == dt.timedelta(hours=24)
        await job.func()  # what the scheduler runs each day
        assert await rows(curation) == []
    finally:
        scheduler.shutdown(wait=False)


# ---------------------------------------------------------------- grouping and snippets (pure)


def test_similar_wordings_group_together_most_frequent_first() -> None:
    asked = (["who won the football?"] * 3 + ["Who won the football match"] + ["who wins the footbal"]
             + ["what was the weather like?"] * 2 + ["how was the weather"])
    groups = group_questions([record(str(i), dt.datetime.now(dt.timezone.utc), q) for i, q in enumerate(asked)])
    assert [len(g) for g in groups] == [5, 3]
    assert {r.question for r in groups[1]} == {"what was the weather like?", "how was the weather"}


def test_snippets_add_examples_to_the_nearest_topic_or_stub_a_new_one() -> None:
    near = snippet(['who "heads" russia\'s team', "russian boss?"], Nearest("russia-delegation", "Russia", 0.4))
    assert "`id: russia-delegation`" in near
    assert near.splitlines()[1:] == ['      - "who \\"heads\\" russia\'s team"', '      - "russian boss?"']
    stub = snippet(["who won the football"], None)
    assert "  - id: todo-new-topic" in stub and '      - "who won the football"' in stub
    import yaml

    parsed = yaml.safe_load("\n".join(line for line in stub.splitlines() if not line.startswith("#")))
    assert parsed[0]["examples"] == ["who won the football"]


# ---------------------------------------------------------------- the loop, through the CLI


def cli(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"TELEGRAM_TOKEN", "DISCORD_TOKEN"}}
    env["BRIEFBOT_DATABASE_URL"] = f"sqlite+aiosqlite:///{db}"
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=120)


async def test_curate_groups_marks_what_a_reload_now_answers_and_check_catches_a_regression(tmp_path: Path) -> None:
    db, brief = tmp_path / "bot.db", tmp_path / "brief.yaml"
    text = MINI.read_text(encoding="utf-8")
    brief.write_text(text, encoding="utf-8")
    settings = settings_for(db, brief)
    service = build_service(settings)
    curation = await attached(settings, service)
    for question in ["who heads the russian team", "Who heads the Russian team?", "who heads russian team",
                     "which palace hosted them"]:
        service.ask("a", question, TELEGRAM_GROUP)
    venue = service.ask("b", "where are the talks held", TELEGRAM_GROUP)
    assert venue.matched and venue.section_id == "venue"
    curation.curator.verdict(venue.answer_id, "telegram", USER, False)  # rated, so stored as answered
    await curation.stop()
    await curation.repository.engine.dispose()

    before = cli("--brief", str(brief), "curate", "--json", db=db)
    assert before.returncode == 0, before.stderr
    report = json.loads(before.stdout)
    assert set(report) == {"revision", "since_days", "questions", "groups", "disliked"}
    top = report["groups"][0]
    assert set(top) == {"count", "examples", "outcomes", "nearest", "now", "snippet"}
    assert top["count"] == 3 and top["outcomes"] == {"rejected": 3} and top["now"] == "unanswered"
    assert top["examples"][0].lower().startswith("who heads")
    assert top["nearest"]["section"] == "russia-delegation"
    assert "id: russia-delegation" in top["snippet"]
    assert report["disliked"] == [{"question": "where are the talks held", "section": "venue", "title": "Venue",
                                   "up": 0, "down": 1, "facts": list(venue.body)}]

    # The curator pastes the snippet's wording as an example and reloads: the group is marked answered, last.
    brief.write_text(text.replace('examples: ["who leads the russian delegation"]',
                                  'examples: ["who leads the russian delegation", "who heads the russian team"]'),
                     encoding="utf-8")
    after = json.loads(cli("--brief", str(brief), "curate", "--json", db=db).stdout)
    assert after["revision"] != report["revision"]
    marked = next(g for g in after["groups"] if g["examples"] == top["examples"])
    assert marked["now"] == "answered" and after["groups"][-1] == marked
    assert cli("--brief", str(brief), "curate", "--check", db=db).returncode == 0

    # A later edit drops the venue section: a question the bot used to answer is now rejected.
    start, end = text.index("  - id: venue"), text.index("  - id: russia-delegation")
    brief.write_text(text[:start] + text[end:], encoding="utf-8")
    check = cli("--brief", str(brief), "curate", "--check", db=db)
    assert check.returncode == 1
    assert "“where are the talks held” (was venue" in check.stdout
    text_report = cli("--brief", str(brief), "curate", "--since", "7", db=db)
    assert text_report.returncode == 0 and "×3" in text_report.stdout and "in the last 7 day(s)" in text_report.stdout

    purged = cli("curate", "--purge", db=db)
    assert purged.returncode == 0 and "purged 5 stored question(s)" in purged.stdout
    assert json.loads(cli("curate", "--json", db=db).stdout)["groups"] == []


def test_curate_rejects_a_bad_since_and_a_bad_database_in_one_line(tmp_path: Path) -> None:
    bad = cli("curate", "--since", "soon", db=tmp_path / "x.db")
    assert bad.returncode == 2 and "expected a whole number of days" in bad.stderr and "Traceback" not in bad.stderr
    env = {k: v for k, v in os.environ.items() if k not in {"TELEGRAM_TOKEN", "DISCORD_TOKEN"}}
    env["BRIEFBOT_DATABASE_URL"] = "sqlite:///no-driver.db"
    result = subprocess.run([sys.executable, "-m", "bot", "curate"], capture_output=True, text=True, cwd=ROOT,
                            env=env, timeout=60)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and result.stderr.startswith("error: database_url")


def test_console_rates_the_last_answer_with_plus_and_minus(tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    env = {k: v for k, v in os.environ.items() if k not in {"TELEGRAM_TOKEN", "DISCORD_TOKEN"}}
    env["BRIEFBOT_DATABASE_URL"] = f"sqlite+aiosqlite:///{db}"
    chat = subprocess.run([sys.executable, "-m", "bot", "console"], input="+\nhow long did the talks last?\n+\n-\n",
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert chat.returncode == 0, chat.stderr
    assert "Ask something first" in chat.stdout and "(+ or - rates this answer)" in chat.stdout
    assert chat.stdout.count("Thanks") == 2
    report = json.loads(cli("curate", "--json", db=db).stdout)
    (disliked,) = report["disliked"]
    assert disliked["question"] == "how long did the talks last?" and (disliked["up"], disliked["down"]) == (0, 1)
