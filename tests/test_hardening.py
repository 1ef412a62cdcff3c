"""Redelivered events answered once, oversized bodies refused, secrets kept out of the logs."""

from __future__ import annotations

import contextlib
import json
import logging
import time
import uuid

import pytest
from linebot.v3.messaging import TextMessage

from monsterbot.bounded import deadline
from monsterbot.replies.wire import to_wire
from monsterbot.web.dedupe import RETRY_AFTER, Owed, RedisLedger, SqliteLedger
from monsterbot_devtools.line_standin import reply_token
from tests.conftest import (
    SECRET,
    TOKEN,
    answered,
    app_for,
    need_redis,
    payload,
    post_signed,
    runtime_for,
    settings_for,
    sign,
    text_event,
    wait_for,
)

INTERNAL = "http://localhost:8090"  # the test client's base URL for the internal port (Settings' default)


def _post(app, event) -> int:
    return post_signed(app, payload(event)).status_code


def test_a_redelivered_event_is_answered_once(webhook, line_stub):
    event = text_event("火龍")
    assert webhook(payload(event)).status_code == 200
    redelivered = dict(event, deliveryContext={"isRedelivery": True})
    assert webhook(payload(redelivered)).status_code == 200
    assert len(line_stub.replies()) == 1
    assert webhook(payload(text_event("火龍"))).status_code == 200  # a new event is answered
    assert len(line_stub.replies()) == 2


def test_the_events_file_claims_with_a_lease_then_marks_answered(tmp_path, closing):
    now = [1000.0]
    workers = [closing(SqliteLedger(tmp_path / "events.sqlite3", lease=30, clock=lambda: now[0])) for _ in range(2)]
    assert workers[0].claim(["a"]) == {"a"} and workers[1].claim(["a"]) == set()  # a live claim holds off the other
    now[0] += 31
    assert workers[1].claim(["a", "b"]) == {"a", "b"}  # the first worker died: its claim expired, a redelivery answers
    workers[1].answered("a")
    now[0] += 3600
    assert workers[0].claim(["a"]) == set()  # answered: skipped for a day
    assert workers[0].claim(["b", "c"]) == {"b", "c"}  # b's claim expired unanswered
    workers[0].release("b")  # the reply never reached LINE
    assert workers[1].claim(["b", "c"]) == {"b"}


@pytest.mark.parametrize("ledger", ["events file", "redis"])
def test_a_late_release_frees_only_the_releasers_own_claim(tmp_path, ledger, closing):
    """A worker whose lease ran out while its reply failed releases nothing another worker claimed since: that one
    is answering the event, and a third redelivery must not be answered beside it."""
    now = [1000.0]
    if ledger == "events file":
        first, second = [closing(SqliteLedger(tmp_path / "events.sqlite3", 30, clock=lambda: now[0])) for _ in range(2)]
    else:
        url = need_redis()
        prefix = f"monsterbot-test:{uuid.uuid4()}:"
        first, second = [
            closing(RedisLedger(url, 0.05, SqliteLedger(tmp_path / f"{n}.sqlite3", 30), prefix=prefix))
            for n in range(2)
        ]
    assert first.claim(["e"]) == {"e"}
    now[0] += 31
    time.sleep(0.1)  # Redis keeps its own time: the first lease (50 ms) ran out
    assert second.claim(["e"]) == {"e"}
    first.release("e")  # the first worker's reply failed, late
    assert first.claim(["e"]) == set() and second.claim(["e"]) == set()  # still the second's


def test_an_answer_redis_missed_is_never_answered_again(tmp_path, closing):
    """A reply that came back after its webhook's deadline is marked answered in the host's file alone (Redis is not
    called then): the host's other worker does not claim the event's redelivery, and the worker's next poll marks it
    in Redis, where another replica (its own file) finds it."""
    url = need_redis()
    prefix = f"monsterbot-test:{uuid.uuid4()}:"
    worker, sibling = [
        closing(RedisLedger(url, 0.05, SqliteLedger(tmp_path / "host.sqlite3", 30), prefix=prefix)) for _ in "ab"
    ]
    replica = closing(RedisLedger(url, 0.05, SqliteLedger(tmp_path / "replica.sqlite3", 30), prefix=prefix))
    assert worker.claim(["e", "f"]) == {"e", "f"}
    with deadline(time.monotonic() - 1):  # past the webhook's deadline: no Redis call
        worker.answered("e")
        worker.answered("f")
    time.sleep(0.1)  # Redis keeps its own time: the claims' 50 ms leases ran out
    assert sibling.claim(["e"]) == set() and sibling.were_answered(["e"]) == {"e"}  # the host's file knew
    worker.take_owed(1)  # the poll writes the missed mark of f
    assert replica.claim(["e", "f"]) == set() and replica.were_answered(["e", "f"]) == {"e", "f"}


