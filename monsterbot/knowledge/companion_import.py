"""`monsterbot import companion ../shared/data`: the hunt companion's facts for World, Wilds and (crowns) Rise.

Writes, per monster and game, `materials`, `habitats`, `inflicts`, `remedies`, `crowns` and `traps` into the
monster's own record (knowledge/monsters/<id>.yaml), so they pass the same schema, file:line validation, compiled
cache, store and EventBinding schema as every other fact. Only these keys are rewritten; the other imports keep them
(importer.OTHER_IMPORTS_KEYS). The sources and how each datamined enum was established are in rewards_import.py and
field_guide_import.py; everything left unmapped is reported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from monsterbot.core.companion import KEYS
from monsterbot.core.glossary import FOLDER
from monsterbot.knowledge.field_guide_import import (
    crowns,
    remedies,
    special_attack_names,
    wilds_field_guide,
    wilds_usable_items,
    world_field_guide,
)
from monsterbot.knowledge.positioned_yaml import load_one
from monsterbot.knowledge.records import slug
from monsterbot.knowledge.rewards_import import WildsItems, wilds_materials, world_materials
from monsterbot.knowledge.wilds_import import Report, large_monsters, load_dataset
from monsterbot.knowledge.writer import dump_record, write_glossary

#: Where each source lies in ../shared/data.
MHWORLDDATA, MHWS, GAMEDATA, LOCALIZATION = (
    "mhworlddata",
    "mhws-in-json",
    "hunterpie-gamedata",
    "hunterpie-localization",
)
CROWN_SECTIONS = {"world": "World", "rise": "Rise", "wilds": "Wilds"}
#: The glossaries that name items, regions and conditions in other languages (English name -> ja, zh-TW, zh-CN).
GLOSSARY = FOLDER
GLOSSARIES = ("item_names_world.json", "item_names_wilds.json", "place_names.json", "condition_names.json")


def world_facts(data: Path, report: Report) -> dict[str, dict[str, Any]]:
    """Monster id -> World companion facts."""
    facts: dict[str, dict[str, Any]] = {}
    for english, materials in world_materials(data / MHWORLDDATA, report).items():
        facts.setdefault(slug(english), {})["materials"] = materials
    for english, guide in world_field_guide(data / MHWORLDDATA, report).items():
        facts.setdefault(slug(english), {}).update(guide)
    return facts


def wilds_facts(data: Path, report: Report) -> dict[str, dict[str, Any]]:
    """Monster id -> Wilds companion facts."""
    dataset = load_dataset(data / MHWS)
    items = WildsItems.load(dataset.root)
    guide = wilds_field_guide(dataset, items, report)
    usable = wilds_usable_items(items)
    facts: dict[str, dict[str, Any]] = {}
    for monster in large_monsters(dataset, report):
        english = dataset.monster_text.names(monster.name_guid).get("en")
        if not english:
            continue
        found: dict[str, Any] = {}
        materials = wilds_materials(monster, dataset, items, report)
        if materials:
            found["materials"] = materials
        found.update(guide.get(monster.enemy_id, {}))
        if found.get("inflicts"):
            cures = remedies(found["inflicts"], usable)
            if cures:
                found["remedies"] = cures
        facts[slug(english)] = found
    return facts


def companion_facts(data: Path, report: Report) -> dict[str, dict[str, dict[str, Any]]]:
    """Game -> monster id -> companion facts, from every source under `data` (../shared/data)."""
    games = {"world": world_facts(data, report), "wilds": wilds_facts(data, report), "rise": {}}
    for game, section in CROWN_SECTIONS.items():
        for monster, sizes in crowns(data / GAMEDATA, data / LOCALIZATION, section).items():
            games[game].setdefault(monster, {})["crowns"] = sizes
    return games


def flatten(
    facts: dict[str, Any], items: dict[str, dict[str, str]], places: dict[str, dict[str, str]]
) -> dict[str, Any]:
    """A game's companion facts as records hold them: items and regions by English name, their names in the
    other languages moved into the glossaries (as part names are)."""
    out = dict(facts)
    if "materials" in facts:
        out["materials"] = {
            rank: [{**m, "item": _english(m["item"], items)} for m in ms] for rank, ms in facts["materials"].items()
        }
    if "remedies" in facts:
        out["remedies"] = [{**r, "item": _english(r["item"], items)} for r in facts["remedies"]]
    if "habitats" in facts:
        out["habitats"] = [_english(place, places) for place in facts["habitats"]]
    return out


def _english(names: dict[str, str], glossary: dict[str, dict[str, str]]) -> str:
    others = {lang: name for lang, name in names.items() if lang != "en" and name != names["en"]}
    if others:
        glossary.setdefault(names["en"], {}).update(others)
    return names["en"]


def import_companion(data: Path, target: Path, glossary: Path = GLOSSARY) -> tuple[list[Path], Report]:
    """Rewrite the companion keys of every record under target and the glossaries in `glossary`; return the files
    written and the report."""
    report = Report()
    games = companion_facts(data, report)
    items: dict[str, dict[str, dict[str, str]]] = {"world": {}, "wilds": {}, "rise": {}}
    places: dict[str, dict[str, str]] = {}
    games = {
        game: {m: flatten(f, items[game], places) for m, f in monsters.items()} for game, monsters in games.items()
    }
    conditions = {
        code: names for names in special_attack_names(data / MHWS).values() if (code := names.get("en", "").lower())
    }
    for name, names in zip(GLOSSARIES, (items["world"], items["wilds"], places, conditions), strict=True):
        write_glossary(glossary / name, names)
    written = []
    matched: set[tuple[str, str]] = set()
    for path in sorted(target.glob("*.yaml")):
        record = load_one(path.read_text("utf-8"))
        for game, facts in record.get("games", {}).items():
            new = games.get(game, {}).get(record["id"], {})
            matched.add((game, record["id"]))
            kept = {k: v for k, v in facts.items() if k not in KEYS}
            record["games"][game] = {**kept, **{k: new[k] for k in KEYS if new.get(k)}}
        path.write_text(dump_record(record), encoding="utf-8")
        written.append(path)
    for game, monsters in games.items():
        for monster in sorted(set(monsters) - {m for g, m in matched if g == game}):
            report.add(monster, f"no {game} record of that id, its companion facts are not written")
    return written, report
