"""The Telegram bot end to end: python-telegram-bot's real Application against a local Bot API server.

The adapter is built the way `python -m bot run` builds it (settings from env overrides, bootstrap's
`build_service` and `chat_adapters`), pointed at tests/fake_telegram.py through TELEGRAM_API_BASE_URL.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import shutil
import socket
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, AsyncIterator

import aiohttp
import pytest
from pydantic import SecretStr

from bot.adapters.telegram import TelegramAdapter
from bot.adapters.telegram.handlers import (
    ERROR_TEXT,
    FLOOD_NOTICE,
    NO_SUBSCRIPTIONS,
    STALE_BUTTON,
)
from bot.adapters.telegram.keyboards import topic_data
from bot.bootstrap import build_service, chat_adapters
from bot.config import FloodSettings, Settings, WebhookSettings, load_settings
from bot.core.models import AnswerFact, Digest, Quote, SourceRef, Topic
from bot.core.ports import InvalidSchedule, RateLimited, RecipientGone, TransientFailure
from tests.conftest import SEEDS, line_of
from tests.conftest import TELEGRAM_TOKEN as TOKEN
from tests.fake_telegram import (
    BAD_GATEWAY,
    BLOCKED,
    ApiError,
    Call,
    FakeTelegram,
    parse_html,
    too_many_requests,
    utf16_len,
)

ADMIN = 4242
USER = 1001
GROUP = -100555
BRIEF = Path(__file__).parent / "fixtures" / "telegram" / "brief.yaml"
LONG_ID = "ceasefire-positions-of-both-sides-ahead-of-the-second-round-in-istanbul"


def make_settings(fake: FakeTelegram, brief: Path, **updates: Any) -> Settings:
    settings = load_settings(environ={
        "TELEGRAM_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": fake.url,
        "BRIEFBOT_BRIEF": str(brief),
        "BRIEFBOT_SEEDS_DIR": str(SEEDS),
        "BRIEFBOT_TELEGRAM_ADMINS": str(ADMIN),
    })
    updates.setdefault("flood", FloodSettings(messages=100, per_seconds=10))
    return settings.model_copy(update=updates)


@asynccontextmanager
async def running(settings: Settings, subscriptions: Any = None) -> AsyncIterator[TelegramAdapter]:
    service = build_service(settings)
    adapters = chat_adapters(settings, service, subscriptions)
    assert [a.platform for a in adapters] == ["telegram"]
    adapter = adapters[0]
    assert isinstance(adapter, TelegramAdapter)
    await adapter.start()
    try:
        yield adapter
    finally:
        await adapter.stop()


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    path = tmp_path / "brief.yaml"
    shutil.copy(BRIEF, path)
    return path


@pytest.fixture
async def bot(fake: FakeTelegram, brief: Path) -> AsyncIterator[TelegramAdapter]:
    async with running(make_settings(fake, brief)) as adapter:
        yield adapter


def visible(call: Call) -> str:
    return parse_html(call.text)


def button_data(call: Call) -> list[str]:
    return [b["callback_data"] for b in call.buttons()]


# ---------------------------------------------------------------- start-up and /start


async def test_startup_polls_and_registers_the_command_menu(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    assert fake.calls_of("getMe")
    commands = fake.calls_of("setMyCommands")[0].params
    names = [c["command"] for c in commands["commands"]]
    assert names == ["start", "help", "topics", "ask", "sources", "digest", "subscribe", "unsubscribe"]
    assert "scope" not in commands  # the default scope: everyone
    # The admin's own menu adds /reload and /stats; their chat is unknown yet, so that call fails politely.
    admin_menu = fake.calls_of("setMyCommands")[1].params
    assert admin_menu["scope"] == {"type": "chat", "chat_id": ADMIN}
    assert [c["command"] for c in admin_menu["commands"]][-3:] == ["reload", "stats", "curate"]
    poll = await fake.next_call("getUpdates", after=0)
    assert set(poll.params["allowed_updates"]) == {"message", "callback_query", "inline_query"}
    assert poll.params["timeout"] > 0  # long polling


async def test_start_explains_and_offers_three_example_questions(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    reply = await fake.ask("/start", USER)
    text = visible(reply)
    assert "Istanbul talks & the Telegram tests" in text and "Ciragan Palace, Istanbul" in text
    assert "&amp;" in reply.text  # the brief's "&" was escaped, not sent raw
    assert [b["text"] for b in reply.buttons()] == [
        "Where are the talks held?", "Who leads Russia's delegation?", "Who leads Ukraine's delegation?"]
    assert button_data(reply) == ["t:venue", "t:russia-delegation", "t:ukraine-delegation"]
    assert reply.params["parse_mode"] == "HTML"


async def test_start_deep_link_answers_the_named_topic(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    reply = await fake.ask("/start ukraine-delegation", USER)
    assert "Rustem Umerov" in visible(reply)
    unknown = await fake.ask("/start no-such-topic", USER + 1)
    assert "Istanbul talks & the Telegram tests" in visible(unknown) and len(unknown.buttons()) == 3  # the welcome


# ---------------------------------------------------------------- questions


async def test_free_text_question_gets_sourced_answer_and_follow_up_works(fake: FakeTelegram,
                                                                         bot: TelegramAdapter) -> None:
    reply = await fake.ask("who leads russia's delegation", USER)
    text = visible(reply)
    assert text.startswith("Vladimir Medinsky, a Putin aide who led failed talks in 2022, leads Russia's "
                           "delegation. [004]")  # the fact first, with its source tag
    assert "<i>From “Russia's delegation”.</i>" in reply.text  # then the topic it comes from
    assert "Sources: [004]" in text
    assert "t:ukraine-delegation" in button_data(reply)  # related topics as buttons
    assert not [b for b in reply.buttons() if b["text"].startswith("More:")]  # the topic has nothing more
    follow_up = await fake.ask("and ukraine's?", USER)
    assert visible(follow_up).startswith("Defence Minister Rustem Umerov leads Ukraine's team.")
    # Another chat has its own conversation: the same follow-up there has nothing to follow.
    other = await fake.ask("and ukraine's?", USER + 7)
    assert other.chat_id == USER + 7


async def test_answer_has_a_more_button_that_shows_the_whole_topic(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    reply = await fake.ask("where are the talks held", USER)
    text = visible(reply)
    assert text.startswith("The talks take place at the Ciragan Palace in Istanbul")
    assert "two hours later" not in text  # only the fact that answers the question
    assert "<i>From “Venue &amp; timing” · 1 more fact: tap the topic or say “tell me more”.</i>" in reply.text
    more, *related = reply.buttons()
    assert more == {"text": "More: Venue & timing", "callback_data": "t:venue"}
    assert related and "t:venue" not in [b["callback_data"] for b in related]
    mark = len(fake.calls)
    fake.callback(more["callback_data"], USER)
    assert "text" not in (await fake.next_call("answerCallbackQuery", after=mark)).params
    whole = await fake.next_call("sendMessage", USER, after=mark)
    assert whole.text.startswith("<b>Venue &amp; timing</b>\n\n• The talks take place at the Ciragan Palace")
    assert "\n• The talks began nearly two hours later than scheduled, with no explanation of the delay. [002]" \
        in visible(whole)
    assert "From “" not in visible(whole) and "Sources: [000] NDTV; [002]" in visible(whole)
    assert not [b for b in whole.buttons() if b["text"].startswith("More:")]  # everything is shown
    assert button_data(whole) == ["t:russia-delegation"]


async def test_tell_me_more_continues_with_facts_not_yet_shown(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    first = await fake.ask("where are the talks held", USER)
    assert "Ciragan Palace" in visible(first)
    more = await fake.ask("tell me more", USER)
    text = visible(more)
    assert text.startswith("The talks began nearly two hours later than scheduled")
    assert "Ciragan Palace" not in text  # not repeated
    assert "<i>From “Venue &amp; timing”.</i>" in more.text
    assert not [b for b in more.buttons() if b["text"].startswith("More:")]
    done = await fake.ask("tell me more", USER)
    assert visible(done).startswith("That's everything the brief has on Venue & timing.")
    # Each chat continues its own conversation.
    elsewhere = await fake.ask("tell me more", USER + 9)
    assert "two hours later" not in visible(elsewhere)


async def test_a_slow_chat_holds_up_no_other_and_each_chat_keeps_its_order(fake: FakeTelegram,
                                                                            bot: TelegramAdapter) -> None:
    slow, quick = USER + 20, USER + 21
    fake.slow("sendMessage", slow, 1.0)  # every reply to this chat takes a second to go through
    mark = len(fake.calls)
    fake.message("who leads russia's delegation", slow)
    fake.message("and ukraine's?", slow)  # a follow-up: it must not overtake its question
    fake.message("where are the talks held", quick)
    first = await fake.next_call("sendMessage", slow, after=mark)
    answered = await fake.next_call("sendMessage", quick, after=mark)
    assert answered.at - first.at < 0.5  # answered while the slow chat's reply was still in flight
    second = await fake.next_call("sendMessage", slow, after=fake.calls.index(first) + 1)
    assert second.at - first.at >= 0.9  # the follow-up waited for its question's reply
    assert "Medinsky" in visible(first) and "Umerov" in visible(second)


async def test_markup_in_a_question_is_not_echoed_back(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    reply = await fake.ask("<b>who</b> leads **russia's** delegation?", USER)
    assert reply.text != ERROR_TEXT
    text = visible(reply)
    assert text.startswith("Vladimir Medinsky")
    assert "<b>who" not in reply.text and "&lt;b&gt;" not in reply.text and "**" not in text
    assert "leads **russia" not in text


async def test_ask_command(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    assert "Vladimir Medinsky" in visible(await fake.ask("/ask who leads russia's delegation?", USER))
    assert "Ask like this" in visible(await fake.ask("/ask", USER))


async def test_unmatched_question_offers_suggestions_as_buttons(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    reply = await fake.ask("what is the weather in paris", USER)
    text = visible(reply)
    assert text.startswith("I don't have that in this brief")
    assert "You asked: what is the weather in paris" in text
    assert reply.buttons() and all(d.startswith(("t:", "h:")) for d in button_data(reply))
    tapped = button_data(reply)[0]
    mark = len(fake.calls)
    fake.callback(tapped, USER)
    answer = await fake.next_call("sendMessage", USER, after=mark)
    assert answer.text.startswith("<b>") and "• " in visible(answer)  # the whole topic, titled, fact by fact
    assert re.search(r"\[\d{3}", visible(answer))  # each fact tagged with its source


async def test_markup_in_an_unknown_question_is_stripped_from_the_echo(fake: FakeTelegram,
                                                                     bot: TelegramAdapter) -> None:
    hostile = '<script>alert("x")</script> <b>pizza</b> & recipe'
    reply = await fake.ask(hostile, USER)
    # The fake parses HTML like Telegram: a tag we failed to escape would have been a 400 and an error message.
    assert reply.text != ERROR_TEXT
    assert "script" not in visible(reply) and "<b>" not in visible(reply)
    assert 'You asked: alert("x")\npizza & recipe' in visible(reply)  # the words, escaped, never the tags
    assert "pizza &amp; recipe" in reply.text


async def test_long_answer_is_split_on_paragraph_boundaries(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    reply = await fake.ask("give me the full reporting on the talks", USER)
    assert utf16_len(visible(reply)) <= 4096 and "· 12 more facts" in visible(reply)
    assert reply.buttons()[0] == {"text": "More: The reports, paragraph by paragraph",
                                  "callback_data": "t:reports-in-full"}
    mark = len(fake.calls)
    fake.callback("t:reports-in-full", USER)  # the whole topic is longer than one message
    first = await fake.next_call("sendMessage", USER, after=mark)
    second = await fake.next_call("sendMessage", USER, after=fake.calls.index(first) + 1)
    parts = [visible(first), visible(second)]
    assert all(utf16_len(p) <= 4096 for p in parts)
    assert parts[0].startswith("The reports, paragraph by paragraph")
    assert parts[1].startswith("• ")  # the second message starts with a whole fact, not mid-sentence
    assert not first.buttons() and button_data(second) == ["t:talks-outcome", "t:venue"]  # under the last part
    joined = "\n".join(parts)
    assert "budge from their red lines." in joined and "away from the front lines." in joined
    assert "Sources:" in parts[1]


# ---------------------------------------------------------------- buttons


async def test_topics_keyboard_and_a_tap_answers(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    reply = await fake.ask("/topics", USER)
    data = button_data(reply)
    assert len(data) == 6 and all(len(d.encode()) <= 64 for d in data)
    assert "t:venue" in data
    assert topic_data(LONG_ID) in data and topic_data(LONG_ID).startswith("h:")  # too long for "t:"
    mark = len(fake.calls)
    fake.callback(topic_data(LONG_ID), USER)
    answered = await fake.next_call("answerCallbackQuery", after=mark)
    assert "text" not in answered.params  # just stops the spinner
    answer = await fake.next_call("sendMessage", USER, after=mark)
    assert "full, unconditional and immediate ceasefire" in visible(answer)
    # The tapped topic becomes the conversation's context for a follow-up.
    follow = await fake.ask("what did the talks agree?", USER)
    assert "new prisoner exchange" in visible(follow)


async def test_stale_and_foreign_buttons_answer_politely(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    mark = len(fake.calls)
    fake.callback("t:section-that-was-removed", USER)
    answered = await fake.next_call("answerCallbackQuery", after=mark)
    assert answered.params["text"] == STALE_BUTTON
    # Each tap's answer is looked for after the calls made so far: long polls interleave with them.
    fake.callback("h:" + "0" * 32, USER)
    answered = await fake.next_call("answerCallbackQuery", after=fake.calls.index(answered) + 1)
    assert answered.params["text"] == STALE_BUTTON
    fake.callback("garbage", USER)
    answered = await fake.next_call("answerCallbackQuery", after=fake.calls.index(answered) + 1)
    assert "no longer works" in answered.params["text"]
    sentinel = await fake.ask("where are the talks held", USER)
    assert [c for c in fake.sent(USER) if fake.calls.index(c) >= mark] == [sentinel]  # no message for stale taps


# ---------------------------------------------------------------- groups


async def test_group_message_not_addressed_to_the_bot_gets_no_reply(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    fake.chat(GROUP, "supergroup")
    mark = len(fake.calls)
    fake.message("who leads russia's delegation", GROUP, user_id=USER)
    fake.message("@someone_else who leads russia's delegation", GROUP, user_id=USER)
    fake.message("/ask@other_bot who leads russia's delegation", GROUP, user_id=USER)
    # Updates are handled in order, so the first reply in the group must be to this mention: nothing before it.
    fake.message("@briefbot_test_bot where are the talks held", GROUP, user_id=USER)
    first = await fake.next_call("sendMessage", GROUP, after=mark)
    assert "Ciragan Palace" in visible(first)
    assert len(fake.sent(GROUP)) == 1


async def test_group_mention_reply_and_command_are_answered(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    fake.chat(GROUP, "group")
    mention = await fake.ask("@briefbot_test_bot who leads russia's delegation?", GROUP, user_id=USER)
    assert "Vladimir Medinsky" in visible(mention)
    assert mention.params["reply_parameters"]["message_id"] > 0  # quotes the question in a group
    bot_message = {"message_id": 999, "from": fake.me(), "chat": fake.chats[GROUP], "date": 1, "text": "x"}
    reply = await fake.ask("and ukraine's?", GROUP, user_id=USER, reply_to=bot_message)
    assert "Rustem Umerov" in visible(reply)
    command = await fake.ask("/ask@briefbot_test_bot where are the talks held", GROUP, user_id=USER)
    assert "Ciragan Palace" in visible(command)
    other_user = {"message_id": 998, "from": fake.user(77), "chat": fake.chats[GROUP], "date": 1, "text": "x"}
    mark = len(fake.calls)
    fake.message("where are the talks held", GROUP, user_id=USER, reply_to=other_user)  # a reply, not to us
    sentinel = await fake.ask("/ask@briefbot_test_bot who leads ukraine's delegation", GROUP, user_id=USER)
    assert [c for c in fake.sent(GROUP) if fake.calls.index(c) >= mark] == [sentinel]


# ---------------------------------------------------------------- inline mode


async def test_inline_query_offers_up_to_five_sections(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    mark = len(fake.calls)
    fake.inline_query("russia delegation", USER)
    call = await fake.next_call("answerInlineQuery", after=mark)
    results = call.params["results"]
    assert 1 <= len(results) <= 5
    assert results[0]["type"] == "article" and results[0]["title"] == "Russia's delegation"
    assert results[0]["description"].startswith("Vladimir Medinsky")  # the topic's first fact as the preview
    content = results[0]["input_message_content"]
    assert content["parse_mode"] == "HTML" and "Vladimir Medinsky" in parse_html(content["message_text"])
    fake.inline_query("", USER)
    everything = await fake.next_call("answerInlineQuery", after=mark + 2)
    assert len(everything.params["results"]) == 5


# ---------------------------------------------------------------- admin


async def test_non_admin_reload_is_refused_and_nothing_happens(fake: FakeTelegram, brief: Path,
                                                               bot: TelegramAdapter) -> None:
    brief.write_text(brief.read_text(encoding="utf-8").replace("Russia's delegation", "Moscow's team"), encoding="utf-8")
    reply = await fake.ask("/reload", USER)
    assert "only the bot's admins" in visible(reply)
    assert bot.service.stats.reloads == 0 and bot.service.stats.failed_reloads == 0
    assert visible(await fake.ask("who leads russia's delegation", USER)).startswith("Vladimir Medinsky")
    assert "only the bot's admins" in visible(await fake.ask("/stats", USER))


async def test_admin_reload_of_a_broken_brief_reports_the_line_and_keeps_serving(
        fake: FakeTelegram, brief: Path, bot: TelegramAdapter) -> None:
    broken = brief.read_text(encoding="utf-8").replace("will be Vladimir Medinsky", "will be Sergei Lavrov")
    brief.write_text(broken, encoding="utf-8")
    reply = await fake.ask("/reload", ADMIN)
    text = visible(reply)
    assert text.startswith("Reload failed; the previous brief is still serving.")
    assert f"brief.yaml:{line_of(broken, 'will be Sergei Lavrov')} sections[1].facts[0].sources[0].quote:" in text
    assert "not found in" in text
    answer = await fake.ask("who leads russia's delegation", ADMIN)
    assert "Vladimir Medinsky" in visible(answer)


async def test_admin_reload_reports_changes_and_old_buttons_stay_polite(fake: FakeTelegram, brief: Path,
                                                                        bot: TelegramAdapter) -> None:
    text = brief.read_text(encoding="utf-8")
    start = text.index("  - id: ukraine-delegation")
    end = text.index("  - id: talks-outcome")
    trimmed = text[:start] + text[end:]
    trimmed = trimmed.replace("related: [ukraine-delegation, venue]", "related: [venue]")
    trimmed = trimmed.replace("    related: [russia-delegation]\n  - id: talks", "  - id: talks")
    brief.write_text(trimmed, encoding="utf-8")
    reply = await fake.ask("/reload", ADMIN)
    report = visible(reply)
    assert report.startswith("Brief reloaded"), report
    assert "Removed: Ukraine's delegation" in report
    mark = len(fake.calls)
    fake.callback("t:ukraine-delegation", ADMIN)  # a button sent before the reload
    assert (await fake.next_call("answerCallbackQuery", after=mark)).params["text"] == STALE_BUTTON
    stats = visible(await fake.ask("/stats", ADMIN))
    assert "Reloads: 1 ok, 0 failed" in stats


# ---------------------------------------------------------------- other commands


async def test_help_sources_and_digest(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    help_text = visible(await fake.ask("/help", USER))
    assert "/topics" in help_text and "@briefbot_test_bot" in help_text and "/reload" not in help_text
    sources = visible(await fake.ask("/sources", USER))
    assert "[000] NDTV" in sources and "[004]" in sources
    reply = await fake.ask("/digest", USER)
    digest = visible(reply)
    assert digest.startswith("Istanbul talks")  # the event and its date, not today's
    assert "Prisoners swapped after the first round: 1,000 each side" in digest
    assert "new prisoner exchange" in digest  # the outcome section's facts
    assert reply.buttons()  # the other topics
    assert "don't know that command" in visible(await fake.ask("/nonsense", USER))


class FakeSubscriptions:
    """Implements the core Subscriptions protocol in memory."""

    def __init__(self, fail: Exception | None = None) -> None:
        self.active: dict[tuple[str, str], tuple[str, str | None, str | None]] = {}
        self.fail = fail

    async def subscribe(self, platform: str, chat_id: str, user_id: str,
                        time_text: str | None, zone_text: str | None, mode: str | None = None) -> str:
        if self.fail:
            raise self.fail
        if time_text == "25:00":
            raise InvalidSchedule("I can't read that time: use HH:MM, e.g. 08:00 <24h>")
        self.active[(platform, chat_id)] = (user_id, time_text, zone_text) + ((mode,) if mode else ())
        return f"Daily digest at {time_text or '08:00'} {zone_text or 'UTC'} — send /unsubscribe to stop."

    async def unsubscribe(self, platform: str, chat_id: str) -> bool:
        return self.active.pop((platform, chat_id), None) is not None


async def test_subscribe_without_a_subscription_service(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    assert visible(await fake.ask("/subscribe 08:00", USER)) == NO_SUBSCRIPTIONS
    assert visible(await fake.ask("/unsubscribe", USER)) == NO_SUBSCRIPTIONS


async def test_subscribe_and_unsubscribe_through_the_service(fake: FakeTelegram, brief: Path) -> None:
    subscriptions = FakeSubscriptions()
    async with running(make_settings(fake, brief), subscriptions):
        reply = await fake.ask("/subscribe 07:30 Europe/Kyiv", USER)
        assert visible(reply) == "Daily digest at 07:30 Europe/Kyiv — send /unsubscribe to stop."
        assert subscriptions.active[("telegram", str(USER))] == (str(USER), "07:30", "Europe/Kyiv")
        await fake.ask("/subscribe Europe/Paris", USER)  # a zone alone
        assert subscriptions.active[("telegram", str(USER))] == (str(USER), None, "Europe/Paris")
        await fake.ask("/subscribe 08:00 UTC changes", USER)  # only on days the brief changed
        assert subscriptions.active[("telegram", str(USER))] == (str(USER), "08:00", "UTC", "changes")
        invalid = await fake.ask("/subscribe 25:00", USER)
        assert visible(invalid) == "I can't read that time: use HH:MM, e.g. 08:00 <24h>"
        assert "Usage: /subscribe" in visible(await fake.ask("/subscribe 1 2 3", USER))
        assert "stopped" in visible(await fake.ask("/unsubscribe", USER))
        assert "no daily digest" in visible(await fake.ask("/unsubscribe", USER))


async def test_unexpected_error_tells_the_user_nothing_specific(fake: FakeTelegram, brief: Path,
                                                                caplog: pytest.LogCaptureFixture) -> None:
    subscriptions = FakeSubscriptions(fail=RuntimeError("database password=hunter2 unreachable"))
    async with running(make_settings(fake, brief), subscriptions):
        with caplog.at_level(logging.ERROR):
            reply = await fake.ask("/subscribe 08:00", USER)
    assert reply.text == ERROR_TEXT
    assert "hunter2" not in reply.text
    assert any("error while handling a telegram update" in r.getMessage() for r in caplog.records)


# ---------------------------------------------------------------- flood and platform errors


async def test_flooding_user_gets_one_notice_not_an_answer_each(fake: FakeTelegram, brief: Path) -> None:
    async with running(make_settings(fake, brief, flood=FloodSettings(messages=2, per_seconds=60))):
        mark = len(fake.calls)
        for _ in range(6):
            fake.message("who leads russia's delegation", USER)
        await fake.next_call("sendMessage", USER, after=mark, where=lambda c: FLOOD_NOTICE in c.text)
        calm = await fake.ask("where are the talks held", USER + 1)  # other users are unaffected
        assert "Ciragan Palace" in visible(calm)
        # All six were handled before the other user's question (updates run in order).
        replies = [c for c in fake.calls[mark:] if c.method == "sendMessage" and c.chat_id == USER]
        assert [FLOOD_NOTICE in c.text for c in replies] == [False, False, True]


async def test_429_on_a_reply_is_retried_after_retry_after(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    fake.fail_next("sendMessage", too_many_requests(1), chat_id=USER)
    reply = await fake.ask("who leads russia's delegation", USER)
    second = await fake.next_call("sendMessage", USER, after=fake.calls.index(reply) + 1)
    assert reply.text == second.text and "Vladimir Medinsky" in visible(second)
    assert len(fake.sent(USER)) == 2  # the refused attempt and the retry, nothing else


async def test_403_blocked_reply_is_logged_and_the_bot_keeps_going(fake: FakeTelegram, bot: TelegramAdapter,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    fake.fail_next("sendMessage", BLOCKED, chat_id=USER)
    with caplog.at_level(logging.WARNING):
        await fake.ask("who leads russia's delegation", USER)
        answer = await fake.ask("where are the talks held", USER + 3)
    assert "Ciragan Palace" in visible(answer)
    assert any("bot was blocked by the user" in r.getMessage() for r in caplog.records)
    assert not any(TOKEN in r.getMessage() for r in caplog.records)
    assert [c.text for c in fake.sent(USER)].count(ERROR_TEXT) == 0  # no apology into a blocked chat


def digest() -> Digest:
    import datetime as dt

    quote = (Quote("002_x", "q"),)
    return Digest("telegram-test", "1+abc", dt.date(2025, 6, 2), "Talks <&> Istanbul", "2 June 2025", None,
                  "Summary.", (AnswerFact("A new prisoner exchange was agreed.", quote),),
                  (AnswerFact("About 1,000 prisoners each side, according to AP.", quote),),
                  sources=(SourceRef("002_x", "Reuters"),), topics=(Topic("venue", "Venue"),))


async def test_send_digest_and_its_failures(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    fake.chat(USER)
    await bot.send_digest(str(USER), digest())
    sent = fake.sent(USER)[-1]
    assert sent.params["parse_mode"] == "HTML" and "Talks <&> Istanbul" in visible(sent)
    fake.fail_next("sendMessage", BLOCKED, chat_id=USER)
    with pytest.raises(RecipientGone):
        await bot.send_digest(str(USER), digest())
    fake.fail_next("sendMessage", too_many_requests(3), chat_id=USER)
    with pytest.raises(RateLimited) as limited:
        await bot.send_digest(str(USER), digest())
    assert limited.value.retry_after == 3
    with pytest.raises(RecipientGone):  # the fake has never seen this chat: "chat not found"
        await bot.send_digest("987654321", digest())
    fake.fail_next("sendMessage", ApiError(400, "Bad Request: not enough rights to send text messages to the chat"),
                   chat_id=USER)
    with pytest.raises(RecipientGone):  # a group that took the bot's right to post away
        await bot.send_digest(str(USER), digest())
    fake.fail_next("sendMessage", BAD_GATEWAY, chat_id=USER)
    with pytest.raises(TransientFailure):  # the fan-out retries it
        await bot.send_digest(str(USER), digest())


# ---------------------------------------------------------------- webhook mode and bad tokens


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_webhook_mode_sets_the_webhook_and_answers_posted_updates(fake: FakeTelegram, brief: Path) -> None:
    port = free_port()
    settings = make_settings(fake, brief)
    webhook = WebhookSettings(enabled=True, listen="127.0.0.1", port=port,
                              url="https://bot.example.test/hook-path", url_path="hook-path")
    settings = settings.model_copy(update={"telegram": settings.telegram.model_copy(update={"webhook": webhook})})
    async with running(settings):
        hook = fake.calls_of("setWebhook")[-1].params
        assert hook["url"] == "https://bot.example.test/hook-path"
        assert set(hook["allowed_updates"]) == {"message", "callback_query", "inline_query"}
        secret = hook["secret_token"]
        fake.chat(USER)
        update = {"update_id": 1, "message": {"message_id": 5, "from": fake.user(USER), "chat": fake.chats[USER],
                                              "date": 1, "text": "who leads russia's delegation"}}
        mark = len(fake.calls)
        async with aiohttp.ClientSession() as http:
            url = f"http://127.0.0.1:{port}/hook-path"
            forged = await http.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"})
            assert forged.status == 403
            real = await http.post(url, data=json.dumps(update),
                                   headers={"X-Telegram-Bot-Api-Secret-Token": secret,
                                            "Content-Type": "application/json"})
            assert real.status == 200
        reply = await fake.next_call("sendMessage", USER, after=mark)
        assert "Vladimir Medinsky" in visible(reply)
        assert not fake.calls_of("getUpdates")


async def test_rejected_token_fails_start_without_repeating_it(fake: FakeTelegram, brief: Path) -> None:
    settings = make_settings(fake, brief)
    wrong = "999999:WRONG-secret-token"
    settings = settings.model_copy(update={"telegram": settings.telegram.model_copy(
        update={"token": SecretStr(wrong)})})
    adapter = TelegramAdapter(settings, build_service(settings))
    with pytest.raises(RuntimeError) as failed:
        await adapter.start()
    assert "WRONG-secret-token" not in str(failed.value) and "TELEGRAM_TOKEN" in str(failed.value)


async def test_updates_are_confirmed_so_a_restart_does_not_answer_twice(fake: FakeTelegram, brief: Path) -> None:
    settings = make_settings(fake, brief)
    async with running(settings):
        await fake.ask("who leads russia's delegation", USER)
    await asyncio.sleep(0)
    assert fake.drained()
    async with running(settings):
        mark = len(fake.calls)
        sentinel = await fake.ask("where are the talks held", USER)
        assert [c for c in fake.sent(USER) if fake.calls.index(c) >= mark] == [sentinel]


# ---------------------------------------------------------------- one rate limiter: answers ahead of digests


class _Hooks:
    async def settle(self, done: Any, starting: Any) -> list[bool]:
        return [True] * len(starting)


async def test_answers_overtake_a_digest_fan_out_and_no_window_exceeds_telegram_limits(brief: Path) -> None:
    """Real time against a fake with a 30 ms round trip: 200 digests (one of them long enough for several
    messages) through the real adapter's limiter, and a reader's question asked while 100 of them wait for a
    slot: first come, first served would put about 100 digests ahead of the answer."""
    from bot.fanout import FanoutSender, Outbound, Outcome

    fake = FakeTelegram(TOKEN, latency=0.03)
    await fake.start()
    try:
        async with running(make_settings(fake, brief)) as bot:
            chats = [5000 + i for i in range(200)]
            for chat in chats:
                fake.chat(chat)
            quote = (Quote("002_x", "q"),)
            long = replace(digest(), outcomes=tuple(AnswerFact(f"Outcome {i}: " + "words " * 60, quote)
                                                    for i in range(40)))
            items = [Outbound("telegram", str(c), long if c == chats[0] else digest()) for c in chats]
            sender = FanoutSender([bot], concurrency=100)
            fan_out = asyncio.create_task(sender.send_all(items, _Hooks()))
            await fake.next_call("sendMessage", chats[20], after=0)  # the fan-out is well under way
            mark = len(fake.calls)
            answer = await fake.ask("who leads russia's delegation", USER)
            report = await fan_out
        digests_before_answer = [c for c in fake.calls[mark:fake.calls.index(answer)] if c.chat_id != USER]
        assert "Vladimir Medinsky" in visible(answer)
        assert report.counts[Outcome.SENT] == len(chats)
        assert len(digests_before_answer) < 50  # the slots while the bot read and matched it, not the queue
        assert len(fake.sent(chats[0])) > 1  # every part of a long digest is a message of its own ...
        assert fake.busiest(1.0) <= 30  # ... and takes its own slot: 30 a second overall
        assert all(fake.busiest(1.0, chat) == 1 for chat in chats)  # one a second per chat
    finally:
        await fake.stop()
