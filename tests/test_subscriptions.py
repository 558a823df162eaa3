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


async def crash_mid_fan_out(tmp_path: Path, concurrency: int, crash_after: int) -> tuple[Env, list[str]]:
    """Ten subscribers due at once, and a process that dies right after the platform accepts digest `crash_after`."""
    env = await make_env(tmp_path, concurrency=concurrency, messenger=RecordingMessenger(crash_after=crash_after))
    chats = [f"chat-{i}" for i in range(10)]
    for chat in chats:
        await env.digests.subscribe("telegram", chat, "1", "08:00", "Europe/Kyiv")
    env.clock.set(utc(2025, 6, 2, 5, 0))
    with pytest.raises(Crash):
        await env.digests.run_due()
    return env, chats


async def test_restart_mid_fan_out_sends_the_rest_once_and_the_sent_never_again(tmp_path: Path) -> None:
    # One message at a time, so the "crash" lands at a known point: right after the platform accepted
    # the 4th digest and before the bot could record it (the worst moment for a duplicate).
    env, chats = await crash_mid_fan_out(tmp_path, concurrency=1, crash_after=4)
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


async def test_crash_after_a_batch_is_sent_but_before_it_is_recorded_never_resends_it(tmp_path: Path) -> None:
    # Four sends in flight, so outcomes are recorded (and the next sends started) three at a time. The crash
    # comes right after the platform accepted the 5th digest, with the 6th already on its way: the 4th to
    # 6th are sent ('sending') but not recorded, the first three recorded 'sent', the last four only claimed.
    env, chats = await crash_mid_fan_out(tmp_path, concurrency=4, crash_after=5)
    first = env.messenger
    assert len(first.sent) == 6
    assert await env.repo.status_counts() == {"sent": 3, "sending": 3, "claimed": 4}

    env.clock.advance(minutes=11)  # past the lease: 'sending' rows become 'unknown', 'claimed' ones are taken over
    env = await restart(env)
    await env.digests.run_due()
    await env.digests.run_due()
    assert not set(first.chats()) & set(env.messenger.chats())  # nothing the platform accepted is sent again
    assert first.chats() + env.messenger.chats() == {chat: 1 for chat in chats}
    assert await env.repo.status_counts() == {"sent": 7, "unknown": 3}
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
    assert first.first and first.changes == ()  # a first digest is the recap

    write_brief(env.brief, version=2, edited=True, extra=True, swapped="1,200")
    assert env.digests.service.reload().ok
    env = await restart(env)  # the baseline comes from the database, not from memory
    await env.digests.subscribe("telegram", "newcomer", "1", "08:00", "Europe/Kyiv")
    env.clock.set(utc(2025, 6, 3, 5, 0))
    await env.digests.run_due()
    by_chat = {chat: digest for chat, digest, _ in env.messenger.sent}
    reader = by_chat["reader"]
    assert not reader.first
    assert {g.topic.title: g.lines() for g in reader.changes} == {
        "Venue": ("Changed: The talks take place at the Ciragan Palace in Istanbul. → "
                  "The talks take place at the Ciragan Palace on the Bosphorus. [000]",),
        "Russia's delegation": ("Changed: Prisoners swapped after the first round: 1,000 each side → "
                                "1,200 each side, reported by Progleton News. [001]",),
        "Prisoner exchange": ("New: The first round ended with an agreement to exchange 1,000 prisoners each. [001]",),
    }
    assert [t.id for t in reader.topics][:3] == ["venue", "russia-delegation", "prisoner-swap"]  # changed first
    assert by_chat["newcomer"].first  # joined after the reload: its first digest is the recap

    env.clock.set(utc(2025, 6, 4, 5, 0))
    await env.digests.run_due()
    latest = env.messenger.sent[-1][1]
    assert latest.nothing_new and latest.news_line == "No new developments since 3 June 2025."
    assert len(latest.recap_lines()) <= 3
    await env.repo.dispose()


async def test_a_subscriber_who_missed_the_reload_still_gets_the_change(tmp_path: Path) -> None:
    env = await make_env(tmp_path, messenger=RecordingMessenger(broken=set()))
    for chat in ("steady", "missed"):
        await env.digests.subscribe("telegram", chat, "1", "08:00", "Europe/Kyiv")
    env.clock.set(utc(2025, 6, 2, 5, 0))
    await env.digests.run_due()
    write_brief(env.brief, version=2, edited=True)
    assert env.digests.service.reload().ok
    env.messenger.broken = {"missed"}  # its digest of 3 June fails: it never sees the change that day
    env.clock.set(utc(2025, 6, 3, 5, 0))
    await env.digests.run_due()
    env.messenger.broken = set()
    env.clock.set(utc(2025, 6, 4, 5, 0))
    await env.digests.run_due()
    on_4th = {chat: digest for chat, digest, _ in env.messenger.sent if digest.date == dt.date(2025, 6, 4)}
    assert on_4th["steady"].nothing_new  # it got the change on the 3rd
    (venue,) = on_4th["missed"].changes  # what it last received is the 2 June brief: the change is still news
    assert venue.topic.title == "Venue" and venue.changes[0].kind == "changed"
    await env.repo.dispose()


