"""Group-chat and gist-seeking phrasings read for what they ask (bot/core/matcher.py and the brief's aliases): a
question passed on by someone in the chat, "the headline number", "pitched", "the one-line version of", "how long
did it run", whether the Europeans showed up. Each with the question beside it that must keep its old reading.

The questions are the test author's own, not taken from the evaluation sets in tests/eval/.
"""

from __future__ import annotations

from bot.core.service import BriefService
from tests.test_answers import ask, first, service  # noqa: F401  the real brief's service; one conversation a call
from tests.test_scope import rejected


def test_a_question_passed_on_by_someone_in_the_chat_is_the_question(service: BriefService) -> None:
    (answer,) = ask(service, "Olena is asking who led russia's delegation")
    assert "Medinsky" in first(answer)


def test_a_leader_who_asked_for_something_is_still_a_claim_about_him(service: BriefService) -> None:
    (answer,) = ask(service, "putin asked for sanctions relief?")
    assert "sanctions relief" in first(answer)


def test_the_headline_number_of_the_drone_operation_is_the_bombers_hit(service: BriefService) -> None:
    (answer,) = ask(service, "headline number from the spider's web strike?")
    assert "40" in first(answer)


def test_a_headline_someone_saw_is_not_the_brief_s_headline(service: BriefService) -> None:
    (answer,) = ask(service, "i saw a headline about trump and putin. what did trump call him?")
    assert "crazy" in first(answer)


def test_pitched_is_proposed(service: BriefService) -> None:
    (answer,) = ask(service, "who pitched the direct talks in the first place?")
    assert "Putin" in first(answer)


def test_the_one_line_version_of_a_topic_is_its_summary(service: BriefService) -> None:
    (answer,) = ask(service, "one-line version of the us position pls")
    assert answer.section_id == "us-position"


def test_how_long_did_it_run_after_the_talks_is_their_length(service: BriefService) -> None:
    _, answer = ask(service, "what happened at the talks on monday?", "how long did it run?")
    assert "less than an hour" in first(answer)


def test_who_runs_a_delegation_is_still_who_leads_it(service: BriefService) -> None:
    (answer,) = ask(service, "who runs ukraine's delegation?")
    assert "Umerov" in first(answer)


def test_the_europeans_showing_up_is_their_advisers(service: BriefService) -> None:
    (answer,) = ask(service, "did the europeans even show up?")
    assert answer.section_id == "european-advisers"


def test_a_flight_s_length_is_still_not_the_talks_length(service: BriefService) -> None:
    rejected(service, "how long is a flight from kyiv to istanbul?")


def test_how_the_west_describes_the_invasion_is_what_it_casts_it_as(service: BriefService) -> None:
    (answer,) = ask(service, "how does the west describe the invasion?")
    assert "land grab" in first(answer)


def test_how_the_west_reacted_to_root_causes_is_still_its_rejection(service: BriefService) -> None:
    (answer,) = ask(service, "how did the west react to russia's root causes demands?")
    assert "rejected" in first(answer)


def test_talks_earlier_in_the_war_are_the_early_weeks_of_the_invasion(service: BriefService) -> None:
    (answer,) = ask(service, "were there any peace talks earlier in the war?")
    assert "early weeks" in first(answer)


def test_the_next_step_is_the_next_steps(service: BriefService) -> None:
    (answer,) = ask(service, "per kellogg, what's the next step?")
    assert answer.section_id == "next-steps"


def test_drones_got_that_close_by_being_smuggled_in(service: BriefService) -> None:
    (answer,) = ask(service, "how did they even get drones that close to the bases?")
    assert "smuggling" in first(answer)


def test_the_reaction_inside_russia_is_its_war_bloggers(service: BriefService) -> None:
    (answer,) = ask(service, "what was the reaction inside russia to the drone strike?")
    assert "war bloggers" in first(answer)
