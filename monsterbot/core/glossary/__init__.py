"""Names the knowledge holds in English only (items, regions, what monsters inflict, parts) in the other languages.

The item, region and condition glossaries are written by `monsterbot import companion` from the games' own text
(World: MHWorldData, zh-CN converted with OpenCC; Wilds: the game's text); the part glossaries by `monsterbot import
hunterpie` (part_names.json) and `import wilds` (part_names_wilds.json); part_words.json is kept by hand.
Read-only package data, loaded once.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

#: Where the importers write the glossaries (this package's folder in a checkout).
FOLDER = Path(__file__).resolve().parent

#: Conditions only World's data names, which no game text in the sources translates (this project's wording).
_OWN_CONDITIONS = {
    "extreme wind pressure": {
        "en": "Extreme Wind Pressure",
        "ja": "風圧【特大】",
        "zh-TW": "風壓【特大】",
        "zh-CN": "风压【特大】",
    },
    "mud": {"en": "Mud", "ja": "泥まみれ", "zh-TW": "泥濘", "zh-CN": "泥泞"},
    "effluvia": {"en": "Effluvia", "ja": "瘴気", "zh-TW": "瘴氣", "zh-CN": "瘴气"},
}


#: The games whose items have a glossary.
ITEM_GAMES = ("wilds", "world")


@lru_cache(maxsize=16)
def table(name: str) -> dict[str, dict[str, str]]:
    """One glossary: English name -> {language: name}."""
    return json.loads(resources.files(__name__).joinpath(f"{name}.json").read_text("utf-8"))


def item_name(english: str, language: str, game: str | None) -> str:
    """An item's name in a language (the game's own where it differs between games), else English."""
    own = [f"item_names_{game}"] if game in ITEM_GAMES else []
    for name in (*own, *(f"item_names_{g}" for g in ITEM_GAMES)):
        found = table(name).get(english, {}).get(language)
        if found:
            return found
    return english


def place_name(english: str, language: str) -> str:
    """A region's name in a language, else English."""
    return table("place_names").get(english, {}).get(language) or english


def condition_name(code: str, language: str) -> str:
    """What a monster inflicts, as the field guide names it ("fireblight" -> 火屬性異常)."""
    names = table("condition_names").get(code) or _OWN_CONDITIONS.get(code) or {}
    return names.get(language) or names.get("en") or code


@lru_cache(maxsize=1)
def part_words() -> dict[str, Any]:
    """The hand-kept part words (part_words.json): whole names from Wilds' text, aliases of English spellings, the
    project's words for bases and states, and the forms that change element weaknesses."""
    return json.loads(resources.files(__name__).joinpath("part_words.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _part_games() -> tuple[str, ...]:
    """The games with a part glossary of their own (part_names_<game>.json)."""
    files = (f.name for f in resources.files(__name__).iterdir())
    return tuple(
        sorted(
            f[len("part_names_") : -len(".json")] for f in files if f.startswith("part_names_") and f.endswith(".json")
        )
    )


@lru_cache(maxsize=4)
def _part_glossary(game: str | None = None) -> dict[str, dict[str, str]]:
    """English part name -> ja / zh-TW / zh-CN: from HunterPie's localization (part_names.json), and for a game with
    its own glossary (part_names_<game>.json, e.g. Wilds from the game's text) that one first."""
    names = table("part_names")
    return {**names, **table(f"part_names_{game}")} if game in _part_games() else names


def part_tables(english: str, game: str | None) -> list[dict[str, str]]:
    """A part's names by language ({language: name}) from each table it is looked up in, the first found winning: the
    games' own names (part_words' names), the glossary of the game, the project's words. An alias ("Forearms") is
    looked up as the glossary name it stands for ("Foreleg")."""
    words = part_words()
    english = words["aliases"].get(english, english)
    return [names.get(english, {}) for names in (words["names"], _part_glossary(game), words["words"])]


def every_part_name() -> dict[str, set[str]]:
    """English part name -> its names in every language that any part table of any game gives (English included);
    an alias ("Forearms") has the names of the glossary name it stands for too."""
    words = part_words()
    found: dict[str, set[str]] = {}
    for names in (
        table("part_names"),
        *(table(f"part_names_{g}") for g in _part_games()),
        words["names"],
        words["words"],
    ):
        for english, by_language in names.items():
            found.setdefault(english, {english}).update(by_language.values())
    for alias, english in words["aliases"].items():
        found.setdefault(alias, {alias}).update(found.get(english, ()))
    return found
