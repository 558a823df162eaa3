"""A local stand-in for Discord's REST API v10 and gateway, enough for discord.py's real client.

It serves login (/users/@me, /oauth2/applications/@me), application commands (GET/PUT, global and
per guild), interaction callbacks, webhook follow-ups and channel messages, and a JSON gateway
(HELLO, heartbeats, IDENTIFY -> READY, RESUME -> RESUMED, then whatever the test dispatches).
Every HTTP request is recorded so tests can assert what the bot sent. Frames are sent as text, which
discord.py accepts whatever compression it asked for.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from aiohttp import WSMsgType, web

API = "/api/v10"
MESSAGE_CONTENT_INTENT = 1 << 15
CHANNEL_MESSAGE = 4
DEFERRED_CHANNEL_MESSAGE = 5
AUTOCOMPLETE_RESULT = 8
EPHEMERAL = 64


def _json(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # Exactly "application/json", as Discord sends it: discord.py compares the header verbatim.
    return web.Response(body=json.dumps(payload).encode(), status=status, headers={"Content-Type": "application/json",
                                                                          **(headers or {})})


@dataclass
class Recorded:
    method: str
    path: str  # without the /api/v10 prefix
    query: dict[str, str]
    body: Any
    at: float = field(default_factory=time.monotonic)  # arrival, for checking rate limits


@dataclass
class FakeDiscord:
    token: str = "fake-token-123"
    app_id: int = 900_000_000_000_000_001
    bot_id: int = 900_000_000_000_000_001
    allow_message_content: bool = True  # False: close with 4014 when IDENTIFY asks for it, like Discord
    requests: list[Recorded] = field(default_factory=list)
    identifies: list[dict[str, Any]] = field(default_factory=list)
    commands: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # "global" or guild id -> commands
    channel_errors: dict[str, tuple[int, dict[str, Any], dict[str, str]]] = field(default_factory=dict)
    # Channel id -> errors for its next message posts, one per post, then posts succeed again.
    channel_errors_once: dict[str, list[int]] = field(default_factory=dict)
    # Channel id -> seconds before answering a message posted there, or the callback of an interaction from
    # there (a slow network to that channel's region); the request is recorded on arrival, before the wait.
    slow_channels: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._ids = itertools.count(1_100_000_000_000_000_000)
        self._seq = itertools.count(1)
        self._sockets: list[web.WebSocketResponse] = []
        self._runner: web.AppRunner | None = None
        self._changed = asyncio.Condition()
        self.readies = 0  # READY events sent; a dispatch after one reaches a client that is connected
        self._interaction_channels: dict[str, str] = {}  # interaction id -> its channel id
        self.port = 0

    # ---------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", API + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def close(self) -> None:
        for ws in list(self._sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{API}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    @property
    def bot_user(self) -> dict[str, Any]:
        return {"id": str(self.bot_id), "username": "briefbot", "discriminator": "0", "global_name": "briefbot",
                "avatar": None, "bot": True, "flags": 0, "verified": True, "mfa_enabled": False}

    def next_id(self) -> str:
        return str(next(self._ids))

    # ---------------------------------------------------------------- waiting for the bot

    async def _record(self, entry: Recorded) -> None:
        async with self._changed:
            self.requests.append(entry)
            self._changed.notify_all()

    async def wait_for(self, predicate: Callable[[Recorded], bool], timeout: float = 10.0) -> Recorded:
        """The first recorded request matching `predicate`, waiting for it if it hasn't come yet."""
        async def find() -> Recorded:
            async with self._changed:
                while True:
                    for entry in self.requests:
                        if predicate(entry):
                            return entry
                    await self._changed.wait()
        return await asyncio.wait_for(find(), timeout)

    def matching(self, method: str, path_start: str) -> list[Recorded]:
        return [r for r in self.requests if r.method == method and r.path.startswith(path_start)]

    # ---------------------------------------------------------------- REST

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body: Any = None
        if request.can_read_body:
            raw = await request.read()
            if request.content_type == "application/json":
                body = json.loads(raw)
            elif request.content_type.startswith("multipart/"):
                body = {"multipart": raw.decode("utf-8", "replace")}
        await self._record(Recorded(request.method, path, dict(request.query), body))
        parts = path.strip("/").split("/")
        if parts[:1] == ["channels"]:
            channel = parts[1]
        elif parts[:1] == ["interactions"]:
            channel = self._interaction_channels.get(parts[1], "")
        else:
            channel = ""
        await asyncio.sleep(self.slow_channels.get(channel, 0.0))
        webhook = path.startswith("/webhooks/") or path.startswith("/interactions/")
        if not webhook and request.headers.get("Authorization") != f"Bot {self.token}":
            return _json({"message": "401: Unauthorized", "code": 0}, status=401)
        method = request.method
        if parts == ["users", "@me"]:
            return _json(self.bot_user)
        if parts == ["oauth2", "applications", "@me"]:
            return _json(self._application())
        if parts in (["gateway", "bot"], ["gateway"]):
            return _json({"url": self.gateway_url, "shards": 1, "session_start_limit": {
                "total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}})
        if parts[:1] == ["applications"] and parts[-1] == "commands":
            scope = "global" if len(parts) == 3 else parts[3]
            if method == "PUT":
                self.commands[scope] = [self._echo_command(c, scope) for c in body]
            return _json(self.commands.get(scope, []))
        if parts[:1] == ["interactions"] and parts[-1] == "callback" and method == "POST":
            return _json(self._callback(parts[1], body))
        if parts[:1] == ["webhooks"] and len(parts) == 3 and method == "POST":
            return _json(self._message("0", body or {}, webhook_id=parts[1]))
        if parts[:1] == ["webhooks"] and "messages" in parts:
            return _json(self._message("0", body or {}, webhook_id=parts[1]))
        if parts[:1] == ["channels"] and parts[2:] == ["messages"] and method == "POST":
            if self.channel_errors_once.get(parts[1]):
                status = self.channel_errors_once[parts[1]].pop(0)
                return _json({"message": f"{status}: server error", "code": 0}, status=status)
            if parts[1] in self.channel_errors:
                status, payload, headers = self.channel_errors[parts[1]]
                return _json(payload, status=status, headers=headers)
            return _json(self._message(parts[1], body or {}))
        return _json({"message": "404: Not Found", "code": 0}, status=404)

    def _application(self) -> dict[str, Any]:
        return {"id": str(self.app_id), "name": "briefbot", "description": "", "icon": None, "bot_public": True,
                "bot_require_code_grant": False, "owner": {**self.bot_user, "bot": False, "id": "42"},
                "verify_key": "00", "flags": 0, "summary": "", "team": None, "rpc_origins": [],
                "interactions_endpoint_url": None}

    def _echo_command(self, command: dict[str, Any], scope: str) -> dict[str, Any]:
        """Store a command as Discord echoes it: ids added, permissions as a string, unset fields dropped."""
        echoed = {k: v for k, v in command.items() if v is not None}
        if command.get("default_member_permissions") is not None:
            echoed["default_member_permissions"] = str(command["default_member_permissions"])
        echoed.update(id=self.next_id(), application_id=str(self.app_id), version=self.next_id())
        if scope != "global":
            echoed["guild_id"] = scope
        return echoed

    def _message(self, channel_id: str, body: dict[str, Any], webhook_id: str | None = None) -> dict[str, Any]:
        message = {
            "id": self.next_id(), "channel_id": channel_id, "author": self.bot_user,
            "content": body.get("content") or "", "timestamp": "2025-06-02T10:00:00+00:00", "edited_timestamp": None,
            "tts": False, "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [],
            "embeds": body.get("embeds") or [], "components": body.get("components") or [], "pinned": False,
            "type": 0, "flags": body.get("flags") or 0,
        }
        if webhook_id is not None:
            message["webhook_id"] = webhook_id
        return message

    def _callback(self, interaction_id: str, body: dict[str, Any]) -> dict[str, Any]:
        kind = body["type"]
        data = body.get("data") or {}
        result: dict[str, Any] = {"interaction": {
            "id": interaction_id, "type": 2,
            "response_message_loading": kind == DEFERRED_CHANNEL_MESSAGE,
            "response_message_ephemeral": bool(data.get("flags", 0) & EPHEMERAL)}}
        if kind in (CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE):
            message = self._message("0", data)
            result["interaction"]["response_message_id"] = message["id"]
            result["resource"] = {"type": kind, "message": message}
        return result

    # ---------------------------------------------------------------- gateway

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._sockets.append(ws)
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 45_000}, "s": None, "t": None})
        try:
            async for frame in ws:
                if frame.type is not WSMsgType.TEXT:
                    continue
                payload = json.loads(frame.data)
                op = payload.get("op")
                if op == 1:
                    await ws.send_json({"op": 11, "d": None, "s": None, "t": None})
                elif op == 2:
                    await self._identify(ws, payload["d"])
                elif op == 6:
                    await self._send(ws, "RESUMED", {})
        finally:
            self._sockets.remove(ws)
        return ws

    async def _identify(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> None:
        self.identifies.append(data)
        if data.get("token") != self.token:
            await ws.close(code=4004, message=b"Authentication failed.")
            return
        if not self.allow_message_content and data.get("intents", 0) & MESSAGE_CONTENT_INTENT:
            await ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        await self._send(ws, "READY", {
            "v": 10, "user": self.bot_user, "guilds": [], "session_id": "fake-session",
            "resume_gateway_url": self.gateway_url, "application": {"id": str(self.app_id), "flags": 0},
        })
        async with self._changed:
            self.readies += 1
            self._changed.notify_all()

    async def wait_ready(self, count: int = 1, timeout: float = 30.0) -> None:
        """Until READY has been sent `count` times: frames after it reach the client in order."""
        async def reached() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: self.readies >= count)
        await asyncio.wait_for(reached(), timeout)

    async def _send(self, ws: web.WebSocketResponse, event: str, data: dict[str, Any]) -> None:
        await ws.send_json({"op": 0, "t": event, "s": next(self._seq), "d": data})

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        for ws in list(self._sockets):
            await self._send(ws, event, data)

    # ---------------------------------------------------------------- building events

    def _interaction(self, kind: int, data: dict[str, Any], *, user_id: int, channel_id: int, guild_id: int | None,
                     permissions: int, message: dict[str, Any] | None = None) -> dict[str, Any]:
        user = {"id": str(user_id), "username": f"user{user_id}", "discriminator": "0", "global_name": None,
                "avatar": None}
        payload: dict[str, Any] = {
            "id": self.next_id(), "application_id": str(self.app_id), "type": kind, "data": data,
            "token": f"itoken-{self.next_id()}", "version": 1, "locale": "en-US", "attachment_size_limit": 10_485_760,
            "app_permissions": "2248473465835073", "entitlements": [], "authorizing_integration_owners": {},
        }
        if guild_id is not None:
            payload["guild_id"] = str(guild_id)
            payload["guild_locale"] = "en-US"
            payload["context"] = 0
            payload["channel"] = {"id": str(channel_id), "type": 0, "guild_id": str(guild_id), "name": "general",
                                  "position": 0, "permission_overwrites": [], "nsfw": False, "parent_id": None}
            payload["member"] = {"user": user, "roles": [], "joined_at": "2025-01-01T00:00:00+00:00",
                                 "deaf": False, "mute": False, "flags": 0, "permissions": str(permissions),
                                 "nick": None, "avatar": None, "pending": False}
        else:
            payload["context"] = 1
            payload["channel"] = {"id": str(channel_id), "type": 1, "recipients": [user]}
            payload["user"] = user
        if message is not None:
            payload["message"] = message
        self._interaction_channels[payload["id"]] = str(channel_id)
        return payload

    def _command_id(self, name: str) -> str:
        for commands in self.commands.values():
            for command in commands:
                if command["name"] == name:
                    return command["id"]
        return self.next_id()

    def slash(self, name: str, options: dict[str, Any] | None = None, *, user_id: int = 5001,
              channel_id: int = 7001, guild_id: int | None = 8001, permissions: int = 0,
              focused: str | None = None) -> dict[str, Any]:
        """An APPLICATION_COMMAND (or, with `focused`, an APPLICATION_COMMAND_AUTOCOMPLETE) interaction."""
        opts = [{"name": k, "type": 3, "value": v, **({"focused": True} if k == focused else {})}
                for k, v in (options or {}).items()]
        data = {"id": self._command_id(name), "name": name, "type": 1, "options": opts}
        if guild_id is not None:
            data["guild_id"] = str(guild_id)
        return self._interaction(4 if focused else 2, data, user_id=user_id, channel_id=channel_id,
                                 guild_id=guild_id, permissions=permissions)

    def button(self, custom_id: str, *, user_id: int = 5001, channel_id: int = 7001,
               guild_id: int | None = 8001) -> dict[str, Any]:
        """A MESSAGE_COMPONENT interaction: someone pressed the button `custom_id` on an earlier bot message."""
        message = self._message(str(channel_id), {"content": "", "components": [
            {"type": 1, "components": [{"type": 2, "style": 2, "label": "x", "custom_id": custom_id}]}]})
        if guild_id is not None:
            message["guild_id"] = str(guild_id)
        return self._interaction(3, {"custom_id": custom_id, "component_type": 2}, user_id=user_id,
                                 channel_id=channel_id, guild_id=guild_id, permissions=0, message=message)

    def message_create(self, content: str, *, mentions_bot: bool = True, user_id: int = 5001,
                       channel_id: int = 7001, guild_id: int | None = 8001) -> dict[str, Any]:
        author = {"id": str(user_id), "username": f"user{user_id}", "discriminator": "0", "avatar": None}
        payload = self._message(str(channel_id), {"content": content})
        payload.update(author=author, mentions=[self.bot_user] if mentions_bot else [])
        if guild_id is not None:
            payload["guild_id"] = str(guild_id)
            payload["member"] = {"roles": [], "joined_at": "2025-01-01T00:00:00+00:00", "deaf": False, "mute": False}
        return payload

    async def interact(self, payload: dict[str, Any]) -> Recorded:
        """Dispatch an interaction and wait for the bot's callback to it."""
        await self.dispatch("INTERACTION_CREATE", payload)
        prefix = f"/interactions/{payload['id']}/"
        return await self.wait_for(lambda r: r.method == "POST" and r.path.startswith(prefix))

    def followups(self, payload: dict[str, Any]) -> list[Recorded]:
        return [r for r in self.requests
                if r.method == "POST" and r.path == f"/webhooks/{self.app_id}/{payload['token']}"]

    async def wait_followups(self, payload: dict[str, Any], count: int = 1) -> list[Recorded]:
        path = f"/webhooks/{self.app_id}/{payload['token']}"
        await self.wait_for(lambda r: r.method == "POST" and r.path == path
                            and len(self.followups(payload)) >= count)
        return self.followups(payload)
