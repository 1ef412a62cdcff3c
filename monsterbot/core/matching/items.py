"""Item names as players type them, in four languages: which item a text names, for "where do I get X?".

The keys are every item some monster gives (its English name in the knowledge, its names in the glossaries),
normalised as monster names are (case, width, Simplified/Traditional, kana), with and without the particles
players leave out (的, 之, の). A text names an item when its key is
one, or when it is a close spelling of one (rapidfuzz's ratio, `CLOSE`) and long enough for a ratio to mean
something (`MIN_FUZZY`): a short word near a short name is chatter. The close spellings are found by the matcher's
prefilter (prefilter.py), not by scoring every key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from monsterbot.core.glossary import ITEM_GAMES, table
from monsterbot.core.matching.normalize import normalize
from monsterbot.core.matching.prefilter import FuzzyIndex
from monsterbot.core.model import Monster

#: A spelling at least this close (0-100) to an item's name is that item ("rathalos rubi", "火龍紅玉").
CLOSE = 88.0
#: Keys shorter than this are matched exactly only.
MIN_FUZZY = 4
#: Particles players leave out of item names (火龍紅玉 for 火龍的紅玉, 火竜紅玉 for 火竜の紅玉).
_PARTICLES = str.maketrans("", "", "的之の")


def _bare(key: str) -> str:
    return key.translate(_PARTICLES)


def _key(name: str) -> str:
    """A name's key: normalised, with "+" kept as a word (Doshaguma Fur+ is the high-rank Doshaguma Fur)."""
    return normalize(name.replace("+", " plus "))


@dataclass(frozen=True)
class ItemMatch:
    """The item a text names (its English name), how close, and whether it was typed exactly."""

    item: str
    score: float
    exact: bool


class ItemIndex:
    """Every item the monsters give, by normalised name in four languages."""

    def __init__(self, monsters: Iterable[Monster]) -> None:
        english = {
            m.item
            for monster in monsters
            for facts in monster.games.values()
            for items in facts.materials.values()
            for m in items
        }
        self.by_key: dict[str, str] = {}
        for item in sorted(english):
            names = [item] + [n for game in ITEM_GAMES for n in table(f"item_names_{game}").get(item, {}).values()]
            for name in names:
                self.by_key.setdefault(_key(name), item)
                self.by_key.setdefault(_bare(_key(name)), item)
        self._fuzzy = FuzzyIndex(self.by_key)

    def named(self, text: str) -> str | None:
        """The item a text is the name of as typed (normalised, particles left out or not): a dictionary lookup."""
        key = _key(text)
        return self.by_key.get(key) or self.by_key.get(_bare(key)) if key else None

    def find(self, text: str, fuzzy: bool = True) -> ItemMatch | None:
        """The item a text names, or None; `fuzzy=False` takes only a name as typed (normalised)."""
        exact = self.named(text)
        if exact is not None:
            return ItemMatch(exact, 100.0, True)
        key = _key(text)
        if not fuzzy or len(key) < MIN_FUZZY:
            return None
        found = self._fuzzy.extract(key, CLOSE, 1)
        return ItemMatch(self.by_key[found[0][0]], found[0][1], False) if found else None
