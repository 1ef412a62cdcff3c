"""Answer each LINE event once in effect, although LINE may redeliver it and a worker may die.

An event is first *claimed* with a short lease, and recorded as *answered* only once its reply was
handed to LINE. A worker that dies while holding a claim leaves it to expire, so LINE's
redelivery answers the event then; a redelivery of an answered event is skipped.

The ledger is Redis when `REDIS_URL` is set (shared by every replica), else an SQLite file in the
data folder, shared by every worker of the host. If Redis fails, the host's file stands in for a
while; if the file fails, the event is answered (a double answer rather than none).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
import uuid
from pathlib import Path
from typing import Callable, Protocol, Sequence

from monsterbot.host_file import HostFile

log = logging.getLogger(__name__)

ANSWERED_TTL = 24 * 3600  # LINE redelivers for much less than a day
REDIS_TIMEOUT = 0.1  # seconds per Redis call on the request path; Redis answers in well under a millisecond
REDIS_RETRY_AFTER = 5.0  # seconds the host's file stands in after Redis failed


class EventLedger(Protocol):
    """Who answers a webhook event: claims with a lease, then answered marks."""

    def claim(self, event_ids: Sequence[str]) -> set[str]:
        """The ids the caller should answer now: never answered, and nobody holds a live claim."""
        ...

    def answered(self, event_id: str) -> None:
        """The reply was handed to LINE: a redelivery is skipped (for a day)."""
        ...

    def release(self, event_id: str) -> None:
        """The reply was not handed to LINE: a redelivery answers it."""
        ...


class SqliteLedger:
    """Claims in an SQLite file that every worker process of the host opens (WAL, short busy timeout)."""

    _PRUNE_EVERY = 500  # claims between deletions of expired rows

    def __init__(self, path: Path, lease: float, ttl: float = ANSWERED_TTL, busy_timeout: float = 0.2,
                 clock: Callable[[], float] = time.time) -> None:
        self._file = HostFile(path, busy_timeout, "CREATE TABLE IF NOT EXISTS events "
                              "(id TEXT PRIMARY KEY, owner TEXT, answered INTEGER, expires REAL)", "an event's record")
        self._lease = lease
        self._ttl = ttl
        self._clock = clock  # wall time: shared by processes
        self._claims = 0
        self._owner = f"{os.getpid()}:{uuid.uuid4().hex[:8]}"

    def claim(self, event_ids: Sequence[str]) -> set[str]:
        now = self._clock()
        claimed = set()
        db = self._file.db
        try:
            with self._file.lock:
                db.execute("BEGIN IMMEDIATE")  # one write for the whole batch
                try:
                    for event_id in event_ids:
                        cursor = db.execute(
                            "INSERT INTO events VALUES (?, ?, 0, ?) ON CONFLICT(id) DO UPDATE SET owner = "
                            "excluded.owner, answered = 0, expires = excluded.expires WHERE events.expires < ?",
                            (event_id, self._owner, now + self._lease, now),
                        )
                        if cursor.rowcount == 1:
                            claimed.add(event_id)
                    self._claims += len(event_ids)
                    if self._claims >= self._PRUNE_EVERY:
                        self._claims = 0
                        db.execute("DELETE FROM events WHERE expires < ?", (now,))
                    db.execute("COMMIT")
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
        except sqlite3.Error as exc:
            log.warning("redelivery check skipped, the events file failed: %s", exc)
            return set(event_ids)
        return claimed

    def answered(self, event_id: str) -> None:
        self._file.write("UPDATE events SET answered = 1, expires = ? WHERE id = ?", (self._clock() + self._ttl, event_id))

    def release(self, event_id: str) -> None:
        self._file.write("DELETE FROM events WHERE id = ? AND owner = ? AND answered = 0", (event_id, self._owner))


class RedisLedger:
    """Claims shared by every replica through Redis (SET NX PX); while Redis fails, `standby` decides."""

    # Delete a claim only while it is still ours (it may have expired and been claimed again).
    _RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"

    def __init__(self, url: str, lease: float, standby: EventLedger, ttl: int = ANSWERED_TTL,
                 prefix: str = "monsterbot:event:") -> None:
        import redis  # only when configured: keeps the default start-up light

        self._redis = redis.Redis.from_url(url, socket_timeout=REDIS_TIMEOUT, socket_connect_timeout=REDIS_TIMEOUT)
        self._errors = (redis.RedisError, OSError)
        self._release = self._redis.register_script(self._RELEASE)
        self._lease_ms = max(1, int(lease * 1000))
        self._ttl = ttl
        self._prefix = prefix
        self._standby = standby
        self._down_until = 0.0
        self._tokens: dict[str, str] = {}
        self._on_standby: set[str] = set()
        self._lock = threading.Lock()

    @property
    def healthy(self) -> bool:
        """False while Redis is thought down (the last call failed less than REDIS_RETRY_AFTER ago)."""
        return time.monotonic() >= self._down_until

    def claim(self, event_ids: Sequence[str]) -> set[str]:
        tokens = {event_id: uuid.uuid4().hex for event_id in event_ids}
        if self.healthy:
            pipeline = self._redis.pipeline(transaction=False)  # one round trip for the whole batch
            for event_id, token in tokens.items():
                pipeline.set(self._prefix + event_id, token, nx=True, px=self._lease_ms)
            try:
                results = pipeline.execute()
            except self._errors as exc:
                self._failed(exc)
            else:
                claimed = {event_id for event_id, ok in zip(tokens, results, strict=True) if ok}
                with self._lock:
                    self._tokens.update((event_id, tokens[event_id]) for event_id in claimed)
                return claimed
        with self._lock:
            self._on_standby.update(event_ids)
        return self._standby.claim(event_ids)

    def answered(self, event_id: str) -> None:
        if self._from_standby(event_id):
            self._standby.answered(event_id)
            return
        with self._lock:
            self._tokens.pop(event_id, None)
        self._call(lambda: self._redis.set(self._prefix + event_id, "answered", ex=self._ttl))

    def release(self, event_id: str) -> None:
        if self._from_standby(event_id):
            self._standby.release(event_id)
            return
        with self._lock:
            token = self._tokens.pop(event_id, None)
        if token is not None:
            self._call(lambda: self._release(keys=[self._prefix + event_id], args=[token]))

    def _from_standby(self, event_id: str) -> bool:
        with self._lock:
            if event_id in self._on_standby:
                self._on_standby.discard(event_id)
                return True
        return False

    def _call(self, command: Callable[[], object]) -> None:
        if not self.healthy:
            return  # the claim expires by itself; an answered mark is lost (a later redelivery is answered again)
        try:
            command()
        except self._errors as exc:
            self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self._down_until = time.monotonic() + REDIS_RETRY_AFTER
        log.warning("Redis failed (%s): the host's events file decides for %.0f s", type(exc).__name__,
                    REDIS_RETRY_AFTER)


def event_ledger(redis_url: str, data_dir: Path, lease: float) -> EventLedger:
    """Redis-backed when a URL is configured (the host's file standing in), else the host's file."""
    local = SqliteLedger(data_dir / "events.sqlite3", lease)
    return RedisLedger(redis_url, lease, standby=local) if redis_url else local
