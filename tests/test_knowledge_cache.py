"""The compiled knowledge cache: a start reads no YAML when nothing changed, and never gets another result for it."""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import shutil
from importlib import resources
from pathlib import Path

import pytest

from monsterbot.cli import main
from monsterbot.core.snapshot import Snapshot
from monsterbot.knowledge.problems import KnowledgeError
from monsterbot.sources import compiled
from monsterbot.sources.compiled import CACHE_FILE, FORMAT, KnowledgeCache
from monsterbot.sources.live import LiveKnowledge
from monsterbot.sources.yaml_files import YamlSource
from tests.conftest import KNOWLEDGE
from tests.test_knowledge import configmap_volume
from tests.test_scale import matcher_state

_PAST = 1_700_000_000  # files dated long ago are trusted by their stamp (see yaml_files.RACY_NS)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = Path(shutil.copytree(KNOWLEDGE / "monsters", tmp_path / "knowledge"))
    for file in copy.iterdir():
        os.utime(file, (_PAST, _PAST))
    return copy


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def start(folder: Path, data: Path) -> tuple[YamlSource, LiveKnowledge]:
    """What a new process does: a source with the cache, and its first snapshot."""
    source = YamlSource([folder], KnowledgeCache(data))
    live = LiveKnowledge(source.load, seed=source.compiled_index)
    live.reload(strict=True)
    return source, live


def assert_as_without_cache(live: LiveKnowledge, folder: Path) -> None:
    fresh = Snapshot.build(YamlSource([folder]).load())
    current = live.current
    assert current.version == fresh.version
    assert current.monsters == fresh.monsters and list(current.monsters) == list(fresh.monsters)
    assert current.digests == fresh.digests
    assert matcher_state(current.matcher) == matcher_state(fresh.matcher)


def problems(folder: Path, data: Path | None) -> list[str]:
    source = YamlSource([folder], KnowledgeCache(data) if data else None)
    with pytest.raises(KnowledgeError) as caught:
        source.load()
    return [str(p) for p in caught.value.problems]


def edit(file: Path, text: str, when: int = _PAST + 10) -> None:
    file.write_text(text, encoding="utf-8")
    os.utime(file, (when, when))


def test_a_warm_start_parses_no_yaml_and_equals_a_load_without_cache(folder, data):
    files = len(list(folder.iterdir()))
    cold, live = start(folder, data)
    assert cold.files_read == files and (data / CACHE_FILE).is_file()
    assert_as_without_cache(live, folder)
    warm, live = start(folder, data)
    assert warm.files_read == 0
    assert_as_without_cache(live, folder)


def test_a_changed_file_is_parsed_again_and_its_problems_are_where_they_stand(folder, data):
    start(folder, data)
    rathalos = folder / "rathalos.yaml"
    text = rathalos.read_text("utf-8")
    edit(rathalos, text.replace("source: mhworlddata", "source: mhworlddata  # checked", 1))
    source, live = start(folder, data)
    assert source.files_read == 1
    assert_as_without_cache(live, folder)
    edit(rathalos, text.replace("fire: 0", "fire: 7", 1))  # a schema error in the changed file
    # a name the (cached) rathian already holds: the error points into rathian.yaml, read from the cache
    edit(
        folder / "zz-newcomer.yaml",
        "id: zz-newcomer\nnames: {en: ZZ Newcomer}\naliases: {zh-TW: [雌火龍]}\n"
        "games: {world: {source: mhworlddata}}\n",
    )
    expected = problems(folder, None)
    assert any("rathalos.yaml" in p and "fire must be 0–3" in p for p in expected)
    assert any("rathian.yaml" in p and "also a name of" in p for p in expected)
    assert problems(folder, data) == expected


def test_a_file_rewritten_with_the_same_content_is_not_parsed_and_its_new_stamp_is_kept(folder, data, monkeypatch):
    start(folder, data)
    for file in folder.iterdir():  # new stamps (as on another host), the same content
        edit(file, file.read_text("utf-8"), _PAST + 20)
    source, live = start(folder, data)
    assert source.files_read == 0
    assert_as_without_cache(live, folder)

    def unread(file: str) -> str:
        raise AssertionError(f"{file} was read although its stamp is the cached one")

    monkeypatch.setattr("monsterbot.sources.yaml_files.file_text", unread)
    source, live = start(folder, data)
    assert source.files_read == 0 and len(live.current.monsters) == len(list(folder.iterdir()))


