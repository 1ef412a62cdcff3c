"""The Procfile's web process under faults: a worker killed mid-batch then LINE's redelivery, SIGTERM while LINE holds
its replies, and LINE, Redis or the database stalled, slow clients or idle sockets while webhooks must still be
answered. Driven by events, not clocks: what a webhook must not wait for is held until the test has its answer (the
bound on a webhook's own waits, DEPENDENCY_BUDGET, is test_webhook's, on an injected clock)."""

from __future__ import annotations

import json
import os
import random
import shlex
import signal
import socket
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import pytest

from monsterbot.web.dedupe import REPLY_TOKEN_SECONDS
from monsterbot.web.dispatch import SENDERS
from monsterbot_devtools.line_standin import LineStandIn
from monsterbot_devtools.soak import QUERIES
from monsterbot_devtools.webprocess import (
    ACCESS_TOKEN,
    WebProcess,
    batch_body,
    children,
    kill_children,
    post,
    procfile_command,
    text_event,
)
from tests.conftest import GUARD, need_redis, redis_url, wait_for
from tests.tcp_proxy import TcpProxy

CLEAR_NAMES = ["火龍", "rathalos", "リオレウス", "雌火龍"]  # answered in groups too (group mode "confident")


def _events(count: int, group: bool = False) -> list[dict]:
    base = random.randrange(10**15)  # ids never seen before, even by a Redis kept from an earlier run
    queries = CLEAR_NAMES if group else QUERIES
    return [text_event(queries[i % len(queries)], base + i, group) for i in range(count)]


def _details(web: WebProcess) -> dict:
    with urllib.request.urlopen(web.internal_url + "/readyz", timeout=5) as response:
        return json.load(response)


def _tokens(line: LineStandIn) -> list[str]:
    """The reply tokens LINE took; a request cut off by a killed worker (no whole body) is no reply."""
    return [r.body["replyToken"] for r in line.replies() if r.body is not None]


def _took(line: LineStandIn, tokens: set[str]) -> bool:
    """Whether LINE took a reply for each of these tokens (a `wait_for` condition)."""
    return tokens <= set(_tokens(line))


def _accepted(url: str, body: bytes) -> bool:
    """Whether the webhook answered 200 to the body (a `wait_for` condition: LINE delivers it again until then)."""
    return post(url, body)[0] == 200


@pytest.mark.parametrize("ledger", ["events file", "redis"])
def test_a_worker_killed_mid_batch_then_redelivery_answers_every_event_once(ledger):
    """Driven by events, not clocks: LINE holds its answers (the stand-in's gate) and the 200 waits longer than the
    test, so the workers die at the first reply before any 200; LINE's redeliveries get 503 while the dead worker's
    claims last, then each event is answered, once."""
    extra = {"MONSTERBOT_EVENT_LEASE": "2", "MONSTERBOT_LINE_TIMEOUT": "3", "MONSTERBOT_REPLY_HOLD": "60"}
    if ledger == "redis":
        extra["REDIS_URL"] = need_redis()
    killed = threading.Event()
    web: WebProcess | None = None

    def kill_workers_at_the_first_reply(_recorded: object) -> None:
        if web is not None and not killed.is_set():
            kill_children(web.process.pid)
            killed.set()

    line = LineStandIn(ACCESS_TOKEN, on_request=kill_workers_at_the_first_reply).start()
    line.hold()  # the first replies are still with LINE when the workers die
    web = WebProcess.start(line.url, workers=2, extra_env=extra)
    try:
        events = _events(40)
        status, _ = post(web.url, batch_body(events))
        assert killed.is_set() and status != 200, "the worker must die before acknowledging, or LINE won't redeliver"
        line.release()
        wait_for(lambda: post(web.url, batch_body(events, redelivery=True))[0] == 200, timeout=60)  # LINE retries
        expected = {e["replyToken"] for e in events}
        wait_for(lambda: set(_tokens(line)) == expected, timeout=20)
        tokens = _tokens(line)
        # Tried twice: only the replies LINE had when the worker died (LINE refuses the reused token with 400).
        assert len(tokens) - len(expected) <= SENDERS
        # once more: all answered, all skipped (a 200 for skipped events only: nothing was queued to be sent)
        assert post(web.url, batch_body(events, redelivery=True))[0] == 200
        assert len(_tokens(line)) == len(tokens)
        _redelivery_to_the_other_worker_is_skipped(web, line)
    finally:
        line.release()
        assert web.stop() == 0
        line.stop()


