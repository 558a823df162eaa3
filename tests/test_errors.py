"""Every failure is one line on stderr, `error: <what> (<where>)`, with status 2 for usage and configuration and 1
at run time: run as a user runs the commands, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PASSWORD = "hunter2-Pa55word"


def bot(*args: str, stdin: bytes | None = None, **env: str) -> subprocess.CompletedProcess[bytes]:
    environ = {k: v for k, v in os.environ.items()
               if not k.startswith(("BRIEFBOT_", "TELEGRAM_", "DISCORD_", "LC_", "LANG", "PYTHONIOENCODING"))}
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, cwd=ROOT,
                          env={**environ, **env}, timeout=120)


def one_error_line(result: subprocess.CompletedProcess[bytes], status: int) -> str:
    """The single stderr line of a failed command, after checking its shape and status."""
    err = result.stderr.decode()
    assert result.returncode == status, err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err.strip()


def test_a_config_file_named_by_the_environment_must_exist() -> None:
    line = one_error_line(bot("ask", "who", BRIEFBOT_CONFIG="/nonexistent.yaml"), 2)
    assert line == "error: config file not found (/nonexistent.yaml)"
    assert one_error_line(bot("--config", "/nonexistent.yaml", "ask", "who"), 2) == line


def test_a_bad_log_level_is_one_line_without_the_value() -> None:
    line = one_error_line(bot("ask", "who", BRIEFBOT_LOG_LEVEL="verbose"), 2)
    assert "log_level" in line and "BRIEFBOT_LOG_LEVEL" in line and "verbose" not in line


def test_a_config_typo_never_prints_the_line_it_is_on(tmp_path: Path) -> None:
    config = tmp_path / "bot.yaml"
    config.write_text(f"log_level: INFO\ndatabase_url: postgresql+asyncpg://bot:{PASSWORD}@db/bot\n"
                      "digest:\n  default_time: 08:00\n default_timezone: UTC\n")
    line = one_error_line(bot("--config", str(config), "ask", "who"), 2)
    assert PASSWORD not in line and f"{config}:5" in line


def test_digest_defaults_stop_the_bot_at_start(tmp_path: Path) -> None:
    config = tmp_path / "bot.yaml"
    config.write_text("digest:\n  default_timezone: localtime\n")
    line = one_error_line(bot("--config", str(config), "run", TELEGRAM_TOKEN="1:x"), 2)
    assert line.startswith("error: digest.default_timezone: ") and line.endswith(f"({config}:2)")
