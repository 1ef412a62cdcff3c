"""Richer questions through the webhook: who is weak to X, per-part hitzones, comparisons, in four languages."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from monsterbot.core.matching.normalize import normalize
from monsterbot.core.matching.question import Kind, parse
from tests.conftest import LINEAR_GROWTH, cpu_growth, message_texts, need_shared, payload, postback_event, text_event
from tests.openapi_contract import errors


def _reply(webhook, line_stub, text, chat="user"):
    assert webhook(payload(text_event(text, chat))).status_code == 200
    [message] = line_stub.replies()[-1].body["messages"]
    return message


@pytest.mark.parametrize(
    ("text", "topic", "game"),
    [
        ("哪些魔物怕火", "fire", None),
        ("弱火的魔物", "fire", None),
        ("怕龍屬性", "dragon", None),
        ("哪些怪物怕龙", "dragon", None),
        ("what is weak to dragon", "dragon", None),
        ("weak to thunder", "thunder", None),
        ("火属性 弱点", "fire", None),
        ("氷属性が弱点のモンスター", "ice", None),
        ("哪些魔物怕毒", "poison", None),
        ("wilds weak to thunder", "thunder", "wilds"),
    ],
)
def test_reverse_questions_are_recognised(text, topic, game):
    question = parse(text)
    assert (question.kind, question.topic, question.game) == (Kind.REVERSE, topic, game)


@pytest.mark.parametrize("text", ["火龍弱點", "毒妖鳥", "dragonfly", "雷狼", "水獸"])
def test_names_are_not_reverse_questions(text):
    assert parse(text).kind is not Kind.REVERSE


@pytest.mark.parametrize(
    ("text", "topic"),
    [("火", "fire"), ("水", "water"), ("雷!", "thunder"), ("氷", "ice"), ("竜", "dragon"), ("龙", "dragon")],
)
def test_one_element_character_alone_is_a_reverse_question_not_a_misspelt_name(text, topic):
    question = parse(text)
    assert (question.kind, question.topic, question.alone) == (Kind.REVERSE, topic, True)


def test_reverse_lists_weak_monsters_best_first_with_buttons(webhook, line_stub, knowledge):
    message = _reply(webhook, line_stub, "冰原 哪些魔物怕火")
    texts = message_texts(message)
    assert texts[0] == "最怕火的魔物"
    listed = [i["action"]["label"] for i in message["quickReply"]["items"] if "monster=" in i["action"]["data"]]
    assert len(listed) == 10
    by_name = {m.name("zh-TW"): m for m in knowledge.current.monsters.values()}
    assert all(by_name[name].games["world"].elements["fire"] >= 2 for name in listed)
    assert "硫斬龍" in listed  # Acidic Glavenus: fire ★★★ in World


def test_reverse_in_wilds_ranks_every_monster_by_its_hitzones_not_the_one_flag(webhook, line_stub, knowledge):
    """Wilds flags one element a monster: ranked by those flags alone, "ice" listed four monsters. Every monster the
    element really hurts is listed (derived stars, marked * and footnoted; ◎ where the game flags it too), by the
    element's hitzone on the parts players hit."""
    message = _reply(webhook, line_stub, "哪些魔物怕冰")  # the default game: Wilds
    listed = [i["action"]["label"] for i in message["quickReply"]["items"] if "monster=" in i["action"]["data"]]
    by_name = {m.name("zh-TW"): m for m in knowledge.current.monsters.values()}
    wilds = [by_name[name].games["wilds"] for name in listed]
    assert len(listed) == 10 and any("ice" not in f.weak_elements for f in wilds)
    assert all("ice" in f.weak_elements or f.elements["ice"] >= 2 for f in wilds)
    shown = message_texts(message)
    assert any("★★*" in t for t in shown) and any(t.startswith("* ") for t in shown)  # derived, and said so
    values = [float(t) for t in shown if t.replace(".", "", 1).isdigit()]
    assert values == sorted(values, reverse=True)  # the hitzone column, softest first


