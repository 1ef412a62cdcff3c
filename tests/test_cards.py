"""What players see: contrast, the asker's language on every label, small talk, reverse ranking, LINE's limits."""

from __future__ import annotations

import json
import re
from typing import Any, Iterator

import pytest

from monsterbot.conversation import Conversation, Reply
from monsterbot.core.matching.followup import PART_KEYWORDS, in_family
from monsterbot.core.matching.normalize import _converters
from monsterbot.core.matching.smalltalk import small_talk
from monsterbot.core.model import ELEMENTS, LANGUAGES, Monster
from monsterbot.core.ranking import PAGE_SIZE, weakest_to
from monsterbot.replies import colours, followups, messages, reverse
from monsterbot.replies.card import weakness_card
from monsterbot.replies.element_answer import element_answer
from monsterbot.replies.game_labels import GAME_NAMES, short_game_name
from monsterbot.replies.labels import SOURCE_NAMES, label, part_name, source_name
from monsterbot.replies.part_answer import part_answer
from monsterbot.replies.tables import comparison, hitzone_table
from monsterbot.replies.wire import to_wire
from tests.conftest import message_texts

CJK = ("zh-TW", "zh-CN", "ja")


@pytest.fixture(scope="module")
def talk(knowledge: Any) -> Conversation:
    return Conversation(knowledge)


_CARDS: list[tuple[str, str, Any]] = []
#: Monsters whose full hitzone tables are drawn in every language (the rest in zh-CN only: building Flex is slow).
TABLE_SAMPLE = ("rathalos", "safi-jiiva", "kulve-taroth", "nergigante", "namielle", "radobaan", "uragaan", "velkhana")


def _every_card(knowledge: Any, languages: tuple[str, ...] = LANGUAGES) -> Iterator[tuple[str, str, Any]]:
    """(language, what, wire) for every monster's weakness card in every game it has, and full hitzone tables, part
    and element answers (built once for the module)."""
    if not _CARDS:
        monsters = knowledge.current.monsters
        for monster in monsters.values():
            for game, facts in monster.games.items():
                for language in LANGUAGES:
                    if language == "en" and monster.id not in TABLE_SAMPLE:
                        continue  # English cannot leak English: a sample is enough for contrast and limits
                    card = to_wire(weakness_card(monster, language, game)).data
                    _CARDS.append((language, f"{monster.id}/{game}", card))
                    if facts.hitzones and (language == "zh-CN" or monster.id in TABLE_SAMPLE):
                        table = to_wire(hitzone_table(monster, language, game, full=True)).data
                        _CARDS.append((language, f"{monster.id}/{game}/table", table))
                        for family in PART_KEYWORDS:  # "火龍 尾巴": the parts of a family, named as the table does
                            if any(in_family(z.part, family) for z in facts.hitzones):
                                part = to_wire(part_answer(monster, family, language, game)).data
                                _CARDS.append((language, f"{monster.id}/{game}/{family}", part))
                        for element in ELEMENTS:  # "火龍 水屬性"
                            answer = to_wire(element_answer(monster, element, language, game)).data
                            _CARDS.append((language, f"{monster.id}/{game}/{element}", answer))
        for language in LANGUAGES:
            pair = comparison((monsters["rathalos"], monsters["rathian"]), language, "world")
            _CARDS.append((language, "compare", to_wire(pair).data))
    return (card for card in _CARDS if card[0] in languages)


def _texts(node: Any, background: str = colours.WHITE) -> Iterator[tuple[dict[str, Any], str]]:
    """Every Flex text component with the background it is drawn on."""
    if isinstance(node, dict):
        background = node.get("backgroundColor", background)
        if node.get("type") == "text":
            yield node, background
        for value in node.values():
            yield from _texts(value, background)
    elif isinstance(node, list):
        for value in node:
            yield from _texts(value, background)


# --- contrast -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "colour", [colours.INK, colours.LABEL, colours.MUTED, colours.WEAK_INK, *colours.ELEMENT_COLOURS.values()]
)
@pytest.mark.parametrize("background", [colours.WHITE, colours.BEST_ROW, colours.WEAK_CELL])
def test_every_palette_colour_reads_on_every_background(colour: str, background: str) -> None:
    assert colours.contrast_ratio(colour, background) >= 4.5


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert colours.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert colours.contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert colours.contrast_ratio("#56CCF2", "#FFFFFF") < 2.0  # the old ice colour, which players could not read


def test_every_coloured_text_on_every_card_is_at_least_4_5_to_1(knowledge: Any, talk: Conversation) -> None:
    wires = [wire for _, _, wire in _every_card(knowledge)]
    wires += [
        message.data
        for q in ("哪些魔物怕火", "weak to ice", "雷属性が弱点", "哪些怪物怕毒")
        for message in talk.reply_to_text(q).messages
    ]
    checked = set()
    for wire in wires:
        for node, background in _texts(wire.get("contents", {})):
            if "color" in node:
                pair = (node["color"].upper(), background.upper())
                checked.add(pair)
                assert colours.contrast_ratio(*pair) >= 4.5, pair
    assert len(checked) >= 10  # the test really saw the palette


