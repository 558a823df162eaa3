"""The curator's memory of the last answers, kept so a reader's 👍/👎 can carry the question and facts it is about.

A running bot keeps 10,000 of these, so each is one `bytes` in a ring: no dict, no object per field. The answer id
says where its record sits (its first three bytes are the slot, the other six random), and the record starts with
the id, so a lookup is one slot read and one comparison. Texts many records share (the brief's lines and titles,
section ids, revisions) are written as numbers into a table of strings kept once; the question is written out.
About 180 bytes an answer instead of about 450 as `Asked` objects in an ordered dict.
"""

from __future__ import annotations

import base64
import datetime as dt
import secrets
from typing import cast

from bot.core.curation import Asked, Origin, Outcome

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
_MICROSECOND = dt.timedelta(microseconds=1)
_SEP = b"\x1f"  # never in the fields before the question; the question comes last and may hold anything
_OUTCOMES = list(Outcome)
_SLOT_BYTES = 3  # up to 16,777,216 slots
MAX_STRINGS = 100_000  # distinct shared texts before the memory starts afresh (many reloads of changed briefs)


class AnswerMemory:
    def __init__(self, size: int) -> None:
        if not 0 < size < 256 ** _SLOT_BYTES:
            raise ValueError(f"the curator remembers 1 to {256 ** _SLOT_BYTES - 1} answers, not {size}")
        self._ring: list[bytes | None] = [None] * size
        self._next = 0
        self._numbers: dict[object, int] = {}  # shared text (or Origin) -> its number in `_texts`
        self._texts: list[object] = []

    def new_id(self) -> str:
        """The id of the next answer remembered: 12 characters, fit for a Telegram callback and a Discord custom_id."""
        slot = self._next
        self._next = (slot + 1) % len(self._ring)
        return base64.urlsafe_b64encode(slot.to_bytes(_SLOT_BYTES, "big") + secrets.token_bytes(6)).decode()

    def remember(self, asked: Asked) -> None:
        """Keep `asked` (its id from `new_id`) in its slot, in place of the answer given `size` answers before."""
        slot = _slot(asked.answer_id)
        if slot is None or slot >= len(self._ring):
            return
        if len(self._texts) > MAX_STRINGS:  # bounded whatever the reloads: forget, as a restart would
            self._ring = [None] * len(self._ring)
            self._numbers.clear()
            self._texts.clear()
        number = self._number
        scores = asked.scores.split()
        fields = (
            asked.answer_id,
            str((asked.asked_at - _EPOCH) // _MICROSECOND),
            str(number(asked.origin)),
            str(number(asked.revision)),
            str(_OUTCOMES.index(asked.outcome)),
            "" if asked.section_id is None else str(number(asked.section_id)),
            repr(asked.confidence),
            str(number(asked.reply)),
            ",".join(str(number(line)) for line in asked.facts),
            " ".join(f"{number(section)} {score}" for section, score in zip(scores[::2], scores[1::2])),
            "1" if asked.follow_up else "",
        )
        self._ring[slot] = "\x1f".join(fields).encode() + _SEP + asked.question.encode("utf-8", "surrogatepass")

    def recall(self, answer_id: str) -> Asked | None:
        """The answer with this id, while it is among the last `size`; None for any other id."""
        slot = _slot(answer_id)
        if slot is None or slot >= len(self._ring):
            return None
        record = self._ring[slot]
        if record is None or not record.startswith(answer_id.encode() + _SEP):
            return None
        (_, micros, origin, revision, outcome, section, confidence, reply, facts, scores, follow_up,
         question) = record.split(_SEP, 11)
        text = self._texts.__getitem__
        numbers = scores.decode().split()
        return Asked(
            answer_id, _EPOCH + int(micros) * _MICROSECOND, cast(Origin, text(int(origin))), str(text(int(revision))),
            _OUTCOMES[int(outcome)], question.decode("utf-8", "surrogatepass"),
            str(text(int(section))) if section else None, float(confidence), str(text(int(reply))),
            tuple(str(text(int(n))) for n in facts.split(b",")) if facts else (),
            " ".join(f"{text(int(n))} {score}" for n, score in zip(numbers[::2], numbers[1::2])),
            follow_up == b"1")

    def _number(self, value: object) -> int:
        number = self._numbers.get(value)
        if number is None:
            number = self._numbers[value] = len(self._texts)
            self._texts.append(value)
        return number


def _slot(answer_id: str) -> int | None:
    """The slot an id names; None for an id this memory did not make (another format, a forged button)."""
    try:
        raw = base64.urlsafe_b64decode(answer_id.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        return None
    return int.from_bytes(raw[:_SLOT_BYTES], "big") if len(raw) == _SLOT_BYTES + 6 else None
