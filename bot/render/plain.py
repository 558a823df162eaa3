"""Plain-text rendering: the console, `ask` output and the JSON contract's "text" field."""

from __future__ import annotations

from bot.core.models import Answer, Digest


def render_answer(answer: Answer) -> str:
    lines = [answer.title, ""]
    lines += [f"- {paragraph}" if answer.matched else paragraph for paragraph in answer.body]
    if answer.figures:
        lines += ["", "Figures:"] + [f"- {figure.text()}" for figure in answer.figures]
    if answer.sources:
        lines += ["", "Sources: " + "; ".join(f"[{s.seed[:3]}] {s.label}" for s in answer.sources)]
    if answer.related:
        heading = "Related: " if answer.matched else "Try: "
        lines += ["", heading + " | ".join(topic.title for topic in answer.related)]
    return "\n".join(lines).strip()


def render_digest(digest: Digest) -> str:
    lines = [f"Daily brief, {digest.date:%d %B %Y}: {digest.headline}", "", digest.summary]
    if digest.changes:
        lines += ["", "What changed since your last digest:"] + [f"- {c}" for c in digest.changes]
    if digest.outcomes:
        lines += ["", "Key outcomes:"] + [f"- {o}" for o in digest.outcomes]
    if digest.figures:
        lines += ["", "Key figures:"] + [f"- {f.text()}" for f in digest.figures]
    if digest.sources:
        lines += ["", "Sources: " + "; ".join(f"[{s.seed[:3]}] {s.label}" for s in digest.sources)]
    return "\n".join(lines)
