"""Regenerate records from the datasets in ../shared/data, keeping what editors added by hand.

- `mhworlddata`: every World: Iceborne figure (stars, hitzones, breaks) and the en/ja/zh-TW
  names; the official Simplified Chinese names from HunterPie's localization files.
- `hunterpie`: Rise: Sunbreak facts (weak elements, no stars; severable and breakable parts)
  and names in four languages. Wilds comes from the game's own data (`wilds_import`).

Each import rewrites only its own game's facts; aliases, ambiguous_with and the other
games' facts of an existing record are kept, so refreshing a dataset loses no hand edit.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Callable, Iterable

import opencc

from monsterbot.core.glossary import FOLDER
from monsterbot.core.matching.normalize import normalize
from monsterbot.core.model import AILMENTS, ELEMENTS, GAMES
from monsterbot.knowledge.positioned_yaml import load_one
from monsterbot.knowledge.records import slug
from monsterbot.knowledge.writer import dump_record, write_glossary

SOURCE = "mhworlddata"
HUNTERPIE_SOURCE = "hunterpie-gamedata"
HUNTERPIE_GAMES = {"rise": "Rise", "wilds": "Wilds"}
#: What HunterPie's game data never gives (said on the cards rather than left silent).
HUNTERPIE_MISSING = ("elements", "ailments", "hitzones")
#: Keys of a game's facts written by another import (rise_import), kept when this one refreshes the game.
OTHER_IMPORTS_KEYS = ("resisted_elements", "materials", "habitats", "inflicts", "remedies", "crowns", "traps")
HUNTERPIE_LANGUAGES = {"en": "en-us", "ja": "ja-jp", "zh-TW": "zh-tw", "zh-CN": "zh-cn"}


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _stars(row: dict[str, str], keys: Iterable[str]) -> dict[str, int]:
    return {k: int(row[k]) for k in keys if row.get(k, "").strip()}


def hunterpie_names(folder: Path, game: str) -> dict[str, dict[str, str]]:
    """English name → {language: name} for one game section of HunterPie's localization files."""
    per_language: dict[str, dict[str, str]] = {}
    for language, suffix in HUNTERPIE_LANGUAGES.items():
        root = ET.parse(folder / f"monsters.{suffix}.xml").getroot()
        section = root.find(f".//{game}")
        entries = section.findall("Monster") if section is not None else []
        per_language[language] = {m.get("Id", ""): m.get("String", "") for m in entries}
    names: dict[str, dict[str, str]] = {}
    for monster_id, english in per_language["en"].items():
        names[english] = {lang: table[monster_id] for lang, table in per_language.items() if table.get(monster_id)}
        if "zh-CN" in names[english]:
            names[english]["zh-CN"] = names[english]["zh-CN"].translate(ZH_CN_SLIPS)
    return names


#: Japanese forms that slip into HunterPie's Simplified names (冰呪龙: the official name is 冰咒龙).
ZH_CN_SLIPS = str.maketrans({"呪": "咒"})


def world_records(dataset: Path, localization: Path | None = None) -> list[dict[str, Any]]:
    """One record per large monster of the dataset, World facts only."""
    large = [r["name_en"] for r in _rows(dataset, "monster_base.csv") if r["size"] == "large"]
    translations = {r["name_en"]: r for r in _rows(dataset, "monster_base_translations.csv")}
    weaknesses: dict[str, list[dict[str, str]]] = {}
    for row in _rows(dataset, "monster_weaknesses.csv"):
        weaknesses.setdefault(row["name_en"], []).append(row)
    hitzones: dict[str, list[dict[str, Any]]] = {}
    for row in _rows(dataset, "monster_hitzones.csv"):
        zone: dict[str, Any] = {"part": row["hitzone_en"]}
        zone.update({k: int(row[k]) for k in ("cut", "impact", "shot", *ELEMENTS) if row[k].strip()})
        hitzones.setdefault(row["base_name_en"], []).append(zone)
    breaks = world_breaks(_rows(dataset, "monster_rewards.csv"))
    localized = hunterpie_names(localization, "World") if localization else {}

    records = []
    for english in large:
        other = localized.get(english, {})
        translated = translations.get(english)
        if translated:
            names = {
                "en": english,
                "ja": translated["name_ja"],
                "zh-TW": translated["name_zh"],
                "zh-CN": other.get("zh-CN", ""),
            }
        else:  # the dataset has figures but no names (Fatalis): take all names from the localization
            names = {lang: other.get(lang, "") for lang in HUNTERPIE_LANGUAGES} | {"en": english}
        names = {k: v for k, v in names.items() if v}
        aliases = {
            lang: [name]
            for lang, name in other.items()
            if lang in ("ja", "zh-TW") and name and normalize(name) != normalize(names.get(lang, ""))
        }
        facts: dict[str, Any] = {"source": SOURCE}
        forms = []
        for weakness in weaknesses.get(english, []):
            if weakness["form"] == "normal":
                facts["elements"] = _stars(weakness, ELEMENTS)
                facts["ailments"] = _stars(weakness, AILMENTS)
            else:
                forms.append({"description": weakness["alt_description"], "elements": _stars(weakness, ELEMENTS)})
        if forms:
            facts["forms"] = forms
        if english in hitzones:
            facts["hitzones"] = hitzones[english]
        for kind in ("breakable", "severable"):
            parts = breaks.get(english, {}).get(kind)
            if parts:
                facts[kind] = parts
        records.append({"id": slug(english), "names": names, "aliases": aliases, "games": {"world": facts}})
    return records


