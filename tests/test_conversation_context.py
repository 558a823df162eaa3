"""How a turn is read against the one before it: what a pronoun or a demonstrative points at, what "tell me more"
continues with, and that an off-topic turn stays off-topic with context. Real conversations through
`BriefService.ask`, in the test author's own words (not taken from the evaluation sets in tests/eval/).
"""

from __future__ import annotations

import pytest

from bot.core.index import tells
from bot.core.models import Answer
from bot.core.service import BriefService
from tests.test_answers import ask, first, service  # noqa: F401  the real brief's service; one conversation a call


def lead(answer: Answer) -> str:
    assert answer.matched, f"{answer.question!r} was not answered"
    return " ".join(answer.body).casefold()


# ------------------------------------------------------------------ a demonstrative points back


def test_a_demonstrative_keeps_the_conversation_on_what_was_just_discussed(service: BriefService) -> None:
    # "that" is the leaders' meeting Ukraine asks for: the Kremlin's word on it, not the Kremlin's word on the
    # deported children (where "what does the kremlin say" alone would go).
    _, reply = ask(service, "is zelensky keen on a summit with putin?", "and what does the kremlin say to that")
    assert reply.section_id == "leaders-meeting"
    assert "agreements" in lead(reply)


def test_a_demonstrative_on_the_same_topic_reads_the_message_itself(service: BriefService) -> None:
    # Read alone it stays on the topic just discussed and asks something new there: Moscow's side of the list,
    # not the list again.
    _, moscow = ask(service, "what list did kyiv hand over?", "what does russia say about that")
    assert "protect" in lead(moscow)


# ------------------------------------------------------------------ "when" as a conjunction


def test_when_after_another_question_word_is_a_conjunction_not_a_time_question(service: BriefService) -> None:
    # "what did X say when they sat down" asks what was said; a fact giving a time does not answer it.
    (said,) = ask(service, "what did fidan say to the delegations when they sat down")
    assert said.section_id == "turkey-role" and "fidan" in lead(said)
    # "who told reporters when …" still asks who gave the time: the fact giving it names them.
    (told,) = ask(service, "who told reporters when the talks would begin")
    assert "turkish officials" in lead(told)


# ------------------------------------------------------------------ "it": what the last answer led with


def test_it_with_one_new_word_is_answered_by_the_fact_using_that_word(service: BriefService) -> None:
    # "it" is the new prisoner exchange the answer led with; "focus" picks the fact saying whom it focuses on,
    # not the fact the previous question's words score best.
    _, focus = ask(service, "what came out of monday's meeting?", "who does it focus on")
    assert "severely injured" in lead(focus)
    _, include = ask(service, "what came out of monday's meeting?", "who would it include")
    assert "severely injured" in lead(include)


def test_a_short_follow_up_asking_a_kind_of_fact_is_led_by_the_fact_using_its_own_word(
        service: BriefService) -> None:
    # "why that first": no pronoun, but four words asking a reason; "first" picks the fact on why a ceasefire
    # comes first, not the demands just shown again
    _, why = ask(service, "whats kyivs main ask", "why that first")
    assert "pause in the fighting" in lead(why)


def test_it_with_a_word_the_brief_does_not_cover_stays_unanswered(service: BriefService) -> None:
    for question in ("how much will it cost", "who pays for it"):
        _, answer = ask(service, "what came out of monday's meeting?", question)
        assert not answer.matched, question
    _, pages = ask(service, "did moscow give kyiv its memorandum?", "how many pages is it")
    assert not pages.matched


# ------------------------------------------------------------------ who puts out a figure


def test_who_gave_a_figure_just_shown_is_answered_with_who_claims_it(service: BriefService) -> None:
    _, source = ask(service, "how many people have been killed or injured since 2022?", "who came up with that figure")
    assert source.section_id == "war-toll" and "united states" in lead(source)
    _, whose = ask(service, "how many drones did russia launch overnight?", "whose numbers are those")
    assert whose.section_id == "battlefield" and "according to" in lead(whose)
    # Not a question about a figure: read as itself.
    _, drones = ask(service, "how many drones did russia launch overnight?", "who gave russia the drones")
    assert not drones.matched


# ------------------------------------------------------------------ names the brief does not give


def test_a_topic_summary_that_names_none_of_them_does_not_answer_which_ones_exactly(service: BriefService) -> None:
    # The summary says "multiple Russian airbases": it names none, so "which exactly" stays unanswered.
    *_, bases = ask(service, "what did spider's web do?", "how many bombers got damaged", "ok which air bases exactly")
    assert not bases.matched
    # A summary or fact that does name it still answers.
    _, palace = ask(service, "who led russia's delegation?", "and what's the name of the palace they met in")
    assert "ciragan" in lead(palace)


# ------------------------------------------------------------------ "and russia's view?"


def test_and_someones_view_asks_their_stance_on_what_was_just_discussed(service: BriefService) -> None:
    # Kyiv's security guarantees, then Moscow's view of them: Russia has ruled them out.
    for swap in ("and russia's view?", "and moscow's view?"):
        _, view = ask(service, "what security guarantees is ukraine after?", swap)
        assert "ruled out" in lead(view), swap
    # Someone the articles give no view of stays unanswered.
    _, china = ask(service, "what security guarantees does kyiv want?", "and china's view?")
    assert not china.matched


# ------------------------------------------------------------------ another occasion's time


def test_the_time_of_something_still_to_come_is_not_the_time_of_the_talks(service: BriefService) -> None:
    # "it" is the new exchange, still to come: the talks' own day does not answer when it will be.
    for question in ("and what date will it happen", "what day will that be"):
        _, when = ask(service, "was a new swap of prisoners agreed?", question)
        assert not when.matched, question
    # The talks' own time, asked in the past tense, still is.
    _, held = ask(service, "who led russia's team?", "when were the talks held?")
    assert "monday" in lead(held)


def test_the_time_or_place_of_something_still_to_come_is_answered_only_by_a_fact_telling_what_is_to_come(
        service: BriefService) -> None:
    # No fact gives a day for a leaders' meeting or a city for the next round: what Zelensky said on Sunday Umerov
    # "would" do, and the talks' own venue, tell of the talks that are over.
    _, leaders = ask(service, "did putin and zelensky agree to meet?", "so when will they sit down together?")
    assert not leaders.matched
    # the present for what is planned asks the same ("since when is the war going on" asks a past date)
    _, planned = ask(service, "did putin and zelensky agree to meet?", "ok so when are they meeting?")
    assert not planned.matched
    (swap,) = ask(service, "when exactly is the agreed prisoner exchange taking place?")
    assert not swap.matched
    _, city = ask(service, "what comes after istanbul?", "which city will they meet in?")
    assert not city.matched
    _, swap = ask(service, "was a new prisoner exchange agreed?", "where will it take place?")
    assert not swap.matched
    # The next round's deadline is still to come, and the brief gives it.
    _, deadline = ask(service, "what comes after istanbul?", "when will that happen?")
    assert "end of june" in lead(deadline)
    # A future reported in the past is what someone said then: the day they said it answers it.
    (announced,) = ask(service, "when did zelensky announce that umerov would lead the delegation?")
    assert "sunday" in lead(announced)


# ------------------------------------------------------------------ a part of what was just counted


def test_how_many_of_those_asks_a_part_of_the_count_just_shown(service: BriefService) -> None:
    # The casualty toll has no breakdown: the troops massed near Sumy are another count, not a part of it.
    _, part = ask(service, "how many people have been killed or injured since 2022?",
                  "how many of those were russian soldiers")
    assert not part.matched
    # A part the topic does give is still answered: of Russia's drones, those Ukraine shot down.
    _, shot = ask(service, "how many drones did russia launch overnight?", "how many of those got shot down")
    assert "52" in lead(shot)


# ------------------------------------------------------------------ "the other way round"


def test_the_other_way_round_asks_the_previous_question_with_the_sides_swapped(service: BriefService) -> None:
    # Never "round" as the talks: Russia's downing of Ukraine's drones.
    *_, reverse = ask(service, "how many drones did moscow send over on sunday night?", "and how many were downed?",
                      "ok what about the other way around")
    assert reverse.section_id == "battlefield" and "162" in lead(reverse)
    _, versa = ask(service, "how many drones did ukraine shoot down?", "and vice versa?")
    assert "162" in lead(versa)


# ------------------------------------------------------------------ "and the russians?": the same question of them


def test_and_the_other_side_asks_the_previous_question_of_them_not_who_they_are(service: BriefService) -> None:
    # The previous turn asked a time: "and moscow's?" asks when the Russians arrived, not who led them.
    for arrived in ("when did kyiv's delegation get to istanbul?", "when did the ukrainian team arrive in istanbul"):
        for swap in ("and moscow's?", "what about the russian ones?"):
            _, russians = ask(service, arrived, swap)
            assert russians.section_id == "russia-delegation" and "sunday" in lead(russians)
    _, ukrainians = ask(service, "on what day did moscow's negotiators fly in?", "and kyiv's?")
    assert "monday" in lead(ukrainians)
    # The previous turn asked a person: "and russia's?" is still who led them.
    _, led = ask(service, "who headed ukraine's delegation?", "and russia's?")
    assert "medinsky" in lead(led)


def test_the_same_count_of_a_place_the_brief_does_not_count_stays_unanswered(service: BriefService) -> None:
    # The brief counts the troops near Sumy and none elsewhere: the count there is not the one asked for.
    _, kharkiv = ask(service, "how many soldiers has russia massed near sumy?", "and how many near kharkiv?")
    assert not kharkiv.matched


def test_and_a_new_word_asks_the_previous_question_about_it(service: BriefService) -> None:
    # "what about its military?" after what Kyiv's roadmap seeks on land: what the roadmap seeks on its military,
    # not Ukraine's demands again.
    for swap in ("what about its military?", "and its army?"):
        _, army = ask(service, "what does kyiv's roadmap seek on land?", swap)
        assert "no restrictions on ukraine's military" in lead(army), swap


# ------------------------------------------------------------------ "he" beside another name


def test_he_is_the_one_just_discussed_even_beside_another_name(service: BriefService) -> None:
    # "he" is Kalin; that Putin is named too does not make a fact about Putin's meetings answer it.
    _, met = ask(service, "who is ibrahim kalin?", "did he ever meet putin?")
    assert not met.matched
    # Answered when the facts are about him: Trump called Putin "crazy".
    _, called = ask(service, "what's trump's position?", "what did he call putin")
    assert "crazy" in lead(called)


# ------------------------------------------------------------------ "where did he post it"


def test_where_something_was_posted_asks_the_medium_not_a_place(service: BriefService) -> None:
    # A social media post is where he said it; no fact naming a place is wanted.
    _, where = ask(service, "what did zelensky post on sunday", "where did he post that")
    assert "social media" in lead(where)


