"""Send replies off the request thread, so the webhook answers LINE at once whatever the Messaging API does.

A small pool per worker sends the replies; when it is busy the request thread sends the reply
itself (back-pressure, nothing is dropped). `drain()` waits for what is in flight; it runs at
exit, so a worker stopping on SIGTERM finishes its replies (each bounded by the LINE timeout).
"""

from __future__ import annotations

import atexit
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable, Protocol, Sequence

from monsterbot.replies.wire import Wire


class Replier(Protocol):
    """Sends reply messages for a reply token (LineReplier in production)."""

    def reply(self, reply_token: str, messages: Sequence[Wire]) -> str: ...


class ReplyDispatcher:
    """Runs `replier.reply` in a bounded pool and reports each result to `done`."""

    def __init__(self, replier: Replier, workers: int = 4, backlog: int = 64) -> None:
        self._replier = replier
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="line-reply")
        self._slots = threading.BoundedSemaphore(workers + backlog)
        self._pending: set[Future[str]] = set()
        self._lock = threading.Lock()
        atexit.register(self.drain)

    def send(self, token: str, messages: Sequence[Wire], done: Callable[[str], None]) -> None:
        """Queue a reply; when the queue is full, send it now on the caller's thread."""
        if not self._slots.acquire(blocking=False):
            done(self._replier.reply(token, messages))
            return
        future = self._pool.submit(self._replier.reply, token, messages)
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(lambda f: self._finish(f, done))

    def _finish(self, future: Future[str], done: Callable[[str], None]) -> None:
        with self._lock:
            self._pending.discard(future)
        self._slots.release()
        done(future.result() if not future.exception() else "error")

    def drain(self, timeout: float | None = 30.0) -> None:
        """Wait until every queued reply has been sent (or failed)."""
        with self._lock:
            pending = list(self._pending)
        for future in pending:
            try:
                future.result(timeout)
            except Exception:  # noqa: BLE001 - already reported through `done`
                pass
