"""Telegram: the bot people message. `TelegramAdapter` is what bootstrap starts when TELEGRAM_TOKEN is set."""

from bot.adapters.telegram.adapter import TelegramAdapter

__all__ = ["TelegramAdapter"]