def test_and_kyivs_after_a_who_question_makes_he_the_person_it_was_answered_with(service: BriefService) -> None:
    # "and kyiv's?" asks who led Kyiv's side: Umerov. "he" next is Umerov, so the facts about him lead.
    *_, scandal = ask(service, "who led moscow's negotiators in istanbul this time?", "and kyiv's?", "how old is he",
                      "isn't he mixed up in a scandal back home")
    assert "abuse of power" in lead(scandal)


def test_a_pronoun_carries_what_the_previous_turn_asked(service: BriefService) -> None:
    # "them" is the direct talks just discussed: the one new word ("urged") is not all the turn asks.
    _, urged = ask(service, "is this the first time they've talked directly since the invasion?",
                   "who urged them to do it")
    assert "trump" in lead(urged)
    _, focus = ask(service, "what did the talks agree?", "who will it focus on")
    assert "severely injured" in lead(focus)
    # What the brief does not say stays unanswered: no article says who paid for it.
    _, paid = ask(service, "what did the talks agree?", "who paid for it")
    assert not paid.matched


# ------------------------------------------------------------------ "tell me more"


def test_tell_me_more_continues_past_everything_the_conversation_has_seen_of_the_topic(
        service: BriefService) -> None:
    # Two turns on the first round, then "more": nothing from either turn again, and the count it promised.
    date, result, more = ask(service, "when was round one?", "what came of it?", "tell me more")
    assert date.section_id == result.section_id == more.section_id == "first-round"
    seen = {fact.text for answer in (date, result) for fact in answer.facts}
    assert more.facts and not seen & {fact.text for fact in more.facts}
    assert result.more == more.more + len(more.facts)


# ------------------------------------------------------------------ where and when that was said


def test_where_or_when_something_just_shown_was_said_is_answered_by_the_fact_just_shown(
        service: BriefService) -> None:
    # The fact just shown tells it: "in a social media post on Sunday".
    for question in ("where did he announce that?", "when did he post it?"):
        _, said = ask(service, "what are zelensky's three demands?", question)
        assert said.section_id == "ukraine-position" and "social media post on sunday" in lead(said), question
    # "on what day?" asks the same of it, as "when?" does.
    _, day = ask(service, "what did zelensky demand before the talks?", "on what day?")
    assert "sunday" in lead(day)


# ------------------------------------------------------------------ the amount of what was just shown


def test_how_much_money_asks_the_amount_the_fact_just_shown_counts(service: BriefService) -> None:
    # The answer just given counts the money ("hundreds of billions of dollars"): "how much cash?" asks that
    # amount, and "are we talking" is an idiom, not the talks.
    for question in ("how much cash", "how much cash are we talking here?"):
        _, amount = ask(service, "what does moscow want in return on sanctions", question)
        assert amount.section_id == "russia-position" and "hundreds of billions" in lead(amount)


def test_how_much_money_after_a_fact_without_an_amount_stays_unanswered(service: BriefService) -> None:
    # The scandal around Umerov and the prisoners swapped in May give no sum of money: the brief has none to give.
    for before in ("what is umerov accused of", "how many prisoners were swapped in may"):
        _, amount = ask(service, before, "how much money")
        assert not amount.matched
    _, offered = ask(service, "what does moscow want in return on sanctions", "how much money did trump offer")
    assert not offered.matched


# ------------------------------------------------------------------ a bare "when?"


def test_a_bare_when_asks_the_time_of_what_the_answer_just_said(service: BriefService) -> None:
    # The answer on what comes next names Umerov, Trump and Kellogg; "by when?" carries them all over, and the fact
    # giving the time names only Umerov. One of them is enough: it asks when the next round should be.
    for question in ("by when?", "and when?", "when"):
        _, when = ask(service, "what happens after istanbul?", question)
        assert when.section_id == "next-steps" and "end of june" in lead(when)


# ------------------------------------------------------------------ "his day job"


def test_his_day_job_asks_his_job_not_a_day(service: BriefService) -> None:
    # "day job" is a job: the card of the man just named, not a fact giving a day.
    _, job = ask(service, "who headed ukraine's side?", "so what's his day job then?")
    assert "defence minister" in lead(job)


# ------------------------------------------------------------------ "and kyiv's response?"


def test_and_their_response_is_answered_by_the_fact_giving_it_not_the_topic_summary(service: BriefService) -> None:
    # Russia says Kyiv should give in; "and ukraine's response?" asks what Kyiv says to that, which one fact gives
    # (told beside Russia's terms, and in Ukraine's position). Ukraine's own demands do not answer it.
    _, response = ask(service, "what is moscow telling ukraine to do?", "and ukraine's response?")
    assert "capitulate" in lead(response) and "ceasefire" not in lead(response)


# ------------------------------------------------------------------ "what are they called?"


def test_what_they_are_called_asks_a_name_the_brief_may_not_give(service: BriefService) -> None:
    # The textbooks and the four regions are never named: "called" asks their names, not Trump calling Putin names.
    _, _, books = ask(service, "tell me about medinsky", "has he written anything?", "what are those called")
    assert not books.matched
    _, regions = ask(service, "what land does moscow want kyiv to leave?", "and what are the regions called?")
    assert not regions.matched
    # Something the reader names by another word is called by its own name: the drone raid is Spider's Web.
    (raid,) = ask(service, "what was sunday's drone raid called?")
    assert "spider" in lead(raid)
    # or by a word of its own name: "the operation" is Operation Spider's Web
    _, operation = ask(service, "how many bombers did ukraine hit?", "what was the operation called?")
    assert "spider" in lead(operation)


# ------------------------------------------------------------------ "that round": the occasion just discussed


def test_that_round_is_the_occasion_the_previous_turn_was_about(service: BriefService) -> None:
    # After the first round, "that round" is the first round: Monday's talks (under an hour, Medinsky's team) do
    # not answer what the brief does not say of it.
    _, length = ask(service, "what came out of the may round?", "how long did that meeting go on for?")
    assert not length.matched
    # What the brief does say of it is answered from it: no ceasefire there either.
    _, truce = ask(service, "how many prisoners were swapped in may?", "and did that round produce a truce?")
    assert truce.section_id == "first-round" and "ceasefire" in lead(truce)
    # Without an occasion before it, "that meeting" is read as ever: Monday's talks.
    _, monday = ask(service, "who led russia's delegation?", "how long did that meeting last?")
    assert "less than an hour" in lead(monday)


# ------------------------------------------------------------------ who said what was just shown


def test_who_said_they_would_asks_who_reported_what_was_just_said(service: BriefService) -> None:
    # "who said they would come?" asks who reported the advisers' coming, not who said anything about attending.
    _, said = ask(service, "which european governments sent advisers?", "who said they would come?")
    assert said.section_id == "european-advisers" and "spokesperson" in lead(said)
    # "he's", "they're": the same question with its verb contracted
    _, contracted = ask(service, "who is ibrahim kalin?", "who said he's coming?")
    assert contracted.matched and "ria novosti" in " ".join(contracted.body).casefold()


def test_who_announced_it_leads_with_a_fact_naming_who_did(service: BriefService) -> None:
    # The fact just shown says only that the delegations agreed; the one naming who announced it leads.
    _, announced = ask(service, "did the delegations agree on anything monday?", "who announced that?")
    assert announced.section_id == "outcomes" and "umerov" in lead(announced)


def test_a_card_that_only_mentions_what_is_asked_does_not_name_it(service: BriefService) -> None:
    # Europe's card says a German government spokesperson spoke; it names no spokesperson.
    _, name = ask(service, "what's europe's part in all this?", "what's the spokesperson's name?")
    assert not name.matched
    # A card whose role is what is asked names it: Trump's Ukraine envoy is Keith Kellogg.
    (envoy,) = ask(service, "who is trump's man for ukraine? name pls")
    assert "kellogg" in lead(envoy)


# ------------------------------------------------------------------ "it" with no word of its own


def test_it_alone_asks_something_new_of_what_the_previous_question_asked_about(service: BriefService) -> None:
    # "it" is Kyiv's memorandum; not Umerov, whom the answer named, nor "who" again: what the memorandum holds.
    _, contents = ask(service, "who reviewed kyiv's memo?", "what's in it?")
    assert contents.section_id == "memoranda" and "30-day" in lead(contents)


# ------------------------------------------------------------------ "did they ever meet before?"


def test_whether_they_ever_met_is_not_answered_by_a_meeting_only_wanted(service: BriefService) -> None:
    # The brief says Zelensky wants to meet Putin and the Kremlin puts it off; it tells of no time they met.
    _, ever = ask(service, "does zelensky want a sit-down with putin?", "have they ever met in person?")
    assert not ever.matched
    # The delegations did meet before, at the first round: that is answered.
    (before,) = ask(service, "have the two sides met before?")
    assert "first round" in lead(before)


# ------------------------------------------------------------------ what a document holds


def test_what_a_document_holds_is_answered_only_by_a_fact_giving_its_contents(service: BriefService) -> None:
    # Moscow's draft was handed over in person and never made public: the brief gives none of its contents.
    (items,) = ask(service, "list moscow's memorandum item by item")
    assert not items.matched
    # Kyiv's, which Reuters saw, is answered with what it includes.
    _, kyiv = ask(service, "did russia hand its draft to kyiv?", "what does kyiv's own memo contain?")
    assert "30-day" in lead(kyiv)


# ------------------------------------------------------------------ a count for a month or a day


def test_a_count_for_a_month_is_not_answered_by_a_total(service: BriefService) -> None:
    # The brief gives all the land Russia holds, not what it took in one month.
    _, may = ask(service, "how much of ukraine does russia hold?", "how many sq km did russia win in may")
    assert not may.matched
    # A count whose fact names the day is answered.
    (sunday,) = ask(service, "how many drones did russia send over on sunday?")
    assert "80" in lead(sunday)


# ------------------------------------------------------------------ another party's stance, in words of its own


def test_another_partys_stance_is_read_in_the_topic_just_answered(service: BriefService) -> None:
    # "justification", "line": Moscow's word on the children just discussed, a fact Moscow is the subject of.
    for question in ("and moscow's justification?", "what's the kremlin's line?"):
        _, stance = ask(service, "what list did kyiv's team hand over?", question)
        assert stance.section_id == "children" and "protect" in lead(stance), question
    # Of the facts naming the Kremlin, the one where it does something leads, not "Kremlin aide Medinsky".
    _, truce = ask(service, "whose idea were the direct talks?", "so the kremlin accepted a truce?")
    assert "dismissed" in lead(truce)
    # A party the topic has nothing from stays unanswered.
    _, china = ask(service, "what list did kyiv's team hand over?", "and china's line?")
    assert not china.matched


