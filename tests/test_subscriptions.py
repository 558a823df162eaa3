"""Subscriptions and daily digests through the real service, SQLite database and fan-out, on a fake clock."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.bootstrap import build_service
from bot.config import DigestSettings, Settings
from bot.core.ports import InvalidSchedule
from bot.core.schedule import UTC
from bot.digests import DigestSubscriptions
from bot.fanout import FanoutSender, Outcome
from bot.storage.database import open_database
from bot.storage.repository import Repository
from tests.fakes_messenger import (
    Crash,
    FakeClock,
    RecordingMessenger,
    run_virtual,
    write_brief,
)

KYIV_MORNING = dt.datetime(2025, 6, 2, 4, 0, tzinfo=UTC)  # 07:00 in Kyiv (EEST, UTC+3)


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


@dataclass
class Env:
    digests: DigestSubscriptions
    messenger: RecordingMessenger
    clock: FakeClock
    brief: Path
    db_url: str

    @property
    def repo(self) -> Repository:
        return self.digests.repository


async def make_env(tmp_path: Path, *, now: dt.datetime = KYIV_MORNING, concurrency: int = 4,
                   messenger: RecordingMessenger | None = None, grace_minutes: float = 120,
                   db_url: str | None = None, brief: Path | None = None) -> Env:
    db_url = db_url or f"sqlite+aiosqlite:///{tmp_path / 'digests.db'}"
    brief = brief or write_brief(tmp_path / "brief.yaml")
    engine = await open_database(db_url)
    messenger = messenger or RecordingMessenger()
    clock = FakeClock(now)
    settings = DigestSettings(default_time="08:00", default_timezone="Europe/Kyiv", grace_minutes=grace_minutes)
    sender = FanoutSender([messenger], concurrency=concurrency, clock=clock.monotonic, sleep=clock.sleep)
    digests = DigestSubscriptions(Repository(engine), build_service(Settings(), brief), settings,
                                  sender=sender, clock=clock)
    return Env(digests, messenger, clock, brief, db_url)


async def restart(env: Env, messenger: RecordingMessenger | None = None, concurrency: int = 4) -> Env:
    """A new process on the same database and brief: fresh caches, a new owner id."""
    await env.repo.dispose()
    fresh = await make_env(env.brief.parent, now=env.clock.now(), messenger=messenger or RecordingMessenger(),
                           concurrency=concurrency, db_url=env.db_url, brief=env.brief)
    return fresh


@pytest.fixture
async def env(tmp_path: Path):  # type: ignore[no-untyped-def]
    made = await make_env(tmp_path)
    yield made
    await made.repo.dispose()


async def test_subscribe_update_unsubscribe(env: Env) -> None:
    text = await env.digests.subscribe("telegram", "42", "7", "8am", "Europe/Kyiv")
    assert text.startswith("Subscribed to the daily digest")
    assert "08:00 Europe/Kyiv" in text and "Next one: Mon 2 Jun 2025, 08:00 (Europe/Kyiv)" in text

    text = await env.digests.subscribe("telegram", "42", "9", "20:15", "UTC+3")
    assert text.startswith("Updated your daily digest")
    assert "20:15 UTC+03:00" in text and "does not follow daylight saving" in text
    rows = await env.repo.subscriptions(active_only=False)
    assert len(rows) == 1  # updated, not duplicated
    assert (rows[0].local_time, rows[0].timezone, rows[0].user_id, rows[0].brief_id) == ("20:15", "UTC+03:00", "9", "mini")

    assert await env.digests.unsubscribe("telegram", "42") is True
    assert await env.digests.unsubscribe("telegram", "42") is False
    assert await env.repo.subscriptions() == []
    assert "Subscribed" in await env.digests.subscribe("telegram", "42", "7", None, None)  # reactivates
    (row,) = await env.repo.subscriptions()
    assert (row.local_time, row.timezone) == ("08:00", "Europe/Kyiv")  # settings.digest defaults


async def test_same_chat_id_on_two_platforms_are_two_subscriptions(env: Env) -> None:
    await env.digests.subscribe("telegram", "42", "7", "08:00", "UTC")
    await env.digests.subscribe("discord", "42", "7", "08:00", "UTC")
    assert sorted(s.platform for s in await env.repo.subscriptions()) == ["discord", "telegram"]


@pytest.mark.parametrize("time_text, zone_text, expected", [
    ("25:00", "Europe/Kyiv", "8:30pm"), ("soon", None, "08:00"), ("08:00", "Mars/Olympus", "Europe/Kyiv"),
    (None, "UTC+20", "UTC-05:30"),
])
async def test_bad_input_is_rejected_with_the_accepted_forms(env: Env, time_text: str | None,
                                                             zone_text: str | None, expected: str) -> None:
    with pytest.raises(InvalidSchedule) as caught:
        await env.digests.subscribe("telegram", "42", "7", time_text, zone_text)
    assert expected in str(caught.value)
    assert await env.repo.subscriptions(active_only=False) == []


async def test_digest_fires_at_the_local_time_across_both_dst_changes(env: Env) -> None:
    env.clock.set(utc(2025, 3, 28, 12))
    await env.digests.subscribe("telegram", "kyiv", "1", "08:00", "Europe/Kyiv")

    async def sent_at(moment: dt.datetime) -> int:
        env.clock.set(moment)
        before = len(env.messenger.sent)
        await env.digests.run_due()
        return len(env.messenger.sent) - before

    # Saturday 29 March: EET, 08:00 = 06:00 UTC.
    assert await sent_at(utc(2025, 3, 29, 5, 59)) == 0
    assert await sent_at(utc(2025, 3, 29, 6, 0)) == 1
    # Sunday 30 March (last Sunday of March): EEST, 08:00 = 05:00 UTC.
    assert await sent_at(utc(2025, 3, 30, 4, 59)) == 0
    assert await sent_at(utc(2025, 3, 30, 5, 0)) == 1
    assert await sent_at(utc(2025, 3, 30, 6, 0)) == 0  # the old UTC time does not send a second one
    # Sunday 26 October (last Sunday of October): back to EET, 08:00 = 06:00 UTC.
    assert await sent_at(utc(2025, 10, 25, 5, 0)) == 1
    assert await sent_at(utc(2025, 10, 26, 5, 0)) == 0
    assert await sent_at(utc(2025, 10, 26, 6, 0)) == 1
    assert [d.date for _, d, _ in env.messenger.sent] == [dt.date(2025, 3, 29), dt.date(2025, 3, 30),
                                                          dt.date(2025, 10, 25), dt.date(2025, 10, 26)]


async def test_each_digest_is_sent_once_however_often_the_pass_runs(env: Env) -> None:
    for chat in ("a", "b", "c"):
        await env.digests.subscribe("telegram", chat, "1", "08:00", "Europe/Kyiv")
    env.clock.set(utc(2025, 6, 2, 5, 0))
    await asyncio.gather(env.digests.run_due(), env.digests.run_due())
    for minutes in (1, 30, 110):
        env.clock.set(utc(2025, 6, 2, 5, 0) + dt.timedelta(minutes=minutes))
        await env.digests.run_due()
    assert env.messenger.chats() == {"a": 1, "b": 1, "c": 1}
    assert (await env.repo.status_counts()) == {"sent": 3}


async def test_missed_digest_is_sent_once_within_grace_and_skipped_after(env: Env) -> None:
    await env.digests.subscribe("telegram", "late", "1", "08:00", "Europe/Kyiv")
    await env.digests.subscribe("telegram", "later", "1", "06:00", "Europe/Kyiv")
    env.clock.set(utc(2025, 6, 2, 6, 30))  # back up at 09:30 Kyiv: 08:00 is 90 min ago, 06:00 is 3.5 h ago
    env = await restart(env)
    await env.digests.run_due()
    await env.digests.run_due()
    assert env.messenger.chats() == {"late": 1}  # grace is 120 minutes
    env.clock.set(utc(2025, 6, 3, 3, 0))  # next day, 06:00 Kyiv
    await env.digests.run_due()
    assert env.messenger.chats() == {"late": 1, "later": 1}
    await env.repo.dispose()


async def test_subscribing_after_todays_time_does_not_send_at_once(env: Env) -> None:
    env.clock.set(utc(2025, 6, 2, 5, 30))  # 08:30 Kyiv
    await env.digests.subscribe("telegram", "new", "1", "08:00", "Europe/Kyiv")
    await env.digests.run_due()
    assert env.messenger.sent == []
    env.clock.set(utc(2025, 6, 3, 5, 0))
    await env.digests.run_due()
    assert env.messenger.chats() == {"new": 1}


async def test_restart_mid_fan_out_sends_the_rest_once_and_the_sent_never_again(tmp_path: Path) -> None:
    # One message at a time, so the "crash" lands at a known point: right after the platform accepted
    # the 4th digest and before the bot could record it (the worst moment for a duplicate).
    env = await make_env(tmp_path, concurrency=1, messenger=RecordingMessenger(crash_after=4))
    chats = [f"chat-{i}" for i in range(10)]
    for chat in chats:
        await env.digests.subscribe("telegram", chat, "1", "08:00", "Europe/Kyiv")
    env.clock.set(utc(2025, 6, 2, 5, 0))
    with pytest.raises(Crash):
        await env.digests.run_due()
    first = env.messenger
    assert len(first.sent) == 4

    env.clock.advance(minutes=1)
    env = await restart(env)
    await env.digests.run_due()  # the dead process's claims are still within their lease
    assert env.messenger.sent == []

    env.clock.advance(minutes=10)  # lease (10 min) over: claims never handed to the platform are taken over
    await env.digests.run_due()
    await env.digests.run_due()
    total = first.chats() + env.messenger.chats()
    assert total == {chat: 1 for chat in chats}
    assert await env.repo.status_counts() == {"sent": 9, "unknown": 1}
    await env.repo.dispose()


async def test_clean_shutdown_gives_claims_back_for_an_immediate_restart(tmp_path: Path) -> None:
    env = await make_env(tmp_path, concurrency=1, messenger=RecordingMessenger(crash_after=2))
    for i in range(5):
        await env.digests.subscribe("telegram", f"c{i}", "1", "08:00", "Europe/Kyiv")
    env.clock.set(utc(2025, 6, 2, 5, 0))
    with pytest.raises(Crash):
        await env.digests.run_due()
    await env.digests.release()  # what DigestScheduler.shutdown does
    first = env.messenger
    env.clock.advance(seconds=5)
    env = await restart(env)
    await env.digests.run_due()
    assert first.chats() + env.messenger.chats() == {f"c{i}": 1 for i in range(5)}
    await env.repo.dispose()


async def test_two_processes_racing_on_one_sqlite_file_send_each_digest_once(tmp_path: Path) -> None:
    one = await make_env(tmp_path)
    two = await make_env(tmp_path, db_url=one.db_url, brief=one.brief)
    for i in range(40):
        await one.digests.subscribe("telegram", f"c{i}", "1", "08:00", "Europe/Kyiv")
    for env in (one, two):
        env.clock.set(utc(2025, 6, 2, 5, 0))
    await asyncio.gather(one.digests.run_due(), two.digests.run_due())
    assert one.messenger.chats() + two.messenger.chats() == {f"c{i}": 1 for i in range(40)}
    await one.repo.dispose()
    await two.repo.dispose()


async def test_blocked_chat_is_deactivated_and_logged_once(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    env = await make_env(tmp_path, messenger=RecordingMessenger(gone={"blocked"}, broken={"flaky"}))
    for chat in ("ok-1", "blocked", "flaky", "ok-2"):
        await env.digests.subscribe("telegram", chat, "1", "08:00", "Europe/Kyiv")
    caplog.set_level(logging.WARNING, logger="bot")
    for day in (2, 3, 4):
        env.clock.set(utc(2025, 6, day, 5, 0))
        await env.digests.run_due()
    assert env.messenger.chats() == {"ok-1": 3, "ok-2": 3}  # one broken chat never stops the rest
    assert [chat for chat, _ in env.messenger.attempts].count("blocked") == 1
    assert [s.chat_id for s in await env.repo.subscriptions()] == ["ok-1", "flaky", "ok-2"]
    gone_logs = [r for r in caplog.records if "can no longer receive" in r.getMessage()]
    assert len(gone_logs) == 1 and "blocked" in gone_logs[0].getMessage()
    statuses = {(r["subscription_id"], r["status"]) for r in await env.repo.deliveries()}
    assert ("gone" in {s for _, s in statuses}) and ("failed" in {s for _, s in statuses})
    await env.repo.dispose()


def test_rate_limited_send_is_retried_after_its_delay(tmp_path: Path) -> None:
    """On a virtual-time loop: the retry happens 7 s (virtual) later, without the test sleeping."""

    async def scenario() -> RecordingMessenger:
        messenger = RecordingMessenger(rate_limited={"busy": [7.0, 3.0]})
        env = await make_env(tmp_path, messenger=messenger)
        env.digests.sender = FanoutSender([messenger], concurrency=4)  # paced on the (virtual) loop clock
        for chat in ("busy", "calm"):
            await env.digests.subscribe("telegram", chat, "1", "08:00", "Europe/Kyiv")
        env.clock.set(utc(2025, 6, 2, 5, 0))
        report = await env.digests.run_due()
        assert report.counts[Outcome.SENT] == 2 and report.retries == 2
        await env.repo.dispose()
        return messenger

    messenger = run_virtual(scenario())
    busy = [at for chat, at in messenger.attempts if chat == "busy"]
    assert len(busy) == 3
    assert busy[1] - busy[0] >= 7.0 and busy[2] - busy[1] >= 3.0
    assert messenger.chats() == {"busy": 1, "calm": 1}


async def test_what_changed_follows_each_subscriber_across_reloads_and_restarts(env: Env) -> None:
    await env.digests.subscribe("telegram", "reader", "1", "08:00", "Europe/Kyiv")
    env.clock.set(utc(2025, 6, 2, 5, 0))
    await env.digests.run_due()
    first = env.messenger.sent[-1][1]
    assert first.changes == ()  # a first digest has no "what changed" part

    write_brief(env.brief, version=2, edited=True, extra=True)
    assert env.digests.service.reload().ok
    env = await restart(env)  # the baseline comes from the database, not from memory
    await env.digests.subscribe("telegram", "newcomer", "1", "08:00", "Europe/Kyiv")
    env.clock.set(utc(2025, 6, 3, 5, 0))
    await env.digests.run_due()
    by_chat = {chat: digest for chat, digest, _ in env.messenger.sent}
    assert by_chat["reader"].changes == ("New: Prisoner exchange", "Updated: Venue")
    assert by_chat["reader"].outcomes  # the new outcome section shows in the key outcomes
    assert by_chat["newcomer"].changes == ()

    env.clock.set(utc(2025, 6, 4, 5, 0))
    await env.digests.run_due()
    assert env.messenger.sent[-1][1].changes == ()  # nothing changed since the last digest
    await env.repo.dispose()


async def test_admin_listing_counts_and_next_runs(env: Env) -> None:
    await env.digests.subscribe("telegram", "1", "1", "08:00", "Europe/Kyiv")
    await env.digests.subscribe("telegram", "2", "1", "8am", "europe/kyiv")
    await env.digests.subscribe("discord", "3", "1", "20:15", "UTC")
    await env.digests.subscribe("discord", "4", "1", "20:15", "UTC")
    await env.digests.unsubscribe("discord", "4")
    lines = await env.digests.report_lines()
    assert lines[0] == "Subscriptions: 3 active (discord 1, telegram 2); 1 inactive"
    assert lines[1:] == ["Next runs:", "  2025-06-02 05:00 UTC  08:00 Europe/Kyiv  (telegram 2)",
                         "  2025-06-02 20:15 UTC  20:15 UTC  (discord 1)"]