def _redelivery_to_the_other_worker_is_skipped(web: WebProcess, line: LineStandIn) -> None:
    """One worker answers a batch of events; LINE's redelivery reaches the other one: it is skipped."""
    first, second = children(web.process.pid)
    events = _events(20)
    asked = sorted(e["replyToken"] for e in events)

    def replies_to_these() -> list[str]:  # an earlier batch's owed replies may still arrive: they are not counted
        return sorted(t for t in _tokens(line) if t in asked)

    def deliver_while_stopped(stopped: int, redelivery: bool) -> None:
        os.kill(stopped, signal.SIGSTOP)  # the other worker takes every connection
        try:
            with ThreadPoolExecutor(max_workers=8) as pool:
                results = list(pool.map(lambda e: post(web.url, batch_body([e], redelivery)), events))
            assert [status for status, _ in results] == [200] * len(events)
        finally:
            os.kill(stopped, signal.SIGCONT)

    deliver_while_stopped(first, redelivery=False)  # each 200 after its reply reached LINE (the hold)
    assert replies_to_these() == asked
    skipped = web.log.read_text().count("skipped a redelivered event")
    deliver_while_stopped(second, redelivery=True)  # 200s for skipped events: nothing queued, nothing to wait for
    assert replies_to_these() == asked  # never answered twice
    wait_for(lambda: web.log.read_text().count("skipped a redelivered event") == skipped + len(events))


def _replay_rounds(delay: float) -> int:
    """Rounds of every sender of the new workers that fit a sixth of the reply tokens' life at LINE's delay. The
    replies the killed workers owed are sent again once their lease ends, a round at a time, each as long as LINE's
    delay: at most this many rounds' worth of events leaves the replay most of the tokens' life, however slow a busy
    machine makes the workers' restart."""
    return int(REPLY_TOKEN_SECONDS / 6 / delay)


# LINE's delay decides the dispatcher's path (under the 0.3 s hold: the 200 follows the reply; past it: the 200 goes
# first and the reply waits in the outbox; 0.25 s: both, as queued replies pass the hold), whatever the ledger; the
# ledger decides where the outbox is kept. Every delay on the events file; Redis at both ends of the range.
@pytest.mark.parametrize(
    ("delay", "ledger"),
    [(0.05, "events file"), (0.25, "events file"), (0.5, "events file"), (1.5, "events file")]
    + [(0.05, "redis"), (1.5, "redis")],
)
def test_no_acknowledged_event_is_lost_when_every_worker_is_killed_whatever_lines_delay(delay, ledger):
    """LINE never redelivers an event it had a 200 for: when every worker dies with replies on their way, the outbox's
    next workers send them while their tokens last (the stand-in expires them as LINE does); the events not
    acknowledged are LINE's to redeliver."""
    extra = {"MONSTERBOT_EVENT_LEASE": "2", "MONSTERBOT_LINE_TIMEOUT": "3"}
    if ledger == "redis":
        extra["REDIS_URL"] = need_redis()
    killed, web, killed_at = threading.Event(), None, [float("inf")]
    at_the_kill: set[str] = set()
    events = _events(min(160, _replay_rounds(delay) * 2 * SENDERS))

    def kill_every_worker_at_the_fortieth_reply(_recorded: object) -> None:
        if web is not None and len(line.requests) >= 40 and not killed.is_set():
            kill_children(web.process.pid)
            killed_at[0] = time.monotonic()
            killed.set()
            at_the_kill.update(r.body["replyToken"] for r in line.requests if r.body is not None)

    line = LineStandIn(ACCESS_TOKEN, on_request=kill_every_worker_at_the_fortieth_reply).start()
    line.delay = delay
    web = WebProcess.start(line.url, workers=2, extra_env=extra)

    def deliver(event: dict) -> tuple[int, float]:
        line.issue(event["replyToken"])  # as LINE does: the token's life starts as its webhook is sent
        return post(web.url, batch_body([event]))[0], time.monotonic()

    try:
        with ThreadPoolExecutor(max_workers=24) as pool:  # more than the senders: replies wait in the queue
            answers = list(pool.map(deliver, events))
        wait_for(killed.is_set, timeout=30)
        statuses = [status for status, _ in answers]
        acknowledged = [e for e, status in zip(events, statuses, strict=True) if status == 200]
        before = {
            e["replyToken"]
            for e, (status, at) in zip(events, answers, strict=True)
            if status == 200 and at < killed_at[0]
        }
        for event in (e for e, status in zip(events, statuses, strict=True) if status != 200):  # LINE redelivers these
            wait_for(partial(_accepted, web.url, batch_body([event], redelivery=True)), timeout=30)
        sent = lambda: {r.body["replyToken"] for r in line.replies() if r.body is not None and r.status == 200}  # noqa: E731
        wait_for(lambda: {e["replyToken"] for e in events} <= sent(), timeout=25)
        lost = [e for e in acknowledged if e["replyToken"] not in sent()]
        owed = before - at_the_kill
        replayed = web.log.read_text().count('"event": "replayed"')
        print(
            f"LINE at {delay} s, {ledger}, every worker killed at the 40th reply: {len(acknowledged)} of "
            f"{len(events)} acknowledged, {len(owed)} of them before the kill with their reply not yet at LINE, "
            f"{replayed} replies replayed "
            f"from the outbox, {len(lost)} lost"
        )
        assert lost == []
    finally:
        line.delay = 0.0
        assert web.stop() == 0
        line.stop()


