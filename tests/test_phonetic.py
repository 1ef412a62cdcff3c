"""Sound-alike matching: homophone typos, pinyin typed in Latin letters, romaji and kana slips."""

from __future__ import annotations

import pytest

from monsterbot.core.matching.matcher import Method, Outcome
from monsterbot.core.matching.pinyin import READINGS_FILE, build_readings, readings
from monsterbot.core.matching.romaji import loose, name_spelling, query_spellings
from tests.conftest import LINEAR_GROWTH, ask, assert_matches, cpu_growth, matched


def test_the_shipped_readings_are_what_pypinyin_gives():
    assert READINGS_FILE.read_text("utf-8") == build_readings()


def test_readings_most_common_first_and_pinyin_detection():
    table = readings()
    assert table.spellings("雷狼龍")[0] == "leilanglong"
    assert table.spellings("rathalos") == []
    assert table.is_pinyin("yuanhulong") and not table.is_pinyin("tigrex")


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("黑焦龍", "black-diablos"),  # 角 jiao → 焦 jiao
        ("訊龍", "nargacuga"),
        ("爆林龍", "bazelgeuse"),
        ("冰呪", "velkhana"),
        ("炎汪龍", "teostra"),
        ("泥翁龍", "almudron"),
        ("泥嗡龍", "almudron"),
        ("天地黃啼龍", "shara-ishvalda"),
    ],
)
def test_homophone_typos(knowledge, text, monster_id):
    assert_matches(knowledge, text, monster_id)


@pytest.mark.parametrize(
    ("text", "monster_id", "inside"),
    [("謊黑龍", "alatreon", "fatalis"), ("容岩龍", "lavasioth", "basarios"), ("紗海龍", "balahara", "lagiacrus")],
)
def test_a_homophone_of_a_full_name_beats_a_shorter_name_inside_it(knowledge, text, monster_id, inside):
    result = ask(knowledge, text)
    assert result.outcome is Outcome.MATCH, result
    assert matched(result).monster_id == monster_id and matched(result).method is Method.PHONETIC
    assert any(c.monster_id == inside for c in result.candidates[1:])


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [("jiaolong", "diablos"), ("Yuan Hu Long", "magnamalo"), ("bingyalong", "barioth"), ("bingyalon", "barioth")],
)
def test_pinyin_typed_in_latin_letters(knowledge, text, monster_id):
    assert_matches(knowledge, text, monster_id)


def test_an_exact_name_still_beats_a_homophone(knowledge):
    # 天迴龍 and 天彗龍 share their toneless pinyin (tianhuilong); each exact name answers itself.
    assert matched(ask(knowledge, "天迴龍")).monster_id == "shagaru-magala"
    assert matched(ask(knowledge, "天彗龍")).monster_id == "crimson-glow-valstrax"


def test_loose_romaji_folds_what_ime_and_hepburn_disagree_on():
    assert name_spelling("ショウグンギザミ") == loose("shougungizami") == loose("shogungizami")
    assert name_spelling("ラージャン") in query_spellings("raajan")
    assert name_spelling("ゴシャハギ") in query_spellings("gosyahagi")  # Kunrei
    assert query_spellings("rathalos") == ()  # a trailing consonant is not romaji


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("shogungizami", "shogun-ceanataur"),
        ("gosyahagi", "goss-harag"),
        ("yotsumiwadou", "tetranadon"),
        ("ibushimakihiko", "wind-serpent-ibushi"),
        ("bahubaro", "banbaro"),
        ("イビルジョ", "deviljho"),
        ("ラジャン", "rajang"),
    ],
)
def test_romaji_and_kana_slips(knowledge, text, monster_id):
    assert_matches(knowledge, text, monster_id)


def test_a_name_is_indexed_by_its_usual_reading():
    table = readings()
    assert table.usual_spelling("角龍") == table.spellings("角龍")[0] == "jiaolong"
    assert table.usual_spelling("リオレウス") is None


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("kematrice", "quematrice"),
        ("jipceros", "gypceros"),
        ("ray dau", "rey-dau"),
        ("rey dow", "rey-dau"),
        ("nerscila", "nerscylla"),
        ("nargakooga", "nargacuga"),
    ],
)
def test_latin_names_spelled_as_heard(knowledge, text, monster_id):
    result = ask(knowledge, text)
    assert matched(result).monster_id == monster_id, result
    assert matched(result).method is Method.PHONETIC


def test_a_short_latin_word_has_no_english_spelling():
    from monsterbot.core.matching.english import spelling

    assert spelling("kulu") == "" and spelling("火龍") == ""
    assert spelling("quematrice") == spelling("kematrice") == "kematris"


