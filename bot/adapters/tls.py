"""aiohttp's context for unverified HTTPS, without the certificate store it never consults.

aiohttp makes two SSL contexts as it is imported: the verified one every request to Telegram and Discord uses,
and one for requests made with `ssl=False`, which the bot never makes. aiohttp builds that second one with
`set_default_verify_paths()`, so OpenSSL parses the system's whole CA bundle (about 150 certificates, about
1 MB of the bot's memory) into a store a context that verifies nothing (CERT_NONE, no host name check) never
reads. `lighten_unverified_context` puts in its place the same context without that store.
"""

from __future__ import annotations

import ssl


def lighten_unverified_context() -> bool:
    """Replace aiohttp's unverified context with one that loaded no CA certificates; True when it did. Left as it
    is unless it is what aiohttp is known to make (a client context that verifies nothing)."""
    from aiohttp import connector

    current = getattr(connector, "_SSL_CONTEXT_UNVERIFIED", None)
    if (not isinstance(current, ssl.SSLContext) or current.verify_mode != ssl.CERT_NONE or current.check_hostname
            or not current.cert_store_stats().get("x509_ca")):
        return False
    light = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    light.check_hostname = False
    light.verify_mode = ssl.CERT_NONE
    light.options = current.options  # aiohttp's: no SSLv2/v3, no compression
    light.set_alpn_protocols(("http/1.1",))
    connector._SSL_CONTEXT_UNVERIFIED = light  # type: ignore[attr-defined]
    return True
