"""The Discord adapter end to end: discord.py's real client against a local fake of Discord (fake_discord.py).

The bot is started exactly as in production, with DISCORD_API_BASE_URL and DISCORD_GATEWAY_URL pointing
at the fake; it logs in, syncs its commands, receives interactions over the gateway and answers over HTTP.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, AsyncIterator

import discord
import pytest
from discord.gateway import DiscordWebSocket

from bot.adapters.discord import DiscordAdapter
from bot.adapters.discord.commands import (
    NO_SUBSCRIPTIONS,
    NOT_ADMIN,
    SLOW_DOWN,
    STALE_TOPIC,
)
from bot.bootstrap import build_service
from bot.config import FloodSettings, Settings, load_settings
from bot.core.models import Digest
from bot.core.ports import InvalidSchedule, RateLimited, RecipientGone
from bot.core.service import BriefService
from bot.render.discord_embed import MESSAGE_TOTAL_MAX
from tests.fake_discord import EPHEMERAL, MESSAGE_CONTENT_INTENT, FakeDiscord, Recorded

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "discord"
ADMIN = 4242
MEMBER = 5001
MANAGE_CHANNELS = 1 << 4
MANAGE_GUILD = 1 << 5
DEFAULT_REST = discord.http.Route.BASE
DEFAULT_GATEWAY = DiscordWebSocket.DEFAULT_GATEWAY


@dataclass
class FakeSubscriptions:
    """Implements the core Subscriptions protocol in memory, to test the wiring only."""

    calls: list[tuple[Any, ...]] = field(default_factory=list)
    active: set[tuple[str, str]] = field(default_factory=set)

    async def subscribe(self, platform: str, chat_id: str, user_id: str, time_text: str | None,
                        zone_text: str | None, mode: str | None = None) -> str:
        self.calls.append(("subscribe", platform, chat_id, user_id, time_text, zone_text) + ((mode,) if mode else ()))
        if time_text == "25:99":
            raise InvalidSchedule("Use a time like 08:00 and a zone like Europe/Kyiv.")
        self.active.add((platform, chat_id))
        return f"Subscribed: daily at {time_text or '08:00'} {zone_text or 'UTC'}."

    async def unsubscribe(self, platform: str, chat_id: str) -> bool:
        self.calls.append(("unsubscribe", platform, chat_id))
        was = (platform, chat_id) in self.active
        self.active.discard((platform, chat_id))
        return was

    async def preview(self, platform: str, chat_id: str) -> tuple[Digest, str | None]:
        raise AssertionError("not used with these fakes: /digest is tested against the real subscriptions")

    async def delivery_lines(self) -> list[str]:
        return ["Digests today (UTC): none yet"]


@dataclass
class Bot:
    fake: FakeDiscord
    adapter: DiscordAdapter
    service: BriefService
    brief: Path
    subscriptions: FakeSubscriptions | None


def make_settings(fake: FakeDiscord, brief: Path, **env: str) -> Settings:
    environ = {
        "DISCORD_TOKEN": fake.token,
        "DISCORD_API_BASE_URL": fake.api_base_url,
        "DISCORD_GATEWAY_URL": fake.gateway_url,
        "BRIEFBOT_BRIEF": str(brief),
        "BRIEFBOT_SEEDS_DIR": str(FIXTURES / "seeds"),
        "BRIEFBOT_DISCORD_ADMINS": str(ADMIN),
        **env,
    }
    settings = load_settings(environ=environ)
    # A generous flood limit: these tests send many interactions from one user within seconds.
    return settings.model_copy(update={"flood": FloodSettings(messages=1000, per_seconds=1)})


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord()
    await server.start()
    yield server
    await server.close()


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    path = tmp_path / "brief.yaml"
    shutil.copy(FIXTURES / "brief.yaml", path)
    return path


async def start_bot(fake: FakeDiscord, brief: Path, subscriptions: FakeSubscriptions | None = None,
                    settings: Settings | None = None) -> Bot:
    settings = settings or make_settings(fake, brief)
    service = build_service(settings)
    adapter = DiscordAdapter(settings, service, subscriptions)
    await adapter.start()
    return Bot(fake, adapter, service, brief, subscriptions)


@pytest.fixture
async def bot(fake: FakeDiscord, brief: Path) -> AsyncIterator[Bot]:
    running = await start_bot(fake, brief, FakeSubscriptions())
    yield running
    await running.adapter.stop()


def embeds_of(record: Recorded) -> list[dict[str, Any]]:
    body = record.body
    data = body.get("data", body) if "type" in body else body
    return data.get("embeds") or []


def data_of(record: Recorded) -> dict[str, Any]:
    """The message a callback or follow-up carried."""
    return record.body.get("data") or {} if "type" in record.body else record.body


def buttons_of(record: Recorded) -> list[dict[str, Any]]:
    return [c for row in data_of(record).get("components") or [] for c in row.get("components", [])]


def embed_chars(embed: dict[str, Any]) -> int:
    """Discord's count towards the 6000-character total: title, description, fields, footer, author."""
    return (len(embed.get("title") or "") + len(embed.get("description") or "")
            + sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields") or [])
            + len((embed.get("footer") or {}).get("text") or "")
            + len((embed.get("author") or {}).get("name") or ""))


