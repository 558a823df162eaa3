"""Discord rendering: answers and digests as embeds within Discord's limits. Pure functions, no I/O.

An answer becomes one or more messages, each a list of embeds: its facts go in the description
(split at paragraph boundaries past 4096 characters) — a precise answer's first, with the topic they
come from as the last line; a whole topic's under its title, as bullets. Digest figures become fields.
Sources go in the footer of the last embed. Messages hold at most 10 embeds and 6000 characters in total,
so a very long answer is spread over several messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

import discord

from bot.core.models import Answer, AnswerFact, Digest, SourceRef, Topic, fact_line

# Discord's documented limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
TITLE_MAX = 256
DESCRIPTION_MAX = 4096
FIELDS_MAX = 25
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FOOTER_MAX = 2048
MESSAGE_TOTAL_MAX = 6000  # the sum over every embed of one message
EMBEDS_PER_MESSAGE = 10
BUTTON_LABEL_MAX = 80
BUTTONS_MAX = 25
CUSTOM_ID_MAX = 100
TOPIC_PREFIX = "t:"  # custom_id of a topic button: "t:<section-id>"

MATCHED_COLOUR = discord.Colour.blurple()
UNMATCHED_COLOUR = discord.Colour.light_grey()
DIGEST_COLOUR = discord.Colour.gold()


@dataclass(frozen=True)
class ButtonSpec:
    """One topic button: what it says and the custom_id the adapter's dynamic handler parses."""

    label: str
    custom_id: str


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, marked with an ellipsis when something was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def split_text(paragraphs: Iterable[str], limit: int = DESCRIPTION_MAX) -> list[str]:
    """Join paragraphs with newlines into chunks of at most `limit`; split only inside over-long paragraphs."""
    chunks: list[str] = []
    current = ""
    for paragraph in paragraphs:
        for piece in _split_long(paragraph, limit):
            candidate = f"{current}\n{piece}" if current else piece
            if len(candidate) <= limit:
                current = candidate
            else:
                chunks.append(current)
                current = piece
    if current:
        chunks.append(current)
    return chunks


def _split_long(paragraph: str, limit: int) -> list[str]:
    pieces: list[str] = []
    rest = paragraph
    while len(rest) > limit:
        cut = rest.rfind(" ", 0, limit + 1)
        if cut <= 0:
            cut = limit  # one enormous word: cut it where it must be cut
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    pieces.append(rest)
    return pieces


def sources_footer(sources: Sequence[SourceRef]) -> str:
    """"Sources: [000] NDTV · [001] …", never longer than a footer may be: the tail says how many were left out."""
    if not sources:
        return ""
    parts = [f"[{s.seed[:3]}] {s.label}" for s in sources]
    for shown in range(len(parts), 0, -1):
        more = f" · and {len(parts) - shown} more" if shown < len(parts) else ""
        text = "Sources: " + " · ".join(clip(p, 200) for p in parts[:shown]) + more
        if len(text) <= FOOTER_MAX:
            return text
    return clip("Sources: " + parts[0], FOOTER_MAX)


def build_embeds(title: str, paragraphs: Sequence[str], fields: Sequence[tuple[str, str]] = (),
                 footer: str = "", colour: discord.Colour = MATCHED_COLOUR) -> list[discord.Embed]:
    """Embeds each within Discord's per-embed limits; the title (if any) on the first, the footer on the last."""
    title = clip(title, TITLE_MAX)
    embeds: list[discord.Embed] = []
    for index, chunk in enumerate(split_text(paragraphs) or [""]):
        embed = discord.Embed(title=(title or None) if index == 0 else None, description=chunk or None,
                              colour=colour)
        embeds.append(embed)
    for name, value in fields:
        last = embeds[-1]
        if len(last.fields) >= FIELDS_MAX or len(last) + len(name) + len(value) > MESSAGE_TOTAL_MAX:
            last = discord.Embed(colour=colour)
            embeds.append(last)
        last.add_field(name=name, value=value, inline=False)
    if footer:
        footer = clip(footer, FOOTER_MAX)
        if len(embeds[-1]) + len(footer) > MESSAGE_TOTAL_MAX:
            embeds.append(discord.Embed(colour=colour))
        embeds[-1].set_footer(text=footer)
    return embeds