def test_a_side_of_it_or_whether_a_party_agrees_is_their_stance(service: BriefService) -> None:
    # "russia's side of it" after Kyiv's list of children: Moscow's word on it, not Yermak's again
    _, side = ask(service, "what was the issue with kids that came up?", "what's russia's side of it?")
    assert side.section_id == "children" and "protect" in lead(side)
    # a fact holding the stance asked ("agree": the two sides' starkly different assessments) before one where
    # someone Russian only speaks (war bloggers calling for retaliation)
    _, agree = ask(service, "how many bombers did ukraine destroy?", "does russia agree with that number?")
    assert "different assessments" in lead(agree)


@pytest.mark.parametrize("question", [
    "how did putin respond to trump calling him crazy?",  # Putin is called crazy; nothing he said is reported
    "how did zelensky react to being berated in the oval office?",
])
def test_a_reaction_no_leading_fact_reports_is_turned_down(service: BriefService, question: str) -> None:
    (fresh,) = ask(service, question)
    assert not fresh.matched
    _, after = ask(service, "who led russia's delegation?", question)  # after an answered question too
    assert not after.matched


def test_a_reaction_the_brief_reports_is_answered(service: BriefService) -> None:
    # Kyiv's reaction through its negotiator (Umerov speaks for Kyiv); Russia's through its angry war bloggers
    (kyiv,) = ask(service, "how did kyiv respond to russia's memorandum?")
    assert "unable to react" in lead(kyiv)
    (russia,) = ask(service, "how did russia react to the drone attack?")
    assert "retaliatory" in lead(russia)


def test_russian_media_told_the_start_time_is_not_the_outlet_that_named_kalin(service: BriefService) -> None:
    # "Russian state media" was told the 1 p.m. start by Turkish officials; RIA Novosti is the outlet that cited a
    # source on Kalin, and "which russian media outlet" still names it
    _, told = ask(service, "when were the talks meant to begin?", "who told russian media that?")
    assert "turkish officials" in lead(told).casefold()
    (ria,) = ask(service, "which russian media outlet said kalin would take part?")
    assert "ria novosti" in lead(ria).casefold()


def test_a_partys_view_of_what_was_just_asked_leads_with_their_word_on_it(service: BriefService) -> None:
    # Russia's take on the security guarantees just asked about: it ruled them out (not its terms for Kyiv)
    _, take = ask(service, "what security guarantees does ukraine want?", "russia's take on those?")
    assert "ruled out" in lead(take)
    # Russia's word on Kyiv's bomber claim: the two sides' starkly different assessments
    _, damage = ask(service, "how many bombers did ukraine say it damaged?", "what does russia say?")
    assert "different assessments" in lead(damage)


def test_the_name_of_where_both_sides_met_is_the_venue(service: BriefService) -> None:
    # both sides together are the talks: the venue's name leads, not the fact naming both delegations
    (name,) = ask(service, "what's the name of the place where the russians and the ukrainians sat down?")
    assert "ciragan" in first(name).casefold()


def test_a_leaders_team_is_his_sides_delegation(service: BriefService) -> None:
    # "medinsky's team" arrived when Russia's delegation did; not the 2022 talks he led
    (landed,) = ask(service, "when did medinsky's team land in istanbul?")
    assert "sunday" in first(landed).casefold()


def test_a_topic_two_related_topics_answer_is_answered(service: BriefService) -> None:
    # Russia ruled the guarantees out, Ukraine wants them: either topic answers, so their closeness is no doubt
    (guarantees,) = ask(service, "what about security guarantees?")
    assert guarantees.matched and "security guarantees" in lead(guarantees)


def test_his_position_is_the_post_he_holds_unless_a_stance_on_something_is_asked(service: BriefService) -> None:
    _, post = ask(service, "who led ukraine's team?", "whats his position")
    assert "defence minister" in lead(post).casefold()
    # "his position on a ceasefire" asks a stance, which no fact gives for Umerov
    _, stance = ask(service, "who led ukraine's team?", "whats his position on a ceasefire")
    assert "defence minister" not in lead(stance).casefold() if stance.matched else True


def test_he_after_a_who_question_is_whom_the_answer_named(service: BriefService) -> None:
    # the question guessed Zelensky; the answer named Umerov, and "he" is Umerov
    _, arrived = ask(service, "who headed ukraine's team, was it zelensky?", "when did he get to istanbul?")
    assert "early monday" in first(arrived).casefold()
    # a claim naming someone the brief does not know: "he" is whom the answer named
    _, who = ask(service, "they told me lavrov led the russians in istanbul, true?", "so who is he?")
    assert "kremlin aide" in first(who).casefold()


def test_what_one_side_says_the_other_should_do_is_not_the_other_sides_word(service: BriefService) -> None:
    # "Moscow says Kyiv should submit …" is Moscow's word, and "regions claimed … by Russia" is no claim of Ukraine's:
    # neither is Kyiv's answer to Russia's terms.
    _, answer = ask(service, "what are moscow's terms for ending the war?", "and what does kyiv say to that?")
    said = first(answer).casefold() if answer.matched else ""
    assert "should submit" not in said and "require ukraine" not in said, said
    # Kyiv's word on Russia's approach is told beside Russia's terms: that it is an attempt to force it to capitulate.
    for opener, question in (("what are moscow's terms for ending the war?", "and what does kyiv say to that?"),
                             ("what does moscow say kyiv should do", "how does kyiv read that"),
                             ("what does russia demand?", "what does ukraine call that"),
                             ("what does russia want?", "and ukraine says?")):
        _, answer = ask(service, opener, question)
        assert "capitulate" in first(answer), question
    # Asked what Kyiv itself wants, it is still Kyiv's own demands.
    _, own = ask(service, "what does russia demand?", "what does ukraine want?")
    assert own.section_id == "ukraine-position" and "ceasefire" in first(own)


def test_a_partys_stance_that_lives_in_another_topic_is_found_by_what_was_just_said(service: BriefService) -> None:
    # Moscow's "root causes" are answered from Russia's position; Kyiv's and the West's word on them is a fact of
    # another topic (their rejection, and in the same breath the "imperialist land grab"): the conversation moves
    # there, rather than giving a Russian fact that only mentions Ukraine.
    for opener, question in (("what is moscow getting at with this 'root causes' line?", "and how do kyiv and the "
                              "west view that?"),
                             ("explain the root causes demand", "what's the west's response to it")):
        _, stance = ask(service, opener, question)
        assert stance.section_id == "european-advisers", question
        assert "rejected" in lead(stance) and "land grab" in lead(stance), question
    # The topic just answered keeps the stance when it has one about what was asked: Russia on the security
    # guarantees Ukraine wants.
    _, guarantees = ask(service, "which security guarantees is kyiv after?", "would moscow accept those?")
    assert "ruled out" in lead(guarantees)
    # A stance elsewhere that only shares what the last answer mentioned in passing is not that one: China has
    # none anywhere, so the question stays unanswered.
    _, china = ask(service, "explain the root causes demand", "and how does china see it?")
    assert not china.matched


def test_a_one_word_question_the_conversation_filled_in_leaves_the_conversations_question_going_on(
        service: BriefService) -> None:
    # "from how many in total?" qualified how many drones Kyiv downed for one answer (Russia's 80): the next swap
    # asks that question of Russia (its 162 of Kyiv's), not the total again, nor anything about the venue.
    opener = "how many of russia's drones did kyiv bring down on sunday night?"
    for fragment, swap in (("from how many in total?", "what about russia?"), ("from what total?", "and vice versa?")):
        *_, reply = ask(service, opener, fragment, swap)
        assert reply.section_id == "battlefield" and "162" in lead(reply), swap
    # Two words of its own ask something new: "is that a record?" after how many fled asks about the fleeing.
    *_, record = ask(service, "when did the full-scale invasion begin?", "how many had to flee their homes?",
                     "biggest since when?")
    assert "world war ii" in lead(record)


def test_a_word_of_what_was_just_said_pointed_at_asks_nothing_new_of_a_party(service: BriefService) -> None:
    # "that meeting" names the leaders' meeting the last answer told of: the message still asks nothing but the
    # Kremlin's word on it, so their stance leads (not a fact of another topic with "meeting" in it).
    _, reply = ask(service, "whom does zelensky want to talk to directly?", "and what has moscow said about that meeting?")
    assert reply.section_id == "leaders-meeting" and "pushed back" in lead(reply)


def test_a_person_named_beside_a_word_of_its_own_is_an_aspect_not_a_swap(service: BriefService) -> None:
    # "talks with putin" after Zelensky's demands asks about Zelensky's wish to meet Putin; "and putin?" alone
    # still swaps (Putin's own demands).
    for question in ("and talks with putin?", "what about a meeting with putin himself?"):
        _, aspect = ask(service, "what is zelensky demanding?", question)
        assert aspect.section_id == "leaders-meeting", question
    _, swap = ask(service, "what is zelensky demanding?", "and putin?")
    assert swap.section_id == "russia-position"
    # A word for the kind of fact asked ("these days") is not such a word: still a swap, and off the brief.
    _, biden = ask(service, "whose war does trump say it is?", "and what is biden doing these days?")
    assert not biden.matched


def test_a_pronoun_resolved_keeps_its_place_so_a_later_swap_replaces_whom_the_question_named(
        service: BriefService) -> None:
    # "he" in "what has he called putin?" is Trump, asked about Putin: "and zelensky?" next swaps Putin (what Trump
    # did to Zelensky), not Trump (what Zelensky called for).
    for swap in ("and zelensky?", "what about zelensky?"):
        *_, reply = ask(service, "is trump still saying he might walk away?", "what has he called putin?", swap)
        assert reply.section_id == "us-position" and "oval office" in lead(reply), swap


def test_what_a_party_said_to_that_is_their_word_on_what_the_last_answer_said(service: BriefService) -> None:
    # "say" asks their stance when the message asks nothing else: the Kremlin's word on the meeting Zelensky just
    # asked for, not what Moscow says about the deported children (where "what did russia say" alone would go).
    for question in ("what did russia say about it", "and what did the russians say to that?"):
        _, reply = ask(service, "whom does zelensky want to talk to directly?", question)
        assert reply.section_id == "leaders-meeting" and "agreements" in lead(reply), question
    # A question of its own with "say" in it is answered as itself.
    _, never = ask(service, "whom does zelensky want to talk to directly?", "what does kyiv say it will never do?")
    assert "capitulate" in lead(never)


def test_a_short_count_in_the_topic_just_discussed_needs_a_fact_giving_that_count(service: BriefService) -> None:
    # The brief says a list of deported children was handed over, never how many it names: read in the topic just
    # discussed, the count is still unanswered (the list's own fact is not a number).
    for question in ("how many kids are on that list?", "how many children does the list have?"):
        *_, count = ask(service, "what did kyiv's delegation hand over about children?", "and the kremlin's line?",
                        question)
        assert not count.matched, question


