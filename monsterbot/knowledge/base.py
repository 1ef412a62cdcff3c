"""A consistent knowledge snapshot (monsters and their match index) and the holder that swaps it.

A request reads `LiveKnowledge.current` once and works on that snapshot to the end, so a
reload that swaps in a new snapshot is atomic for every reader: nobody sees half an update.
A reload that fails keeps the last good snapshot live and records why.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Hashable, Iterable

from monsterbot.knowledge.records import Problem
from monsterbot.matching.matcher import Matcher
from monsterbot.matching.normalize import normalize
from monsterbot.model import KeywordReply, KnowledgeSet, Monster

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    """An immutable knowledge version: monsters by id and the matcher over their names."""

    monsters: dict[str, Monster]
    matcher: Matcher
    version: str
    replies: dict[str, KeywordReply] = field(default_factory=dict)
    memo: dict[Hashable, Any] = field(default_factory=dict, compare=False, repr=False)

    def remember(self, key: Hashable, build: Callable[[], Any], limit: int = 4096) -> Any:
        """A value derived from this snapshot (a built reply), computed once per key."""
        try:
            return self.memo[key]
        except KeyError:
            if len(self.memo) >= limit:
                self.memo.clear()
            value = self.memo[key] = build()
            return value

    @classmethod
    def build(cls, knowledge: KnowledgeSet) -> "Snapshot":
        """Index the monsters and keyword replies under their content version."""
        by_id = {m.id: m for m in sorted(knowledge.monsters, key=lambda m: m.id)}
        replies = {normalize(k): r for r in knowledge.replies for k in r.keywords if normalize(k)}
        version = knowledge_version(by_id.values(), knowledge.replies)
        return cls(by_id, Matcher(by_id.values()), version, replies)


def knowledge_version(monsters: Iterable[Monster], replies: Iterable[KeywordReply] = ()) -> str:
    """A digest of the content (not of where it was read from): equal knowledge, equal version."""
    content = sorted(repr(replace(m, origin="")) for m in monsters)
    content += sorted(repr(replace(r, origin="")) for r in replies)
    return hashlib.sha256("\n".join(content).encode()).hexdigest()[:12]


class KnowledgeError(RuntimeError):
    """Knowledge that could not be loaded, with every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(str(p) for p in problems[:20])
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} problem(s) in the knowledge:\n{shown}{more}")


Loader = Callable[[], KnowledgeSet]


@dataclass(frozen=True)
class ReloadStatus:
    """What the last reload did: for /readyz and /metrics."""

    ok: bool = True
    error: str = ""


class LiveKnowledge:
    """Holds the live snapshot; reloads it from a loader, keeping the last good one on failure."""

    def __init__(self, loader: Loader) -> None:
        self._loader = loader
        self._current: Snapshot | None = None
        self._lock = threading.Lock()
        self.status = ReloadStatus()
        self.listeners: list[Callable[[], None]] = []  # called after every reload attempt

    @property
    def current(self) -> Snapshot:
        """The live snapshot; raises if knowledge was never loaded."""
        snapshot = self._current
        if snapshot is None:
            raise RuntimeError("knowledge is not loaded yet")
        return snapshot

    @property
    def ready(self) -> bool:
        """True once a snapshot is live."""
        return self._current is not None

    def reload(self, strict: bool = False) -> bool:
        """Load and swap in a new snapshot; on failure keep the old one (or raise, if strict)."""
        try:
            return self._reload(strict)
        finally:
            for listener in self.listeners:
                listener()

    def _reload(self, strict: bool) -> bool:
        with self._lock:
            try:
                snapshot = Snapshot.build(self._loader())
            except Exception as exc:  # noqa: BLE001 - any failure keeps the last good knowledge
                self.status = ReloadStatus(False, str(exc))
                log.error("knowledge reload failed; keeping version %s: %s", self._version(), exc)
                if strict:
                    raise
                return False
            changed = self._current is None or self._current.version != snapshot.version
            if changed:
                self._current = snapshot
                log.info("knowledge version %s live: %d monsters", snapshot.version, len(snapshot.monsters))
            self.status = ReloadStatus()
            return True

    def _version(self) -> str:
        return self._current.version if self._current else "none"


class Reloader(threading.Thread):
    """Polls a cheap fingerprint of the sources and reloads when it changes."""

    def __init__(self, knowledge: LiveKnowledge, fingerprint: Callable[[], str], interval: float) -> None:
        super().__init__(name="knowledge-reloader", daemon=True)
        self._knowledge = knowledge
        self._fingerprint = fingerprint
        self._interval = interval
        self._stop_event = threading.Event()
        self._seen: str | None = self._look()

    def _look(self) -> str | None:
        try:
            return self._fingerprint()
        except Exception as exc:  # noqa: BLE001 - a source outage keeps the last good knowledge
            log.warning("cannot read knowledge sources: %s", type(exc).__name__)
            return None

    def run(self) -> None:
        while not self._stop_event.wait(self._interval):
            seen = self._look()
            if seen is None:
                continue
            if seen != self._seen or not self._knowledge.ready:
                if self._knowledge.reload():
                    self._seen = seen

    def stop(self) -> None:
        """Ask the thread to end at its next wake-up."""
        self._stop_event.set()
