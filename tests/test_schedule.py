"""Parsing digest times and zones, and when a daily local time happens across daylight-saving changes."""

from __future__ import annotations

import datetime as dt

import pytest
from apscheduler.triggers.cron import CronTrigger

from bot.core.ports import InvalidSchedule
from bot.core.schedule import (
    TIME_FORMS,
    UTC,
    describe_local,
    fire_instant,
    last_fire,
    local_times_between,
    next_fire,
    parse_time,
    parse_zone,
    zone_named,
)


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize("text, expected", [
    ("08:00", dt.time(8, 0)), ("8:00", dt.time(8, 0)), ("8am", dt.time(8, 0)), ("8 AM", dt.time(8, 0)),
    ("8:30pm", dt.time(20, 30)), ("20:15", dt.time(20, 15)), ("12am", dt.time(0, 0)), ("12pm", dt.time(12, 0)),
    ("00:00", dt.time(0, 0)), ("8.30 p.m.", dt.time(20, 30)), (" 23:59 ", dt.time(23, 59)),
])
def test_accepted_times(text: str, expected: dt.time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "8", "13pm", "0am", "08:60", "eight", "", "8:5", "24:00", "8xm"])
def test_bad_times_list_the_accepted_forms(text: str) -> None:
    with pytest.raises(InvalidSchedule) as caught:
        parse_time(text)
    assert TIME_FORMS in str(caught.value)
    assert "8am" in str(caught.value) and "08:00" in str(caught.value)


@pytest.mark.parametrize("text, name", [
    ("Europe/Kyiv", "Europe/Kyiv"), ("europe/kyiv", "Europe/Kyiv"), ("Europe/Kiev", "Europe/Kiev"),
    ("UTC", "UTC"), ("utc", "UTC"), ("UTC+3", "UTC+03:00"), ("UTC-05:30", "UTC-05:30"), ("GMT+2", "UTC+02:00"),
    ("+0530", "UTC+05:30"), ("UTC+0", "UTC"), ("America/New_York", "America/New_York"),
])
def test_accepted_zones(text: str, name: str) -> None:
    assert parse_zone(text).name == name
    assert zone_named(name).name == name  # what is stored reads back


def test_fixed_offsets_do_not_follow_dst() -> None:
    zone = parse_zone("UTC+3")
    assert zone.fixed and not parse_zone("Europe/Kyiv").fixed
    assert fire_instant(dt.date(2025, 1, 10), dt.time(8), zone) == utc(2025, 1, 10, 5)
    assert fire_instant(dt.date(2025, 7, 10), dt.time(8), zone) == utc(2025, 7, 10, 5)


@pytest.mark.parametrize("text", ["Mars/Olympus", "Kyiv", "UTC+15", "UTC+3:75", "../../etc/passwd", "", "/etc/passwd"])
def test_bad_zones_list_the_accepted_forms(text: str) -> None:
    with pytest.raises(InvalidSchedule) as caught:
        parse_zone(text)
    message = str(caught.value)
    assert "Europe/Kyiv" in message and "UTC+3" in message and "daylight saving" in message


def test_kyiv_spring_forward_last_sunday_of_march() -> None:
    kyiv, eight = parse_zone("Europe/Kyiv"), dt.time(8)
    # Saturday 29 March 2025 is still EET (UTC+2); Sunday 30 March is EEST (UTC+3).
    assert next_fire(eight, kyiv, utc(2025, 3, 29, 0)) == (dt.date(2025, 3, 29), utc(2025, 3, 29, 6))
    assert next_fire(eight, kyiv, utc(2025, 3, 29, 6)) == (dt.date(2025, 3, 30), utc(2025, 3, 30, 5))
    assert next_fire(eight, kyiv, utc(2025, 3, 30, 5)) == (dt.date(2025, 3, 31), utc(2025, 3, 31, 5))
    assert last_fire(eight, kyiv, utc(2025, 3, 30, 4, 59)) == (dt.date(2025, 3, 29), utc(2025, 3, 29, 6))
    assert last_fire(eight, kyiv, utc(2025, 3, 30, 5)) == (dt.date(2025, 3, 30), utc(2025, 3, 30, 5))


def test_kyiv_fall_back_last_sunday_of_october() -> None:
    kyiv, eight = parse_zone("Europe/Kyiv"), dt.time(8)
    assert next_fire(eight, kyiv, utc(2025, 10, 25, 0)) == (dt.date(2025, 10, 25), utc(2025, 10, 25, 5))
    assert next_fire(eight, kyiv, utc(2025, 10, 25, 5)) == (dt.date(2025, 10, 26), utc(2025, 10, 26, 6))
    assert describe_local(utc(2025, 10, 26, 6), kyiv) == "Sun 26 Oct 2025, 08:00 (Europe/Kyiv)"