def test_they_with_a_question_of_its_own_stands_for_the_party_not_the_previous_question(service: BriefService) -> None:
    # "they" is Russia; "how much territory … control" asks enough of its own, so Russia's demands (the previous
    # question's words) do not pull the answer back to the four regions it demands.
    _, held = ask(service, "what are russia's conditions for peace?", "how much territory do they control at the moment?")
    assert held.section_id == "territory" and "fifth" in lead(held)
    # One pointing at what was discussed ("that") still asks about it: why Russia wants what it demands.
    _, why = ask(service, "what are russia's conditions for peace?", "why do they want that?")
    assert why.section_id == "russia-position"


def test_whom_something_is_for_is_answered_by_whom_it_focuses_on(service: BriefService) -> None:
    # "who's it for?" asks whom the agreed exchange is meant for, not who announced it (the person fact "who" alone
    # would find).
    for question in ("who was it for", "who is that exchange meant for?", "for whom?"):
        _, reply = ask(service, "what was decided in istanbul?", question)
        assert "severely injured" in lead(reply), question


def test_theirs_points_back_at_what_the_previous_question_asked_about(service: BriefService) -> None:
    # "theirs" is the other side's memorandum: the previous question asked about another party, not about Kyiv's
    # delegation (where "did kyiv share" alone would go).
    _, theirs = ask(service, "when did russia hand over its peace proposals?", "and did kyiv share theirs?")
    assert theirs.section_id == "memoranda" and "30-day ceasefire" in lead(theirs)


def test_the_words_read_for_a_stance_are_the_brief_s_own_kept_once_per_brief(service: BriefService) -> None:
    # `_says` reads each fact's words once per loaded brief; what readers send never goes there, so however many
    # stance questions come in, what is kept is bounded by the brief.
    for question in ("and moscow's justification?", "what's the kremlin's line?", "and kyiv's take on that?",
                     "so the kremlin accepted a truce?", "what did kalin say?", "who said that?"):
        ask(service, "what list did kyiv's team hand over?", question)
    matcher = service.store.current.matcher
    brief_texts = {t for s in matcher.sections for t in (s.answer or "", *(f.text for f in s.facts))}
    # and what its cards and figures say, as a leading unit says it (a reaction asked is checked against those too)
    brief_texts |= {f"{e.name}: {e.role}" for e in matcher.brief.entities}
    brief_texts |= {f"{f.label} {f.value} {f.unit}" for s in matcher.sections for f in s.figures}
    assert matcher._read_words and set(matcher._read_words) <= brief_texts
    kept = dict(matcher._read_words)
    ask(service, "what list did kyiv's team hand over?", "and moscow's justification?")
    assert matcher._read_words == kept  # read once: asked again, nothing new is read


# ------------------------------------------------------------------ "what else?": not what was just shown


def test_what_else_is_answered_by_facts_not_shown_yet(service: BriefService) -> None:
    # "other"/"else" asks for the same kind of answer as the last one, but not it: the demand just shown (dropping
    # NATO ambitions), the roadmap's point on the army, are not "other demands" or "anything else in it".
    nato, other = ask(service, "what did russia want ukraine to drop?", "any other demands?")
    assert "nato ambitions" in lead(nato)
    assert "nato ambitions" not in lead(other) and other.section_id == "russia-position"
    assert "sanctions relief" in lead(other) or "four" in lead(other)
    army, rest = ask(service, "what did ukraine's roadmap say about the military?", "anything else in the roadmap?")
    assert "military strength" in lead(army)
    assert "military strength" not in lead(rest) and "roadmap" in lead(rest)


def test_anything_else_asks_the_previous_question_again_past_what_it_showed(service: BriefService) -> None:
    # "anything else?" after the May round's demands: the topic's summary told the demands; what else the round
    # brought, not the same sentences again. A card summing up the occasion is that summary again.
    first_answer, more = ask(service, "what were russia's terms at the may round?", "what else?")
    assert more.section_id == "first-round"
    assert not set(more.body) & set(first_answer.body)
    assert "first round of talks (16 may)" not in lead(more)


def test_what_else_about_someone_gives_the_card_that_says_more(service: BriefService) -> None:
    # A card that says more than the facts shown (Medinsky's past) is something else; one restating them is not.
    _, known = ask(service, "who headed moscow's team?", "what else is he known for?")
    assert "textbooks" in lead(known) or "2022" in lead(known)


def test_who_else_is_someone_not_named_yet(service: BriefService) -> None:
    # After Fidan, Turkey's card (which names only Fidan) tells of no one else: Kalin, expected to take part, does.
    fidan, other = ask(service, "which turkish official spoke at the start of the talks?", "who else from turkey was there?")
    assert "fidan" in lead(fidan)
    assert "kalin" in lead(other) and "fidan" not in lead(other)


def test_does_another_party_agree_asks_their_word_on_it(service: BriefService) -> None:
    # not "agreed" as in what the talks agreed (the prisoner exchange)
    _, kremlin = ask(service, "who does ukraine think can resolve the key issues?", "does the kremlin agree?")
    assert "pushed back" in lead(kremlin)


def test_what_else_with_a_question_of_its_own_is_read_as_itself(service: BriefService) -> None:
    # "else" does not make the previous question's words the question: "for fun" asks what the brief never says.
    _, fun = ask(service, "who headed moscow's team?", "what else does he do for fun?")
    assert not fun.matched
    _, hobby = ask(service, "what did ukraine's roadmap say about the military?", "what else does zelensky enjoy?")
    assert not hobby.matched


# ------------------------------------------------------------------ "and <someone>?" after a question naming two


def test_a_new_person_swaps_the_last_named_and_keeps_the_other(service: BriefService) -> None:
    # "what did trump say about putin?" then "and about zelensky?": Trump's word on Zelensky (the Oval Office), not
    # Zelensky's own demands; the person the previous question was about is the one swapped.
    for opener, follow_up in (("what has trump said about putin?", "and about zelensky?"),
                              ("how did trump describe putin?", "and zelensky?")):
        _, swapped = ask(service, opener, follow_up)
        assert swapped.section_id == "us-position", follow_up
        assert "oval office" in lead(swapped) or "berated" in lead(swapped), follow_up


def test_a_swap_naming_a_country_or_after_one_name_swaps_the_whole_question(service: BriefService) -> None:
    # A country is swapped with what it asked as before ("and the us?" asks what the US wants), and whom an answer
    # named (Medinsky) was not asked, so it is not kept beside Ukraine.
    _, us = ask(service, "what does russia want from ukraine?", "and the us?")
    assert us.section_id == "us-position"
    _, team = ask(service, "who led russia's team?", "and ukraine's?")
    assert "umerov" in lead(team) and "medinsky" not in lead(team)


# ------------------------------------------------------------------ this round, or another occasion


def test_a_bare_count_after_an_occasion_counts_what_that_occasion_did(service: BriefService) -> None:
    # The May round's summary tells of its prisoner swap; "how many prisoners?" asks that swap's count, which the
    # brief gives in another topic (the exchanges) in a fact about that round.
    _, count = ask(service, "what did the may round produce?", "how many prisoners?")
    assert "1,000" in lead(count)


def test_this_time_asks_about_the_brief_own_talks_not_an_earlier_occasion(service: BriefService) -> None:
    # "this time", "round two": the first round's swap of 1,000 does not answer it; the brief gives no count for
    # the new exchange, so a count is not known ...
    for question in ("how many prisoners were released this time?", "how many captives will be exchanged in round two?"):
        (answer,) = ask(service, question)
        assert not answer.matched or "1,000" not in lead(answer), question
    # ... and after the first round's outcome, "and this time round?" asks what these talks agreed.
    _, now = ask(service, "what did the may talks yield?", "and this time round?")
    assert now.section_id == "outcomes" and "new prisoner exchange" in lead(now)
    # A count right after asking about this time is of this time too ...
    _, count = ask(service, "who's going to be swapped this time?", "how many prisoners exactly?")
    assert not count.matched or "1,000" not in lead(count)
    # ... unless it names the earlier occasion, which still gets its count.
    _, then = ask(service, "who's going to be swapped this time?", "and how many at the first round?")
    assert "1,000" in lead(then)
    (may,) = ask(service, "how many prisoners were swapped at the first round?")
    assert "1,000" in lead(may)


# ------------------------------------------------------------------ a name of someone the brief never names


def test_the_name_of_someone_the_brief_never_names_is_not_answered_with_facts_about_their_service(
        service: BriefService) -> None:
    # The security service planned Spider's Web; the brief names no one who heads it. A name of a person asked
    # ("their chief's name", "the person who runs that service") is not given by facts about the service, and the
    # reading that leaves "the name of" out ("who runs that service"), turned down for that, is not lifted again
    # for asking little after an answer on the topic.
    _, chief = ask(service, "who said the operation took 18 months?", "and their chief's name?")
    assert not chief.matched
    _, runs = ask(service, "how did ukraine sneak the drones in?", "who was behind the plan?",
                  "ok and the name of the person who runs that service?")[1:]
    assert not runs.matched
    # A name the brief does give is still given.
    _, umerov = ask(service, "who led the russian delegation?", "what's the name of the head of ukraine's team?")
    assert "umerov" in lead(umerov)


# ------------------------------------------------------------------ "the other side"


def test_the_other_side_is_the_side_the_previous_turn_was_not_about(service: BriefService) -> None:
    # After a question about one of the two sides, "the other side" names the other: a swap, as "and russia?" is.
    _, led = ask(service, "who headed kyiv's team?", "and who headed the other side?")
    assert "medinsky" in lead(led)
    _, demands = ask(service, "what is moscow demanding?", "what about the other side's demands?")
    assert demands.section_id == "ukraine-position"
    # The previous question named both: it was about the one it named first (what Russia wants from Ukraine).
    _, other = ask(service, "what does russia want from ukraine to end the war?", "and the other side?")
    assert other.section_id == "ukraine-position"
    # The other side's response: their stance on what was just discussed (Moscow's word on the children).
    _, response = ask(service, "what did yermak say kyiv's delegation handed over to the russians?",
                      "what was the other side's response on that issue?")
    assert "protect" in lead(response)


# ------------------------------------------------------------------ a specific fact on the topic beats its summary


def test_a_follow_up_that_finds_its_fact_alone_is_not_answered_with_the_topic_summary(service: BriefService) -> None:
    # Read alone, "how did they get the drones in there?" stays on Spider's Web and finds the smuggling; read with
    # the previous turn's words (the planning time) it only finds the topic's summary: the fact answers it.
    _, how = ask(service, "how long was the drone op in the works?", "so how did they even get the drones in there?")
    assert "smuggling" in lead(how)
    # "his ukraine guy" after Trump's role: the envoy's card, not Trump's own stance again.
    _, envoy = ask(service, "whats trump's deal in all this", "whos his ukraine guy")
    assert "kellogg" in lead(envoy)


