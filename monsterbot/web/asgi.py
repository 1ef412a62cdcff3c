"""The webhook on gunicorn's asyncio worker: each request read whole on the event loop, then the Flask app.

A client that sends its request slowly (headers or body, a byte a second) costs a coroutine, not one of
the few threads that run the Flask app, so slow clients do not delay LINE's webhooks. A body must arrive
within BODY_SECONDS (else 408) and stay within the body limit (else 413).

LINE's webhook (`INLINE_PATHS`) runs on the event loop itself: its work is CPU and local files (the events file,
chat memory), each bounded, and its wait for the reply to reach LINE is awaited (AWAIT_BEFORE_RESPONSE), so no
thread is handed the request and none waits. Every other route (health, metrics) runs on a2wsgi's threads.
"""

from __future__ import annotations

import asyncio
import io
from typing import Any, Awaitable, Callable, Iterable, MutableMapping, cast

from a2wsgi import WSGIMiddleware
from a2wsgi.wsgi import build_environ

from monsterbot.web.dispatch import AWAIT_BEFORE_RESPONSE

BODY_SECONDS = 10.0
INLINE_PATHS = frozenset({"/callback"})  # POSTs to these run on the event loop

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[MutableMapping[str, Any], Receive, Send], Awaitable[None]]


WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


#: The config key by which a Flask app says its INLINE_PATHS never wait on the network (monsterbot's webhook); any
#: other app (the benchmark's echo example, which calls LINE in its handler) runs every request on the threads.
LOOP_SAFE = "MONSTERBOT_LOOP_SAFE"


def serve(wsgi_app: WSGIApp, threads: int, max_body: int,
          on_shutdown: Callable[[], Awaitable[None]] | None = None) -> ASGIApp:
    """The Flask app as an ASGI app that hands it only whole requests: a loop-safe webhook on the loop, the rest on
    `threads` threads; `on_shutdown` is awaited at the server's lifespan shutdown."""
    inline = wsgi_app if getattr(wsgi_app, "config", {}).get(LOOP_SAFE) else None
    return WholeRequests(WSGIMiddleware(wsgi_app, workers=threads), max_body, inline,  # type: ignore[arg-type]
                         on_shutdown)  # a2wsgi's own scope and message types are TypedDicts of the same shape


class WholeRequests:
    """Reads a request's whole body on the event loop before `app` sees the request; `inline` (the same app as
    WSGI) answers POSTs to INLINE_PATHS on the loop; the lifespan's shutdown awaits `on_shutdown`."""

    def __init__(self, app: ASGIApp, max_body: int, inline: WSGIApp | None = None,
                 on_shutdown: Callable[[], Awaitable[None]] | None = None) -> None:
        self.app = app
        self._max_body = max_body
        self._inline = inline
        self._on_shutdown = on_shutdown

    async def __call__(self, scope: MutableMapping[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
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
        if self._inline is not None and scope["method"] == "POST" and scope["path"] in INLINE_PATHS:
            await _run_inline(self._inline, scope, bytes(body), send)
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
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain"), (b"content-length", str(len(text)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": text})


async def _run_inline(app: WSGIApp, scope: MutableMapping[str, Any], body: bytes, send: Send) -> None:
    """Run the WSGI app on the loop with the whole body, await what it asked for, then send its response."""
    # any file holding the body will do; a2wsgi's Environ is a TypedDict, the app adds its own key
    environ = cast(dict[str, Any], build_environ(scope, io.BytesIO(body)))  # type: ignore[arg-type]
    awaited: list[Awaitable[None]] = []
    environ[AWAIT_BEFORE_RESPONSE] = awaited
    started: list[tuple[str, list[tuple[str, str]]]] = []

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: object = None) -> None:
        started[:] = [(status, headers)]

    result = app(environ, start_response)
    try:
        content = b"".join(result)
    finally:
        getattr(result, "close", lambda: None)()
    for waiting in awaited:
        await waiting
    status, headers = started[0]
    await send({"type": "http.response.start", "status": int(status.split(" ", 1)[0]),
                "headers": [(k.lower().encode("latin1"), v.encode("latin1")) for k, v in headers]})
    await send({"type": "http.response.body", "body": content})
