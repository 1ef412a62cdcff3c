"""The Wilds import from the game's own data: reproducible, keeps hand edits, reports gaps, agrees with an
independent reading of the same data, and derives stars by the documented rule."""

from __future__ import annotations

import csv
import shutil
from collections import defaultdict

import yaml

from monsterbot.core.model import ELEMENTS
from monsterbot.knowledge.derived_stars import stars_for
from tests.conftest import KNOWLEDGE, need_shared
from tests.wilds_crosscheck import differences, load

PART_NAMES_WILDS = KNOWLEDGE.parent / "monsterbot" / "replies" / "part_names_wilds.json"

#: Calculator names that differ from the game's own.
CALCULATOR_NAMES = {"Rompololo": "Rompopolo"}
#: The calculator's training dummy is no monster.
NOT_MONSTERS = {"Training Dummy"}
#: Every remaining value difference, explained (the dump is a newer game version than the calculator's figures).
EXPLAINED_VALUES = {
    "Arkveld / Chainblade (State 1)": "calculator 52/52/48; the dump's chainblade states are 50/50/45 (newer data)",
    "Arkveld / Chainblade (Weak Point)": "calculator 52/52/48; the dump's chainblade weak point is 50/50/45 (newer data)",
}
#: Element-only differences: the calculator writes 0 (or omits a value) where the dump has figures.
EXPLAINED_ELEMENTS = {
    "Guardian Fulgur Anjanath / Head (Weak Point)": "the calculator zeroes the weak point's element values",
    "Gypceros / Head (Weak Point)": "the calculator zeroes the weak point's element values",
    "Mizutsune / Hind Leg (Wound)": "the calculator has dragon 0; the dump's hind-leg wound has dragon 30",
}


def _run(tmp_path, tamper=None):
    from monsterbot.knowledge.wilds_import import import_wilds

    dump = need_shared("data", "mhws-in-json")
    target = tmp_path / "monsters"
    shutil.copytree(KNOWLEDGE / "monsters", target)
    if tamper:
        tamper(target)
    glossary = tmp_path / "part_names_wilds.json"
    written, report = import_wilds(dump, target, part_names_file=glossary)
    return target, written, report, glossary


def test_rerun_is_byte_identical_and_keeps_hand_added_aliases(tmp_path):
    def tamper(target):  # a hand-added alias and a stale figure: the alias stays, the figure is restored
        path = target / "arkveld.yaml"
        text = path.read_text().replace("  ja: [アルシュ]\n", "  en: [chainblade]\n  ja: [アルシュ]\n", 1)
        path.write_text(text.replace("cut: 45, impact: 48", "cut: 1, impact: 48", 1))

    target, written, _, glossary = _run(tmp_path, tamper)
    assert len(set(written)) == 34  # 33 with a parts file, and Guardian Arkveld
    for path in set(written) - {target / "arkveld.yaml"}:
        assert path.read_bytes() == (KNOWLEDGE / "monsters" / path.name).read_bytes(), path.name
    assert glossary.read_bytes() == PART_NAMES_WILDS.read_bytes()
    arkveld = yaml.safe_load((target / "arkveld.yaml").read_text())
    assert arkveld["aliases"] == {"en": ["chainblade"], "ja": ["アルシュ"]}
    assert arkveld["games"]["wilds"]["hitzones"][0]["cut"] == 45


def test_report_names_what_could_not_be_mapped(tmp_path):
    _, _, report, _ = _run(tmp_path)
    text = "\n".join(report.lines)
    assert "EM0160_50_0: no parts file" in text  # Guardian Arkveld
    assert "training target" in text
    assert "weak point linked to no part" in text
    arkveld = yaml.safe_load((KNOWLEDGE / "monsters" / "guardian-arkveld.yaml").read_text())["games"]["wilds"]
    assert arkveld["missing"] == ["elements", "hitzones", "breakable", "severable"]
    assert arkveld["ailments"] and arkveld["weak_elements"] == ["dragon"]


def _imported_hitzones() -> dict[str, list[dict]]:
    found = {}
    for path in sorted((KNOWLEDGE / "monsters").glob("*.yaml")):
        record = yaml.safe_load(path.read_text())
        wilds = record["games"].get("wilds", {})
        if wilds.get("hitzones"):
            found[record["names"]["en"]] = wilds["hitzones"]
    return found


def test_hitzones_agree_with_mhwilds_calculator_or_the_difference_is_explained():
    rows = load(need_shared("data", "mhwilds-calculator", "monsters.ts"))
    rows = [r for r in rows if r.monster not in NOT_MONSTERS]
    rows = [type(r)(CALCULATOR_NAMES.get(r.monster, r.monster), r.label, r.values) for r in rows]
    assert len(rows) > 450 and len({r.monster for r in rows}) == 31
    found = differences(rows, _imported_hitzones())
    kinds = defaultdict(list)
    for kind, text in found:
        kinds[kind].append(text)
    assert not kinds["monster"], kinds["monster"]
    unexplained = [t for t in kinds["value"] if t.split(":")[0] not in EXPLAINED_VALUES]
    unexplained += [t for t in kinds["elements"] if t.split(":")[0] not in EXPLAINED_ELEMENTS]
    assert not unexplained, "\n".join(unexplained)
    # the rest are names: the calculator's generic part names (Arm, Iceplate) and its own state labels (Alt, Crystalized)
    assert {kind for kind, _ in found} <= {"value", "elements", "part name", "state"}
    assert len(found) < 0.05 * len(rows)


def test_derived_star_rule_agrees_with_world_field_guide_stars():
    """The rule is checked where both stars and hitzones are known: World: Iceborne (MHWorldData)."""
    folder = need_shared("data", "mhworlddata")
    values: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    with (folder / "monster_hitzones.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for element in ELEMENTS:
                if row[element].strip():
                    values[row["base_name_en"]][element].append(int(row[element]))
    same = within_one = total = 0
    with (folder / "monster_weaknesses.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["form"] != "normal" or row["name_en"] not in values:
                continue
            for element in ELEMENTS:
                if row[element].strip() and values[row["name_en"]][element]:
                    derived, official = stars_for(values[row["name_en"]][element]), int(row[element])
                    total += 1
                    same += derived == official
                    within_one += abs(derived - official) <= 1
    assert total > 300
    assert same / total >= 0.78 and within_one / total >= 0.96  # the figures knowledge/README.md quotes


def test_wilds_records_mark_derived_stars_and_keep_the_games_flags():
    rathalos = yaml.safe_load((KNOWLEDGE / "monsters" / "rathalos.yaml").read_text())["games"]["wilds"]
    assert rathalos["source"] == "mhws-in-json" and rathalos["derived"] == ["elements"]
    assert rathalos["weak_elements"] == ["dragon"]
    assert {"part": "Head", "state": "wound"}.items() <= rathalos["hitzones"][1].items()


def test_derived_best_elements_include_a_flag_of_the_game():
    checked = 0
    for path in sorted((KNOWLEDGE / "monsters").glob("*.yaml")):
        wilds = yaml.safe_load(path.read_text())["games"].get("wilds", {})
        if "elements" in wilds and wilds.get("weak_elements"):
            best = max(wilds["elements"].values())
            assert {e for e, v in wilds["elements"].items() if v == best} & set(wilds["weak_elements"]), path.stem
            checked += 1
    assert checked == 32  # the figure knowledge/README.md quotes
