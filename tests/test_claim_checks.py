"""A claim someone asks the bot to check, in the words a reporter or a fact-checker wraps it in ("confirm: …",
"is it fair to write that …?", "my copy says …. Correct number?", "draft: '…' ok to run?"): the fact that confirms
or corrects the claim comes first, alone and inside a conversation; the frame names nothing a fact must say.
And the words a reporter adds ("per the copy", "for the explainer", "background graf") read as nothing, never as
a typo of one of the brief's words.

The questions are the test author's own, not taken from the evaluation sets in tests/eval/.
"""

from __future__ import annotations

import pytest

from bot.core.checking import claim_checked
from bot.core.service import BriefService
from tests.test_answers import ask, first, service  # noqa: F401  the real brief's service; one conversation a call


@pytest.mark.parametrize(("message", "claim"), [
    ("confirm: Umerov led Ukraine's team?", "Umerov led Ukraine's team, right?"),
    ("Quick check - the talks were in Ankara", "the talks were in Ankara, right?"),
    ("is it fair to say that Kyiv got a draft?", "Kyiv got a draft, right?"),
    ("our copy says: 'the swap was 500 each.' Correct figure?", "the swap was 500 each, right?"),
    ("Medinsky heads the Russian side, yes?", "Medinsky heads the Russian side, right?"),
])
def test_the_claim_is_read_out_of_its_frame(message: str, claim: str) -> None:
    assert claim_checked(message) == claim


@pytest.mark.parametrize("message", [
    "who was right about the drones?",  # "right" asks which, it tags no claim
    "can you confirm?",  # nothing left to check
    "what did the kremlin confirm about the memo",
    "is zelensky ok",
])
def test_messages_without_a_claim_to_check_are_left_alone(message: str) -> None:
    assert claim_checked(message) is None


@pytest.mark.parametrize(("question", "fact"), [
    # a wrong office: the card of who he is corrects it
    ("quick check: Ibrahim Kalin is Turkey's foreign minister?", "intelligence chief"),
    # a wrong count: the fact's own count corrects it
    ("my copy says Russia shot down 216 Ukrainian drones on Sunday night. Correct number?", "162"),
    ("sanity check: Russia holds about a quarter of Ukraine, yes?", "one-fifth"),
    # a claim of an outcome the talks did not have
    ("is it fair to write that Monday's round ended in a ceasefire?", "no ceasefire"),
    # a pasted draft line with the wrong head of a delegation
    ("draft: 'Moscow's team, led by Sergei Lavrov, flew in on Sunday.' ok to run?", "medinsky"),
])
def test_a_framed_claim_is_answered_by_the_fact_that_corrects_it(
        service: BriefService, question: str, fact: str) -> None:
    assert fact in first(ask(service, question)[0]).casefold()


@pytest.mark.parametrize(("question", "fact"), [
    # a statement asked as a question is a claim to check: the fact's own figure corrects a wrong one
    ("so russia launched 500 drones at ukraine on sunday night?", "80"),
    ("so kyiv claims it damaged about 400 bombers?", "40"),
    ("the damaged planes were worth 70 billion dollars, isn't it", "$7 billion"),
    # a wrong day told as a statement: the fact telling when corrects it
    ("the first round took place on may 9, didn't it?", "16 may"),
])
def test_a_statement_asked_as_a_question_is_a_claim_checked(service: BriefService, question: str, fact: str) -> None:
    assert fact in first(ask(service, question)[0]).casefold()


def test_a_search_box_fragment_is_not_a_claim(service: BriefService) -> None:
    # "start time in GMT?" asks the time; it claims nothing, so the answer is not a reply to a claim
    assert "1000 gmt" in first(ask(service, "start time in GMT?")[0]).casefold()


def test_a_framed_claim_after_an_answer_is_read_as_itself(service: BriefService) -> None:
    opener, checked = ask(service, "who led ukraine's delegation?",
                          "confirm: the first round freed 3,000 prisoners on each side?")
    assert "umerov" in first(opener).casefold()
    assert "1,000" in first(checked)


def test_a_framed_question_the_brief_cannot_answer_stays_unanswered(service: BriefService) -> None:
    assert not ask(service, "quick check: Medinsky was born in 1970, right?")[0].matched


@pytest.mark.parametrize(("question", "fact"), [
    ("Operation Spider's Web in two lines for the explainer", "drone"),
    ("date of the invasion for the background graf?", "february 24"),
    ("headline version of the Istanbul talks?", "second round"),
    ("venue name per the copy?", "ciragan"),
    ("i'm writing a scene setter, describe the Ciragan Palace in a line", "ottoman"),
])
def test_a_reporter_s_own_words_ask_nothing_a_fact_must_say(service: BriefService, question: str, fact: str) -> None:
    answer = ask(service, question)[0]
    assert answer.matched and fact in " ".join(answer.body).casefold()


def test_words_for_an_invasion_find_its_date(service: BriefService) -> None:
    # "sent troops into" once read as a term no fact of the brief used, so the question went unanswered
    assert "february 24" in first(ask(service, "on what date did russia roll into ukraine?")[0]).casefold()


@pytest.mark.parametrize(("question", "fact"), [
    # a weekday and a part of the day claimed: the fact telling when corrects it
    ("did the russian team land on monday morning?", "late on sunday"),
    ("did the ukrainians arrive on sunday night?", "early monday"),
])
def test_a_day_and_time_of_day_claimed_is_answered_by_when_it_was(
        service: BriefService, question: str, fact: str) -> None:
    assert fact in first(ask(service, question)[0]).casefold()


@pytest.mark.parametrize(("question", "fact"), [
    # a month claimed: the fact's own month corrects it
    ("so kyiv wants the next round before the end of september, true?", "june"),
    ("did putin lay down those terms in march last year?", "june"),
    # a clock time claimed: the schedule corrects it
    ("weren't the talks due to begin at 11am?", "1 p.m."),
    # a name claimed for what something is called
    ("was the drone raid code-named Operation Thunderbolt?", "spider"),
])
def test_a_wrong_month_time_or_name_claimed_is_answered_by_the_fact_that_corrects_it(
        service: BriefService, question: str, fact: str) -> None:
    assert fact in first(ask(service, question)[0]).casefold()


def test_a_month_asked_of_what_is_still_to_come_stays_unanswered(service: BriefService) -> None:
    assert not ask(service, "will they sign a ceasefire in september?")[0].matched


def test_a_number_the_reader_heard_after_an_answer_is_checked_against_it(service: BriefService) -> None:
    # "you sure? I heard 14": a challenge to the count just given, which the fact's own count answers
    _, heard = ask(service, "how many strategic bombers did kyiv claim it hit?", "you sure? i heard 14")
    assert heard.matched and "40" in first(heard)
