"""The question sets' grader: what counts as an answer holding the expected word."""
import subprocess
import sys
from pathlib import Path

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


def test_a_word_cut_short_on_purpose_matches_the_words_it_starts() -> None:
    # the authors were told an expected string counts wherever it appears: "smuggl" is smuggling, smuggled
    assert has(["smuggl"], "Kyiv's security service said the plan involved smuggling drones into Russia.")
    assert has(["retaliat"], "War bloggers called for a fearsome retaliatory blow.")
    assert not has(["smuggl"], "The drones were launched near the airbases.")


def test_a_whole_word_still_matches_only_itself() -> None:
    # an English word or one the articles use is meant as it is: "forty" is not "fortyish", "thousand" not "thousands"
    assert not has(["thousand"], "Tens of thousands have been killed.")
    assert not has(["host"], "Turkey's hosting of the talks.")


def test_a_noun_expected_in_the_singular_matches_its_plural() -> None:
    # "sanction" appears in "tough sanctions"; a count word keeps its own meaning ("thousand" is not "thousands")
    assert has(["sanction"], "Trump has said he could impose tough sanctions on Russia.")
    assert has(["strategic bomber"], "Ukraine said it damaged some 40 strategic bombers.")
    assert not has(["sanction"], "Trump has said he could impose tough penalties.")
    assert not has(["thousand"], "Tens of thousands have been killed.")


def test_a_name_expected_in_another_romanisation_matches_the_briefs_spelling() -> None:
    assert has(["Zelenskiy"], "Russia has questioned Zelensky's legitimacy.")
    assert has(["Selenskyj"], "Zelensky said so.")
    assert not has(["Zelenskiy"], "Putin said so.")
    assert not has(["zelenskiy"], "Zelensky said so.")  # only a capitalised name: a word is matched as written


def test_the_misses_of_the_sealed_and_kept_aside_sets_are_never_printed() -> None:
    root = Path(__file__).resolve().parent.parent
    for args in (["test", "--misses"], ["aside/zr_callback", "--misses"], ["nope"]):
        done = subprocess.run([sys.executable, "-m", "tests.eval.evaluate", *args], cwd=root, capture_output=True,
                              text=True, timeout=60)
        assert done.returncode == 2 and done.stdout == ""
        assert len(done.stderr.strip().splitlines()) == 1 and done.stderr.startswith("error: ")


def test_a_set_with_an_expected_answer_yaml_read_as_numbers_is_refused_in_one_line(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    aside = root / "tests" / "eval" / "aside"
    bad = aside / f"zz_numbers_{tmp_path.name}.yaml"
    bad.write_text("questions:\n- q: how many prisoners each side?\n  expect: [1,000]\n  kind: fact\n"
                   "conversations: []\n", encoding="utf-8")
    try:
        done = subprocess.run([sys.executable, "-m", "tests.eval.evaluate", f"aside/{bad.stem}"], cwd=root,
                              capture_output=True, text=True, timeout=60)
    finally:
        bad.unlink()
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "question 1: expected answer 1 is not text" in done.stderr
    assert "how many prisoners" not in done.stderr  # a sealed set's questions are never shown
