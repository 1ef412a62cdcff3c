"""Preferences for the request path: a short-lived cache in front of a slow or absent database.

A read waits at most `wait` seconds for the store; past that it answers from the cache (or the default)
and the store's answer, when it comes, fills the cache. For 30 s after the store was late, reads do
not wait at all. At most `max_in_flight` calls wait on the store at
once, so a partitioned database never piles up threads. A change is kept in the cache at once; a failed
read answers the default and keeps nothing, so the chat's own setting is back as soon as the store is.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, Callable

from cachetools import TTLCache

from monsterbot.bounded import time_left
from monsterbot.preferences import Preferences

log = logging.getLogger(__name__)


class CachedPreferences:
    """`store` behind a TTL cache and a deadline; `healthy` is False while the store is late or failing."""

    def __init__(
        self,
        store: Preferences,
        ttl: float = 30.0,
        wait: float = 0.2,
        max_in_flight: int = 4,
        max_entries: int = 10_000,
    ) -> None:
        self._store = store
        self._cache: TTLCache[tuple[str, str], Any] = TTLCache(maxsize=max_entries, ttl=ttl)  # (setting, chat key)
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
        return bool(self._get(("mention_only", key), self._store.mention_only, False))

    def set_mention_only(self, key: str, value: bool) -> None:
        with self._lock:
            self._cache[("mention_only", key)] = value
        self._write(self._store.set_mention_only, key, value)

    def game(self, key: str) -> str | None:
        value = self._get(("game", key), self._store.game, None)
        return value if isinstance(value, str) else None

    def set_game(self, key: str, game: str) -> None:
        with self._lock:
            self._cache[("game", key)] = game
        self._write(self._store.set_game, key, game)

    def forget(self, key: str) -> None:
        with self._lock:
            for setting in ("mention_only", "game"):
                self._cache.pop((setting, key), None)
        self._write(self._store.forget, key)

    def _get(self, entry: tuple[str, str], read: Callable[[str], Any], default: Any) -> Any:
        with self._lock:
            if entry in self._cache:
                return self._cache[entry]
        wait = time_left(self._wait)  # within the webhook's deadline
        future = self._submit(self._read, entry, read)
        if future is not None and self.healthy and wait > 0:  # while the store is late, its answer only fills the cache
            try:
                return future.result(timeout=wait)
            except FutureTimeout:
                if wait >= self._wait:
                    self._late()
            except Exception:  # noqa: BLE001 - the store failed (logged in _done): the default, never cached
                return default
        return default

    def _write(self, call: Callable[..., object], *args: object) -> None:
        future = self._submit(call, *args)
        if future is None:
            log.warning("a chat preference change was kept in this worker only: the database is busy")
            return
        wait = time_left(self._wait)
        try:
            future.result(timeout=wait)
        except FutureTimeout:
            if wait >= self._wait:
                self._late()
                log.warning("a chat preference change is still being written: the database is slow")

    def _read(self, entry: tuple[str, str], read: Callable[[str], Any]) -> Any:
        value = read(entry[1])
        with self._lock:
            self._cache[entry] = value
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
