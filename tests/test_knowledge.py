"""Knowledge records: the repo's roster validates, mistakes are reported with file:line:column."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from monsterbot.core.matching.matcher import Outcome
from monsterbot.core.model import LANGUAGES
from monsterbot.knowledge.files import read_paths
from monsterbot.knowledge.positioned_yaml import load_one
from monsterbot.knowledge.problems import KnowledgeError
from monsterbot.knowledge.records import slug
from monsterbot.knowledge.schema import schema
from monsterbot.sources.live import LiveKnowledge
from monsterbot.sources.yaml_files import YamlSource
from tests.conftest import FIXTURES, KNOWLEDGE, matched, need_shared, wait_for


def test_repo_knowledge_validates_without_errors_or_warnings():
    records, problems = read_paths([KNOWLEDGE])
    assert [str(p) for p in problems] == []
    assert len(records) >= 71


def test_every_record_has_four_languages_and_a_slug_id(knowledge):
    for monster in knowledge.current.monsters.values():
        assert set(LANGUAGES) <= set(monster.names), monster.id
        assert monster.id == slug(monster.names["en"])
    assert {"xeno-jiiva", "kulu-ya-ku", "azure-rathalos", "fatalis"} <= set(knowledge.current.monsters)


def test_every_name_and_alias_answers_its_own_monster(knowledge):
    snapshot = knowledge.current
    from monsterbot.core.matching.question import parse

    for monster in snapshot.monsters.values():
        for _, name in monster.all_names():
            result = snapshot.matcher.match_question(parse(name))
            shared = {c.monster_id for c in result.candidates if c.score == 100} - {monster.id}
            if shared and shared <= set(monster.ambiguous_with):  # a nickname intended for several: asks which
                assert result.outcome is Outcome.AMBIGUOUS and monster.id in {c.monster_id for c in result.candidates}
                continue
            assert result.best is not None and result.best.monster_id == monster.id, (monster.id, name, result)


@pytest.mark.parametrize(
    ("file", "line", "column", "fragment"),
    [
        ("stars-out-of-range.yaml", 10, 22, "games.world.elements.fire must be 0–3, got 4"),
        ("unknown-key.yaml", 10, 5, "unknown key 'elemnts' in games.world"),
        ("not-yaml.yaml", 3, 1, "not valid YAML"),
        ("bad-id.yaml", 1, 5, "'Wrong_ID' is not a lowercase slug"),
        ("bad-id.yaml", 8, 27, "games.world.hitzones[0].cut must be 0–100, got 101"),
        # what the fast check cannot take (a YAML date, a key that is not text) is told like any other fault
        ("date-source.yaml", 9, 13, "games.world.source must be text, got the date 2024-01-01 (quote it"),
        ("number-key.yaml", 6, 3, "unknown key 1 in names"),
        ("float-stars.yaml", 10, 22, "games.world.elements.fire must be a whole number, got 2.0"),
        ("too-deep.yaml", 10, 46, "nested more than 32 levels deep"),  # before Python's stack runs out
        ("merge-key.yaml", 11, 9, "merge keys (<<) are not allowed"),
        ("deep-key.yaml", 3, 3, "a key must be a word or a number"),
        ("missing-given.yaml", 10, 14, "games.world.missing lists elements, which the record gives"),
    ],
)
def test_broken_fixture_is_reported_at_its_line(file, line, column, fragment):
    _, problems = read_paths([FIXTURES / "broken"])
    found = [p for p in problems if p.file.endswith(file) and (p.line, p.column) == (line, column)]
    assert any(fragment in p.message for p in found), [str(p) for p in problems]


def test_two_monsters_claiming_one_alias_is_an_error_unless_intended(tmp_path):
    _, problems = read_paths([FIXTURES / "collision"])
    assert [(Path(p.file).name, p.line) for p in problems] == [("a.yaml", 8), ("b.yaml", 8)]
    for name, other in (("a.yaml", "beta-wyvern"), ("b.yaml", "alpha-wyvern")):
        data = load_one((FIXTURES / "collision" / name).read_text())
        data["ambiguous_with"] = [other]
        (tmp_path / name).write_text(yaml.safe_dump(data, allow_unicode=True))
    assert read_paths([tmp_path])[1] == []


def test_an_alias_may_not_take_another_monsters_name_even_when_intended(tmp_path):
    """ambiguous_with lets two monsters share a nickname ("rath"), never make one's own name ask "which one?"."""
    for file in (KNOWLEDGE / "monsters").glob("rath*.yaml"):
        shutil.copy(file, tmp_path / file.name)
    rathian = tmp_path / "rathian.yaml"
    data = load_one(rathian.read_text("utf-8"))
    assert "rathalos" in data["ambiguous_with"]
    data["aliases"]["en"].append("Rathalos")
    rathian.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    problems = [str(p) for p in read_paths([tmp_path])[1]]
    assert len(problems) == 1 and "'rathalos' is the name of rathalos: an alias cannot take" in problems[0], problems


