"""Reading a message as players mean it (core/matching/reading.py) and the answers the handlers give from it:
several names compared, an element alone, variant words on shortened names, a variant the knowledge lacks, the form
a named game holds, and names used for something else."""

from __future__ import annotations

from typing import Any

import pytest

from monsterbot.conversation import ChatKind, Conversation
from monsterbot.core.matching.reading import SAID_OF, Verdict, read


def _read(knowledge: Any, text: str):
    return read(text, knowledge.current.matcher)


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("銀レウス", "silver-rathalos"),
        ("レウス希少種", "silver-rathalos"),
        ("火龍稀有種", "silver-rathalos"),
        ("雌火龍稀有種", "gold-rathian"),
        ("ディア亜種", "black-diablos"),
        ("frostfang barry", "frostfang-barioth"),
        ("stygian zino", "stygian-zinogre"),
        ("rathalosweakness", "rathalos"),
        ("ヌシミツネ", "apex-mizutsune"),
        ("護竜レウス", "guardian-rathalos"),
        ("傀異克服クシャル", "risen-kushala-daora"),
    ],
)
def test_a_variant_word_composes_with_a_shortened_base_in_any_language(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("ナルガ亜種", "nargacuga"),
        ("綠迅龍", "nargacuga"),
        ("green narga", "nargacuga"),
        ("金レウス", "rathalos"),
        ("gold rathalos", "rathalos"),
        ("黑炎王火龍", "rathalos"),
        ("dreadking rathalos", "rathalos"),
        ("apex narga", "nargacuga"),
        ("首領迅龍", "nargacuga"),
    ],
)
def test_a_variant_the_knowledge_lacks_is_never_answered_but_offers_its_base(knowledge, text, base):
    reading = _read(knowledge, text)
    assert reading.verdict in (Verdict.UNKNOWN, Verdict.ASK) and base in reading.monsters, reading


def test_the_variant_words_the_names_show_are_found_in_the_names(knowledge):
    from monsterbot.core.matching.family import family

    words = {word for word, _ in family(knowledge.current.matcher).words}
    assert {"apex", "guardian", "risen", "ヌシ", "首領", "霸主", "護"} <= words
    assert "雌" not in words  # 雌火龍 is one monster's name built on 火龍: no variant word


@pytest.mark.parametrize(
    "text",
    [
        "動物園でキリンを見た",
        "ウルトラマンティガ見た",
        "侏羅紀公園的棘龍",
        "gossip",
        "magnet",
        "xenon lamp",
        "fast and furious",
        "coral",
        "nightshades",
    ],
)
def test_a_name_used_for_something_else_gets_no_card(knowledge, text):
    assert not _read(knowledge, text).answers


@pytest.mark.parametrize(
    ("text", "topic"), [("ice", "ice"), ("Fire", "fire"), ("dragon?", "dragon"), ("氷属性", "ice")]
)
def test_an_element_alone_is_a_reverse_lookup(knowledge, text, topic):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.topic) == (Verdict.REVERSE, topic)


def test_several_names_compare_every_one(knowledge):
    reading = _read(knowledge, "rey dau, uth duna, jin dahaad, nu udra")
    assert (reading.verdict, reading.monsters) == (Verdict.COMPARE, ("rey-dau", "uth-duna", "jin-dahaad", "nu-udra"))


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("荒野 蠻顎龍", "guardian-fulgur-anjanath"),
        ("wilds odogaron", "guardian-ebony-odogaron"),
        ("wilds rathalos", "rathalos"),
    ],
)
def test_a_game_named_with_a_monster_it_holds_only_as_another_form_answers_that_form(knowledge, text, monster_id):
    assert _read(knowledge, text).monsters == (monster_id,)


def _answer(knowledge: Any, text: str, chat: ChatKind = ChatKind.USER):
    return Conversation(knowledge).reply_to_text(text, chat, False, "chat")


def test_the_bot_compares_three_names_in_one_table(knowledge):
    answer = _answer(knowledge, "火龍 vs 雌火龍 vs 銀火龍")
    assert answer.kind == "compare" and [m.id for m in answer.monsters] == ["rathalos", "rathian", "silver-rathalos"]
    assert "銀火龍" in answer.messages[0].data["altText"]


def test_the_bot_answers_the_form_and_says_a_missing_variant_is_not_known(knowledge):
    assert [m.id for m in _answer(knowledge, "荒野 蠻顎龍").monsters] == ["guardian-fulgur-anjanath"]
    missing = _answer(knowledge, "ナルガ亜種")
    assert missing.kind == "not_found" and [m.id for m in missing.monsters] == ["nargacuga"]


def test_the_bot_gives_no_card_for_a_name_in_a_sentence_about_something_else(knowledge):
    assert _answer(knowledge, "動物園でキリンを見た").kind == "not_found"
    assert _answer(knowledge, "動物園でキリンを見た", ChatKind.GROUP).messages == []
    assert _answer(knowledge, "ice").kind == "reverse"


def test_a_comparison_of_names_alone_is_answered_in_a_group_and_chatter_is_not(knowledge):
    assert _answer(knowledge, "煌雷龍、波衣龍、凍峰龍", ChatKind.GROUP).kind == "compare"
    assert _answer(knowledge, "昨天打火龍跟雌火龍好累", ChatKind.GROUP).messages == []


@pytest.mark.parametrize("text", ["kiran", "lunar", "白龍"])
def test_a_name_too_far_from_the_message_is_not_asked_about(knowledge, text):
    """A likeness under the ask floor (one letter of five changed: "kiran" for Kirin, 80): silence, no "which one?"."""
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.NONE, ()), reading
    assert _answer(knowledge, text).monsters == ()  # and the bot offers no "did you mean" either


def test_a_close_spelling_is_still_asked_about(knowledge):
    reading = _read(knowledge, "ratha")
    assert reading.verdict is Verdict.ASK and {"rathalos", "rathian"} <= set(reading.monsters)


@pytest.mark.parametrize(("text", "monster_id"), [("lunas", "lunastra"), ("gypce", "gypceros"), ("冰牙", "barioth")])
def test_a_short_part_of_a_longer_name_is_asked_about_not_answered(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert reading.verdict is Verdict.ASK and monster_id in reading.monsters, reading


@pytest.mark.parametrize(("text", "monster_id"), [("kushal", "kushala-daora"), ("espina", "espinas")])
def test_a_name_missing_its_last_letter_is_still_answered(knowledge, text, monster_id):
    assert _read(knowledge, text).monsters == (monster_id,)


def test_one_han_character_still_asks_which_of_its_names_and_two_letters_do_not(knowledge):
    assert _read(knowledge, "鎧").verdict is Verdict.ASK
    assert _read(knowledge, "ze").verdict is Verdict.NONE


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("鏖魔ディアブロス", "diablos"),
        ("大雪主ウルクスス", "lagombi"),
        ("金雷公ジンオウガかっこいい", "zinogre"),  # a sentence said of it after the name
    ],
)
def test_a_title_before_a_name_is_a_variant_the_knowledge_lacks(knowledge, text, base):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.UNKNOWN, (base,)), reading


@pytest.mark.parametrize("text", ["雷狼龍星人", "zinogre movie", "tigrex comic", "大雷狼龍", "伝説のリオレウス"])
def test_a_word_after_a_name_or_a_one_character_modifier_makes_it_something_else(knowledge, text):
    """What follows a name makes it part of another word or title; a title stands before the name, as two or three
    Han characters or one Latin word, never one character (大) or a phrase with a particle (の)."""
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.NONE, ()), reading


@pytest.mark.parametrize(("text", "monster_id"), [("ゲリョスの攻略", "gypceros"), ("ゲリョスの素材", "gypceros")])
def test_a_katakana_name_ends_where_a_hiragana_particle_begins(knowledge, text, monster_id):
    assert _read(knowledge, text).monsters == (monster_id,)


def test_a_katakana_name_inside_a_longer_katakana_word_is_still_that_word(knowledge):
    assert not _read(knowledge, "ウルトラマンティガ").answers


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("雷狼龍的尾巴怎麼斷", "zinogre"),
        ("轟龍打頭還是打腳", "tigrex"),
        ("ディアブロスの角は壊せる", "diablos"),
        ("how do you kill tigrex", "tigrex"),
        ("tigrex fight strategy", "tigrex"),
        ("where should i hit nargacuga", "nargacuga"),
    ],
)
def test_a_name_in_a_hunters_question_is_answered(knowledge, text, monster_id):
    assert _read(knowledge, text).monsters == (monster_id,)


@pytest.mark.parametrize("text", ["海龍是什麼動物", "キリンの脚は細い", "kirin ichiban is a beer"])
def test_a_question_word_alone_does_not_make_a_sentence_about_the_monster(knowledge, text):
    assert not _read(knowledge, text).answers