def test_a_deleted_file_takes_its_monsters_with_it(folder, data):
    start(folder, data)
    (folder / "rathalos.yaml").unlink()
    source, live = start(folder, data)
    assert source.files_read == 0 and "rathalos" not in live.current.monsters
    assert_as_without_cache(live, folder)


class _Marker:
    """A pickle that would run code if it were trusted."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.path}",)


def _damage(kind: str, blob: bytes, marker: Path) -> bytes:
    head = len(FORMAT) + 64
    if kind == "truncated":
        return blob[: len(blob) // 2]
    if kind == "flipped byte":
        return blob[:-100] + bytes([blob[-100] ^ 1]) + blob[-99:]
    if kind == "garbage":
        return os.urandom(len(blob))
    body = pickle.dumps(({"x": _Marker(marker)}, None) if kind == "code in it" else ["not", "a", "cache"])
    return (
        blob[: head - 32] + hashlib.sha256(body).digest() + body
    )  # a right header and digest: only its content is wrong


@pytest.mark.parametrize("kind", ["truncated", "flipped byte", "garbage", "code in it", "another shape"])
def test_a_damaged_or_foreign_cache_is_ignored_and_rewritten(folder, data, tmp_path, kind, caplog):
    files = len(list(folder.iterdir()))
    start(folder, data)
    cache = data / CACHE_FILE
    marker = tmp_path / "ran"
    cache.write_bytes(_damage(kind, cache.read_bytes(), marker))
    with caplog.at_level(logging.WARNING, "monsterbot.sources.compiled"):
        source, live = start(folder, data)
    assert source.files_read == files and not marker.exists()
    assert "ignoring it" in caplog.text
    assert_as_without_cache(live, folder)
    assert start(folder, data)[0].files_read == 0  # rewritten whole


def test_a_cache_written_by_other_code_is_rebuilt(folder, data, monkeypatch):
    files = len(list(folder.iterdir()))
    start(folder, data)
    monkeypatch.setattr(compiled, "code_tag", lambda: bytes(32))  # as if the reader or the folding had changed
    assert start(folder, data)[0].files_read == files
    assert start(folder, data)[0].files_read == 0
    monkeypatch.undo()
    assert start(folder, data)[0].files_read == files


def test_the_code_tag_covers_the_name_folding_and_the_schema():
    assert compiled.code_tag() == compiled.code_tag()
    covered = {
        file.name for package in compiled._CODE_PACKAGES for file in Path(str(resources.files(package))).rglob("*")
    }
    assert {"normalize.py", "matcher.py", "everyday_words.txt", "records.py", "monster.schema.json"} <= covered


def test_a_data_folder_that_cannot_be_written_costs_only_the_cache(folder, tmp_path, caplog):
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    with caplog.at_level(logging.WARNING, "monsterbot.sources.compiled"):
        source, live = start(folder, blocked / "data")
    assert source.files_read == len(list(folder.iterdir())) and "cannot write the knowledge cache" in caplog.text
    assert_as_without_cache(live, folder)


def test_monsterbot_compile_writes_the_cache_a_start_then_uses(folder, data, monkeypatch, capsys):
    monkeypatch.setenv("MONSTERBOT_DATA_DIR", str(data))
    assert main(["compile", str(folder)]) == 0
    assert "156 monsters" in capsys.readouterr().err
    assert start(folder, data)[0].files_read == 0
    rathalos = folder / "rathalos.yaml"
    edit(rathalos, rathalos.read_text("utf-8").replace("fire: 0", "fire: 7", 1))
    before = (data / CACHE_FILE).read_bytes()
    assert main(["compile", str(folder)]) == 2
    assert "fire must be 0–3" in capsys.readouterr().err
    assert (data / CACHE_FILE).read_bytes() == before  # knowledge with errors is never written


def compile_image(folder: Path, image: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """What the Dockerfile does: `monsterbot compile --into`; the cache file the image names."""
    assert main(["compile", str(folder), "--into", str(image)]) == 0
    capsys.readouterr()
    return image / CACHE_FILE


def start_on_a_new_volume(knowledge: Path, cache: Path, volume: Path) -> tuple[YamlSource, LiveKnowledge]:
    """A pod's start as the image configures it (MONSTERBOT_COMPILED_KNOWLEDGE) on an empty data folder."""
    from monsterbot.config import Settings
    from monsterbot.sources import yaml_source

    env = {
        "MONSTERBOT_KNOWLEDGE": str(knowledge),
        "MONSTERBOT_DATA_DIR": str(volume),
        "MONSTERBOT_COMPILED_KNOWLEDGE": str(cache),
    }
    source = yaml_source(Settings.from_env(env, require_line=False))
    live = LiveKnowledge(source.load, seed=source.compiled_index)
    live.reload(strict=True)
    return source, live