def test_a_mark_a_claim_could_not_write_is_written_at_the_next_poll(tmp_path, monkeypatch, closing):
    """The host's other worker finds a redelivered event answered in the host's file but cannot write its mark to
    Redis: it keeps the mark for its next poll, and another replica (its own file) does not answer the event again."""
    import redis

    from monsterbot.web import dedupe

    monkeypatch.setattr(dedupe, "REDIS_RETRY_AFTER", 0.05)  # Redis thought down for 50 ms after a failure
    url = need_redis()
    prefix = f"monsterbot-test:{uuid.uuid4()}:"
    worker, sibling = [
        closing(RedisLedger(url, 0.05, SqliteLedger(tmp_path / "host.sqlite3", 30), prefix=prefix)) for _ in "ab"
    ]
    replica = closing(RedisLedger(url, 0.05, SqliteLedger(tmp_path / "replica.sqlite3", 30), prefix=prefix))
    assert worker.claim(["e"]) == {"e"}
    with deadline(time.monotonic() - 1):  # Redis missed the mark, and the worker is gone before its poll
        worker.answered("e")
    time.sleep(0.1)  # Redis keeps its own time: the claim's 50 ms lease ran out

    def refused(_event_ids: object) -> None:
        raise redis.ConnectionError("refused")

    monkeypatch.setattr(sibling, "_mark", refused)
    assert sibling.claim(["e"]) == set()  # answered, says the host's file; its mark could not be written
    monkeypatch.delattr(sibling, "_mark")
    time.sleep(0.1)  # Redis is thought up again
    sibling.take_owed(1)
    assert replica.claim(["e"]) == set() and replica.were_answered(["e"]) == {"e"}


def test_the_events_file_deletes_expired_rows_a_few_oldest_at_a_time(tmp_path, monkeypatch, closing):
    """A deletion of expired rows reads only the oldest few (a full scan of a day's events held the loop for tens of
    ms), and deletes them all as claims go on."""
    import sqlite3

    monkeypatch.setattr(SqliteLedger, "_PRUNE_EVERY", 2)
    monkeypatch.setattr(SqliteLedger, "_PRUNE_OLDEST", 4)
    now = [1000.0]
    ledger = closing(SqliteLedger(tmp_path / "events.sqlite3", lease=30, ttl=60, clock=lambda: now[0]))
    for n in range(10):
        ledger.claim([f"old{n}"])  # a deletion after every second claim: nothing expired yet
        ledger.answered(f"old{n}")
    now[0] += 61

    def kept() -> list[str]:
        return [r[0] for r in sqlite3.connect(tmp_path / "events.sqlite3").execute("SELECT id FROM events")]

    ledger.claim(["new0", "new1"])
    assert sorted(kept()) == sorted([f"old{n}" for n in range(4, 10)] + ["new0", "new1"])  # the oldest four went
    for n in range(2, 8, 2):
        ledger.claim([f"new{n}", f"new{n + 1}"])
    assert sorted(kept()) == [f"new{n}" for n in range(8)]  # live claims are kept


def test_replicas_sharing_redis_answer_a_redelivered_event_once(line_stub, knowledge, tmp_path):
    url = need_redis()
    prefix = f"monsterbot-test:{uuid.uuid4()}:"
    replicas = [
        app_for(
            settings_for(line_stub, data_dir=tmp_path / str(n)),
            runtime=runtime_for(knowledge),
            ledger=RedisLedger(url, 30, SqliteLedger(tmp_path / f"{n}.sqlite3", 30), prefix=prefix),
        )
        for n in range(2)
    ]
    event = text_event("rathalos")
    assert _post(replicas[0], event) == 200
    # the redelivery comes once the first reply's result is in: on a busy machine the 200 may precede it (the reply
    # owed), and a redelivery meanwhile finds the event in the first replica's hands (503: LINE delivers it later)
    ledger = replicas[0].extensions["monsterbot"]["webhook"].ledger
    wait_for(lambda: ledger.were_answered([event["webhookEventId"]]))
    assert _post(replicas[1], dict(event, deliveryContext={"isRedelivery": True})) == 200
    assert len(line_stub.replies()) == 1


