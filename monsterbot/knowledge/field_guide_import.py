"""Where a monster lives, what it inflicts, what to bring, its crowns and (World) whether traps hold it.

Wilds (MHWS-in-json, MIT), the field guide `EnemyReportBossData`, per monster:
- `_StageBit`: the regions, one bit each. Bits 1-5 are Windward Plains, Scarlet Forest, Oilwell Basin, Iceshard
  Cliffs and Ruins of Wyveria. Established by the monsters that live on one bit only: the game's own description of
  each names that region (Rey Dau and Balahara: bit 1, "the Windward Plains' ecosystem"; Uth Duna: bit 2, "the Scarlet
  Forest's"; Nu Udra and Rompopolo: bit 3, "Oilwell Basin"; Jin Dahaad: bit 4, "the Iceshard Cliffs'"; Xu Wu, Zoh Shia
  and the Guardians: bit 5, "the Ruins of Wyveria"). The dump's own enum labels (ST102…ST201) are shifted and are not
  used. The region names in four languages come from the game's item texts: the regional specialties say
  "<region>の特産品" / "<region>的特產品" / "<region>的特产" (`stage_names`).
- `_EnemySPAttackBit`: what its attacks inflict. Bit n is the game's text `EnemyReportSpecialAttackTypeText_NAME_n`
  (Rathalos: 8 Fireblight and 13 Poison, its fire breath and poison talons; Lala Barina: 17 Paralysis; Gypceros: 16
  Flash; Seregios: 24 Bleeding; Gore Magala: 25 Frenzy). The dump's enum labels are shifted by one here too
  (ATTRIBUTE_DAMAGE_WATER on bit 8) and are not used. A bit without a text (31, 33) is reported.

World (MHWorldData, MIT): `monster_habitats.csv` names the regions (named in en, ja, zh-TW by `location_base.csv`,
zh-CN converted with OpenCC); `monster_ailments.csv` what each monster inflicts (roar, wind and tremor graded small /
large, read as the field guide's weak / strong roar, minor / major wind pressure and tremor; its `regional` column is
not explained by the dataset and is left out); `monster_base.csv` the traps: TRUE for every large monster but the
Elder Dragons and Relicts, which are left blank and are the monsters traps do not hold.

What to bring (derived, `remedies`): items whose own description, in the game's text, says they cure or guard
against a condition the monster inflicts ("A cure for poison.", "cures various blights", "protects hearing").
An item naming the condition itself wins over one naming only its family ("blights").

Crowns: HunterPie's game data (Apache-2.0) gives each monster's mini, silver and gold size thresholds relative to
its base size: a factor for World and Rise (Gold="1.23"), the percent for Wilds (Gold="123"); written as percent.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Iterable

from monsterbot.knowledge.importer import _section_ids
from monsterbot.knowledge.records import slug
from monsterbot.knowledge.rewards_import import WildsItems, world_names
from monsterbot.knowledge.wilds_import import Dataset, GameText, Report, _enum, _items, _load, _user_data

#: Wilds `_StageBit` bit -> the region's English name (see the module's docstring for the evidence).
WILDS_STAGES = {
    1: "Windward Plains",
    2: "Scarlet Forest",
    3: "Oilwell Basin",
    4: "Iceshard Cliffs",
    5: "Ruins of Wyveria",
}
#: What the regional specialties' texts say after the region's name, per language.
SPECIALTY_SUFFIX = {
    "ja": r"の(?:珍しい|貴重な)?特産品",
    "zh-TW": r"的(?:罕見|稀有|珍貴|貴重)?特產品",
    "zh-CN": r"的(?:稀有|贵重)?特产",
}
#: World `monster_ailments.csv` columns and graded values -> the conditions of the field guide.
WORLD_AILMENTS: dict[str, str | dict[str, str]] = {
    "roar": {"small": "weak roar", "large": "strong roar"},
    "wind": {"small": "minor wind pressure", "large": "major wind pressure", "extreme": "extreme wind pressure"},
    "tremor": {"small": "minor tremor", "large": "major tremor"},
    "defense_down": "defense down",
    "fireblight": "fireblight",
    "waterblight": "waterblight",
    "thunderblight": "thunderblight",
    "iceblight": "iceblight",
    "dragonblight": "dragonblight",
    "blastblight": "blastblight",
    "poison": "poison",
    "sleep": "sleep",
    "paralysis": "paralysis",
    "bleed": "bleeding",
    "stun": "stun",
    "mud": "mud",
    "effluvia": "effluvia",
}
#: Per condition, the words an item's description uses for it: the condition's own, then its family's.
CURE_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    **{
        c: ((c,), ("blights",))
        for c in ("fireblight", "waterblight", "thunderblight", "iceblight", "dragonblight", "blastblight")
    },
    "poison": (("poison",), ()),
    "noxious poison": (("poison",), ()),
    "sleep": (("sleep",), ()),
    "bleeding": (("bleeding",), ()),
    "stench": (("stench",), ()),
    "frostblight": (("frost",), ()),
    "webbed": (("webbing",), ()),
    "weak roar": (("hearing",), ()),
    "strong roar": (("hearing",), ()),
    "minor tremor": (("tremor",), ()),
    "major tremor": (("tremor",), ()),
    "minor wind pressure": (("wind",), ()),
    "major wind pressure": (("wind",), ()),
}
_CURE_VERB = re.compile(r"\b(?:cures?|removes?|treats?|shake off|protects|resistance)\b", re.IGNORECASE)
CROWN_KEYS = {"Mini": "mini", "Silver": "silver", "Gold": "gold"}
TRAPS = {"pitfall_trap": "pitfall", "shock_trap": "shock", "vine_trap": "vine"}


def stage_names(items: WildsItems) -> dict[str, dict[str, str]]:
    """English region name -> its name in four languages, read from the regional specialties' texts."""
    found: dict[str, dict[str, str]] = {}
    for text in items.explanation.values():
        english = next((e for e in WILDS_STAGES.values() if e in text.get("en", "")), None)
        if english is None:
            continue
        names = found.setdefault(english, {"en": english})
        for language, suffix in SPECIALTY_SUFFIX.items():
            match = re.match(rf"^(.+?){suffix}", text.get(language, ""))
            if match and language not in names:
                names[language] = match.group(1)
    return found


