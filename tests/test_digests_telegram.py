"""Digests end to end on Telegram: python-telegram-bot's real Application against the local Bot API fake, the
real subscriptions over SQLite, and a controllable clock for the days. A private chat subscribed every day, a
group subscribed to changes only, a reader whose digest failed on the day of a change, a 502, a group upgraded
to a supergroup (told by Telegram, and found while sending)."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
from pathlib import Path
from typing import AsyncIterator

import pytest

from bot.adapters.telegram import TelegramAdapter
from bot.bootstrap import build_service, chat_adapters
from bot.core.schedule import UTC
from bot.digests import DigestSubscriptions
from tests.fake_telegram import BAD_GATEWAY, ApiError, FakeTelegram, parse_html, upgraded_to
from tests.fakes_messenger import FakeClock, clocked_digests
from tests.test_telegram import ADMIN, BRIEF, make_settings

READER = 1001  # every day
MISSES = 1002  # every day; its digest fails the day the brief changes
LATE = 1003  # subscribes after the change
GROUP = -555  # changes only; becomes a supergroup
SUPERGROUP = -1001555
OLD_GROUP = -556  # upgraded without the bot seeing the service message: found while sending
OLD_SUPERGROUP = -1001556


def day(n: int) -> dt.datetime:
    return dt.datetime(2025, 6, n, 5, 0, tzinfo=UTC)  # 08:00 in Kyiv


class Env:
    def __init__(self, fake: FakeTelegram, brief: Path, digests: DigestSubscriptions, clock: FakeClock) -> None:
        self.fake, self.brief, self.digests, self.clock = fake, brief, digests, clock

    async def ask(self, text: str, chat_id: int, **kwargs: object) -> str:
        return parse_html((await self.fake.ask(text, chat_id, **kwargs)).text)

    async def run(self, moment: dt.datetime) -> list[tuple[int, str]]:
        """One digest pass at `moment`; the digests it delivered, as (chat, visible text)."""
        mark = len(self.fake.calls)
        self.clock.set(moment)
        await self.digests.run_due()
        return [(c.chat_id, parse_html(c.text)) for c in self.fake.calls[mark:]  # type: ignore[misc]
                if c.method == "sendMessage" and c.ok]

    def reload(self, old: str, new: str) -> None:
        self.brief.write_text(self.brief.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        assert self.digests.service.reload().ok


@pytest.fixture
async def env(fake: FakeTelegram, tmp_path: Path) -> AsyncIterator[Env]:
    brief = tmp_path / "brief.yaml"
    shutil.copy(BRIEF, brief)
    settings = make_settings(fake, brief)
    service = build_service(settings)
    clock = FakeClock(day(1))
    digests = await clocked_digests(tmp_path / "digests.db", service, clock)
    (adapter,) = chat_adapters(settings, service, digests)
    assert isinstance(adapter, TelegramAdapter)
    await adapter.start()
    digests.use_messengers([adapter])
    try:
        yield Env(fake, brief, digests, clock)
    finally:
        await adapter.stop()
        await digests.repository.dispose()


def sent_to(calls: list[tuple[int, str]], chat: int) -> list[str]:
    return [text for chat_id, text in calls if chat_id == chat]


async def test_digests_follow_each_subscriber_through_changes_failures_and_migrations(env: Env) -> None:
    fake = env.fake
    for chat in (READER, MISSES):
        assert "every day" in await env.ask("/subscribe 08:00 Europe/Kyiv", chat)
    for group in (GROUP, OLD_GROUP):
        fake.chat(group, "group")
        reply = await env.ask("/subscribe 08:00 Europe/Kyiv changes", group, user_id=READER, chat_type="group")
        assert "only on days the brief changed" in reply

    first = await env.run(day(2))
    assert sorted(chat for chat, _ in first) == sorted([READER, MISSES, GROUP, OLD_GROUP])
    recap = sent_to(first, READER)[0]
    assert recap.startswith("Istanbul talks & the Telegram tests · 2 June 2025")
    assert "Key outcomes" in recap and "Prisoners swapped after the first round: 1,000 each side" in recap
    assert fake.sent(READER)[-1].buttons()  # the other topics, under the message

    env.reload("value: 1,000", "value: 1,200")
    assert "every day" in await env.ask("/subscribe 08:00 Europe/Kyiv", LATE)
    fake.fail_next("sendMessage", BAD_GATEWAY, chat_id=READER)  # retried once, delivered once
    fake.fail_next("sendMessage", ApiError(400, "Bad Request: message is too long"), chat_id=MISSES)
    changed = await env.run(day(3))
    (news,) = sent_to(changed, READER)
    assert "What changed since your last digest" in news
    assert "1,000 each side → 1,200 each side" in news
    assert [c.chat_id for c in fake.calls_of("sendMessage", READER)].count(READER) == 4  # /subscribe, 2 June, 502, 3 June
    assert len(sent_to(changed, GROUP)) == 1 and not sent_to(changed, MISSES)
    (joined,) = sent_to(changed, LATE)  # joined after the change: its first digest is the recap, at 1,200
    assert "Key outcomes" in joined and "What changed" not in joined and "1,200 each side" in joined

    quiet = await env.run(day(4))
    (nothing,) = sent_to(quiet, READER)
    assert "No new developments since 3 June 2025." in nothing and "The story so far" in nothing
    assert not sent_to(quiet, GROUP)  # changes only: an unchanged day sends nothing
    (missed,) = sent_to(quiet, MISSES)  # its last digest is the 2 June one: the change is still news to it
    assert "1,000 each side → 1,200 each side" in missed

    fake.migrate(GROUP, SUPERGROUP)  # Telegram's service message in the old group
    for _ in range(100):
        if await env.digests.repository.subscription("telegram", str(SUPERGROUP)):
            break
        await asyncio.sleep(0.05)
    env.reload("- text: The talks began nearly two hours", "- text: The talks started nearly two hours")
    fake.chat(OLD_SUPERGROUP, "supergroup")
    fake.fail_next("sendMessage", upgraded_to(OLD_SUPERGROUP), chat_id=OLD_GROUP)
    moved = await env.run(day(5))
    assert len(sent_to(moved, SUPERGROUP)) == 1 and not sent_to(moved, GROUP)
    assert "The talks started nearly two hours" in sent_to(moved, SUPERGROUP)[0]
    assert len(sent_to(moved, OLD_SUPERGROUP)) == 1  # delivered at the new id, and the subscription follows
    assert await env.digests.repository.subscription("telegram", str(OLD_SUPERGROUP)) is not None
    assert await env.digests.repository.subscription("telegram", str(OLD_GROUP)) is None

    preview = await env.ask("/digest", READER)  # a true preview: what 6 June will bring this chat
    assert preview.startswith("Istanbul talks") and "No new developments since 5 June 2025." in preview
    nothing_yet = await env.ask("/digest", 4242)
    assert "no digest subscription" in nothing_yet and "Key outcomes" in nothing_yet
    stats = await env.ask("/stats", ADMIN)
    assert "Digests today (UTC):" in stats and "telegram: 5 sent, 0 failed, 0 retried, 0 deactivated" in stats
    env.clock.set(day(3))
    assert "telegram: 4 sent, 1 failed, 1 retried, 0 deactivated" in await env.ask("/stats", ADMIN)