def test_missing_language_is_a_warning(tmp_path):
    (tmp_path / "m.yaml").write_text("id: lonely\nnames:\n  en: Lonely\ngames:\n  world: {source: test}\n")
    records, problems = read_paths([tmp_path])
    assert len(records) == 1
    assert [(p.severity, p.line) for p in problems] == [("warning", 3)]
    assert "ja, zh-TW, zh-CN" in problems[0].message


def test_schema_file_in_knowledge_is_the_one_the_package_uses():
    import json

    assert json.loads((KNOWLEDGE / "monster.schema.json").read_text()) == schema()


def test_a_bad_file_keeps_the_last_good_knowledge(tmp_path):
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    live = LiveKnowledge(YamlSource([folder]).load)
    assert live.reload()
    before = live.current
    (folder / "monsters" / "rathalos.yaml").write_text(
        "id: rathalos\nnames: {en: Rathalos}\ngames: {world: {source: x, elements: {fire: 9}}}\n"
    )
    assert not live.reload()
    assert live.current is before
    assert not live.status.ok and "rathalos.yaml:3" in live.status.error
    with pytest.raises(KnowledgeError):
        live.reload(strict=True)


@pytest.mark.parametrize("text", ["", "# Rathalos: to be written\n", "---\n"])
def test_a_file_with_no_record_is_refused_not_taken_as_a_removed_monster(tmp_path, text):
    """An emptied file (an editor's truncate-then-write caught between the two) never removes its monster."""
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    live = LiveKnowledge(YamlSource([folder]).load)
    assert live.reload()
    (folder / "monsters" / "rathalos.yaml").write_text(text)
    assert not live.reload()
    assert "rathalos" in live.current.monsters
    assert "rathalos.yaml:1" in live.status.error and "no monster record" in live.status.error


def _import_into_copy(tmp_path, run_import, tamper=None):
    """Run an import over a copy of the committed records; the output must equal the committed files."""
    target = tmp_path / "monsters"
    shutil.copytree(KNOWLEDGE / "monsters", target)
    if tamper:
        tamper(target)
    written = run_import(target)
    for path in set(written):  # refreshing changes nothing: the committed files are the import's output
        assert path.read_text() == (KNOWLEDGE / "monsters" / path.name).read_text(), path.name
    return target, written


def test_importer_regenerates_world_records_and_keeps_hand_added_aliases(tmp_path):
    from monsterbot.knowledge.importer import import_world

    dataset = need_shared("data", "mhworlddata")
    localization = need_shared("data", "hunterpie-localization")

    def tamper(target):  # a stale figure and a lost name: the import restores both, the alias stays
        path = target / "rathalos.yaml"
        path.write_text(path.read_text().replace("dragon: 3}", "dragon: 1}", 1).replace("  zh-CN: 火龙\n", ""))

    target, written = _import_into_copy(tmp_path, lambda t: import_world(dataset, t, localization), tamper)
    assert len(written) == 71
    rathalos = load_one((target / "rathalos.yaml").read_text())
    assert "雄火龍" in rathalos["aliases"]["zh-TW"]
    assert rathalos["games"]["world"]["elements"]["dragon"] == 3 and rathalos["names"]["zh-CN"] == "火龙"
    fatalis = load_one((target / "fatalis.yaml").read_text())
    assert fatalis["names"] == {"en": "Fatalis", "ja": "ミラボレアス", "zh-TW": "黑龍", "zh-CN": "黑龙"}


