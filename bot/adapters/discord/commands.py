"""The slash commands, topic buttons and mentions: Discord interactions in, core service calls out."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
from typing import Any, Sequence

import discord
from discord import app_commands

from bot.adapters.discord.views import topic_view
from bot.core.curation import ChatKind, Origin
from bot.core.curation_report import current_report, report_lines
from bot.core.flood import FloodGate, Verdict
from bot.core.models import Answer, Topic
from bot.core.ports import InvalidSchedule, NotSaved, Subscriptions
from bot.core.schedule import zone_suggestions
from bot.core.service import BriefService
from bot.render.discord_embed import (
    answer_messages,
    clip,
    digest_messages,
    split_text,
    sources_messages,
    topic_buttons,
    topics_messages,
)

log = logging.getLogger(__name__)

PLATFORM = "discord"
CHOICES_MAX = 25  # Discord shows at most 25 autocomplete choices
CHOICE_MAX = 100  # characters in a choice's name and in a string choice's value
CONTENT_MAX = 2000  # characters in a plain message
SLOW_DOWN = "You're asking faster than I can keep up. Please wait a few seconds and try again."
NOT_ADMIN = "Sorry, only the bot's admins can do that."
NO_SUBSCRIPTIONS = "Daily digests are not available on this bot right now."
STALE_TOPIC = "That topic is no longer in the brief. Try /topics to see what it covers now."
MENTION_HELP = "Ask me a question about the brief, e.g. `@{name} who leads Russia's team?`, or use `/ask`."
THANKS = "Thanks"
NO_CURATION = "The curation log is off in this deployment (no database)."
CURATE_TOP = 10
_MENTION = re.compile(r"<@!?(\d+)>")


def conversation_key(channel_id: int | None, user_id: int) -> str:
    """Follow-ups are per channel (a DM channel is already per user); a channel-less interaction is per user."""
    return f"discord:{channel_id}" if channel_id is not None else f"discord:user:{user_id}"


def origin_of(guild_id: int | None) -> Origin:
    """Where a question came from, for the curation log: a server channel or a DM, never which one."""
    return Origin(PLATFORM, ChatKind.PRIVATE if guild_id is None else ChatKind.GROUP)


async def send_messages(interaction: discord.Interaction[Any], messages: Sequence[Sequence[discord.Embed]],
                        view: discord.ui.View | None = None, ephemeral: bool = False) -> None:
    """Send embed messages as the interaction's response (or follow-ups once deferred); the view goes last."""
    for index, embeds in enumerate(messages):
        extra: dict[str, Any] = {}
        if view is not None and index == len(messages) - 1:
            extra["view"] = view
        if not interaction.response.is_done():
            await interaction.response.send_message(embeds=list(embeds), ephemeral=ephemeral, **extra)
        else:
            await interaction.followup.send(embeds=list(embeds), ephemeral=ephemeral, **extra)


async def say(interaction: discord.Interaction[Any], text: str, ephemeral: bool = True) -> None:
    """A short text reply: errors, refusals and admin output are ephemeral (only the caller sees them)."""
    text = clip(text, CONTENT_MAX)
    if interaction.response.is_done():
        await interaction.followup.send(text, ephemeral=ephemeral)
    else:
        await interaction.response.send_message(text, ephemeral=ephemeral)


