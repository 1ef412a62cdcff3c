"""Matching across scripts, languages, typos, nicknames and question phrasing, negatives included."""

from __future__ import annotations

import pytest

from monsterbot.core.matching.matcher import Matcher, Method, Outcome
from monsterbot.core.matching.normalize import detect_language, normalize
from monsterbot.core.matching.question import Kind, parse
from monsterbot.core.matching.reading import read
from monsterbot.core.model import GameFacts, Monster
from tests.conftest import ask, assert_matches, matched


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("Ｒａｔｈａｌｏｓ", "rathalos"),
        ("火龙", "火龍"),
        ("りおれうす", "リオレウス"),
        ("Kulu-Ya-Ku", "kuluyaku"),
        ("🔥 火龍!!", "火龍"),
        ("冰咒龍", normalize("冰呪龍")),
        ("掻鳥", normalize("搔鳥")),
        ("  Nargacuga\t", "nargacuga"),
    ],
)
def test_normalize(raw, key):
    assert normalize(raw) == key


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("火龍", "zh-TW"),
        ("火龙", "zh-CN"),
        ("リオレウス", "ja"),
        ("rathalos", "en"),
        ("今天吃火鍋", "zh-TW"),
        ("麒麟", "zh-TW"),
        # kanji Japanese writes and Chinese does not (竜 for 龍 / 龙), without kana
        ("轟竜", "ja"),
        ("雷狼竜", "ja"),
        ("黒蝕竜 弱点", "ja"),
        ("学校", "zh-CN"),
        ("轟龍", "zh-TW"),
        # characters Chinese writes as they are, although OpenCC's jp2t changes them (欠 → 缺, 予 → 豫)
        ("氷属性 弱点", "ja"),
        ("氷", "ja"),
        ("覇竜", "ja"),
        ("欠打的轟龍弱點", "zh-TW"),
        ("轰龙欠打 弱点", "zh-CN"),
        ("給予", "zh-TW"),
        ("芸芸眾生", "zh-TW"),
        # half-width katakana, as some keyboards type it (once read as English)
        ("ｼﾞﾝｵｳｶﾞ", "ja"),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language


def test_the_japanese_only_kanji_are_japanese_forms_chinese_writes_otherwise():
    from monsterbot.core.matching.normalize import JAPANESE_ONLY, _converters

    simplified_to_traditional, japanese_to_traditional, traditional_to_simplified = _converters()
    for kanji in JAPANESE_ONLY - {"氷"}:  # 氷 (Chinese 冰) is a form jp2t does not know
        assert japanese_to_traditional.convert(kanji) != kanji, kanji  # a shinjitai form
        assert simplified_to_traditional.convert(kanji) == kanji == traditional_to_simplified.convert(kanji), kanji


@pytest.mark.parametrize(
    ("text", "subject", "game"),
    [
        ("火龍弱點", "火龍", None),
        ("火龍的弱點是什麼", "火龍", None),
        ("請問轟龍弱什麼", "轟龍", None),
        ("火龙弱点", "火龍", None),
        ("rathalos weakness?", "rathalos", None),
        ("what is nargacuga weak to", "nargacuga", None),
        ("What's the weakness of Tigrex?", "tigrex", None),
        ("リオレウスの弱点", "リオレウス", None),
        ("リオレウスの弱点は？", "リオレウス", None),
        ("リオレウスって何が弱点", "リオレウス", None),  # particles in a row before the question word
        ("ナルガってなにが弱点", "ナルガ", None),
        ("怪獵荒野 迅龍弱點", "迅龍", "wilds"),  # the franchise's short name before the game's
        ("打迅龍用什麼屬性好", "迅龍", None),  # 打 (fight) before, 好 after the question
        ("求雷狼龍弱點", "雷狼龍", None),
        ("wilds 火龍", "火龍", "wilds"),
        ("rise rathalos", "rathalos", "rise"),
        ("世界火龍弱點", "火龍", "world"),
        ("Tobi-Kadachi", "tobikadachi", None),
    ],
)
def test_question_phrasing_is_stripped(text, subject, game):
    question = parse(text)
    assert (question.kind, question.subject, question.game) == (Kind.WEAKNESS, subject, game)


