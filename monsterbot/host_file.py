"""SQLite files that every worker process of a host shares (events claimed, chats' memory).

WAL lets readers and one writer work at once; a short busy timeout bounds a wait for the lock, so a call
on the request path never holds a webhook for long. These files hold short-lived state, not knowledge:
`synchronous=NORMAL` (no fsync per commit) may lose the last commits on a power loss, never corrupt the file.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

log = logging.getLogger(__name__)

#: Seconds the workers starting together may take to agree on a new file: switching it to WAL answers "database is
#: locked" at once, whatever the busy timeout, while another process does the same.
SETUP_SECONDS = 5.0
#: KiB of the file's pages each connection keeps in its own memory (SQLite's default is 2 MiB, private to each worker
#: process); the kernel's page cache already holds the file once for them all, and the hot pages are few.
CACHE_KIB = 256


def open_host_file(path: Path, busy_timeout: float, table: str) -> sqlite3.Connection:
    """An autocommit connection to the file at `path` (created with its folder), usable from any thread under the
    caller's lock, with `table` (CREATE … IF NOT EXISTS statements, separated by `;`) in it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(str(path), timeout=busy_timeout, isolation_level=None, check_same_thread=False)
    deadline = time.monotonic() + SETUP_SECONDS
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            db.executescript(table)
            return db
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                db.close()
                raise
            time.sleep(0.02)


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction on an autocommit connection: BEGIN IMMEDIATE (the write lock at once, never an upgrade
    that fails half-way), COMMIT at the end, ROLLBACK on any error (re-raised)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


class HostFile:
    """One such file for one process: its connection and the lock every thread takes around it; a failing file logs
    what was lost (`what`) and answers None, never raises on the request path."""

    def __init__(self, path: Path, busy_timeout: float, table: str, what: str) -> None:
        self.db = open_host_file(path, busy_timeout, table)
        self.lock = threading.Lock()
        self._what = what

    def write(self, statement: str, values: tuple[object, ...]) -> None:
        """Run one statement (autocommit); a failure is logged."""
        try:
            with self.lock:
                self.db.execute(statement, values)
        except sqlite3.Error as exc:
            log.warning("%s not written, its file failed: %s", self._what, exc)

    def write_all(self, *statements: tuple[str, tuple[object, ...]]) -> bool:
        """Run statements in one transaction; whether it was written (a failure is logged)."""
        try:
            with self.lock, transaction(self.db):
                for statement, values in statements:
                    self.db.execute(statement, values)
        except sqlite3.Error as exc:
            log.warning("%s not written, its file failed: %s", self._what, exc)
            return False
        return True

    def read_one(self, statement: str, values: tuple[object, ...]) -> Any:
        """The first row of a query, or None (none, or the file failed: logged)."""
        try:
            with self.lock:
                return self.db.execute(statement, values).fetchone()
        except sqlite3.Error as exc:
            log.warning("%s not read, its file failed: %s", self._what, exc)
            return None
