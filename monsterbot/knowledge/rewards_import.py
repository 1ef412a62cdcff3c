"""Materials per monster, game and rank, from the source's reward tables, grouped by item (`materials:`).

World (MHWorldData, MIT): `monster_rewards.csv`, one row per (monster, rank, condition, item, stack, percentage); the
conditions are named in plain English ("Carve / Capture", "Wound Head", "Investigation (Gold)") and read by
`world_condition`. Item names in en, ja and zh-TW from `item_base_translations.csv`, rarity from `item_base.csv`; the
Simplified Chinese name is an OpenCC character conversion of the Traditional one (the dataset has none).

Wilds (MHWS-in-json, MIT): `Common/Enemy/EMxxxx_yy_z.user.3.json` (`EnemyRewardData`). Its rows come in groups: a
row whose `_rewardType` is set opens a table, the rows after it marked `INVALID` belong to it. `_IdStory` /
`_RewardNumStory` / `_probabilityStory` is the low-rank draw, column 0 of `_IdEx` / `_RewardNumEx` / `_probabilityEx`
the high-rank one. Names in four languages are the game's own text. What each reward type is was established against
the game's own data and what players know (tests/test_companion_import.py checks each claim):

- RW000, carve: every large monster has one, and its weights add up to 100. Rathalos Ruby 5% and Rathian Ruby 5%
  here, the "body carve 5%" players report for the rubies.
- RW001, severed part carve: present with items exactly for the monsters with a severable part (`PartsLost`: the
  tail for all but Nu Udra, whose arms), led by that part's material (Rathalos Tail 80%); the field guide's anatomy
  (`EnemyReportAnatomyPartsRewardData`) puts RW001 on the TAIL. Rubies 7% here, the "tail carve 7%" players report.
  The part is written where the monster has one severable part only.
- RW005, part break: `_partsIndex` is the `RewardTableIndex` of the monster's `PartsBreakReward` entry, which names
  the part (Rathalos 1 and 2: LEFT_WING and RIGHT_WING, both giving Rathalos Wing); the field guide's anatomy puts
  RW005 on the breakable parts.
- RW004, quest reward: the only tables drawn with REM_ITEM_ALL_GET; column 0's weights add up to 100 (Rubies 3%,
  the "target reward 3%" players report). High rank fills more columns (each adding up to 100 again): what they are
  could not be established, so they are reported, not imported.
- RW006, RW008, RW012, RW015 (Wyverian Bloodstones), RW016 (Guardians' crystals) and RW007: nothing in the data or
  the game's text tells which of capture, wound destroyed, dropped material or another reward each one is; they are
  reported ("not mapped"), not guessed.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from monsterbot.knowledge.wilds_import import (
    GAME_DESIGN,
    Dataset,
    GameText,
    LargeMonster,
    Report,
    _enum,
    _items,
    _name,
    _user_data,
)

WORLD_RANKS = {"LR": "low", "HR": "high", "MR": "master"}
#: World conditions with a fixed meaning (the others are read by pattern in `world_condition`).
WORLD_CONDITIONS = {
    "Carve / Capture": {"how": "carve or capture"},
    "Body Carve": {"how": "carve"},
    "Tail Carve": {"how": "tail carve"},
    "Track": {"how": "track"},
    "Shiny Drop": {"how": "dropped"},
    "Palico Bonus": {"how": "palico"},
    "Plunderblade": {"how": "plunderblade"},
    "Bandit Mantle": {"how": "bandit mantle"},
    "Hunt (Bronze)": {"how": "quest reward"},
    "Siege Progress": {"how": "siege"},
    "Siege Reward (Fury)": {"how": "siege", "tier": "fury"},
    "Gold Plating Carved": {"how": "part carve", "part": "Gold Plating"},
}
_WORLD_PATTERNS = (
    (re.compile(r"^(?:Wound|Break) (?P<part>.+)$"), "break"),
    (re.compile(r"^(?P<part>.+) Carve$"), "part carve"),
    (re.compile(r"^(?P<part>.+) Mining(?: / Shiny)?$"), "mining"),
    (re.compile(r"^Investigation \((?P<tier>\w+)\)$"), "investigation"),
    (re.compile(r"^Guiding Lands \((?P<tier>\w+)\)$"), "guiding lands"),
    (re.compile(r"^Appraisal \((?P<tier>\w+)\)$"), "appraisal"),
)

#: Wilds reward types whose meaning was established (see the module's docstring).
WILDS_KINDS = {"RW000": "carve", "RW001": "severed part carve", "RW005": "break", "RW004": "quest reward"}


def world_condition(text: str) -> dict[str, str] | None:
    """{how, part?, tier?} for a World condition name, or None if it is not one this import knows."""
    if text in WORLD_CONDITIONS:
        return dict(WORLD_CONDITIONS[text])
    for pattern, how in _WORLD_PATTERNS:
        found = pattern.match(text)
        if found:
            fields = {k: v.lower() if k == "tier" else v for k, v in found.groupdict().items()}
            return {"how": how, **fields}
    return None


def _drop(condition: dict[str, str], rate: int, count: int) -> dict[str, Any]:
    row: dict[str, Any] = {"how": condition["how"]}
    row.update({k: condition[k] for k in ("part", "tier") if k in condition})
    row["rate"] = rate
    if count != 1:
        row["count"] = count
    return row


def group_by_item(
    rows: Iterable[tuple[str, dict[str, str], int | None, dict[str, Any]]],
) -> dict[str, list[dict[str, Any]]]:
    """(rank, item names, rarity, drop) rows -> {rank: [{item, rarity, drops}]}, items and drops in source order."""
    grouped: dict[str, dict[str, dict[str, Any]]] = {}
    for rank, names, rarity, drop in rows:
        per_rank = grouped.setdefault(rank, {})
        entry = per_rank.setdefault(names["en"], {"item": names, **({"rarity": rarity} if rarity else {}), "drops": []})
        entry["drops"].append(drop)
    return {rank: list(grouped[rank].values()) for rank in ("low", "high", "master") if rank in grouped}


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def world_item_names(dataset: Path) -> dict[str, tuple[dict[str, str], int | None]]:
    """English item name -> ({language: name}, rarity) for World (zh-CN converted from zh-TW with OpenCC)."""
    rarity = {r["name_en"]: int(r["rarity"]) for r in _rows(dataset, "item_base.csv") if r["rarity"].strip()}
    return {
        row["name_en"]: (world_names(row), rarity.get(row["name_en"]))
        for row in _rows(dataset, "item_base_translations.csv")
    }


def world_names(row: dict[str, str]) -> dict[str, str]:
    """A name in four languages from a MHWorldData row (name_en, name_ja, name_zh); zh-CN converted with OpenCC."""
    names = {"en": row["name_en"], "ja": row["name_ja"], "zh-TW": row["name_zh"]}
    if row["name_zh"]:
        names["zh-CN"] = simplified(row["name_zh"])
    return {k: v for k, v in names.items() if v}


def simplified(traditional: str) -> str:
    """OpenCC's Traditional (Taiwan) to Simplified conversion, for names the source gives only in zh-TW."""
    return str(_tw2s().convert(traditional))


