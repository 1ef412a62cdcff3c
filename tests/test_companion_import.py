"""The hunt companion's knowledge (materials, habitats, what a monster inflicts, what to bring, crowns, traps):
reproducible, equal to the source's own tables read here independently of the importer, and each datamined enum's
reading checked against what the game's text and players say."""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from monsterbot.knowledge.positioned_yaml import load_one
from monsterbot.knowledge.records import read_text
from tests.conftest import KNOWLEDGE, need_shared

GLOSSARY = KNOWLEDGE.parent / "monsterbot" / "core" / "glossary"
WORLD_MONSTERS = [
    "Rathalos",
    "Rathian",
    "Nergigante",
    "Anjanath",
    "Diablos",
    "Zinogre",
    "Velkhana",
    "Tigrex",
    "Kulu-Ya-Ku",
    "Safi'jiiva",
]
WILDS_ENEMIES = {
    "EM0002_00_0": "rathalos",
    "EM0001_00_0": "rathian",
    "EM0150_00_0": "doshaguma",
    "EM0151_00_0": "balahara",
    "EM0152_00_0": "chatacabra",
    "EM0156_00_0": "rey-dau",
    "EM0160_00_0": "arkveld",
    "EM0005_00_0": "gravios",
    "EM0002_50_0": "guardian-rathalos",
    "EM0162_00_0": "jin-dahaad",
}
WILDS_KINDS = {"RW000": "carve", "RW001": "severed part carve", "RW004": "quest reward", "RW005": "break"}
GAME_DESIGN = Path("natives", "STM", "GameDesign")


def _record(monster_id: str) -> dict:
    return load_one((KNOWLEDGE / "monsters" / f"{monster_id}.yaml").read_text())


def _drops(facts: dict) -> Counter:
    """(rank, item, how, rate, count) of every drop of a game's materials."""
    return Counter(
        (rank, m["item"], d["how"], d["rate"], d.get("count", 1))
        for rank, items in facts.get("materials", {}).items()
        for m in items
        for d in m["drops"]
    )


def test_rerun_is_byte_identical(tmp_path):
    from monsterbot.knowledge.companion_import import GLOSSARIES, import_companion

    data = need_shared("data")
    target = tmp_path / "monsters"
    shutil.copytree(KNOWLEDGE / "monsters", target)
    rathalos = target / "rathalos.yaml"
    rathalos.write_text(rathalos.read_text().replace("{how: carve, rate: 5}", "{how: carve, rate: 50}"))  # stale
    written, report = import_companion(data, target, glossary=tmp_path)
    assert len(written) == 156
    for path in written:
        assert path.read_bytes() == (KNOWLEDGE / "monsters" / path.name).read_bytes(), path.name
    for name in GLOSSARIES:
        assert (tmp_path / name).read_bytes() == (GLOSSARY / name).read_bytes(), name
    lines = "\n".join(report.lines)
    assert "reward type RW006 not mapped" in lines and "special attack bit 33 has no name" in lines


# --- World: the materials equal MHWorldData's reward table ------------------------------------------------------

_WORLD_RANKS = {"LR": "low", "HR": "high", "MR": "master"}


def _world_how(condition: str) -> str:
    """The test's own reading of a World condition (only how it is obtained)."""
    fixed = {
        "Carve / Capture": "carve or capture",
        "Body Carve": "carve",
        "Tail Carve": "tail carve",
        "Track": "track",
        "Shiny Drop": "dropped",
        "Palico Bonus": "palico",
        "Plunderblade": "plunderblade",
        "Bandit Mantle": "bandit mantle",
        "Hunt (Bronze)": "quest reward",
        "Siege Progress": "siege",
    }
    if condition in fixed:
        return fixed[condition]
    first = condition.split(" ")[0]
    return {
        "Wound": "break",
        "Break": "break",
        "Investigation": "investigation",
        "Guiding": "guiding lands",
        "Appraisal": "appraisal",
    }.get(first) or ("mining" if "Mining" in condition else "part carve")


