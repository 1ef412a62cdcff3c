"""Chat memory in the SQL store, shared by every replica: one row per chat with its expiry time."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Callable

from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from monsterbot.memory import Remembered
from monsterbot.store.schema import ChatMemoryRow, utcnow


class SqlMemory:
    """A row per chat key; expired rows read as nothing and are deleted when a chat is remembered."""

    def __init__(self, engine: Engine, ttl: float, clock: Callable[[], datetime] = utcnow) -> None:
        self._engine = engine
        self._ttl = timedelta(seconds=ttl)
        self._clock = clock

    def recall(self, key: str) -> Remembered | None:
        with Session(self._engine) as session:  # the expiry is compared in the database, in its own time zone
            row = session.exec(select(ChatMemoryRow).where(
                ChatMemoryRow.chat_key == key, ChatMemoryRow.expires_at > self._clock())).first()
            return Remembered.loads(row.value) if row else None

    def remember(self, key: str, value: Remembered) -> None:
        now = self._clock()
        with Session(self._engine) as session, session.begin():
            session.execute(delete(ChatMemoryRow).where(ChatMemoryRow.expires_at <= now))  # type: ignore[arg-type]
            session.merge(ChatMemoryRow(chat_key=key, value=value.dumps(), expires_at=now + self._ttl))

