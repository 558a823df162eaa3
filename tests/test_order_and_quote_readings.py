"""Readers who give orders and readers who quote what they saw, read for what they ask (the brief's aliases and
bot/core/paste.py): "walk me through X", a slogan like "1,000 for 1,000", Monday's "sit-down", whether a meeting is
"on the cards", agreeing to send a team, borders, battlefield progress, "shootdowns", "is that the figure?" after a
quoted number, and "tell me the date X will happen" (bot/core/matcher.py) asking a date still to come. Each with the
question beside it that must keep its old reading.

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
