"""Import Monster Hunter Wilds from the game's own data (the MHWS-in-json dump, MIT).

Per large monster: names in en, ja, zh-TW and zh-CN from the game's text (keyed by GUID),
hitzones per part (normal, wound, weak point and the alternate states the game switches a
part to), breakable and severable parts, ailment effectiveness (the game's three levels), the
game's weak-element flags, and element stars derived from the hitzones (labelled derived).
Whatever cannot be mapped is listed in the report instead of being guessed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from monsterbot.core.matching.normalize import normalize
from monsterbot.core.model import AILMENTS, ELEMENTS
from monsterbot.knowledge.derived_stars import element_stars
from monsterbot.knowledge.importer import write_records
from monsterbot.knowledge.records import slug

SOURCE = "mhws-in-json"
GAME = "wilds"
GAME_DESIGN = Path("natives", "STM", "GameDesign")
#: Columns of the game's text files per language (the RE engine's language ids).
TEXT_COLUMNS = {"en": 1, "ja": 0, "zh-TW": 12, "zh-CN": 13}
PHYSICAL_KEYS = {"cut": "_Slash", "impact": "_Blow", "shot": "_Shot"}
ELEMENT_KEYS = {"fire": "_Fire", "water": "_Water", "thunder": "_Thunder", "ice": "_Ice", "dragon": "_Dragon"}
WEAK_FLAG_KEYS = {"fire": "_Fire", "water": "_Water", "thunder": "_Elec", "ice": "_Ice", "dragon": "_Dragon"}
#: Per ailment: the monster's preset field (EmParamBadCondition2) and the preset group (EmParamBadConditionPreset).
AILMENT_PRESETS = {
    "poison": ("PoisonPriset", "_Poison"), "sleep": ("SleepPriset", "_Sleep"), "paralysis": ("ParalyzePriset", "_Paralyze"),
    "blast": ("BlastPreset", "_Blast"), "stun": ("StunPriset", "_Stun"),
}
#: The game's ailment effectiveness levels (large, medium, small, immune) as 0–3.
EFFECTIVE_LEVELS = {"ENABLE_L": 3, "ENABLE_M": 2, "ENABLE_S": 1, "DISABLE": 0}
#: A part's alternate hitzone sets, by the field that points at them.
PART_STATES = {"_MeatGuidBreak": "broken", **{f"_MeatGuidCustom{n}": f"state {n}" for n in range(1, 6)}}
NO_GUID = "00000000-0000-0000-0000-000000000000"
SIDES = ("Left ", "Right ")


@dataclass
class Report:
    """What the import skipped or could not map, one line each."""

    lines: list[str] = field(default_factory=list)

    def add(self, monster: str, message: str) -> None:
        """Note one item for a monster."""
        self.lines.append(f"{monster}: {message}")


def _unwrap(node: Any) -> Any:
    """The value of a one-key {"type.name": value} wrapper (the dump's way of typing every object)."""
    if isinstance(node, dict) and len(node) == 1:
        return next(iter(node.values()))
    return node


def _items(node: Any) -> list[dict[str, Any]]:
    """The entries of a typed array (an `ace.cInstanceGuidArray` wrapper or a plain list), unwrapped."""
    node = _unwrap(node)
    if isinstance(node, dict):
        node = node["_DataArray"]
    return [_unwrap(item) for item in node]


def _enum(value: str) -> str:
    """The name of a dumped enum value: "[4082942400] HEAD" -> "HEAD"."""
    return value.split("] ", 1)[-1]


def _load(root: Path, *parts: str) -> Any:
    with (root / GAME_DESIGN).joinpath(*parts).open(encoding="utf-8") as handle:
        return json.load(handle)


def _user_data(root: Path, *parts: str) -> dict[str, Any]:
    """The object of a `.user.3.json` file (a one-element list holding one typed object)."""
    (document,) = _load(root, *parts)
    return _unwrap(document)


class GameText:
    """The game's messages by GUID, in the four languages of the bot."""

    def __init__(self, root: Path, *files: str) -> None:
        self.by_guid: dict[str, dict[str, str]] = {}
        for name in files:
            for entry in _load(root, "Text", "Excel_Data", name)["entries"]:
                content = entry["content"]
                self.by_guid[entry["guid"]] = {lang: content[i].strip() for lang, i in TEXT_COLUMNS.items() if content[i].strip()}

    def names(self, guid: str) -> dict[str, str]:
        """{language: text} for a GUID ({} when the game has no text for it)."""
        return self.by_guid.get(guid, {})


@dataclass(frozen=True)
class Dataset:
    """The tables of the dump that every monster needs."""

    root: Path
    monster_text: GameText
    part_text: GameText
    part_names: dict[str, str]  # part type -> GUID of its name
    weak_flags: dict[str, list[str]]  # enemy id -> flagged elements
    ailment_levels: dict[str, dict[str, int | str]]  # enemy id -> ailment -> level (or the unmapped level's name)


def load_dataset(root: Path) -> Dataset:
    """Read the shared tables of the dump (names, part types, weak flags, ailment presets)."""
    part_types = _items(_user_data(root, "Common", "Enemy", "EnemyPartsTypeData.user.3.json")["_Values"])
    weak = _items(_unwrap(_user_data(root, "Enemy", "CommonData", "Data", "EnemyWeakAttrData.user.3.json")["_Data"])["_ParamList"])
    return Dataset(
        root=root,
        monster_text=GameText(root, "EnemyText.msg.23.json"),
        part_text=GameText(root, "EnemyPartsTypeName.msg.23.json"),
        part_names={_enum(p["_EmPartsType"]): p["_EmPartsName"] for p in part_types},
        weak_flags={_enum(w["_EnumValue"]): [e for e, key in WEAK_FLAG_KEYS.items() if w[key]] for w in weak},
        ailment_levels=_ailment_levels(root),
    )


def _ailment_levels(root: Path) -> dict[str, dict[str, int | str]]:
    presets = _user_data(root, "Enemy", "CommonData", "Data", "EmParamBadConditionPreset.user.3.json")
    level_of: dict[str, str] = {}
    for _, group in AILMENT_PRESETS.values():
        for preset in _items(_unwrap(presets[group])["_PresetArray"]):
            level_of[preset["_InstanceGuid"]] = _enum(preset["_EffectiveType"])
    settings = _user_data(root, "Enemy", "CommonData", "Data", "EmParamBadCondition2.user.3.json")["_BossSettingList"]
    levels: dict[str, dict[str, int | str]] = {}
    for setting in _items(settings):
        per_ailment: dict[str, int | str] = {}
        for ailment, (key, _) in AILMENT_PRESETS.items():
            name = level_of.get(_unwrap(setting[key])["Value"], "no preset")
            per_ailment[ailment] = EFFECTIVE_LEVELS.get(name, name)
        levels[_enum(setting["_EmId"])] = per_ailment
    return levels


@dataclass(frozen=True)
class LargeMonster:
    """A large monster of the game's roster: its enemy id and the GUID of its name."""

    enemy_id: str  # EM0002_00_0
    name_guid: str

    @property
    def parts_file(self) -> Path:
        """Where its hitzones live: Enemy/Em0002/00/Data/Em0002_00_Param_Parts.user.3.json."""
        number, variant, _ = self.enemy_id.split("_")
        stem = f"Em{number[2:]}_{variant}"
        return Path("Enemy", f"Em{number[2:]}", variant, "Data", f"{stem}_Param_Parts.user.3.json")

    def sibling(self, kind: str) -> Path:
        """Another per-monster file beside the parts file (PartsBreakReward, PartsLost)."""
        return self.parts_file.with_name(self.parts_file.name.replace("Param_Parts", f"Param_{kind}"))


def large_monsters(dataset: Dataset, report: Report) -> list[LargeMonster]:
    """Every boss in EnemyData that is a monster (the training barrel has no species)."""
    rows = _items(_user_data(dataset.root, "Common", "Enemy", "EnemyData.user.3.json")["_Values"])
    found = []
    for row in rows:
        if _enum(row["_BossIconType"]) == "INVALID":
            continue
        enemy_id = _enum(row["_enemyId"])
        if _enum(row["_Species"]) in ("INVARID", "INVALID"):
            english = dataset.monster_text.names(row["_EnemyName"]).get("en", enemy_id)
            report.add(enemy_id, f"skipped {english!r}: a boss entry without a species (a training target)")
            continue
        found.append(LargeMonster(enemy_id, row["_EnemyName"]))
    return found


def _values(meat: dict[str, Any]) -> dict[str, int]:
    return {k: int(meat[key]) for k, key in (*PHYSICAL_KEYS.items(), *ELEMENT_KEYS.items())}


def _part_rows(monster: LargeMonster, dataset: Dataset, report: Report) -> list[tuple[str, list[dict[str, Any]]]]:
    """(English part name, its rows: normal first, then alternate states, wound, weak point) per named part."""
    data = _user_data(dataset.root, str(monster.parts_file))
    meats = {m["_InstanceGuid"]: _values(m) for m in _items(data["_MeatArray"])}
    wounds: dict[str, dict[str, int]] = {}
    for scar in _items(data["_ScarPointArray"]):
        if scar["_LinkPartsGuid"] in wounds and wounds[scar["_LinkPartsGuid"]] != meats[scar["_MeatGuid"]]:
            report.add(monster.enemy_id, f"a second, different wound on part {scar['_LinkPartsGuid']} (first kept)")
        wounds.setdefault(scar["_LinkPartsGuid"], meats[scar["_MeatGuid"]])
    weak_points: dict[str, dict[str, int]] = {}
    for point in _items(data["_WeakPointArray"]):
        if point["_LinkPartsGuid"] == NO_GUID:
            values = meats[point["_MeatGuid"]]
            report.add(monster.enemy_id, f"a weak point linked to no part ({values['cut']}/{values['impact']}/{values['shot']}), not shown")
            continue
        weak_points.setdefault(point["_LinkPartsGuid"], meats[point["_MeatGuid"]])
    parts = []
    for part in _items(data["_PartsArray"]):
        kind = _enum(part["_PartsType"])
        english = dataset.part_text.names(dataset.part_names.get(kind, NO_GUID)).get("en")
        if not english:
            report.add(monster.enemy_id, f"part type {kind} has no name in the game's text, not shown")
            continue
        rows = [{"part": english, **meats[part["_MeatGuidNormal"]]}]
        rows += [{"part": english, "state": state, **meats[part[key]]} for key, state in PART_STATES.items() if part[key] != NO_GUID]
        for state, table in (("wound", wounds), ("weak point", weak_points)):
            if part["_InstanceGuid"] in table:
                rows.append({"part": english, "state": state, **table[part["_InstanceGuid"]]})
        parts.append((english, rows))
    return parts


def _merge_sides(parts: list[tuple[str, list[dict[str, Any]]]], known: set[str]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Left and right parts with the same figures become one part under the game's own base name
    ("Left Wing" + "Right Wing" -> "Wing"); identical duplicates of one name are kept once."""
    by_name = {name: rows for name, rows in parts}
    merged: list[tuple[str, list[dict[str, Any]]]] = []
    seen: set[str] = set()
    for name, rows in parts:
        base = next((name[len(s):] for s in SIDES if name.startswith(s)), None)
        figures = [{k: v for k, v in r.items() if k != "part"} for r in rows]
        if base and base in known and all(f"{s}{base}" in by_name for s in SIDES):
            twins = [[{k: v for k, v in r.items() if k != "part"} for r in by_name[f"{s}{base}"]] for s in SIDES]
            if twins[0] == twins[1]:
                name, rows = base, [{**r, "part": base} for r in rows]
        key = json.dumps([name, figures])
        if key not in seen:
            seen.add(key)
            merged.append((name, rows))
    return merged


def _part_list(monster: LargeMonster, dataset: Dataset, kind: str, key: str, merged: set[str], report: Report) -> list[str]:
    path = dataset.root / GAME_DESIGN / monster.sibling(kind)
    if not path.exists():
        return []
    entries = _items(_user_data(dataset.root, str(monster.sibling(kind)))[key])
    names = []
    for entry in entries:
        part_type = _enum(entry.get("PartsType") or entry["_PartsType"])
        english = dataset.part_text.names(dataset.part_names.get(part_type, NO_GUID)).get("en")
        if not english:
            report.add(monster.enemy_id, f"{kind}: part type {part_type} has no name in the game's text")
            continue
        base = next((english[len(s):] for s in SIDES if english.startswith(s)), None)
        names.append(base if base in merged else english)
    return list(dict.fromkeys(names))


def monster_record(monster: LargeMonster, dataset: Dataset, report: Report) -> dict[str, Any] | None:
    """The record of one monster, Wilds facts only; None if the game has no English name for it."""
    names = dataset.monster_text.names(monster.name_guid)
    if "en" not in names:
        report.add(monster.enemy_id, "no English name in the game's text, skipped")
        return None
    facts: dict[str, Any] = {"source": SOURCE}
    missing: list[str] = []
    rows: list[dict[str, Any]] = []
    merged: set[str] = set()
    if (dataset.root / GAME_DESIGN / monster.parts_file).exists():
        parts = _merge_sides(_part_rows(monster, dataset, report), {n["en"] for n in dataset.part_text.by_guid.values() if "en" in n})
        merged = {name for name, _ in parts}
        rows = [row for _, part_rows in parts for row in part_rows]
    else:
        report.add(monster.enemy_id, f"no parts file ({monster.parts_file.name}): no hitzones, breaks or severs")
        missing += ["hitzones", "breakable", "severable"]
    stars = element_stars([r for r in rows if "state" not in r])
    if stars:
        facts["derived"] = ["elements"]
        facts["elements"] = stars
    else:
        missing.insert(0, "elements")
    flags = dataset.weak_flags.get(monster.enemy_id)
    if flags is None:
        report.add(monster.enemy_id, "no weak-element flags")
    elif flags:
        facts["weak_elements"] = sorted(flags, key=lambda e: (-stars.get(e, 0), ELEMENTS.index(e)))
    levels = dataset.ailment_levels.get(monster.enemy_id, {})
    ailments = {a: levels[a] for a in AILMENTS if isinstance(levels.get(a), int)}
    for ailment in AILMENTS:
        if not isinstance(levels.get(ailment), int):
            report.add(monster.enemy_id, f"{ailment}: effectiveness {levels.get(ailment, 'not set')!r} is not one of the three levels")
    if ailments:
        facts["ailments"] = ailments
    else:
        missing.append("ailments")
    if rows:
        facts["hitzones"] = rows
        for kind, key, field_name in (("PartsBreakReward", "_PartsBreakArray", "breakable"), ("PartsLost", "_PartsLostArray", "severable")):
            listed = _part_list(monster, dataset, kind, key, merged, report)
            if listed:
                facts[field_name] = listed
    if missing:
        facts["missing"] = missing
    return {"id": slug(names["en"]), "names": names, "aliases": {}, "games": {GAME: facts}}


def wilds_records(root: Path, report: Report) -> list[dict[str, Any]]:
    """One record per large monster of the dump, Wilds facts only."""
    dataset = load_dataset(root)
    records = [monster_record(m, dataset, report) for m in large_monsters(dataset, report)]
    return [r for r in records if r is not None]


def part_names(root: Path) -> dict[str, dict[str, str]]:
    """English part name -> its ja, zh-TW and zh-CN names, from the game's text (for the cards)."""
    text = GameText(root, "EnemyPartsTypeName.msg.23.json")
    names: dict[str, dict[str, str]] = {}
    for entry in sorted(text.by_guid.values(), key=lambda n: (n.get("en", ""), json.dumps(n, ensure_ascii=False))):
        english = entry.get("en", "")
        if english and not _is_description(english) and english not in names:
            names[english] = {lang: v for lang, v in entry.items() if lang != "en" and v != english}
    return {k: v for k, v in names.items() if v}


def _is_description(text: str) -> bool:
    """Part descriptions ("A monster tail. Can be carved…") share the file with the names."""
    return text.endswith(".") or len(text) > 40


def write_part_names(root: Path, target: Path) -> None:
    """Write the Wilds part-name glossary the replies use (sorted JSON, stable in diffs)."""
    target.write_text(json.dumps(part_names(root), ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")


def aliases_for(names: dict[str, str], existing: dict[str, str]) -> dict[str, list[str]]:
    """The game's names that differ from a record's official names, as aliases (ja and Chinese)."""
    return {
        lang: [name] for lang, name in names.items()
        if lang != "en" and lang in existing and normalize(name) != normalize(existing[lang])
    }


def import_wilds(root: Path, target: Path, part_names_file: Path | None = None) -> tuple[list[Path], Report]:
    """Write (or refresh) the Wilds facts under target and the Wilds part names; return the files and the report."""
    from monsterbot.knowledge.importer import PART_NAMES

    report = Report()
    records = wilds_records(root, report)
    write_part_names(root, part_names_file or PART_NAMES.with_name("part_names_wilds.json"))
    return write_records(records, target, GAME, alias_names=aliases_for), report
