""""exact wording?" after an answer: the quotes the facts just shown cite, word for word as their articles have
them, each with its article. A reporter checking a line needs the words, not the brief's paraphrase of them.

The questions are the test author's own, not taken from the evaluation sets in tests/eval/.
"""

from __future__ import annotations

import pytest

from bot.core.brief import load_seeds, normalize_quote
from bot.core.service import BriefService
from tests.test_answers import SEEDS, ask, service  # noqa: F401  the real brief's service; one conversation a call


@pytest.mark.parametrize("wording", ["exact wording?", "what's the actual quote?", "his exact words pls",
                                     "verbatim?", "in his own words?", "What exactly was the wording?",
                                     "how exactly did he put it?"])
def test_exact_wording_quotes_the_articles_behind_what_was_just_shown(service: BriefService, wording: str) -> None:
    answer, words = ask(service, "what does trump threaten to do if there's no progress?", wording)
    assert words.matched and words.section_id == answer.section_id
    quoted = [note for note in words.notes if note.startswith("In the words of ")]
    assert quoted and any('"walk away"' in note for note in quoted), words.notes
    articles = {seed[:3]: found.normalized_text for seed, found in load_seeds(SEEDS).items()}
    for note in quoted:
        where, _, quote = note.partition(": “")
        seed = where.rsplit("[", 1)[1][:3]
        assert normalize_quote(quote.rstrip("”")) in articles[seed], note


def test_exact_wording_in_a_fresh_chat_points_at_nothing(service: BriefService) -> None:
    assert not ask(service, "exact wording?")[0].matched


def test_the_wording_of_something_named_is_a_question_of_its_own(service: BriefService) -> None:
    # it names what it asks the wording of: read as a question, not as the last answer's quotes
    _, post = ask(service, "who led russia's delegation?", "what were zelensky's three priorities, exact wording?")
    assert post.matched and post.section_id == "ukraine-position"
    assert not any(note.startswith("In the words of ") for note in post.notes)
