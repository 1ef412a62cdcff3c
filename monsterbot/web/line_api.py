"""Sending replies through LINE's Messaging API with line-bot-sdk (the only outbound call)."""

from __future__ import annotations

import logging
from typing import Sequence

import urllib3
from linebot.v3.messaging import ApiClient, ApiException, Configuration

from monsterbot.replies.wire import Wire

log = logging.getLogger(__name__)

#: A reply token is single-use and expires quickly: a failed reply is never retried after the
#: request reached LINE; only a connection that never opened is tried once more (read, status and other are 0,
#: so `allowed_methods` never comes into play).
_RETRY = urllib3.Retry(total=1, connect=1, read=0, status=0, other=0, allowed_methods=None, raise_on_status=False)


_HEADERS = {"Accept": "application/json", "Content-Type": "application/json"}


class LineReplier:
    """Replies with the channel access token to the Messaging API at `endpoint`."""

    def __init__(self, endpoint: str, access_token: str, timeout: float) -> None:
        configuration = Configuration(host=endpoint, access_token=access_token)
        configuration.retries = _RETRY
        self._client = ApiClient(configuration)
        self._timeout = timeout

    def reply(self, reply_token: str, messages: Sequence[Wire]) -> str:
        """Send the reply; return "ok", or the kind of failure (logged, never raised).

        The call is the one `MessagingApi.reply_message` makes (same path, headers, auth and connection pool), with
        the messages already in their wire form: a `ReplyMessageRequest` would serialise every card again.
        """
        body = {"replyToken": reply_token, "messages": list(messages), "notificationDisabled": False}
        try:
            self._client.call_api(
                "/v2/bot/message/reply", "POST", header_params=dict(_HEADERS), body=body, auth_settings=["Bearer"],
                response_types_map={}, _request_timeout=self._timeout,  # the answer is not needed: not parsed
            )
        except ApiException as exc:
            log.warning("LINE rejected the reply: HTTP %s %s", exc.status, (exc.body or "")[:200])
            return f"http_{exc.status}"
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            log.warning("LINE could not be reached: %s", type(exc).__name__)
            return "unreachable"
        return "ok"