def test_best_weakness_stands_out_without_colour(knowledge: Any) -> None:
    card = to_wire(weakness_card(knowledge.current.monsters["rathalos"], "en", "world")).data
    rows = {
        box["contents"][0]["text"]: box
        for box in _boxes(card)
        if box.get("layout") == "horizontal"
        and box["contents"][0].get("type") == "text"
        and box["contents"][0]["text"].startswith(("🔥", "🐉"))
    }
    dragon, fire = rows["🐉 Dragon"], rows["🔥 Fire"]
    assert dragon["backgroundColor"] == colours.BEST_ROW and dragon["contents"][1]["weight"] == "bold"
    assert dragon["contents"][1]["size"] == "md" and dragon["contents"][1]["text"] == "★★★"
    assert "backgroundColor" not in fire and fire["contents"][1]["color"] == colours.MUTED  # "×" recedes


def _boxes(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if node.get("type") == "box":
            yield node
        for value in node.values():
            yield from _boxes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _boxes(value)


def test_weak_hitzone_cells_are_shaded_not_whole_rows(knowledge: Any) -> None:
    table = to_wire(hitzone_table(knowledge.current.monsters["rathalos"], "en", "world")).data
    shaded = [b for b in _boxes(table) if b.get("backgroundColor") == colours.WEAK_CELL]
    assert sorted(b["contents"][0]["text"] for b in shaded) == ["45", "45", "45", "50", "50", "60", "65", "70"]
    assert all(b["contents"][0]["weight"] == "bold" for b in shaded)
    zeros = [n for n, _ in _texts(table["contents"]) if n["text"] == "0"]
    assert zeros and all(n.get("weight") != "bold" and n["color"] != colours.WEAK_INK for n in zeros)


# --- the asker's language --------------------------------------------------------------------------------------


def _allowed_latin(knowledge: Any) -> set[str]:
    names = {m.names["en"] for m in knowledge.current.monsters.values()}
    titles = {title for per_game in GAME_NAMES.values() for title in per_game.values()}  # official, e.g. 世界：Iceborne
    return names | set(SOURCE_NAMES.values()) | titles | {"monsterbot", "Iceborne"}


def test_no_english_leaks_into_chinese_or_japanese_cards(knowledge: Any) -> None:
    allowed = sorted(_allowed_latin(knowledge), key=len, reverse=True)
    leaks = set()
    for language, what, wire in _every_card(knowledge, CJK):
        for node, _ in _texts(wire["contents"]):
            shown = node["text"]
            if re.search(r"[A-Za-z]", _strip(shown, allowed)):  # only names and sources may be Latin
                leaks.add((language, what.split("/")[0], shown))
        assert not re.search(r"[A-Za-z]{3,}", _strip(wire["altText"], allowed)), wire["altText"]
    assert sorted(leaks)[:20] == []


def _strip(value: str, allowed: list[str]) -> str:
    for word in allowed:
        value = value.replace(word, "")
    return value


def test_every_part_in_the_knowledge_has_a_name_in_each_language(knowledge: Any) -> None:
    parts = {
        (z.part, f.game) for m in knowledge.current.monsters.values() for f in m.games.values() for z in f.hitzones
    } | {
        (p, f.game)
        for m in knowledge.current.monsters.values()
        for f in m.games.values()
        for p in (*f.breakable, *f.severable)
    }
    missing = [
        (p, game, lang) for p, game in sorted(parts) for lang in CJK if re.search(r"[A-Za-z]", part_name(p, lang, game))
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("english", "language", "shown"),
    [
        ("Horns", "zh-TW", "角"),
        ("Tail Tip (White)", "zh-TW", "尾巴前端（白）"),
        ("Forearms", "zh-CN", "前腿"),
        ("Head (Broken+SCritical)", "ja", "頭(破壊後+超臨界)"),
        ("Left Hindleg", "zh-TW", "左後腳"),
        ("Body/Back", "zh-CN", "身体/背部"),
        ("Right Wing", "en", "Right Wing"),
    ],
)
def test_part_names_are_composed_from_the_games_words(english: str, language: str, shown: str) -> None:
    assert part_name(english, language, None) == shown


def test_simplified_chinese_labels_and_traditional_labels_stay_in_their_script(knowledge: Any) -> None:
    to_traditional, _, to_simplified = _converters()
    for language, what, wire in _every_card(knowledge, ("zh-TW", "zh-CN")):
        monster = knowledge.current.monsters[what.split("/")[0]] if what != "compare" else None
        for node, _ in _texts(wire["contents"]):
            shown = node["text"]
            if monster and shown in (monster.name(language), monster.names["en"]):
                continue
            if language == "zh-CN":
                assert to_simplified.convert(shown) == shown, (what, shown)


def test_source_ids_are_shown_by_name(knowledge: Any) -> None:
    card = to_wire(weakness_card(knowledge.current.monsters["rathalos"], "zh-TW", "world")).data
    footer = card["contents"]["footer"]["contents"][0]["text"]
    assert footer.startswith("資料來源：MHWorldData") and "mhworlddata" not in json.dumps(card)
    assert source_name("hunterpie-gamedata") == "HunterPie"


@pytest.mark.parametrize(
    ("query", "language", "name", "game"),
    [
        ("火龍", "zh-TW", "火龍", "魔物獵人 荒野"),
        ("火龙", "zh-CN", "火龙", "怪物猎人 荒野"),
        ("rathalos", "en", "Rathalos", "Monster Hunter Wilds"),
        ("リオレウス", "ja", "リオレウス", "モンスターハンターワイルズ"),
    ],
)
def test_alt_text_names_monster_game_and_top_weaknesses(
    talk: Conversation, query: str, language: str, name: str, game: str
) -> None:
    answer = talk.reply_to_text(query)
    assert answer.language == language
    alt = answer.messages[0].data["altText"]
    assert alt.startswith(name) and game in alt and f"{label(language, 'dragon')}★★★" in alt


def test_simplified_questions_are_answered_in_simplified(talk: Conversation) -> None:
    answer = talk.reply_to_text("哪些怪物怕火")
    assert answer.language == "zh-CN" and answer.messages[0].data["altText"].startswith("最怕火的怪物")
    assert talk.reply_to_text("冰咒龙").messages[0].data["contents"]["header"]["contents"][0]["text"] == "冰咒龙"


# --- small talk, misses, greeting and help ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "language"),
    [
        ("hi", "greeting", "en"),
        ("Hello!", "greeting", "en"),
        ("你好", "greeting", "zh-TW"),
        ("こんにちは", "greeting", "ja"),
        ("謝謝", "thanks", "zh-TW"),
        ("谢谢", "thanks", "zh-CN"),
        ("thank you", "thanks", "en"),
        ("ありがとう", "thanks", "ja"),
        ("哈哈哈", "laugh", "zh-TW"),
        ("lol", "laugh", "en"),
        ("www", "laugh", "ja"),  # Japanese laughter, in Latin letters
        ("ｗｗｗ", "laugh", "ja"),
        ("草", "laugh", "ja"),
        ("😂", "laugh", "en"),
        ("ok", "ok", "en"),
        ("好的", "ok", "zh-TW"),
        ("👍", "ok", "en"),
        ("bye", "bye", "en"),
        ("掰掰", "bye", "zh-TW"),
    ],
)
def test_small_talk_gets_a_short_friendly_answer_with_try_buttons(
    talk: Conversation, text: str, kind: str, language: str
) -> None:
    assert small_talk(text) == kind
    answer = talk.reply_to_text(text)
    [message] = [m.data for m in answer.messages]
    assert answer.kind == "small_talk" and message["text"] == label(language, f"talk_{kind}")
    sent = [item["action"]["text"] for item in message["quickReply"]["items"]]
    assert sent == list(messages.TRY_QUERIES[language])


