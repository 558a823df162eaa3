"""Loading a brief: schema validation, provenance against the seeds, and errors that name file:line field."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.brief import BriefError, load_brief, normalize_quote
from tests.conftest import BRIEF, MINI, ROOT, SEEDS, line_of


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "brief.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def issues_of(path: Path) -> list[str]:
    with pytest.raises(BriefError) as caught:
        load_brief(path, SEEDS)
    return [str(issue) for issue in caught.value.issues]


def test_curated_brief_loads_and_every_fact_is_sourced() -> None:
    brief = load_brief(BRIEF, SEEDS)
    assert brief.meta.id == "istanbul-2025-06-02"
    assert len(brief.sections) >= 20
    for section in brief.sections:
        assert section.facts and all(fact.sources for fact in section.facts)
        assert all(figure.claimed_by for figure in section.figures)


def test_quote_not_in_seed_names_file_line_and_field(
    tmp_path: Path, mini_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)  # paths in messages are shown relative to the working directory
    broken = mini_text.replace("will be Vladimir Medinsky", "will be Sergei Lavrov")
    issues = issues_of(write(tmp_path, broken))
    line = line_of(broken, "will be Sergei Lavrov")
    assert issues == [
        f"{tmp_path / 'brief.yaml'}:{line} sections[1].facts[0].sources[0].quote: "
        "not found in seeds/004_53b6467d699949e3.txt"
    ]


def test_unknown_seed_and_missing_field_are_both_reported(tmp_path: Path, mini_text: str) -> None:
    broken = mini_text.replace('seed: "000_30d8fa4b709699f5"', 'seed: "999_nope"').replace("    kind: delegation\n", "")
    issues = issues_of(write(tmp_path, broken))
    assert len(issues) == 1  # schema errors stop before provenance
    assert "sections[1].kind: Field required" in issues[0]
    assert f":{line_of(broken, '- id: russia-delegation')} " in issues[0]
    only_seed = mini_text.replace('seed: "000_30d8fa4b709699f5"', 'seed: "999_nope"')
    issues = issues_of(write(tmp_path, only_seed))
    assert f":{line_of(only_seed, '999_nope')} sections[0].facts[0].sources[0].seed: unknown seed '999_nope'" in issues[0]


def test_bad_kind_and_duplicate_ids(tmp_path: Path, mini_text: str) -> None:
    broken = mini_text.replace("kind: logistics", "kind: gossip")
    issues = issues_of(write(tmp_path, broken))
    assert f":{line_of(broken, 'kind: gossip')} sections[0].kind:" in issues[0]
    duplicated = mini_text.replace("id: russia-delegation", "id: venue")
    assert issues_of(write(tmp_path, duplicated)) == [
        f"{tmp_path / 'brief.yaml'}:{line_of(mini_text, 'id: russia-delegation')} sections[1].id: "
        "duplicate section id 'venue' (first: sections[0])"]


def test_invalid_yaml_reports_its_line(tmp_path: Path, mini_text: str) -> None:
    broken = mini_text.replace("keywords: [palace, bosphorus]", "keywords: [palace, bosphorus")
    issues = issues_of(write(tmp_path, broken))
    assert len(issues) == 1 and "invalid YAML" in issues[0]
    # PyYAML reports an unclosed flow sequence where it notices, on the next line
    assert f"brief.yaml:{line_of(broken, 'keywords: [palace, bosphorus') + 1} invalid YAML" in issues[0]


def test_quote_comparison_ignores_quote_marks_dashes_and_spacing() -> None:
    article = "Zelensky said:  \u201cFirst -- a full\nceasefire.\u201d"
    assert normalize_quote('"First \u2014 a full ceasefire."') in normalize_quote(article)


def test_mini_fixture_is_valid() -> None:
    assert [s.id for s in load_brief(MINI, SEEDS).sections] == ["venue", "russia-delegation"]


def test_every_schema_model_has_a_plain_twin_with_the_same_fields() -> None:
    """bot/core/brief_schema.py validates; bot/core/brief.py's plain models are what the bot keeps and caches."""
    from pydantic import BaseModel

    from bot.core import brief_schema

    models = [m for m in vars(brief_schema).values()
              if isinstance(m, type) and issubclass(m, BaseModel) and m.__module__ == brief_schema.__name__
              and m.model_fields]
    assert len(models) == 9
    for model in models:
        twin, _ = brief_schema._twin(model)
        assert twin.__module__ == "bot.core.brief" and twin.__name__ == model.__name__


def test_a_fact_answer_that_restates_its_fact_is_refused_at_its_line(tmp_path: Path, mini_text: str) -> None:
    """An answer is shown right before its fact: one that says the fact again is read twice (README: The brief)."""
    fact = "      - text: Vladimir Medinsky leads Russia's delegation.\n"
    assert fact in mini_text
    restating = mini_text.replace(fact, fact + "        answer: Russia's delegation is led by Vladimir Medinsky.\n")
    path = write(tmp_path, restating)
    assert issues_of(path) == [
        f"{path}:{line_of(restating, 'answer: Russia')} sections[1].facts[0].answer: restates the fact's text, "
        "which is shown right after it, so readers would read it twice; keep `answer:` for a short direct answer "
        "the text is not (\"No, ...\", \"No article reports ...\") and put readers' words for matching in "
        "`keywords:`"]
    direct = mini_text.replace(fact, fact + "        answer: No article reports Putin attending the talks.\n")
    assert load_brief(write(tmp_path, direct), SEEDS).sections[1].facts[0].answer



# The words an article puts right before a number to say it is approximate or a bound ("around 1 p.m.",
# "about 1,000", "some 40", "at least 40"): a figure quoting it keeps them.
_HEDGES = ("about", "around", "some", "nearly", "almost", "roughly", "approximately", "at least", "as many as",
           "up to", "over", "more than", "just under", "a little under", "under")


def test_a_figure_keeps_the_hedge_its_article_puts_before_the_number() -> None:
    brief = load_brief(BRIEF, SEEDS)
    for section in brief.sections:
        for figure in section.figures:
            number = figure.value.split()[-1] if figure.value.split()[0].casefold() in _HEDGES else \
                figure.value.split()[0]
            for source in figure.sources:
                quote = " ".join(source.quote.casefold().split())
                at = quote.find(number.casefold())
                if at < 0:
                    continue
                before = quote[:at].rstrip()
                said = next((h for h in _HEDGES if before.endswith(" " + h) or before == h), None)
                assert said is None or said in figure.value.casefold(), (section.id, figure.label, said)
