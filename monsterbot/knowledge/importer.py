"""Regenerate the World: Iceborne records from the MHWorldData CSV files.

Names (en, ja, zh-TW) and every World figure come from the dataset; the official
Simplified Chinese names from HunterPie's localization files when given. What editors
added by hand (aliases, ambiguous_with, facts for other games) is kept.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Iterable

import yaml

from monsterbot.knowledge.records import slug
from monsterbot.knowledge.writer import dump_record
from monsterbot.matching.normalize import normalize
from monsterbot.model import AILMENTS, ELEMENTS

SOURCE = "mhworlddata"
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
    return names


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
    breaks: dict[str, dict[str, list[str]]] = {}
    for row in _rows(dataset, "monster_breaks.csv"):
        entry = breaks.setdefault(row["base_name_en"], {"breakable": [], "severable": []})
        if row["wound"].strip():
            entry["breakable"].append(row["part_en"])
        if row["sever"].strip():
            entry["severable"].append(row["part_en"])
    localized = hunterpie_names(localization, "World") if localization else {}

    records = []
    for english in large:
        other = localized.get(english, {})
        row = translations.get(english)
        if row:
            names = {"en": english, "ja": row["name_ja"], "zh-TW": row["name_zh"], "zh-CN": other.get("zh-CN", "")}
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


def merge(generated: dict[str, Any], existing: dict[str, Any] | None) -> dict[str, Any]:
    """Keep what editors added by hand: aliases, ambiguous_with, other games, names the dataset lacks."""
    if not existing:
        return {k: v for k, v in generated.items() if v}
    names = {**existing.get("names", {}), **generated["names"]}
    aliases: dict[str, list[str]] = {}
    for source in (existing.get("aliases", {}), generated["aliases"]):
        for lang, values in source.items():
            kept = aliases.setdefault(lang, [])
            kept += [v for v in values if v not in kept]
    merged: dict[str, Any] = {"id": generated["id"], "names": names}
    if aliases:
        merged["aliases"] = aliases
    if existing.get("ambiguous_with"):
        merged["ambiguous_with"] = existing["ambiguous_with"]
    merged["games"] = {**existing.get("games", {}), "world": generated["games"]["world"]}
    return merged


def import_world(dataset: Path, target: Path, localization: Path | None = None) -> list[Path]:
    """Write (or refresh) one YAML file per World monster under target; return the files written."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for record in world_records(dataset, localization):
        path = target / f"{record['id']}.yaml"
        existing = yaml.safe_load(path.read_text("utf-8")) if path.exists() else None
        path.write_text(dump_record(merge(record, existing)), encoding="utf-8")
        written.append(path)
    return written
