"""The matcher's build memoises what it reads from each text of the brief, so a reload re-reads only what changed.
A memoised build must be the very index a cold one makes, for the same brief and for an edited one."""

from __future__ import annotations

import pytest

from bot.core import analyzer, index
from bot.core.brief import Brief, load_brief, load_seeds
from bot.core.matcher import Matcher
from tests.conftest import BRIEF, SEEDS


@pytest.fixture(scope="module")
def brief() -> Brief:
    return load_brief(BRIEF, SEEDS, load_seeds(SEEDS))


def cold(brief: Brief) -> Matcher:
    """A matcher built with every memo emptied first."""
    analyzer._tables.clear()
    index._read.cache_clear()
    return Matcher(brief)


def assert_same_index(built: Matcher, fresh: Matcher) -> None:
    assert built.index.units == fresh.index.units
    assert built.index.idf == fresh.index.idf
    # Every term's postings, as the first question using it works them out.
    assert {t: built.index.postings_of(t) for t in built.index.idf} == \
        {t: fresh.index.postings_of(t) for t in fresh.index.idf}
    assert built.index.homes == fresh.index.homes
    assert (built.index.strong, built.index.weak) == (fresh.index.strong, fresh.index.weak)
    assert built.index.section_entities == fresh.index.section_entities
    assert built.analyzer.known_words == fresh.analyzer.known_words
    assert built.analyzer.table.phrases == fresh.analyzer.table.phrases


def test_a_rebuild_of_the_same_brief_reuses_the_phrase_table_and_equals_a_cold_build(brief: Brief) -> None:
    first = Matcher(brief)
    again = Matcher(brief.model_copy())
    assert again.analyzer.table is first.analyzer.table
    assert_same_index(again, cold(brief))


def test_an_edited_brief_builds_the_index_a_cold_build_makes(brief: Brief) -> None:
    Matcher(brief)  # memos warm with the unedited brief
    section = brief.sections[3]
    fact = section.facts[0].model_copy(update={"text": section.facts[0].text + " Talks resumed in Geneva."})
    edited_section = section.model_copy(update={"facts": (fact, *section.facts[1:])})
    edited = brief.model_copy(update={"sections": (*brief.sections[:3], edited_section, *brief.sections[4:])})
    built = Matcher(edited)
    assert "geneva" in built.index.idf
    assert_same_index(built, cold(edited))


def test_new_aliases_make_a_new_phrase_table(brief: Brief) -> None:
    first = Matcher(brief)
    aliases = {**brief.aliases, "truce": ("guns falling silent",)}
    changed = Matcher(brief.model_copy(update={"aliases": aliases}))
    assert changed.analyzer.table is not first.analyzer.table
    assert changed.analyzer.terms("when will the guns falling silent") == ("when", "truce")
    assert first.analyzer.terms("when will the guns falling silent") != ("when", "truce")