# ------------------------------------------------------------------ start-up and command sync


async def test_start_logs_in_syncs_described_commands_and_identifies(bot: Bot) -> None:
    fake = bot.fake
    assert discord.http.Route.BASE == fake.api_base_url
    puts = fake.matching("PUT", f"/applications/{fake.app_id}/commands")
    assert len(puts) == 1
    commands = {c["name"]: c for c in puts[0].body}
    assert set(commands) == {"ask", "topic", "topics", "sources", "digest", "subscribe", "unsubscribe",
                             "reload", "stats", "curate"}
    for command in commands.values():
        assert command["description"], command["name"]
        assert command["type"] == 1
        for option in command["options"]:
            assert option["description"], (command["name"], option["name"])
    ask = commands["ask"]["options"]
    assert [(o["name"], o["type"], o["required"], o.get("autocomplete")) for o in ask] == [
        ("question", 3, True, True)]
    topic = commands["topic"]["options"]
    assert [(o["name"], o["required"], o.get("autocomplete")) for o in topic] == [("name", True, True)]
    subscribe = {o["name"]: o for o in commands["subscribe"]["options"]}
    assert set(subscribe) == {"time", "timezone", "mode"} and not any(o["required"] for o in subscribe.values())
    assert subscribe["timezone"]["autocomplete"] is True
    assert [c["value"] for c in subscribe["mode"]["choices"]] == ["daily", "changes"]
    assert commands["subscribe"]["default_member_permissions"] == MANAGE_CHANNELS
    assert commands["unsubscribe"]["default_member_permissions"] == MANAGE_CHANNELS
    assert commands["reload"]["default_member_permissions"] == MANAGE_GUILD
    assert commands["stats"]["default_member_permissions"] == MANAGE_GUILD
    assert commands["curate"]["default_member_permissions"] == MANAGE_GUILD
    for public in ("ask", "topic", "topics", "sources", "digest"):
        assert commands[public]["default_member_permissions"] is None
    # The gateway got a real IDENTIFY with our token and without the privileged message-content intent.
    (identify,) = fake.identifies
    assert identify["token"] == fake.token
    assert not identify["intents"] & MESSAGE_CONTENT_INTENT
    assert identify["intents"] & discord.Intents.guild_messages.flag


async def test_second_start_with_same_commands_does_not_upload(fake: FakeDiscord, brief: Path) -> None:
    first = await start_bot(fake, brief)
    await first.adapter.stop()
    assert discord.http.Route.BASE == DEFAULT_REST and DiscordWebSocket.DEFAULT_GATEWAY == DEFAULT_GATEWAY
    second = await start_bot(fake, brief)
    try:
        path = f"/applications/{fake.app_id}/commands"
        assert len(fake.matching("GET", path)) == 2  # both starts compared with the server
        assert len(fake.matching("PUT", path)) == 1  # only the first uploaded
        assert second.adapter.client is not None and second.adapter.client.synced is False
    finally:
        await second.adapter.stop()


async def test_changed_command_set_is_uploaded_again(fake: FakeDiscord, brief: Path) -> None:
    first = await start_bot(fake, brief)
    await first.adapter.stop()
    fake.commands["global"] = [c for c in fake.commands["global"] if c["name"] != "stats"]  # e.g. deleted by hand
    second = await start_bot(fake, brief)
    await second.adapter.stop()
    assert len(fake.matching("PUT", f"/applications/{fake.app_id}/commands")) == 2


