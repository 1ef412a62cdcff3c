"""Knowledge loaded once, in the gunicorn master before the fork: each worker starts from that snapshot."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from monsterbot.config import Settings
from monsterbot.core.answer import AnswerKind
from monsterbot.core.model import AILMENTS, ELEMENTS
from monsterbot.core.snapshot import Snapshot
from monsterbot.sources.yaml_files import YamlSource
from monsterbot.web.runtime import build, preload
from tests.conftest import KNOWLEDGE

_PAST = 1_700_000_000


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    folder = Path(shutil.copytree(KNOWLEDGE / "monsters", tmp_path / "knowledge"))
    for file in folder.iterdir():
        os.utime(file, (_PAST, _PAST))  # old enough to be trusted by its stamp
    return Settings(
        knowledge_paths=(folder,), data_dir=tmp_path / "data", query_log=False, memory=False, reload_interval=3600
    )


def test_a_worker_starts_from_the_preloaded_snapshot_without_loading(settings, monkeypatch):
    preloaded = preload(settings)
    assert preloaded.knowledge is not None

    def no_load(self: YamlSource) -> None:
        raise AssertionError("the worker loaded knowledge of its own")

    monkeypatch.setattr(YamlSource, "load", no_load)
    started = build(settings, preloaded=preloaded)
    try:
        assert started.ready() and started.knowledge.current is preloaded.knowledge.snapshot
        assert started.reloader is not None and started.reloader.is_alive()  # threads start in the worker
    finally:
        started.close()


def test_a_file_changed_between_preload_and_fork_is_read_at_the_first_check(settings):
    preloaded = preload(settings)
    assert preloaded.knowledge is not None
    before = preloaded.knowledge.snapshot.version
    rathalos = settings.knowledge_paths[0] / "rathalos.yaml"
    rathalos.write_text(rathalos.read_text("utf-8").replace("fire: 0", "fire: 1", 1))
    os.utime(rathalos, (_PAST + 6, _PAST + 6))
    started = build(settings, preloaded=preloaded)
    try:
        assert started.knowledge.current.version == before
        assert started.reloader is not None and isinstance(started.source, YamlSource)
        started.reloader.check()
        fresh = Snapshot.build(YamlSource(settings.knowledge_paths).load())
        assert started.knowledge.current.version == fresh.version != before
        assert started.source.files_read == 1  # the master's reads are the worker's too
    finally:
        started.close()


def test_other_settings_or_the_store_are_not_served_by_the_preload(settings, tmp_path):
    preloaded = preload(settings)
    assert preloaded.knowledge is not None
    other = replace(settings, knowledge_paths=(KNOWLEDGE,))
    started = build(other, watch=False, preloaded=preloaded)
    assert started.knowledge.current is not preloaded.knowledge.snapshot
    store = replace(settings, source="store", database_url=f"sqlite:///{tmp_path / 'store.db'}")
    assert preload(store).knowledge is None


def test_a_worker_is_handed_the_preload_by_gunicorns_config_not_a_module_global(settings, monkeypatch):
    """gunicorn_conf's on_starting preloads in the master and makes each worker's app from it: the application's
    `load` (what a worker calls after the fork) builds the Procfile's app with the master's preload."""
    import gc
    import importlib
    import sys
    import types

    from monsterbot.web import runtime
    from monsterbot.web.app import close_app

    environment = {
        "MONSTERBOT_KNOWLEDGE": str(settings.knowledge_paths[0]),
        "MONSTERBOT_DATA_DIR": str(settings.data_dir),
        "MONSTERBOT_QUERY_LOG": "off",
        "MONSTERBOT_MEMORY": "off",
        "MONSTERBOT_LOG_FORMAT": "text",
        "PROMETHEUS_MULTIPROC_DIR": str(settings.data_dir / "metrics"),  # the config sets it: put back at the end
        "LINE_CHANNEL_SECRET": "s",
        "LINE_CHANNEL_ACCESS_TOKEN": "t",
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delitem(sys.modules, "monsterbot.web.gunicorn_conf", raising=False)  # read with this environment
    conf = importlib.import_module("monsterbot.web.gunicorn_conf")
    server = types.SimpleNamespace(app=types.SimpleNamespace(app_uri="monsterbot.web.app:create_app()"))
    conf.on_starting(server)  # in the master, before the fork
    assert gc.isenabled() and gc.get_freeze_count() > 0  # what it made is frozen, and the collector back on
    gc.unfreeze()  # this is the test process, not a master about to fork
    assert not any(isinstance(value, runtime.Preloaded) for value in vars(runtime).values())

    def no_load(self: YamlSource) -> None:
        raise AssertionError("the worker loaded knowledge of its own")

    monkeypatch.setattr(YamlSource, "load", no_load)
    app = server.app.load()  # in a worker, after the fork
    try:
        assert app.extensions["monsterbot"]["runtime"].ready()
    finally:
        close_app(app)


def test_the_preload_ranks_every_topic_once_for_the_workers_and_draws_no_page(settings):
    """The rankings walk every monster (tens of MB at 10,000): made in the master, shared; a page of one is a small
    card, drawn only in a worker asked for it, after the first answer rather than before."""
    preloaded = preload(settings)
    assert preloaded.knowledge is not None
    memo = preloaded.knowledge.snapshot.memo
    rankings = {key[1] for key in memo if isinstance(key, tuple) and key[0] == "ranking"}
    assert rankings == {*ELEMENTS, *AILMENTS}
    drawn = [key for key in memo if isinstance(key, tuple) and key[0] == "reply" and key[1] is AnswerKind.REVERSE]
    assert drawn == []
