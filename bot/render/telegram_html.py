"""Telegram HTML rendering (parse_mode=HTML) and splitting into messages Telegram accepts. Pure functions.

Everything that comes from the brief or from the user is escaped; the only markup is ours.
"""

from __future__ import annotations

import html
import re
from typing import Iterable

from bot.core.models import Answer, AnswerFact, Digest, SourceRef, Topic

MAX_MESSAGE = 4096  # Telegram's limit, counted in UTF-16 code units of the text *after* HTML parsing
QUESTION_ECHO = 200  # an unmatched question is quoted back, cut to this many characters

_TOKENS = re.compile(r"<[^<>]*>|&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);|.", re.DOTALL)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>")


def esc(text: str) -> str:
    # quote=False: we never put brief or user text inside an attribute, and Telegram knows only &quot;.
    return html.escape(text, quote=False)


def _sources_line(sources: Iterable[SourceRef]) -> str:
    return "<i>Sources: " + esc("; ".join(f"[{s.seed[:3]}] {s.label}" for s in sources)) + "</i>"


def _fact_line(fact: AnswerFact) -> str:
    """A fact with who claims it and the articles it cites: "Medinsky leads … [000, 004]"."""
    tags = ", ".join(dict.fromkeys(quote.seed[:3] for quote in fact.sources))
    return esc(fact.line()) + (f" [{esc(tags)}]" if tags else "")


def render_answer(answer: Answer) -> str:
    """One answer; related topics (and "More: …") are left out because the adapter shows them as buttons.

    A precise answer says its facts first, then the topic they come from; a whole-topic view (a tapped
    topic, /topic) is the topic's title over a bulleted listing; an unmatched answer quotes the question."""
    if not answer.matched:
        question = answer.question.strip()
        if len(question) > QUESTION_ECHO:
            question = question[: QUESTION_ECHO - 1] + "…"
        blocks = [f"<b>{esc(answer.title)}</b>"]
        if question:
            blocks.append(f"You asked: <i>{esc(question)}</i>")
        blocks += [esc(paragraph) for paragraph in answer.notes]
        return "\n\n".join(blocks)
    if answer.whole_topic:
        blocks = [f"<b>{esc(answer.title)}</b>", esc(answer.lead) if answer.lead else "",
                  "\n".join(f"• {_fact_line(fact)}" for fact in answer.facts)]
        blocks += [esc(note) for note in answer.notes]
    else:
        lead = [esc(answer.lead)] if answer.lead else []
        blocks = ["\n".join(lead + [_fact_line(fact) for fact in answer.facts] + [esc(n) for n in answer.notes])]
        if answer.topic_line:
            blocks.append(f"<i>{esc(answer.topic_line)}</i>")
    if answer.sources:
        blocks.append(_sources_line(answer.sources))
    return "\n\n".join(b for b in blocks if b)


def render_digest(digest: Digest) -> str:
    """News first (what changed, or one line saying nothing did), then the recap; topics go in buttons."""
    blocks = [f"<b>{esc(digest.heading)}</b>\n<i>{esc(digest.updated_line)}</i>"]
    for part in digest.parts():
        if part.text:
            blocks.append(esc(part.text))
            continue
        lines = [f"<b>{esc(part.heading)}</b>"]
        for subheading, items in part.groups:
            bullets = "\n".join(f"• {_fact_line(i) if isinstance(i, AnswerFact) else esc(i)}" for i in items)
            lines.append(f"<u>{esc(subheading)}</u>\n{bullets}" if subheading else bullets)
        if part.note:
            lines.append(esc(part.note))
        blocks.append("\n".join(lines))
    if digest.sources:
        blocks.append(_sources_line(digest.sources))
    return "\n\n".join(blocks)


def render_sources(sources: Iterable[SourceRef]) -> str:
    lines = [f"• [{esc(s.seed[:3])}] {esc(s.label)}" for s in sources]
    return "<b>The articles this brief is built from</b>\n\n" + ("\n".join(lines) or "None.")


def render_topics_intro(title: str, topics: list[Topic]) -> str:
    return f"<b>{esc(title)}</b>\n{len(topics)} topics — tap one for its sourced answer."


def render_lines(title: str, lines: Iterable[str]) -> str:
    """A bold heading and escaped lines: admin reports such as /reload and /stats."""
    return f"<b>{esc(title)}</b>\n" + "\n".join(esc(line) for line in lines)


# ---------------------------------------------------------------- splitting


def visible_length(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units of the text with tags removed and entities decoded."""
    plain = html.unescape(_TAG.sub("", text))
    return len(plain.encode("utf-16-le")) // 2


def split_message(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Split HTML into messages of at most `limit` visible characters.

    Cuts at paragraph boundaries first, then line breaks, then spaces, and only then inside a word;
    never inside a tag or an entity. Tags open at a cut are closed and reopened, so each part parses.
    """
    if visible_length(text) <= limit:
        return [text]
    parts = _split(text, limit, ("\n\n", "\n", " "))
    return [p for p in _rebalance(parts) if html.unescape(_TAG.sub("", p)).strip()]


def _split(text: str, limit: int, separators: tuple[str, ...]) -> list[str]:
    if visible_length(text) <= limit:
        return [text]
    if not separators:
        return _hard_split(text, limit)
    sep, finer = separators[0], separators[1:]
    chunks: list[str] = []
    current: str | None = None
    for part in text.split(sep):
        for piece in _split(part, limit, finer):
            if current is None:
                current = piece
            elif visible_length(current + sep + piece) <= limit:
                current += sep + piece
            else:
                chunks.append(current)
                current = piece
    if current is not None:
        chunks.append(current)
    return chunks


def _hard_split(text: str, limit: int) -> list[str]:
    chunks: list[str] = []
    current, size = "", 0
    for token in _TOKENS.findall(text):
        width = 0 if token.startswith("<") and len(token) > 1 else len(html.unescape(token).encode("utf-16-le")) // 2
        if size + width > limit and size:
            chunks.append(current)
            current, size = "", 0
        current += token
        size += width
    if current:
        chunks.append(current)
    return chunks


def _rebalance(parts: list[str]) -> list[str]:
    """Close tags left open at the end of a part and reopen them at the start of the next."""
    out: list[str] = []
    open_tags: list[tuple[str, str]] = []  # (name, full opening tag)
    for part in parts:
        prefix = "".join(full for _, full in open_tags)
        for m in _TAG.finditer(part):
            closing, name = m.group(1), m.group(2).lower()
            if not closing:
                open_tags.append((name, m.group(0)))
            elif open_tags and open_tags[-1][0] == name:
                open_tags.pop()
        suffix = "".join(f"</{name}>" for name, _ in reversed(open_tags))
        out.append(prefix + part + suffix)
    return out
