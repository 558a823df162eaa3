"""Settings: config/bot.yaml, overridden by environment variables. Tokens come only from the environment."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Literal, Mapping
from urllib.parse import unquote, urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, ValidationInfo, field_validator

# Where things are, and ConfigError, live in bot/config_base.py (no pydantic there); named here as before.
from bot.config_base import CHECKOUT, DEFAULT_CONFIG, ROOT, ConfigError, cache_dir, data_root, resolve  # noqa: F401
from bot.core.brief import display_path
from bot.core.ports import InvalidSchedule
from bot.core.schedule import format_time, parse_time, parse_zone
from bot.core.yaml_lines import Path_, YamlProblem, line_for, load_with_lines, strict_load

_HH_MM = re.compile(r"[0-9]{1,2}:[0-9]{2}")  # not \d, which takes Arabic-Indic and other digits too
SECRET_KEYS = {("telegram", "token"), ("discord", "token")}


class _Frozen(BaseModel):
    # Built on first use: `python -m bot ask` validates two of these models and never needs the others' own.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class MatcherSettings(_Frozen):
    threshold: float = Field(0.5, ge=0, le=1)
    suggestions: int = Field(3, ge=0, le=10)


class ConversationSettings(_Frozen):
    max_conversations: int = Field(10_000, ge=1)
    ttl_seconds: float = Field(1800, gt=0)


class FloodSettings(_Frozen):
    messages: int = Field(5, ge=1)
    per_seconds: float = Field(10, gt=0)


class WebhookSettings(_Frozen):
    enabled: bool | None = None  # None: on exactly when `url` is set
    listen: str = "0.0.0.0"
    port: int = Field(8443, ge=1, le=65535)
    url: str = ""
    url_path: str = "telegram"

    @property
    def active(self) -> bool:
        return self.enabled if self.enabled is not None else bool(self.url)


class TelegramSettings(_Frozen):
    token: SecretStr | None = None
    api_base_url: str = "https://api.telegram.org"
    admins: tuple[int, ...] = ()
    webhook: WebhookSettings = Field(default_factory=WebhookSettings)

    @field_validator("api_base_url")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        return value.rstrip("/")


class DiscordSettings(_Frozen):
    token: SecretStr | None = None
    api_base_url: str = "https://discord.com/api/v10"
    gateway_url: str = ""
    guild_id: int | None = None
    admins: tuple[int, ...] = ()
    message_content: bool = False  # privileged intent; mentions and DMs work without it
    application_id: int | None = None  # for `invite-url`; the running bot learns it at login

    @field_validator("api_base_url")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        return value.rstrip("/")


class DigestSettings(_Frozen):
    default_time: str = "08:00"
    default_timezone: str = "UTC"
    grace_minutes: float = Field(120, ge=0)
    recap_chars: int = Field(1200, ge=300, description="a digest's text fits this many characters (one phone screen)")

    @field_validator("default_time")
    @classmethod
    def _hh_mm(cls, value: str) -> str:
        if not _HH_MM.fullmatch(value):
            raise ValueError("use 24-hour HH:MM with ASCII digits, e.g. 08:00")
        try:
            return format_time(parse_time(value))
        except InvalidSchedule:
            raise ValueError("not a time of day; use 24-hour HH:MM, e.g. 08:00") from None

    @field_validator("default_timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            return parse_zone(value).name
        except InvalidSchedule:
            raise ValueError("not a time zone; use an IANA name such as Europe/Kyiv, UTC, or UTC+3") from None


class CurationSettings(_Frozen):
    retention_days: int = Field(90, ge=1)
    grey_zone: float = Field(0.15, ge=0, le=1)  # answers this far above the threshold are logged as shaky


class Settings(_Frozen):
    brief: Path = Path("briefs/istanbul-2025-06-02.yaml")
    seeds_dir: Path = Path("seeds")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    log_format: Literal["text", "json"] = "text"
    matcher: MatcherSettings = Field(default_factory=MatcherSettings)
    conversation: ConversationSettings = Field(default_factory=ConversationSettings)
    flood: FloodSettings = Field(default_factory=FloodSettings)
    telegram: TelegramSettings = Field(default_factory=TelegramSettings)
    discord: DiscordSettings = Field(default_factory=DiscordSettings)
    http_port: int | None = Field(None, ge=1, le=65535)  # /healthz and /metrics; off when unset
    database_url: str = "sqlite+aiosqlite:///data/briefbot.db"
    digest: DigestSettings = Field(default_factory=DigestSettings)
    curation: CurationSettings = Field(default_factory=CurationSettings)

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("log_format", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value

    @field_validator("http_port")
    @classmethod
    def _not_the_webhook_port(cls, value: int | None, info: ValidationInfo) -> int | None:
        telegram = info.data.get("telegram")  # validated first: declared earlier
        if value is not None and telegram is not None and telegram.webhook.active and value == telegram.webhook.port:
            raise ValueError("must differ from the Telegram webhook's port (PORT): each is its own server")
        return value

    def secrets(self) -> list[str]:
        """Every value logs and errors must never show: the tokens and the database password."""
        values = [token.get_secret_value() for token in (self.telegram.token, self.discord.token) if token]
        try:
            password = urlsplit(self.database_url).password
        except ValueError:  # not a URL at all: opening the database says so, without the value
            password = None
        return values + ([password, unquote(password)] if password else [])


class EnvironmentSettings(_Frozen):
    """Every environment variable the bot reads, validated by type. A field's name is where its value goes in
    Settings (`__` between levels); its alias is the variable, matched exactly (upper case). Tokens come only
    from here."""

    config: Path | None = Field(None, validation_alias="BRIEFBOT_CONFIG")  # the file itself, not a setting in it
    brief: Path | None = Field(None, validation_alias="BRIEFBOT_BRIEF")
    seeds_dir: Path | None = Field(None, validation_alias="BRIEFBOT_SEEDS_DIR")
    log_level: str | None = Field(None, validation_alias="BRIEFBOT_LOG_LEVEL")
    log_format: str | None = Field(None, validation_alias="BRIEFBOT_LOG_FORMAT")
    http_port: int | None = Field(None, validation_alias="BRIEFBOT_HTTP_PORT")
    matcher__threshold: float | None = Field(None, validation_alias="BRIEFBOT_MATCH_THRESHOLD")
    database_url: str | None = Field(None, validation_alias="BRIEFBOT_DATABASE_URL")
    telegram__token: SecretStr | None = Field(None, validation_alias="TELEGRAM_TOKEN")
    telegram__api_base_url: str | None = Field(None, validation_alias="TELEGRAM_API_BASE_URL")
    telegram__webhook__url: str | None = Field(None, validation_alias="BRIEFBOT_WEBHOOK_URL")
    telegram__webhook__port: int | None = Field(None, validation_alias="PORT")  # what hosting platforms set
    telegram__admins: tuple[int, ...] | None = Field(None, validation_alias="BRIEFBOT_TELEGRAM_ADMINS")
    discord__token: SecretStr | None = Field(None, validation_alias="DISCORD_TOKEN")
    discord__api_base_url: str | None = Field(None, validation_alias="DISCORD_API_BASE_URL")
    discord__gateway_url: str | None = Field(None, validation_alias="DISCORD_GATEWAY_URL")
    discord__guild_id: int | None = Field(None, validation_alias="DISCORD_GUILD_ID")
    discord__admins: tuple[int, ...] | None = Field(None, validation_alias="BRIEFBOT_DISCORD_ADMINS")
    discord__message_content: bool | None = Field(None, validation_alias="BRIEFBOT_DISCORD_MESSAGE_CONTENT")
    discord__application_id: int | None = Field(None, validation_alias="DISCORD_APPLICATION_ID")

    @field_validator("telegram__admins", "discord__admins", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        return [part for part in value.replace(" ", "").split(",") if part] if isinstance(value, str) else value

    def overrides(self) -> dict[tuple[str, ...], tuple[str, Any]]:
        """Settings path -> (variable name, value), for each variable that is set (but the config file's)."""
        fields = type(self).model_fields
        return {tuple(name.split("__")): (str(fields[name].validation_alias), getattr(self, name))
                for name in sorted(self.model_fields_set - {"config"})}

    @classmethod
    def read(cls, environ: Mapping[str, str] | None = None) -> "EnvironmentSettings":
        """From the process environment, or from `environ` instead of it. An empty variable counts as unset."""
        environ = os.environ if environ is None else environ
        names = {str(field.validation_alias) for field in cls.model_fields.values()}
        return cls.model_validate({name: environ[name] for name in names if environ.get(name)})


def _set(tree: dict[str, Any], path: tuple[str, ...], value: Any, where: str) -> None:
    for key in path[:-1]:
        tree = tree.setdefault(key, {})
        if not isinstance(tree, dict):
            raise ConfigError(f"{key} must be a mapping", where)
    tree[path[-1]] = value


def _read_file(source: Path, named: bool) -> tuple[dict[str, Any], dict[Path_, int]]:
    """The config file's settings tree and each value's line; `named`: the user chose this file."""
    where = display_path(source)
    try:
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError:
        if named:
            raise ConfigError("config file not found", where) from None
        return {}, {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the config file ({type(exc).__name__})", where) from None
    try:
        tree = strict_load(text)
    except YamlProblem as exc:
        raise ConfigError(f"invalid YAML: {exc.message}", f"{where}:{exc.line}") from None
    if tree is None:
        return {}, {}
    if not isinstance(tree, dict):
        raise ConfigError("expected a mapping at the top level", f"{where}:1")
    _, lines = load_with_lines(text)
    for path in SECRET_KEYS:
        node: Any = tree
        for key in path[:-1]:
            node = node.get(key) if isinstance(node, dict) else None
        if isinstance(node, dict) and path[-1] in node:
            raise ConfigError(f"{'.'.join(path)} must come from the environment, not a file",
                              f"{where}:{line_for(lines, path)}")
    return tree, lines


def load_settings(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Read the YAML file (`path`, else $BRIEFBOT_CONFIG, else config/bot.yaml), then apply the environment
    (os.environ, or `environ` instead). Raises ConfigError naming the setting and file:line (or variable),
    never the value."""
    try:
        env = EnvironmentSettings.read(environ)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise ConfigError(_message(err["msg"]), f"environment variable {err['loc'][0]}") from None
    source = path or env.config
    tree, lines = _read_file(source or DEFAULT_CONFIG, named=source is not None)
    from_env: dict[tuple[str, ...], str] = {}
    for key_path, (variable, value) in env.overrides().items():
        _set(tree, key_path, value, f"environment variable {variable}")
        from_env[key_path] = variable
    try:
        return Settings.model_validate(tree)
    except ValidationError as exc:
        # Name the setting and the problem, never the value: it may be a password or a token.
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        variable = next((v for p, v in from_env.items() if loc[: len(p)] == p), None)
        where = (f"environment variable {variable}" if variable
                 else f"{display_path(source or DEFAULT_CONFIG)}:{line_for(lines, loc)}")
        more = f"; {len(exc.errors()) - 1} more" if len(exc.errors()) > 1 else ""
        raise ConfigError(f"{'.'.join(map(str, loc))}: {_message(err['msg'])}{more}", where) from None


def _message(pydantic_message: str) -> str:
    return pydantic_message.removeprefix("Value error, ")