def test_hunterpie_import_adds_rise_facts_to_the_same_files(tmp_path):
    from monsterbot.knowledge.importer import import_hunterpie

    gamedata = need_shared("data", "hunterpie-gamedata")
    localization = need_shared("data", "hunterpie-localization")
    glossary = tmp_path / "part_names.json"
    target, _ = _import_into_copy(
        tmp_path, lambda t: import_hunterpie(gamedata, localization, t, part_names_file=glossary)
    )
    from monsterbot.knowledge.importer import PART_NAMES

    assert glossary.read_text() == PART_NAMES.read_text()  # the committed part names are the import's output
    rathalos = load_one((target / "rathalos.yaml").read_text())
    assert list(rathalos["games"]) == ["world", "rise", "wilds"]
    assert rathalos["games"]["rise"]["weak_elements"] == ["dragon", "thunder"]
    # HunterPie's Rise English has a slip (Bezelgeuse); the Japanese name puts it with the World record
    assert not (target / "seething-bezelgeuse.yaml").exists()
    assert "rise" in load_one((target / "seething-bazelgeuse.yaml").read_text())["games"]
    assert not (target / "toadversary.yaml").exists()  # training targets are not monsters


def test_rise_resisted_elements_import_is_reproducible_and_checked_against_hunterpie(tmp_path):
    from monsterbot.knowledge.rise_import import import_rise_resistances, resisted_elements

    data = need_shared("data", "mhrise-ele-check", "monster_data.csv")
    target, _ = _import_into_copy(tmp_path, lambda t: import_rise_resistances(data, t)[0])
    rathalos = load_one((target / "rathalos.yaml").read_text())["games"]["rise"]
    assert rathalos["resisted_elements"] == ["fire"] and rathalos["weak_elements"] == ["dragon", "thunder"]
    report: list[str] = []
    resisted = resisted_elements(data, report)
    assert report == ["Primordial Malzeno: an empty row"]
    import_report = import_rise_resistances(data, target)[1]
    assert any(line.startswith("scornedmagnamalo: resisted ['water'] names a weak element") for line in import_report)
    overlaps = []  # the column read as "resisted" must not name HunterPie's weak elements
    for path in sorted(target.glob("*.yaml")):
        rise = load_one(path.read_text())["games"].get("rise", {})
        if set(rise.get("resisted_elements", ())) & set(rise.get("weak_elements", ())):
            overlaps.append(path.stem)
    # one slip in 77 hand-entered rows (Scorned Magnamalo resisting water, a HunterPie weakness): left out, reported
    assert overlaps == [] and len(resisted) == 77


def test_game_named_in_the_query_picks_that_games_facts(knowledge):
    from monsterbot.conversation import Conversation

    conversation = Conversation(knowledge)  # the default game is Wilds
    default = str(conversation.reply_to_text("火龍").messages[0].data)
    assert "魔物獵人 荒野" in default and "MHWS-in-json" in default
    world = str(conversation.reply_to_text("冰原 火龍").messages[0].data)
    assert "魔物獵人 世界" in world and "MHWorldData" in world
    assert "Monster Hunter Rise" in str(
        conversation.reply_to_text("magnamalo").messages[0].data
    )  # the only game it is in
    zinogre = str(conversation.reply_to_text("zinogre").messages[0].data)  # in World (figures) and Rise (a list)
    assert "Iceborne" in zinogre and "MHWorldData" in zinogre  # the game that documents it best
    assert "Iceborne" in str(conversation.reply_to_text("nergigante").messages[0].data)
    for question in (
        "wilds rathalos",
        "wild rathalos",
        "MH Wilds rathalos",
        "魔物獵人荒野 火龍",
        "モンハンワイルズ リオレウス",
    ):
        assert "MHWS-in-json" in str(conversation.reply_to_text(question).messages[0].data), question