@pytest.mark.parametrize(("asked", "language"), [("火龍", "zh-TW"), ("リオレウス", "ja"), ("火龙", "zh-CN")])
def test_small_talk_every_language_types_answers_in_the_chats_language(
    knowledge: Any, asked: str, language: str
) -> None:
    """ "ok", "lol", "hi", 👍 say nothing of the asker's language: the chat's last question does."""
    talk = Conversation(knowledge)
    talk.reply_to_text(asked, chat_key="c")
    for text, kind in (("ok", "ok"), ("lol", "laugh"), ("hi", "greeting"), ("👍", "ok")):
        answer = talk.reply_to_text(text, chat_key="c")
        assert answer.language == language and answer.messages[0].data["text"] == label(language, f"talk_{kind}")
    assert talk.reply_to_text("thanks", chat_key="other").language == "en"  # nothing remembered there
    assert talk.reply_to_text("謝謝", chat_key="c").language == "zh-TW"  # its own script tells


@pytest.mark.parametrize("text", ["火龍", "rathalos", "rath", "哈哈火龍", "hirabami", "asdfgh", "ko"])
def test_names_and_questions_are_not_small_talk(text: str) -> None:
    assert small_talk(text) is None


def test_small_talk_in_a_group_stays_silent(talk: Conversation) -> None:
    from monsterbot.conversation import ChatKind

    for text in ("hi", "www", "草", "哈哈哈", "👍", "lol"):
        assert talk.reply_to_text(text, ChatKind.GROUP, chat_key="g").messages == [], text


@pytest.mark.parametrize(("text", "language"), [("asdfgh", "en"), ("octopus", "en"), ("卯卯卯", "zh-TW")])
def test_nonsense_gets_try_buttons_not_random_monsters(talk: Conversation, text: str, language: str) -> None:
    answer = talk.reply_to_text(text)
    [message] = [m.data for m in answer.messages]
    assert answer.kind == "not_found" and label(language, "try_these") in message["text"]
    assert all(item["action"]["type"] == "message" for item in message["quickReply"]["items"])