# ------------------------------------------------------------------ nothing but a party's word on what was discussed


def test_a_message_asking_only_a_partys_word_reads_it_on_what_was_just_discussed(service: BriefService) -> None:
    # No "that", no "it": "what's the kremlin saying" right after the leaders' meeting asks the Kremlin's word on the
    # meeting (read alone it would find Moscow's word on the deported children).
    for question in ("what's the kremlin saying", "and moscow says"):
        _, reply = ask(service, "would zelensky sit down with putin?", question)
        assert reply.section_id == "leaders-meeting" and "agreements" in lead(reply), question
    # Such a reading wins over the previous question asked again about them: Kyiv's reply to Moscow's draft, not
    # the fact that Moscow handed it over.
    _, kyiv = ask(service, "has the kremlin handed over its peace memo?", "what did kyiv say about it")
    assert kyiv.section_id == "memoranda" and "only seen" in lead(kyiv)
    # A party the brief has no word from stays unanswered, short or not.
    _, beijing = ask(service, "would zelensky sit down with putin?", "what does beijing say")
    assert not beijing.matched


# ------------------------------------------------------------------ a question of its own after an answer


def test_who_is_someone_after_a_why_question_is_its_own_question(service: BriefService) -> None:
    # "who" was not asked before and Medinsky was not named: not "why did Medinsky propose direct talks?" (the
    # previous question asked again about him, which lands on Russia's card), but who he is.
    _, medinsky = ask(service, "why did putin propose direct talks?", "and who is medinsky")
    assert medinsky.section_id == "russia-delegation" and "kremlin aide" in lead(medinsky)
    # The same after a question about when the talks began: Kalin's own card, not the timing facts' words.
    _, kalin = ask(service, "why did the talks start late?", "and who is kalin")
    assert lead(kalin).startswith("ibrahim kalin: turkey's intelligence chief")
    # A swap that keeps its subject still reads the previous question: a country or an occasion named, or the same
    # question word ("and who led ukraine's?" after who led Russia's).
    _, ukraine = ask(service, "who headed russia's team?", "and who headed ukraine's?")
    assert "umerov" in lead(ukraine)


def test_a_short_follow_up_asking_a_word_the_topic_lacks_is_not_lifted_by_the_conversation(service: BriefService) -> None:
    # The toll counts everyone killed or hurt, never children: the conversation fills in what the message leaves
    # out (what is counted), never what it asks (a part the brief does not give).
    for question in ("how many of the dead were kids?", "how many of those killed are children?"):
        _, part = ask(service, "how many people have been killed or hurt since 2022?", question)
        assert not part.matched, question
    # What it leaves out is still filled in: the total the previous count was out of.
    _, total = ask(service, "how many drones did russia fire on sunday night?", "out of how many?")
    assert "80" in lead(total)


def test_who_is_saying_that_in_chat_spelling_asks_who_claims_what_was_just_shown(service: BriefService) -> None:
    # "who's saying that", "who say so", "source pls", "who told you that": the facts just shown, with who says them
    # (read alone they would find anyone who said anything: Yermak's list of children).
    _, troops = ask(service, "how many russian troops are gathered near sumy?", "who's saying that")
    assert troops.section_id == "battlefield" and "ukrainian officials" in lead(troops)
    _, toll = ask(service, "how many people have been killed or hurt since 2022?", "source pls")
    assert toll.section_id == "war-toll" and "united states" in lead(toll)
    _, bombers = ask(service, "how many bombers did ukraine hit?", "who say so")
    assert bombers.section_id == "spiders-web" and "according to" in lead(bombers)
    _, drones = ask(service, "how many drones did russia fire on sunday night?", "who told you that")
    assert drones.section_id == "battlefield" and "report" in lead(drones)


# ------------------------------------------------------------------ "and <another thing>?" on the same topic


def test_a_swapped_thing_said_by_a_fact_of_the_topic_asks_the_previous_question_of_it(service: BriefService) -> None:
    # "and cash?" after what the roadmap says of the army asks what the roadmap says of money: one word of its own,
    # the rest is the previous question, and the topic's fact on reparations says that word.
    _, cash = ask(service, "what does ukraine's roadmap say about its military", "and cash?")
    assert cash.section_id == "ukraine-position" and "reparations" in lead(cash)
    # Read alone "the front line" is the battlefield; after the roadmap it is where the roadmap starts from.
    _, line = ask(service, "what roadmap did kyiv bring along", "and on the front line?")
    assert line.section_id == "ukraine-position" and "starting point" in lead(line)


def test_a_swapped_thing_no_fact_of_the_topic_says_stays_unanswered(service: BriefService) -> None:
    # The roadmap as the brief reports it says nothing of elections, pensions or the weather.
    for question in ("and elections?", "and pensions?", "what about the weather?"):
        _, other = ask(service, "what does ukraine's roadmap say about its military", question)
        assert not other.matched, question


# ------------------------------------------------------------------ "he" when the conversation holds two people


def test_he_is_the_person_the_last_answer_was_about(service: BriefService) -> None:
    # The question named Trump on the way to asking for his envoy; the answer was Kellogg's card, so "he" is Kellogg.
    _, _, said = ask(service, "how does trump see the talks", "who does trump have as his ukraine envoy",
                     "what did he say")
    assert said.section_id == "us-position" and "kellogg said" in lead(said)


def test_he_and_him_point_at_both_people_just_discussed(service: BriefService) -> None:
    # "he" threatened "him": Trump and Putin both stay in the question, so the threat to Putin leads.
    _, threat = ask(service, "what did trump call putin", "what did he threaten him with")
    assert "sanctions" in lead(threat)


# ------------------------------------------------------------------ "they" already answered alone


def test_they_answered_alone_by_a_fact_about_that_party_does_not_carry_the_old_question(
        service: BriefService) -> None:
    # "they" is Russia; read alone the question finds the area Russia controls, a fact about Russia of the kind it
    # asks for. Carrying "conditions" over would answer with the four regions Russia demands instead.
    _, held = ask(service, "what are russia's conditions", "how much land do they have today")
    assert held.section_id == "territory" and "113,100" in lead(held)


# ------------------------------------------------------------------ "when was that?" of another occasion's fact


def test_when_was_that_after_a_fact_without_a_time_asks_the_date_of_its_occasion(service: BriefService) -> None:
    # The Economist's report of Moscow's threat gives no time; the topic it comes from is the first round, whose
    # date answers when the threat was made.
    for question in ("when did they make that threat?", "when was this"):
        _, when = ask(service, "which paper said russia threatened to seize kharkiv?", question)
        assert when.section_id == "first-round" and "16 may" in lead(when), question


def test_when_was_that_with_a_word_of_its_own_is_not_the_occasion_s_date(service: BriefService) -> None:
    # "to the us" asks something the previous turn did not: not the first round's date.
    _, other = ask(service, "which paper said russia threatened to seize kharkiv?",
                   "when did they make that threat to the us?")
    assert not other.matched or "16 may" not in lead(other)


# ------------------------------------------------------------------ "he … this": something new asked of the person


def test_he_with_this_asks_something_new_of_the_person_just_named(service: BriefService) -> None:
    # "this" is leading a delegation, but what is asked is new ("before"): read of Medinsky alone it is his past
    # (the failed 2022 talks), not the fact just shown that he led Russia's team.
    _, before = ask(service, "who is in charge of the russian team?", "has he done this kind of thing before?")
    assert before.section_id == "russia-delegation" and "2022" in lead(before)
    # A personal question with "this" stays out of scope all the same.
    _, kids = ask(service, "who is in charge of the russian team?", "has he ever done this before with his kids?")
    assert not kids.matched


# ------------------------------------------------------------------ "he" after a name the message gives itself


def test_he_after_a_name_in_the_same_message_is_that_person(service: BriefService) -> None:
    # A correction names the person the reader meant; "he" is Umerov, not Medinsky just discussed, and the clause
    # read without the name is no surer than the whole message.
    for question in ("actually umerov - what did he say about russia's proposals?",
                     "no, I meant umerov, what did he say about moscow's draft?"):
        _, umerov = ask(service, "what did medinsky say about ukraine's memo?", question)
        assert umerov.section_id == "memoranda" and lead(umerov).startswith("umerov said"), question


def test_he_after_a_name_that_is_not_the_subject_is_still_the_person_discussed(service: BriefService) -> None:
    # "with putin": Putin is who the summit would be with; "he" is still Zelensky, just discussed.
    _, summit = ask(service, "what did zelensky ask for on sunday?", "and about a summit with putin, what did he say?")
    assert summit.section_id == "leaders-meeting" and "leaders" in lead(summit)


# ------------------------------------------------------------------ whose words the answer quoted


def test_whose_phrase_asks_who_uses_the_words_just_quoted(service: BriefService) -> None:
    # The answer quoted a phrase; the facts just shown say whose it is (Moscow's, the Kremlin's), not a fact of
    # another topic where someone "called" something.
    _, phrase = ask(service, "explain the root causes thing", "whose phrase is that?")
    assert phrase.section_id == "russia-position" and "moscow" in lead(phrase)
    for question in ("who's calling it that?", "and who uses the term?"):
        _, term = ask(service, "what does de-nazification involve?", question)
        assert term.section_id == "russia-position" and "kremlin" in lead(term), question


# ------------------------------------------------------------------ a bare name after a topic's summary


def test_a_bare_name_after_a_summary_asks_about_them_not_for_the_summary_again(service: BriefService) -> None:
    # The overview names Putin and Trump in passing; "and putin?" right after it asks about him.
    _, putin = ask(service, "give me the gist of the istanbul talks", "and putin?")
    assert putin.section_id != "overview" and "putin" in lead(putin)
    _, trump = ask(service, "give me the gist of the istanbul talks", "and trump?")
    assert trump.section_id == "us-position"
    # A name with a question of its own is read on the topic just answered, whose summary gives their view.
    _, zelensky = ask(service, "what is the kremlin's view on a putin zelensky summit?", "and what does zelensky say")
    assert zelensky.section_id == "leaders-meeting" and "leaders" in lead(zelensky)


# ------------------------------------------------------------------ what the previous question named, for the scope


def test_what_a_pointed_at_document_holds_is_not_answered_by_its_handover(service: BriefService) -> None:
    # "it" is the memorandum Moscow handed over: that it was handed over does not say what it holds.
    _, contents = ask(service, "did moscow hand over its draft?", "and what's in it?")
    assert not contents.matched
    # nor is "written in it" read as Medinsky's written textbooks
    _, written = ask(service, "did moscow hand over its draft?", "what is written in it, clause by clause")
    assert not written.matched
    # Kyiv's memorandum is reported point by point: that is answered
    _, kyiv = ask(service, "did kyiv send its memorandum?", "what's in it?")
    assert kyiv.matched and "30-day" in lead(kyiv)


