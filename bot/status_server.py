"""`GET /healthz` and `GET /metrics` on BRIEFBOT_HTTP_PORT, served by tornado inside the bot's own event loop.

tornado is already installed for python-telegram-bot's webhook server, runs on asyncio, and needs no thread:
the handlers read the live service, adapters and metrics directly.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import tornado.httpserver
import tornado.web

from bot.core.ports import ChatAdapter
from bot.core.service import BriefService
from bot.metrics import CONTENT_TYPE, Metrics

DATABASE_TIMEOUT = 3.0  # seconds; a health check that hangs is as bad as one that fails

# A platform's state as start-up sees it: "connecting" (first attempt or retrying), "running", "failed" (gave
# up: a rejected token or bad setting), "stopped". A running adapter that lost its connection is "disconnected".
RUNNING = "running"


@dataclass
class Health:
    service: BriefService
    adapters: Sequence[ChatAdapter]
    states: dict[str, str]  # written by bootstrap as each platform starts
    check_database: Callable[[], Awaitable[object]]  # raises when the database cannot be used

    async def report(self) -> tuple[bool, dict[str, Any]]:
        platforms = {}
        for adapter in self.adapters:
            state = self.states.get(adapter.platform, "connecting")
            platforms[adapter.platform] = "disconnected" if state == RUNNING and not adapter.connected else state
        database: dict[str, Any] = {"ok": True}
        try:
            await asyncio.wait_for(self.check_database(), DATABASE_TIMEOUT)
        except Exception as exc:  # the class name only: a driver's message can carry the URL
            database = {"ok": False, "error": type(exc).__name__}
        loaded = self.service.store.current
        ok = database["ok"] and all(state == RUNNING for state in platforms.values())
        return ok, {
            "ok": ok,
            "brief": {"id": loaded.brief.meta.id, "revision": loaded.revision},
            "platforms": platforms,
            "database": database,
        }


class _HealthHandler(tornado.web.RequestHandler):
    def initialize(self, health: Health) -> None:
        self.health = health

    async def get(self) -> None:
        ok, body = await self.health.report()
        self.set_status(200 if ok else 503)
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(body))


class _MetricsHandler(tornado.web.RequestHandler):
    def initialize(self, metrics: Metrics) -> None:
        self.metrics = metrics

    def get(self) -> None:
        self.set_header("Content-Type", CONTENT_TYPE)
        self.finish(self.metrics.exposition())


def _no_access_log(handler: tornado.web.RequestHandler) -> None:
    """A scrape every few seconds would drown the bot's own log lines."""


class StatusServer:
    def __init__(self, port: int, health: Health, metrics: Metrics, address: str = "0.0.0.0") -> None:
        self.port, self.address = port, address
        self._app = tornado.web.Application(
            [(r"/healthz", _HealthHandler, {"health": health}), (r"/metrics", _MetricsHandler, {"metrics": metrics})],
            log_function=_no_access_log,
        )
        self._server: tornado.httpserver.HTTPServer | None = None

    async def start(self) -> None:
        """Binds at once; raises OSError when the port is taken."""
        self._server = self._app.listen(self.port, self.address)

    async def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()
            self._server = None
