"""How question cost grows with the brief: the real brief at 1x, 4x, 16x and 64x. Prints; asserts nothing.

    .venv/bin/python bench/brief_size_bench.py [--rounds 2] [--clock wall|thread]

A bigger brief is the real one plus copies of every section and entity. A copy about other things shares the
everyday words (four letters or fewer: "talk", "swap", "kyiv", "who") but not the rest, which get a suffix per
copy, as a brief covering more events would. Each size is timed on the same questions (every question and turn
of the three question sets), and each figure is printed beside the real brief's, measured in the same run. The
matcher is built twice: cold (every memo of text analysis emptied first) and again, as a reload of it would be.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from matcher_bench import BRIEF, SEEDS, forget_texts  # noqa: E402

from bot.core.brief import Brief, load_seeds  # noqa: E402
from bot.core.conversation import Conversations  # noqa: E402
from bot.core.matcher import Matcher  # noqa: E402
from bot.core.service import BriefService  # noqa: E402
from bot.core.store import BriefStore, Loaded  # noqa: E402
from tests.eval.evaluate import SETS, every_question  # noqa: E402

MS = 1000
_LONG_WORD = re.compile(r"\b([A-Za-z]{5,})\b")


def suffix(copy: int) -> str:
    letters = ""
    while True:
        copy, rest = divmod(copy, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[rest]
        if not copy:
            return "zq" + letters


def mangle(value: Any, end: str) -> Any:
    """Every word of five letters or more in the texts of `value` gets `end`; ids get it too."""
    if isinstance(value, str):
        return _LONG_WORD.sub(lambda m: m.group(1) + end, value)
    if isinstance(value, tuple):
        return tuple(mangle(v, end) for v in value)
    if isinstance(value, dict):
        return {k: v if k in ("kind", "seed", "quote", "key") else mangle(v, end) for k, v in value.items()}
    return value


def scaled(brief: Brief, factor: int) -> Brief:
    sections = list(brief.sections)
    entities = list(brief.entities)
    for copy in range(1, factor):
        end = suffix(copy)
        for section in brief.sections:
            data = mangle(section.model_dump(), end)
            data["id"] = f"{section.id}-{end}"
            data["related"] = tuple(f"{r}-{end}" for r in section.related)
            data["entities"] = tuple(f"{e}-{end}" for e in section.entities)
            sections.append(type(section).model_validate(data))
        for entity in brief.entities:
            data = mangle(entity.model_dump(), end)
            data["id"] = f"{entity.id}-{end}"
            entities.append(type(entity).model_validate(data))
    return brief.model_copy(update={"sections": tuple(sections), "entities": tuple(entities)})


def timed(service: BriefService, asked: list[str], rounds: int, clock: Callable[[], float] = time.perf_counter
          ) -> tuple[list[float], list[float]]:
    matcher = service.store.current.matcher
    for q in asked:  # warm-up: first-use costs are not per-question costs
        service.ask("warm", q)
    match, ask = [], []
    for round_ in range(rounds):
        for i, q in enumerate(asked):
            start = clock()
            matcher.match(q)
            match.append(clock() - start)
            start = clock()
            service.ask(f"c{round_}-{i % 7}", q)
            ask.append(clock() - start)
    return match, ask


def p50_p99(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * MS, ordered[int(len(ordered) * 0.99)] * MS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--factors", default="1,4,16,64")
    parser.add_argument("--clock", choices=["wall", "thread"], default="wall",
                        help="per-question times: wall clock, or this thread's CPU time (builds: wall)")
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS),
                        help="the question sets asked (a helper tuning on train leaves test out)")
    args = parser.parse_args()
    clock = time.perf_counter if args.clock == "wall" else time.thread_time
    store = BriefStore(BRIEF, SEEDS)
    real = store.current
    articles = tuple(seed.normalized_text for seed in load_seeds(SEEDS).values())
    asked = every_question(sets=args.sets)
    base: tuple[float, ...] | None = None
    print(f"questions: {len(asked)} x {args.rounds} rounds; times in ms, (ratio to 1x in this run); questions "
          f"timed by the {args.clock} clock")
    for factor in (int(f) for f in args.factors.split(",")):
        brief = scaled(real.brief, factor)
        forget_texts()  # a cold build: nothing of this brief read before
        start = time.perf_counter()
        matcher = Matcher(brief, articles)
        build = (time.perf_counter() - start) * MS
        start = time.perf_counter()
        Matcher(brief.model_copy(), articles)  # what a reload of it costs: every text read before
        rebuild = (time.perf_counter() - start) * MS
        store._current = Loaded(brief, matcher, real.revision, real.seed_labels, real.outlets)  # bench only
        service = BriefService(store, Conversations())
        match, ask = timed(service, asked, args.rounds, clock)
        figures = (build, rebuild, *p50_p99(match), *p50_p99(ask))
        base = base or figures
        ratios = [f"{f:.3f} ({f / b:.1f}x)" for f, b in zip(figures, base)]
        print(f"{factor:>3}x: {len(brief.sections):>5} sections, {len(matcher.index.units):>6} units | build cold "
              f"{ratios[0]}, rebuild {ratios[1]} | match p50 {ratios[2]}, p99 {ratios[3]} | service.ask p50 "
              f"{ratios[4]}, p99 {ratios[5]}")


if __name__ == "__main__":
    main()
