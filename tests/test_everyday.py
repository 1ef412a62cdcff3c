"""Everyday words that hold or resemble a name are not monsters; names around them still are."""

from __future__ import annotations

import pytest

from monsterbot.core.matching.everyday import build_dictionary_words, everyday_words
from monsterbot.core.matching.matcher import Matcher, Outcome
from monsterbot.core.model import GameFacts, Monster
from tests.conftest import ask, assert_matches, matched


@pytest.mark.parametrize(
    "text",
    [
        "噴火龍",
        "我買了一盒火龍果",
        "黑龍江哈爾濱",
        "恐龍化石",
        "麒麟啤酒好喝",
        "アルバイト募集",
        "バナナ",
        "gossip",
        "クックパッドで調べた",
        "クッキー焼いた",
        "すりゴマ",
    ],
)
def test_everyday_words_are_not_monsters(knowledge, text):
    assert ask(knowledge, text).outcome is Outcome.MISS


@pytest.mark.parametrize("text", ["クッキー", "恐龍", "火龍果"])
def test_an_everyday_word_alone_suggests_no_name_it_merely_resembles(knowledge, text):
    # クッキー (cookie) is near クック (Yian Kut-Ku) in romaji: no "did you mean イャンクック?" for it
    result = ask(knowledge, text)
    assert result.outcome is Outcome.MISS and not result.candidates


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("黑龍江有火龍嗎", "rathalos"),
        ("雪獅子王", "blangonga"),
        ("我想打雪獅子王", "blangonga"),
        ("麒麟", "kirin"),
        ("クック先生の弱点", "yian-kut-ku"),
    ],
)
def test_names_around_or_holding_everyday_words_still_match(knowledge, text, monster_id):
    assert_matches(knowledge, text, monster_id)


def test_a_name_is_never_an_everyday_word():
    twin = Monster("kirin", {"en": "Kirin", "ja": "キリン"}, {"ja": ("キリンビール",)}, {"world": GameFacts("world")})
    matcher = Matcher([twin], everyday={"キリンビール"})
    assert matched(matcher.match("キリンビール")).monster_id == "kirin"


def test_the_shipped_lists_load_normalised():
    words = everyday_words()
    assert "火龍果" in words and "キリンビール" in words and "kirinbeer" in words


def test_dictionary_words_that_hold_or_resemble_a_name(tmp_path):
    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("火龙果 4 n\n火龙 246 n\n恐龙 299 nz\n雷神 20 n\n天气 500 n\n", encoding="utf-8")
    words = build_dictionary_words(["火龍", "恐暴龍", "雷神龍", "rathalos"], dictionary).split()
    # holds 火龍; near 恐暴龍 without being part of it; 雷神 is part of 雷神龍 (a short form), 火龍 is a name
    assert words == ["恐龙", "火龙果"]


def test_an_everyday_word_that_sounds_like_a_name_is_that_name(knowledge):
    # 炎龍 (a fire dragon, in jieba's dictionary) reads yanlong like 岩龍 (Basarios); 恐龍 sounds like no name
    assert matched(ask(knowledge, "炎龍")).monster_id == "basarios"
    assert ask(knowledge, "恐龍").outcome is Outcome.MISS


@pytest.mark.parametrize("text", ["ajar", "lava", "tetra", "gossip", "tiger", "lag", "so much lag today"])
def test_an_english_word_that_begins_holds_or_resembles_a_name_is_no_monster(knowledge, text):
    from monsterbot.core.matching.matcher import Outcome

    assert ask(knowledge, text).outcome is not Outcome.MATCH


@pytest.mark.parametrize(("text", "monster_id"), [("lagi", "lagiacrus"), ("velk", "velkhana"), ("gogma", "gogmazios")])
def test_a_short_form_that_is_no_english_word_still_answers(knowledge, text, monster_id):
    assert_matches(knowledge, text, monster_id)


