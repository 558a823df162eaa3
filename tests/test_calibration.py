"""The accept/reject calibration: the committed parameters are complete data, and the fitting script's choices
(bench/fit_calibration.py) never trade off-topic refusals for in-scope answers, shrink toward the committed weights
as far as held-out decisions say, never keep a fit that is worse on either set, and weigh every message once. The fit itself needs scikit-learn (the `fit` extra); these choices don't."""

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


def _held_out(in_scope: int, off_topic: int, after: int, turns: int) -> dict[str, int]:
    return {"in_scope": in_scope, "off_topic": off_topic, "after_answer": after, "off_topic_turn": turns}


def test_the_shrinkage_never_buys_in_scope_answers_with_off_topic_refusals() -> None:
    table = {
        (0.0, 0.0): _held_out(400, 60, 200, 30),  # the committed weights: always eligible
        (0.2, -0.1): _held_out(404, 60, 201, 30),  # the most in-scope answers keeping every kind of refusal
        (0.5, 0.0): _held_out(420, 59, 200, 30),  # more in scope, one fresh off-topic question answered: never
        (0.5, -0.2): _held_out(430, 60, 199, 30),  # one refusal fewer after an answer: never
        (1.0, 0.0): _held_out(440, 61, 203, 29),  # one off-topic conversation turn answered: never
        (0.3, -0.2): _held_out(404, 60, 200, 30),  # as many in scope, fewer refusals in all: not chosen
    }
    assert fitting.best_blend(table) == (0.2, -0.1)
    # nothing better: the committed weights stay
    assert fitting.best_blend({k: v for k, v in table.items() if k != (0.2, -0.1) and k != (0.3, -0.2)}) == (0.0, 0.0)


def test_a_held_out_ask_is_decided_by_the_reading_the_model_ranks_first() -> None:
    first = FEATURES[0]
    weights = [1.0 if name == first else 0.0 for name in FEATURES]
    strong, weak = [[3.0 if name == first else 0.0 for name in FEATURES], [1.0 if name == first else 0.0
                                                                        for name in FEATURES]]
    # the best-ranked reading answers, right or wrong: a right reading ranked second does not save it
    wrong_first = fitting.Ask("question", "q", False, rows=[strong, weak], labels=[0, 1])
    assert not fitting.decided_right(wrong_first, weights, -2.0)
    assert fitting.decided_right(fitting.Ask("question", "q", False, rows=[strong, weak], labels=[1, 0]),
                                 weights, -2.0)
    # below the threshold nothing is answered: wrong for an in-scope ask, right for an off-topic one
    assert not fitting.decided_right(fitting.Ask("question", "q", False, rows=[weak], labels=[1]), weights, -2.0)
    assert fitting.decided_right(fitting.Ask("off_topic", "q", True, rows=[weak], labels=[0]), weights, -2.0)
    assert not fitting.decided_right(fitting.Ask("off_topic", "q", True, rows=[strong], labels=[0]), weights, -2.0)


def test_the_fit_moves_the_committed_weights_part_of_the_way_toward_the_refit() -> None:
    committed = Calibration({name: 1.0 for name in FEATURES}, -4.0, {name: 0.5 for name in RANK_FEATURES})
    refit = Calibration({name: 3.0 for name in FEATURES}, -8.0, {name: 9.0 for name in RANK_FEATURES})
    assert fitting.blended(committed, refit, 0.0, 0.0) == committed  # no move is the committed fit itself
    quarter = fitting.blended(committed, refit, 0.25, -0.1)
    assert all(w == 1.5 for w in quarter.weights.values()) and quarter.bias == -5.1
    assert quarter.rank == committed.rank  # the ranking is not blended


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