async def test_guild_id_syncs_to_that_guild_at_once(fake: FakeDiscord, brief: Path) -> None:
    running = await start_bot(fake, brief, settings=make_settings(fake, brief, DISCORD_GUILD_ID="8001"))
    await running.adapter.stop()
    assert not fake.matching("PUT", f"/applications/{fake.app_id}/commands")
    (put,) = fake.matching("PUT", f"/applications/{fake.app_id}/guilds/8001/commands")
    assert "ask" in {c["name"] for c in put.body}


async def test_bad_token_fails_start_and_restores_endpoints(fake: FakeDiscord, brief: Path) -> None:
    settings = make_settings(fake, brief, DISCORD_TOKEN="wrong-token")
    adapter = DiscordAdapter(settings, build_service(settings))
    with pytest.raises(discord.LoginFailure):
        await adapter.start()
    assert discord.http.Route.BASE == DEFAULT_REST and DiscordWebSocket.DEFAULT_GATEWAY == DEFAULT_GATEWAY


async def test_refused_message_content_intent_falls_back_to_mentions_only(fake: FakeDiscord, brief: Path) -> None:
    fake.allow_message_content = False
    settings = make_settings(fake, brief)
    wanting = settings.model_copy(update={"discord": settings.discord.model_copy(update={"message_content": True})})
    running = await start_bot(fake, brief, settings=wanting)
    try:
        first, second = fake.identifies
        assert first["intents"] & MESSAGE_CONTENT_INTENT and not second["intents"] & MESSAGE_CONTENT_INTENT
        assert running.adapter.client is not None and running.adapter.client.connected.is_set()
    finally:
        await running.adapter.stop()


# ------------------------------------------------------------------ answers


async def test_ask_answers_fact_first_with_sources_and_a_more_button(bot: Bot) -> None:
    fake = bot.fake
    callback = await fake.interact(fake.slash("ask", {"question": "who leads the russian delegation"}))
    assert callback.body["type"] == 4
    assert not data_of(callback).get("flags", 0) & EPHEMERAL  # answers are public
    (embed,) = embeds_of(callback)
    assert "title" not in embed  # the fact comes first, not the topic's name
    lines = embed["description"].split("\n")
    assert lines[0] == "Vladimir Medinsky leads Russia's delegation. [004]"
    assert lines[-1] == "*From “Russia's delegation” · 1 more fact: tap the topic or say “tell me more”.*"
    assert "1,000" not in embed["description"] and not embed.get("fields")  # the figure is the "more"
    footer = embed["footer"]["text"]
    assert footer.startswith("Sources:") and "[004]" in footer
    buttons = buttons_of(callback)
    assert [(b["label"], b["custom_id"]) for b in buttons[:2]] == [
        ("More: Russia's delegation", "t:russia-delegation"), ("Venue of the talks", "t:venue")]


async def test_more_button_shows_the_whole_topic(bot: Bot) -> None:
    fake = bot.fake
    answer = await fake.interact(fake.slash("ask", {"question": "who leads the russian delegation"}, channel_id=7150))
    more = buttons_of(answer)[0]
    assert more["label"] == "More: Russia's delegation"
    pressed = await fake.interact(fake.button(more["custom_id"], channel_id=7150))
    assert pressed.body["type"] == 4 and not data_of(pressed).get("flags", 0) & EPHEMERAL
    (embed,) = embeds_of(pressed)
    assert embed["title"] == "Russia's delegation"
    assert embed["description"].split("\n") == [
        "• Vladimir Medinsky leads Russia's delegation. [004]",
        "• Prisoners swapped after the first round: 1,000 each side (reported by Progleton News) [001]"]
    assert "[001] Progleton News" in embed["footer"]["text"] and "[004]" in embed["footer"]["text"]
    assert [b["custom_id"] for b in buttons_of(pressed)] == ["t:venue"]  # nothing more to show
    # The whole topic has been seen in this channel: "tell me more" has nothing left.
    after = await fake.interact(fake.slash("ask", {"question": "tell me more"}, channel_id=7150))
    assert embeds_of(after)[0]["description"].startswith("That's everything the brief has on Russia's delegation.")


async def test_markup_in_a_question_is_not_echoed_back(bot: Bot) -> None:
    fake = bot.fake
    callback = await fake.interact(fake.slash("ask", {"question": "<b>who</b> leads **russia's** delegation?"}))
    (embed,) = embeds_of(callback)
    assert embed["description"].startswith("Vladimir Medinsky leads Russia's delegation.")
    text = json.dumps(data_of(callback))
    assert "<b>" not in text and "**russia" not in text and "who</b>" not in text