@pytest.mark.parametrize(("text", "monster_id"), [("恐暴龍吼個不停", "deviljho"), ("雷狼龍超級帥", "zinogre")])
def test_a_long_han_name_opening_a_remark_is_answered_one_to_one(knowledge, text, monster_id):
    """A Han name of three characters or more opening the message is the monster when more than one word follows it,
    a mark of a sentence or not; one word glued after it may make a compound (雷狼龍星人)."""
    reading = _read(knowledge, text)
    assert reading.monsters == (monster_id,) and reading.why == SAID_OF


@pytest.mark.parametrize("text", ["轟龍咆哮", "火龍果好甜", "恐暴龍吼叫"])
def test_a_short_han_name_before_other_words_is_not_answered(knowledge, text):
    assert not _read(knowledge, text).answers


@pytest.mark.parametrize("text", ["lagi movie weakness", "gogma history weakness", "magna carta weakness"])
def test_a_latin_short_form_heading_another_word_is_not_what_the_hunters_word_asks_about(knowledge, text):
    """A short form (an alias, a fragment) followed by a word of another kind heads a longer name of something else:
    the hunter's word after it asks about that."""
    assert not _read(knowledge, text).answers


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [("lagi tail break", "lagiacrus"), ("best element for gogma", "gogmazios"), ("is magna weak to ice", "magnamalo")],
)
def test_a_latin_short_form_next_to_its_hunters_words_is_answered(knowledge, text, monster_id):
    assert _read(knowledge, text).monsters == (monster_id,)


@pytest.mark.parametrize(
    ("text", "monster_id"), [("ジンオウガ暴れすぎ", "zinogre"), ("ティガレックス突進してくる", "tigrex")]
)
def test_a_katakana_name_a_japanese_verb_follows_is_answered_one_to_one(knowledge, text, monster_id):
    """Han characters inflected by hiragana after a katakana name are a verb or adjective said of it."""
    reading = _read(knowledge, text)
    assert reading.monsters == (monster_id,) and reading.why == SAID_OF


def test_a_katakana_name_inside_a_longer_word_stays_that_word_before_a_verb(knowledge):
    assert not _read(knowledge, "ウルトラマンティガ変身する").answers


@pytest.mark.parametrize(
    ("text", "monster_id"), [("deviljho drool how gross", "deviljho"), ("nargacuga eyes why red", "nargacuga")]
)
def test_a_question_word_after_a_long_latin_name_and_its_topic_asks_about_it(knowledge, text, monster_id):
    assert _read(knowledge, text).monsters == (monster_id,)


def test_a_word_after_a_long_latin_name_with_no_question_is_something_else(knowledge):
    assert not _read(knowledge, "deviljho drool is gross").answers


@pytest.mark.parametrize(
    ("text", "monster_id"), [("xu wu keeps grabbing me", "xu-wu"), ("tempered zinogre is so fast", "zinogre")]
)
def test_an_english_sentence_said_of_a_name_of_words_or_of_an_individual_is_answered(knowledge, text, monster_id):
    """A Latin name of several words is coined however short; an individual's word ("tempered") before the name is
    part of the subject, as no other word before it is ("the zinogre is so fast")."""
    reading = _read(knowledge, text)
    assert reading.monsters == (monster_id,) and reading.why == SAID_OF
    assert not _read(knowledge, "the zinogre is so fast").answers


def test_a_variant_word_beside_the_name_in_a_question_is_read_with_it(knowledge):
    assert _read(knowledge, "護竜リオレウスの倒し方").monsters == ("guardian-rathalos",)
    assert _read(knowledge, "ナルガ亜種の倒し方").verdict is Verdict.UNKNOWN


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [("轟龍到底有什麼弱點", "tigrex"), ("求問迅龍肉質", "nargacuga"), ("ティガレックスって何属性が効く", "tigrex")],
)
def test_the_question_words_the_parser_took_off_still_ask_about_the_name(knowledge, text, monster_id):
    assert _read(knowledge, text).monsters == (monster_id,)


def test_a_misspelt_name_in_a_question_is_heard_once_the_question_is_off(knowledge):
    assert _read(knowledge, "黄雷龙要带什么").monsters == ("rey-dau",)  # 黃雷龍 sounds as 煌雷龍


def test_letters_after_a_latin_name_glue_only_one_whole_question_word(knowledge):
    assert not _read(knowledge, "kushioned").answers and _read(knowledge, "rathalosweakness").answers


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [("歴戦王ゴア・マガラ", "gore-magala"), ("tempered tigrex", "tigrex"), ("狂竜化ナルガクルガの弱点", "nargacuga")],
)
def test_a_strong_individual_of_a_monster_is_that_monster(knowledge, text, monster_id):
    assert _read(knowledge, text).monsters == (monster_id,)


def test_a_risen_monster_is_still_a_monster_of_its_own(knowledge):
    assert _read(knowledge, "傀異克服クシャル").monsters == ("risen-kushala-daora",)


def test_a_katakana_name_shortened_to_its_first_morae_is_answered(knowledge):
    assert _read(knowledge, "ヌシジン").monsters == ("apex-zinogre",)  # 4 of ヌシジンオウガ's 7


def test_chinese_or_japanese_names_separated_by_spaces_are_compared(knowledge):
    reading = _read(knowledge, "轟龍 迅龍 雷狼龍")
    assert (reading.verdict, reading.monsters) == (Verdict.COMPARE, ("tigrex", "nargacuga", "zinogre"))
    assert _read(knowledge, "ナルガクルガ ティガレックス").verdict is Verdict.COMPARE
    assert _read(knowledge, "火龍 肉質").verdict is not Verdict.COMPARE  # a part word is no name


def test_the_bot_compares_names_separated_by_spaces(knowledge):
    answer = _answer(knowledge, "轟龍 迅龍 雷狼龍")
    assert answer.kind == "compare" and [m.id for m in answer.monsters] == ["tigrex", "nargacuga", "zinogre"]


@pytest.mark.parametrize("text", ["zinogre 2", "kirin 2", "tigrex 3"])
def test_a_latin_name_with_a_number_is_the_title_of_something_else(knowledge, text):
    assert _read(knowledge, text).verdict is Verdict.NONE


def test_an_element_asked_after_question_words_is_that_elements_answer(knowledge):
    """Words between the name and the element are a question's ("該用"), not a longer word glued to the name."""
    assert _answer(knowledge, "迅龍該用雷屬性嗎").kind == "element"
    assert _answer(knowledge, "電龍頭").kind == "not_found"  # a faucet: the name glued to 頭 is another word


@pytest.mark.parametrize(
    ("text", "monster"), [("火龍頭部弱點", "rathalos"), ("火龙头部弱点", "rathalos"), ("雷狼龍尾巴肉質", "zinogre")]
)
def test_a_part_and_a_question_glued_to_the_name_ask_for_that_part(knowledge, text, monster):
    """The part's word glued to the name is followed by a question's: the part asked, not a longer word (電龍頭)."""
    answer = _answer(knowledge, text)
    assert answer.kind == "part" and [m.id for m in answer.monsters] == [monster], answer
    assert _answer(knowledge, "火龍頭部").kind == "not_found"  # a part's word alone glued to it: "did you mean?"


@pytest.mark.parametrize("text", ["火が弱点のモンスター", "水が効くモンスター", "龍属性が弱点のモンスター"])
def test_a_japanese_reverse_question_leaves_no_particle_to_be_read_as_a_name(knowledge, text):
    """Once its element and markers are taken, a particle (の) or a verb's ending (く of 効く) is left: no name beside
    the element, so the monsters weak to it, not "which one?" among names the kana is in."""
    assert _answer(knowledge, text).kind == "reverse"


def test_a_homophone_of_a_whole_name_is_that_name_not_a_variant_word_before_another(knowledge):
    """白赤龍 is said as 白熾龍 (Zoh Shia); 白 + 赤龍 (Safi'jiiva's alias) would be a white Safi'jiiva we lack."""
    assert _read(knowledge, "白赤龙怎么打").monsters == ("zoh-shia",)
    assert _read(knowledge, "黑鎧龍").verdict is Verdict.UNKNOWN  # no name sounds so: a black Gravios we lack


