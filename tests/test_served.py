"""The Procfile's processes for real: gunicorn on a port, signed webhooks in, replies to the stand-in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from functools import partial
from pathlib import Path

import pytest

from monsterbot_devtools.line_standin import LineStandIn
from monsterbot_devtools.webprocess import WebProcess, event_body, post, procfile_command
from tests.conftest import payload, text_event, wait_for


def _replied(line: LineStandIn, count: int) -> bool:
    """Whether LINE's stand-in took `count` replies (a `wait_for` condition)."""
    return len(line.replies()) == count


@pytest.fixture()
def served(line_stub):
    web = WebProcess.start(line_stub.url, workers=2)
    yield web
    assert web.stop() == 0  # gunicorn drains and exits cleanly on SIGTERM


def test_procfile_web_process_answers_signed_webhooks(served, line_stub):
    internal, served = served.internal_url, served.url
    queries = {
        "火龍": "Rathalos",
        "火龙": "Rathalos",
        "rathlos": "Rathalos",
        "リオレウス": "Rathalos",
        "雌火龍": "Rathian",
        "rathalos weakness?": "Rathalos",
    }
    for count, (query, english) in enumerate(queries.items(), 1):
        assert post(served, event_body(query, count))[0] == 200
        wait_for(partial(_replied, line_stub, count))
        message = line_stub.replies()[-1].body["messages"][0]
        assert message["type"] == "flex" and english in message["altText"], query
    assert post(served, json.dumps(payload(text_event("火龍"))).encode(), signed=False)[0] == 400
    assert post(served, b"{not json")[0] == 400
    assert len(line_stub.replies()) == len(queries)
    internal_host = {"Host": f"127.0.0.1:{internal.rsplit(':', 1)[1]}"}  # a header cannot reach the internal routes
    with pytest.raises(urllib.error.HTTPError, match="404"):  # not on the public port
        urllib.request.urlopen(urllib.request.Request(served + "/metrics", headers=internal_host), timeout=5)
    with urllib.request.urlopen(
        urllib.request.Request(served + "/readyz", headers=internal_host), timeout=5
    ) as response:
        assert json.load(response) == {"ready": True}
    with urllib.request.urlopen(internal + "/metrics", timeout=5) as response:
        exposition = response.read().decode()
    # figures of both workers are summed
    assert f'monsterbot_events_total{{outcome="match"}} {float(len(queries))}' in exposition
    assert 'monsterbot_webhook_requests_total{result="invalid_signature"} 1.0' in exposition
    assert "monsterbot_knowledge_last_reload_ok 1.0" in exposition
    port = int(internal.rsplit(":", 1)[1])
    assert _listening(port) == {"127.0.0.1"}  # the internal port: this host only (MONSTERBOT_INTERNAL_HOST)


