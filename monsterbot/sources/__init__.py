"""Choosing where knowledge comes from: the YAML files, or the store that `monsterbot sync` fills."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from monsterbot.config import Settings
from monsterbot.core.model import KnowledgeSet

if TYPE_CHECKING:  # the store and the YAML reader are imported only when used (importing the webhook stays light)
    from sqlalchemy.engine import Engine

    from monsterbot.sources.yaml_files import YamlSource


class Source(Protocol):
    """Loads monsters, and says cheaply whether they may have changed."""

    def load(self) -> KnowledgeSet: ...

    def fingerprint(self) -> str: ...


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