async def test_follow_up_uses_the_channel_conversation(bot: Bot) -> None:
    fake = bot.fake
    await fake.interact(fake.slash("ask", {"question": "who leads the russian delegation"}, channel_id=7100))
    key = "discord:7100"
    assert bot.service.conversations.get(key) is not None


async def test_ask_autocomplete_offers_matching_topics(bot: Bot) -> None:
    fake = bot.fake
    callback = await fake.interact(fake.slash("ask", {"question": "medinsky"}, focused="question"))
    assert callback.body["type"] == 8
    choices = callback.body["data"]["choices"]
    assert choices[0] == {"name": "Russia's delegation", "value": "Russia's delegation"}
    assert len(choices) <= 25


async def test_topic_autocomplete_lists_section_titles_with_ids(bot: Bot) -> None:
    fake = bot.fake
    callback = await fake.interact(fake.slash("topic", {"name": "ven"}, focused="name"))
    choices = callback.body["data"]["choices"]
    assert {"name": "Venue of the talks", "value": "venue"} in choices
    assert choices[0]["value"] == "venue"
    answer = await fake.interact(fake.slash("topic", {"name": "venue"}))
    assert embeds_of(answer)[0]["title"] == "Venue of the talks"


async def test_unmatched_question_offers_topic_buttons_that_answer(bot: Bot) -> None:
    fake = bot.fake
    callback = await fake.interact(fake.slash("ask", {"question": "what is the weather like on mars"}))
    (embed,) = embeds_of(callback)
    assert embed["title"] == "I don't have that in this brief"
    buttons = buttons_of(callback)
    assert buttons and all(b["custom_id"].startswith("t:") and b["type"] == 2 for b in buttons)
    assert {b["label"] for b in buttons} <= {t.title for t in bot.service.topics()}
    pressed = await fake.interact(fake.button("t:venue"))
    assert pressed.body["type"] == 4
    assert embeds_of(pressed)[0]["title"] == "Venue of the talks"


async def test_stale_button_answers_politely_and_privately(bot: Bot) -> None:
    fake = bot.fake
    callback = await fake.interact(fake.button("t:section-removed-long-ago"))
    assert callback.body["data"]["content"] == STALE_TOPIC
    assert callback.body["data"]["flags"] & EPHEMERAL


async def test_long_answer_is_split_across_embeds_and_messages(bot: Bot) -> None:
    fake = bot.fake
    asked = await fake.interact(fake.slash("ask", {"question": "give me the full background"}))
    assert len(embeds_of(asked)) == 1  # a precise answer stays short, and offers the rest
    assert buttons_of(asked)[0]["custom_id"] == "t:background"
    payload = fake.button("t:background")  # the whole topic: over 6000 characters
    callback = await fake.interact(payload)
    followups = await fake.wait_followups(payload, 1)
    messages = [callback] + followups
    assert len(messages) >= 2
    embeds = [e for m in messages for e in embeds_of(m)]
    for message in messages:
        assert sum(embed_chars(e) for e in embeds_of(message)) <= MESSAGE_TOTAL_MAX
        assert len(embeds_of(message)) <= 10
    assert all(len(e.get("description") or "") <= 4096 for e in embeds)
    assert embeds[0]["title"] == "Background of the second round"
    # Nothing lost, nothing reordered: the facts read in the brief's order across all the embeds.
    section = bot.service.store.brief.section("background")
    assert section is not None
    text = "\n".join(e.get("description") or "" for e in embeds)
    positions = [text.index(fact.text) for fact in section.facts]
    assert positions == sorted(positions)
    assert "footer" in embeds[-1] and all("footer" not in e for e in embeds[:-1])


async def test_topics_sources_and_digest(bot: Bot) -> None:
    fake = bot.fake
    topics = embeds_of(await fake.interact(fake.slash("topics")))
    assert "Venue of the talks" in topics[0]["description"]
    sources = embeds_of(await fake.interact(fake.slash("sources")))
    assert "Progleton News" in sources[0]["description"]



def _channel_posts(fake: FakeDiscord, channel_id: int) -> list[Recorded]:
    return fake.matching("POST", f"/channels/{channel_id}/messages")