@pytest.mark.parametrize("text", ["help", "HELP", "幫助", "说明", "說明", "?", "？"])
def test_help(text):
    assert parse(text).kind is Kind.HELP


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("火龍", "rathalos"),
        ("火龙", "rathalos"),
        ("雄火龍", "rathalos"),
        ("Rathalos", "rathalos"),
        ("rathlos", "rathalos"),
        ("RATHALOS", "rathalos"),
        ("リオレウス", "rathalos"),
        ("りおれうす", "rathalos"),
        ("レウス", "rathalos"),
        ("火龍弱點", "rathalos"),
        ("rathalos weakness?", "rathalos"),
        ("雌火龍", "rathian"),
        ("蒼火龍", "azure-rathalos"),
        ("azure rathalos", "azure-rathalos"),
        ("silver rathalos", "silver-rathalos"),
        ("narga", "nargacuga"),
        ("nargakuga", "nargacuga"),
        ("迅龍", "nargacuga"),
        ("kushala", "kushala-daora"),
        ("xeno", "xeno-jiiva"),
        ("冥灯龙", "xeno-jiiva"),
        ("黑龍", "fatalis"),
        ("煌黑龍", "alatreon"),
        ("大贼龙", "great-jagras"),
        ("大凶豺龍", "great-jagras"),
        ("冰咒龍", "velkhana"),
        ("Kulu ya ku", "kulu-ya-ku"),
        ("金獅子", "rajang"),
        ("激昂金獅子", "furious-rajang"),
        ("請問轟龍弱什麼", "tigrex"),
        ("what is nargacuga weak to", "nargacuga"),
        ("我今天打火龍好累", "rathalos"),
    ],
)
def test_matches(knowledge, text, monster_id):
    assert_matches(knowledge, text, monster_id)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("rath", {"rathalos", "rathian"}), ("火", {"rathalos", "rathian", "azure-rathalos"}), ("tigerx", {"tigrex"})],
)
def test_ambiguous(knowledge, text, expected):
    result = knowledge.current.matcher.match(text)  # the matcher alone: "火" as a message is the element (parse)
    assert result.outcome is Outcome.AMBIGUOUS
    assert expected <= {c.monster_id for c in result.candidates}


@pytest.mark.parametrize("text", ["今天吃火鍋", "火鍋", "zzzz", "好想睡覺", "lol", "12345"])
def test_misses(knowledge, text):
    assert ask(knowledge, text).outcome is Outcome.MISS


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("綠迅龍", "nargacuga"),
        ("green nargacuga", "nargacuga"),
        ("ナルガクルガ亜種", "nargacuga"),
        ("迅龍亞種", "nargacuga"),
        ("ジンオウガ希少種", "zinogre"),
        ("rathalos subspecies", "rathalos"),
        # a longer name beside the variant word: its spelling alone is close enough to match, and still may not answer
        ("綠ナルガクルガ", "nargacuga"),
        ("金ジンオウガ", "zinogre"),
        ("紫雷狼龍", "zinogre"),
        ("紅ナルガ", "nargacuga"),
    ],
)
def test_a_variant_the_knowledge_lacks_is_offered_not_answered_as_its_base(knowledge, text, base):
    # another monster with other weaknesses: "did you mean Nargacuga?", never Nargacuga's card as if it were the same
    result = ask(knowledge, text)
    assert result.outcome is not Outcome.MATCH and base in {c.monster_id for c in result.candidates}


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("蒼火龍", "azure-rathalos"),
        ("azure rathalos", "azure-rathalos"),
        ("黑轟龍", "brute-tigrex"),
        ("我想打迅龍", "nargacuga"),
    ],
)
def test_variants_the_knowledge_holds_and_names_in_chatter_still_match(knowledge, text, monster_id):
    assert_matches(knowledge, text, monster_id)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("怕冰的怪物有哪些", "ice"),  # an element's character beside a word of weakness
        ("氷に弱いモンスターは？", "ice"),
        ("which monsters are weakest to dragon", "dragon"),  # a superlative of a marker
        ("whats weaker to water", "water"),
    ],
)
def test_a_reverse_question_in_a_sentence_of_its_own_words(text, topic):
    question = parse(text)
    assert (question.kind, question.topic) == (Kind.REVERSE, topic)


