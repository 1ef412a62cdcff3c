"""The hunt companion's questions: materials, where an item comes from, habitat, what a monster inflicts and what to
bring, as players ask them in four languages, with follow-ups and the group rules; every reply within LINE's limits."""

from __future__ import annotations

import csv
from dataclasses import replace
from functools import lru_cache
from typing import Any

import pytest

from monsterbot.conversation import ChatKind, Conversation
from monsterbot.core.glossary import item_name, table
from monsterbot.core.model import LANGUAGES, Drop, KnowledgeSet
from monsterbot.knowledge.positioned_yaml import load_one
from monsterbot.replies import companion, line_rules
from monsterbot.replies.game_labels import short_game_name
from monsterbot.replies.wire import to_wire
from monsterbot.sources.live import LiveKnowledge
from tests.conftest import KNOWLEDGE

#: 20 items (10 per game) a player looks for; the monsters that give them are read from the records below.
ITEMS = {
    "wilds": [
        "Rathalos Ruby",
        "Rathian Ruby",
        "Arkveld Gem",
        "Rey Dau Tail",
        "Balahara Black Pearl",
        "Doshaguma Fur+",
        "Chatacabra Jaw+",
        "Gravios Skull",
        "Inferno Sac",
        "Jin Dahaad Icegem",
    ],
    "world": [
        "Nergigante Gem",
        "Zinogre Skymerald",
        "Rathalos Mantle",
        "Velkhana Crystal",
        "Anjanath Gem",
        "Diablos Tailcase",
        "Tigrex Mantle",
        "Safi'jiiva Fellwing",
        "Odogaron Gem",
        "Legiana Gem",
    ],
}
#: How each language asks where an item comes from.
ASK = {"en": "where do I get {}", "zh-TW": "{}怎麼拿", "zh-CN": "{}怎么拿", "ja": "{}の入手方法"}


@lru_cache(maxsize=1)
def _records() -> dict[str, dict]:
    return {path.stem: load_one(path.read_text()) for path in sorted((KNOWLEDGE / "monsters").glob("*.yaml"))}


def _givers(item: str, game: str) -> set[str]:
    """Monster ids whose records give the item in the game, read from the YAML itself."""
    return {
        monster
        for monster, record in _records().items()
        if any(
            m["item"] == item for items in record["games"].get(game, {}).get("materials", {}).values() for m in items
        )
    }


def _name(item: str, language: str, game: str) -> str:
    return item if language == "en" else table(f"item_names_{game}")[item][language]


def _valid(reply: Any) -> None:
    for message in reply.messages:
        assert line_rules.message_errors(message.data) == [], reply.kind


