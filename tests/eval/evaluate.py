"""Score the bot on a question set written from the articles alone (never from the brief or the matcher).

    .venv/bin/python -m tests.eval.evaluate train|dev|test|aside/NAME [--misses]

Three sets, each by a different hand: `train` may be tuned on (the calibration is fitted to it), `dev` may be
looked at, `test` is only ever scored: its misses are never printed. Once they have been read, the test set
must be replaced by a fresh one. A stranger's set kept aside unseen for a later session lives in `aside/` and is
scored the same way, figures only, until it joins one of the three.

An in-scope answer is right when it is answered and one of the item's `expect` strings appears in what the
answer leads with (the curator's lead and the leading facts, before the topic line); it is *fact-first* when
one appears in its first sentence. An off-topic item is right when the bot says it doesn't know.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import yaml

from bot.config import load_settings
from bot.core.conversation import Conversations
from bot.core.models import Answer
from bot.core.service import BriefService
from bot.core.store import BriefStore
from bot.core.analyzer import spelling_key
from bot.core.english import is_common_word
from bot.core.text import normalize

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SETS = ("train", "dev", "test")
SEALED = "test"  # whose misses are never shown
ASIDE = "aside/"  # a stranger's set kept aside unseen for a later session: figures only, like the sealed set


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.right}/{self.total} = {self.rate:.3f}"


@dataclass
class Report:
    in_scope: Tally = field(default_factory=Tally)
    off_topic: Tally = field(default_factory=Tally)
    fact_first: Tally = field(default_factory=Tally)
    first_turns: Tally = field(default_factory=Tally)
    later_turns: Tally = field(default_factory=Tally)
    later_off_topic: Tally = field(default_factory=Tally)
    off_topic_after_answer: Tally = field(default_factory=Tally)
    conversations: Tally = field(default_factory=Tally)
    misses: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            f"in-scope answered right:           {self.in_scope}",
            f"off-topic rejected (fresh):         {self.off_topic}",
            f"off-topic rejected after an answer: {self.off_topic_after_answer}",
            f"fact-first, single-fact questions:  {self.fact_first}",
            f"conversation first turns:           {self.first_turns}",
            f"conversation later turns:           {self.later_turns}",
            f"  of which off-topic, rejected:     {self.later_off_topic}",
            f"whole conversations right:          {self.conversations}",
        ]


_ABBREVIATION_DOTS = re.compile(r"(?<=[A-Za-z])\.(?=[A-Za-z])|(?<=\b[A-Za-z])\.(?=\s|$)")


def fold(text: str) -> str:
    """Compare words, not punctuation: "1 p.m." is "1 pm", "U.S." is "us"."""
    return " " + normalize(_ABBREVIATION_DOTS.sub("", text)) + " "


def leading_text(answer: Answer) -> str:
    """What the answer says before naming its topic."""
    return " ".join(answer.body)


def first_sentence(answer: Answer) -> str:
    return answer.lead or (answer.facts[0].line() if answer.facts else "")


_MONTHS = "january february march april may june july august september october november december".split()
_DAY_MONTH = re.compile(r"^(\d{1,2}) (%s)$" % "|".join(_MONTHS))
_MONTH_DAY = re.compile(r"^(%s) (\d{1,2})$" % "|".join(_MONTHS))


_COMPOUND = re.compile(r"^\S+-[a-z]+$", re.IGNORECASE)


_STEM = re.compile(r"^[A-Za-z]{4,}$")
_NAME = re.compile(r"^[A-Z][a-z]{3,}$")  # one capitalised word: a name
_COUNT_WORDS = frozenset({"hundred", "thousand", "million", "billion", "dozen", "score"})


@lru_cache(maxsize=1)
def _article_words() -> frozenset[str]:
    return frozenset(w for path in (ROOT / "seeds").glob("*.txt") for w in fold(path.read_text(encoding="utf-8")).split())


def _forms(expected: str) -> list[str]:
    """An expected date in either order: an author who wrote "May 16" means the fact "16 May" too. A hyphenated
    measure means its plural too: "30-day" is "30 days", "three-year" "three years"; so does a last word of four
    letters or more: "sanction" is in "sanctions". A word cut short on purpose
    ("smuggl", "retaliat", "memorand": no English word and no word of the articles) is the start of a word, as the
    authors were told any expected string that appears in the answer counts."""
    folded = fold(expected)
    word = folded.strip()
    if _STEM.match(word) and word not in _article_words() and not is_common_word(word):
        return [folded[:-1]]
    if found := _DAY_MONTH.match(folded.strip()):
        return [folded, f" {found[2]} {found[1]} "]
    if found := _MONTH_DAY.match(folded.strip()):
        return [folded, f" {found[2]} {found[1]} "]
    if _COMPOUND.match(expected.strip()):
        return [folded, folded[:-1] + "s "]
    last = folded.split()[-1] if folded.split() else ""
    if _STEM.match(last) and last not in _COUNT_WORDS:
        # "sanction" appears in "tough sanctions", "bomber" in "40 bombers": a noun the author wrote in the singular
        # is in its plural too, as the authors were told any expected string that appears in the answer counts (not
        # a count: "thousand" is not "tens of thousands")
        return [folded, folded[:-1] + "s ", folded[:-1] + "es "]
    return [folded]


def has(expect: list[str], text: str) -> bool:
    folded = fold(text)
    if any(form.strip() and form in folded for e in expect for form in _forms(e)):
        return True
    # A name in another romanisation: an answer naming Zelensky names the "Zelenskiy" an author copied from an
    # article (the brief spells each name one way; readers may type either)
    names = [spelling_key(e.strip().lower()) for e in expect if _NAME.match(e.strip())]
    return bool(names) and not set(names).isdisjoint(spelling_key(w) for w in folded.split())


def grade(item: dict[str, Any], answer: Answer) -> bool:
    if item.get("off_topic"):
        return not answer.matched
    return answer.matched and has(item["expect"], leading_text(answer))


def service() -> BriefService:
    settings = load_settings()
    store = BriefStore(ROOT / settings.brief, ROOT / settings.seeds_dir)
    return BriefService(store, Conversations(), settings.matcher.threshold, settings.matcher.suggestions)


class BadSet(ValueError):
    """A question set whose expected answers are not all text."""


def load(name: str) -> dict[str, Any]:
    """A set by name (train, dev, test) or, for a set kept aside (`aside/NAME`), by its path under this directory."""
    data: dict[str, Any] = yaml.safe_load((HERE / f"{name}.yaml").read_text(encoding="utf-8"))
    _check_expected(name, data)
    return data


def _check_expected(name: str, data: dict[str, Any]) -> None:
    """Every expected answer is text. YAML reads an unquoted `[1,000]` as the two numbers 1 and 0, which would then be
    graded as "1" and "0"; the set is refused instead, naming where (by position: a sealed set's questions are never
    shown)."""
    places = [(f"question {i + 1}", item) for i, item in enumerate(data["questions"])]
    places += [(f"conversation {c + 1}, turn {t + 1}", turn) for c, conversation in enumerate(data["conversations"])
               for t, turn in enumerate(conversation)]
    for place, item in places:
        for expected in item.get("expect") or ():
            if not isinstance(expected, str):
                raise BadSet(f"{HERE / name}.yaml: {place}: expected answer {expected!r} is not text; quote it "
                             f"(YAML reads [1,000] as two numbers)")


def every_question(turns: bool = True, sets: tuple[str, ...] | list[str] = SETS) -> list[str]:
    """The texts of every standalone question of the three sets (or of `sets`), then (with `turns`) every
    conversation turn."""
    asked: list[str] = []
    for name in sets:
        data = load(name)
        asked += [item["q"] for item in data["questions"]]
        if turns:
            asked += [turn["q"] for conversation in data["conversations"] for turn in conversation]
    return asked


def evaluate(name: str, bot: BriefService | None = None) -> Report:
    bot = bot or service()
    data = load(name)
    report = Report()
    keys: Iterator[str] = (f"{name}-{n}" for n in itertools.count())

    def miss(item: dict[str, Any], answer: Answer, where: str) -> None:
        got = leading_text(answer)[:120] if answer.matched else "I don't know"
        want = "reject" if item.get("off_topic") else item["expect"]
        report.misses.append(f"{where} {item['q'][:100]!r}: got [{answer.section_id}] {got!r}; want {want}")

    openers: list[str] = []
    for item in data["questions"]:
        answer = bot.ask(next(keys), item["q"])
        ok = grade(item, answer)
        (report.off_topic if item.get("off_topic") else report.in_scope).add(ok)
        if item.get("kind") == "fact":
            report.fact_first.add(answer.matched and has(item["expect"], first_sentence(answer)))
            if ok and not has(item["expect"], first_sentence(answer)):
                miss(item, answer, "FACT")
        if ok and not item.get("off_topic") and len(openers) < 3:
            openers.append(item["q"])
        if not ok:
            miss(item, answer, "IN " if not item.get("off_topic") else "OUT")
    # The same off-topic questions, each asked right after an answered one.
    for opener, item in itertools.product(openers, [i for i in data["questions"] if i.get("off_topic")]):
        key = next(keys)
        bot.ask(key, opener)
        answer = bot.ask(key, item["q"])
        report.off_topic_after_answer.add(not answer.matched)
        if answer.matched and opener == openers[0]:
            miss(item, answer, f"AFTER {opener[:30]!r}:")
    for conversation in data["conversations"]:
        key = next(keys)
        whole = True
        for turn, item in enumerate(conversation):
            answer = bot.ask(key, item["q"])
            ok = grade(item, answer)
            whole &= ok
            if turn == 0:
                report.first_turns.add(ok)
            else:
                report.later_turns.add(ok)
                if item.get("off_topic"):
                    report.later_off_topic.add(ok)
            if item.get("kind") == "fact" and turn > 0:
                report.fact_first.add(answer.matched and has(item["expect"], first_sentence(answer)))
            if not ok:
                miss(item, answer, f"TURN {turn + 1}")
        report.conversations.add(whole)
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("set", help=f"{', '.join(SETS)}, or aside/NAME: a stranger's set kept aside unseen")
    parser.add_argument("--misses", action="store_true", help="list every miss (not for the test set)")
    args = parser.parse_args()
    if args.set not in SETS and not (args.set.startswith(ASIDE) and (HERE / f"{args.set}.yaml").is_file()):
        print(f"error: no question set {args.set!r}: expected one of {', '.join(SETS)} or {ASIDE}NAME "
              f"(a file {HERE}/{ASIDE}NAME.yaml)", file=sys.stderr)
        return 2
    if args.misses and (args.set == SEALED or args.set.startswith(ASIDE)):
        print("error: the misses of the test set and of a set kept aside are never shown; replace the set once they "
              "have been read", file=sys.stderr)
        return 2
    try:
        report = evaluate(args.set)
    except BadSet as bad:
        print(f"error: {bad}", file=sys.stderr)
        return 2
    if args.misses:
        print("\n".join(report.misses))
    print(f"{args.set}:")
    print("\n".join("  " + line for line in report.lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
