"""The Telegram chat adapter: python-telegram-bot's Application, long polling or webhook, digest delivery."""

from __future__ import annotations

import logging
import re
import secrets

from telegram import BotCommand, BotCommandScopeChat, InlineKeyboardMarkup, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import Application

from bot.adapters.telegram.handlers import COMMANDS, Handlers, digest_keyboard
from bot.adapters.telegram.limiter import DIGEST, DIGEST_PART, Sending, TelegramRateLimiter, retry_seconds
from bot.adapters.telegram.ordering import PerChatUpdateProcessor
from bot.adapters.telegram.requests import AiohttpRequest
from bot.adapters.telegram_webhooks import enable_webhooks
from bot.core.flood import FloodGate
from bot.core.models import Digest
from bot.core.ports import RateLimited, RecipientGone, Subscriptions, TransientFailure
from bot.core.service import BriefService
from bot.render.telegram_html import render_digest, split_message

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.config_base import SettingsView

log = logging.getLogger(__name__)


class _NetworkErrorsInOneLine(logging.Filter):
    """PTB logs a full traceback when the network is gone as it stops (its last getUpdates fails): the reason
    fits on the line, and a traceback in front of an operator reads like a crash."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, NetworkError) and not isinstance(error, BadRequest):
            record.msg, record.args = f"{record.getMessage()} ({type(error).__name__}: {error.message})", None
            record.exc_info = record.exc_text = None
        return True


logging.getLogger("telegram.ext.Updater").addFilter(_NetworkErrorsInOneLine())

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
# 400s that mean the bot can no longer post there (the rest are 403s): the subscription is deactivated.
GONE_REASONS = ("chat not found", "not enough rights", "have no rights to send", "chat_write_forbidden")


class TelegramAdapter:
    """Implements the core's ChatAdapter and Messenger ports for Telegram."""

    platform = "telegram"

    def __init__(self, settings: Settings | SettingsView, service: BriefService,
                 subscriptions: Subscriptions | None = None) -> None:
        if settings.telegram.token is None:
            raise ValueError("TELEGRAM_TOKEN is not set")
        self.config = settings.telegram
        self.service = service
        self.handlers = Handlers(service, subscriptions, FloodGate(settings.flood.messages, settings.flood.per_seconds))
        root = self.config.api_base_url  # the server's root; PTB appends the token to these two
        # One limiter for every message this bot sends: answers and digest parts share Telegram's budget.
        rate_limiter = TelegramRateLimiter()
        self.limiter = rate_limiter.limiter  # the digest fan-out finds it here and does not pace again
        self.application = (
            Application.builder()
            .token(self.config.token.get_secret_value())  # type: ignore[union-attr]
            .base_url(f"{root}/bot")
            .base_file_url(f"{root}/file/bot")
            .request(AiohttpRequest())
            .get_updates_request(AiohttpRequest(connections=1))
            .rate_limiter(rate_limiter)
            .concurrent_updates(PerChatUpdateProcessor())  # chats in parallel, each chat in order
            .job_queue(None)  # scheduling belongs to the digest service, not to this adapter
            .build()
        )
        self.handlers.register(self.application)
        # A fresh secret per start: Telegram sends it back with every webhook call, so forged posts are rejected.
        self._webhook_secret = secrets.token_urlsafe(32)

    @property
    def bot(self):  # type: ignore[no-untyped-def]
        return self.application.bot

    async def start(self) -> None:
        """Raises TransientFailure while the Bot API server cannot be reached, so the caller can retry."""
        try:
            await self._start()
        except BadRequest:
            raise  # a NetworkError subclass in PTB, but retrying the same request will not help
        except NetworkError as exc:  # includes TimedOut and the server's 5xx answers
            raise TransientFailure(f"cannot reach the Telegram Bot API ({exc.message})") from None

    async def _start(self) -> None:
        app = self.application
        try:
            await app.initialize()  # getMe: fails fast on a wrong token or an unreachable server
        except InvalidToken:
            # PTB's own message repeats the token; never let it reach a log line.
            raise RuntimeError("Telegram rejected the bot token; check TELEGRAM_TOKEN") from None
        try:
            await self._register_commands()
            await app.start()
            webhook = self.config.webhook
            assert app.updater is not None
            # Updates queued while the bot was down are dropped: answering hours-old questions in a burst
            # helps nobody, and a message that crashed the last run would crash this one too.
            if webhook.active:
                if not webhook.url:
                    raise ValueError("the webhook is enabled but has no URL: set BRIEFBOT_WEBHOOK_URL or telegram.webhook.url")
                enable_webhooks()  # python-telegram-bot may have been imported by a poller, without tornado
                # Not run_webhook(): that blocks and owns the event loop, but `python -m bot run` already
                # runs one loop for every platform, so we start the updater's webhook server inside it.
                await app.updater.start_webhook(
                    listen=webhook.listen, port=webhook.port, url_path=webhook.url_path,
                    webhook_url=webhook.url, allowed_updates=ALLOWED_UPDATES, secret_token=self._webhook_secret,
                    drop_pending_updates=True,
                )
                log.info("telegram bot @%s receiving updates by webhook on %s:%s/%s", app.bot.username,
                         webhook.listen, webhook.port, webhook.url_path)
            else:
                await app.updater.start_polling(allowed_updates=ALLOWED_UPDATES, error_callback=self._polling_error,
                                                drop_pending_updates=True)
                log.info("telegram bot @%s receiving updates by long polling", app.bot.username)
        except BaseException:
            await self.stop()
            raise

    @property
    def connected(self) -> bool:
        app = self.application
        return app.running and app.updater is not None and app.updater.running

    async def stop(self) -> None:
        app = self.application
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await app.shutdown()

    async def _register_commands(self) -> None:
        """The Telegram menu: everyone sees the public commands; each admin's private chat also shows theirs."""
        public = [BotCommand(c.name, c.description) for c in COMMANDS if not c.admin]
        everything = [BotCommand(c.name, c.description) for c in COMMANDS]
        try:
            await self.bot.set_my_commands(public)
        except TelegramError as exc:
            log.warning("could not register the command menu: %s", exc.__class__.__name__)
        for admin in self.config.admins:
            try:
                await self.bot.set_my_commands(everything, scope=BotCommandScopeChat(admin))
            except TelegramError as exc:  # e.g. the admin has not opened a chat with the bot yet
                log.info("admin command menu not set for %s: %s", admin, exc.message)

    def _polling_error(self, error: TelegramError) -> None:
        # PTB retries by itself; the default callback logs a full traceback on every attempt.
        log.warning("polling Telegram failed (%s); retrying", error.__class__.__name__)
        self.service.observer.retry(self.platform)

    # ------------------------------------------------------------ Messenger: the digest fan-out

    async def send_digest(self, chat_id: str, digest: Digest) -> None:
        """Raises RecipientGone when the chat can no longer be reached, RateLimited on Telegram's 429."""
        target: int | str = int(chat_id) if re.fullmatch(r"-?\d+", chat_id) else chat_id
        parts = split_message(render_digest(digest))
        for index, part in enumerate(parts):
            keyboard = digest_keyboard(digest) if index == len(parts) - 1 else None
            target = await self._deliver(target, part, keyboard, DIGEST_PART if index else DIGEST)

    async def _deliver(self, target: int | str, text: str, keyboard: InlineKeyboardMarkup | None,
                       sending: Sending = DIGEST) -> int | str:
        try:
            await self.bot.send_message(target, text, parse_mode=ParseMode.HTML, reply_markup=keyboard,
                                        link_preview_options=LinkPreviewOptions(is_disabled=True),
                                        rate_limit_args=sending)
        except Forbidden as exc:  # blocked by the user, kicked from the group, user deactivated
            raise RecipientGone(exc.message) from None
        except ChatMigrated as exc:  # a group became a supergroup: same chat, new id; the subscription follows
            log.warning("telegram chat %s migrated to %s; delivering there", target, exc.new_chat_id)
            if self.handlers.subscriptions is not None:
                await self.handlers.subscriptions.migrate(self.platform, str(target), str(exc.new_chat_id))
            return await self._deliver(exc.new_chat_id, text, keyboard, sending)
        except BadRequest as exc:
            if any(reason in exc.message.lower() for reason in GONE_REASONS):
                raise RecipientGone(exc.message) from None
            raise
        except RetryAfter as exc:
            raise RateLimited(retry_seconds(exc)) from None
        except NetworkError as exc:  # timeouts, 5xx ("Bad Gateway"), connection errors: worth another try
            raise TransientFailure(f"{type(exc).__name__}: {exc.message}") from None
        return target