def test_sigterm_while_line_holds_every_reply_sends_or_logs_every_acknowledged_reply():
    """LINE answers no reply until the worker is stopping: the webhooks are answered meanwhile (200, or 503 once the
    queue is full: LINE redelivers those), and the SIGTERM drain sends every queued reply once LINE answers. Driven by
    events, not clocks: the LINE timeout and the grace outlast the test's waits, which are hang guards."""
    line = LineStandIn(ACCESS_TOKEN).start()
    line.hold()
    # a 4 min drain budget (the grace less 5 s) and a 2 min LINE timeout: room for 2 rounds of SENDERS replies
    web = WebProcess.start(
        line.url, workers=1, extra_env={"MONSTERBOT_SHUTDOWN_GRACE": "245", "MONSTERBOT_LINE_TIMEOUT": "120"}
    )
    events = _events(4 * SENDERS)
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:  # every one answered while LINE holds every reply
            results = list(pool.map(lambda e: post(web.url, batch_body([e]), timeout=GUARD), events))
        acknowledged = [e for e, (status, _) in zip(events, results, strict=True) if status == 200]
        refused = [e for e, (status, _) in zip(events, results, strict=True) if status == 503]
        assert len(acknowledged) == 2 * SENDERS and len(refused) == len(events) - len(acknowledged)
        wait_for(lambda: line.in_flight == SENDERS)  # LINE holds a round of replies, the rest queued in the worker
        with urllib.request.urlopen(web.internal_url + "/metrics", timeout=5) as response:
            exposition = response.read().decode()
        web.process.send_signal(signal.SIGTERM)
        wait_for(lambda: "Worker shutting down" in web.log.read_text(), timeout=GUARD)
        line.release()  # LINE answers now: the drain sends what the worker still holds
        code = web.process.wait(GUARD)  # a worker held until its grace ran out would outlast this guard
    finally:
        line.release()
        web.halt()  # nothing left to do once it has stopped
        line.stop()
    log = web.log.read_text()
    sent = set(_tokens(line))
    not_sent = [e for e in acknowledged if e["replyToken"] not in sent]
    for event in not_sent:  # each one logged with its event id
        assert any("reply not sent" in entry and event["webhookEventId"] in entry for entry in log.splitlines())
    assert sent == {e["replyToken"] for e in acknowledged}  # the queued ones drained
    # the queue was full: those replies were never queued, and their webhooks got 503 (LINE redelivers them; the
    # ledger answers exactly those events then)
    dropped = sum(1 for entry in log.splitlines() if '"delivery": "dropped"' in entry)
    assert dropped == len(refused)
    assert f'monsterbot_line_replies_total{{result="dropped"}} {float(dropped)}' in exposition  # and counted
    assert f'monsterbot_webhook_requests_total{{result="busy"}} {float(len(refused))}' in exposition
    assert code == 0
    print(
        f"SIGTERM drain: {len(sent)} sent, {len(not_sent)} acknowledged and logged unsent, {len(refused)} refused "
        f"(503, redelivered by LINE)"
    )


