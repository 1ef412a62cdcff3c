"""Send replies on an event loop, off the request, so the webhook answers LINE at once whatever the Messaging API does.

Replies are coroutines on one event loop per worker: gunicorn's asyncio worker's own loop (`attach`), else one
background loop per process (tests, a development server). At most `SENDERS` are sent at once, and the worker
holds as many as those can still send, each bounded by the LINE timeout, within the drain budget: so a SIGTERM drain
always fits inside the grace period. A reply that finds the queue full is not queued (`send` returns None: the request
never waits on LINE, and the webhook answers 503, so LINE redelivers it); `drain_async` waits for the queue until its
budget is spent, then reports each reply not yet started as "unsent"; a send still under way then is cut when the
worker closes its connections, and reported unreachable (LINE may have it: its redelivery's reply would be refused as
a reused token). Only gunicorn's graceful stop (SIGTERM) drains; its quick stop (SIGINT, SIGQUIT) cuts every reply.

While LINE answers briskly, a webhook holds its 200 until its replies reached LINE (until HOLD seconds after the
webhook came in): a worker that dies before then leaves LINE to redeliver. Once a reply takes longer, webhooks answer
at once for SLOW_FOR seconds. Either way a reply not yet with LINE when the webhook responds 200 was first kept in the
ledger's outbox (monsterbot/web/webhook.py): another worker sends it if this one dies. A webhook answered on the loop
awaits its
hold there (`settle_async`, handed to the server to await before it responds); one answered on a thread waits there
(`settle`). No thread is handed a reply: sending one costs the loop a coroutine.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import math
import threading
import time
from typing import Callable, Protocol, Sequence, Union

from monsterbot.replies.wire import Wire
from monsterbot.web import metrics

log = logging.getLogger(__name__)

SENDERS = 16  # replies sent at once per worker (one kept-alive connection to LINE each)
HOLD = 0.3  # default seconds from a webhook's arrival it may wait for its replies to reach LINE (a reply takes ~0.1 s)
SLOW_FOR = 30.0  # seconds webhooks stop waiting after LINE was slower than HOLD

#: A reply on its way: a task of the loop when sent from the loop, else a future any thread can wait on.
Sending = Union["asyncio.Task[str]", "concurrent.futures.Future[str]"]


class Replier(Protocol):
    """Sends reply messages for a reply token (LineReplier in production), on the dispatcher's loop."""

    async def reply(self, reply_token: str, messages: Sequence[Wire]) -> str: ...

    async def close(self) -> None: ...


def capacity(line_timeout: float, drain_budget: float, senders: int = SENDERS) -> int:
    """Replies a worker may hold: whole rounds of `senders` parallel sends, each up to `line_timeout`, in the budget."""
    rounds = max(1, math.floor(drain_budget / max(line_timeout, 0.1)))
    return rounds * senders


