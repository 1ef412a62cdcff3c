"""The YAML knowledge source: the repo's knowledge/ folder (or any set of files and folders)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Sequence

from monsterbot.core.model import KnowledgeSet
from monsterbot.knowledge.records import KnowledgeError, read_paths, yaml_files


class YamlSource:
    """Monsters from YAML files; a load with any error raises KnowledgeError and loads nothing."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self.paths = list(paths)

    def load(self) -> KnowledgeSet:
        """Every monster, or KnowledgeError listing every problem (warnings do not fail a load)."""
        records, problems = read_paths(self.paths)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise KnowledgeError(errors)
        return KnowledgeSet(tuple(r.monster for r in records))

    def fingerprint(self) -> str:
        """Changes whenever a file is added, removed or modified (names, sizes, mtimes)."""
        digest = hashlib.sha256()
        for file in yaml_files(self.paths):
            stat = file.stat()
            digest.update(f"{file}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        return digest.hexdigest()
