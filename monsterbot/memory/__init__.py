"""What a chat asked about last (its monster, game and question), remembered for a short time so that a follow-up
("尾巴呢", "and in rise?") is answered about it.

Kept under a salted hash of the chat id (`monsterbot.preferences.chat_key`), never the LINE id; shared by every
replica through Redis or a PostgreSQL store; read and written through `BoundedMemory`, so a slow or absent store costs a
reply at most a fraction of a second and is then skipped for a while (no memory). Without either, the host's workers
share a file in the data folder (`host_store.py`).
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Callable, Protocol

from monsterbot.bounded import Bounded
from monsterbot.core.answer import Remembered

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from monsterbot.config import Settings


class ChatMemory(Protocol):
    """Recalls and remembers a chat's last question by chat key."""

    def recall(self, key: str) -> Remembered | None: ...

    def remember(self, key: str, value: Remembered) -> None: ...

    def forget(self, key: str) -> None: ...

    def close(self) -> None:
        """Close its files and connections (the runtime's end: no call follows)."""
        ...


class NoMemory:
    """Memory switched off: nothing is kept, nothing recalled."""

    def recall(self, key: str) -> Remembered | None:
        return None

    def remember(self, key: str, value: Remembered) -> None:
        return None

    def forget(self, key: str) -> None:
        return None

    def close(self) -> None:
        return None


class LocalMemory:
    """Memory of one process (the terminal chat, tests), forgotten after `ttl` seconds and past `max_entries`."""

    def __init__(
        self, ttl: float = 600.0, max_entries: int = 10_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._ttl = ttl
        self._max = max_entries
        self._clock = clock
        self._values: dict[str, tuple[float, Remembered]] = {}
        self._lock = threading.Lock()

    def recall(self, key: str) -> Remembered | None:
        with self._lock:
            found = self._values.get(key)
            if found is None or found[0] <= self._clock():
                self._values.pop(key, None)
                return None
            return found[1]

    def remember(self, key: str, value: Remembered) -> None:
        with self._lock:
            self._values.pop(key, None)
            if len(self._values) >= self._max:
                del self._values[next(iter(self._values))]
            self._values[key] = (self._clock() + self._ttl, value)

    def forget(self, key: str) -> None:
        with self._lock:
            self._values.pop(key, None)

    def close(self) -> None:
        return None  # nothing held but memory


class BoundedMemory:
    """A shared memory whose calls never hold a reply for long (see monsterbot/bounded.py): a slow or failing store
    reads as no memory."""

    def __init__(self, inner: ChatMemory, bounded: Bounded | None = None) -> None:
        self._inner = inner
        self._bounded = bounded or Bounded("chat memory")

    def recall(self, key: str) -> Remembered | None:
        return self._bounded.call(lambda: self._inner.recall(key), None)

    def remember(self, key: str, value: Remembered) -> None:
        self._bounded.call(lambda: self._inner.remember(key, value), None)  # waited for: the next message recalls it

    def forget(self, key: str) -> None:
        self._bounded.call(lambda: self._inner.forget(key), None)

    def close(self) -> None:
        self._inner.close()


def chat_memory(settings: Settings, engine: Engine | None) -> ChatMemory:
    """The memory the settings ask for: none when off; Redis with `REDIS_URL`; else a PostgreSQL store (both shared
    by replicas, each call bounded); else a file in the data folder, shared by the host's workers."""
    if not settings.memory:
        return NoMemory()
    if settings.redis_url:
        from monsterbot.memory.redis_store import RedisMemory

        return BoundedMemory(RedisMemory(settings.redis_url, int(settings.memory_ttl)))
    if settings.remote_store and engine is not None:
        from monsterbot.memory.sql_store import SqlMemory

        return BoundedMemory(SqlMemory(engine, settings.memory_ttl))
    from monsterbot.memory.host_store import HostFileMemory

    return HostFileMemory(settings.data_dir / "chats.sqlite3", settings.memory_ttl)