def test_a_named_game_without_the_monster_says_so_and_offers_the_games_that_have_it(knowledge):
    from monsterbot.conversation import Conversation

    conversation = Conversation(knowledge)
    reply = conversation.reply_to_text("rise arkveld").messages[0].data
    assert reply["type"] == "text" and "Arkveld" in reply["text"] and "Rise" in reply["text"]
    assert [i["action"]["label"] for i in reply["quickReply"]["items"]] == ["MH Wilds"]
    compared = conversation.reply_to_text("rise arkveld vs rathalos").messages[0].data
    assert compared["type"] == "text" and "Arkveld" in compared["text"]  # no Wilds figures under a Rise heading
    table = conversation.reply_to_text("world arkveld hitzones").messages[0].data
    assert "view=hitzones" in table["quickReply"]["items"][0]["action"]["data"]
    pressed = conversation.reply_to_postback(table["quickReply"]["items"][0]["action"]["data"]).messages[0].data
    assert "MHWS-in-json" in str(pressed) and "Wound" in str(pressed)  # the button opens the Wilds hitzone table


def test_every_card_offers_the_other_games_of_its_monster(knowledge):
    from monsterbot.replies.card import weakness_card
    from monsterbot.replies.tables import hitzone_table

    rathalos = knowledge.current.monsters["rathalos"]
    for build in (weakness_card, hitzone_table):
        buttons = build(rathalos, "zh-TW", "wilds").to_dict()["quickReply"]["items"]
        assert [b["action"]["label"] for b in buttons] == ["世界", "崛起"]


def test_wilds_hitzone_tables_show_wounds_and_fit_line(knowledge):
    import json

    from monsterbot.replies.tables import hitzone_table

    for monster in knowledge.current.monsters.values():
        facts = monster.games.get("wilds")
        if not facts or not facts.hitzones:
            continue
        for language in ("en", "ja", "zh-TW", "zh-CN"):
            table = hitzone_table(monster, language, "wilds").to_dict()
            text = json.dumps(table["contents"], ensure_ascii=False, separators=(",", ":"))
            assert len(text.encode()) <= 30_000, (monster.id, language)
            assert '"text":""' not in text
        assert "Wound" in str(hitzone_table(monster, "en", "wilds").to_dict()), monster.id


def test_derived_stars_are_labelled_and_missing_facts_said(knowledge):
    from monsterbot.replies.card import weakness_card

    arkveld = str(weakness_card(knowledge.current.monsters["arkveld"], "en", "wilds").to_dict())
    assert "★*" in arkveld and "derived from hitzones" in arkveld and "'Poison'" in arkveld and "'★★'" in arkveld
    guardian = str(weakness_card(knowledge.current.monsters["guardian-arkveld"], "en", "wilds").to_dict())
    assert "Not in the source: element stars, hitzones" in guardian


def test_readme_roster_table_is_current(knowledge):
    from monsterbot.knowledge.roster import roster_table

    readme = (KNOWLEDGE / "README.md").read_text()
    assert roster_table(knowledge.current.monsters.values()) in readme


def test_hot_reload_picks_up_an_edit_and_survives_a_broken_one(tmp_path):

    from monsterbot.core.matching.question import parse
    from monsterbot.sources.live import Reloader

    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    source = YamlSource([folder])
    live = LiveKnowledge(source.load)
    live.reload(strict=True)
    reloader = Reloader(live, source.fingerprint, interval=0.05)
    reloader.start()
    try:
        path = folder / "monsters" / "tigrex.yaml"

        def save(text: str) -> None:  # as an editor saves: whole (a reload between truncate and write would read half)
            (folder / "tigrex.partial").write_text(text)
            (folder / "tigrex.partial").replace(path)

        save(path.read_text().replace("aliases:\n", "aliases:\n  en: [tigerboy]\n"))
        wait_for(lambda: live.current.matcher.match_question(parse("tigerboy")).best is not None)
        assert matched(live.current.matcher.match_question(parse("tigerboy"))).monster_id == "tigrex"
        good = live.current
        save("id: tigrex\nnames: [broken\n")
        wait_for(lambda: not live.status.ok)
        assert live.current is good
    finally:
        reloader.stop()


