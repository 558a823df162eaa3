"""Shared paths for the tests."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path
from typing import AsyncIterator

import pytest

from tests.fake_telegram import FakeTelegram

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BRIEF = ROOT / "briefs" / "istanbul-2025-06-02.yaml"
MINI = ROOT / "tests" / "fixtures" / "briefs" / "mini.yaml"
TELEGRAM_TOKEN = "123456:TEST-token-abc"  # shaped like a real token, so redaction is tested for real

# The bot's build cache (README: Configuration) goes to a directory of this run's own, never the user's, and
# every process the tests start inherits it.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="briefbot-tests-")
atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], True)


@pytest.fixture
def mini_text() -> str:
    return MINI.read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    """1-based line of the first occurrence of `needle` in `text`."""
    return text[: text.index(needle)].count("\n") + 1


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    """A local Telegram Bot API server; test modules for other platforms define their own `fake`."""
    server = FakeTelegram(TELEGRAM_TOKEN)
    await server.start()
    yield server
    await server.stop()
