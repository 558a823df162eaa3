"""`pip install .` (not editable): the wheel carries the brief, seeds and config, and its `briefbot` command runs
from any directory. Built and installed offline: `--no-build-isolation` uses this venv's setuptools, `--no-deps`
reuses the dependencies already installed here."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

SOURCES = ("pyproject.toml", "bot", "briefs", "seeds", "config")  # what the Dockerfile copies too


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the built wheel, the directory it was installed into)."""
    base = tmp_path_factory.mktemp("install")
    source = base / "src"  # a copy, so the build's own files never land in the checkout
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(ROOT / name, source / name)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(base / "dist"),
                    str(source)], check=True, capture_output=True, timeout=300)
    wheel = next((base / "dist").glob("briefbot-*.whl"))
    target = base / "site"
    subprocess.run([*pip, "install", "--no-deps", "--no-index", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    return wheel, target


def briefbot(target: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "TELEGRAM_", "DISCORD_"))}
    env["PYTHONPATH"] = str(target)  # ahead of this venv's editable install of the checkout
    return subprocess.run([str(target / "bin" / "briefbot"), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def test_the_wheel_holds_every_module_and_the_shipped_data(installed: tuple[Path, Path]) -> None:
    wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {str(p.relative_to(ROOT)) for p in (ROOT / "bot").rglob("*.py")}
    assert modules <= names, f"add these packages to pyproject.toml: {sorted(modules - names)}"
    assert "bot/core/calibration.json" in names and "bot/shipped/config/bot.yaml" in names
    assert {f"bot/shipped/briefs/{p.name}" for p in (ROOT / "briefs").glob("*.yaml")} <= names
    assert {f"bot/shipped/seeds/{p.name}" for p in (ROOT / "seeds").iterdir()} <= names


def test_installed_briefbot_answers_from_another_directory(installed: tuple[Path, Path], tmp_path: Path) -> None:
    _, target = installed
    done = briefbot(target, tmp_path, "ask", "--json", "who leads russia's delegation?")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["matched"] and "Medinsky" in answer["text"]
    check = briefbot(target, tmp_path, "brief", "check")
    assert check.returncode == 0 and check.stdout.startswith("OK "), check.stdout + check.stderr
    where = subprocess.run([sys.executable, "-c", "import bot.config as c; print(c.ROOT)"], cwd=tmp_path,
                           env={**os.environ, "PYTHONPATH": str(target)}, capture_output=True, text=True)
    assert Path(where.stdout.strip()) == target / "bot" / "shipped"  # the installed copy, not the checkout
    assert list(tmp_path.iterdir()) == []  # nothing written where it ran
