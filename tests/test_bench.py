"""The benchmark command on tiny sizes: it writes its table, and its figures pass their checks (ratios to floors of
the same run, with margins a busy machine stays inside, and counts that must be exact)."""

from __future__ import annotations

import re
import shutil
from importlib.util import MAGIC_NUMBER, cache_from_source
from pathlib import Path

import pytest

from monsterbot_devtools.bench import BYTE_COMPILED, Check, Row, broken, byte_compile, package_folders
from tests.test_cli import run


@pytest.mark.timeout(600)  # starts several real web processes: minutes on a busy 2-core machine
def test_bench_quick_writes_the_table_and_its_figures_pass_their_checks(tmp_path):
    out = tmp_path / "BENCHMARKS.md"
    done = run("bench", "--quick", "--out", str(out), timeout=580)
    text = out.read_text()
    assert done.returncode == 0, done.stderr[-2000:] + "\n" + text[-3000:]  # 1: a check failed (named in stderr)
    for figure in (
        "matcher, real roster",
        "knowledge load + index",
        "cold start",
        "scale from zero",
        "webhook req/s",
        "CPU per answered webhook",
        "memory (PSS)",
        "synthetic monsters",
        "ask --json",
    ):
        assert figure in text
    table = text[text.index("| figure |") :].split("\n\n", 1)[0]  # the figures; the notes' tables follow
    rows = [line for line in table.splitlines() if line.startswith("| ") and "×" in line]
    assert len(rows) >= 10 and all(line.count("|") == 7 for line in rows)
    checks = re.findall(r"^- (✅|❌) (.+)$", text, re.M)
    assert len(checks) >= 14 and all(mark == "✅" for mark, _ in checks), checks
    assert any("not answered exactly once" in what and ": 0 " in what for _, what in checks)


def test_a_figure_past_its_bound_fails_the_run():
    def row(*checks: Check) -> Row:
        return Row("figure", "1 ms", "1 ms", 1.0, "—", None, list(checks))

    fine = Check("ratio", 2.0, most=3)
    slow = Check("ratio", 4.0, most=3)
    too_few = Check("req/s ratio", 0.1, least=0.2)
    exact = Check("files read", 1, least=1, most=1)
    assert broken([row(fine, exact)]) == []
    assert broken([row(fine, slow), row(too_few)]) == [slow, too_few]
    assert str(slow) == "ratio: 4 (must be ≤ 3)" and str(exact) == "files read: 1 (must be ≤ 1 and ≥ 1)"


def test_the_shipped_start_runs_from_bytecode_as_the_images_install_leaves_it(tmp_path):
    # under PYTHONDONTWRITEBYTECODE (the image's, this project's) a checkout's modules would otherwise be compiled from
    # source at every start the benchmark measures; checked on a copy, so the checkout's own bytecode is left alone
    assert {Path(folder).name for folder in package_folders()} == set(BYTE_COMPILED)
    copy = tmp_path / "monsterbot_devtools"
    (devtools,) = [folder for folder in package_folders() if Path(folder).name == copy.name]
    shutil.copytree(devtools, copy, ignore=shutil.ignore_patterns("__pycache__"))
    sources = list(copy.rglob("*.py"))
    assert sources and not any(_current(source) for source in sources)
    byte_compile([str(copy)])
    stale = [str(source) for source in sources if not _current(source)]
    assert not stale, stale


def _current(source: Path) -> bool:
    """Whether the bytecode beside a module is what Python loads for it: this Python's, of the source's mtime and
    size."""
    try:
        header = Path(cache_from_source(str(source))).read_bytes()[:16]
    except OSError:
        return False
    stat = source.stat()
    stamp = (int(stat.st_mtime) & 0xFFFFFFFF).to_bytes(4, "little") + (stat.st_size & 0xFFFFFFFF).to_bytes(4, "little")
    return header[:4] == MAGIC_NUMBER and header[8:] == stamp
