"""Digests end to end on Discord: discord.py's real client against the local REST/gateway fake, the real
subscriptions over SQLite and a controllable clock. /subscribe with the mode choice and zone autocomplete,
a change shown to a channel that missed it, a channel that joined after it, `changes` skipping an unchanged
day, 5xx answers retried, /digest as a preview and /stats per platform."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any, AsyncIterator

import pytest

from bot.adapters.discord import DiscordAdapter
from bot.bootstrap import build_service
from bot.core.schedule import UTC
from bot.digests import DigestSubscriptions
from tests.fake_discord import EPHEMERAL, FakeDiscord
from tests.fakes_messenger import FakeClock, clocked_digests
from tests.test_discord import ADMIN, FIXTURES, MANAGE_CHANNELS, fake, make_settings  # noqa: F401 (fixture)

DAILY = 7501  # every day; its digest fails the day the brief changes
CHANGES = 7502  # changes only
LATE = 7503  # subscribes after the change


def day(n: int) -> dt.datetime:
    return dt.datetime(2025, 6, n, 5, 0, tzinfo=UTC)  # 08:00 in Kyiv


class Env:
    def __init__(self, fake: FakeDiscord, brief: Path, digests: DigestSubscriptions, clock: FakeClock) -> None:
        self.fake, self.brief, self.digests, self.clock = fake, brief, digests, clock

    async def command(self, name: str, options: dict[str, Any] | None = None, count: int = 1,
                      **kwargs: Any) -> list[Any]:
        """Run a slash command that defers; its (first `count`) follow-up messages."""
        payload = self.fake.slash(name, options, **kwargs)
        await self.fake.interact(payload)
        return await self.fake.wait_followups(payload, count)

    async def run(self, moment: dt.datetime) -> dict[int, list[dict[str, Any]]]:
        """One digest pass at `moment`: channel -> the message bodies posted to it."""
        mark = len(self.fake.requests)
        self.clock.set(moment)
        await self.digests.run_due()
        posted: dict[int, list[dict[str, Any]]] = {}
        for record in self.fake.requests[mark:]:
            if record.method == "POST" and record.path.startswith("/channels/"):
                posted.setdefault(int(record.path.split("/")[2]), []).append(record.body)
        return posted

    def reload(self, old: str, new: str) -> None:
        self.brief.write_text(self.brief.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        assert self.digests.service.reload().ok


@pytest.fixture
async def env(fake: FakeDiscord, tmp_path: Path) -> AsyncIterator[Env]:
    brief = tmp_path / "brief.yaml"
    shutil.copy(FIXTURES / "brief.yaml", brief)
    settings = make_settings(fake, brief)
    service = build_service(settings)
    clock = FakeClock(day(1))
    digests = await clocked_digests(tmp_path / "digests.db", service, clock)
    adapter = DiscordAdapter(settings, service, digests)
    await adapter.start()
    digests.use_messengers([adapter])
    try:
        yield Env(fake, brief, digests, clock)
    finally:
        await adapter.stop()
        await digests.repository.dispose()


def description(body: dict[str, Any]) -> str:
    return "\n".join(str(e.get("title", "")) + "\n" + str(e.get("description", "")) for e in body["embeds"])


async def test_subscribe_autocompletes_zones_common_first(env: Env) -> None:
    fake = env.fake
    callback = await fake.interact(fake.slash("subscribe", {"timezone": "eur"}, focused="timezone"))
    assert callback.body["type"] == 8
    names = [c["value"] for c in callback.body["data"]["choices"]]
    assert names[:3] == ["Europe/Kyiv", "Europe/London", "Europe/Berlin"] and len(names) == 25
    callback = await fake.interact(fake.slash("subscribe", {"timezone": "new_y"}, focused="timezone"))
    assert [c["value"] for c in callback.body["data"]["choices"]] == ["America/New_York"]


async def test_digests_follow_each_channel_through_changes_and_failures(env: Env) -> None:
    fake = env.fake
    (reply,) = await env.command("subscribe", {"time": "08:00", "timezone": "Europe/Kyiv"}, channel_id=DAILY,
                                 permissions=MANAGE_CHANNELS)
    assert "every day" in reply.body["content"] and reply.body["flags"] & EPHEMERAL
    (reply,) = await env.command("subscribe", {"time": "08:00", "timezone": "Europe/Kyiv", "mode": "changes"},
                                 channel_id=CHANGES, permissions=MANAGE_CHANNELS)
    assert "only on days the brief changed" in reply.body["content"]

    first = await env.run(day(2))
    assert set(first) == {DAILY, CHANGES}
    (recap,) = first[DAILY]
    assert recap["embeds"][0]["title"] == "Istanbul talks (Discord fixture) · 2 June 2025"
    assert "Key figures" in description(recap) and buttons_of_body(recap)

    env.reload("value: 1,000", "value: 1,200")
    (late,) = await env.command("subscribe", {"time": "08:00", "timezone": "Europe/Kyiv"}, channel_id=LATE,
                                permissions=MANAGE_CHANNELS)
    fake.channel_errors_once[str(DAILY)] = [400]  # this channel misses the day of the change
    fake.channel_errors_once[str(CHANGES)] = [503]  # a server error: retried by the bot, delivered once
    changed = await env.run(day(3))
    assert len(changed[DAILY]) == 1  # the failed attempt only
    assert len(changed[CHANGES]) == 2
    assert "1,000 each side → 1,200 each side" in description(changed[CHANGES][1])
    (joined,) = changed[LATE]  # joined after the change: its first digest is the recap
    assert "Key figures" in description(joined) and "What changed" not in description(joined)

    fake.channel_errors_once[str(LATE)] = [502]  # discord.py retries a 502 itself: one message all the same
    quiet = await env.run(day(4))
    assert CHANGES not in quiet  # changes only: an unchanged day sends nothing
    (missed,) = quiet[DAILY]  # its last digest is the 2 June one, so the change is still news to it
    assert "1,000 each side → 1,200 each side" in description(missed)
    assert len(quiet[LATE]) == 2 and "No new developments since 3 June 2025." in description(quiet[LATE][1])

    preview = await env.command("digest", channel_id=CHANGES, count=2)
    assert "none is sent until the brief changes" in preview[0].body["content"]
    assert "No new developments since 3 June 2025." in description(preview[1].body)
    stats = await env.command("stats", user_id=ADMIN)
    assert "discord: 2 sent, 0 failed, 0 retried, 0 deactivated, 1 skipped (nothing new)" in stats[0].body["content"]
    env.clock.set(day(3))
    stats = await env.command("stats", user_id=ADMIN)
    assert "discord: 2 sent, 1 failed, 1 retried, 0 deactivated" in stats[0].body["content"]


def buttons_of_body(body: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for row in body.get("components") or [] for c in row.get("components", [])]
