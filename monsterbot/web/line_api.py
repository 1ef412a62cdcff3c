"""Sending replies to LINE's Messaging API (the only outbound call): HTTP/1.1 on kept-alive connections of the loop.

The request is the one line-bot-sdk's `AsyncMessagingApi.reply_message` sends through aiohttp (path, every header,
body bytes: tests/test_wire.py), written by a small protocol of the loop instead of an aiohttp session: a reply is one
write of bytes joined once and one response read, where aiohttp's request machinery (its URL, header, payload, timer
and stream objects) cost the worker about 0.16 ms of CPU per reply, the largest part of a webhook's own work after the
answer.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import ssl
import time
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass
from typing import Sequence, cast

from monsterbot.line_sdk.messaging import sdk_version
from monsterbot.replies.wire import Wire, reply_body
from monsterbot.web import metrics

log = logging.getLogger(__name__)

_REPLY_PATH = "/v2/bot/message/reply"
#: The system's CA bundle in a verifying context, made once at import (in the gunicorn master, shared by the workers):
#: made in each worker it cost 30-60 ms before the worker's first reply.
_TLS = ssl.create_default_context()
#: What aiohttp asks for (tests/test_wire.py); an error body compressed so is decompressed for the log.
_ACCEPT_ENCODING = "gzip, deflate"


class LineRefused(Exception):
    """A response that is not HTTP/1.x, or a proxy that would not open a tunnel."""


@dataclass
class _Response:
    status: int
    headers: dict[bytes, bytes]  # names lowercased
    body: bytes
    keep_alive: bool

    def text(self) -> str:
        """The body as text, decompressed if it came compressed."""
        coding = self.headers.get(b"content-encoding", b"").strip().lower()
        body = self.body
        try:
            if coding in (b"gzip", b"deflate"):
                body = zlib.decompress(body, 47 if coding == b"gzip" else zlib.MAX_WBITS)
        except zlib.error:
            pass
        return body.decode(errors="replace")


class _Connection(asyncio.Protocol):
    """One connection to LINE (or its proxy): a request written whole, its response read whole (Content-Length,
    chunked, or until the server closes)."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.closed = False
        self._buffer = bytearray()
        self._waiter: asyncio.Future[_Response] | None = None
        self._head_only = False  # a CONNECT's answer: no body follows

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's are no subclass of asyncio's

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        waiter, self._waiter = self._waiter, None
        if waiter is not None and not waiter.done():
            response = _parse(self._buffer, self._head_only, ended=True)
            if response is None:
                waiter.set_exception(ConnectionError("LINE closed the connection before its response"))
            else:
                waiter.set_result(response)

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        waiter = self._waiter
        if waiter is None or waiter.done():
            return
        try:
            response = _parse(self._buffer, self._head_only, ended=False)
        except LineRefused as exc:
            self._waiter = None
            waiter.set_exception(exc)
            return
        if response is not None:
            self._waiter = None
            self._buffer.clear()
            waiter.set_result(response)

    def exchange(self, request: Sequence[bytes], head_only: bool = False) -> asyncio.Future[_Response]:
        """Write `request` (its parts joined by the transport); the future of its response."""
        assert self.transport is not None
        self._waiter = asyncio.get_running_loop().create_future()
        self._head_only = head_only
        self._buffer.clear()
        self.transport.writelines(request)
        return self._waiter

    def close(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.abort()


def _parse(buffer: bytearray, head_only: bool, ended: bool) -> _Response | None:
    """The whole response at the start of `buffer`, or None while it is not all there (`ended`: the server closed
    the connection, which ends a body of no stated length)."""
    end = buffer.find(b"\r\n\r\n")
    if end < 0:
        return None
    lines = bytes(buffer[:end]).split(b"\r\n")
    version, _, rest = lines[0].partition(b" ")
    if not version.startswith(b"HTTP/1.") or not rest[:3].isdigit():
        raise LineRefused(f"not an HTTP/1.x response: {lines[0][:40]!r}")
    status = int(rest[:3])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        headers[name.strip().lower()] = value.strip()
    connection = headers.get(b"connection", b"").lower()
    keep_alive = connection != b"close" if version == b"HTTP/1.1" else connection == b"keep-alive"
    start = end + 4
    if head_only or status in (204, 304) or 100 <= status < 200:
        return _Response(status, headers, b"", keep_alive)
    if b"chunked" in headers.get(b"transfer-encoding", b"").lower():
        body = _dechunk(buffer, start)
        return None if body is None else _Response(status, headers, body, keep_alive)
    if b"content-length" in headers:
        length = int(headers[b"content-length"])
        if len(buffer) - start < length:
            return None
        return _Response(status, headers, bytes(buffer[start : start + length]), keep_alive)
    return _Response(status, headers, bytes(buffer[start:]), False) if ended else None


def _dechunk(buffer: bytearray, at: int) -> bytes | None:
    """A chunked body from `at`, or None while its last chunk (and trailers) have not all come."""
    parts: list[bytes] = []
    while True:
        line_end = buffer.find(b"\r\n", at)
        if line_end < 0:
            return None
        size = int(bytes(buffer[at:line_end]).split(b";", 1)[0], 16)
        if size == 0:
            return b"".join(parts) if buffer.find(b"\r\n\r\n", line_end) >= 0 else None
        start = line_end + 2
        if len(buffer) < start + size + 2:
            return None
        parts.append(bytes(buffer[start : start + size]))
        at = start + size + 2


class LineReplier:
    """Replies with the channel access token to the Messaging API at `endpoint`, keeping up to `connections`
    connections alive between replies, opened on the loop that sends (each worker's own, after the fork); through the
    proxy the environment names (HTTPS_PROXY, HTTP_PROXY, NO_PROXY; its credentials in its URL), read once.

    A reply token is single-use and expires quickly: a failed reply is never retried once the request may have
    reached LINE; only a connection that never opened is tried once more."""

    def __init__(self, endpoint: str, access_token: str, timeout: float, connections: int) -> None:
        url = urllib.parse.urlsplit(endpoint + _REPLY_PATH)
        self._url = url.geturl()
        self._tls = url.scheme == "https"
        self._host = url.hostname or ""
        self._port = url.port or (443 if self._tls else 80)
        self._timeout = timeout
        self._connections = connections
        self._idle: list[_Connection] = []  # kept alive between replies, the latest last
        self._busy: set[_Connection] = set()
        self._proxy: urllib.parse.SplitResult | None = None
        self._proxy_read = False
        # the headers of the SDK's AsyncApiClient (its default headers, reply_message's, aiohttp's own: host,
        # encodings, length), in aiohttp's order (tests/test_wire.py)
        default_port = self._port == (443 if self._tls else 80)
        self._host_header = self._host if default_port else f"{self._host}:{self._port}"
        self._fields = (
            f"Authorization: Bearer {access_token}\r\n"
            f"User-Agent: line-bot-sdk-python/{sdk_version}\r\n"
            "Accept: application/json\r\n"
            "Content-Type: application/json\r\n"
            f"Accept-Encoding: {_ACCEPT_ENCODING}\r\n"
        ).encode("latin-1")
        self._head = b""

    async def reply(self, reply_token: str, messages: Sequence[Wire]) -> str:
        """Send the reply; return "ok", or the kind of failure (logged, never raised); its time goes to
        monsterbot_line_request_seconds under that result."""
        started = time.perf_counter()
        result = await self._send(reply_body(reply_token, messages))
        metrics.LINE_SECONDS.labels(result).observe(time.perf_counter() - started)
        return result

    async def _send(self, body: bytes) -> str:
        loop = asyncio.get_running_loop()
        ends = loop.time() + self._timeout
        try:
            async with asyncio.timeout_at(ends):
                connection = await self._connection()
        except (OSError, TimeoutError, LineRefused) as exc:  # no connection opened: LINE never saw the token
            log.warning("LINE could not be reached: %s", type(exc).__name__)
            return "unreachable"
        self._busy.add(connection)
        try:
            async with asyncio.timeout_at(ends):
                response = await connection.exchange((self._head, b"Content-Length: %d\r\n\r\n" % len(body), body))
        except (OSError, TimeoutError, LineRefused) as exc:
            connection.close()
            log.warning("LINE could not be reached: %s", type(exc).__name__)
            return "unreachable"
        except BaseException:  # cancelled (a drain's cut): the connection's response would never be read
            connection.close()
            raise
        finally:
            self._busy.discard(connection)
        self._keep(connection, response.keep_alive)
        if 200 <= response.status <= 299:
            return "ok"
        log.warning(
            "LINE rejected the reply: HTTP %s %s",
            response.status,
            response.text()[:200],
            extra={"line_request_id": response.headers.get(b"x-line-request-id", b"").decode("latin-1")},
        )  # for LINE's support
        return f"http_{response.status}"

    async def _connection(self) -> _Connection:
        """A kept-alive connection, else a new one (tried twice: one that never opened saw nothing)."""
        while self._idle:
            connection = self._idle.pop()
            if not connection.closed:
                return connection
        if not self._proxy_read:
            proxy = _proxy_for(self._url)
            self._proxy, self._proxy_read = (urllib.parse.urlsplit(proxy) if proxy else None), True
            self._head = self._request_head()
        for attempt in (1, 2):
            try:
                return await self._open()
            except OSError:
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises

    def _request_head(self) -> bytes:
        """The request line and the headers but the length: the path, or the whole URL to a plain proxy."""
        target = self._url if self._proxy is not None and not self._tls else _REPLY_PATH
        head = f"POST {target} HTTP/1.1\r\nHost: {self._host_header}\r\n".encode("latin-1") + self._fields
        if self._proxy is not None and not self._tls:
            head += _proxy_authorization(self._proxy)
        return head

    async def _open(self) -> _Connection:
        loop = asyncio.get_running_loop()
        proxy = self._proxy
        if proxy is None:
            tls = _TLS if self._tls else None
            _, connection = await loop.create_connection(
                _Connection, self._host, self._port, ssl=tls, server_hostname=self._host if tls else None
            )
            return connection
        _, connection = await loop.create_connection(_Connection, proxy.hostname or "", proxy.port or 80)
        if not self._tls:
            return connection
        target = f"CONNECT {self._host}:{self._port} HTTP/1.1\r\nHost: {self._host}:{self._port}\r\n"
        answer = await connection.exchange((target.encode("latin-1"), _proxy_authorization(proxy), b"\r\n"), True)
        if answer.status != 200:
            connection.close()
            raise LineRefused(f"the proxy answered {answer.status} to CONNECT")
        assert connection.transport is not None
        tunnel = await loop.start_tls(connection.transport, connection, _TLS, server_hostname=self._host)
        connection.transport = cast(asyncio.Transport, tunnel)
        return connection

    def _keep(self, connection: _Connection, keep_alive: bool) -> None:
        if keep_alive and not connection.closed and len(self._idle) < self._connections:
            self._idle.append(connection)
        else:
            connection.close()

    @property
    def open_connections(self) -> int:
        """Connections kept alive or in use."""
        return sum(not c.closed for c in self._idle) + len(self._busy)

    async def close(self) -> None:
        """Close every connection (a send still under way is cut, and reported unreachable; a later reply opens new
        ones)."""
        for connection in [*self._idle, *self._busy]:
            connection.close()
        self._idle.clear()
        await asyncio.sleep(0)  # the transports' closing callbacks run


def _proxy_authorization(proxy: urllib.parse.SplitResult) -> bytes:
    """The Proxy-Authorization header for a proxy URL's credentials (none without them)."""
    if proxy.username is None:
        return b""
    user = urllib.parse.unquote(proxy.username)
    secret = urllib.parse.unquote(proxy.password or "")
    return b"Proxy-Authorization: Basic " + base64.b64encode(f"{user}:{secret}".encode()) + b"\r\n"


def _proxy_for(url: str) -> str | None:
    """The proxy the environment names for `url` (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), if any."""
    parts = urllib.parse.urlsplit(url)
    if parts.hostname and urllib.request.proxy_bypass(parts.hostname):
        return None
    return urllib.request.getproxies().get(parts.scheme)
