"""Per-chat preferences (a group's mention-only mode, a chat's own game), kept by a salted hash of the chat id."""

from __future__ import annotations

import hashlib
import threading
from typing import Protocol


def chat_key(chat_id: str, salt: str) -> str:
    """A stable key for a chat that does not reveal its LINE id."""
    return hashlib.sha256(f"{salt}\0{chat_id}".encode()).hexdigest()[:48]


class Preferences(Protocol):
    """Reads and writes a chat's mention-only mode and its own game."""

    def mention_only(self, key: str) -> bool: ...

    def set_mention_only(self, key: str, value: bool) -> None: ...

    def game(self, key: str) -> str | None: ...

    def set_game(self, key: str, game: str) -> None: ...

    def forget(self, key: str) -> None: ...


class MemoryPreferences:
    """Preferences of one process (the default without a database)."""

    def __init__(self) -> None:
        self._values: dict[str, bool] = {}
        self._games: dict[str, str] = {}
        self._lock = threading.Lock()

    def mention_only(self, key: str) -> bool:
        return self._values.get(key, False)

    def set_mention_only(self, key: str, value: bool) -> None:
        with self._lock:
            self._values[key] = value

    def game(self, key: str) -> str | None:
        return self._games.get(key)

    def set_game(self, key: str, game: str) -> None:
        with self._lock:
            self._games[key] = game

    def forget(self, key: str) -> None:
        with self._lock:
            self._values.pop(key, None)
            self._games.pop(key, None)