def test_the_english_list_takes_the_words_that_begin_hold_or_resemble_a_latin_name(tmp_path):
    from monsterbot.core.matching.everyday import build_english_words

    words = tmp_path / "words"
    words.write_text("ajar\nAjax\ngossip\nrathalas\ntable\nrathalos\nrat's\n", "utf-8")
    assert build_english_words(["ajarakan", "goss", "tigrex", "rathalos", "火龍"], words) == "ajar\ngossip\nrathalas\n"


def test_an_english_word_made_of_a_name_and_the_next_words_letters_is_not_masked(knowledge):
    """ "lost" holds the alias "los"; in "rathalos than", glued by the parser, its "los" is Rathalos' own."""
    matcher = knowledge.current.matcher
    assert matcher._mask_everyday_words("rathalosthan") == "rathalosthan"
    assert matcher._mask_everyday_words("ilostit") != "ilostit"  # a word of its own is masked still
    assert matched(ask(knowledge, "rathalos than")).monster_id == "rathalos"


def test_the_common_names_list_takes_short_names_the_dictionaries_count_as_words(tmp_path):
    from monsterbot.core.matching.everyday import build_common_names

    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("海龙 80 nz\n水兽 3 n\n鎧龍的 9 n\n天气 500 n\n", encoding="utf-8")
    cedict = ["# CC-CEDICT", "角龍 角龙 [jiao3 long2] /ceratopsian/", "天氣 天气 [tian1 qi4] /weather/"]
    # 海龍: counted more than COMMON_COUNT; 角龍: a CC-CEDICT headword; 水獸 is a rare word, 鎧龍 and 雌火龍 none
    text = build_common_names(["海龍", "水獸", "角龍", "鎧龍", "雌火龍", "kirin"], dictionary, cedict)
    assert text == "海龙 jieba:80\n角龍 cc-cedict\n"


def test_the_shipped_common_names_load_normalised():
    from monsterbot.core.matching.everyday import common_names

    assert {"海龍", "火龍", "麒麟", "角龍"} <= common_names() and "鎧龍" not in common_names()


def test_look_alike_characters_share_a_radical_and_strokes_within_one():
    from monsterbot.core.matching.lookalike import build_look_alikes

    unihan = [
        "# Unihan_IRGSources.txt",
        *(f"U+{ord(c):04X}\tkIICore\tAGTJHKMP" for c in "刃刀分刑玉王"),
        *(
            f"U+{ord(c):04X}\tkRSUnicode\t{rs}"
            for c, rs in zip("刃刀分刑刄玉王", "18.1 18.0 18.2 18.4 18.1 96.0 96.-1".split(), strict=True)
        ),
        *(
            f"U+{ord(c):04X}\tkTotalStrokes\t{n}"
            for c, n in zip("刃刀分刑刄玉王", "3 2 4 6 3 5 4".split(), strict=True)
        ),
    ]
    # 刑 is three strokes from 刃; 刄 is no IICore character; 玉 and 王 share radical 96, a stroke apart
    assert build_look_alikes("刃王龍", unihan) == "刃 刀分\n王 玉\n"


def test_the_common_names_list_takes_latin_names_an_english_word_list_holds(tmp_path):
    from monsterbot.core.matching.everyday import build_common_names

    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("天气 500 n\n", encoding="utf-8")
    text = build_common_names(["gore", "gog", "kirin", "鎧龍"], dictionary, english=["Gog", "gore", "gored", "table"])
    assert text == "gog scowl\ngore scowl\n"  # "Gog", a proper noun, is a word too; "kirin" is none


@pytest.mark.parametrize(
    ("key", "everyday"),
    [("海龍", True), ("角龍", True), ("鎧龍", False), ("gore", True), ("doshaguma", False), ("キリン", True)]
    + [("ジンオウガ", False), ("ajar", True), ("talioth", True), ("lagi", False)],
)
def test_is_everyday_tells_names_that_are_words_of_their_language(key, everyday):
    from monsterbot.core.matching.everyday import is_everyday

    assert is_everyday(key) is everyday


