"""The question sets' grader: what counts as an answer holding the expected word."""
from tests.eval.evaluate import has


def test_a_date_expected_in_one_order_matches_the_other() -> None:
    assert has(["May 16"], "The first round was held in Istanbul on 16 May (2025, inferred).")
    assert has(["2 June"], "They met on June 2.")


def test_a_date_still_needs_its_own_day_and_month() -> None:
    assert not has(["May 16"], "They met on 6 May.")
    assert not has(["May 16"], "They met on 16 June.")


def test_words_compare_without_case_or_punctuation() -> None:
    assert has(["1 p.m."], "Talks were due at 1 PM local time.")
    assert not has(["Medinsky"], "Umerov led Ukraine's team.")


def test_a_hyphenated_measure_matches_its_plural() -> None:
    assert has(["30-day"], "Ukraine wants a ceasefire (30 days in its memorandum).")
    assert has(["three-year"], "The war has gone on for over three years.")
    assert not has(["30-day"], "Ukraine wants a ceasefire of 60 days.")
