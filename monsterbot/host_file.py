"""SQLite files that every worker process of a host shares (events claimed, chats' memory).

WAL lets readers and one writer work at once. The writers of a file take turns through a lock on `<name>.lock`: a
worker waiting for another's write (tens of microseconds) tries again every WRITE_RETRY seconds, where SQLite's own
busy handler sleeps 1, 2, 5 ms… on the event loop; a wait ends after the file's busy timeout, so a call on the
request path never holds a webhook for long. These files hold short-lived state, not knowledge, and what they
guarantee holds while the host runs: a killed worker loses nothing its commits handed to the kernel. So they are
never synced (`synchronous=OFF`): with `NORMAL`, every thousandth page written made the committing call (on the event
loop) sync the file, a stall of 5-30 ms for every request of that worker. Without syncs, a power loss or a crash of the
host may corrupt a file: a file is therefore read by no boot of the host but the one that wrote it (the kernel's boot
id, kept in `<name>.lock`); another boot starts it afresh. Where the boot cannot be told (no
/proc/sys/kernel/random/boot_id), the file is synced at its checkpoints (`NORMAL`: consistent after a power loss).
"""

from __future__ import annotations

import fcntl
import logging
import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterator

log = logging.getLogger(__name__)

#: Seconds the workers starting together may take to agree on a new file: switching it to WAL answers "database is
#: locked" at once, whatever the busy timeout, while another process does the same.
SETUP_SECONDS = 5.0
#: KiB of the file's pages each connection keeps in its own memory (SQLite's default is 2 MiB, private to each worker
#: process); the kernel's page cache already holds the file once for them all, and the hot pages are few.
CACHE_KIB = 256
#: Seconds between a writer's tries for the write lock another worker of the host holds (it holds it for a few tens
#: of microseconds).
WRITE_RETRY = 0.00002
BOOT_ID = Path("/proc/sys/kernel/random/boot_id")  # Linux: a new id at each boot of the kernel


def open_host_file(path: Path, busy_timeout: float, table: str) -> sqlite3.Connection:
    """An autocommit connection to the file at `path` (created with its folder), usable from any thread under the
    caller's lock, with `table` (CREATE … IF NOT EXISTS statements, separated by `;`) in it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    boot = this_boot()
    if boot:
        _claim_for_this_boot(path, boot)
    db = sqlite3.connect(str(path), timeout=busy_timeout, isolation_level=None, check_same_thread=False)
    deadline = time.monotonic() + SETUP_SECONDS
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(f"PRAGMA synchronous={'OFF' if boot else 'NORMAL'}")
            db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            db.executescript(table)
            return db
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                db.close()
                raise
            time.sleep(0.02)


def this_boot() -> str:
    """The id of the host's current boot, or "" where it cannot be told."""
    try:
        return BOOT_ID.read_text().strip()
    except OSError:
        return ""


def _claim_for_this_boot(path: Path, boot: str) -> None:
    """Start the file at `path` afresh when another boot wrote it last, then record this boot in its lock file, while
    holding that lock, so that a worker never deletes a file another worker of this boot already opened. A file with
    no record (written before records were kept, and synced) is kept."""
    with _lock_path(path).open("a+") as record:
        fcntl.flock(record, fcntl.LOCK_EX)  # released when closed
        record.seek(0)
        written = record.read()
        if written == boot:
            return
        if written:
            for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                leftover.unlink(missing_ok=True)
            log.info("%s was written before the host last started: started afresh", path.name)
        record.truncate(0)
        record.write(boot)


def _lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _take_turn(lock: IO[str], timeout: float) -> None:
    """The host's write lock of a file, within `timeout` seconds (else sqlite3.OperationalError, as SQLite's own)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise sqlite3.OperationalError("database is locked: another worker's write") from None
            time.sleep(WRITE_RETRY)


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
    """One such file for one process: its connection, the lock every thread takes around it, and the host's write
    lock; a failing file logs what was lost (`what`) and answers None, never raises on the request path. `close` ends
    the connection and this process's opening of the lock file."""

    def __init__(self, path: Path, busy_timeout: float, table: str, what: str) -> None:
        self.db = open_host_file(path, busy_timeout, table)
        self.lock = threading.Lock()
        self._writers = _lock_path(path).open("a")  # this process's own hold on the lock file (flock is per opening)
        self._busy_timeout = busy_timeout
        self._what = what

    def close(self) -> None:
        """Close the connection and the lock file (a write under way in another thread finishes first)."""
        with self.lock:
            self._writers.close()
            self.db.close()

    @contextmanager
    def _turn(self) -> Iterator[sqlite3.Connection]:
        """The connection, this process's threads and the host's other writers of the file held off: raises
        sqlite3.OperationalError when another writer holds it past the busy timeout."""
        with self.lock:
            if self._writers.closed:  # a request finishing after `close` (a shutdown): SQLite's own refusal, logged
                raise sqlite3.ProgrammingError("Cannot operate on a closed database.")
            _take_turn(self._writers, self._busy_timeout)
            try:
                yield self.db
            finally:
                fcntl.flock(self._writers, fcntl.LOCK_UN)

    @contextmanager
    def writing(self, single: bool = False) -> Iterator[sqlite3.Connection]:
        """One write transaction (`transaction`), in turn with the host's other writers of the file. For a `single`
        statement, SQLite's autocommit makes it a transaction of its own, with no BEGIN or COMMIT to run (no other
        writer of the host can come between its read and its write: they wait for their turn)."""
        with self._turn() as db:
            if single:
                yield db
            else:
                with transaction(db):
                    yield db

    def write(self, statement: str, values: tuple[object, ...]) -> None:
        """Run one statement (autocommit), in turn with the host's other writers; a failure is logged."""
        try:
            with self._turn() as db:
                db.execute(statement, values)
        except sqlite3.Error as exc:
            log.warning("%s not written, its file failed: %s", self._what, exc)

    def write_all(self, *statements: tuple[str, tuple[object, ...]]) -> bool:
        """Run statements in one transaction; whether it was written (a failure is logged)."""
        try:
            with self.writing():
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
