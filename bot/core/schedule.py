"""Digest times and time zones: parsing what users type, and when a daily local time next happens.

Pure functions over `datetime`/`zoneinfo`; no I/O. All instants returned are aware UTC datetimes.
A local time that does not exist on a spring-forward day (e.g. 03:30 in Kyiv on the last Sunday of March)
is resolved the way APScheduler's CronTrigger resolves it (fold=0, i.e. shifted forward by the gap); a
local time that happens twice on a fall-back day fires on its first occurrence only.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.core.ports import InvalidSchedule

UTC = dt.timezone.utc

TIME_FORMS = "24-hour 08:00, 8:00 or 20:15, or 12-hour 8am or 8:30pm"
ZONE_FORMS = ("an IANA name such as Europe/Kyiv or America/New_York, UTC, or a fixed offset such as "
              "UTC+3, UTC-05:30 or GMT+2 (a fixed offset does not follow daylight saving time)")

_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?(?:\s*([ap])\.?\s*m\.?)?$", re.IGNORECASE)
_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)
_MAX_OFFSET = dt.timedelta(hours=14)


class Clock(Protocol):
    """The wall clock, injectable so tests and benchmarks can drive time."""

    def now(self) -> dt.datetime:
        """An aware datetime (any zone; callers convert)."""
        ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(UTC)


@dataclass(frozen=True)
class Zone:
    """A time zone as stored: its canonical `name` and the tzinfo it stands for."""

    name: str
    tzinfo: dt.tzinfo

    @property
    def fixed(self) -> bool:
        return not isinstance(self.tzinfo, ZoneInfo)


def parse_time(text: str) -> dt.time:
    """`08:00`, `8:00`, `20:15`, `8am`, `8:30pm`, `8.30 p.m.` -> a local time of day."""
    match = _TIME.match(text.strip())
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        half = (match.group(3) or "").lower()
        if match.group(2) is None and not half:
            match = None  # a bare "8" could mean 8am or 8pm: ask for the explicit form
        elif half:
            if 1 <= hour <= 12 and minute < 60:
                return dt.time(hour % 12 + (12 if half == "p" else 0), minute)
        elif hour < 24 and minute < 60:
            return dt.time(hour, minute)
    raise InvalidSchedule(f'I can\'t read "{_shown(text)}" as a time of day. Use {TIME_FORMS}.')


# Files the system's zoneinfo directory holds beside the IANA zones: the machine's own zone and placeholders.
_NOT_ZONES = {"localtime", "posixrules", "Factory"}


@lru_cache(maxsize=1)
def _zone_names() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones() if name not in _NOT_ZONES}


def parse_zone(text: str) -> Zone:
    """An IANA name (any letter case; old names like Europe/Kiev too), `UTC`, or a fixed offset."""
    raw = text.strip()
    offset = _OFFSET.match(raw)
    if offset:
        sign, hours, minutes = offset.group(1), int(offset.group(2)), int(offset.group(3) or 0)
        delta = dt.timedelta(hours=hours, minutes=minutes)
        if minutes < 60 and delta <= _MAX_OFFSET:
            return zone_named(_offset_name(-delta if sign == "-" else delta))
    elif raw.upper() in {"UTC", "GMT", "Z", "ZULU"}:
        return zone_named("UTC")
    else:
        name = _zone_names().get(raw.lower())
        if name is not None:
            return zone_named(name)
    raise InvalidSchedule(f'"{_shown(raw)}" is not a time zone I know. Use {ZONE_FORMS}.')


def _shown(text: str, limit: int = 40) -> str:
    """What the user typed, quoted back in a refusal: enough to recognise, never a 10 KB paste."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Offered first when a user starts typing a zone (Discord's autocomplete): where readers of this brief likely are.
