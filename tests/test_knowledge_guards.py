"""Knowledge that cannot hurt: alias bombs and oversized fields refused with file:line, drops refused, recovery seen."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import textwrap
import threading
import time
import tracemalloc

import pytest
import yaml

from monsterbot.knowledge.reading import QUIET_SECONDS
from monsterbot.knowledge.records import read_text
from monsterbot.knowledge.schema import MAX_ALIASES, MAX_TEXT
from monsterbot.sources.live import BASELINE_SECONDS, Baseline, LiveKnowledge, Reloader
from monsterbot.sources.yaml_files import YamlSource
from monsterbot.web import metrics
from tests.conftest import KNOWLEDGE, REPO, app_for, runtime_for, settings_for

INTERNAL = "http://localhost:8090"
ALL = len(list((KNOWLEDGE / "monsters").glob("*.yaml")))  # the repo's monsters, as many as the knowledge holds

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
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=REPO, env=dict(os.environ)
    )
    assert done.returncode == 0, done.stderr
    first, growth_mb = done.stdout.strip().splitlines()
    assert first.startswith("False") and "bomb.yaml:2:" in first and "aliases" in first  # the first anchor, line 2
    assert int(growth_mb) < 32  # reading the bomb adds next to nothing (expanded, it takes gigabytes)


def test_oversized_strings_and_alias_lists_are_refused_where_they_stand():
    base = (KNOWLEDGE / "monsters" / "rathalos.yaml").read_text()
    long_source = base.replace("source: mhworlddata", "source: " + "x" * 1_000_000, 1)
    records, problems = read_text(long_source, "rathalos.yaml")
    assert not records and len(problems) == 1  # the file as a whole, not each field too
    assert str(problems[0]).startswith("rathalos.yaml:1:1:") and "characters" in str(problems[0])

    a_bit_long = base.replace("source: mhworlddata", "source: " + "x" * (MAX_TEXT + 1), 1)
    records, problems = read_text(a_bit_long, "rathalos.yaml")
    line = next(n for n, text in enumerate(a_bit_long.splitlines(), 1) if "source: xxx" in text)
    assert not records and [str(p).split(": ", 1)[0] for p in problems] == [f"rathalos.yaml:{line}:13"]
    assert f"longer than {MAX_TEXT} characters" in str(problems[0])

    many = ", ".join(f"nick{i}" for i in range(MAX_ALIASES + 1))
    line = next(n for n, text in enumerate(base.splitlines(), 1) if text.startswith("  ja: ["))
    records, problems = read_text(base.replace("  ja: [", f"  ja: [{many}, ", 1), "rathalos.yaml")
    assert not records and len(problems) == 1 and problems[0].line == line
    held = len(yaml.safe_load(base)["aliases"]["ja"])  # the record's own Japanese aliases, then the added ones
    assert f"aliases.ja has {MAX_ALIASES + 1 + held} entries" in problems[0].message

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
    app = app_for(settings_for(line_stub), runtime_for(live))
    for path in (folder / "monsters").glob("*.yaml"):
        path.unlink()
    assert not live.reload()
    assert live.current is good and live.status.refused and f"0 monsters against {ALL}" in live.status.error
    details = app.test_client().get("/readyz", base_url=INTERNAL).get_json()
    assert details["ready"] and details["reload_refused"] and details["monsters"] == ALL
    page = app.test_client().get("/metrics", base_url=INTERNAL).get_data(as_text=True)
    assert "monsterbot_knowledge_reload_refused 1.0" in page and "monsterbot_knowledge_last_reload_ok 0.0" in page

    shutil.rmtree(folder)
    assert not live.reload() and live.current is good  # a deleted folder: cannot read, the last good stays

    shutil.copytree(KNOWLEDGE, folder)
    keep = sorted((folder / "monsters").glob("*.yaml"))[:60]  # a drop by more than half
    for path in set((folder / "monsters").glob("*.yaml")) - set(keep):
        path.unlink()
    assert not live.reload() and live.status.refused and live.current is good
    assert live.reload(force=True) and len(live.current.monsters) == 60 and live.status.ok  # forced
    page = app.test_client().get("/metrics", base_url=INTERNAL).get_data(as_text=True)
    assert "monsterbot_knowledge_reload_refused 0.0" in page and "monsterbot_knowledge_last_reload_ok 1.0" in page


def _cut(folder, share: float) -> None:
    """Delete monster files until `share` of them are left."""
    files = sorted((folder / "monsters").glob("*.yaml"))
    for path in files[round(len(files) * share) :]:
        path.unlink()


def test_a_start_on_an_empty_folder_or_one_much_smaller_than_the_last_good_is_refused(folder, tmp_path, line_stub):
    now = [1_000_000.0]
    baseline = Baseline(tmp_path / "data" / "knowledge-baseline.json", clock=lambda: now[0])
    first = LiveKnowledge(YamlSource([folder]).load, 0.5, baseline=baseline)
    assert first.reload() and baseline.monsters() == ALL  # the last known good, on the data volume

    empty = tmp_path / "empty"
    empty.mkdir()
    for start in (empty, folder):  # a new process: nothing live, an empty folder; then the folder cut to 40 %
        if start is folder:
            _cut(folder, 0.4)
        restarted = LiveKnowledge(YamlSource([start]).load, 0.5, baseline=baseline)
        assert not restarted.reload() and not restarted.ready and restarted.status.refused
        app = app_for(settings_for(line_stub), runtime_for(restarted))
        assert app.test_client().get("/readyz").status_code == 503  # not ready: no traffic, the old pods stay
    assert f"{round(ALL * 0.4)} monsters against {ALL}" in restarted.status.error
    nothing = LiveKnowledge(YamlSource([empty]).load, 0.5)  # no baseline at all: still no monster is no knowledge
    assert not nothing.reload() and not nothing.ready
    unguarded = LiveKnowledge(YamlSource([folder]).load, 0, baseline=baseline)  # MONSTERBOT_RELOAD_MIN_SHARE=0
    assert unguarded.reload() and len(unguarded.current.monsters) == round(ALL * 0.4)


def test_a_folder_cut_a_little_at_each_poll_is_measured_against_the_baseline(folder, tmp_path):
    now = [1_000_000.0]
    baseline = Baseline(tmp_path / "knowledge-baseline.json", clock=lambda: now[0])
    live = LiveKnowledge(YamlSource([folder]).load, 0.5, baseline=baseline)
    assert live.reload()
    counts = []
    kept = [round(ALL * 0.6)]
    for _ in range(2):
        kept.append(round(kept[-1] * 0.6))
    for _ in range(3):  # 40 % deleted at each poll: 156 → 94 → 56 → 34 with today's knowledge
        _cut(folder, 0.6)
        now[0] += 5
        live.reload()
        counts.append(len(live.current.monsters))
    assert counts == [kept[0]] * 3 and live.status.refused and baseline.monsters() == ALL
    assert f"{kept[2]} monsters against {ALL}" in live.status.error
    now[0] += BASELINE_SECONDS  # the 94 kept for a day: the live count is the baseline now
    assert baseline.monsters() == 0 and not live.reload()  # 34 < half of 94
    shutil.rmtree(folder)
    shutil.copytree(KNOWLEDGE, folder)
    _cut(folder, 0.36)  # more than half of the baseline of kept[0]
    assert live.reload() and len(live.current.monsters) == round(ALL * 0.36) == baseline.monsters()


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
    app = app_for(settings_for(line_stub), runtime_for(live))
    first = live.current.version
    path = folder / "monsters" / "tigrex.yaml"
    path.write_text(path.read_text().replace("aliases:\n", "aliases:\n  en: [tigerboy]\n"))
    assert live.reload() and live.current.version != first
    page = app.test_client().get("/metrics", base_url=INTERNAL).get_data(as_text=True)
    versions = [line for line in page.splitlines() if line.startswith("monsterbot_knowledge_version_info{")]
    assert versions == [f'monsterbot_knowledge_version_info{{version="{live.current.version}"}} 1.0']


def test_a_link_out_of_the_knowledge_folders_is_refused_and_its_target_never_shown(folder, tmp_path, line_stub):
    secret = tmp_path / "token"
    secret.write_text("sk-live-0123456789abcdef\n")
    (folder / "monsters" / "stolen.yaml").symlink_to(secret)
    passwd = folder / "monsters" / "passwd.yml"
    passwd.symlink_to("/etc/passwd")
    live = LiveKnowledge(YamlSource([folder]).load)
    assert not live.reload()
    app = app_for(settings_for(line_stub), runtime_for(live))
    error = app.test_client().get("/readyz", base_url=INTERNAL).get_json()["last_reload_error"]
    assert "stolen.yaml:1:1: a link to a file outside the knowledge folders: not read" in error
    assert "passwd.yml:1:1: a link" in error and "root:" not in error and "sk-live" not in error
    from tests.test_cli import run

    done = run("validate", str(folder))
    assert done.returncode != 0 and "outside the knowledge folders" in done.stdout + done.stderr
    assert "sk-live" not in done.stdout + done.stderr and "root:x" not in done.stdout + done.stderr

    passwd.unlink()
    (folder / "monsters" / "stolen.yaml").unlink()
    inner = folder / "..2026_01_01"  # a ConfigMap's layout: each file a link into a hidden folder of the volume
    inner.mkdir()
    (folder / "monsters" / "tigrex.yaml").rename(inner / "tigrex.yaml")
    (folder / "monsters" / "tigrex.yaml").symlink_to(inner / "tigrex.yaml")
    assert live.reload() and "tigrex" in live.current.monsters


def test_a_file_is_measured_before_it_is_read_and_no_problem_repeats_its_content(folder):
    huge = folder / "monsters" / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(400 * 1024 * 1024)  # 400 MB (sparse): reading it would take 400 MB per worker
    live = LiveKnowledge(YamlSource([folder]).load)
    tracemalloc.start()
    try:
        assert not live.reload()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024 * 1024, peak  # never read: its 400 MB were never held, however long a read would take
    assert "huge.yaml:1:1: the file has 419430400 bytes" in live.status.error
    huge.unlink()
    (folder / "monsters" / "token.yaml").write_text("sk-live-0123456789abcdef-and-some-more\n")  # inside: read, refused
    assert not live.reload() and "sk-live" not in live.status.error
    assert "token.yaml:1:1: the record must be a mapping, got str (38 characters)" in live.status.error


def test_a_file_rewritten_in_place_while_reloads_read_it_is_never_taken_half(folder):
    """An editor that truncates a file and writes it again (two writes): no reload takes what lies between."""
    path = folder / "monsters" / "rathalos.yaml"
    whole = path.read_text()
    cut = whole.index("\n  rise:")  # the first part alone is a valid record with fewer games
    stop = threading.Event()
    taken: list[set[str]] = []
    refused: list[set[str]] = []

    def editor() -> None:
        while not stop.is_set():
            with path.open("w") as handle:
                handle.write(whole[: cut + 1])
                handle.flush()
                time.sleep(0.02)
                handle.write(whole[cut + 1 :])
            time.sleep(random.uniform(0.0, 2 * QUIET_SECONDS))

    live = LiveKnowledge(YamlSource([folder]).load)
    assert live.reload()
    games = set(live.current.monsters["rathalos"].games)
    writer = threading.Thread(target=editor, daemon=True)
    writer.start()
    try:
        for _ in range(20):
            (taken if live.reload() else refused).append(set(live.current.monsters["rathalos"].games))
    finally:
        stop.set()
        writer.join()
    print(
        f"in-place rewrites: {len(taken)} reloads taken, {len(refused)} refused, "
        f"{sum(g != games for g in taken)} taken half"
    )
    assert taken and all(g == games for g in taken)
