"""Inline keyboards and their callback data.

Callback data must fit Telegram's 64 bytes and keep working after a reload, so a button names a section
by its id ("t:<id>"), not by its position; an id too long for that is sent as a hash of it ("h:<hash>")
and looked up among the current sections when tapped.
"""

from __future__ import annotations

import hashlib
from typing import Iterable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core.models import Topic

MAX_CALLBACK_BYTES = 64
TOPIC = "t:"
HASHED = "h:"
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


def labelled_keyboard(choices: Iterable[tuple[str, str]]) -> InlineKeyboardMarkup | None:
    """One button per (label, section id): the /start example questions."""
    rows = [[InlineKeyboardButton(_label(label), callback_data=topic_data(sid))] for label, sid in choices]
    return InlineKeyboardMarkup(rows) if rows else None