async def _mention(fake: FakeDiscord, text: str, channel_id: int) -> Recorded:
    """Mention the bot with `text` in a channel; the bot's reply."""
    before = len(_channel_posts(fake, channel_id))
    await fake.dispatch("MESSAGE_CREATE", fake.message_create(f"<@{fake.bot_id}> {text}", channel_id=channel_id))
    await fake.wait_for(lambda r: len(_channel_posts(fake, channel_id)) > before)
    return _channel_posts(fake, channel_id)[before]


async def test_mention_in_a_channel_is_answered(bot: Bot) -> None:
    fake = bot.fake
    sent = await _mention(fake, "who leads the russian delegation", 7300)
    assert sent.body["embeds"][0]["description"].startswith("Vladimir Medinsky leads Russia's delegation.")
    assert "message_reference" in sent.body  # a reply to the question
    assert buttons_of(sent)[0]["label"] == "More: Russia's delegation"


async def test_tell_me_more_continues_with_facts_not_yet_shown(bot: Bot) -> None:
    fake = bot.fake
    first = await fake.interact(fake.slash("ask", {"question": "who leads the russian delegation"}, channel_id=7310))
    assert "Medinsky" in embeds_of(first)[0]["description"]
    more = await _mention(fake, "tell me more", 7310)  # a follow-up message in the same channel
    (embed,) = more.body["embeds"]
    assert embed["description"].startswith(
        "Prisoners swapped after the first round: 1,000 each side (reported by Progleton News) [001]")
    assert "Medinsky" not in embed["description"]  # not repeated
    assert embed["description"].endswith("*From “Russia's delegation”.*")
    assert not [b for b in buttons_of(more) if b["label"].startswith("More:")]
    # Another channel has its own conversation.
    elsewhere = await fake.interact(fake.slash("ask", {"question": "tell me more"}, channel_id=7311))
    assert "1,000" not in (embeds_of(elsewhere)[0].get("description") or "")


async def test_one_channel_is_answered_in_order_while_other_channels_go_on(bot: Bot) -> None:
    """A question whose answer is slow to deliver (0.5 s to its channel), its follow-up right behind it in the
    same channel, and a question in another channel: the follow-up waits for the question's answer to be
    delivered, and the other channel is answered meanwhile."""
    fake, slow = bot.fake, 0.5
    fake.slow_channels["7600"] = slow
    question = fake.slash("ask", {"question": "who leads the russian delegation"}, channel_id=7600)
    elsewhere = fake.slash("ask", {"question": "where are the talks held"}, channel_id=7601)
    await fake.dispatch("INTERACTION_CREATE", question)
    await fake.dispatch("MESSAGE_CREATE", fake.message_create(f"<@{fake.bot_id}> tell me more", channel_id=7600))
    await fake.dispatch("INTERACTION_CREATE", elsewhere)
    follow_up = await fake.wait_for(lambda r: r.method == "POST" and r.path == "/channels/7600/messages")
    answered = fake.matching("POST", f"/interactions/{question['id']}/")[0]
    other = fake.matching("POST", f"/interactions/{elsewhere['id']}/")[0]
    assert "Medinsky" in embeds_of(answered)[0]["description"]
    assert follow_up.at >= answered.at + slow  # posted only once the question's answer was delivered ...
    assert follow_up.body["embeds"][0]["description"].startswith("Prisoners swapped after the first round")
    assert other.at < answered.at + slow  # ... while the other channel did not wait for it
    assert "Ciragan" in embeds_of(other)[0]["description"]


async def test_markup_in_a_mention_is_not_echoed_back(bot: Bot) -> None:
    fake = bot.fake
    sent = await _mention(fake, "<b>who</b> leads **russia's** delegation?", 7320)
    assert sent.body["embeds"][0]["description"].startswith("Vladimir Medinsky leads Russia's delegation.")
    text = json.dumps(sent.body)
    assert "<b>" not in text and "**russia" not in text


async def test_messages_not_for_the_bot_are_ignored(bot: Bot) -> None:
    fake = bot.fake
    await fake.dispatch("MESSAGE_CREATE", fake.message_create("who leads the russian delegation",
                                                              mentions_bot=False, channel_id=7400))
    await fake.dispatch("MESSAGE_CREATE", fake.message_create(f"<@{fake.bot_id}>", channel_id=7401))
    hint = await fake.wait_for(lambda r: r.method == "POST" and r.path == "/channels/7401/messages")
    assert "/ask" in hint.body["content"]
    assert not fake.matching("POST", "/channels/7400/")
    assert bot.adapter.client is not None and not bot.adapter.client.cached_messages  # no message cache kept


