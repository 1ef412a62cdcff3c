"""The Procfile's processes for real: gunicorn on a port, signed webhooks in, replies to the stand-in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from monsterbot.devtools.webprocess import WebProcess, event_body, post, procfile_command
from tests.conftest import payload, text_event, wait_for


@pytest.fixture()
def served(line_stub):
    web = WebProcess.start(line_stub.url, workers=2)
    yield web
    assert web.stop() == 0  # gunicorn drains and exits cleanly on SIGTERM


def test_procfile_web_process_answers_signed_webhooks(served, line_stub):
    internal, served = served.internal_url, served.url
    queries = {"火龍": "Rathalos", "火龙": "Rathalos", "rathlos": "Rathalos", "リオレウス": "Rathalos",
               "雌火龍": "Rathian", "rathalos weakness?": "Rathalos"}
    for count, (query, english) in enumerate(queries.items(), 1):
        assert post(served, event_body(query, count))[0] == 200
        wait_for(lambda expected=count: len(line_stub.replies()) == expected)
        message = line_stub.replies()[-1].body["messages"][0]
        assert message["type"] == "flex" and english in message["altText"], query
    assert post(served, json.dumps(payload(text_event("火龍"))).encode(), signed=False)[0] == 400
    assert post(served, b"{not json")[0] == 400
    assert len(line_stub.replies()) == len(queries)
    internal_host = {"Host": f"127.0.0.1:{internal.rsplit(':', 1)[1]}"}  # a header cannot reach the internal routes
    with pytest.raises(urllib.error.HTTPError, match="404"):  # not on the public port
        urllib.request.urlopen(urllib.request.Request(served + "/metrics", headers=internal_host), timeout=5)
    with urllib.request.urlopen(urllib.request.Request(served + "/readyz", headers=internal_host), timeout=5) as response:
        assert json.load(response) == {"ready": True}
    with urllib.request.urlopen(internal + "/metrics", timeout=5) as response:
        exposition = response.read().decode()
    # figures of both workers are summed
    assert f'monsterbot_events_total{{outcome="match"}} {float(len(queries))}' in exposition
    assert 'monsterbot_webhook_requests_total{result="invalid_signature"} 1.0' in exposition
    assert "monsterbot_knowledge_last_reload_ok 1.0" in exposition


def test_procfile_operator_process_exists():
    path = os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"]
    done = subprocess.run(procfile_command("operator") + ["--help"], capture_output=True, text=True,
                          env=dict(os.environ, PATH=path))
    assert done.returncode == 0 and "--no-leader-election" in done.stdout


def test_short_soak_has_no_errors_and_flat_memory():
    from monsterbot.devtools.soak import soak

    assert soak(seconds=4, rate=30, max_growth_mb=16) == 0


def test_sigterm_drains_replies_in_flight(line_stub):
    line_stub.delay = 1.5  # a slow Messaging API: the reply is still in flight when SIGTERM comes
    web = WebProcess.start(line_stub.url, workers=1)
    try:
        status, _ = post(web.url, event_body("火龍", 1))
        assert status == 200
        wait_for(lambda: len(line_stub.replies()) == 1)  # the reply has left, its answer has not come back
    finally:
        code = web.stop()
    assert code == 0
    log = web.log.read_text()
    assert "answered" in log and '"delivery": "ok"' in log  # the worker waited for LINE's answer before exiting
    assert "soak-secret" not in log and "soak-token" not in log  # secrets never reach the logs
