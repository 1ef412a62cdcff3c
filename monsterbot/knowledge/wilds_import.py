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

from monsterbot.core.glossary import FOLDER
from monsterbot.core.matching.normalize import normalize
from monsterbot.core.model import AILMENTS, ELEMENTS
from monsterbot.knowledge.derived_stars import element_stars, state_forms
from monsterbot.knowledge.importer import write_records
from monsterbot.knowledge.records import slug
from monsterbot.knowledge.writer import write_glossary

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
    "poison": ("PoisonPriset", "_Poison"),
    "sleep": ("SleepPriset", "_Sleep"),
    "paralysis": ("ParalyzePriset", "_Paralyze"),
    "blast": ("BlastPreset", "_Blast"),
    "stun": ("StunPriset", "_Stun"),
}
#: The game's ailment effectiveness levels (large, medium, small, immune) as 0–3.
EFFECTIVE_LEVELS = {"ENABLE_L": 3, "ENABLE_M": 2, "ENABLE_S": 1, "DISABLE": 0}
#: How many times the usual build-up an ailment's must exceed to be marked near-useless (impractical_ailments).
IMPRACTICAL_FACTOR = 3
#: A part's alternate hitzone sets, by the field that points at them.
PART_STATES = {"_MeatGuidBreak": "broken", **{f"_MeatGuidCustom{n}": f"state {n}" for n in range(1, 6)}}
#: The part a weak point the game links to no part is shown as.
UNLINKED = "Weak Point"
NO_GUID = "00000000-0000-0000-0000-000000000000"
SIDE_PAIRS = (("Left ", "Right "), ("L ", "R "))
SIDES = tuple(side for pair in SIDE_PAIRS for side in pair)


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
                self.by_guid[entry["guid"]] = {
                    lang: content[i].strip() for lang, i in TEXT_COLUMNS.items() if content[i].strip()
                }

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
    impractical: dict[str, list[str]]  # enemy id -> ailments whose thresholds make them near-useless


