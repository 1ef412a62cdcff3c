"""The layout keeps its promises: a pure core, settings read in one place, one table documented in the README."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from monsterbot.config import SETTINGS, Settings

PACKAGE = Path(__file__).resolve().parent.parent / "monsterbot"
README = PACKAGE.parent / "README.md"
#: what the pure core may not import: web frameworks, HTTP, databases, Kubernetes, LINE's SDK, threads.
IMPURE = ("flask", "werkzeug", "gunicorn", "linebot", "urllib3", "requests", "redis", "sqlalchemy", "sqlmodel",
          "psycopg", "kubernetes", "prometheus_client", "threading", "monsterbot.web", "monsterbot.sources",
          "monsterbot.store", "monsterbot.kubernetes", "monsterbot.replies")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted((PACKAGE / "core").rglob("*.py")), ids=lambda p: p.name)
def test_core_is_pure(path: Path) -> None:
    bad = sorted(n for n in _imports(path) if any(n == i or n.startswith(i + ".") for i in IMPURE))
    assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


def test_environment_is_read_in_config_only() -> None:
    readers = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "config.py" or "devtools" in path.parts:
            continue  # devtools start processes for tests and benchmarks with an environment they build
        source = path.read_text()
        if re.search(r"os\.environ(?!\[\"PROMETHEUS_MULTIPROC_DIR\"\] =)|os\.getenv", source):
            readers.append(str(path.relative_to(PACKAGE)))
    assert readers == [], f"environment read outside config.py: {readers}"


def test_every_setting_is_documented_in_the_readme_table() -> None:
    table = {m.group(1) for m in re.finditer(r"^\| `([A-Z_]+)` \|", README.read_text(), re.M)}
    missing = [s.env for s in SETTINGS if s.env not in table]
    assert not missing, f"README configuration table lacks {missing}"
    assert table <= {s.env for s in SETTINGS}, f"README documents unknown settings {table - {s.env for s in SETTINGS}}"


def test_settings_table_and_dataclass_agree() -> None:
    assert [s.attr for s in SETTINGS] == list(Settings.__dataclass_fields__)


#: What a package may not import: question handlers decide (core, a chat's memory and preferences) and render
#: nothing; replies render content and never decide; the conversation serves every process and knows none of them.
LAYERS = {
    "questions": ("monsterbot.replies", "monsterbot.conversation", "monsterbot.web", "monsterbot.cli",
                  "monsterbot.sources", "monsterbot.store", "monsterbot.kubernetes", "linebot", "flask"),
    "replies": ("monsterbot.questions", "monsterbot.conversation", "monsterbot.web", "monsterbot.cli",
                "monsterbot.sources", "monsterbot.store", "monsterbot.kubernetes", "monsterbot.memory",
                "monsterbot.preferences"),
    "conversation.py": ("monsterbot.web", "monsterbot.cli", "monsterbot.store", "monsterbot.kubernetes", "flask"),
}


@pytest.mark.parametrize("path", sorted(p for name in LAYERS for p in
                                        ((PACKAGE / name).rglob("*.py") if (PACKAGE / name).is_dir()
                                         else [PACKAGE / name])),
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_layer_imports_only_below_it(path: Path) -> None:
    forbidden = LAYERS[path.relative_to(PACKAGE).parts[0]]
    bad = sorted(n for n in _imports(path) if any(n == i or n.startswith(i + ".") for i in forbidden))
    assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"
