"""The benchmark command on tiny sizes: it writes its table, and its figures pass their checks (ratios to floors of
the same run, with margins a busy machine stays inside, and counts that must be exact)."""

from __future__ import annotations

import re

import pytest

from monsterbot_devtools.bench import Check, Row, broken
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