def special_attack_names(root: Path) -> dict[int, dict[str, str]]:
    """Bit -> the condition's name in four languages (EnemyReportSpecialAttackTypeText_NAME_<bit>)."""
    text = GameText(root, "EnemyReportSpecialAttackTypeText.msg.23.json")
    names = {}
    for entry in _load(root, "Text", "Excel_Data", "EnemyReportSpecialAttackTypeText.msg.23.json")["entries"]:
        found = re.fullmatch(r"EnemyReportSpecialAttackTypeText_NAME_(\d+)", entry["name"])
        if found:
            names[int(found.group(1))] = text.names(entry["guid"])
    return names


def condition_code(english: str) -> str:
    """The knowledge's code for a condition: the field guide's English name in lower case ("Fireblight")."""
    return english.strip().lower()


def _bits(node: dict[str, Any], key: str) -> list[int]:
    """The set bits of a dumped bitset ("[8] ATTRIBUTE_DAMAGE_WATER" -> 8)."""
    return (
        [int(v.split("]", 1)[0].lstrip("[")) for v in next(iter(node.values())) if isinstance(v, str)] if node else []
    )


def wilds_field_guide(dataset: Dataset, items: WildsItems, report: Report) -> dict[str, dict[str, Any]]:
    """Enemy id -> {habitats, inflicts} from the field guide."""
    stages = stage_names(items)
    attacks = special_attack_names(dataset.root)
    guide = {}
    for row in _items(_user_data(dataset.root, "Common", "Enemy", "EnemyReportBossData.user.3.json")["_Values"]):
        enemy = _enum(row["_EmID"])
        facts: dict[str, Any] = {}
        places = [stages[WILDS_STAGES[b]] for b in _bits(row["_StageBit"], "app.FieldDef.STAGE") if b in WILDS_STAGES]
        for bit in _bits(row["_StageBit"], "app.FieldDef.STAGE"):
            if bit not in WILDS_STAGES:
                report.add(enemy, f"stage bit {bit} not mapped")
        if places:
            facts["habitats"] = places
        inflicts = []
        for bit in _bits(row["_EnemySPAttackBit"], "app.EnemyDef.SP_ATK_TYPE"):
            english = attacks.get(bit, {}).get("en")
            if english:
                inflicts.append(condition_code(english))
            else:
                report.add(enemy, f"special attack bit {bit} has no name in the game's text, not shown")
        if inflicts:
            facts["inflicts"] = inflicts
        guide[enemy] = facts
    return guide


