"""What the bot does with each Telegram update: commands, questions, button taps, inline queries, errors."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass, replace

from telegram import (
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import Forbidden, RetryAfter, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.adapters.telegram.addressing import question_for_bot
from bot.adapters.telegram.limiter import ANSWER
from bot.adapters.telegram.keyboards import (
    answer_keyboard,
    labelled_keyboard,
    section_of,
    topic_data,
    topic_keyboard,
    verdict_of,
)
from bot.core.curation import ChatKind, Origin
from bot.core.curation_report import current_report, report_lines
from bot.core.flood import FloodGate, Verdict
from bot.core.models import Answer, Digest
from bot.core.ports import InvalidSchedule, NotSaved, Subscriptions
from bot.core.service import BriefService
from bot.render.telegram_html import (
    esc,
    render_answer,
    render_digest,
    render_lines,
    render_sources,
    render_topics_intro,
    split_message,
)

log = logging.getLogger(__name__)

PLATFORM = "telegram"
INLINE_RESULTS = 5
EXAMPLES = 3

FLOOD_NOTICE = "You're sending messages faster than I can answer. Please wait a few seconds, then ask again."
STALE_BUTTON = "That topic is no longer in the brief — try /topics"
UNKNOWN_BUTTON = "That button no longer works — try /topics"
INLINE_BUTTON = "Open a chat with me to explore more topics."
ERROR_TEXT = "Sorry, something went wrong on my side. Please try again in a moment."
NOT_ADMIN = "Sorry, only the bot's admins can use /{command}."
NO_SUBSCRIPTIONS = "Daily digests are not available in this deployment yet."
SUBSCRIBE_USAGE = ("Usage: /subscribe [HH:MM] [Area/City] [changes], for example /subscribe 08:00 Europe/Kyiv, "
                   "or /subscribe 08:00 Europe/Kyiv changes for digests only on days the brief changed")
ASK_USAGE = "Ask like this: /ask who leads Russia's delegation?"
UNKNOWN_COMMAND = "I don't know that command. /help lists what I can do."
MODES = ("daily", "changes")  # the last word of /subscribe: every day (the default) or changed days only
THANKS = "Thanks"
NO_CURATION = "The curation log is off in this deployment (no database)."
CURATE_TOP = 10


@dataclass(frozen=True)
class Command:
    name: str
    description: str
    admin: bool = False


COMMANDS = (
    Command("start", "What I cover, with example questions"),
    Command("help", "How to ask me things"),
    Command("topics", "Browse the brief's topics"),
    Command("ask", "Ask a question: /ask who leads Russia's delegation?"),
    Command("sources", "The articles the brief is built from"),
    Command("digest", "Preview the next digest this chat gets"),
    Command("subscribe", "Daily digest: /subscribe [HH:MM] [Area/City] [changes]"),
    Command("unsubscribe", "Stop the daily digest in this chat"),
    Command("reload", "Admin: re-read the brief from disk", admin=True),
    Command("stats", "Admin: usage statistics", admin=True),
    Command("curate", "Admin: what readers asked that the brief could not answer", admin=True),
)


def digest_keyboard(digest: Digest) -> InlineKeyboardMarkup | None:
    """The brief's other topics as buttons under a digest, two to a row."""
    return topic_keyboard(digest.topics, per_row=2)


def conversation_key(chat_id: int) -> str:
    return f"{PLATFORM}:{chat_id}"


def origin_of(chat_type: str) -> Origin:
    """Where a question came from, for the curation log: the kind of chat only, never which one."""
    return Origin(PLATFORM, ChatKind.PRIVATE if chat_type == ChatType.PRIVATE else ChatKind.GROUP)


