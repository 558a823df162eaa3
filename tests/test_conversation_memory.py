"""Up to 10,000 conversations keep their last context: what many of them hold alike is held once (issue 11, RSS)."""

from __future__ import annotations

from bot.core.service import BriefService
from tests.test_answers import service  # noqa: F401  the real brief's service


def test_conversations_asking_alike_share_their_shown_keys_and_entity_sets(service: BriefService) -> None:
    service.ask("memory-a", "who led russia's delegation?")
    service.ask("memory-b", "and who led RUSSIA'S delegation??")
    a, b = service.conversations.get("memory-a"), service.conversations.get("memory-b")
    assert a is not None and b is not None
    assert a.shown == b.shown and all(x is y for x, y in zip(a.shown, b.shown))
    assert a.entities == b.entities and a.entities is b.entities
