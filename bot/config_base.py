"""What the command line needs of the configuration before validating it, and often instead: where things are,
the error a bad setting raises, and the settings themselves, kept on disk once validated.

Validating the settings needs pydantic and PyYAML (bot/config.py): about a third of `python -m bot ask`'s
start-up, and about 8 MB of a running bot's RSS (pydantic, its schemas of the settings models, PyYAML). So the
validated settings are kept in the build cache's directory, keyed like the build cache (README: Configuration):
by the config file's bytes, every environment variable the bot reads and the bot's own code, and `run`, `ask`
and `sections` read them back as plain dataclasses. Any change to any of them means a full validation again; a
failed one is never kept. No secret is written: a token is keyed by whether it is set (its value is read from
the environment when used), and settings whose database URL carries a password are not kept at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from bot.config import Settings

_PACKAGE = Path(__file__).resolve().parent
# A source checkout keeps briefs/, seeds/ and config/ beside the package; `pip install .` ships them inside it
# (bot/shipped/, see pyproject.toml), so an installed `briefbot` finds them from any working directory.
CHECKOUT = (_PACKAGE.parent / "pyproject.toml").is_file()
ROOT = _PACKAGE.parent if CHECKOUT else _PACKAGE / "shipped"
DEFAULT_CONFIG = ROOT / "config" / "bot.yaml"

# Every environment variable the bot reads starts with one of these or is one of PLAIN_VARIABLES
# (tests/test_config.py checks this against bot.config.EnvironmentSettings).
VARIABLE_PREFIXES = ("BRIEFBOT_", "TELEGRAM_", "DISCORD_")
PLAIN_VARIABLES = frozenset({"PORT"})
TOKEN_VARIABLES = ("TELEGRAM_TOKEN", "DISCORD_TOKEN")


class ConfigError(ValueError):
    """The configuration file or an environment variable is invalid: what is wrong, and where."""

    def __init__(self, what: str, where: str) -> None:
        super().__init__(f"{what} ({where})")
        self.what, self.where = what, where


def data_root() -> Path:
    """Where a relative database path points: the checkout, or the working directory of an installed bot
    (never into site-packages)."""
    return ROOT if CHECKOUT else Path.cwd()


def cache_dir(environ: Mapping[str, str] | None = None) -> Path | None:
    """Where the checked brief and its matcher are kept between runs: $XDG_CACHE_HOME/briefbot, else
    ~/.cache/briefbot (the XDG base directory rules: a relative XDG_CACHE_HOME counts as unset). None when there
    is no home directory to put it in."""
    environ = os.environ if environ is None else environ
    base = environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no HOME and no password entry
            return None
    return Path(base) / "briefbot"


def resolve(path: Path) -> Path:
    """Relative paths in settings are relative to the project root, not the working directory."""
    return path if path.is_absolute() else ROOT / path


class Secret:
    """A token from the environment, as pydantic's SecretStr: its value only on request, never in a repr."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get_secret_value(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True)
class MatcherView:
    threshold: float
    suggestions: int


@dataclass(frozen=True)
class ConversationView:
    max_conversations: int
    ttl_seconds: float


@dataclass(frozen=True)
class FloodView:
    messages: int
    per_seconds: float


@dataclass(frozen=True)
class WebhookView:
    enabled: bool | None
    listen: str
    port: int
    url: str
    url_path: str

    @property
    def active(self) -> bool:
        return self.enabled if self.enabled is not None else bool(self.url)


@dataclass(frozen=True)
class TelegramView:
    token: Secret | None
    api_base_url: str
    admins: tuple[int, ...]
    webhook: WebhookView


@dataclass(frozen=True)
class DiscordView:
    token: Secret | None
    api_base_url: str
    gateway_url: str
    guild_id: int | None
    admins: tuple[int, ...]
    message_content: bool
    application_id: int | None


@dataclass(frozen=True)
class DigestView:
    default_time: str
    default_timezone: str
    grace_minutes: float
    recap_chars: int


@dataclass(frozen=True)
class CurationView:
    retention_days: int
    grey_zone: float