async def test_changes_mode_skips_an_unchanged_day_and_sends_the_day_something_changed(env: Env) -> None:
    reply = await env.digests.subscribe("telegram", "quiet", "1", "08:00", "Europe/Kyiv", "changes")
    assert "only on days the brief changed" in reply
    for day in (2, 3):
        env.clock.set(utc(2025, 6, day, 5, 0))
        await env.digests.run_due()
    assert [d.first for _, d, _ in env.messenger.sent] == [True]  # the recap, then nothing on an unchanged day
    preview, note = await env.digests.preview("telegram", "quiet")
    assert preview.nothing_new and note is not None and "none is sent" in note
    write_brief(env.brief, version=2, extra=True)
    assert env.digests.service.reload().ok
    env.clock.set(utc(2025, 6, 4, 5, 0))
    await env.digests.run_due()
    assert [t.topic.title for t in env.messenger.sent[-1][1].changes] == ["Prisoner exchange"]
    statuses = [r["status"] for r in await env.repo.deliveries()]
    assert statuses == ["sent", "skipped", "sent"]
    assert "Updated your daily digest" in await env.digests.subscribe("telegram", "quiet", "1", "08:00",
                                                                      "Europe/Kyiv", "daily")
    with pytest.raises(InvalidSchedule):
        await env.digests.subscribe("telegram", "quiet", "1", "08:00", "Europe/Kyiv", "weekly")


async def test_preview_is_exactly_the_next_digest(env: Env) -> None:
    await env.digests.subscribe("telegram", "reader", "1", "08:00", "Europe/Kyiv")
    env.clock.set(utc(2025, 6, 2, 5, 0))
    await env.digests.run_due()
    write_brief(env.brief, version=2, edited=True)
    assert env.digests.service.reload().ok
    env.clock.set(utc(2025, 6, 2, 12, 0))
    preview, note = await env.digests.preview("telegram", "reader")
    env.clock.set(utc(2025, 6, 3, 5, 0))
    await env.digests.run_due()
    assert note is None and env.messenger.sent[-1][1] == preview
    unsubscribed, note = await env.digests.preview("telegram", "stranger")
    assert unsubscribed.first and note is not None and "no digest subscription" in note


async def test_a_supergroup_migration_moves_the_subscription(env: Env) -> None:
    await env.digests.subscribe("telegram", "-100", "1", "08:00", "Europe/Kyiv")
    env.clock.set(utc(2025, 6, 2, 5, 0))
    await env.digests.run_due()
    assert await env.digests.migrate("telegram", "-100", "-1001234") is True
    assert await env.digests.migrate("telegram", "-100", "-1001234") is False  # nothing left to move
    await env.digests.run_due()  # the same day again: already sent, under the subscription's new id too
    env.clock.set(utc(2025, 6, 3, 5, 0))
    await env.digests.run_due()
    assert [(chat, d.first) for chat, d, _ in env.messenger.sent] == [("-100", True), ("-1001234", False)]
    assert [s.chat_id for s in await env.repo.subscriptions(active_only=False)] == ["-1001234"]


async def test_a_502_is_retried_once_and_delivered_once(tmp_path: Path) -> None:
    env = await make_env(tmp_path, messenger=RecordingMessenger(transient={"flaky": 1}, gone={"blocked"}))
    for chat in ("flaky", "blocked", "fine"):
        await env.digests.subscribe("telegram", chat, "1", "08:00", "Europe/Kyiv")
    env.clock.set(utc(2025, 6, 2, 5, 0))
    report = await env.digests.run_due()
    assert report.counts[Outcome.SENT] == 2 and report.retries == 1
    assert env.messenger.chats() == {"flaky": 1, "fine": 1}
    assert [c for c, _ in env.messenger.attempts].count("flaky") == 2
    assert await env.digests.delivery_lines() == [
        "Digests today (UTC):", "  telegram: 2 sent, 0 failed, 1 retried, 1 deactivated"]
    await env.repo.dispose()


async def test_a_three_minute_outage_is_ridden_out_with_backoff(tmp_path: Path) -> None:
    env = await make_env(tmp_path, messenger=RecordingMessenger(transient={"down": 7}))
    await env.digests.subscribe("telegram", "down", "1", "08:00", "Europe/Kyiv")
    env.clock.set(utc(2025, 6, 2, 5, 0))
    report = await env.digests.run_due()
    assert report.counts[Outcome.SENT] == 1 and report.retries == 7
    waited = (env.clock.now() - utc(2025, 6, 2, 5, 0)).total_seconds()
    assert 2 + 4 + 8 + 16 + 32 + 60 + 60 <= waited < 185  # doubling, at most a minute apart
    assert env.messenger.chats() == {"down": 1}
    await env.repo.dispose()


async def test_transient_failures_stop_at_the_end_of_the_grace_window(tmp_path: Path) -> None:
    env = await make_env(tmp_path, grace_minutes=0, messenger=RecordingMessenger(transient={"down": 10}))
    await env.digests.subscribe("telegram", "down", "1", "08:00", "Europe/Kyiv")
    env.clock.set(utc(2025, 6, 2, 5, 0, 30))  # 30 s into a one-minute window: retries at +2, +4, +8, +16 s
    report = await env.digests.run_due()
    assert report.counts[Outcome.FAILED] == 1 and report.retries == 4
    assert env.clock.now() <= utc(2025, 6, 2, 5, 1)
    (row,) = await env.repo.deliveries()
    assert (row["status"], row["retries"]) == ("failed", 4)
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
