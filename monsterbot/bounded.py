"""Calls to a shared store (Redis, the database) that never hold a reply for long.

Each call runs on one of a few daemon threads and is waited for at most `timeout` seconds (a call that takes longer
finishes in the background, or never, without holding a worker's exit); after a failure or a timeout the store is
skipped for `cooldown` seconds and calls answer their default at once.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from typing import Callable, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


class Bounded:
    """Runs calls with a time bound and a cool-down after failures."""

    def __init__(self, name: str, timeout: float = 0.25, cooldown: float = 5.0, threads: int = 2, backlog: int = 64,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._name = name
        self._timeout = timeout
        self._cooldown = cooldown
        self._clock = clock
        self._skip_until = 0.0
        self._jobs: queue.Queue[Callable[[], None]] = queue.Queue(maxsize=backlog)
        for _ in range(threads):
            threading.Thread(target=self._work, daemon=True, name=name).start()

    def call(self, job: Callable[[], T], default: T) -> T:
        """The job's result, or `default` when the store is skipped, fails or takes longer than the bound."""
        if self._clock() < self._skip_until:
            return default
        done = threading.Event()
        result: list[T] = []

        def run() -> None:
            try:
                result.append(job())
            finally:
                done.set()

        try:
            self._jobs.put_nowait(run)
        except queue.Full:
            self._fail("backlog full")
            return default
        if not done.wait(self._timeout):
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
