"""Inline keyboards and their callback data.

A rateable answer also gets a 👍 / 👎 row: "v:+:<answer-id>" / "v:-:<answer-id>".

Callback data must fit Telegram's 64 bytes and keep working after a reload, so a button names a section
by its id ("t:<id>"), not by its position; an id too long for that is sent as a hash of it ("h:<hash>")
and looked up among the current sections when tapped.
"""

from __future__ import annotations

import hashlib
from typing import Iterable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core.models import Answer, Topic

MAX_CALLBACK_BYTES = 64
TOPIC = "t:"
HASHED = "h:"
VERDICT = "v:"
BUTTON_TEXT = 60  # long titles are shortened on buttons; the answer shows the full title


def _digest(section_id: str) -> str:
    return hashlib.sha256(section_id.encode()).hexdigest()[:32]


def topic_data(section_id: str) -> str:
    data = TOPIC + section_id
    if len(data.encode()) <= MAX_CALLBACK_BYTES:
        return data
    return HASHED + _digest(section_id)


def section_of(data: str, section_ids: Iterable[str]) -> str | None:
    """The section id a button's data names; for a hashed id, the current section with that hash.

    None for data this bot never produced. A returned id may still be stale (the service then says so).
    """
    if data.startswith(TOPIC) and len(data) > len(TOPIC):
        return data[len(TOPIC):]
    if data.startswith(HASHED):
        wanted = data[len(HASHED):]
        return next((sid for sid in section_ids if _digest(sid) == wanted), "")
    return None


def _label(text: str) -> str:
    return text if len(text) <= BUTTON_TEXT else text[: BUTTON_TEXT - 1] + "…"


def topic_keyboard(topics: Iterable[Topic], per_row: int = 1) -> InlineKeyboardMarkup | None:
    buttons = [InlineKeyboardButton(_label(t.title), callback_data=topic_data(t.id)) for t in topics]
    if not buttons:
        return None
    return InlineKeyboardMarkup([buttons[i:i + per_row] for i in range(0, len(buttons), per_row)])


def verdict_data(answer_id: str, up: bool) -> str:
    return f"{VERDICT}{'+' if up else '-'}:{answer_id}"


def verdict_of(data: str) -> tuple[str, bool] | None:
    """(answer id, thumbs up) for a 👍/👎 button's data; None for any other button."""
    if not data.startswith(VERDICT) or data[len(VERDICT):len(VERDICT) + 2] not in {"+:", "-:"}:
        return None
    answer_id = data[len(VERDICT) + 2:]
    return (answer_id, data[len(VERDICT)] == "+") if answer_id else None


def answer_keyboard(answer: Answer) -> InlineKeyboardMarkup | None:
    """The answer's topic buttons, one per row, then 👍 and 👎 side by side when it can be rated."""
    topics = topic_keyboard(answer.buttons)
    rows = [list(row) for row in topics.inline_keyboard] if topics else []
    if answer.answer_id:
        rows.append([InlineKeyboardButton("👍", callback_data=verdict_data(answer.answer_id, True)),
                     InlineKeyboardButton("👎", callback_data=verdict_data(answer.answer_id, False))])
    return InlineKeyboardMarkup(rows) if rows else None


def labelled_keyboard(choices: Iterable[tuple[str, str]]) -> InlineKeyboardMarkup | None:
    """One button per (label, section id): the /start example questions."""
    rows = [[InlineKeyboardButton(_label(label), callback_data=topic_data(sid))] for label, sid in choices]
    return InlineKeyboardMarkup(rows) if rows else None
