"""Questions about the event itself ("when were the talks?", "where was the meeting held?", "who took part?"):
answered with the event's facts of the kind asked, on the real brief and on another brief about another event;
questions about another occasion or about something else stay as they were.

The questions are the test author's own, not taken from the evaluation sets in tests/eval/.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from bot.core.brief import Brief
from bot.core.matcher import Matcher
from bot.core.service import BriefService
from tests.test_answers import ask, service  # noqa: F401  the real brief's service; one conversation a call


def said(service: BriefService, *turns: str) -> str:
    """What the last turn's answer leads with, or '' when it was not answered."""
    answer = ask(service, *turns)[-1]
    return " ".join(answer.body).casefold() if answer.matched else ""


@pytest.mark.parametrize(("question", "expected"), [
    ("when were the talks?", "monday"),
    ("When did the negotiations take place", "monday"),
    ("what day was round two", "monday"),
    ("when was the meeting", "monday"),
    ("when did they meet?", "monday"),
    ("when was it", "monday"),
    ("wen were the talks in istanbul", "monday"),
    ("when were the tlaks?", "monday"),
    ("where were the talks?", "ciragan"),
    ("where was the meeting held", "ciragan"),
    ("where did they meet", "ciragan"),
    ("where did the negotiations happen?", "ciragan"),
    ("when did the delegations meet", "monday"),
    ("when did russia and ukraine meet?", "monday"),
    ("where did the two sides meet", "ciragan"),
    ("where did the negotiators meet?", "ciragan"),
    ("date?", "monday"),
    ("who was at the talks?", "medinsky"),
    ("who took part in the talks", "umerov"),
    ("who attended?", "medinsky"),
    ("what happened at the talks?", "prisoner exchange"),
    ("what happened in the negotiations", "less than an hour"),
    ("the talks?", "prisoner exchange"),
])
def test_a_question_about_the_event_itself_is_answered_with_its_facts_of_that_kind(
        service: BriefService, question: str, expected: str) -> None:
    assert expected in said(service, question), question


@pytest.mark.parametrize("question", [
    "when were the talks in Alaska?",
    "where was the G7 meeting?",
    "what time is it",
    "who are you",
    "who is he?",
    "when do they meet again",
    "what day did the russian delegation get in",
    "what day did the delegation get in",
])
def test_another_occasion_or_no_question_about_the_event_is_not_answered_as_one(service: BriefService,
                                                                               question: str) -> None:
    text = said(service, question)
    assert "2 june 2025, inferred; no article" not in text and "rustem umerov, with senior" not in text, question


def test_the_next_round_is_not_the_one_held() -> None:
    """ "when is the next round?" asks about another occasion: not read as a question about the event."""
    from tests.eval.evaluate import service as evaluation_service

    matcher = evaluation_service().store.current.matcher
    for question in ("when is the next round?", "when was the first round?", "what happened before the talks?",
                     "who was at the talks from turkey?", "how long were the talks?"):
        assert matcher.event.kind(question) is None, question


def test_a_conversation_about_the_event_then_something_else(service: BriefService) -> None:
    when, where, age = ask(service, "when were the talks?", "and where?", "how old is medinsky?")
    assert "monday" in " ".join(when.body).casefold()
    assert where.matched and "ciragan" in " ".join(where.body).casefold()
    assert not age.matched


def test_who_hosted_the_talks_is_answered_by_the_topic_whose_card_says_host(service: BriefService) -> None:
    """ "host" is only in Turkey's role's keywords; its facts say "talks" like every other: its answer leads."""
    for question in ("who hosted the talks?", "who hosted the negotiations"):
        text = said(service, question)
        assert "turkish" in text and "fidan" in text, question


def test_follow_ups_about_the_event_carry_the_event_not_the_places_its_answer_named(service: BriefService) -> None:
    where, who, when = ask(service, "where were the negotiations?", "who was there?", "and when?")
    assert "ciragan" in " ".join(where.body).casefold()
    assert "medinsky" in " ".join(who.body).casefold()
    assert "monday" in " ".join(when.body).casefold()
    assert not ask(service, "who is medinsky?", "when was it?")[-1].body[0].startswith("The talks were held")


def test_a_clause_with_a_relative_who_is_not_a_question_about_the_event(service: BriefService) -> None:
    assert "rustem umerov, with senior" not in said(
        service, "what is the name of the german government spokesperson who talked")


# ------------------------------------------------------------------ another brief, about another event


def _source() -> dict[str, str]:
    return {"seed": "000_geneva", "quote": "a quote from the article"}


def _fact(text: str) -> dict[str, Any]:
    return {"text": text, "sources": [_source()]}


def _section(id_: str, title: str, examples: list[str], facts: list[str], answer: str,
             entities: list[str] | None = None) -> dict[str, Any]:
    return {"id": id_, "title": title, "kind": "context", "entities": entities or [], "examples": examples,
            "facts": [_fact(f) for f in facts], "answer": answer}


