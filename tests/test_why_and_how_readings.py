"""Readers who ask why and how, answered with the fact that gives the reason or the way (the brief's facts, examples,
keywords and aliases, bot/core/index.py's reading of which facts give a reason, bot/core/matcher.py's of "how
long"): why the first round brought no ceasefire (a clause of cause: "…, as both sides merely set out …"), why
Zelensky waited to confirm his team, why Trump is on the sidelines ("…, with Russia and Ukraine refusing to
blink, …"), what Moscow says happens if Kyiv says no, how the new swap will work, what Kyiv brings to the talks, how
the "pro-war crowd" reacted. A date whose inference note says "since article 004 calls it …" is not a reason. And
what is "on the table", who is "at the table", which ministry someone runs, the other drones that Sunday night, and
"how long is a flight …" (a time with no length does not answer it); the time the talks were "supposed to" begin
before how late they began; why the drone attack mattered for the talks; "until" and "item" as linking words;
where talks "should start" (their starting point, not a place); which team got there first; "the hotel where they
met" (which hotel, not a question of its own, unless told: "who told the press when …"); a sum of money answered
only by a figure in money; "how far behind schedule"; why "people call him" something. Each with the question beside it that must
keep its old reading.

The questions are the test author's own, not taken from the evaluation sets in tests/eval/.
"""

from __future__ import annotations

from bot.core.service import BriefService
from tests.test_answers import ask, first, service  # noqa: F401  the real brief's service; one conversation a call
from tests.test_scope import rejected


def test_why_the_first_round_brought_no_ceasefire(service: BriefService) -> None:
    (answer,) = ask(service, "why did the first round not even bring a ceasefire?")
    assert "opening negotiating positions" in first(answer)


def test_when_the_first_round_was_is_still_its_date(service: BriefService) -> None:
    (answer,) = ask(service, "when was the first round?")
    assert "16 May" in first(answer)


def test_did_the_first_round_bring_a_ceasefire_is_still_its_failure(service: BriefService) -> None:
    (answer,) = ask(service, "did the first round produce a ceasefire?")
    assert "failed to produce" in first(answer)


def test_why_zelensky_waited_to_confirm_his_team(service: BriefService) -> None:
    (answer,) = ask(service, "why did zelensky hold off confirming his team would go to istanbul?")
    assert "only after Operation Spider's Web" in first(answer)


def test_who_led_ukraines_team_is_still_umerov(service: BriefService) -> None:
    (answer,) = ask(service, "who led ukraine's delegation?")
    assert "Umerov" in first(answer)


def test_why_trump_is_on_the_sidelines(service: BriefService) -> None:
    (answer,) = ask(service, "why is trump on the sidelines?")
    assert answer.section_id == "us-position"
    assert any("refusing to blink" in fact.text for fact in answer.facts)


def test_what_happens_if_kyiv_says_no(service: BriefService) -> None:
    (answer,) = ask(service, "what does the kremlin say happens if ukraine says no to its terms?")
    assert "losing more territory" in first(answer)


def test_how_the_new_swap_will_work(service: BriefService) -> None:
    (answer,) = ask(service, "how is the new prisoner swap going to work?")
    assert "severely injured" in first(answer)


def test_how_many_were_swapped_in_may_is_still_the_count(service: BriefService) -> None:
    (answer,) = ask(service, "how many prisoners were swapped in may?")
    assert "1,000" in first(answer)


def test_what_kyiv_brings_to_the_talks_is_its_memorandum(service: BriefService) -> None:
    (answer,) = ask(service, "what is kyiv bringing to istanbul?")
    assert answer.section_id == "memoranda"


def test_what_the_first_round_brought_is_still_the_first_round(service: BriefService) -> None:
    (answer,) = ask(service, "what did the first round bring?")
    assert answer.section_id == "first-round"


def test_the_pro_war_crowd_is_the_war_bloggers(service: BriefService) -> None:
    (answer,) = ask(service, "how did the pro-war crowd react to spider's web?")
    assert "war bloggers" in first(answer)


def test_which_ministry_is_his_role(service: BriefService) -> None:
    (answer,) = ask(service, "which ministry does rustem umerov head?")
    assert "Defence Minister" in first(answer)


def test_on_the_table_asks_whether_it_is_there(service: BriefService) -> None:
    (ceasefire,) = ask(service, "is a ceasefire on the table?")
    (meeting,) = ask(service, "is a meeting between the presidents on the table?")
    assert ceasefire.section_id == "ceasefire"
    assert meeting.section_id == "leaders-meeting"


