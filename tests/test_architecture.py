"""The layout keeps its promises: layers that import only downwards, no import cycle, a pure core, the Kubernetes
client behind one module, settings read in one place, one table documented in the README."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from monsterbot.config import SETTINGS, Settings

PACKAGE = Path(__file__).resolve().parent.parent / "monsterbot"
README = PACKAGE.parent / "README.md"
#: what the pure core may not import: web frameworks, HTTP, databases, Kubernetes, LINE's SDK, threads.
IMPURE = (
    "flask",
    "werkzeug",
    "gunicorn",
    "linebot",
    "monsterbot.line_sdk",
    "urllib3",
    "requests",
    "redis",
    "sqlalchemy",
    "sqlmodel",
    "psycopg",
    "kubernetes",
    "prometheus_client",
    "threading",
    "monsterbot.web",
    "monsterbot.sources",
    "monsterbot.store",
    "monsterbot.kubernetes",
    "monsterbot.replies",
)


#: The packages and top-level modules of monsterbot, top layer first. A unit may import its own layer's units only
#: when the layer is a list (ordered: each may import those after it); a set's units are independent of each other.
#: A new package gets a line here: the test names any unit missing.
LAYERS: list[set[str] | list[str]] = [
    {"cli"},
    {"web", "operator"},  # the processes
    {"conversation"},
    {"questions"},  # the kinds of question: decide, render nothing
    {"sources", "memory", "preferences"},  # adapters: knowledge (files, store, cluster), chat memory, preferences
    {"kubernetes"},  # the API's definitions and the one module importing its client
    {"config"},
    {"knowledge", "replies", "store", "bounded", "host_file", "logs"},
    {"line_sdk"},  # line-bot-sdk's modules that monsterbot uses
    {"core"},
]
#: The only module that may import the `kubernetes` client library (and its transport, urllib3).
KUBERNETES_CLIENT = "monsterbot.kubernetes.api"


def _imports(path: Path, top_level_only: bool = False) -> set[str]:
    """Absolute module names a file imports (top_level_only: at import time, not inside functions or TYPE_CHECKING)."""
    names: set[str] = set()
    for node in _walk(ast.parse(path.read_text()), top_level_only):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}  # a submodule imported by name
    return names


def _walk(tree: ast.AST, top_level_only: bool) -> Iterator[ast.AST]:
    if not top_level_only:
        yield from ast.walk(tree)
        return
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            yield node
            yield from _walk(node, top_level_only)


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _unit(module: str) -> str:
    return module.split(".")[1] if "." in module else ""


def _rank(unit: str) -> tuple[int, int]:
    for depth, layer in enumerate(LAYERS):
        if unit in layer:
            return depth, (layer.index(unit) if isinstance(layer, list) else -1)
    raise AssertionError(f"monsterbot/{unit} is in no layer of tests/test_architecture.py's LAYERS: add it")


SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_every_unit_has_a_layer() -> None:
    for unit in {_unit(_module(p)) for p in SOURCES} - {""}:
        _rank(unit)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_go_down_the_layers(path: Path) -> None:
    """A unit imports units of lower layers (or later ones of its own ordered layer), lazily or not: never up, never
    a sibling it is independent of."""
    unit = _unit(_module(path))
    if not unit:
        return
    depth, order = _rank(unit)
    bad = []
    for name in _imports(path):
        other = _unit(name) if name.startswith("monsterbot.") else ""
        if not other or other == unit:
            continue
        other_depth, other_order = _rank(other)
        if other_depth < depth or (other_depth == depth and (order < 0 or other_order <= order)):
            bad.append(name)
    assert not bad, f"{path.relative_to(PACKAGE)} (layer {unit}) imports upwards or sideways: {sorted(bad)}"


def test_no_import_cycle_between_modules() -> None:
    """What runs at import time forms no cycle (a cycle makes the import order matter)."""
    modules = {_module(p): p for p in SOURCES}
    graph = {m: {n for n in _imports(p, top_level_only=True) if n in modules and n != m} for m, p in modules.items()}
    done: set[str] = set()

    def visit(module: str, trail: list[str]) -> None:
        if module in trail:
            raise AssertionError("import cycle: " + " → ".join(trail[trail.index(module) :] + [module]))
        if module in done:
            return
        for other in sorted(graph[module]):
            visit(other, trail + [module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])


def test_line_bot_sdk_is_imported_through_line_sdk() -> None:
    """monsterbot/line_sdk defers the SDK's packages' `__init__` before any of their modules is imported: a module
    that imported one of them directly, first, would run those `__init__`s at start; the SDK's models' base and errors
    (pydantic.v1's) come from there too."""
    importers = sorted(
        _module(p) for p in SOURCES if any(n.split(".")[0] in ("linebot", "pydantic") for n in _imports(p))
    )
    assert all(m.startswith("monsterbot.line_sdk") for m in importers), importers


def test_the_kubernetes_client_is_imported_in_one_module() -> None:
    importers = sorted(
        _module(p) for p in SOURCES if any(n.split(".")[0] in ("kubernetes", "urllib3") for n in _imports(p))
    )
    assert importers == [KUBERNETES_CLIENT], importers


@pytest.mark.parametrize("path", sorted((PACKAGE / "core").rglob("*.py")), ids=lambda p: p.name)
def test_core_is_pure(path: Path) -> None:
    bad = sorted(n for n in _imports(path) if any(n == i or n.startswith(i + ".") for i in IMPURE))
    assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


def test_environment_is_read_in_config_only() -> None:
    readers = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "config.py":
            continue
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


#: What a unit may not import beyond the layers' rule: question handlers decide and render nothing (no replies, no
#: LINE, no adapters); the conversation serves every process and knows none of their frameworks or stores.
FORBIDDEN = {
    "questions": (
        "monsterbot.replies",
        "monsterbot.sources",
        "monsterbot.store",
        "monsterbot.kubernetes",
        "linebot",
        "monsterbot.line_sdk",
        "flask",
    ),
    "conversation.py": ("monsterbot.store", "monsterbot.kubernetes", "flask"),
}


@pytest.mark.parametrize(
    "path",
    sorted(
        p
        for name in FORBIDDEN
        for p in ((PACKAGE / name).rglob("*.py") if (PACKAGE / name).is_dir() else [PACKAGE / name])
    ),
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_units_keep_out_of_what_they_must_not_know(path: Path) -> None:
    forbidden = FORBIDDEN[path.relative_to(PACKAGE).parts[0]]
    bad = sorted(n for n in _imports(path) if any(n == i or n.startswith(i + ".") for i in forbidden))
    assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


#: Files that reach from `Path(__file__)` into another package's files, each with its reason; config.py (the
#: package's own data: default_knowledge) is the one place such paths belong. Empty this list, never grow it.
REACH_INS = {
    "cli/common.py": "finds the checkout root to import monsterbot_devtools, which stays out of the wheel",
}
_REACH_IN = re.compile(r"Path\(__file__\)[^\n]*?\.(?:parent\.parent|parents\[[1-9]\])")


def test_no_module_reaches_into_another_package_by_path() -> None:
    """`Path(__file__).parent.parent / "replies" / …` is an import the layer test cannot see: only config.py may."""
    found = {
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if p != PACKAGE / "config.py" and _REACH_IN.search(p.read_text())
    }
    assert found == set(REACH_INS), (
        f"reach-ins by path: {sorted(found - set(REACH_INS))}, gone: {sorted(set(REACH_INS) - found)}"
    )


def test_no_relative_imports() -> None:
    """The layer test reads absolute imports only: a relative one would pass it unseen."""
    relative = sorted(
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if any(isinstance(n, ast.ImportFrom) and n.level for n in ast.walk(ast.parse(p.read_text())))
    )
    assert relative == []
