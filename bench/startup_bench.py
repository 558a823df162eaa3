"""Start-up and load benchmark: `python -m bot ask` end to end, and the brief's load and reload in one process.

Each figure is printed beside a baseline measured in the same run: `python -c pass` for the command (and the
command again with its build cache emptied before each run), and PyYAML's own C loader reading the same brief
(no checks, no models) for the load. CPU seconds (user + system)
are steadier than wall seconds on a shared machine; both are printed. Prints; asserts nothing.

    .venv/bin/python bench/startup_bench.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUESTION = "who leads russia's team?"


def child_run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one run of `command`."""
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, wall


def start_up(runs: int) -> None:
    """As a user runs it: Python's bytecode cache on (this machine's shell sets PYTHONDONTWRITEBYTECODE, which
    would compile every module of the bot on every run) and the bot's build cache in a directory of its own."""
    ask = [sys.executable, "-m", "bot", "ask", QUESTION]
    commands = {"python -c pass": [sys.executable, "-c", "pass"], "python -m bot ask": ask,
                "ask, build not cached": ask}
    with tempfile.TemporaryDirectory() as cache_home:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["XDG_CACHE_HOME"] = cache_home
        child_run(ask, env)  # writes the bytecode and the build cache
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(runs):  # interleaved, so all see the same load
            for name, command in commands.items():
                if name == "ask, build not cached":
                    shutil.rmtree(Path(cache_home) / "briefbot", ignore_errors=True)
                samples[name].append(child_run(command, env))
    for name, got in samples.items():
        cpu, wall = [c for c, _ in got], [w for _, w in got]
        print(f"{name:22} CPU min {min(cpu):.3f} s, median {statistics.median(cpu):.3f} s; "
              f"wall min {min(wall):.3f} s, median {statistics.median(wall):.3f} s")


def cpu_ms(fn: Callable[[], object], repeat: int) -> float:
    """Median CPU milliseconds of `fn`."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def load(repeat: int) -> None:
    import yaml

    from bot.core import brief
    from bot.core.matcher import Matcher
    from bot.core.store import BriefStore

    def load_afresh() -> None:
        brief.forget_loads()
        brief.load_brief(brief_path, seeds_dir)

    seeds_dir = ROOT / "seeds"
    text = (ROOT / "briefs" / "istanbul-2025-06-02.yaml").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        brief_path = Path(folder) / "brief.yaml"
        brief_path.write_text(text, encoding="utf-8")
        store = BriefStore(brief_path, seeds_dir)
        articles = tuple(seed.normalized_text for seed in brief.load_seeds(seeds_dir).values())
        baseline = cpu_ms(lambda: yaml.load(text, Loader=yaml.CSafeLoader), repeat)
        checked = cpu_ms(load_afresh, repeat)
        store.reload()
        unchanged = cpu_ms(store.reload, repeat)
        # An edit to one section, then back: each reload parses, checks and builds what a curator's edit makes it.
        edits = iter([text.replace("\n    title: Russia's delegation\n", f"\n    title: Russia's delegation {i}\n", 1)
                      for i in range(repeat)])
        assert next(edits) != text

        def edit_and_reload() -> None:
            brief_path.write_text(next(edits), encoding="utf-8")
            assert store.reload().ok

        edited = cpu_ms(edit_and_reload, repeat - 1)
        build = cpu_ms(lambda: Matcher(store.brief, articles), repeat)
    print(f"baseline: PyYAML's C loader alone on the brief: {baseline:.1f} ms")
    print(f"seeds + brief load + check, nothing memoised: {checked:.1f} ms ({checked / baseline:.2f}x the baseline)")
    print(f"reload, brief and seeds unchanged: {unchanged:.1f} ms ({unchanged / baseline:.2f}x the baseline)")
    print(f"reload after one section's edit: {edited:.1f} ms ({edited / baseline:.2f}x the baseline); "
          f"a matcher build alone: {build:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each command, and of each load")
    args = parser.parse_args()
    print(f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    start_up(args.runs)
    load(max(args.runs, 10))


if __name__ == "__main__":
    main()
