"""The Procfile's web process loads the knowledge once, in the gunicorn master, and its workers share it."""

from __future__ import annotations

import json
import os
from pathlib import Path

from monsterbot.sources.compiled import CACHE_FILE
from monsterbot_devtools.webprocess import WebProcess, event_body, post
from tests.conftest import wait_for


def _messages(web: WebProcess) -> list[str]:
    return [json.loads(line)["message"] for line in web.log.read_text().splitlines() if line.startswith("{")]


def test_the_master_loads_the_knowledge_once_and_the_workers_answer_from_it(line_stub):
    web = WebProcess.start(line_stub.url, workers=2)
    try:
        master = web.process.pid
        wait_for(lambda: len(web.workers()) == 2)  # its workers (the store's migration, at the lowest priority, may
        # still run on a busy machine: it is no worker)
        threads = {
            t: Path(f"/proc/{master}/task/{t}/comm").read_text().strip() for t in os.listdir(f"/proc/{master}/task")
        }
        assert list(threads) == [str(master)], threads  # no thread in the master
        assert post(web.url, event_body("火龍", 1))[0] == 200
        wait_for(lambda: len(line_stub.replies()) == 1)
        assert "Rathalos" in line_stub.replies()[0].body["messages"][0]["altText"]

        def loads() -> list[str]:
            return [m for m in _messages(web) if m.startswith("knowledge version")]

        # each worker adopts it (the second may still be starting when the first answers)
        wait_for(lambda: len([m for m in loads() if m.endswith("loaded before the fork")]) == 2)
        assert len(loads()) == 3, loads()  # one load, the master's
        assert (Path(web.env["MONSTERBOT_DATA_DIR"]) / CACHE_FILE).is_file()  # compiled for the next start
    finally:
        assert web.stop() == 0
