"""sqlmodel tables. The same definitions serve SQLite (embedded default) and PostgreSQL."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Optional

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field, SQLModel

from monsterbot.store import utcnow


class Meta(SQLModel, table=True):
    """One row per key: schema_version, knowledge_version."""

    __tablename__ = "meta"
    key: str = Field(primary_key=True, max_length=64)
    value: str = Field(max_length=256)
    updated_at: datetime = Field(default_factory=utcnow)


class MonsterRow(SQLModel, table=True):
    """A monster and its official names."""

    __tablename__ = "monsters"
    id: str = Field(primary_key=True, max_length=64)
    names: dict[str, str] = Field(sa_column=Column(JSON, nullable=False))
    ambiguous_with: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    origin: str = Field(default="", max_length=512)


class NameRow(SQLModel, table=True):
    """Every official name and alias, one row each (what the matcher indexes)."""

    __tablename__ = "monster_names"
    id: Optional[int] = Field(default=None, primary_key=True)
    monster_id: str = Field(foreign_key="monsters.id", index=True, max_length=64)
    language: str = Field(max_length=8)
    name: str = Field(max_length=128)
    alias: bool = False
    position: int = 0


class GameFactsRow(SQLModel, table=True):
    """Weaknesses of a monster in one game."""

    __tablename__ = "game_facts"
    monster_id: str = Field(foreign_key="monsters.id", primary_key=True, max_length=64)
    game: str = Field(primary_key=True, max_length=16)
    source: str = Field(max_length=128)
    elements: dict[str, int] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    weak_elements: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    resisted_elements: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))  # since schema 2
    ailments: dict[str, int] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    breakable: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    severable: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    forms: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    derived: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))  # since schema 2
    missing: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))  # since schema 2
    companion: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))  # since schema 4


class HitzoneRow(SQLModel, table=True):
    """One part's hitzone values in one game."""

    __tablename__ = "hitzones"
    id: Optional[int] = Field(default=None, primary_key=True)
    monster_id: str = Field(foreign_key="monsters.id", index=True, max_length=64)
    game: str = Field(max_length=16)
    position: int
    part: str = Field(max_length=64)
    state: str = Field(default="", max_length=16)  # since schema 2: "" for the normal values, else wound, …
    values: dict[str, int] = Field(sa_column=Column(JSON, nullable=False))


class QueryLogRow(SQLModel, table=True):
    """A text query and what the bot made of it. No LINE ids: nothing that identifies a player."""

    __tablename__ = "query_log"
    __table_args__ = (Index("ix_query_log_at_outcome", "at", "outcome"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    query: str = Field(max_length=200)
    outcome: str = Field(max_length=16)
    monster_id: Optional[str] = Field(default=None, max_length=64)
    score: Optional[float] = None
    chat: str = Field(max_length=8)
    language: str = Field(max_length=8)


class ChatPreferenceRow(SQLModel, table=True):
    """A group's or room's setting (mention-only mode), keyed by a salted hash of its id."""

    __tablename__ = "chat_preferences"
    chat_key: str = Field(primary_key=True, max_length=64)
    mention_only: bool = False
    game: Optional[str] = Field(default=None, max_length=16)  # the chat's own game ("use rise here"); schema 2
    updated_at: datetime = Field(default_factory=utcnow)


class ChatMemoryRow(SQLModel, table=True):
    """What a chat asked about last (JSON of memory.Remembered), keyed by a salted hash of its id, until it expires."""

    __tablename__ = "chat_memory"
    chat_key: str = Field(primary_key=True, max_length=64)
    value: str = Field(max_length=512)
    expires_at: datetime = Field(index=True)
