"""The webhook on gunicorn's asyncio worker: each request read whole on the event loop, then the app on a thread.

A client that sends its request slowly (headers or body, a byte a second) costs a coroutine, not one of
the few threads that run the Flask app, so slow clients do not delay LINE's webhooks. A body must arrive
within BODY_SECONDS (else 408) and stay within the body limit (else 413); a2wsgi runs the Flask app.
"""

from __future__ import annotations

import asyncio
from typing import Any, Awaitable, Callable, MutableMapping

from a2wsgi import WSGIMiddleware

BODY_SECONDS = 10.0

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[MutableMapping[str, Any], Receive, Send], Awaitable[None]]


def serve(wsgi_app: Any, threads: int, max_body: int) -> ASGIApp:
    """The Flask app as an ASGI app that hands it only whole requests, on `threads` threads."""
    return WholeRequests(WSGIMiddleware(wsgi_app, workers=threads), max_body)  # type: ignore[arg-type]  # a2wsgi's
    # own scope and message types are TypedDicts of the same shape


class WholeRequests:
    """Reads a request's whole body on the event loop before `app` sees the request."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self._max_body = max_body

    async def __call__(self, scope: MutableMapping[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        body = bytearray()
        try:
            async with asyncio.timeout(BODY_SECONDS):
                while True:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        return
                    body += message.get("body", b"")
                    if len(body) > self._max_body:
                        await _refuse(send, 413, b"Request Entity Too Large")
                        return
                    if not message.get("more_body", False):
                        break
        except TimeoutError:
            await _refuse(send, 408, b"Request Timeout")
            return
        whole: Message | None = {"type": "http.request", "body": bytes(body), "more_body": False}
        # The app sees a body of known length, however it was sent (chunked bodies included).
        headers = [(k, v) for k, v in scope["headers"] if k.lower() not in (b"content-length", b"transfer-encoding")]
        scope = dict(scope, headers=[*headers, (b"content-length", str(len(body)).encode())])

        async def replay() -> Message:
            nonlocal whole
            if whole is not None:
                message, whole = whole, None
                return message
            return await receive()

        await self.app(scope, replay, send)


async def _refuse(send: Send, status: int, text: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain"), (b"content-length", str(len(text)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": text})