def test_a_likeness_counts_from_its_floor_up():
    """A likeness scoring ASK_FLOOR is near enough to ask about, one under it is not; only a key sounding exactly as
    the whole subject (SOUND_ALIKE) is heard as one name, never a near spelling (no corpus line scores these edges)."""
    from monsterbot.core.matching.matcher import Candidate, MatchResult, Method, Outcome
    from monsterbot.core.matching.phonetic import SOUND_ALIKE
    from monsterbot.core.matching.reading import ASK_FLOOR, _close_enough_to_ask, _sounds_as_one_name

    def likeness(score: float, method: Method = Method.FUZZY) -> Candidate:
        return Candidate("tigrex", score, "tigrex", "en", method, True)

    assert _close_enough_to_ask("tigrez", likeness(ASK_FLOOR))
    assert not _close_enough_to_ask("tigrez", likeness(ASK_FLOOR - 0.1))
    heard = [
        _sounds_as_one_name(MatchResult(Outcome.MATCH, (likeness(score, Method.PHONETIC),)))
        for score in (SOUND_ALIKE, 90.0)  # exact; the best a near spelling scores (its ratio times NEAR_WEIGHT)
    ]
    assert heard == [True, False]


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("千刃怎麼打", "seregios"),  # 千刃龍 but its kind character, with a hunting word
        ("雌火弱點", "rathian"),
        ("天彗怎麼打", "crimson-glow-valstrax"),
        ("jin weakness", "jin-dahaad"),  # the first word of "jin dahaad"
        ("lala weakness", "lala-barina"),
    ],
)
def test_a_short_form_that_begins_one_name_is_answered_in_a_hunters_question(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


@pytest.mark.parametrize(
    "text",
    [
        "冰牙",  # alone, an element word leading it: an ice fang
        "影蜘",  # a piece of its kind, 蜘蛛, left on it
        "lala",
        "basar",  # a fragment of one Latin word, alone
        "seregi",
        "bas weakness",  # a fragment of PART_LETTERS letters: too short even in a question
        "青熊弱點",  # a colour and a thing: a description of its own
        "黑蝕弱點",
        "yian weakness",  # begins two names
    ],
)
def test_a_short_form_without_the_evidence_is_not_answered(knowledge, text):
    assert not _read(knowledge, text).answers


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [("千刃", "seregios"), ("爆鱗", "bazelgeuse"), ("雌火", "rathian"), ("影蜘蛛要帶什麼", "nerscylla")],
)
def test_a_han_name_without_its_kind_is_answered_alone(knowledge, text, monster_id):
    """The kind (龍, 蜘蛛: an ending several names share and no name is) left off; 雌火 keeps 火 of 火龍, a name."""
    assert _read(knowledge, text).monsters == (monster_id,)


@pytest.mark.parametrize(
    ("text", "monster_id"), [("青リオレウス", "azure-rathalos"), ("blue rathalos", "azure-rathalos")]
)
def test_blue_is_the_azure_of_the_variant_names(knowledge, text, monster_id):
    assert _read(knowledge, text).monsters == (monster_id,)


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("silver rat", "silver-rathalos"),  # the beginning of names of several monsters
        ("gold rathi", "gold-rathian"),  # Rathian's names and its variants' begin so
        ("azure rath", "azure-rathalos"),  # a nickname of two: only one has an azure variant
    ],
)
def test_a_variant_word_narrows_a_shortened_base_to_the_one_with_that_variant(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


@pytest.mark.parametrize("text", ["apex rath", "silver xx", "gold coin", "black los"])
def test_a_variant_word_that_leaves_several_bases_or_none_is_not_answered(knowledge, text):
    assert not _read(knowledge, text).answers


@pytest.mark.parametrize("text", ["jho vs savage deviljho", "ジョー vs イビルジョー飢餓"])
def test_a_compared_side_is_not_the_monster_another_side_names(knowledge, text):
    reading = _read(knowledge, text)
    assert (reading.verdict, set(reading.monsters)) == (Verdict.COMPARE, {"deviljho", "savage-deviljho"}), reading


def test_a_compared_side_that_still_offers_several_is_asked(knowledge):
    assert _read(knowledge, "rath vs gold rathian").verdict is Verdict.ASK  # Rathalos or Rathian: still two


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [("怨嗟マガイマガド弱点", "scorned-magnamalo"), ("原初メル・ゼナ", "primordial-malzeno")],
)
def test_a_variant_title_shortened_to_its_first_han_characters_is_that_variant(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


def test_a_shortened_title_of_another_monster_is_not_this_ones_variant(knowledge):
    assert not _read(knowledge, "原初ティガレックス").answers  # Primordial is Malzeno's title, not Tigrex's


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [("guardian anjanath", "guardian-fulgur-anjanath"), ("護竜オドガロン", "guardian-ebony-odogaron")],
)
def test_a_variant_word_on_a_base_reaches_the_one_form_of_it_that_has_that_variant(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


def test_a_variant_word_no_form_of_the_base_has_is_still_not_in_our_knowledge(knowledge):
    assert _read(knowledge, "護竜ティガ").verdict is Verdict.UNKNOWN


@pytest.mark.parametrize(
    ("text", "verdict"),
    [("who takes ice damage best", Verdict.REVERSE), ("rathalos fire monsters who", Verdict.ANSWER)],
)
def test_a_name_beside_an_element_and_a_word_asking_for_monsters_is_a_question_about_it(knowledge, text, verdict):
    assert _read(knowledge, text).verdict is verdict


@pytest.mark.parametrize(("text", "monster_id"), [("anjanatj", "anjanath"), ("how to beat anjanatj", "anjanath")])
def test_a_word_holding_a_short_name_is_the_whole_name_it_misspells(knowledge, text, monster_id):
    """A shorter name inside a longer word is no evidence; the word is a typo of a longer name of one monster."""
    assert _read(knowledge, text).monsters == (monster_id,)


@pytest.mark.parametrize("text", ["gorey", "mizuki", "zinoman"])
def test_a_word_holding_a_short_name_and_no_longer_one_is_not_answered(knowledge, text):
    assert not _read(knowledge, text).answers


def test_a_katakana_name_one_sound_off_is_answered_when_no_other_is_near(knowledge):
    assert _read(knowledge, "ジンオガウ").monsters == ("zinogre",)  # two neighbours swapped


def test_a_katakana_spelling_between_two_names_is_not_answered(knowledge):
    assert not _read(knowledge, "リオレイス").answers  # リオレイア and リオレウス both one off


@pytest.mark.parametrize(
    ("text", "verdict", "monsters"),
    [
        ("火龍還是雌火龍", Verdict.COMPARE, ("rathalos", "rathian")),  # 還是: or
        ("雷狼龍比較難嗎", Verdict.ANSWER, ("zinogre",)),  # 比較 before its last word: "more", not "compared with"
        ("迅龍用水還是雷", Verdict.ANSWER, ("nargacuga",)),  # the elements are compared, not monsters
        ("轟龍還是好難打", Verdict.ANSWER, ("tigrex",)),  # a side of question words is no name
        ("how hard is rathalos", Verdict.ANSWER, ("rathalos",)),
    ],
)
def test_a_comparison_is_of_the_names_it_holds(knowledge, text, verdict, monsters):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (verdict, monsters), reading


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [("ジンオウガに氷って効く？", "zinogre"), ("ナルガの弱点って雷？", "nargacuga"), ("ティガに効く属性", "tigrex")],
)
def test_a_katakana_name_run_into_its_particle_is_read_before_it(knowledge, text, monster_id):
    assert _read(knowledge, text).monsters == (monster_id,)


def test_a_katakana_name_before_a_particle_in_a_sentence_is_not_answered(knowledge):
    assert not _read(knowledge, "ナルガの森で迷子になった").answers


@pytest.mark.parametrize(
    ("text", "monster_id"), [("AT nergigante", "nergigante"), ("best element vs rey dau", "rey-dau")]
)
def test_words_of_the_question_are_not_a_name(knowledge, text, monster_id):
    """AT: arch-tempered, an individual's word; "best element" is a side of question words, not of a comparison."""
    assert _read(knowledge, text).monsters == (monster_id,)


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("ナルガクルガ弱点まとめ", "nargacuga"),  # と inside まとめ separates nothing
        ("@bot 迅龍", "nargacuga"),  # a mention opening the message
        ("有人知道迅龍弱點嗎", "nargacuga"),
        ("打迅龍要準備什麼", "nargacuga"),
        ("ナルガクルガ苦手なんだけどコツある？", "nargacuga"),
        ("nargacuga hitzone values?", "nargacuga"),
    ],
)
def test_a_question_around_a_name_asks_about_it(knowledge, text, monster_id):
    assert _read(knowledge, text).monsters == (monster_id,)


@pytest.mark.parametrize("text", ["how to beat a tigrex in darksouls 3", "巫師3 迅龍打法", "where to hit nargacuga"])
def test_a_numbered_title_or_a_question_word_is_no_title_of_the_name(knowledge, text):
    reading = _read(knowledge, text)
    assert reading.verdict is not Verdict.UNKNOWN and (not reading.answers or reading.monsters == ("nargacuga",))


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [("where can i find nargacuga at night", "nargacuga"), ("ナルガクルガの尻尾ってどうやって切るの", "nargacuga")],
)
def test_a_question_about_a_long_name_standing_alone_is_answered(knowledge, text, monster_id):
    assert _read(knowledge, text).monsters == (monster_id,)


