"""What players asked: a bounded background writer, and the reports editors read.

Logging never slows or breaks a reply: the webhook only puts an entry on a bounded queue;
a thread writes batches in one transaction each, gathering for GATHER_SECONDS first (under load, one
wake-up and one transaction for many entries rather than one per reply). When the queue is full or the database
fails, entries are dropped and counted (`dropped`), never waited for.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import CursorResult, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col

from monsterbot.store.schema import QueryLogRow, utcnow

log = logging.getLogger(__name__)
_STOP = object()
GATHER_SECONDS = 0.2


@dataclass(frozen=True)
class Entry:
    """One query as logged: normalised text, outcome, what matched, where."""

    query: str
    outcome: str
    monster_id: str | None
    score: float | None
    chat: str
    language: str
    at: datetime = field(default_factory=utcnow)  # when it was asked, not when the batch was written


class QueryLog:
    """Writes entries in the background; `record` never blocks."""

    def __init__(self, engine: Engine, capacity: int = 10_000, batch: int = 200,
                 on_drop: Callable[[int], None] | None = None, gather: float = GATHER_SECONDS) -> None:
        self._engine = engine
        self._gather = gather
        self._queue: queue.Queue[object] = queue.Queue(maxsize=capacity)
        self._batch = batch
        self._on_drop = on_drop or (lambda n: None)
        self.dropped = 0
        self._thread = threading.Thread(target=self._run, name="query-log", daemon=True)
        self._thread.start()

    def record(self, entry: Entry) -> None:
        """Queue an entry; when the queue is full, drop it and count it."""
        try:
            self._queue.put_nowait(entry)
        except queue.Full:
            self._drop(1)

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
            items = [self._queue.get()]
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

    def _write(self, entries: list[Entry]) -> None:
        try:
            with self._engine.begin() as connection:  # one INSERT for the batch (executemany), no ORM objects
                connection.execute(insert(QueryLogRow), [vars(e) for e in entries])
        except SQLAlchemyError as exc:
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
    statement = select(col(QueryLogRow.outcome), func.count()).where(col(QueryLogRow.at) >= since).group_by(col(QueryLogRow.outcome))
    with Session(engine) as session:
        return dict(sorted(session.execute(statement).all()))


def prune(engine: Engine, before: datetime) -> int:
    """Delete entries older than a time; return how many."""
    with Session(engine) as session, session.begin():
        result: CursorResult[Any] = session.execute(delete(QueryLogRow).where(col(QueryLogRow.at) < before))  # type: ignore[assignment]
        return result.rowcount or 0