async def test_flooding_user_is_told_to_slow_down(fake: FakeDiscord, brief: Path) -> None:
    settings = make_settings(fake, brief).model_copy(update={"flood": FloodSettings(messages=1, per_seconds=600)})
    running = await start_bot(fake, brief, settings=settings)
    try:
        await fake.interact(fake.slash("ask", {"question": "where are the talks held"}))
        second = await fake.interact(fake.slash("ask", {"question": "where are the talks held"}))
        assert second.body["data"]["content"] == SLOW_DOWN and second.body["data"]["flags"] & EPHEMERAL
    finally:
        await running.adapter.stop()


# ------------------------------------------------------------------ admin


async def test_reload_refused_for_non_admin(bot: Bot) -> None:
    fake = bot.fake
    revision = bot.service.store.current.revision
    callback = await fake.interact(fake.slash("reload", user_id=MEMBER, permissions=MANAGE_GUILD))
    assert callback.body["type"] == 4
    assert callback.body["data"]["content"] == NOT_ADMIN
    assert callback.body["data"]["flags"] & EPHEMERAL
    assert bot.service.store.current.revision == revision
    stats = await fake.interact(fake.slash("stats", user_id=MEMBER))
    assert stats.body["data"]["content"] == NOT_ADMIN


async def test_broken_brief_on_reload_is_reported_and_old_one_keeps_serving(bot: Bot) -> None:
    fake = bot.fake
    text = bot.brief.read_text(encoding="utf-8")
    bot.brief.write_text(text.replace("        value: 1,000\n", "        value: \n"), encoding="utf-8")
    payload = fake.slash("reload", user_id=ADMIN, permissions=MANAGE_GUILD)
    callback = await fake.interact(payload)
    assert callback.body["type"] == 5 and callback.body["data"]["flags"] & EPHEMERAL  # deferred, privately
    (report,) = await fake.wait_followups(payload)
    content = report.body["content"]
    assert content.startswith("Reload failed; the previous brief is still serving.")
    assert "brief.yaml:" in content and "value" in content
    assert report.body["flags"] & EPHEMERAL
    answer = await fake.interact(fake.slash("ask", {"question": "who leads the russian delegation"}))
    (embed,) = embeds_of(answer)
    assert embed["description"].startswith("Vladimir Medinsky")
    topic = await fake.interact(fake.slash("topic", {"name": "russia-delegation"}))
    assert "1,000 each side" in embeds_of(topic)[0]["description"]  # the old figure still serves


async def test_admin_reload_reports_what_changed_and_stats(bot: Bot) -> None:
    fake = bot.fake
    text = bot.brief.read_text(encoding="utf-8")
    bot.brief.write_text(text.replace("title: Venue of the talks", "title: Where the talks are held"),
                         encoding="utf-8")
    payload = fake.slash("reload", user_id=ADMIN)
    await fake.interact(payload)
    (report,) = await fake.wait_followups(payload)
    assert report.body["content"].startswith("Brief reloaded") and "Updated: Where the talks are held" in \
        report.body["content"]
    stats = fake.slash("stats", user_id=ADMIN)
    deferred = await fake.interact(stats)
    (reply,) = await fake.wait_followups(stats)
    assert "Reloads: 1 ok" in reply.body["content"] and "Digests today (UTC)" in reply.body["content"]
    assert deferred.body["data"]["flags"] & EPHEMERAL


# ------------------------------------------------------------------ subscriptions


async def test_subscribe_and_unsubscribe_the_channel(bot: Bot) -> None:
    fake = bot.fake
    assert bot.subscriptions is not None
    payload = fake.slash("subscribe", {"time": "07:30", "timezone": "Europe/Kyiv"}, channel_id=7500,
                         permissions=MANAGE_CHANNELS)
    await fake.interact(payload)
    (reply,) = await fake.wait_followups(payload)
    assert reply.body["content"] == "Subscribed: daily at 07:30 Europe/Kyiv." and reply.body["flags"] & EPHEMERAL
    assert bot.subscriptions.calls[0] == ("subscribe", "discord", "7500", str(MEMBER), "07:30", "Europe/Kyiv")
    bad = fake.slash("subscribe", {"time": "25:99"}, channel_id=7500)
    await fake.interact(bad)
    (error,) = await fake.wait_followups(bad)
    assert "08:00" in error.body["content"] and error.body["flags"] & EPHEMERAL
    stop = fake.slash("unsubscribe", channel_id=7500)
    await fake.interact(stop)
    (done,) = await fake.wait_followups(stop)
    assert "no longer" in done.body["content"]


