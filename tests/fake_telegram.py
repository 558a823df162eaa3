"""A local Telegram Bot API server for the tests: the methods briefbot calls, with the real API's shapes.

It follows https://core.telegram.org/bots/api where python-telegram-bot depends on it:
- every answer is `{"ok": true, "result": ...}`; errors are `{"ok": false, "error_code", "description"}`
  (plus `parameters.retry_after` for 429) with the matching HTTP status;
- dates are Unix seconds; `getMe` returns a User with `is_bot: true`;
- `getUpdates` long-polls for up to `timeout` seconds and confirms updates below `offset`;
- parameters arrive as JSON, urlencoded or multipart form (python-telegram-bot posts forms, with
  nested objects such as `reply_markup` as JSON strings);
- `parse_mode=HTML` text is parsed like Telegram does: unsupported tags or a stray `<`/`&` give
  400 "can't parse entities", and more than 4096 characters *after* parsing give "message is too long";
- callback data over 64 bytes gives 400 BUTTON_DATA_INVALID.

Every call is recorded with its arrival time (`calls`, `Call.at`), tests inject updates (`message`,
`callback`, `inline_query`) and await what the bot sent (`next_call`). `fail_next` makes the next call of a
method fail with 403/429/400. `latency` delays every answer (a network round trip; half of it for a long
poll that found updates), `slow` one chat's; `busiest` counts the most messages that arrived inside any
window, from the arrival times.
"""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from aiohttp import web

JSON_FIELDS = {"reply_markup", "entities", "commands", "scope", "results", "allowed_updates",
               "link_preview_options", "reply_parameters", "button", "caption_entities"}
INT_FIELDS = {"chat_id", "message_id", "offset", "limit", "timeout", "cache_time", "reply_to_message_id",
              "message_thread_id", "max_connections", "user_id"}
BOOL_FIELDS = {"disable_notification", "show_alert", "is_personal", "drop_pending_updates", "protect_content",
               "disable_web_page_preview", "allow_sending_without_reply"}
# Tags Telegram's HTML parse mode accepts (https://core.telegram.org/bots/api#html-style).
ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code",
                "pre", "blockquote", "tg-emoji"}