def test_the_day_asked_after_the_next_round_is_that_rounds_not_the_talks(service: BriefService) -> None:
    # The next round has no day yet: this round's Monday does not answer it, and "when" still gets the deadline.
    _, day = ask(service, "is a next round of talks planned?", "which date exactly?")
    assert not day.matched
    _, when = ask(service, "is a next round of talks planned?", "when will it be?")
    assert "end of june" in lead(when)
    # Fresh, the same words ask the talks' own date.
    (fresh,) = ask(service, "which date exactly?")
    assert fresh.matched


# ------------------------------------------------------------------ an interjection before the opener


def test_an_interjection_before_and_still_opens_a_follow_up(service: BriefService) -> None:
    # "hmm and kyiv?" is "and kyiv?": the previous question asked of Ukraine, not the word "hmm" asked of the brief.
    _, kyiv = ask(service, "what is moscow demanding?", "hmm and kyiv?")
    assert kyiv.section_id == "ukraine-position" and "ceasefire" in lead(kyiv)
    _, team = ask(service, "who headed the russian delegation?", "okay and who is on the ukrainian side")
    assert "umerov" in lead(team)
    # an interjection alone is still nothing asked
    _, alone = ask(service, "who headed the russian delegation?", "okay")
    assert not alone.matched


# ------------------------------------------------------------------ linking words ask nothing of their own


def test_a_linking_word_is_not_a_word_the_answer_leaves_out(service: BriefService) -> None:
    # "once they started" says which part of the talks is meant; the brief never uses "once", and that is no reason to
    # turn the question down.
    _, lasted = ask(service, "why did the talks start late?", "and how long did they last once they got going?")
    assert lasted.matched and "hour" in lead(lasted)
    # a word that does ask more stays one: meeting Trump "instead" is not what the brief tells
    _, instead = ask(service, "will putin meet zelensky?", "will putin meet trump instead")
    assert not instead.matched


# ------------------------------------------------------------------ "who's in it?": whom something includes


def test_who_is_in_it_asks_whom_the_thing_just_discussed_includes(service: BriefService) -> None:
    # not who announced the new exchange: whom it is for
    _, members = ask(service, "was a new prisoner swap agreed on monday?", "so who is in that")
    assert "severely injured" in lead(members)
    _, included = ask(service, "was a new prisoner swap agreed on monday?", "who's included")
    assert "severely injured" in lead(included)
    # a place after "in" is a place asked: not read so
    _, there = ask(service, "was a new prisoner swap agreed on monday?", "who is in istanbul?")
    assert "severely injured" not in lead(there)


# ------------------------------------------------------------------ the outlet is the source, not the subject


def test_an_outlet_a_figure_is_claimed_by_is_not_what_they_points_at(service: BriefService) -> None:
    # The count is "according to NDTV": "they" next are the bombers, and where they were is Siberia.
    first, where = ask(service, "how many bombers were wrecked", "where were they?")
    assert "ndtv" in lead(first)
    assert "siberia" in lead(where)


def test_names_asked_after_an_answer_need_a_fact_that_mentions_what_is_named(service: BriefService) -> None:
    # Siberia answers where the bombers were; it names no airbase.
    _, names = ask(service, "where were the bombers that got hit?", "and the names of the air bases?")
    assert not names.matched


# ------------------------------------------------------------------ a bare time question on another occasion


def test_a_bare_how_long_after_spiders_web_is_not_the_talks_duration(service: BriefService) -> None:
    # On Spider's Web, "how long?" asks how long the operation took; read alone it would be how long the talks lasted.
    _, long = ask(service, "how were the drones smuggled in?", "who planned the operation?", "how long?")[1:]
    assert "less than an hour" not in lead(long) and "18 months" in lead(long)
    # after a topic about the talks themselves, it is still the talks
    _, lasted = ask(service, "where were the talks?", "how long did it go")
    assert "less than an hour" in lead(lasted)


def test_who_someone_said_was_coming_is_who_they_said_was_expected(service: BriefService) -> None:
    # "expected in Istanbul" is coming to the talks: Kellogg's word on the European advisers answers it
    _, coming = ask(service, "who's trump's envoy for ukraine?", "what did he say about who else is coming?")
    assert "british, german and french" in lead(coming)


def test_any_x_right_after_an_answer_asks_it_of_what_was_just_discussed(service: BriefService) -> None:
    # the night's drone fire had no reported casualties: the war's toll answers another question
    _, casualties = ask(service, "how many drones did russia launch sunday night?", "any casualties?")
    assert not casualties.matched
    # "any deal?" after what happened at the talks is still their outcome
    _, deal = ask(service, "what happened at the talks?", "any deal?")
    assert "prisoner exchange" in lead(deal)


def test_their_names_after_a_phrase_the_brief_joins_are_that_groups_names(service: BriefService) -> None:
    # "war bloggers" is one term of the brief; the fact about them names no blogger
    _, names = ask(service, "what were russian war bloggers saying?", "and their names?")
    assert not names.matched


def test_an_aside_asking_nothing_beside_a_question_is_not_the_previous_question_again(service: BriefService) -> None:
    # "seriously? that's all?" is the reader's reaction; the question is "what did they agree", not the duration again
    _, agreed = ask(service, "how long did the talks go on?", "seriously?? that's all? what did they agree")
    assert "prisoner exchange" in lead(agreed)
    # a message asking nothing else still asks the previous question again
    _, again = ask(service, "who proposed the direct talks?", "why?")
    assert again.matched and "ceasefire" in lead(again)


def test_something_new_asked_of_it_is_not_the_fact_just_shown_again(service: BriefService) -> None:
    # After the handover, "do with it" asks Kyiv's next step with the draft: its review, not the handover again.
    handed, review = ask(service, "did moscow hand its draft to kyiv?", "and what is kyiv going to do with it?")
    assert "handed" in lead(handed)
    assert "review" in lead(review)


def test_a_time_asked_relative_to_the_talks_is_the_time_told_by_them(service: BriefService) -> None:
    # "relative to the talks" says what the time is told by ("a day before"), not a word a fact must use
    _, when = ask(service, "what was operation spider's web?", "when did it take place in relation to the talks?")
    assert "a day before" in lead(when)


def test_who_gave_a_figure_named_on_the_way_asks_the_source_of_the_figure_shown(service: BriefService) -> None:
    _, source = ask(service, "what's the death toll of the war so far?", "who came up with that 1.2 million number?")
    assert "united states" in lead(source)


def test_a_what_about_after_an_aside_is_the_follow_up(service: BriefService) -> None:
    # "never mind that" is the reader's aside; "what about the children" is the follow-up
    _, kids = ask(service, "what does kyiv want?", "never mind all that, what about the children")
    assert kids.section_id == "children"


def test_no_wait_correcting_the_previous_question_asks_nothing_with_wait(service: BriefService) -> None:
    # "no wait, I meant …": the reader corrects themselves; "wait" is no verb the answer leaves out
    _, day = ask(service, "when was the first round held?", "no wait I meant this round, which day")
    assert day.matched and "monday" in lead(day)


def test_a_party_s_word_is_a_fact_they_speak_in_not_one_that_names_their_land(service: BriefService) -> None:  # noqa: F811
    """ "and what does kyiv say?" after the territory Russia controls: not "Russia claims four Ukrainian regions"
    (whose regions, after a verb of saying) but a fact in which Kyiv speaks."""
    _, kyiv = ask(service, "how much territory does russia control?", "and what does kyiv say?")
    said = kyiv.facts[0].text
    assert kyiv.section_id == "territory" and not said.startswith("Russia claims"), said
    assert "Ukraine" in said or "Kyiv" in said


def test_his_title_after_who_said_so_is_the_title_of_whoever_said_it(service: BriefService) -> None:
    """ "who said so?" shows the fact with its speaker (Yermak); "his title?" next asks his, not a title the brief's
    words find elsewhere (Trump's "negotiator in chief")."""
    _, source, title = ask(service, "what did ukraine give russia about the deported kids?", "who said so?",
                           "his title?")
    assert "yermak" in lead(source)
    assert title.section_id == "children" and "chief of staff" in lead(title)


def test_after_who_said_so_a_personal_question_about_the_speaker_stays_unanswered(service: BriefService) -> None:
    *_, age = ask(service, "what did ukraine give russia about the deported kids?", "who said so?", "how old is he?")
    assert not age.matched


# ------------------------------------------------------------------ the one holder of an office the brief names


def test_an_office_only_one_person_in_the_brief_holds_is_that_person(service: BriefService) -> None:
    # the brief names one foreign minister (Turkey's): "the foreign minister" is Fidan, in a fresh chat or after Turkey
    (fresh,) = ask(service, "what did the foreign minister say")
    assert "eyes of the whole world" in lead(fresh)
    _, said = ask(service, "who was there from turkey", "what did the foreign minister say")
    assert "eyes of the whole world" in lead(said)
    # another country's is not
    (russia,) = ask(service, "who is russia's foreign minister?")
    assert not russia.matched


def test_and_the_other_one_by_a_loose_word_for_their_office(service: BriefService) -> None:
    # after what Fidan said, "the intel guy" is Turkey's intelligence chief, who said nothing the brief reports
    _, _, kalin = ask(service, "what did fidan say", "what did he study at uni", "and the intel guy?")
    assert "kalin" in lead(kalin)


def test_why_the_wait_after_whether_ukraine_would_show_up_is_the_operation(service: BriefService) -> None:
    # the delegation went only once Spider's Web was done: that is why Kyiv waited
    _, why = ask(service, "was ukraine even going to show up", "why wait")
    assert "only after" in lead(why)


# ------------------------------------------------------------------ an item of a list just shown


def test_an_item_of_a_list_is_asked_by_its_place(service: BriefService) -> None:
    # Zelensky's post lists three priorities in order; "#1", "and third?", "the second one?" ask each of them
    _, first_, third, second = ask(service, "what did zelensky post on sunday?", "what was #1 on his list?",
                                   "and third?", "and the second one?")
    assert "ceasefire" in lead(first_) and "first priority" in lead(first_)
    assert "abducted children" in lead(third)
    assert "release of prisoners" in lead(second)


def test_a_place_in_a_list_means_nothing_after_an_answer_that_lists_nothing(service: BriefService) -> None:
    # "and the second one?" after who led Russia's team lists nothing: it is not read as an item of a list
    _, second = ask(service, "who led russia's delegation?", "and the second one?")
    assert not second.matched or "priority" not in lead(second)