def test_redis_outage_still_answers(line_stub, knowledge, tmp_path):
    ledger = RedisLedger("redis://127.0.0.1:1/0", 30, SqliteLedger(tmp_path / "e.sqlite3", 30))  # port 1: nobody
    app = app_for(settings_for(line_stub), runtime=runtime_for(knowledge), ledger=ledger)
    assert _post(app, text_event("火龍")) == 200
    assert len(line_stub.replies()) == 1


def test_oversized_body_is_413(line_stub, knowledge):
    app = app_for(settings_for(line_stub, max_body_bytes=10_000), runtime=runtime_for(knowledge))
    body = json.dumps(payload(text_event("火" * 20_000))).encode()
    response = app.test_client().post("/callback", data=body, headers={"X-Line-Signature": sign(body)})
    assert response.status_code == 413
    assert line_stub.requests == []


@contextlib.contextmanager
def package_logs(caplog):
    """Capture the monsterbot logger (it does not propagate to the root logger pytest watches)."""
    package = logging.getLogger("monsterbot")
    package.addHandler(caplog.handler)
    caplog.handler.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        package.removeHandler(caplog.handler)


def test_secret_and_token_never_reach_the_logs(webhook, line_stub, caplog):
    line_stub.status = 401
    with package_logs(caplog):
        webhook(payload(text_event("火龍")))
        webhook(payload(text_event("火龍")), signature="bad")
        webhook(None, raw=b"{oops")
    text = "\n".join(r.getMessage() + " " + str(vars(r)) for r in caplog.records)
    assert "answered" in text  # the logs were captured
    assert SECRET not in text and TOKEN not in text


def test_metrics_count_outcomes_and_report_the_knowledge(webhook, line_stub):
    from prometheus_client import REGISTRY

    def value(name, **labels):
        return REGISTRY.get_sample_value(name, labels) or 0.0

    before = {o: value("monsterbot_events_total", outcome=o) for o in ("match", "ambiguous", "miss")}
    bad_before = value("monsterbot_webhook_requests_total", result="invalid_signature")
    for text in ("火龍", "rath", "dragonfly"):
        webhook(payload(text_event(text)))
    webhook(payload(text_event("火龍")), signature="bad")
    for outcome in ("match", "ambiguous", "miss"):
        assert value("monsterbot_events_total", outcome=outcome) == before[outcome] + 1
    assert value("monsterbot_webhook_requests_total", result="invalid_signature") == bad_before + 1
    assert webhook.client.get("/metrics").status_code == 404  # not on the public port
    page = webhook.client.get("/metrics", base_url=INTERNAL)
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "monsterbot_knowledge_last_reload_ok 1.0" in text and "monsterbot_knowledge_monsters 156.0" in text


def _app(line_stub, knowledge, **overrides):
    return app_for(settings_for(line_stub, **overrides), runtime_for(knowledge))


def test_a_slow_messaging_api_never_holds_the_webhook(line_stub, knowledge):
    """LINE holds the reply for good: the webhook gets its 200, and the reply gives up at its timeout, both while LINE
    still holds it (a wait on LINE would get nothing within the guard)."""
    from prometheus_client import REGISTRY

    line_stub.hold()
    app = _app(line_stub, knowledge, line_timeout=0.5)
    before = REGISTRY.get_sample_value("monsterbot_line_replies_total", {"result": "unreachable"}) or 0
    body = json.dumps(payload(text_event("火龍"))).encode()
    try:
        post = lambda: app.test_client().post("/callback", data=body, headers={"X-Line-Signature": sign(body)})  # noqa: E731
        assert answered(post).status_code == 200  # LINE gets its 200
        answered(app.extensions["monsterbot"]["dispatcher"].drain)  # the reply gave up at the timeout
        assert line_stub.in_flight == 1 and not line_stub.released.is_set()  # LINE holds it still
    finally:
        line_stub.release()
    assert len(line_stub.replies()) == 1  # a read timeout is not retried: LINE may have used the token
    assert REGISTRY.get_sample_value("monsterbot_line_replies_total", {"result": "unreachable"}) == before + 1