class Handlers:
    """What each command does; the adapter registers these on the command tree."""

    def __init__(self, service: BriefService, subscriptions: Subscriptions | None, flood: FloodGate) -> None:
        self.service = service
        self.subscriptions = subscriptions
        self.flood = flood

    # ---------------------------------------------------------------- helpers

    def _flooded(self, user_id: int) -> Verdict:
        return self.flood.check(f"{PLATFORM}:{user_id}")

    async def _answer(self, interaction: discord.Interaction[Any], answer: Answer) -> None:
        view = topic_view(topic_buttons(answer.buttons), answer.answer_id)
        await send_messages(interaction, answer_messages(answer), view)

    async def _throttled(self, interaction: discord.Interaction[Any]) -> bool:
        """True when the user is over the flood limit; an interaction must still be answered, so say so."""
        if self._flooded(interaction.user.id) is Verdict.ALLOW:
            return False
        await say(interaction, SLOW_DOWN)
        return True

    def _admin(self, interaction: discord.Interaction[Any]) -> bool:
        return self.service.is_admin(PLATFORM, interaction.user.id)

    # ---------------------------------------------------------------- questions

    async def ask(self, interaction: discord.Interaction[Any], question: str) -> None:
        if await self._throttled(interaction):
            return
        key = conversation_key(interaction.channel_id, interaction.user.id)
        await self._answer(interaction, self.service.ask(key, question, origin_of(interaction.guild_id)))

    async def ask_autocomplete(self, interaction: discord.Interaction[Any], current: str
                               ) -> list[app_commands.Choice[str]]:
        # Picking a topic fills in its title as the question, which the matcher answers with that topic.
        return [app_commands.Choice(name=clip(t.title, CHOICE_MAX), value=clip(t.title, CHOICE_MAX))
                for t in self.service.suggest(current, CHOICES_MAX)]

    async def topic(self, interaction: discord.Interaction[Any], name: str) -> None:
        if await self._throttled(interaction):
            return
        key = conversation_key(interaction.channel_id, interaction.user.id)
        section_id = self._resolve_topic(name)
        answer = self.service.topic(section_id, key) if section_id else None
        if answer is None:
            suggestions = self.service.suggest(name, 3)
            view = topic_view(topic_buttons(suggestions))
            text = f"There's no topic called “{clip(name, 100)}”."
            if suggestions:
                text += " Did you mean one of these?"
            await interaction.response.send_message(text, view=view or discord.utils.MISSING, ephemeral=True)
            return
        await self._answer(interaction, self.service.rateable(answer, origin_of(interaction.guild_id)))

    def _resolve_topic(self, name: str) -> str | None:
        """Autocomplete sends the section id; a typed-in title works too."""
        topics = self.service.topics()
        wanted = name.strip().casefold()
        for topic in topics:
            if topic.id == name.strip() or topic.title.casefold() == wanted:
                return topic.id
        return None

    async def topic_autocomplete(self, interaction: discord.Interaction[Any], current: str
                                 ) -> list[app_commands.Choice[str]]:
        topics: list[Topic] = self.service.suggest(current, CHOICES_MAX)
        return [app_commands.Choice(name=clip(t.title, CHOICE_MAX), value=t.id)
                for t in topics if len(t.id) <= CHOICE_MAX]

    async def topic_pressed(self, interaction: discord.Interaction[Any], section_id: str) -> None:
        """A topic button ("More: …", related, "did you mean"): the whole topic, in the same channel."""
        if await self._throttled(interaction):
            return
        key = conversation_key(interaction.channel_id, interaction.user.id)
        answer = self.service.topic(section_id, key)
        if answer is None:
            await say(interaction, STALE_TOPIC)
            return
        await self._answer(interaction, self.service.rateable(answer, origin_of(interaction.guild_id)))

    async def verdict_pressed(self, interaction: discord.Interaction[Any], answer_id: str, up: bool) -> None:
        """A 👍/👎 under an answer: thanked at once and privately; a second tap by the same reader replaces it."""
        if await self._throttled(interaction):
            return
        await say(interaction, THANKS)
        if self.service.curator is not None:
            self.service.curator.verdict(answer_id, PLATFORM, str(interaction.user.id), up)

    async def topics(self, interaction: discord.Interaction[Any]) -> None:
        title = self.service.store.brief.meta.title
        await send_messages(interaction, topics_messages(title, self.service.topics()))

    async def sources(self, interaction: discord.Interaction[Any]) -> None:
        await send_messages(interaction, sources_messages(self.service.sources()))

    async def digest(self, interaction: discord.Interaction[Any]) -> None:
        """A true preview: the digest this channel receives next, built as the send will build it."""
        if self.subscriptions is None:
            digest, note = self.service.digest(dt.datetime.now(dt.timezone.utc).date()), None
        else:
            await interaction.response.defer(thinking=True)  # storage may be slow
            digest, note = await self.subscriptions.preview(PLATFORM, str(interaction.channel_id))
        if note:
            await say(interaction, note)
        await send_messages(interaction, digest_messages(digest), topic_view(topic_buttons(digest.topics)))

    # ---------------------------------------------------------------- subscriptions

    async def subscribe(self, interaction: discord.Interaction[Any], time: str | None, timezone: str | None,
                        mode: str | None = None) -> None:
        if self.subscriptions is None:
            await say(interaction, NO_SUBSCRIPTIONS)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)  # storage may be slow
        try:
            confirmation = await self.subscriptions.subscribe(
                PLATFORM, str(interaction.channel_id), str(interaction.user.id), time, timezone, mode)
        except (InvalidSchedule, NotSaved) as exc:
            await say(interaction, str(exc))
            return
        await say(interaction, confirmation)

    async def timezone_autocomplete(self, interaction: discord.Interaction[Any], current: str
                                    ) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=name, value=name) for name in zone_suggestions(current, CHOICES_MAX)]

    async def unsubscribe(self, interaction: discord.Interaction[Any]) -> None:
        if self.subscriptions is None:
            await say(interaction, NO_SUBSCRIPTIONS)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            was_active = await self.subscriptions.unsubscribe(PLATFORM, str(interaction.channel_id))
        except NotSaved as exc:
            await say(interaction, str(exc))
            return
        await say(interaction, "This channel will no longer get the daily digest." if was_active
                  else "This channel wasn't subscribed to the daily digest.")

    # ---------------------------------------------------------------- admin

    async def reload(self, interaction: discord.Interaction[Any]) -> None:
        if not self._admin(interaction):
            await say(interaction, NOT_ADMIN)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)  # validating against seeds takes a while
        # The store does the work (and keeps the old brief on failure); off the event loop, it reads files.
        result = await asyncio.to_thread(self.service.reload)
        log.info("discord admin %s reloaded the brief: %s", interaction.user.id, "ok" if result.ok else "failed")
        await say(interaction, result.message())

    async def stats(self, interaction: discord.Interaction[Any]) -> None:
        if not self._admin(interaction):
            await say(interaction, NOT_ADMIN)
            return
        lines = self.service.stats_lines()
        if self.subscriptions is not None:
            await interaction.response.defer(ephemeral=True, thinking=True)
            lines += await self.subscriptions.delivery_lines()
        await say(interaction, "\n".join(lines))

    async def curate(self, interaction: discord.Interaction[Any]) -> None:
        if not self._admin(interaction):
            await say(interaction, NOT_ADMIN)
            return
        curator = self.service.curator
        if curator is None:
            await say(interaction, NO_CURATION)
            return
        await interaction.response.defer(ephemeral=True, thinking=True)  # reading and grouping the log takes a while
        current = self.service.store.current
        report = await current_report(curator, current.matcher, self.service.threshold, current.revision)
        for chunk in split_text(report_lines(report, CURATE_TOP), CONTENT_MAX):
            await interaction.followup.send(chunk, ephemeral=True)

    # ---------------------------------------------------------------- mentions

    async def on_message(self, me: discord.ClientUser | None, message: discord.Message) -> None:
        """"@bot question" in a channel (or any message in a DM) is answered like /ask."""
        if me is None or message.author.bot or message.author.id == me.id:
            return
        # Not `message.guild is None`: a guild message can arrive before its guild is cached.
        direct = isinstance(message.channel, discord.DMChannel)
        if not direct and me not in message.mentions:
            return  # not for us (and @everyone does not count as asking the bot)
        verdict = self._flooded(message.author.id)
        if verdict is Verdict.DROP:
            return
        if verdict is Verdict.NOTIFY:
            await message.reply(SLOW_DOWN, mention_author=False)
            return
        question = _MENTION.sub(" ", message.content).strip()
        if not question:
            # Discord leaves content empty without the message-content intent except where we're mentioned
            # or in DMs; an empty mention gets a hint rather than silence.
            await message.reply(MENTION_HELP.format(name=me.display_name), mention_author=False)
            return
        origin = Origin(PLATFORM, ChatKind.PRIVATE if direct else ChatKind.GROUP)
        answer = self.service.ask(conversation_key(message.channel.id, message.author.id), question, origin)
        messages = answer_messages(answer)
        view = topic_view(topic_buttons(answer.buttons), answer.answer_id)
        for index, embeds in enumerate(messages):
            last = index == len(messages) - 1
            extra: dict[str, Any] = {"view": view} if (last and view is not None) else {}
            if index == 0:
                await message.reply(embeds=list(embeds), mention_author=False, **extra)
            else:
                await message.channel.send(embeds=list(embeds), **extra)