@pytest.mark.parametrize(
    "text", ["where can i buy kirin beer", "キリンの首って何個骨がある？", "nargacuga stickers on sale"]
)
def test_a_short_name_or_no_question_is_not_answered_so(knowledge, text):
    assert not _read(knowledge, text).answers


@pytest.mark.parametrize(("text", "monster_id"), [("千刃用什麼屬性打", "seregios"), ("爆鱗要帶什麼", "bazelgeuse")])
def test_a_han_short_form_opening_a_question_is_answered(knowledge, text, monster_id):
    assert _read(knowledge, text).monsters == (monster_id,)


def test_a_han_short_form_running_into_another_word_is_not(knowledge):
    assert not _read(knowledge, "千刃巨獸弱點").answers  # 巨獸 goes on a name of its own


@pytest.mark.parametrize(
    ("text", "monsters"),
    [
        ("迅龍 雷狼龍 轟龍 哪個最好打", ("nargacuga", "zinogre", "tigrex")),  # a list, then its question
        ("ナルガクルガとジンオウガの違い", ("nargacuga", "zinogre")),
        ("ナルガクルガとジンオウガどっちが強い", ("nargacuga", "zinogre")),
    ],
)
def test_a_comparison_with_its_question_compares_the_names(knowledge, text, monsters):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.COMPARE, monsters), reading


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [("can you break rey dau's horns", "rey-dau"), ("雷狼龍一直電我怎麼辦", "zinogre")],
)
def test_a_question_about_a_name_of_words_or_three_han_characters_is_answered(knowledge, text, monster_id):
    assert _read(knowledge, text).monsters == (monster_id,)


def test_a_question_about_a_two_character_han_name_needs_a_hunters_word(knowledge):
    assert not _read(knowledge, "海龍是不是保育類").answers  # 海龍: a sea dragon, and Lagiacrus


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("nargacuga keeps hiding in the grass, how do i find it", "nargacuga"),  # a comma joins clauses
        ("can't break nargacuga tail, help", "nargacuga"),
        ("【求助】迅龍", "nargacuga"),
        ("有人知道雷狼弱點嗎", "zinogre"),
    ],
)
def test_a_sentence_asking_about_a_name_is_answered(knowledge, text, monster_id):
    assert _read(knowledge, text).monsters == (monster_id,)


def test_a_titles_head_before_its_bases_short_form_is_the_variant(knowledge):
    assert _read(knowledge, "原初メル 弱点").monsters == ("primordial-malzeno",)


def test_a_number_apart_from_the_name_is_no_title(knowledge):
    assert _read(knowledge, "nargacuga weak 2 what").monsters == ("nargacuga",)  # "2": "to"
    assert not _read(knowledge, "nargacuga 2").answers  # a sequel's title


@pytest.mark.parametrize(("text", "monster_id"), [("basar weakness", "basarios"), ("how to beat nargac", "nargacuga")])
def test_a_latin_fragment_of_one_name_in_a_hunters_question_is_answered(knowledge, text, monster_id):
    assert _read(knowledge, text).monsters == (monster_id,)


@pytest.mark.parametrize(
    ("text", "monster_id"), [("is blango weak to fire", "blangonga"), ("where do i hit tigr", "tigrex")]
)
def test_a_latin_short_form_among_a_questions_words_is_answered(knowledge, text, monster_id):
    assert _read(knowledge, text).monsters == (monster_id,)


def test_a_latin_fragment_in_a_sentence_without_a_hunters_word_is_not(knowledge):
    assert not _read(knowledge, "my friend blango is here").answers


@pytest.mark.parametrize(
    ("text", "verdict", "monsters"),
    [
        ("rath weakness anyone?", Verdict.ASK, {"rathalos", "rathian"}),  # a nickname two monsters share
        ("tigrex weakness anyone", Verdict.ANSWER, {"tigrex"}),
        ("can anyone tell me zinogre weakness", Verdict.ANSWER, {"zinogre"}),
    ],
)
def test_the_words_that_open_a_question_are_no_part_of_the_name(knowledge, text, verdict, monsters):
    reading = _read(knowledge, text)
    assert reading.verdict is verdict and monsters <= set(reading.monsters)


@pytest.mark.parametrize(
    ("text", "monsters"),
    [
        ("青蛙怪弱点", {"chatacabra", "tetranadon"}),  # 纏蛙 and 河童蛙: the names say they are frogs
        ("螃蟹怎么打", {"daimyo-hermitaur", "shogun-ceanataur"}),  # 鎧蟹, 盾蟹
    ],
)
def test_a_kind_few_monsters_share_asks_which_one(knowledge, text, monsters):
    reading = _read(knowledge, text)
    assert reading.verdict is Verdict.ASK and set(reading.monsters) == monsters


@pytest.mark.parametrize(
    "text",
    [
        "兔子弱點",  # 子 ends only Rajang's family's names (獅子): a kind of one monster
        "青龍怪弱点",  # 龍 ends too many names to ask among
        "青蛙好可愛",  # no hunter's question
    ],
)
def test_a_kind_of_one_family_many_monsters_or_no_question_names_no_one(knowledge, text):
    assert _read(knowledge, text).why != "a kind few monsters share"


@pytest.mark.parametrize(
    ("text", "monsters"),
    [
        ("rathalos vs tigrex which one hits harder", ("rathalos", "tigrex")),
        ("zinogre or stygian zinogre for thunder weapons", ("zinogre", "stygian-zinogre")),
        ("nargacuga vs tigrex on ice", ("nargacuga", "tigrex")),  # the element they are compared on
    ],
)
def test_the_last_name_of_a_list_may_carry_the_comparisons_question(knowledge, text, monsters):
    reading = _read(knowledge, text)
    assert reading.verdict is Verdict.COMPARE and reading.monsters == monsters


@pytest.mark.parametrize("text", ["fast and furious 9 was great", "暴龍跟棘龍誰比較大"])
def test_a_list_whose_other_words_name_no_monster_compares_nothing(knowledge, text):
    assert _read(knowledge, text).verdict is Verdict.NONE