def test_an_unreachable_messaging_api_is_counted(line_stub, knowledge):
    import socket

    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    app = app_for(settings_for(line_stub, line_api_endpoint=f"http://127.0.0.1:{port}"), runtime_for(knowledge))
    assert post_signed(app, payload(text_event("火龍"))).status_code == 200


@pytest.mark.parametrize("status", [400, 401, 429, 500, 503])
def test_line_errors_are_sent_once_and_counted(line_stub, knowledge, status):
    from prometheus_client import REGISTRY

    line_stub.status = status
    before = REGISTRY.get_sample_value("monsterbot_line_replies_total", {"result": f"http_{status}"}) or 0
    assert post_signed(_app(line_stub, knowledge), payload(text_event("火龍"))).status_code == 200
    assert len(line_stub.replies()) == 1  # an expired or used reply token (400) or a 5xx: never sent twice
    assert REGISTRY.get_sample_value("monsterbot_line_replies_total", {"result": f"http_{status}"}) == before + 1


def test_a_failed_reload_shows_in_readiness_and_metrics(line_stub, tmp_path):
    import shutil

    from monsterbot.web.runtime import build
    from tests.conftest import KNOWLEDGE

    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    settings = settings_for(line_stub, knowledge_paths=(folder,))
    runtime = build(settings)
    app = app_for(settings, runtime)
    client = app.test_client()
    (folder / "monsters" / "rathalos.yaml").write_text("id: rathalos\nnames: {en: [\n")
    assert not runtime.knowledge.reload()
    assert client.get("/readyz").get_json() == {"ready": True}  # strangers learn only that
    ready = client.get("/readyz", base_url=INTERNAL)
    assert ready.status_code == 200  # still serving the last good knowledge
    assert ready.get_json()["last_reload_ok"] is False and "rathalos.yaml" in ready.get_json()["last_reload_error"]
    assert "monsterbot_knowledge_last_reload_ok 0.0" in client.get("/metrics", base_url=INTERNAL).get_data(as_text=True)
    assert post_signed(app, payload(text_event("火龍"))).status_code == 200
    assert "Rathalos" in line_stub.replies()[-1].body["messages"][0]["altText"]
    runtime.close()


@pytest.mark.event_errors_expected
def test_an_event_that_fails_is_logged_and_the_batch_still_gets_200(line_stub, caplog):
    from monsterbot.sources.live import LiveKnowledge

    def broken_loader():
        raise RuntimeError("no knowledge yet")

    never_loaded = LiveKnowledge(broken_loader)
    app = app_for(settings_for(line_stub), runtime_for(never_loaded))
    with package_logs(caplog):
        assert post_signed(app, payload(text_event("火龍"), text_event("rathalos"))).status_code == 200
    assert sum("could not answer an event" in r.getMessage() for r in caplog.records) == 2
    assert app.test_client().get("/readyz").status_code == 503


def test_a_full_reply_queue_refuses_at_once_and_a_cut_drain_reports_what_was_not_sent(line_stub):
    from linebot.v3.messaging import TextMessage

    from monsterbot.replies.wire import to_wire
    from monsterbot.web.dispatch import ReplyDispatcher, capacity
    from monsterbot.web.line_api import LineReplier

    assert capacity(line_timeout=5, drain_budget=20, senders=16) == 64  # 4 rounds of 16 within the budget
    assert capacity(line_timeout=5, drain_budget=1, senders=16) == 16  # never none: else every webhook would 503
    line_stub.hold()  # until the drain has ended: the two sent are "ok" however busy the machine
    replier = LineReplier(line_stub.url, TOKEN, timeout=4.0, connections=2)
    dispatcher = ReplyDispatcher(replier, line_timeout=4.0, drain_budget=8.0, senders=2)  # room for 2 rounds of 2
    results: list[str] = []
    assert dispatcher.free_senders() == 2
    try:
        queued = answered(  # while LINE holds every reply: nothing waits on LINE
            lambda: [
                dispatcher.send(reply_token(f"token-{n}"), [to_wire(TextMessage(text="hi"))], results.append)
                for n in range(5)
            ]
        )
        assert [q is not None for q in queued] == [True] * 4 + [False]  # the fifth is refused
        wait_for(lambda: line_stub.in_flight == 2)  # two at LINE, two waiting for a sender
        dispatcher.drain(timeout=0.3)  # the shutdown ends before the last two could start
        assert sorted(results) == ["unsent", "unsent"] and dispatcher.free_senders() == 0  # two still at LINE
    finally:
        line_stub.release()
    wait_for(lambda: len(results) == 4)
    assert dispatcher.free_senders() == 2
    assert sorted(results) == ["ok", "ok", "unsent", "unsent"] and len(line_stub.replies()) == 2
    dispatcher.shutdown()  # its connections to LINE closed