@lru_cache(maxsize=1)
def _tw2s() -> Any:
    import opencc

    return opencc.OpenCC("tw2s")


def world_materials(dataset: Path, report: Report) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """English monster name -> {rank: materials} for every monster of `monster_rewards.csv`."""
    items = world_item_names(dataset)
    rows: dict[str, list[tuple[str, dict[str, str], int | None, dict[str, Any]]]] = defaultdict(list)
    for row in _rows(dataset, "monster_rewards.csv"):
        condition = world_condition(row["condition_en"])
        if condition is None:
            report.add(row["base_name_en"], f"reward condition {row['condition_en']!r} not mapped")
            continue
        if not row["percentage"].strip():
            report.add(row["base_name_en"], f"{row['condition_en']} {row['item_en']!r}: no rate given, left out")
            continue
        names, rarity = items.get(row["item_en"], ({"en": row["item_en"]}, None))
        if row["item_en"] not in items:
            report.add(row["base_name_en"], f"item {row['item_en']!r} has no translations")
        rank = WORLD_RANKS[row["rank"]]
        rows[row["base_name_en"]].append(
            (rank, names, rarity, _drop(condition, int(row["percentage"]), int(row["stack"])))
        )
    return {monster: group_by_item(found) for monster, found in rows.items()}


