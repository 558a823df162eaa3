"""The paced sender on virtual time against fakes that police the platform limits themselves, and the
"what changed" diff between recorded revisions."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Sequence

from bot.core.models import Digest, Topic
from bot.core.store import diff_sections
from bot.fanout import FanoutSender, Outbound, Outcome, Result
from bot.ratelimit import DISCORD_LIMITS
from tests.fakes_messenger import FakeTelegram, RecordingMessenger, run_virtual

DIGEST = Digest("mini", "1+abc", dt.date(2025, 6, 2), "Headline", "2 June 2025", None, "Summary", (), ())


class Hooks:
    def __init__(self) -> None:
        self.results: list[tuple[str, Outcome, str | None]] = []
        self.retries: dict[str, int] = {}

    async def settle(self, done: Sequence[Result], starting: Sequence[Outbound]) -> list[bool]:
        for r in done:
            self.results.append((r.item.chat_id, r.outcome, r.error))
            self.retries[r.item.chat_id] = r.retries
        return [True] * len(starting)


def test_telegram_limits_hold_for_private_chats_groups_and_repeats() -> None:
    platform = FakeTelegram(latency=0.08)
    chats = [str(1000 + i) for i in range(300)] + ["-100"] * 25 + ["77"] * 3

    async def scenario() -> float:
        hooks = Hooks()
        sender = FanoutSender([platform], concurrency=8)
        start = asyncio.get_running_loop().time()
        report = await sender.send_all((Outbound("telegram", c, DIGEST) for c in chats), hooks)
        assert report.counts[Outcome.SENT] == len(chats)
        return asyncio.get_running_loop().time() - start

    elapsed = run_virtual(scenario())
    assert platform.violations == 0
    assert platform.delivered["-100"] == 25 and platform.delivered["77"] == 3
    assert elapsed >= 60.0  # 25 messages to one group need more than a minute at 20 a minute


def test_discord_channel_limit_holds() -> None:
    messenger = RecordingMessenger("discord")

    async def scenario() -> None:
        await FanoutSender([messenger], concurrency=4).send_all(
            [Outbound("discord", "chan", DIGEST) for _ in range(12)], Hooks())

    run_virtual(scenario())
    times = [at for _, _, at in messenger.sent]
    window = DISCORD_LIMITS.per_chat
    assert all(later - earlier >= window.seconds for earlier, later in zip(times, times[window.count:]))


def test_rate_limit_that_never_clears_fails_after_bounded_attempts_and_others_continue() -> None:
    messenger = RecordingMessenger(rate_limited={"stuck": [2.0] * 10})
    hooks = Hooks()

    async def scenario() -> None:
        sender = FanoutSender([messenger], concurrency=2, max_attempts=3)
        await sender.send_all([Outbound("telegram", c, DIGEST) for c in ("stuck", "fine")], hooks)

    run_virtual(scenario())
    assert ("stuck", Outcome.FAILED, "still rate limited after 3 attempts") in hooks.results
    assert ("fine", Outcome.SENT, None) in hooks.results
    assert [c for c, _ in messenger.attempts].count("stuck") == 3


def test_no_messenger_for_a_platform_fails_that_item_only() -> None:
    hooks = Hooks()
    messenger = RecordingMessenger()

    async def scenario() -> None:
        await FanoutSender([messenger]).send_all([Outbound("discord", "x", DIGEST), Outbound("telegram", "y", DIGEST)],
                                                 hooks)

    run_virtual(scenario())
    assert sorted(o.value for _, o, _ in hooks.results) == ["failed", "sent"]


def test_diff_between_recorded_revisions() -> None:
    old = {"venue": ("a1", "Venue"), "russia": ("b1", "Russia"), "gone": ("c1", "Old topic")}
    new = {"venue": ("a2", "Venue"), "russia": ("b1", "Russia"), "swap": ("d1", "Prisoner exchange")}
    diff = diff_sections(old, new)
    assert diff.added == (Topic("swap", "Prisoner exchange"),)
    assert diff.edited == (Topic("venue", "Venue"),)
    assert diff.removed == (Topic("gone", "Old topic"),)
    assert diff_sections(new, new).empty
