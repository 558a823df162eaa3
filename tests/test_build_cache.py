"""The build cache: a run answers from the brief the previous run checked and built, never from a stale one.

Run as users run the bot, in a subprocess with its own XDG_CACHE_HOME, on copies of a brief and its seeds that
the tests edit."""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import cache_dir
from bot.core.build_cache import BuildCache
from bot.core.store import BriefStore, Loaded
from tests.conftest import MINI, ROOT, SEEDS, line_of

QUESTION = "who leads the russian delegation?"


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the mini brief and of the seeds, free to edit."""
    brief, seeds = tmp_path / "brief.yaml", tmp_path / "seeds"
    shutil.copy(MINI, brief)
    shutil.copytree(SEEDS, seeds)
    return brief, seeds


def bot(files: tuple[Path, Path], cache_home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    brief, seeds = files
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "TELEGRAM_", "DISCORD_"))}
    env.update(XDG_CACHE_HOME=str(cache_home), BRIEFBOT_SEEDS_DIR=str(seeds))
    return subprocess.run([sys.executable, "-m", "bot", "--brief", str(brief), *args], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=120)


def ask(files: tuple[Path, Path], cache_home: Path) -> dict[str, object]:
    done = bot(files, cache_home, "ask", "--json", QUESTION)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return json.loads(done.stdout)


def cached(cache_home: Path) -> Path:
    """The one cache file, after a run wrote it."""
    [file] = (cache_home / "briefbot").glob("brief-*.pickle")
    return file


def test_a_second_run_answers_from_what_the_first_built(files: tuple[Path, Path], tmp_path: Path) -> None:
    home = tmp_path / "cache"
    first = ask(files, home)
    file = cached(home)
    written = file.stat().st_mtime_ns
    assert ask(files, home) == first
    assert file.stat().st_mtime_ns == written  # read, not built and written again
    # What the second run served is the cache's content: change a title in it and the next run shows it.
    key, _, data = file.read_bytes().partition(b"\n")
    loaded: Loaded = pickle.loads(data)
    sections = (loaded.brief.sections[0].model_copy(update={"title": "Changed in the cache"}),
                *loaded.brief.sections[1:])
    changed = dataclasses.replace(loaded, brief=loaded.brief.model_copy(update={"sections": sections}))
    file.write_bytes(key + b"\n" + pickle.dumps(changed))
    listed = bot(files, home, "sections")
    assert listed.returncode == 0 and "Changed in the cache" in listed.stdout, listed.stderr


def test_an_edited_brief_is_loaded_and_checked_again(files: tuple[Path, Path], tmp_path: Path) -> None:
    brief, _ = files
    home = tmp_path / "cache"
    assert "Vladimir Medinsky leads" in str(ask(files, home)["text"])
    text = brief.read_text(encoding="utf-8")
    brief.write_text(text.replace("Vladimir Medinsky leads", "Vladimir R. Medinsky leads"), encoding="utf-8")
    assert "Vladimir R. Medinsky leads" in str(ask(files, home)["text"])
    # A quote the seed does not have is refused, as on a first load: the cache never skips the checks.
    broken = text.replace("will be Vladimir Medinsky", "will be Vladimir Putin")
    brief.write_text(broken, encoding="utf-8")
    done = bot(files, home, "ask", QUESTION)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "not found in" in done.stderr
    assert done.stderr.rstrip().endswith(f"({brief}:{line_of(broken, 'will be Vladimir Putin')})")


def test_an_edited_seed_is_checked_again(files: tuple[Path, Path], tmp_path: Path) -> None:
    brief, seeds = files
    home = tmp_path / "cache"
    ask(files, home)
    seed = seeds / "004_53b6467d699949e3.txt"
    original = seed.read_text(encoding="utf-8")
    seed.write_text(original.replace("will be Vladimir Medinsky", "will be someone else"), encoding="utf-8")
    done = bot(files, home, "ask", QUESTION)
    assert done.returncode == 1 and "not found in" in done.stderr and "004_53b6467d699949e3.txt" in done.stderr
    text = brief.read_text(encoding="utf-8")
    assert done.stderr.rstrip().endswith(f"({brief}:{line_of(text, 'will be Vladimir Medinsky')})")
    seed.write_text(original, encoding="utf-8")
    assert ask(files, home)["section"] == "russia-delegation"


@pytest.mark.parametrize("junk", [b"", b"not a key\n", b"\x80\x04 junk", "KEY\n".encode() + b"\x80\x05 truncated",
                                  "KEY\n".encode() + pickle.dumps({"not": "a build"})])
def test_a_damaged_or_foreign_cache_file_is_ignored_and_replaced(files: tuple[Path, Path], tmp_path: Path,
                                                                 junk: bytes) -> None:
    home = tmp_path / "cache"
    answer = ask(files, home)
    file = cached(home)
    key = file.read_bytes().partition(b"\n")[0]
    file.write_bytes(junk.replace(b"KEY", key))
    assert ask(files, home) == answer
    assert file.read_bytes().startswith(key + b"\n") and cached(home) == file  # rewritten whole
    assert ask(files, home) == answer


def test_a_cache_that_cannot_be_written_is_no_error(files: tuple[Path, Path], tmp_path: Path) -> None:
    home = tmp_path / "a-file"
    home.write_text("not a directory")
    assert ask(files, home)["section"] == "russia-delegation"


def test_the_cache_follows_xdg_cache_home() -> None:
    assert cache_dir({"XDG_CACHE_HOME": "/var/cache/me"}) == Path("/var/cache/me/briefbot")
    home_cache = Path.home() / ".cache" / "briefbot"
    assert cache_dir({}) == cache_dir({"XDG_CACHE_HOME": ""}) == home_cache
    assert cache_dir({"XDG_CACHE_HOME": "relative/path"}) == home_cache  # relative: ignored, as XDG says


def test_a_broken_reload_keeps_the_brief_started_from_the_cache(files: tuple[Path, Path], tmp_path: Path) -> None:
    brief, seeds = files
    cache = BuildCache(tmp_path / "cache")
    BriefStore(brief, seeds, cache)  # builds and writes
    store = BriefStore(brief, seeds, cache)  # reads it back
    before = store.current
    text = brief.read_text(encoding="utf-8")
    broken = text.replace("kind: logistics", "kind: gossip")
    brief.write_text(broken, encoding="utf-8")
    result = store.reload()
    assert not result.ok and store.current is before
    assert result.errors[0].startswith(f"{brief}:{line_of(broken, 'kind: gossip')} sections[0].kind:")
    brief.write_text(text.replace("Ciragan Palace in Istanbul.", "Ciragan Palace, Istanbul."), encoding="utf-8")
    result = store.reload()
    assert result.ok and [t.id for t in result.diff.edited] == ["venue"]
