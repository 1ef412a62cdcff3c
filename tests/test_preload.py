"""Knowledge loaded once, in the gunicorn master before the fork: each worker starts from that snapshot."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from monsterbot.config import Settings
from monsterbot.core.snapshot import Snapshot
from monsterbot.sources.yaml_files import YamlSource
from monsterbot.web import runtime
from monsterbot.web.runtime import build, preload
from tests.conftest import KNOWLEDGE

_PAST = 1_700_000_000


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setattr(runtime, "_preloaded", None)
    folder = Path(shutil.copytree(KNOWLEDGE / "monsters", tmp_path / "knowledge"))
    for file in folder.iterdir():
        os.utime(file, (_PAST, _PAST))  # old enough to be trusted by its stamp
    return Settings(
        knowledge_paths=(folder,), data_dir=tmp_path / "data", query_log=False, memory=False, reload_interval=3600
    )


def test_a_worker_starts_from_the_preloaded_snapshot_without_loading(settings, monkeypatch):
    assert preload(settings)
    preloaded = runtime._preloaded
    assert preloaded is not None

    def no_load(self: YamlSource) -> None:
        raise AssertionError("the worker loaded knowledge of its own")

    monkeypatch.setattr(YamlSource, "load", no_load)
    started = build(settings)
    try:
        assert started.ready() and started.knowledge.current is preloaded.snapshot
        assert started.reloader is not None and started.reloader.is_alive()  # threads start in the worker
    finally:
        started.close()


def test_a_file_changed_between_preload_and_fork_is_read_at_the_first_check(settings):
    assert preload(settings)
    before = runtime._preloaded.snapshot.version
    rathalos = settings.knowledge_paths[0] / "rathalos.yaml"
    rathalos.write_text(rathalos.read_text("utf-8").replace("fire: 0", "fire: 1", 1))
    os.utime(rathalos, (_PAST + 6, _PAST + 6))
    started = build(settings)
    try:
        assert started.knowledge.current.version == before
        started.reloader.check()
        fresh = Snapshot.build(YamlSource(settings.knowledge_paths).load())
        assert started.knowledge.current.version == fresh.version != before
        assert started.source.files_read == 1  # the master's reads are the worker's too
    finally:
        started.close()


def test_other_settings_or_the_store_are_not_served_by_the_preload(settings, tmp_path):
    assert preload(settings)
    other = replace(settings, knowledge_paths=(KNOWLEDGE,))
    started = build(other, watch=False)
    assert started.knowledge.current is not runtime._preloaded.snapshot
    runtime._preloaded = None
    assert not preload(replace(settings, source="store", database_url=f"sqlite:///{tmp_path / 'store.db'}"))
    assert runtime._preloaded is None