def _listening(port: int) -> set[str]:
    """The addresses a TCP port listens on (IPv4, from /proc/net/tcp)."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, hex_port = local.split(":")
        if state == "0A" and int(hex_port, 16) == port:
            found.add(".".join(str(int(address[i : i + 2], 16)) for i in (6, 4, 2, 0)))
    return found


def test_procfile_operator_process_exists():
    path = os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"]
    done = subprocess.run(
        procfile_command("operator") + ["--help"], capture_output=True, text=True, env=dict(os.environ, PATH=path)
    )
    assert done.returncode == 0 and "--no-leader-election" in done.stdout


def test_short_soak_has_no_errors_and_flat_memory():
    from monsterbot_devtools.soak import soak

    assert soak(seconds=4, rate=30, max_growth_mb=16) == 0


def test_sigterm_drains_replies_in_flight(line_stub, tmp_path):
    line_stub.delay = 1.5  # a slow Messaging API: the reply is still in flight when SIGTERM comes
    temporary = tmp_path / "tmp"  # the process's temporary folder: empty again once it has stopped
    temporary.mkdir()
    web = WebProcess.start(line_stub.url, workers=1, extra_env={"TMPDIR": str(temporary)})
    try:
        status, _ = post(web.url, event_body("火龍", 1))
        assert status == 200
        wait_for(lambda: len(line_stub.replies()) == 1)  # the reply has left, its answer has not come back
    finally:
        code = web.stop()
    assert code == 0 and list(temporary.iterdir()) == []  # the metrics folder gunicorn_conf made is gone
    log = web.log.read_text()
    assert "answered" in log and '"delivery": "ok"' in log  # the worker waited for LINE's answer before exiting
    assert "soak-secret" not in log and "soak-token" not in log  # secrets never reach the logs


def test_served_replies_meet_lines_rules_and_an_oversize_chunked_body_is_413(served, line_stub, knowledge):
    served = served.url
    """gunicorn end to end: the longest hitzone table in knowledge/ and comparisons reach the strict stand-in
    intact; a chunked body over the limit is refused with 413 (one gunicorn start for both: they are slow)."""
    monsters = knowledge.current.monsters.values()
    longest = max(monsters, key=lambda m: max((len(f.hitzones) for f in m.games.values()), default=0))
    queries = [
        "火龍 肉質",
        f"{longest.names['en']} hitzones",
        f"{longest.names['zh-TW']} 肉質",
        "火龍 vs 雌火龍",
        "rathalos vs rathian",
    ]
    for count, query in enumerate(queries, 1):
        assert post(served, event_body(query, 1000 + count))[0] == 200
        wait_for(partial(_replied, line_stub, count))
    replies = line_stub.replies()
    assert [r.status for r in replies] == [200] * len(queries) and line_stub.rejected == []
    messages = [r.body["messages"][0] for r in replies]
    assert all(m["type"] == "flex" for m in messages)
    assert longest.names["en"] in messages[1]["altText"] and "Rathian" in messages[4]["altText"]
    assert _post_chunked(served, event_body("火龍", 1) + b" " * 1_100_000) == 413  # over the default 1 MB
    assert _post_chunked(served, event_body("火龍", 2)) == 200


def _post_chunked(url: str, body: bytes) -> int:
    import http.client
    from urllib.parse import urlsplit

    from monsterbot_devtools.webprocess import sign

    connection = http.client.HTTPConnection(urlsplit(url).netloc, timeout=20)
    connection.putrequest("POST", "/callback")
    connection.putheader("Transfer-Encoding", "chunked")
    connection.putheader("X-Line-Signature", sign(body))
    connection.endheaders()
    try:
        for start in range(0, len(body), 65536):
            chunk = body[start : start + 65536]
            connection.send(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        connection.send(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server may answer 413 and close before the whole body is sent
    status = connection.getresponse().status
    connection.close()
    return status


def test_the_200_waits_for_the_reply_on_the_event_loop_and_never_holds_other_webhooks(line_stub):
    """The webhook runs on the worker's event loop; its wait for the reply is awaited, not slept: eight webhooks whose
    replies LINE holds all reach LINE from one worker while every one of them waits, and each 200 follows its reply.
    Driven by events, not clocks: LINE answers when the test releases it, and the hold is longer than the test."""
    from concurrent.futures import ThreadPoolExecutor

    web = WebProcess.start(line_stub.url, workers=1, extra_env={"MONSTERBOT_REPLY_HOLD": "60"})
    line_stub.hold()
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            posts = [pool.submit(post, web.url, event_body("火龍", 10 + n)) for n in range(8)]
            wait_for(lambda: len(line_stub.replies()) == 8, timeout=30)  # the loop served all eight meanwhile
            assert not any(p.done() for p in posts)  # and no 200 went before LINE had answered its reply
            line_stub.release()
            assert [p.result()[0] for p in posts] == [200] * 8
    finally:
        line_stub.release()
        assert web.stop() == 0


def test_only_an_app_that_says_so_runs_its_webhook_on_the_loop(line_stub, knowledge):
    """The benchmark's echo example calls LINE in its handler: on the loop it would stall every other request."""
    from flask import Flask

    from tests.conftest import app_for, runtime_for, settings_for

    def loop_webhook(app: Flask) -> object:  # what gunicorn_conf's post_worker_init hands to the loop
        return app.extensions.get("monsterbot", {}).get("loop_webhook")

    assert loop_webhook(app_for(settings_for(line_stub), runtime_for(knowledge))) is not None
    assert loop_webhook(Flask("echo")) is None
    # Redis or a database server on the request path: a slow one must hold one request, not the worker's loop
    networked = settings_for(line_stub, redis_url="redis://127.0.0.1:1/0")
    assert loop_webhook(app_for(networked, runtime_for(knowledge))) is None