_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^<>]*)?)>|&(#[0-9]+|#x[0-9a-fA-F]+|lt|gt|amp|quot);|[<>&]")



def most_in_window(times: list[float], seconds: float) -> int:
    """The most of `times` that fall within any window of `seconds`: what a platform's rate limit counts."""
    times = sorted(times)
    most, first = 0, 0
    for last, at in enumerate(times):
        while at - times[first] >= seconds:
            first += 1
        most = max(most, last - first + 1)
    return most

class ApiError(Exception):
    def __init__(self, status: int, description: str, retry_after: int | None = None,
                 migrate_to_chat_id: int | None = None) -> None:
        super().__init__(description)
        self.status, self.description, self.retry_after = status, description, retry_after
        self.migrate_to_chat_id = migrate_to_chat_id

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"ok": False, "error_code": self.status, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        if self.migrate_to_chat_id is not None:
            body["parameters"] = {"migrate_to_chat_id": self.migrate_to_chat_id}
        return body


BLOCKED = ApiError(403, "Forbidden: bot was blocked by the user")
CHAT_NOT_FOUND = ApiError(400, "Bad Request: chat not found")
BAD_GATEWAY = ApiError(502, "Bad Gateway")


def upgraded_to(new_chat_id: int) -> ApiError:
    """What Telegram answers when a message goes to a group that became a supergroup."""
    return ApiError(400, "Bad Request: group chat was upgraded to a supergroup chat",
                    migrate_to_chat_id=new_chat_id)


def too_many_requests(retry_after: int) -> ApiError:
    return ApiError(429, f"Too Many Requests: retry after {retry_after}", retry_after)


def parse_html(text: str) -> str:
    """The visible text of an HTML-formatted message, or ApiError 400 the way Telegram words it."""
    out: list[str] = []
    stack: list[str] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        out.append(text[pos:m.start()])
        pos = m.end()
        closing, tag, entity = m.group(1), m.group(2), m.group(4)
        offset = len(text[:m.start()].encode())
        if tag:
            tag = tag.lower()
            if tag not in ALLOWED_TAGS:
                raise ApiError(400, f"Bad Request: can't parse entities: Unsupported start tag \"{tag}\" "
                                    f"at byte offset {offset}")
            if closing:
                if not stack or stack[-1] != tag:
                    raise ApiError(400, f"Bad Request: can't parse entities: Unexpected end tag at byte offset {offset}")
                stack.pop()
            else:
                stack.append(tag)
        elif entity:
            out.append(html.unescape(m.group(0)))
        else:
            raise ApiError(400, "Bad Request: can't parse entities: Unsupported start tag or unescaped "
                                f"character at byte offset {offset}")
    out.append(text[pos:])
    if stack:
        raise ApiError(400, f"Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"{stack[-1]}\"")
    return "".join(out)


def utf16_len(text: str) -> int:
    """Telegram counts message length in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)
    ok: bool | None = None  # how the fake answered: None until it has

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    @property
    def chat_id(self) -> int | str | None:
        return self.params.get("chat_id")

    def buttons(self) -> list[dict[str, Any]]:
        """Inline keyboard buttons of this call's reply_markup, row by row flattened."""
        markup = self.params.get("reply_markup") or {}
        return [button for row in markup.get("inline_keyboard", []) for button in row]


@dataclass
class Failure:
    method: str
    chat_id: int | str | None
    error: ApiError


class FakeTelegram:
    """The fake server. `await start()` returns the root URL to use as TELEGRAM_API_BASE_URL."""

    def __init__(self, token: str, username: str = "briefbot_test_bot", bot_id: int | None = None,
                 latency: float = 0.0) -> None:
        self.token = token
        self.latency = latency  # seconds before every answer: the network's round trip
        self.bot_id = bot_id or int(token.split(":", 1)[0])
        self.username = username
        self.calls: list[Call] = []
        self.chats: dict[int, dict[str, Any]] = {}
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.webhook: dict[str, Any] = {}
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)
        self._failures: list[Failure] = []
        self._latency: dict[tuple[str, Any], float] = {}
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._tasks: set[asyncio.Task[None]] = set()  # keep notify tasks referenced until done
        self._closing = False
        self.url = ""

    # ------------------------------------------------------------ lifecycle

    async def start(self, port: int = 0) -> str:
        """`port`: a fixed one, to come up where a bot is already knocking (0: any free port)."""
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_route("*", "/file/bot{token}/{path:.*}", self._file)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    async def stop(self) -> None:
        self._closing = True
        async with self._changed:
            self._changed.notify_all()
        if self._runner is not None:
            await self._runner.cleanup()

    # ------------------------------------------------------------ the bot's identity

    def me(self) -> dict[str, Any]:
        return {"id": self.bot_id, "is_bot": True, "first_name": "Briefbot", "username": self.username,
                "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": True,
                "can_connect_to_business": False, "has_main_web_app": False}

    # ------------------------------------------------------------ injecting updates

    def chat(self, chat_id: int, chat_type: str = "private", title: str = "Test group") -> dict[str, Any]:
        """Registers a chat the server knows about (sending to an unknown chat gives 'chat not found')."""
        if chat_type == "private":
            chat = {"id": chat_id, "type": "private", "first_name": f"User{chat_id}"}
        else:
            chat = {"id": chat_id, "type": chat_type, "title": title}
        self.chats[chat_id] = chat
        return chat

    @staticmethod
    def user(user_id: int) -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": f"User{user_id}", "language_code": "en"}

    def message(self, text: str, chat_id: int, user_id: int | None = None, chat_type: str = "private",
                reply_to: dict[str, Any] | None = None) -> dict[str, Any]:
        """A user's text message; commands and @mentions get their entities like Telegram adds them."""
        user_id = user_id or chat_id
        chat = self.chats.get(chat_id) or self.chat(chat_id, chat_type)
        message: dict[str, Any] = {"message_id": next(self._message_ids), "from": self.user(user_id),
                                   "chat": chat, "date": int(time.time()), "text": text}
        entities = self._entities(text)
        if entities:
            message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        return self._push({"message": message})

    def migrate(self, old_chat_id: int, new_chat_id: int) -> dict[str, Any]:
        """A group upgraded to a supergroup: the service message in the old group, as Telegram sends it."""
        old = self.chats.get(old_chat_id) or self.chat(old_chat_id, "group")
        self.chat(new_chat_id, "supergroup", old.get("title", "Test group"))
        message = {"message_id": next(self._message_ids), "from": self.user(1), "chat": old,
                   "date": int(time.time()), "migrate_to_chat_id": new_chat_id}
        return self._push({"message": message})

    def callback(self, data: str, chat_id: int, user_id: int | None = None,
                 message: dict[str, Any] | None = None, inline: bool = False) -> dict[str, Any]:
        """A tap on an inline button of `message` (by default a bot message in that chat); `inline`: of a message
        sent through inline mode, which Telegram names by `inline_message_id` and never shows the bot."""
        user_id = user_id or chat_id
        chat = self.chats.get(chat_id) or self.chat(chat_id)
        message = message or {"message_id": next(self._message_ids), "from": self.me(), "chat": chat,
                              "date": int(time.time()), "text": "buttons"}
        query = {"id": str(next(self._callback_ids)), "from": self.user(user_id), "message": message,
                 "chat_instance": f"ci{chat_id}", "data": data}
        if inline:
            del query["message"]
            query["inline_message_id"] = f"im{next(self._callback_ids)}"
        return self._push({"callback_query": query})

    def inline_query(self, query: str, user_id: int) -> dict[str, Any]:
        inline = {"id": f"iq{next(self._callback_ids)}", "from": self.user(user_id), "query": query, "offset": ""}
        return self._push({"inline_query": inline})

    def slow(self, method: str, chat_id: int | str, seconds: float) -> None:
        """Answer `method` calls for `chat_id` only after `seconds` (the call is recorded on arrival)."""
        self._latency[(method, chat_id)] = seconds

    def fail_next(self, method: str, error: ApiError, chat_id: int | str | None = None) -> None:
        """The next call of `method` (for `chat_id`, when given) fails with `error`."""
        self._failures.append(Failure(method, chat_id, error))

    def _entities(self, text: str) -> list[dict[str, Any]]:
        entities = []
        for m in re.finditer(r"(?<![\w/@])(/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?)|(@[A-Za-z0-9_]{3,})", text):
            kind = "bot_command" if m.group(1) else "mention"
            if kind == "bot_command" and m.start() != 0:
                continue
            offset = utf16_len(text[:m.start()])
            entities.append({"type": kind, "offset": offset, "length": utf16_len(m.group(0))})
        return entities

    def _push(self, update: dict[str, Any]) -> dict[str, Any]:
        update = {"update_id": next(self._update_ids), **update}
        self._updates.append(update)
        task = asyncio.get_running_loop().create_task(self._notify())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return update

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    # ------------------------------------------------------------ what the bot sent

    def calls_of(self, method: str, chat_id: int | None = None) -> list[Call]:
        return [c for c in self.calls if c.method == method and (chat_id is None or c.chat_id == chat_id)]

    def sent(self, chat_id: int | None = None) -> list[Call]:
        return self.calls_of("sendMessage", chat_id)

    async def next_call(self, method: str, chat_id: int | None = None, after: int | None = None,
                        where: Callable[[Call], bool] | None = None, timeout: float = 10) -> Call:
        """The first `method` call (to `chat_id`) recorded at index >= `after` (default: from now on)."""
        start = len(self.calls) if after is None else after

        def found() -> Call | None:
            for call in self.calls[start:]:
                if call.method == method and (chat_id is None or call.chat_id == chat_id) \
                        and (where is None or where(call)):
                    return call
            return None

        async def wait() -> Call:
            async with self._changed:
                await self._changed.wait_for(lambda: found() is not None)
            return found()  # type: ignore[return-value]

        return await asyncio.wait_for(wait(), timeout)

    async def ask(self, text: str, chat_id: int, **kwargs: Any) -> Call:
        """Sends `text` as a user message and returns the bot's first sendMessage to that chat."""
        mark = len(self.calls)
        self.message(text, chat_id, **kwargs)
        return await self.next_call("sendMessage", chat_id, after=mark)

    def busiest(self, seconds: float = 1.0, chat_id: int | None = None) -> int:
        """The most sendMessage calls (to `chat_id`, or to anyone) that arrived within any window of `seconds`,
        counted from the arrival times."""
        return most_in_window([c.at for c in self.sent(chat_id)], seconds)

    def drained(self) -> bool:
        """True when the bot has fetched (and confirmed) every injected update."""
        return not self._updates

    # ------------------------------------------------------------ HTTP

    async def _file(self, request: web.Request) -> web.Response:
        return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        method = request.match_info["method"]
        params = await _params(request)
        call = Call(method, params)
        self.calls.append(call)
        await self._notify()
        delay = self._latency.get((method, params.get("chat_id")), 0.0 if method == "getUpdates" else self.latency)
        if delay:
            await asyncio.sleep(delay)
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return web.json_response({"ok": False, "error_code": 404, "description": "Not Found: method not found"},
                                     status=404)
        try:
            self._maybe_fail(method, params)
            result = await handler(params)
        except ApiError as exc:
            call.ok = False
            return web.json_response(exc.body(), status=exc.status)
        call.ok = True
        return web.json_response({"ok": True, "result": result})

    def _maybe_fail(self, method: str, params: dict[str, Any]) -> None:
        for failure in self._failures:
            if failure.method == method and (failure.chat_id is None or failure.chat_id == params.get("chat_id")):
                self._failures.remove(failure)
                raise failure.error

    def _known_chat(self, chat_id: Any) -> dict[str, Any]:
        chat = self.chats.get(chat_id) if isinstance(chat_id, int) else None
        if chat is None:
            raise CHAT_NOT_FOUND
        return chat

    @staticmethod
    def _check_markup(markup: dict[str, Any] | None) -> None:
        for row in (markup or {}).get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and not 1 <= len(data.encode()) <= 64:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
                if not button.get("text"):
                    raise ApiError(400, "Bad Request: text buttons are unallowed in the inline keyboard")

    @staticmethod
    def _visible(text: str, parse_mode: str | None) -> str:
        visible = parse_html(text) if (parse_mode or "").upper() == "HTML" else text
        if not visible.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_len(visible) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        return visible

    # ------------------------------------------------------------ methods

    async def _m_getMe(self, params: dict[str, Any]) -> Any:
        return self.me()

    async def _m_getUpdates(self, params: dict[str, Any]) -> Any:
        if self.webhook.get("url"):
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                                "use deleteWebhook to delete the webhook first")
        offset = params.get("offset") or 0
        if offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        timeout = float(params.get("timeout") or 0)
        allowed = params.get("allowed_updates")

        def ready() -> list[dict[str, Any]]:
            out = []
            for update in self._updates[: params.get("limit") or 100]:
                kinds = [k for k in update if k != "update_id"]
                if allowed and not set(kinds) & set(allowed):
                    continue
                out.append(update)
            return out

        if not ready() and timeout > 0 and not self._closing:
            async with self._changed:
                try:
                    await asyncio.wait_for(self._changed.wait_for(lambda: bool(ready()) or self._closing), timeout)
                except asyncio.TimeoutError:
                    pass
        updates = ready()
        if updates and self.latency:
            await asyncio.sleep(self.latency / 2)  # the long poll's answer still crosses the network
        return updates

    async def _m_deleteWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook = {}
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    async def _m_setWebhook(self, params: dict[str, Any]) -> Any:
        url = params.get("url", "")
        if url and not url.startswith("https://"):
            raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook = dict(params)
        return True

    async def _m_getWebhookInfo(self, params: dict[str, Any]) -> Any:
        return {"url": self.webhook.get("url", ""), "has_custom_certificate": False,
                "pending_update_count": len(self._updates)}

    async def _m_setMyCommands(self, params: dict[str, Any]) -> Any:
        commands = params.get("commands") or []
        for command in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", command.get("command", "")):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise ApiError(400, "Bad Request: command description is invalid")
        scope = params.get("scope") or {"type": "default"}
        if scope.get("type") == "chat":
            self._known_chat(scope.get("chat_id"))
        self.commands[json.dumps(scope, sort_keys=True)] = commands
        return True

    async def _m_getMyCommands(self, params: dict[str, Any]) -> Any:
        scope = params.get("scope") or {"type": "default"}
        return self.commands.get(json.dumps(scope, sort_keys=True), [])

    async def _m_deleteMyCommands(self, params: dict[str, Any]) -> Any:
        self.commands.pop(json.dumps(params.get("scope") or {"type": "default"}, sort_keys=True), None)
        return True

    async def _m_sendChatAction(self, params: dict[str, Any]) -> Any:
        self._known_chat(params.get("chat_id"))
        return True

    async def _m_sendMessage(self, params: dict[str, Any]) -> Any:
        chat = self._known_chat(params.get("chat_id"))
        visible = self._visible(str(params.get("text", "")), params.get("parse_mode"))
        self._check_markup(params.get("reply_markup"))
        message: dict[str, Any] = {"message_id": next(self._message_ids), "from": self.me(), "chat": chat,
                                   "date": int(time.time()), "text": visible}
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        return message

    async def _m_editMessageText(self, params: dict[str, Any]) -> Any:
        visible = self._visible(str(params.get("text", "")), params.get("parse_mode"))
        self._check_markup(params.get("reply_markup"))
        if params.get("inline_message_id"):
            return True
        chat = self._known_chat(params.get("chat_id"))
        return {"message_id": params.get("message_id"), "from": self.me(), "chat": chat,
                "date": int(time.time()), "edit_date": int(time.time()), "text": visible}

    async def _m_answerCallbackQuery(self, params: dict[str, Any]) -> Any:
        if len(params.get("text") or "") > 200:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        return True

    async def _m_answerInlineQuery(self, params: dict[str, Any]) -> Any:
        results = params.get("results") or []
        if len(results) > 50:
            raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        ids = [r.get("id", "") for r in results]
        if len(set(ids)) != len(ids) or any(not 1 <= len(i.encode()) <= 64 for i in ids):
            raise ApiError(400, "Bad Request: RESULT_ID_INVALID")
        for result in results:
            content = result.get("input_message_content") or {}
            self._visible(str(content.get("message_text", "")), content.get("parse_mode"))
            self._check_markup(result.get("reply_markup"))
        return True

    async def _m_close(self, params: dict[str, Any]) -> Any:
        return True


async def _params(request: web.Request) -> dict[str, Any]:
    """Parameters from the query string and a JSON, urlencoded or multipart body, typed like the API does."""
    raw: dict[str, Any] = dict(request.query)
    if request.can_read_body:
        if request.content_type == "application/json":
            body = await request.json()
            raw.update(body if isinstance(body, dict) else {})
        else:
            form = await request.post()
            raw.update({k: v for k, v in form.items() if isinstance(v, str)})
    params: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, str):
            if key in JSON_FIELDS:
                value = json.loads(value)
            elif key in INT_FIELDS and re.fullmatch(r"-?\d+", value):
                value = int(value)
            elif key in BOOL_FIELDS:
                value = value.lower() == "true"
        params[key] = value
    return params
