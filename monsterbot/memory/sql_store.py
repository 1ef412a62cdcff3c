"""Chat memory in the SQL store, shared by every replica: one row per chat with its expiry time."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Callable

from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from monsterbot.memory import Remembered
from monsterbot.store.schema import ChatMemoryRow, utcnow

#: Expired rows are deleted at most this often by one process (they already read as nothing).
PURGE_EVERY = timedelta(minutes=1)


class SqlMemory:
    """A row per chat key, written with one upsert; expired rows read as nothing and are purged now and then."""

    def __init__(self, engine: Engine, ttl: float, clock: Callable[[], datetime] = utcnow) -> None:
        self._engine = engine
        self._ttl = timedelta(seconds=ttl)
        self._clock = clock
        self._insert: Any = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert
        self._purged: datetime | None = None

    def recall(self, key: str) -> Remembered | None:
        with Session(self._engine) as session:  # the expiry is compared in the database, in its own time zone
            row = session.exec(
                select(ChatMemoryRow).where(ChatMemoryRow.chat_key == key, ChatMemoryRow.expires_at > self._clock())
            ).first()
            return Remembered.loads(row.value) if row else None

    def remember(self, key: str, value: Remembered) -> None:
        now = self._clock()
        values = {"value": value.dumps(), "expires_at": now + self._ttl}
        upsert = self._insert(ChatMemoryRow).values(chat_key=key, **values)
        with self._engine.begin() as connection:
            connection.execute(upsert.on_conflict_do_update(index_elements=["chat_key"], set_=values))
            if self._purged is None or now - self._purged >= PURGE_EVERY:
                connection.execute(delete(ChatMemoryRow).where(ChatMemoryRow.expires_at <= now))  # type: ignore[arg-type]
                self._purged = now

    def forget(self, key: str) -> None:
        with self._engine.begin() as connection:
            connection.execute(delete(ChatMemoryRow).where(ChatMemoryRow.chat_key == key))  # type: ignore[arg-type]

    def close(self) -> None:
        return None  # the engine is its owner's