def register_commands(tree: app_commands.CommandTree[Any], handlers: Handlers) -> None:
    """Every slash command with its description, described options and default permissions."""

    @tree.command(name="ask", description="Ask a question about the brief; answers cite their sources")
    @app_commands.describe(question="Your question, e.g. who leads Russia's delegation?")
    async def ask(interaction: discord.Interaction[Any], question: app_commands.Range[str, 1, 300]) -> None:
        await handlers.ask(interaction, question)

    @ask.autocomplete("question")
    async def ask_autocomplete(interaction: discord.Interaction[Any], current: str
                               ) -> list[app_commands.Choice[str]]:
        return await handlers.ask_autocomplete(interaction, current)

    @tree.command(name="topic", description="Show everything the brief says about one topic")
    @app_commands.describe(name="The topic's title; start typing to pick one")
    async def topic(interaction: discord.Interaction[Any], name: str) -> None:
        await handlers.topic(interaction, name)

    @topic.autocomplete("name")
    async def topic_autocomplete(interaction: discord.Interaction[Any], current: str
                                 ) -> list[app_commands.Choice[str]]:
        return await handlers.topic_autocomplete(interaction, current)

    @tree.command(name="topics", description="List the topics the brief covers")
    async def topics(interaction: discord.Interaction[Any]) -> None:
        await handlers.topics(interaction)

    @tree.command(name="sources", description="List the source articles behind the brief")
    async def sources(interaction: discord.Interaction[Any]) -> None:
        await handlers.sources(interaction)

    @tree.command(name="digest", description="Preview the next digest this channel gets")
    async def digest(interaction: discord.Interaction[Any]) -> None:
        await handlers.digest(interaction)

    @tree.command(name="subscribe", description="Send this channel the daily digest")
    @app_commands.describe(time="Time of day, e.g. 08:00 (default from the bot's config)",
                           timezone="Time zone, e.g. Europe/Kyiv or UTC (default from the bot's config)",
                           mode="Every day (default), or only on days the brief changed")
    @app_commands.choices(mode=[app_commands.Choice(name="every day", value="daily"),
                                app_commands.Choice(name="only days with changes", value="changes")])
    @app_commands.default_permissions(manage_channels=True)
    async def subscribe(interaction: discord.Interaction[Any], time: str | None = None,
                        timezone: str | None = None, mode: str | None = None) -> None:
        await handlers.subscribe(interaction, time, timezone, mode)

    @subscribe.autocomplete("timezone")
    async def timezone_autocomplete(interaction: discord.Interaction[Any], current: str
                                    ) -> list[app_commands.Choice[str]]:
        return await handlers.timezone_autocomplete(interaction, current)

    @tree.command(name="unsubscribe", description="Stop the daily digest in this channel")
    @app_commands.default_permissions(manage_channels=True)
    async def unsubscribe(interaction: discord.Interaction[Any]) -> None:
        await handlers.unsubscribe(interaction)

    @tree.command(name="reload", description="Admins: reload the brief from disk")
    @app_commands.default_permissions(manage_guild=True)
    async def reload(interaction: discord.Interaction[Any]) -> None:
        await handlers.reload(interaction)

    @tree.command(name="stats", description="Admins: usage statistics")
    @app_commands.default_permissions(manage_guild=True)
    async def stats(interaction: discord.Interaction[Any]) -> None:
        await handlers.stats(interaction)

    @tree.command(name="curate", description="Admins: what readers asked that the brief could not answer")
    @app_commands.default_permissions(manage_guild=True)
    async def curate(interaction: discord.Interaction[Any]) -> None:
        await handlers.curate(interaction)

    @tree.error
    async def on_error(interaction: discord.Interaction[Any], error: app_commands.AppCommandError) -> None:
        log.error("Discord command %s failed", interaction.command.name if interaction.command else "?",
                  exc_info=error)
        try:
            await say(interaction, "Sorry, something went wrong answering that. Please try again.")
        except discord.HTTPException:
            log.warning("could not tell the user about the failure")