class Handlers:
    def __init__(self, service: BriefService, subscriptions: Subscriptions | None, flood: FloodGate) -> None:
        self.service = service
        self.subscriptions = subscriptions
        self.flood = flood

    def register(self, app: Application) -> None:  # type: ignore[type-arg]
        simple = {
            "start": self.start, "help": self.help, "topics": self.topics, "ask": self.ask,
            "sources": self.sources, "digest": self.digest, "subscribe": self.subscribe,
            "unsubscribe": self.unsubscribe, "reload": self.reload, "stats": self.stats, "curate": self.curate,
        }
        for name, callback in simple.items():
            app.add_handler(CommandHandler(name, callback))
        app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, self.migrated))
        app.add_handler(MessageHandler(filters.COMMAND & filters.ChatType.PRIVATE, self.unknown_command))
        app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & filters.UpdateType.MESSAGE, self.text))
        app.add_handler(CallbackQueryHandler(self.button))
        app.add_handler(InlineQueryHandler(self.inline))
        app.add_error_handler(self.on_error)

    # ------------------------------------------------------------ sending

    async def _send(self, context: ContextTypes.DEFAULT_TYPE, chat_id: int, text: str,
                    keyboard: InlineKeyboardMarkup | None = None, reply_to: int | None = None) -> None:
        """HTML `text`, split to Telegram's limit; the keyboard goes under the last part."""
        parts = split_message(text)
        for index, part in enumerate(parts):
            await context.bot.send_message(
                chat_id, part, parse_mode=ParseMode.HTML,
                reply_markup=keyboard if index == len(parts) - 1 else None,
                reply_parameters=ReplyParameters(reply_to, allow_sending_without_reply=True)
                if reply_to and index == 0 else None,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                rate_limit_args=ANSWER,  # ahead of digests; a 429 is waited out once
            )

    async def _reply(self, update: Update, context: ContextTypes.DEFAULT_TYPE, text: str,
                     keyboard: InlineKeyboardMarkup | None = None) -> None:
        chat, message = update.effective_chat, update.effective_message
        assert chat is not None
        # In a group, quote the message being answered so the thread stays readable.
        reply_to = message.message_id if message is not None and chat.type != ChatType.PRIVATE else None
        await self._send(context, chat.id, text, keyboard, reply_to)

    async def _answer(self, update: Update, context: ContextTypes.DEFAULT_TYPE, answer: Answer) -> None:
        await self._reply(update, context, render_answer(answer), answer_keyboard(answer))

    def _ask(self, update: Update, question: str) -> Answer:
        chat = update.effective_chat
        assert chat is not None
        return self.service.ask(conversation_key(chat.id), question, origin_of(chat.type))

    async def _admit(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
        """Flood protection per user: past the rate, one polite notice, then silence until it calms."""
        user = update.effective_user
        if user is None:
            return True
        verdict = self.flood.check(str(user.id))
        if verdict is Verdict.ALLOW:
            return True
        query = update.callback_query
        if verdict is Verdict.NOTIFY:
            log.info("flood protection: telegram user %s is over the rate", user.id)
            if query is not None:
                await query.answer(FLOOD_NOTICE, show_alert=True)
            else:
                await self._reply(update, context, esc(FLOOD_NOTICE))
        elif query is not None:
            await query.answer()  # stop the button's spinner, silently
        return False

    async def _admin(self, update: Update, context: ContextTypes.DEFAULT_TYPE, command: str) -> bool:
        user = update.effective_user
        if user is not None and self.service.is_admin(PLATFORM, user.id):
            return True
        log.info("refused /%s from non-admin telegram user %s", command, user.id if user else None)
        await self._reply(update, context, esc(NOT_ADMIN.format(command=command)))
        return False

    # ------------------------------------------------------------ commands

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not await self._admit(update, context):
            return
        chat = update.effective_chat
        assert chat is not None
        if context.args:  # deep link t.me/<bot>?start=<section-id>
            answer = self.service.topic(context.args[0], conversation_key(chat.id))
            if answer is not None:
                await self._answer(update, context, self.service.rateable(answer, origin_of(chat.type)))
                return
        brief = self.service.store.brief
        meta = brief.meta
        examples = [(s.examples[0], s.id) for s in brief.sections[:EXAMPLES] if s.examples]
        text = (f"<b>{esc(meta.title)}</b>\n{esc(meta.when())} · {esc(meta.venue)}\n\n{esc(meta.summary)}\n\n"
                "Ask me about it in plain words: every answer comes from a curated brief and names its "
                "sources. Try one of these, browse /topics, or see /help.")
        await self._reply(update, context, text, labelled_keyboard(examples))

    async def help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not await self._admit(update, context):
            return
        username = context.bot.username
        lines = [f"/{c.name} — {esc(c.description)}" for c in COMMANDS if not c.admin]
        text = ("<b>How to use me</b>\nAsk a question in plain words, e.g. <i>who leads Russia's delegation?</i> "
                "Follow-ups work too: <i>and Ukraine's?</i> or <i>tell me more</i>\n\n" + "\n".join(lines) + "\n\n"
                f"In a group, mention me (@{esc(username)}) or reply to one of my messages.\n"
                f"In any chat, type @{esc(username)} and a few words to share an answer.")
        await self._reply(update, context, text)

    async def topics(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not await self._admit(update, context):
            return
        topics = self.service.topics()
        text = render_topics_intro(self.service.store.brief.meta.title, topics)
        await self._reply(update, context, text, topic_keyboard(topics))

    async def ask(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not await self._admit(update, context):
            return
        question = " ".join(context.args or [])
        if not question:
            await self._reply(update, context, esc(ASK_USAGE))
            return
        await self._answer(update, context, self._ask(update, question))

    async def sources(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if await self._admit(update, context):
            await self._reply(update, context, render_sources(self.service.sources()))

    async def digest(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A true preview: the digest this chat receives next, built as the send will build it."""
        if not await self._admit(update, context):
            return
        chat = update.effective_chat
        assert chat is not None
        if self.subscriptions is None:
            digest, note = self.service.digest(dt.datetime.now(dt.timezone.utc).date()), None
        else:
            digest, note = await self.subscriptions.preview(PLATFORM, str(chat.id))
        text = render_digest(digest)
        await self._reply(update, context, f"<i>{esc(note)}</i>\n\n{text}" if note else text, digest_keyboard(digest))

    async def migrated(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A group became a supergroup: Telegram says so in the old chat (migrate_to_chat_id) and the new one
        (migrate_from_chat_id). The subscription moves to the new id; either message alone is enough."""
        message = update.effective_message
        if message is None or self.subscriptions is None:
            return
        if message.migrate_to_chat_id:
            old, new = message.chat.id, message.migrate_to_chat_id
        elif message.migrate_from_chat_id:
            old, new = message.migrate_from_chat_id, message.chat.id
        else:
            return
        await self.subscriptions.migrate(PLATFORM, str(old), str(new))

    async def subscribe(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not await self._admit(update, context):
            return
        chat, user = update.effective_chat, update.effective_user
        assert chat is not None and user is not None
        if self.subscriptions is None:
            await self._reply(update, context, esc(NO_SUBSCRIPTIONS))
            return
        time_text: str | None = None
        zone_text: str | None = None
        mode: str | None = None
        for arg in context.args or []:
            if mode is None and arg.lower() in MODES:
                mode = arg.lower()
            elif time_text is None and arg[:1].isdigit():
                time_text = arg
            elif zone_text is None:
                zone_text = arg
            else:
                await self._reply(update, context, esc(SUBSCRIBE_USAGE))
                return
        try:
            confirmation = await self.subscriptions.subscribe(PLATFORM, str(chat.id), str(user.id), time_text,
                                                              zone_text, mode)
        except (InvalidSchedule, NotSaved) as exc:
            await self._reply(update, context, esc(str(exc)))
            return
        await self._reply(update, context, esc(confirmation))

    async def unsubscribe(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not await self._admit(update, context):
            return
        chat = update.effective_chat
        assert chat is not None
        if self.subscriptions is None:
            await self._reply(update, context, esc(NO_SUBSCRIPTIONS))
            return
        try:
            removed = await self.subscriptions.unsubscribe(PLATFORM, str(chat.id))
        except NotSaved as exc:
            await self._reply(update, context, esc(str(exc)))
            return
        text = "Daily digest stopped for this chat." if removed else "This chat has no daily digest to stop."
        await self._reply(update, context, esc(text))

    async def reload(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not await self._admit(update, context) or not await self._admin(update, context, "reload"):
            return
        # Parsing and checking quotes against the seeds is file I/O and CPU: keep it off the event loop.
        result = await asyncio.to_thread(self.service.reload)
        user = update.effective_user
        log.info("brief reload by telegram admin %s: %s", user.id if user else None, "ok" if result.ok else "failed")
        lines = result.message().splitlines()
        await self._reply(update, context, render_lines(lines[0], lines[1:]))

    async def stats(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if await self._admit(update, context) and await self._admin(update, context, "stats"):
            lines = self.service.stats_lines()
            if self.subscriptions is not None:
                lines += await self.subscriptions.delivery_lines()
            await self._reply(update, context, render_lines("Stats", lines))

    async def curate(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if not await self._admit(update, context) or not await self._admin(update, context, "curate"):
            return
        curator = self.service.curator
        if curator is None:
            await self._reply(update, context, esc(NO_CURATION))
            return
        current = self.service.store.current
        report = await current_report(curator, current.matcher, self.service.threshold, current.revision)
        await self._reply(update, context, esc("\n\n".join(report_lines(report, CURATE_TOP))))

    async def unknown_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if await self._admit(update, context):
            await self._reply(update, context, esc(UNKNOWN_COMMAND))

    # ------------------------------------------------------------ questions, buttons, inline

    async def text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message, chat = update.effective_message, update.effective_chat
        assert message is not None and chat is not None
        question = question_for_bot(message, context.bot.id, context.bot.username)
        if question is None:  # a group message not addressed to the bot: stay quiet
            return
        if not await self._admit(update, context):
            return
        if not question:
            title = self.service.store.brief.meta.title
            await self._reply(update, context, f"Ask me about {esc(title)} — or browse /topics.")
            return
        await self._answer(update, context, self._ask(update, question))

    async def button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        if not await self._admit(update, context):
            return
        verdict = verdict_of(query.data or "")
        if verdict is not None:
            await query.answer(THANKS)  # at once: the reader sees the tap land, whatever the store does next
            if self.service.curator is not None:
                self.service.curator.verdict(verdict[0], PLATFORM, str(query.from_user.id), verdict[1])
            return
        section_id = section_of(query.data or "", [t.id for t in self.service.topics()])
        if section_id is None:
            await query.answer(UNKNOWN_BUTTON, show_alert=True)
            return
        if query.message is None:  # a button under an inline-mode message: no chat to answer in
            await query.answer(INLINE_BUTTON)
            return
        chat_id = query.message.chat.id
        answer = self.service.topic(section_id, conversation_key(chat_id)) if section_id else None
        if answer is None:  # the brief was reloaded without this section
            await query.answer(STALE_BUTTON, show_alert=True)
            return
        await query.answer()
        answer = self.service.rateable(answer, origin_of(query.message.chat.type))
        await self._send(context, chat_id, render_answer(answer), answer_keyboard(answer))

    async def inline(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.inline_query
        assert query is not None
        words = query.query.strip()
        topics = self.service.suggest(words, INLINE_RESULTS) if words else self.service.topics()
        results = []
        if words.endswith("?"):  # a finished question, not a few words typed so far: answer it, first
            asked = self._inline_answer(words)
            if asked is not None:
                results.append(asked)
        for topic in topics[:INLINE_RESULTS - len(results)]:
            answer = self.service.topic(topic.id, count=False)  # a preview, not a read
            if answer is None:
                continue
            # The preview line: the curator's one-line answer, else the topic's first fact.
            preview = answer.lead or (answer.facts[0].line() if answer.facts else "")
            results.append(InlineQueryResultArticle(
                id=topic_data(topic.id),
                title=topic.title,
                description=preview[:120],
                input_message_content=InputTextMessageContent(
                    split_message(render_answer(answer))[0], parse_mode=ParseMode.HTML,
                    link_preview_options=LinkPreviewOptions(is_disabled=True)),
            ))
        # Short cache: after a /reload, Telegram should not keep serving the old brief's answers for long.
        await query.answer(results, cache_time=10, is_personal=False)

    def _inline_answer(self, question: str) -> InlineQueryResultArticle | None:
        """The precise answer as an inline result, with 👍/👎; an unanswered question goes to the curation log."""
        key = f"{PLATFORM}:inline:{question}"
        answer = self.service.ask(key, question, Origin(PLATFORM, ChatKind.INLINE))
        self.service.conversations.forget(key)  # every inline question stands alone
        if not answer.matched:
            return None
        keyboard = answer_keyboard(replace(answer, related=(), more=0))  # topic buttons need a chat; 👍/👎 don't
        return InlineQueryResultArticle(
            id=f"a:{answer.answer_id or answer.section_id}"[:64],
            title=answer.title,
            description=(answer.lead or (answer.facts[0].line() if answer.facts else ""))[:120],
            input_message_content=InputTextMessageContent(
                split_message(render_answer(answer))[0], parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True)),
            reply_markup=keyboard,
        )

    # ------------------------------------------------------------ errors

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log the failure; tell the user something went wrong, never what."""
        error = context.error
        if isinstance(error, Forbidden):
            log.warning("telegram refused a message: %s", error.message)
            return
        if isinstance(error, RetryAfter):
            log.warning("telegram rate limit still in force after a retry; a reply was dropped")
            return
        log.error("error while handling a telegram update", exc_info=error)
        if not isinstance(update, Update) or update.effective_chat is None:
            return
        try:
            if update.callback_query is not None:
                await update.callback_query.answer()
            await context.bot.send_message(update.effective_chat.id, ERROR_TEXT)
        except TelegramError as exc:
            log.warning("could not tell the user about the error: %s", exc.__class__.__name__)