def test_g_before_eu_stays_hard_as_heard():
    """Bazelgeuse is said "bazel-goose": the g before eu is not softened as before e alone (legiana: j)."""
    from monsterbot.core.matching.english import spelling

    assert spelling("bazelgeuse") == spelling("bazelgooze") == spelling("bazellguse")
    assert spelling("legiana") == spelling("lejiana")


def test_x_a_final_e_and_vowel_pairs_are_spelled_as_heard():
    from monsterbot.core.matching.english import spelling

    assert spelling("tigrex") == spelling("tigreks")
    assert spelling("lagombie") == spelling("lagombi")
    assert spelling("teostra") == spelling("tiostra") and spelling("kushaladaora") == spelling("kushaladura")


@pytest.mark.parametrize(
    ("text", "monster_id"), [("ナルカクルガ", "nargacuga"), ("ジンオウカ", "zinogre"), ("ディアフロス", "diablos")]
)
def test_a_slipped_voicing_mark_on_a_long_katakana_name(knowledge, text, monster_id):
    result = ask(knowledge, text)
    assert matched(result).monster_id == monster_id, result


def test_a_short_kana_word_is_not_folded_by_its_voicing():
    from monsterbot.core.matching.romaji import voiceless

    assert voiceless("koa") == "" and voiceless("doshaguma") == voiceless("doshakuma")


@pytest.mark.parametrize(
    ("text", "monster_id"),
    [
        ("請問凱龍要帶什麼屬性", "gravios"),  # 凱 for 鎧 (kǎi), inside a question
        ("索刃龍弱點", "arkveld"),  # 索 for 鎖 (suǒ)
        ("グラビモズの弱点どこ", "gravios"),  # a voicing mark slipped, a particle after it
        ("ヌ・エクドラの尻尾って切れる？", "nu-udra"),
    ],
)
def test_a_name_spelled_by_its_sound_inside_a_sentence(knowledge, text, monster_id):
    from monsterbot.core.matching.reading import Verdict, read

    reading = read(text, knowledge.current.matcher)
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, (monster_id,)), reading


@pytest.mark.parametrize("text", ["我昨天去看了恐龍展覽", "アイスクリーム食べたい", "這把武器的攻擊力多少"])
def test_a_sentence_that_sounds_like_no_name_holds_none(knowledge, text):
    assert knowledge.current.matcher.match(text).outcome is not Outcome.MATCH


def test_a_span_that_only_sounds_like_a_name_in_other_characters_is_no_name():
    from monsterbot.core.matching.matcher import Matcher
    from monsterbot.core.model import GameFacts, Monster

    matcher = Matcher([Monster("gravios", {"zh-TW": "鎧龍"}, {}, {"world": GameFacts("world")})], everyday=())
    assert matcher.match("開籠子").outcome is Outcome.MISS  # kǎi lóng, but no character of 鎧龍
    assert matcher.match("凱龍呢").candidates[0].span == "凱龍"


def test_a_glide_typed_as_a_large_kana_folds_to_the_same_loose_spelling():
    assert name_spelling("キヨウリュウ") == name_spelling("キョウリュウ") == loose("kyouryuu")
    assert name_spelling("ミヤ") == name_spelling("ミア")  # a glide heard between i and a
    assert name_spelling("ヤマ") != name_spelling("アマ")  # a y that begins a word is its own sound


@pytest.mark.parametrize(("text", "monster_id"), [("ner scillah", "nerscylla"), ("sair egg yos", "seregios")])
def test_a_latin_name_heard_one_sound_off(knowledge, text, monster_id):
    result = knowledge.current.matcher.match(text)
    assert result.outcome is Outcome.MATCH and result.best.monster_id == monster_id, result


def test_a_name_heard_whole_holds_an_everyday_word_and_is_still_that_name(knowledge):
    result = knowledge.current.matcher.match("dodo gamma")  # "dodo", a bird, holds the alias "dodo"
    assert result.outcome is Outcome.MATCH and result.best.monster_id == "dodogama", result


def test_a_spelling_one_edit_in_ten_letters_from_a_name_matches_under_an_exact_one():
    from monsterbot.core.matching.phonetic import NEAR_TOP, SOUND_ALIKE, near_score

    assert near_score(90.5) == near_score(99.0) == NEAR_TOP == SOUND_ALIKE - 5  # one letter of ten dropped: a match
    assert near_score(88.9) < 85  # dosujagii, dosubagii: one consonant of nine, another monster's shape


def test_a_katakana_name_one_sound_off_is_that_name(knowledge):
    result = knowledge.current.matcher.match("ナルガクリガ")
    assert result.outcome is Outcome.MATCH and result.best.monster_id == "nargacuga", result