def test_which_one_only_with_two_plausible_choices(talk: Conversation) -> None:
    rath = talk.reply_to_text("rath")
    assert rath.kind == "which_one" and len(rath.monsters) >= 2
    tigerx = talk.reply_to_text("tigerx")  # one plausible typo: did you mean, never "which one?" with one choice
    assert tigerx.kind == "not_found" and [m.id for m in tigerx.monsters] == ["tigrex"]
    assert "Tigrex" in tigerx.messages[0].data["text"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_greeting_and_help_are_short_with_four_try_buttons(talk: Conversation, language: str) -> None:
    for message, most in ((talk.greet(language).messages[0].data, 240), (messages.usage(language).to_dict(), 180)):
        assert len(message["text"]) <= most
        actions = [item["action"] for item in message["quickReply"]["items"]]
        assert [a["text"] for a in actions] == list(messages.TRY_QUERIES[language])
    for query in messages.TRY_QUERIES[language]:  # every button gets a real answer
        assert talk.reply_to_text(query).kind in ("weakness", "hitzones", "reverse", "compare"), query


# --- reverse lookups -------------------------------------------------------------------------------------------


def test_reverse_lookup_is_ranked_by_element_hitzone_then_stars(knowledge: Any) -> None:
    ranked = weakest_to(knowledge.current.monsters.values(), "fire", "world")
    assert len(ranked) > PAGE_SIZE
    keys = [(-(r.hitzone or 0), -(r.stars or 0)) for r in ranked]
    assert keys == sorted(keys)
    assert ranked[0].hitzone is not None and ranked[0].hitzone > ranked[-1].hitzone  # type: ignore[operator]
    again = weakest_to(reversed(list(knowledge.current.monsters.values())), "fire", "world")
    assert [r.monster.id for r in again] == [r.monster.id for r in ranked]  # ties never depend on file order


def test_reverse_lookup_pages_with_a_more_button(talk: Conversation) -> None:
    first = talk.reply_to_text("哪些魔物怕火")
    items = first.messages[0].data["quickReply"]["items"]
    assert len(first.ranking) == PAGE_SIZE and len(items) == PAGE_SIZE + 1
    more = items[-1]["action"]
    assert more["label"] == label("zh-TW", "more")
    second = talk.reply_to_postback(more["data"])
    assert second.kind == "reverse" and second.language == "zh-TW"
    assert not {r.monster.id for r in second.ranking} & {r.monster.id for r in first.ranking}
    body = json.dumps(second.messages[0].data["contents"], ensure_ascii=False)
    assert f"{PAGE_SIZE + 1}. " in body


def test_a_reverse_page_longer_than_twelve_keeps_its_more_button_within_lines_thirteen(knowledge: Any) -> None:
    """Monster buttons leave the last of LINE's 13 to "more", however long a page is made (PAGE_SIZE is 10 now)."""
    ranked = weakest_to(knowledge.current.monsters.values(), "fire", "world")[: messages.QUICK_REPLY_LIMIT]
    items = to_wire(reverse.weakest_list("fire", ranked, "en", "world", 0, True)).data["quickReply"]["items"]
    assert len(items) == messages.QUICK_REPLY_LIMIT and items[-1]["action"]["label"] == label("en", "more")


@pytest.mark.parametrize("count", [messages.QUICK_REPLY_LIMIT - 1, messages.QUICK_REPLY_LIMIT])
def test_the_use_here_button_is_offered_only_while_lines_thirteen_have_room(knowledge: Any, count: int) -> None:
    """12 buttons take "use here" as the 13th; 13 are left as they are (LINE refuses a 14th)."""
    monsters = sorted(knowledge.current.monsters.values(), key=lambda m: m.id)[:count]
    buttons = messages.quick_replies(monsters, "world", "en")
    offered = followups.with_use_here(buttons, "world", "en")
    assert offered is not None and buttons is not None
    assert len(offered.items) == messages.QUICK_REPLY_LIMIT
    assert (offered is buttons) == (count == messages.QUICK_REPLY_LIMIT)


def test_button_labels_are_cut_with_an_ellipsis() -> None:
    assert messages.button_label("x" * 25) == "x" * 19 + "…"
    assert messages.button_label("Rathalos") == "Rathalos"


def test_compact_hitzone_table_has_a_full_table_button(knowledge: Any, talk: Conversation) -> None:
    monster = knowledge.current.monsters["safi-jiiva"]
    compact = to_wire(hitzone_table(monster, "zh-TW", "world")).data
    [button] = compact["quickReply"]["items"]
    full = talk.reply_to_postback(button["action"]["data"])
    assert full.kind == "hitzones"
    rows = len(monster.games["world"].hitzones)
    assert str(rows) in button["action"]["label"]
    assert len(json.dumps(full.messages[0].data)) > len(json.dumps(compact))


# --- next steps -------------------------------------------------------------------------------------------------


def test_every_card_offers_its_next_steps(knowledge: Any) -> None:
    """Cards of one-game monsters, part, element and comparison answers included: never a dead end."""
    bare = [
        what
        for _, what, wire in _every_card(knowledge, ("zh-TW", "en"))
        if not (wire.get("quickReply") or {}).get("items")
    ]
    assert bare == []


def test_a_one_game_monsters_card_opens_its_table_and_back(talk: Conversation) -> None:
    card = talk.reply_to_text("鎖刃龍").messages[0].data  # Arkveld: Wilds only, no other game to offer
    table_button, weakest = card["quickReply"]["items"]
    table = talk.reply_to_postback(table_button["action"]["data"])
    assert table.kind == "hitzones" and table.monsters[0].id == "arkveld"
    back = table.messages[0].data["quickReply"]["items"][0]["action"]["data"]
    assert talk.reply_to_postback(back).kind == "weakness"
    others = talk.reply_to_postback(weakest["action"]["data"])  # the monsters weakest to its top element
    assert others.kind == "reverse" and others.topic == "dragon"  # the element Wilds flags for it
    every = weakest_to(talk.knowledge.current.monsters.values(), "dragon", "wilds")  # by the damage it does: page 2
    assert "arkveld" in [r.monster.id for r in every]


def test_comparisons_say_their_source_and_footnote_derived_stars(knowledge: Any) -> None:
    monsters = knowledge.current.monsters
    pair = comparison((monsters["rathalos"], monsters["rathian"]), "en", "wilds")
    texts = message_texts(to_wire(pair).data)
    assert any(t.endswith("*") for t in texts)  # derived stars in the cells …
    assert any("MHWS-in-json" in t for t in texts) and any(t.startswith("* ") for t in texts)  # … said where from
    world = message_texts(to_wire(comparison((monsters["rathalos"], monsters["rathian"]), "en", "world")).data)
    assert any("MHWorldData" in t for t in world) and not any(t.startswith("* ") for t in world)


def test_a_comparison_outside_the_default_game_is_in_the_game_documenting_them_best(talk: Conversation) -> None:
    """Rathalos, Rathian and Velkhana are all in World and Rise (Velkhana not in Wilds): World's stars, ailments and
    hitzones, as each one's card shows, not Rise's list of weak elements because Rise is newer."""
    reply = talk.reply_to_text("火龙 vs 雌火龙 vs 冰咒龙")
    assert reply.kind == "compare" and reply.game == "world"


@pytest.mark.parametrize(
    ("language", "wound", "ascii"),
    [("zh-TW", "尾巴（傷口）", True), ("zh-CN", "尾巴（伤口）", True), ("ja", "尻尾(傷口)", False)],
)
def test_a_parts_state_is_bracketed_as_its_name_brackets_one(
    knowledge: Any, language: str, wound: str, ascii: bool
) -> None:
    """Lagiacrus's tail rows: 尾巴（傷口） beside 尾巴（未命名）, not "尾巴 (傷口)" with half-width brackets."""
    monster = knowledge.current.monsters["lagiacrus"]
    texts = message_texts(to_wire(part_answer(monster, "tail", language, "wilds")).data)
    assert wound in texts
    rows = [t for t in texts if t.startswith(wound[:2]) and ("傷" in t or "伤" in t)]
    assert rows and not any(" (" in t or (ascii and "(" in t) for t in rows), rows


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_game_button_under_a_hitzone_table_says_it_asks_for_the_table(talk: Conversation, language: str) -> None:
    """What the chat shows the player saying on a press is what the reply answers: "世界 火龍 部位肉質" before
    World's hitzone table, not "世界 火龍" (a card's words)."""
    asked = {"en": "rathalos hitzones", "zh-TW": "火龍 肉質", "zh-CN": "火龙 肉质", "ja": "リオレウス 肉質"}
    reply = talk.reply_to_text(asked[language])
    shown = [i["action"]["displayText"] for m in reply.messages for i in m.data["quickReply"]["items"]]
    hitzones = label(language, "hitzones")
    assert shown and all(s.endswith(f" {hitzones}") for s in shown), shown


@pytest.mark.parametrize("language", CJK)
def test_a_forms_stars_are_an_aside_in_the_languages_own_brackets(knowledge: Any, language: str) -> None:
    """Wilds Rathalos when wounded: （受傷時：龍★★★ 水★★）, not a full-width colon inside "( )"."""
    rathalos = knowledge.current.monsters["rathalos"]
    for reply in (weakness_card(rathalos, language, "wilds"), element_answer(rathalos, "dragon", language, "wilds")):
        asides = [t for t in message_texts(to_wire(reply).data) if "★" in t and "：" in t]
        assert asides and all(t.startswith("（") and t.endswith("）") for t in asides), asides


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_comparison_across_games_says_whose_source_is_whose(knowledge: Any, language: str) -> None:
    """Rathalos (Wilds), Magnamalo (Rise), Nergigante (World): each source line headed by its game, so "not in the
    source: element stars …" reads as Rise's; and the legend of Rise's ◎ and ○, as its own card gives it."""
    monsters = knowledge.current.monsters
    compared = [monsters[m] for m in ("rathalos", "magnamalo", "nergigante")]
    texts = message_texts(to_wire(comparison(compared, language, "wilds")).data)
    assert label(language, "listed_legend") in texts
    for game in ("wilds", "rise", "world"):
        assert sum(t.startswith(f"{short_game_name(game, language)} · ") for t in texts) == 1, (game, texts)


@pytest.mark.parametrize("language", CJK)
def test_a_notification_in_chinese_or_japanese_is_punctuated_full_width(knowledge: Any, language: str) -> None:
    """The altText a phone's notification and chat list show: 火龍 上位 素材：…；…, not "素材: …; …"."""
    from monsterbot.replies import companion

    rathalos = knowledge.current.monsters["rathalos"]
    replies = [
        companion.materials(rathalos, "wilds", "high", language),
        companion.field_guide(rathalos, "wilds", "habitat", language),
        companion.item_sources("Rathalos Ruby", (rathalos,), "wilds", language),
        part_answer(rathalos, "tail", language, "wilds"),
    ]
    for reply in replies:
        alt = to_wire(reply).data["altText"]
        assert ";" not in alt and ": " not in alt, alt


def _name_texts(node: Any) -> Iterator[dict[str, Any]]:
    """Every text component of a Flex tree."""
    if isinstance(node, dict):
        if node.get("type") == "text":
            yield node
        for value in node.values():
            yield from _name_texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _name_texts(value)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_comparison_reads_on_a_phone(talk: Conversation, language: str) -> None:
    """Every name whole (a text that wraps, never one cut to fit a column), each monster labelled with its game when
    the games differ, and the names past the fourth said, not dropped."""
    asked = {
        "en": "rathalos vs arkveld vs magnamalo vs nergigante vs rathian",
        "zh-TW": "火龍、鎖刃龍、怨虎龍、滅盡龍、雌火龍",
        "zh-CN": "火龙、锁刃龙、怨虎龙、灭尽龙、雌火龙",
        "ja": "リオレウスとアルシュベルドとマガイマガドとネルギガンテとリオレイア",
    }
    reply = talk.reply_to_text(asked[language])
    assert reply.kind == "compare" and [m.id for m in reply.monsters] == [
        "rathalos",
        "arkveld",
        "magnamalo",
        "nergigante",
    ]
    bubble = reply.messages[0].data["contents"]
    texts = list(_name_texts(bubble["body"]))
    for monster in reply.monsters:  # the whole name, on a line that wraps
        shown = [t for t in texts if t["text"].startswith(monster.name(language))]
        assert shown and all(t.get("wrap") for t in shown), monster.id
    games = {"wilds", "rise", "world"}  # no game has all four: arkveld Wilds, magnamalo Rise, nergigante World
    assert {_game_of(m, reply.game) for m in reply.monsters} == games
    short = {g: short_game_name(g, language) for g in games}
    for monster in reply.monsters:
        game = short[_game_of(monster, reply.game)]
        assert any(t["text"].startswith(monster.name(language)) and t["text"].endswith(game) for t in texts)
    buttons = [i["action"]["label"] for i in reply.messages[0].data["quickReply"]["items"]]
    assert buttons[-1] == knowledge_name(talk, "rathian", language)  # the one left out, a tap away
    header = " ".join(t["text"] for t in _name_texts(bubble["header"]))
    assert knowledge_name(talk, "rathian", language) in header and "5" in header and "4" in header


def _game_of(monster: Monster, game: str | None) -> str:
    """The game of the figures a monster shows when `game` is asked (the best documented one when not in it)."""
    facts = monster.facts(game)
    assert facts is not None, monster.id
    return facts.game


def knowledge_name(talk: Conversation, monster: str, language: str) -> str:
    return talk.knowledge.current.monsters[monster].name(language)


def test_a_comparison_answers_in_a_game_every_monster_is_in(talk: Conversation) -> None:
    """Not in the default game (Wilds), all four in World: World's figures side by side, one game in the header."""
    reply = talk.reply_to_text("rathalos vs rathian vs diablos vs nergigante")
    assert reply.game == "world" and {_game_of(m, reply.game) for m in reply.monsters} == {"world"}
    assert talk.reply_to_text("rathalos vs rathian").game == "wilds"  # both in the default game: it stays


def test_english_button_labels_are_never_cut_mid_word(knowledge: Any) -> None:
    for monster in knowledge.current.monsters.values():
        name = monster.names["en"]
        shown = messages.button_label(name)
        words = shown.split(" ")
        assert len(shown) <= 20 and "…" not in shown and words[-1] == name.split(" ")[-1], (name, shown)
        assert all(w in name.split(" ") or (len(w) == 2 and w.endswith(".")) for w in words), (name, shown)
    assert messages.button_label("Guardian Fulgur Anjanath") == "G. Fulgur Anjanath"


def test_a_button_about_a_monster_shortens_the_action_not_the_name(knowledge: Any) -> None:
    """ "S. Weaknesses" loses the monster: the action gives way ("Safi'jiiva Weakness…"), or is dropped."""
    for monster in knowledge.current.monsters.values():
        name = monster.names["en"]
        for action in ("Weaknesses", "Materials", "Tail"):
            shown = messages.named_label(name, action)
            assert len(shown) <= 20 and (shown.startswith(f"{name} ") or shown == messages.button_label(name)), shown
    assert messages.named_label("Safi'jiiva", "Weaknesses") == "Safi'jiiva Weakness…"
    assert messages.named_label("Rathalos", "Materials") == "Rathalos Materials"


# --- LINE's limits ---------------------------------------------------------------------------------------------


def _check_limits(message: Any) -> None:
    assert 1 <= len(message.get("altText", "x")) <= 1500
    if message["type"] == "flex":
        bubbles = (
            message["contents"]["contents"] if message["contents"]["type"] == "carousel" else [message["contents"]]
        )
        for bubble in bubbles:
            assert len(json.dumps(bubble, ensure_ascii=False).encode()) <= 30_000
        for node, _ in _texts(message["contents"]):
            assert node["text"] != ""
    items = (message.get("quickReply") or {}).get("items", [])
    assert len(items) <= 13
    for item in items:
        assert 1 <= len(item["action"]["label"]) <= 20


def test_every_reply_keeps_lines_limits(knowledge: Any, talk: Conversation) -> None:
    for _, _, wire in _every_card(knowledge):
        _check_limits(wire)  # full tables too: a long one is paged (replies/fit.py)
    monsters = knowledge.current.monsters
    for monster in monsters.values():
        for game, facts in monster.games.items():
            if facts.hitzones:  # the compact table players get first always fits one bubble
                _check_limits(to_wire(hitzone_table(monster, "ja", game)).data)
    answers: list[Reply] = [
        talk.reply_to_text(q)
        for q in (
            "hi",
            "asdfgh",
            "rath",
            "help",
            "哪些魔物怕火",
            "what is weak to dragon",
            "哪些怪物怕毒",
            "rise weak to thunder",
        )
    ]
    answers += [talk.greet(language) for language in LANGUAGES]
    for answer in answers:
        for message in answer.messages:
            _check_limits(dict(message.data))


def test_game_titles_exist_in_every_language() -> None:
    assert set(GAME_NAMES) == set(LANGUAGES) and all(len(titles) == 3 for titles in GAME_NAMES.values())


@pytest.mark.parametrize(
    ("sticker", "said"),
    [
        ({"keywords": ["Hello", "Cony"]}, label("zh-TW", "talk_greeting")),
        ({"keywords": ["Thanks"], "text": "謝謝"}, label("zh-TW", "talk_thanks")),
        ({"keywords": ["Brown", "Cute"]}, label("zh-TW", "talk_sticker")),
        ({}, label("zh-TW", "talk_sticker")),
    ],
)
def test_a_sticker_in_a_one_to_one_chat_gets_a_friendly_answer(
    webhook: Any, line_stub: Any, sticker: dict[str, Any], said: str
) -> None:
    from tests.conftest import payload, text_event

    event = text_event("x")
    event["message"] = {
        "type": "sticker",
        "id": "1",
        "quoteToken": "q",
        "packageId": "1",
        "stickerId": "1",
        "stickerResourceType": "STATIC",
        **sticker,
    }
    assert webhook(payload(event)).status_code == 200
    [message] = line_stub.replies()[0].body["messages"]
    assert message["text"] == said and len(message["quickReply"]["items"]) == 4


def test_every_label_is_written_in_every_language() -> None:
    from monsterbot.replies.labels import _LABELS

    for language in LANGUAGES:
        assert set(_LABELS[language]) == set(_LABELS["en"]), language  # never a silent fall back to English


def test_every_new_reply_shape_follows_lines_openapi_spec(talk: Conversation) -> None:
    from tests.conftest import need_shared
    from tests.openapi_contract import errors

    spec = need_shared("line-openapi", "messaging-api.yml")
    answers = [
        talk.reply_to_text(q)
        for q in (
            "火龍",
            "滅盡龍 肉質",
            "火龍 vs 雌火龍",
            "哪些怪物怕雷",
            "謝謝",
            "👍",
            "說明",
            "asdfgh",
            "tigerx",
            "rise 火龍",
        )
    ]
    answers += [talk.greet("ja"), talk.reply_to_sticker("", ["Hello"])]
    more = answers[3].messages[0].data["quickReply"]["items"][-1]["action"]["data"]
    table = answers[1].messages[0].data["quickReply"]["items"][0]["action"]["data"]
    answers += [talk.reply_to_postback(more), talk.reply_to_postback(table)]
    for answer in answers:
        body = {"replyToken": "t", "messages": [m.data for m in answer.messages]}
        assert errors(spec, "ReplyMessageRequest", body) == [], answer.kind


@pytest.mark.parametrize(
    "data",
    [
        "reverse=banana&game=world&lang=en&page=0",
        "reverse=fire&game=mh5&lang=en&page=0",
        "reverse=fire&game=world&lang=en&page=-1",
        "reverse=fire&game=world&lang=en&page=99999999999",
        "reverse=fire&game=world&lang=en&page=40",
        "monster=rathalos&game=frontier",
        "monster=nobody&lang=ja",
        "reverse=fire&lang=en&page=1",
        "page=1",
        "",
    ],
)
def test_postbacks_this_bot_did_not_send_are_ignored(talk: Conversation, data: str) -> None:
    assert talk.reply_to_postback(data).messages == []


@pytest.mark.parametrize(
    "data",
    [
        "monster=rathalos&game=world&lang=en&ask=element&detail=poison",
        "monster=rathalos&game=world&lang=en&ask=part&detail=soul",
        "monster=rathalos&game=world&lang=en&ask=oracle&detail=fire",
    ],
)
def test_a_button_asking_for_what_this_bot_never_asks_shows_the_card(talk: Conversation, data: str) -> None:
    answer = talk.reply_to_postback(data)  # hand-made data: the monster's card, no error
    assert answer.kind == "weakness" and answer.messages[0].data["altText"].startswith("Rathalos")


def test_postback_in_an_unknown_language_falls_back_to_english(talk: Conversation) -> None:
    answer = talk.reply_to_postback("monster=rathalos&game=world&lang=xx")
    assert answer.language == "en" and answer.messages[0].data["altText"].startswith("Rathalos")


def test_a_long_alt_text_ends_at_a_word_with_an_ellipsis(talk: Conversation) -> None:
    from monsterbot.replies.card import ALT_TEXT_LIMIT, alt_text

    alt = talk.reply_to_text("rathalos materials").messages[0].data["altText"]
    assert len(alt) <= ALT_TEXT_LIMIT and alt.endswith("…"), alt  # the materials list is longer than the limit
    cut = alt_text("Rathalos Scale, " * 40)
    assert cut.endswith(("Rathalos…", "Scale…")) and len(cut) <= ALT_TEXT_LIMIT  # whole words, no dangling comma
    assert alt_text("火龍鱗" * 200) == "火龍鱗" * 133 + "…"  # no spaces: cut anywhere, still marked
    assert alt_text("short") == "short"


@pytest.mark.parametrize(
    ("language", "words", "asks"),
    [
        (
            "en",
            ["materials", "habitat", "ailments", "where do I get Rathalos Ruby"],
            ["rathalos materials", "rathalos habitat", "rathalos ailments", "where do I get Rathalos Ruby"],
        ),
        (
            "zh-TW",
            ["素材", "棲息地", "異常", "火龍紅玉怎麼拿"],
            ["火龍 素材", "火龍 棲息地", "火龍 異常", "火龍紅玉怎麼拿"],
        ),
        (
            "zh-CN",
            ["素材", "栖息地", "异常", "火龙红玉怎么拿"],
            ["火龙 素材", "火龙 栖息地", "火龙 异常", "火龙红玉怎么拿"],
        ),
        (
            "ja",
            ["素材", "生息地", "状態異常", "火竜の紅玉の入手方法"],
            ["リオレウス 素材", "リオレウス 生息地", "リオレウス 状態異常", "火竜の紅玉の入手方法"],
        ),
    ],
)
def test_help_names_the_companion_questions_as_the_bot_answers_them(
    talk: Conversation, language: str, words: list[str], asks: list[str]
) -> None:
    usage = label(language, "usage")
    assert [w for w in words if w not in usage] == []
    kinds = [getattr(talk.reply_to_text(ask).kind, "value", None) for ask in asks]
    assert kinds == ["materials", "field_guide", "field_guide", "item_sources"], kinds


@pytest.mark.parametrize(
    "data, language", [("setgame=world&lang=xx", "en"), ("setgame=world&lang=ja", "ja"), ("setgame=world", "en")]
)
def test_the_use_this_game_button_is_parsed_by_the_one_strict_parser(
    talk: Conversation, data: str, language: str
) -> None:
    """ "use this game here" goes through messages.parse_postback: a language outside LANGUAGES is English."""
    assert messages.parse_postback(data) == messages.Postback(language, "world", set_game=True)
    answer = talk.reply_to_postback(data, chat_key="c")
    assert answer.kind == "command" and answer.language == language and answer.messages


@pytest.mark.parametrize("data", ["setgame=mh5&lang=en", "setgame=world&lang=en&&", "setgame=world&setgame"])
def test_a_use_this_game_button_this_bot_did_not_send_is_ignored(talk: Conversation, data: str) -> None:
    assert talk.reply_to_postback(data, chat_key="c").messages == []