@pytest.mark.parametrize(
    ("text", "monster_id"), [("rathalos fire or thunder?", "rathalos"), ("zinogre ice or water?", "zinogre")]
)
def test_english_elements_compared_after_a_name_ask_about_that_name(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert reading.verdict is Verdict.ANSWER and reading.monsters == (monster_id,)


@pytest.mark.parametrize(
    ("text", "monster_id", "game"),
    [("Wildsのリオレウス", "rathalos", "wilds"), ("mhworldのネルギガンテ弱点", "nergigante", "world")],
)
def test_a_game_glued_to_a_japanese_name_is_the_game(knowledge, text, monster_id, game):
    from monsterbot.core.matching.question import parse

    assert parse(text).game == game
    reading = _read(knowledge, text)
    assert reading.verdict is Verdict.ANSWER and reading.monsters == (monster_id,)


@pytest.mark.parametrize(
    ("text", "monster_id"), [("tempered gogma weakness", "gogmazios"), ("the dosha weakness", "doshaguma")]
)
def test_a_question_word_before_a_short_form_is_no_title(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert reading.verdict is Verdict.ANSWER and reading.monsters == (monster_id,)


@pytest.mark.parametrize("text", ["rathalos and rathian are a couple", "zinogre and stygian zinogre look cool"])
def test_two_names_in_a_remark_are_no_comparison(knowledge, text):
    """The words after the last name must ask something (a question mark, which/who, a hunter's word): in a group,
    a remark naming two monsters gets silence, not a comparison card."""
    assert _read(knowledge, text).verdict is not Verdict.COMPARE


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("stormlord zinogre weakness?", "zinogre"),
        ("is thunderlord zinogre weak to ice", "zinogre"),
        ("where do i hit flamefang rathalos", "rathalos"),
        ("what is dreadqueen rathian weak to", "rathian"),
    ],
)
def test_a_title_the_knowledge_lacks_before_a_name_in_a_question_offers_the_base(knowledge, text, base):
    """A word right before the name that is no word of a sentence or question names a variant we do not have: never
    the base's card."""
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.UNKNOWN, (base,)), reading


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("is guardain arkveld weak to fire", "guardian-arkveld"),
        ("best element for guardain rathalos", "guardian-rathalos"),
    ],
)
def test_a_misspelt_variant_word_before_a_name_is_that_variant(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("how do i dodge gore magala's dive", "gore-magala"),  # a verb after "i"
        ("how to unlock arkveld", "arkveld"),  # a verb after "to"
        ("which element works on rathalos", "rathalos"),  # a preposition
        ("what element damages arkveld best", "arkveld"),  # an inflected word
        ("best element for elder dragon nergigante", "nergigante"),  # an element's word
        ("violet mizu weakness", "violet-mizutsune"),  # a word of a known variant's name
    ],
)
def test_a_verb_a_sentences_word_or_a_known_variants_word_before_a_name_is_no_title(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


@pytest.mark.parametrize(
    ("text", "monster_id"), [("迅龍打頭還是打尾", "nargacuga"), ("雷狼龍打尾巴還是打頭", "zinogre")]
)
def test_a_side_of_a_hunters_words_and_parts_is_the_comparisons_question(knowledge, text, monster_id):
    """打尾 comes near 炎尾龍 (尾 is its middle character), but the head and the tail are what is compared."""
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


def test_a_side_that_offered_one_monster_alone_is_no_answer_of_a_comparison(knowledge):
    """噴 is a character of 沼噴龍 only: "which one?", not a comparison card with Rompopolo."""
    assert _read(knowledge, "迅龍跟噴").verdict is not Verdict.COMPARE


@pytest.mark.parametrize(
    ("text", "verdict", "monster_id"),
    [
        ("護竜アンジャナフってどこが弱い？", Verdict.ANSWER, "guardian-fulgur-anjanath"),  # through its one form
        ("護竜ゴアマガラってどう倒す？", Verdict.UNKNOWN, "gore-magala"),
    ],
)
def test_a_variant_word_glued_to_a_name_in_a_question_about_it_is_that_variant(knowledge, text, verdict, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (verdict, (monster_id,)), reading


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [("g arkveld", "guardian-arkveld"), ("g. doshaguma weakness", "guardian-doshaguma"), ("a rathalos", "rathalos")],
)
def test_a_lone_letter_before_a_name_is_the_initial_of_its_variants_word(knowledge, text, monster_id):
    """G. for Guardian; "a" is an English word, no initial."""
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("小弟想請教鎖刃龍的弱點是什麼", "arkveld"),  # a word that opens a question (請教)
        ("能不能說一下迅龍的弱點", "nargacuga"),  # a question of a word, 不 and the word again
        ("【新手】雷狼龍弱點", "zinogre"),  # set off by punctuation
    ],
)
def test_a_chinese_phrase_before_a_name_that_asks_or_stands_apart_is_no_title(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


def test_a_title_glued_before_a_name_still_offers_the_base(knowledge):
    reading = _read(knowledge, "燼滅刃斬龍弱點")
    assert (reading.verdict, reading.monsters) == (Verdict.UNKNOWN, ("glavenus",)), reading


def test_a_lone_letter_before_a_nickname_of_several_offers_their_variants_of_that_initial(knowledge):
    """ "rath" is Rathalos and Rathian: G makes Guardian Rathalos of one and Gold Rathian of the other."""
    reading = _read(knowledge, "g rath weakness")
    assert reading.verdict is Verdict.ASK and "guardian-rathalos" in reading.monsters, reading


@pytest.mark.parametrize(
    ("text", "monster_id"), [("リオレイアに毎回やられる", "rathian"), ("ネルギガンテの棘が痛すぎる", "nergigante")]
)
def test_a_long_katakana_name_a_particle_ends_is_what_the_sentence_is_about(knowledge, text, monster_id):
    """One-to-one the card answers; in a group a name in chatter is not a whole message."""
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters, reading.whole) == (Verdict.ANSWER, (monster_id,), False), reading


def test_a_short_katakana_name_a_particle_ends_in_a_sentence_is_not_answered(knowledge):
    assert _read(knowledge, "ナルガに勝てない").verdict is Verdict.NONE


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("struggling against lagiacrus", "lagiacrus"),
        ("are rathalos wings breakable", "rathalos"),  # break, by its stem
        ("good farming spot for gore magala", "gore-magala"),
        ("anjanath weaknesses and resistances", "anjanath"),  # a hunter's word is no side of a comparison
    ],
)
def test_english_hunters_words_are_read_by_their_stem(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


@pytest.mark.parametrize(
    ("text", "monsters"),
    [
        ("is nargacuga harder than tigrex", {"nargacuga", "tigrex"}),
        ("迅龍比轟龍難打嗎", {"nargacuga", "tigrex"}),  # 火龍 inside 雌火龍 would be no second name; 轟龍 stands apart
        ("zinogre stygian zinogre difference", {"zinogre", "stygian-zinogre"}),
    ],
)
def test_names_apart_in_one_phrase_with_words_that_compare_them_are_compared(knowledge, text, monsters):
    reading = _read(knowledge, text)
    assert reading.verdict is Verdict.COMPARE and set(reading.monsters) == monsters, reading


@pytest.mark.parametrize("text", ["rey dau killed my doshaguma lol", "迅龍吃掉了轟龍"])
def test_names_apart_in_a_sentence_ask_which_one_never_one_card(knowledge, text):
    assert _read(knowledge, text).verdict is Verdict.ASK


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("歷戰雷狼龍用什麼打", "zinogre"),  # before the name, only a word the parser takes off a question
        ("泡狐龍的泡泡能不能躲", "mizutsune"),  # a question of a word, 不 and the word again, about a 3-Han name
    ],
)
def test_a_chinese_question_about_a_name_in_other_forms_is_answered(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [("雌火龍一直飛好煩", "rathian"), ("影蜘蛛に勝てない", "nerscylla"), ("黑蝕龍好帥", "gore-magala")],
)
def test_a_han_name_of_three_characters_with_a_sentence_said_of_it_is_its_subject(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters, reading.whole) == (Verdict.ANSWER, (monster_id,), False), reading


def test_a_two_character_han_name_in_a_sentence_is_not_answered(knowledge):
    assert _read(knowledge, "海龍在睡覺").verdict is Verdict.NONE  # 海龍: the sea's dragon as much as Lagiacrus


def test_a_word_of_any_difficulty_is_no_hunters_word(knowledge):
    """Kirin is a beer and a giraffe too: "stuck" is said of traffic as readily as of a hunt."""
    assert _read(knowledge, "stuck in traffic near the kirin store").verdict is Verdict.NONE


@pytest.mark.parametrize("text", ["is kem a trees weak to water", "kem a tris tail breakable"])
def test_a_name_heard_with_a_filler_word_inside_stands_as_its_own_word(knowledge, text):
    """The parser takes "a" off ("kemtrees"): the name is still found whole in the message as typed."""
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, ("quematrice",)), reading


@pytest.mark.parametrize(
    ("text", "monster_id"), [("tips for ajara", "ajarakan"), ("best element for rompo", "rompopolo")]
)
def test_a_hunters_and_fillers_words_before_a_short_form_are_no_title(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


def test_a_short_latin_title_before_a_name_is_still_one(knowledge):
    reading = _read(knowledge, "sand barioth weakness")
    assert (reading.verdict, reading.monsters) == (Verdict.UNKNOWN, ("barioth",)), reading


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("bot whats nargacugo weak to", "nargacuga"),  # its last letter changed where the subject ends
        ("is tigrexx weak to fire", "tigrex"),  # the word holding the name is the name one letter off
    ],
)
def test_a_latin_name_one_letter_off_at_the_end_of_a_word_in_a_sentence(knowledge, text, monster_id):
    reading = read(text, knowledge.current.matcher)
    assert reading.verdict is Verdict.ANSWER and reading.monsters == (monster_id,), reading


def test_a_word_that_is_a_name_and_an_english_ending_is_another_word(knowledge):
    assert read("any tips vs zinogrey", knowledge.current.matcher).verdict is Verdict.NONE


def test_a_base_name_inside_a_variants_name_one_letter_off_is_the_variant(knowledge):
    # "azurrathalos" holds Rathalos and is Azure Rathalos one letter off: the base alone would be the wrong monster
    reading = read("tips for fighting azur rathalos pls", knowledge.current.matcher)
    assert reading.verdict is Verdict.ANSWER and reading.monsters == ("azure-rathalos",), reading


@pytest.mark.parametrize("text", ["yo whats nargucaga weak to", "nargucaga", "nargucaga weakness?"])
def test_a_long_latin_name_with_two_vowels_swapped_in_a_question(knowledge, text):
    # inside a sentence (a span) and as the whole subject (the question's words taken off: only the name is left)
    reading = read(text, knowledge.current.matcher)
    assert reading.verdict is Verdict.ANSWER and reading.monsters == ("nargacuga",), reading


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("新手問 天眼雷狼龍怎麼打", "zinogre"),  # a question's opener, then the title glued to the name
        ("求助，白疾風迅龍弱點", "nargacuga"),
        ("金雷公ジンオウガの弱点は？", "zinogre"),  # a question about a long katakana name, a title before it
        ("請教金雷公ジンオウガの弱点は？", "zinogre"),
    ],
)
def test_a_title_glued_after_a_phrase_or_before_a_question_is_never_the_base(knowledge, text, base):
    """A Han title the knowledge lacks glued right before a full name stays "did you mean the base?" whatever opens
    the message or asks after it: the base's card would be a wrong monster."""
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.UNKNOWN, (base,)), reading