async def test_subscribe_without_a_subscription_service(fake: FakeDiscord, brief: Path) -> None:
    running = await start_bot(fake, brief, subscriptions=None)
    try:
        callback = await fake.interact(fake.slash("subscribe"))
        assert callback.body["data"]["content"] == NO_SUBSCRIPTIONS
        assert callback.body["data"]["flags"] & EPHEMERAL
    finally:
        await running.adapter.stop()


# ------------------------------------------------------------------ digests


def _digest(bot: Bot) -> Digest:
    import datetime as dt

    return bot.service.digest(dt.date(2025, 6, 2))


async def test_send_digest_posts_embeds_to_the_channel(bot: Bot) -> None:
    await bot.adapter.send_digest("7600", _digest(bot))
    (sent,) = bot.fake.matching("POST", "/channels/7600/messages")
    assert sent.body["embeds"][0]["title"] == "Istanbul talks (Discord fixture) · 2 June 2025"
    assert sent.body["components"]  # the other topics, as buttons


@pytest.mark.parametrize("status", [403, 404])
async def test_send_digest_to_a_gone_channel_raises_recipient_gone(bot: Bot, status: int) -> None:
    bot.fake.channel_errors["7700"] = (status, {"message": "Missing Access", "code": 50001}, {})
    with pytest.raises(RecipientGone):
        await bot.adapter.send_digest("7700", _digest(bot))


async def test_send_digest_long_rate_limit_raises_rate_limited(bot: Bot) -> None:
    # A wait longer than discord.py is allowed to sleep through is handed to the fan-out to reschedule.
    bot.fake.channel_errors["7800"] = (429, {"message": "You are being rate limited.", "retry_after": 120.0,
                                             "global": False}, {"Via": "1.1 google"})
    with pytest.raises(RateLimited) as caught:
        await bot.adapter.send_digest("7800", _digest(bot))
    assert caught.value.retry_after == 120.0



async def test_unknown_topic_suggests_privately(bot: Bot) -> None:
    fake = bot.fake
    callback = await fake.interact(fake.slash("topic", {"name": "russian delegaton"}))
    data = callback.body["data"]
    assert data["content"].startswith("There's no topic called") and data["flags"] & EPHEMERAL
    assert "t:russia-delegation" in [b["custom_id"] for b in buttons_of(callback)]


async def test_direct_message_interaction_is_answered(bot: Bot) -> None:
    fake = bot.fake
    callback = await fake.interact(fake.slash("ask", {"question": "where are the talks held"}, guild_id=None,
                                              channel_id=7900))
    assert embeds_of(callback)[0]["description"].startswith("The talks take place at the Ciragan Palace in Istanbul.")
    assert bot.service.conversations.get("discord:7900") is not None


async def test_a_mention_is_answered_ahead_of_queued_digests_within_the_global_limit(bot: Bot) -> None:
    """150 digests to different channels (three seconds of Discord's global 50 a second) and a mention asked
    while most of them wait: the answer goes out at the next free slot, and no second holds more than 50."""
    fake = bot.fake
    digest = _digest(bot)
    channels = [str(8100 + i) for i in range(150)]
    fan_out = asyncio.gather(*(bot.adapter.send_digest(c, digest) for c in channels))
    await fake.wait_for(lambda r: r.path == f"/channels/{channels[10]}/messages")
    mark = len(fake.requests)
    answer = await _mention(fake, "who leads the russian delegation", 7310)
    await fan_out
    posts = [r for r in fake.requests if r.method == "POST" and r.path.startswith("/channels/")]
    digests_before_answer = [r for r in fake.requests[mark:fake.requests.index(answer)] if r.path != answer.path]
    assert answer.body["embeds"][0]["description"].startswith("Vladimir Medinsky")
    assert len(digests_before_answer) < 60  # first come, first served would put over 100 ahead of it
    times = sorted(r.at for r in posts)
    assert max(sum(1 for t in times[i:] if t - start < 1.0) for i, start in enumerate(times)) <= 50
