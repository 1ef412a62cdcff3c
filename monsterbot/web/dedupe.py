"""Answer each LINE event once in effect, although LINE may redeliver it and a worker may die.

An event is first *claimed* with a short lease, and recorded as *answered* only once its reply was
handed to LINE. A worker that dies while holding a claim leaves it to expire, so LINE's
redelivery answers the event then; a redelivery of an answered event is skipped.

The ledger is also the *outbox*: before a webhook answers 200 with a reply still on its way (or failed), the webhook
records the reply (`owe`), so that LINE, which will not redeliver an acknowledged event, loses nothing when the worker
dies: any worker of the host (of every replica, with Redis) takes a reply whose sender's lease expired (`take_owed`,
polled every second) and sends it while its reply token may still be used. A reply LINE refuses as already used was
sent before; the mark `answered` deletes the reply.

The ledger is Redis when `REDIS_URL` is set (shared by every replica), else an SQLite file in the
data folder, shared by every worker of the host. If Redis fails, the host's file stands in for a
while; if the file fails, the event is answered (a double answer rather than none). Every answer is also written to
the host's file: one Redis missed (down, or a reply that ended after its webhook's deadline) is never claimed again on
the host, and is marked in Redis at the worker's next poll, for the other replicas.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Protocol, Sequence

from monsterbot.bounded import time_left
from monsterbot.host_file import HostFile
from monsterbot.replies.wire import Wire

log = logging.getLogger(__name__)

ANSWERED_TTL = 24 * 3600  # LINE redelivers for much less than a day
REDIS_TIMEOUT = 0.1  # seconds per Redis call on the request path; Redis answers in well under a millisecond
REDIS_RETRY_AFTER = 5.0  # seconds the host's file stands in after Redis failed
#: Seconds a reply token is used for after its webhook came in. LINE: "must be used within one minute"; replies have
#: been refused after ~30 s (https://github.com/cofacts/rumors-line-bot/issues/154): no reply is sent later than this.
REPLY_TOKEN_SECONDS = 30.0
#: Answered marks a worker keeps for Redis while it is down (the host's file has them all): about an hour of events.
MAX_UNMARKED = 20_000
RETRY_AFTER = 1.0  # seconds before a failed reply in the outbox is tried again (by any worker)


@dataclass(frozen=True)
class Owed:
    """A reply still to be sent for an acknowledged event: what the outbox keeps."""

    event_id: str
    token: str
    messages: tuple[Wire, ...]
    deadline: float  # wall time after which its token is not used
    sending: bool = False  # on its way: another worker may send it only once its sender's lease (`send_lease`) ends

    def encoded(self) -> str:
        """`json.dumps` of its token, messages and deadline, the messages joined from their encoded bytes (a card is
        never serialised again: kept for every reply still on its way when its webhook responds)."""
        token, messages = json.dumps(self.token), b", ".join(m.encoded for m in self.messages).decode()
        return f'{{"token": {token}, "messages": [{messages}], "deadline": {json.dumps(self.deadline)}}}'

    @classmethod
    def decoded(cls, event_id: str, text: str | bytes) -> Owed:
        data = json.loads(text)
        messages = tuple(Wire(m, json.dumps(m).encode()) for m in data["messages"])
        return cls(event_id, data["token"], messages, float(data["deadline"]))


class EventLedger(Protocol):
    """Who answers a webhook event: claims with a lease, then answered marks."""

    def claim(self, event_ids: Sequence[str]) -> set[str]:
        """The ids the caller should answer now: never answered, and nobody holds a live claim."""
        ...

    def answered(self, event_id: str) -> None:
        """The reply was handed to LINE: a redelivery is skipped (for a day)."""
        ...

    def were_answered(self, event_ids: Sequence[str]) -> set[str]:
        """Which of these events (not claimed by the caller) were answered; the others are in another worker's hands,
        which may die before it answers them."""
        ...

    def release(self, event_id: str) -> None:
        """The reply was not handed to LINE: a redelivery answers it, and an owed reply is tried again."""
        ...

    def owe(self, replies: Sequence[Owed]) -> bool:
        """Keep these replies (of events not answered yet) until `answered`; whether they were kept."""
        ...

    def take_owed(self, most: int) -> list[Owed]:
        """Up to `most` owed replies whose sender's lease expired and whose token may still be used, leased to the
        caller for `send_lease` seconds; those whose token expired are deleted and logged."""
        ...

    def close(self) -> None:
        """Close its files and connections (the app's end: no call follows)."""
        ...


_OUTBOX = (
    "CREATE TABLE IF NOT EXISTS outbox (id TEXT PRIMARY KEY, reply TEXT, deadline REAL, expires REAL);"
    "CREATE INDEX IF NOT EXISTS outbox_expires ON outbox (expires)"
)
#: An event marked answered drops its owed reply in the same statement (one autocommit write per answer, no
#: BEGIN/COMMIT of a transaction of two): SQLite runs the trigger inside the statement's own transaction.
_ANSWERED_DROPS_OWED = "".join(
    f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {when} ON events WHEN new.answered = 1 "
    "BEGIN DELETE FROM outbox WHERE id = new.id; END;"
    for name, when in (("answered_inserted", "INSERT"), ("answered_updated", "UPDATE OF answered"))
)


class SqliteLedger:
    """Claims and the outbox in an SQLite file that every worker process of the host opens (WAL, short busy
    timeout)."""

    _PRUNE_EVERY = 500  # claims between deletions of expired rows
    #: Oldest rows a deletion looks at (twice the claims between two): its cost stays the same however many events a
    #: day holds (a day of 5 events a second is 400,000 rows, which a full scan held the loop 20-35 ms to read).
    _PRUNE_OLDEST = 2 * _PRUNE_EVERY

    def __init__(
        self,
        path: Path,
        lease: float,
        ttl: float = ANSWERED_TTL,
        busy_timeout: float = 0.2,
        clock: Callable[[], float] = time.time,
        send_lease: float = 10.0,
    ) -> None:
        self._file = HostFile(
            path,
            busy_timeout,
            "CREATE TABLE IF NOT EXISTS events "
            "(id TEXT PRIMARY KEY, owner TEXT, answered INTEGER, expires REAL);" + _OUTBOX + ";" + _ANSWERED_DROPS_OWED,
            "an event's record",
        )
        self._send_lease = send_lease
        self._lease = lease
        self._ttl = ttl
        self._clock = clock  # wall time: shared by processes
        self._claims = 0
        self._owner = f"{os.getpid()}:{uuid.uuid4().hex[:8]}"

    def claim(self, event_ids: Sequence[str]) -> set[str]:
        now = self._clock()
        claimed = set()
        try:
            # one write for the whole batch: a statement of its own (SQLite's autocommit) for a batch of one event
            with self._file.writing(single=len(event_ids) == 1) as db:
                for event_id in event_ids:
                    cursor = db.execute(
                        "INSERT INTO events VALUES (?, ?, 0, ?) ON CONFLICT(id) DO UPDATE SET owner = "
                        "excluded.owner, answered = 0, expires = excluded.expires WHERE events.expires < ?",
                        (event_id, self._owner, now + self._lease, now),
                    )
                    if cursor.rowcount == 1:
                        claimed.add(event_id)
            self._claims += len(event_ids)
            if self._claims >= self._PRUNE_EVERY:
                self._claims = 0
                self._file.write(  # rows are kept in the order they were claimed, which is about that of expiry
                    "DELETE FROM events WHERE rowid IN (SELECT rowid FROM events ORDER BY rowid LIMIT ?) "
                    "AND expires < ?",
                    (self._PRUNE_OLDEST, now),
                )
        except sqlite3.Error as exc:
            log.warning("redelivery check skipped, the events file failed: %s", exc)
            return set(event_ids)
        return claimed

    def answered(self, event_id: str) -> None:
        # an upsert: a reply replayed from the outbox may have had its claim released before; its owed reply is
        # deleted by the file's trigger (_ANSWERED_DROPS_OWED)
        self._file.write(
            "INSERT INTO events VALUES (?, ?, 1, ?) ON CONFLICT(id) DO UPDATE SET answered = 1, "
            "expires = excluded.expires",
            (event_id, self._owner, self._clock() + self._ttl),
        )

    def were_answered(self, event_ids: Sequence[str]) -> set[str]:
        found = self.known_answered(event_ids)
        return set(event_ids) if found is None else found

    def known_answered(self, event_ids: Sequence[str]) -> set[str] | None:
        """The events this file records as answered; None when the file failed (logged)."""
        if not event_ids:
            return set()
        try:
            with self._file.lock:
                rows = self._file.db.execute(
                    f"SELECT id FROM events WHERE answered = 1 AND id IN ({', '.join('?' * len(event_ids))})",
                    tuple(event_ids),
                ).fetchall()
        except sqlite3.Error as exc:
            log.warning("redelivery check skipped, the events file failed: %s", exc)
            return None
        return {event_id for (event_id,) in rows}

    def release(self, event_id: str) -> None:
        self._file.write_all(
            ("DELETE FROM events WHERE id = ? AND owner = ? AND answered = 0", (event_id, self._owner)),
            ("UPDATE outbox SET expires = ? WHERE id = ?", (self._clock() + RETRY_AFTER, event_id)),
        )

    def owe(self, replies: Sequence[Owed]) -> bool:
        return self._file.write_all(
            *(  # never for an event answered meanwhile
                (
                    "INSERT OR REPLACE INTO outbox SELECT ?, ?, ?, ? WHERE NOT EXISTS "
                    "(SELECT 1 FROM events WHERE id = ? AND answered = 1)",
                    (owed.event_id, owed.encoded(), owed.deadline, self._retry_at(owed), owed.event_id),
                )
                for owed in replies
            )
        )

    def _retry_at(self, owed: Owed) -> float:
        return self._clock() + (self._send_lease if owed.sending else 0.0)

    def take_owed(self, most: int) -> list[Owed]:
        now = self._clock()
        if most <= 0:
            return []
        try:
            if self._file.read_one("SELECT 1 FROM outbox WHERE expires <= ? LIMIT 1", (now,)) is None:
                return []  # the usual poll: one indexed read, no write (or the file failed: logged)
            with self._file.writing() as db:
                rows = db.execute(
                    "SELECT id, reply, deadline FROM outbox WHERE expires <= ? LIMIT ?", (now, most)
                ).fetchall()
                for event_id, _, deadline in rows:
                    if deadline < now:
                        db.execute("DELETE FROM outbox WHERE id = ?", (event_id,))
                    else:
                        db.execute("UPDATE outbox SET expires = ? WHERE id = ?", (now + self._send_lease, event_id))
        except sqlite3.Error as exc:
            log.warning("owed replies not read, the events file failed: %s", exc)
            return []
        return _live([(event_id, reply) for event_id, reply, _ in rows], now)

    def close(self) -> None:
        self._file.close()


class RedisLedger:
    """Claims shared by every replica through Redis (SET NX PX); while Redis fails, `standby` decides.

    The outbox is a sorted set (`<prefix>outbox`: event ids by the time another worker may send them) and one key per
    reply (`<prefix>owed:<id>`, expiring with its token)."""

    # Delete a claim only while it is still ours (it may have expired and been claimed again); an owed reply of the
    # event may be tried again after ARGV[2].
    _RELEASE = (
        "redis.call('zadd', KEYS[2], 'XX', ARGV[2], ARGV[3]) "
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"
    )
    # Keep a reply unless its event was answered meanwhile.
    _OWE = (
        "if redis.call('get', KEYS[1]) == 'answered' then return 0 end "
        "redis.call('set', KEYS[3], ARGV[1], 'PX', ARGV[2]) redis.call('zadd', KEYS[2], ARGV[3], ARGV[4]) return 1"
    )
    # Take up to ARGV[3] owed replies due by ARGV[1], leased until ARGV[2]; forget those whose key expired.
    _TAKE = (
        "local ids = redis.call('zrangebyscore', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[3]) local out = {} "
        "for _, id in ipairs(ids) do local reply = redis.call('get', ARGV[4] .. id) "
        "if reply then redis.call('zadd', KEYS[1], ARGV[2], id) table.insert(out, id) table.insert(out, reply) "
        "else redis.call('zrem', KEYS[1], id) end end return out"
    )

    def __init__(
        self,
        url: str,
        lease: float,
        standby: SqliteLedger,
        ttl: int = ANSWERED_TTL,
        prefix: str = "monsterbot:event:",
        send_lease: float = 10.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        import redis  # only when configured: keeps the default start-up light

        self._redis = redis.Redis.from_url(url, socket_timeout=REDIS_TIMEOUT, socket_connect_timeout=REDIS_TIMEOUT)
        self._errors = (redis.RedisError, OSError)
        self._release = self._redis.register_script(self._RELEASE)
        self._owe = self._redis.register_script(self._OWE)
        self._take = self._redis.register_script(self._TAKE)
        self._outbox = prefix + "outbox"
        self._send_lease = send_lease
        self._clock = clock
        self._lease_ms = max(1, int(lease * 1000))
        self._ttl = ttl
        self._prefix = prefix
        self._standby = standby
        self._down_until = 0.0
        self._tokens: dict[str, str] = {}
        self._on_standby: set[str] = set()
        self._unmarked: dict[str, None] = {}  # answered while Redis was down or late: marked there at the next poll
        self._lock = threading.Lock()

    @property
    def healthy(self) -> bool:
        """False while Redis is thought down (the last call failed less than REDIS_RETRY_AFTER ago)."""
        return time.monotonic() >= self._down_until

    def claim(self, event_ids: Sequence[str]) -> set[str]:
        tokens = {event_id: uuid.uuid4().hex for event_id in event_ids}
        if self._usable():
            pipeline = self._redis.pipeline(transaction=False)  # one round trip for the whole batch
            for event_id, token in tokens.items():
                pipeline.set(self._prefix + event_id, token, nx=True, px=self._lease_ms)
            try:
                results = pipeline.execute()
            except self._errors as exc:
                self._failed(exc)
            else:
                claimed = {event_id for event_id, ok in zip(tokens, results, strict=True) if ok}
                # An answer the host's file recorded while Redis missed its mark (down, or past a webhook's deadline)
                # is not answered again: the mark is written now.
                done_here = self._standby.known_answered(sorted(claimed)) or set()
                if done_here and not self._call(lambda: self._mark(done_here)):
                    self._keep_unmarked(done_here)
                with self._lock:
                    self._tokens.update((event_id, tokens[event_id]) for event_id in claimed - done_here)
                return claimed - done_here
        with self._lock:
            self._on_standby.update(event_ids)
        return self._standby.claim(event_ids)

    def answered(self, event_id: str) -> None:
        if self._from_standby(event_id):
            self._standby.answered(event_id)
            return
        with self._lock:
            self._tokens.pop(event_id, None)
        if not self._call(lambda: self._mark([event_id])):
            self._keep_unmarked([event_id])
        # Written through to the host's file (which also drops an owed reply it kept when Redis could not): while the
        # file stands in (Redis slow, down, or no time left in a webhook's deadline) a redelivery of an event this
        # host answered is still skipped, not answered twice.
        self._standby.answered(event_id)

    def were_answered(self, event_ids: Sequence[str]) -> set[str]:
        values: list[object] = []
        if self._call(lambda: values.extend(self._redis.mget([self._prefix + event_id for event_id in event_ids]))):
            marked = {event_id for event_id, value in zip(event_ids, values, strict=True) if value == b"answered"}
            return marked | (self._standby.known_answered(event_ids) or set())
        return self._standby.were_answered(event_ids)

    def _mark(self, event_ids: Iterable[str]) -> None:
        """Record events answered in Redis (for a day) and drop their owed replies: one transaction."""
        with self._redis.pipeline(transaction=True) as pipeline:
            for event_id in event_ids:
                pipeline.set(self._prefix + event_id, "answered", ex=self._ttl)
                pipeline.zrem(self._outbox, event_id)
                pipeline.delete(self._prefix + "owed:" + event_id)
            pipeline.execute()

    def _keep_unmarked(self, event_ids: Iterable[str], older: bool = False) -> None:
        """Keep answered marks Redis missed for the next poll (after those kept, or before them if `older`), the
        oldest forgotten past MAX_UNMARKED (the host's file has them all)."""
        with self._lock:
            kept = dict.fromkeys(event_ids)
            self._unmarked = kept | self._unmarked if older else self._unmarked | kept
            while len(self._unmarked) > MAX_UNMARKED:
                del self._unmarked[next(iter(self._unmarked))]

    def _mark_missed(self) -> None:
        """Write the answered marks Redis missed (run from the worker's poll, outside any webhook's deadline)."""
        with self._lock:
            missed, self._unmarked = list(self._unmarked), {}
        if missed and not self._call(lambda: self._mark(missed)):
            self._keep_unmarked(missed, older=True)

    def release(self, event_id: str) -> None:
        with self._lock:
            standby = event_id in self._on_standby  # kept: its owed reply, if any, is the standby's too
        if standby:
            self._standby.release(event_id)
            return
        with self._lock:
            token = self._tokens.pop(event_id, None)
        self._call(
            lambda: self._release(
                keys=[self._prefix + event_id, self._outbox], args=[token or "", self._clock() + RETRY_AFTER, event_id]
            )
        )

    def owe(self, replies: Sequence[Owed]) -> bool:
        with self._lock:
            standby = [owed for owed in replies if owed.event_id in self._on_standby]
        mine = [owed for owed in replies if owed not in standby]

        def keep() -> None:
            pipeline = self._redis.pipeline(transaction=False)
            for owed in mine:
                life = max(1, int((owed.deadline - self._clock()) * 1000))
                self._owe(
                    keys=[self._prefix + owed.event_id, self._outbox, self._prefix + "owed:" + owed.event_id],
                    args=[
                        owed.encoded(),
                        life,
                        self._clock() + (self._send_lease if owed.sending else 0.0),
                        owed.event_id,
                    ],
                    client=pipeline,
                )
            pipeline.execute()

        if mine and not self._call(keep):  # Redis down, late, or no time left: the host's file keeps them
            standby += mine
        return self._standby.owe(standby) if standby else True

    def take_owed(self, most: int) -> list[Owed]:
        self._mark_missed()
        taken = self._standby.take_owed(most)
        with self._lock:
            self._on_standby.update(owed.event_id for owed in taken)
        now, found = self._clock(), []
        if len(taken) >= most:
            return taken

        def take() -> None:
            found.extend(
                self._take(
                    keys=[self._outbox], args=[now, now + self._send_lease, most - len(taken), self._prefix + "owed:"]
                )
            )

        self._call(take)
        pairs = [(found[i].decode(), found[i + 1]) for i in range(0, len(found), 2)]
        return taken + _live(pairs, now)

    def close(self) -> None:
        self._redis.close()
        self._standby.close()

    def _from_standby(self, event_id: str) -> bool:
        with self._lock:
            if event_id in self._on_standby:
                self._on_standby.discard(event_id)
                return True
        return False

    def _usable(self) -> bool:
        """Whether a call may go to Redis now: it is thought up, and the webhook's deadline leaves time for it."""
        return self.healthy and time_left(REDIS_TIMEOUT) > 0

    def _call(self, command: Callable[[], object]) -> bool:
        """Run a command unless Redis is thought down or the webhook's deadline passed; whether it ran."""
        if not self._usable():
            return False  # the claim expires by itself; an answered mark is the host file's alone
        try:
            command()
        except self._errors as exc:
            self._failed(exc)
            return False
        return True

    def _failed(self, exc: BaseException) -> None:
        self._down_until = time.monotonic() + REDIS_RETRY_AFTER
        log.warning(
            "Redis failed (%s): the host's events file decides for %.0f s", type(exc).__name__, REDIS_RETRY_AFTER
        )


def _live(rows: Sequence[tuple[str, str | bytes]], now: float) -> list[Owed]:
    """The owed replies of these rows whose token may still be used; the others are logged as lost."""
    owed = [Owed.decoded(event_id, reply) for event_id, reply in rows]
    for late in (o for o in owed if o.deadline < now):
        log.warning(
            "reply not sent: its token expired before any worker could send it", extra={"event_id": late.event_id}
        )
    return [o for o in owed if o.deadline >= now]


def event_ledger(redis_url: str, data_dir: Path, lease: float, send_lease: float) -> EventLedger:
    """Redis-backed when a URL is configured (the host's file standing in), else the host's file."""
    local = SqliteLedger(data_dir / "events.sqlite3", lease, send_lease=send_lease)
    return RedisLedger(redis_url, lease, standby=local, send_lease=send_lease) if redis_url else local
