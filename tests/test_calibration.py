"""The accept/reject calibration: the committed parameters are complete data, and the fitting script's choices
(bench/fit_calibration.py) never trade off-topic refusals for in-scope answers, never keep a fit that is worse on
either set, and weigh every message once. The fit itself needs scikit-learn (the `fit` extra); these choices don't."""

from __future__ import annotations

import importlib.util
import json
import sys
from importlib import resources
from pathlib import Path

from bot.core.calibration import FEATURES, PRIOR, RANK_FEATURES, Calibration

_SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "fit_calibration.py"
_spec = importlib.util.spec_from_file_location("fit_calibration", _SCRIPT)
assert _spec is not None and _spec.loader is not None
fitting = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("fit_calibration", fitting)  # its dataclasses look their module up
_spec.loader.exec_module(fitting)


def _figures(in_scope: float, off_topic: float, after: float | None = None, later: float = 0.9,
             conversations: float = 0.8) -> dict[str, float]:
    return {"in_scope": in_scope, "off_topic": off_topic,
            "off_topic_after_answer": off_topic if after is None else after,
            "later_turns": later, "conversations": conversations}


def test_the_committed_calibration_weighs_every_feature_and_ranks_by_every_rank_feature() -> None:
    data = json.loads(resources.files("bot.core").joinpath("calibration.json").read_text(encoding="utf-8"))
    assert set(data["weights"]) == set(FEATURES)
    assert set(data["rank"]) == set(RANK_FEATURES)
    loaded = Calibration.load()
    assert json.loads(loaded.to_json())["weights"] == data["weights"]


def test_probability_rises_with_a_positively_weighted_feature_and_stays_a_probability() -> None:
    calibration = Calibration.load()
    up = max(FEATURES, key=lambda name: calibration.weights[name])
    low = {name: 0.0 for name in FEATURES}
    high = {**low, up: 1.0}
    assert 0.0 < calibration.probability(low) < calibration.probability(high) < 1.0
    extreme = {name: 1e6 for name in FEATURES}  # clamped, never an overflow
    assert 0.0 <= PRIOR.probability(extreme) <= 1.0


def test_the_operating_point_never_buys_in_scope_answers_with_off_topic_refusals() -> None:
    floor = _figures(0.93, 0.978, 0.977)
    by_shift = {
        -0.25: _figures(0.92, 0.980, 0.979),
        0.0: _figures(0.93, 0.978, 0.977),
        0.25: _figures(0.94, 0.979, 0.978),  # the most in-scope answers that keep both refusal rates
        0.5: _figures(0.95, 0.970, 0.978),  # more in scope, fewer fresh off-topic refusals: never
        0.75: _figures(0.96, 0.979, 0.960),  # fewer refusals after an answer: never
    }
    assert fitting.best_shift(by_shift, floor) == 0.25
    assert fitting.best_shift({0.5: by_shift[0.5], 0.75: by_shift[0.75]}, floor) is None


def test_a_new_fit_is_kept_only_when_it_lowers_no_headline_figure_on_train_or_dev() -> None:
    old = {"train": _figures(0.93, 0.978), "dev": _figures(0.97, 0.989)}
    assert fitting.beats({"train": _figures(0.94, 0.978), "dev": _figures(0.97, 0.989)}, old)
    # better on train, one later turn fewer on dev
    assert not fitting.beats({"train": _figures(0.95, 0.98), "dev": _figures(0.98, 0.989, later=0.89)}, old)
    # whole conversations count too
    assert not fitting.beats({"train": _figures(0.95, 0.98, conversations=0.79), "dev": old["dev"]}, old)
    assert not fitting.beats(old, old)  # the same figures are no reason to change


def test_every_message_weighs_once_and_those_the_rules_decide_are_left_out() -> None:
    long_message = fitting.Ask("question", "q1", False, rows=[[0.0] * len(FEATURES)] * 3, labels=[1, 0, 0])
    short = fitting.Ask("later_turn", "conversation 4", False, rows=[[1.0] * len(FEATURES)], labels=[1])
    ruled = fitting.Ask("off_topic", "q2", True, rows=[[0.5] * len(FEATURES)], labels=[0], decided=True)
    rows, labels, weights, groups = fitting.weighted_samples([long_message, short, ruled])
    assert len(rows) == 4 and labels == [1, 0, 0, 1]
    assert abs(sum(weights[:3]) - 1.0) < 1e-9 and weights[3] == 1.0
    assert groups == ["q1", "q1", "q1", "conversation 4"]
