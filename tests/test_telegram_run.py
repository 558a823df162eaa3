"""`python -m bot run` as a real process: it finds TELEGRAM_TOKEN, talks to the Bot API server named by
TELEGRAM_API_BASE_URL, answers a question, stops on SIGTERM, and never prints its token."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS
from tests.conftest import TELEGRAM_TOKEN as TOKEN
from tests.fake_telegram import FakeTelegram, parse_html

BRIEF = Path(__file__).parent / "fixtures" / "telegram" / "brief.yaml"


@pytest.mark.parametrize("level", ["INFO", "DEBUG"])
async def test_python_m_bot_run_answers_and_never_logs_the_token(
    fake: FakeTelegram, level: str, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DISCORD_", "BRIEFBOT_"))}
    env.update({
        "BRIEFBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'briefbot.db'}",
        "TELEGRAM_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": fake.url,
        "BRIEFBOT_BRIEF": str(BRIEF),
        "BRIEFBOT_SEEDS_DIR": str(SEEDS),
        "BRIEFBOT_LOG_LEVEL": level,
        "PYTHONUNBUFFERED": "1",
    })
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=ROOT, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    try:
        await fake.next_call("getUpdates", timeout=30)  # started and long-polling
        reply = await fake.ask("who leads russia's delegation?", 1001)
        assert "Vladimir Medinsky" in parse_html(reply.text)
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        stdout, stderr = await asyncio.wait_for(process.communicate(), 30)
    output = stdout.decode() + stderr.decode()
    assert process.returncode == 0, output
    assert "telegram adapter running" in output
    assert TOKEN not in output and "TEST-token-abc" not in output
    if level == "DEBUG":  # the library logs its request URLs at DEBUG; they arrive redacted
        assert "/bot[REDACTED]" in output, output[-2000:]


def test_a_polling_bot_imports_python_telegram_bot_without_tornado_and_webhooks_come_back() -> None:
    """A poller never starts the webhook server, so tornado (3 MB) is not imported with python-telegram-bot; a
    webhook started later in the same process still works. A fresh interpreter: this one may hold tornado."""
    import subprocess

    code = (
        "import sys\n"
        "from bot.adapters.telegram_webhooks import enable_webhooks, tornado_hidden\n"
        "with tornado_hidden():\n"
        "    import bot.adapters.telegram\n"
        "assert 'tornado' not in sys.modules, 'tornado imported'\n"
        "import tornado\n"  # importable again once the poller's adapter is loaded (/healthz needs it)
        "from telegram.ext import _updater\n"
        "assert not _updater.WEBHOOKS_AVAILABLE\n"
        "enable_webhooks()\n"
        "assert _updater.WEBHOOKS_AVAILABLE and _updater.WebhookServer.__module__.endswith('webhookhandler')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_python_telegram_bot_imports_without_httpx_and_its_default_requests_still_work() -> None:
    """The bot sends its Bot API requests over aiohttp, so python-telegram-bot is imported without httpx (1 MB):
    a bot built the bot's way never loads it, while python-telegram-bot's default requests, made later in the
    same process, are the real HTTPXRequest with the real httpx. A fresh interpreter: this one may hold httpx."""
    import subprocess

    code = (
        "import asyncio, sys\n"
        "from bot.adapters.telegram_httpx import httpx_deferred\n"
        "with httpx_deferred():\n"
        "    import bot.adapters.telegram\n"
        "from bot.adapters.telegram.requests import AiohttpRequest\n"
        "from telegram import Bot\n"
        "from telegram.ext import ApplicationBuilder\n"
        "from telegram.request import HTTPXRequest\n"
        "app = ApplicationBuilder().token('1:x').request(AiohttpRequest())"
        ".get_updates_request(AiohttpRequest(connections=1)).build()\n"
        "assert not isinstance(app.bot.request, HTTPXRequest)\n"
        "assert 'httpx' not in sys.modules, 'httpx imported'\n"
        # Later, python-telegram-bot's own defaults: the real class over the real library.
        "default = Bot('1:x').request\n"
        "import httpx, telegram.request._httpxrequest as real\n"
        "assert type(default) is real.HTTPXRequest and isinstance(default, HTTPXRequest), type(default)\n"
        "assert isinstance(default._client, httpx.AsyncClient) and httpx.Proxy.__module__.startswith('httpx')\n"
        "built = ApplicationBuilder().token('1:x').build()\n"
        "assert type(built.bot.request) is real.HTTPXRequest\n"
        "asyncio.run(default.shutdown())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
