"""What `curate` tells a curator: the logged questions grouped, the answers readers disliked, and regressions.

Pure: stored questions and the current brief's matcher in, a `Report` out. Similar wordings are grouped by their
content-word stems (the matcher's own reading, without the brief's vocabulary) and then by rapidfuzz similarity
of those stems; only questions sharing a rare stem are compared, so 100,000 questions take seconds.
A group is re-matched against the current brief (by its most asked wording) only when some of it was asked under
another revision.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from bot.core.curation import CurationLog, Curator, Outcome, StoredQuestion
from bot.core.matcher import Matcher
from bot.core.text import QUESTION_WORDS, STOPWORDS, normalize, stem

SIMILAR = 80  # rapidfuzz ratio of two stem keys at or above which they are one group
COMPARED = 200  # at most this many groups are compared with each new key
EXAMPLES = 3
STUB_BELOW = 0.15  # a nearest topic ranked below this (where the bot stops suggesting it) gets a new-topic stub


@dataclass(frozen=True)
class Nearest:
    section_id: str
    title: str
    score: float


@dataclass(frozen=True)
class Group:
    count: int
    examples: tuple[str, ...]  # the most frequent wordings, most frequent first
    outcomes: dict[str, int]  # "rejected" / "grey" -> how many
    nearest: Nearest | None  # the topic the bot thought nearest (under the current brief when re-matched)
    now: str  # "unanswered", "shaky" or "answered": what the current brief does with it
    snippet: str  # YAML to paste into the brief


@dataclass(frozen=True)
class Disliked:
    question: str
    section_id: str | None
    title: str
    up: int
    down: int
    facts: tuple[str, ...]


@dataclass(frozen=True)
class Regression:
    question: str
    was_section: str | None
    was_confidence: float
    now_confidence: float
    revision: str


@dataclass(frozen=True)
class Report:
    revision: str
    since_days: int | None
    questions: int  # logged questions (rejected or grey) in the window
    groups: tuple[Group, ...]
    disliked: tuple[Disliked, ...]
    open_groups: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "open_groups", sum(1 for g in self.groups if g.now != "answered"))

    def to_json(self) -> dict[str, Any]:
        """The documented `curate --json` shape (README "Curating the brief"); change it only additively."""
        return {
            "revision": self.revision,
            "since_days": self.since_days,
            "questions": self.questions,
            "groups": [{
                "count": g.count,
                "examples": list(g.examples),
                "outcomes": g.outcomes,
                "nearest": None if g.nearest is None else {
                    "section": g.nearest.section_id, "title": g.nearest.title, "score": g.nearest.score},
                "now": g.now,
                "snippet": g.snippet,
            } for g in self.groups],
            "disliked": [{
                "question": d.question, "section": d.section_id, "title": d.title, "up": d.up, "down": d.down,
                "facts": list(d.facts),
            } for d in self.disliked],
        }


class Judge:
    """The current brief's verdict on a question, cached by wording (the same wording is asked many times)."""

    def __init__(self, matcher: Matcher, threshold: float, grey_zone: float) -> None:
        self.matcher = matcher
        self.threshold = threshold
        self.grey_zone = grey_zone
        self._seen: dict[str, tuple[str, Nearest | None, float]] = {}

    def __call__(self, question: str) -> tuple[str, Nearest | None, float]:
        """("unanswered" | "shaky" | "answered", the nearest topic, the confidence)."""
        found = self._seen.get(question)
        if found is None:
            match = self.matcher.match(question)
            best = match.best
            nearest = None if best is None else Nearest(best.id, best.title, round(match.candidates[0].rank, 3))
            found = (self.status(match.confidence if best is not None else 0.0), nearest, match.confidence)
            self._seen[question] = found
        return found

    def status(self, confidence: float) -> str:
        if confidence < self.threshold:
            return "unanswered"
        return "shaky" if confidence < self.threshold + self.grey_zone else "answered"