@pytest.mark.parametrize("monster", WORLD_MONSTERS)
def test_world_materials_equal_the_reward_table(monster):
    data = need_shared("data", "mhworlddata")
    with (data / "monster_rewards.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["base_name_en"] == monster and r["percentage"].strip()]
    truth = Counter(
        (_WORLD_RANKS[r["rank"]], r["item_en"], _world_how(r["condition_en"]), int(r["percentage"]), int(r["stack"]))
        for r in rows
    )
    record = _record(re.sub(r"[^a-z0-9]+", "-", monster.lower()).strip("-"))
    assert rows and _drops(record["games"]["world"]) == truth


def test_world_rathalos_ruby_as_players_know_it():
    world = _record("rathalos")["games"]["world"]["materials"]
    ruby = next(m for m in world["high"] if m["item"] == "Rathalos Ruby")
    assert ruby["rarity"] == 7 and {"how": "break", "part": "Head", "rate": 1} in ruby["drops"]
    assert not any(m["item"] == "Rathalos Ruby" for m in world["low"])  # a high- and master-rank reward only


# --- Wilds: the materials equal the game's reward tables -------------------------------------------------------


def _english_by_id(
    root: Path, text_file: str, table: tuple[str, str, str], id_key: str, name_key: str
) -> dict[str, str]:
    """Id -> English name, read here from one of the game's tables and its text file."""
    text = json.loads((root / GAME_DESIGN / "Text" / "Excel_Data" / text_file).read_text())
    english = {e["guid"]: e["content"][1] for e in text["entries"]}
    folder, file, kind = table
    data = json.loads((root / GAME_DESIGN / "Common" / folder / file).read_text())
    return {
        row[id_key].split("] ")[1]: english.get(row[name_key], "")
        for value in data[0][kind]["_Values"]
        for row in value.values()
    }


def _wilds_names(root: Path) -> dict[str, str]:
    """Item id -> English name."""
    return _english_by_id(
        root, "Item.msg.23.json", ("Item", "itemData.user.3.json", "app.user_data.ItemData"), "_ItemId", "_RawName"
    )


@pytest.mark.parametrize("enemy", sorted(WILDS_ENEMIES))
def test_wilds_materials_equal_the_reward_tables(enemy):
    root = need_shared("data", "mhws-in-json")
    names = _wilds_names(root)
    table = json.loads((root / GAME_DESIGN / "Common" / "Enemy" / f"{enemy}.user.3.json").read_text())
    truth: Counter = Counter()
    kind = None
    for value in table[0]["app.user_data.EnemyRewardData"]["_Values"]:
        row = next(iter(value.values()))
        if not row["_rewardType"].endswith("INVALID"):
            kind = WILDS_KINDS.get(row["_rewardType"].split("] ")[1])
        if kind is None:
            continue
        for rank, item, count, rate in (
            ("low", row["_IdStory"], row["_RewardNumStory"], row["_probabilityStory"]),
            ("high", row["_IdEx"][0], row["_RewardNumEx"][0], row["_probabilityEx"][0]),
        ):
            if not item.endswith("INVALID") and rate:
                truth[(rank, names[item.split("] ")[1]], kind, rate, count)] += 1
    assert truth and _drops(_record(WILDS_ENEMIES[enemy])["games"]["wilds"]) == truth


def test_wilds_reward_kinds_as_players_know_them():
    """Rubies: body carve 5%, tail carve 7%, target (quest) reward 3%, as players report them (the tail is the one
    severable part of both)."""
    for monster, ruby in (("rathalos", "Rathalos Ruby"), ("rathian", "Rathian Ruby")):
        drops = next(m for m in _record(monster)["games"]["wilds"]["materials"]["high"] if m["item"] == ruby)["drops"]
        assert {(d["how"], d["rate"]) for d in drops} >= {("carve", 5), ("severed part carve", 7), ("quest reward", 3)}


def test_wilds_severed_part_carves_are_exactly_for_severable_parts():
    checked = 0
    for path in sorted((KNOWLEDGE / "monsters").glob("*.yaml")):
        wilds = load_one(path.read_text())["games"].get("wilds")
        if not wilds or "materials" not in wilds or "severable" in wilds.get("missing", ()):
            continue
        carves = [
            d for ms in wilds["materials"].values() for m in ms for d in m["drops"] if d["how"] == "severed part carve"
        ]
        assert bool(carves) == bool(wilds.get("severable")), path.stem
        if wilds.get("severable") == ["Tail"]:
            assert {d.get("part") for d in carves} == {"Tail"}, path.stem
            checked += 1
    assert checked > 10


def test_wilds_part_breaks_name_the_breakable_parts():
    rathalos = _record("rathalos")["games"]["wilds"]
    wing = next(m for m in rathalos["materials"]["high"] if m["item"] == "Rathalos Wing")["drops"]
    assert (
        {d.get("part") for d in wing if d["how"] == "break"}
        == {"Left Wing", "Right Wing"}
        == set(rathalos["breakable"])
    )


# --- Wilds field guide: regions and what each monster inflicts --------------------------------------------------


def _field_guide(root: Path) -> dict[str, dict]:
    data = json.loads((root / GAME_DESIGN / "Common" / "Enemy" / "EnemyReportBossData.user.3.json").read_text())
    return {
        row["_EmID"].split("] ")[1]: row
        for value in data[0]["app.user_data.EnemyReportBossData"]["_Values"]
        for row in value.values()
    }


def _bits(node: dict) -> list[int]:
    return [int(v[1:].split("]")[0]) for v in next(iter(node.values()))]


def _enemy_names(root: Path) -> dict[str, str]:
    """Enemy id -> English name."""
    return _english_by_id(
        root,
        "EnemyText.msg.23.json",
        ("Enemy", "EnemyData.user.3.json", "app.user_data.EnemyData"),
        "_enemyId",
        "_EnemyName",
    )


def test_every_wilds_monsters_regions_and_inflictions_match_the_field_guide():
    root = need_shared("data", "mhws-in-json")
    stages = {
        1: "Windward Plains",
        2: "Scarlet Forest",
        3: "Oilwell Basin",
        4: "Iceshard Cliffs",
        5: "Ruins of Wyveria",
    }
    text = json.loads(
        (root / GAME_DESIGN / "Text" / "Excel_Data" / "EnemyReportSpecialAttackTypeText.msg.23.json").read_text()
    )
    attacks = {
        int(e["name"].rsplit("_", 1)[1]): e["content"][1].lower() for e in text["entries"] if "_NAME_" in e["name"]
    }
    names = _enemy_names(root)
    checked = 0
    for enemy, row in _field_guide(root).items():
        wilds = _record(re.sub(r"[^a-z0-9]+", "-", names[enemy].lower()).strip("-"))["games"]["wilds"]
        assert wilds.get("habitats", []) == [stages[b] for b in _bits(row["_StageBit"])], enemy
        assert wilds.get("inflicts", []) == [attacks[b] for b in _bits(row["_EnemySPAttackBit"]) if b in attacks], enemy
        checked += 1
    assert checked == 34


def test_stage_bits_are_the_regions_the_game_describes():
    """A monster that lives on one region only: the game's own description of it names that region."""
    root = need_shared("data", "mhws-in-json")
    stages = {
        1: "Windward Plains",
        2: "Scarlet Forest",
        3: "Oilwell Basin",
        4: "Iceshard Cliffs",
        5: "Ruins of Wyveria",
    }
    text = json.loads((root / GAME_DESIGN / "Text" / "Excel_Data" / "EnemyText.msg.23.json").read_text())
    described: dict[str, str] = {}
    for entry in text["entries"]:
        found = re.search(r"_(?:EXP|FEATURES)_(EM\d{4}_\d{2}_\d)$", entry["name"])
        if found:
            described[found.group(1)] = described.get(found.group(1), "") + " " + entry["content"][1]
    confirmed: Counter = Counter()
    for enemy, row in _field_guide(root).items():
        bits = _bits(row["_StageBit"])
        mentioned = {b for b, region in stages.items() if region in described.get(enemy, "")}
        if len(bits) == 1 and mentioned:
            assert mentioned == set(bits), enemy
            confirmed[bits[0]] += 1
    assert set(confirmed) == set(stages)  # every bit confirmed by at least one monster's own description


def test_special_attack_bits_read_as_the_games_text_names_them():
    """Bit n is the text NAME_n: Rathalos burns and poisons, Lala Barina paralyses (its description says so),
    Gypceros flashes, Seregios makes you bleed, Gore Magala spreads the Frenzy."""
    expected = {
        "rathalos": {"fireblight", "poison"},
        "lala-barina": {"paralysis"},
        "gypceros": {"flash"},
        "seregios": {"bleeding"},
        "gore-magala": {"frenzy"},
        "rey-dau": {"thunderblight"},
        "jin-dahaad": {"iceblight", "frostblight"},
    }
    for monster, conditions in expected.items():
        assert conditions <= set(_record(monster)["games"]["wilds"]["inflicts"]), monster


def test_region_names_come_from_the_games_text():
    places = json.loads((GLOSSARY / "place_names.json").read_text())
    assert places["Windward Plains"] == {"ja": "隔ての砂原", "zh-TW": "天塹沙原", "zh-CN": "天堑沙原"}
    assert places["Ancient Forest"]["zh-TW"] == "古代樹森林" and places["Ancient Forest"]["zh-CN"] == "古代树森林"
    items = json.loads((GLOSSARY / "item_names_wilds.json").read_text())
    assert items["Rathalos Ruby"] == {"ja": "火竜の紅玉", "zh-TW": "火龍的紅玉", "zh-CN": "火龙的红玉"}


# --- What to bring, crowns, traps -------------------------------------------------------------------------------


def test_remedies_are_the_items_whose_text_cures_the_condition():
    wilds = {r["item"]: r["cures"] for r in _record("rathalos")["games"]["wilds"]["remedies"]}
    assert wilds["Nulberry"] == ["fireblight"] and "poison" in wilds["Antidote"]
    world = {r["item"]: r["cures"] for r in _record("nergigante")["games"]["world"].get("remedies", [])}
    assert "Nulberry" not in world  # it inflicts no blight in World
    odogaron = {r["item"]: r["cures"] for r in _record("odogaron")["games"]["world"]["remedies"]}
    assert odogaron["Astera Jerky"] == ["bleeding"]


def test_crowns_and_traps():
    gamedata = need_shared("data", "hunterpie-gamedata")
    assert _record("rathalos")["games"]["world"]["crowns"] == {"mini": 90, "silver": 115, "gold": 123}
    assert 'Gold="123"' in (gamedata / "Wilds.MonsterData.xml").read_text()
    assert _record("rathalos")["games"]["wilds"]["crowns"] == {"mini": 90, "silver": 115, "gold": 123}
    assert _record("rathalos")["games"]["world"]["traps"] == {"pitfall": True, "shock": True, "vine": True}
    assert _record("nergigante")["games"]["world"]["traps"] == {"pitfall": False, "shock": False, "vine": False}


# --- Validation: a bad companion fact is refused with its file and line -----------------------------------------


@pytest.mark.parametrize(
    "bad, message",
    [
        ("{how: carve, rate: 0}", "must be 1–100"),
        ("{how: stolen, rate: 5}", "must be one of"),
        ("{how: carve, rate: 5, odds: 3}", "unknown key 'odds'"),
    ],
)
def test_a_bad_drop_is_refused_with_file_and_line(bad, message):
    text = (KNOWLEDGE / "monsters" / "rathalos.yaml").read_text()
    broken = text.replace("{how: carve, rate: 5}", bad, 1)
    line = broken[: broken.index(bad)].count("\n") + 1
    records, problems = read_text(broken, "rathalos.yaml")
    assert not records and any(p.line == line and message in p.message for p in problems), problems


def test_an_unknown_condition_is_refused():
    text = (KNOWLEDGE / "monsters" / "rathalos.yaml").read_text()
    broken = text.replace("inflicts: [weak roar,", "inflicts: [hiccups,", 1)
    _, problems = read_text(broken, "rathalos.yaml")
    assert any("inflicts[0] must be one of" in p.message for p in problems)
