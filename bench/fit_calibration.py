"""Fit the matcher's accept/reject model (and its topic ranking) to the training question set.

    .venv/bin/python bench/fit_calibration.py

Writes `bot/core/calibration.json` (the parameters, as data) and `bench/calibration_report.md` (how they
were fitted: data, method, cross-validated figures). Only the `train` set is used; `dev` is reported for a
look, `test` never enters the fit.
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sklearn.linear_model import LogisticRegression  # noqa: E402  (a fitting tool, not a runtime dependency)
from sklearn.model_selection import cross_val_score  # noqa: E402

from bot.core.calibration import FEATURES, PRIOR, Calibration  # noqa: E402
from bot.core.service import BriefService  # noqa: E402
from bot.core.text import strip_markup  # noqa: E402
from tests.eval.evaluate import evaluate, grade, load, service  # noqa: E402

CALIBRATION = ROOT / "bot" / "core" / "calibration.json"
REPORT = ROOT / "bench" / "calibration_report.md"
RANK_GRID = [0.0, 0.15, 0.3, 0.45, 0.6]


def samples(bot: BriefService, name: str) -> tuple[list[list[float]], list[int], int]:
    """Features of the reading the matcher chose, labelled 1 when its answer would be right; and how many
    in-scope items the best topic answered right (what the ranking is fitted for)."""
    data = load(name)
    matcher = bot.store.current.matcher
    rows: list[list[float]] = []
    labels: list[int] = []
    ranked_right = 0
    keys = (f"fit-{n}" for n in itertools.count())
    dialogues = [[item] for item in data["questions"]] + data["conversations"]
    for dialogue in dialogues:
        key = next(keys)
        for item in dialogue:
            context = bot.conversations.get(key)
            chosen = matcher.match(item["q"], context)
            if chosen.best is not None and not (chosen.more or chosen.again):
                # Every reading is a sample, so the model learns which reading of a message to trust.
                for match in matcher.readings(strip_markup(item["q"]), context):
                    if match.best is None:
                        continue
                    would, _ = bot.answer_for(item["q"], match, context)
                    right = grade(item, would) if not item.get("off_topic") else False
                    rows.append([match.features[f] for f in FEATURES])
                    labels.append(int(right))
                would, _ = bot.answer_for(item["q"], chosen, context)
                ranked_right += grade(item, would) if not item.get("off_topic") else False
            bot.ask(key, item["q"])
    return rows, labels, ranked_right


def fit() -> None:
    bot = service()
    matcher = bot.store.current.matcher
    # 1. Ranking: the weights under which the top topic's leading facts are right most often on train.
    best_rank, best_right = dict(PRIOR.rank), -1
    for coverage, fact, example in itertools.product(RANK_GRID, RANK_GRID, RANK_GRID):
        if coverage + fact + example == 0:
            continue
        matcher.calibration = replace(PRIOR, rank={"coverage": coverage, "fact_score": fact, "example": example})
        _, _, right = samples(service_like(bot), "train")
        if right > best_right:
            best_rank, best_right = dict(matcher.calibration.rank), right
    # 2. Accept/reject: logistic regression on the features of the chosen reading, two passes so the
    #    readings chosen are those the fitted model would choose.
    calibration = replace(PRIOR, rank=best_rank)
    model = LogisticRegression(C=1.0, max_iter=1000)
    for _ in range(2):
        matcher.calibration = calibration
        rows, labels, _ = samples(service_like(bot), "train")
        model.fit(rows, labels)
        calibration = Calibration(dict(zip(FEATURES, (round(float(w), 4) for w in model.coef_[0]))),
                                  round(float(model.intercept_[0]), 4), best_rank)
    cv = cross_val_score(LogisticRegression(C=1.0, max_iter=1000), rows, labels, cv=5, scoring="accuracy")
    CALIBRATION.write_text(calibration.to_json(fitted_on="tests/eval/train.yaml", samples=len(rows),
                                               date=dt.date.today().isoformat()), encoding="utf-8")
    matcher.calibration = calibration
    figures = {name: evaluate(name, service_like(bot)) for name in ("train", "dev")}
    lines = [
        "# How the matcher's calibration was fitted",
        "",
        f"Written by `bench/fit_calibration.py` on {dt.date.today().isoformat()}; the parameters are in "
        "`bot/core/calibration.json`.",
        "",
        "- **Data:** `tests/eval/train.yaml` only (standalone questions and every conversation turn, asked in "
        f"order): {len(rows)} samples, {sum(labels)} positive. A sample is the reading the matcher chose; it is "
        "positive when the answer it would give leads with an expected fact, negative when the question is "
        "off-topic or the answer would be wrong. Every reading the matcher considers (the whole message, its "
        "question-like sentences and clauses, the follow-up reading) is a sample, so the model also learns "
        "which reading to trust. `dev` is only reported; `test` is never used.",
        f"- **Ranking** (grid search over {len(RANK_GRID)}³ weights, most in-scope answers right at rank 1): "
        f"{best_rank}, {best_right} right.",
        "- **Accept/reject:** scikit-learn `LogisticRegression(C=1.0)` on the features below, refitted once on "
        "the readings its first fit chooses. The service accepts at probability ≥ `matcher.threshold` (0.5).",
        f"- **5-fold cross-validated accuracy on train:** {cv.mean():.3f} (± {cv.std():.3f}).",
        "",
        "| feature | weight |",
        "|---|---|",
        *[f"| {name} | {calibration.weights[name]:+.3f} |" for name in FEATURES],
        f"| (bias) | {calibration.bias:+.3f} |",
        "",
        "## Figures after the fit",
        "",
    ]
    for name, report in figures.items():
        lines += [f"**{name}**", "", "```", *report.lines(), "```", ""]
    REPORT.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


def service_like(bot: BriefService) -> BriefService:
    """A fresh service (empty conversations and stats) over the same loaded brief and matcher."""
    fresh = BriefService(bot.store, type(bot.conversations)(), bot.threshold, bot.suggestions)
    return fresh


if __name__ == "__main__":
    fit()
