"""`python -m bot run` as a real process with DISCORD_TOKEN: it starts Discord from the two endpoint settings,
runs beside Telegram, survives Discord failing to connect, stops on SIGTERM and never prints its token."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import tempfile
from pathlib import Path
from typing import AsyncIterator

import pytest

from tests.conftest import ROOT, TELEGRAM_TOKEN
from tests.fake_discord import FakeDiscord, Recorded
from tests.fake_telegram import FakeTelegram, parse_html

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "discord"


@pytest.fixture
async def discord_fake() -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord(token="MTIz.discord-SECRET-token")
    await server.start()
    yield server
    await server.close()


@pytest.fixture
async def telegram_fake() -> AsyncIterator[FakeTelegram]:
    server = FakeTelegram(TELEGRAM_TOKEN)
    await server.start()
    yield server
    await server.stop()


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DISCORD_", "BRIEFBOT_"))}
    env.update({
        # a throwaway database per run: the tests must not write into the checkout
        "BRIEFBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tempfile.mkdtemp(prefix='briefbot-')}/briefbot.db",
        "BRIEFBOT_BRIEF": str(FIXTURES / "brief.yaml"),
        "BRIEFBOT_SEEDS_DIR": str(FIXTURES / "seeds"),
        "BRIEFBOT_LOG_LEVEL": "DEBUG",
        "PYTHONUNBUFFERED": "1",
        **extra,
    })
    return env


def _discord_env(fake: FakeDiscord, token: str | None = None) -> dict[str, str]:
    return {"DISCORD_TOKEN": token or fake.token, "DISCORD_API_BASE_URL": fake.api_base_url,
            "DISCORD_GATEWAY_URL": fake.gateway_url}


async def _run(env: dict[str, str]) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=ROOT, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )


async def _started(process: asyncio.subprocess.Process) -> str:
    """Log lines up to the end of start-up (the digest scheduler starts after every chat adapter).

    Stopping earlier would race bootstrap installing its SIGTERM handler, and kill the process.
    """
    assert process.stderr is not None
    lines: list[str] = []

    async def read() -> None:
        while True:
            line = (await process.stderr.readline()).decode()  # type: ignore[union-attr]
            if not line:
                raise AssertionError("the bot exited during start-up:\n" + "".join(lines))
            lines.append(line)
            if "digest scheduler started" in line:
                return

    await asyncio.wait_for(read(), 60)
    await asyncio.sleep(0.5)  # the handler is installed right after that line; not an assertion
    return "".join(lines)


async def _stop(process: asyncio.subprocess.Process, head: str) -> str:
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
    stdout, stderr = await asyncio.wait_for(process.communicate(), 30)
    return head + stdout.decode() + stderr.decode()


async def _ask_discord(fake: FakeDiscord, question: str) -> Recorded:
    await fake.wait_ready()  # the interaction follows READY on the same socket, so the client is connected
    return await fake.interact(fake.slash("ask", {"question": question}))


async def test_python_m_bot_run_serves_discord_and_hides_the_token(discord_fake: FakeDiscord) -> None:
    process = await _run(_env(**_discord_env(discord_fake)))
    head = await _started(process)
    try:
        callback = await _ask_discord(discord_fake, "who leads the russian delegation")
        assert "Vladimir Medinsky" in callback.body["data"]["embeds"][0]["description"]
    finally:
        output = await _stop(process, head)
    assert process.returncode == 0, output
    assert "discord adapter running" in output
    assert "discord-SECRET-token" not in output and "MTIz" not in output


async def _assert_telegram_answers(telegram_fake: FakeTelegram) -> None:
    await telegram_fake.next_call("getUpdates", timeout=30)  # the Telegram adapter is polling
    reply = await telegram_fake.ask("who leads the russian delegation?", 1001)
    assert "Vladimir Medinsky" in parse_html(reply.text)


async def test_telegram_and_discord_run_side_by_side(discord_fake: FakeDiscord,
                                                     telegram_fake: FakeTelegram) -> None:
    env = _env(**_discord_env(discord_fake), TELEGRAM_TOKEN=TELEGRAM_TOKEN, TELEGRAM_API_BASE_URL=telegram_fake.url)
    process = await _run(env)
    head = await _started(process)
    try:
        callback = await _ask_discord(discord_fake, "who leads the russian delegation")
        assert "Vladimir Medinsky" in callback.body["data"]["embeds"][0]["description"]
        await _assert_telegram_answers(telegram_fake)
    finally:
        output = await _stop(process, head)
    assert process.returncode == 0, output
    assert "discord adapter running" in output and "telegram adapter running" in output


async def test_discord_failing_to_connect_leaves_telegram_running(discord_fake: FakeDiscord,
                                                                  telegram_fake: FakeTelegram) -> None:
    env = _env(**_discord_env(discord_fake, token="MTIz.rejected-SECRET"), TELEGRAM_TOKEN=TELEGRAM_TOKEN,
               TELEGRAM_API_BASE_URL=telegram_fake.url)
    process = await _run(env)
    head = await _started(process)
    try:
        await _assert_telegram_answers(telegram_fake)
    finally:
        output = await _stop(process, head)
    assert process.returncode == 0, output
    assert "discord failed to start" in output and "telegram adapter running" in output
    assert "rejected-SECRET" not in output
