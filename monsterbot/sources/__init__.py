"""Choosing where knowledge comes from: the YAML files, or the store that `monsterbot sync` fills."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from monsterbot.config import Settings
from monsterbot.core.model import KnowledgeSet

if TYPE_CHECKING:  # the store and the YAML reader are imported only when used (importing the webhook stays light)
    from sqlalchemy.engine import Engine

    from monsterbot.core.snapshot import Snapshot
    from monsterbot.sources.live import Baseline, LiveKnowledge
    from monsterbot.sources.yaml_files import YamlSource


class Source(Protocol):
    """Loads monsters, says cheaply whether they may have changed, and hands over the index it compiled."""

    def load(self) -> KnowledgeSet: ...

    def fingerprint(self) -> str: ...

    def compiled_index(self) -> Snapshot | None:
        """The index compiled with the first load (the compiled cache's), once: a snapshot built from it of the same
        monsters costs nothing (LiveKnowledge's seed); None from a source that compiles none."""
        ...


def live_knowledge(source: Source, settings: Settings, baseline: Baseline | None = None) -> LiveKnowledge:
    """The live knowledge of a source, seeded with its compiled index: how the web process and the CLI both hold it
    (a serving process's also guarded by the host's last good `baseline`, on the data volume)."""
    from monsterbot.sources.live import LiveKnowledge

    return LiveKnowledge(source.load, settings.reload_min_share, seed=source.compiled_index, baseline=baseline)


def load_knowledge(settings: Settings, engine: Engine | None = None) -> LiveKnowledge:
    """The knowledge the settings name, loaded now or KnowledgeError (the commands that answer from it: chat, ask,
    misses); `engine` is the store's, for MONSTERBOT_SOURCE=store."""
    knowledge = live_knowledge(knowledge_source(settings, engine), settings)
    knowledge.reload(strict=True)
    return knowledge


def knowledge_source(settings: Settings, engine: Engine | None) -> Source:
    """The source the settings name (MONSTERBOT_SOURCE)."""
    if settings.source == "store":
        from monsterbot.sources.store import StoreSource

        if engine is None:
            raise ValueError("MONSTERBOT_SOURCE=store needs a database")
        return StoreSource(engine)
    return yaml_source(settings)


def yaml_source(settings: Settings) -> YamlSource:
    """The YAML files the settings name, compiled into a cache in the data folder (MONSTERBOT_DATA_DIR)."""
    from monsterbot.sources.compiled import KnowledgeCache
    from monsterbot.sources.yaml_files import YamlSource

    seed = Path(settings.compiled_knowledge) if settings.compiled_knowledge else None
    return YamlSource(settings.knowledge_paths, KnowledgeCache(settings.data_dir, seed))