def group_messages(embeds: Sequence[discord.Embed]) -> list[list[discord.Embed]]:
    """Pack embeds, in order, into messages of at most 10 embeds and 6000 characters each."""
    messages: list[list[discord.Embed]] = []
    current: list[discord.Embed] = []
    size = 0
    for embed in embeds:
        length = len(embed)
        if current and (size + length > MESSAGE_TOTAL_MAX or len(current) >= EMBEDS_PER_MESSAGE):
            messages.append(current)
            current, size = [], 0
        current.append(embed)
        size += length
    if current:
        messages.append(current)
    return messages


def answer_messages(answer: Answer) -> list[list[discord.Embed]]:
    """The answer as messages of embeds, sources in the footer of the last one.

    A precise answer leads with its facts (no title above them) and ends with the topic line in italics;
    a whole-topic view is titled and bulleted; an unmatched answer is titled, with its notes."""
    if not answer.matched:
        return group_messages(build_embeds(answer.title, list(answer.notes), colour=UNMATCHED_COLOUR))
    if answer.whole_topic:
        paragraphs = ([answer.lead, ""] if answer.lead else []) + [f"• {fact_line(f)}" for f in answer.facts]
        title = answer.title
    else:
        paragraphs = ([answer.lead] if answer.lead else []) + [fact_line(f) for f in answer.facts]
        title = ""
    paragraphs += list(answer.notes)
    if answer.topic_line:
        paragraphs += ["", f"*{discord.utils.escape_markdown(answer.topic_line)}*"]
    return group_messages(build_embeds(title, paragraphs, (), sources_footer(answer.sources), MATCHED_COLOUR))


def digest_messages(digest: Digest) -> list[list[discord.Embed]]:
    """News first (what changed, or one line saying nothing did), then the recap; topics go in buttons."""
    paragraphs = [f"*{digest.updated_line}*"]
    for part in digest.parts():
        paragraphs.append("")
        if part.text:
            paragraphs.append(part.text)
            continue
        paragraphs.append(f"**{part.heading}**")
        for subheading, items in part.groups:
            paragraphs += ([f"__{subheading}__"] if subheading else []) + [
                f"• {fact_line(i) if isinstance(i, AnswerFact) else i}" for i in items]
        if part.note:
            paragraphs.append(part.note)
    embeds = build_embeds(digest.heading, paragraphs, (), sources_footer(digest.sources), DIGEST_COLOUR)
    return group_messages(embeds)


def topics_messages(title: str, topics: Sequence[Topic]) -> list[list[discord.Embed]]:
    lines = [f"• {t.title}" for t in topics] or ["The brief has no topics."]
    lines.append("\nAsk with `/ask`, or open one with `/topic`.")
    return group_messages(build_embeds(f"Topics: {title}", lines))


def sources_messages(sources: Sequence[SourceRef]) -> list[list[discord.Embed]]:
    lines = [f"**[{s.seed[:3]}]** {s.label}" for s in sources] or ["No sources loaded."]
    return group_messages(build_embeds("Sources", lines))


def topic_buttons(topics: Sequence[Topic]) -> list[ButtonSpec]:
    """Buttons for an answer's topics ("More: …", related, "did you mean"); one per section, since Discord
    rejects a message whose custom_ids repeat; a section id too long for a custom_id gets none."""
    specs: list[ButtonSpec] = []
    seen: set[str] = set()
    for topic in topics:
        custom_id = TOPIC_PREFIX + topic.id
        if len(custom_id) <= CUSTOM_ID_MAX and custom_id not in seen and len(specs) < BUTTONS_MAX:
            seen.add(custom_id)
            specs.append(ButtonSpec(clip(topic.title, BUTTON_LABEL_MAX), custom_id))
    return specs


def message_length(embeds: Sequence[discord.Embed]) -> int:
    """Characters Discord counts towards a message's 6000-character embed total."""
    return sum(len(e) for e in embeds)
