"""The store as a knowledge source: what `monsterbot sync` compiled into the database."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from monsterbot.core.model import KnowledgeSet
from monsterbot.core.snapshot import Snapshot
from monsterbot.store.knowledge_store import load_monsters, stored_version


class StoreSource:
    """Knowledge read from the store; the fingerprint is the stored version row."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def load(self) -> KnowledgeSet:
        """Every stored monster; an error if the store was never synced."""
        monsters = load_monsters(self.engine)
        if not monsters:
            raise RuntimeError("the knowledge store is empty: run `monsterbot sync` first")
        return KnowledgeSet(tuple(monsters))

    def fingerprint(self) -> str:
        """Changes when a sync changes the knowledge."""
        return stored_version(self.engine)

    def compiled_index(self) -> Snapshot | None:
        """None: the store keeps monsters, not their index."""
        return None