def configmap_volume(volume: Path, files: dict[str, str], stamp: str) -> None:
    """What the kubelet writes for a ConfigMap volume: the files in a hidden `..<time>` folder, `..data` linking to it,
    and one link per key; an update writes a new folder and swaps `..data` in one rename."""
    folder = volume / f"..{stamp}"
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
        if not (volume / name).is_symlink():
            (volume / name).symlink_to(Path("..data") / name)
    (volume / "..data_tmp").symlink_to(folder.name)
    (volume / "..data_tmp").rename(volume / "..data")


def test_aconfigmap_volume_is_read_once_per_key_and_its_updates_reload(tmp_path):
    """The chart mounts the knowledge ConfigMap: each file is there twice (a link and its hidden target)."""
    files = {f.name: f.read_text("utf-8") for f in sorted((KNOWLEDGE / "monsters").glob("*.yaml"))}
    volume = tmp_path / "knowledge"
    configmap_volume(volume, files, "2026_11_28_10_00_00.000000001")
    source = YamlSource([volume])
    live = LiveKnowledge(source.load)
    assert live.reload(strict=True) and len(live.current.monsters) == len(files)
    fingerprint = source.fingerprint()
    files["tigrex.yaml"] = files["tigrex.yaml"].replace("aliases:\n", "aliases:\n  en: [tigerboy]\n")
    configmap_volume(volume, files, "2026_11_28_11_00_00.000000002")
    assert source.fingerprint() != fingerprint  # the reloader sees the swap
    best = live.current.matcher.match("tigerboy").best if live.reload(strict=True) else None
    assert best is not None and best.monster_id == "tigrex"


def test_world_break_lists_are_the_games_part_break_rewards():
    """Computed here from monster_rewards.csv, apart from the importer: "Break X" / "Wound X" make X breakable,
    "<part> [Shell] Carve" (but the body's) that part severable: Tail Carve, Barroth's and Shara Ishvalda's Head Shell
    Carve (one horn's reward and both horns' are one part, Horns)."""
    import csv

    rewards = need_shared("data", "mhworlddata", "monster_rewards.csv")
    truth: dict[str, dict[str, set[str]]] = {}
    with rewards.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            entry = truth.setdefault(row["base_name_en"], {"breakable": set(), "severable": set()})
            words = row["condition_en"].split(" ", 1)
            if words[0] in ("Break", "Wound"):
                entry["breakable"].add(words[1])
            elif row["condition_en"].endswith(" Carve") and row["condition_en"] != "Body Carve":
                entry["severable"].add(row["condition_en"].removesuffix(" Carve").removesuffix(" Shell"))
    checked = 0
    for path in sorted((KNOWLEDGE / "monsters").glob("*.yaml")):
        record = load_one(path.read_text())
        world = record["games"].get("world")
        if world is None:
            continue
        expected = truth.get(record["names"]["en"], {"breakable": set(), "severable": set()})
        expected_breaks = {p for p in expected["breakable"] if f"{p}s" not in expected["breakable"]}
        assert set(world.get("breakable", ())) == expected_breaks, path.name
        assert set(world.get("severable", ())) == expected["severable"], path.name
        checked += 1
    assert checked == 71
    diablos = load_one((KNOWLEDGE / "monsters" / "diablos.yaml").read_text())["games"]["world"]
    assert diablos["breakable"] == ["Horns", "Back"] and diablos["severable"] == ["Tail"]


