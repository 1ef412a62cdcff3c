"""Per-chat preferences in the store, shared by every replica."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from monsterbot.store.schema import ChatPreferenceRow, utcnow


class StorePreferences:
    """Preferences shared by every replica through the store; a database failure reads as the default."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def mention_only(self, key: str) -> bool:
        try:
            with Session(self._engine) as session:
                row = session.get(ChatPreferenceRow, key)
                return bool(row and row.mention_only)
        except SQLAlchemyError:
            return False

    def set_mention_only(self, key: str, value: bool) -> None:
        with Session(self._engine) as session, session.begin():
            session.merge(ChatPreferenceRow(chat_key=key, mention_only=value, updated_at=utcnow()))

    def forget(self, key: str) -> None:
        with Session(self._engine) as session, session.begin():
            row = session.get(ChatPreferenceRow, key)
            if row is not None:
                session.delete(row)