def test_a_pod_on_a_new_volume_starts_from_the_image_cache_then_keeps_its_own(folder, tmp_path, monkeypatch, capsys):
    """The Dockerfile compiles into the image (MONSTERBOT_COMPILED_KNOWLEDGE); the chart's emptyDir on the data folder
    starts empty: a start reads the image's cache and parses no YAML (the data folder gets a cache of its own once the
    knowledge changes)."""
    cache = compile_image(folder, tmp_path / "image", capsys)
    assert cache.stat().st_mode & 0o777 == 0o644  # a pod under another UID reads it too
    source, live = start_on_a_new_volume(folder, cache, tmp_path / "volume")
    assert source.files_read == 0 and len(live.current.monsters) == 156
    assert not (
        tmp_path / "volume" / CACHE_FILE
    ).exists()  # nothing changed: the image's cache serves the next start too
    assert_as_without_cache(live, folder)


def test_a_start_from_the_image_cache_reads_the_item_index_built_at_compile(folder, tmp_path, monkeypatch, capsys):
    """Every first answer reads the item index (~50 ms to build at the real roster): the image's cache holds it, and a
    start on a new volume builds none; what answers add to a snapshot's memo never goes into the cache."""
    from monsterbot.core.matching import items

    cache = compile_image(folder, tmp_path / "image", capsys)
    built = items.ItemIndex(())

    def no_build(self: items.ItemIndex, monsters: object) -> None:
        raise AssertionError("the item index was built at the start")

    monkeypatch.setattr(items.ItemIndex, "__init__", no_build)
    _, live = start_on_a_new_volume(folder, cache, tmp_path / "volume")
    assert live.current.items.by_key["rathalosruby"] == "Rathalos Ruby"
    live.current.remember(("reply", "anything"), lambda: built)
    assert list(live.current.compiled().memo) == [("item index",)]


def test_monsterbot_compile_writes_its_cache_even_where_the_image_names_one(folder, tmp_path, monkeypatch, capsys):
    """In the image MONSTERBOT_COMPILED_KNOWLEDGE is always set: a compile must still check the YAML and write."""
    shipped = tmp_path / "shipped"
    assert main(["compile", str(folder), "--into", str(shipped)]) == 0
    monkeypatch.setenv("MONSTERBOT_COMPILED_KNOWLEDGE", str(shipped / CACHE_FILE))
    assert main(["compile", str(folder), "--into", str(tmp_path / "elsewhere")]) == 0
    capsys.readouterr()
    assert (tmp_path / "elsewhere" / CACHE_FILE).exists()


def test_the_image_cache_serves_the_same_files_mounted_elsewhere(folder, tmp_path, capsys):
    """The chart mounts the knowledge ConfigMap at /etc/monsterbot/knowledge (one flat folder of links into a hidden
    one) while the image compiled /app/knowledge/monsters: files are found by content, parse no YAML, and name the
    files they were read from."""
    cache = compile_image(folder, tmp_path / "image", capsys)
    mounted = tmp_path / "etc" / "knowledge"
    configmap_volume(mounted, {f.name: f.read_text("utf-8") for f in sorted(folder.iterdir())}, "2026_11_28_10_00_00.1")
    source, live = start_on_a_new_volume(mounted, cache, tmp_path / "volume")
    assert source.files_read == 0 and len(live.current.monsters) == 156
    assert {Path(m.origin).parent for m in live.current.monsters.values()} == {mounted}
    assert_as_without_cache(live, mounted)
    # an edit there is parsed, and its problem is told at its own path
    rathalos = mounted / "rathalos.yaml"
    edit(rathalos, rathalos.read_text("utf-8").replace("id: rathalos", "id: [rathalos"))
    assert any(p.startswith(f"{rathalos}:") for p in problems(mounted, tmp_path / "volume"))