def test_workers_opening_a_new_host_file_together_wait_for_each_other(tmp_path):
    """Switching a new SQLite file to WAL answers "database is locked" at once while another process holds it (the
    busy timeout does not apply): on a fresh data folder, a worker starting beside another must not fail to boot."""
    import sqlite3
    import threading

    from monsterbot.host_file import open_host_file

    path = tmp_path / "events.sqlite3"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN EXCLUSIVE")  # another worker, mid-way through its own set-up
    threading.Timer(0.3, lambda: other.execute("COMMIT")).start()
    db = open_host_file(path, 0.05, "CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY)")
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_host_file_is_never_synced_and_read_by_no_other_boot(tmp_path, monkeypatch):
    """The host's files are not synced (a killed worker loses nothing the kernel has): a file a crash of the host may
    have corrupted, written before the host last started, is started afresh; one of this boot, or from before boots
    were recorded (synced), is kept; where the boot cannot be told, the file is synced at its checkpoints."""
    from monsterbot import host_file

    boot = tmp_path / "boot_id"
    monkeypatch.setattr(host_file, "BOOT_ID", boot)
    table = "CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY)"

    def rows_after_reopening(path):
        host_file.open_host_file(path, 0.05, table).execute("INSERT INTO t VALUES (?)", (uuid.uuid4().hex,))
        db = host_file.open_host_file(path, 0.05, table)
        return db, len(db.execute("SELECT k FROM t").fetchall())

    boot.write_text("one\n")
    db, kept = rows_after_reopening(tmp_path / "events.sqlite3")
    assert kept == 1 and db.execute("PRAGMA synchronous").fetchone() == (0,)  # OFF
    assert rows_after_reopening(tmp_path / "events.sqlite3")[1] == 2  # the same boot: every row kept
    boot.write_text("two\n")
    assert rows_after_reopening(tmp_path / "events.sqlite3")[1] == 1  # another boot: afresh
    boot.unlink()
    db, kept = rows_after_reopening(tmp_path / "chats.sqlite3")
    assert kept == 1 and db.execute("PRAGMA synchronous").fetchone() == (1,)  # NORMAL
    boot.write_text("three\n")
    assert rows_after_reopening(tmp_path / "chats.sqlite3")[1] == 2  # no record: kept (it was synced)


def test_a_host_files_writers_take_turns_and_a_wait_ends_at_the_busy_timeout(tmp_path, caplog, closing):
    """Another worker's write (its hold on `<name>.lock`) is waited for, and the write done once it ends; a hold past
    the busy timeout fails the write (logged), never holds the caller longer."""
    import fcntl
    import threading

    from monsterbot.host_file import HostFile

    path = tmp_path / "chats.sqlite3"
    mine = closing(HostFile(path, 0.5, "CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY)", "a test's row"))
    other = closing((tmp_path / "chats.sqlite3.lock").open("a"))  # another worker's opening of the lock file
    fcntl.flock(other, fcntl.LOCK_EX)
    threading.Timer(0.1, fcntl.flock, (other, fcntl.LOCK_UN)).start()
    mine.write("INSERT INTO t VALUES (?)", ("waited",))
    fcntl.flock(other, fcntl.LOCK_EX)  # and now held past the busy timeout
    with caplog.at_level(logging.WARNING):
        mine.write("INSERT INTO t VALUES (?)", ("never",))
        assert not mine.write_all(("INSERT INTO t VALUES (?)", ("never",)))
    assert mine.read_one("SELECT group_concat(k) FROM t", ()) == ("waited",)
    assert caplog.text.count("a test's row not written") == 2


