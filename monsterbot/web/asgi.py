"""The webhook on gunicorn's asyncio worker: each request read whole on the event loop, then the Flask app.

A client that sends its request slowly (headers or body, a byte a second) costs a coroutine, not one of
the few threads that run the Flask app, so slow clients do not delay LINE's webhooks. A body must arrive
within BODY_SECONDS (else 408) and stay within the body limit (else 413).

LINE's webhook (`INLINE_PATHS`) is answered on the event loop itself when the app offers a loop webhook (its work is
CPU and local files, each bounded): the body and signature go straight to it, with no WSGI environ and no Flask
request, and its wait for the reply to reach LINE is awaited, so no thread is handed the request and none waits. Every
other route (health, metrics), and the webhook when it is not loop-safe, runs on a2wsgi's threads.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, Awaitable, Callable, Iterable, MutableMapping, Union

from a2wsgi import WSGIMiddleware

BODY_SECONDS = 10.0
INLINE_PATHS = frozenset({"/callback"})  # POSTs to these run on the event loop

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[MutableMapping[str, Any], Receive, Send], Awaitable[None]]


WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
#: LINE's webhook on the loop: (body, X-Line-Signature, X-Request-Id) → (text, status), or what to await for them.
LoopWebhook = Callable[[bytes, str, str], Union[tuple[str, int], Awaitable[tuple[str, int]]]]


def serve(
    wsgi_app: WSGIApp,
    threads: int,
    max_body: int,
    webhook: LoopWebhook | None = None,
    on_shutdown: Callable[[], Awaitable[None]] | None = None,
) -> ASGIApp:
    """The Flask app as an ASGI app that hands it only whole requests on `threads` threads; `webhook` answers
    INLINE_PATHS on the loop; `on_shutdown` is awaited at the server's lifespan shutdown."""
    # a2wsgi's own scope and message types are TypedDicts of the same shape
    middleware = WSGIMiddleware(wsgi_app, workers=threads)  # type: ignore[arg-type]
    return WholeRequests(middleware, max_body, webhook, on_shutdown)  # type: ignore[arg-type]


class WholeRequests:
    """Reads a request's whole body on the event loop before `app` sees the request; `webhook` answers POSTs to
    INLINE_PATHS on the loop; the lifespan's shutdown awaits `on_shutdown`."""

    def __init__(
        self,
        app: ASGIApp,
        max_body: int,
        webhook: LoopWebhook | None = None,
        on_shutdown: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self.app = app
        self._max_body = max_body
        self._webhook = webhook
        self._on_shutdown = on_shutdown

    async def __call__(self, scope: MutableMapping[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        try:
            async with asyncio.timeout(BODY_SECONDS):
                while True:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        return
                    chunk = message.get("body", b"")
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > self._max_body:
                        await _refuse(send, 413, b"Request Entity Too Large")
                        return
                    if not message.get("more_body", False):
                        break
        except TimeoutError:
            await _refuse(send, 408, b"Request Timeout")
            return
        body = b"".join(chunks)  # the one copy of a body sent in parts; a body of one part is handed on as it came
        whole: Message | None = {"type": "http.request", "body": body, "more_body": False}
        # The app sees a body of known length, however it was sent (chunked bodies included).
        headers = [(k, v) for k, v in scope["headers"] if k.lower() not in (b"content-length", b"transfer-encoding")]
        scope = dict(
            scope,
            headers=[*headers, (b"content-length", str(size).encode())],
            **{"monsterbot.arrived": time.monotonic()},
        )  # the webhook's deadline counts from here
        if self._webhook is not None and scope["method"] == "POST" and scope["path"] in INLINE_PATHS:
            await _answer_on_loop(self._webhook, headers, body, send)
            return

        async def replay() -> Message:
            nonlocal whole
            if whole is not None:
                message, whole = whole, None
                return message
            return await receive()

        await self.app(scope, replay, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        """ASGI lifespan: nothing to start (the app is built); at shutdown, `on_shutdown`."""
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if self._on_shutdown is not None:
                    await self._on_shutdown()
                await send({"type": "lifespan.shutdown.complete"})
                return


async def _refuse(send: Send, status: int, text: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain"),
                (b"content-length", str(len(text)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": text})


async def _answer_on_loop(webhook: LoopWebhook, headers: list[tuple[bytes, bytes]], body: bytes, send: Send) -> None:
    """Answer the webhook on the loop, awaiting its response when it must wait (its replies' hold), then send it."""
    signature, request_id = _header(headers, b"x-line-signature"), _header(headers, b"x-request-id")
    answered = webhook(body, signature, request_id)
    text, status = answered if isinstance(answered, tuple) else await answered
    content = text.encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(content)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": content})


def _header(headers: list[tuple[bytes, bytes]], wanted: bytes) -> str:
    """A request header's value ("" when absent)."""
    return next((value.decode("latin1") for name, value in headers if name.lower() == wanted), "")
