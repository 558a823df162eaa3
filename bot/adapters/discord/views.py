"""Topic and 👍/👎 buttons that keep working after a restart or a reload.

Each topic button's custom_id is "t:<section-id>"; a verdict button's is "v:+:<answer-id>" or "v:-:<answer-id>". They are `DynamicItem`s registered on the client, so
discord.py routes a press by matching the custom_id, not by remembering the message: a button on
a week-old message still answers, and one whose section was removed answers politely.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

import discord

from bot.render.discord_embed import TOPIC_PREFIX, ButtonSpec

VERDICT_PREFIX = "v:"
VERDICT_ROW = 4  # the last of Discord's five rows: topic buttons fill the rows above
TOPICS_WITH_VERDICT = 20  # 25 buttons per message, 5 of them in the verdict row


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
        # interaction.client is our BriefClient; its handlers answer the topic, in the channel's turn.
        client: Any = interaction.client
        async with client.order.turn(interaction.channel_id):
            await client.handlers.topic_pressed(interaction, self.section_id)


class VerdictButton(discord.ui.DynamicItem[discord.ui.Button[Any]],
                    template=re.compile(re.escape(VERDICT_PREFIX) + r"(?P<value>[+-]):(?P<answer>[\w-]{1,40})")):
    def __init__(self, answer_id: str, up: bool) -> None:
        super().__init__(discord.ui.Button(label="👍" if up else "👎", style=discord.ButtonStyle.secondary,
                                           custom_id=f"{VERDICT_PREFIX}{'+' if up else '-'}:{answer_id}",
                                           row=VERDICT_ROW))
        self.answer_id, self.up = answer_id, up

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> "VerdictButton":
        return cls(match["answer"], match["value"] == "+")

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        client: Any = interaction.client
        await client.handlers.verdict_pressed(interaction, self.answer_id, self.up)


def topic_view(buttons: Sequence[ButtonSpec], answer_id: str = "") -> discord.ui.View | None:
    """A view of topic buttons, and 👍/👎 in their own row for a rateable answer; None when there are no buttons
    (Discord rejects an empty component list)."""
    if not buttons and not answer_id:
        return None
    view = discord.ui.View(timeout=None)
    for spec in buttons[:TOPICS_WITH_VERDICT] if answer_id else buttons:
        view.add_item(TopicButton(spec.custom_id[len(TOPIC_PREFIX):], spec.label))
    if answer_id:
        view.add_item(VerdictButton(answer_id, True))
        view.add_item(VerdictButton(answer_id, False))
    return view
