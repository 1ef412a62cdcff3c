"""The whole-request ASGI wrapper (monsterbot/web/asgi.py) driven as gunicorn's asyncio worker drives it."""

from __future__ import annotations

import asyncio
from typing import Any, MutableMapping

from monsterbot.web.asgi import WholeRequests


def _call(parts: list[bytes], max_body: int = 1000) -> tuple[list[bytes], list[MutableMapping[str, Any]]]:
    """POST /callback with a body sent in `parts`; the bodies the loop webhook was given and what was sent back."""
    given: list[bytes] = []

    def webhook(body: bytes, signature: str, request_id: str) -> tuple[str, int]:
        assert (signature, request_id) == ("s", "proxy-1")
        given.append(body)
        return "OK", 200

    async def app(scope: Any, receive: Any, send: Any) -> None:
        raise AssertionError("the loop webhook answers /callback")

    messages = [{"type": "http.request", "body": part, "more_body": n < len(parts) - 1} for n, part in enumerate(parts)]
    sent: list[MutableMapping[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return messages.pop(0)

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    headers = [(b"x-line-signature", b"s"), (b"X-Request-Id", b"proxy-1")]
    scope = {"type": "http", "method": "POST", "path": "/callback", "headers": headers}
    asyncio.run(WholeRequests(app, max_body, webhook)(scope, receive, send))
    return given, sent


def test_a_body_of_one_part_reaches_the_webhook_without_a_copy():
    body = b'{"events": []}'
    given, sent = _call([body])
    assert given == [body] and given[0] is body
    assert sent[0]["status"] == 200


def test_a_body_in_parts_is_joined_and_one_over_the_limit_refused():
    given, _ = _call([b'{"events"', b": []}"])
    assert given == [b'{"events": []}']
    given, sent = _call([b"x" * 600, b"x" * 600])
    assert given == [] and sent[0]["status"] == 413