def remedies(inflicts: Iterable[str], items: Iterable[tuple[dict[str, str], str]]) -> list[dict[str, Any]]:
    """What to bring against the conditions: [{item, cures}] from (names, English description) of usable items."""
    items = list(items)
    cures: dict[str, dict[str, Any]] = {}
    for condition in inflicts:
        own, family = CURE_WORDS.get(condition, ((), ()))
        for words in (own, family):
            found = [
                names
                for names, text in items
                if _CURE_VERB.search(text) and any(re.search(rf"\b{w}\b", text, re.I) for w in words)
            ]
            for names in found:
                cures.setdefault(names["en"], {"item": names, "cures": []})["cures"].append(condition)
            if found:
                break
    return list(cures.values())


def wilds_usable_items(items: WildsItems) -> list[tuple[dict[str, str], str]]:
    """(names, English description) of the items a hunter carries and uses (consumables and tools)."""
    return [
        (items.names[i], items.explanation[i].get("en", "").replace("\r\n", " ").replace("\n", " "))
        for i in items.names
        if items.kind.get(i) in ("EXPENDABLE", "TOOL") and items.names[i].get("en")
    ]


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def world_field_guide(dataset: Path, report: Report) -> dict[str, dict[str, Any]]:
    """English monster name -> {habitats, inflicts, remedies, traps} for World."""
    places = {row["name_en"]: world_names(row) for row in _rows(dataset, "location_base.csv")}
    guide: dict[str, dict[str, Any]] = {}
    for row in _rows(dataset, "monster_habitats.csv"):
        guide.setdefault(row["base_name_en"], {}).setdefault("habitats", []).append(places[row["map_en"]])
    categories = {r["name_en"]: r["category"] for r in _rows(dataset, "item_base.csv")}
    usable = [
        (world_names(row), row["description_en"])
        for row in _rows(dataset, "item_base_translations.csv")
        if categories.get(row["name_en"]) == "item"
    ]
    for row in _rows(dataset, "monster_ailments.csv"):
        inflicts: list[str] = []
        for column, meaning in WORLD_AILMENTS.items():
            value = row[column].strip()
            if not value:
                continue
            code: str | None = meaning.get(value) if isinstance(meaning, dict) else meaning if value == "TRUE" else None
            if code is None:
                report.add(row["base_name_en"], f"{column}: value {value!r} not mapped")
            else:
                inflicts.append(code)
        if row["regional"].strip():
            report.add(row["base_name_en"], "regional: not explained by the dataset, left out")
        if inflicts:
            facts = guide.setdefault(row["base_name_en"], {})
            facts["inflicts"] = inflicts
            found = remedies(inflicts, usable)
            if found:
                facts["remedies"] = found
    for row in _rows(dataset, "monster_base.csv"):
        if row["size"] == "large":
            guide.setdefault(row["name_en"], {})["traps"] = {
                key: row[column] == "TRUE" for column, key in TRAPS.items()
            }
    return guide


def _percent(value: str) -> int:
    """A crown threshold in percent: World and Rise write a factor (1.23), Wilds the percent itself (123)."""
    number = float(value)
    return round(number * 100) if number < 10 else round(number)


def crowns(gamedata: Path, localization: Path, section: str) -> dict[str, dict[str, int]]:
    """Monster id (slug of the English name) -> {mini, silver, gold} in percent, for one HunterPie game section."""
    english = _section_ids(localization, section)
    found = {}
    for monster in ET.parse(gamedata / f"{section}.MonsterData.xml").getroot().iter("Monster"):
        node = monster.find("Crowns")
        name = english.get(monster.get("Id", ""))
        if node is None or not name:
            continue
        sizes = {key: _percent(node.get(attr, "")) for attr, key in CROWN_KEYS.items() if node.get(attr)}
        if sizes:
            found[slug(name)] = sizes
    return found
