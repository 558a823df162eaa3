"""Core use cases: answers, follow-ups, unknowns, reload with diff, bounded memory, flood protection."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.core.brief import restates
from bot.core.conversation import Conversations
from bot.core.flood import FloodGate, Verdict
from bot.core.matcher import FollowUpContext
from bot.core.models import Topic
from bot.core.service import UNKNOWN_TITLE, BriefService
from bot.core.store import BriefStore
from bot.core.text import sentences
from tests.conftest import BRIEF, MINI, SEEDS


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def service() -> BriefService:
    return BriefService(BriefStore(BRIEF, SEEDS), Conversations(), threshold=0.5)


def test_russia_and_ukraine_never_share_a_section(service: BriefService) -> None:
    assert service.ask("a", "what does Russia want").section_id == "russia-position"
    assert service.ask("b", "what does Ukraine want").section_id == "ukraine-position"
    assert service.ask("c", "who leads russia's team?").section_id == "russia-delegation"
    assert service.ask("d", "who leads ukraine's team?").section_id == "ukraine-delegation"


def test_answer_leads_with_sourced_facts_and_offers_the_rest_of_the_topic(service: BriefService) -> None:
    answer = service.ask("e", "how much of ukraine does russia control")
    assert answer.matched and answer.section_id == "territory" and not answer.whole_topic
    assert any("113,100" in f.text or "one-fifth" in f.text for f in answer.facts[:2])
    assert all(f.sources and all(q.seed and q.quote for q in f.sources) for f in answer.facts)
    assert {q.seed for f in answer.facts for q in f.sources} == {s.seed for s in answer.sources}
    assert answer.sources and all(s.label for s in answer.sources)
    assert answer.more > 0 and answer.topic_line is not None and answer.title in answer.topic_line
    assert answer.buttons[0] == Topic("territory", f"More: {answer.title}")
    assert list(answer.buttons[1:]) == list(answer.related)


def test_contested_bomber_counts_say_who_claims_what(service: BriefService) -> None:
    answer = service.ask("f", "how many bombers were destroyed?")
    assert answer.section_id == "spiders-web"
    assert answer.facts[0].claimed_by and "bombers" in answer.facts[0].text  # the count, with who claims it
    whole = service.topic("spiders-web", count=False)
    assert whole is not None
    claimed = [f for f in whole.facts if f.claimed_by]
    assert len(claimed) >= 3 and len({f.claimed_by for f in claimed}) >= 2
    assert all(f.claimed_by.startswith(("according to", "reported")) for f in claimed)  # type: ignore[union-attr]


def test_tell_me_more_continues_with_facts_not_yet_shown(service: BriefService) -> None:
    first = service.ask("m", "who leads russia's team?")
    assert first.section_id == "russia-delegation" and "Medinsky" in first.facts[0].text
    seen = [f.text for f in first.facts]
    more = first.more
    while more:
        answer = service.ask("m", "tell me more")
        assert answer.section_id == "russia-delegation" and answer.facts
        assert not {f.text for f in answer.facts} & set(seen)
        seen += [f.text for f in answer.facts]
        assert answer.more < more
        more = answer.more
    done = service.ask("m", "tell me more")
    assert not done.facts and done.notes and "everything" in done.notes[0]
    whole = service.topic("russia-delegation", count=False)
    assert whole is not None and sorted(f.text for f in whole.facts) == sorted(seen)


def test_a_topic_view_is_the_whole_topic(service: BriefService) -> None:
    answer = service.topic("russia-delegation", "n")
    assert answer is not None and answer.whole_topic and answer.more == 0
    assert answer.topic_line is None
    assert not [b for b in answer.buttons if b.title.startswith("More:")]
    assert len(answer.facts) > len(service.ask("o", "who leads russia's team?").facts)
    # The topic becomes the conversation's context: there is nothing more to tell.
    assert not service.ask("n", "tell me more").facts


def test_follow_ups_resolve_against_the_previous_turn(service: BriefService) -> None:
    assert service.ask("g", "what are russia's demands").section_id == "russia-position"
    assert service.ask("g", "and ukraine?").section_id == "ukraine-position"
    assert service.ask("h", "tell me about the russian delegation").section_id == "russia-delegation"
    answer = service.ask("h", "who leads it?")
    assert answer.section_id == "russia-delegation" and "Medinsky" in answer.body[0]


def test_off_topic_gets_an_honest_unknown_with_suggestions(service: BriefService) -> None:
    for question in ["what's the weather in london", "who won the champions league", "", "   ", "🙂🙂"]:
        answer = service.ask("i", question)
        assert not answer.matched and answer.section_id is None, question
        assert answer.title == UNKNOWN_TITLE and 1 <= len(answer.related) <= 3


def test_stale_topic_is_none_and_topics_list_sections(service: BriefService) -> None:
    assert service.topic("no-such-section") is None
    ids = [t.id for t in service.topics()]
    assert ids == [s.id for s in service.store.brief.sections] and ids[0] == "overview"
    assert {"russia-delegation", "ukraine-delegation", "venue"} <= set(ids)
    assert service.topic("venue").title == "Venue"  # type: ignore[union-attr]


def test_digest_has_headline_outcomes_figures_and_changes(service: BriefService) -> None:
    digest = service.digest(dt.date(2025, 6, 3))
    assert digest.title == service.store.brief.meta.title and digest.event_date == service.store.brief.meta.when()
    assert digest.first and digest.outcomes and digest.figures and not digest.changes


def test_reload_swaps_good_brief_and_keeps_old_on_error(tmp_path: Path) -> None:
    path = tmp_path / "brief.yaml"
    path.write_text(MINI.read_text())
    service = BriefService(BriefStore(path, SEEDS), Conversations())
    before = service.store.current.revision

    path.write_text(MINI.read_text().replace("will be Vladimir Medinsky", "is Lavrov"))
    failed = service.reload()
    assert not failed.ok and failed.revision == before
    assert "brief.yaml:" in failed.errors[0] and "not found in" in failed.errors[0]
    assert "previous brief is still serving" in failed.message()
    assert service.ask("x", "who leads the russian delegation").section_id == "russia-delegation"

    edited = MINI.read_text().replace("The talks take place at", "Talks are held at")
    edited = edited.replace("  - id: russia-delegation", """  - id: timing
    title: Timing
    kind: logistics
    examples: ["when do the talks start"]
    facts:
      - text: The talks were scheduled for 1:00 pm.
        sources:
          - seed: "004_53b6467d699949e3"
            quote: "scheduled to get underway at 1:00 pm (1000 GMT)"
  - id: russia-delegation""")
    path.write_text(edited)
    result = service.reload()
    assert result.ok and result.revision != before
    assert [t.id for t in result.diff.added] == ["timing"]
    assert [t.id for t in result.diff.edited] == ["venue"]
    assert not result.diff.removed
    assert service.ask("y", "when do the talks start").section_id == "timing"


def test_conversations_are_bounded_and_expire() -> None:
    clock = Clock()
    conversations = Conversations(max_conversations=2, ttl_seconds=60, clock=clock)
    for key in "abc":
        conversations.put(key, FollowUpContext("venue", ("venue",)))
    assert len(conversations) == 2 and conversations.get("a") is None
    clock.now += 61
    assert conversations.get("c") is None


def test_flood_gate_notifies_once_then_drops_until_calm() -> None:
    clock = Clock()
    gate = FloodGate(messages=3, per_seconds=10, clock=clock)
    assert [gate.check("u") for _ in range(5)] == [Verdict.ALLOW] * 3 + [Verdict.NOTIFY, Verdict.DROP]
    assert gate.check("other") is Verdict.ALLOW
    clock.now += 11
    assert gate.check("u") is Verdict.ALLOW


def test_flood_gate_forgets_users_whose_messages_have_left_the_window() -> None:
    clock = Clock()
    gate = FloodGate(messages=2, per_seconds=10, clock=clock)
    for user in range(1000):
        gate.check(str(user))
    assert [gate.check("0") for _ in range(3)] == [Verdict.ALLOW, Verdict.NOTIFY, Verdict.DROP]
    clock.now += 10.5
    assert gate.check("new") is Verdict.ALLOW
    assert gate.remembered() == 1  # only "new": the others would be allowed as newcomers anyway
    assert [gate.check("0") for _ in range(3)] == [Verdict.ALLOW, Verdict.ALLOW, Verdict.NOTIFY]


def test_a_facts_keywords_match_it_but_are_never_shown(tmp_path: Path) -> None:
    """`keywords:` carry readers' words for a fact (README: The brief): they make it found, not what it says."""
    fact = "      - text: The talks take place at the Ciragan Palace in Istanbul.\n"
    plain = MINI.read_text(encoding="utf-8")
    assert fact in plain
    keyworded = plain.replace(fact, fact + "        keywords: [which hotel hosted the meeting]\n")
    answers = []
    for name, text in (("plain.yaml", plain), ("keywords.yaml", keyworded)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        bot = BriefService(BriefStore(tmp_path / name, SEEDS), Conversations(), threshold=0.2)
        answers.append(bot.ask("k", "which hotel hosted them?"))
    without, with_keywords = answers
    assert not without.matched
    assert with_keywords.matched and with_keywords.section_id == "venue"
    assert [f.text for f in with_keywords.facts] == ["The talks take place at the Ciragan Palace in Istanbul."]
    assert "hotel" not in " ".join(with_keywords.body)


@pytest.mark.parametrize("question", [
    "who led russia's delegation?",
    "who headed ukraine's delegation?",
    "did putin attend the talks?",
    "do both sides agree on how much damage the drones did?",
    "what does russia want to stop the war?",
    "what time were the talks supposed to begin?",
    "how much of ukraine does russia control?",
])
def test_the_first_fact_does_not_say_the_same_thing_twice(service: BriefService, question: str) -> None:
    """A fact's curator answer is shown right before its text: it must not repeat it (README: The brief)."""
    answer = service.ask(f"twice {question}", question)
    assert answer.matched and answer.facts
    said = sentences(answer.facts[0].text)
    assert not [(a, b) for i, a in enumerate(said) for b in said[i + 1:] if restates(a, b)], said


@pytest.mark.parametrize("question", ["what does russia want?", "what happened at the talks", "what about the ceasefire?",
                                      "tell me about the territory"])
def test_a_topic_summary_is_followed_by_facts_it_does_not_already_say(service: BriefService, question: str) -> None:
    answer = service.ask(f"summary {question}", question)
    assert answer.lead and answer.facts
    assert not [f.text for f in answer.facts if restates(answer.lead, f.text)]


def test_what_a_summary_already_says_is_read_again_after_a_reload(tmp_path: Path) -> None:
    """The facts a topic's summary says are worked out once per loaded brief: a reload that edits the summary
    shows the fact it no longer says."""
    path = tmp_path / "brief.yaml"
    summary = "    kind: logistics\n    answer: {}\n"
    path.write_text(MINI.read_text().replace(
        "    kind: logistics\n", summary.format("The talks take place at the Ciragan Palace in Istanbul."), 1))
    service = BriefService(BriefStore(path, SEEDS), Conversations())
    first = service.ask("a", "tell me about the venue")
    assert first.lead and first.section_id == "venue" and not first.facts  # its one fact is the summary
    path.write_text(MINI.read_text().replace("    kind: logistics\n", summary.format("Russia and Ukraine meet again."), 1))
    assert service.reload().ok
    second = service.ask("b", "tell me about the venue")
    assert second.lead == "Russia and Ukraine meet again."
    assert [f.text for f in second.facts] == ["The talks take place at the Ciragan Palace in Istanbul."]
