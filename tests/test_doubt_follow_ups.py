"""Follow-ups that question the answer just given (bot/core/doubt.py): "says who?", "is that confirmed?", "what does
the other side say?". They show who makes the claim and, where the brief has it, the other side's word on it; a
bare "and the other side?" stays the same question asked of the other side. Real conversations through
`BriefService.ask`, in the test author's own words (not taken from the evaluation sets in tests/eval/).
"""

from __future__ import annotations

from bot.core.doubt import Doubt, doubt
from bot.core.models import Answer
from bot.core.service import BriefService
from bot.core.text import normalize
from tests.test_answers import ask, service  # noqa: F401  the real brief's service; one conversation a call

BOMBERS = "how many bombers did the drones damage"
TOLL = "how many people has the war killed or wounded?"


def lead(answer: Answer) -> str:
    assert answer.matched, f"{answer.question!r} was not answered"
    return " ".join(answer.body).casefold()


def test_a_doubt_is_told_by_its_words_alone() -> None:
    def read(message: str, *named: str) -> Doubt | None:
        return doubt(normalize(message).split(), frozenset(named))

    assert read("are you certain about that?") is Doubt.SOURCE
    assert read("whose estimate is the 1.2 million") is Doubt.SOURCE
    assert read("does moscow dispute that?", "moscow") is Doubt.OTHER_SIDE
    assert read("who is right?") is Doubt.OTHER_SIDE
    # A word of its own asks a question of its own; "who is the source?" asks who an unnamed source is.
    assert read("is it true they agreed a ceasefire?") is None
    assert read("who is the source?") is None
    assert read("is reuters biased?", "reuters") is None


def test_doubting_a_claim_shows_who_makes_it(service: BriefService) -> None:  # noqa: F811
    _, sure = ask(service, BOMBERS, "are you certain about that?")
    assert sure.section_id == "spiders-web" and "according to ukraine" in lead(sure)
    _, really = ask(service, "what did russia hand over at the talks", "really? who says so")
    assert "umerov said" in lead(really)


def test_a_number_named_in_the_doubt_picks_the_fact_giving_it(service: BriefService) -> None:  # noqa: F811
    for doubting in ("is the 1.2 million confirmed?", "whose estimate is the 1.2 million"):
        _, whose = ask(service, TOLL, doubting)
        assert whose.section_id == "war-toll"
        assert lead(whose).startswith("the united states says over 1.2 million")


def test_the_other_side_of_a_claim_is_its_word_on_the_same_thing(service: BriefService) -> None:  # noqa: F811
    _, moscow = ask(service, "what list did kyiv hand over in istanbul", "does moscow dispute that?")
    assert moscow.section_id == "children" and "protect" in lead(moscow)
    _, version = ask(service, BOMBERS, "what's the other camp's version?")
    assert "starkly different" in lead(version)
    _, right = ask(service, BOMBERS, "who is right?")
    assert "starkly different" in lead(right)


def test_asking_for_evidence_is_answered_by_the_evidence_the_brief_has(service: BriefService) -> None:  # noqa: F811
    _, proof = ask(service, "do kyiv and moscow agree on the damage to the bombers?", "can anyone verify it independently?")
    assert "satellite imagery" in lead(proof)


def test_a_bare_other_side_is_still_the_same_question_of_the_other_side(service: BriefService) -> None:  # noqa: F811
    _, kyiv = ask(service, "who headed the russian team", "and the other side?")
    assert "umerov" in lead(kyiv)
    _, russia = ask(service, "how many drones did ukraine down overnight on sunday", "and the other side?")
    assert "162" in lead(russia)


def test_a_question_of_its_own_after_an_answer_is_not_a_doubt(service: BriefService) -> None:  # noqa: F811
    _, ceasefire = ask(service, "who headed the russian team", "is it true they agreed a ceasefire?")
    assert ceasefire.section_id == "ceasefire"


def test_whose_of_two_parties_a_figure_is_shows_who_claims_it(service: BriefService) -> None:  # noqa: F811
    _, whose = ask(service, TOLL, "is that kyiv's tally or washington's?")
    assert "united states" in lead(whose)


def test_once_both_sides_were_shown_who_is_right_is_the_evidence(service: BriefService) -> None:  # noqa: F811
    # Ukraine's count, then the two sides' different assessments, then what the topic gives as evidence.
    _, sides, right = ask(service, BOMBERS, "what's the other camp's version?", "so which one do i believe?")
    assert "starkly different" in lead(sides)
    assert "satellite imagery" in lead(right)


def test_whose_figure_pointed_at_shows_who_claims_it_and_a_bare_party_figure_is_a_swap(
        service: BriefService) -> None:  # noqa: F811
    _, whose = ask(service, "how many russian troops are massing near sumy", "is that the ukrainian figure?")
    assert whose.section_id == "battlefield" and "according to ukrainian officials" in lead(whose)
    _, russia = ask(service, "how many drones did ukraine down overnight on sunday", "and the russian figure?")
    assert "162" in lead(russia)


def test_doubts_typed_loosely_still_show_who_makes_the_claim(service: BriefService) -> None:  # noqa: F811
    """ "why should i believe that?", "that's kyiv's number though, right?", "thats ukraine's figure right": doubt in
    chat shorthand, not questions of their own."""
    for message in ("why should i believe that?", "that's kyiv's number though, right?", "thats ukraine's figure right",
                    "who confirmed that?"):
        _, doubted = ask(service, BOMBERS, message)
        assert doubted.section_id == "spiders-web" and "according to ukraine" in lead(doubted), message


def test_asking_whether_a_claim_is_confirmed_is_answered_by_the_topic_s_evidence(
        service: BriefService) -> None:  # noqa: F811
    # whose claim it is was shown with the figure ("according to Ukraine"); whether it holds is the evidence
    for message in ("is that confirmed by anyone else?", "Is that confirmed?", "has that been independently verified?"):
        _, confirmed = ask(service, BOMBERS, message)
        assert "satellite imagery" in lead(confirmed), message


def test_independent_confirmation_is_the_evidence(service: BriefService) -> None:  # noqa: F811
    _, confirmed = ask(service, BOMBERS, "any independent confirmation?")
    assert "satellite imagery" in lead(confirmed).split(".")[0]


def test_a_denial_the_brief_does_not_report_still_says_who_claims_it(service: BriefService) -> None:  # noqa: F811
    """ "and moscow denies it?" after Ukraine's count near Sumy: no fact gives Moscow's word, so who makes the claim;
    never "I don't know" about what was just answered."""
    _, denied = ask(service, "how many russian troops are near sumy?", "and moscow denies it?")
    assert denied.section_id == "battlefield" and "ukrainian officials" in lead(denied)


def test_asking_the_source_of_a_plain_fact_names_the_outlets(service: BriefService) -> None:  # noqa: F811
    """ "source?" after a fact no party claims: which articles report it, by outlet where the article names one."""
    _, source = ask(service, "who led russia's team?", "source?")
    assert "medinsky" in lead(source)
    assert "Reported by NDTV and Progleton News, and in articles [003] and [004], which name no outlet." in source.notes
    _, claimed = ask(service, BOMBERS, "says who?")
    assert not claimed.notes  # "(according to Ukraine)" already says who claims it


def test_who_gave_a_time_just_shown_is_who_reported_it(service: BriefService) -> None:  # noqa: F811
    # the scheduled start was given by Turkish officials to Russian state media
    _, gave = ask(service, "what time were the talks supposed to start?", "who gave that time?")
    assert gave.matched and "turkish officials" in " ".join(gave.body).casefold()
