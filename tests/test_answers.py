"""Fact-first answers on the real brief, class by class, alone and inside conversations.

The questions here are the test author's own, written for each class the matcher must handle; they are not
taken from the evaluation sets in tests/eval/ (those measure the matcher, they don't train the tests).
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys

import pytest

from bot.core.brief import load_seeds, normalize_quote
from bot.core.conversation import Conversations
from bot.core.models import Answer
from bot.core.service import BriefService
from bot.core.store import BriefStore
from tests.conftest import BRIEF, ROOT, SEEDS

_keys = itertools.count()


@pytest.fixture(scope="module")
def service() -> BriefService:
    return BriefService(BriefStore(BRIEF, SEEDS), Conversations(), threshold=0.5)


def ask(service: BriefService, *turns: str) -> list[Answer]:
    """One conversation: every turn's answer, in order."""
    key = f"conversation-{next(_keys)}"
    return [service.ask(key, turn) for turn in turns]


def first(answer: Answer) -> str:
    """The answer's first sentence: the curator's lead or the first fact."""
    assert answer.matched, f"{answer.question!r} was not answered"
    return answer.lead or answer.facts[0].line()


# ------------------------------------------------------------------ fact first


@pytest.mark.parametrize(("question", "fact"), [
    ("who led russia's delegation?", "Medinsky"),
    ("who headed the ukrainian team", "Umerov"),
    ("where were the talks held?", "Ciragan"),
    ("when was the first round of talks", "16"),
    ("how long did the talks last", "hour"),
])
def test_a_question_for_one_fact_gets_that_fact_first(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact.casefold() in first(answer).casefold()
    assert answer.topic_line and answer.title in answer.topic_line
    assert len(answer.facts) <= 3 and answer.more > 0  # the rest of the topic is one step away


def test_a_contested_figure_says_who_claims_it(service: BriefService) -> None:
    (answer,) = ask(service, "how many bombers did ukraine say it hit")
    claimed = [fact for fact in answer.facts if fact.claimed_by]
    assert claimed and all(f.claimed_by.startswith(("according to", "reported")) for f in claimed)
    assert any("40" in fact.text and "Ukraine" in (fact.claimed_by or "") for fact in answer.facts)


def test_every_leading_fact_quotes_its_seed_verbatim(service: BriefService) -> None:
    seeds = load_seeds(SEEDS)
    for question in ("what did they agree", "who is hakan fidan", "how many troops are near sumy"):
        (answer,) = ask(service, question)
        for fact in answer.facts:
            assert fact.sources
            for quote in fact.sources:
                assert normalize_quote(quote.quote) in seeds[quote.seed].normalized_text


def test_different_questions_on_one_topic_get_different_answers(service: BriefService) -> None:
    who, when = ask(service, "who led russia's delegation"), ask(service, "when did the russian delegation arrive")
    assert who[0].section_id == when[0].section_id
    assert who[0].facts != when[0].facts
    assert "sunday" in first(when[0]).casefold()


# ------------------------------------------------------------------ people, places, operations


@pytest.mark.parametrize(("question", "role"), [
    ("who is hakan fidan", "foreign minister"),
    ("who's ibrahim kalin?", "intelligence"),
    ("what is keith kellogg's job", "envoy"),
    ("who is andriy yermak", "chief of staff"),
    ("who is medinsky", "aide"),
    ("what is the ciragan palace", "ottoman"),
    ("what is operation spider's web", "drone"),
])
def test_who_is_and_what_is_answer_with_the_role(service: BriefService, question: str, role: str) -> None:
    (answer,) = ask(service, question)
    assert role in first(answer).casefold()


def test_what_did_someone_say(service: BriefService) -> None:
    (answer,) = ask(service, "what did fidan say to the delegations?")
    assert "eyes of the whole world" in " ".join(answer.body).casefold()


# ------------------------------------------------------------------ yes/no and dates


def test_yes_no_questions_lead_with_the_fact_that_answers_them(service: BriefService) -> None:
    (ceasefire,) = ask(service, "was a ceasefire agreed?")
    assert "ceasefire" in first(ceasefire).casefold()
    (attended,) = ask(service, "did zelensky attend the talks in person?")
    assert "umerov" in " ".join(attended.body).casefold() or "zelensky" in first(attended).casefold()


def test_a_yes_or_no_reply_leads_only_a_yes_no_question(service: BriefService) -> None:
    """A fact's "Yes, …" answers the claim checked; asked any other way, or listed in its topic, the fact
    speaks for itself."""
    checked, = ask(service, "has medinsky ever negotiated with kyiv before?")
    assert first(checked).startswith("Yes"), first(checked)
    asked, = ask(service, "what did medinsky do back in 2022")
    assert not first(asked).startswith(("Yes", "No,")) and "2022" in first(asked), first(asked)
    topic = service.topic("russia-delegation", count=False)
    assert topic is not None and not any(f.text.startswith(("Yes,", "No,")) for f in topic.facts)


def test_the_event_date_is_given_and_said_to_be_inferred(service: BriefService) -> None:
    (answer,) = ask(service, "what was the date of the talks?")
    text = " ".join(answer.body).casefold()
    assert "2 june 2025" in text and "infer" in text


# ------------------------------------------------------------------ how people type


def test_markup_is_stripped_and_never_echoed(service: BriefService) -> None:
    (answer,) = ask(service, "<script>who</script> led <b>Russia's</b> **delegation**?")
    assert "medinsky" in first(answer).casefold()
    (unknown,) = ask(service, "<b>what is the weather</b> like in <i>paris</i>?")
    assert not unknown.matched and "<b>" not in " ".join(unknown.body)


def test_emoji_shortcodes_say_nothing_and_flags_say_their_country(service: BriefService) -> None:
    (worth,) = ask(service, "what were the damaged bombers worth, per kyiv :money_with_wings: <:stonks:8812>")
    assert "$7 billion" in first(worth)
    (team,) = ask(service, "who headed the :flag_ua: delegation?")
    assert "umerov" in first(team).casefold()
    (advisers,) = ask(service, "which advisers were expected from 🇬🇧 and 🇫🇷?")
    assert "british" in first(advisers).casefold()
    (unknown,) = ask(service, "what did 🇨🇳 say about the talks?")
    assert not unknown.matched


def test_slang_and_swearing(service: BriefService) -> None:
    (answer,) = ask(service, "who the hell was running the show for russia lol")
    assert "medinsky" in first(answer).casefold()


def test_a_question_at_the_end_of_a_long_message_is_found(service: BriefService) -> None:
    chatter = ("Sorry for the wall of text, I have been travelling all week with terrible wifi and my family "
               "chat has been arguing about the war nonstop, mostly about things nobody can check, and my uncle "
               "keeps forwarding videos that I refuse to watch. I would rather read something sourced. ") * 3
    (answer,) = ask(service, chatter + "Anyway: who led Ukraine's delegation in Istanbul?")
    assert len(chatter) > 500
    assert "umerov" in first(answer).casefold()


# ------------------------------------------------------------------ off-topic, alone and in conversation


OFF_TOPIC = [
    "what's the weather in istanbul",
    "who is russia's foreign minister?",
    "who won the champions league",
    "are you a bot?",
    "what happened at the g7 summit",
    "how many nuclear warheads does russia have",
    "do you think trump is a good mediator?",  # the bot's own opinion, of someone the brief names
    "who's to blame for the talks going nowhere?",
    "should the west give the frozen assets back?",
    "what's the occupied area in square miles?",  # the articles give square km only
]


@pytest.mark.parametrize("question", OFF_TOPIC)
def test_off_topic_is_rejected_fresh_and_after_an_answer(service: BriefService, question: str) -> None:
    (fresh,) = ask(service, question)
    assert not fresh.matched
    answered, after = ask(service, "how many prisoners were exchanged in may?", question)
    assert answered.matched and not after.matched
    assert after.related  # "I don't know" comes with suggestions


def test_a_conversation_never_answers_what_the_brief_does_not_cover(service: BriefService) -> None:
    russia, ukraine, weather, age, china = ask(
        service, "who led russia's delegation?", "and ukraine?", "what's the weather", "how old is he?",
        "what about china?",
    )
    assert "medinsky" in first(russia).casefold()
    assert "umerov" in first(ukraine).casefold()
    assert not weather.matched and not age.matched and not china.matched


def test_a_self_contained_question_is_not_bent_toward_the_previous_topic(service: BriefService) -> None:
    casualties, turkey = ask(service, "how many people have been killed in the war?",
                             "who is turkey's foreign minister?")
    assert casualties.matched
    assert "fidan" in first(turkey).casefold()


def test_he_and_she_point_at_the_person_just_discussed_and_the_rest_is_new(service: BriefService) -> None:
    """ "his"/"he" is the person of the previous turn; the previous question's other words stay behind, so the
    answer is about what this turn asks of that person, not the previous topic again."""
    attended, priorities, age = ask(service, "did zelensky attend the istanbul talks?", "what were his priorities?",
                                    "how old is he?")
    assert attended.matched
    assert "ceasefire" in first(priorities).casefold()
    assert not age.matched
    position, blame = ask(service, "what is trump's position on the talks?", "who does he blame for the war?")
    assert position.matched and "biden" in first(blame).casefold()


def test_tell_me_more_continues_with_facts_not_yet_shown(service: BriefService) -> None:
    answers = ask(service, "who led russia's delegation?", "tell me more", "more", "go on", "more", "more")
    seen: list[str] = []
    for answer in answers:
        assert answer.section_id == "russia-delegation"
        for fact in answer.facts:
            assert fact.text not in seen
            seen.append(fact.text)
    assert answers[-1].more == 0 and "everything" in " ".join(answers[-1].body)


# ------------------------------------------------------------------ the JSON contract


def test_ask_json_keeps_its_fields_and_adds_facts() -> None:
    run = subprocess.run([sys.executable, "-m", "bot", "ask", "--json", "-"], input="who led russia's delegation?\n"
                         "what's the weather\n", capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert run.returncode == 0, run.stderr
    answered, unknown = (json.loads(line) for line in run.stdout.splitlines())
    for row in (answered, unknown):
        assert {"question", "matched", "section", "confidence", "text", "sources", "suggestions", "facts"} <= set(row)
    assert answered["section"] == "russia-delegation"
    assert answered["text"].startswith(answered["facts"][0]["text"])
    assert all(s["seed"] and s["quote"] for s in answered["facts"][0]["sources"])
    assert unknown["facts"] == [] and unknown["suggestions"]


# ------------------------------------------------------------------ more conversation classes


def test_figures_the_articles_do_not_give_are_not_answered_after_a_topic(service: BriefService) -> None:
    bombers, tanks, salary = ask(service, "how many bombers did ukraine say it hit?",
                                 "how many tanks did russia lose?", "what is medinsky's salary?")
    assert bombers.matched
    assert not tanks.matched and not salary.matched


def test_a_name_the_articles_do_not_give_is_not_answered(service: BriefService) -> None:
    """Asking the name of something the brief mentions but never names: no fact that merely mentions it."""
    venue, minister, bases, writer = ask(service, "what's the name of the venue?", "name of turkey's foreign minister?",
                                         "tell me the names of the air bases that were struck",
                                         "what is the title of the textbook medinsky wrote?")
    assert "ciragan" in first(venue).casefold()
    assert "fidan" in first(minister).casefold()
    assert not bases.matched and not writer.matched
    # a place named beside it is not its name: "the siberia airbase" is an airbase in Siberia, which no fact names
    siberia, in_siberia, palace = ask(service, "name of the siberia airbase",
                                      "what is the name of the airbase in Siberia that got hit",
                                      "I'm trying to find the name of the venue for round 2, which palace was it?")
    assert not siberia.matched and not in_siberia.matched
    assert "ciragan" in first(palace).casefold()


def test_what_someone_said_is_answered_only_with_what_they_said(service: BriefService) -> None:
    umerov, medinsky = ask(service, "what did umerov say after the talks?",
                           "what did medinsky tell journalists when it was over?")
    assert "umerov" in first(umerov).casefold()
    assert not medinsky.matched  # the articles report no words of his after the talks


def test_who_said_that_repeats_the_last_facts_with_their_sources(service: BriefService) -> None:
    answered, source = ask(service, "what did umerov say about russia's memorandum?", "who said that?")
    assert answered.matched and source.matched
    assert source.facts == answered.facts and source.sources


def test_who_said_that_after_a_summary_shows_the_facts_the_summary_is_drawn_from(service: BriefService) -> None:
    """An answer that led with a topic's summary: "who says so?" names the sources of what the summary said,
    not the topic's first facts, which the summary may not even mention."""
    summary, source, bare = ask(service, "what's happening with the casualties", "according to whom?", "who said?")
    assert summary.lead and "united states" in summary.lead.casefold()
    assert source.facts and source.facts[0].text.casefold() != summary.facts[0].text.casefold()
    assert "united states" in " ".join(f.line() for f in source.facts).casefold()
    assert bare.facts == source.facts  # "who said?" alone asks the same
    answered, announced = ask(service, "what was agreed after the talks about prisoners?", "who announced that?")
    assert answered.matched and announced.facts and announced.sources
    assert "umerov" in " ".join(f.line() for f in announced.facts).casefold()


def test_a_person_and_a_thing_pointed_at_in_one_follow_up(service: BriefService) -> None:
    """ "why did he propose them?": "he" is the person, "them" the talks just discussed; both are filled in."""
    proposed, why = ask(service, "who proposed holding direct talks?", "why did he propose them?")
    assert "putin" in first(proposed).casefold()
    assert "ceasefire" in first(why).casefold()


def test_a_bare_count_after_an_answer_is_a_count_of_what_was_just_discussed(service: BriefService) -> None:
    """ "how many people died?" right after the bombers: the brief has no toll of that attack, and the war's toll is
    another topic's figure. A count that names what it counts ("near Sumy") is answered as itself."""
    bombers, died, troops = ask(service, "what happened to the bombers?", "how many people died?",
                                "how many troops are massed near sumy?")
    assert bombers.matched and not died.matched
    assert "50,000" in first(troops)
    (fresh,) = ask(service, "how many people died?")
    assert fresh.matched  # asked alone, it asks the war's toll


def test_spelling_variants_are_accepted(service: BriefService) -> None:
    for question in ("who is zelenskiy", "who is zelenskyy", "who is the ukrainian defense minister",
                     "who is the ukrainian defence minister"):
        (answer,) = ask(service, question)
        assert answer.matched, question
    (defence,) = ask(service, "who is the ukrainian defense minister")
    assert "umerov" in " ".join(defence.body).casefold()


# ------------------------------------------------------------------ the audit of the brief, kept fixed


def test_the_brief_keeps_the_articles_hedges_and_attributions(service: BriefService) -> None:
    brief = service.store.brief
    said = " ".join(f.text + " " + (f.answer or "") for s in brief.sections for f in s.facts)
    said += " " + " ".join(e.role for e in brief.entities)
    assert "Joe Biden" not in said and "opened the talks" not in said and "Turkey hosted" not in said
    assert "seems to" in said  # NDTV's hedge on the US position
    assert "about 1,000" in said and "allegedly" in said
    assert "Umerov said" in said and "chief of staff, said" in said and "According to Reuters" in said
    assert "Zelenskiy" not in said and "Defense Minister" not in said  # one spelling in the brief's own text
    assert brief.meta.date_note and "infer" in brief.meta.date_note
    assert "June 2024" in said  # "last June", resolved with the same care as the event's date


@pytest.mark.parametrize("question", [
    "how many bombers did kyiv say it knocked out in spider's web",
    "how many bombers does kyiv reckon operation spider's web took out",
])
def test_a_count_named_beside_its_operation_leads_with_the_count(service: BriefService, question: str) -> None:
    """The operation's name finds its definition ("hundreds of drones"), but the question counts bombers: a fact
    counting them comes first."""
    (answer,) = ask(service, question)
    assert answer.section_id == "spiders-web"
    assert "40" in first(answer)
    assert "hundreds" not in first(answer)


@pytest.mark.parametrize("opening", ["what happened in operation spider's web?", "what is russia demanding?"])
def test_tell_me_more_skips_a_figure_that_only_repeats_a_shown_fact(service: BriefService, opening: str) -> None:
    """A figure citing the very quote of a fact already shown says it again ("bombers damaged: some 40" after
    "Ukraine said it had damaged some 40 bombers"); "tell me more" goes on with what is new."""
    turns = ask(service, opening, *["tell me more"] * 14)
    said: set[str] = set()
    for answer in turns:
        for fact in answer.facts:
            quotes = {quote.quote for quote in fact.sources}
            assert not (fact.claimed_by and quotes <= said), f"{fact.line()!r} repeats what was shown"
            said |= quotes
    assert any("everything the brief has" in note for note in turns[-1].notes)


@pytest.mark.parametrize(("question", "fact"), [
    ("did the negotiators sit together or facing each other?", "opposite sides"),
    ("did zelensky announce kyiv's position at a press conference or on social media?", "social media post"),
])
def test_either_or_questions_are_read_one_alternative_at_a_time(service: BriefService, question: str, fact: str
                                                                 ) -> None:
    """ "did X A or B?": the alternative the brief has is answered; the other's words count for nothing."""
    (answer,) = ask(service, question)
    assert fact in first(answer)


@pytest.mark.parametrize("question", ["was trump in istanbul?", "was putin in istanbul for this?"])
def test_was_someone_in_the_event_s_city_asks_whether_they_attended(service: BriefService, question: str) -> None:
    """Not who they are: whether they were there, which the brief answers ("No article reports … attending")."""
    (answer,) = ask(service, question)
    assert answer.section_id == "attendance"
    assert first(answer).startswith("No article reports")
