"""The readings of one message share what retrieval and the example overlap gave the same terms (`Matcher.match`):
"who else…?" is read without what was just shown and then with it, a sentence and the follow-up reading of the
whole message often ask the same terms. Sharing them changes no match, and nothing is kept between messages."""

from __future__ import annotations

import itertools

from bot.core.brief import load_brief, load_seeds
from bot.core.conversation import Conversations
from bot.core.index import Retrieved
from bot.core.matcher import FollowUpContext, Matcher
from bot.core.service import BriefService
from bot.core.store import BriefStore
from tests.conftest import BRIEF, SEEDS
from tests.eval.evaluate import load


def test_readings_sharing_their_terms_match_as_each_read_alone() -> None:
    service = BriefService(BriefStore(BRIEF, SEEDS), Conversations())
    matcher = service.store.current.matcher
    keys = (f"k{n}" for n in itertools.count())
    compared = 0
    for name in ("train", "dev"):
        for conversation in load(name)["conversations"]:
            key = next(keys)
            for turn in conversation:
                context = service.conversations.get(key)
                with matcher._one_message():
                    shared = matcher._match(turn["q"], context)
                # nothing kept for the next message: not what was retrieved, nor what was read from a text alone
                assert matcher._retrieved is None and matcher._event_reads is None and matcher._doers is None
                alone = matcher._match(turn["q"], context)  # every reading retrieves for itself
                assert repr(shared) == repr(alone), turn["q"]
                service.ask(key, turn["q"])
                compared += 1
    assert compared > 1500


def test_a_follow_up_asking_for_others_reads_the_same_terms_twice_and_retrieves_them_once() -> None:
    # "who else was on it?" after Russia's delegation: read without the fact shown, then with it (the same terms)
    matcher = Matcher(load_brief(BRIEF, SEEDS, load_seeds(SEEDS)))
    first = matcher.match("who was in russia's delegation?")
    assert first.best is not None and first.lead
    context = FollowUpContext(first.best.id, first.terms, first.entities, tuple(u.key for u in first.lead),
                              tuple(u.key for u in first.lead))
    retrieved: list[tuple[str, ...]] = []
    index = matcher.index
    retrieve = index.retrieve

    def counted(terms: tuple[str, ...], k: int) -> Retrieved:  # the real retrieval, counted
        retrieved.append(tuple(terms))
        return retrieve(terms, k)

    index.retrieve = counted  # type: ignore[method-assign]
    with matcher._one_message():
        matcher._match("who else was on it?", context)
    assert retrieved and len(retrieved) == len(set(retrieved))


def test_what_a_conversation_keeps_between_turns_has_no_dict_of_its_own() -> None:
    # Up to 10,000 conversations are kept, one context each: a slotted context holds its fields and nothing more,
    # and the next turn still reads it ("and ukraine's?" after Russia's delegation asks who led Ukraine's).
    service = BriefService(BriefStore(BRIEF, SEEDS), Conversations())
    service.ask("telegram:1", "who led russia's delegation?")
    context = service.conversations.get("telegram:1")
    assert context is not None and not hasattr(context, "__dict__")
    answer = service.ask("telegram:1", "and ukraine's?")
    assert answer.matched and answer.section_id == "ukraine-delegation"
