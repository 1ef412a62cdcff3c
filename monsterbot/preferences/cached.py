"""Preferences for the request path: a short-lived cache in front of a slow or absent database.

A read waits at most `wait` seconds for the store; past that it answers from the cache (or the default)
and the store's answer, when it comes, fills the cache. For 30 s after the store was late, reads do
not wait at all. At most `max_in_flight` calls wait on the store at
once, so a partitioned database never piles up threads. A change is kept in the cache at once.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Callable

from cachetools import TTLCache

from monsterbot.preferences import Preferences

log = logging.getLogger(__name__)


class CachedPreferences:
    """`store` behind a TTL cache and a deadline; `healthy` is False while the store is late or failing."""

    def __init__(self, store: Preferences, ttl: float = 30.0, wait: float = 0.2, max_in_flight: int = 4,
                 max_entries: int = 10_000) -> None:
        self._store = store
        self._cache: TTLCache[str, bool] = TTLCache(maxsize=max_entries, ttl=ttl)
        self._wait = wait
        self._pool = ThreadPoolExecutor(max_workers=max_in_flight, thread_name_prefix="preferences")
        self._slots = threading.BoundedSemaphore(max_in_flight)
        self._lock = threading.Lock()
        self._late_until = 0.0

    @property
    def healthy(self) -> bool:
        """False for a while after the store was late or failed."""
        return time.monotonic() >= self._late_until

    def mention_only(self, key: str) -> bool:
        with self._lock:
            cached = self._cache.get(key)
        if cached is not None:
            return cached
        future = self._submit(self._read, key)
        if future is not None and self.healthy:  # while the store is late, its answer only fills the cache
            try:
                return bool(future.result(timeout=self._wait))
            except FutureTimeout:
                self._late()
        return False

    def set_mention_only(self, key: str, value: bool) -> None:
        with self._lock:
            self._cache[key] = value
        self._write(self._store.set_mention_only, key, value)

    def forget(self, key: str) -> None:
        with self._lock:
            self._cache.pop(key, None)
        self._write(self._store.forget, key)

    def _write(self, call: Callable[..., object], *args: object) -> None:
        future = self._submit(call, *args)
        if future is None:
            log.warning("a chat preference change was kept in this worker only: the database is busy")
            return
        try:
            future.result(timeout=self._wait)
        except FutureTimeout:
            self._late()
            log.warning("a chat preference change is still being written: the database is slow")

    def _read(self, key: str) -> bool:
        value = self._store.mention_only(key)
        with self._lock:
            self._cache[key] = value
        return value

    def _submit(self, call: Callable[..., object], *args: object) -> Future[object] | None:
        if not self._slots.acquire(blocking=False):
            self._late()
            return None
        future = self._pool.submit(call, *args)
        future.add_done_callback(self._done)
        return future

    def _done(self, future: Future[object]) -> None:
        self._slots.release()
        if future.exception() is not None:
            self._late()
            log.warning("the preferences store failed: %s", type(future.exception()).__name__)

    def _late(self) -> None:
        self._late_until = time.monotonic() + 30.0
