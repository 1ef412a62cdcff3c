"""Send replies off the request thread, so the webhook answers LINE at once whatever the Messaging API does.

Each worker has `SENDERS` threads and room for as many replies as they can still send, each bounded by
the LINE timeout, within the drain budget: so a SIGTERM drain always fits inside the grace period. A
reply that finds the queue full is not queued (`send` returns None: the request never waits on LINE, and the webhook
answers 503, so LINE redelivers it);
`drain()` waits for the queue until its budget is spent, then reports each reply not sent as "unsent".

While LINE answers briskly, a webhook holds its 200 until its replies reached LINE (`settle`, until
HOLD seconds after the webhook came in): a worker that dies before then leaves LINE to redeliver, and no acknowledged event
waits in a queue. Once a reply takes longer, webhooks answer at once for SLOW_FOR seconds. Under gunicorn's asyncio
worker the hold is awaited on the event loop (`settle_async`, handed to the server through the request's environ under
AWAIT_BEFORE_RESPONSE): no thread waits.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import math
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable, Protocol, Sequence

from monsterbot.replies.wire import Wire

SENDERS = 16  # reply threads per worker: replies wait on the network, not the CPU
HOLD = 0.3  # seconds from a webhook's arrival it may wait for its replies to reach LINE (a reply takes ~0.1 s)
SLOW_FOR = 30.0  # seconds webhooks stop waiting after LINE was slower than HOLD
#: WSGI environ key of a list the asyncio server offers: awaitables it awaits before it sends the response.
AWAIT_BEFORE_RESPONSE = "monsterbot.await_before_response"


class Replier(Protocol):
    """Sends reply messages for a reply token (LineReplier in production)."""

    def reply(self, reply_token: str, messages: Sequence[Wire]) -> str: ...


def capacity(line_timeout: float, drain_budget: float, senders: int = SENDERS) -> int:
    """Replies a worker may hold: whole rounds of `senders` parallel sends, each up to `line_timeout`, in the budget."""
    rounds = max(1, math.floor(drain_budget / max(line_timeout, 0.1)))
    return rounds * senders


class ReplyDispatcher:
    """Runs `replier.reply` in a bounded pool and reports each result ("unsent" if drained away) to its `done`."""

    def __init__(self, replier: Replier, line_timeout: float, drain_budget: float, senders: int = SENDERS) -> None:
        self._replier = replier
        self._budget = drain_budget
        self._pool = ThreadPoolExecutor(max_workers=senders, thread_name_prefix="line-reply")
        self._slots = threading.BoundedSemaphore(capacity(line_timeout, drain_budget, senders))
        self._pending: set[Future[str]] = set()
        self._settled = threading.Condition()
        self._slow_until = 0.0

    def send(self, token: str, messages: Sequence[Wire], done: Callable[[str], None]) -> Future[str] | None:
        """Queue a reply; None, with nothing sent and `done` never called, when the queue is full."""
        if not self._slots.acquire(blocking=False):
            self._slow_until = time.monotonic() + SLOW_FOR
            return None
        future = self._pool.submit(self._replier.reply, token, messages)
        with self._settled:
            self._pending.add(future)
        future.add_done_callback(lambda f: self._finish(f, done))
        return future

    def settle(self, replies: Sequence[Future[str]], arrived: float) -> None:
        """Wait for these replies to reach LINE until HOLD seconds after `arrived` (monotonic), unless LINE was
        slow lately."""
        if self._holds(replies):
            _, late = concurrent.futures.wait(replies, timeout=self._hold_left(arrived))
            self._judge(late)

    async def settle_async(self, replies: Sequence[Future[str]], arrived: float) -> None:
        """`settle` on an event loop: the loop goes on serving while these replies travel. Nothing links the replies
        to this wait: its end (a timeout, a cancelled request) never cancels a reply, and a loop closed before they
        finish is not told."""
        if not self._holds(replies):
            return
        loop = asyncio.get_running_loop()
        settled: asyncio.Future[None] = loop.create_future()
        left = [len(replies)]
        lock = threading.Lock()

        def one_done(_: Future[str]) -> None:
            with lock:
                left[0] -= 1
                last = left[0] == 0
            if last:
                with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits any more
                    loop.call_soon_threadsafe(_settle, settled)

        for reply in replies:
            reply.add_done_callback(one_done)
        try:
            await asyncio.wait_for(settled, timeout=self._hold_left(arrived))
        except TimeoutError:
            self._judge(True)

    def _holds(self, replies: Sequence[Future[str]]) -> bool:
        return bool(replies) and time.monotonic() >= self._slow_until

    @staticmethod
    def _hold_left(arrived: float) -> float:
        return max(0.0, arrived + HOLD - time.monotonic())

    def _judge(self, late: object) -> None:
        if late:
            self._slow_until = time.monotonic() + SLOW_FOR

    def _finish(self, future: Future[str], done: Callable[[str], None]) -> None:
        try:
            if future.cancelled():
                done("unsent")
            else:
                done(future.result() if future.exception() is None else "error")
        finally:
            self._slots.release()
            with self._settled:
                self._pending.discard(future)
                self._settled.notify_all()

    def drain(self, timeout: float | None = None) -> None:
        """Wait for the queued replies (at most `timeout`, by default the drain budget); cancel those not started."""
        deadline = time.monotonic() + (self._budget if timeout is None else timeout)
        with self._settled:
            self._settled.wait_for(lambda: not self._pending, timeout=max(0.0, deadline - time.monotonic()))
            late = list(self._pending)
        for future in late:
            future.cancel()  # a send already under way finishes within the LINE timeout


def _settle(settled: asyncio.Future[None]) -> None:
    if not settled.done():  # a wait that timed out cancelled it
        settled.set_result(None)
