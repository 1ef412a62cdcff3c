"""Calls to a shared store (Redis, the database) that never hold a reply for long.

Each call runs on one of a few daemon threads and is waited for at most `timeout` seconds (a call that takes longer
finishes in the background, or never, without holding a worker's exit); after a failure or a timeout the store is
skipped for `cooldown` seconds and calls answer their default at once.

A webhook sets one deadline for all its calls together (`deadline`): every bounded wait on its thread (memory,
preferences, the event ledger's Redis) waits at most the time left, and none once it is spent, so a store slow but
answering (70 ms a call) cannot add up past it; a wait the deadline cut short says nothing against the store.
"""

from __future__ import annotations

import contextvars
import logging
import queue
import threading
import time
from contextlib import contextmanager
from typing import Callable, Iterator, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("deadline", default=None)


@contextmanager
def deadline(at: float) -> Iterator[None]:
    """Bound every wait of this thread (or task) on a store until `at` (on the stores' clock: time.monotonic)."""
    token = _DEADLINE.set(at)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def time_left(limit: float, clock: Callable[[], float] = time.monotonic) -> float:
    """Seconds a wait on a store may take now: `limit`, or less if the deadline comes sooner (0 once it passed), the
    deadline read on `clock`."""
    at = _DEADLINE.get()
    return limit if at is None else max(0.0, min(limit, at - clock()))


class Bounded:
    """Runs calls with a time bound and a cool-down after failures. A call its caller stopped waiting for before it
    started is not run: a slow store's backlog never grows past what callers still wait for."""

    def __init__(
        self,
        name: str,
        timeout: float = 0.25,
        cooldown: float = 5.0,
        threads: int = 4,
        backlog: int = 64,
        clock: Callable[[], float] = time.monotonic,  # of the cool-down and of the webhook's deadline
    ) -> None:
        self._name = name
        self._timeout = timeout
        self._cooldown = cooldown
        self._clock = clock
        self._skip_until = 0.0
        self._jobs: queue.Queue[Callable[[], object]] = queue.Queue(maxsize=backlog)
        for _ in range(threads):
            threading.Thread(target=self._work, daemon=True, name=name).start()

    def call(self, job: Callable[[], T], default: T) -> T:
        """The job's result, or `default` when the store is skipped, fails or takes longer than the bound."""
        wait = time_left(self._timeout, self._clock)
        if self._clock() < self._skip_until or wait <= 0:
            return default
        done, given_up = threading.Event(), threading.Event()
        result: list[T] = []

        def run() -> None:
            try:
                if not given_up.is_set():
                    result.append(job())
            finally:
                done.set()

        try:
            self._jobs.put_nowait(run)
        except queue.Full:
            self._fail("backlog full")
            return default
        if not done.wait(wait):
            given_up.set()
            if wait >= self._timeout:  # the store's own time ran out, not the webhook's
                self._fail("timed out")
            return default
        return result[0] if result else default

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            try:
                job()
            except Exception as exc:  # noqa: BLE001 - any store failure degrades to the default
                self._fail(type(exc).__name__)

    def _fail(self, reason: str) -> None:
        if self._clock() >= self._skip_until:
            log.warning("%s skipped for %.0f s: %s", self._name, self._cooldown, reason)
        self._skip_until = self._clock() + self._cooldown