#: Reward conditions that pay for breaking a part ("Break Horns", "Wound Head"), and the game's carves of a severed
#: part (the reward conditions other than "Body Carve" and "Carve / Capture": a tail, Barroth's head shell).
BREAK_CONDITIONS = ("Break ", "Wound ")
SEVER_CONDITIONS = {"Tail Carve": "Tail", "Head Shell Carve": "Head"}


def world_breaks(rewards: Iterable[dict[str, str]]) -> dict[str, dict[str, list[str]]]:
    """Monster → {"breakable": parts, "severable": parts} from the game's part-break rewards.

    A part is breakable when the game pays a reward for breaking (or wounding) it, severable when it pays a
    carve of the severed part: monster_breaks.csv's `wound` column is a damage threshold, not this list.
    Where one horn and both horns each pay ("Break Horn", "Break Horns") the part is listed once, plural.
    """
    found: dict[str, dict[str, list[str]]] = {}
    for row in rewards:
        entry = found.setdefault(row["base_name_en"], {"breakable": [], "severable": []})
        condition = row["condition_en"]
        part = next((condition[len(p) :] for p in BREAK_CONDITIONS if condition.startswith(p)), None)
        kind = "breakable"
        if condition in SEVER_CONDITIONS:
            part, kind = SEVER_CONDITIONS[condition], "severable"
        if part and part not in entry[kind]:
            entry[kind].append(part)
    for entry in found.values():
        entry["breakable"] = [p for p in entry["breakable"] if f"{p}s" not in entry["breakable"]]
    return found


def merge(generated: dict[str, Any], existing: dict[str, Any] | None, game: str = "world") -> dict[str, Any]:
    """Keep what editors added by hand: aliases, ambiguous_with, other games, names the dataset lacks.

    The World import owns the names, and an import owns those of the records only its game has; other imports only
    fill names a record lacks.
    """
    if not existing:
        return {k: v for k, v in generated.items() if v}
    if game == "world" or set(existing.get("games", {})) <= {game}:
        names = {**existing.get("names", {}), **generated["names"]}
    else:
        names = {**generated["names"], **existing.get("names", {})}
    aliases: dict[str, list[str]] = {}
    for source in (existing.get("aliases", {}), generated["aliases"]):
        for lang, values in source.items():
            kept = aliases.setdefault(lang, [])
            kept += [v for v in values if v not in kept and v != names.get(lang)]  # not the record's own name
    merged: dict[str, Any] = {"id": existing.get("id", generated["id"]), "names": names}
    aliases = {lang: values for lang, values in aliases.items() if values}
    if aliases:
        merged["aliases"] = aliases
    if existing.get("ambiguous_with"):
        merged["ambiguous_with"] = existing["ambiguous_with"]
    facts = generated["games"][game]
    foreign = {
        k: v for k, v in existing.get("games", {}).get(game, {}).items() if k in OTHER_IMPORTS_KEYS and k not in facts
    }
    games = {**existing.get("games", {}), game: {**facts, **foreign}}
    merged["games"] = {g: games[g] for g in GAMES if g in games}
    return merged


def hunterpie_records(gamedata: Path, localization: Path, game: str) -> list[dict[str, Any]]:
    """One record per monster of a HunterPie game section (Rise or Wilds): names and weak elements."""
    section = HUNTERPIE_GAMES[game]
    names_by_english = hunterpie_names(localization, section)
    english_by_id = {mid: en for mid, en in _section_ids(localization, section).items()}
    part_ids = _part_ids(localization)
    root = ET.parse(gamedata / f"{section}.MonsterData.xml").getroot()
    records = []
    for monster in root.iter("Monster"):
        english = english_by_id.get(monster.get("Id", ""))
        weak = [w.get("Name", "").lower() for w in monster.findall("Weaknesses/Weakness")]
        types = monster.findall("Types/Type")
        if not english or (not types and set(weak) >= set(ELEMENTS)):
            continue  # a name-less entry, or a training target (weak to everything, no monster type)
        facts: dict[str, Any] = {"source": HUNTERPIE_SOURCE, "weak_elements": [e for e in weak if e in ELEMENTS]}
        parts = monster.findall("Parts/Part")
        severable = _unique(
            part_ids.get(p.get("String", ""), "") for p in parts if p.get("IsSeverable", "").lower() == "true"
        )
        breakable = _unique(part_ids.get(p.get("String", ""), "") for p in parts if p.find("Break") is not None)
        if breakable:
            facts["breakable"] = breakable
        if severable:
            facts["severable"] = severable
        facts["missing"] = list(HUNTERPIE_MISSING)
        names = {lang: name for lang, name in names_by_english.get(english, {}).items() if name}
        records.append({"id": slug(english), "names": names, "aliases": one_script(names), "games": {game: facts}})
    return records


