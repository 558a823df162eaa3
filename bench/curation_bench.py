"""Curation log benchmarks. Prints figures; asserts nothing.

    .venv/bin/python bench/curation_bench.py [--questions N] [--stored N]

1. The reply path: questions arrive at 200 per second on one event loop, as a chat adapter receives them; each
   is matched, answered and rendered for Telegram. Logging on (the curation log's background writer storing
   rejected and grey-zone questions in SQLite on the same loop) is timed against logging off in the same run,
   question by question, so drift on a shared machine hits both alike.
2. `curate` over N stored questions (100,000 by default): load, group, re-match against a newer brief revision
   (the worst case: every group is re-judged) and build the report. Baseline: reading the same rows with one
   bare SELECT, the floor any report over them pays.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from bot.config import CurationSettings, load_settings  # noqa: E402
from bot.bootstrap import build_service  # noqa: E402
from bot.core.curation import ChatKind, Origin, Outcome, QuestionRecord, Scored, new_answer_id  # noqa: E402
from bot.core.curation_report import Judge, build_report  # noqa: E402
from bot.curating import attach_curation  # noqa: E402
from bot.render.telegram_html import render_answer  # noqa: E402
from bot.storage.curation import CurationRepository  # noqa: E402
from bot.storage.database import open_database  # noqa: E402
from tests.eval.evaluate import every_question  # noqa: E402

RATE = 200  # questions per second
BLOCK = 250  # the arrival schedule restarts every BLOCK questions
MS = 1000
ORIGIN = Origin("telegram", ChatKind.GROUP)


def summary(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    return (statistics.median(ordered) * MS, ordered[int(len(ordered) * 0.95)] * MS,
            ordered[int(len(ordered) * 0.99)] * MS)


async def reply_path(count: int) -> None:
    settings = load_settings(environ={})
    service = build_service(settings)
    with tempfile.TemporaryDirectory() as tmp:
        engine = await open_database(f"sqlite+aiosqlite:///{tmp}/bench.db")
        curation = await attach_curation(engine, service, CurationSettings())
        curator = service.curator
        asked = every_question(turns=False)
        random.Random(7).shuffle(asked)
        timings: dict[bool, list[float]] = {False: [], True: []}
        delays: dict[bool, list[float]] = {False: [], True: []}
        logged = 0
        loop = asyncio.get_running_loop()
        for index in range(count):
            logging_on = index % 2 == 1  # alternate question by question: drift on a shared machine hits both
            service.curator = curator if logging_on else None
            if index % BLOCK == 0:  # a slow stretch must not make every later question late
                start = loop.time()
            due = start + (index % BLOCK) / RATE
            await asyncio.sleep(max(0.0, due - loop.time()))
            begun = time.perf_counter()
            delays[logging_on].append(max(0.0, loop.time() - due))  # how late the loop got to this question
            answer = service.ask(f"chat{index % 50}", asked[index % len(asked)], ORIGIN)
            render_answer(answer)
            timings[logging_on].append(time.perf_counter() - begun)
            logged += logging_on and (not answer.matched or answer.confidence < service.threshold + 0.15)
        await curation.stop()
        stored = sum(w.count for w in (await curation.repository.load()).wordings)
        await engine.dispose()
    off, on = summary(timings[False]), summary(timings[True])
    late_off, late_on = summary(delays[False]), summary(delays[True])
    print(f"Reply path at {RATE} questions/s, {count} questions ({count // 2} per mode, alternating); "
          f"{logged} logged, {stored} stored")
    print(f"{'':34} {'median':>9} {'p95':>9} {'p99':>9}")
    print(f"{'match+answer+render, logging off':34} {off[0]:8.3f}ms {off[1]:8.3f}ms {off[2]:8.3f}ms  (baseline)")
    print(f"{'match+answer+render, logging on':34} {on[0]:8.3f}ms {on[1]:8.3f}ms {on[2]:8.3f}ms  "
          f"({on[0] / off[0]:.2f}× / {on[1] / off[1]:.2f}× / {on[2] / off[2]:.2f}×)")
    print(f"{'loop lateness, logging off':34} {late_off[0]:8.3f}ms {late_off[1]:8.3f}ms {late_off[2]:8.3f}ms")
    print(f"{'loop lateness, logging on':34} {late_on[0]:8.3f}ms {late_on[1]:8.3f}ms {late_on[2]:8.3f}ms")


def variants(question: str, rng: random.Random) -> str:
    """How readers reword the same question: case, punctuation, filler, a dropped or doubled letter."""
    words = question.rstrip("?!. ").split()
    if rng.random() < 0.3:
        words = [w.lower() for w in words]
    if rng.random() < 0.2 and words:
        i = rng.randrange(len(words))
        w = words[i]
        if len(w) > 4:
            j = rng.randrange(1, len(w) - 1)
            words[i] = w[:j] + w[j + 1:] if rng.random() < 0.5 else w[:j] + w[j] + w[j:]
    if rng.random() < 0.15:
        words = [rng.choice(["so", "hey", "ok", "pls"])] + words
    return " ".join(words) + rng.choice(["?", "", "??", " ?"])


async def curate(stored: int) -> None:
    settings = load_settings(environ={})
    service = build_service(settings)
    current = service.store.current
    rng = random.Random(11)
    asked = every_question(turns=False)
    # Most of a real log is a few hundred questions asked again and again, reworded; some are one-offs.
    pool = [rng.choice(asked) for _ in range(1500)]
    weights = [1 / (rank + 1) for rank in range(len(pool))]
    start = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=30)
    with tempfile.TemporaryDirectory() as tmp:
        engine = await open_database(f"sqlite+aiosqlite:///{tmp}/bench.db")
        repository = CurationRepository(engine)
        records = []
        for index in range(stored):
            question = variants(rng.choices(pool, weights)[0], rng)
            outcome = Outcome.REJECTED if rng.random() < 0.7 else Outcome.GREY
            records.append(QuestionRecord(
                new_answer_id(), start + dt.timedelta(seconds=index * 20), "telegram", ChatKind.PRIVATE,
                "an-older-revision", question, outcome, "venue" if outcome is Outcome.GREY else None,
                round(rng.random(), 3), (Scored("venue", 0.4), Scored("timing", 0.2)),
                "I don't have that in this brief", ("a fact",)))
        began = time.perf_counter()
        for chunk in range(0, stored, 5000):
            await repository.write(records[chunk:chunk + 5000], [])
        written = time.perf_counter() - began
        async with engine.connect() as conn:
            began = time.perf_counter()
            raw = (await conn.execute(text("SELECT * FROM curation_questions"))).all()
            baseline = time.perf_counter() - began
        began = time.perf_counter()
        log = await repository.load()
        loaded = time.perf_counter() - began
        judge = Judge(current.matcher, service.threshold, CurationSettings().grey_zone)
        began = time.perf_counter()
        report = build_report(log, judge, current.revision, None)
        built = time.perf_counter() - began
        await engine.dispose()
    distinct = len({r.question for r in records})
    total = loaded + built
    print(f"\n`curate` over {stored:,} stored questions ({distinct:,} distinct wordings, all from an older "
          f"revision): {len(report.groups):,} groups, {len(judge._seen):,} wordings re-matched")
    print(f"{'bare SELECT of the rows':34} {baseline:8.2f}s  (baseline, {len(raw):,} rows)")
    print(f"{'load (wordings counted, verdicts)':34} {loaded:8.2f}s  ({loaded / baseline:.1f}×; "
          f"{len(log.wordings):,} rows)")
    print(f"{'group, re-match, build the report':34} {built:8.2f}s")
    print(f"{'curate total':34} {total:8.2f}s  ({total / baseline:.1f}× baseline; target < 5 s)")
    print(f"{'(writing them, batches of 5,000)':34} {written:8.2f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=int, default=4000, help="questions through the reply path")
    parser.add_argument("--stored", type=int, default=100_000, help="stored questions for curate")
    args = parser.parse_args()
    asyncio.run(reply_path(args.questions))
    asyncio.run(curate(args.stored))


if __name__ == "__main__":
    main()