def test_a_host_file_used_after_close_logs_and_never_raises(tmp_path, caplog):
    """A request that finishes after its worker closed the file (a shutdown) loses its write, logged, as a failing
    file does: the request path never raises."""
    from monsterbot.host_file import HostFile

    file = HostFile(tmp_path / "chats.sqlite3", 0.5, "CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY)", "a row")
    file.close()
    file.close()  # twice: nothing to close the second time
    with caplog.at_level(logging.WARNING):
        file.write("INSERT INTO t VALUES (?)", ("late",))
        assert not file.write_all(("INSERT INTO t VALUES (?)", ("late",)))
        assert file.read_one("SELECT k FROM t", ()) is None
    assert caplog.text.count("a row not written") == 2 and "a row not read" in caplog.text


def test_a_closed_app_leaves_no_file_of_its_data_folder_open(line_stub, knowledge, tmp_path):
    """`close_app` closes the events file and the chat memory's file, their connections and their `.lock` openings: a
    process that builds apps again and again (a development server's reloads, the tests) keeps none of them open."""
    import os
    from pathlib import Path

    from monsterbot.memory.host_store import HostFileMemory
    from monsterbot.web.app import close_app, create_app

    def open_under(folder: Path) -> set[str]:
        found = set()
        for fd in Path("/proc/self/fd").iterdir():
            with contextlib.suppress(OSError):  # the listing's own descriptor, closed by now
                found.add(os.readlink(fd))
        return {name for name in found if name.startswith(str(folder))}

    memory = HostFileMemory(tmp_path / "chats.sqlite3", 600)
    app = create_app(settings_for(line_stub, data_dir=tmp_path), runtime_for(knowledge, memory=memory))
    assert {str(tmp_path / f"{name}.sqlite3.lock") for name in ("events", "chats")} <= open_under(tmp_path)
    close_app(app)
    assert open_under(tmp_path) == set()


def test_replies_sent_from_the_loop_never_leave_it(line_stub):
    """A reply sent by a webhook on the event loop is a task of that loop, and its HTTP call hands nothing to a thread
    (the SDK's own aiohttp session would, twice per reply, to read proxy variables and ~/.netrc)."""
    import asyncio
    import concurrent.futures

    from linebot.v3.messaging import TextMessage

    from monsterbot.replies.wire import to_wire
    from monsterbot.web.dispatch import ReplyDispatcher
    from monsterbot.web.line_api import LineReplier

    class NoThreads(concurrent.futures.ThreadPoolExecutor):
        def submit(self, *args, **kwargs):
            raise AssertionError("a reply handed work to a thread")

    async def main() -> list[str]:
        loop = asyncio.get_running_loop()
        loop.set_default_executor(NoThreads())
        dispatcher = ReplyDispatcher(LineReplier(line_stub.url, TOKEN, timeout=1.0, connections=2), 1.0, 2.0, 2)
        dispatcher.attach(loop)
        results: list[str] = []
        sent = [
            reply
            for n in range(4)
            if isinstance(
                reply := dispatcher.send(reply_token(f"loop-{n}"), [to_wire(TextMessage(text="hi"))], results.append),
                asyncio.Task,
            )
        ]
        assert len(sent) == 4  # each a task of the loop
        await dispatcher.settle_async(sent, loop.time())
        await dispatcher.close()
        return results

    assert asyncio.run(main()) == ["ok"] * 4
    assert len({r.peer for r in line_stub.replies()}) == 2  # two senders, each on one kept-alive connection


def test_replies_go_through_the_proxy_the_environment_names(monkeypatch):
    """Read once per connection pool (not per reply): HTTPS_PROXY for LINE's https endpoint, unless NO_PROXY names
    it."""
    from monsterbot.web.line_api import _proxy_for

    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    assert _proxy_for("https://api.line.me/v2/bot/message/reply") is None
    monkeypatch.setenv("HTTPS_PROXY", "http://user:secret@proxy.internal:3128")
    assert _proxy_for("https://api.line.me/v2/bot/message/reply") == "http://user:secret@proxy.internal:3128"
    monkeypatch.setenv("NO_PROXY", ".line.me")
    assert _proxy_for("https://api.line.me/v2/bot/message/reply") is None