def test_a_size_put_in_everyday_terms_is_the_comparison_the_articles_make(service: BriefService) -> None:
    _, compared = ask(service, "How much territory does Russia hold now?", "Compare that to something I'd know.")
    assert "ohio" in lead(compared)


def test_whether_anyone_was_hurt_asks_of_what_was_just_discussed(service: BriefService) -> None:
    # after the night's drone fire, "were there any casualties?" asks about that night, which the brief does not
    # tell; the war's toll answers another question
    _, _, hurt = ask(service, "how many drones did russia send overnight sunday", "and how many did ukraine shoot down",
                     "were there any casualties")
    assert not hurt.matched


def test_who_did_something_a_country_did_is_that_country(service: BriefService) -> None:
    # "Russia shot down 162 of Kyiv's drones": Russia is who shot them down, as a person would be
    _, who = ask(service, "overnight drone numbers?", "who shot down the 162?")
    assert "162" in lead(who) and "by russia" in lead(who) or "russia shot down 162" in lead(who)


def test_a_word_of_the_topic_just_answered_is_asked_of_that_topic(service: BriefService) -> None:
    # after Russia's terms, "anything on sanctions?" is Putin's call for sanctions relief, not Trump's threat, and
    # not read with the previous question's "when did he first set them out"
    *_, sanctions = ask(service, "Russia's terms, one line", "when did Putin first set them out?", "anything on sanctions?")
    assert "sanctions relief" in lead(sanctions)
    # a bare word or two does too: "territory part" after Ukraine's roadmap is what the roadmap says of territory
    _, territory = ask(service, "what does ukraine's roadmap want?", "territory part")
    assert "roadmap" in lead(territory) and ("recognition" in lead(territory) or "front line" in lead(territory))


def test_what_post_does_he_hold_asks_the_office_of_the_one_just_discussed(service: BriefService) -> None:
    # "hold" is also the brief's word for territory Russia holds; a post held is someone's office
    *_, post = ask(service, "who spoke to the delegations at the start of the talks?", "what post does he hold")
    assert "foreign minister" in first(post).casefold()


def test_tell_me_about_that_part_asks_about_what_the_message_names(service: BriefService) -> None:
    (answer,) = ask(service, "um what about the children tell me about that part")
    assert "children" in " ".join(answer.body).casefold()


def test_held_by_someone_is_what_they_hold_not_where_the_talks_were_held(service: BriefService) -> None:
    (held,) = ask(service, "how much of ukraine is held by russia")
    assert "one-fifth" in first(held).casefold()
    (other,) = ask(service, "what part of ukraine is held by moscow")
    assert not other.matched or "ciragan" not in " ".join(other.body).casefold()


def test_how_many_there_counts_at_a_place_the_last_answer_named(service: BriefService) -> None:
    # The count is in another topic (the battlefield); "there" is Sumy, which the answer about Moscow's threat named
    *_, count = ask(service, "what two regions did the economist say russia threatened to take",
                    "how many troops are massed there")
    assert "50,000" in first(count)


def test_an_abbreviation_dictated_letter_by_letter_is_read_as_the_abbreviation(service: BriefService) -> None:
    *_, gmt = ask(service, "what time were the talks supposed to start", "whats that in g m t")
    assert "1000 gmt" in first(gmt).casefold()


def test_his_first_point_after_a_listing_answer_is_that_item(service: BriefService) -> None:
    *_, point = ask(service, "what did zelensky post on social media on sunday?", "what's his first point?")
    assert "ceasefire" in first(point).casefold()


def test_on_the_spot_is_when_not_the_venue(service: BriefService) -> None:
    # "on the spot" asks why not at once; the venue ("spot") is not asked about
    *_, why = ask(service, "did Russia give them anything?", "will Kyiv accept it?",
                  "why couldn't they answer on the spot?")
    assert "only seen" in " ".join(why.body)


def test_the_nth_one_after_an_enumeration_is_that_item_and_that_points_at_it(service: BriefService) -> None:
    # "the aim was to evaluate …, discuss a meeting of the two presidents and look at more prisoner exchanges"
    first_turn, second, third, achieved = ask(service, "What were the aims Fidan gave for the meeting?",
                                              "the second one?", "and the third?", "was that achieved?")
    assert "presidents" in " ".join(second.body) and second.section_id == first_turn.section_id
    assert "prisoner" in " ".join(third.body)
    assert "prisoner exchange" in first(achieved)


def test_by_force_is_fighting(service: BriefService) -> None:
    *_, force = ask(service, "ukraine's position on land?", "do they think they can take it back by force")
    assert "diplomacy" in " ".join(force.body)


def test_they_after_a_side_s_team_is_that_team_not_the_question_asked_of_it(service: BriefService) -> None:
    # "they" is Russia's delegation; "who" and "led" were asked of it and are not asked again
    _, arrived = ask(service, "Who headed Russia's team in Istanbul?", "when did they arrive?")
    assert "Russia's delegation arrived" in first(arrived) and "late on Sunday" in first(arrived)


def test_why_after_a_fact_giving_its_purpose_leads_with_that_fact(service: BriefService) -> None:
    # "in preparation for a possible offensive" says why the troops are there
    _, why = ask(service, "how many russian troops are near sumy?", "why are they there?")
    assert "offensive" in first(why)


def test_meeting_putin_after_zelensky_s_post_is_the_leaders_summit(service: BriefService) -> None:
    # "meeting Putin" is the Zelensky–Putin meeting, whose facts the Kremlin's word on it then comes from
    *_, meeting, kremlin = ask(service, "what did Zelensky post on Sunday?", "and about meeting Putin?",
                               "what does the Kremlin say to that?")
    assert meeting.section_id == "leaders-meeting"
    assert "agreements" in first(kremlin)


def test_and_what_does_x_say_swaps_the_party_of_the_previous_question(service: BriefService) -> None:
    # the verb of saying is the previous question's; only the party is new
    _, zelensky = ask(service, "what does the kremlin say about a putin-zelensky meeting",
                      "and what does zelensky say")
    assert zelensky.section_id == "leaders-meeting"


def test_how_long_so_far_asks_how_long_until_now(service: BriefService) -> None:
    # "so far" is until now, not a distance
    _, lasted = ask(service, "this is Europe's biggest war since when?", "how long has it lasted so far?")
    assert "three" in first(lasted)


@pytest.mark.parametrize("narrowing", ["just the number", "only the number please", "number only"])
def test_just_the_number_repeats_the_fact_just_shown(service: BriefService, narrowing: str) -> None:
    asked, narrowed = ask(service, "how many bombers did ukraine hit?", narrowing)
    assert narrowed.matched and "40" in first(narrowed)
    assert first(narrowed) == first(asked)


@pytest.mark.parametrize(("asked", "narrowing", "fact"), [
    ("how many prisoners were swapped?", "ok but the date?", "16 May"),
    ("what did kyiv down on sunday night?", "ok but the number?", "52"),
    ("who headed kyiv's team?", "but what's the name", "Umerov"),
])
def test_but_the_number_asks_again_for_the_fact_just_shown(service: BriefService, asked: str, narrowing: str,
                                                           fact: str) -> None:
    _, narrowed = ask(service, asked, narrowing)
    assert fact in first(narrowed), narrowing


@pytest.mark.parametrize("source", ["which article said that?", "where did you get that from?", "what outlet?"])
def test_which_article_asks_where_the_last_answer_comes_from(service: BriefService, source: str) -> None:
    _, cited = ask(service, "how many bombers did ukraine hit?", source)
    assert cited.section_id == "spiders-web" and "40" in first(cited)
    (fresh,) = ask(service, source)  # with nothing answered, "that" points at nothing
    assert not fresh.matched


def test_in_short_after_an_answer_is_the_summary_of_its_topic(service: BriefService) -> None:
    # "in short" asks a summary (not something short, like the talks); after an answer, of the topic just answered
    _, short = ask(service, "who led russia's team?", "in short?")
    assert short.section_id == "russia-delegation" and "textbooks" in " ".join(short.body)
    _, that = ask(service, "how many bombers did ukraine hit?", "summarize that")
    assert that.section_id == "spiders-web"
    (fresh,) = ask(service, "tl;dr")
    assert fresh.section_id == "overview"


def test_and_the_rest_continues_with_facts_not_yet_shown(service: BriefService) -> None:
    asked, rest = ask(service, "who led russia's team?", "and the rest?")
    assert rest.section_id == asked.section_id and first(rest) != first(asked)


@pytest.mark.parametrize(("question", "correction", "section"), [
    ("what did they agree on monday?", "not this round, the one in May", "first-round"),
    ("who led ukraine's team?", "no, not ukraine's - russia's", "russia-delegation"),
])
def test_a_correction_asks_what_it_means_not_what_it_sets_aside(service: BriefService, question: str,
                                                                correction: str, section: str) -> None:
    _, corrected = ask(service, question, correction)
    assert corrected.section_id == section


def test_what_is_in_a_document_leads_with_what_it_holds_and_only_for_its_own_side(service: BriefService) -> None:
    # "what's in X's memo?" asks what the document holds: the fact saying what it proposes leads, never what the
    # other side's document holds (the articles do not say what Russia's holds)
    (ukraine,) = ask(service, "what's in ukraine's memo")
    assert "30-day ceasefire" in first(ukraine)
    (russia,) = ask(service, "what's in russia's memorandum")
    assert not russia.matched
    _, its = ask(service, "did russia get ukraine's memo", "whats in it")
    assert "30-day ceasefire" in first(its)
    _, moscow = ask(service, "did kyiv get moscow's memo?", "what's in it?")
    assert not moscow.matched


@pytest.mark.parametrize("kind", ["what type", "what kind exactly?", "which sort of ones?"])
def test_a_bare_what_type_asks_the_kind_of_what_was_just_discussed(service: BriefService, kind: str) -> None:
    # "type" and "what" alone name nothing: it is which kind of bombers were hit
    _, reply = ask(service, "did ukraine hit russian bombers?", kind)
    assert "strategic" in lead(reply) or "nuclear-capable" in lead(reply)
    # a fresh chat has nothing to ask the kind of
    (alone,) = ask(service, kind)
    assert not alone.matched


def test_whats_in_a_sides_one_after_documents_is_that_sides_document(service: BriefService) -> None:
    # the noun left out ("what's in ukraine's?") is the document the conversation is about
    _, _, ukraine = ask(service, "tell me about the memorandums", "did russia hand over its version?",
                        "what's in ukraine's?")
    assert "30-day ceasefire" in lead(ukraine)
    # the articles never say what is in Russia's: not answered with what was said of it
    _, russia = ask(service, "did ukraine give russia its memo?", "and what's in russia's?")
    assert not russia.matched


