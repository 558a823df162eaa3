"""Prometheus metrics: the core's Observer, counted with prometheus-client and exposed in its text format."""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    disable_created_metrics,
    generate_latest,
)

# Answering is pure CPU work of a millisecond or so; the top buckets catch a stalled process.
ANSWER_BUCKETS = (0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0)
CONTENT_TYPE = CONTENT_TYPE_LATEST
disable_created_metrics()  # the *_created series double the output and say only when the process started


class Metrics:
    """Implements bot.core.ports.Observer. Its own registry, so two bots in one process never share counts."""

    def __init__(self, platforms: Iterable[str] = ()) -> None:
        self.registry = CollectorRegistry()
        self.questions = Counter("briefbot_questions", "Questions asked, by platform and outcome (answered or "
                                 "unmatched).", ["platform", "outcome"], registry=self.registry)
        self.answer_seconds = Histogram("briefbot_answer_seconds", "Time spent answering one question.",
                                        buckets=ANSWER_BUCKETS, registry=self.registry)
        self.digests_sent = Counter("briefbot_digests_sent", "Digests delivered, by platform.", ["platform"],
                                    registry=self.registry)
        self.retries = Counter("briefbot_platform_retries", "Calls to a chat platform tried again: start-up "
                               "while it is unreachable, polling errors, rate-limited digests.", ["platform"],
                               registry=self.registry)
        self.reloads = Counter("briefbot_brief_reloads", "Brief reloads, by result (ok or failed).", ["result"],
                               registry=self.registry)
        # Every series a dashboard will query exists from the start, at zero.
        for platform in platforms:
            for outcome in ("answered", "unmatched"):
                self.questions.labels(platform, outcome)
            self.digests_sent.labels(platform)
            self.retries.labels(platform)
        for result in ("ok", "failed"):
            self.reloads.labels(result)

    def question(self, platform: str, outcome: str, seconds: float) -> None:
        self.questions.labels(platform, outcome).inc()
        self.answer_seconds.observe(seconds)

    def reload(self, ok: bool) -> None:
        self.reloads.labels("ok" if ok else "failed").inc()

    def digest_sent(self, platform: str) -> None:
        self.digests_sent.labels(platform).inc()

    def retry(self, platform: str) -> None:
        self.retries.labels(platform).inc()

    def exposition(self) -> bytes:
        return generate_latest(self.registry)
