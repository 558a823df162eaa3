"""Settings: YAML defaults, environment overrides, and tokens that never leak."""

from __future__ import annotations

import dataclasses
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


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bot.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("digest, line", [
    ('  default_timezone: localtime\n', 3),  # the machine's zone file, not an IANA name
    ('  default_timezone: Mars/Olympus\n', 3),
    ('  default_time: "25:99"\n', 3),
    ('  default_time: "\u0660\u0668:\u0660\u0660"\n', 3),  # Arabic-Indic digits: 08:00 to \d, not to HH:MM
    ('  grace_minutes: 10\n  default_time: "8"\n', 4),
])
def test_digest_defaults_are_checked_when_settings_load(tmp_path: Path, digest: str, line: int) -> None:
    path = write(tmp_path, f"log_level: INFO\ndigest:\n{digest}")
    with pytest.raises(ConfigError) as caught:
        load_settings(path, environ={})
    assert caught.value.where.endswith(f"bot.yaml:{line}") and "digest.default_" in caught.value.what


def test_digest_defaults_are_normalised(tmp_path: Path) -> None:
    path = write(tmp_path, 'digest:\n  default_time: "8:30"\n  default_timezone: europe/kyiv\n')
    digest = load_settings(path, environ={}).digest
    assert (digest.default_time, digest.default_timezone) == ("08:30", "Europe/Kyiv")


def test_a_missing_config_file_named_by_the_environment_is_an_error() -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(environ={"BRIEFBOT_CONFIG": "/nonexistent.yaml"})