def test_he_in_the_events_city_is_still_the_one_just_discussed(service: BriefService) -> None:
    # "in istanbul" only says which occasion: it is what Yermak did there, not the talks in Istanbul
    _, did = ask(service, "who is zelensky's chief of staff?", "what did he do in istanbul?")
    assert "list of children" in lead(did)


@pytest.mark.parametrize("other", ["and the other direction?", "vice versa?"])
def test_the_other_direction_is_the_other_sides_count(service: BriefService, other: str) -> None:
    # "direction" is no "direct talks": the drones the other side downed
    _, _, reply = ask(service, "how many drones did russia fire at ukraine on sunday night?", "how many were shot down?",
                      other)
    assert "162" in lead(reply)


def test_there_is_the_place_just_discussed_not_the_question_asked_of_it(service: BriefService) -> None:
    # "there" is Sumy; "how many troops" is not asked again
    _, there = ask(service, "how many troops has russia gathered near sumy?", "what's happening there on the ground?")
    assert "advancing" in lead(there)


def test_why_is_answered_by_a_stated_reading_of_it(service: BriefService) -> None:
    # "cast Russia's assault as nothing but an imperialist land grab" is their reason, though no "because" says so
    _, why = ask(service, "what's russia's 'root causes' thing about?", "why does the west reject it?")
    assert "land grab" in lead(why)


def test_it_is_the_one_country_just_discussed_asked_something_new(service: BriefService) -> None:
    # "it" is Russia; why it wants sanctions lifted is not asked again
    _, _, held = ask(service, "what does russia want for ending the war?", "why does it want sanctions lifted?",
                     "how much of ukraine does it hold now?")
    assert "one-fifth" in lead(held)


def test_which_comes_first_is_the_first_item_of_the_list_just_shown(service: BriefService) -> None:
    _, first_item = ask(service, "what are zelensky's three demands?", "which comes first?")
    assert "ceasefire" in lead(first_item)


@pytest.mark.parametrize("why", ["what for?", "how come?", "for what reason?"])
def test_what_for_and_how_come_ask_why(service: BriefService, why: str) -> None:
    _, reason = ask(service, "how many russian troops are massed near sumy?", why)
    assert "offensive" in lead(reason)


def test_why_not_after_no_ceasefire_is_how_far_apart_the_sides_were(service: BriefService) -> None:
    _, why_not = ask(service, "did the talks produce a ceasefire?", "why not?")
    assert "far apart" in lead(why_not)


# ------------------------------------------------------------------ going back to an earlier topic


def test_going_back_to_an_earlier_topic_asks_about_it(service: BriefService) -> None:
    _, _, bombers, swap = ask(service, "how many bombers did ukraine hit?", "who headed russia's delegation?",
                              "getting back to the bombers - how many again?", "ok back to the prisoner swap, who is in it?")
    assert "40" in first(bombers)
    assert "injured" in lead(swap)


def test_going_back_to_a_place_returns_to_the_talks_held_there(service: BriefService) -> None:
    _, talks = ask(service, "how many drones did ukraine use?", "back to istanbul: how long did the meeting last?")
    assert "less than an hour" in lead(talks)


def test_a_count_naming_its_thing_after_another_topic_is_that_count(service: BriefService) -> None:
    # "how many?" alone after Medinsky would ask a count of what was just discussed; naming the drones first, it asks theirs
    _, drones = ask(service, "who headed russia's delegation?", "the drones russia sent overnight - how many?")
    assert "80" in first(drones)


def test_instead_asks_the_alternative_to_what_was_just_said(service: BriefService) -> None:
    # Russia has ruled out Western troops: what Ukraine wants in their place is its own demand
    _, instead = ask(service, "does russia accept western troops in ukraine?", "so what security does kyiv want instead?")
    assert "guarantees" in lead(instead)


def test_and_someone_else_after_a_persons_card_asks_for_their_card(service: BriefService) -> None:
    # after Medinsky's card, "and umerov?" is Umerov's card, not the topic Medinsky's card sits in (a delegation)
    _, umerov = ask(service, "what's medinsky known for?", "and umerov?")
    assert "pragmatic" in first(umerov) or "scandal" in first(umerov)
    # a side, not a person, still asks for that side's one of the topic
    _, side = ask(service, "what's medinsky known for?", "and the ukrainian one?")
    assert "umerov" in first(side).casefold()


@pytest.mark.parametrize("announced", [
    "ok diff q who heads ukraines side",
    "totally different question: who led ukraine's team?",
])
def test_a_question_announced_as_a_new_subject_is_read_on_its_own(service: BriefService, announced: str) -> None:
    _, new = ask(service, "how big was the first prisoner swap?", announced)
    assert new.section_id == "ukraine-delegation" and "umerov" in first(new).casefold()


def test_a_month_or_a_day_after_in_or_on_is_no_place() -> None:
    # "advanced in May" tells when, not where, so it does not lead a "where?" asked after it
    assert tells("Russia held talks in Istanbul.", "place") and tells("It lies on the banks of the Bosphorus.", "place")
    assert not tells("Russia advanced in May.", "place") and not tells("The delegations met on Monday.", "place")


def test_where_something_was_launched_from_is_a_place_not_the_talks_start(service: BriefService) -> None:
    # "launched from" is where from (the brief's alias), not "launch" as the start of the talks' schedule
    _, where = ask(service, "how did kyiv carry out the airbase strikes?", "and where were they launched from?")
    assert where.section_id == "spiders-web" and "near the airbases" in first(where)


def test_a_partys_one_leaves_the_noun_of_the_last_answer_out(service: BriefService) -> None:
    # "kyivs one" after Moscow's memorandum: Kyiv's memorandum
    _, theirs = ask(service, "did moscow hand its memorandum over?", "so whats in kyivs one")
    assert theirs.section_id == "memoranda" and "30-day" in first(theirs)


def test_his_before_a_name_the_brief_gives_with_a_person_is_that_persons(service: BriefService) -> None:
    # "his envoy" after Trump is "Trump's envoy", a name of Kellogg's
    _, envoy = ask(service, "what is trump doing about the war?", "and who's his envoy for this?")
    assert "kellogg" in lead(envoy)
    # "ukraine's guy" after Russia's head of delegation is Ukraine's, not Trump's man for Ukraine
    _, guy = ask(service, "who headed russia's delegation?", "and ukraine's guy?")
    assert "umerov" in lead(guy)


def test_a_question_word_of_its_own_is_not_the_previous_one_again(service: BriefService) -> None:
    # "what happened there?" after when the first round was asks what it yielded, not its date again
    _, happened = ask(service, "when did the first round take place?", "and what happened there?")
    assert "prisoner" in lead(happened)


def test_it_after_a_question_about_the_war_is_the_war(service: BriefService) -> None:
    # "when did it all start?" after the war's toll asks when the war began, not when Monday's talks did
    _, started = ask(service, "how many people has the war killed or injured?", "when did it all start?")
    assert started.section_id == "war-toll" and "2022" in first(started)
    # with no war named before, it is still the talks' own start
    _, talks = ask(service, "who led russia's delegation?", "when did it start?")
    assert talks.section_id == "timing"


def test_a_bare_why_not_is_not_turned_down_for_the_names_the_answer_carried(service: BriefService) -> None:
    # "why not?" asks nothing of NDTV, Trump or Spider's Web, whom the answer about expectations named: their not
    # leading the reason is no conflict with what was asked.
    _, why = ask(service, "were hopes high going in?", "why not?")
    assert why.matched and "red lines" in " ".join(why.body)


def test_a_bare_why_did_he_asks_why_he_did_what_was_just_asked(service: BriefService) -> None:
    # "he" is Putin, and nothing else is asked: why he proposed the direct talks, not his other demands
    _, why = ask(service, "who first suggested direct talks?", "why did he?")
    assert "ceasefire" in first(why)
    # a question of its own after "he" still leaves the previous one behind
    _, job = ask(service, "who first suggested direct talks?", "what else does he want?")
    assert job.section_id == "russia-position"


def test_angry_about_what_asks_what_the_anger_was_about(service: BriefService) -> None:
    # the bloggers' fact says it: after Ukraine's Sunday attack on the airbases ("angry about" is no word for
    # criticising Medinsky's textbooks)
    _, about = ask(service, "what did the russian war bloggers want?", "angry about what?")
    assert "attack" in first(about)


def test_his_boss_is_whom_the_last_persons_role_names_him_working_for(service: BriefService) -> None:
    # Kellogg is "Trump's Ukraine envoy", Medinsky "an ideological Putin aide"
    _, boss = ask(service, "who is keith kellogg?", "and his boss - what has he threatened?")
    assert "Trump" in first(boss)
    _, wants = ask(service, "who is medinsky?", "what does his boss want?")
    assert wants.section_id == "russia-position"


def test_a_bare_against_who_asks_the_object_of_the_fact_just_shown(service: BriefService) -> None:
    # the bloggers called for "a fearsome retaliatory blow against Kyiv": the same fact answers
    _, against = ask(service, "what did the russian war bloggers call for?", "against who?")
    assert "against Kyiv" in first(against)


def test_its_after_a_side_the_question_names_points_at_no_earlier_turn(service: BriefService) -> None:
    # "its terms" are Moscow's, named in the question itself: asked after the battlefield, not read in it
    _, threat = ask(service, "how is russia doing on the battlefield?",
                    "what does moscow threaten if kyiv doesn't accept its terms?")
    assert "losing more territory" in first(threat)


def test_where_he_wrote_it_without_did_asks_where_it_was_said(service: BriefService) -> None:
    _, where = ask(service, "what did zelensky say on sunday?", "where he wrote this?")
    assert "social media" in first(where)


def test_the_last_one_after_this_round_is_the_first_round(service: BriefService) -> None:
    _, when = ask(service, "which round of talks is this?", "and the last one was when?")
    assert "16 May" in first(when)
    _, may = ask(service, "who's in the new swap?", "and the may one, how many was that")
    assert "1,000" in first(may)


def test_what_a_side_only_named_in_the_last_answer_says_leads_with_its_word(service: BriefService) -> None:
    # the children were taken to Russia, and Kyiv's list led; Moscow's word on it is what is asked
    _, russia = ask(service, "what about the children taken to russia?", "and what does moscow say?")
    assert "protect" in first(russia)


def test_on_that_front_is_on_that_matter_not_the_front_line(service: BriefService) -> None:
    _, putin = ask(service, "what does ukraine want on territory?", "what does putin want on that front")
    assert putin.section_id in ("russia-position", "territory") and "four" in first(putin)


def test_so_did_russia_retaliate_after_the_bloggers_call_is_not_answered_as_done(service: BriefService) -> None:
    _, did = ask(service, "what did russian war bloggers demand after the drone attack?", "so did russia retaliate?")
    assert not did.matched
