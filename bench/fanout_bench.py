"""Digest fan-out benchmark: 10,000 due subscriptions through the real pipeline (SQLite claims, digest
building, paced sender, delivery records) to a fake Telegram that enforces Telegram's limits itself.

Runs on a virtual-time event loop, so the ~333 s of pacing take a few seconds of real time; the figures
are virtual seconds for the fan-out and real CPU seconds / memory for the work. Prints; asserts nothing.

    .venv/bin/python bench/fanout_bench.py [--subscriptions 10000] [--groups 0.1] [--latency 0.05]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from bot.bootstrap import build_service  # noqa: E402
from bot.config import DigestSettings, Settings  # noqa: E402
from bot.core.service import BriefService  # noqa: E402
from bot.digests import DigestSubscriptions  # noqa: E402
from bot.core.models import Digest  # noqa: E402
from bot.fanout import FanoutSender, Outbound, Outcome  # noqa: E402
from bot.storage.database import open_database  # noqa: E402
from bot.storage.repository import SUBSCRIPTIONS, Repository  # noqa: E402
from tests.fakes_messenger import (  # noqa: E402
    SEEDS,
    FakeTelegram,
    LoopClock,
    RealWork,
    VirtualTimeLoop,
    run_virtual,
    write_brief,
)

DUE_AT = dt.datetime(2025, 6, 2, 5, 0, tzinfo=dt.timezone.utc)  # 08:00 in Kyiv
OVERALL_PER_SECOND = 30


async def seed(url: str, count: int, groups: float) -> None:
    engine = await open_database(url)
    created = DUE_AT - dt.timedelta(days=1)
    group_every = round(1 / groups) if groups else 0
    rows = [dict(platform="telegram", chat_id=str(-(1_000_000 + i) if group_every and i % group_every == 0 else 10_000 + i),
                 user_id="1", local_time="08:00", timezone="Europe/Kyiv", brief_id="mini", active=True,
                 created_at=created, updated_at=created) for i in range(count)]
    async with engine.begin() as conn:
        await conn.execute(insert(SUBSCRIPTIONS), rows)
    await engine.dispose()


async def fan_out(url: str, service: BriefService, latency: float, concurrency: int) -> tuple[FakeTelegram, float, object]:
    platform = FakeTelegram(latency=latency)
    engine = await open_database(url)
    loop = asyncio.get_running_loop()
    digests = DigestSubscriptions(RealWork(Repository(engine)),  # type: ignore[arg-type]
                                  service,
                                  DigestSettings(grace_minutes=120), clock=LoopClock(DUE_AT - dt.timedelta(seconds=loop.time())),
                                  sender=FanoutSender([platform], concurrency=concurrency))
    start = loop.time()
    report = await digests.run_due()
    elapsed = loop.time() - start
    await engine.dispose()
    return platform, elapsed, report


class _NoDatabase:
    async def settle(self, done: object, starting: list[Outbound]) -> list[bool]:
        return [True] * len(starting)


async def sender_alone(count: int, groups: float, latency: float, concurrency: int) -> None:
    """The baseline: the same number of digests through the same paced sender and fake, with no database."""
    digest = Digest("mini", "r", DUE_AT.date(), "Headline", "2 June 2025", None, "Summary", (), ())
    group_every = round(1 / groups) if groups else 0
    chats = [str(-(1_000_000 + i) if group_every and i % group_every == 0 else 10_000 + i) for i in range(count)]
    await FanoutSender([FakeTelegram(latency=latency)], concurrency=concurrency).send_all(
        (Outbound("telegram", chat, digest) for chat in chats), _NoDatabase())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscriptions", type=int, default=10_000)
    parser.add_argument("--groups", type=float, default=0.1, help="share of group chats (negative ids)")
    parser.add_argument("--latency", type=float, default=0.05, help="virtual seconds per Bot API call")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations (slower)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="briefbot-bench-") as tmp:
        url = f"sqlite+aiosqlite:///{tmp}/bench.db"
        brief = write_brief(Path(tmp) / "brief.yaml")
        asyncio.run(seed(url, args.subscriptions, args.groups))
        service = build_service(Settings(seeds_dir=SEEDS), brief)  # loading the brief is not the fan-out's cost
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if args.tracemalloc:
            tracemalloc.start()
        loop = VirtualTimeLoop()
        cpu, wall = time.process_time(), time.perf_counter()
        try:
            platform, elapsed, report = loop.run_until_complete(fan_out(url, service, args.latency, args.concurrency))
        finally:
            loop.run_until_complete(loop.shutdown_default_executor())
            loop.close()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        traced_peak = tracemalloc.get_traced_memory()[1] if args.tracemalloc else None
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        base = time.process_time()
        run_virtual(sender_alone(args.subscriptions, args.groups, args.latency, args.concurrency))
        base = time.process_time() - base

    floor = args.subscriptions / OVERALL_PER_SECOND
    delivered = sum(platform.delivered.values())
    print(f"subscriptions:          {args.subscriptions} ({args.groups:.0%} group chats), "
          f"concurrency {args.concurrency}, API latency {args.latency * 1000:.0f} ms (virtual)")
    print(f"delivered:              {delivered} ({report})")  # type: ignore[str-format]
    print(f"virtual fan-out time:   {elapsed:.1f} s  (floor at 30 msg/s: {floor:.1f} s; "
          f"first->last delivery {platform.last - platform.first:.1f} s)")  # type: ignore[operator]
    print(f"limit violations:       {platform.violations}  (counted by the fake platform)")
    per_digest, base_per_digest = cpu / max(delivered, 1) * 1e3, base / args.subscriptions * 1e3
    print(f"CPU time:               {cpu:.2f} s  (real time {wall:.2f} s; {per_digest:.2f} ms per digest)")
    print(f"  baseline, same run:   {base:.2f} s for the paced sender alone, no database ({base_per_digest:.2f} ms "
          f"per digest): the whole pipeline costs {per_digest / base_per_digest:.1f}x that")
    print(f"peak RSS:               {rss_after / 1024:.0f} MiB (before the fan-out: {rss_before / 1024:.0f} MiB)")
    if traced_peak is not None:
        print(f"peak traced Python heap: {traced_peak / 2**20:.1f} MiB")
    assert isinstance(report.counts, dict) and Outcome.SENT in report.counts  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
