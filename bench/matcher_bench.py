"""Matcher benchmarks and accuracy on the three question sets. Prints figures; asserts nothing.

    .venv/bin/python bench/matcher_bench.py [--rounds N] [--clock wall|thread] [--sets train dev]

Every time is printed beside a baseline measured in the same run on the same questions: a naive matcher that
takes rapidfuzz's best WRatio match among the brief's example questions. Machines differ; the ratio travels.
`--clock thread` times the calling thread's CPU instead of wall time: on a shared machine the scheduler's
preemptions then stay out of the p99. Either way each timer's figures are also given over each question's fastest
round ("min of rounds"), which leaves out most of what other processes do to caches and clocks.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, process  # noqa: E402

from bot.core import analyzer, index, text  # noqa: E402
from bot.core.brief import forget_loads, load_brief, load_seeds  # noqa: E402
from bot.core.conversation import Conversations  # noqa: E402
from bot.core.matcher import Matcher  # noqa: E402
from bot.core.service import BriefService  # noqa: E402
from bot.core.store import BriefStore  # noqa: E402
from tests.eval.evaluate import SETS, evaluate, every_question  # noqa: E402

BRIEF = ROOT / "briefs" / "istanbul-2025-06-02.yaml"
SEEDS = ROOT / "seeds"
MS = 1000


def forget_texts() -> None:
    """Empty every memo of text analysis, so the next matcher build reads everything afresh."""
    analyzer._tables.clear()
    index._read.cache_clear()
    for memo in (text.words, text.normalize, text.stem, text.strip_markup):
        memo.cache_clear()


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def fastest(samples: list[float], questions: int) -> list[float]:
    """Each question's fastest round: samples are taken round after round, in the same order of questions."""
    return [min(samples[i::questions]) for i in range(questions)]


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * MS, ordered[int(len(ordered) * 0.99)] * MS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=10, help="passes over the questions")
    parser.add_argument("--clock", choices=["wall", "thread"], default="wall",
                        help="time per question: wall clock, or this thread's CPU time")
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS),
                        help="the question sets asked and scored (a helper tuning on train leaves test out)")
    args = parser.parse_args()
    clock = time.perf_counter if args.clock == "wall" else time.thread_time

    load_times = timed(lambda: (forget_loads(), load_brief(BRIEF, SEEDS)), 10)
    store = BriefStore(BRIEF, SEEDS)
    service = BriefService(store, Conversations())
    reload_times = timed(store.reload, 10)
    articles = tuple(seed.normalized_text for seed in load_seeds(SEEDS).values())
    briefs = iter([load_brief(BRIEF, SEEDS) for _ in range(11)])
    forget_texts()
    cold_build = timed(lambda: Matcher(next(briefs), articles), 1)[0]
    build_times = timed(lambda: Matcher(next(briefs), articles), 10)  # what a reload builds: texts read before
    matcher = store.current.matcher
    asked = every_question(sets=args.sets)
    examples = [e for s in store.brief.sections for e in (s.title, *s.examples)]
    for q in asked:  # warm-up: first-use costs (imports, typo cache) are not per-question costs
        service.ask("warm", q)
        process.extractOne(q, examples, scorer=fuzz.WRatio)

    match_times: list[float] = []
    ask_times: list[float] = []
    naive_times: list[float] = []
    gc.collect()
    for round_ in range(args.rounds):
        for i, q in enumerate(asked):
            start = clock()
            process.extractOne(q, examples, scorer=fuzz.WRatio)
            naive_times.append(clock() - start)
            start = clock()
            matcher.match(q)
            match_times.append(clock() - start)
            start = clock()
            service.ask(f"c{round_}-{i % 7}", q)  # a few conversations so follow-up readings run too
            ask_times.append(clock() - start)
    print(f"questions: {len(asked)} distinct x {args.rounds} rounds; {args.clock} clock (load average "
          f"{os.getloadavg()[0]:.2f} at the end)")
    for how, pick in (("every round", lambda x: x), ("min of rounds", lambda x: fastest(x, len(asked)))):
        naive50, naive99 = percentiles(pick(naive_times))
        print(f"{how}: baseline (rapidfuzz WRatio over {len(examples)} examples): p50 {naive50:.3f} ms, "
              f"p99 {naive99:.3f} ms")
        for label, samples in (("matcher.match", match_times), ("service.ask", ask_times)):
            p50, p99 = percentiles(pick(samples))
            print(f"{how}: {label}: p50 {p50:.3f} ms ({p50 / naive50:.2f}x baseline), "
                  f"p99 {p99:.3f} ms ({p99 / naive99:.2f}x baseline)")
    print(f"brief load+check: median {statistics.median(load_times) * MS:.1f} ms "
          f"({len(store.brief.sections)} sections)")
    print(f"reload of the unchanged brief (nothing rebuilt; bench/startup_bench.py times one after an edit): "
          f"median {statistics.median(reload_times) * MS:.1f} ms")
    print(f"matcher build: on reload median {statistics.median(build_times) * MS:.1f} ms, "
          f"cold {cold_build * MS:.1f} ms")
    print(f"peak memory (max RSS of this process): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MB")
    print()
    for name in args.sets:
        report = evaluate(name)
        print(f"{name} set:")
        print("\n".join("  " + line for line in report.lines()))


if __name__ == "__main__":
    main()
