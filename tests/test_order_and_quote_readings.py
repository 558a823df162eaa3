"""Readers who give orders and readers who quote what they saw, read for what they ask (the brief's aliases and
bot/core/paste.py): "walk me through X", a slogan like "1,000 for 1,000", Monday's "sit-down", whether a meeting is
"on the cards", agreeing to send a team, borders, battlefield progress, "shootdowns", accepting Russia "owning" the
land, whether the war is "two years old", how "deep" in Russia, stalling "on purpose", a threat to "grab more land"
at the first round, what they "ended up agreeing" to, "is that the figure?" after a quoted number. And
(bot/core/matcher.py): "tell me the date X will happen" and "the date for the new swap" ask a date still to come;
"did they start on time?" is answered by the delay before the schedule; "whose war trump says this is" asks whose
(Trump says it), not who says it; "that guy" is the one person the message named; "the name of the textbook
medinsky wrote" is the book's name, not his; and (bot/core/scope.py) "pm" after a number is the time of day, not a
prime minister nobody named. Each with the question beside it that must keep its old reading.

The questions are the test author's own, not taken from the evaluation sets in tests/eval/.
"""

from __future__ import annotations

from bot.core.service import BriefService
from tests.test_answers import ask, first, service  # noqa: F401  the real brief's service; one conversation a call
from tests.test_scope import rejected


def test_walk_me_through_asks_for_the_topic(service: BriefService) -> None:
    (answer,) = ask(service, "walk me through spider's web")
    assert answer.section_id == "spiders-web"


def test_walking_away_is_still_the_us_threat(service: BriefService) -> None:
    (answer,) = ask(service, "will trump walk away?")
    assert "abandon" in first(answer)


def test_one_thousand_for_one_thousand_is_the_prisoner_swap(service: BriefService) -> None:
    (answer,) = ask(service, "'1,000 for 1,000' what does that mean")
    assert answer.section_id == "prisoner-exchanges"
    assert "prisoner" in first(answer)


def test_one_thousand_gmt_is_still_the_schedule(service: BriefService) -> None:
    (answer,) = ask(service, "what time were the talks scheduled in GMT?")
    assert "1000 GMT" in first(answer)


def test_mondays_sit_down_is_the_talks(service: BriefService) -> None:
    (answer,) = ask(service, "how long did monday's sit-down actually last?")
    assert "less than an hour" in first(answer)


def test_the_leaders_sitting_down_is_still_their_meeting(service: BriefService) -> None:
    (answer,) = ask(service, "will putin and zelensky sit down?")
    assert answer.section_id == "leaders-meeting"


def test_a_meeting_on_the_cards_is_whether_the_leaders_meet(service: BriefService) -> None:
    (answer,) = ask(service, "is a putin-zelensky meeting on the cards?")
    assert answer.section_id == "leaders-meeting"


def test_whether_expectations_were_high_is_still_the_expectations(service: BriefService) -> None:
    (answer,) = ask(service, "were expectations high?")
    assert answer.section_id == "expectations"


def test_agreeing_to_send_a_team_is_confirming_it(service: BriefService) -> None:
    (answer,) = ask(service, "tell me when zelensky agreed to send his team")
    assert "Sunday" in first(answer)


def test_what_they_agreed_is_still_the_outcome(service: BriefService) -> None:
    (answer,) = ask(service, "what did they agree?")
    assert "prisoner exchange" in first(answer)


def test_borders_in_ukraines_roadmap_are_the_front_line(service: BriefService) -> None:
    (answer,) = ask(service, "tell me what ukraine's roadmap says about borders")
    assert "front line" in first(answer)


def test_battlefield_progress_in_may_is_the_fastest_advance(service: BriefService) -> None:
    (answer,) = ask(service, "describe russia's battlefield progress in may")
    assert "fastest rate in six months" in first(answer)


def test_shootdowns_are_the_drones_shot_down(service: BriefService) -> None:
    (answer,) = ask(service, "ukraine's shootdowns overnight?")
    assert "52" in first(answer)


def test_is_that_the_figure_checks_a_quoted_number(service: BriefService) -> None:
    (answer,) = ask(service, '"50k Russian troops near Sumy" — is that the figure?')
    assert "50,000" in first(answer)


def test_tell_me_when_something_will_happen_asks_a_date_still_to_come(service: BriefService) -> None:
    rejected(service, "tell me the date the new prisoner swap will happen")


