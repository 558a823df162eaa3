"""The local Bot API server itself speaks the Bot API's shapes (checked over raw HTTP, not through PTB)."""

from __future__ import annotations

import asyncio
import json
from typing import AsyncIterator

import aiohttp
import pytest

from tests.conftest import TELEGRAM_TOKEN as TOKEN
from tests.fake_telegram import BLOCKED, FakeTelegram, too_many_requests


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def call(http: aiohttp.ClientSession, fake: FakeTelegram, method: str, token: str = TOKEN,
               **kwargs: object) -> tuple[int, dict]:
    async with http.post(f"{fake.url}/bot{token}/{method}", **kwargs) as response:  # type: ignore[arg-type]
        return response.status, await response.json()


async def test_get_me_and_unauthorized(fake: FakeTelegram, http: aiohttp.ClientSession) -> None:
    status, body = await call(http, fake, "getMe")
    assert status == 200 and body["ok"] is True
    assert body["result"]["is_bot"] is True and body["result"]["id"] == 123456
    status, body = await call(http, fake, "getMe", token="123456:wrong")
    assert (status, body) == (401, {"ok": False, "error_code": 401, "description": "Unauthorized"})


async def test_send_message_accepts_json_form_and_multipart(fake: FakeTelegram, http: aiohttp.ClientSession) -> None:
    fake.chat(7)
    markup = {"inline_keyboard": [[{"text": "Venue", "callback_data": "t:venue"}]]}
    status, body = await call(http, fake, "sendMessage", json={"chat_id": 7, "text": "<b>hi</b>", "parse_mode": "HTML",
                                                              "reply_markup": markup})
    assert status == 200 and body["result"]["text"] == "hi" and isinstance(body["result"]["date"], int)
    status, _ = await call(http, fake, "sendMessage", data={"chat_id": "7", "text": "form",
                                                            "reply_markup": json.dumps(markup)})
    form = aiohttp.FormData()
    form.add_field("chat_id", "7")
    form.add_field("text", "multipart")
    status2, _ = await call(http, fake, "sendMessage", data=form)
    assert status == status2 == 200
    assert [c.params["chat_id"] for c in fake.sent(7)] == [7, 7, 7]
    assert fake.sent(7)[1].params["reply_markup"] == markup


async def test_api_errors_have_the_real_shape(fake: FakeTelegram, http: aiohttp.ClientSession) -> None:
    fake.chat(7)
    status, body = await call(http, fake, "sendMessage", json={"chat_id": 8, "text": "x"})
    assert (status, body["description"]) == (400, "Bad Request: chat not found")
    status, body = await call(http, fake, "sendMessage", json={"chat_id": 7, "text": "<script>", "parse_mode": "HTML"})
    assert status == 400 and body["description"].startswith("Bad Request: can't parse entities")
    status, body = await call(http, fake, "sendMessage", json={"chat_id": 7, "text": "x" * 4097})
    assert (status, body["description"]) == (400, "Bad Request: message is too long")
    bad = {"inline_keyboard": [[{"text": "x", "callback_data": "t:" + "a" * 63}]]}
    status, body = await call(http, fake, "sendMessage", json={"chat_id": 7, "text": "x", "reply_markup": bad})
    assert (status, body["description"]) == (400, "Bad Request: BUTTON_DATA_INVALID")
    fake.fail_next("sendMessage", BLOCKED, chat_id=7)
    status, body = await call(http, fake, "sendMessage", json={"chat_id": 7, "text": "x"})
    assert (status, body) == (403, {"ok": False, "error_code": 403,
                                    "description": "Forbidden: bot was blocked by the user"})
    fake.fail_next("sendMessage", too_many_requests(5))
    status, body = await call(http, fake, "sendMessage", json={"chat_id": 7, "text": "x"})
    assert status == 429 and body["parameters"] == {"retry_after": 5} and body["error_code"] == 429
    status, _ = await call(http, fake, "sendMessage", json={"chat_id": 7, "text": "x"})
    assert status == 200  # a failure applies once


async def test_get_updates_long_polls_and_confirms_by_offset(fake: FakeTelegram, http: aiohttp.ClientSession) -> None:
    poll = asyncio.create_task(call(http, fake, "getUpdates", json={"timeout": 10}))
    await fake.next_call("getUpdates", after=0)
    assert not poll.done()  # waiting: no updates yet
    fake.message("hello", 7)
    status, body = await poll
    [update] = body["result"]
    assert update["message"]["text"] == "hello" and update["message"]["from"]["is_bot"] is False
    _, again = await call(http, fake, "getUpdates", json={"offset": update["update_id"]})
    assert len(again["result"]) == 1  # not confirmed yet
    _, after = await call(http, fake, "getUpdates", json={"offset": update["update_id"] + 1, "timeout": 0})
    assert after["result"] == [] and fake.drained()