@pytest.mark.timeout(600)  # a hang guard: a first read late on a busy machine holds the warm-up 30 s (cached.py)
def test_callback_answers_while_line_then_redis_then_the_database_stall():
    """Each dependency in turn stalls until the test ends the stage: LINE holds every reply, then Redis, then the
    database accept and never answer. Every webhook gets its 200 while the dependency is stalled, and every event is
    answered. Driven by events, not clocks: LINE's timeout outlasts the guard, so a webhook that waited on a stalled
    dependency would get no answer within it (the bound on a webhook's own waits is test_webhook's)."""
    need_redis()
    redis_proxy, database_proxy = TcpProxy(("127.0.0.1", 6379)), TcpProxy(("127.0.0.1", 5432))
    line = LineStandIn(ACCESS_TOKEN).start()
    web = WebProcess.start(
        line.url,
        workers=2,
        extra_env={
            "REDIS_URL": redis_url(redis_proxy.port),
            "MONSTERBOT_QUERY_LOG": "on",
            "DATABASE_URL": f"postgresql+psycopg://postgres@127.0.0.1:{database_proxy.port}/test",
            # past the guard, and a worker holds as many replies as by default: 4 rounds of SENDERS in its drain budget
            # (the grace less 5 s; the stop below comes once the stalls ended, so it waits for no stalled call)
            "MONSTERBOT_LINE_TIMEOUT": str(2 * GUARD),
            "MONSTERBOT_SHUTDOWN_GRACE": str(4 * 2 * GUARD + 5),
        },
    )
    figures = []
    try:
        for _ in range(2):  # Redis and the database in use; each worker's first requests warm its caches
            assert post(web.url, batch_body(_events(30, group=True)))[0] == 200
        # both answering: on a busy machine a worker's first read (its first connection) may have been late, and the
        # store counts as late for 30 s after that (monsterbot/preferences/cached.py)
        wait_for(lambda: _details(web)["dependencies"] == {"redis": True, "database": True}, timeout=45)
        events: list[dict] = []  # each stage's, until the next stage's
        for stalled in ("LINE", "Redis", "database"):
            if stalled == "LINE":
                line.hold()  # until the next stage
            elif stalled == "Redis":
                line.release()  # the queued replies go at once; those under way finish
                wait_for(partial(_took, line, {e["replyToken"] for e in events}))
                wait_for(lambda: line.in_flight == 0)  # LINE answered them all: no reply of that stage is left
                redis_proxy.stall()  # accepts, never answers
            else:
                database_proxy.stall()
            events = _events(40, group=True)
            bodies = [batch_body(events[:10])] + [batch_body([e]) for e in events[10:]]
            with ThreadPoolExecutor(max_workers=8) as pool:
                results = list(pool.map(lambda body: post(web.url, body, timeout=GUARD), bodies))
            assert [status for status, _ in results] == [200] * len(bodies)
            assert stalled != "LINE" or not line.released.is_set()  # LINE still holds every reply: none waited for
            figures.append(  # the machine's figures, not bounds
                f"{stalled} stalled: slowest webhook {max(took for _, took in results) * 1000:.0f} ms "
                f"(the 10-event batch {results[0][1] * 1000:.0f} ms)"
            )
            if stalled != "LINE":
                wait_for(partial(_took, line, {e["replyToken"] for e in events}))  # every event answered
        assert _details(web)["dependencies"] == {"redis": False, "database": False}
        print("; ".join(figures))
    finally:
        line.release()
        redis_proxy.stop()  # the stalled calls fail now: the workers' stop waits for none of them
        database_proxy.stop()
        web.stop(timeout=GUARD)
        line.stop()


def test_fifty_slow_clients_do_not_delay_webhooks():
    """Fifty connections whose headers or body never end, held open for the whole test (its header timeout is past
    the guard): every webhook is answered while they are. Driven by events: a worker that waited on a slow client would
    answer no webhook within the guard."""
    line = LineStandIn(ACCESS_TOKEN).start()
    web = WebProcess.start(line.url, workers=2, extra_env={"MONSTERBOT_HEADER_TIMEOUT": str(10 * GUARD)})
    stop = threading.Event()
    opened = threading.Semaphore(0)  # released by each client once its opening is sent

    def trickle(opening: bytes) -> None:
        with socket.create_connection(("127.0.0.1", web.port)) as slow:
            slow.sendall(opening)
            opened.release()
            while not stop.wait(0.5):  # a byte every half second, never done
                try:
                    slow.sendall(b"x")
                except OSError:
                    return

    head = b"POST /callback HTTP/1.1\r\nHost: bot\r\n"  # headers that never end
    body = head + b"Content-Length: 5000\r\nX-Line-Signature: x\r\n\r\n"  # a body that never ends
    clients = [threading.Thread(target=trickle, args=(head if n % 2 else body,), daemon=True) for n in range(50)]
    try:
        for _ in range(2):
            post(web.url, batch_body(_events(10)))  # warm both workers
        for client in clients:
            client.start()
        assert all(opened.acquire(timeout=GUARD) for _ in clients)  # every slow client is under way
        took = []
        for _ in range(30):
            status, seconds = post(web.url, batch_body(_events(1)), timeout=GUARD)
            assert status == 200
            took.append(seconds)
        print(  # the machine's figures, not bounds
            f"50 slow clients: slowest of 30 webhooks {max(took) * 1000:.0f} ms, median {sorted(took)[15] * 1000:.0f} "
            f"ms"
        )
    finally:
        stop.set()
        web.stop()
        line.stop()