def test_tell_me_when_something_happened_is_still_its_date(service: BriefService) -> None:
    (answer,) = ask(service, "tell me when the first round was")
    assert "16 May" in first(answer)


def test_whether_the_talks_started_on_time_leads_with_their_delay(service: BriefService) -> None:
    (answer,) = ask(service, "did the talks start on time?")
    assert "two hours later" in first(answer)


def test_when_the_talks_were_meant_to_start_is_still_the_schedule(service: BriefService) -> None:
    (answer,) = ask(service, "when were the talks meant to start?")
    assert "1 p.m." in first(answer)


def test_whose_war_someone_named_says_it_is_asks_whose_not_who_says(service: BriefService) -> None:
    (answer,) = ask(service, "whose war trump says this is")
    assert "Biden" in first(answer)


def test_whose_officials_said_something_still_asks_who_said_it(service: BriefService) -> None:
    (answer,) = ask(service, "whose officials said the talks would start at 1 pm?")
    assert "Turkish officials" in first(answer)


def test_that_guy_is_the_person_the_message_quoted(service: BriefService) -> None:
    (answer,) = ask(service, 'someone in our group chat just wrote "Medinsky again lol" - who is that guy')
    assert "Kremlin aide" in first(answer)


def test_he_is_still_the_person_named_before(service: BriefService) -> None:
    (answer,) = ask(service, "my friend keeps mentioning umerov - who is he")
    assert "Defence Minister" in first(answer)


def test_the_name_of_a_book_someone_wrote_is_not_his_name(service: BriefService) -> None:
    rejected(service, "whats the name of the textbook medinsky wrote")


def test_the_name_of_the_drone_operation_is_still_its_name(service: BriefService) -> None:
    (answer,) = ask(service, "what's the name of the drone operation")
    assert "Spider's Web" in first(answer)


def test_the_date_of_the_new_swap_is_still_to_come(service: BriefService) -> None:
    rejected(service, "whats the date for the new swap")


def test_when_the_new_swap_was_agreed_is_still_answered(service: BriefService) -> None:
    (answer,) = ask(service, "when was the new swap agreed")
    assert "Monday" in first(answer)


def test_accepting_russia_owning_the_land_is_recognising_it(service: BriefService) -> None:
    (answer,) = ask(service, "Will Ukraine accept Russia owning the land it took?")
    assert "recognition" in first(answer)


def test_how_much_land_russia_controls_is_still_the_share(service: BriefService) -> None:
    (answer,) = ask(service, "how much land does russia control?")
    assert "one-fifth" in first(answer)


def test_whether_the_war_is_two_years_old_is_its_length(service: BriefService) -> None:
    (answer,) = ask(service, "is the war two years old?")
    assert "three years" in first(answer)


def test_how_old_a_person_is_is_still_nothing_the_brief_says(service: BriefService) -> None:
    rejected(service, "how old is zelensky?")


def test_how_deep_in_russia_is_the_distance(service: BriefService) -> None:
    (answer,) = ask(service, "how deep in russia were they hit")
    assert "thousands of kilometres" in first(answer)


def test_stalling_on_purpose_is_the_accusation_of_prolonging(service: BriefService) -> None:
    (answer,) = ask(service, "is russia stalling on purpose?")
    assert "prolonging" in first(answer)


def test_a_threat_to_grab_more_land_at_the_first_round_is_kharkiv_and_sumy(service: BriefService) -> None:
    threat, source = ask(service, "did russia threaten to grab more land in round 1", "source?")
    assert "Kharkiv" in first(threat)
    assert "Economist" in first(source)


def test_whether_russia_wants_more_territory_is_still_its_terms(service: BriefService) -> None:
    (answer,) = ask(service, "does russia want more territory?")
    assert answer.section_id == "russia-position"


def test_pm_after_a_number_is_the_time_of_day(service: BriefService) -> None:
    (answer,) = ask(service, "who said the talks would start at 1 pm?")
    assert "Turkish officials" in first(answer)


def test_a_pm_nobody_named_is_still_turned_down(service: BriefService) -> None:
    rejected(service, "what did the uk pm say?")


def test_what_they_ended_up_agreeing_is_the_outcome(service: BriefService) -> None:
    (answer,) = ask(service, "what did they end up agreeing to")
    assert "prisoner exchange" in first(answer)


def test_how_long_the_talks_lasted_is_still_their_length(service: BriefService) -> None:
    (answer,) = ask(service, "how long did the talks last?")
    assert "less than an hour" in first(answer)
