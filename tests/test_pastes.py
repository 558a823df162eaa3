"""A message that pastes what someone else wrote and asks about it: a quoted line, a headline or a tweet in quotes,
a forwarded post. The paste is what the question is about, as a previous turn would be, not the question; a paste
that only asks "is 40 right?" is a claim to check; a paste cut short ("the ... regions") asks what fills it.

The questions are the test author's own, not taken from the evaluation sets in tests/eval/.
"""

from __future__ import annotations

import pytest

from bot.core.paste import split_paste
from bot.core.service import BriefService
from tests.test_answers import ask, first, service  # noqa: F401  the real brief's service; one conversation a call


@pytest.mark.parametrize(("message", "quoted", "asked"), [
    ("> Moscow handed over a draft\nwhat now?", "Moscow handed over a draft", "what now?"),
    ("Forwarded from Some Channel:\n> Kalin to join the talks\n> says a source\nwho said so?",
     "Kalin to join the talks says a source", "who said so?"),
    ("headline: 'Talks in Istanbul end in under an hour'. did they agree on anything?",
     "Talks in Istanbul end in under an hour", "did they agree on anything?"),
    ("my aunt's post says \"Russia's team arrived on Sunday\" -- and Ukraine's?",
     "Russia's team arrived on Sunday", "and Ukraine's?"),
    ("my cousin sent me: 'the talks were in a palace'. which one?", "the talks were in a palace", "which one?"),
])
def test_the_paste_and_the_question_are_told_apart(message: str, quoted: str, asked: str) -> None:
    pasted = split_paste(message)
    assert pasted is not None and (pasted.quoted, pasted.asked) == (quoted, asked)


@pytest.mark.parametrize("message", [
    "who said 'the eyes of the whole world are focused on the contacts here'?",  # a quote inside the question
    "what is 'spider's web'?",
    "> just a quote, nothing asked",
    "who led russia's delegation?",
])
def test_other_messages_have_no_paste(message: str) -> None:
    assert split_paste(message) is None


def test_a_paste_that_is_only_checked_is_a_claim() -> None:
    pasted = split_paste("tweet: 'Ukraine shot down 40 of 80 Russian drones overnight'. is 40 right?")
    assert pasted is not None and pasted.checks
    assert not split_paste("> Ukraine shot down 40 of 80 drones\nhow many did Russia down?").checks


@pytest.mark.parametrize(("message", "fact"), [
    # asks past the paste: what Kyiv will do with the draft, not that it was handed over
    ("> Moscow handed its own draft peace accord to Ukraine\nwhat will kyiv do with the document?", "review"),
    ("headline: 'Talks in Istanbul end in under an hour'. did they agree on anything?", "prisoner exchange"),
    # the paste's wrong count, corrected
    ("tweet: 'Ukraine shot down 40 of 80 Russian drones overnight'. is 40 right?", "52"),
    # who reported what the paste says
    ("Forwarded from Some Channel:\n> Kalin expected to take part in the talks\nwhich outlet said so?", "ria novosti"),
    # a paste cut short: what fills the gap
    ("> Moscow also threatened to capture the ... regions\nwhich ones?", "sumy"),
])
def test_a_question_about_a_paste_is_answered_past_it(service: BriefService, message: str, fact: str) -> None:
    assert fact in first(ask(service, message)[0]).casefold()


def test_an_off_topic_question_about_a_paste_is_turned_down(service: BriefService) -> None:
    opener, pasted = ask(service, "who led ukraine's delegation?",
                         "> Erdogan threw a banquet for the delegations\nwhat was on the menu?")
    assert opener.matched and not pasted.matched


def test_a_paste_getting_a_count_wrong_is_still_what_the_question_is_about(service: BriefService) -> None:
    (answer,) = ask(service, "Forwarded from Some Channel:\n> Spider's Web wiped out 41 bombers\nhow many did ukraine claim?")
    assert "40" in first(answer)


def test_whats_in_it_after_a_sides_document_is_that_documents_contents(service: BriefService) -> None:
    # "it" is Ukraine's memorandum, not Medinsky confirming he received it
    _, contents = ask(service, "did medinsky confirm receiving ukraine's memorandum?", "what's in it?")
    assert "30-day ceasefire" in first(contents)
    # whose draft Moscow handed over is told, but not what is in it
    _, unknown = ask(service, "Umerov said Moscow handed its own draft peace accord to Ukraine", "what's in it?")
    assert not unknown.matched


def test_a_paste_after_any_lead_in_is_read_as_one(service: BriefService) -> None:
    (answer,) = ask(service, "my cousin sent me: 'ukraine downed 52 of 80 russian drones'. and the other way round?")
    assert answer.matched and "162" in " ".join(answer.body)


def test_a_pasted_draft_line_to_check_is_corrected(service: BriefService) -> None:
    (answer,) = ask(service, "draft: 'Russia's team, led by Foreign Minister Sergei Lavrov, flew in Sunday.' ok to post?")
    assert "medinsky" in first(answer).casefold()


def test_a_pasted_take_on_a_document_then_its_contents_is_answered_not_crashed(service: BriefService) -> None:
    # what leads may be a person's card, which says no text of its own: the contents check must not fail on it
    (answer,) = ask(service, "> ukraine's roadmap is just surrender\nwhat's in it per reuters")
    assert answer.matched and "reuters" in first(answer).casefold()


@pytest.mark.parametrize(("message", "fact"), [
    # a line the articles quote word for word is what the facts quoting it say, whoever reads it as a question
    ("'Kyiv is again ready to take real steps towards peace' -- who is quoted there?", "reuters"),
    ("«the eyes of the whole world are focused on the contacts here» whose words are those?", "fidan"),
    ("'Ukraine must drop its NATO ambitions' - whose words?", "kremlin"),
    # a line quoted inside a claim of who said it: whose words they are, which corrects a wrong name
    ("did kellogg say 'the eyes of the whole world are focused on the contacts here'?", "fidan"),
    ('was it putin who said "the key issues can only be resolved by the leaders"?', "zelensky"),
])
def test_a_line_the_articles_quote_is_answered_by_the_facts_quoting_it(service: BriefService, message: str,
                                                                      fact: str) -> None:
    assert fact in first(ask(service, message)[0]).casefold()


def test_a_quoted_line_no_article_has_is_still_read_as_a_paste() -> None:
    pasted = split_paste("«peace through strength» -- who said that in istanbul?")
    assert pasted is not None and pasted.quoted == "peace through strength"


def test_what_a_quoted_line_does_not_say_is_turned_down(service: BriefService) -> None:
    # Read whole, the line's own words would answer; what is asked of it is nothing the articles say.
    for message in ("'the eyes of the whole world are focused on the contacts here' - what did he eat after?",
                    "'Medinsky has written school textbooks' - how many copies sold?"):
        assert not ask(service, message)[0].matched, message
    # What the line itself answers still is: the gap it leaves, or who it says did what.
    (gap,) = ask(service, "'Moscow also threatened to capture the Kharkiv and ___ regions' fill it in")
    assert "sumy" in first(gap).casefold()


def test_a_line_quoted_inside_a_question_is_what_it_asks_about(service: BriefService) -> None:
    (answer,) = ask(service, 'so the area russia holds is "about the same size as the US state of" where exactly?')
    assert "Ohio" in first(answer)