def build_report(log: CurationLog, judge: Judge, revision: str, since_days: int | None,
                 brief_path: str = "the brief") -> Report:
    logged = [w for w in log.wordings if w.outcome in (Outcome.REJECTED, Outcome.GREY)]
    titles = {s.id: s.title for s in judge.matcher.sections}
    groups = []
    for members in group_questions(logged):
        wordings: Counter[str] = Counter()
        outcomes: Counter[str] = Counter()
        for w in members:
            wordings[w.question] += w.count
            outcomes[w.outcome.value] += w.count
        examples = tuple(q for q, _ in wordings.most_common(EXAMPLES))
        if any(w.revision != revision for w in members):
            now, nearest, _ = judge(examples[0])  # what the brief serving now does with its most asked wording
        else:
            now = "unanswered" if outcomes.get("rejected") else "shaky"
            first = next(w for w in members if w.question == examples[0])
            top = first.candidates[0] if first.candidates else None
            nearest = None if top is None or top.section_id not in titles else \
                Nearest(top.section_id, titles[top.section_id], top.score)
        count = sum(outcomes.values())
        groups.append(Group(count, examples, dict(outcomes), nearest, now, snippet(examples, nearest, brief_path)))
    # Most frequent first; what the current brief already answers goes last, so the list a curator reads shrinks.
    groups.sort(key=lambda g: (g.now == "answered", -g.count))
    return Report(revision, since_days, sum(w.count for w in logged), tuple(groups), disliked(log.rated))


def disliked(rated: Iterable[StoredQuestion]) -> tuple[Disliked, ...]:
    """Answers that drew a 👎, most 👎 first; the same wording answered from the same topic is one line."""
    merged: dict[tuple[str, str | None], list[Any]] = {}
    for s in rated:
        if not s.down or s.record.outcome is Outcome.REJECTED:  # "I don't have that" is the log's business
            continue
        key = (normalize(s.record.question), s.record.section_id)
        entry = merged.setdefault(key, [s.record, 0, 0])
        entry[1] += s.up
        entry[2] += s.down
    rows = [Disliked(r.question, r.section_id, r.reply, up, down, r.facts) for r, up, down in merged.values()]
    return tuple(sorted(rows, key=lambda d: (-d.down, d.up, d.question)))


def regressions(log: CurationLog, judge: Judge) -> list[Regression]:
    """Questions the bot answered when they were asked (grey zone, or rated) that the current brief rejects."""
    answered = [(w.question, w.section_id, w.confidence, w.revision) for w in log.wordings
                if w.outcome in (Outcome.GREY, Outcome.ANSWERED) and not w.follow_up]
    answered += [(s.record.question, s.record.section_id, s.record.confidence, s.record.revision) for s in log.rated
                 if s.record.outcome in (Outcome.GREY, Outcome.ANSWERED) and not s.record.follow_up]
    found: list[Regression] = []
    seen: set[str] = set()
    for question, section_id, confidence, asked_under in answered:
        if question in seen:
            continue
        seen.add(question)
        status, _, now = judge(question)
        if status == "unanswered":
            found.append(Regression(question, section_id, confidence, round(now, 3), asked_under))
    return found


async def current_report(curator: Curator, matcher: Matcher, threshold: float, revision: str,
                         since_days: int | None = None, brief_path: str = "the brief") -> Report:
    """The report over the stored log, judged by the brief serving now; the grouping runs off the event loop."""
    since = None if since_days is None else dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=since_days)
    log = await curator.store.load(since)
    judge = Judge(matcher, threshold, curator.grey_zone)
    return await asyncio.to_thread(build_report, log, judge, revision, since_days, brief_path)


# ------------------------------------------------------------ grouping


def stem_key(question: str) -> str:
    """The question's content words as sorted stems: "Who won the football?" and "who wins football" meet."""
    said = default_process(question).split()  # rapidfuzz's lower-case-and-strip-punctuation, in C
    stems = sorted({stem(w) for w in said if w not in STOPWORDS and w not in QUESTION_WORDS})
    return " ".join(stems) if stems else " ".join(said)


