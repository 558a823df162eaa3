"""Every answer of train and dev, as `repr`, for comparing two checkouts byte for byte. Prints nothing else.

    PYTHONHASHSEED=0 .venv/bin/python bench/answer_dump.py > answers.txt

A speed change must leave every answer as it was: run this on main and on the branch (same hash seed) and diff.
It asks what the evaluator asks, in its order (standalone questions, the off-topic ones after an answered opener,
the conversations; the Match of each too), then every train and dev question and turn again in the matcher
bench's seven interleaved conversations, so that follow-up readings meet contexts no set was written for. The test
set is never asked.
"""

from __future__ import annotations

import argparse
import dataclasses
import enum
import itertools
import sys
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core.brief import Section  # noqa: E402
from bot.core.conversation import Conversations  # noqa: E402
from bot.core.service import BriefService  # noqa: E402
from tests.eval.evaluate import grade, load, service  # noqa: E402

SETS = ("train", "dev")  # never test


def shown(value: object) -> str:
    """`repr` with every set and dict sorted (their order follows its history, which a build cache or a memo changes
    without changing what is in it), floats to 10 digits and a section named by its id (its repr is the topic)."""
    if isinstance(value, Section):
        return f"Section({value.id!r})"
    if isinstance(value, (set, frozenset)):
        return "{" + ", ".join(sorted(shown(v) for v in value)) + "}"
    if isinstance(value, dict):
        return "{" + ", ".join(sorted(f"{shown(k)}: {shown(v)}" for k, v in value.items())) + "}"
    if isinstance(value, (tuple, list)):
        return "(" + ", ".join(shown(v) for v in value) + ")"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = ", ".join(f"{f.name}={shown(getattr(value, f.name))}" for f in dataclasses.fields(value))
        return f"{type(value).__name__}({fields})"
    if isinstance(value, enum.Enum):
        return str(value)
    if isinstance(value, float):  # a sum's last bit follows the order of the set it ran over
        return f"{value:.10g}"
    return repr(value)


def lines(bot: BriefService, name: str) -> Iterator[str]:
    """The evaluator's questions of one set, in its order: each answer's repr and its match's."""
    data = load(name)
    keys = (f"{name}-{n}" for n in itertools.count())

    def ask(key: str, question: str) -> str:
        context = bot.conversations.get(key)
        match = bot.store.current.matcher.match(question, context)
        answer = bot.ask(key, question)
        return f"{answer!r}\n  {shown(match)}\n  {shown(bot.conversations.get(key))}"

    openers: list[str] = []
    for item in data["questions"]:
        key = next(keys)
        yield ask(key, item["q"])
        answer = bot.ask(f"again-{key}", item["q"])  # asked fresh a second time: memos must not change it
        yield repr(answer)
        if grade(item, answer) and not item.get("off_topic") and len(openers) < 3:
            openers.append(item["q"])
    for opener, item in itertools.product(openers, [i for i in data["questions"] if i.get("off_topic")]):
        key = next(keys)
        bot.ask(key, opener)
        yield ask(key, item["q"])
    for conversation in data["conversations"]:
        key = next(keys)
        for item in conversation:
            yield ask(key, item["q"])


def interleaved(bot: BriefService) -> Iterator[str]:
    """Every question and turn of train and dev through seven conversations in turn, as the matcher bench asks."""
    asked = [item["q"] for name in SETS for item in load(name)["questions"]]
    asked += [turn["q"] for name in SETS for conversation in load(name)["conversations"] for turn in conversation]
    for i, question in enumerate(asked):
        yield repr(bot.ask(f"c{i % 7}", question))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args()
    bot = service()
    for name in SETS:
        for line in lines(bot, name):
            print(line)
    bot.conversations = Conversations()
    for line in interleaved(bot):
        print(line)


if __name__ == "__main__":
    main()
