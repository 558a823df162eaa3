"""The accept/reject decision: a logistic model over a few match features, fitted to labelled questions.

The parameters are data (`calibration.json`, written by `bench/fit_calibration.py`, which also writes the
report of how they were fitted); nothing here is tuned by hand.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import Mapping

FEATURES = (
    "lead_coverage",  # weighted share of the question's own content terms that the leading fact itself uses
    "missing",  # the weightiest term of the question that neither the leading fact nor the topic's card has
    "unresolved",  # the message points back ("he", "that") but this reading ignores the previous turn
    "coverage",  # weighted share of the question's own content terms that the chosen topic covers
    "unknown",  # weighted share of them the brief never uses
    "article_only",  # ... that only the articles use (a paraphrase, or a detail the brief left out)
    "fact_score",  # BM25 of the leading fact, over the most the question's terms could score
    "example",  # similarity to the topic's example questions (0..1)
    "content",  # number of content terms, capped at 6, over 6
    "type_fit",  # 1 when the leading fact is the kind asked for (a number, a time, a person)
    "type_miss",  # 1 when the question asks for a kind the leading fact is not
    "conflict",  # the question names a country or person the leading fact is not about
    "context",  # the reading uses the previous turn
    "margin",  # rank lead of the chosen topic over the next one not curated as related to it
)


RANK_FEATURES = (
    "coverage",  # weighted share of the question's terms the topic uses anywhere
    "example",  # similarity to the topic's example questions
    "fact",  # BM25 of the topic's best fact, figure or entity card, over the most the question could score
    "card",  # BM25 of the topic's card (title, examples, keywords)
    "named",  # share of the people and countries the question names that the topic is about
    "typed",  # the topic has a matching fact of the kind asked for (1), none (0), nothing asked (0.5)
)


@dataclass(frozen=True)
class Calibration:
    weights: Mapping[str, float]
    bias: float
    rank: Mapping[str, float]  # how topics are ordered: a weight per RANK_FEATURES entry

    @cached_property
    def _weights(self) -> tuple[tuple[str, float], ...]:
        return tuple((name, self.weights.get(name, 0.0)) for name in FEATURES)

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.bias + sum(weight * features[name] for name, weight in self._weights)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def load(cls) -> "Calibration":
        data = json.loads(resources.files("bot.core").joinpath("calibration.json").read_text(encoding="utf-8"))
        return cls(data["weights"], data["bias"], data["rank"])

    def to_json(self, **extra: object) -> str:
        return json.dumps({"weights": dict(self.weights), "bias": self.bias, "rank": dict(self.rank), **extra},
                          indent=2) + "\n"


# Used until the first fit, and by tests that want the decision independent of the fitted data.
PRIOR = Calibration(
    weights={"coverage": 6.0, "unknown": -5.0, "article_only": -2.0, "fact_score": 2.0, "example": 1.5,
             "content": 0.0, "type_fit": 0.5, "type_miss": -1.0, "conflict": -2.0, "context": 0.0, "margin": 1.0},
    bias=-4.0,
    rank={"coverage": 0.6, "example": 0.15, "fact": 0.25, "card": 0.1, "named": 0.2, "typed": 0.1},
)