@pytest.mark.parametrize("text", ["誰怕火龍", "迅龍怕雷嗎"])
def test_an_element_character_beginning_a_name_or_asked_of_one_is_no_reverse_question(text):
    assert parse(text).kind is not Kind.REVERSE


@pytest.mark.parametrize("text", ["紅龍", "打紅龍要帶什麼", "白龍淵源雷神龍"])
def test_a_variant_word_sounding_like_a_names_first_character_is_no_typo_of_it(knowledge, text):
    # 紅 (red) sounds as 轟 of 轟龍 (Tigrex) and 白 (white) as 百 of 百龍淵源雷神龍: a title on another name, not a slip
    assert ask(knowledge, text).outcome is not Outcome.MATCH


@pytest.mark.parametrize(("text", "monster_id"), [("滅金龍", "nergigante"), ("洪龍", "tigrex")])
def test_a_sound_alike_slip_elsewhere_still_matches(knowledge, text, monster_id):
    assert_matches(knowledge, text, monster_id)


@pytest.mark.parametrize(("a", "b"), [("角龍", "diablos"), ("鋼龍", "kushala-daora"), ("迅龍", "nargacuga")])
def test_one_character_apart_names_stay_apart(knowledge, a, b):
    result = ask(knowledge, a)
    assert matched(result).monster_id == b
    assert all(c.score < 85 for c in result.candidates[1:])


def test_a_name_in_chatter_is_not_a_whole_message_match(knowledge):
    assert ask(knowledge, "火龍").whole_message
    assert ask(knowledge, "火龍弱點").whole_message
    assert not ask(knowledge, "我今天打火龍好累").whole_message


def test_deterministic(knowledge):
    first = [ask(knowledge, q) for q in ("rath", "火", "rathlos", "banana")]
    assert first == [ask(knowledge, q) for q in ("rath", "火", "rathlos", "banana")]


def _monster(monster_id, english, aliases):
    return Monster(monster_id, {"en": english}, {"en": tuple(aliases)}, {"world": GameFacts("world")})


def test_a_shared_name_is_ambiguous_not_arbitrary():
    matcher = Matcher([_monster("a", "Alpha", ["twin"]), _monster("b", "Beta", ["twin"])])
    result = matcher.match("twin")
    assert result.outcome is Outcome.AMBIGUOUS
    assert {c.monster_id for c in result.candidates} == {"a", "b"}


@pytest.mark.parametrize("text", ["lord of the dunes", "lord of the dunes weakness", "what is lord of dunes weak to"])
def test_a_name_holding_filler_words_is_found_when_the_question_takes_them_off(text):
    matcher = Matcher([_monster("a", "Alpha", ["lord of the dunes"]), _monster("b", "Beta", ["dune lord"])])
    result = matcher.match_question(parse(text))
    assert matched(result).monster_id == "a", result


def test_a_name_of_one_word_beside_filler_is_keyed_only_as_written():
    matcher = Matcher([_monster("a", "Alpha", ["the dunes"])])
    assert matcher.monsters_named("thedunes") == ("a",)
    assert matcher.monsters_named("dunes") == ()


