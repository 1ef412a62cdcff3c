"""Reloading thousands of records: only what changed is read again, and the result is a full load's.

Counts of files read, not timings, are asserted (the figures are in BENCHMARKS.md).
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from monsterbot.core.matching.matcher import Matcher
from monsterbot.core.snapshot import Snapshot
from monsterbot.knowledge.files import yaml_files
from monsterbot.sources.live import LiveKnowledge
from monsterbot.sources.yaml_files import YamlSource
from monsterbot_devtools.bench import write_synthetic_knowledge
from tests.conftest import matched

RECORDS = 2_000
_PAST = time.time() - 3600


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic") / "knowledge"
    write_synthetic_knowledge(folder, RECORDS)
    for file in folder.iterdir():
        os.utime(file, (_PAST, _PAST))  # old enough to be trusted by its stamp (see RACY_NS)
    return folder


@pytest.fixture
def folder(written: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(written, tmp_path / "knowledge"))  # copy2 keeps the old mtimes


_edits = [0]


def edit(file: Path, text: str) -> None:
    """Write a file and date it in the past (each edit its own second), as an edit made a while ago."""
    file.write_text(text, encoding="utf-8")
    _edits[0] += 1
    os.utime(file, (_PAST + _edits[0], _PAST + _edits[0]))


def matcher_state(matcher: Matcher) -> dict[str, Any]:
    """Everything a matcher holds, its phonetic index opened up, for comparing two builds."""
    state = dict(vars(matcher))
    state["_phonetic"] = {
        name: vars(part) if hasattr(part, "__dict__") else part for name, part in vars(matcher._phonetic).items()
    }
    return state


def assert_same_as_full_load(live: LiveKnowledge, folder: Path) -> None:
    fresh = Snapshot.build(YamlSource([folder]).load())
    current = live.current
    assert current.version == fresh.version
    assert current.monsters == fresh.monsters
    assert list(current.monsters) == list(fresh.monsters)
    assert current.digests == fresh.digests
    assert matcher_state(current.matcher) == matcher_state(fresh.matcher)


def start(folder: Path) -> tuple[YamlSource, LiveKnowledge]:
    source = YamlSource([folder])
    live = LiveKnowledge(source.load)
    live.reload(strict=True)
    assert source.files_read == RECORDS
    return source, live


def test_a_reload_reads_only_the_changed_files_and_equals_a_full_load(folder: Path) -> None:
    source, live = start(folder)
    files = yaml_files([folder])
    assert live.reload(strict=True) and source.files_read == 0

    # a fact changes: one file read, the indexes are the same objects as before
    index_before = live.current.matcher._fuzzy
    edit(files[10], files[10].read_text("utf-8").replace("source: bench", "source: bench, edited"))
    assert live.reload(strict=True) and source.files_read == 1
    assert live.current.monsters[files[10].stem].games["world"].source == "bench, edited"
    assert live.current.matcher._fuzzy is index_before
    assert_same_as_full_load(live, folder)

    # a file deleted: nothing read, its monster gone from the index
    gone = files[20].stem
    files[20].unlink()
    assert live.reload(strict=True) and source.files_read == 0
    assert gone not in live.current.monsters
    assert live.current.matcher.match(live.current.monsters[files[21].stem].names["en"]).best is not None
    assert_same_as_full_load(live, folder)

    # a file added
    edit(
        folder / "extra.yaml",
        files[20 + 10]
        .read_text("utf-8")
        .replace(files[30].stem, "zz-extra")
        .replace(live.current.monsters[files[30].stem].names["en"], "zz extra")
        .replace(live.current.monsters[files[30].stem].names["zh-TW"], "額外獸"),
    )
    assert live.reload(strict=True) and source.files_read == 1
    assert matched(live.current.matcher.match("zz extra")).monster_id == "zz-extra"
    assert_same_as_full_load(live, folder)


def test_a_renamed_id_is_reindexed(folder: Path) -> None:
    source, live = start(folder)
    file = yaml_files([folder])[5]
    monster = live.current.monsters[file.stem]
    old_name = monster.names["en"]
    edit(file, file.read_text("utf-8").replace(monster.id, "renamed-beast").replace(old_name, "Renamed Beast"))
    assert live.reload(strict=True) and source.files_read == 1
    assert monster.id not in live.current.monsters and "renamed-beast" in live.current.monsters
    assert matched(live.current.matcher.match("renamed beast")).monster_id == "renamed-beast"
    assert all(c.monster_id != monster.id for c in live.current.matcher.match(old_name).candidates)
    assert_same_as_full_load(live, folder)


def test_a_file_turned_invalid_is_refused_with_its_line_and_the_last_good_knowledge_stays(folder: Path) -> None:
    source, live = start(folder)
    good = live.current
    file = yaml_files([folder])[7]
    text = file.read_text("utf-8")
    edit(file, text.replace("cut: ", "cut: -", 1))
    assert not live.reload() and source.files_read == 1
    assert live.current is good
    line = next(n for n, row in enumerate(file.read_text("utf-8").splitlines(), start=1) if "cut: -" in row)
    assert f"{file}:{line}:" in live.status.error
    assert not live.reload() and source.files_read == 0  # still refused, without reading anything again
    assert live.current is good

    edit(file, text)
    assert live.reload(strict=True) and source.files_read == 1
    assert live.current.version == good.version
    assert_same_as_full_load(live, folder)


def test_a_name_claimed_twice_across_files_is_still_found_on_reload(folder: Path) -> None:
    source, live = start(folder)
    files = yaml_files([folder])
    taken = live.current.monsters[files[1].stem].names["zh-TW"]
    mine = live.current.monsters[files[2].stem].names["zh-TW"]
    edit(files[2], files[2].read_text("utf-8").replace(mine, taken))
    assert not live.reload() and source.files_read == 1
    assert f"{files[2]}:" in live.status.error and "is also a name of" in live.status.error


def test_a_freshly_written_file_is_read_again_until_its_stamp_can_be_trusted(tmp_path: Path) -> None:
    write_synthetic_knowledge(tmp_path, 3)  # written just now: a second write in the same tick keeps the stamp
    source = YamlSource([tmp_path])
    source.load()
    source.load()
    assert source.files_read == 3