def test_two_thousand_idle_or_dripping_sockets_neither_stop_webhooks_nor_hold_sigterm():
    """Under a 1,024 open-file limit (as on many hosts): 1,000 sockets that never send a byte and 1,000 that drip a
    header byte every half second. Each worker keeps its connections under its cap (the idle longest make room), and
    at SIGTERM waits for no idle one. Driven by events: the header timeout and the grace are past the guard, so only
    the cap lets a webhook in, and only closing the idle ones lets the workers stop within the guard."""
    line = LineStandIn(ACCESS_TOKEN).start()
    command = ["sh", "-c", "ulimit -n 1024 && exec " + " ".join(shlex.quote(part) for part in procfile_command())]
    long = str(10 * GUARD)
    extra = {"MONSTERBOT_HEADER_TIMEOUT": long, "MONSTERBOT_SHUTDOWN_GRACE": long}
    web = WebProcess.start(line.url, workers=2, extra_env=extra, command=command)
    idle: list[socket.socket] = []
    dripping: list[socket.socket] = []
    stop = threading.Event()
    try:
        post(web.url, batch_body(_events(4)))  # warm both workers
        _idle_and_dripping(web.port, 2000, idle, dripping, stop)
        results = [post(web.url, batch_body(_events(1)), timeout=GUARD) for _ in range(40)]
        ok = sum(1 for status, _ in results if status == 200)
        print(
            f"2,000 idle or dripping sockets, ulimit -n 1024: {ok} of 40 webhooks answered 200 (slowest "
            f"{max(took for _, took in results) * 1000:.0f} ms)"
        )
        assert ok == 40
        for _ in range(2000):  # and more, idle, at SIGTERM
            idle.append(socket.create_connection(("127.0.0.1", web.port)))
        assert web.stop(timeout=GUARD) == 0  # not held for the grace, which idle sockets used to hold whole
    finally:
        stop.set()
        for sock in idle + dripping:
            sock.close()
        if web.process.poll() is None:
            web.halt()
        line.stop()


def test_a_connection_whose_headers_do_not_come_is_closed_past_the_header_timeout():
    """Sockets that never send a byte, and sockets that drip a header byte every half second: past
    MONSTERBOT_HEADER_TIMEOUT the server closes every one (a dripping one fails its next send)."""
    line = LineStandIn(ACCESS_TOKEN).start()
    web = WebProcess.start(line.url, workers=2, extra_env={"MONSTERBOT_HEADER_TIMEOUT": "3"})
    idle: list[socket.socket] = []
    dripping: list[socket.socket] = []
    stop = threading.Event()
    try:
        _idle_and_dripping(web.port, 200, idle, dripping, stop)
        wait_for(lambda: not dripping and all(_closed_by_peer(sock) for sock in idle), timeout=GUARD)  # a hang guard
    finally:
        stop.set()
        for sock in idle + dripping:
            sock.close()
        web.stop()
        line.stop()


def _idle_and_dripping(
    port: int, count: int, idle: list[socket.socket], dripping: list[socket.socket], stop: threading.Event
) -> None:
    """Open `count` sockets to `port`: half of them (into `idle`) never send a byte, half (into `dripping`) drip a
    header byte every half second until `stop`; a dripping one the server closed leaves the list at its next send."""
    for n in range(count):
        sock = socket.create_connection(("127.0.0.1", port))
        if n % 2:
            sock.sendall(b"POST /callback HTTP/1.1\r\nHost: bot\r\nX-Drip: ")
            dripping.append(sock)
        else:
            idle.append(sock)

    def drip() -> None:
        while not stop.wait(0.5):
            for sock in list(dripping):
                try:
                    sock.send(b"x")
                except OSError:
                    dripping.remove(sock)
                    sock.close()

    threading.Thread(target=drip, daemon=True).start()


def _closed_by_peer(sock: socket.socket) -> bool:
    sock.settimeout(0.01)
    try:
        return sock.recv(1) == b""
    except socket.timeout:
        return False
    except OSError:
        return True
