"""The YAML knowledge source: the repo's knowledge/ folder (or any set of files and folders).

A load reads again only the files that changed since the last load (by size, mtime, inode and
ctime) and keeps the parsed records of the others, so a reload after a one-file edit parses one
file; the cross-file lint then runs over every record, as in a full load. A file modified less than
RACY_NS before it was read is read again next time: a second write within the file system's clock
tick could leave its stamp unchanged.

With a KnowledgeCache (sources/compiled.py), the first load of a process takes each file whose content is
unchanged from the cache instead of parsing it, and leaves the cache up to date for the next process.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Sequence

from monsterbot.core.model import KnowledgeSet
from monsterbot.core.snapshot import Snapshot
from monsterbot.knowledge.files import file_text, yaml_file_names
from monsterbot.knowledge.lint import lint
from monsterbot.knowledge.problems import KnowledgeError, Problem
from monsterbot.knowledge.reading import settle, stamp_of
from monsterbot.knowledge.records import Record, read_text
from monsterbot.sources.compiled import Compiled, Entry, KnowledgeCache, content_digest

#: What says a file may have changed (reading.stamp_of); None when it cannot be stat'ed.
Stamp = tuple[int, int, int, int] | None
RACY_NS = 2_000_000_000


def stamp(file: str) -> Stamp:
    """The file's stamp, None when it cannot be stat'ed."""
    try:
        return stamp_of(os.stat(file))
    except OSError:
        return None


@dataclass(frozen=True)
class _Read:
    """One file as last read: its stamp then, its records, its own problems and its content digest."""

    stamp: Stamp
    records: list[Record]
    problems: list[Problem]
    digest: str = ""  # of the content; "" when the file could not be read
    text: str = field(default="", repr=False)


def _records(file: str, entry: Entry) -> list[Record]:
    """A cached file's records, read from `file` (the entry may have been written for the same content elsewhere)."""
    return [
        Record.compiled(
            monster if monster.origin == file else replace(monster, origin=file), file, entry[2], index, claims
        )
        for index, monster, claims in entry[3]
    ]


class YamlSource:
    """Monsters from YAML files; a load with any error raises KnowledgeError and loads nothing."""

    def __init__(self, paths: Sequence[Path], cache: KnowledgeCache | None = None) -> None:
        self.paths = list(paths)
        self.cache = cache
        self._reads: dict[str, _Read] = {}
        self._index: Snapshot | None = None
        self.files_read = 0  # files parsed by the last load (the others were unchanged or in the cache)

    def load(self) -> KnowledgeSet:
        """Every monster, or KnowledgeError listing every problem (warnings do not fail a load)."""
        reads: dict[str, _Read] = {}
        self.files_read = 0
        recent = time.time_ns() - RACY_NS
        # the cache serves a process's first load; later loads re-read only what changed since
        compiled = self.cache.read() if self.cache is not None and not self._reads else None
        files = compiled.files if compiled is not None else {}
        by_content = {entry[0]: entry for entry in files.values()}
        names = yaml_file_names(self.paths)
        stamps = {file: stamp(file) for file in names}
        changed = {
            file
            for file in names
            if (read := self._reads.get(file)) is None or read.stamp != stamps[file] or stamps[file] is None
        }
        settle(seen[1] for file in changed if (seen := stamps[file]) is not None)  # once: files just written finish
        for file in names:
            seen = stamps[file]
            reads[file] = (
                self._reads[file]
                if file not in changed
                else self._read(file, seen if seen is not None and seen[1] < recent else None, files, by_content)
            )
        self._reads = reads  # deleted files are forgotten; a failed load keeps what it read
        records = [record for read in reads.values() for record in read.records]
        errors = [p for read in reads.values() for p in read.problems if p.severity == "error"]
        errors += lint(records, warnings=False)
        if errors:
            raise KnowledgeError(errors)
        knowledge = KnowledgeSet(tuple(r.monster for r in records))
        if self.cache is not None and compiled is not None:
            self._index = self._compile(self.cache, compiled, knowledge)
        return knowledge

    def _read(self, file: str, trusted: Stamp, files: dict[str, Entry], by_content: dict[str, Entry]) -> _Read:
        """A file's records: from its cache entry if unchanged (same stamp, else same content, wherever the cache
        saw that content: the image's knowledge mounted at another path), else parsed."""
        entry = files.get(file)
        if entry is not None and trusted is not None and entry[1] == trusted:
            return _Read(trusted, _records(file, entry), [], entry[0], entry[2])
        text = file_text(file, self.paths)
        if isinstance(text, Problem):
            return _Read(trusted, [], [text])
        digest = content_digest(text)
        entry = entry if entry is not None and entry[0] == digest else by_content.get(digest)
        if entry is not None:
            return _Read(trusted, _records(file, entry), [], digest, text)
        self.files_read += 1
        records, problems = read_text(text, file)
        # the parsed data is not kept: the monster holds it, and it would double the memory held
        return _Read(trusted, [replace(r, data={}) for r in records], problems, digest, text)

    def _compile(self, cache: KnowledgeCache, compiled: Compiled, knowledge: KnowledgeSet) -> Snapshot:
        """The index of the knowledge just loaded: the cache's if its files are these, else built (from what of the
        cache's still holds); the cache is written again if any file or stamp changed."""
        files = {
            file: (read.digest, read.stamp, read.text, tuple((r.index, r.monster, r.claims) for r in read.records))
            for file, read in self._reads.items()
        }
        index = compiled.index
        if index is None or {f: e[0] for f, e in files.items()} != {f: e[0] for f, e in compiled.files.items()}:
            index = Snapshot.build(knowledge, previous=index)
        elif {f: e[1] for f, e in files.items()} == {f: e[1] for f, e in compiled.files.items()}:
            return index
        cache.write(files, index)
        return index

    def compiled_index(self) -> Snapshot | None:
        """The index compiled with the first load, once: a snapshot built from it of the same monsters costs nothing
        (LiveKnowledge's seed)."""
        index, self._index = self._index, None
        return index

    def fingerprint(self) -> str:
        """Changes whenever a file is added, removed or modified (names and stamps)."""
        digest = hashlib.sha256()
        for file in yaml_file_names(self.paths):
            digest.update(f"{file}\0{stamp(file)}\n".encode())
        return digest.hexdigest()
