"""The link that adds the bot to a server: the scopes and channel permissions the bot uses, and no more."""

from __future__ import annotations

import discord

SCOPES = ("bot", "applications.commands")  # the bot user, and its slash commands

# Slash commands, their replies, follow-ups and buttons need no channel permission (they go through the
# interaction). These are for what the bot does as a member: read the messages that mention it, answer them
# as replies (a reply needs Read Message History), also inside threads, with embeds, and post digests.
PERMISSIONS = discord.Permissions(
    view_channel=True,
    send_messages=True,
    send_messages_in_threads=True,
    embed_links=True,
    read_message_history=True,
)


def invite_url(application_id: int) -> str:
    return discord.utils.oauth_url(application_id, permissions=PERMISSIONS, scopes=SCOPES)