#: Traditional to Simplified characters (OpenCC), for names a source gives in one script only.
_TO_SIMPLIFIED = opencc.OpenCC("t2s")


def one_script(names: dict[str, str]) -> dict[str, list[str]]:
    """Make a Simplified name that is not the Traditional one written in Simplified characters just that.

    HunterPie's Rise names are community-entered and no game text checks them; where its zh-TW and zh-CN differ
    in more than script and variant characters (首領 / 霸主, 大名蟹 / 大名盾蟹) the Traditional name is kept (the bot's
    first language) and the Simplified name becomes its OpenCC conversion; the differing Simplified name is returned
    as an alias, so players typing it still find the monster. Changes `names` in place."""
    traditional, simplified = names.get("zh-TW"), names.get("zh-CN")
    converted = _TO_SIMPLIFIED.convert(traditional or "")
    if not traditional or not simplified or simplified == converted or normalize(traditional) == normalize(simplified):
        return {}  # the same name in either script (up to variant characters: 迴 / 廻)
    names["zh-CN"] = converted
    return {"zh-CN": [simplified]}


def _section_ids(localization: Path, section: str) -> dict[str, str]:
    root = ET.parse(localization / "monsters.en-us.xml").getroot()
    found = root.find(f".//{section}")
    return {m.get("Id", ""): m.get("String", "") for m in (found.findall("Monster") if found is not None else [])}


def _part_ids(localization: Path) -> dict[str, str]:
    """Part id -> its English name."""
    root = ET.parse(localization / "monsters.en-us.xml").getroot()
    return {p.get("Id", ""): p.get("String", "") for p in root.iter("Part")}


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v and v not in ("???", "Unknown")))


def _existing_by_name(target: Path) -> dict[str, Path]:
    """Existing record files by their id and by each normalised official name."""
    index: dict[str, Path] = {}
    for path in sorted(target.glob("*.yaml")):
        data = load_one(path.read_text("utf-8")) or {}
        index.setdefault(str(data.get("id")), path)
        for name in (data.get("names") or {}).values():
            index.setdefault(normalize(name), path)
    return index


def write_records(
    records: list[dict[str, Any]],
    target: Path,
    game: str,
    alias_names: Callable[[dict[str, str], dict[str, str]], dict[str, list[str]]] | None = None,
) -> list[Path]:
    """Merge each record into the file of the same monster (by id, else by a shared ja/zh name) or a new file.

    alias_names(generated names, existing names) gives the aliases a source adds where its names
    differ from a record's official ones (kept as names players may type).
    """
    target.mkdir(parents=True, exist_ok=True)
    existing_files = _existing_by_name(target)
    written = []
    for record in records:
        path = existing_files.get(record["id"])
        if path is None:
            keys = [normalize(record["names"][lang]) for lang in ("ja", "zh-TW") if record["names"].get(lang)]
            path = next((existing_files[k] for k in keys if k in existing_files), target / f"{record['id']}.yaml")
        existing = load_one(path.read_text("utf-8")) if path.exists() else None
        if existing and alias_names:
            record = {**record, "aliases": alias_names(record["names"], existing.get("names", {}))}
        path.write_text(dump_record(merge(record, existing, game)), encoding="utf-8")
        written.append(path)
    return written


def import_world(dataset: Path, target: Path, localization: Path | None = None) -> list[Path]:
    """Write (or refresh) one YAML file per World monster under target; return the files written."""
    return write_records(world_records(dataset, localization), target, "world")


def import_hunterpie(
    gamedata: Path,
    localization: Path,
    target: Path,
    games: Iterable[str] = ("rise",),
    part_names_file: Path | None = None,
) -> list[Path]:
    """Write (or refresh) the Rise facts under target, and the part names; return the files written."""
    write_glossary(part_names_file or PART_NAMES, hunterpie_part_names(localization))
    return [
        path for game in games for path in write_records(hunterpie_records(gamedata, localization, game), target, game)
    ]


PART_NAMES = FOLDER / "part_names.json"


def hunterpie_part_names(localization: Path) -> dict[str, dict[str, str]]:
    """English part name → its name in ja, zh-TW and zh-CN, from HunterPie's localization files."""
    per_language = {}
    for language, suffix in HUNTERPIE_LANGUAGES.items():
        root = ET.parse(localization / f"monsters.{suffix}.xml").getroot()
        per_language[language] = {p.get("Id", ""): p.get("String", "") for p in root.iter("Part")}
    names: dict[str, dict[str, str]] = {}
    for part_id, english in sorted(per_language["en"].items()):
        if english and english not in ("???", "Unknown") and english not in names:
            names[english] = {
                lang: table[part_id]
                for lang, table in per_language.items()
                if lang != "en" and table.get(part_id) and table[part_id] != english
            }
    return {k: v for k, v in names.items() if v}
