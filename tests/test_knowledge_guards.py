"""Knowledge that cannot hurt: alias bombs and oversized fields refused with file:line, drops refused, recovery seen."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from monsterbot.knowledge.records import read_text
from monsterbot.knowledge.schema import MAX_ALIASES, MAX_TEXT
from monsterbot.sources.live import LiveKnowledge, Reloader
from monsterbot.sources.yaml_files import YamlSource
from monsterbot.web import metrics
from monsterbot.web.app import create_app
from tests.conftest import KNOWLEDGE, REPO, runtime_for, settings_for

INTERNAL = "http://localhost:8090"

# 340 bytes that a YAML loader expands into 9^9 strings ("billion laughs")
ALIAS_BOMB = "id: bomb\n" + "".join(
    f"{name}: &{name} [{','.join([f'*{prev}'] * 9) if prev else ','.join(['lol'] * 9)}]\n"
    for prev, name in zip([None, *"abcdefgh"], "abcdefghi", strict=True)
)


@pytest.fixture()
def folder(tmp_path):
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, copy)
    return copy


def test_an_alias_bomb_is_refused_with_its_line_within_a_memory_bound(folder):
    bomb = folder / "monsters" / "bomb.yaml"
    assert len(ALIAS_BOMB) < 400
    script = textwrap.dedent(f"""
        import resource
        from pathlib import Path
        from monsterbot.sources.live import LiveKnowledge
        from monsterbot.sources.yaml_files import YamlSource
        def peak_mb():
            return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        live = LiveKnowledge(YamlSource([Path({str(folder)!r})]).load)
        assert live.reload()
        before = peak_mb()
        Path({str(bomb)!r}).write_text({ALIAS_BOMB!r})
        print(live.reload(), live.status.error.replace(chr(10), " | "))
        print(peak_mb() - before)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=REPO,
                          env=dict(os.environ))
    assert done.returncode == 0, done.stderr
    first, growth_mb = done.stdout.strip().splitlines()
    assert first.startswith("False") and "bomb.yaml:2:" in first and "aliases" in first  # the first anchor, line 2
    assert int(growth_mb) < 32  # reading the bomb adds next to nothing (expanded, it takes gigabytes)


def test_oversized_strings_and_alias_lists_are_refused_where_they_stand():
    base = (KNOWLEDGE / "monsters" / "rathalos.yaml").read_text()
    long_source = base.replace("source: mhworlddata", "source: " + "x" * 1_000_000, 1)
    records, problems = read_text(long_source, "rathalos.yaml")
    assert not records and any("is longer than the" not in str(p) for p in problems)
    assert any(str(p).startswith("rathalos.yaml:1:1:") and "characters" in str(p) for p in problems)  # the file

    a_bit_long = base.replace("source: mhworlddata", "source: " + "x" * (MAX_TEXT + 1), 1)
    records, problems = read_text(a_bit_long, "rathalos.yaml")
    line = next(n for n, text in enumerate(a_bit_long.splitlines(), 1) if "source: xxx" in text)
    assert not records and [str(p).split(": ", 1)[0] for p in problems] == [f"rathalos.yaml:{line}:13"]
    assert f"longer than {MAX_TEXT} characters" in str(problems[0])

    many = ", ".join(f"nick{i}" for i in range(MAX_ALIASES + 1))
    line = next(n for n, text in enumerate(base.splitlines(), 1) if text.startswith("  ja: ["))
    records, problems = read_text(base.replace("  ja: [", f"  ja: [{many}, ", 1), "rathalos.yaml")
    assert not records and len(problems) == 1 and problems[0].line == line
    assert f"aliases.ja has {MAX_ALIASES + 2} entries" in problems[0].message

    records, problems = read_text(base, "rathalos.yaml")  # the real record is within every bound
    assert records and not problems


def _guarded(folder):
    source = YamlSource([folder])
    live = LiveKnowledge(source.load, min_share=0.5)
    live.listeners.append(lambda: metrics.export_knowledge(live))  # as runtime.build wires it
    assert live.reload()
    return live, source


def test_an_emptied_or_deleted_folder_keeps_the_last_good_knowledge(folder, line_stub):
    live, source = _guarded(folder)
    good = live.current
    app = create_app(settings_for(line_stub), runtime_for(live))
    for path in (folder / "monsters").glob("*.yaml"):
        path.unlink()
    assert not live.reload()
    assert live.current is good and live.status.refused and "0 monsters against 156" in live.status.error
    details = app.test_client().get("/readyz", base_url=INTERNAL).get_json()
    assert details["ready"] and details["reload_refused"] and details["monsters"] == 156
    page = app.test_client().get("/metrics", base_url=INTERNAL).get_data(as_text=True)
    assert "monsterbot_knowledge_reload_refused 1.0" in page and "monsterbot_knowledge_last_reload_ok 0.0" in page

    shutil.rmtree(folder)
    assert not live.reload() and live.current is good  # a deleted folder: cannot read, the last good stays

    shutil.copytree(KNOWLEDGE, folder)
    keep = sorted((folder / "monsters").glob("*.yaml"))[:60]  # a drop by more than half
    for path in set((folder / "monsters").glob("*.yaml")) - set(keep):
        path.unlink()
    assert not live.reload() and live.status.refused and live.current is good
    assert live.reload(force=True) and len(live.current.monsters) == 60 and live.status.ok  # forced (a restart)
    page = app.test_client().get("/metrics", base_url=INTERNAL).get_data(as_text=True)
    assert "monsterbot_knowledge_reload_refused 0.0" in page and "monsterbot_knowledge_last_reload_ok 1.0" in page


def test_reverting_a_broken_file_to_its_exact_former_state_clears_the_error(folder):
    live, source = _guarded(folder)
    reloader = Reloader(live, source.fingerprint, interval=3600)  # driven by check(), not by its thread
    path = folder / "monsters" / "tigrex.yaml"
    original, stat = path.read_text(), path.stat()
    path.write_text("id: tigrex\nnames: [broken\n")
    reloader.check()
    assert not live.status.ok and "tigrex.yaml" in live.status.error
    reloader.check()  # unchanged: not tried again
    path.write_text(original)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # a revert that restores the very same size and mtime
    reloader.check()
    assert live.status.ok and live.status.error == ""


def test_only_the_live_knowledge_version_is_exported(folder, line_stub):
    live, _ = _guarded(folder)
    app = create_app(settings_for(line_stub), runtime_for(live))
    first = live.current.version
    path = folder / "monsters" / "tigrex.yaml"
    path.write_text(path.read_text().replace("aliases:\n", "aliases:\n  en: [tigerboy]\n"))
    assert live.reload() and live.current.version != first
    page = app.test_client().get("/metrics", base_url=INTERNAL).get_data(as_text=True)
    versions = [line for line in page.splitlines() if line.startswith("monsterbot_knowledge_version_info{")]
    assert versions == [f'monsterbot_knowledge_version_info{{version="{live.current.version}"}} 1.0']
