"""Everyday paraphrases (bot/core/paraphrases.py) meet the brief's own words, and stay out of off-topic questions."""

from __future__ import annotations

import itertools

import pytest

from bot.core.conversation import Conversations
from bot.core.models import Answer
from bot.core.paraphrases import PARAPHRASES
from bot.core.service import BriefService
from bot.core.store import BriefStore
from tests.conftest import BRIEF, SEEDS

_keys = itertools.count()


@pytest.fixture(scope="module")
def service() -> BriefService:
    return BriefService(BriefStore(BRIEF, SEEDS), Conversations(), threshold=0.5)


def ask(service: BriefService, question: str) -> Answer:
    return service.ask(f"paraphrase-{next(_keys)}", question)


def test_a_paraphrase_reads_as_its_target_word(service: BriefService) -> None:
    analyzer = service.store.current.matcher.analyzer
    assert analyzer.terms("who runs the bank") == analyzer.terms("who leads the bank")
    assert analyzer.terms("they blew up the bridge") == analyzer.terms("they destroy the bridge")
    # The brief's own aliases come first: its "lead" alias already reads "headed"; the table only joins "ran" to it.
    assert analyzer.terms("who ran it") == analyzer.terms("who headed it")


def test_no_variant_is_listed_twice_or_as_a_target() -> None:
    variants = [v for group in PARAPHRASES.values() for v in group]
    assert len(variants) == len(set(variants))
    assert not set(variants) & set(PARAPHRASES)


@pytest.mark.parametrize(("question", "fact"), [
    ("who runs ukraine's team?", "umerov"),
    ("how many planes did ukraine say it took out?", "40"),
    ("what did moscow threaten to seize?", "kharkiv"),
    ("who is the boss of the russian delegation", "medinsky"),
])
def test_everyday_words_find_the_brief_s_fact(service: BriefService, question: str, fact: str) -> None:
    answer = ask(service, question)
    assert answer.matched, question
    assert fact in " ".join(answer.body).casefold()


@pytest.mark.parametrize("question", [
    "who runs russia's central bank?",
    "when will russia launch its next missile test?",
    "how many prisoners will they swap next time?",
])
def test_paraphrases_of_another_event_stay_out_of_scope(service: BriefService, question: str) -> None:
    assert not ask(service, question).matched


@pytest.mark.parametrize(("question", "fact"), [
    # the brief's verbs and nouns in other everyday words (aliases in the brief)
    ("what do images from space show?", "satellite imagery"),
    ("did they agree to let the guns fall silent?", "No ceasefire"),
    ("how many were driven from their homes?", "Millions"),
    ("who fronted ukraine's team?", "Umerov"),
    ("what did kyiv put in its memo?", "30-day ceasefire"),
    ("who did moscow put in charge of its delegation?", "Medinsky"),
    ("who will the new exchange cover?", "severely injured"),
    ("what does kyiv reckon moscow's approach amounts to?", "capitulate"),
    ("where did trump tell off zelensky?", "Oval Office"),
    ("what's the scandal hanging over the ukrainian defence minister?", "abuse of power"),
    ("what were the talks supposed to cover, according to the turks", "ceasefire"),
    # the words around a question that ask nothing ("a bunch of", "when it comes to")
    ("i heard russia has a bunch of troops near some ukrainian city", "50,000"),
    ("which of the two lead negotiators is described as pragmatic?", "Umerov"),
    ("whos war is it per trump", "Biden"),  # "per X" is "according to X"
    ("So what's Kyiv putting on the table?", "memorandum"),
    ("how does this war rank among european conflicts?", "World War II"),
    ("Whose idea were these face to face talks in the first place?", "Putin"),
    ("what's umerov's rep as a negotiator, any good?", "pragmatic"),
    # a reader who remembers the story but not its words
    ("how many unmanned aerial vehicles did russia fire overnight?", "80"),
    ("what has trump called the kremlin leader?", "crazy"),
    ("what are the deeper reasons moscow keeps talking about?", "root causes"),
    ("how did kyiv get its drones close enough to the planes?", "smuggling"),
    ("who can settle the toughest issues, according to zelensky?", "leaders"),
    ("how many people have had to leave home?", "millions"),
    ("what is ukraine asking for to keep it safe after a deal?", "security guarantees"),
    ("why is medinsky criticised?", "textbooks"),
    ("who is the us president in these stories?", "Trump"),
    ("what did kyiv's negotiator say about the russian draft?", "review"),
    ("how much of the country does russia hold?", "one-fifth"),  # a share of it, not a count of "the country"
    ("what are the troops near sumy getting ready for?", "offensive"),
    ("where were the kids taken?", "Russian-occupied"),
    ("how much cash does russia have stuck abroad?", "hundreds of billions"),
    ("where does kellogg fit into all this?", "envoy"),
    ("what's russia accused of?", "prolonging"),
    ("what was the original start time of the talks?", "1 p.m."),
    ("what was the venue before it became a hotel?", "Ottoman"),  # "met in before it" asks no earlier meeting
    ("how many bombers did kyiv say it knocked out in the surprise raid?", "40"),
    ("what year did moscow's lead negotiator run an earlier round that went nowhere?", "2022"),
    ("when does kyiv want to meet the russians again?", "end of June"),
    ("where were the drones launched from?", "launched from near the airbases"),
    # when something could happen: a condition answers it as well as a date
    ("according to the kremlin, when could putin and zelensky meet?", "only happen after"),
    ("what rude word did trump call putin?", "crazy"),
    # a question passed on for someone else: the relaying words ask nothing ("kid" is not the deported children)
    ("my kid asks who putin is", "President"),
    ("my son is asking how many prisoners were swapped in may", "1,000"),
])
def test_everyday_words_for_the_brief_s_own(service: BriefService, question: str, fact: str) -> None:
    answer = ask(service, question)
    assert answer.matched and fact in (answer.lead or answer.facts[0].line()), answer.body


def test_what_an_exchange_is_supposed_to_cover_is_still_whom_it_focuses_on(service: BriefService) -> None:
    # "what were the talks supposed to cover" asks their aim; the new swap "supposed to cover" someone is its focus
    answer = ask(service, "who is the next prisoner swap supposed to cover?")
    assert answer.matched and "severely injured" in answer.facts[0].line()


@pytest.mark.parametrize(("question", "fact"), [
    ("did russia hand over a draft peace accord, or is that just propaganda?", "draft peace accord"),
    ("putin wants sanctions relief too, or is that a rumour?", "sanctions relief"),
    ("did they really agree a prisoner exchange or was it all hype", "prisoner exchange"),
])
def test_a_reader_s_doubt_tail_leaves_the_claim_checked(service: BriefService, question: str, fact: str) -> None:
    """ "…, or is that spin?" names nothing a fact says: the claim before it is what is asked about."""
    answer = ask(service, question)
    assert answer.matched and fact in " ".join(answer.body[:2]), answer.body


def test_the_x_bit_reads_as_x(service: BriefService) -> None:
    """ "the merging bit", like "the merging angle": the word framing what is asked about names nothing."""
    answer = ask(service, "tell me about the merging bit")
    assert answer.matched and "merging" in " ".join(answer.body[:2]), answer.body
