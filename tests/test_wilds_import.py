"""The Wilds import from the game's own data: reproducible, keeps hand edits, reports gaps, agrees with an
independent reading of the same data, and derives stars by the documented rule."""

from __future__ import annotations

import shutil
from collections import defaultdict

from monsterbot.knowledge.audit import CALCULATOR_NAMES, NOT_MONSTERS
from monsterbot.knowledge.derived_stars import THRESHOLDS, TOP_PARTS, element_stars, state_forms
from monsterbot.knowledge.positioned_yaml import load_one
from monsterbot.knowledge.wilds_crosscheck import differences, load
from monsterbot_devtools.star_calibration import calibrate, halves, score, world_samples
from tests.conftest import KNOWLEDGE, need_shared

PART_NAMES_WILDS = KNOWLEDGE.parent / "monsterbot" / "core" / "glossary" / "part_names_wilds.json"

#: Every remaining value difference, explained (the dump is a newer game version than the calculator's figures).
EXPLAINED_VALUES = {
    "Arkveld / Chainblade (State 1)": "calculator 52/52/48; the dump's chainblade states are 50/50/45 (newer data)",
    "Arkveld / Chainblade (Weak Point)": (
        "calculator 52/52/48; the dump's chainblade weak point is 50/50/45 (newer data)"
    ),
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
        text = path.read_text().replace("aliases:\n", "aliases:\n  zh-TW: [鎖刃]\n", 1)
        assert "zh-TW: [鎖刃]" in text and "cut: 45, impact: 48" in text  # the tampering took
        path.write_text(text.replace("cut: 45, impact: 48", "cut: 1, impact: 48", 1))

    target, written, _, glossary = _run(tmp_path, tamper)
    assert len(set(written)) == 34  # 33 with a parts file, and Guardian Arkveld
    for path in set(written) - {target / "arkveld.yaml"}:
        assert path.read_bytes() == (KNOWLEDGE / "monsters" / path.name).read_bytes(), path.name
    assert glossary.read_bytes() == PART_NAMES_WILDS.read_bytes()
    arkveld = load_one((target / "arkveld.yaml").read_text())
    kept = load_one((KNOWLEDGE / "monsters" / "arkveld.yaml").read_text())["aliases"]
    assert arkveld["aliases"] == {**kept, "zh-TW": ["鎖刃"]}
    assert arkveld["games"]["wilds"]["hitzones"][0]["cut"] == 45


def test_report_names_what_could_not_be_mapped(tmp_path):
    _, _, report, _ = _run(tmp_path)
    text = "\n".join(report.lines)
    assert "EM0160_50_0: no parts file" in text  # Guardian Arkveld
    assert "training target" in text
    assert "weak point linked to no part" in text
    arkveld = load_one((KNOWLEDGE / "monsters" / "guardian-arkveld.yaml").read_text())["games"]["wilds"]
    assert arkveld["missing"] == ["elements", "hitzones", "breakable", "severable"]
    assert arkveld["ailments"] and arkveld["weak_elements"] == ["dragon"]


def _imported_hitzones() -> dict[str, list[dict]]:
    found = {}
    for path in sorted((KNOWLEDGE / "monsters").glob("*.yaml")):
        record = load_one(path.read_text())
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
    # the rest are names: the calculator's generic part names (Arm, Iceplate), its own state labels (Alt, Crystalized)
    # and Zoh Shia's parts the game's break data calls "Head (Fallen)" and "L/R Wingarm (Fallen)" (its Head, Wingarm)
    assert {kind for kind, _ in found} <= {"value", "elements", "part name", "state"}
    assert len(found) < 0.06 * len(rows)


def test_derived_star_rule_is_tuned_on_half_of_world_and_reported_on_the_other_half():
    """The rule's numbers are what calibrating on one half of World's monsters gives; the figures knowledge/README.md
    quotes are those of the other half, which the calibration never saw."""
    samples = world_samples(need_shared("data", "mhworlddata"))
    tuning, held_out = halves(samples)
    assert not {s.monster for s in tuning} & {s.monster for s in held_out}
    assert calibrate(tuning) == (TOP_PARTS, THRESHOLDS)
    held = score(held_out, TOP_PARTS, THRESHOLDS)
    assert held.count == 175 and held.exact >= 0.70 and held.within_one >= 0.98


def test_left_and_right_twins_count_once_and_wounds_show_as_a_form():
    rows = [
        {"part": p, "ice": v}
        for p, v in (("Left Wing", 30), ("Right Wing", 30), ("Head", 0), ("Neck", 0), ("Tail", 0), ("Torso", 0))
    ]
    assert element_stars(rows) == {"ice": 1}  # counted twice, the wings would make it ★★
    wounded = [*rows, {"part": "Head", "state": "wound", "ice": 40}]
    assert state_forms(wounded, element_stars(rows)) == [{"description": "when wounded", "elements": {"ice": 2}}]
    gogmazios = load_one((KNOWLEDGE / "monsters" / "gogmazios.yaml").read_text())["games"]["wilds"]
    assert gogmazios["elements"]["dragon"] == 3  # its tar (Gogma material) takes dragon 55-65


def test_wilds_records_mark_derived_stars_and_keep_the_games_flags():
    rathalos = load_one((KNOWLEDGE / "monsters" / "rathalos.yaml").read_text())["games"]["wilds"]
    assert rathalos["source"] == "mhws-in-json" and rathalos["derived"] == ["elements"]
    assert rathalos["weak_elements"] == ["dragon"]
    assert {"part": "Head", "state": "wound"}.items() <= rathalos["hitzones"][1].items()


def test_derived_best_elements_include_a_flag_of_the_game():
    checked = 0
    for path in sorted((KNOWLEDGE / "monsters").glob("*.yaml")):
        wilds = load_one(path.read_text())["games"].get("wilds", {})
        if "elements" in wilds and wilds.get("weak_elements"):
            best = max(wilds["elements"].values())
            assert {e for e, v in wilds["elements"].items() if v == best} & set(wilds["weak_elements"]), path.stem
            checked += 1
    assert checked == 32  # the figure knowledge/README.md quotes


def _wilds(monster: str) -> dict:
    return load_one((KNOWLEDGE / "monsters" / f"{monster}.yaml").read_text())["games"]["wilds"]


def test_parts_the_game_leaves_unnamed_or_names_alike_are_kept_and_told_apart():
    zoh_shia = _wilds("zoh-shia")
    normal = [z["part"] for z in zoh_shia["hitzones"] if "state" not in z]
    assert len(normal) == len(set(normal))  # no two parts alike
    assert {"Head", "Head (Fallen)", "Wingarm", "Wingarm (Fallen)"} <= set(normal)
    assert "Head (Fallen)" in zoh_shia["breakable"]  # the game's break breaks the fallen head, not the other
    for monster, parts in {
        "gogmazios": {"Gog. Mat. (Head)", "Gog. Mat. (Tail)"},
        "rey-dau": {"Left Wing (Unnamed)", "Tail (Unnamed)"},
        "lagiacrus": {"Chest (Unnamed)", "Tail (Unnamed)"},
    }.items():
        assert parts <= {z["part"] for z in _wilds(monster)["hitzones"]}, monster


def test_every_weak_point_is_kept():
    head = [z for z in _wilds("jin-dahaad")["hitzones"] if z["part"] == "Head" and z.get("state") == "weak point"]
    assert [(z["cut"], z["impact"], z["shot"]) for z in head] == [(75, 75, 50), (95, 95, 50)]
    assert (
        len([z for z in _wilds("lagiacrus")["hitzones"] if z["part"] == "Back" and z.get("state") == "weak point"]) == 2
    )
    unlinked = [z["part"] for z in _wilds("guardian-rathalos")["hitzones"] if z["part"].startswith("Weak Point")]
    assert unlinked == ["Weak Point", "Weak Point 2"]


def test_break_pseudo_parts_are_the_parts_they_break():
    assert _wilds("hirabami")["breakable"] == ["Head", "Tail"]
    assert _wilds("gypceros")["breakable"] == ["Head"]
    assert _wilds("gravios")["breakable"][:2] == ["Head", "Belly"]
    assert _wilds("rey-dau")["breakable"] == ["Head", "Left Wing", "Right Wing"]
    for path in sorted((KNOWLEDGE / "monsters").glob("*.yaml")):
        wilds = load_one(path.read_text())["games"].get("wilds", {})
        parts = {z["part"] for z in wilds.get("hitzones", ())}
        assert set(wilds.get("breakable", ())) | set(wilds.get("severable", ())) <= parts, path.name


def test_ailments_with_far_higher_thresholds_are_marked_near_useless():
    marked = {
        path.stem: wilds["impractical_ailments"]
        for path in sorted((KNOWLEDGE / "monsters").glob("*.yaml"))
        if "impractical_ailments" in (wilds := load_one(path.read_text())["games"].get("wilds", {}))
    }
    assert marked == {"gogmazios": ["stun"], "omega-planetes": ["paralysis"]}


def test_the_card_says_which_ailments_are_near_useless(knowledge):
    import json

    from monsterbot.replies.card import weakness_card

    for language, words in (("en", "Stun: build-up far above the usual, near-useless"), ("zh-TW", "累積值遠高於一般")):
        card = json.dumps(
            weakness_card(knowledge.current.monsters["gogmazios"], language, "wilds").to_dict(), ensure_ascii=False
        )
        assert words in card
    rathalos = json.dumps(weakness_card(knowledge.current.monsters["rathalos"], "en", "wilds").to_dict())
    assert "near-useless" not in rathalos
