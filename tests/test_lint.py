"""The code passes the project's lint rules and layout (ruff, see pyproject.toml) and its type check (mypy)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO

#: What the lint and the layout cover: the package, the dev tools, the tests and the gallery's scripts.
CODE = ("monsterbot", "monsterbot_devtools", "tests", "docs")


def _ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ruff", *args, *CODE], cwd=REPO, capture_output=True, text=True)


def test_ruff_finds_nothing():
    """The rules in pyproject.toml: line length, complexity, naming and no `noqa` that suppresses nothing included."""
    done = _ruff("check", "--output-format", "concise")
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_code_is_laid_out_by_ruff_format():
    done = _ruff("format", "--check")
    assert done.returncode == 0, "run `.venv/bin/ruff format " + " ".join(CODE) + "`:\n" + done.stdout + done.stderr


@pytest.mark.timeout(600)  # a cold mypy cache on a busy 2-core machine
def test_mypy_finds_no_type_error():
    """The type check of `monsterbot/`, `monsterbot_devtools/` and `tests/` (settings in pyproject.toml's [tool.mypy]);
    the package ships py.typed."""
    done = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert (REPO / "monsterbot" / "py.typed").exists()


def test_no_merge_conflict_markers_are_left_in_the_tree():
    """A merge resolved in a hurry once left `<<<<<<<`/`>>>>>>>` lines in CHANGELOG.md: no text file keeps them."""
    suffixes = {".py", ".md", ".yaml", ".yml", ".toml", ".txt", ".json", ".tpl", ".cfg", ".sh"}
    marked = [
        f"{path.relative_to(REPO)}:{number}"
        for path in REPO.rglob("*")
        if path.suffix in suffixes
        and path.is_file()
        and not any(part.startswith(".") or part in ("node_modules", "build") for part in path.relative_to(REPO).parts)
        for number, line in enumerate(path.read_text("utf-8", errors="replace").splitlines(), start=1)
        if line.startswith(("<<<<<<< ", ">>>>>>> "))
    ]
    assert marked == [], marked
