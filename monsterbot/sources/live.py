"""The live knowledge: holds the current snapshot, swaps in a new one on reload, and the thread that polls sources.

A request reads `LiveKnowledge.current` once and works on that snapshot to the end, so a
reload that swaps in a new snapshot is atomic for every reader: nobody sees half an update.
A reload that fails keeps the last good snapshot live and records why; so does a reload that would
keep fewer than `min_share` of the live monsters (an emptied folder, a half-synced store), until the
knowledge is fixed or the process restarts (or `reload(force=True)`).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Callable

from monsterbot.core.model import KnowledgeSet
from monsterbot.core.snapshot import Snapshot
from monsterbot.sources.compiled import paused_collector

log = logging.getLogger(__name__)


Loader = Callable[[], KnowledgeSet]


@dataclass(frozen=True)
class ReloadStatus:
    """What the last reload did: for /readyz and /metrics."""

    ok: bool = True
    error: str = ""
    refused: bool = False  # the new knowledge was refused for dropping too many monsters


class TooFewMonsters(ValueError):
    """A reload that would drop too many monsters at once."""


class LiveKnowledge:
    """Holds the live snapshot; reloads it from a loader, keeping the last good one on failure."""

    def __init__(self, loader: Loader, min_share: float = 0.5,
                 seed: Callable[[], Snapshot | None] | None = None) -> None:
        self._loader = loader
        self._min_share = min_share
        self._seed = seed  # while nothing is live, a snapshot whose index entries a build may reuse (the cache's)
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

    def adopt(self, snapshot: Snapshot) -> None:
        """Make live a snapshot loaded elsewhere (by the gunicorn master, before the fork), if nothing is."""
        with self._lock:
            if self._current is None:
                self._current = snapshot
                log.info("knowledge version %s live: %d monsters, loaded before the fork", snapshot.version,
                         len(snapshot.monsters))
        for listener in self.listeners:
            listener()

    def reload(self, strict: bool = False, force: bool = False) -> bool:
        """Load and swap in a new snapshot; on failure keep the old one (or raise, if strict).

        `force` accepts knowledge however many monsters it drops."""
        try:
            return self._reload(strict, force)
        finally:
            for listener in self.listeners:
                listener()

    def _reload(self, strict: bool, force: bool) -> bool:
        with self._lock:
            try:
                with paused_collector():
                    knowledge = self._loader()
                    if not force:
                        self._check_share(len(knowledge.monsters))
                    previous = self._current if self._current is not None or self._seed is None else self._seed()
                    snapshot = Snapshot.build(knowledge, previous=previous)
            except Exception as exc:  # noqa: BLE001 - any failure keeps the last good knowledge
                self.status = ReloadStatus(False, str(exc), refused=isinstance(exc, TooFewMonsters))
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

    def _check_share(self, count: int) -> None:
        live = len(self._current.monsters) if self._current else 0
        if live and (count == 0 or count < live * self._min_share):
            raise TooFewMonsters(
                f"refused: the new knowledge has {count} monsters against {live} live "
                f"(below the {self._min_share:.0%} floor of MONSTERBOT_RELOAD_MIN_SHARE); fix it or restart to force"
            )

    def source_failed(self, error: str) -> None:
        """Record that the sources could not be read; the live snapshot stays."""
        self.status = ReloadStatus(False, error)
        for listener in self.listeners:
            listener()

    def _version(self) -> str:
        return self._current.version if self._current else "none"


class Reloader(threading.Thread):
    """Polls a cheap fingerprint of the sources and reloads when it differs from the last one tried.

    A failed reload is not tried again until the sources change, or come back after an outage:
    so reverting a broken file to its exact former state is seen, and clears the error."""

    def __init__(self, knowledge: LiveKnowledge, fingerprint: Callable[[], str], interval: float,
                 seen: str | None = None) -> None:
        """`seen`: the fingerprint the live knowledge was loaded at, if taken before (else it is taken now)."""
        super().__init__(name="knowledge-reloader", daemon=True)
        self._knowledge = knowledge
        self._fingerprint = fingerprint
        self._interval = interval
        self._stop_event = threading.Event()
        self._seen: str | None = seen if seen is not None else self._look()

    def _look(self) -> str | None:
        try:
            return self._fingerprint()
        except Exception as exc:  # noqa: BLE001 - a source outage keeps the last good knowledge
            log.warning("cannot read knowledge sources: %s", type(exc).__name__)
            if self._knowledge.ready:
                self._knowledge.source_failed(f"cannot read knowledge sources: {type(exc).__name__}")
            return None

    def run(self) -> None:
        while not self._stop_event.wait(self._interval):
            self.check()

    def check(self) -> None:
        """Reload if the sources changed since the last reload tried, came back after an outage, or nothing is live."""
        seen = self._look()
        if seen is None:
            self._seen = None  # an outage: the next look reloads, whatever it finds
            return
        if seen != self._seen or not self._knowledge.ready:
            self._seen = seen
            self._knowledge.reload()

    def stop(self) -> None:
        """Ask the thread to end at its next wake-up."""
        self._stop_event.set()
