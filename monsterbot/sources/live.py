"""The live knowledge: holds the current snapshot, swaps in a new one on reload, and the thread that polls sources.

A request reads `LiveKnowledge.current` once and works on that snapshot to the end, so a
reload that swaps in a new snapshot is atomic for every reader: nobody sees half an update.
A reload that fails keeps the last good snapshot live and records why; so does a load of no monster at all, and one
that would keep fewer than `min_share` of the baseline (an emptied folder, a half-synced store, a folder cut a little
at each poll), until the knowledge is fixed (or `reload(force=True)`). The baseline is the most monsters live in the
last BASELINE_SECONDS, kept on the data volume (`Baseline`): a process starting on a folder much smaller than the last
known good is refused too, and is not ready.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from monsterbot.core.model import KnowledgeSet
from monsterbot.core.snapshot import Snapshot
from monsterbot.sources.compiled import paused_collector

log = logging.getLogger(__name__)


Loader = Callable[[], KnowledgeSet]
BASELINE_SECONDS = 24 * 3600  # a cut kept this long becomes the baseline: a wanted cut needs a day (or the guard off)


class Baseline:
    """The most monsters live lately, in a file on the data volume shared by the host's workers and their restarts.

    A count at or above it raises it (and dates it); a lower one replaces it only once it is BASELINE_SECONDS old."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self._clock = clock

    def monsters(self) -> int:
        """The baseline's count, 0 if none (no file, one that cannot be read, or one BASELINE_SECONDS old)."""
        kept = self._read()
        return int(kept["monsters"]) if kept and self._clock() - kept["at"] < BASELINE_SECONDS else 0

    def _read(self) -> dict[str, float]:
        try:
            data = json.loads(self.path.read_text("utf-8"))
            return {"monsters": int(data["monsters"]), "at": float(data["at"])}
        except (OSError, ValueError, KeyError, TypeError):
            return {}

    def saw(self, count: int) -> None:
        """A load of `count` monsters went live."""
        if count < self.monsters():
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fresh = self.path.with_name(f".{self.path.name}.{os.getpid()}")
            fresh.write_text(json.dumps({"monsters": count, "at": self._clock()}), "utf-8")
            os.replace(fresh, self.path)  # whole or not at all, whichever worker writes last
        except OSError as exc:
            log.warning("knowledge baseline not kept: %s", type(exc).__name__)


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

    def __init__(
        self,
        loader: Loader,
        min_share: float = 0.5,
        seed: Callable[[], Snapshot | None] | None = None,
        baseline: Baseline | None = None,
    ) -> None:
        self._loader = loader
        self._min_share = min_share
        self._baseline = baseline
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
                log.info(
                    "knowledge version %s live: %d monsters, loaded before the fork",
                    snapshot.version,
                    len(snapshot.monsters),
                )
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
            except Exception as exc:
                self.status = ReloadStatus(False, str(exc), refused=isinstance(exc, TooFewMonsters))
                log.error("knowledge reload failed; keeping version %s: %s", self._version(), exc)
                if strict:
                    raise
                return False
            changed = self._current is None or self._current.version != snapshot.version
            if changed:
                self._current = snapshot
                log.info("knowledge version %s live: %d monsters", snapshot.version, len(snapshot.monsters))
                if self._baseline is not None:
                    self._baseline.saw(len(snapshot.monsters))
            self.status = ReloadStatus()
            return True

    def _check_share(self, count: int) -> None:
        if self._min_share <= 0:
            return
        live = len(self._current.monsters) if self._current else 0
        baseline = max(live, self._baseline.monsters() if self._baseline is not None else 0)
        if count == 0 or count < baseline * self._min_share:
            raise TooFewMonsters(
                f"refused: the new knowledge has {count} monsters against {baseline} lately live "
                f"(below the {self._min_share:.0%} floor of MONSTERBOT_RELOAD_MIN_SHARE); fix it, or set the floor to "
                f"0 "
                "to take it"
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

    def __init__(
        self, knowledge: LiveKnowledge, fingerprint: Callable[[], str], interval: float, seen: str | None = None
    ) -> None:
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
