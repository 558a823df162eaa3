"""Every failure is one line on stderr, `error: <what> (<where>)`, with status 2 for usage and configuration and 1
at run time: run as a user runs the commands, in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_usage_mistakes_are_one_line() -> None:
    assert "invalid choice: 'nope'" in one_error_line(bot("nope"), 2)
    assert one_error_line(bot("ask"), 2).endswith("(see: briefbot ask --help)")


@pytest.mark.parametrize("url, problem", [
    ("postgresql+asyncpg://bot:{pw}@db:54x2/bot", "a port that is not a number"),
    ("postgresql+asyncpg://bot:{pw}@db:99999/bot", "a port outside 1-65535"),
    ("postgresql://bot:{pw}@db/bot", "names no async driver"),
    ("not a url {pw}", "not a valid SQLAlchemy URL"),
])
@pytest.mark.parametrize("command", [["subscriptions"], ["run"]])
def test_a_bad_database_url_is_one_line_without_the_password(url: str, problem: str, command: list[str]) -> None:
    line = one_error_line(bot(*command, BRIEFBOT_DATABASE_URL=url.format(pw=PASSWORD), TELEGRAM_TOKEN="1:x"), 2)
    assert problem in line and PASSWORD not in line


@pytest.mark.parametrize("command", [["sections"], ["sections", "--json"], ["digest"], ["brief", "check"],
                                     ["ask", "who leads russia's delegation"], ["subscriptions"]])
def test_every_command_ends_quietly_when_its_reader_goes_away(command: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "BRIEFBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite'}"}
    process = subprocess.Popen([sys.executable, "-m", "bot", *command], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # `| head -0`: gone before the first byte
    assert process.wait(timeout=120) == 0
    assert process.stderr.read() == b""


QUESTIONS = "who leads Ukraine’s delegation?\nкто возглавляет делегацию\n".encode() + b"bad \xed\xa0\x80 \xff bytes\n" \
    + "what did they agree\n".encode()


@pytest.mark.parametrize("locale", [{"LC_ALL": "C", "PYTHONUTF8": "0"}, {"PYTHONIOENCODING": "ascii"},
                                    {"PYTHONIOENCODING": "latin-1", "LANG": "C"}])
def test_output_is_utf8_whatever_the_locale_and_every_line_is_answered(locale: dict[str, str]) -> None:
    result = bot("ask", "--json", "-", stdin=QUESTIONS, **locale)
    assert result.returncode == 0 and result.stderr == b"", result.stderr.decode()
    answers = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert len(answers) == 4 and "Umerov" in answers[0]["text"] and answers[1]["question"].startswith("кто")
    plain = bot("ask", "who leads Ukraine's delegation?", **locale)
    assert plain.returncode == 0 and "Umerov" in plain.stdout.decode("utf-8")


def test_an_argument_that_is_not_utf8_is_answered() -> None:
    question = os.fsdecode(b"who leads \xff\xfe russia's delegation")  # lone surrogates stand for the bytes
    result = subprocess.run([sys.executable, "-m", "bot", "ask", "--json", question], capture_output=True,
                            cwd=ROOT, timeout=60)
    assert result.returncode == 0 and result.stderr == b""
    assert json.loads(result.stdout.decode("utf-8"))["question"] == "who leads \ufffd\ufffd russia's delegation"


def copy_seeds(tmp_path: Path) -> Path:
    return Path(shutil.copytree(ROOT / "seeds", tmp_path / "seeds"))


def test_broken_seeds_are_one_line_with_the_seeds_path(tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path)
    seed = seeds / "004_53b6467d699949e3.txt"
    seed.write_bytes(b"caf\xe9\n")
    line = one_error_line(bot("ask", "who", BRIEFBOT_SEEDS_DIR=str(seeds)), 1)
    assert line == f"error: cannot load the brief: not UTF-8 text: save it as UTF-8 ({seed}:1)"
    check = bot("brief", "check", BRIEFBOT_SEEDS_DIR=str(seeds))
    assert check.stdout.decode() == f"{seed}:1 not UTF-8 text: save it as UTF-8\n"
    assert one_error_line(check, 1).startswith("error: 1 problem(s) in the brief, listed above (")
    seed.unlink()
    line = one_error_line(bot("ask", "who", BRIEFBOT_SEEDS_DIR=str(seeds)), 1)
    assert line == f"error: cannot load the brief: cannot read the file: not found ({seed}:1)"
    line = one_error_line(bot("ask", "who", BRIEFBOT_SEEDS_DIR=str(tmp_path / "none")), 1)
    assert line == f"error: cannot load the brief: the seeds directory does not exist ({tmp_path / 'none'}:1)"
    (seeds / "index.yaml").write_text("seeds:\n  - id: a\n    file: [a.txt\n")
    check = bot("brief", "check", BRIEFBOT_SEEDS_DIR=str(seeds))
    assert check.stdout.decode().startswith(f"{seeds / 'index.yaml'}:4 invalid YAML: ")
    one_error_line(check, 1)


@pytest.mark.parametrize("text, message", [
    ("brief: &x [*x]\n", "anchors and aliases (&name, *name) are not allowed (BRIEF:1)"),
    ("brief:\n  date: 2025-13-45\n", "not a valid date: month must be in 1..12 (BRIEF:2)"),
    ("? [a, b]\n: 1\n", "a key must be text (put it in quotes) (BRIEF:1)"),
])
def test_a_hostile_brief_is_one_line_at_start(tmp_path: Path, text: str, message: str) -> None:
    brief = tmp_path / "brief.yaml"
    brief.write_text(text)
    line = one_error_line(bot("--brief", str(brief), "ask", "who"), 1)
    assert line == f"error: cannot load the brief: invalid YAML: {message.replace('BRIEF', str(brief))}"
