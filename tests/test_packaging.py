"""The built wheel, installed into a fresh virtualenv, answers from any folder and writes nothing there."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

# what the wheel is built from: the files pyproject.toml names, and the knowledge its default_knowledge link points to
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "monsterbot", "knowledge")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel `pip wheel` builds from a copy of the checkout (the build leaves build/ and *.egg-info behind)."""
    source, out = tmp_path_factory.mktemp("source"), tmp_path_factory.mktemp("wheel")
    for name in SOURCES:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, source / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, source / name)
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    [built] = out.glob("monsterbot-*.whl")
    return built


def test_the_wheel_carries_the_knowledge_and_no_dev_tools(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    records = {Path(n).name for n in names if n.startswith("monsterbot/default_knowledge/monsters/")}
    assert records == {p.name for p in (REPO / "knowledge" / "monsters").glob("*.yaml")}
    assert not [n for n in names if "devtools" in n or n.startswith("tests/")]
    data = {
        str(p.relative_to(REPO))
        for p in (REPO / "monsterbot").rglob("*")
        if p.is_file() and p.suffix in (".json", ".txt", ".typed") and "default_knowledge" not in p.parts
    }
    assert data and data - set(names) == set(), "package data the wheel lacks (pyproject's package-data)"
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "Classifier: Programming Language :: Python :: 3.11" in metadata and "Keywords:" in metadata
    assert "Project-URL: Source, https://" in metadata


def test_the_installed_wheel_answers_from_another_folder_and_writes_nothing_there(wheel: Path, tmp_path: Path) -> None:
    """A fresh virtualenv with the wheel alone (its dependencies come from the suite's own environment, through a
    path entry: no registry needed), run from an empty folder with no monsterbot setting in the environment."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # a plain path entry: the suite's own editable monsterbot (a .pth hook there) is not installed by it
    (Path(purelib) / "suite-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet", str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MONSTERBOT_", "PYTHON"))}
    env |= {"HOME": str(tmp_path / "home"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    where = subprocess.run(
        [str(python), "-c", "import monsterbot; print(monsterbot.__file__)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert where.startswith(purelib), where  # the wheel's copy, not the checkout's
    answer = subprocess.run(
        [str(venv / "bin" / "monsterbot"), "ask", "火龍"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert answer.returncode == 0, answer.stderr
    assert "Rathalos" in answer.stdout and "火龍" in answer.stdout
    assert list(elsewhere.iterdir()) == []  # no ./data: the compiled cache went to the user's cache folder
    assert list((tmp_path / "cache" / "monsterbot").iterdir())
    bench = subprocess.run(
        [str(venv / "bin" / "monsterbot"), "bench", "--quick"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert bench.returncode != 0 and "needs a checkout" in bench.stderr, bench.stderr


def test_the_gallery_needs_only_the_projects_own_tools(tmp_path: Path) -> None:
    """docs/gallery/draw.sh joins the renders with the project's Pillow (docs/gallery/join.py), not ImageMagick."""
    import importlib.util

    from PIL import Image

    script = (REPO / "docs" / "gallery" / "draw.sh").read_text()
    assert not re.search(r"^\s*(convert|magick)\b", script, re.M) and "docs/gallery/join.py" in script
    spec = importlib.util.spec_from_file_location("join", REPO / "docs" / "gallery" / "join.py")
    assert spec and spec.loader
    join = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(join)
    renders = []
    for n, height in enumerate((800, 600, 700, 640)):
        path = tmp_path / f"{n}.png"
        Image.new("RGB", (750, height), (255, 255, 255)).save(path)
        renders.append(path)
    join.join(tmp_path / "sheet.png", renders)
    with Image.open(tmp_path / "sheet.png") as sheet:
        assert sheet.size == (4 * 375, 400) and sheet.mode == "P"  # halved, side by side, 128 colours at most
        assert sheet.convert("RGB").getpixel((375 + 10, 399)) == join.BACKGROUND  # a shorter one on the background


def test_the_fast_subset_names_test_files_that_exist() -> None:
    """`make test-fast` (the README's quick check) runs files by name: a renamed one would silently drop out."""
    made = subprocess.run(["make", "-n", "test-fast"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    named = re.findall(r"\btests/\S+\.py\b", made)
    assert len(named) >= 5 and [n for n in named if not (REPO / n).is_file()] == []
