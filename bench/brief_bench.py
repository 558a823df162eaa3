"""Brief check at scale: a generated brief of 1,000 and 10,000 sections (the mini fixture's first section
repeated with new ids) loaded and fully checked by `load_brief`, beside the baseline measured in the same run:
the duplicate-id check this replaced (`ids.count` per id, quadratic) over the same ids. Prints; asserts nothing.

    .venv/bin/python bench/brief_bench.py [--sections 1000 10000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core.brief import load_brief  # noqa: E402

MINI = ROOT / "tests" / "fixtures" / "briefs" / "mini.yaml"


def generated(sections: int) -> str:
    head, _, rest = MINI.read_text(encoding="utf-8").partition("sections:\n")
    first = rest.split("  - id: russia-delegation\n")[0]
    return head + "sections:\n" + "".join(first.replace("- id: venue", f"- id: venue-{i}", 1) for i in range(sections))


def old_duplicate_check(ids: list[str]) -> list[str]:
    return sorted({i for i in ids if ids.count(i) > 1})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", type=int, nargs="+", default=[1000, 10_000])
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for count in options.sections:
            path = Path(tmp) / f"brief-{count}.yaml"
            path.write_text(generated(count), encoding="utf-8")
            started = time.perf_counter()
            brief = load_brief(path, ROOT / "seeds")
            check = time.perf_counter() - started
            ids = [section.id for section in brief.sections]
            started = time.perf_counter()
            old_duplicate_check(ids)
            baseline = time.perf_counter() - started
            print(f"{count:>6,} sections: load + full check {check:7.2f} s; the old duplicate-id check alone "
                  f"{baseline:7.2f} s (check / baseline {check / baseline:6.2f}x)")


if __name__ == "__main__":
    main()
