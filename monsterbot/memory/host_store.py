"""Chat memory in a file of the data folder, shared by the host's workers (the embedded default: no Redis, and the
store is SQLite): a row per chat key with its expiry, read and written in microseconds, on the request thread."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from monsterbot.host_file import HostFile
from monsterbot.memory import Remembered

BUSY_TIMEOUT = 0.1  # seconds a call may wait for another worker's write (each holds the lock for microseconds)
PURGE_EVERY = 60.0  # seconds between deletions of expired rows (they already read as nothing)


class HostFileMemory:
    """Remembered chats in an SQLite file; a failing file reads as no memory and skips the write (logged)."""

    def __init__(self, path: Path, ttl: float, clock: Callable[[], float] = time.time) -> None:
        self._file = HostFile(
            path,
            BUSY_TIMEOUT,
            "CREATE TABLE IF NOT EXISTS chats (key TEXT PRIMARY KEY, value TEXT, expires REAL)",
            "chat memory",
        )
        self._ttl = ttl
        self._clock = clock  # wall time: shared by processes
        self._purged = 0.0

    def recall(self, key: str) -> Remembered | None:
        row = self._file.read_one("SELECT value FROM chats WHERE key = ? AND expires > ?", (key, self._clock()))
        return Remembered.loads(row[0]) if row else None

    def remember(self, key: str, value: Remembered) -> None:
        now = self._clock()
        self._file.write(
            "INSERT INTO chats VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, "
            "expires = excluded.expires",
            (key, value.dumps(), now + self._ttl),
        )
        if now - self._purged >= PURGE_EVERY:
            self._purged = now
            self._file.write("DELETE FROM chats WHERE expires <= ?", (now,))

    def forget(self, key: str) -> None:
        self._file.write("DELETE FROM chats WHERE key = ?", (key,))

    def close(self) -> None:
        self._file.close()