class _Idle:
    """A Messaging API that takes every reply at once."""

    async def reply(self, token, messages):
        return "ok"

    async def close(self):
        pass


def test_a_reply_cancelled_before_it_started_is_reported_and_frees_its_place():
    import asyncio

    from monsterbot.web.dispatch import ReplyDispatcher

    async def main() -> None:
        dispatcher = ReplyDispatcher(_Idle(), line_timeout=1.0, drain_budget=1.0, senders=1)  # room for one reply
        dispatcher.attach(asyncio.get_running_loop())
        results: list[str] = []
        first = dispatcher.send("first", [], results.append)
        assert isinstance(first, asyncio.Task) and dispatcher.send("refused", [], results.append) is None
        first.cancel()  # before its first step: its coroutine never runs
        await asyncio.gather(first, return_exceptions=True)  # its end reported before this wait's own callback
        assert results == ["unsent"]
        second = dispatcher.send("second", [], results.append)
        assert isinstance(second, asyncio.Task) and await second == "ok"
        await dispatcher.drain_async(timeout=0.5)
        assert results == ["unsent", "ok"]

    asyncio.run(main())


def test_a_result_that_may_wait_on_the_network_is_recorded_off_the_loop():
    """With Redis on the request path, recording a reply's result (the ledger) must not hold the worker's loop."""
    import asyncio
    import threading

    from monsterbot.web.dispatch import ReplyDispatcher

    async def main() -> tuple[int, list[int]]:
        recorded = asyncio.Event()
        loop = asyncio.get_running_loop()
        threads: list[int] = []

        def done(result: str) -> None:
            threads.append(threading.get_ident())
            loop.call_soon_threadsafe(recorded.set)

        for blocking in (False, True):
            dispatcher = ReplyDispatcher(_Idle(), 1.0, 1.0, 1, blocking_done=blocking)
            dispatcher.attach(loop)
            recorded.clear()
            dispatcher.send("token", [], done)
            await asyncio.wait_for(recorded.wait(), 2)
        return threading.get_ident(), threads

    loop_thread, threads = asyncio.run(main())
    assert threads[0] == loop_thread and threads[1] != loop_thread


ALL = 64  # more owed replies than a test keeps: take them all


def _owed(event_id: str, deadline: float, sending: bool = False) -> Owed:
    return Owed(event_id, f"token-{event_id}", (to_wire(TextMessage(text=event_id)),), deadline, sending)


def _two_workers(ledger: str, tmp_path, now: list[float], closing) -> list:
    """Two workers' ledgers on one events file, or on one Redis (each with its own file standing in)."""
    if ledger == "events file":
        return [
            closing(SqliteLedger(tmp_path / "events.sqlite3", 30, clock=lambda: now[0], send_lease=4)) for _ in range(2)
        ]
    url = need_redis()
    prefix = f"monsterbot-test:{uuid.uuid4()}:"
    return [
        closing(
            RedisLedger(
                url,
                30,
                SqliteLedger(tmp_path / f"{n}.sqlite3", 30, clock=lambda: now[0]),
                prefix=prefix,
                send_lease=4,
                clock=lambda: now[0],
            )
        )
        for n in range(2)
    ]


def test_an_owed_reply_is_kept_as_its_messages_were_sent(knowledge):
    """The outbox keeps a reply's messages as their encoded bytes, joined (no card serialised again): the record is
    what `json.dumps` makes of its token, messages and deadline, and reads back to the same bytes to send."""
    from monsterbot.replies.card import weakness_card

    messages = (
        to_wire(weakness_card(knowledge.current.monsters["rathalos"], "zh-TW", "world")),
        to_wire(TextMessage(text="火龍")),
    )
    owed = Owed("e", "token-é", messages, 1765000000.25)
    record = {"token": "token-é", "messages": [m.data for m in messages], "deadline": 1765000000.25}
    assert owed.encoded() == json.dumps(record)
    assert [m.encoded for m in Owed.decoded("e", owed.encoded()).messages] == [m.encoded for m in messages]