@pytest.mark.parametrize(("text", "monster_id"), [("新手問 迅龍怎麼打", "nargacuga"), ("用火打雷狼龍", "zinogre")])
def test_a_phrase_or_a_hunters_words_before_a_name_are_no_title(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


@pytest.mark.parametrize(
    ("key", "text", "set_off"),
    [
        ("纏蛙", "【萌新】纏蛙弱點", True),
        ("纏蛙", "萌新纏蛙弱點", False),
        ("纏蛙", "纏纏纏，纏蛙弱點", True),  # the first place the whole name begins, not its first character's
        ("reydau", "noob here, rey dau weakness", False),
        ("reydau", "noob here,rey-dau weakness", True),
    ],
)
def test_set_off_finds_the_name_as_typed_in_one_pass(key, text, set_off):
    from monsterbot.core.matching.reading import _set_off

    assert _set_off(key, text) is set_off


@pytest.mark.parametrize("text", ["artian", "best artian build", "how to get artian weapons"])
def test_a_word_one_letter_before_a_spelling_of_a_name_is_that_word(knowledge, text):
    """ "artian" (a game's term) spells "rtian" like Rathian after an "a": a letter glued before a name begins another
    word, never the article "a" typed without its space."""
    assert not _read(knowledge, text).answers


def test_an_ending_glued_after_a_name_still_asks_about_it(knowledge):
    reading = _read(knowledge, "zinogres tail breakable?")
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, ("zinogre",)), reading


@pytest.mark.parametrize(
    ("text", "base"),
    [("how to beat shrouded nerscylla", "nerscylla"), ("is shrouded nerscylla weak to fire", "nerscylla")],
)
def test_a_participle_where_a_noun_phrase_begins_is_a_title_of_the_name(knowledge, text, base):
    """ "shrouded" after a hunter's verb or a sentence's word is an adjective of the name, as a variant's title is: "did
    you mean the base?", not the base's card."""
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.UNKNOWN, (base,)), reading


def test_a_participle_after_a_noun_is_a_verb_before_the_name(knowledge):
    reading = _read(knowledge, "what's the best element used rathalos")
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, ("rathalos",)), reading


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [("best g arkveld build", "guardian-arkveld"), ("what does the g arkveld drop", "guardian-arkveld")],
)
def test_a_lone_initial_after_other_words_still_makes_the_variant(knowledge, text, monster_id):
    """An everyday word before "g <name>" is no title of the name: the lone letter is still Guardian's initial."""
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


def test_a_lone_initial_before_a_name_used_for_something_else_answers_nothing(knowledge):
    assert not _read(knowledge, "g rathalos movie").answers


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("幫我查一下雷狼龍", "zinogre"),  # asking the bot to look it up
        ("帮我查下迅龙", "nargacuga"),
        ("机器人 雌火龙", "rathian"),  # addressing the bot
        ("迅龙资料发一下", "nargacuga"),  # its data
        ("what does tigrex drop", "tigrex"),
        ("zinogre materials?", "zinogre"),
        ("nargacuga hitzones pls", "nargacuga"),
    ],
)
def test_a_request_to_look_a_monster_up_asks_about_it(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("ジンオウガの素材を落とす？", "zinogre"),  # と inside a verb (落とす) joins no names
        ("ナルガクルガのこと教えて", "nargacuga"),  # の + こと: a particle's, and "tell me about it"
        ("ボット、ティガレックス", "tigrex"),  # the bot addressed, then the name
    ],
)
def test_a_japanese_word_or_address_is_no_side_of_a_comparison(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


def test_japanese_names_joined_by_to_are_still_compared(knowledge):
    reading = _read(knowledge, "ジンオウガとティガレックスどっちが強い")
    assert (reading.verdict, set(reading.monsters)) == (Verdict.COMPARE, {"zinogre", "tigrex"}), reading


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("ジンオウガソロだときつい", "zinogre"),  # a hunter's katakana word glued after the name, up to the hiragana
        ("how do i beat tigrex solo", "tigrex"),
        ("護竜リオレウスどこいる", "guardian-rathalos"),  # a variant word and a katakana name: a coined name
        ("護竜リオレウスに勝てない", "guardian-rathalos"),
    ],
)
def test_a_katakana_name_glued_to_a_hunters_word_or_after_a_variant_word_is_asked_about(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


def test_a_katakana_name_inside_another_katakana_word_is_still_that_word(knowledge):
    assert not _read(knowledge, "ウルトラマンティガソロ").answers


def test_a_japanese_sentence_before_a_name_in_a_hunters_question_is_no_title(knowledge):
    reading = _read(knowledge, "これから雷狼竜いくけど弱点どこ")
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, ("zinogre",)), reading


@pytest.mark.parametrize(
    "text", ["rathalos keeps flying away all the time", "frostfang barioth was annoying in the tundra"]
)
def test_a_coined_latin_name_an_english_sentence_is_said_of_is_answered(knowledge, text):
    """One-to-one, a sentence said of a long coined name asks about it, as of a long katakana or Han name."""
    assert _read(knowledge, text).answers


@pytest.mark.parametrize("text", ["behemoth of a truck is here", "zinogre movie", "stygian darkness is scary"])
def test_an_english_word_or_a_title_after_a_latin_name_is_no_sentence_of_it(knowledge, text):
    """ "behemoth" is an English word ("behemoths" is in the everyday list), "stygian" an alias's first word, and
    one word after a name makes a title of something else."""
    assert not _read(knowledge, text).answers


@pytest.mark.parametrize(
    ("text", "monsters"),
    [
        ("火龍跟雌火龍差在哪", {"rathalos", "rathian"}),  # where the difference lies
        ("雷狼龍和獄狼龍是同一種嗎", {"zinogre", "stygian-zinogre"}),  # whether they are one kind
        ("tigrex nargacuga zinogre weakness list", {"tigrex", "nargacuga", "zinogre"}),
    ],
)
def test_a_comparisons_own_question_words_are_no_side(knowledge, text, monsters):
    reading = _read(knowledge, text)
    assert (reading.verdict, set(reading.monsters)) == (Verdict.COMPARE, monsters), reading


@pytest.mark.parametrize(
    ("text", "monster_id"), [("打雷狼龍有什麼要注意的", "zinogre"), ("迅龍要注意什麼", "nargacuga")]
)
def test_what_to_watch_out_for_is_a_hunters_question(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


@pytest.mark.parametrize("text", ["ティガ注意！", "金獅子注意", "ナルガ注意"])
def test_a_warning_shouted_in_a_hunt_is_no_question(knowledge, text):
    """ "X注意" warns the party (a group hears it often); only asking what to watch out for is a hunter's question."""
    reading = _read(knowledge, text)
    assert reading.verdict is not Verdict.ANSWER, reading


def test_help_with_abbreviated_is_no_list(knowledge):
    """ "w/" is "with": no side of a comparison."""
    reading = _read(knowledge, "help w/ tigrex pls")
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, ("tigrex",)), reading


@pytest.mark.parametrize("text", ["rathalos rathian", "rathalos with rathian"])
def test_two_names_sharing_a_nickname_are_no_variant_and_its_base(knowledge, text):
    """ "rath" names Rathalos and Rathian both: "ian" is no variant word, and Rathian's card would be half the
    message."""
    reading = _read(knowledge, text)
    assert not reading.answers or set(reading.monsters) == {"rathalos", "rathian"}, reading


@pytest.mark.parametrize(
    ("text", "monster_id"), [("ゾ・シアに勝てない", "zoh-shia"), ("レ・ダウってどこにいる?", "rey-dau")]
)
def test_a_short_katakana_name_written_with_a_middle_dot_is_a_coined_name(knowledge, text, monster_id):
    """ゾ・シア is three kana, as short as キリン, but the dot between its words writes a foreign name."""
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


def test_a_short_katakana_word_without_a_dot_is_still_no_name_in_a_sentence(knowledge):
    assert not _read(knowledge, "キリンってどこにいる?").answers


