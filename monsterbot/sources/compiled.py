"""The compiled knowledge cache: each YAML file's checked monsters and their index, kept in the data folder so that a
start skips YAML and the index build.

One file, `knowledge.cache`: a header naming the format and the code that wrote it, a digest of the body, and the
body, a pickle of the files ({path: (content digest, stamp, text, ((document index, Monster, name claims), …))})
and of the snapshot indexed from exactly those monsters. An entry serves the file at its path whose stamp (size, mtime,
ctime, inode) is unchanged or, when it changed (another host, a fresh checkout), whose content has the same digest;
a file at a path the cache does not know is served by an entry of the same content (the image's knowledge mounted
elsewhere, as the chart's ConfigMap is). An edited file is parsed and checked from YAML as ever, with its file:line
problems. Only knowledge that loaded without problems is written. The cache is written whole to a temporary file
renamed over the old one. A cache from other code (another release, Python or name folding), truncated, corrupt or
foreign is ignored and rewritten: its digest must match, and its unpickler builds nothing but the knowledge model's
and the index's own classes. The snapshot keeps the item index its first answer reads (`Snapshot.compiled`).
"""

from __future__ import annotations

import gc
import hashlib
import io
import logging
import os
import pickle
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Iterator, Mapping

from monsterbot.core.model import Monster
from monsterbot.core.snapshot import Snapshot

log = logging.getLogger(__name__)

CACHE_FILE = "knowledge.cache"
FORMAT = b"monsterbot-knowledge-cache 1\n"
_DIGEST = 32  # bytes of a sha256

#: (normalised key, path) of each name and alias of a record (records.Record.claims).
Claims = tuple[tuple[str, tuple[str | int, ...]], ...]
#: One file that loaded without problems: its content digest, its stamp when read (None if it was too recent to
#: trust, see yaml_files.RACY_NS), its text, and (document index, monster, claims) per record.
Entry = tuple[str, tuple[int, int, int, int] | None, str, tuple[tuple[int, Monster, Claims], ...]]
#: The packages whose code turns YAML into monsters and monsters into an index, and the libraries that fold names.
_CODE_PACKAGES = ("monsterbot.core", "monsterbot.knowledge")
_CODE_MODULES = ("monsterbot.sources.compiled",)
_LIBRARIES = ("opencc", "jaconv", "rapidfuzz")
#: Every class a cache may hold (module, name); anything else makes the cache foreign.
_ALLOWED = frozenset(
    {
        *(
            ("monsterbot.core.model", name)
            for name in ("Monster", "GameFacts", "Hitzone", "Form", "KeywordReply", "Drop", "Material", "Remedy")
        ),
        ("monsterbot.core.snapshot", "Snapshot"),
        ("monsterbot.core.matching.items", "ItemIndex"),
        ("monsterbot.core.matching.matcher", "Matcher"),
        ("monsterbot.core.matching.matcher", "_Entry"),
        ("monsterbot.core.matching.phonetic", "PhoneticIndex"),
        ("monsterbot.core.matching.phonetic", "_Spellings"),
        ("monsterbot.core.matching.prefilter", "FuzzyIndex"),
        ("monsterbot.core.matching.prefilter", "SubstringIndex"),
        ("monsterbot.core.matching.typos", "Deletions"),
        ("monsterbot.core.matching.typos", "KanaDeletions"),
        ("monsterbot.core.matching.typos", "Slips"),
        ("re", "_compile"),
    }
)


@dataclass
class Compiled:
    """What a cache holds: the files' entries and the snapshot indexed from their monsters."""

    files: dict[str, Entry] = field(default_factory=dict)
    index: Snapshot | None = None


def content_digest(text: str) -> str:
    """The digest that keys a file's entry."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


@lru_cache(maxsize=1)
def code_tag() -> bytes:
    """A digest of the Python version, the library versions and the code and data files that load and index
    knowledge (a cache written by any other code is stale)."""
    digest = hashlib.sha256(repr(sys.version_info[:2]).encode())
    for library in _LIBRARIES:
        digest.update(
            f"{library} {getattr(sys.modules.get(library) or __import__(library), '__version__', '')}".encode()
        )
    files: list[Path] = []
    for package in _CODE_PACKAGES:
        folder = resources.files(package)
        files += sorted(p for p in Path(str(folder)).rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for module in _CODE_MODULES:
        spec = find_spec(module)
        files.append(Path(spec.origin if spec and spec.origin else module))
    for file in files:
        digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.digest()


@contextmanager
def paused_collector() -> Iterator[None]:
    """No cyclic garbage collection while knowledge is built (or the gunicorn master's start): a load allocates
    objects that all live on, and the collector walking that growing graph again and again costs a third of a cold
    load, twice a warm one's."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


class _KnowledgeUnpickler(pickle.Unpickler):
    """Builds plain data and the allowed classes, nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not knowledge")
        return super().find_class(module, name)


class KnowledgeCache:
    """The cache file in a folder (MONSTERBOT_DATA_DIR), read first from `seed` (MONSTERBOT_COMPILED_KNOWLEDGE: the
    image's, read-only) while the folder has none; reading or writing it never fails a load."""

    def __init__(self, folder: Path, seed: Path | None = None) -> None:
        self.file = Path(folder) / CACHE_FILE
        self.seed = seed

    def read(self) -> Compiled:
        """The stored knowledge, or nothing if the cache is missing, from other code, or damaged."""
        if self.seed is not None and not self.file.exists():
            return self._read(self.seed)  # a new volume on the data folder: the image's cache, where it matches
        return self._read(self.file)

    def _read(self, file: Path) -> Compiled:
        try:
            blob = file.read_bytes()
        except OSError:
            return Compiled()
        head = len(FORMAT) + 2 * _DIGEST
        if blob[: len(FORMAT)] != FORMAT:
            log.warning("%s is not a knowledge cache of this format: ignoring it", file)
            return Compiled()
        if blob[len(FORMAT) : len(FORMAT) + _DIGEST] != code_tag():
            log.info("knowledge cache %s is from other code: rebuilding it", file)
            return Compiled()
        body = memoryview(blob)[head:]
        if hashlib.sha256(body).digest() != blob[head - _DIGEST : head]:
            log.warning("knowledge cache %s is damaged: ignoring it", file)
            return Compiled()
        try:
            with paused_collector():
                files, index = _KnowledgeUnpickler(io.BytesIO(body)).load()
            if not isinstance(files, dict) or not isinstance(index, Snapshot):
                raise TypeError("not a knowledge cache")
        except Exception as exc:  # noqa: BLE001 - whatever is in the file, the YAML is the truth
            log.warning("knowledge cache %s cannot be read (%s): ignoring it", file, exc)
            return Compiled()
        return Compiled(files, index)

    def write(self, files: Mapping[str, Entry], index: Snapshot) -> None:
        """Replace the cache, atomically; a folder that cannot be written only logs."""
        try:
            body = pickle.dumps((dict(files), index.compiled()), protocol=pickle.HIGHEST_PROTOCOL)
            self.file.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{CACHE_FILE}.", dir=self.file.parent)
            try:
                os.fchmod(handle, 0o644)  # readable like the knowledge it holds (mkstemp makes 0600): another UID's pod
                with os.fdopen(handle, "wb") as out:
                    out.write(FORMAT + code_tag() + hashlib.sha256(body).digest())
                    out.write(body)
                os.replace(temporary, self.file)
            except BaseException:
                os.unlink(temporary)
                raise
        except (OSError, pickle.PicklingError) as exc:
            log.warning("cannot write the knowledge cache %s: %s", self.file, exc)
