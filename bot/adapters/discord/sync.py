"""Upload the slash commands only when they differ from what Discord already has.

We compare with the server (GET the registered commands) rather than a hash on disk: it costs one
request per start, needs no writable state, and notices when someone changed or deleted the
commands elsewhere (another deployment, the developer portal). Discord echoes commands with extra
fields (ids, versions, localisations) and spells some defaults differently (permissions as strings,
`required: false` omitted), so both sides are reduced to a canonical form first.
"""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands

log = logging.getLogger(__name__)

# The fields a command definition is made of; anything else in Discord's echo is bookkeeping.
_DEFINITION_KEYS = frozenset({
    "name", "description", "type", "options", "nsfw", "dm_permission", "default_member_permissions",
    "contexts", "integration_types", "required", "autocomplete", "choices", "value", "min_value", "max_value",
    "min_length", "max_length", "channel_types",
})
# Values that mean the same as leaving the field out.
_DEFAULTS: dict[str, Any] = {"nsfw": False, "dm_permission": True, "required": False, "autocomplete": False}


def _canonical(value: Any, unset: frozenset[str] = frozenset()) -> Any:
    if isinstance(value, list):
        return [_canonical(item) for item in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, item in value.items():
        if key not in _DEFINITION_KEYS or key in unset or item is None or item == []:
            continue
        if key in _DEFAULTS and item is _DEFAULTS[key]:
            continue
        if key == "default_member_permissions":
            item = str(item)  # we send an int, Discord answers with a string
        out[key] = _canonical(item)
    return out


def _by_key(commands: list[dict[str, Any]]) -> dict[tuple[int, str], dict[str, Any]]:
    return {(int(c.get("type", 1)), c["name"]): c for c in commands}


def commands_differ(local: list[dict[str, Any]], remote: list[dict[str, Any]]) -> bool:
    """True when uploading `local` would change what Discord has registered."""
    mine, theirs = _by_key(local), _by_key(remote)
    if mine.keys() != theirs.keys():
        return True
    for key, command in mine.items():
        # A field we leave unset (None) takes Discord's default, whatever Discord echoes for it.
        unset = frozenset(k for k, v in command.items() if v is None)
        if _canonical(command, unset) != _canonical(theirs[key], unset):
            return True
    return False


async def sync_if_changed(client: discord.Client, tree: app_commands.CommandTree[Any],
                          guild_id: int | None) -> bool:
    """Sync globally, or to `guild_id` at once when set; returns True when commands were uploaded."""
    app_id = client.application_id
    if app_id is None:
        raise RuntimeError("the application id is unknown: log in first")
    guild = discord.Object(id=guild_id) if guild_id is not None else None
    if guild is not None:
        # A test guild gets the global commands as guild commands: they update instantly there.
        tree.clear_commands(guild=guild)
        tree.copy_global_to(guild=guild)
    local = [command.to_dict(tree) for command in tree.get_commands(guild=guild)]
    if guild is None:
        remote = await client.http.get_global_commands(app_id)
    else:
        remote = await client.http.get_guild_commands(app_id, guild.id)
    where = "globally" if guild is None else f"to guild {guild_id}"
    if not commands_differ(local, list(remote)):
        log.info("Discord commands unchanged; not syncing %s", where)
        return False
    synced = await tree.sync(guild=guild)
    log.info("synced %d Discord commands %s", len(synced), where)
    return True