@pytest.mark.parametrize("word", ["dunes", "lord", "砂丘", "王様"])
def test_a_word_of_a_phrase_alias_is_no_shortened_name(word):
    matcher = Matcher(
        [
            Monster("a", {"en": "Alpha"}, {"en": ("lord of the dunes",), "ja": ("砂丘の王様",)}, {"w": GameFacts("w")}),
            _monster("b", "Beta", []),
        ]
    )
    assert all(candidate.method is not Method.PART for candidate in matcher.match(word).candidates)
    assert matched(matcher.match("lord of the dunes")).monster_id == "a"


def test_methods_are_reported(knowledge):
    assert matched(ask(knowledge, "rathalos")).method is Method.EXACT
    assert matched(ask(knowledge, "rathlos")).method is Method.FUZZY
    assert matched(ask(knowledge, "nargacu")).method is Method.PART


def test_long_input_is_bounded(knowledge):
    assert ask(knowledge, "火" * 10_000).outcome in (Outcome.AMBIGUOUS, Outcome.MISS)
    assert ask(knowledge, "rathalos " * 2000).outcome is Outcome.MATCH


@pytest.mark.parametrize(
    ("text", "expected"), [("マガラ", {"gore-magala", "shagaru-magala"}), ("rath", {"rathalos", "rathian"})]
)
def test_a_nickname_players_use_for_several_monsters_asks_which(knowledge, text, expected):
    result = ask(knowledge, text)
    assert result.outcome is Outcome.AMBIGUOUS
    assert expected <= {c.monster_id for c in result.candidates if c.score == 100}


def test_a_shared_nickname_inside_a_typo_is_no_evidence(knowledge):
    assert matched(ask(knowledge, "rathlos")).monster_id == "rathalos"
    assert matched(ask(knowledge, "ゴアマガラ")).monster_id == "gore-magala"


@pytest.mark.parametrize(
    ("text", "monster_id"), [("贼龙", "great-jagras"), ("賊龍弱點", "great-jagras"), ("利奧雷武斯", "rathalos")]
)
def test_sourced_nicknames(knowledge, text, monster_id):
    assert matched(ask(knowledge, text)).monster_id == monster_id


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("ウルムー", "paolumu"),
        ("マキヒコ", "wind-serpent-ibushi"),
        ("ハギ", "goss-harag"),
        ("ベルド", "arkveld"),
        ("オウガ", "zinogre"),
        ("kadachi", "tobi-kadachi"),
        ("barina", "lala-barina"),
    ],
)
def test_a_shortened_name_is_its_monster_even_with_variants_holding_it(knowledge, text, monster_id):
    """Players shorten names (略称): inside one monster's name, and inside its variants' only through that name."""
    assert_matches(knowledge, text, monster_id)


@pytest.mark.parametrize(
    ("text", "monsters"),
    [
        ("リオ", {"rathalos", "rathian"}),
        ("ガラ", {"garangolm", "gore-magala"}),
        ("ジョー", {"deviljho", "savage-deviljho"}),
    ],
)
def test_a_short_piece_of_several_names_asks_which(knowledge, text, monsters):
    result = ask(knowledge, text)
    assert result.outcome is Outcome.AMBIGUOUS and monsters <= {c.monster_id for c in result.candidates}


def test_a_span_one_edit_from_a_latin_name_is_found_inside_it():
    from monsterbot.core.matching.typos import Deletions

    index = Deletions(["rathalos", "congalala", "goss"])
    for typed in ("rathlos", "rathaalos", "rahtalos", "rathelos"):  # dropped, added, swapped, changed
        assert index.one_off(typed) == {"rathalos"}, typed
    assert index.one_off("rathalos") == set()  # the name itself is no typo of it
    assert index.one_off("gos") == set()  # a name shorter than five letters is too easily another word
    assert ("rathalos", 10, 17) in set(index.spans("anyoneknowrathlos"))  # "rathlos"
    assert not list(index.spans("rathalosx"))  # an end differs: glued to the next word's letter
    assert ("rathalos", 0, 8) in set(index.spans("rathalosx", exact=True))  # the key itself, when asked for
    assert ("rathalos", 4, 12) in set(index.spans("whatrathalon", open_end=True))  # no next word where it ends
    assert not list(index.spans("rathalonweak", open_end=True))


