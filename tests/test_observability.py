"""`python -m bot run` as a real process with BRIEFBOT_HTTP_PORT: start-up retries while the Bot API server is
down, /healthz and /metrics over real HTTP on 127.0.0.1, JSON logs, pending updates dropped, webhook from env."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import socket
import sys
import tempfile
from pathlib import Path
from typing import Any

import aiohttp
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import ROOT, SEEDS
from tests.conftest import TELEGRAM_TOKEN as TOKEN
from tests.fake_telegram import FakeTelegram, parse_html

BRIEF = Path(__file__).parent / "fixtures" / "telegram" / "brief.yaml"
ADMIN = 4242


_HANDED_OUT: set[int] = set()


def free_port() -> int:
    """A free port no earlier call returned: two asked in a row may otherwise be the same one, and the bot would ask
    its own health server for the Bot API."""
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in _HANDED_OUT:
            _HANDED_OUT.add(port)
            return port


def bot_env(api_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("TELEGRAM_", "DISCORD_", "BRIEFBOT_")) and k != "PORT"}
    env.update({
        "BRIEFBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tempfile.mkdtemp(prefix='briefbot-')}/briefbot.db",
        "TELEGRAM_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api_url,
        "BRIEFBOT_BRIEF": str(BRIEF),
        "BRIEFBOT_SEEDS_DIR": str(SEEDS),
        "BRIEFBOT_TELEGRAM_ADMINS": str(ADMIN),
        "PYTHONUNBUFFERED": "1",
        **extra,
    })
    return env


class Bot:
    """A `python -m bot run` process whose stderr is collected line by line as it arrives."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.lines: list[str] = []
        self.process: asyncio.subprocess.Process | None = None
        self._reader: asyncio.Task[None] | None = None

    async def __aenter__(self) -> "Bot":
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=ROOT, env=self.env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        self._reader = asyncio.create_task(self._read())
        return self

    async def _read(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        while line := await self.process.stderr.readline():
            self.lines.append(line.decode())

    async def wait_for_line(self, pattern: str, count: int = 1, timeout: float = 30) -> None:
        async def wait() -> None:
            while len([line for line in self.lines if re.search(pattern, line)]) < count:
                if self._reader is not None and self._reader.done():
                    raise AssertionError("the bot exited:\n" + self.output)
                await asyncio.sleep(0.05)
        await asyncio.wait_for(wait(), timeout)

    @property
    def output(self) -> str:
        return "".join(self.lines)

    async def __aexit__(self, *exc: object) -> None:
        assert self.process is not None
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(self.process.wait(), 30)
        if self._reader is not None:
            await self._reader


async def get(port: int, path: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as http, http.get(f"http://127.0.0.1:{port}{path}") as response:
        return response.status, await response.text()


def metric(text: str, name: str, **labels: str) -> float:
    """The value of one sample, read with prometheus-client's own parser of the text format."""
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and sample.labels == labels:
                return sample.value
    raise AssertionError(f"{name}{labels} not in:\n{text}")


async def test_start_up_retries_until_the_bot_api_answers_and_health_follows() -> None:
    api_port, http_port = free_port(), free_port()
    fake = FakeTelegram(TOKEN)
    env = bot_env(f"http://127.0.0.1:{api_port}", BRIEFBOT_HTTP_PORT=str(http_port))
    try:
        async with Bot(env) as bot:
            await bot.wait_for_line(r"telegram unreachable \(attempt 2", timeout=30)
            status, body = await get(http_port, "/healthz")
            assert status == 503
            health = json.loads(body)
            assert health["ok"] is False and health["platforms"] == {"telegram": "connecting"}
            assert health["database"] == {"ok": True}
            await fake.start(api_port)  # the network comes back
            await fake.next_call("getUpdates", timeout=30)
            reply = await fake.ask("who leads russia's delegation?", 1001)
            assert "Vladimir Medinsky" in parse_html(reply.text)
            status, body = await get(http_port, "/healthz")
            health = json.loads(body)
            assert status == 200, body
            assert health["ok"] is True and health["platforms"] == {"telegram": "running"}
            assert health["brief"]["id"] and len(health["brief"]["revision"]) >= 8
            _, metrics = await get(http_port, "/metrics")
            assert metric(metrics, "briefbot_platform_retries_total", platform="telegram") >= 2
    finally:
        await fake.stop()  # after the bot: a server vanishing under a running bot is another test
    output = bot.output
    assert bot.process is not None and bot.process.returncode == 0, output
    attempts = [line for line in output.splitlines() if "telegram unreachable" in line]
    assert len(attempts) >= 2 and all("retrying in" in line for line in attempts)
    assert re.search(r"attempt 1: .*retrying in 1s", output) and re.search(r"attempt 2: .*retrying in 2s", output)
    assert "Traceback" not in output and TOKEN not in output
    assert "telegram adapter running" in output


async def test_metrics_change_after_questions_and_a_reload(
        fake: FakeTelegram) -> None:
    http_port = free_port()
    async with Bot(bot_env(fake.url, BRIEFBOT_HTTP_PORT=str(http_port))) as bot:
        await bot.wait_for_line("digest scheduler started")
        status, before = await get(http_port, "/metrics")
        assert status == 200
        assert metric(before, "briefbot_questions_total", platform="telegram", outcome="answered") == 0
        assert metric(before, "briefbot_digests_sent_total", platform="telegram") == 0
        assert metric(before, "briefbot_brief_reloads_total", result="ok") == 0
        asked = metric(before, "briefbot_answer_seconds_count")

        await fake.ask("who leads russia's delegation?", 1001)
        await fake.ask("what's the weather in paris?", 1001)
        await fake.ask("/reload", ADMIN)
        _, after = await get(http_port, "/metrics")
        assert metric(after, "briefbot_questions_total", platform="telegram", outcome="answered") == 1
        assert metric(after, "briefbot_questions_total", platform="telegram", outcome="unmatched") == 1
        assert metric(after, "briefbot_answer_seconds_count") == asked + 2
        assert metric(after, "briefbot_answer_seconds_sum") > 0
        assert metric(after, "briefbot_brief_reloads_total", result="ok") == 1
        assert "# TYPE briefbot_answer_seconds histogram" in after
        assert 'briefbot_answer_seconds_bucket{le="+Inf"}' in after

        status, body = await get(http_port, "/healthz")
        assert status == 200 and json.loads(body)["platforms"] == {"telegram": "running"}
        assert (await get(http_port, "/nothing-here"))[0] == 404


async def test_json_logs_one_object_a_line_without_the_token(fake: FakeTelegram) -> None:
    env = bot_env(fake.url, BRIEFBOT_LOG_FORMAT="json", BRIEFBOT_LOG_LEVEL="DEBUG")
    async with Bot(env) as bot:
        await bot.wait_for_line("digest scheduler started")
        await fake.ask("who leads russia's delegation?", 1001)
    records = [json.loads(line) for line in bot.lines]  # every line is one JSON object
    assert {"time", "level", "logger", "message"} <= set(records[0])
    assert any(r["message"] == "telegram adapter running" and r["level"] == "INFO" for r in records)
    assert TOKEN not in bot.output and "TEST-token-abc" not in bot.output
    assert any("/bot[REDACTED]" in r["message"] for r in records)  # the library's request lines, redacted


async def test_updates_queued_while_down_are_dropped_on_start(fake: FakeTelegram) -> None:
    fake.chat(1001)
    fake.message("who leads russia's delegation?", 1001)  # sent while the bot was down
    async with Bot(bot_env(fake.url)) as bot:
        await bot.wait_for_line("digest scheduler started")
        reply = await fake.ask("where are the talks held?", 1001)
    assert fake.calls_of("deleteWebhook")[0].params.get("drop_pending_updates") is True
    assert [call.text for call in fake.sent(1001)] == [reply.text]  # only the question asked while running


async def test_webhook_url_and_port_from_the_environment(fake: FakeTelegram) -> None:
    port = free_port()
    env = bot_env(fake.url, BRIEFBOT_WEBHOOK_URL="https://bot.example.test/telegram", PORT=str(port))
    async with Bot(env) as bot:
        await bot.wait_for_line("digest scheduler started")
        hook = fake.calls_of("setWebhook")[-1].params
        assert hook["url"] == "https://bot.example.test/telegram"
        assert hook.get("drop_pending_updates") is True
        update: dict[str, Any] = {"update_id": 1, "message": {
            "message_id": 5, "from": fake.user(1001), "chat": fake.chat(1001), "date": 1,
            "text": "who leads russia's delegation"}}
        mark = len(fake.calls)
        async with aiohttp.ClientSession() as http:
            posted = await http.post(f"http://127.0.0.1:{port}/telegram", json=update,
                                     headers={"X-Telegram-Bot-Api-Secret-Token": hook["secret_token"]})
            assert posted.status == 200
        reply = await fake.next_call("sendMessage", 1001, after=mark)
        assert "Vladimir Medinsky" in parse_html(reply.text)
        assert not fake.calls_of("getUpdates")
    assert f"webhook on 0.0.0.0:{port}/telegram" in bot.output


async def test_http_port_taken_is_one_line_and_exit_1(fake: FakeTelegram) -> None:
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        async with Bot(bot_env(fake.url, BRIEFBOT_HTTP_PORT=str(port))) as bot:
            await asyncio.wait_for(bot.process.wait(), 30)  # type: ignore[union-attr]
    assert bot.process is not None and bot.process.returncode == 1
    assert f"cannot serve health and metrics on port {port}" in bot.output
    assert "Traceback" not in bot.output


async def test_an_unreachable_discord_is_retried_while_telegram_answers_and_health_names_it(
        fake: FakeTelegram) -> None:
    http_port, closed = free_port(), free_port()
    env = bot_env(fake.url, BRIEFBOT_HTTP_PORT=str(http_port), DISCORD_TOKEN="MTIz.discord-SECRET-token",
                  DISCORD_API_BASE_URL=f"http://127.0.0.1:{closed}/api/v10",
                  DISCORD_GATEWAY_URL=f"ws://127.0.0.1:{closed}/gateway")
    async with Bot(env) as bot:
        await bot.wait_for_line("telegram adapter running")
        await bot.wait_for_line(r"discord unreachable \(attempt 2")
        reply = await fake.ask("who leads russia's delegation?", 1001)
        assert "Vladimir Medinsky" in parse_html(reply.text)
        status, body = await get(http_port, "/healthz")
        assert status == 503
        assert json.loads(body)["platforms"] == {"telegram": "running", "discord": "connecting"}
        _, metrics = await get(http_port, "/metrics")
        assert metric(metrics, "briefbot_platform_retries_total", platform="discord") >= 2
        assert metric(metrics, "briefbot_platform_retries_total", platform="telegram") == 0
    assert bot.process is not None and bot.process.returncode == 0, bot.output
    assert "Traceback" not in bot.output and "discord-SECRET-token" not in bot.output


async def test_the_network_gone_at_shutdown_is_one_line_not_a_traceback() -> None:
    fake = FakeTelegram(TOKEN)
    await fake.start()
    async with Bot(bot_env(fake.url)) as bot:
        await bot.wait_for_line("digest scheduler started")
        await fake.stop()  # the network goes away under the running bot, which is then stopped
        await bot.wait_for_line("polling Telegram failed")
    assert bot.process is not None and bot.process.returncode == 0, bot.output
    assert "Traceback" not in bot.output, bot.output