@dataclass(frozen=True)
class WildsItems:
    """The game's items: names in four languages and rarity, by item id (ITEM_0582)."""

    names: dict[str, dict[str, str]]
    rarity: dict[str, int]
    explanation: dict[str, dict[str, str]]
    kind: dict[str, str]

    @classmethod
    def load(cls, root: Path) -> WildsItems:
        text = GameText(root, "Item.msg.23.json")
        names, rarity, explanation, kind = {}, {}, {}, {}
        for item in _items(_user_data(root, "Common", "Item", "itemData.user.3.json")["_Values"]):
            item_id = _enum(item["_ItemId"])
            names[item_id] = text.names(item["_RawName"])
            explanation[item_id] = text.names(item["_RawExplain"])
            rarity[item_id] = int(_enum(item["_Rare"]).removeprefix("RARE")) + 1  # RARE0 is the game's rarity 1
            kind[item_id] = _enum(item["_Type"])
        return cls(names, rarity, explanation, kind)


def reward_groups(data: dict[str, Any]) -> list[tuple[str, int, list[dict[str, Any]]]]:
    """(reward type, parts index, rows) per table of an EnemyRewardData file, in file order."""
    groups: list[tuple[str, int, list[dict[str, Any]]]] = []
    for row in _items(data["_Values"]):
        kind = _enum(row["_rewardType"])
        if kind != "INVALID" or not groups:
            groups.append((kind, row["_partsIndex"], []))
        groups[-1][2].append(row)
    return groups


def wilds_draws(row: dict[str, Any]) -> list[tuple[str, str, int, int]]:
    """(rank, item id, count, rate) of one reward row: the low-rank draw and column 0 of the high-rank one."""
    draws = [
        ("low", _enum(row["_IdStory"]), row["_RewardNumStory"], row["_probabilityStory"]),
        ("high", _enum(row["_IdEx"][0]), row["_RewardNumEx"][0], row["_probabilityEx"][0]),
    ]
    return [(rank, item, count, rate) for rank, item, count, rate in draws if item != "INVALID" and rate > 0]


def _break_parts(monster: LargeMonster, dataset: Dataset) -> dict[int, str]:
    """RewardTableIndex -> the English part name, from the monster's PartsBreakReward file."""
    path = dataset.root / GAME_DESIGN / monster.sibling("PartsBreakReward")
    if not path.exists():
        return {}
    parts = {}
    for entry in _items(_user_data(dataset.root, str(monster.sibling("PartsBreakReward")))["_PartsBreakArray"]):
        parts[entry["RewardTableIndex"]] = _name(dataset, _enum(entry["PartsType"])) or _enum(entry["PartsType"])
    return parts


def _severable_parts(monster: LargeMonster, dataset: Dataset) -> list[str]:
    """The English names of the parts the monster can lose (its PartsLost file), in file order."""
    if not (dataset.root / GAME_DESIGN / monster.sibling("PartsLost")).exists():
        return []
    entries = _items(_user_data(dataset.root, str(monster.sibling("PartsLost")))["_PartsLostArray"])
    return list(dict.fromkeys(n for e in entries if (n := _name(dataset, _enum(e["_PartsType"])))))


def wilds_materials(
    monster: LargeMonster, dataset: Dataset, items: WildsItems, report: Report
) -> dict[str, list[dict[str, Any]]]:
    """{rank: materials} of one Wilds monster; every table that is not mapped is reported."""
    path = Path("Common", "Enemy", f"{monster.enemy_id}.user.3.json")
    if not (dataset.root / GAME_DESIGN / path).exists():
        report.add(monster.enemy_id, "no reward file")
        return {}
    parts = _break_parts(monster, dataset)
    severable = _severable_parts(monster, dataset)
    rows = []
    for kind, parts_index, table in reward_groups(_user_data(dataset.root, str(path))):
        how = WILDS_KINDS.get(kind)
        if how is None:
            if any(wilds_draws(r) for r in table):
                report.add(monster.enemy_id, f"reward type {kind} not mapped ({len(table)} rows)")
            continue
        condition = {"how": how}
        if how == "severed part carve" and len(severable) == 1:
            condition["part"] = severable[0]
        if how == "break":
            condition["part"] = parts.get(parts_index, "")
            if not condition["part"]:
                report.add(monster.enemy_id, f"part break table {parts_index} names no part")
                continue
        extra = [r for r in table if any(i != "[0] INVALID" for i in r["_IdEx"][1:])]
        if extra:
            report.add(monster.enemy_id, f"{kind}: {len(extra)} rows with more high-rank columns, column 0 imported")
        for row in table:
            for rank, item, count, rate in wilds_draws(row):
                names = items.names.get(item) or {"en": item}
                rows.append((rank, names, items.rarity.get(item), _drop(condition, rate, count)))
    return group_by_item(rows)
