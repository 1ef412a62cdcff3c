"""The Procfile's web process for real: gunicorn on a port, signed webhooks in, replies to the stand-in."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request

import pytest

from tests.conftest import REPO, SECRET, TOKEN, payload, sign, text_event, wait_for


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _procfile(process: str) -> str:
    line = next(l for l in (REPO / "Procfile").read_text().splitlines() if l.startswith(f"{process}:"))
    return line.split(":", 1)[1].strip()


@pytest.fixture()
def served(line_stub, tmp_path):
    port = _free_port()
    env = dict(os.environ, PORT=str(port), LINE_CHANNEL_SECRET=SECRET, LINE_CHANNEL_ACCESS_TOKEN=TOKEN,
               LINE_API_ENDPOINT=line_stub.url, WEB_CONCURRENCY="2", MONSTERBOT_DATA_DIR=str(tmp_path / "data"))
    bin_dir = os.path.dirname(os.sys.executable)
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    log = (tmp_path / "web.log").open("w+")
    process = subprocess.Popen("exec " + _procfile("web"), shell=True, cwd=REPO, env=env,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/readyz", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                out = (tmp_path / "web.log").read_text(errors="replace")
                pytest.fail(f"web process did not become ready:\n{out[-3000:]}")
            time.sleep(0.2)
    yield base
    os.killpg(process.pid, signal.SIGTERM)
    assert process.wait(timeout=40) == 0  # gunicorn drains and exits cleanly on SIGTERM
    log.close()


def _post(base: str, body: bytes, signature: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if signature:
        headers["X-Line-Signature"] = signature
    request = urllib.request.Request(base + "/callback", data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_procfile_web_process_answers_signed_webhooks(served, line_stub):
    queries = {"火龍": "Rathalos", "火龙": "Rathalos", "rathlos": "Rathalos", "リオレウス": "Rathalos",
               "雌火龍": "Rathian", "rathalos weakness?": "Rathalos"}
    for count, (query, english) in enumerate(queries.items(), 1):
        body = json.dumps(payload(text_event(query))).encode()
        assert _post(served, body, sign(body)) == 200
        wait_for(lambda expected=count: len(line_stub.replies()) == expected)
        message = line_stub.replies()[-1].body["messages"][0]
        assert message["type"] == "flex" and english in message["altText"], query
    body = json.dumps(payload(text_event("火龍"))).encode()
    assert _post(served, body, None) == 400
    assert _post(served, b"{not json", sign(b"{not json")) == 400
    assert len(line_stub.replies()) == len(queries)
    with urllib.request.urlopen(served + "/metrics", timeout=5) as response:
        exposition = response.read().decode()
    # figures of both workers are summed
    assert f'monsterbot_events_total{{outcome="match"}} {float(len(queries))}' in exposition
    assert 'monsterbot_webhook_requests_total{result="invalid_signature"} 1.0' in exposition
    assert "monsterbot_knowledge_last_reload_ok 1.0" in exposition


def test_procfile_operator_process_exists():
    done = subprocess.run(_procfile("operator").split() + ["--help"], capture_output=True, text=True,
                          env=dict(os.environ, PATH=os.path.dirname(os.sys.executable) + os.pathsep + os.environ["PATH"]))
    assert done.returncode == 0 and "--no-leader-election" in done.stdout


def test_short_soak_has_no_errors_and_flat_memory():
    from monsterbot.devtools.soak import soak

    assert soak(seconds=4, rate=30, max_growth_mb=16) == 0


def test_sigterm_drains_replies_in_flight(line_stub):
    from monsterbot.devtools.soak import WebProcess, post, signed_event

    line_stub.delay = 1.5  # a slow Messaging API: the reply is still in flight when SIGTERM comes
    web = WebProcess.start(line_stub.url, workers=1)
    try:
        status, _ = post(web.url, signed_event("火龍", 1))
        assert status == 200
        wait_for(lambda: len(line_stub.replies()) == 1)  # the reply has left, its answer has not come back
    finally:
        code = web.stop()
    assert code == 0
    log = web.log.read_text()
    assert "answered" in log and '"delivery": "ok"' in log  # the worker waited for LINE's answer before exiting
    assert "soak-secret" not in log and "soak-token" not in log  # secrets never reach the logs
