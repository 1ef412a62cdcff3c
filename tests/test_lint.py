"""The code passes the project's lint rules (pyflakes, bugbear, import order) and type check (see pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO


def test_ruff_finds_nothing():
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "monsterbot", "monsterbot_devtools", "tests", "--output-format", "concise"],
                          cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.timeout(600)  # a cold mypy cache on a busy 2-core machine
def test_mypy_finds_no_type_error():
    """The type check of `monsterbot/` and `monsterbot_devtools/` (settings in pyproject.toml's [tool.mypy]); it ships py.typed."""
    done = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert (REPO / "monsterbot" / "py.typed").exists()
