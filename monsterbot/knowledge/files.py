"""The knowledge files: every YAML file under the paths given (the folder walk), read into records and linted."""

from __future__ import annotations

import os
from operator import attrgetter
from pathlib import Path
from typing import Iterable, Sequence

from monsterbot.knowledge.lint import lint
from monsterbot.knowledge.problems import Problem
from monsterbot.knowledge.reading import Unreadable, read_whole
from monsterbot.knowledge.records import Record, read_text


def file_text(file: str | Path, roots: Sequence[Path] | None = None) -> str | Problem:
    """The text of a knowledge file read whole (knowledge/reading.py: never a link out of `roots`, nor over the size
    cap, nor half written), or the problem that it cannot be read."""
    try:
        return read_whole(str(file), roots)
    except Unreadable as exc:
        return Problem(str(file), 1, 1, str(exc))


def read_file(file: str | Path, roots: Sequence[Path] | None = None) -> tuple[list[Record], list[Problem]]:
    """Records and schema problems of one knowledge file (a file that cannot be read is one problem)."""
    text = file_text(file, roots)
    return ([], [text]) if isinstance(text, Problem) else read_text(text, str(file))


def read_paths(paths: Iterable[Path]) -> tuple[list[Record], list[Problem]]:
    """Read every *.yaml / *.yml file under the paths, then lint across all records."""
    records: list[Record] = []
    problems: list[Problem] = []
    roots = list(paths)
    for file in yaml_files(roots):
        found_records, found_problems = read_file(file, roots)
        records += found_records
        problems += found_problems
    problems += lint(records)
    return records, problems


def yaml_files(paths: Iterable[Path]) -> list[Path]:
    """Every YAML file under the given files and directories, in a stable order (by path parts)."""
    return [Path(name) for name in yaml_file_names(paths)]


def yaml_file_names(paths: Iterable[Path]) -> list[str]:
    """`yaml_files` as strings: folders are walked with os.scandir, whose entries know their type
    without a stat per file, and no Path is built per file (10k of them cost more than the walk)."""
    files: list[str] = []
    for path in paths:
        if path.is_dir():
            files += _yaml_files_in(str(path))
        else:
            files.append(str(path))
    return files


def _yaml_files_in(folder: str) -> list[str]:
    """Files of a folder and its subfolders; each folder's entries by name, so by path parts overall. Hidden entries
    are skipped: a ConfigMap volume holds each file twice, as `name.yaml` (a link) and in its hidden `..<time>` folder
    (`..data` links to it), and an editor's `.#name.yaml` is no knowledge."""
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=attrgetter("name"))
    files: list[str] = []
    for entry in entries:
        if entry.name[0] == ".":
            continue
        if entry.is_dir(follow_symlinks=False):
            files += _yaml_files_in(entry.path)
        elif entry.name.endswith((".yaml", ".yml")) and entry.is_file():
            files.append(entry.path)
    return files
