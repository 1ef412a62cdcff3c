"""The YAML knowledge source: the repo's knowledge/ folder (or any set of files and folders).

A load reads again only the files that changed since the last load (by size, mtime, inode and
ctime) and keeps the parsed records of the others, so a reload after a one-file edit parses one
file; the cross-file lint then runs over every record, as in a full load. A file modified less than
RACY_NS before it was read is read again next time: a second write within the file system's clock
tick could leave its stamp unchanged.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

from monsterbot.core.model import KnowledgeSet
from monsterbot.knowledge.records import KnowledgeError, Problem, Record, lint, read_file, yaml_file_names

#: What says a file may have changed: size, mtime and ctime (ns), inode; None when it cannot be stat'ed.
Stamp = tuple[int, int, int, int] | None
RACY_NS = 2_000_000_000


def stamp(file: str) -> Stamp:
    """The file's stamp (ctime too: it moves on every write, even one that restores the mtime)."""
    try:
        info = os.stat(file)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


@dataclass(frozen=True)
class _Read:
    """One file as last read: its stamp then, its records and its own problems."""

    stamp: Stamp
    records: list[Record]
    problems: list[Problem]


class YamlSource:
    """Monsters from YAML files; a load with any error raises KnowledgeError and loads nothing."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self.paths = list(paths)
        self._reads: dict[str, _Read] = {}
        self.files_read = 0  # files parsed by the last load (the others were unchanged)

    def load(self) -> KnowledgeSet:
        """Every monster, or KnowledgeError listing every problem (warnings do not fail a load)."""
        reads: dict[str, _Read] = {}
        self.files_read = 0
        recent = time.time_ns() - RACY_NS
        for file in yaml_file_names(self.paths):
            seen = stamp(file)
            read = self._reads.get(file)
            if read is None or seen is None or read.stamp != seen:
                trusted = seen if seen is not None and seen[1] < recent else None
                records, problems = read_file(file)
                # the parsed data is not kept: the monster holds it, and it would double the memory held
                read = _Read(trusted, [replace(r, data={}) for r in records], problems)
                self.files_read += 1
            reads[file] = read
        self._reads = reads  # deleted files are forgotten; a failed load keeps what it read
        records = [record for read in reads.values() for record in read.records]
        errors = [p for read in reads.values() for p in read.problems if p.severity == "error"]
        errors += lint(records, warnings=False)
        if errors:
            raise KnowledgeError(errors)
        return KnowledgeSet(tuple(r.monster for r in records))

    def fingerprint(self) -> str:
        """Changes whenever a file is added, removed or modified (names and stamps)."""
        digest = hashlib.sha256()
        for file in yaml_file_names(self.paths):
            digest.update(f"{file}\0{stamp(file)}\n".encode())
        return digest.hexdigest()
