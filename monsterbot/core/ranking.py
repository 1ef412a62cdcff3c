"""Which monsters are most vulnerable to an element or ailment, in one game (pure, no I/O).

An element is ranked by the damage it really does: its hitzone value on the parts players hit (the weak spots, else
the three softest parts), then by stars. Ties go to the monster with the softer single part for that element, then
to the one with more weak spots, and last to the English name, so the order never depends on the files' order.
Ailments have no hitzones: stars, then the name. Where a game flags weak elements instead of giving stars, the flagged
monsters are listed (Rise); where its hitzones give derived stars (Wilds, which flags one element a monster), every
monster the element really hurts is, flagged or not, ordered the same way by its hitzones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from monsterbot.core.model import AILMENTS, ELEMENTS, GameFacts, Monster

#: Parts averaged when a monster has no weak spot at all (its softest parts are what players hit).
SOFTEST_PARTS = 3
#: A page of a reverse lookup: one quick-reply button per monster, and one for the next page.
PAGE_SIZE = 10


@dataclass(frozen=True)
class Ranked:
    """A monster, its facts in the game asked about, and how vulnerable it is (stars, or rank among weak elements)."""

    monster: Monster
    facts: GameFacts
    stars: int | None  # 0-3 where the source gives stars
    listed_at: int | None  # position among the weak elements where the source gives no stars
    hitzone: float | None = None  # the element's mean hitzone on the parts players hit, where the source has them
    derived: bool = False  # the stars are derived from hitzones by our rule (listed_at: the game's own flag)


def hit_parts_value(facts: GameFacts, element: str) -> tuple[float, int] | None:
    """(mean element hitzone over the parts players hit, best single part), or None without hitzones."""
    zones = [z for z in facts.hitzones if element in z.elements and not z.part.endswith(")")]
    if not zones:
        return None
    soft = list(facts.weak_parts(limit=len(facts.hitzones)))
    hit = [z for z in soft if z in zones] or sorted(zones, key=lambda z: -z.physical)[:SOFTEST_PARTS]
    return sum(z.elements[element] for z in hit) / len(hit), max(z.elements[element] for z in zones)


def weakest_to(monsters: Iterable[Monster], topic: str, game: str) -> list[Ranked]:
    """Every monster of `game` vulnerable to `topic`, best first: 2 stars or more (the source's, or derived from its
    hitzones where the source gives none: every Wilds monster the element really hurts, not only the one element
    the game flags), or flagged weak by the game."""
    found: list[tuple[tuple[float, ...], Ranked]] = []
    for monster in monsters:
        facts = monster.games.get(game)
        if facts is None:
            continue
        table = facts.ailments if topic in AILMENTS else facts.elements
        derived = topic in ELEMENTS and "elements" in facts.derived
        stars = table.get(topic)
        position = facts.weak_elements.index(topic) if topic in facts.weak_elements else None
        if not (stars is not None and stars >= 2 or position is not None and (derived or not table)):
            continue
        measured = hit_parts_value(facts, topic) if topic in ELEMENTS else None
        mean, best = measured or (-1.0, -1)
        ranked = Ranked(monster, facts, stars, position, round(mean, 1) if measured else None, derived)
        weak_spots = len(facts.weak_parts(limit=99))
        order = len(ELEMENTS) if position is None else position
        found.append(((-mean, -(stars or 0), -best, -weak_spots, order), ranked))
    found.sort(key=lambda pair: (pair[0], pair[1].monster.names["en"]))
    return [ranked for _, ranked in found]


def page(ranked: list[Ranked], number: int) -> tuple[list[Ranked], bool]:
    """One page of a ranking (0-based) and whether another page follows."""
    start = max(number, 0) * PAGE_SIZE
    return ranked[start : start + PAGE_SIZE], len(ranked) > start + PAGE_SIZE