def _entity(id_: str, name: str, kind: str, role: str, variants: list[str] | None = None) -> dict[str, Any]:
    return {"id": id_, "name": name, "kind": kind, "role": role, "variants": variants or [],
            "sources": [_source()]}


@pytest.fixture(scope="module")
def summit() -> Matcher:
    """A brief about a summit: no section is called timing, venue, attendance or overview, and every fact says
    "summit", so BM25 alone can't tell them apart."""
    brief = Brief.model_validate({
        "brief": {"id": "geneva", "title": "The Geneva summit", "event": "Summit of Aland and Borduria in Geneva",
                  "date": dt.date(2025, 3, 4), "venue": "Palais des Nations, Geneva",
                  "summary": "The leaders of Aland and Borduria met at a summit in Geneva and agreed to reopen "
                             "their border.", "version": "1"},
        "aliases": {"summit": ["conference", "meeting", "talks"]},
        "entities": [
            _entity("geneva-summit", "Geneva summit", "event", "The summit of Aland and Borduria in Geneva.",
                    ["the geneva meeting"]),
            _entity("spring-summit", "Spring summit", "event", "A later summit the two leaders promised.",
                    ["next summit"]),
            _entity("berg", "Anna Berg", "person", "President of Aland."),
            _entity("varga", "Olek Varga", "person", "Prime minister of Borduria."),
            _entity("aland", "Aland", "country", "One of the two countries."),
            _entity("borduria", "Borduria", "country", "The other country."),
            _entity("geneva", "Geneva", "place", "The Swiss city of the summit."),
            _entity("palais", "Palais des Nations", "place", "The summit's venue in Geneva."),
        ],
        "sections": [
            _section("story", "What it was about", ["what's going on", "summarise it"],
                     ["The summit ended with a promise to reopen the border.",
                      "The summit was the first meeting of the two leaders in a decade."],
                     "Aland and Borduria met at a summit in Geneva and agreed to reopen their border.",
                     ["geneva-summit", "aland", "borduria"]),
            _section("border", "The border deal", ["what did they agree about the border"],
                     ["The summit agreed to reopen the border crossing at Kell in April.",
                      "At the summit, Anna Berg said the border would reopen in April."],
                     "They agreed to reopen the border in April."),
            _section("people", "Who came", ["who attended the summit?", "who took part"],
                     ["Anna Berg and Olek Varga attended the summit with their foreign ministers.",
                      "Olek Varga left the summit early."],
                     "Anna Berg, President of Aland, and Olek Varga, Prime Minister of Borduria."),
            _section("place", "Where", ["where was the summit held?", "location of the summit"],
                     ["The summit took place at the Palais des Nations in Geneva.",
                      "Geneva hosted a summit in 1985 too."],
                     "At the Palais des Nations in Geneva."),
            _section("when", "When", ["what date was the summit", "what day did they meet"],
                     ["The summit was held on Tuesday, 4 March 2025.", "The summit lasted six hours."],
                     "On Tuesday, 4 March 2025; it lasted six hours.", ["geneva-summit"]),
        ],
    })
    return Matcher(brief)


@pytest.mark.parametrize(("question", "section", "expected"), [
    ("when was the conference?", "when", "4 March"),
    ("where did the meeting take place", "place", "Palais"),
    ("who was at the summit?", "people", "Anna Berg"),
    ("what happened at the talks?", "story", "reopen"),
    ("when was it", "when", "4 March"),
])
def test_on_another_brief_the_event_is_its_declared_one(summit: Matcher, question: str, section: str,
                                                        expected: str) -> None:
    match = summit.match(question)
    assert match.best is not None and match.best.id == section, question
    assert match.confidence >= 0.5
    assert expected in (match.best.answer or "")


def test_on_another_brief_another_summit_is_not_the_event(summit: Matcher) -> None:
    assert summit.event.token == "geneva_summit"
    for question in ("when is the next summit?", "when was the summit in Alaska?", "who won the summit?"):
        assert summit.event.kind(question) is None, question


# ------------------------------------------------------------------ asked in the present, as by those following it live


@pytest.mark.parametrize(("question", "expected"), [
    ("where in the city are they meeting?", "ciragan"),
    ("where are both sides meeting", "ciragan"),
    ("what day of the week is it all happening", "monday"),
    ("which day of the week is it taking place", "monday"),
])
def test_the_event_asked_in_the_present_tense_is_the_event(service: BriefService, question: str,
                                                           expected: str) -> None:
    assert expected in said(service, question)


@pytest.mark.parametrize("question", ["what time is it in istanbul?", "what day is it today", "where are you based?"])
def test_the_reader_s_own_present_without_a_verb_of_the_event_is_not_the_event(service: BriefService,
                                                                               question: str) -> None:
    assert said(service, question) == ""