class ReplyDispatcher:
    """Runs `replier.reply` on one loop, `senders` at a time, and reports each result ("unsent" if drained away) to
    its `done`: on that loop, or on a thread when `done` may wait on the network (`blocking_done`)."""

    def __init__(
        self,
        replier: Replier,
        line_timeout: float,
        drain_budget: float,
        senders: int = SENDERS,
        blocking_done: bool = False,
        hold: float = HOLD,
    ) -> None:
        self._replier = replier
        self._hold = hold
        self._budget = drain_budget
        self._senders = senders
        self._blocking_done = blocking_done  # `done` may wait on the network (Redis): run it on a thread
        self._slots = threading.BoundedSemaphore(capacity(line_timeout, drain_budget, senders))
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock = threading.Lock()
        self._turns: asyncio.Semaphore | None = None  # made on the loop: one turn per sender
        self._waiting: set[asyncio.Task[str]] = set()  # queued, not yet sending
        self._sending: set[asyncio.Task[str]] = set()
        self._slow_until = 0.0
        self._jobs: list[tuple[float, Callable[[], object]]] = []
        self._repeating: list[asyncio.Task[None]] = []

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        """Send on `loop` (the server's, before it serves any request), and run the `every` jobs there from now on:
        no thread of the dispatcher's own is used."""
        with self._lock:
            self._loop = loop
            self._turns = None
        loop.call_soon_threadsafe(self._repeat_jobs)

    def every(self, seconds: float, job: Callable[[], object]) -> None:
        """Run `job` every `seconds` on the loop `attach` gives, from then until `close` (on a thread of the loop's
        executor when `done` may wait on the network: so may the job)."""
        self._jobs.append((seconds, job))

    def _repeat_jobs(self) -> None:
        self._repeating += [asyncio.get_running_loop().create_task(self._repeat(*job)) for job in self._jobs]

    async def _repeat(self, seconds: float, job: Callable[[], object]) -> None:
        loop = asyncio.get_running_loop()
        while True:
            try:
                if self._blocking_done:
                    await loop.run_in_executor(None, job)
                else:
                    job()
            except Exception:
                log.exception("a repeated job failed")
            await asyncio.sleep(seconds)

    def free_senders(self) -> int:
        """Senders with nothing to send or queued: replies queued now would start at once."""
        return max(0, self._senders - len(self._waiting) - len(self._sending))

    def send(self, token: str, messages: Sequence[Wire], done: Callable[[str], None]) -> Sending | None:
        """Queue a reply; None, with nothing sent and `done` never called, when the queue is full (or its loop has
        closed: the worker is stopping)."""
        if not self._slots.acquire(blocking=False):
            self._slow_until = time.monotonic() + SLOW_FOR
            return None
        metrics.REPLY_QUEUE.inc()
        loop = self._home()
        if _running_loop() is loop:  # the webhook runs on the loop: the reply is a task of it, no hand-off
            return self._start(token, messages, done)
        waited: concurrent.futures.Future[str] = concurrent.futures.Future()
        try:
            loop.call_soon_threadsafe(self._start, token, messages, done, waited)
        except RuntimeError:  # the loop is closed
            self._slots.release()
            metrics.REPLY_QUEUE.dec()
            return None
        return waited

    def _start(
        self,
        token: str,
        messages: Sequence[Wire],
        done: Callable[[str], None],
        waited: concurrent.futures.Future[str] | None = None,
    ) -> asyncio.Task[str]:
        """On the loop: the reply's task, its end reported whatever ends it (a cancel before its first step too)."""
        task = asyncio.get_running_loop().create_task(self._reply(token, messages))
        self._waiting.add(task)
        task.add_done_callback(lambda ended: self._finish(ended, done, waited))
        return task

    async def _reply(self, token: str, messages: Sequence[Wire]) -> str:
        task = asyncio.current_task()
        assert task is not None  # a coroutine of the loop runs in a task
        if self._turns is None:
            self._turns = asyncio.Semaphore(self._senders)
        async with self._turns:
            self._waiting.discard(task)
            self._sending.add(task)
            try:
                return await self._replier.reply(token, messages)
            except Exception:
                log.exception("a reply failed")
                return "error"

    def _finish(
        self, task: asyncio.Task[str], done: Callable[[str], None], waited: concurrent.futures.Future[str] | None
    ) -> None:
        self._waiting.discard(task)
        self._sending.discard(task)
        self._slots.release()
        metrics.REPLY_QUEUE.dec()
        result = "unsent" if task.cancelled() else task.result()  # cancelled: drained away or cut by the exit
        if self._blocking_done:  # the thread waiting for the reply hears of it once its result is recorded
            reported = task.get_loop().run_in_executor(None, _report, done, result)
            if waited is not None:
                reported.add_done_callback(lambda _: waited.set_result(result))
        else:
            _report(done, result)
            if waited is not None:
                waited.set_result(result)

    def settle(self, replies: Sequence[Sending], arrived: float) -> None:
        """Wait on this thread (not the loop's) for these replies to reach LINE until HOLD seconds after `arrived`
        (monotonic), unless LINE was slow lately."""
        if self._holds(replies):
            waited = [reply for reply in replies if isinstance(reply, concurrent.futures.Future)]
            _, late = concurrent.futures.wait(waited, timeout=self._hold_left(arrived))
            self._judge(late)

    async def settle_async(self, replies: Sequence[Sending], arrived: float) -> None:
        """`settle` on the loop: it goes on serving while these replies travel. The wait never cancels a reply (its
        end, a timeout or a cancelled request, leaves them on their way)."""
        if not self._holds(replies):
            return
        waited = [reply for reply in replies if isinstance(reply, asyncio.Future)]
        if waited:
            _, late = await asyncio.wait(waited, timeout=self._hold_left(arrived))
            self._judge(late)

    def _holds(self, replies: Sequence[Sending]) -> bool:
        return bool(replies) and time.monotonic() >= self._slow_until

    def _hold_left(self, arrived: float) -> float:
        return max(0.0, arrived + self._hold - time.monotonic())

    def _judge(self, late: object) -> None:
        if late:
            self._slow_until = time.monotonic() + SLOW_FOR

    async def drain_async(self, timeout: float | None = None) -> None:
        """On the loop: wait for the queued replies (at most `timeout`, by default the drain budget); cancel those
        not started (their `done` hears "unsent"); a send under way is left to finish, or to `close`."""
        deadline = time.monotonic() + (self._budget if timeout is None else timeout)
        while self._waiting or self._sending:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            await asyncio.wait(self._waiting | self._sending, timeout=left, return_when=asyncio.FIRST_COMPLETED)
        late = list(self._waiting)
        for task in late:
            task.cancel()
        await asyncio.gather(*late, return_exceptions=True)

    async def close(self) -> None:
        """At the worker's shutdown: stop the `every` jobs, `drain_async`, then close the replier's connections (a send
        still under way is cut, and reported unreachable)."""
        for task in self._repeating:
            task.cancel()
        await asyncio.gather(*self._repeating, return_exceptions=True)
        await self.drain_async()
        await self._replier.close()

    def drain(self, timeout: float | None = None) -> None:
        """`drain_async` from another thread than the loop's (tests, a development server), waiting for it."""
        with self._lock:
            loop = self._loop
        if loop is not None and loop.is_running():
            asyncio.run_coroutine_threadsafe(self.drain_async(timeout), loop).result()

    def shutdown(self) -> None:
        """`close` from another thread than the loop's (a development server's stop, tests), waiting for it; nothing
        to do when no reply was ever sent."""
        with self._lock:
            loop = self._loop
        if loop is not None and loop.is_running():
            asyncio.run_coroutine_threadsafe(self.close(), loop).result()

    def _home(self) -> asyncio.AbstractEventLoop:
        """The loop replies are sent on: the attached one, else the process's background loop."""
        with self._lock:
            if self._loop is None:
                self._loop = _background_loop()
            return self._loop


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _report(done: Callable[[str], None], result: str) -> None:
    try:
        done(result)
    except Exception:
        log.exception("a reply's result could not be recorded")


_background: list[asyncio.AbstractEventLoop] = []
_background_lock = threading.Lock()


def _background_loop() -> asyncio.AbstractEventLoop:
    """One loop on a daemon thread for every dispatcher of a process that serves without one (tests, a development
    server)."""
    with _background_lock:
        if not _background:
            loop = asyncio.new_event_loop()
            threading.Thread(target=loop.run_forever, name="line-reply", daemon=True).start()
            _background.append(loop)
        return _background[0]
