"""Plain-text rendering: the console, `ask` output and the JSON contract's "text" field."""

from __future__ import annotations

from bot.core.models import Answer, AnswerFact, Digest, fact_line


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


def _item(item: str | AnswerFact) -> str:
    return fact_line(item) if isinstance(item, AnswerFact) else item


def render_digest(digest: Digest) -> str:
    """News first: what changed since the subscriber's last digest, or one line saying nothing did, then the
    recap; the topic buttons a chat shows under it are listed last, in brackets."""
    lines = [digest.heading, digest.updated_line]
    for part in digest.parts():
        lines.append("")
        if part.text:
            lines.append(part.text)
            continue
        lines.append(f"{part.heading}:")
        for subheading, items in part.groups:
            lines += ([f"{subheading}:"] if subheading else []) + [f"- {_item(i)}" for i in items]
        if part.note:
            lines.append(part.note)
    if digest.sources:
        lines += ["", "Sources: " + "; ".join(f"[{s.seed[:3]}] {s.label}" for s in digest.sources)]
    if digest.topics:
        lines += ["", " ".join(f"[{t.title}]" for t in digest.topics)]
    return "\n".join(lines)
