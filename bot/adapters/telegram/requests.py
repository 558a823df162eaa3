"""python-telegram-bot's Bot API requests over aiohttp instead of its default httpx.

Per answered question, httpx and httpcore took about 40 % of the bot's CPU: on every request httpcore's pool
checks each idle connection (a system call each) and creates locks through anyio. aiohttp's client, already
installed for discord.py, does the same job in a fraction of that; python-telegram-bot still builds the
requests, reads the answers and raises its own errors (`BaseRequest`), so nothing above this changes.
"""

from __future__ import annotations

import asyncio

import aiohttp
from aiohttp.helpers import get_env_proxy_for_url
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData
from yarl import URL

TIMEOUT = 5.0  # seconds, python-telegram-bot's default for reading, writing and connecting


class AiohttpRequest(BaseRequest):
    def __init__(self, connections: int = 256) -> None:
        self._connections = connections
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[tuple[str, str | None, int | None], tuple[URL | None, aiohttp.BasicAuth | None]] = {}

    @property
    def read_timeout(self) -> float:
        return TIMEOUT

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            # Not trust_env: with it aiohttp looks up .netrc and the proxy variables in a worker thread on every
            # request (two thread hops each, and up to six threads kept with their own malloc arenas, about 3 MB).
            # The proxy is the environment's all the same, read once per server (`_proxy`).
            self._session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=self._connections),
                                                  headers={"User-Agent": self.USER_AGENT})

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         read_timeout: object = BaseRequest.DEFAULT_NONE,
                         write_timeout: object = BaseRequest.DEFAULT_NONE,
                         connect_timeout: object = BaseRequest.DEFAULT_NONE,
                         pool_timeout: object = BaseRequest.DEFAULT_NONE) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        timeout = aiohttp.ClientTimeout(sock_connect=_seconds(connect_timeout), sock_read=_seconds(read_timeout))
        proxy, proxy_auth = self._proxy(URL(url))
        try:
            async with self._session.request(method, url, data=_body(request_data), timeout=timeout,
                                             proxy=proxy, proxy_auth=proxy_auth) as response:
                return response.status, await response.read()
        except asyncio.TimeoutError as exc:
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            # The URL holds the bot token: never let it into a message that may be logged.
            raise NetworkError(f"aiohttp.{type(exc).__name__}: {str(exc).replace(url, '<Bot API URL>')}") from exc


    def _proxy(self, url: URL) -> tuple[URL | None, aiohttp.BasicAuth | None]:
        """HTTP(S)_PROXY / NO_PROXY from the environment (a proxy's credentials from .netrc), as httpx honoured them:
        read on the first request to a server, not on every one. The bot talks to one server, the Bot API's."""
        origin = (url.scheme, url.host, url.port)
        found = self._proxies.get(origin)
        if found is None:
            try:
                found = get_env_proxy_for_url(url)
            except LookupError:  # no proxy set for this scheme, or NO_PROXY names the host
                found = (None, None)
            self._proxies[origin] = found
        return found


def _seconds(value: object) -> float | None:
    """A timeout the caller gave, or ours (python-telegram-bot passes its DEFAULT_NONE marker for "not given")."""
    return TIMEOUT if value is BaseRequest.DEFAULT_NONE else value  # type: ignore[return-value]


def _body(request_data: RequestData | None) -> aiohttp.FormData | dict[str, str] | None:
    """Form fields, as python-telegram-bot sends them (nested objects as JSON strings); multipart with files."""
    if request_data is None:
        return None
    files = request_data.multipart_data
    if not files:
        return request_data.json_parameters
    form = aiohttp.FormData()
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, (filename, content, mime_type) in files.items():
        form.add_field(name, content, filename=filename, content_type=mime_type)
    return form
