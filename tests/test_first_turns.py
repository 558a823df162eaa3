"""Single (first-turn) questions, by how they are read: which piece of a message is the question, and which fact
of the chosen topic it leads with. Each class with questions the test author wrote, not taken from tests/eval/.
"""

from __future__ import annotations

import pytest

from bot.core.service import BriefService
from tests.test_answers import ask, first, service  # noqa: F401  the real brief's service; one conversation a call


# ------------------------------------------------------------------ a piece of the message is not the question


@pytest.mark.parametrize(("question", "fact"), [
    # "how long?" read alone asks the talks' duration; the whole sentence asks how long since Russia's advance
    ("russian forces advanced fastest in how long, as of may?", "six months"),
    ("moscow's troops in may: the fastest advance in how long?", "six months"),
    # "same day?" / "what day?" read alone ask the talks' day; the message asks the drone attack's
    ("did spider's web come before the talks or after? same day?", "sunday"),
    ("spider's web and the talks, same week? what day?", "sunday"),
])
def test_a_generic_piece_of_a_message_does_not_replace_the_question_it_cuts_short(
        service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in first(answer).casefold()
