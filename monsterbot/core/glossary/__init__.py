"""Names the knowledge holds in English only (items, regions, what monsters inflict) in the other languages.

The glossaries are written by `monsterbot import companion` from the games' own text (World: MHWorldData, zh-CN
converted with OpenCC; Wilds: the game's text); read-only package data, loaded once.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

#: Conditions only World's data names, which no game text in the sources translates (this project's wording).
_OWN_CONDITIONS = {
    "extreme wind pressure": {"en": "Extreme Wind Pressure", "ja": "風圧【特大】", "zh-TW": "風壓【特大】", "zh-CN": "风压【特大】"},
    "mud": {"en": "Mud", "ja": "泥まみれ", "zh-TW": "泥濘", "zh-CN": "泥泞"},
    "effluvia": {"en": "Effluvia", "ja": "瘴気", "zh-TW": "瘴氣", "zh-CN": "瘴气"},
}


#: The games whose items have a glossary.
ITEM_GAMES = ("wilds", "world")


@lru_cache(maxsize=8)
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