def test_at_the_table_in_istanbul_is_attending(service: BriefService) -> None:
    (answer,) = ask(service, "is putin at the table in istanbul?")
    assert answer.section_id == "attendance"
    assert "No article reports Putin attending" in first(answer)


def test_who_was_at_the_table_is_still_the_delegations(service: BriefService) -> None:
    (answer,) = ask(service, "who was at the table")
    assert "Medinsky" in first(answer)


def test_other_drones_that_night_are_the_cross_border_fire(service: BriefService) -> None:
    (answer,) = ask(service, "were other drones flying across the border that sunday night?")
    assert "162" in first(answer)


def test_how_long_a_trip_takes_is_not_when_they_flew_in(service: BriefService) -> None:
    rejected(service, "how long is the drive from the airport to the palace?")


def test_how_long_the_talks_lasted_is_still_their_length(service: BriefService) -> None:
    (answer,) = ask(service, "how long did the talks last?")
    assert "less than an hour" in first(answer)


def test_how_long_after_is_still_the_interval(service: BriefService) -> None:
    (answer,) = ask(service, "how long after the drone attack were the talks?")
    assert "a day before" in first(answer)


def test_a_next_move_is_the_next_step(service: BriefService) -> None:
    (answer,) = ask(service, "what is kyiv's next move?")
    assert answer.section_id == "next-steps"


def test_moving_in_to_the_white_house_is_taking_office(service: BriefService) -> None:
    (answer,) = ask(service, "remind me when trump moved in to the white house")
    assert "January" in first(answer)


def test_the_scheduled_start_time_is_the_time_set(service: BriefService) -> None:
    (answer,) = ask(service, "what time were the talks supposed to begin?")
    assert "1 p.m." in first(answer)


def test_whether_they_started_on_time_is_still_the_delay(service: BriefService) -> None:
    (answer,) = ask(service, "did the talks start on time?")
    assert "later than scheduled" in first(answer)


def test_why_the_drone_attack_mattered_for_the_talks(service: BriefService) -> None:
    (answer,) = ask(service, "why did the drone attack matter for the talks?")
    assert "bolstered" in first(answer)


def test_until_and_item_are_linking_words(service: BriefService) -> None:
    (held,) = ask(service, "why did zelensky hold off until the operation was over?")
    (memo,) = ask(service, "what was in ukraine's memo, item by item")
    assert "only after Operation Spider's Web" in first(held)
    assert "30-day ceasefire" in first(memo)


def test_where_talks_should_start_is_their_starting_point(service: BriefService) -> None:
    (answer,) = ask(service, "where does kyiv think territorial talks should start?")
    assert "starting point" in first(answer)


def test_where_the_talks_were_held_is_still_the_venue(service: BriefService) -> None:
    (answer,) = ask(service, "where were the talks held?")
    assert "Ciragan Palace" in first(answer)


def test_which_team_got_there_first(service: BriefService) -> None:
    (answer,) = ask(service, "which team got to istanbul first?")
    assert "Russia's delegation arrived in Istanbul late on Sunday" in first(answer)


def test_when_ukraines_team_arrived_is_still_monday(service: BriefService) -> None:
    (answer,) = ask(service, "when did ukraine's team arrive?")
    assert "early Monday" in first(answer)


def test_the_place_where_they_met_only_says_which_hotel(service: BriefService) -> None:
    rejected(service, "how much does a room cost at the hotel where the talks took place?")
    (answer,) = ask(service, "how many stars does the hotel where they met have?")
    assert "five-star" in first(answer)


def test_a_sum_of_money_is_answered_by_one(service: BriefService) -> None:
    (answer,) = ask(service, "what were the damaged bombers worth in dollars?")
    assert "$7 billion" in first(answer)


def test_how_far_behind_schedule_is_the_delay(service: BriefService) -> None:
    (answer,) = ask(service, "how far behind schedule were the talks?")
    assert "later than scheduled" in first(answer)


def test_why_people_call_him_something_asks_why_he_is(service: BriefService) -> None:
    (answer,) = ask(service, "why do people call medinsky ideological?")
    assert answer.section_id == "russia-delegation"


def test_who_told_the_press_when_still_asks_the_time_told(service: BriefService) -> None:
    (answer,) = ask(service, "who told the russian press when the talks were due to start?")
    assert "Turkish officials" in first(answer)
