"""How people ask to be briefed (issue 10): "what's the latest on X", "X - what's the latest?", "the X angle",
"the X issue", and words quoted back from the articles. Wordings written for this test, not taken from tests/eval/.
"""

from __future__ import annotations

import pytest

from bot.core.service import BriefService
from tests.test_answers import ask, first, service  # noqa: F401  the real brief's service; one conversation a call


@pytest.mark.parametrize(("question", "fact"), [
    # "the latest on X" asks about X; the briefing words are not something a fact must say
    ("what's the latest on the prisoner exchange?", "severely injured"),
    ("Sumy fighting - what's the latest?", "Sumy"),
    ("what's the latest on the fighting near sumy?", "Sumy"),
    # "angle", "issue", "factor": the aspect asked about is the word beside them
    ("sanctions angle: what does moscow want?", "sanctions relief"),
    ("the NATO angle in russia's demands?", "NATO"),
    ("the ceasefire issue - where does it stand?", "ceasefire"),
    # "key points", "takeaways on": X in short
    ("ukraine's demands - key points?", "unconditional ceasefire"),
    ("key points on the drone operation", "Spider's Web"),
    ("main takeaways on the venue", "Ciragan Palace"),
    # how the answer should read ("like i'm 10", "in three bullets"): X in short, not a number or a word to find
    ("what did they agree? explain like i'm 10", "prisoner exchange"),
    ("russia's demands in three bullets pls", "NATO"),
    ("the children issue, as a list", "children"),
    # "list X" asks for X, not for the list of deported children
    ("list russia's demands", "NATO"),
    ("can you list ukraine's demands", "ceasefire"),
    # "compare X and Y" asks for X and Y; "the number of X" asks how many; "surname of" asks who
    ("compare russia and ukraine on NATO", "NATO"),
    ("contrast what came out of the first and second rounds", "prisoner"),
    ("just the number of planes spider web hit", "40"),
    ("surname of the man heading ukraine's delegation?", "Umerov"),
    ("whats the prisoner number for the may swap", "1,000"),
    ("troop number near sumy?", "50,000"),
    ("does trump really call it biden's war?", "Biden"),
    # a title or label asked for: the fact quoting it
    ("what label does trump want for himself?", "negotiator in chief"),
    ("did russia withhold its memorandum?", "in advance"),
    # a yes/no check naming the venue asks where; talks that "ran" lasted
    ("were the talks held at the ciragan palace?", "Ciragan Palace"),
    ("did the talks run for three hours?", "less than an hour"),
])
def test_briefing_words_ask_about_the_thing_they_frame(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in first(answer), answer.body


@pytest.mark.parametrize(("question", "fact"), [
    ("where does 'imperialist land grab' come from?", "imperialist land grab"),
    ('context for "far apart"?', "far apart"),
    ("“negotiator in chief” - what's that about?", "negotiator in chief"),
])
def test_words_quoted_from_a_fact_are_answered_with_that_fact(service: BriefService, question: str,
                                                              fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in first(answer).lower(), answer.body


@pytest.mark.parametrize("question", [
    "what's the latest on the weather in istanbul?",
    "what's the latest on china?",
    "oil prices - what's the latest?",
    "the bitcoin angle?",
    "the Gaza issue?",
    "what does 'the weather is nice' mean?",  # quoted words no fact says
])
def test_briefing_words_around_something_the_brief_lacks_are_still_out_of_scope(service: BriefService,
                                                                                 question: str) -> None:
    (answer,) = ask(service, question)
    assert not answer.matched, answer.body


def test_key_points_alone_ask_for_the_overview(service: BriefService) -> None:
    (answer,) = ask(service, "key points?")
    assert answer.section_id == "overview", answer.body


def test_the_latest_round_is_still_this_round(service: BriefService) -> None:
    # "latest" before a noun names the brief's own round: the first round's swap does not answer it
    (answer,) = ask(service, "how many prisoners were freed in the latest round?")
    assert not answer.matched or "1,000" not in first(answer), answer.body


def test_a_quote_after_an_answer_is_read_as_itself(service: BriefService) -> None:
    _, quoted = ask(service, "who led russia's delegation?", "what about 'imperialist land grab'?")
    assert "imperialist land grab" in first(quoted).lower(), quoted.body


@pytest.mark.parametrize(("question", "fact"), [
    ("what was Kellogg quoted as saying?", "advisers"),
    ("who is quoted on the advisers?", "Kellogg"),
])
def test_quoted_asks_what_someone_said(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in first(answer), answer.body


@pytest.mark.parametrize(("question", "fact"), [
    ("for my essay: who led ukraine's delegation?", "Umerov"),
    ("quick q: where were the talks held?", "Ciragan"),
])
def test_a_short_preamble_before_a_colon_leaves_the_question(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in first(answer), answer.body


def test_a_preamble_does_not_bring_an_off_topic_question_in(service: BriefService) -> None:
    (answer,) = ask(service, "note: what's the capital of france?")
    assert not answer.matched, answer.body