def test_reverse_honours_the_game_named(webhook, line_stub, knowledge):
    message = _reply(webhook, line_stub, "wilds weak to thunder")
    assert "Monster Hunter Wilds" in " ".join(message_texts(message))
    pressed = [i["action"]["data"] for i in message["quickReply"]["items"] if "monster=" in i["action"]["data"]]
    ids = [parse_qs(data)["monster"][0] for data in pressed]
    assert ids and all(
        "wilds" in knowledge.current.monsters[i].games and "game=wilds" in d for i, d in zip(ids, pressed, strict=True)
    )


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("火龍 肉質", "頭部"),
        ("火龍 部位", "頭部"),
        ("rathalos hitzones", "Head"),
        ("リオレウス 肉質", "頭"),
        ("火龙 肉质", "头部"),
        ("world rathalos hitzones", "Head◆"),
    ],
)
def test_hitzone_table(webhook, line_stub, text, part):
    message = _reply(webhook, line_stub, text)
    rows = message["contents"]["body"]["contents"]
    cells = [
        [c if c["type"] == "text" else c["contents"][0] for c in r["contents"]] for r in rows if r["type"] == "box"
    ]
    head = next(c for c in cells if c[0]["text"] == part)
    assert [c["text"] for c in head][1:] == ["65", "70", "60", "0", "15", "20", "15", "30"]
    assert head[1]["weight"] == "bold"  # a weak spot (≥45) is highlighted
    neck = next(c for c in cells if c[1]["text"] == "35" and c[2]["text"] == "40")
    assert neck[1].get("weight", "regular") == "regular"  # LINE's default weight
    assert any(c[0]["text"].endswith("✂") for c in cells)  # the severable tail
    if "◆" not in part:  # Wilds (the default game): the head's wound under it
        boxes = [r for r in rows if r["type"] == "box"]
        wound = rows[rows.index(boxes[cells.index(head)]) + 1]
        assert wound["type"] == "text" and "70/75/65" in wound["text"]


def test_hitzones_missing_for_a_game_says_so(webhook, line_stub):
    message = _reply(webhook, line_stub, "magnamalo hitzones")
    assert "No hitzone figures" in message["altText"]


@pytest.mark.parametrize(
    "text",
    ["火龍 vs 雌火龍", "rathalos 和 rathian", "rathalos vs rathian", "リオレウスとリオレイア", "火龙 对比 雌火龙"],
)
def test_comparison_side_by_side(webhook, line_stub, text):
    message = _reply(webhook, line_stub, text)
    header = [c["text"] for c in message["contents"]["header"]["contents"]]
    assert len(header[0].split()) == 3  # first, the word for "vs", second
    rows = [r for r in message["contents"]["body"]["contents"] if r.get("type") == "box"]
    stun = rows[-1]
    assert [c["text"] for c in stun["contents"]][1:] == ["★★", "★★"]  # stun level 2 for both in Wilds (the game's data)


def test_a_comparison_of_unknown_names_offers_the_one_name(webhook, line_stub):
    """Not every side is a monster: the reading asks (precision first) rather than answering the one name."""
    message = _reply(webhook, line_stub, "火龍 vs 今天吃火鍋")
    assert message["type"] == "text" and [i["action"]["label"] for i in message["quickReply"]["items"]] == ["火龍"]


def test_richer_answers_validate_against_the_messaging_api(webhook, line_stub):
    spec = need_shared("line-openapi", "messaging-api.yml")
    for text in ("哪些魔物怕火", "火龍 肉質", "火龍 vs 雌火龍", "wilds weak to thunder", "magnamalo hitzones"):
        webhook(payload(text_event(text)))
        assert errors(spec, "ReplyMessageRequest", line_stub.replies()[-1].body) == [], text


def test_reverse_buttons_open_the_card(webhook, line_stub):
    message = _reply(webhook, line_stub, "what is weak to dragon")
    data = message["quickReply"]["items"][0]["action"]["data"]
    webhook(payload(postback_event(data)))
    assert line_stub.replies()[-1].body["messages"][0]["type"] == "flex"


def test_chat_shows_the_richer_answers():
    from tests.test_cli import run

    done = run("chat", stdin="火龍 vs 雌火龍\n哪些魔物怕火\n火龍 肉質\n")
    assert "火龍 對比 雌火龍" in done.stdout and "最怕火的魔物" in done.stdout and "部位肉質" in done.stdout


