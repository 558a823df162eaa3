"""aiohttp's unverified HTTPS context without the CA store it never reads (bot/adapters/tls.py): requests made
with `ssl=False` still reach a server whose certificate nobody vouches for, and every other request is still
verified. Against a local HTTPS server on 127.0.0.1 with a self-signed certificate."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from pathlib import Path

import aiohttp
import pytest
from aiohttp import connector, web

from bot.adapters.tls import lighten_unverified_context

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command for a certificate")


def self_signed(tmp_path: Path) -> ssl.SSLContext:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server.load_cert_chain(cert, key)
    return server


async def test_unverified_requests_still_work_and_verified_ones_still_verify(tmp_path: Path) -> None:
    async def hello(_request: web.Request) -> web.Response:
        return web.Response(text="hello")

    app = web.Application()
    app.router.add_get("/", hello)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=self_signed(tmp_path))
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        lighten_unverified_context()
        assert connector._SSL_CONTEXT_UNVERIFIED.cert_store_stats()["x509_ca"] == 0
        assert connector._SSL_CONTEXT_VERIFIED.cert_store_stats()["x509_ca"] > 0  # untouched
        async with aiohttp.ClientSession() as http:
            async with http.get(f"https://127.0.0.1:{port}/", ssl=False) as response:
                assert await response.text() == "hello"
            with pytest.raises(aiohttp.ClientConnectorCertificateError):
                await http.get(f"https://127.0.0.1:{port}/")
        assert lighten_unverified_context() is False  # done once; a second call changes nothing
    finally:
        await runner.cleanup()