@pytest.mark.parametrize(
    "text",
    [
        "tell rajan",
        "who is kiri",
        "thanks rajan",
        "hey rajan",
        "good morning rajan",
        "call rajan",
        "do you know my friend rajan",
        "playing diablo",
    ],
)
def test_a_person_named_one_letter_off_a_name_is_no_monster(knowledge, text):
    """Greeting, thanking or naming someone one letter off a name (Rajang, Kirin, Diablos) is no hunter's question:
    no card, and no "did you mean" either (the reading names no monster to offer)."""
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.NONE, ()), reading
    answer = _answer(knowledge, text)
    assert (answer.kind, tuple(answer.monsters)) == ("not_found", ()), answer


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("rajan", "rajang"),
        ("rajan weakness", "rajang"),
        ("how to beat rajan", "rajang"),
        ("where is kiri", "kirin"),
        ("tell me about rajan", "rajang"),  # asked to be told about it
    ],
)
def test_a_name_one_letter_off_is_read_alone_or_asked_about(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("鋼龍為什麼一直飛走", "kushala-daora"),
        ("轟龍會不會累", "tigrex"),
        ("迅龙半夜会出来吗", "nargacuga"),
        ("怪鳥每次都在睡覺嗎", "yian-kut-ku"),
    ],
)
def test_a_question_about_a_two_character_name_no_dictionary_counts_as_a_word_is_about_it(knowledge, text, monster_id):
    """鋼龍, 轟龍, 迅龍, 怪鳥 are in neither jieba's dictionary nor CC-CEDICT: a question about one is about the
    monster, as for a longer name."""
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


@pytest.mark.parametrize(
    "text",
    [
        "海龍為什麼會被抓",  # 海龍: a common word (jieba's dictionary)
        "角龍化石在哪裡看得到",  # 角龍: a dinosaur (CC-CEDICT)
        "翼迅龍會飛嗎",  # a Han character before the name: the tail of a longer word
        "棘龍是最大的恐龍",  # no question: a sentence on what the word names
        "鋼龍咖啡廳開幕了",  # a shop's name
        "轟哥今天生日",  # a person's nickname
        "怪鳥ロプロスが飛んだ",  # a Japanese message: the Chinese dictionaries tell nothing of 怪鳥 there
    ],
)
def test_a_two_character_name_that_may_be_another_word_still_needs_a_hunters_frame(knowledge, text):
    assert not _read(knowledge, text).answers, text


def test_a_short_form_that_is_a_word_of_its_own_needs_a_hunters_word_after_it(knowledge):
    # 風神 (the wind god, in jieba's dictionary) begins 風神龍; before 雷神 its 雷 is no element asked about
    assert not _read(knowledge, "风神雷神的故事").answers
    reading = _read(knowledge, "暗器要帶什麼武器")  # 暗器 (a hidden weapon) and 暗器蛸's short form, in a hunt
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, ("xu-wu",)), reading


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [("赫猿會不會飛", "ajarakan"), ("巨戟在哪裡出現", "gogmazios"), ("凍峰會不會冷", "jin-dahaad")],
)
def test_a_short_form_no_dictionary_counts_as_a_word_answers_any_question_about_it(knowledge, text, monster_id):
    # 赫猿, 巨戟, 凍峰: in neither jieba's dictionary nor CC-CEDICT, and no small monster's name
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


@pytest.mark.parametrize("text", ["雪獅子會冷嗎", "天狗會飛嗎", "沙海會不會乾", "冰牙是什麼病"])
def test_a_short_form_that_is_a_word_or_a_small_monster_needs_a_hunters_word(knowledge, text):
    # 雪獅子: Blango, a small monster (and the snow lion); 天狗, 沙海: words of jieba's dictionary; 是: what it is
    assert not _read(knowledge, text).answers


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("ラギアクルス亜種ってまだ出ないの", "lagiacrus"),  # the variant word after the name, a remark after both
        ("ボルボロス亜種は出るの", "barroth"),
        ("綠雷狼龍弱火嗎", "zinogre"),  # before a short Han name, a question after both
        ("紫轟龍會出嗎", "tigrex"),
        ("白迅龍好難打喔", "nargacuga"),
    ],
)
def test_a_variant_word_glued_to_a_name_in_a_sentence_is_one_name_with_it(knowledge, text, base):
    """A variant word glued before or after a name makes one name of the pair, whatever the sentence around it: a
    variant the knowledge lacks is "not in our knowledge", never the base's card nor silence."""
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.UNKNOWN, (base,)), reading


def test_a_latin_variant_word_must_be_a_word_of_its_own(knowledge):
    """ "tired" ends in "red", but no red Rathalos is asked about."""
    reading = _read(knowledge, "i am so tired rathalos weakness")
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, ("rathalos",)), reading


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [("迅龍是不是變強了", "nargacuga"), ("纏蛙的叫聲好吵", "chatacabra"), ("怪鳥怎麼這麼吵", "yian-kut-ku")],
)
def test_a_short_coined_han_name_opening_a_clause_is_answered_one_to_one(knowledge, text, monster_id):
    """A two-character name no Chinese dictionary has is a coined word: a question or a sentence said of it is the
    player's, as for a long name; in a group it is chatter."""
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters, reading.whole) == (Verdict.ANSWER, (monster_id,), False), reading


@pytest.mark.parametrize(
    "text",
    [
        "海龍是保護動物嗎",  # a word of the dictionary (a pipefish)
        "麒麟是什麼動物",
        "棘龍是白堊紀的恐龍",  # an everyday word in the message: the dinosaur
        "角龍化石在哪裡",  # the head of a compound
        "一角龍的頭在哪",  # glued after another character
    ],
)
def test_a_short_han_name_that_is_a_word_or_a_compounds_is_not_answered(knowledge, text):
    assert not _read(knowledge, text).answers


@pytest.mark.parametrize(("text", "monster_id"), [("sergio", "seregios"), ("rajan", "rajang")])
def test_a_short_word_only_like_a_name_is_answered_one_to_one_but_not_in_a_group(knowledge, text, monster_id):
    """A person's name near a name's spelling or sound: a typo where the bot is addressed, chatter in a group."""
    assert [m.id for m in _answer(knowledge, text).monsters] == [monster_id]
    assert _answer(knowledge, text, ChatKind.GROUP).messages == []
    assert [m.id for m in _answer(knowledge, f"{text} weakness", ChatKind.GROUP).monsters] == [monster_id]  # asked


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("rath a loss weakness", "rathalos"),
        ("is tee oh stra weak to ice", "teostra"),
        ("a jar a can", "ajarakan"),
        ("rath a loss lol", "rathalos"),  # small talk beside it
    ],
)
def test_a_name_heard_syllable_by_syllable_across_words_is_that_name(knowledge, text, monster_id):
    """Each word spelled as it sounds, the run joined: "a" and "is" are no filler there but the name's syllables.
    In a group it is chatter."""
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters, reading.whole) == (Verdict.ANSWER, (monster_id,), False), reading


def test_words_heard_as_a_name_among_words_of_their_own_are_no_name(knowledge):
    assert _read(knowledge, "i lost a jar a can yesterday").verdict is Verdict.NONE


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("should i trap or kill rathalos", "rathalos"),
        ("rathalos vs my hammer", "rathalos"),
        ("纏蛙要帶雷還是冰 求解", "chatacabra"),
    ],
)
def test_a_clause_beside_one_name_is_no_side_of_a_comparison(knowledge, text, monster_id):
    """ "or", "vs", 還是 join clauses too: a side that is a sentence's words and no name leaves the one name, answered
    one-to-one (in a group the message is chatter)."""
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters, reading.whole) == (Verdict.ANSWER, (monster_id,), False), reading


def test_a_side_that_is_a_word_alone_may_be_a_name_the_knowledge_lacks(knowledge):
    assert not _read(knowledge, "ティガーとプー").answers  # Tigger and Pooh: no Tigrex card


@pytest.mark.parametrize("text", ["what does jin dahhad drop in g rank", "gin dahad hitzone data"])
def test_a_misspelt_name_found_running_into_the_next_word_is_cut_back_to_its_own(knowledge, text):
    """The matcher's span of a misspelt name may take a letter of the word after it ("jindahhadd" of "jin dahhad
    drop"), or of a word the parser left once it took one off between ("gindahadd" of "gin dahad [hitzone] data")."""
    reading = _read(knowledge, text)
    assert reading.verdict is Verdict.ANSWER and len(reading.monsters) == 1, reading


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [("hey bot rathalos", "rathalos"), ("hello bot, gore magala weakness", "gore-magala"), ("bot tigrex", "tigrex")],
)
def test_the_bot_addressed_before_a_question_is_no_word_of_it(knowledge, text, monster_id):
    """A greeting and "bot" opening the message address it (as a mention does): the rest is read, and in a group a
    name addressed to the bot is answered."""
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading
    assert [m.id for m in _answer(knowledge, text, ChatKind.GROUP).monsters] == [monster_id]


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [("新手 雷狼龍怎麼打", "zinogre"), ("各位 嵐龍要怎麼解鎖", "amatsu"), ("萌新 冰呪龍弱點", "velkhana")],
)
def test_the_readers_addressed_or_the_asker_named_before_a_question_are_no_title(knowledge, text, monster_id):
    """各位 and 大家 address a forum's readers, 新手 and 萌新 name the asker: a phrase before the name, no title."""
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


