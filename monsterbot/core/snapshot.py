"""An immutable knowledge snapshot: monsters by id, their match index, keyword replies and a content version.

A request reads one snapshot and works on it to the end; a reload builds a new one (see sources/live.py).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import Any, Callable, Hashable, Iterable

from monsterbot.core.matching.items import ItemIndex
from monsterbot.core.matching.matcher import Matcher
from monsterbot.core.matching.normalize import normalize
from monsterbot.core.model import KeywordReply, KnowledgeSet, Monster

_ITEMS = ("item index",)  # the memo's key of the item index


@dataclass(frozen=True)
class Snapshot:
    """An immutable knowledge version: monsters by id and the matcher over their names."""

    monsters: dict[str, Monster]
    matcher: Matcher
    version: str
    replies: dict[str, KeywordReply] = field(default_factory=dict)
    memo: dict[Hashable, Any] = field(default_factory=dict, compare=False, repr=False)
    digests: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # content digest per monster id

    def remember(self, key: Hashable, build: Callable[[], Any], limit: int = 4096) -> Any:
        """A value derived from this snapshot (a built reply), computed once per key."""
        try:
            return self.memo[key]
        except KeyError:
            if len(self.memo) >= limit:
                self.memo.clear()
            value = self.memo[key] = build()
            return value

    @property
    def items(self) -> ItemIndex:
        """The item names of the monsters' materials (built once per version, or kept in the compiled knowledge)."""
        return self.remember(_ITEMS, lambda: ItemIndex(self.monsters.values()))

    def compiled(self) -> Snapshot:
        """This snapshot as the compiled knowledge keeps it: with what every start would derive from it before its
        first answer (the item index, which that answer reads: ~50 ms at the real roster), none of what answers
        added (replies)."""
        return replace(self, memo={_ITEMS: self.items})

    @classmethod
    def build(cls, knowledge: KnowledgeSet, previous: Snapshot | None = None) -> Snapshot:
        """Index the monsters and keyword replies under their content version.

        With the `previous` snapshot, the monsters that are the very same objects as in it keep their
        index entries and content digests (a reload that re-read one file re-indexes one monster).
        """
        by_id = {m.id: m for m in sorted(knowledge.monsters, key=attrgetter("id"))}
        replies = {normalize(k): r for r in knowledge.replies for k in r.keywords if normalize(k)}
        known = previous.monsters if previous is not None else {}
        old = previous.digests if previous is not None else {}
        digests = {i: old[i] if known.get(i) is m and i in old else monster_digest(m) for i, m in by_id.items()}
        version = _version(digests.values(), knowledge.replies)
        matcher = Matcher(by_id.values(), previous=previous.matcher if previous is not None else None)
        # the same content (a start from the compiled knowledge, a file touched): what was derived from it holds
        memo = dict(previous.memo) if previous is not None and previous.version == version else {}
        return cls(by_id, matcher, version, replies, memo, digests)


def monster_digest(monster: Monster) -> str:
    """A digest of one monster's content (not of where it was read from)."""
    return hashlib.sha256(repr(replace(monster, origin="")).encode()).hexdigest()


def knowledge_version(monsters: Iterable[Monster], replies: Iterable[KeywordReply] = ()) -> str:
    """A digest of the content (not of where it was read from): equal knowledge, equal version."""
    return _version([monster_digest(m) for m in monsters], replies)


def _version(digests: Iterable[str], replies: Iterable[KeywordReply]) -> str:
    content = sorted(digests)
    content += sorted(repr(replace(r, origin="")) for r in replies)
    return hashlib.sha256("\n".join(content).encode()).hexdigest()[:12]