def test_a_group_can_ask_for_mention_only_mode(webhook, line_stub):
    ack = _reply(webhook, line_stub, "安靜", "group")
    assert "標記" in ack["text"]
    webhook(payload(text_event("火龍", "group")))
    assert len(line_stub.replies()) == 1  # silent now
    webhook(payload(text_event("火龍", "group", mention_self=True)))
    assert line_stub.replies()[-1].body["messages"][0]["type"] == "flex"
    webhook(payload(text_event("monsterbot talk", "group")))
    webhook(payload(text_event("火龍", "group")))
    assert line_stub.replies()[-1].body["messages"][0]["type"] == "flex"


def test_mention_only_mode_is_shared_by_replicas_through_the_store(line_stub, knowledge, tmp_path):
    from monsterbot.preferences.sql import StorePreferences
    from monsterbot.store.database import migrate, open_engine
    from tests.conftest import app_for, post_signed, runtime_for, settings_for

    engine = open_engine(f"sqlite:///{tmp_path / 'prefs.db'}")
    migrate(engine)
    replicas = [
        app_for(settings_for(line_stub), runtime_for(knowledge, preferences=StorePreferences(engine))) for _ in range(2)
    ]

    def post(app, text):
        post_signed(app, payload(text_event(text, "group")))

    post(replicas[0], "quiet")
    post(replicas[1], "火龍")
    assert len(line_stub.replies()) == 1  # only the acknowledgement: the other replica knows the group is quiet


@pytest.mark.parametrize(
    ("english", "language", "shown"),
    [
        ("Head", "zh-TW", "頭部"),
        ("Head", "ja", "頭"),
        ("Head", "en", "Head"),
        ("Head (Broken)", "zh-TW", "頭部（破壞後）"),
        ("Left Wing", "zh-CN", "左翼"),
        ("Mystery Organ", "zh-TW", "Mystery Organ"),
    ],
)
def test_part_names_in_the_askers_language(english, language, shown):
    from monsterbot.replies.labels import part_name

    assert part_name(english, language, None) == shown


@pytest.mark.parametrize(
    ("text", "game"),
    [
        ("荒野 火龍", "wilds"),
        ("魔物獵人荒野 火龍", "wilds"),
        ("魔物猎人荒野 火龙", "wilds"),
        ("MHWs rathalos", "wilds"),
        ("MH Wilds rathalos", "wilds"),
        ("wild rathalos", "wilds"),
        ("ワイルズ リオレウス", "wilds"),
        ("モンハンワイルズ リオレウス", "wilds"),
        ("冰原 火龍", "world"),
        ("ワールド リオレウス", "world"),
        ("アイスボーン リオレウス", "world"),
        ("iceborne rathalos", "world"),
        ("崛起 火龍", "rise"),
        ("破曉 火龍", "rise"),
        ("ライズ リオレウス", "rise"),
        ("サンブレイク リオレウス", "rise"),
        ("monster hunter rise rathalos", "rise"),
    ],
)
def test_game_words_in_every_language(text, game):
    question = parse(text)
    assert question.game == game and question.subject in ("火龍", "rathalos", "リオレウス")


@pytest.mark.parametrize(
    ("head", "repeated", "tail"),
    [
        ("火龍的", "怕什麼屬性", "x"),
        ("火龍", "的弱點是什麼", "火"),
        ("", "荒野", "火龍"),
        ("リオレウスの", "弱点は", "x"),
    ],
)
def test_long_runs_of_question_words_parse_in_linear_time(head, repeated, tail):
    """Exponential backtracking took minutes on 40 such words; 320 take at most 16 times the CPU of 20 (linear), with
    twice that room for a busy machine's caches, far under the 256 times of quadratic work."""
    growth = cpu_growth(lambda n: parse(head + repeated * n + tail), 20)
    assert growth < LINEAR_GROWTH, growth


