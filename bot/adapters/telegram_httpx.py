"""python-telegram-bot without httpx until something makes an httpx request.

python-telegram-bot imports httpx (22 modules, with http.cookiejar: about 1.2 MB of the running bot's RSS) for
its default request class, `HTTPXRequest`, which the bot never makes: it sends its Bot API requests over aiohttp
(bot/adapters/telegram/requests.py). Imported within `httpx_deferred()`, python-telegram-bot gets a stand-in
`HTTPXRequest` that imports the real one the first time one is made (bot/deferred_import.py), and, for the
annotations of `ApplicationBuilder.proxy`/`get_updates_proxy` (its only other use of httpx), a stand-in httpx
that is gone from `sys.modules` once python-telegram-bot is imported, so `import httpx` anywhere later gets the
real library. This module lives outside `bot.adapters.telegram` because importing that package imports
python-telegram-bot.
"""

from __future__ import annotations

import sys
import types
from contextlib import contextmanager
from typing import Iterator

from bot.deferred_import import deferred


def _stand_in_httpx() -> types.ModuleType:
    module = types.ModuleType("httpx", "Stand-in for python-telegram-bot's import (bot/adapters/telegram_httpx.py)")
    # Only in ApplicationBuilder's annotations (`str | httpx.Proxy | httpx.URL`), evaluated as it is defined.
    module.Proxy = type("Proxy", (), {})  # type: ignore[attr-defined]
    module.URL = type("URL", (), {})  # type: ignore[attr-defined]
    return module


@contextmanager
def httpx_deferred() -> Iterator[None]:
    """Within: python-telegram-bot imports without httpx, unless it or httpx is loaded already (nothing to save)."""
    if "httpx" in sys.modules or "telegram" in sys.modules:
        yield
        return
    stand_in = sys.modules["httpx"] = _stand_in_httpx()
    try:
        with deferred("telegram.request._httpxrequest", ("HTTPXRequest",), importer="telegram.request"):
            yield
    finally:
        if sys.modules.get("httpx") is stand_in:
            del sys.modules["httpx"]
