"""Readers' words the brief carries: aliases, entity variants and fact keywords that let a stranger's everyday,
slangy or foreign wording find the fact that answers it, first. Each class with questions the test author wrote,
not taken from tests/eval/; and the questions those words must not make answerable stay rejected.
"""

from __future__ import annotations

import pytest

from bot.core.service import BriefService
from bot.core.text import QUESTION_WORDS, words
from tests.test_answers import ask, first, service  # noqa: F401  the real brief's service; one conversation a call


# ------------------------------------------------------------------ everyday words for the brief's own


@pytest.mark.parametrize(("question", "fact"), [
    # how long they were "in the room": how long the talks lasted
    ("how long were they in the room?", "less than an hour"),
    # "faster", "sped up": Russia's fastest advance in six months
    ("did russia's advance speed up in may?", "fastest rate"),
    # "nuke" for nuclear: the bombers were nuclear-capable
    ("did the drones hit nuke-capable jets", "nuclear-capable"),
    ("so kyiv blew up russian nukes??", "nuclear-capable"),
    # what a side "offers" is what it proposes
    ("how long a truce is kyiv offering in its memorandum?", "30"),
    # the Kremlin "dismissed" the ceasefire it was asked to accept
    ("did the kremlin accept the ceasefire", "dismissed"),
    # talks "coming" (up) are more talks to come, not someone coming to them
    ("ok and are there more talks coming?", "another round"),
    # "unpalatable" tells whether Kyiv accepts Moscow's demand to withdraw
    ("would kyiv be fine with pulling out of the regions moscow claims?", "unpalatable"),
    # "prep" for the time Spider's Web was in the making
    ("spider's web: how much prep went into it", "18 months"),
    # "controversy surrounding" someone: the scandal he is mired in
    ("any controversy surrounding umerov?", "abuse of power"),
    # "leverage" over Putin: the sanctions Trump threatened
    ("what leverage has trump got over putin", "sanctions"),
    # "the refugee situation": millions forced to flee
    ("how big is the refugee situation in this war", "millions"),
    # "the Ukrainian leader" is Zelensky, as the articles call him
    ("where did trump scold the ukrainian leader", "oval office"),
    # "intel chief", and Turkish "istihbarat": Turkey's intelligence chief
    ("who is turkey's intel chief", "kalin"),
    ("istihbarat şefi who is he", "kalin"),
    # what the new exchange is "focused on" (the brief says "focus on")
    ("who is the new prisoner swap focused on", "injured"),
    # Kyiv's roadmap and "money": reparations
    ("does kyiv's roadmap want money from moscow", "reparations"),
    # the "problems" Umerov says only the two presidents can solve: the issues of contention
    ("umerov says only what can solve the problems?", "meeting"),
    # "possible" for what Trump calls achievable; "drags his feet" for Putin delaying
    ("does trump reckon peace is possible", "achievable"),
    ("what happens if putin drags his feet, according to trump", "sanctions"),
    # the "agency" behind Spider's Web; whom Medinsky "works for"; Putin's "economic" asks
    ("which agency ran spider's web", "security service"),
    ("who does medinsky work for", "putin"),
    ("putin's economic asks?", "sanctions relief"),
    # land Russia is "sitting on"; "half" of Ukraine, a share the brief gives otherwise
    ("how many square km is russia sitting on", "113,100"),
    ("does russia hold half of ukraine?", "one-fifth"),
    # "russkies" are the Russians; an "anonymous" source is the brief's unnamed one
    ("when did the russkies get to istanbul", "sunday"),
    ("what did the anonymous source tell reuters", "ultimatums"),
    # agreeing to what Russia has ruled out; what Kyiv says Russia is trying to force
    ("has russia agreed to western troops in ukraine", "ruled out"),
    ("what is russia trying to force ukraine to do", "capitulate"),
    # "disputed" issues are the brief's issues of contention; someone's "view" of a thing is how they regard it
    ("what can settle the disputed questions, per kyiv", "meeting"),
    ("how does medinsky view ukraine", "right to exist"),
    # whether Russia "really lost" its bombers, or it is Kyiv's "propaganda": the satellite imagery says
    ("is it propaganda or has moscow really lost the jets", "satellite"),
    # a "cold" or "icy" meeting asks its atmosphere
    ("was it icy in the room", "subdued"),
    # "get here", written from Istanbul: arrived
    ("im a taxi driver in besiktas, when did the russian team get here", "sunday"),
])
def test_a_readers_everyday_word_finds_the_fact_in_the_brief_s_words(
        service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in first(answer).casefold()


def test_what_a_country_said_leads_with_what_its_official_said(service: BriefService) -> None:
    # Turkey "said" what its foreign minister told the delegations, not the topic's summary
    for question in ("what did turkey say to the delegations?", "what did the turks say"):
        (answer,) = ask(service, question)
        assert "fidan" in first(answer).casefold() and "eyes of the whole world" in first(answer).casefold()


def test_sent_over_in_a_conversation_counts_what_was_launched(service: BriefService) -> None:
    _, sent = ask(service, "besides spider's web, was there more drone fire on sunday night?",
                  "and how many did russia send over?")
    assert "80" in first(sent)


# ------------------------------------------------------------------ what those words must not make answerable


@pytest.mark.parametrize("question", [
    # "nukes" is not a word for Russia's nuclear arsenal, which the articles never count
    "how many nukes has russia got",
    # the Russian draft's contents: never published, so not answered (and never with Ukraine's)
    "and what's in the russian draft?",
    "what's in moscow's memorandum exactly",
    # "cold" is the mood in the room, not Istanbul's weather; "lost" bombers are Spider's Web's, not the war's
    "was it cold in istanbul on monday",
    "how many planes has russia lost in the war",
])
def test_words_for_what_the_articles_do_not_say_stay_unanswered(service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert not answer.matched, (question, answer.body)


# ------------------------------------------------------------------ voice-to-text and one-handed typing


@pytest.mark.parametrize(("question", "fact"), [
    # names as dictation software spells them: split into everyday words, or heard as other words
    ("what job does med in ski have", "medinsky"),
    ("what is umer off's job", "umerov"),
    ("hakan fee dan said what to the delegations", "eyes of the whole world"),
    ("so what did yer mack tell reporters", "yermak"),
    ("which palace in is stumble hosted them", "ciragan"),
    # "prez"/"pres" for president, "ua"/"ru" for the two countries, "govt", "bn" for billion
    ("what did the ua prez ask for", "ceasefire"),
    ("who is the ru pres", "putin"),
    ("what does the ru govt say about the deported kids", "protect"),
    ("how many bn were the damaged jets worth", "7 billion"),
])
def test_dictated_names_and_abbreviations_find_the_fact(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in first(answer).casefold()


@pytest.mark.parametrize("question", [
    # "ru" is still "are you" where no country is meant
    "how ru doing",
    "ru a human",
])
def test_ru_as_are_you_stays_small_talk(service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert not answer.matched, (question, answer.body)


@pytest.mark.parametrize(("question", "fact"), [
    # more names as dictation writes them: the venue, the strait, Rustem Umerov, Medinsky, Hakan Fidan, Andriy
    # Yermak, Kharkiv, Sumy, NATO, Reuters ("writers"), de-Nazification
    ("what river is the cheer a gun palace next to", "bosphorus"),
    ("which body of water is the venue on", "bosphorus"),
    ("what's ru stem's role", "defence minister"),
    ("did may dinsky lead talks in 2022 too", "2022"),
    ("what did hock on say at the start", "eyes of the whole world"),
    ("is andre your mac the chief of staff", "chief of staff"),
    ("which regions did moscow threaten, was car keev one of them", "kharkiv"),
    ("how many soldiers are gathered near sue me", "50,000"),
    ("what does moscow demand about nay toe", "nato"),
    ("what's the kremlin's idea of de nazi fication", "russian-speakers"),
    ("who did the writers source say", "reuters"),
])
def test_more_dictated_names_find_the_fact(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in first(answer).casefold()


@pytest.mark.parametrize(("question", "fact"), [
    # "put together", "did kyiv plan" (a verb, not Kyiv's plan, the memorandum): how long Spider's Web took
    ("how long did it take to put together spider's web", "18 months"),
    ("how long did kyiv plan the airbase strikes", "18 months"),
    # a "nice place" asks how luxurious the venue is; "always a hotel" asks what it used to be
    ("is the venue a nice place", "luxury"),
    ("was the ciragan always a hotel", "ottoman"),
    # a "1 on 1" of the presidents is the leaders' meeting; "outta this" is what someone wants out of it
    ("kremlin view on a zelensky putin 1 on 1", "agreements"),
    ("what does kyiv want outta this", "ceasefire"),
    # "pulling up" is showing up; "did anyone explain" asks whether a reason was given
    ("is putin pulling up to istanbul", "no article reports"),
    ("did anyone explain why it started so late", "no explanation"),
    # "mad" is angry; where they "held" a round is its venue, not land Russia holds
    ("why were the war bloggers so mad", "retaliatory"),
    ("where did they hold round one", "istanbul"),
    # "the latest" from Istanbul is the summary of the talks
    ("any latest news from istanbul", "prisoner exchange"),
    # gamers' words: bombers "cooked"/"yeeted" are destroyed, "salty" is frustrated, "the tea"/"lore" is someone's
    # background, "cracked" is skilled, "nite" is night
    ("how many planes got yeeted", "40"),
    ("is trump salty about the talks", "frustration"),
    ("what's the tea on umerov", "defence minister"),
    ("what's the lore of the ciragan palace", "ottoman"),
    ("is umerov cracked at negotiating", "skilled"),
    ("how many drones did russia fire sunday nite", "80"),
])
def test_teenage_and_chat_words_find_the_fact(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in " ".join(answer.body).casefold()


@pytest.mark.parametrize("question", [
    # "sue me" names Sumy only beside the war; "nice" is not the weather; "the latest" score is not the brief's
    "what's the latest score in the football",
    "is the weather nice in istanbul",
    "mad how expensive hotels are in istanbul, how much is a room",
    "we're cooked, is ww3 coming",
])
def test_chat_words_do_not_answer_what_the_brief_does_not_say(service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert not answer.matched, (question, answer.body)


@pytest.mark.parametrize(("question", "fact"), [
    # "code name" is what the brief's "codenamed" says; fighting that "came before"/"preceded" the invasion
    ("what code name did the drone attack have", "spider's web"),
    ("what fighting came before the full invasion", "eight years"),
    # damage "verified independently": the satellite imagery (in the topic's summary or its fact)
    ("has anyone independently verified the bomber losses", "satellite"),
    # the "baseline" of Kyiv's land talks is the front line; Russia's "performance" in May is its advance
    ("what does kyiv's plan use as the baseline for land talks", "front line"),
    ("russia's battlefield performance in may?", "fastest rate"),
    # a "big one by this war's standards": the biggest swap of the war
    ("was the may swap a big one for this war", "biggest"),
])
def test_readers_words_for_what_the_brief_says_otherwise(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in " ".join(answer.body).casefold()


def test_a_code_name_the_articles_do_not_give_stays_unanswered(service: BriefService) -> None:
    (answer,) = ask(service, "what was the code name of the 2022 invasion")
    assert not answer.matched, answer.body


def test_a_greeting_of_ukraine_is_not_read_as_a_typo(service: BriefService) -> None:
    # "slava ukraini" was read as "slap" (from "slap sanctions") and sank the question it greets
    (answer,) = ask(service, "slava ukraini! who did russia send")
    assert "medinsky" in first(answer).casefold()
    (answer,) = ask(service, "slava ukraini, what's the weather in kyiv")
    assert not answer.matched, answer.body


@pytest.mark.parametrize(("question", "fact"), [
    # "P.O.W.s" dictated letter by letter; Siberia, RIA Novosti, Ibrahim, the Kremlin, NDTV and Putin as
    # dictation spells them; "bil" for billion
    ("how many p.o.w.s were exchanged in may", "1,000"),
    ("which bombers were hit in sy berea", "siberia"),
    ("who is abraham kalin", "intelligence chief"),
    ("what did the crem lin say about a putin zelensky meeting", "agreements"),
    ("what did n d t v say about trump", "ndtv"),
    ("what did pew tin ask for", "sanctions relief"),
    ("the bombers were worth how many bil", "7 billion"),
    # what the war bloggers "wanted": the retaliatory blow they called for
    ("what did the war bloggers want from moscow", "retaliatory"),
])
def test_more_dictated_words_find_the_fact(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in " ".join(answer.body).casefold()


@pytest.mark.parametrize(("question", "fact"), [
    # "insist" is what Trump did about whose war it is; "insist on" is still a demand
    ("whose war does trump insist it is", "biden"),
    ("what does moscow insist on", "nato"),
    # talks that "went on all day": how long they lasted; "even explain": whether a reason was given
    ("did the meeting go on all day", "less than an hour"),
    ("did they even explain the delay", "no explanation"),
    # who "pushed" the two sides into talks: Trump urged them on
    ("who pushed russia and ukraine into talking directly", "trump"),
])
def test_insisting_lasting_explaining_and_pushing(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in " ".join(answer.body).casefold()


@pytest.mark.parametrize(("question", "fact"), [
    # a side's "endgame" is what it wants; a "vibe check" asks the atmosphere
    ("so what's moscow's endgame", "nato"),
    ("kyiv's end goal?", "ceasefire"),
    ("vibe check on the istanbul talks?", "subdued"),
])
def test_chat_words_for_demands_and_mood(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in " ".join(answer.body).casefold()


def test_an_endgame_elsewhere_stays_unanswered(service: BriefService) -> None:
    (answer,) = ask(service, "what's the endgame of the war in syria")
    assert not answer.matched, answer.body


@pytest.mark.parametrize(("question", "fact"), [
    # "take place" only means "happen": the question word says whether the time or the place is asked
    ("when's the next round going to take place?", "end of june"),
    ("so when is round three taking place", "end of june"),
    ("when did the first round of direct talks take place", "16 may"),
    ("where did monday's talks take place", "ciragan"),
    ("where did the second round of talks take place", "ciragan"),
    # the first round "of direct talks", "of negotiations", "of peace talks" is the first round
    ("when was the first round of direct peace talks", "16 may"),
    ("first round of negotiations: when was it", "16 may"),
])
def test_take_place_asks_nothing_the_question_word_does_not(
        service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in first(answer).casefold()


@pytest.mark.parametrize("question", [
    # the articles name no venue for a next round
    "where will the third round take place",
    "where is round 3 taking place",
])
def test_where_a_next_round_takes_place_stays_unanswered(service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert not answer.matched, (question, answer.body)


@pytest.mark.parametrize("turns", [
    # small talk with the bot, and questions about the bot itself, are no article's topic: fresh or right after an
    # answer (where a greeting was read as a follow-up to the answer before it)
    ("how are you doing today?",),
    ("who headed ukraine's team", "how are you doing today?"),
    ("are you a bot or a person?",),
    ("where did they meet", "are you a real person?"),
    ("how many bombers were hit", "who built you"),
    # a reader's own problem to fix is tech support
    ("my laptop won't boot, how do i fix it",),
    ("who led russia's team", "how can i fix my router"),
    ("how to fix a flat tyre",),
])
def test_small_talk_and_tech_support_stay_unanswered(service: BriefService, turns: tuple[str, ...]) -> None:
    *_, answer = ask(service, *turns)
    assert not answer.matched, (turns, answer.body)


def test_fixing_the_issues_the_brief_covers_is_still_answered(service: BriefService) -> None:
    # "fix" is still the brief's "resolve" when no reader's own problem is meant
    (answer,) = ask(service, "who does umerov think can fix the key issues")
    assert "putin" in first(answer).casefold()


@pytest.mark.parametrize(("question", "fact"), [
    # honorifics read as nothing: "Mr Umerov" is Umerov, "this Medinsky gentleman" is Medinsky
    ("what exactly does mr medinsky do", "kremlin aide"),
    ("who is mister fidan", "foreign minister"),
    ("what did mr zelensky ask for", "ceasefire"),
    ("tell me about this umerov gentleman", "defence minister"),
    # "portray", "characterise", "depict" ask nothing more, as "describe" does (a stopword): how someone is seen
    ("how do kyiv and the west portray the invasion", "land grab"),
    ("how is umerov portrayed as a negotiator", "skilled"),
    # "in practice" and "roughly" ask nothing more
    ("what would denazification look like in practice", "russian-speakers"),
    # the brief's "prolonging" is what readers call dragging out or stalling
    ("what's moscow accused of dragging out", "prolonging"),
    # a "ministerial portfolio" is a job; "most notably" is the brief's "particularly"
    ("what ministerial portfolio does umerov have", "defence minister"),
    ("which region are russian troops advancing in most notably", "sumy"),
    # "newly agreed" is the new exchange; to "interpret" something is how one regards it
    ("which prisoners does the newly agreed swap focus on", "injured"),
    ("how does kyiv interpret russia's approach", "capitulate"),
    # to "argue" or "express" is to say; a "status as a state" is being a nation
    ("why does kyiv argue for a ceasefire first", "pause"),
    ("what has medinsky expressed about ukraine's status as a state", "right to exist"),
    # drones brought "within range" of their targets were smuggled in
    ("how did kyiv get its drones within range of the airbases", "smuggling"),
])
def test_formal_and_polite_wordings_find_the_fact(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in first(answer).casefold()


@pytest.mark.parametrize("question", [
    # an honorific or a hedge does not make a question about what the articles never say answerable
    "is mr medinsky married",
    "what are mr umerov's hobbies",
    "roughly how many nukes does russia have",
])
def test_honorifics_and_hedges_do_not_answer_what_the_brief_does_not_say(
        service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert not answer.matched, (question, answer.body)


@pytest.mark.parametrize(("question", "fact"), [
    # "boast" is the brief's "bragged"; "finish the war quickly" is its "short order"
    ("did trump boast he'd end the war fast", "bragged"),
    # "feeling stronger" is going in bolstered; "was it certain" asks whether it was in doubt
    ("does kyiv's team feel any stronger going into the talks", "bolstered"),
    ("was it certain ukraine would show up", "guessing"),
    # exclamations and pity ask nothing more: "how on earth", "those poor kids"
    ("how on earth did the drones get so deep into russia", "smuggling"),
    ("why does moscow say those poor kids were moved", "protect"),
    # a "remote region" of Russia is Siberia; how "the operation worked" is how it was carried out
    ("bombers in a remote region, which one", "siberia"),
    ("how did the operation work, per kyiv's security service", "smuggling"),
])
def test_older_readers_everyday_words_find_the_fact(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in first(answer).casefold()


@pytest.mark.parametrize(("question", "fact"), [
    # "running point" is leading; drones "thrown at" a country were sent; "basic" asks nothing a fact must say
    ("who ran point for moscow's team?", "medinsky"),
    ("how many drones did russia hurl at ukraine on sunday night", "80"),
    ("what's the basic russian demand", "nato"),
    ("total waste of time, or did they agree anything at all?", "prisoner"),  # an aside, not a word asked
])
def test_chat_room_words_find_the_fact(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in first(answer).casefold()


@pytest.mark.parametrize("question", [
    # the same words about what the articles never say
    "how on earth is the weather so bad in istanbul",
    "did trump boast about his golf game",
    "is it certain the war ends this year",
])
def test_exclamations_and_boasts_do_not_answer_what_the_brief_does_not_say(
        service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert not answer.matched, (question, answer.body)


@pytest.mark.parametrize(("question", "fact"), [
    # "what's the deal with X" asks about X: its "deal" is no peace deal
    ("what's the deal with medinsky", "kremlin aide"),
    ("whats the deal w/ the prisoners from monday", "injured"),
    # a "seat at the table" is a part in the talks, not the seating in the room
    ("does the us have a seat at the table", "mediator"),
    ("is washington sitting at the table in istanbul", "mediator"),
    # Turkey's card names its foreign minister, who spoke to the delegations
    ("what's the deal with the turkish role", "fidan"),
])
def test_idioms_for_asking_about_something_find_the_fact(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in first(answer).casefold()


@pytest.mark.parametrize("question", [
    "what's the deal with brexit",
    "whats the deal with the weather in istanbul",
])
def test_the_deal_with_what_the_articles_do_not_cover_stays_unanswered(
        service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert not answer.matched, (question, answer.body)


@pytest.mark.parametrize(("question", "fact"), [
    # having to "leave their homes" is being forced to flee them; "later than planned" is the delay
    ("how many people had to leave their homes in this war", "millions"),
    ("how much later than planned did the talks get going", "two hours"),
    # "mil" for million
    ("over 1.2 mil killed and injured, says who", "united states"),
])
def test_more_everyday_words_find_the_fact(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in " ".join(answer.body).casefold()



@pytest.mark.parametrize(("question", "fact"), [
    # the event's place beside another word for the talks ("the turkey meeting") names the talks, not Turkey's role
    ("who headed ukraine's team at the turkey meeting", "umerov"),
    ("how long did the meeting in istanbul go on for", "less than an hour"),
    # names as other languages write them: Spanish "Turquía", French and Spanish "OTAN", Spanish "Estambul"
    ("what role did turquía play", "istanbul"),
    ("what does otan have to do with russia's demands", "nato"),
    ("who led kyiv's side in estambul", "umerov"),
    # what dictation makes of a name or a term: "spy der web", "hack on fee dan", "route causes"
    ("what did the spy der web operation hit", "airbases"),
    ("what did hack on fee dan tell the delegations", "eyes of the whole world"),
    ("what are the route causes russia keeps talking about", "root causes"),
])
def test_other_languages_and_dictation_spell_the_brief_s_names(
        service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in first(answer).casefold()


@pytest.mark.parametrize("question", [
    "what's the weather in estambul",
    "who is the president of turquía",
    "what is the otan budget",
    "when is the next istanbul meeting of nato",
    "how many people live in sibirien",
])
def test_other_spellings_of_names_do_not_answer_what_the_brief_does_not_say(
        service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert not answer.matched


@pytest.mark.parametrize(("question", "fact"), [
    # the form of a quiz or a voice assistant's wake word asks nothing: "true or false:", "hey siri", "in one sentence"
    ("true or false: the talks went on for a whole day", "less than an hour"),
    ("hey siri what did umerov say about the new prisoner swap", "severely injured"),
    ("where were the talks convened", "ciragan"),
    # everyday words for what a fact says in its own: "caught up in" a scandal, money "tied up" abroad, the
    # "excuse" Moscow gives for moving children, what Kyiv "risks", why the bombers are "significant", "the
    # weekend" of Spider's Web
    ("is umerov caught up in any scandal", "abuse of power"),
    ("how much russian money is tied up abroad", "hundreds of billions"),
    ("what excuse does russia give for taking ukrainian kids", "protect"),
    ("what does ukraine risk by refusing russia's terms", "losing more territory"),
    ("why are those bombers so significant for moscow", "nuclear arsenal"),
    ("any drone strikes over the weekend before the talks", "sunday"),
    ("what did trump promise about ending the war", "short order"),
    ("when were direct talks last held before they resumed this year", "early weeks"),
    # "the may meeting" is the first round; a "defense man" of Ukraine is its defence minister
    ("what did the may meeting produce", "prisoner swap"),
    ("tell me about the defense man from ukraine", "umerov"),
])
def test_quiz_forms_and_everyday_phrasings_find_the_fact(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in " ".join(answer.body).casefold()


@pytest.mark.parametrize("question", [
    "true or false: the sky is blue",
    "hey siri what's the weather tomorrow",
    "summarize the football match in one sentence",
    "how much money is tied up in ukraine's budget",
    "what was the weather like over the weekend in istanbul",
])
def test_quiz_forms_and_wake_words_do_not_answer_what_the_brief_does_not_say(
        service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert not answer.matched


@pytest.mark.parametrize(("question", "fact"), [
    # what the reader heard or read before checking it asks nothing: "i read …, true?", "someone told me …"
    ("i read siberia was one of the places hit, right?", "siberia"),
    ("someone told me putin went to istanbul himself", "no article reports putin"),
    # who "announced" who would go is who said so
    ("who announced umerov as head of the delegation", "zelensky"),
    # talks that "go nowhere", where there is "no movement", make no progress
    ("what will trump do if the talks go nowhere", "no progress"),
    ("what will washington do if there is no movement", "no progress"),
])
def test_what_a_sceptic_heard_and_plain_words_find_the_fact(
        service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in " ".join(answer.body).casefold()


@pytest.mark.parametrize("question", [
    "i heard it's going to rain tomorrow",
    "someone told me messi is retiring",
    "i read that the pope visited kyiv",
])
def test_what_a_reader_heard_elsewhere_is_not_answered_by_the_brief(service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert not answer.matched


@pytest.mark.parametrize(("question", "fact"), [
    # asides that ask nothing: where the reader saw it, how sure they are, what kind of message this is
    ("obviously the talks failed, what did they agree", "prisoner exchange"),
    ("saw on twitter the talks lasted an hour, true?", "less than an hour"),
    # a "voice memo" is the reader's message, not a memorandum of the talks
    ("voice memo: who led ukraine's delegation", "umerov"),
    # other languages' verbs for demanding: German "fordert"
    ("was fordert russland von der ukraine", "four"),
    # "reiterate" is saying again; the "pace" of an advance is how fast it is; "skipping" the talks asks attendance
    ("what did zelensky reiterate about a ceasefire", "unconditional ceasefire"),
    ("at what pace were russian troops advancing in may", "fastest"),
    ("did ukraine think about skipping the talks", "umerov"),
    # "istanbul 2" and "istanbul two" are the second round
    ("what was agreed at istanbul 2", "prisoner exchange"),
    # what "indicated" the losses is the evidence of them; the "format" Umerov says can resolve the issues
    ("what indicated that russia lost planes", "satellite"),
    ("what format does umerov say can fix the contentious issues", "zelensky and putin"),
])
def test_asides_foreign_verbs_and_plain_words_find_the_fact(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in " ".join(answer.body).casefold()


@pytest.mark.parametrize("question", [
    "who won the champions league on twitter",
    "what did youtube say about the weather",
    # the articles count the killed and the displaced, not civilians apart
    "how many civilians were killed in the war",
    "what speed do the drones fly at",
])
def test_asides_and_plain_words_do_not_answer_what_the_brief_does_not_say(service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert not answer.matched


@pytest.mark.parametrize(("question", "fact"), [
    # a reader back after days away asks what they missed: the whole story, or one topic of it
    ("i've been away, what did i miss?", "second round"),
    ("what happened while i was gone", "second round"),
    ("fill me in on the prisoner exchange", "prisoner exchange"),
    ("get me up to speed with the drone strike", "spider's web"),
    ("did i miss anything about the ceasefire", "no ceasefire"),
    # time said relative to the reader's day ("last week's", "a few days ago") asks nothing the question does not
    ("who headed kyiv's side at last week's negotiations", "umerov"),
    ("what was agreed a few days ago in istanbul", "prisoner exchange"),
    # what autocorrect makes of the Bosphorus
    ("the palace by the phosphorus, what's it called", "ciragan"),
])
def test_a_reader_catching_up_finds_the_fact(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in " ".join(answer.body).casefold()


@pytest.mark.parametrize("question", [
    "what did i miss in the premier league",
    "fill me in on the weather",
    "who won the match last week",
])
def test_catching_up_on_what_the_brief_does_not_cover_stays_unanswered(service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert not answer.matched


@pytest.mark.parametrize(("question", "fact"), [
    # where things stand, the state of play, how it all ended up: the whole story
    ("where do things stand with the peace talks", "second round"),
    ("what's the state of play", "second round"),
    ("what's the current status of the negotiations", "second round"),
    # whether anything "came of" the talks asks what they yielded
    ("did anything come of the talks in the end", "prisoner exchange"),
    # a half-remembered claim ("if i recall", "or something") is the claim checked
    ("if i recall the talks lasted hours, right?", "less than an hour"),
])
def test_a_reader_asking_where_things_stand_finds_the_fact(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in " ".join(answer.body).casefold()


@pytest.mark.parametrize("question", [
    "where do things stand with the football transfer",
    "what's the state of play in the premier league",
    "did anything come of the brexit talks",
    "i remember the weather was nice or something",
])
def test_where_things_stand_elsewhere_stays_unanswered(service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert not answer.matched


@pytest.mark.parametrize(("question", "fact"), [
    # "refresh my memory", "i can't remember", "i forget": a reader who half remembers asks the question that follows
    ("refresh my memory, where were the talks held", "ciragan"),
    ("i can't remember the name of the turkish foreign minister", "fidan"),
    ("jog my memory: what did yermak hand over", "list of children"),
])
def test_a_reader_who_half_remembers_finds_the_fact(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in " ".join(answer.body).casefold()


@pytest.mark.parametrize("question", ["remind me what the weather is tomorrow", "i can't remember my password"])
def test_a_reader_s_own_memory_lapse_stays_unanswered(service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert not answer.matched


@pytest.mark.parametrize(("question", "fact"), [
    # units as readers abbreviate them: "sq miles" asks the area, "kms behind the front" the distance
    ("how many sq miles does russia control", "113,100"),
    ("how many kms behind the front were the airbases", "thousands of kilometres"),
    ("how many miles from the front line were the bombers", "thousands of kilometres"),
])
def test_units_as_readers_abbreviate_them_find_the_figure(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in " ".join(answer.body).casefold()


@pytest.mark.parametrize("question", [
    # how far asks the distance first, not the count of what was hit there (nor the fact naming the country)
    "how far inside russia were the bombers that got hit",
    "How far inside Russia were the bombers that Ukraine hit?",
    # "how far" is the distance asked, not two words a fact must say
    "How far from the fighting were the planes that got hit?",
    "how far were the bombers from the front",
])
def test_how_far_leads_with_the_distance(service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert "thousands of kilometres" in first(answer)


@pytest.mark.parametrize("question", [
    "how many kilometres is it from istanbul to kyiv",  # two places the distance fact does not name
    "how many km from istanbul is kyiv",
    "how many miles behind the front is sumy",
    "how many sq miles is turkey",
])
def test_distances_and_areas_the_articles_do_not_give_stay_unanswered(service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert not answer.matched


@pytest.mark.parametrize(("question", "fact"), [
    # literal translations and other languages' words: a "change of prisoners" is their exchange, "aerodromes" are
    # airbases, "strategic aviation" the bombers, a "stop of fire" or "peremirie" a ceasefire
    ("when was the change of prisoners", "1,000"),
    ("how many aerodromes were attacked", "airbases"),
    ("how many planes of strategic aviation were destroyed", "40"),
    ("was there a stop of fire", "no ceasefire"),
    ("was agreed a peremirie?", "no ceasefire"),
])
def test_literal_translations_find_the_fact(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in " ".join(answer.body).casefold()


@pytest.mark.parametrize("question", [
    "how many aerodromes does russia have",
    "what is the history of civil aviation in turkey",
])
def test_literal_translations_do_not_answer_what_the_brief_does_not_say(service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert not answer.matched


@pytest.mark.parametrize(("question", "fact"), [
    # what readers call the people the brief names: a "spy boss", a president's "right hand man" or "top aide", a
    # president's "guy" for a country, a "special envoy"
    ("who is turkey's spy boss", "kalin"),
    ("who is zelensky's right hand man", "yermak"),
    ("who is the ukrainian president's top aide", "yermak"),
    ("who is trump's guy for ukraine", "kellogg"),
    ("what did the special envoy say about the memoranda", "merging"),
])
def test_what_readers_call_the_people_finds_them(service: BriefService, question: str, fact: str) -> None:
    (answer,) = ask(service, question)
    assert fact in " ".join(answer.body).casefold()


@pytest.mark.parametrize("question", ["who is putin's right hand man", "who is trump's chief of staff"])
def test_the_same_titles_for_people_the_articles_do_not_name_stay_unanswered(
        service: BriefService, question: str) -> None:
    (answer,) = ask(service, question)
    assert not answer.matched


def test_every_alias_reads_as_a_term_the_brief_uses(service: BriefService) -> None:
    """An alias is for finding a fact: one whose variants read as a term no fact, card or topic of the brief uses
    (an alias group shadowed by an entity's variants, as "invaded" once was by the invasion's) finds nothing, and
    only makes every question saying it unanswerable."""
    matcher = service.store.current.matcher
    silent = {"-", "small talk", "troubleshooting"}  # read as nothing, or as what no article covers, on purpose
    dead = sorted((group, variant, term) for group, variants in matcher.brief.aliases.items() if group not in silent
                  for variant in variants for term in matcher.analyzer.terms(variant)
                  if term not in matcher.index.vocabulary and term not in QUESTION_WORDS)
    assert not dead


@pytest.mark.parametrize(("question", "fact"), [
    # how quickly something ended is how long it lasted
    ("how quickly did the talks end?", "less than an hour"),
    ("how fast was it over?", "less than an hour"),
])
def test_how_quickly_something_ended_is_how_long_it_lasted(service: BriefService, question: str, fact: str) -> None:
    assert fact in first(ask(service, question)[0]).casefold()


def test_a_dollar_amount_asks_what_the_bombers_were_worth(service: BriefService) -> None:
    assert "$7 billion" in first(ask(service, "dollar amount of the damage to the bombers?")[0])


def test_problems_with_someone_just_discussed_are_the_scandal_around_them(service: BriefService) -> None:
    _, problems = ask(service, "how good a negotiator is umerov?", "hmm, any problems with him though?")
    assert "abuse of power" in first(problems)


@pytest.mark.parametrize(("question", "fact"), [
    # English as second-language readers write it
    ("Medinsky is what for a person?", "kremlin aide"),  # "was für ein Mensch": who he is
    ("what kind of man is umerov", "defence minister"),
    ("who was making the head of Russian side in Istanbul?", "medinsky"),
    ("from the 80 drones of russia, ukraine shooted how many?", "52"),
    ("the ukrainian roadmap, what is inside?", "reparations"),
    ("what does kyiv want out of the istanbul talks?", "ceasefire"),
    ("Trump has entered in office when?", "january"),
    ("on which date russia has entered in ukraine with army?", "2022"),
    ("ukraine is saying how many russian soldiers are collecting near to Sumy?", "50,000"),
    ("what was coming out from the talks on monday?", "prisoner exchange"),
    ("the russian bombers which got damage, they are worth how much money?", "$7 billion"),
    # "russian" before the bombers says whose bombers: the fact about them need not name Russia
    ("how much were the russian bombers worth?", "$7 billion"),
    # adverbs that ask nothing of their own
    ("How were the two delegations physically arranged in the room at the palace?", "opposite sides"),
    ("Was the first round held somewhere other than Istanbul?", "istanbul"),
    ("did the delegations sit at one table together or nah", "opposite sides"),
    # things described in other words than the brief's
    ("what did putin call the strip he ordered along the northeastern border?", "buffer zone"),
    ("what does kyiv want to keep itself safe after a deal?", "security guarantees"),
    ("when did the russians get into town?", "sunday"),
    ("had zelensky got moscow's version by sunday?", "yet to receive"),
    ("after the may meeting, what homework did both sides agree to do?", "memoranda"),
    ("how long did the sit-down last in the end?", "less than an hour"),
    ("What is Kyiv ready to do if Moscow softens its stance?", "real steps"),
    ("what does Kyiv want to get out of a peace deal?", "ceasefire"),
    ("when did Trump take over the White House?", "january"),
    ("who does trump pin it on?", "biden"),
    ("how many hours did the talks last?", "less than an hour"),
    ("how many russian troops are bunched up near sumy?", "50,000"),
    ("how big are russia's frozen assets abroad?", "hundreds of billions"),
    ("why are the strategic bombers such a big deal?", "nuclear arsenal"),
    ("how did kyiv manage to get its drones so deep inside russia?", "smuggling"),
    ("how far behind schedule did they actually begin?", "two hours"),  # a delay, not a distance
    ("back at that first get-together, how many captured people did each side agree to hand back?", "1,000"),
])
def test_other_peoples_words_for_a_fact_find_it(service: BriefService, question: str, fact: str) -> None:
    assert fact in first(ask(service, question)[0]).casefold()


def test_a_country_named_for_itself_still_needs_a_fact_about_it(service: BriefService) -> None:
    # "russia's foreign minister" asks Russia's, not Turkey's: a possessive is no adjective
    assert not ask(service, "who is russia's foreign minister?")[0].matched


@pytest.mark.parametrize(("said", "read"), [
    ("fifty two drones", ("52", "drones")),
    ("one hundred sixty two", ("162",)),
    ("a hundred and sixty two", ("162",)),
    ("a hundred thirteen thousand", ("113000",)),
    ("twenty twenty two", ("2022",)),  # a year said in pairs
    ("nineteen ninety one", ("1991",)),
    # not numbers: "one" alone is a pronoun, and two digits said one after the other stay apart
    ("which one", ("which", "one")),
    ("two three", ("2", "3")),
])
def test_a_number_said_in_words_is_read_as_its_digits(said: str, read: tuple[str, ...]) -> None:
    assert words(said) == read


@pytest.mark.parametrize(("opener", "follow_up", "fact"), [
    # where the bombers were based is the place the articles name
    ("how many bombers did ukraine hit?", "where were they based?", "Siberia"),
    # a side's "figure" is its count
    ("what happened with the drones on sunday night?", "and the ukrainian figure?", "52"),
])
def test_a_follow_ups_everyday_word_finds_the_fact(service: BriefService, opener: str, follow_up: str,
                                                    fact: str) -> None:
    _, answer = ask(service, opener, follow_up)
    assert fact in first(answer)