@pytest.mark.parametrize("game", sorted(ITEMS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_where_an_item_comes_from_names_the_right_monsters(knowledge, game, language):
    talk = Conversation(knowledge, default_game=game)
    for item in ITEMS[game]:
        expected = _givers(item, game)
        assert expected, item
        reply = talk.reply_to_text(ASK[language].format(_name(item, language, game)))
        assert reply.kind == "item_sources" and reply.topic == item, (item, language, reply.kind)
        assert {m.id for m in reply.monsters} == expected and reply.game == game, (item, language)
        _valid(reply)


def test_an_items_name_alone_typos_and_left_out_particles(knowledge):
    talk = Conversation(knowledge)
    for text in ("火龍紅玉", "火龍的紅玉", "火龙红玉", "火竜の紅玉", "rathalos ruby"):
        reply = talk.reply_to_text(text)
        assert reply.kind == "item_sources" and [m.id for m in reply.monsters] == ["rathalos"], text
    assert talk.reply_to_text("where do I get rathalos rubi").topic == "Rathalos Ruby"  # a typo, asked outright
    assert talk.reply_to_text("rathalos rubi").kind != "item_sources"  # … but alone a typo is no item question
    assert talk.reply_to_text("rathalos").kind == "weakness"  # a monster's own name stays the monster's
    assert talk.reply_to_text("火龍 尾巴").kind == "part"  # a part question, though 火龍(的)尾巴 is an item too


def test_best_rate_first(knowledge):
    reply = Conversation(knowledge).reply_to_text("where do I get inferno sac")
    rates = [
        max(
            d.rate
            for items in m.games["wilds"].materials.values()
            for x in items
            if x.item == "Inferno Sac"
            for d in x.drops
        )
        for m in reply.monsters
    ]
    assert len(rates) > 2 and rates == sorted(rates, reverse=True)


@pytest.mark.parametrize(
    "text, language",
    [
        ("火龍 素材", "zh-TW"),
        ("火龍掉什麼", "zh-TW"),
        ("火龙 素材", "zh-CN"),
        ("火龙掉什么素材", "zh-CN"),
        ("リオレウス 素材", "ja"),
        ("rathalos materials", "en"),
        ("what does rathalos drop", "en"),
    ],
)
def test_a_monsters_materials(knowledge, text, language):
    reply = Conversation(knowledge).reply_to_text(text)
    assert reply.kind == "materials" and reply.monsters[0].id == "rathalos" and reply.language == language
    assert reply.game == "wilds" and reply.topic == "high"  # Wilds' Rathalos is a high-rank monster
    body = str(reply.messages[0].data)
    assert companion.say(language, "materials") in body and "7%" in body  # the ruby's tail carve
    _valid(reply)


def test_materials_by_rank_rarest_of_its_own_first(knowledge):
    talk = Conversation(knowledge)
    low = talk.reply_to_text("冰原 火龍 素材 下位")
    assert (low.game, low.topic) == ("world", "low")
    master = talk.reply_to_text("world rathalos materials")
    assert master.topic == "master"  # the highest rank the game has
    shown = companion.by_rarity(master.monsters[0].games["world"].materials["master"])
    assert shown[0].item == "Rathalos Mantle"  # the rarest of Rathalos' own materials
    labels = [i["action"]["label"] for i in master.messages[0].data["quickReply"]["items"]]
    assert "Low rank" in labels and "High rank" in labels and "Rathalos Weaknesses" in labels


@pytest.mark.parametrize(
    "text, topic",
    [
        ("火龍 棲息地", "habitat"),
        ("where does rathalos live", "habitat"),
        ("リオレウス 生息地", "habitat"),
        ("火龍 異常", "inflicts"),
        ("what does rathalos inflict", "inflicts"),
        ("リオレウス 状態異常攻撃", "inflicts"),
    ],
)
def test_habitat_and_what_it_inflicts(knowledge, text, topic):
    reply = Conversation(knowledge).reply_to_text(text)
    assert reply.kind == "field_guide" and reply.topic == topic and reply.monsters[0].id == "rathalos"
    body = str(reply.messages[0].data)
    if reply.language == "zh-TW":
        assert "緋紅森林" in body and "火屬性異常" in body and "打消果實" in body
    _valid(reply)


@pytest.mark.parametrize("traps", [("pitfall",), ("pitfall", "shock", "vine")])
def test_the_traps_that_hold_a_monster_read_as_english(knowledge, traps):
    """ "pitfall, shock, vine traps holds" was what Zinogre's field guide said; one trap or three, the verb agrees."""
    zinogre = knowledge.current.monsters["zinogre"]
    facts = replace(zinogre.games["world"], traps={t: t in traps for t in ("pitfall", "shock", "vine")})
    guide = to_wire(companion.field_guide(replace(zinogre, games={"world": facts}), "world", "habitat", "en")).data
    shown = ", ".join(f"{t} traps" for t in traps)
    assert f"{shown} hold it" in str(guide)


def test_follow_ups(knowledge):
    talk = Conversation(knowledge)
    talk.reply_to_text("火龍", chat_key="c")
    assert talk.reply_to_text("素材呢", chat_key="c").kind == "materials"
    reply = talk.reply_to_text("and its habitat?", chat_key="c")
    assert reply.kind == "field_guide" and reply.topic == "habitat" and reply.monsters[0].id == "rathalos"
    assert talk.reply_to_text("異常呢", chat_key="c").topic == "inflicts"
    assert talk.reply_to_text("素材呢", chat_key="other").kind != "materials"  # nothing to follow in another chat


def test_group_rules(knowledge):
    talk = Conversation(knowledge)
    assert talk.reply_to_text("火龍 素材", ChatKind.GROUP).messages  # a question in so many words
    assert talk.reply_to_text("火龍紅玉", ChatKind.GROUP).messages  # an item's name as it stands
    assert not talk.reply_to_text("昨天火龍素材好難刷", ChatKind.GROUP).messages  # chatter about it


def test_no_new_answer_on_the_matching_sets(knowledge):
    """Every message of the held-out matching set is still answered as before: no item or topic answer."""
    talk = Conversation(knowledge)
    text = (KNOWLEDGE.parent / "tests" / "data" / "matching_eval.tsv").read_text(encoding="utf-8")
    rows = [r for r in csv.reader(text.splitlines(), delimiter="\t") if r and not r[0].startswith("#")]
    taken = [r[1] for r in rows if talk.reply_to_text(r[1]).kind in ("item_sources", "materials", "field_guide")]
    assert len(rows) > 100 and taken == []


def test_every_companion_reply_fits_line(knowledge):
    snapshot = knowledge.current
    checked = 0
    for monster in snapshot.monsters.values():
        for game, facts in monster.games.items():
            for language in LANGUAGES:
                messages = [companion.materials(monster, game, rank, language) for rank in facts.materials]
                if facts.habitats or facts.inflicts:
                    messages.append(companion.field_guide(monster, game, "habitat", language))
                for message in messages:
                    assert line_rules.message_errors(to_wire(message).data) == [], (monster.id, game, language)
                    checked += 1
    assert checked > 1000


def test_every_drops_tier_is_in_the_askers_language(knowledge):
    """ "导虫研究地 low 63%" in a zh-CN reply: a Guiding Lands level, an appraisal's colour, are the asker's words."""
    tiers = {
        (drop.how, drop.tier)
        for monster in knowledge.current.monsters.values()
        for facts in monster.games.values()
        for items in facts.materials.values()
        for material in items
        for drop in material.drops
        if drop.tier
    }
    for language in ("zh-TW", "zh-CN", "ja"):
        for how, tier in tiers:
            shown = companion.drop_label(Drop(how, 1, tier=tier), language, "world")
            assert tier not in shown, (language, shown)


def test_a_monsters_name_wins_over_an_item_of_the_same_spelling(knowledge):
    """Were a nickname spelled as an item (none is today), the name alone answers the monster; asked outright, the
    item."""
    monsters = [
        replace(m, aliases={**m.aliases, "en": (*m.aliases.get("en", ()), "Inferno Sac")}) if m.id == "rathalos" else m
        for m in knowledge.current.monsters.values()
    ]
    live = LiveKnowledge(lambda: KnowledgeSet(tuple(monsters)))
    live.reload(strict=True)
    talk = Conversation(live)
    assert talk.reply_to_text("inferno sac").kind == "weakness"
    assert talk.reply_to_text("where do I get inferno sac").kind == "item_sources"


@pytest.mark.parametrize(
    "first, then, topic",
    [
        ("火龍 素材", "world的呢", "materials"),
        ("rathalos materials", "and in world?", "materials"),
        ("火龍 異常", "rise的呢", "inflicts"),
        ("リオレウス 生息地", "ワールドだと？", "habitat"),
    ],
)
def test_another_game_after_a_companion_answer_asks_the_same_again(knowledge, first, then, topic):
    talk = Conversation(knowledge)
    talk.reply_to_text(first, ChatKind.GROUP, chat_key="g")
    reply = talk.reply_to_text(then, ChatKind.GROUP, chat_key="g")
    expected = "materials" if topic == "materials" else "field_guide"
    assert reply.kind == expected and reply.monsters[0].id == "rathalos" and reply.messages, (first, then)
    if topic != "materials":
        assert reply.topic == topic
    wanted = "rise" if "rise" in then else "world"
    assert reply.game == wanted or not companion_has(reply.monsters[0], topic, wanted)


def companion_has(monster, topic, game):
    from monsterbot.core.companion import holds

    return holds(monster.games.get(game), topic)


def test_the_item_question_is_tried_only_on_an_item_question(knowledge):
    """ItemSource.matches is a cheap test (a cue or an item's name as typed), not true for every short message."""
    from monsterbot.questions.companion import ItemSource

    talk, handler = Conversation(knowledge), ItemSource()
    for text in ("今天好累", "rathalos", "火龍 尾巴?", "rathalos rubi", "anyone up for a hunt"):
        assert not handler.matches(talk.context(text)), text
    for text in ("火龍紅玉", "rathalos ruby", "where do I get rathalos rubi", "火龍紅玉怎麼拿", "火竜の紅玉の入手方法"):
        assert handler.matches(talk.context(text)), text


def test_a_close_spelling_is_found_as_rapidfuzz_scores_it(knowledge):
    """The item index's close spellings come from the matcher's prefilter: the best ratio over every key."""
    from rapidfuzz import fuzz, process

    index = knowledge.current.items
    for typed in ("rathalos rubi", "infernosack", "火龍紅王", "doshaguma furr"):
        found = index.find(typed)
        best = process.extractOne(typed.replace(" ", ""), list(index.by_key), scorer=fuzz.ratio, score_cutoff=88.0)
        assert (found.score if found else None) == (best[1] if best else None), typed


@pytest.mark.parametrize(
    "language, text",
    [
        ("zh-TW", "火龍紅玉怎麼拿"),
        ("zh-CN", "火龙红玉怎么拿"),
        ("en", "where do I get rathalos ruby"),
        ("ja", "火竜の紅玉の入手方法"),
    ],
)
def test_the_other_game_button_of_an_items_sources_is_answered(knowledge, language, text):
    """The [World] button under an item's sources sends "<game> <the item question>": World's sources, in a group
    too."""
    talk = Conversation(knowledge)
    first = talk.reply_to_text(text, ChatKind.GROUP, chat_key="g")
    assert first.kind == "item_sources" and "world" in first.text.split(), (text, first.text)
    buttons = first.messages[0].data["quickReply"]["items"]
    world = next(
        b["action"]["text"]
        for b in buttons
        if b["action"]["type"] == "message" and b["action"]["label"] == short_game_name("world", language)
    )
    reply = talk.reply_to_text(world, ChatKind.GROUP, chat_key="g")
    assert reply.kind == "item_sources" and reply.game == "world" and reply.topic == first.topic, world
    assert reply.messages and "rathalos" in [m.id for m in reply.monsters]


def test_an_item_one_monster_gives_makes_it_the_chats_monster(knowledge):
    talk = Conversation(knowledge)
    first = talk.reply_to_text("火龍紅玉怎麼拿", chat_key="c")
    assert [m.id for m in first.monsters] == ["rathalos"]
    reply = talk.reply_to_text("弱點呢", chat_key="c")
    assert reply.kind == "weakness" and reply.monsters[0].id == "rathalos"
    talk.reply_to_text("where do I get inferno sac", chat_key="d")  # many monsters give it: none is the chat's
    assert talk.reply_to_text("弱點呢", chat_key="d").kind == "which_monster"


@pytest.mark.parametrize(
    "text, monster, language",
    [
        ("where is rey dau", "rey-dau", "en"),
        ("where is rathalos", "rathalos", "en"),
        ("where can I find rathalos", "rathalos", "en"),
        ("where's rathalos in world", "rathalos", "en"),
        ("火龍在哪裡", "rathalos", "zh-TW"),
        ("火龍在哪", "rathalos", "zh-TW"),
        ("火龍哪裡有", "rathalos", "zh-TW"),
        ("火龙在哪里", "rathalos", "zh-CN"),
        ("リオレウス どこ", "rathalos", "ja"),
        ("リオレウスはどこにいる", "rathalos", "ja"),
        ("火龍出現在哪", "rathalos", "zh-TW"),
        ("火龙出现在哪里", "rathalos", "zh-CN"),
        ("rathalos location", "rathalos", "en"),
        ("リオレウス 場所", "rathalos", "ja"),
    ],
)
def test_where_is_a_monster_answers_its_habitat(knowledge, text, monster, language):
    """ "Where is X" in four languages is one question: its habitat (the field guide), never its weakness card."""
    reply = Conversation(knowledge).reply_to_text(text)
    assert reply.kind == "field_guide" and reply.topic == "habitat", text
    assert reply.monsters[0].id == monster and reply.language == language
    assert reply.game == ("world" if "world" in text else "wilds")
    _valid(reply)


@pytest.mark.parametrize("text", ["打火龍要帶什麼", "火龙该带什么", "打火龍要準備什麼", "リオレウス 何を持っていく"])
def test_what_to_bring_with_its_verb_of_need_is_what_to_bring(knowledge, text):
    """ "要帶什麼" is "what to bring": its 要 is no part of the monster's name, left to make the name unreadable."""
    reply = Conversation(knowledge).reply_to_text(text)
    assert (reply.kind, reply.topic, reply.monsters[0].id) == ("field_guide", "inflicts", "rathalos"), text


@pytest.mark.parametrize("text", ["火龍要帶什麼屬性", "打火龙带什么属性"])
def test_what_element_to_bring_is_the_weakness_not_what_it_inflicts(knowledge, text):
    reply = Conversation(knowledge).reply_to_text(text)
    assert reply.kind == "weakness" and reply.monsters[0].id == "rathalos", text


@pytest.mark.parametrize("text", ["where to hit rathalos", "リオレウスの弱点はどこ", "火龍打哪裡"])
def test_where_on_the_monster_is_not_where_it_lives(knowledge, text):
    assert Conversation(knowledge).reply_to_text(text).kind != "field_guide", text


def test_a_habitat_no_source_holds_is_said(knowledge):
    """No source here gives Zinogre's habitat: said in the asker's language, no other answer."""
    talk = Conversation(knowledge)
    for text, words in (("where is zinogre", "No habitat for Zinogre"), ("迅龍在哪", "資料中沒有迅龍的棲息地")):
        reply = talk.reply_to_text(text)
        assert reply.kind == "field_guide" and reply.game is None
        assert [m.data["type"] for m in reply.messages] == ["text"] and words in reply.messages[0].data["text"]


def test_a_topic_missing_for_a_monster_the_sources_cover_blames_no_game(knowledge):
    """Zinogre is in World's records (its materials) but has no habitat there: "(they cover World and Wilds)" would
    read as if it were in neither; Magnamalo (Rise only) is told which games the sources cover."""
    talk = Conversation(knowledge)
    assert talk.reply_to_text("zinogre habitat").messages[0].data["text"] == "No habitat for Zinogre in my sources."
    assert "World and Wilds" in talk.reply_to_text("magnamalo habitat").messages[0].data["text"]


@pytest.mark.parametrize("text", ["rathalos drop rate", "rathalos drop rates", "火龍 掉率", "リオレウス ドロップ率"])
def test_drop_rates_are_the_materials(knowledge, text):
    """The materials reply is the drop rates (the source's reward tables): asked as such, it answers."""
    reply = Conversation(knowledge).reply_to_text(text)
    assert reply.kind == "materials" and reply.monsters[0].id == "rathalos" and "%" in str(reply.messages[0].data)


@pytest.mark.parametrize("text", ["rathalos crown size", "rathalos crowns", "火龍 皇冠", "リオレウス 王冠"])
def test_crowns_are_answered_first(knowledge, text):
    reply = Conversation(knowledge).reply_to_text(text)
    assert reply.kind == "field_guide" and reply.topic == "crowns" and reply.monsters[0].id == "rathalos"
    body = reply.messages[0].data["contents"]["body"]["contents"]
    assert body[0]["text"] == companion.say(reply.language, "crowns") and "123%" in body[1]["text"]
    _valid(reply)


@pytest.mark.parametrize(
    "text, note",
    [
        ("rise rathalos materials", "I hold MH Wilds materials for Rathalos, not MH Rise:"),
        ("ライズ リオレウス 素材", "リオレウスのライズの素材はデータにありません。ワイルズの素材はこちら："),
        ("rise 火龍 棲息地", "我沒有火龍的崛起棲息地，以下是荒野的："),
        ("rathalos materials low rank", "I hold high rank materials for Rathalos, not low rank:"),
        ("火龍 素材 下位", "我沒有火龍的下位素材，以下是上位的："),
        ("崛起 火龙 素材", "我没有火龙的崛起素材，以下是荒野的："),
    ],
)
def test_a_game_or_rank_not_held_is_said_before_what_is_shown(knowledge, text, note):
    """Never another game or rank silently: the first message says what was asked and is not held, the next one
    (labelled with its game and rank) what is."""
    reply = Conversation(knowledge).reply_to_text(text)
    assert reply.kind in ("materials", "field_guide") and reply.game == "wilds"
    assert reply.messages[0].data == {"type": "text", "text": note}
    assert reply.messages[1].data["type"] == "flex"
    _valid(reply)


def test_a_game_or_rank_held_is_answered_without_a_note(knowledge):
    talk = Conversation(knowledge)
    for text in ("world rathalos materials low rank", "rathalos materials", "火龍 棲息地", "world 火龍在哪"):
        reply = talk.reply_to_text(text)
        assert [m.data["type"] for m in reply.messages] == ["flex"], text


def test_a_follow_up_to_a_game_not_held_says_so(knowledge):
    talk = Conversation(knowledge)
    talk.reply_to_text("火龍 素材", chat_key="c")
    reply = talk.reply_to_text("rise的呢", chat_key="c")
    assert reply.kind == "materials" and reply.game == "wilds"
    assert reply.messages[0].data["text"] == "我沒有火龍的崛起素材，以下是荒野的："


def test_a_game_not_held_after_another_held_one_claims_no_only(knowledge):
    """After World's materials, "崛起呢" shows Wilds': never "我只有火龍的荒野素材" (World's were just shown)."""
    talk = Conversation(knowledge)
    talk.reply_to_text("世界 火龍 素材", chat_key="c")
    reply = talk.reply_to_text("崛起呢", chat_key="c")
    assert reply.game == "wilds" and "只有" not in reply.messages[0].data["text"]


def test_the_chats_own_game_not_held_is_said(knowledge):
    talk = Conversation(knowledge)
    talk.reply_to_text("use rise here", ChatKind.GROUP, chat_key="g")
    reply = talk.reply_to_text("rathalos materials", ChatKind.GROUP, chat_key="g")
    assert reply.game == "wilds" and reply.messages[0].data["text"].startswith("I hold MH Wilds materials")


def test_every_material_is_a_swipe_away(knowledge):
    """Past the first ten, the next materials are the carousel's next bubble (said: "Swipe for 10 more ▸"), not an
    "… and 10 more" with nothing to tap."""
    reply = Conversation(knowledge).reply_to_text("world rathalos materials")
    facts = reply.monsters[0].games["world"]
    contents = reply.messages[0].data["contents"]
    assert contents["type"] == "carousel" and len(contents["contents"]) == 2
    shown = " ".join(str(bubble["body"]) for bubble in contents["contents"])
    every = [item_name(m.item, "en", "world") for m in facts.materials["master"]]
    assert len(every) == 20 and all(name in shown for name in every)
    assert "Swipe for 10 more" in str(contents["contents"][0]["body"])
    _valid(reply)


def test_the_monsters_own_materials_come_before_rewards_many_share(knowledge):
    """Elder Dragon Bone is only a quest reward (every elder gives it): after what is carved or broken off."""
    items = companion.by_rarity(
        Conversation(knowledge).knowledge.current.monsters["nergigante"].games["world"].materials["high"]
    )
    names = [m.item for m in items]
    assert names.index("Elder Dragon Bone") > names.index("Nergigante Tail")
    assert all(any(d.how in companion.OWN_WAYS for d in m.drops) for m in items[: names.index("Nergigante Tail")])


@pytest.mark.parametrize(
    "text, kind, subject",
    [
        ("where is the rathalos ruby", "item_sources", "Rathalos Ruby"),
        ("where are rathalos scales", "item_sources", "Rathalos Scale"),
        ("where is rathalos", "field_guide", "rathalos"),
        ("where do i get rathalos", "field_guide", "rathalos"),
        ("where is kirin", "field_guide", "kirin"),
    ],
)
def test_where_is_an_item_or_a_monster(knowledge, text, kind, subject):
    """ "Where is X" asks where an item comes from when X is an item, where a monster lives when X is a monster's
    name (an item spelled near a monster's name never takes it)."""
    reply = Conversation(knowledge).reply_to_text(text)
    assert reply.kind == kind, text
    assert (reply.topic if kind == "item_sources" else reply.monsters[0].id) == subject


def test_an_items_sources_in_a_game_not_held_say_so(knowledge):
    talk = Conversation(knowledge)
    reply = talk.reply_to_text("崛起 火龍紅玉怎麼拿")
    assert reply.kind == "item_sources" and reply.game == "wilds"
    assert reply.messages[0].data["text"] == "我沒有崛起的火龍的紅玉入手方法，以下是荒野的："
    held = talk.reply_to_text("world where do I get rathalos ruby")
    assert held.game == "world" and [m.data["type"] for m in held.messages] == ["flex"]


@pytest.mark.parametrize("text", ["歷戰鎖刃龍 素材", "tempered arkveld materials", "歴戦 アルシュベルド 素材"])
def test_a_tempered_ones_materials_say_the_figures_are_the_monsters(knowledge, text):
    """The materials shown for "tempered arkveld" are Arkveld's: the line on the individual's own comes first."""
    reply = Conversation(knowledge).reply_to_text(text)
    assert reply.kind == "materials" and reply.monsters[0].id == "arkveld" and reply.unanswered == "tempered"
    assert [m.data["type"] for m in reply.messages] == ["text", "flex"]