def test_an_unstressed_er_is_heard_as_the_a_of_a_name() -> None:
    from monsterbot.core.matching.english import spelling

    assert spelling("tetranerdon") == spelling("tetranadon")  # "er" before a consonant sounds as "a"
    assert spelling("jipserros") == spelling("gypceros")  # doubled letters first: "erro" keeps its "e"


def test_a_sentence_is_spelled_as_heard_with_the_letters_each_letter_comes_from():
    from monsterbot.core.matching.english import aligned, spelling

    spelled, origins = aligned("isjipsairross")
    assert spelled == spelling("isjipsairross") == "isjipseros"
    assert len(origins) == len(spelled)
    assert origins[spelled.index("e")] == (6, 8)  # "ai", heard as one "e"
    assert origins[-1] == (11, 13)  # the doubled "ss", one "s"


@pytest.mark.parametrize(
    ("text", "monster_id", "span"),
    [
        ("is jip sair ross weak to fire", "gypceros", "jipsairross"),
        ("any tips for fighting tigrecks please", "tigrex", "tigrecks"),
    ],
)
def test_a_latin_name_heard_among_other_words(knowledge, text, monster_id, span):
    from monsterbot.core.matching.reading import Verdict, read

    matcher = knowledge.current.matcher
    reading = read(text, matcher)
    assert reading.verdict is Verdict.ANSWER and reading.monsters == (monster_id,), reading
    best = reading.match.candidates[0] if reading.match else None
    assert best is not None and best.method is Method.CONTAINS and best.span == span


def test_pinyin_typed_among_chinese_is_the_name_it_spells(knowledge):
    from monsterbot.core.matching.reading import Verdict, read

    reading = read("lei lang long太难了 求助", knowledge.current.matcher)
    assert reading.verdict is Verdict.ANSWER and reading.monsters == ("zinogre",), reading
    assert reading.match is not None and reading.match.candidates[0].span == "leilanglong"


@pytest.mark.parametrize("text", ["i love my cat", "we walked into the diable lost bar", "cosplay long hair tips"])
def test_english_words_heard_as_no_name_stay_silent(knowledge, text):
    from monsterbot.core.matching.reading import Verdict, read

    assert read(text, knowledge.current.matcher).verdict is Verdict.NONE


def test_a_katakana_word_spelled_near_a_name_among_other_words(knowledge):
    from monsterbot.core.matching.reading import Verdict, read

    reading = read("ケマトリクス對策", knowledge.current.matcher)  # kematorikusu: kematorisu, a kana more
    assert reading.verdict is Verdict.ANSWER and reading.monsters == ("quematrice",), reading
    assert reading.match is not None and reading.match.candidates[0].span == "ケマトリクス"


def test_an_h_after_a_vowel_and_before_none_is_silent_as_heard():
    from monsterbot.core.matching.english import spelling

    assert spelling("zohshia") == spelling("zosheeah") == spelling("zoshiah")  # "zoh", "ah"
    assert spelling("bahamut") == "bahamut"  # between two vowels it is said


def test_a_name_with_a_silent_h_spelled_as_heard(knowledge):
    result = ask(knowledge, "zo sheeah")
    assert matched(result).monster_id == "zoh-shia", result


def test_pinyin_runs_are_told_in_linear_time():
    """Syllables overlap ("xi"+"ang", "xiang"): a run that fails at its last letter must not be tried split by split
    (a regex of the syllables took 80 s on 12 "xiang" and a "v")."""
    table = readings()
    assert table.is_pinyin("leilanglong") and table.is_pinyin("xiangxiang") and not table.is_pinyin("xiangv")
    assert not table.is_pinyin("") and not table.is_pinyin("雷狼龍")
    assert cpu_growth(lambda n: table.is_pinyin("xiang" * n + "v"), 20) < LINEAR_GROWTH


def test_a_small_vowel_kana_makes_one_mora_with_the_kana_before_it():
    from monsterbot.core.matching.romaji import hepburn

    assert hepburn("トゥ") == "tu" and hepburn("ティ") == "ti" and hepburn("シェ") == "she" and hepburn("ウィ") == "wi"
    assert name_spelling("ティガレックス") == loose("tigarekkusu")


@pytest.mark.parametrize(
    ("text", "monster_id", "span"),
    [("tigarekkusuの尻尾切りたい", "tigrex", "tigarekkusu"), ("ragiakurusu好難打", "lagiacrus", "ragiakurusu")],
)
def test_romaji_typed_among_japanese_or_chinese_is_the_name_it_spells(knowledge, text, monster_id, span):
    from monsterbot.core.matching.reading import Verdict, read

    reading = read(text, knowledge.current.matcher)
    assert reading.verdict is Verdict.ANSWER and reading.monsters == (monster_id,), reading
    assert reading.match is not None and reading.match.candidates[0].span == span


