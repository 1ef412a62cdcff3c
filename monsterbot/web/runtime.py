"""Wiring the parts a running bot needs from its settings: store, knowledge, query log, preferences.

Under gunicorn the master calls `preload` before it forks (monsterbot/web/gunicorn_conf.py), and hands what it made
to each worker's app (`create_app(preloaded=...)`, then `build`): the knowledge is loaded once, and each worker starts
from that snapshot, whose pages the workers share, instead of loading a copy of its own. Threads (the
reloader, the EventBinding watcher, the query log writer) start in `build`, in the workers, never in the master.

The embedded store (SQLite in the data folder, the default) is read and written with sqlite3 (store/embedded.py):
the master has a process of its own migrate it while the workers start and answer; nothing on the path to the first
answer imports SQLAlchemy. A database server, or the knowledge kept in the store, is opened through SQLAlchemy, in
each worker, before it answers.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from monsterbot.config import Settings
from monsterbot.conversation import Conversation
from monsterbot.core.model import AILMENTS, ELEMENTS
from monsterbot.core.snapshot import Snapshot
from monsterbot.memory import ChatMemory, NoMemory, chat_memory
from monsterbot.preferences import MemoryPreferences, Preferences
from monsterbot.preferences.cached import CachedPreferences
from monsterbot.questions.reverse import ranking_page
from monsterbot.sources import Source, knowledge_source, live_knowledge
from monsterbot.sources.live import Baseline, LiveKnowledge, Reloader
from monsterbot.web import metrics

if TYPE_CHECKING:  # imported only when configured, to keep the default start-up light
    from sqlalchemy.engine import Engine

    from monsterbot.sources.cluster import ClusterSource
    from monsterbot.store.query_log import QueryLog

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    """Everything built from the settings, for the webhook and the CLI."""

    settings: Settings
    knowledge: LiveKnowledge
    source: Source
    engine: Engine | None = None  # SQLAlchemy's: a database server, or the knowledge in the store
    query_log: QueryLog | None = None
    preferences: Preferences | None = None
    reloader: Reloader | None = None
    cluster: ClusterSource | None = None  # when watching EventBindings
    memory: ChatMemory = field(default_factory=NoMemory)  # each chat's last monster, for follow-ups

    def dependencies(self) -> dict[str, bool]:
        """Whether each dependency on the request path answers in time (the database, for preferences)."""
        return {"database": self.preferences.healthy} if isinstance(self.preferences, CachedPreferences) else {}

    def ready(self) -> bool:
        """Knowledge is loaded, and the first list of EventBindings is in when watching the cluster."""
        return self.knowledge.ready and (self.cluster is None or self.cluster.ready)

    def close(self) -> None:
        """Stop the background threads (reloader, query log writer), close the chat memory and the store's
        connections."""
        if self.reloader:
            self.reloader.stop()
        if self.cluster is not None:
            self.cluster.watcher.stop()
        if self.query_log is not None:
            self.query_log.close()
        self.memory.close()
        if self.engine is not None:
            self.engine.dispose()


@dataclass(frozen=True)
class PreloadedKnowledge:
    """Knowledge loaded before the fork: the source (with what it read), its snapshot, its fingerprint then."""

    source: Source
    snapshot: Snapshot
    fingerprint: str


@dataclass(frozen=True)
class Preloaded:
    """What the master prepared before the fork, for the settings it was made for: the embedded store a process of
    its own migrates, and the knowledge, when it could be loaded there."""

    key: tuple[object, ...]
    migrating: str | None = None  # that store's URL
    knowledge: PreloadedKnowledge | None = None

    def serves(self, settings: Settings) -> bool:
        """Whether a worker with these settings may start from it."""
        return self.key == _preload_key(settings)


_WARM_UP = "火龍"  # a name asked as players ask one


def _preload_key(settings: Settings) -> tuple[object, ...]:
    return settings.source, tuple(settings.knowledge_paths), settings.data_dir


def preload(settings: Settings) -> Preloaded:
    """Load the YAML knowledge in this process (the gunicorn master, before it forks) for the workers' `build`, and
    import the modules `build` will use, so that the workers share all these pages. Starts no thread and opens no
    database (a connection must not cross a fork); knowledge that cannot be loaded here leaves each worker to load
    its own."""
    migrating = None
    if embedded_store(settings) is not None:
        from monsterbot.store.embedded import migrate_apart

        if migrate_apart(settings.store_url()) is not None:
            migrating = settings.store_url()
    for used, modules in (
        (
            settings.needs_store and embedded_store(settings) is None,
            ("monsterbot.preferences.sql", "monsterbot.store.database", "monsterbot.store.query_log"),
        ),
        (embedded_store(settings) is not None, ("monsterbot.store.embedded", "monsterbot.store.query_log")),
        (settings.memory and not settings.redis_url and settings.remote_store, ("monsterbot.memory.sql_store",)),
        (bool(settings.redis_url), ("redis", "monsterbot.memory.redis_store")),
        (settings.kubernetes, ("monsterbot.sources.cluster", "kubernetes.client", "kubernetes.config")),
    ):
        for module in modules if used else ():
            importlib.import_module(module)  # shared by the workers, used there
    prepared = Preloaded(_preload_key(settings), migrating)
    if settings.source != "yaml":
        return prepared
    source = knowledge_source(settings, None)
    fingerprint = source.fingerprint()
    knowledge = live_knowledge(source, settings, baseline(settings))
    if not knowledge.reload():
        return prepared
    # what each worker would compute once per snapshot, computed here once for all of them: the names never read as a
    # follow-up and the tables every answer uses (by answering a name), the default game's reverse-lookup rankings
    # (each walks every monster: tens of MB at 10,000 monsters); a ranking's page, a small card, is drawn in the worker
    # that is asked for it (drawing the eleven here cost ~15 ms before the first answer)
    Conversation(knowledge, settings.default_game).reply_to_text(_WARM_UP)
    for topic in (*ELEMENTS, *AILMENTS):
        ranking_page(knowledge.current, topic, settings.default_game, 0)
    return replace(prepared, knowledge=PreloadedKnowledge(source, knowledge.current, fingerprint))


def baseline(settings: Settings) -> Baseline:
    """The knowledge baseline of the host's serving processes, on the data volume."""
    return Baseline(settings.data_dir / "knowledge-baseline.json")