def test_audit_finds_only_reviewed_differences_and_fails_on_a_new_one(tmp_path):
    from monsterbot.knowledge.audit import ACCEPTED, read_accepted, report, run

    data = need_shared("data")
    result = run(KNOWLEDGE, data)
    assert not result.unexplained and not result.stale, "\n".join(report(result))
    assert all(result.checked[game] > 100 for game in ("world", "wilds", "rise"))
    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE / "monsters", copy / "monsters")
    assert {f.key for f in run(copy, data).unexplained} == {f.key for f in result.findings}  # its own reviewed file
    reviewed = (KNOWLEDGE / ACCEPTED).read_text()
    (copy / ACCEPTED).write_text(reviewed)
    path = copy / "monsters" / "diablos.yaml"
    path.write_text(path.read_text().replace("breakable: [Horns, Back]", "breakable: [Horns]", 1))
    tampered = run(copy, data)
    assert [f.key for f in tampered.unexplained] == [
        "world / Diablos / breakable: record ['Horns'], rewards ['Back', 'Horns']"
    ]
    bare = tmp_path / "accepted.tsv"
    bare.write_text(reviewed.splitlines()[-1].split("\t")[0] + "\n")
    with pytest.raises(ValueError, match="needs its reason"):
        read_accepted(bare)


def test_rise_only_names_agree_across_scripts_and_keep_the_other_as_an_alias():
    import opencc

    from monsterbot.core.matching.normalize import normalize

    checked = 0
    for path in sorted((KNOWLEDGE / "monsters").glob("*.yaml")):
        record = load_one(path.read_text())
        if set(record["games"]) != {"rise"}:
            continue
        names = record["names"]
        converted = opencc.OpenCC("t2s").convert(names["zh-TW"])
        assert converted == names["zh-CN"] or normalize(names["zh-TW"]) == normalize(names["zh-CN"]), path.name
        checked += 1
    assert checked > 40
    apex = load_one((KNOWLEDGE / "monsters" / "apex-rathalos.yaml").read_text())
    assert apex["names"]["zh-CN"] == "首领火龙" and apex["aliases"]["zh-CN"] == ["霸主·火龙"]


def test_no_two_parts_of_a_monster_share_a_name_with_other_figures():
    """Parts the game names alike are told apart in the data (Zoh Shia's "Head" and "Head (Fallen)"); a part's state
    rows (two weak points of one head) may repeat a state, never the same figures."""
    for path in sorted((KNOWLEDGE / "monsters").glob("*.yaml")):
        for game, facts in load_one(path.read_text())["games"].items():
            rows = facts.get("hitzones", ())
            normal = [z["part"] for z in rows if "state" not in z]
            assert len(normal) == len(set(normal)), (path.name, game)
            figures = [tuple(sorted(z.items())) for z in rows]
            assert len(figures) == len(set(figures)), (path.name, game)


def test_world_hitzone_tables_mark_the_parts_the_break_rewards_name(knowledge):
    """The rewards name a pair ("Wings"); the table marks both rows (Left Wing, Right Wing)."""
    from monsterbot.replies.tables import hitzone_table

    table = json.dumps(
        hitzone_table(knowledge.current.monsters["rathalos"], "en", "world").to_dict(), ensure_ascii=False
    )
    assert "L. Wing◆" in table and "R. Wing◆" in table and "Head◆" in table and "Tail✂" in table


def test_wilds_tables_show_parts_the_game_names_with_a_bracket(knowledge):
    """Wilds keeps states as rows of their own: "Gog. Mat. (Head)", "Head (Fallen)" are parts, shown at first."""
    from monsterbot.replies.tables import hitzone_table

    for monster, part in (("gogmazios", "Gog. Mat. (Head)◆"), ("zoh-shia", "Head (Fallen)◆")):  # a row, marked
        table = json.dumps(
            hitzone_table(knowledge.current.monsters[monster], "en", "wilds").to_dict(), ensure_ascii=False
        )
        assert part in table, monster