def load_dataset(root: Path) -> Dataset:
    """Read the shared tables of the dump (names, part types, weak flags, ailment presets)."""
    part_types = _items(_user_data(root, "Common", "Enemy", "EnemyPartsTypeData.user.3.json")["_Values"])
    weak = _items(
        _unwrap(_user_data(root, "Enemy", "CommonData", "Data", "EnemyWeakAttrData.user.3.json")["_Data"])["_ParamList"]
    )
    return Dataset(
        root=root,
        monster_text=GameText(root, "EnemyText.msg.23.json"),
        part_text=GameText(root, "EnemyPartsTypeName.msg.23.json"),
        part_names={_enum(p["_EmPartsType"]): p["_EmPartsName"] for p in part_types},
        weak_flags={_enum(w["_EnumValue"]): [e for e, key in WEAK_FLAG_KEYS.items() if w[key]] for w in weak},
        ailment_levels=_ailment_levels(root),
        impractical=_impractical_ailments(root),
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


def _impractical_ailments(root: Path) -> dict[str, list[str]]:
    """Enemy id -> the ailments whose build-up is far beyond the usual: the threshold of the third application
    (the first threshold plus two increases, at most the cap) more than three times the highest of the presets that
    several monsters share (Gogmazios' stun: 3,250 where the shared presets reach at most 390)."""
    presets = _user_data(root, "Enemy", "CommonData", "Data", "EmParamBadConditionPreset.user.3.json")
    third: dict[str, float] = {}
    for _, group in AILMENT_PRESETS.values():
        for preset in _items(_unwrap(presets[group])["_PresetArray"]):
            third[preset["_InstanceGuid"]] = min(
                preset["_DefaultLimit"] + 2 * preset["_AddLimit"], preset["_AccumulationMax"]
            )
    settings = _items(
        _user_data(root, "Enemy", "CommonData", "Data", "EmParamBadCondition2.user.3.json")["_BossSettingList"]
    )
    used = {ailment: [_unwrap(s[key])["Value"] for s in settings] for ailment, (key, _) in AILMENT_PRESETS.items()}
    usual = {
        ailment: max((third[g] for g in set(guids) if g in third and guids.count(g) > 1), default=0.0)
        for ailment, guids in used.items()
    }
    found: dict[str, list[str]] = {}
    for setting in settings:
        for ailment, (key, _) in AILMENT_PRESETS.items():
            guid = _unwrap(setting[key])["Value"]
            if guid in third and third[guid] > IMPRACTICAL_FACTOR * usual[ailment]:
                found.setdefault(_enum(setting["_EmId"]), []).append(ailment)
    return found


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


@dataclass
class Parts:
    """One monster's parts file read as the game means it: a label per part, its rows, and what breaks it."""

    rows: list[tuple[str, list[dict[str, Any]]]]  # (label, rows: normal, alternate states, wounds, weak points)
    breaks: dict[
        str, tuple[str, list[str]]
    ]  # break GUID -> (its own name, the labels of the parts it breaks, as shown)


def _name(dataset: Dataset, part_type: str) -> str | None:
    return dataset.part_text.names(dataset.part_names.get(part_type, NO_GUID)).get("en")


def _break_targets(data: dict[str, Any]) -> dict[str, tuple[str, list[str]]]:
    """Break GUID -> (its part type, the GUIDs of the parts it breaks: one part, or a group's linked parts)."""
    groups = {g["_InstanceGuid"]: g["_LinkPartsGuids"] for g in _items(data["_MultiPartsArray"])}
    found = {}
    for entry in _items(data["_PartsBreakArray"]):
        target = entry["_TargetDataGuid"]
        guids = [target] if _enum(entry["_TargetCategory"]) == "PARTS" else groups.get(target, [])
        found[entry["_InstanceGuid"]] = (_enum(entry["_PartsType"]), guids)
    return found


def _reward_names(monster: LargeMonster, dataset: Dataset) -> dict[str, list[str]]:
    """Break GUID -> the names of the part-break rewards it pays ("Gog. Mat. (Head)")."""
    names: dict[str, list[str]] = {}
    for entry in _reward_entries(monster, dataset):
        for link in entry["PartsBreakData"]:
            guid = _unwrap(_unwrap(link)["_BreakParts"])["Value"]
            names.setdefault(guid, []).append(_name(dataset, _enum(entry["PartsType"])) or "")
    return names


def _reward_entries(monster: LargeMonster, dataset: Dataset) -> list[dict[str, Any]]:
    path = dataset.root / GAME_DESIGN / monster.sibling("PartsBreakReward")
    return (
        _items(_user_data(dataset.root, str(monster.sibling("PartsBreakReward")))["_PartsBreakArray"])
        if path.exists()
        else []
    )


def _break_names(monster: LargeMonster, dataset: Dataset, data: dict[str, Any]) -> dict[str, list[str]]:
    """Part GUID -> what the breaks that break it are called: each break's own name, then its rewards' names."""
    rewards = _reward_names(monster, dataset)
    names: dict[str, list[str]] = {}
    for guid, (kind, targets) in _break_targets(data).items():
        for target in targets:
            found = names.setdefault(target, [])
            found += [n for n in (_name(dataset, kind), *rewards.get(guid, ())) if n and n not in found]
    return names


def _labels(
    monster: LargeMonster, dataset: Dataset, data: dict[str, Any], meats: dict[str, dict[str, int]], report: Report
) -> tuple[dict[str, str], set[str]]:
    """Part GUID -> the label it is shown under, and the unnamed parts with exactly a named part's figures (shown
    once, under that part's label).

    A part keeps the game's name unless the game gives it none, or gives another part with other figures the same
    name. Such a part is named by a break that breaks it alone (the break's own name, else its reward's: Zoh Shia's
    "Head (Fallen)", Gogmazios' "Gog. Mat. (Head)"; of parts sharing a name, the one left keeps it), else by the part
    it breaks with ("Left Wing (Unnamed)"), else by its position where the game lists one unnamed part per named
    part (Lagiacrus), else "Part (Unnamed)"; labels still alike are numbered ("Part (Unnamed+2)")."""
    parts = _items(data["_PartsArray"])
    own = {p["_InstanceGuid"]: _name(dataset, _enum(p["_PartsType"])) for p in parts}
    normal = {p["_InstanceGuid"]: meats[p["_MeatGuidNormal"]] for p in parts}
    shared = {
        g
        for g, name in own.items()
        if name and any(n == name and normal[o] != normal[g] for o, n in own.items() if o != g)
    }
    breaks = _break_names(monster, dataset, data)
    labels = {g: n for g, n in own.items() if n and g not in shared}

    def alone(guid: str) -> str | None:
        return next(
            (
                n
                for n in breaks.get(guid, ())
                if n not in labels.values()
                and n not in own.values()
                and not any(n in found for other, found in breaks.items() if other != guid)
            ),
            None,
        )

    for name in dict.fromkeys(own[g] for g in shared):
        alike = [g for g in shared if own[g] == name]
        labels.update({g: n for g in alike if (n := alone(g))})
        if len(rest := [g for g in alike if g not in labels]) == 1:
            labels[rest[0]] = name or ""
    named, unnamed = [g for g in own if own[g]], [g for g in own if not own[g]]
    folded: set[str] = set()
    for guid in [g for g in own if g not in labels]:
        twin = next((g for g in named if not own[guid] and normal[g] == normal[guid] and g in labels), None)
        partner = next((n for n in breaks.get(guid, ()) if n in labels.values()), None)
        if twin:
            folded.add(guid)
            label = labels[twin]
        elif found := alone(guid):
            label = found
        elif partner:
            label = f"{partner} (Unnamed)"
        elif len(unnamed) == len(named) and not own[guid]:
            label = f"{own[named[unnamed.index(guid)]]} (Unnamed)"
        else:
            label = "Part (Unnamed)"
        labels[guid] = label
        kind = _enum(next(p for p in parts if p["_InstanceGuid"] == guid)["_PartsType"])
        report.add(
            monster.enemy_id,
            f"part {kind} ({own[guid] or 'no name in the game'}) shown as {label!r}"
            + (": the same figures" if twin else ""),
        )
    return _numbered(labels, normal, folded), folded


def _numbered(labels: dict[str, str], figures: dict[str, Any], folded: set[str]) -> dict[str, str]:
    """Labels made distinct where parts with other figures still share one: "Part (Unnamed)", "Part (Unnamed+2)"."""
    first: dict[str, list[Any]] = {}
    distinct = {}
    for guid, label in labels.items():
        seen = first.setdefault(label, [])
        if guid not in folded and figures[guid] not in seen:
            seen.append(figures[guid])
        number = seen.index(figures[guid]) + 1 if figures[guid] in seen else 1
        distinct[guid] = label if number == 1 else _ordinal(label, number)
    return distinct


def _ordinal(label: str, number: int) -> str:
    """The label of the n-th of several parts alike: "Weak Point" -> "Weak Point 2", "Part (Unnamed)" -> "Part
    (Unnamed+2)"."""
    return f"{label[:-1]}+{number})" if label.endswith(")") else f"{label} {number}"


def _part_rows(
    monster: LargeMonster, dataset: Dataset, report: Report
) -> tuple[list[tuple[str, list[dict[str, Any]]]], dict[str, str], dict[str, Any]]:
    """(label, its rows: normal first, then alternate states, wounds, weak points) per part, each part's label,
    and the parts file; weak points the game links to no part are parts of their own, "Weak Point", "Weak Point 2"…"""
    data = _user_data(dataset.root, str(monster.parts_file))
    meats = {m["_InstanceGuid"]: _values(m) for m in _items(data["_MeatArray"])}
    extra: dict[str, dict[str, list[dict[str, int]]]] = {"wound": {}, "weak point": {}}
    for state, key in (("wound", "_ScarPointArray"), ("weak point", "_WeakPointArray")):
        for point in _items(data[key]):
            found = extra[state].setdefault(point["_LinkPartsGuid"], [])
            if meats[point["_MeatGuid"]] not in found:
                found.append(meats[point["_MeatGuid"]])
    labels, folded = _labels(monster, dataset, data, meats, report)
    parts = []
    for part in _items(data["_PartsArray"]):
        label = labels[part["_InstanceGuid"]]
        if part["_InstanceGuid"] in folded:
            continue
        rows = [{"part": label, **meats[part["_MeatGuidNormal"]]}]
        rows += [
            {"part": label, "state": state, **meats[part[key]]}
            for key, state in PART_STATES.items()
            if part[key] != NO_GUID
        ]
        for state, table in extra.items():
            rows += [{"part": label, "state": state, **values} for values in table.get(part["_InstanceGuid"], [])]
        parts.append((label, rows))
    for number, values in enumerate(extra["weak point"].get(NO_GUID, []), start=1):
        label = _ordinal(UNLINKED, number) if number > 1 else UNLINKED
        report.add(
            monster.enemy_id,
            f"a weak point linked to no part ({values['cut']}/{values['impact']}/{values['shot']}), shown as {label!r}",
        )
        parts.append((label, [{"part": label, **values}]))
    return parts, labels, data


def _side(name: str) -> tuple[str, str] | None:
    """(side, base) of a left or right part: "L Wingarm (Crystallized)" -> ("L ", "Wingarm (Crystallized)")."""
    return next(((s, name[len(s) :]) for s in SIDES if name.startswith(s)), None)


def _known_base(base: str, known: set[str]) -> bool:
    """A base the game's text names, or such a base with a state: "Wingarm (Fallen)", "Wingarm (Unnamed)"."""
    return base in known or base.split(" (")[0] in known


def _merge_sides(
    parts: list[tuple[str, list[dict[str, Any]]]], known: set[str]
) -> list[tuple[str, list[dict[str, Any]]]]:
    """Left and right parts with the same figures become one part under the game's own base name
    ("Left Wing" + "Right Wing" -> "Wing"); identical duplicates of one name are kept once."""
    by_name: dict[str, list[list[dict[str, Any]]]] = {}
    for name, rows in parts:
        by_name.setdefault(name, []).append([{k: v for k, v in r.items() if k != "part"} for r in rows])
    merged: list[tuple[str, list[dict[str, Any]]]] = []
    seen: set[str] = set()
    for name, rows in parts:
        figures = [{k: v for k, v in r.items() if k != "part"} for r in rows]
        side = _side(name)
        if side and _known_base(side[1], known):
            twins = [by_name.get(f"{s}{side[1]}", []) for s in _pair(side[0])]
            if all(len(t) == 1 for t in twins) and twins[0] == twins[1]:
                name, rows = side[1], [{**r, "part": side[1]} for r in rows]
        key = json.dumps([name, figures])
        if key not in seen:
            seen.add(key)
            merged.append((name, rows))
    return merged


def _pair(side: str) -> tuple[str, str]:
    """The two sides written the way `side` is: ("Left ", "Right ") or ("L ", "R ")."""
    return next(pair for pair in SIDE_PAIRS if side in pair)


def _shown(label: str, shown: set[str]) -> str:
    """The label a part is shown under once left and right twins are merged."""
    side = _side(label)
    return side[1] if side and label not in shown and side[1] in shown else label


def _broken_parts(monster: LargeMonster, dataset: Dataset, parts: Parts, report: Report) -> dict[str, list[str]]:
    """Breakable and severable parts, each the part the game's break data breaks: a reward or a break named after
    something that is no hitzone part (Hirabami's "Tail III", Rey Dau's "Horn", Jin Dahaad's "Cranial Iceplate")
    is listed as the part it breaks."""

    def resolve(names: list[str], guid: str) -> list[str]:
        own_name, targets = parts.breaks.get(guid, ("", []))
        for name in (*names, own_name):
            if name in targets:
                return [name]
        if not targets:
            report.add(monster.enemy_id, f"break {names or own_name!r} breaks no part with hitzones: listed as named")
            return [n for n in names[:1] if n]
        return targets

    found: dict[str, list[str]] = {"breakable": [], "severable": []}
    for entry in _reward_entries(monster, dataset):
        names = [n for n in [_name(dataset, _enum(entry["PartsType"]))] if n]
        for link in entry["PartsBreakData"]:
            found["breakable"] += resolve(names, _unwrap(_unwrap(link)["_BreakParts"])["Value"])
    lost = dataset.root / GAME_DESIGN / monster.sibling("PartsLost")
    for entry in (
        _items(_user_data(dataset.root, str(monster.sibling("PartsLost")))["_PartsLostArray"]) if lost.exists() else []
    ):
        names = [n for n in [_name(dataset, _enum(entry["_PartsType"]))] if n]
        found["severable"] += resolve(names, entry["_PartsBreakGuid"])
    return {kind: list(dict.fromkeys(listed)) for kind, listed in found.items()}


def _parts(monster: LargeMonster, dataset: Dataset, report: Report) -> Parts:
    """The monster's parts with their labels, left and right twins merged, and what each break breaks."""
    rows, labels, data = _part_rows(monster, dataset, report)
    merged = _merge_sides(rows, {n["en"] for n in dataset.part_text.by_guid.values() if "en" in n})
    shown = {name for name, _ in merged}
    label_of = {g: _shown(label, shown) for g, label in labels.items()}
    breaks = {
        g: (_name(dataset, kind) or "", list(dict.fromkeys(label_of[t] for t in targets if t in label_of)))
        for g, (kind, targets) in _break_targets(data).items()
    }
    return Parts(merged, breaks)


def monster_record(monster: LargeMonster, dataset: Dataset, report: Report) -> dict[str, Any] | None:
    """The record of one monster, Wilds facts only; None if the game has no English name for it."""
    names = dataset.monster_text.names(monster.name_guid)
    if "en" not in names:
        report.add(monster.enemy_id, "no English name in the game's text, skipped")
        return None
    facts: dict[str, Any] = {"source": SOURCE}
    missing: list[str] = []
    rows: list[dict[str, Any]] = []
    parts: Parts | None = None
    if (dataset.root / GAME_DESIGN / monster.parts_file).exists():
        parts = _parts(monster, dataset, report)
        rows = [row for _, part_rows in parts.rows for row in part_rows]
    else:
        report.add(monster.enemy_id, f"no parts file ({monster.parts_file.name}): no hitzones, breaks or severs")
        missing += ["hitzones", "breakable", "severable"]
    parts_rows = [r for r in rows if not r["part"].startswith(UNLINKED)]  # a weak point is no part's usual state
    stars = element_stars([r for r in parts_rows if "state" not in r])
    if stars:
        facts["derived"] = ["elements"]
        facts["elements"] = stars
        forms = state_forms(parts_rows, stars)
        if forms:
            facts["forms"] = forms
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
            report.add(
                monster.enemy_id,
                f"{ailment}: effectiveness {levels.get(ailment, 'not set')!r} is not one of the three levels",
            )
    if ailments:
        facts["ailments"] = ailments
        impractical = [a for a in dataset.impractical.get(monster.enemy_id, []) if ailments.get(a)]
        if impractical:
            facts["impractical_ailments"] = impractical
    else:
        missing.append("ailments")
    if rows and parts:
        facts["hitzones"] = rows
        for field_name, listed in _broken_parts(monster, dataset, parts, report).items():
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


def wilds_part_names(root: Path) -> dict[str, dict[str, str]]:
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


def aliases_for(names: dict[str, str], existing: dict[str, str]) -> dict[str, list[str]]:
    """The game's names that differ from a record's official names, as aliases (ja and Chinese)."""
    return {
        lang: [name]
        for lang, name in names.items()
        if lang != "en" and lang in existing and normalize(name) != normalize(existing[lang])
    }


def import_wilds(root: Path, target: Path, part_names_file: Path | None = None) -> tuple[list[Path], Report]:
    """Write (or refresh) the Wilds facts under target and the Wilds part names; return the files and the report."""
    report = Report()
    records = wilds_records(root, report)
    write_glossary(part_names_file or FOLDER / "part_names_wilds.json", wilds_part_names(root))
    return write_records(records, target, GAME, alias_names=aliases_for), report
