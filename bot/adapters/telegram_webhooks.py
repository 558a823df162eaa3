"""python-telegram-bot without its webhook server when the bot polls.

python-telegram-bot imports tornado (its webhook server) whenever tornado is installed, even to poll: 34 modules
and about 3 MB of the running bot's RSS for a server it never starts. tornado stays installed (webhook mode and
`/healthz` use it); a polling bot only imports python-telegram-bot with tornado hidden, which python-telegram-bot
takes as "webhooks unavailable". This module lives outside `bot.adapters.telegram` because importing that package
imports python-telegram-bot.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def tornado_hidden() -> Iterator[None]:
    """Within: `import tornado` fails, unless python-telegram-bot or tornado is loaded already (nothing to save)."""
    if "tornado" in sys.modules or "telegram.ext" in sys.modules:
        yield
        return
    sys.modules["tornado"] = None  # type: ignore[assignment]  # the import system's "not importable" marker
    try:
        yield
    finally:
        if "tornado" in sys.modules and sys.modules["tornado"] is None:
            del sys.modules["tornado"]


def enable_webhooks() -> None:
    """Make python-telegram-bot's webhook server available again if it was imported with tornado hidden (one
    process polling and then serving a webhook: the tests do, a deployment does not)."""
    from telegram.ext import _updater

    if not _updater.WEBHOOKS_AVAILABLE:
        from telegram.ext._utils.webhookhandler import WebhookAppClass, WebhookServer

        _updater.WebhookAppClass, _updater.WebhookServer = WebhookAppClass, WebhookServer  # type: ignore[attr-defined]
        _updater.WEBHOOKS_AVAILABLE = True
