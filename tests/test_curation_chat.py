"""👍/👎 and /curate end to end: the real python-telegram-bot and discord.py clients against the local fakes,
with the curation log on a real SQLite database (as `python -m bot run` wires it)."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path
from typing import AsyncIterator

import pytest
from sqlalchemy import select

from bot.adapters.discord import DiscordAdapter
from bot.adapters.telegram import TelegramAdapter
from bot.adapters.telegram.handlers import FLOOD_NOTICE
from bot.bootstrap import build_service
from bot.config import FloodSettings, Settings
from bot.curating import Curation, attach_curation
from bot.storage.curation import QUESTIONS, VERDICTS
from bot.storage.database import open_database
from tests import test_discord, test_telegram
from tests.conftest import ROOT
from tests.fake_discord import EPHEMERAL, FakeDiscord
from tests.fake_telegram import FakeTelegram

USER, OTHER, ADMIN, GROUP = 1001, 1002, 4242, -100555


async def curation_for(settings: Settings, service) -> Curation:  # type: ignore[no-untyped-def]
    engine = await open_database(settings.database_url, ROOT)
    return await attach_curation(engine, service, settings.curation)


async def stored(curation: Curation) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    await curation.writer.idle()
    async with curation.repository.engine.connect() as conn:
        questions = [dict(m) for m in (await conn.execute(select(QUESTIONS).order_by(QUESTIONS.c.id))).mappings()]
        verdicts = [dict(m) for m in (await conn.execute(select(VERDICTS).order_by(VERDICTS.c.id))).mappings()]
    return questions, verdicts


# ---------------------------------------------------------------- Telegram


@pytest.fixture
async def telegram(fake: FakeTelegram, tmp_path: Path) -> AsyncIterator[tuple[TelegramAdapter, Curation]]:
    brief = tmp_path / "brief.yaml"
    shutil.copy(test_telegram.BRIEF, brief)
    settings = test_telegram.make_settings(fake, brief, flood=FloodSettings(messages=4, per_seconds=60),
                                           database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}")
    service = build_service(settings)
    curation = await curation_for(settings, service)
    adapter = TelegramAdapter(settings, service)
    await adapter.start()
    yield adapter, curation
    await adapter.stop()
    await curation.stop()
    await curation.repository.engine.dispose()


async def test_telegram_answers_carry_verdict_buttons_and_a_second_tap_changes_the_verdict(
        fake: FakeTelegram, telegram: tuple[TelegramAdapter, Curation]) -> None:
    _, curation = telegram
    reply = await fake.ask(f"@{fake.username} who won the football?", GROUP, user_id=USER, chat_type="supergroup")
    *topics, up, down = reply.buttons()
    assert topics and all(b["callback_data"].startswith("t:") for b in topics)  # the topic buttons stay, first
    assert (up["text"], down["text"]) == ("👍", "👎")
    assert reply.params["reply_markup"]["inline_keyboard"][-1] == [up, down]  # side by side, in the last row
    answer_id = up["callback_data"].removeprefix("v:+:")
    assert down["callback_data"] == f"v:-:{answer_id}" and len(up["callback_data"].encode()) <= 64

    mark = len(fake.calls)
    fake.callback(up["callback_data"], GROUP, user_id=USER)
    toast = await fake.next_call("answerCallbackQuery", after=mark)
    assert toast.params["text"] == "Thanks" and not toast.params.get("show_alert")
    await curation.writer.idle()
    fake.callback(down["callback_data"], GROUP, user_id=USER)  # changes their mind
    fake.callback(up["callback_data"], GROUP, user_id=OTHER)
    await fake.next_call("answerCallbackQuery", after=mark, where=lambda c: len(fake.calls_of(
        "answerCallbackQuery")) >= 3)
    await asyncio.sleep(0.1)
    questions, verdicts = await stored(curation)
    assert [(q["question"], q["outcome"], q["platform"], q["chat_kind"]) for q in questions] == [
        ("who won the football?", "rejected", "telegram", "group")]
    assert sorted(v["value"] for v in verdicts) == [-1, 1] and all(v["answer_id"] == answer_id for v in verdicts)
    assert not fake.sent(GROUP)[1:]  # a tap sends no message: only the toast


async def test_telegram_verdict_taps_are_flood_protected(fake: FakeTelegram,
                                                         telegram: tuple[TelegramAdapter, Curation]) -> None:
    _, curation = telegram
    reply = await fake.ask("how long did the talks last?", USER)
    up = reply.buttons()[-2]["callback_data"]
    mark = len(fake.calls)
    for _ in range(4):  # the question was the first of the 4 allowed; 3 taps fit, the 4th is over
        fake.callback(up, USER)
    await fake.next_call("answerCallbackQuery", after=mark,
                         where=lambda c: bool(c.params.get("show_alert")))
    toasts = [c.params.get("text") for c in fake.calls_of("answerCallbackQuery")]
    assert toasts == ["Thanks", "Thanks", "Thanks", FLOOD_NOTICE]
    _, verdicts = await stored(curation)
    assert [v["value"] for v in verdicts] == [1]  # one reader, one verdict


async def test_telegram_topic_views_can_be_rated_too(fake: FakeTelegram,
                                                     telegram: tuple[TelegramAdapter, Curation]) -> None:
    mark = len(fake.calls)
    fake.callback("t:venue", USER)
    whole = await fake.next_call("sendMessage", USER, after=mark)
    assert [b["text"] for b in whole.buttons()][-2:] == ["👍", "👎"]


async def test_telegram_inline_questions_are_answered_rated_and_logged(
        fake: FakeTelegram, telegram: tuple[TelegramAdapter, Curation]) -> None:
    _, curation = telegram
    mark = len(fake.calls)
    fake.inline_query("where are the talks held?", USER)
    call = await fake.next_call("answerInlineQuery", after=mark)
    first, *topics = call.params["results"]
    assert first["id"].startswith("a:") and len(topics) <= 4
    assert "Ciragan Palace" in first["input_message_content"]["message_text"]
    (up, down), = first["reply_markup"]["inline_keyboard"]  # only 👍/👎: topic buttons need a chat
    fake.callback(down["callback_data"], USER, inline=True)
    toast = await fake.next_call("answerCallbackQuery", after=mark)
    assert toast.params["text"] == "Thanks"
    fake.inline_query("who won the football", USER)  # still being typed: not a question yet
    fake.inline_query("who won the football?", USER)
    await fake.next_call("answerInlineQuery", after=mark, where=lambda c: len(fake.calls_of("answerInlineQuery")) >= 3)
    questions, verdicts = await stored(curation)
    assert sorted((q["question"], q["outcome"], q["chat_kind"]) for q in questions) == [
        ("where are the talks held?", "answered", "inline"), ("who won the football?", "rejected", "inline")]
    assert [v["value"] for v in verdicts] == [-1]


async def test_telegram_curate_is_for_admins_and_lists_the_log(fake: FakeTelegram,
                                                               telegram: tuple[TelegramAdapter, Curation]) -> None:
    for question in ["who won the football?", "who won the football match", "what's the weather in istanbul"]:
        await fake.ask(question, USER)
    refused = await fake.ask("/curate", USER)
    assert "only the bot's admins" in test_telegram.visible(refused)
    mark = len(fake.calls)
    fake.message("/curate", ADMIN)
    report = await fake.next_call("sendMessage", ADMIN, after=mark)
    text = test_telegram.visible(report)
    assert text.startswith("3 logged question(s), 2 group(s)")
    assert "1. ×2 (2 rejected)" in text and "“who won the football?”" in text
    assert "a new section under `sections:`" in text


# ---------------------------------------------------------------- Discord


@pytest.fixture
async def discord_fake() -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord()
    await server.start()
    yield server
    await server.close()


@pytest.fixture
async def discord_bot(discord_fake: FakeDiscord, tmp_path: Path) -> AsyncIterator[tuple[DiscordAdapter, Curation]]:
    brief = tmp_path / "brief.yaml"
    shutil.copy(test_discord.FIXTURES / "brief.yaml", brief)
    settings = test_discord.make_settings(discord_fake, brief,
                                          BRIEFBOT_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}")
    settings = settings.model_copy(update={"flood": FloodSettings(messages=5, per_seconds=60)})
    service = build_service(settings)
    curation = await curation_for(settings, service)
    adapter = DiscordAdapter(settings, service)
    await adapter.start()
    yield adapter, curation
    await adapter.stop()
    await curation.stop()
    await curation.repository.engine.dispose()


async def test_discord_answers_carry_verdict_buttons_acknowledged_privately(
        discord_fake: FakeDiscord, discord_bot: tuple[DiscordAdapter, Curation]) -> None:
    fake, (_, curation) = discord_fake, discord_bot
    asked = await fake.interact(fake.slash("ask", {"question": "who leads the russian delegation"}, user_id=5001))
    rows = test_discord.data_of(asked)["components"]
    assert [b["custom_id"] for b in rows[0]["components"]][0] == "t:russia-delegation"  # topic buttons first
    up, down = rows[-1]["components"]
    assert (up["label"], down["label"]) == ("👍", "👎") and len(rows) <= 5
    answer_id = up["custom_id"].removeprefix("v:+:")
    assert down["custom_id"] == f"v:-:{answer_id}"

    thanks = await fake.interact(fake.button(up["custom_id"], user_id=5001))
    assert thanks.body["type"] == 4 and thanks.body["data"]["content"] == "Thanks"
    assert thanks.body["data"]["flags"] & EPHEMERAL  # only the reader sees it
    await curation.writer.idle()
    await fake.interact(fake.button(down["custom_id"], user_id=5001))  # a second tap changes it
    await fake.interact(fake.button(down["custom_id"], user_id=5002))
    questions, verdicts = await stored(curation)
    assert [(q["answer_id"], q["outcome"], q["platform"], q["chat_kind"]) for q in questions] == [
        (answer_id, "answered", "discord", "group")]
    assert [v["value"] for v in verdicts] == [-1, -1]


async def test_discord_verdict_taps_are_flood_protected(discord_fake: FakeDiscord,
                                                        discord_bot: tuple[DiscordAdapter, Curation]) -> None:
    fake = discord_fake
    asked = await fake.interact(fake.slash("ask", {"question": "who won the football"}, user_id=5003, guild_id=None))
    up = test_discord.buttons_of(asked)[-2]["custom_id"]
    replies = [(await fake.interact(fake.button(up, user_id=5003, guild_id=None))).body["data"]["content"]
               for _ in range(5)]
    assert replies == ["Thanks"] * 4 + [test_discord.SLOW_DOWN]
    questions, verdicts = await stored(discord_bot[1])
    assert [(q["outcome"], q["chat_kind"]) for q in questions] == [("rejected", "private")]
    assert [v["value"] for v in verdicts] == [1]


async def test_discord_curate_is_for_admins_and_split_within_the_message_limit(
        discord_fake: FakeDiscord, discord_bot: tuple[DiscordAdapter, Curation]) -> None:
    fake = discord_fake
    unanswerable = ["who won the football final", "how tall is mount everest", "best pizza recipe",
                    "what is the capital of peru", "price of bitcoin", "lyrics of yesterday by the beatles",
                    "how do volcanoes erupt", "weather forecast for oslo", "who invented the telephone",
                    "translate hello into japanese", "how many moons has jupiter", "cheapest flights to lisbon"]
    for index, question in enumerate(unanswerable):  # ten groups shown, each with its snippet
        await fake.interact(fake.slash("ask", {"question": question}, user_id=6000 + index))
    refused = await fake.interact(fake.slash("curate", user_id=5001))
    assert refused.body["data"]["content"] == test_discord.NOT_ADMIN
    payload = fake.slash("curate", user_id=test_discord.ADMIN)
    deferred = await fake.interact(payload)
    assert deferred.body["type"] == 5 and deferred.body["data"]["flags"] & EPHEMERAL
    await asyncio.sleep(0.5)
    parts = await fake.wait_followups(payload, 2)
    contents = [p.body["content"] for p in parts]
    assert all(len(c) <= 2000 and p.body["flags"] & EPHEMERAL for c, p in zip(contents, parts))
    joined = "\n".join(contents)
    assert joined.startswith("12 logged question(s), 12 group(s)") and "\n10. ×1" in joined
    assert "… and 2 more group(s)" in joined