@pytest.mark.parametrize("ledger", ["events file", "redis"])
def test_the_outbox_hands_a_gone_workers_replies_to_another_while_their_token_lasts(tmp_path, ledger, closing):
    now = [time.time()]
    first, second = _two_workers(ledger, tmp_path, now, closing)
    assert first.claim(["a", "b", "c"]) == {"a", "b", "c"}
    assert first.owe([_owed("a", now[0] + 30, sending=True), _owed("b", now[0] + 30), _owed("c", now[0] + 2)])
    taken = second.take_owed(ALL)  # b failed before the webhook responded: at once; a is on its way (sender lease)
    assert [(o.event_id, o.token, [m.data for m in o.messages]) for o in taken] == [
        ("b", "token-b", [{"type": "text", "text": "b"}]),
        ("c", "token-c", [{"type": "text", "text": "c"}]),
    ]
    assert second.take_owed(ALL) == [] and first.take_owed(ALL) == []  # leased to the second worker now
    first.answered("c")
    now[0] += 4.5  # a's sender is gone; b's new sender too
    assert sorted(o.event_id for o in second.take_owed(ALL)) == ["a", "b"]
    second.answered("a")
    second.release("b")  # LINE could not be reached: tried again after RETRY_AFTER, by anyone
    now[0] += RETRY_AFTER + 0.1
    assert [o.event_id for o in first.take_owed(ALL)] == ["b"]
    now[0] += 30  # b's token expired: never sent, never taken again
    assert first.take_owed(ALL) == [] and second.take_owed(ALL) == []
    assert first.owe([_owed("a", now[0] + 30)])  # a late record of an answered event keeps nothing
    now[0] += 5
    assert first.take_owed(ALL) == [] and first.were_answered(["a", "b", "c", "d"]) == {"a", "c"}


def test_an_answer_drops_its_owed_reply_whether_its_claim_was_kept_or_released(tmp_path, closing):
    """The events file's mark `answered` deletes the event's owed reply in the same statement, when it marks a claim
    and when it records an event whose claim was released (a reply replayed from the outbox after a failed send)."""
    now = [time.time()]
    first, second = _two_workers("events file", tmp_path, now, closing)
    assert first.claim(["kept", "released"]) == {"kept", "released"}
    assert first.owe([_owed("kept", now[0] + 30), _owed("released", now[0] + 30)])
    first.release("released")
    first.answered("kept")
    second.answered("released")
    now[0] += RETRY_AFTER + 0.1
    assert first.take_owed(ALL) == [] and second.take_owed(ALL) == []
    assert first.were_answered(["kept", "released"]) == {"kept", "released"}


@pytest.mark.parametrize("ledger", ["events file", "redis"])
def test_a_worker_takes_no_more_owed_replies_than_it_can_send_at_once(tmp_path, ledger, closing):
    """A reply taken is leased to its taker for one LINE timeout; taken beyond its free senders, it would wait past
    that lease and another worker would take and send it again."""
    now = [time.time()]
    first, second = _two_workers(ledger, tmp_path, now, closing)
    assert first.claim(["a", "b", "c"]) == {"a", "b", "c"}
    assert first.owe([_owed(event_id, now[0] + 30) for event_id in "abc"])
    assert second.take_owed(0) == []
    assert len(second.take_owed(2)) == 2
    assert len(first.take_owed(ALL)) == 1  # the third: the two taken are leased to the second worker


def test_an_event_answered_through_redis_is_skipped_while_the_hosts_file_stands_in(tmp_path, closing):
    """Redis slow or down, or no time left in a webhook's deadline: claims go to the host's file, which knows the
    events this host answered (written through), so LINE's redelivery of one is not answered twice."""
    ledger = closing(
        RedisLedger(
            need_redis(), 30, SqliteLedger(tmp_path / "e.sqlite3", 30), prefix=f"monsterbot-test:{uuid.uuid4()}:"
        )
    )
    assert ledger.claim(["a", "b"]) == {"a", "b"}
    ledger.answered("a")
    ledger.release("b")
    with deadline(time.monotonic() - 1):  # no time left for Redis: the host's file decides
        assert ledger.claim(["a", "b"]) == {"b"}
        assert ledger.were_answered(["a", "b"]) == {"a"}