@pytest.mark.parametrize(
    ("text", "monster_id", "span"),
    [("護劈獸的頭好難打", "guardian-doshaguma", "護劈獸"), ("where does quematrise spawn", "quematrice", "quematrise")],
)
def test_a_span_spelled_like_a_name_inside_a_longer_span_spelled_like_one_that_holds_it_is_no_name(
    knowledge, text, monster_id, span
):
    # 劈獸 sounds like 闢獸 inside 護劈獸, 護闢獸 said; "quematris" is heard as Quematrice inside "quematrise"
    from monsterbot.core.matching.reading import Verdict, read

    reading = read(text, knowledge.current.matcher)
    assert reading.verdict is Verdict.ANSWER and reading.monsters == (monster_id,), reading
    assert reading.match is not None and reading.match.candidates[0].span == span


def test_an_official_katakana_name_of_three_kana_one_heard_off_is_that_name(knowledge):
    from monsterbot.core.matching.reading import Verdict, read

    reading = read("ゾシヤに有効な属性", knowledge.current.matcher)  # ヤ ya heard for ア a
    assert reading.verdict is Verdict.ANSWER and reading.monsters == ("zoh-shia",), reading


@pytest.mark.parametrize("text", ["第一次火龍弱點", "這次火龍好難打", "下次火龍怎麼打"])
def test_a_character_ending_another_word_before_a_name_is_no_slip_of_a_longer_name(knowledge, text):
    # 次 (time, in 第一次 / 這次) sounds like 雌, but it ends a word of its own: the name offered is 火龍, not 雌火龍
    from monsterbot.core.matching.reading import read

    reading = read(text, knowledge.current.matcher)
    assert reading.monsters == ("rathalos",), reading


def test_a_character_heard_for_a_longer_names_first_opens_it(knowledge):
    from monsterbot.core.matching.reading import Verdict, read

    reading = read("刺火龍弱點", knowledge.current.matcher)  # 刺 ci for 雌 ci, opening the message
    assert (reading.verdict, reading.monsters) == (Verdict.ANSWER, ("rathian",)), reading


@pytest.mark.parametrize("text", ["ロシア", "ロシア対策", "ミリン用意して"])
def test_an_everyday_word_a_consonant_off_a_three_kana_name_is_no_name(knowledge, text):
    # ロ ro for ゾ zo (ゾ・シア), ミ mi for キ ki (キリン): in a name of three kana only a vowel or a voicing mark heard
    # off is evidence
    from monsterbot.core.matching.reading import Verdict, read

    reading = read(text, knowledge.current.matcher)
    assert reading.verdict is not Verdict.ANSWER, reading


@pytest.mark.parametrize("text", ["セルギの弱点", "ラギオ"])
def test_a_three_kana_shortening_one_kana_off_is_no_name(knowledge, text):
    # セルギ is one kana off ネルギ (Nergigante's shortening) and begins セルレギオス; ラギオ is off ラギア (Lagiacrus')
    from monsterbot.core.matching.reading import Verdict, read

    assert read(text, knowledge.current.matcher).verdict is Verdict.NONE


@pytest.mark.parametrize(
    ("text", "span"), [("ナルクガルガってどこにいる?", "ナルクガルガ"), ("ナルガクガの尻尾切りたい", "ナルガクガ")]
)
def test_a_long_katakana_name_one_kana_dropped_or_swapped_inside_a_sentence(knowledge, text, span):
    from monsterbot.core.matching.reading import Verdict, read

    reading = read(text, knowledge.current.matcher)
    assert reading.verdict is Verdict.ANSWER and reading.monsters == ("nargacuga",), reading
    assert reading.match is not None and reading.match.candidates[0].span == span


def test_a_span_sounding_as_a_name_that_holds_a_shorter_name_inside_a_sentence_is_the_longer_name(knowledge):
    # 刺火龍 (cì huǒ lóng) is said as 雌火龍 (cí huǒ lóng), Rathian, and holds 火龍, Rathalos
    from monsterbot.core.matching.reading import Verdict, read

    reading = read("刺火龍的尾巴怎麼斷", knowledge.current.matcher)
    assert reading.verdict is Verdict.ANSWER and reading.monsters == ("rathian",), reading
    assert reading.match is not None and reading.match.candidates[0].span == "刺火龍"


def test_a_short_katakana_name_with_its_long_vowel_marks_left_out_inside_a_sentence(knowledge):
    from monsterbot.core.matching.reading import Verdict, read

    reading = read("シーウの触手って切れる?", knowledge.current.matcher)  # シーウー, its last ー left out
    assert reading.verdict is Verdict.ANSWER and reading.monsters == ("xu-wu",), reading
    assert reading.match is not None and reading.match.candidates[0].span == "シーウ"
