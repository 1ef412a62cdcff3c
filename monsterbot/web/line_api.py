"""Sending replies through LINE's Messaging API with line-bot-sdk's asyncio client (the only outbound call)."""

from __future__ import annotations

import logging
import time
import urllib.parse
import urllib.request
from typing import Sequence

import aiohttp

from monsterbot.line_sdk.messaging import sdk_version
from monsterbot.replies.wire import Wire, reply_body
from monsterbot.web import metrics

log = logging.getLogger(__name__)

_REPLY_PATH = "/v2/bot/message/reply"


class LineReplier:
    """Replies with the channel access token to the Messaging API at `endpoint`, on up to `connections` kept-alive
    connections of aiohttp (the SDK's asyncio client's library), opened on the loop that sends (each worker's own,
    after the fork).

    A reply token is single-use and expires quickly: a failed reply is never retried once the request may have
    reached LINE; only a connection that never opened is tried once more."""

    def __init__(self, endpoint: str, access_token: str, timeout: float, connections: int) -> None:
        self._url = endpoint + _REPLY_PATH
        self._connections = connections
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None
        # the headers of the SDK's AsyncApiClient (its default headers) and of reply_message (tests/test_wire.py)
        self._headers = {
            "Authorization": f"Bearer {access_token}",
            "User-Agent": f"line-bot-sdk-python/{sdk_version}",
            "Accept": "application/json",
            "Content-Type": "application/json",
        }
        self._proxy: str | None = None

    def _pool(self) -> aiohttp.ClientSession:
        """A session on a pool of `connections`, made on the running loop when first needed. The pool is the one the
        SDK's AsyncApiClient makes but for its TLS context: the SDK reads the system's CA bundle into a context of its
        own in each worker (30-60 ms, 0.75 MB, before the first reply), aiohttp's verifying context (the same
        `ssl.create_default_context()`) is made once at its import, in the gunicorn master, and shared. The SDK's own
        session trusts the environment on every request, which costs two thread hand-offs per reply (the proxy
        variables, ~/.netrc): the proxy variables are read here once instead (a proxy's credentials go in its URL),
        and ~/.netrc never (the channel token is the only credential)."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=self._connections))
            self._proxy = _proxy_for(self._url)
        return self._session

    async def reply(self, reply_token: str, messages: Sequence[Wire]) -> str:
        """Send the reply; return "ok", or the kind of failure (logged, never raised); its time goes to
        monsterbot_line_request_seconds under that result.

        The request is the one `AsyncMessagingApi.reply_message` makes (path, headers, body bytes: tests/test_wire.py),
        sent through the SDK's pool with the messages already encoded: the SDK would serialise every card again.
        """
        started = time.perf_counter()
        result = await self._send(reply_token, messages)
        metrics.LINE_SECONDS.labels(result).observe(time.perf_counter() - started)
        return result

    async def _send(self, reply_token: str, messages: Sequence[Wire]) -> str:
        session, body = self._pool(), reply_body(reply_token, messages)
        for attempt in (1, 2):
            try:
                async with session.post(
                    self._url, data=body, headers=self._headers, timeout=self._timeout, proxy=self._proxy
                ) as response:
                    answer = await response.read()  # read whole, so the connection is kept for the next reply
                if 200 <= response.status <= 299:
                    return "ok"
                log.warning(
                    "LINE rejected the reply: HTTP %s %s",
                    response.status,
                    answer[:200].decode(errors="replace"),
                    extra={"line_request_id": response.headers.get("X-Line-Request-Id", "")},
                )  # for LINE's support
                return f"http_{response.status}"
            except aiohttp.ClientConnectorError as exc:  # no connection opened: LINE never saw the token
                if attempt == 2:
                    log.warning("LINE could not be reached: %s", type(exc).__name__)
            except (aiohttp.ClientError, TimeoutError, OSError) as exc:
                log.warning("LINE could not be reached: %s", type(exc).__name__)
                break
        return "unreachable"

    async def close(self) -> None:
        """Close the pool's connections (a later reply opens new ones)."""
        if self._session is not None:
            await self._session.close()  # and its connector
        self._session = None


def _proxy_for(url: str) -> str | None:
    """The proxy the environment names for `url` (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), if any."""
    parts = urllib.parse.urlsplit(url)
    if parts.hostname and urllib.request.proxy_bypass(parts.hostname):
        return None
    return urllib.request.getproxies().get(parts.scheme)
