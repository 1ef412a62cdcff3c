"""What players asked: a bounded background writer, and the reports editors read.

Kept only what an editor needs to improve answers, and no more (README "What the bot keeps"): the webhook records only
messages the bot answered; `record` redacts each text as written (runs of digits, links, e-mail addresses: the
matching key a query is grouped by would hide a link's shape), keeps its matching key and cuts it to QUERY_CHARS; the
writer deletes entries older than the retention every PRUNE_EVERY seconds, at its start too.

Logging never slows or breaks a reply: the webhook only puts an entry on a bounded queue;
a thread writes batches in one transaction each, gathering for GATHER_SECONDS first (under load, one
wake-up and one transaction for many entries rather than one per reply). When the queue is full or the database
fails, entries are dropped and counted (`dropped`), never waited for.
"""

from __future__ import annotations

import logging
import queue
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Callable, Protocol

from monsterbot.core.matching.normalize import normalize
from monsterbot.store import utcnow

if TYPE_CHECKING:  # SQLAlchemy is imported where a database server is used: not by the embedded store's writer
    from sqlalchemy.engine import Engine

    from monsterbot.store.embedded import EmbeddedStore

log = logging.getLogger(__name__)
_STOP = object()
GATHER_SECONDS = 0.2
QUERY_CHARS = 80  # what is kept of a query: a question about a monster is far shorter
PRUNE_EVERY = 3600.0  # seconds between deletions of entries past the retention

# A link (with a scheme, or www.), an e-mail address, or a run of digits (three or more, with spaces, dots, dashes,
# slashes or brackets between them: phone numbers, PINs, codes, amounts), each replaced by what it is.
_REDACTED = re.compile(
    r"(?P<link>(?:[a-z][a-z0-9+.-]*://|www\.)\S+)"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<number>\d(?:[\s.\-/()]*\d){2,})",
    re.IGNORECASE,
)


def redact(text: str) -> str:
    """A message as the query log keeps it: its matching key (folded, compacted: what `misses` groups by) with each
    link, e-mail address and run of digits of the text as written replaced by `<link>`, `<email>`, `<number>`; at
    most QUERY_CHARS. The text is read only until that much is kept: the rest of a long message is never
    normalised."""
    kept, size, end = [], 0, 0
    for found in _REDACTED.finditer(text):
        piece = normalize(text[end : found.start()]) + f"<{found.lastgroup}>"
        kept.append(piece)
        size += len(piece)
        end = found.end()
        if size >= QUERY_CHARS:
            break
    else:
        kept.append(normalize(text[end:]))
    return "".join(kept)[:QUERY_CHARS]


@dataclass(frozen=True)
class Entry:
    """One query: its text (as written: `QueryLog.record` redacts it), outcome, what matched, where."""

    query: str
    outcome: str
    monster_id: str | None
    score: float | None
    chat: str
    language: str
    at: datetime = field(default_factory=utcnow)  # when it was asked, not when the batch was written


class QueryStore(Protocol):
    """Where the query log is kept: the SQLAlchemy store (`SqlQueries`), or the embedded one (`EmbeddedQueries`)."""

    def insert(self, entries: list[Entry]) -> None: ...

    def prune(self, before: datetime) -> int: ...


