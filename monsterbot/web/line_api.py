"""Sending replies through LINE's Messaging API with line-bot-sdk's client (the only outbound call)."""

from __future__ import annotations

import logging
from typing import Sequence

import urllib3
from linebot.v3.messaging import ApiClient, Configuration

from monsterbot.replies.wire import Wire, reply_body

log = logging.getLogger(__name__)

#: A reply token is single-use and expires quickly: a failed reply is never retried after the
#: request reached LINE; only a connection that never opened is tried once more (read, status and other are 0,
#: so `allowed_methods` never comes into play).
_RETRY = urllib3.Retry(total=1, connect=1, read=0, status=0, other=0, allowed_methods=None, raise_on_status=False)
_REPLY_PATH = "/v2/bot/message/reply"


class LineReplier:
    """Replies with the channel access token to the Messaging API at `endpoint`, on up to `connections` kept-alive
    connections (one per sending thread: the SDK's default, 5 per CPU, would close and reopen the others, a TLS
    handshake with LINE per reply)."""

    def __init__(self, endpoint: str, access_token: str, timeout: float, connections: int) -> None:
        configuration = Configuration(host=endpoint, access_token=access_token)
        configuration.retries = _RETRY
        configuration.connection_pool_maxsize = connections
        client = ApiClient(configuration)
        self._pool = client.rest_client.pool_manager  # the SDK's connection pool, with its TLS and retry settings
        self._url = configuration.host + _REPLY_PATH
        self._headers = {**client.default_headers, "User-Agent": client.user_agent,
                         "Accept": "application/json", "Content-Type": "application/json"}
        self._timeout = urllib3.Timeout(total=timeout)

    def reply(self, reply_token: str, messages: Sequence[Wire]) -> str:
        """Send the reply; return "ok", or the kind of failure (logged, never raised).

        The request is the one `MessagingApi.reply_message` makes (path, headers, body bytes: tests/test_wire.py),
        sent through the SDK's pool with the messages already encoded: the SDK would serialise every card again.
        """
        try:
            response = self._pool.request("POST", self._url, body=reply_body(reply_token, messages),
                                          headers=self._headers, timeout=self._timeout)
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            log.warning("LINE could not be reached: %s", type(exc).__name__)
            return "unreachable"
        if not 200 <= response.status <= 299:
            log.warning("LINE rejected the reply: HTTP %s %s", response.status, response.data[:200].decode(errors="replace"))
            return f"http_{response.status}"
        return "ok"