def test_a_span_of_a_katakana_run_one_kana_off_a_long_katakana_name_is_found_inside_it():
    from monsterbot.core.matching.typos import KanaDeletions

    index = KanaDeletions(["ナルガクルガ", "ジンオウガ", "ゾシア"])
    for typed in ("ナルガクガ", "ナルガクルルガ", "ナルクガルガ"):  # a kana dropped, added, two swapped
        assert ("ナルガクルガ", 2, 2 + len(typed)) in set(index.spans("今日" + typed + "ノ尻尾")), typed
    assert not list(index.spans("ゾシヤア"))  # a name of fewer than five kana: one kana is too much of it
    assert not list(index.spans("ナルガクルゴ"))  # an end differs


def test_a_long_latin_name_with_its_vowels_moved_is_found_inside_a_sentence():
    from monsterbot.core.matching.typos import Deletions

    index = Deletions(["nargacuga", "tigrex"])
    assert ("nargacuga", 5, 14) in set(index.spans("whatsnargucagaweak"))  # the u and an a swapped
    assert not list(index.spans("isthetegrixweak"))  # a name of six letters: its vowels are too much of it


def test_the_deletion_index_changed_is_the_index_built_from_scratch():
    from monsterbot.core.matching.typos import Deletions

    changed = Deletions(["rathalos", "congalala"]).changed(["nerscylla"], ["rathalos"])
    fresh = Deletions(["congalala", "nerscylla"])
    assert (changed._keys, changed._short, changed._moved) == (fresh._keys, fresh._short, fresh._moved)
    assert changed == fresh != Deletions(["congalala"])
    with pytest.raises(TypeError):  # compared, never hashed: an index is built in place
        hash(changed)


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [("so is nercsylla weak to fire", "nerscylla"), ("best element for congaalala pls", "congalala")],
)
def test_a_latin_name_one_letter_off_inside_a_question_is_answered(knowledge, text, monster_id):
    from monsterbot.core.matching.reading import Verdict, read

    reading = read(text, knowledge.current.matcher)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


@pytest.mark.parametrize("text", ["mizutusne", "mizutsnue weakness"])
def test_a_name_mistyped_as_a_whole_beats_its_own_short_alias_inside_it(knowledge, text):
    result = knowledge.current.matcher.match_question(parse(text))
    assert result.outcome is Outcome.MATCH and result.best.key == "mizutsune", result


@pytest.mark.parametrize("text", ["天空の王者", "天空之王者", "天空的王者"])
def test_a_phrase_alias_is_matched_with_any_particle(knowledge, text):
    """Chinese and Japanese write one epithet with の, 之 or 的: the knowledge need not list every form."""
    result = knowledge.current.matcher.match(text)
    assert result.outcome is Outcome.MATCH and result.candidates[0].monster_id == "rathalos"


def test_a_subject_that_sounds_exactly_like_a_name_is_not_lost_to_an_everyday_word(knowledge):
    """ "dodo" is an English word and is masked, but "dodo gamma" as typed sounds as Dodogama."""
    result = knowledge.current.matcher.match("dodo ghama")
    assert result.outcome is Outcome.MATCH and result.candidates[0].monster_id == "dodogama"


