"""Choosing where knowledge comes from: the YAML files, or the store that `monsterbot sync` fills."""

from __future__ import annotations

from typing import Protocol

from sqlalchemy.engine import Engine

from monsterbot.config import Settings
from monsterbot.core.model import KnowledgeSet
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
    return YamlSource(settings.knowledge_paths)
