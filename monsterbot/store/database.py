"""Opening the database and bringing its schema up to this release's version.

SQLite is the embedded default (a file under MONSTERBOT_DATA_DIR); PostgreSQL is used by
giving a `postgresql+psycopg://` DATABASE_URL. Schema changes are numbered steps in
MIGRATIONS, applied in order from the version recorded in the `meta` table (our documented
equivalent of Alembic for a schema this small). Every worker of every replica migrates at its start: one at a time,
under a lock (an exclusive lock on a file beside an SQLite database, an advisory lock on PostgreSQL), so each step
runs once and the others find the database current.
"""

from __future__ import annotations

import fcntl
from contextlib import contextmanager
from typing import Callable, Iterator

from sqlalchemy import Connection, event, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, create_engine

from monsterbot.store import (
    SCHEMA_VERSION,
    schema,  # noqa: F401 - registers the tables on SQLModel.metadata
)
from monsterbot.store.schema import Meta, utcnow

_LOCK_KEY = 0x6D6F6E73746572  # PostgreSQL's advisory lock key for migrations ("monster")


def _wilds_facts(connection: Connection) -> None:
    """2: hitzone states (wound, weak point, …), which facts are derived or missing per game, resisted elements."""
    connection.execute(text("ALTER TABLE hitzones ADD COLUMN state VARCHAR(16) NOT NULL DEFAULT ''"))
    for column in ("derived", "missing", "resisted_elements"):
        connection.execute(text(f"ALTER TABLE game_facts ADD COLUMN {column} JSON NOT NULL DEFAULT '[]'"))


def _chat_game(connection: Connection) -> None:
    """3: a chat's own game in chat_preferences (the chat_memory table is new: create_all makes it)."""
    connection.execute(text("ALTER TABLE chat_preferences ADD COLUMN game VARCHAR(16)"))


def _private_query_log(connection: Connection) -> None:
    """4: the query log keeps only redacted messages the bot answered; entries from before may hold a group's chatter,
    phone numbers, links: they are deleted."""
    connection.execute(text("DELETE FROM query_log"))


def _companion(connection: Connection) -> None:
    """5: the hunt companion's facts per game (materials, habitats, inflicts, remedies, crowns, traps)."""
    connection.execute(text("ALTER TABLE game_facts ADD COLUMN companion JSON NOT NULL DEFAULT '{}'"))


#: MIGRATIONS[n] turns a version n-1 database into version n.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    2: _wilds_facts,
    3: _chat_game,
    4: _private_query_log,
    5: _companion,
}


class StoreError(RuntimeError):
    """The database cannot be used by this release."""


def open_engine(url: str) -> Engine:
    """An engine with short timeouts, so an outage fails fast instead of hanging a worker."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 5})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(connection, _record) -> None:
            cursor = connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(
                "PRAGMA synchronous=FULL"
            )  # a commit survives a power loss: chats' settings, synced knowledge
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5, connect_args={"connect_timeout": 3})


@contextmanager
def _migrating(engine: Engine) -> Iterator[None]:
    """Hold the database's migration lock (module docstring) while the body runs."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:  # a session lock: held until unlocked, or the connection ends
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _LOCK_KEY})
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _LOCK_KEY})
        return
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":  # a database no other process opens
        yield
        return
    with open(f"{database}.migrating", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, or the process ends
        yield


def migrate(engine: Engine) -> int:
    """Create missing tables and apply pending migrations, once whatever the number of processes starting together;
    refuse a database from a newer release."""
    with _migrating(engine):
        return _migrate(engine)


def _migrate(engine: Engine) -> int:
    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        row = session.get(Meta, "schema_version")
        current = int(row.value) if row else SCHEMA_VERSION
    if current > SCHEMA_VERSION:
        raise StoreError(f"the database has schema version {current}, newer than this release's {SCHEMA_VERSION}")
    with engine.begin() as connection:
        for version in range(current + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[version](connection)
    with Session(engine) as session:
        session.merge(Meta(key="schema_version", value=str(SCHEMA_VERSION), updated_at=utcnow()))
        session.commit()
    return SCHEMA_VERSION
