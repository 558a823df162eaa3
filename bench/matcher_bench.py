"""Matcher and brief benchmarks. Prints figures; asserts nothing (record them in the README).

    .venv/bin/python bench/matcher_bench.py [--rounds N]
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from bot.core.brief import load_brief  # noqa: E402
from bot.core.conversation import Conversations  # noqa: E402
from bot.core.service import BriefService  # noqa: E402
from bot.core.store import BriefStore  # noqa: E402

BRIEF = ROOT / "briefs" / "istanbul-2025-06-02.yaml"
SEEDS = ROOT / "seeds"


def questions() -> list[str]:
    """Every example in the brief, the dev set, and typo'd / off-topic variants: a realistic mix."""
    brief = load_brief(BRIEF, SEEDS)
    asked = [e for s in brief.sections for e in s.examples]
    dev = yaml.safe_load((ROOT / "tests" / "dev" / "dev_questions.yaml").read_text())
    for item in dev["in_scope"]:
        asked += [t["q"] for t in item.get("conversation", [item])]
    asked += dev["out_of_scope"]
    asked += [q.replace("a", "e", 1).upper() for q in asked[:50]]  # typos and shouting defeat any cache
    return asked


def timed(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20, help="passes over the question set")
    args = parser.parse_args()

    load = timed(lambda: load_brief(BRIEF, SEEDS), 10)
    store = BriefStore(BRIEF, SEEDS)
    service = BriefService(store, Conversations())
    reload = timed(store.reload, 10)
    asked = questions()
    for q in asked:  # warm-up: first-use costs (typo cache, imports) are not per-question costs
        service.ask("warm", q)

    per_question: list[float] = []
    gc.collect()
    total_start = time.perf_counter()
    for round_ in range(args.rounds):
        for i, q in enumerate(asked):
            start = time.perf_counter()
            service.ask(f"c{round_}-{i % 7}", q)  # a few conversations so follow-up logic runs too
            per_question.append(time.perf_counter() - start)
    total = time.perf_counter() - total_start
    per_question.sort()
    ms = 1000
    print(f"questions: {len(asked)} distinct x {args.rounds} rounds = {len(per_question)} asks")
    print(f"per question: p50 {statistics.median(per_question) * ms:.3f} ms, "
          f"p99 {per_question[int(len(per_question) * 0.99)] * ms:.3f} ms, "
          f"max {per_question[-1] * ms:.3f} ms")
    print(f"throughput: {len(per_question) / total:,.0f} questions/s (one core)")
    print(f"brief load+check: median {statistics.median(load) * ms:.1f} ms (schema, provenance, {len(store.brief.sections)} sections)")
    print(f"reload (load+check+matcher build+swap): median {statistics.median(reload) * ms:.1f} ms")
    print(f"peak memory (max RSS of this process): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MB")


if __name__ == "__main__":
    main()