@dataclass(frozen=True)
class SettingsView:
    """Every setting, as validated by bot.config.Settings on an earlier run: field for field its plain twin
    (tests/test_config.py checks), so `run`, `ask` and `sections` read it without importing pydantic."""

    brief: Path
    seeds_dir: Path
    log_level: str
    log_format: str
    matcher: MatcherView
    conversation: ConversationView
    flood: FloodView
    telegram: TelegramView
    discord: DiscordView
    http_port: int | None
    database_url: str
    digest: DigestView
    curation: CurationView

    def secrets(self) -> list[str]:
        """As Settings.secrets(): the tokens, from the environment (a kept view never has a database password)."""
        return [token for token in (os.environ.get(name) for name in TOKEN_VARIABLES) if token]


def _token(name: str) -> Secret | None:
    value = os.environ.get(name)
    return Secret(value) if value else None  # an empty variable counts as unset, as bot.config reads it


def _view(kept: dict[str, Any]) -> SettingsView:
    """The plain settings from what keep_settings wrote; a key missing or unknown raises (then: validate)."""
    telegram, discord = dict(kept["telegram"]), dict(kept["discord"])
    return SettingsView(
        brief=Path(kept["brief"]), seeds_dir=Path(kept["seeds_dir"]), log_level=kept["log_level"],
        log_format=kept["log_format"], matcher=MatcherView(**kept["matcher"]),
        conversation=ConversationView(**kept["conversation"]), flood=FloodView(**kept["flood"]),
        telegram=TelegramView(token=_token("TELEGRAM_TOKEN"), api_base_url=telegram.pop("api_base_url"),
                              admins=tuple(telegram.pop("admins")), webhook=WebhookView(**telegram.pop("webhook")),
                              **telegram),
        discord=DiscordView(token=_token("DISCORD_TOKEN"), admins=tuple(discord.pop("admins")), **discord),
        http_port=kept["http_port"], database_url=kept["database_url"], digest=DigestView(**kept["digest"]),
        curation=CurationView(**kept["curation"]))


def _bot_variable(name: str) -> bool:
    return name.startswith(VARIABLE_PREFIXES) or name in PLAIN_VARIABLES


def _source(path: Path | None) -> Path:
    """The config file load_settings reads: `path`, else $BRIEFBOT_CONFIG, else config/bot.yaml."""
    return path or (Path(os.environ["BRIEFBOT_CONFIG"]) if os.environ.get("BRIEFBOT_CONFIG") else DEFAULT_CONFIG)


def _key(path: Path | None) -> str | None:
    """What kept settings must match; None when the config file cannot be read (validating says why)."""
    from bot.core.build_cache import code_digest

    digest = hashlib.sha256(code_digest().encode())
    digest.update(f"\0{path}\0".encode("utf-8", "surrogateescape"))
    for name in sorted(filter(_bot_variable, os.environ)):
        value = os.environ[name]
        value = ("set" if value else "") if name in TOKEN_VARIABLES else value  # a token: whether it is set
        digest.update(f"{name}={value}\0".encode("utf-8", "surrogateescape"))
    try:
        digest.update(_source(path).read_bytes())
    except FileNotFoundError:
        digest.update(b"\0no file")
    except OSError:
        return None
    return digest.hexdigest()


def _file(directory: Path, path: Path | None) -> Path:
    where = str(_source(path).resolve()).encode("utf-8", "surrogateescape")
    return directory / f"settings-{hashlib.sha256(where).hexdigest()[:16]}.json"


def kept_settings(path: Path | None) -> SettingsView | None:
    """The settings validated by an earlier run for exactly this config file, environment and code, or None."""
    directory = cache_dir()
    key = _key(path) if directory is not None else None
    if directory is None or key is None:
        return None
    try:
        with _file(directory, path).open(encoding="utf-8") as file:
            if file.readline().rstrip("\n") != key:
                return None
            kept = json.load(file)
        return _view(kept)
    except Exception:  # missing, stale, truncated, hand-edited: validate afresh
        return None


def keep_settings(path: Path | None, settings: Settings) -> None:
    """Keep what kept_settings returns for `settings`, validated from `path` and the environment just now."""
    try:
        if urlsplit(settings.database_url).password is not None:
            return  # a password: never written to disk
    except ValueError:
        return
    directory = cache_dir()
    key = _key(path) if directory is not None else None
    if directory is None or key is None:
        return
    # Tokens are read from the environment when the view is made, never written.
    kept = settings.model_dump(mode="json", exclude={"telegram": {"token"}, "discord": {"token"}})
    target = _file(directory, path)
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(key + "\n" + json.dumps(kept) + "\n")
            os.replace(temporary, target)
        except BaseException:
            os.unlink(temporary)
            raise
    except Exception:  # a full disk, a read-only home: the next run validates again
        pass