def test_a_config_typo_names_the_line_but_never_its_value(tmp_path: Path) -> None:
    password = "hunter2-Pa55"
    broken = write(tmp_path, f'log_level: INFO\ndatabase_url: "postgresql+asyncpg://bot:{password}@db/bot\n')
    with pytest.raises(ConfigError) as caught:
        load_settings(broken, environ={})
    assert password not in str(caught.value) and "invalid YAML" in caught.value.what
    misspelt = write(tmp_path, f"database_ulr: postgresql+asyncpg://bot:{password}@db/bot\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(misspelt, environ={})
    assert password not in str(caught.value) and caught.value.where.endswith("bot.yaml:1")
    assert "database_ulr" in caught.value.what


def test_duplicate_keys_in_the_config_are_refused_at_their_line(tmp_path: Path) -> None:
    path = write(tmp_path, "matcher:\n  threshold: 0.4\n  threshold: 0.9\n")
    with pytest.raises(ConfigError) as caught:
        load_settings(path, environ={})
    assert caught.value.where.endswith("bot.yaml:3") and "duplicate key 'threshold'" in caught.value.what


def test_environment_values_are_parsed_by_type_and_blamed_on_their_variable() -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(environ={"BRIEFBOT_TELEGRAM_ADMINS": "1, two"})
    assert caught.value.where == "environment variable BRIEFBOT_TELEGRAM_ADMINS"
    with pytest.raises(ConfigError) as caught:
        load_settings(environ={"BRIEFBOT_MATCH_THRESHOLD": "5"})  # a number, but out of range
    assert caught.value.where == "environment variable BRIEFBOT_MATCH_THRESHOLD"
    settings = load_settings(environ={"BRIEFBOT_TELEGRAM_ADMINS": "", "telegram_token": "lower-case is not it"})
    assert settings.telegram.admins == () and settings.telegram.token is None


def test_the_database_password_is_one_of_the_secrets() -> None:
    settings = load_settings(environ={"BRIEFBOT_DATABASE_URL": "postgresql+asyncpg://bot:p%40ss@db/bot"})
    assert {"p%40ss", "p@ss"} <= set(settings.secrets())


def test_every_environment_variable_is_in_the_kept_settings_key() -> None:
    """Kept settings (bot/config_base.py) are keyed by the variables the rule names: it must name all of them."""
    from bot.config import EnvironmentSettings
    from bot.config_base import _bot_variable

    names = {str(field.validation_alias) for field in EnvironmentSettings.model_fields.values()}
    assert names and all(_bot_variable(name) for name in names)


def test_kept_settings_are_what_was_validated_and_only_for_the_same_inputs(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.config_base import keep_settings, kept_settings

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("TELEGRAM_TOKEN", TOKEN)
    monkeypatch.setenv("BRIEFBOT_TELEGRAM_ADMINS", "7,8")
    path = tmp_path / "bot.yaml"
    path.write_text("matcher:\n  threshold: 0.4\nconversation:\n  ttl_seconds: 60\n")
    assert kept_settings(path) is None
    settings = load_settings(path)
    keep_settings(path, settings)
    kept = kept_settings(path)
    assert kept is not None
    assert (kept.brief, kept.seeds_dir, kept.log_level, kept.log_format) == (
        settings.brief, settings.seeds_dir, settings.log_level, settings.log_format)
    assert kept.matcher.threshold == 0.4 and kept.matcher.suggestions == settings.matcher.suggestions
    assert kept.conversation.ttl_seconds == 60 and kept.conversation.max_conversations == 10_000
    assert kept.telegram.admins == (7, 8) and kept.discord.admins == ()
    assert kept.secrets() == settings.secrets() == [TOKEN]
    assert not any(TOKEN in file.read_text() for file in (tmp_path / "cache").rglob("*") if file.is_file())
    monkeypatch.setenv("TELEGRAM_TOKEN", "654321:OTHER-token-value")  # a token's value is read, not kept
    assert kept_settings(path) is not None and kept_settings(path).secrets() == ["654321:OTHER-token-value"]
    monkeypatch.setenv("BRIEFBOT_MATCH_THRESHOLD", "0.7")  # any other variable: validate again
    assert kept_settings(path) is None
    monkeypatch.delenv("BRIEFBOT_MATCH_THRESHOLD")
    path.write_text("matcher:\n  threshold: 2\n")  # the file changed: validate again (and fail)
    assert kept_settings(path) is None
    with pytest.raises(ConfigError):
        load_settings(path)


def test_settings_with_a_database_password_are_never_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.config_base import keep_settings, kept_settings

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("BRIEFBOT_DATABASE_URL", "postgresql+asyncpg://bot:hunter22@db/bot")
    keep_settings(None, load_settings())
    assert kept_settings(None) is None and not (tmp_path / "cache").exists()


def test_every_setting_has_a_plain_twin_with_the_same_fields() -> None:
    """`run`, `ask` and `sections` read kept settings as bot/config_base.py's dataclasses: one per settings model,
    field for field, so nothing validated is missing from what they read."""
    import dataclasses

    from pydantic import BaseModel

    from bot import config_base
    from bot.config import Settings

    def check(model: type[BaseModel], view: type) -> None:
        assert [f.name for f in dataclasses.fields(view)] == list(model.model_fields), view.__name__
        for name, field in model.model_fields.items():
            if isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel):
                twin = {f.name: f.type for f in dataclasses.fields(view)}[name]
                check(field.annotation, getattr(config_base, twin))

    check(Settings, config_base.SettingsView)


def test_kept_settings_are_every_setting_validated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.config_base import Secret, keep_settings, kept_settings

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("DISCORD_TOKEN", "discord-token-value")
    monkeypatch.setenv("BRIEFBOT_WEBHOOK_URL", "https://example.org/hook")
    monkeypatch.setenv("BRIEFBOT_HTTP_PORT", "9100")
    path = tmp_path / "bot.yaml"
    path.write_text("flood:\n  messages: 3\ndigest:\n  default_timezone: Europe/Kyiv\ncuration:\n  grey_zone: 0.2\n"
                    "discord:\n  guild_id: 42\n")
    settings = load_settings(path)
    keep_settings(path, settings)
    kept = kept_settings(path)
    assert kept is not None
    assert kept.telegram.token is None and kept.discord.token == Secret("discord-token-value")
    assert "discord-token-value" not in repr(kept) and kept.discord.token.get_secret_value() == "discord-token-value"
    assert kept.telegram.webhook.active and kept.telegram.webhook == type(kept.telegram.webhook)(
        **settings.telegram.webhook.model_dump())
    assert kept.flood.messages == 3 and kept.digest.default_timezone == "Europe/Kyiv" and kept.curation.grey_zone == 0.2
    assert (kept.http_port, kept.database_url, kept.discord.guild_id) == (9100, settings.database_url, 42)
    plain = settings.model_dump(exclude={"telegram": {"token"}, "discord": {"token"}})
    view = dataclasses.asdict(kept)
    for platform in ("telegram", "discord"):
        view[platform].pop("token")
    assert view == plain
