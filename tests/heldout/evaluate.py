"""Score the matcher on the held-out questions. Run as a script to print the figures for the README:

    .venv/bin/python -m tests.heldout.evaluate [--verbose]

The questions were written from the seed articles without looking at the brief's example questions;
never copy them into the brief.
"""

from __future__ import annotations

import argparse
import itertools
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.config import load_settings
from bot.core.brief import normalize_quote
from bot.core.conversation import Conversations
from bot.core.service import BriefService
from bot.core.store import BriefStore
from bot.render.plain import render_answer

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
QUESTIONS = HERE / "questions.yaml"


@dataclass
class Report:
    in_scope: int = 0
    correct: int = 0
    out_of_scope: int = 0
    rejected: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.in_scope if self.in_scope else 0.0

    @property
    def rejection(self) -> float:
        return self.rejected / self.out_of_scope if self.out_of_scope else 0.0


def _fold(text: str) -> str:
    return normalize_quote(text).casefold()


def evaluate(questions: Path = QUESTIONS) -> Report:
    settings = load_settings()
    store = BriefStore(ROOT / settings.brief, ROOT / settings.seeds_dir)
    service = BriefService(store, Conversations(), settings.matcher.threshold, settings.matcher.suggestions)
    data = yaml.safe_load(questions.read_text(encoding="utf-8"))
    report = Report()
    counter = itertools.count()
    for item in data["in_scope"]:
        turns = item["conversation"] if "conversation" in item else [item]
        conversation = f"heldout-{next(counter)}"
        for turn in turns:
            answer = service.ask(conversation, turn["q"])
            text = _fold(render_answer(answer))
            ok = (answer.matched and answer.section_id in turn["sections"]
                  and all(_fold(e) in text for e in turn["expect"]))
            report.in_scope += 1
            report.correct += ok
            if not ok:
                report.failures.append(
                    f"IN  {turn['q']!r}: got {answer.section_id} ({answer.confidence:.2f}), "
                    f"want {turn['sections']} with {turn['expect']}"
                )
    for question in data["out_of_scope"]:
        answer = service.ask(f"heldout-{next(counter)}", question)
        report.out_of_scope += 1
        report.rejected += not answer.matched
        if answer.matched:
            report.failures.append(f"OUT {question!r}: answered with {answer.section_id} ({answer.confidence:.2f})")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    parser.add_argument("--questions", type=Path, default=QUESTIONS, help="question file (default: held-out)")
    args = parser.parse_args()
    report = evaluate(args.questions)
    if args.verbose:
        print("\n".join(report.failures))
    print(f"in-scope accuracy: {report.correct}/{report.in_scope} = {report.accuracy:.3f}")
    print(f"out-of-scope rejection: {report.rejected}/{report.out_of_scope} = {report.rejection:.3f}")


if __name__ == "__main__":
    main()
