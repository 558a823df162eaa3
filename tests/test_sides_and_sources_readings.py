"""Readers who follow one side (what Moscow holds, what Kyiv calls the war) and who want to know who said or wrote
what, answered with the fact asked for (the brief's facts, keywords and aliases; bot/core/matcher.py's reading of
who said what): how Kyiv describes Russia's invasion ("an imperialist land grab", a fact of Ukraine's position too),
how much land "they already hold" (control, not where talks are held), how big the previous swap was, which outlet
"wrote" something, "who was the source?", "did Medinsky say he got …" ("he" is Medinsky), "who confirmed he'd go to
Istanbul?" (a new question unless the answer just shown names Istanbul), Moscow's "explanation" for the children,
Turkey's agenda and the meeting's goals. Each with the question beside it that must keep its old reading.

The questions are the test author's own, not taken from the evaluation sets in tests/eval/.
"""

from __future__ import annotations

from bot.core.service import BriefService
from tests.test_answers import ask, first, service  # noqa: F401  the real brief's service; one conversation a call


def test_how_kyiv_describes_the_invasion(service: BriefService) -> None:
    (answer,) = ask(service, "how does kyiv characterise russia's invasion?")
    assert answer.section_id == "ukraine-position" and "imperialist land grab" in first(answer)


def test_how_kyiv_and_the_west_describe_it_is_still_the_west_s_word(service: BriefService) -> None:
    (answer,) = ask(service, "how did kyiv and the west describe the invasion?")
    assert answer.section_id == "european-advisers" and "land grab" in first(answer)


def test_what_they_already_hold_is_the_land_they_control(service: BriefService) -> None:
    _, held = ask(service, "what does the kremlin want in exchange for peace?", "and how much do they already hold?")
    assert "one-fifth" in first(held) or "113,100" in first(held)


def test_where_they_hold_the_talks_is_still_the_venue(service: BriefService) -> None:
    (answer,) = ask(service, "where did they hold the talks?")
    assert "Ciragan" in first(answer)


def test_how_big_the_previous_swap_was(service: BriefService) -> None:
    _, size = ask(service, "who is the new exchange for?", "how big was the previous swap then?")
    assert "1,000" in first(size)


def test_how_big_the_palace_is_is_not_its_rating(service: BriefService) -> None:
    (answer,) = ask(service, "how big is the ciragan palace?")
    assert not answer.matched


def test_which_outlet_wrote_it(service: BriefService) -> None:
    _, outlet = ask(service, "what's this 'negotiator in chief' thing?", "and which outlet wrote that?")
    assert outlet.matched and "NDTV" in first(outlet)


def test_who_wrote_a_document_asks_its_author_not_a_speaker(service: BriefService) -> None:
    (answer,) = ask(service, "who wrote the memorandum?")
    assert not answer.matched or "Zelensky said" not in first(answer)


def test_who_was_the_source_after_an_unnamed_source(service: BriefService) -> None:
    _, source = ask(service, "what did reuters' unnamed source say?", "so who was the source?")
    assert source.matched and "unnamed" in " ".join([first(source), *source.body]).casefold()


def test_did_he_say_he_got_it_asks_what_the_named_man_said_of_himself(service: BriefService) -> None:
    _, _, got = ask(service, "what did kellogg say about the talks?", "advisers from where?",
                    "did medinsky say he received ukraine's memorandum?")
    assert got.section_id == "memoranda" and "Medinsky" in first(got)


def test_who_confirmed_he_would_go_after_another_fact_of_his(service: BriefService) -> None:
    _, _, confirmed = ask(service, "who is rustem umerov?", "is he in trouble at home?",
                          "who confirmed he'd go to istanbul?")
    assert "Zelensky confirmed" in first(confirmed)


def test_who_said_they_would_come_is_still_who_reported_it(service: BriefService) -> None:
    _, said = ask(service, "which european governments sent advisers?", "who said they'd be there?")
    assert said.section_id == "european-advisers" and "spokesperson" in " ".join([first(said), *said.body])


def test_moscow_s_explanation_for_the_children(service: BriefService) -> None:
    (answer,) = ask(service, "what explanation does moscow give for taking the children?")
    assert "protect them" in first(answer)


def test_the_explanation_for_the_delay_is_still_none(service: BriefService) -> None:
    (answer,) = ask(service, "was there an explanation for the delay?")
    assert answer.section_id == "timing" and "No explanation" in first(answer)


def test_turkey_s_agenda_for_the_talks(service: BriefService) -> None:
    (answer,) = ask(service, "what was on turkey's agenda for the talks?")
    assert answer.section_id == "turkey-role" and "ceasefire" in first(answer)


def test_the_goals_of_the_meeting(service: BriefService) -> None:
    (answer,) = ask(service, "what were the goals for the meeting?")
    assert answer.section_id == "turkey-role" and "ceasefire" in first(answer)


def test_another_country_s_defence_minister_is_not_umerov(service: BriefService) -> None:
    # "defence minister" reads as Umerov, Ukraine's; Russia's is no one the articles name, after an answer or not
    _, asked = ask(service, "who led moscow's delegation?", "and who is russia's defence minister?")
    assert not asked.matched
    (fresh,) = ask(service, "who's the russian defence minister?")
    assert not fresh.matched


def test_ukraine_s_defence_minister_is_still_umerov(service: BriefService) -> None:
    (answer,) = ask(service, "who is ukraine's defence minister?")
    assert "Umerov" in first(answer)


def test_who_announced_he_would_lead_is_someone_else_saying_it(service: BriefService) -> None:
    # what Zelensky said of Umerov, not a fact only about Umerov ("Umerov headed Ukraine's delegation")
    (answer,) = ask(service, "who announced that umerov would head kyiv's team?")
    assert first(answer).startswith("Zelensky said")


def test_which_outlet_wrote_about_him_is_still_the_fact_about_it(service: BriefService) -> None:
    (answer,) = ask(service, "which outlet wrote about umerov's scandal?")
    assert "scandal" in first(answer)


def test_a_bare_phrase_of_the_coverage(service: BriefService) -> None:
    (answer,) = ask(service, "negotiator in chief??")
    assert "shaky" in first(answer)


def test_a_statement_is_what_was_said(service: BriefService) -> None:
    (answer,) = ask(service, "what was the german statement on the advisers?")
    assert answer.section_id == "european-advisers" and "spokesperson" in first(answer)
