"""Secrets never reach the log, in whatever case or encoding a library's error text carries them."""

from __future__ import annotations

import io
import logging

import pytest

from bot.logging_setup import RedactSecrets

TOKEN = "123456:SECRET-Token_value"
PASSWORD = "p@ss word"


@pytest.fixture
def log() -> tuple[logging.Logger, io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactSecrets([TOKEN, PASSWORD, ""]))
    logger = logging.getLogger("test-redaction")
    logger.handlers[:] = [handler]
    logger.propagate = False
    return logger, stream


@pytest.mark.parametrize("text", [
    TOKEN, TOKEN.lower(), TOKEN.upper(), "123456%3ASECRET-Token_value", "https://API.example/BOT123456:secret-token_VALUE/getMe",
    "postgresql://bot:p%40ss%20word@db/bot", "P@SS WORD",
])
def test_a_secret_is_redacted_in_any_case_and_encoding(log: tuple[logging.Logger, io.StringIO], text: str) -> None:
    logger, stream = log
    logger.warning("request failed: %s", text)
    try:
        raise ConnectionError(f"cannot reach {text.lower()}")
    except ConnectionError:
        logger.exception("start-up")
    output = stream.getvalue()
    assert "[REDACTED]" in output
    for secret in (TOKEN, PASSWORD, "secret-token_value", "p%40ss"):
        assert secret.lower() not in output.lower()