@pytest.mark.parametrize(
    ("text", "subject"),
    [("ディアブロスに効く属性", "ディアブロス"), ("轟龍要帶什麼", "轟龍"), ("tips for tigrex", "tigrex")],
)
def test_what_players_ask_after_a_name_is_taken_off_the_subject(text, subject):
    assert parse(text).subject == normalize(subject)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("哪些怪怕雷", "thunder"),
        ("冰屬性武器可以打哪些", "ice"),
        ("whats weak to dragon", "dragon"),
        ("水属性の武器で狩れるモンスター", "water"),
    ],
)
def test_a_weapon_of_an_element_and_what_it_hunts_is_a_reverse_question(text, topic):
    question = parse(text)
    assert (question.kind, question.topic, question.asking) == (Kind.REVERSE, topic, True)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("雷属性能打谁", "thunder"),
        ("水屬性武器適合打哪些", "water"),
        ("氷属性の太刀で誰を狩ればいい？", "ice"),
        ("who should my thunder bow go after", "thunder"),
        ("dragon element monsters list", "dragon"),
        ("火属性打什么怪好", "fire"),
        ("冰屬性武器打哪隻比較好", "ice"),
    ],
)
def test_an_element_and_a_word_asking_for_monsters_make_a_reverse_question_in_any_sentence(text, topic):
    question = parse(text)
    assert (question.kind, question.topic) == (Kind.REVERSE, topic)


@pytest.mark.parametrize(
    ("text", "asking"),
    [
        ("哪些怪用冰屬性武器好打", True),  # which monsters: only monsters
        ("誰怕雷屬性", True),  # who, and a word of weakness
        ("who takes the most ice damage", True),
        ("誰有雷屬性的武器", False),  # who has a thunder weapon: as likely a hunter as a monster
        ("who has a good ice weapon build", False),
    ],
)
def test_a_reverse_question_asking_who_is_asked_outright_only_with_a_word_of_weakness(text, asking):
    question = parse(text)
    assert (question.kind, question.asking) == (Kind.REVERSE, asking)


@pytest.mark.parametrize(
    "text",
    [
        "who is the strongest elder dragon",  # the element word qualifies nothing
        "is rathalos weak to fire",  # no word asks for monsters
        "火屬性還是水屬性 哪些比較好",  # two elements: a choice between them
    ],
)
def test_an_element_word_without_the_frame_of_a_reverse_question_is_not_one(text):
    assert parse(text).kind is not Kind.REVERSE


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("monsters that are weak to ice", "ice"),  # a clause about the monsters asked for
        ("which monsters hate thunder", "thunder"),
        ("what should i hunt with a water element weapon", "water"),
        ("水弱点のやつ教えて", "water"),  # "the ones", "tell me"
        ("雷が通るモンス", "thunder"),
        ("火弱点どいつ", "fire"),
    ],
)
def test_a_reverse_question_in_everyday_words_is_one(text: str, topic: str) -> None:
    question = parse(text)
    assert (question.kind, question.topic) == (Kind.REVERSE, topic), question


@pytest.mark.parametrize("text", ["that's fire", "i hate fire"])
def test_an_element_in_a_sentence_asking_for_no_monsters_is_no_reverse_question(text: str) -> None:
    assert parse(text).kind is not Kind.REVERSE


@pytest.mark.parametrize(
    ("text", "subject", "game"),
    [
        ("tigrex in world", "tigrex", "world"),  # "in" before a game's name is the game's
        ("rathalos in mh rise", "rathalos", "rise"),
        ("荒野版雷狼龍", normalize("雷狼龍"), "wilds"),  # a game's version (版)
    ],
)
def test_a_game_named_with_in_or_as_a_version_is_the_game(text: str, subject: str, game: str) -> None:
    question = parse(text)
    assert (question.subject, question.game) == (subject, game), question


def test_you_in_an_english_question_is_no_part_of_the_name() -> None:
    """ "can you tell me about X": every word but the name frames the question."""
    assert parse("can you tell me about tigrex").subject == "tigrex"


@pytest.mark.parametrize("text", ["you are a monster", "you do monster"])
def test_a_statement_said_to_the_bot_is_no_request_for_help(text):
    """ "monster" and "you" are words of a question's frame, but an auxiliary after "you" makes a statement about the
    bot, not a question with its name left out: no help card."""
    assert parse(text).kind not in (Kind.HELP, Kind.EMPTY)


@pytest.mark.parametrize("text", ["monster", "what is a monster", "how do i hunt monster", "can you help"])
def test_frame_words_alone_still_ask_for_help(text):
    assert parse(text).kind in (Kind.HELP, Kind.EMPTY)
