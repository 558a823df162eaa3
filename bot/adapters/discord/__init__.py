"""Discord: slash commands with autocomplete, answers as embeds, topic buttons, mentions, digests.

A package named `discord` inside `bot.adapters` is fine: its modules import the library with
absolute imports (`import discord`), which always resolve to the top-level discord.py package.
"""

from bot.adapters.discord.adapter import BriefClient, DiscordAdapter

__all__ = ["BriefClient", "DiscordAdapter"]
