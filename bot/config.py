"""Settings: config/bot.yaml, overridden by environment variables. Tokens come only from the environment."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal, Mapping

import yaml
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = ROOT / "config" / "bot.yaml"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


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
    enabled: bool = False
    listen: str = "0.0.0.0"
    port: int = 8443
    url: str = ""
    url_path: str = "telegram"


class TelegramSettings(_Frozen):
    token: SecretStr | None = None
    api_base_url: str = "https://api.telegram.org"
    admins: tuple[int, ...] = ()
    webhook: WebhookSettings = WebhookSettings()

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

    @field_validator("api_base_url")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        return value.rstrip("/")


class DigestSettings(_Frozen):
    default_time: str = "08:00"
    default_timezone: str = "UTC"
    grace_minutes: float = Field(120, ge=0)


class Settings(_Frozen):
    brief: Path = Path("briefs/istanbul-2025-06-02.yaml")
    seeds_dir: Path = Path("seeds")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    matcher: MatcherSettings = MatcherSettings()
    conversation: ConversationSettings = ConversationSettings()
    flood: FloodSettings = FloodSettings()
    telegram: TelegramSettings = TelegramSettings()
    discord: DiscordSettings = DiscordSettings()
    database_url: str = "sqlite+aiosqlite:///data/briefbot.db"
    digest: DigestSettings = DigestSettings()

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value


def _flag(raw: str) -> bool:
    if raw.strip().lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.strip().lower() in {"0", "false", "no", "off"}:
        return False
    raise ValueError(raw)


def _ids(raw: str) -> list[int]:
    return [int(part) for part in raw.replace(" ", "").split(",") if part]


# Environment variable -> (path into the settings tree, parser). Tokens live only here.
ENV_OVERRIDES: dict[str, tuple[tuple[str, ...], Any]] = {
    "BRIEFBOT_BRIEF": (("brief",), str),
    "BRIEFBOT_SEEDS_DIR": (("seeds_dir",), str),
    "BRIEFBOT_LOG_LEVEL": (("log_level",), str),
    "BRIEFBOT_MATCH_THRESHOLD": (("matcher", "threshold"), float),
    "BRIEFBOT_DATABASE_URL": (("database_url",), str),
    "TELEGRAM_TOKEN": (("telegram", "token"), str),
    "TELEGRAM_API_BASE_URL": (("telegram", "api_base_url"), str),
    "BRIEFBOT_TELEGRAM_ADMINS": (("telegram", "admins"), _ids),
    "DISCORD_TOKEN": (("discord", "token"), str),
    "DISCORD_API_BASE_URL": (("discord", "api_base_url"), str),
    "DISCORD_GATEWAY_URL": (("discord", "gateway_url"), str),
    "DISCORD_GUILD_ID": (("discord", "guild_id"), int),
    "BRIEFBOT_DISCORD_ADMINS": (("discord", "admins"), _ids),
    "BRIEFBOT_DISCORD_MESSAGE_CONTENT": (("discord", "message_content"), _flag),
}
SECRET_KEYS = {("telegram", "token"), ("discord", "token")}


class ConfigError(ValueError):
    """The configuration file or an environment variable is invalid."""


def _set(tree: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        tree = tree.setdefault(key, {})
        if not isinstance(tree, dict):
            raise ConfigError(f"{key}: expected a mapping")
    tree[path[-1]] = value


def _strip_secrets(tree: dict[str, Any], source: Path) -> None:
    for path in SECRET_KEYS:
        node: Any = tree
        for key in path[:-1]:
            node = node.get(key) if isinstance(node, dict) else None
        if isinstance(node, dict) and node.pop(path[-1], None) is not None:
            raise ConfigError(f"{source}: {'.'.join(path)} must come from the environment, not a file")


def load_settings(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Read the YAML file (defaults to config/bot.yaml), then apply environment overrides."""
    environ = os.environ if environ is None else environ
    source = path or Path(environ.get("BRIEFBOT_CONFIG", DEFAULT_CONFIG))
    try:
        tree = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        if path is not None:
            raise ConfigError(f"{source}: config file not found") from None
        tree = {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: not valid YAML: {exc}") from None
    if not isinstance(tree, dict):
        raise ConfigError(f"{source}: expected a mapping at the top level")
    _strip_secrets(tree, source)
    for name, (key_path, parse) in ENV_OVERRIDES.items():
        raw = environ.get(name)
        if raw is None or raw == "":
            continue
        try:
            _set(tree, key_path, parse(raw))
        except ValueError:
            raise ConfigError(f"environment variable {name} is not valid") from None
    try:
        return Settings.model_validate(tree)
    except ValidationError as exc:
        # Name the field and the problem, never the value: it may be a token from the environment.
        problems = "; ".join(f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors())
        raise ConfigError(f"{source}: {problems}") from None


def resolve(path: Path) -> Path:
    """Relative paths in settings are relative to the project root, not the working directory."""
    return path if path.is_absolute() else ROOT / path