def test_the_common_names_list_takes_short_forms_that_are_words(tmp_path):
    from monsterbot.core.matching.everyday import build_common_names

    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("风神 37 n\n风神龙 9 n\n锁刃 2 n\n", encoding="utf-8")
    # 風神 begins 風神龍 and is a word; 鎖刃 is counted too rarely
    assert build_common_names(["風神龍", "鎖刃龍"], dictionary) == "风神 jieba:37\n风神龙 jieba:9\n"


def test_a_monster_named_by_an_english_word_is_named_after_it_in_every_language(tmp_path):
    from monsterbot.core.matching.everyday import build_common_names, is_everyday

    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("天气 500 n\n", encoding="utf-8")
    monsters = [("behemoth", ["behemoth", "貝希摩斯"]), ("doshaguma", ["doshaguma", "闢獸"])]
    text = build_common_names(["behemoth", "貝希摩斯", "doshaguma"], dictionary, (), ["behemoth"], monsters)
    assert text == "behemoth scowl\n貝希摩斯 scowl:behemoth\n"
    assert is_everyday("貝希摩斯") and is_everyday("ベヒーモス")  # the shipped list


def test_the_small_monsters_list_takes_the_games_small_monsters_but_no_piece_of_a_name():
    from monsterbot.core.matching.everyday import build_small_monsters, small_monster_names

    def entry(name: str, ja: str, en: str, tw: str, cn: str) -> dict[str, object]:
        content = [ja, en, *([""] * 10), tw, cn]
        return {"name": name, "content": content}

    wilds = {
        "entries": [
            entry("EnemyText_NAME_EM0021_00_0", "ババコンガ", "Congalala", "桃毛獸王", "桃毛兽王"),  # large: left
            entry(
                "EnemyText_NAME_EM1022_00_0", "コンガ", "Conga", "桃毛獸", "桃毛兽"
            ),  # pieces of 桃毛獸王, ババコンガ
            entry("EnemyText_NAME_EM1163_00_0", "ネルスキュラベビー", "Nerscylla Hatchling", "稚影蜘蛛", "稚影蜘蛛"),
            entry("EnemyText_NAME_EM1150_00_0", "ケラトノス♂", "Ceratonoth (Male)", "雷甲龍♂", "雷甲龙♂"),
        ]
    }
    world = [{"size": "small", "name_en": "Jagras", "name_ja": "ジャグラス", "name_zh": "凶豺龍"}]
    keys = ["桃毛獸王", "ババコンガ", "congalala", "nerscylla", "影蜘蛛"]
    assert build_small_monsters(keys, small_monster_names(wilds, world)).split("\n") == [
        "Ceratonoth",
        "Jagras",
        "Nerscylla Hatchling",
        "ケラトノス",
        "ジャグラス",
        "ネルスキュラベビー",
        "凶豺龍",
        "稚影蜘蛛",
        "雷甲龍",
        "雷甲龙",
        "",
    ]


@pytest.mark.parametrize("text", ["nerscylla hatchling weakness", "稚影蜘蛛的弱點"])
def test_a_small_monster_named_after_a_large_one_is_not_the_large_one(knowledge, text):
    from monsterbot.core.matching.reading import read

    # the Wilds text names the hatchling (ネルスキュラベビー, 稚影蜘蛛) a small monster of its own
    assert not read(text, knowledge.current.matcher).answers


def test_a_small_monsters_name_inside_a_roster_name_is_a_common_name(tmp_path):
    from monsterbot.core.matching.everyday import build_common_names, is_everyday

    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("天气 500 n\n", encoding="utf-8")
    text = build_common_names(["雪獅子王"], dictionary, small=["雪狮子", "Talioth"])
    assert text == "雪狮子 game:small\n"  # Blango, a piece of Blangonga's name; Talioth is none's piece
    assert is_everyday("雪獅子") and is_everyday("ブランゴ")  # the shipped list