def group_questions(records: Sequence[Any]) -> list[list[Any]]:
    """Records (with a `.question`, and a `.count` when they stand for several) in groups of similar wording,
    the most asked first."""
    by_key: dict[str, list[Any]] = defaultdict(list)
    keys: dict[str, str] = {}
    for record in records:
        key = keys.get(record.question)
        if key is None:
            key = keys[record.question] = stem_key(record.question)
        by_key[key].append(record)
    weight = {k: sum(getattr(r, "count", 1) for r in rs) for k, rs in by_key.items()}
    ordered = sorted(by_key, key=lambda k: (-weight[k], k))
    frequency = Counter(token for key in ordered for token in set(key.split()))
    leaders: list[str] = []
    members: list[list[Any]] = []
    postings: dict[str, list[int]] = defaultdict(list)
    for key in ordered:
        tokens = sorted(set(key.split()), key=lambda t: (frequency[t], t))
        candidates: dict[int, None] = {}
        for token in tokens[:2]:  # a similar key shares one of its two rarest stems
            for index in postings.get(token, ()):
                candidates.setdefault(index, None)
                if len(candidates) >= COMPARED:
                    break
        best, best_score = -1, 0.0
        for index in candidates:
            leader = leaders[index]
            # One stem more or less ("who won the football match") is the same question; more is not.
            loose = abs(len(tokens) - leader.count(" ") - 1) <= 1
            score = (fuzz.token_set_ratio if loose else fuzz.ratio)(key, leader, score_cutoff=SIMILAR)
            if score > best_score:
                best, best_score = index, score
        if best >= 0:
            members[best].extend(by_key[key])
            continue
        leaders.append(key)
        members.append(list(by_key[key]))
        for token in tokens:
            postings[token].append(len(leaders) - 1)
    return sorted(members, key=lambda rs: sum(getattr(r, "count", 1) for r in rs), reverse=True)


# ------------------------------------------------------------ the YAML a curator pastes


def _quoted(text: str) -> str:
    return json.dumps(" ".join(text.split()), ensure_ascii=False)  # a JSON string is a valid YAML scalar


def snippet(examples: Sequence[str], nearest: Nearest | None, brief_path: str = "the brief") -> str:
    """Lines to paste into the brief: the wordings as examples of the nearest topic, or a new topic's stub."""
    lines = [f"      - {_quoted(e)}" for e in examples]
    if nearest is not None and nearest.score >= STUB_BELOW:
        return (f"# {brief_path}: under the section `id: {nearest.section_id}`, append to its `examples:` list\n"
                + "\n".join(lines))
    return "\n".join([
        f"# {brief_path}: a new section under `sections:` (fill in every TODO; `brief check` verifies the quotes)",
        "  - id: todo-new-topic",
        "    title: TODO",
        "    kind: context",
        "    examples:",
        *lines,
        "    facts:",
        "      - text: TODO",
        "        sources:",
        '          - {seed: "TODO", quote: "TODO: the exact words from the seed article"}',
    ])


# ------------------------------------------------------------ text for the CLI and the chat command


def report_lines(report: Report, limit: int | None = None) -> list[str]:
    """The report as plain text paragraphs (one per group), most frequent first."""
    shown = report.groups[:limit] if limit else report.groups
    head = [f"{report.questions} logged question(s){_window(report.since_days)}, {len(report.groups)} group(s), "
            f"{report.open_groups} not yet answered by revision {report.revision}."]
    blocks = []
    for number, g in enumerate(shown, 1):
        where = (f"nearest topic: {g.nearest.title} ({g.nearest.section_id}, score {g.nearest.score:.2f})"
                 if g.nearest else "no nearest topic")
        outcomes = ", ".join(f"{n} {o}" for o, n in sorted(g.outcomes.items()))
        mark = "  ✓ the current brief answers these now" if g.now == "answered" else ""
        examples = "\n".join(f"   “{e}”" for e in g.examples)
        blocks.append(f"{number}. ×{g.count} ({outcomes}); {where}{mark}\n{examples}\n{g.snippet}")
    if len(report.groups) > len(shown):
        blocks.append(f"… and {len(report.groups) - len(shown)} more group(s): python -m bot curate")
    if report.disliked:
        lines = ["Answers readers disliked:"]
        for d in report.disliked[:limit] if limit else report.disliked:
            lines.append(f"- “{d.question}” → {d.title}: 👍 {d.up} 👎 {d.down}")
            lines += [f"    {fact}" for fact in d.facts]
        blocks.append("\n".join(lines))
    return head + blocks


def _window(days: int | None) -> str:
    return f" in the last {days} day(s)" if days is not None else ""
