"""Settings: YAML defaults, environment overrides, and tokens that never leak."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings

TOKEN = "123456:SECRET-token-value"


def test_environment_overrides_the_file_and_tokens_stay_secret(tmp_path: Path) -> None:
    settings = load_settings(environ={
        "TELEGRAM_TOKEN": TOKEN, "BRIEFBOT_TELEGRAM_ADMINS": "1, 2", "BRIEFBOT_MATCH_THRESHOLD": "0.6",
        "DISCORD_GUILD_ID": "42", "BRIEFBOT_DISCORD_MESSAGE_CONTENT": "yes",
    })
    assert settings.telegram.admins == (1, 2) and settings.matcher.threshold == 0.6
    assert settings.discord.guild_id == 42 and settings.discord.message_content is True
    assert settings.telegram.token is not None and settings.telegram.token.get_secret_value() == TOKEN
    assert TOKEN not in repr(settings) and TOKEN not in str(settings)


def test_a_token_in_a_config_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bot.yaml"
    path.write_text(f"telegram:\n  token: '{TOKEN}'\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(path, environ={})
    assert "telegram.token must come from the environment" in str(caught.value)
    assert TOKEN not in str(caught.value)


def test_invalid_values_name_the_field_but_never_echo_values(tmp_path: Path) -> None:
    path = tmp_path / "bot.yaml"
    path.write_text("telegram:\n  webhook:\n    port: not-a-port\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(path, environ={"TELEGRAM_TOKEN": TOKEN})
    message = str(caught.value)
    assert "telegram.webhook.port" in message and TOKEN not in message and "not-a-port" not in message
    with pytest.raises(ConfigError, match="BRIEFBOT_MATCH_THRESHOLD"):
        load_settings(environ={"BRIEFBOT_MATCH_THRESHOLD": "high"})


def test_log_level_is_checked_at_start_and_accepted_in_any_case() -> None:
    assert load_settings(environ={"BRIEFBOT_LOG_LEVEL": "debug"}).log_level == "DEBUG"
    with pytest.raises(ConfigError) as error:
        load_settings(environ={"BRIEFBOT_LOG_LEVEL": "verbose"})
    assert "log_level" in str(error.value) and "verbose" not in str(error.value).lower()
