"""The command-line contract: `python -m bot ask/sections/brief check/digest`, run as other tools run it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import MINI, ROOT

ANSWER_KEYS = {"question", "matched", "section", "confidence", "text", "sources", "suggestions", "facts"}


def bot(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in {"TELEGRAM_TOKEN", "DISCORD_TOKEN"}}
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True,
                          cwd=ROOT, env=env, timeout=60)


def test_ask_json_answers_with_sources() -> None:
    result = bot("ask", "--json", "who leads russia's team?")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert set(answer) == ANSWER_KEYS
    assert answer["matched"] is True and answer["section"] == "russia-delegation"
    assert "Medinsky" in answer["text"] and answer["sources"]
    assert 0 <= answer["confidence"] <= 1 and answer["suggestions"] == []
    # Fact first: the leading fact answers the question, and every fact carries its seeds and quotes.
    facts = answer["facts"]
    assert facts and "Medinsky" in facts[0]["text"] and answer["text"].startswith(facts[0]["text"])
    for fact in facts:
        assert set(fact) <= {"text", "sources", "claimed_by"} and fact["sources"]
        assert all(set(q) == {"seed", "quote"} and q["seed"] and q["quote"] for q in fact["sources"])
    assert {q["seed"] for f in facts for q in f["sources"]} == set(answer["sources"])


def test_ask_json_names_who_claims_a_contested_figure() -> None:
    answer = json.loads(bot("ask", "--json", "how many bombers were destroyed?").stdout)
    claimed = [f for f in answer["facts"] if "claimed_by" in f]
    assert claimed and all(f["claimed_by"].startswith(("according to", "reported")) for f in claimed)


def test_ask_plain_prints_a_readable_answer() -> None:
    result = bot("ask", "where are the talks held")
    assert result.returncode == 0
    assert "Ciragan Palace" in result.stdout.decode()


def test_ask_json_stdin_one_line_per_question_any_input_and_follow_ups() -> None:
    odd = [
        b"",
        b"x" * 100_000,
        bytes(range(256)).replace(b"\n", b""),
        "\u0447\u0442\u043e \u0442\u0430\u043c \u0441 \u043f\u043e\u0433\u043e\u0434\u043e\u0439?".encode(),
        b"what's the weather in istanbul tomorrow",
    ]
    # The odd lines come first, in a fresh conversation: whether one of them reads as a follow-up to an
    # earlier answer is the matcher's call, not part of this contract.
    lines = odd + [b"what does russia want", b"and ukraine?"]
    result = bot("ask", "--json", "-", stdin=b"\n".join(lines) + b"\n")
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(out) == len(lines)
    assert all(set(row) == ANSWER_KEYS for row in out)
    for row in out[: len(odd)]:
        assert row["matched"] is False and row["section"] is None and row["facts"] == []
        assert 1 <= len(row["suggestions"]) <= 3
    assert out[-2]["section"] == "russia-position" and out[-1]["section"] == "ukraine-position"
    assert out[-2]["facts"] and out[-1]["facts"]


def test_ask_json_never_echoes_the_markup_a_question_was_typed_in() -> None:
    result = bot("ask", "--json", "<b>who led</b> **russia's** [delegation](https://example.com)?")
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout)
    assert row["question"] == "who led russia's delegation?" and row["section"] == "russia-delegation"


def test_sections_json_lists_every_section() -> None:
    result = bot("sections", "--json")
    rows = json.loads(result.stdout)
    assert {tuple(sorted(r)) for r in rows} == {("examples", "id", "keywords", "sources", "text", "title")}
    assert "venue" in {r["id"] for r in rows} and all(r["sources"] for r in rows)


def test_brief_option_and_check_exit_codes(tmp_path: Path) -> None:
    assert bot("brief", "check").returncode == 0
    result = bot("--brief", str(MINI), "ask", "--json", "where are the talks held")
    assert json.loads(result.stdout)["section"] == "venue"
    broken = tmp_path / "broken.yaml"
    broken.write_text(MINI.read_text().replace("will be Vladimir Medinsky", "is Lavrov"))
    result = bot("brief", "check", str(broken))
    assert result.returncode == 1
    assert "sections[1].facts[0].sources[0].quote: not found in seeds/004_53b6467d699949e3.txt" in result.stdout.decode()


def test_digest_prints_headline_outcomes_and_figures() -> None:
    result = bot("digest")
    text = result.stdout.decode()
    assert result.returncode == 0
    assert "Key outcomes:" in text and "Key figures:" in text and "prisoner" in text.lower()


def test_console_chat_answers_follow_ups() -> None:
    result = bot("console", stdin=b"who leads russia's delegation\nwhat about ukraine\n/quit\n")
    text = result.stdout.decode()
    assert "Medinsky" in text and "Umerov" in text


@pytest.mark.parametrize("args", [["ask", "--json", "-"], ["ask", "-"]])
def test_a_reader_that_goes_away_ends_the_stream_quietly(args: list[str]) -> None:
    """`python -m bot ask --json - | head -1`: no traceback when the pipe closes, whatever is still queued."""
    process = subprocess.Popen([sys.executable, "-m", "bot", *args], cwd=ROOT, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdin is not None and process.stdout is not None and process.stderr is not None
    process.stdin.write(b"who led russia's delegation?\n" * 2000)
    process.stdin.close()
    assert process.stdout.readline()
    process.stdout.close()  # the reader goes away with most answers still to come
    assert process.wait(timeout=120) == 0
    assert process.stderr.read() == b""


def test_ctrl_c_ends_the_console_at_once_without_a_traceback(tmp_path: Path) -> None:
    # A database of its own: the checkout's default one may be busy with another test's bot
    environment = {**os.environ, "BRIEFBOT_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'console.db'}"}
    process = subprocess.Popen([sys.executable, "-X", "faulthandler", "-m", "bot", "console"], cwd=ROOT,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment)
    assert process.stdout is not None and process.stderr is not None
    assert b"briefbot" in process.stdout.readline()  # started and waiting at the prompt for a line
    stderr = process.stderr
    errors: list[bytes] = []  # read meanwhile: a child blocked on a full stderr pipe would look like a hang
    reader = threading.Thread(target=lambda: errors.append(stderr.read()), daemon=True)
    reader.start()
    process.send_signal(signal.SIGINT)  # no Enter follows (stdin stays open): the chat must not wait for one
    try:
        status = process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGABRT)  # faulthandler prints every thread's stack: where it hangs
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        reader.join(5)
        dump = b"".join(errors)[-8000:].decode(errors="replace")
        raise AssertionError(f"still running 20 s after Ctrl-C; its stderr and stacks:\n{dump}") from None
    reader.join(5)
    assert status == 130, b"".join(errors)[-3000:]
    assert b"Traceback" not in b"".join(errors)
    assert process.stdin is not None
    process.stdin.close()


def test_ask_loads_no_chat_database_or_scheduler_library() -> None:
    """`python -m bot ask` answers from the brief alone: start-up time goes to nothing it does not use (nor
    an event loop, nor the metrics and their HTTP server)."""
    probe = ("import sys\nfrom bot.cli import main\nmain(['ask', 'who led russia\\'s delegation?'])\n"
             "heavy = ('telegram', 'discord', 'sqlalchemy', 'apscheduler', 'aiohttp', 'httpx', 'wordfreq', "
             "'asyncio', 'prometheus_client', 'tornado', 'pydantic_settings')\n"
             "print(sorted(m for m in heavy if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().splitlines()[-1] == "[]"


def test_run_with_settings_kept_imports_neither_pydantic_nor_yaml(tmp_path: Path) -> None:
    """`python -m bot run` validates the settings once and then reads them back like `ask` (bot/config_base.py):
    pydantic, its schemas and PyYAML are about 8 MB of a running bot that a warm start does without."""
    probe = ("import sys\nfrom bot.cli import _settings, build_parser\n"
             "settings = _settings(build_parser().parse_args(['run']))\n"
             "import bot.bootstrap, bot.curating, bot.digests, bot.scheduling, bot.storage.database\n"
             "import bot.adapters.telegram, bot.adapters.discord\n"
             "print(type(settings).__name__, sorted(m for m in ('pydantic', 'yaml') if m in sys.modules))")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "TELEGRAM_TOKEN": "123:abc"}
    runs = [subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, timeout=120)
            for _ in range(2)]
    assert all(run.returncode == 0 for run in runs), runs[-1].stderr
    assert [run.stdout.decode().splitlines()[-1] for run in runs] == [
        "Settings ['pydantic', 'yaml']", "SettingsView []"]