class SqlQueries:
    """The query log in the SQLAlchemy store (a database server, or SQLite outside the web process)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def insert(self, entries: list[Entry]) -> None:
        from sqlalchemy import insert

        from monsterbot.store.schema import QueryLogRow

        with self._engine.begin() as connection:  # one INSERT for the batch (executemany), no ORM objects
            connection.execute(insert(QueryLogRow), [vars(e) for e in entries])

    def prune(self, before: datetime) -> int:
        return prune(self._engine, before)


class EmbeddedQueries:
    """The query log in the embedded store, through sqlite3 (store/embedded.py), as SQLAlchemy would write it."""

    def __init__(self, store: EmbeddedStore) -> None:
        self._store = store

    def insert(self, entries: list[Entry]) -> None:
        from monsterbot.store.embedded import stored_time

        self._store.write(
            "INSERT INTO query_log (at, query, outcome, monster_id, score, chat, language) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(stored_time(e.at), e.query, e.outcome, e.monster_id, e.score, e.chat, e.language) for e in entries],
        )

    def prune(self, before: datetime) -> int:
        from monsterbot.store.embedded import stored_time

        return self._store.write("DELETE FROM query_log WHERE at < ?", [(stored_time(before),)])


class QueryLog:
    """Writes entries in the background and deletes those older than `keep_days`; `record` never blocks."""

    def __init__(
        self,
        store: QueryStore,
        keep_days: float,
        capacity: int = 10_000,
        batch: int = 200,
        on_drop: Callable[[int], None] | None = None,
        gather: float = GATHER_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._store = store
        self._keep = timedelta(days=keep_days)
        self._clock = clock
        self._next_prune = clock()  # the writer's first round prunes
        self._gather = gather
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()  # its put is C's: no Python lock per entry
        self._capacity = capacity
        self._batch = batch
        self._on_drop = on_drop or (lambda n: None)
        self.dropped = 0
        self._thread = threading.Thread(target=self._run, name="query-log", daemon=True)
        self._thread.start()

    def record(self, entry: Entry) -> None:
        """Queue an entry, its text redacted; when the queue is full, drop it and count it."""
        if self._queue.qsize() >= self._capacity:
            self._drop(1)
        else:  # the fields as given but the query (`dataclasses.replace` costs twice as much as the copy)
            self._queue.put(Entry(**(vars(entry) | {"query": redact(entry.query)})))

    def flush(self, timeout: float = 5.0) -> None:
        """Wait until everything queued so far is written (or dropped)."""
        done = threading.Event()
        self._queue.put(done)
        done.wait(timeout)

    def close(self, timeout: float = 5.0) -> None:
        """Write what is queued and stop the writer."""
        self._queue.put(_STOP)
        self._thread.join(timeout)

    def _drop(self, count: int) -> None:
        self.dropped += count
        self._on_drop(count)

    def _run(self) -> None:
        while True:
            if self._clock() >= self._next_prune:  # on schedule, whether or not anyone asks anything
                self._next_prune = self._clock() + PRUNE_EVERY
                self._prune()
            try:
                items = [self._queue.get(timeout=max(0.0, self._next_prune - self._clock()))]
            except queue.Empty:
                continue
            if self._queue.qsize() < self._batch:
                time.sleep(self._gather)  # entries arriving meanwhile join this batch: one wake-up, one transaction
            while len(items) < self._batch:
                try:
                    items.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            entries = [i for i in items if isinstance(i, Entry)]
            if entries:
                self._write(entries)
            for item in items:
                if isinstance(item, threading.Event):
                    item.set()
            if any(item is _STOP for item in items):
                return

    def _prune(self) -> None:
        try:
            self._store.prune(utcnow() - self._keep)
        except Exception as exc:  # noqa: BLE001 - whatever the database's failure, the writer goes on
            log.warning("query log: old entries not deleted, database failed: %s", type(exc).__name__)

    def _write(self, entries: list[Entry]) -> None:
        try:
            self._store.insert(entries)
        except Exception as exc:  # noqa: BLE001 - whatever the database's failure, entries are counted, not kept
            log.warning("query log: %d entries dropped, database failed: %s", len(entries), type(exc).__name__)
            self._drop(len(entries))


@dataclass(frozen=True)
class Frequent:
    """A query text that went unanswered, how often, and how."""

    query: str
    count: int
    outcome: str


def misses(engine: Engine, since: datetime, limit: int = 20) -> list[Frequent]:
    """The most frequent missed and ambiguous queries since a time, most frequent first."""
    from sqlalchemy import func, select
    from sqlmodel import Session, col

    from monsterbot.store.schema import QueryLogRow

    count = func.count().label("n")
    statement = (
        select(col(QueryLogRow.query), col(QueryLogRow.outcome), count)
        .where(col(QueryLogRow.at) >= since, col(QueryLogRow.outcome).in_(("miss", "ambiguous")))
        .group_by(col(QueryLogRow.query), col(QueryLogRow.outcome))
        .order_by(count.desc(), col(QueryLogRow.query))
        .limit(limit)
    )
    with Session(engine) as session:
        return [Frequent(q, n, o) for q, o, n in session.execute(statement).all()]


def stats(engine: Engine, since: datetime) -> dict[str, int]:
    """How many queries had each outcome since a time."""
    from sqlalchemy import func, select
    from sqlmodel import Session, col

    from monsterbot.store.schema import QueryLogRow

    statement = (
        select(col(QueryLogRow.outcome), func.count())
        .where(col(QueryLogRow.at) >= since)
        .group_by(col(QueryLogRow.outcome))
    )
    with Session(engine) as session:
        return dict(sorted(session.execute(statement).all()))


def prune(engine: Engine, before: datetime) -> int:
    """Delete entries older than a time; return how many."""
    from sqlalchemy import delete
    from sqlalchemy.engine import CursorResult
    from sqlmodel import Session, col

    from monsterbot.store.schema import QueryLogRow

    with Session(engine) as session, session.begin():
        result: CursorResult[Any] = session.execute(delete(QueryLogRow).where(col(QueryLogRow.at) < before))  # type: ignore[assignment]
        return result.rowcount or 0
