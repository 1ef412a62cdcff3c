"""The benchmark command runs on a tiny size and writes its table (no speed is asserted here)."""

from __future__ import annotations

import pytest

from tests.test_cli import run


@pytest.mark.timeout(600)  # starts several real web processes: minutes on a busy 2-core machine
def test_bench_quick_writes_the_table(tmp_path):
    out = tmp_path / "BENCHMARKS.md"
    done = run("bench", "--quick", "--out", str(out), timeout=580)
    assert done.returncode == 0, done.stderr[-2000:]
    text = out.read_text()
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
    assert "replies ≠ requests" not in text  # every unique event was answered once