def test_times_inside_the_dst_gap_and_overlap() -> None:
    kyiv = parse_zone("Europe/Kyiv")
    # 03:30 does not exist on 30 March 2025 (03:00 -> 04:00): it is shifted forward by the gap, to 04:30 EEST.
    assert fire_instant(dt.date(2025, 3, 30), dt.time(3, 30), kyiv) == utc(2025, 3, 30, 1, 30)
    # 03:30 happens twice on 26 October 2025: only the first (EEST, 00:30 UTC) counts.
    assert fire_instant(dt.date(2025, 10, 26), dt.time(3, 30), kyiv) == utc(2025, 10, 26, 0, 30)
    assert next_fire(dt.time(3, 30), kyiv, utc(2025, 10, 26, 0, 30))[0] == dt.date(2025, 10, 27)


@pytest.mark.parametrize("zone_text, at", [
    ("Europe/Kyiv", dt.time(8)), ("Europe/Kyiv", dt.time(3, 30)), ("America/New_York", dt.time(2, 30)),
    ("Australia/Lord_Howe", dt.time(2, 15)), ("UTC-05:30", dt.time(23, 45)),
])
def test_agrees_with_apscheduler_cron_trigger(zone_text: str, at: dt.time) -> None:
    """The due logic and the APScheduler job must agree on every day, DST days included."""
    zone = parse_zone(zone_text)
    trigger = CronTrigger(hour=at.hour, minute=at.minute, timezone=zone.tzinfo)
    now = utc(2025, 3, 1)
    previous = None
    for _ in range(300):
        cron = trigger.get_next_fire_time(previous, now)
        ours = next_fire(at, zone, now)[1]
        if cron is not None and cron.astimezone(UTC) != ours and previous is not None and cron.astimezone(UTC) < ours:
            # APScheduler may fire a second time inside a fall-back overlap; the local-date claim dedupes it.
            assert last_fire(at, zone, cron.astimezone(UTC))[0] == last_fire(at, zone, previous.astimezone(UTC))[0]
            previous = cron
            continue
        assert cron is not None and cron.astimezone(UTC) == ours, (zone_text, at, now)
        previous, now = cron, ours


def test_a_refusal_quotes_at_most_a_few_words_of_a_10_kb_paste() -> None:
    for parse in (parse_time, parse_zone):
        with pytest.raises(InvalidSchedule) as caught:
            parse("x" * 10_000)
        assert len(str(caught.value)) < 400 and "x" * 39 + "…" in str(caught.value)


@pytest.mark.parametrize("name", ["localtime", "Factory", "posixrules"])
def test_the_machines_own_zone_file_is_not_a_zone(name: str) -> None:
    with pytest.raises(InvalidSchedule):
        parse_zone(name)


@pytest.mark.parametrize("moment", [
    dt.datetime(2025, 3, 30, 1, 0, tzinfo=UTC),  # Kyiv and Troll spring forward
    dt.datetime(2025, 10, 26, 1, 0, tzinfo=UTC),  # ... and fall back
    dt.datetime(2025, 3, 9, 7, 0, tzinfo=UTC),  # New York springs forward
    dt.datetime(2025, 4, 6, 0, 0, tzinfo=UTC),  # Lord Howe: a half-hour shift
    dt.datetime(2025, 6, 2, 5, 0, tzinfo=UTC),
])
def test_local_times_between_covers_every_time_due_in_the_window(moment: dt.datetime) -> None:
    """The due query asks the database only for local times in this range: it must never leave one out."""
    for name in ("Europe/Kyiv", "Antarctica/Troll", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham",
                 "UTC+05:45", "UTC"):
        zone = parse_zone(name)
        for shift in range(-12 * 60, 12 * 60, 193):
            now = moment + dt.timedelta(minutes=shift, seconds=17)
            for grace in (dt.timedelta(minutes=1), dt.timedelta(hours=2), dt.timedelta(hours=25)):
                start = now - grace
                days = {start.astimezone(zone.tzinfo).date() + dt.timedelta(days=k) for k in range(3)}
                spans = {day: local_times_between(day, zone, start, now) for day in days}
                for minute in range(0, 24 * 60, 7):
                    at = dt.time(minute // 60, minute % 60)
                    day, instant = last_fire(at, zone, now)
                    if now - instant <= grace:
                        span = spans.get(day)
                        assert span is not None and span[0] <= f"{at:%H:%M}" <= span[1], (name, now, grace, at)
