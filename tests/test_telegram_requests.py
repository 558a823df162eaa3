"""python-telegram-bot's requests over aiohttp (bot/adapters/telegram/requests.py), against local servers only."""

from __future__ import annotations

import json
import threading
from typing import AsyncIterator

import pytest
from aiohttp import web

from bot.adapters.telegram.requests import AiohttpRequest
from tests.conftest import TELEGRAM_TOKEN as TOKEN
from tests.fake_telegram import FakeTelegram


@pytest.fixture
async def request_() -> AsyncIterator[AiohttpRequest]:
    request = AiohttpRequest()
    await request.initialize()
    yield request
    await request.shutdown()


@pytest.fixture
async def proxy() -> AsyncIterator[tuple[str, list[str]]]:
    """A forward proxy that answers every request itself, as the Bot API would, and notes the URLs asked for."""
    asked: list[str] = []

    async def answer(request: web.Request) -> web.Response:
        asked.append(str(request.url))
        return web.json_response({"ok": True, "result": {"id": 1, "is_bot": True, "first_name": "via proxy"}})

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", answer)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}", asked
    await runner.cleanup()


@pytest.fixture
def no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return monkeypatch


async def test_requests_start_no_thread_each(fake: FakeTelegram, request_: AiohttpRequest,
                                             no_proxy_env: pytest.MonkeyPatch) -> None:
    # With aiohttp's trust_env every request looked up .netrc and the proxy settings in a worker thread: six
    # threads kept, each with its own malloc arena, and two thread hops per message sent.
    before = threading.active_count()
    for _ in range(20):
        status, body = await request_.do_request(f"{fake.url}/bot{TOKEN}/getMe", "POST")
        assert status == 200 and json.loads(body)["result"]["id"] == 123456
    assert threading.active_count() == before


async def test_the_proxy_in_the_environment_carries_the_requests(
        fake: FakeTelegram, proxy: tuple[str, list[str]], no_proxy_env: pytest.MonkeyPatch) -> None:
    address, asked = proxy
    no_proxy_env.setenv("HTTP_PROXY", address)
    request = AiohttpRequest()
    await request.initialize()
    try:
        # Nothing listens on port 9: only the proxy can answer.
        status, body = await request.do_request(f"http://127.0.0.1:9/bot{TOKEN}/getMe", "POST")
        assert status == 200 and json.loads(body)["result"]["first_name"] == "via proxy"
        assert asked == [f"http://127.0.0.1:9/bot{TOKEN}/getMe"]
    finally:
        await request.shutdown()

    no_proxy_env.setenv("NO_PROXY", "127.0.0.1")  # NO_PROXY names the Bot API server: straight to it
    request = AiohttpRequest()
    await request.initialize()
    try:
        status, body = await request.do_request(f"{fake.url}/bot{TOKEN}/getMe", "POST")
        assert status == 200 and json.loads(body)["result"]["id"] == 123456 and len(asked) == 1
    finally:
        await request.shutdown()
