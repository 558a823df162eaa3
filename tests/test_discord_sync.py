"""Deciding whether the command set changed, against the way Discord echoes registered commands."""

from __future__ import annotations

import copy
from typing import Any

from bot.adapters.discord.sync import commands_differ

LOCAL: list[dict[str, Any]] = [
    {"name": "ask", "description": "Ask", "type": 1, "nsfw": False, "dm_permission": True,
     "default_member_permissions": None, "contexts": None, "integration_types": None,
     "options": [{"type": 3, "name": "question", "description": "Q", "required": True, "autocomplete": True}]},
    {"name": "reload", "description": "Reload", "type": 1, "options": [], "nsfw": False, "dm_permission": True,
     "default_member_permissions": 32, "contexts": None, "integration_types": None},
]

# What Discord returns for the same commands: ids and versions, permissions as a string, defaults
# spelled out or left out, and values for fields we left unset.
REMOTE: list[dict[str, Any]] = [
    {"id": "1", "application_id": "9", "version": "5", "default_permission": True, "type": 1, "name": "reload",
     "description": "Reload", "default_member_permissions": "32", "contexts": [0, 1, 2],
     "integration_types": [0], "nsfw": False, "name_localizations": None},
    {"id": "2", "application_id": "9", "version": "6", "type": 1, "name": "ask", "description": "Ask",
     "default_member_permissions": None, "dm_permission": True, "contexts": None,
     "options": [{"type": 3, "name": "question", "description": "Q", "required": True, "autocomplete": True,
                  "description_localizations": {}}]},
]


def test_same_commands_as_discord_echoes_them_do_not_differ() -> None:
    assert not commands_differ(LOCAL, REMOTE)


def test_changed_description_option_or_permission_differs() -> None:
    for change in (
        lambda c: c[0].update(description="Ask anything"),
        lambda c: c[0]["options"][0].update(autocomplete=False),
        lambda c: c[1].update(default_member_permissions=16),
        lambda c: c.pop(),
        lambda c: c.append({"name": "new", "description": "New", "type": 1, "options": []}),
    ):
        local = copy.deepcopy(LOCAL)
        change(local)
        assert commands_differ(local, REMOTE)


def test_nothing_registered_yet_differs() -> None:
    assert commands_differ(LOCAL, [])
