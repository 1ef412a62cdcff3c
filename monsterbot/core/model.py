"""The knowledge model: monsters, their names in four languages and per-game facts.

Pure data: no I/O, no Flask, no Kubernetes. Records are immutable so a loaded
knowledge snapshot can be shared between threads without locks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

LANGUAGES: tuple[str, ...] = ("en", "ja", "zh-TW", "zh-CN")
ELEMENTS: tuple[str, ...] = ("fire", "water", "thunder", "ice", "dragon")
AILMENTS: tuple[str, ...] = ("poison", "sleep", "paralysis", "blast", "stun")
GAMES: tuple[str, ...] = ("world", "rise", "wilds")

#: A hitzone at or above this physical value is a weak spot (the community's usual line).
WEAK_SPOT_THRESHOLD = 45


@dataclass(frozen=True)
class Hitzone:
    """Damage taken by one part, 0–100 per damage type (higher is softer)."""

    part: str
    cut: int | None = None
    impact: int | None = None
    shot: int | None = None
    elements: Mapping[str, int] = field(default_factory=dict)
    state: str = ""  # "" for the part's normal values; else wound, weak point, broken, state 1…

    def values(self) -> tuple[int | None, ...]:
        """cut, impact, shot, then the elements in ELEMENTS order."""
        return (self.cut, self.impact, self.shot, *(self.elements.get(e) for e in ELEMENTS))

    @property
    def physical(self) -> int:
        """The best physical value of the part (what decides a weak spot)."""
        return max((v for v in (self.cut, self.impact, self.shot) if v is not None), default=0)


@dataclass(frozen=True)
class Form:
    """A conditional state that changes element weaknesses ("when covered in mud")."""

    description: str
    elements: Mapping[str, int]


@dataclass(frozen=True)
class Drop:
    """One way a material is obtained: a row of the source's reward table (rate in percent)."""

    how: str  # carve, tail carve, break, quest reward, … (knowledge/monster.schema.json names them all)
    rate: int
    count: int = 1
    part: str = ""  # the part broken (or carved, mined) where the condition names one
    tier: str = ""  # the reward tier where the condition has one (investigation gold, guiding lands high)


@dataclass(frozen=True)
class Material:
    """An item a monster gives at one rank, with its names and every way it is obtained."""

    item: str  # the English name; replies name it in other languages (core/glossary/item_names_<game>.json)
    drops: tuple[Drop, ...]
    rarity: int | None = None


@dataclass(frozen=True)
class Remedy:
    """An item that cures or guards against what a monster inflicts (read from the item's own text)."""

    item: str  # the English name
    cures: tuple[str, ...]


@dataclass(frozen=True)
class GameFacts:
    """What one game says about a monster. Any field may be empty where no source gives it."""

    game: str
    elements: Mapping[str, int] = field(default_factory=dict)
    weak_elements: tuple[str, ...] = ()
    resisted_elements: tuple[str, ...] = ()
    ailments: Mapping[str, int] = field(default_factory=dict)
    hitzones: tuple[Hitzone, ...] = ()
    breakable: tuple[str, ...] = ()
    severable: tuple[str, ...] = ()
    forms: tuple[Form, ...] = ()
    source: str = ""
    derived: tuple[str, ...] = ()  # facts computed by a documented rule, not given by the source ("elements")
    missing: tuple[str, ...] = ()  # facts the source lacks for this monster
    materials: Mapping[str, tuple[Material, ...]] = field(default_factory=dict)  # rank (low, high, master) -> items
    habitats: tuple[str, ...] = ()  # regions, by English name (core/glossary/place_names.json)
    inflicts: tuple[str, ...] = ()  # what its attacks inflict on hunters (fireblight, strong roar, …)
    remedies: tuple[Remedy, ...] = ()  # what to bring against those
    crowns: Mapping[str, int] = field(default_factory=dict)  # mini / silver / gold, percent of the base size
    traps: Mapping[str, bool] = field(default_factory=dict)  # pitfall / shock / vine: whether the trap holds it
    impractical_ailments: tuple[str, ...] = ()  # listed as effective, but its build-up makes it near-useless

    @property
    def documented(self) -> int:
        """How many of the card's kinds of facts this game has (element stars or weak elements, ailments,
        hitzones)."""
        return sum(bool(kind) for kind in (self.elements or self.weak_elements, self.ailments, self.hitzones))

    def top_elements(self) -> tuple[str, ...]:
        """The elements that hurt most: by the source's stars, else its listed weak elements, else derived stars."""
        if self.weak_elements and "elements" in self.derived:
            return self.weak_elements
        if self.elements:
            best = max(self.elements.values())
            return tuple(e for e in ELEMENTS if best > 0 and self.elements.get(e) == best)
        return self.weak_elements

    def weak_parts(self, limit: int = 3) -> tuple[Hitzone, ...]:
        """The softest parts in their normal state, weakest first, at or above the weak-spot threshold."""
        soft = [h for h in self.hitzones if not h.state and h.physical >= WEAK_SPOT_THRESHOLD]
        soft.sort(key=lambda h: (-h.physical, self.hitzones.index(h)))
        return tuple(soft[:limit])


@dataclass(frozen=True)
class Monster:
    """A monster: official names per language, aliases players type, facts per game."""

    id: str
    names: Mapping[str, str]
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    games: Mapping[str, GameFacts] = field(default_factory=dict)
    ambiguous_with: tuple[str, ...] = ()
    origin: str = ""

    def name(self, language: str) -> str:
        """The official name in a language, falling back to English."""
        return self.names.get(language) or self.names["en"]

    def newest_game(self) -> str | None:
        """The newest game the monster appears in."""
        return next((g for g in reversed(GAMES) if g in self.games), next(iter(self.games), None))

    def documented_game(self) -> str | None:
        """The game whose facts say the most about the monster (element stars or weak elements, ailments,
        hitzones: World's figures over Rise's list of weak elements), the newest of those."""
        newest_first = [g for g in reversed(GAMES) if g in self.games] or list(self.games)
        return max(newest_first, key=lambda g: self.games[g].documented, default=None)

    def facts(self, game: str | None) -> GameFacts | None:
        """Facts for the game asked for, else for the game that documents the monster best (`documented_game`)."""
        if game and game in self.games:
            return self.games[game]
        shown = self.documented_game()
        return self.games[shown] if shown else None

    def all_names(self) -> list[tuple[str, str]]:
        """Every (language, name) pair, official names first, then aliases."""
        pairs = [(lang, name) for lang, name in self.names.items()]
        pairs += [(lang, alias) for lang, aliases in self.aliases.items() for alias in aliases]
        return pairs


@dataclass(frozen=True)
class KeywordReply:
    """A plain keyword → reply event, as in the original LINE Bot Operator's EventBinding."""

    keywords: tuple[str, ...]
    text: str
    origin: str = ""


@dataclass(frozen=True)
class KnowledgeSet:
    """What a knowledge source yields: monsters and keyword replies."""

    monsters: tuple[Monster, ...] = ()
    replies: tuple[KeywordReply, ...] = ()