def test_a_title_after_an_address_is_still_one(knowledge):
    assert _read(knowledge, "新手問 天眼雷狼龍怎麼打").verdict is Verdict.UNKNOWN


@pytest.mark.parametrize("text", ["闢獸頭領要帶什麼", "头领辟兽弱点", "闢獸（頭領）"])
def test_a_packs_leader_is_the_monster_itself(knowledge, text):
    """The Wilds game text names a pack's leader 闢獸（頭領）, 辟兽（首领）: one individual of Doshaguma."""
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, ("doshaguma",)), reading


def test_a_leaders_word_with_a_monster_of_rise_is_no_individual(knowledge):
    """首領 makes Rise's Apex monsters (首領火龍): 頭領 with Rathalos is then no variant the knowledge has."""
    assert _read(knowledge, "首領火龍弱點").monsters == ("apex-rathalos",)
    assert _read(knowledge, "頭領火龍弱點").verdict is Verdict.UNKNOWN


@pytest.mark.parametrize(
    ("text", "monster_id"), [("凍峰到底要帶什麼", "jin-dahaad"), ("刺花究竟怕什麼", "lala-barina")]
)
def test_on_earth_before_the_question_is_the_questions(knowledge, text, monster_id):
    """到底 and 究竟 ("on earth") stand before a question's words: a short form before them is still asked about."""
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("when did Tigrex first appear?", "tigrex"),  # six letters, no English word: a question about it is about it
        ("can Rajang be captured?", "rajang"),
        ("where is Tigrex found", "tigrex"),
    ],
)
def test_a_question_about_a_latin_name_no_english_word_is_about_it(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


@pytest.mark.parametrize(
    "text",
    [
        "magna carta history?",  # an alias: as often a word
        "is magna cum laude good?",
        "how good is kirin 990?",  # a number: a model
        "is Kirin open today?",  # five letters: a brand, a person
        "is ibushi wrestling tonight?",
    ],
)
def test_a_question_holding_a_short_or_unofficial_latin_name_needs_a_hunters_word(knowledge, text):
    assert _read(knowledge, text).verdict is not Verdict.ANSWER, text


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("ラージャン 初見殺し", "rajang"),  # words set off after a coined katakana name: said of it
        ("ゾ・シア 初見", "zoh-shia"),
        ("鎖刃龍 開荒", "arkveld"),
    ],
)
def test_words_set_off_after_a_coined_name_are_said_of_it(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters, reading.why) == (Verdict.ANSWER, (monster_id,), SAID_OF), reading


@pytest.mark.parametrize(
    "text",
    [
        "kirin 9000s chip",  # a number beside it: a model, a title
        "how to kill a leshen in witcher 3",
        "海龍 保育",  # an everyday word (a real animal) set off needs a hunter's word
        "キリン 動物園",  # under four kana: an everyday word
    ],
)
def test_words_set_off_after_an_everyday_or_numbered_name_name_something_else(knowledge, text):
    assert _read(knowledge, text).verdict is Verdict.NONE, text


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("where can i find gogma", "gogmazios"),  # a short form no English word is, in any question about it
        ("is dosha hard to capture?", "doshaguma"),
        ("what does g dosha drop?", "guardian-doshaguma"),  # a lone letter before it: the variant it stands for
    ],
)
def test_a_latin_short_form_no_english_word_is_answers_any_question_about_it(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


@pytest.mark.parametrize("text", ["where is rey", "is nu here?", "where is jin"])
def test_a_latin_short_form_of_three_letters_or_fewer_needs_a_hunters_word(knowledge, text):
    assert _read(knowledge, text).verdict is not Verdict.ANSWER, text


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("what armor to craft after Uragaan", "uragaan"),  # a preposition before the name is no title of it
        ("what do i eat before gogmazios", "gogmazios"),
        ("is the hunt easier without balahara", "balahara"),
    ],
)
def test_an_english_preposition_before_a_name_is_no_title(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("can i capture bazelgeuse or just carve", "bazelgeuse"),  # "or" joins the clause's verbs, not monsters
        ("can i capture Uragaan or just carve", "uragaan"),
    ],
)
def test_an_alternative_no_name_is_near_beside_a_clause_is_the_clauses(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


def test_two_names_joined_to_a_clause_are_still_both_offered(knowledge):
    reading = _read(knowledge, "can you capture rathalos or rathian")
    assert reading.verdict is not Verdict.ANSWER and "rathian" in reading.monsters, reading


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("what parts of uth can i break", "uth-duna"),  # a name's whole first word of three letters, hunted
        ("does jin drop anything good", "jin-dahaad"),
        ("tips to hit zoh", "zoh-shia"),
    ],
)
def test_a_three_letter_first_word_inside_a_hunters_question_answers(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


@pytest.mark.parametrize(
    "text",
    [
        "the new star wars rey is weak",  # a word of its own before it: a name of something else
        "anyone up to hunt with kong a lala later",  # "lala" stands in Congalala's name too: no one monster's
    ],
)
def test_a_short_form_after_a_word_of_its_own_or_in_two_names_is_not_answered_in_a_sentence(knowledge, text):
    reading = _read(knowledge, text)
    assert reading.monsters != ("rey-dau",) and reading.monsters != ("lala-barina",), reading


@pytest.mark.parametrize(
    ("text", "monsters"),
    [
        ("selling rath scales cheap", {"rathalos", "rathian"}),  # a name of two monsters, a word of its own
        ("that rath nearly carted me twice", {"rathalos", "rathian"}),
        ("マガラの防具そろえたい", {"gore-magala", "shagaru-magala"}),  # an everyday-short one, beside a hunter's word
    ],
)
def test_a_name_several_monsters_share_in_a_sentence_asks_which_one(knowledge, text, monsters):
    reading = _read(knowledge, text)
    assert reading.verdict is Verdict.ASK and monsters <= set(reading.monsters), reading


def test_a_variant_word_before_a_shared_name_in_a_sentence_is_its_one_variant(knowledge):
    reading = _read(knowledge, "saw a guardian rath near camp")
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, ("guardian-rathalos",)), reading


@pytest.mark.parametrize("text", ["the wrath of the gods", "マガラって誰だっけ"])
def test_a_shared_name_inside_a_word_or_short_and_unhunted_is_no_question(knowledge, text):
    assert _read(knowledge, text).verdict is Verdict.NONE, text


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("gurabimosuって硬すぎ", "gravios"),  # romaji of a katakana name, read as the name in katakana
        ("tigarekkusuに勝てない", "tigrex"),
    ],
)
def test_romaji_of_a_katakana_name_in_a_japanese_sentence_is_that_name(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


@pytest.mark.parametrize("text", ["kirinって首長いよね", "bossが強すぎ"])
def test_romaji_of_a_short_name_or_an_english_word_in_japanese_is_no_name(knowledge, text):
    assert _read(knowledge, text).verdict is Verdict.NONE, text


@pytest.mark.parametrize(
    "text",
    [
        "鎧龍是我弟的綽號",  # a short name, then 是: what the word is (a nickname), no remark on the monster
        "迅龍是我的網名",
        "貝希摩斯是一種傳說生物",  # a name that is a word of the language, then 是: the word's own meaning
    ],
)
def test_a_sentence_saying_what_a_short_or_everyday_name_is_is_not_said_of_the_monster(knowledge, text):
    assert _read(knowledge, text).verdict is Verdict.NONE, text


def test_a_question_made_with_shi_bu_shi_after_a_short_name_still_asks_of_it(knowledge):
    reading = _read(knowledge, "鎧龍是不是怕水")
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, ("gravios",)), reading


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("アンジャナってどこで会える?", "anjanath"),  # a coined katakana short form opening any question
        ("ベリオロってまだ出ないの?", "barioth"),
    ],
)
def test_a_coined_katakana_short_form_opening_a_question_answers(knowledge, text, monster_id):
    reading = _read(knowledge, text)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


def test_a_short_katakana_word_opening_a_question_needs_a_hunters_word(knowledge):
    assert _read(knowledge, "キリンって何食べるの?").verdict is Verdict.NONE


def test_a_variant_word_before_a_variants_own_word_makes_the_variant_of_that_variant(knowledge):
    reading = _read(knowledge, "carted by guardian fulgur anja again")
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, ("guardian-fulgur-anjanath",)), reading
