"""Answer each LINE event at most once, although LINE may redeliver it.

LINE redelivers an event (same `webhookEventId`, `deliveryContext.isRedelivery` true) when
it did not get our 200 in time. One process remembers the ids it has seen; several
replicas share them through Redis (`REDIS_URL`), with SET NX and an expiry.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from typing import Protocol

log = logging.getLogger(__name__)

DEFAULT_TTL = 24 * 3600


class SeenEvents(Protocol):
    """Remembers webhook event ids."""

    def first_time(self, event_id: str) -> bool:
        """True the first time an id is offered (within the expiry), False after."""
        ...


class MemorySeenEvents:
    """Event ids seen by this process, oldest forgotten first past `max_entries` or `ttl` seconds."""

    def __init__(self, ttl: float = DEFAULT_TTL, max_entries: int = 100_000) -> None:
        self._ttl = ttl
        self._max = max_entries
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, event_id: str) -> bool:
        now = time.monotonic()
        with self._lock:
            while self._seen and next(iter(self._seen.values())) < now - self._ttl:
                self._seen.popitem(last=False)
            if event_id in self._seen:
                return False
            if len(self._seen) >= self._max:
                self._seen.popitem(last=False)
            self._seen[event_id] = now
            return True


class RedisSeenEvents:
    """Event ids shared by every replica through Redis; if Redis fails, the event is answered."""

    def __init__(self, url: str, ttl: int = DEFAULT_TTL, prefix: str = "monsterbot:event:") -> None:
        import redis  # only when configured: keeps the default start-up light

        self._redis = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        self._errors = (redis.RedisError, OSError)
        self._ttl = ttl
        self._prefix = prefix

    def first_time(self, event_id: str) -> bool:
        try:
            return bool(self._redis.set(self._prefix + event_id, 1, nx=True, ex=self._ttl))
        except self._errors as exc:
            log.warning("redelivery check skipped, Redis failed: %s", type(exc).__name__)
            return True


def seen_events(redis_url: str) -> SeenEvents:
    """Redis-backed when a URL is configured, else in-process."""
    return RedisSeenEvents(redis_url) if redis_url else MemorySeenEvents()
