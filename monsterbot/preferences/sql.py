"""Per-chat preferences in the store, shared by every replica."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session

from monsterbot.store.schema import ChatPreferenceRow, utcnow


class StorePreferences:
    """Preferences shared by every replica through the store; a database failure raises (CachedPreferences, on the
    request path, answers the default then, without keeping it)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def mention_only(self, key: str) -> bool:
        with Session(self._engine) as session:
            row = session.get(ChatPreferenceRow, key)
            return bool(row and row.mention_only)

    def set_mention_only(self, key: str, value: bool) -> None:
        self._update(key, mention_only=value)

    def game(self, key: str) -> str | None:
        with Session(self._engine) as session:
            row = session.get(ChatPreferenceRow, key)
            return row.game if row else None

    def set_game(self, key: str, game: str) -> None:
        self._update(key, game=game)

    def _update(self, key: str, **values: object) -> None:
        """Change some settings of a chat, keeping the others."""
        with Session(self._engine) as session, session.begin():
            row = session.get(ChatPreferenceRow, key) or ChatPreferenceRow(chat_key=key)
            for name, value in values.items():
                setattr(row, name, value)
            row.updated_at = utcnow()
            session.add(row)

    def forget(self, key: str) -> None:
        with Session(self._engine) as session, session.begin():
            row = session.get(ChatPreferenceRow, key)
            if row is not None:
                session.delete(row)
