"""Digest content: the brief's facts as a snapshot per revision, what changed between two snapshots, figures
as sentences, and the recap cut to fit one phone screen. Pure functions; the service supplies the brief."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from rapidfuzz import fuzz

from bot.core.models import Digest, FactChange, FigureLine, SourceRef, Topic, TopicChanges

# section id -> {"title": str, "facts": [{"text", "seeds"}],
#                "figures": [{"label", "text" (the sentence), "amount" (value and unit), "by" (attribution), "seeds"}]}
Snapshot = dict[str, dict[str, Any]]

MAX_CHANGES = 12  # change lines in one digest; the rest are counted ("… and 3 more")
MAX_TOPIC_BUTTONS = 10
SAME_FACT = 60  # rapidfuzz ratio above which a removed and an added fact are one fact, reworded
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“‘(])")


def figure_sentence(figure: FigureLine, corpus: str) -> str:
    """A key figure as a sentence: "Around 50,000 Russian troops massed near Sumy, according to Ukrainian
    officials." The amount leads when the label names what is counted (its unit's noun); otherwise
    "Label: amount". The label's first word keeps its capital unless the brief writes it in lower case."""
    amount = f"{figure.value} {figure.unit}".strip()
    noun = figure.unit.split()[-1] if figure.unit else ""
    label = figure.label
    if noun and re.search(rf"\b{re.escape(noun)}\b", label, re.IGNORECASE):
        first = label.split()[0]
        if re.search(rf"\b{re.escape(first.lower())}\b", corpus):
            label = label[0].lower() + label[1:]
        text = f"{figure.value} {label}"
    else:
        text = f"{label}: {amount}"
    return f"{text[0].upper()}{text[1:]}, {figure.attribution()}."


def first_sentences(text: str, count: int) -> str:
    return " ".join(_SENTENCE_END.split(text.strip())[:count])


def diff_snapshots(old: Snapshot, new: Snapshot) -> tuple[TopicChanges, ...]:
    """Facts and figures added, changed (old → new) or removed, grouped by topic in the new brief's order
    (topics gone from it last)."""
    grouped: list[TopicChanges] = []
    for section_id in list(new) + [s for s in old if s not in new]:
        before, after = old.get(section_id), new.get(section_id)
        changes = _section_changes(before or {}, after or {})
        if changes:
            title = (after or before or {}).get("title", section_id)
            grouped.append(TopicChanges(Topic(section_id, title), changes))
    return tuple(grouped)


def _section_changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[FactChange, ...]:
    changes: list[FactChange] = []
    old_figures = {f["label"].casefold(): f for f in old.get("figures", [])}
    new_figures = {f["label"].casefold(): f for f in new.get("figures", [])}
    for key, figure in new_figures.items():
        previous = old_figures.get(key)
        if previous is None:
            changes.append(FactChange("added", figure["text"], tuple(figure["seeds"])))
        elif previous["text"] != figure["text"]:
            if previous.get("by") == figure.get("by") and "amount" in previous:  # the number moved: say just that
                now, before = f"{figure['amount']}, {figure['by']}.", f"{figure['label']}: {previous['amount']}"
            else:
                now, before = figure["text"], previous["text"]
            changes.append(FactChange("changed", now, tuple(figure["seeds"]), before))
    changes += [FactChange("removed", f["text"], tuple(f["seeds"])) for k, f in old_figures.items()
                if k not in new_figures]
    old_texts = [f["text"] for f in old.get("facts", [])]
    new_texts = [f["text"] for f in new.get("facts", [])]
    removed = [f for f in old.get("facts", []) if f["text"] not in new_texts]
    for fact in new.get("facts", []):
        if fact["text"] in old_texts:
            continue
        # A reworded fact is one change (old → new), not a removal and an addition.
        best = max(removed, key=lambda r: fuzz.ratio(r["text"], fact["text"]), default=None)
        if best is not None and fuzz.ratio(best["text"], fact["text"]) >= SAME_FACT:
            removed.remove(best)
            changes.append(FactChange("changed", fact["text"], tuple(fact["seeds"]), best["text"]))
        else:
            changes.append(FactChange("added", fact["text"], tuple(fact["seeds"])))
    changes += [FactChange("removed", f["text"], tuple(f["seeds"])) for f in removed]
    return tuple(changes)


def cap_changes(changes: tuple[TopicChanges, ...], limit: int = MAX_CHANGES) -> tuple[tuple[TopicChanges, ...], int]:
    """At most `limit` change lines in all; returns the kept groups and how many lines were left out."""
    kept: list[TopicChanges] = []
    room = limit
    left_out = 0
    for group in changes:
        lines = max(len(group.changes), 1)
        if room <= 0:
            left_out += lines
            continue
        if group.changes and len(group.changes) > room:
            left_out += len(group.changes) - room
            group = replace(group, changes=group.changes[:room])
        kept.append(group)
        room -= max(len(group.changes), 1)
    return tuple(kept), left_out


def text_length(digest: Digest) -> int:
    """Characters of text a reader reads, heading to last fact: what `fit` bounds. The sources line under it
    (a Discord footer) and the topic buttons are not counted."""
    parts = [digest.heading, digest.updated_line, digest.news_line or ""]
    if digest.first:
        parts += [digest.summary, "Key outcomes", "Key figures"]
    for group in digest.changes:
        parts += [group.topic.title, *group.lines()]
    parts += list(digest.recap_lines())
    return sum(len(p) + 1 for p in parts if p)


def fit(digest: Digest, limit: int, sources: Callable[[Digest], tuple[SourceRef, ...]]) -> Digest:
    """Drop the least important recap items (figures and outcomes from the end, then the summary's second
    sentence) until the digest's text fits `limit` characters. `sources(digest)` recomputes its sources."""
    while text_length(digest) > limit:
        outcomes, figures, summary = digest.outcomes, digest.figures, digest.summary
        if len(figures) > 1 and len(figures) >= len(outcomes):
            figures = figures[:-1]
        elif len(outcomes) > 1:
            outcomes = outcomes[:-1]
        elif first_sentences(summary, 1) != summary:
            summary = first_sentences(summary, 1)
        elif figures:
            figures = ()
        else:
            break  # a single very long sentence and one outcome: a renderer still splits it to fit
        digest = replace(digest, outcomes=outcomes, figures=figures, summary=summary)
        digest = replace(digest, sources=sources(digest))
    return digest
