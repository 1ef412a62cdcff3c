"""An immutable knowledge snapshot: monsters by id, their match index, keyword replies and a content version.

A request reads one snapshot and works on it to the end; a reload builds a new one (see sources/live.py).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Hashable, Iterable

from monsterbot.core.matching.matcher import Matcher
from monsterbot.core.matching.normalize import normalize
from monsterbot.core.model import KeywordReply, KnowledgeSet, Monster


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
