"""Topic buttons that keep working after a restart or a reload.

Each button's custom_id is "t:<section-id>". They are `DynamicItem`s registered on the client, so
discord.py routes a press by matching the custom_id, not by remembering the message: a button on
a week-old message still answers, and one whose section was removed answers politely.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

import discord

from bot.render.discord_embed import TOPIC_PREFIX, ButtonSpec


class TopicButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                  template=re.compile(re.escape(TOPIC_PREFIX) + r"(?P<section>.{1,98})", re.DOTALL)):
    def __init__(self, section_id: str, label: str = "topic") -> None:
        super().__init__(discord.ui.Button(label=label, style=discord.ButtonStyle.secondary,
                                           custom_id=TOPIC_PREFIX + section_id))
        self.section_id = section_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> "TopicButton":
        return cls(match["section"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        # interaction.client is our BriefClient; its handlers answer the topic.
        client: Any = interaction.client
        await client.handlers.topic_pressed(interaction, self.section_id)


def topic_view(buttons: Sequence[ButtonSpec]) -> discord.ui.View | None:
    """A view of topic buttons; None when there are none (Discord rejects an empty component list)."""
    if not buttons:
        return None
    view = discord.ui.View(timeout=None)
    for spec in buttons:
        view.add_item(TopicButton(spec.custom_id[len(TOPIC_PREFIX):], spec.label))
    return view
