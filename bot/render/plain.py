"""Plain-text rendering: the console, `ask` output and the JSON contract's "text" field."""

from __future__ import annotations

from bot.core.models import Answer, Digest, fact_line


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
    """News first: what changed since the subscriber's last digest, or one line saying nothing did, then the
    recap; the topic buttons a chat shows under it are listed last, in brackets."""
    lines = [digest.heading, digest.updated_line]
    if digest.news_line:
        lines += ["", digest.news_line]
    if digest.changes:
        lines += ["", "What changed since your last digest:"]
        for group in digest.changes:
            lines += [f"{group.topic.title}:"] + [f"- {line}" for line in group.lines()]
        if digest.more_changes:
            lines.append(f"… and {digest.more_changes} more: open the topics below.")
    if digest.first:
        lines += ["", digest.summary]
        if digest.outcomes:
            lines += ["", "Key outcomes:"] + [f"- {fact_line(f)}" for f in digest.outcomes]
        if digest.figures:
            lines += ["", "Key figures:"] + [f"- {fact_line(f)}" for f in digest.figures]
    else:
        lines += ["", "The story so far:"] + [f"- {line}" for line in digest.recap_lines()]
    if digest.sources:
        lines += ["", "Sources: " + "; ".join(f"[{s.seed[:3]}] {s.label}" for s in digest.sources)]
    if digest.topics:
        lines += ["", " ".join(f"[{t.title}]" for t in digest.topics)]
    return "\n".join(lines)