COMMON_ZONES = ("UTC", "Europe/Kyiv", "Europe/London", "Europe/Berlin", "Europe/Paris", "Europe/Istanbul",
                "Europe/Moscow", "Europe/Warsaw", "America/New_York", "America/Chicago", "America/Los_Angeles",
                "Asia/Dubai", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney")


@lru_cache(maxsize=1)
def _sorted_zones() -> tuple[str, ...]:
    # Old aliases (Europe/Kiev) and the posix/, right/ copies only crowd the list; parse_zone still takes them.
    names = {n for n in available_timezones() if "/" in n and not n.startswith(("posix/", "right/", "Etc/"))}
    return tuple(sorted(names - {"Europe/Kiev"}))


def zone_suggestions(typed: str, limit: int = 25) -> list[str]:
    """IANA zones matching what the user has typed so far (any part of the name, any case), common zones first,
    then names starting with it, then the rest alphabetically."""
    needle = typed.strip().replace(" ", "_").casefold()
    common = [z for z in COMMON_ZONES if needle in z.casefold()]
    rest = [z for z in _sorted_zones() if needle in z.casefold() and z not in common]
    rest.sort(key=lambda z: not (z.casefold().startswith(needle) or z.split("/")[-1].casefold().startswith(needle)))
    return (common + rest)[:limit]


def _offset_name(delta: dt.timedelta) -> str:
    if not delta:
        return "UTC"
    sign = "-" if delta < dt.timedelta(0) else "+"
    minutes = abs(int(delta.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


@lru_cache(maxsize=1024)
def zone_named(name: str) -> Zone:
    """The Zone for a canonical name as produced by `parse_zone` (and stored in the database)."""
    if name == "UTC":
        return Zone("UTC", UTC)
    offset = re.fullmatch(r"UTC([+-])(\d{2}):(\d{2})", name)
    if offset:
        delta = dt.timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3)))
        return Zone(name, dt.timezone(-delta if offset.group(1) == "-" else delta, name))
    try:
        return Zone(name, ZoneInfo(name))
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise InvalidSchedule(f'"{name}" is not a time zone I know. Use {ZONE_FORMS}.') from None


def format_time(at: dt.time) -> str:
    return f"{at.hour:02d}:{at.minute:02d}"


def fire_instant(day: dt.date, at: dt.time, zone: Zone) -> dt.datetime:
    """The UTC instant at which `day`'s digest is due at local time `at`."""
    local = dt.datetime.combine(day, at, tzinfo=zone.tzinfo)  # fold=0: first occurrence; gaps shift forward
    return local.astimezone(UTC)


def local_times_between(day: dt.date, zone: Zone, start: dt.datetime, end: dt.datetime) -> tuple[str, str] | None:
    """The local times ("HH:MM", inclusive) whose `day` fire instant may lie in [start, end]: exact on an
    ordinary day, up to the shift wider on a day the zone changes its UTC offset. Callers confirm each time
    with `last_fire`; this only narrows the search to a range an index can serve."""
    midnight = dt.datetime.combine(day, dt.time(0))  # naive: local wall clock, and below UTC
    offsets = {zone.tzinfo.utcoffset(midnight), zone.tzinfo.utcoffset(midnight + dt.timedelta(hours=23, minutes=59))}
    first, last = start.astimezone(UTC).replace(tzinfo=None), end.astimezone(UTC).replace(tzinfo=None)
    minute = dt.timedelta(minutes=1)
    # A time T fires at midnight + T - offset (UTC); solve start <= that <= end for T, for each offset of the day.
    low = max(0, min(-((midnight - first - offset) // minute) for offset in offsets if offset is not None))
    high = min(24 * 60 - 1, max((last + offset - midnight) // minute for offset in offsets if offset is not None))
    if low > high:
        return None
    return f"{low // 60:02d}:{low % 60:02d}", f"{high // 60:02d}:{high % 60:02d}"


def last_fire(at: dt.time, zone: Zone, now: dt.datetime) -> tuple[dt.date, dt.datetime]:
    """The most recent (local date, instant) at or before `now`."""
    today = now.astimezone(zone.tzinfo).date()
    candidates = ((day, fire_instant(day, at, zone)) for day in (today + dt.timedelta(days=k) for k in (1, 0, -1, -2)))
    return max((c for c in candidates if c[1] <= now), key=lambda c: c[1])


def next_fire(at: dt.time, zone: Zone, after: dt.datetime) -> tuple[dt.date, dt.datetime]:
    """The first (local date, instant) strictly after `after`."""
    today = after.astimezone(zone.tzinfo).date()
    candidates = ((day, fire_instant(day, at, zone)) for day in (today + dt.timedelta(days=k) for k in (-1, 0, 1, 2)))
    return min((c for c in candidates if c[1] > after), key=lambda c: c[1])


def describe_local(instant: dt.datetime, zone: Zone) -> str:
    """E.g. "Sun 30 Mar 2025, 08:00 (Europe/Kyiv)"."""
    local = instant.astimezone(zone.tzinfo)
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M} ({zone.name})"