def test_a_span_one_character_off_a_han_or_katakana_name_is_found_by_those_kept():
    from monsterbot.core.matching.typos import Slips

    index = Slips(["雷狼龍", "迅龍", "天地煌啼龍", "ジンオウガ"])
    assert {(key, place) for key, _, _, place in index.spans("打雷冷龍好難")} == {("雷狼龍", 1)}
    assert not list(index.spans("訊龍"))  # a name of two characters: one of two is as often another name
    # its kind changed: found at its last place, which the matcher takes only for a look-alike (typos.last_place)
    assert {place for *_, place in index.spans("雷狼獸")} == {2}
    assert ("天地煌啼龍", 0, 5, 3) in set(index.spans("天地煌提龍"))
    assert ("ジンオウガ", 0, 5, 4) in set(index.spans("ジンオウゴノ弱點"))  # a katakana name's last kana too


def test_the_slip_index_changed_is_the_index_built_from_scratch():
    from monsterbot.core.matching.typos import Slips

    changed = Slips(["雷狼龍", "鎖刃龍"]).changed(["千刃龍"], ["雷狼龍"])
    assert changed == Slips(["千刃龍", "鎖刃龍"]) != Slips(["鎖刃龍"])
    assert not list(changed.spans("雷冷龍"))


@pytest.mark.parametrize("text", ["雷冷龍", "雷冷龍要帶什麼屬性", "打雷冷龙用什么武器"])
def test_a_han_name_one_character_heard_for_another_is_that_name(knowledge, text):
    from monsterbot.core.matching.reading import Verdict, read

    reading = read(text, knowledge.current.matcher)
    assert reading.verdict is Verdict.ANSWER and reading.monsters == ("zinogre",), reading


@pytest.mark.parametrize("text", ["黑狼龍", "雷甲龍"])
def test_a_han_character_unlike_a_names_by_unihan_or_alike_by_a_rare_reading_answers_no_name(knowledge, text):
    # 黑 for 雷, 甲 for 狼 in 雷狼龍: other radicals (雷甲龍 is a small monster); 鎖刀龍, 刀 for 刃 by one radical, is
    # a look-alike (test_a_long_han_name_with_one_character_alike_to_the_eye_is_that_name)
    from monsterbot.core.matching.reading import read

    assert not read(text, knowledge.current.matcher).answers


def test_two_han_characters_sound_near_by_their_usual_readings_one_letter_apart():
    from monsterbot.core.matching.pinyin import readings

    table = readings()
    assert table.sound_near("織", "熾") and table.sound_near("孤", "狐")  # zhi / chi, gu / hu
    assert not table.sound_near("刀", "刃")  # dao / ren: alike to the eye only
    assert not table.sound_near("狼", "轟")  # lang (its rare reading hang) / hong


@pytest.mark.parametrize("text", ["ジンオウゴ", "ジンオウゴって何属性が効く？"])
def test_a_katakana_name_one_kana_heard_for_another_is_that_name(knowledge, text):
    from monsterbot.core.matching.reading import Verdict, read

    reading = read(text, knowledge.current.matcher)  # ゴ go for ガ ga: one letter of their romaji
    assert reading.verdict is Verdict.ANSWER and reading.monsters == ("zinogre",), reading


def test_a_kana_heard_for_a_names_is_one_letter_of_its_romaji():
    from monsterbot.core.matching.phonetic import heard_for

    assert heard_for("ゴ", "ガ") and heard_for("ビ", "ミ") and heard_for("織", "熾")
    assert not heard_for("モ", "ガ") and not heard_for("刀", "刃")


def test_a_katakana_alias_inside_a_word_one_kana_off_its_longer_name_is_that_name(knowledge):
    """バゼル (an alias) stands in バゼルギウヌ, which is バゼルギウス with ヌ heard for ス: the word is the name."""
    from monsterbot.core.matching.reading import Verdict, read

    matcher = knowledge.current.matcher
    reading = read("バゼルギウヌ對策", matcher)
    assert reading.verdict is Verdict.ANSWER and reading.monsters == ("bazelgeuse",), reading
    assert not read("ウラガンキソの弱点は？", matcher).answers  # ソ so, ン n: no kana heard for the name's
    nargacuga = read("ナルガクルガの尻尾切るコツ", matcher)  # ガクルガ, a span inside the name, is no slip of ガルルガ
    assert nargacuga.verdict is Verdict.ANSWER and nargacuga.monsters == ("nargacuga",), nargacuga


