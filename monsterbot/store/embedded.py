"""The embedded store (SQLite in the data folder) as the webhook uses it, through the standard library's sqlite3: a
chat's settings and the query log, with no SQLAlchemy, sqlmodel or pydantic on the path to the first answer.

The schema stays SQLAlchemy's (store/schema.py): `migrate_apart` has it created or stepped once, under the migration
lock, by a process of its own that the gunicorn master forks at a low priority, so that the workers answer meanwhile.
Until the file holds this release's schema a read answers the default (a new volume holds no setting; a table or
column missing reads as absent) and a write waits for it, at most `wait` seconds: a query log entry is then dropped
and counted, a setting is kept in the worker (preferences/cached.py). Rows are written as SQLAlchemy writes them
(tests/test_embedded_store.py reads them back through it).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Sequence

from monsterbot.store import SCHEMA_VERSION, sqlite_file

log = logging.getLogger(__name__)

BUSY_TIMEOUT = 5.0  # seconds a statement waits for another process's write (as the SQLAlchemy engine's)
SCHEMA_WAIT = 30.0  # seconds a write waits for the migration
_POLL = 0.05
#: KiB of the file's pages each worker's connection keeps in its own memory (SQLite's default is 2 MiB per process,
#: filled as the query log grows); the kernel's page cache holds the file once for every worker.
CACHE_KIB = 256
#: The tables of store/schema.py (tests/test_embedded_store.py holds them to SQLModel's metadata).
TABLES = frozenset(
    {"meta", "monsters", "monster_names", "game_facts", "hitzones", "query_log", "chat_preferences", "chat_memory"}
)


class SchemaNotReady(RuntimeError):
    """The file does not hold this release's schema (yet): nothing was written."""


def stored_time(at: datetime) -> str:
    """A time as SQLAlchemy's SQLite dialect stores a DateTime (UTC here, as every time of the store)."""
    at = at.astimezone(timezone.utc) if at.tzinfo else at
    return at.strftime("%Y-%m-%d %H:%M:%S.%f")


class EmbeddedStore:
    """One process's connection to the store's file, opened when the file exists, used under a lock."""

    def __init__(self, path: Path, wait: float = SCHEMA_WAIT) -> None:
        self.path = path
        self._wait = wait
        self._db: sqlite3.Connection | None = None
        self._current = False
        self._lock = threading.Lock()

    def _connection(self) -> sqlite3.Connection | None:
        if self._db is None:
            try:  # never creates the file: the migration does, in WAL mode
                db = sqlite3.connect(
                    f"file:{self.path}?mode=rw",
                    uri=True,
                    timeout=BUSY_TIMEOUT,
                    isolation_level=None,
                    check_same_thread=False,
                )
            except sqlite3.OperationalError:
                return None
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA synchronous=FULL")  # as the engine's: a chat's setting survives a power loss
            db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            self._db = db
        return self._db

    def current(self) -> bool:
        """Whether the file holds this release's schema."""
        if not self._current:
            row = self.read_one("SELECT value FROM meta WHERE key = 'schema_version'", ())
            self._current = row is not None and row[0] == str(SCHEMA_VERSION)
        return self._current

    def read_one(self, statement: str, values: Sequence[object]) -> sqlite3.Row | None:
        """The first row of a query; None when there is none, or no file or table yet."""
        with self._lock:
            db = self._connection()
            if db is None:
                return None
            try:
                row: sqlite3.Row | None = db.execute(statement, values).fetchone()
                return row
            except sqlite3.OperationalError as exc:
                if "no such" in str(exc):  # table or column: an older or unmigrated file
                    return None
                raise

    def write(self, statement: str, rows: Iterable[Sequence[object]]) -> int:
        """Run a statement for each row in one transaction, once the schema is current; the rows changed. Raises
        SchemaNotReady after `wait` seconds without it, sqlite3.Error when the file fails."""
        deadline = time.monotonic() + self._wait
        while not self.current():
            if time.monotonic() >= deadline:
                raise SchemaNotReady(f"{self.path} does not hold schema version {SCHEMA_VERSION}")
            time.sleep(_POLL)
        with self._lock:
            db = self._connection()
            assert db is not None  # current() read it
            db.execute("BEGIN IMMEDIATE")
            try:
                changed = db.executemany(statement, rows).rowcount
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            return changed


class EmbeddedPreferences:
    """Chats' settings (`chat_preferences`) in the embedded store; a failing file raises (CachedPreferences answers
    the default then, and keeps a change in the worker)."""

    def __init__(self, store: EmbeddedStore) -> None:
        self._store = store

    def _row(self, key: str) -> sqlite3.Row | None:
        return self._store.read_one("SELECT * FROM chat_preferences WHERE chat_key = ?", (key,))

    def mention_only(self, key: str) -> bool:
        row = self._row(key)
        return bool(row and row["mention_only"])

    def game(self, key: str) -> str | None:
        row = self._row(key)
        return row["game"] if row is not None and "game" in row.keys() else None

    def set_mention_only(self, key: str, value: bool) -> None:
        self._update(key, "mention_only", value)

    def set_game(self, key: str, game: str) -> None:
        self._update(key, "game", game)

    def _update(self, key: str, column: str, value: object) -> None:
        """Change one setting of a chat, keeping the others (a new chat's are the defaults)."""
        defaults: dict[str, Any] = {"mention_only": False, "game": None} | {column: value}
        self._store.write(
            "INSERT INTO chat_preferences (chat_key, mention_only, game, updated_at) VALUES (?, ?, ?, ?) "
            f"ON CONFLICT(chat_key) DO UPDATE SET {column} = excluded.{column}, updated_at = excluded.updated_at",
            [(key, defaults["mention_only"], defaults["game"], stored_time(datetime.now(timezone.utc)))],
        )

    def forget(self, key: str) -> None:
        self._store.write("DELETE FROM chat_preferences WHERE chat_key = ?", [(key,)])


def migrate_apart(url: str) -> int | None:
    """Fork a process that creates or migrates the store at `url` at a low priority and exits (the gunicorn master
    calls this before it forks its workers; it reaps the process); its pid, or None where there is no fork."""
    if not hasattr(os, "fork"):
        return None
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        os.nice(19)  # the lowest priority: the workers answering come first
        path = sqlite_file(url)
        if path is None or not schema_current(path):  # most starts: nothing to do, and no SQLAlchemy imported
            from monsterbot.store.database import migrate, open_engine

            migrate(open_engine(url))
        code = 0
    except BaseException:
        log.exception("the store could not be migrated")
    finally:
        os._exit(code)


def schema_current(path: Path) -> bool:
    """Whether the file holds this release's schema version and every table of it: what `database.migrate` would
    leave as it is (it creates missing tables and steps the version; it never changes an existing table)."""
    try:  # never creates the file
        db = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=BUSY_TIMEOUT, isolation_level=None)
    except sqlite3.OperationalError:
        return False
    try:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not TABLES <= tables:
            return False
        row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return row is not None and row[0] == str(SCHEMA_VERSION)
    except sqlite3.Error:
        return False
    finally:
        db.close()
