"""Which monsters are most vulnerable to an element or ailment, in one game (pure, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from monsterbot.core.model import AILMENTS, GameFacts, Monster


@dataclass(frozen=True)
class Ranked:
    """A monster, its facts in the game asked about, and how vulnerable it is (stars, or rank among weak elements)."""

    monster: Monster
    facts: GameFacts
    stars: int | None  # 0-3 where the source gives stars
    listed_at: int | None  # position among the weak elements where the source gives no stars


def weakest_to(monsters: Iterable[Monster], topic: str, game: str, limit: int = 10) -> list[Ranked]:
    """The monsters of `game` most vulnerable to `topic`, best first: 3 stars before 2, then by name."""
    found: list[Ranked] = []
    for monster in monsters:
        facts = monster.games.get(game)
        if facts is None:
            continue
        # derived stars are not the game's own: rank by its weak-element flags instead
        table = facts.ailments if topic in AILMENTS else ({} if "elements" in facts.derived else facts.elements)
        if topic in table and table[topic] >= 2:
            found.append(Ranked(monster, facts, table[topic], None))
        elif not table and topic in facts.weak_elements:
            found.append(Ranked(monster, facts, None, facts.weak_elements.index(topic)))
    found.sort(key=lambda r: (-(r.stars or 0), r.listed_at or 0, r.monster.names["en"]))
    return found[:limit]