def embedded_store(settings: Settings) -> Path | None:
    """The SQLite file of the store when the webhook uses it through sqlite3 only (the knowledge from YAML)."""
    from monsterbot.store import sqlite_file

    return sqlite_file(settings.store_url()) if settings.needs_store and settings.source != "store" else None


def open_store(settings: Settings, migrated_apart: bool = False) -> Engine | None:
    """The migrated database engine, or None if it is not needed (or is the embedded store, migrated by the master's
    process when it has one (`migrated_apart`), else here, and not kept); an outage is logged, not fatal."""
    if not settings.needs_store or migrated_apart:
        return None
    from monsterbot.store.database import migrate, open_engine

    engine = open_engine(settings.store_url())
    try:
        migrate(engine)
    except Exception as exc:  # noqa: BLE001 - the bot answers from YAML or waits for the store
        log.error("database unavailable at start-up: %s", type(exc).__name__)
    if embedded_store(settings) is not None:
        engine.dispose()
        return None
    return engine


def build(
    settings: Settings,
    *,
    watch: bool = True,
    strict: bool = False,
    kube_api: object | None = None,
    preloaded: Preloaded | None = None,
) -> Runtime:
    """Load knowledge (strict: raise on errors), and start the reloader, the query log and the
    EventBinding watcher when asked (kube_api: a CustomObjectsApi, else from the environment); in a gunicorn worker,
    from what the master `preload`ed for the same settings."""
    engine = open_store(settings, preloaded is not None and preloaded.migrating == settings.store_url())
    known = preloaded.knowledge if preloaded is not None and preloaded.serves(settings) else None
    source = known.source if known is not None else knowledge_source(settings, engine)
    cluster = None
    if settings.kubernetes and watch:
        from monsterbot.sources.cluster import ClusterSource, kubernetes_api

        cluster = ClusterSource(
            source,
            kube_api or kubernetes_api(),
            settings.namespace or None,
            bot=settings.bot,
            selector=dict(settings.bot_selector),
        )
        source = cluster
    knowledge = live_knowledge(source, settings, baseline(settings) if watch else None)  # a serving process's only
    runtime = Runtime(
        settings,
        knowledge,
        source,
        engine,
        preferences=MemoryPreferences(),
        cluster=cluster,
        memory=chat_memory(settings, engine),
    )
    if watch:
        knowledge.listeners.append(lambda: metrics.export_knowledge(knowledge))
    if known is not None:
        knowledge.adopt(known.snapshot)
    else:
        knowledge.reload(strict=strict)
    if cluster is not None:
        cluster.on_update = knowledge.reload  # its first list reloads: files changed since the preload are read then
        cluster.watcher.start()
    if watch and settings.reload_interval > 0:
        # a preload's fingerprint makes the first check read files changed since, if the fork came later
        seen = known.fingerprint if known is not None and cluster is None else None
        runtime.reloader = Reloader(knowledge, source.fingerprint, settings.reload_interval, seen)
        runtime.reloader.start()
    embedded = embedded_store(settings)
    if watch and (engine is not None or embedded is not None):
        from monsterbot.store.query_log import QueryLog, QueryStore

        queries: QueryStore
        if engine is not None:
            from monsterbot.preferences.sql import StorePreferences
            from monsterbot.store.query_log import SqlQueries

            runtime.preferences, queries = CachedPreferences(StorePreferences(engine)), SqlQueries(engine)
        elif embedded is not None:
            from monsterbot.store.embedded import EmbeddedPreferences, EmbeddedStore
            from monsterbot.store.query_log import EmbeddedQueries

            store = EmbeddedStore(embedded)
            runtime.preferences, queries = CachedPreferences(EmbeddedPreferences(store)), EmbeddedQueries(store)
        if settings.query_log:
            runtime.query_log = QueryLog(queries, settings.query_log_days, on_drop=metrics.QUERY_LOG_DROPPED.inc)
    return runtime