def test_a_latin_alias_inside_a_word_one_letter_off_its_longer_name_is_that_name(knowledge):
    """ "nargacugga" holds the alias "narga": the word is Nargacuga one letter off, and no other name's slip counts."""
    from monsterbot.core.matching.reading import Verdict, read

    matcher = knowledge.current.matcher
    reading = read("which element hurts nargacugga most", matcher)
    assert reading.verdict is Verdict.ANSWER and reading.monsters == ("nargacuga",), reading
    assert reading.match is not None and reading.match.candidates[0].span == "nargacugga"
    assert matched(ask(knowledge, "which element hurts garangolm most")).monster_id == "garangolm"


def test_the_slip_and_heard_indexes_of_a_matcher_rebuilt_from_a_previous_are_those_built_from_scratch():
    monsters = [
        _monster("rathalos", "Rathalos", ["rath"]),
        Monster("zinogre", {"en": "Zinogre", "zh-TW": "雷狼龍", "ja": "ジンオウガ"}, {}, {"world": GameFacts("world")}),
    ]
    renamed = Monster(
        "zinogre", {"en": "Zinogra", "zh-TW": "雷狼獸", "ja": "ジンオウゴ"}, {}, {"world": GameFacts("world")}
    )
    after = Matcher([monsters[0], renamed], previous=Matcher(monsters))
    fresh = Matcher([monsters[0], renamed])
    assert after._slips == fresh._slips and after._phonetic._heard == fresh._phonetic._heard
    assert after._kana_typos == fresh._kana_typos and not list(after._kana_typos.spans("ジンオガウ"))
    assert matched(after.match("雷冷獸")).monster_id == "zinogre"  # the new name's slip
    assert not list(after._slips.spans("雷冷龍"))  # the old name's is gone


@pytest.mark.parametrize(("text", "subject"), [("迅龍要帶啥", "迅龍"), ("雷狼龍有啥弱點", "雷狼龍")])
def test_a_question_suffix_is_read_with_the_colloquial_what_too(text, subject):
    assert parse(text).subject == normalize(subject)


def test_a_katakana_key_is_glued_at_any_of_its_places():
    """A katakana key beside more katakana anywhere in the subject may be a piece of a longer name one kana off, not
    only where it first stands."""
    from monsterbot.core.matching.matcher import _glued_kana

    assert _glued_kana("ミツネ", "ミツネ弱点タマミツネ")
    assert not _glued_kana("ミツネ", "ミツネ弱点ミツネ")


@pytest.mark.parametrize(("text", "monster_id"), [("打鎖刀龍要帶什麼", "arkveld"), ("爵鋃龍弱點", "malzeno")])
def test_a_long_han_name_with_one_character_alike_to_the_eye_is_that_name(knowledge, text, monster_id):
    # 刀 for 刃 (radical 18, a stroke less), 鋃 for 銀 (radical 167, a stroke more): Unihan's look-alikes
    assert read(text, knowledge.current.matcher).monsters == (monster_id,)


def test_a_han_names_last_character_counts_only_alike_to_the_eye(knowledge):
    # 玉 for 王 (radical 96, a stroke more) in 雪獅子王; 熱 for 獸 in 天狗獸 is the head of another word (天狗熱)
    assert read("雪獅子玉的肉質", knowledge.current.matcher).monsters == ("blangonga",)
    assert not read("天狗熱弱點", knowledge.current.matcher).answers


def test_a_two_character_name_with_a_character_alike_to_the_eye_is_no_name(knowledge):
    # 迄 looks like 迅 (radical 162, as many strokes), but one character of two is as often another word
    assert not read("迄龍弱點", knowledge.current.matcher).answers
