"""Plain-text rendering: the console, `ask` output and the JSON contract's "text" field."""

from __future__ import annotations

from bot.core.models import Answer, Digest


def render_answer(answer: Answer) -> str:
    """Fact first: the answer's statements, then the topic they come from, sources and related topics."""
    if not answer.matched:
        lines = [answer.title, "", *answer.notes]
    elif answer.whole_topic:
        lines = [answer.title, ""] + [f"- {line}" for line in _lines(answer)]
    else:
        lines = _lines(answer)
        if answer.topic_line:
            lines += ["", answer.topic_line]
    if answer.sources:
        lines += ["", "Sources: " + "; ".join(f"[{s.seed[:3]}] {s.label}" for s in answer.sources)]
    if answer.related:
        heading = "Related: " if answer.matched else "Try: "
        lines += ["", heading + " | ".join(topic.title for topic in answer.related)]
    return "\n".join(lines).strip()


def _lines(answer: Answer) -> list[str]:
    """The lead, then each fact with who claims it and the articles it cites: "… [000, 003]"."""
    lead = [answer.lead] if answer.lead else []
    facts = [f"{fact.line()} [{', '.join(dict.fromkeys(q.seed[:3] for q in fact.sources))}]" for fact in answer.facts]
    return lead + facts + list(answer.notes)


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
