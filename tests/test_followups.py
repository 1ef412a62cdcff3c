"""Follow-ups about a chat's last monster, part and element questions, and a chat's own game, in four languages,
through the webhook with replies read from the stand-in Messaging API."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from functools import partial
from typing import Any

import pytest

from monsterbot.bounded import Bounded
from monsterbot.core.matching.followup import parse
from monsterbot.core.matching.normalize import normalize
from monsterbot.core.matching.question import Kind
from monsterbot.memory import BoundedMemory, LocalMemory, NoMemory, Remembered
from monsterbot.replies.game_labels import game_name
from tests.conftest import (
    LINEAR_GROWTH,
    answered,
    app_for,
    base_event,
    cpu_growth,
    message_texts,
    need_redis,
    need_shared,
    payload,
    post_signed,
    postback_event,
    redis_url,
    runtime_for,
    settings_for,
    text_event,
    wait_for,
)
from tests.openapi_contract import errors


class Chat:
    """A webhook app and the replies it sends for one chat (a user, or the test group)."""

    def __init__(self, line_stub: Any, knowledge: Any, memory: Any = None, chat: str = "user", **parts: Any) -> None:
        runtime = runtime_for(knowledge, memory=LocalMemory() if memory is None else memory, **parts)
        self.app = app_for(settings_for(line_stub, default_game="world"), runtime)  # World's figures, unless named
        self.stub = line_stub
        self.chat = chat

    def say(self, text: str, mention: bool = False) -> dict[str, Any] | None:
        """The one message answered to a text, or None when the bot stays silent."""
        return self._post(text_event(text, self.chat, mention_self=mention))

    def press(self, data: str) -> dict[str, Any] | None:
        event = postback_event(data)
        if self.chat == "group":
            event["source"] = text_event("", "group")["source"]
        return self._post(event)

    def press_event(self, event: dict[str, Any]) -> dict[str, Any] | None:
        return self._post(event)

    def _post(self, event: dict[str, Any]) -> dict[str, Any] | None:
        before = len(self.stub.replies())
        assert post_signed(self.app, payload(event)).status_code == 200
        replies = self.stub.replies()
        if len(replies) == before:
            return None
        [message] = replies[-1].body["messages"]
        return message


def rows(message: dict[str, Any]) -> list[list[str]]:
    """The horizontal rows of a card's body, as their cells' texts."""
    return [
        [c["text"] for c in box["contents"]]
        for box in message["contents"]["body"]["contents"]
        if box.get("type") == "box" and box.get("layout") == "horizontal"
    ]


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [item["action"] for item in (message.get("quickReply") or {}).get("items", [])]


# --- what a message asks -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "game", "detail", "other"),
    [
        ("rise的呢", Kind.WEAKNESS, "rise", "", ""),
        ("and in wilds?", Kind.WEAKNESS, "wilds", "", ""),
        ("ライズだと？", Kind.WEAKNESS, "rise", "", ""),
        ("荒野的呢", Kind.WEAKNESS, "wilds", "", ""),
        ("那水屬性呢", Kind.ELEMENT, None, "water", ""),
        ("what about ice", Kind.ELEMENT, None, "ice", ""),
        ("那冰属性呢", Kind.ELEMENT, None, "ice", ""),
        ("氷属性だと？", Kind.ELEMENT, None, "ice", ""),
        ("水属性は？", Kind.ELEMENT, None, "water", ""),
        ("雷は?", Kind.ELEMENT, None, "thunder", ""),
        ("氷属性は？", Kind.ELEMENT, None, "ice", ""),
        ("尾巴呢", Kind.PART, None, "tail", ""),
        ("its tail", Kind.PART, None, "tail", ""),
        ("頭は？", Kind.PART, None, "head", ""),
        ("wilds的尾巴呢", Kind.PART, "wilds", "tail", ""),
        ("肉質呢", Kind.HITZONES, None, "", ""),
        ("hitzones?", Kind.HITZONES, None, "", ""),
        ("肉質は？", Kind.HITZONES, None, "", ""),
        ("跟雌火龍比呢", Kind.COMPARE, None, "", "雌火龍"),
        ("vs rathian?", Kind.COMPARE, None, "", "rathian"),
        ("リオレイアと比べると？", Kind.COMPARE, None, "", "リオレイア"),
    ],
)
def test_follow_ups_are_recognised(text, kind, game, detail, other):
    question = parse(text)
    assert question.followup and (question.kind, question.game, question.other) == (kind, game, other)
    assert (question.part or question.topic) == detail


@pytest.mark.parametrize(
    ("text", "kind", "subject", "detail"),
    [
        ("火龍 尾巴", Kind.PART, "火龍", "tail"),
        ("rathalos tail", Kind.PART, "rathalos", "tail"),
        ("リオレウスの尻尾", Kind.PART, "リオレウス", "tail"),
        ("火龙尾巴", Kind.PART, "火龍", "tail"),
        ("火龍 水屬性", Kind.ELEMENT, "火龍", "water"),
        ("rathalos ice", Kind.ELEMENT, "rathalos", "ice"),
        ("火龙 冰属性", Kind.ELEMENT, "火龍", "ice"),
        ("リオレウス 氷属性", Kind.ELEMENT, "リオレウス", "ice"),
    ],
)
def test_part_and_element_questions_are_recognised(text, kind, subject, detail):
    question = parse(text)
    assert (question.kind, question.subject, question.part or question.topic, question.followup) == (
        kind,
        subject,
        detail,
        False,
    )


@pytest.mark.parametrize(
    ("text", "game"),
    [
        ("預設荒野", "wilds"),
        ("预设荒野", "wilds"),
        ("use rise here", "rise"),
        ("set game to world", "world"),
        ("ライズにして", "rise"),
        ("預設 rise", "rise"),
    ],
)
def test_the_chat_game_command_is_recognised(text, game):
    assert (parse(text).kind, parse(text).game) == (Kind.SET_GAME, game)


@pytest.mark.parametrize(
    "text",
    [
        "火龍",
        "火龍弱點",
        "火龍屬性",
        "rise 火龍",
        "火龍 肉質",
        "哪些魔物怕火",
        "水屬性",
        "ice",
        "火",
        "今天吃火鍋",
        "我的頭好痛",
        "好想玩rise",
        "rise吧",
        "i use rise",
        "水属性が弱点のモンスター",
        "水属性は",
        "水属性に弱いのは？",
        "毒は？",
        "麻痺は?",
    ],
)  # an ailment is no element: who is weak to it
def test_other_messages_keep_their_meaning(knowledge, text):
    names = {normalize(n) for m in knowledge.current.monsters.values() for _, n in m.all_names()}
    question = parse(text, names.__contains__)
    assert not question.followup and question.kind not in (Kind.PART, Kind.ELEMENT, Kind.SET_GAME), question


@pytest.mark.parametrize(
    ("head", "repeated", "tail"),
    [
        ("尾巴", "的呢", "x"),
        ("預設荒野", "ください", "x"),
        ("ライズ", "にして", "x"),
        ("", "那", "尾巴呢"),
        ("", "rise ", "tail?"),
    ],
)
def test_long_messages_take_linear_time(head, repeated, tail):
    """No regular expression backtracking over repeated words: 320 take at most 16 times the CPU of 20 (linear), with
    twice that room for a busy machine's caches, far under the 256 times of quadratic work."""
    growth = cpu_growth(lambda n: parse(head + repeated * n + tail), 20)
    assert growth < LINEAR_GROWTH, growth


def test_no_monster_name_is_taken_for_a_follow_up(knowledge):
    names = {normalize(n) for m in knowledge.current.monsters.values() for _, n in m.all_names()}
    for monster in knowledge.current.monsters.values():
        for _, name in monster.all_names():
            question = parse(name, names.__contains__)
            assert not question.followup and question.kind in (Kind.WEAKNESS, Kind.HITZONES), name


# --- answers through the webhook -----------------------------------------------------------------------------------

FOUR_LANGUAGES = {
    "zh-TW": ["火龍", "尾巴呢", "那水屬性呢", "rise的呢", "跟雌火龍比呢", "肉質呢"],
    "en": ["rathalos", "its tail", "what about ice", "and in wilds?", "vs rathian?", "hitzones?"],
    "ja": ["リオレウス", "尻尾は？", "氷属性だと？", "ライズだと？", "リオレイアと比べると？", "肉質は？"],
    "zh-CN": ["火龙", "尾巴呢", "那冰属性呢", "荒野的呢", "跟雌火龙比呢", "肉质呢"],
}
TAIL = {"zh-TW": "尾巴", "en": "Tail", "ja": "尻尾", "zh-CN": "尾巴"}
NAME = {"zh-TW": "火龍", "en": "Rathalos", "ja": "リオレウス", "zh-CN": "火龙"}
RATHIAN = {"zh-TW": "雌火龍", "en": "Rathian", "ja": "リオレイア", "zh-CN": "雌火龙"}


@pytest.mark.parametrize("language", list(FOUR_LANGUAGES))
def test_follow_ups_are_answered_about_the_last_monster(line_stub, knowledge, language):
    chat = Chat(line_stub, knowledge)
    first, tail, element, game, versus, hitzones = (chat.say(t) for t in FOUR_LANGUAGES[language])
    assert first is not None and NAME[language] in first["altText"]
    # the part: only the tail's hitzones (World: cut 45, impact 40, shot 35), and that it is severable
    assert tail is not None and NAME[language] in tail["altText"] and TAIL[language] in tail["altText"]
    assert rows(tail)[1:] == [[TAIL[language], "45", "40", "35", "0", "5", "10", "5", "20"]]
    assert any(t.startswith("✂") for t in message_texts(tail))
    # the element: its stars in World (★ for water and ice) and the parts taking the most of it (the head, 15)
    assert element is not None and NAME[language] in element["altText"] and "★" in rows(element)[0][1]
    assert rows(element)[1][1] == "15"
    # another game: the same element question in that game, with the game named
    assert game is not None and NAME[language] in game["altText"]
    assert any(t in (game_name("rise", language), game_name("wilds", language)) for t in message_texts(game))
    # a comparison with the monster named, and the hitzone table of the remembered one
    assert (
        versus is not None
        and RATHIAN[language] in message_texts(versus)[0]
        and NAME[language] in message_texts(versus)[0]
    )
    assert hitzones is not None and NAME[language] in hitzones["altText"]  # in the game of the last question


@pytest.mark.parametrize(
    ("name", "asked"),
    [
        ("火龍", "弱點呢"),
        ("火龍", "弱點"),
        ("火龙", "弱点呢"),
        ("リオレウス", "弱点は？"),
        ("リオレウス", "弱点はどこ？"),
        ("火龍", "毒呢"),
        ("火龍", "那睡眠呢"),
        ("火龍", "弱點在哪"),
        ("rathalos", "what about poison?"),
        ("rathalos", "weakness?"),
    ],
)
def test_asking_for_the_weakness_or_an_ailment_after_a_part_shows_the_card_again(line_stub, knowledge, name, asked):
    chat = Chat(line_stub, knowledge)
    card = chat.say(name)
    assert chat.say("its tail" if name.isascii() else "尾巴呢") != card  # the tail's hitzones
    assert chat.say(asked) == card  # the weakness card lists the ailments too


def test_a_bare_ailment_keeps_its_meaning_after_a_monster(line_stub, knowledge):
    chat = Chat(line_stub, knowledge)
    chat.say("火龍")
    which = chat.say("毒")  # 毒怪鳥, 毒妖鳥…: which one, not the last monster's card
    assert which is not None and which["type"] == "text" and "毒怪鳥" in which["text"]


def test_part_and_element_questions_answer_their_part_or_element(line_stub, knowledge):
    chat = Chat(line_stub, knowledge)
    tail = chat.say("火龍 尾巴")
    assert tail is not None and rows(tail)[1:] == [["尾巴", "45", "40", "35", "0", "5", "10", "5", "20"]]
    head = chat.say("rathalos head")
    assert (
        head is not None and rows(head)[1][0] == "Head" and any(t == "◆ Breakable: Head" for t in message_texts(head))
    )
    water = chat.say("火龍 水屬性")
    assert water is not None and rows(water)[0] == ["💧 水", "★"]
    assert rows(water)[1:] == [["頭部", "15"], ["左翼", "10"], ["右翼", "10"]]
    dragon = chat.say("rathalos dragon")
    assert dragon is not None and rows(dragon)[0] == ["🐉 Dragon", "★★★"] and rows(dragon)[1] == ["Head", "30"]
    derived = chat.say("wilds rathalos dragon")  # Wilds stars are derived from hitzones: marked and footnoted
    assert derived is not None and rows(derived)[0] == ["🐉 Dragon", "★★★*"]
    assert any(t.startswith("* ") for t in message_texts(derived))
    rise = chat.say("rise rathalos thunder")  # stars the source does not give: its ranking, hitzones from World
    assert rise is not None and rows(rise)[0] == ["⚡ Thunder", "○"]
    assert "Hitzones: Monster Hunter World: Iceborne" in message_texts(rise)


def test_a_part_shows_its_wound_values_where_the_game_has_them(line_stub, knowledge):
    tail = Chat(line_stub, knowledge).say("wilds 火龍 尾巴")
    assert tail is not None and "魔物獵人 荒野" in message_texts(tail)
    assert not any(t.startswith("* ") for t in message_texts(tail))  # a part shows no stars: no derived-stars note
    assert rows(tail)[1:] == [
        ["尾巴", "45", "40", "35", "0", "5", "10", "5", "20"],
        ["尾巴（傷口）", "60", "55", "50", "0", "15", "20", "15", "30"],
    ]


def test_a_part_without_figures_says_so(line_stub, knowledge):
    chat = Chat(line_stub, knowledge)
    answer = chat.say("magnamalo tail")
    assert answer is not None and "No hitzone figures" in " ".join(message_texts(answer))
    rise = chat.say("rise rathalos tail")  # figures from another game are labelled with it
    assert (
        rise is not None
        and "No figures in Monster Hunter Rise: Sunbreak; these are from Monster Hunter World: Iceborne."
        in message_texts(rise)
    )


def test_nothing_remembered_asks_which_monster_with_buttons_that_answer(line_stub, knowledge):
    chat = Chat(line_stub, knowledge)
    asked = chat.say("尾巴呢")
    assert asked is not None and asked["type"] == "text" and asked["text"].startswith("哪一隻魔物")
    offered = buttons(asked)
    assert 1 <= len(offered) <= 13 and all(b["label"].endswith("尾巴") for b in offered)
    answer = chat.press(offered[0]["data"])
    assert answer is not None and answer["type"] == "flex" and "尾巴" in answer["altText"]
    table = chat.say("肉質呢")  # the button's monster is now the chat's
    assert table is not None and offered[0]["label"].split()[0] in table["altText"]


def test_memory_off_answers_nothing_from_memory(line_stub, knowledge):
    chat = Chat(line_stub, knowledge, memory=NoMemory())
    assert chat.say("火龍") is not None
    for text in ("尾巴呢", "rise的呢", "what about ice"):
        answer = chat.say(text)
        assert answer is not None and answer["type"] == "text" and "火龍" not in answer["text"], text


def test_memory_forgets_after_its_time():
    now = [0.0]
    memory = LocalMemory(ttl=600, clock=lambda: now[0])
    memory.remember("chat", Remembered("rathalos", "world"))
    now[0] = 599
    assert memory.recall("chat") == Remembered("rathalos", "world")
    now[0] = 601
    assert memory.recall("chat") is None


def test_groups_follow_up_only_when_the_bot_would_answer(line_stub, knowledge):
    group = Chat(line_stub, knowledge, chat="group")
    assert group.say("尾巴呢") is None  # nothing to follow: silence, not a which-monster question
    assert group.say("我的頭好痛") is None and group.say("今天吃火鍋") is None  # chit-chat
    assert group.say("火龍") is not None
    tail = group.say("尾巴呢")
    assert tail is not None and "火龍" in tail["altText"]
    assert group.say("今天rise好玩嗎") is None
    assert group.say("rise") is None and group.say("尾巴") is None  # not worded as questions: chit-chat
    assert group.say("安靜") is not None  # mention-only from now on
    assert group.say("尾巴呢") is None
    head = group.say("頭呢", mention=True)
    assert head is not None and "頭部" in head["altText"]


def test_leaving_a_group_forgets_its_last_monster(line_stub, knowledge):
    group = Chat(line_stub, knowledge, chat="group")
    assert group.say("火龍") is not None and group.say("尾巴呢") is not None
    assert group.press_event(base_event("leave", "group")) is None
    assert group.say("尾巴呢") is None  # nothing to follow any more


def test_a_chat_chooses_its_own_game(line_stub, knowledge):
    chat = Chat(line_stub, knowledge)
    ack = chat.say("預設荒野")
    assert ack is not None and "荒野" in ack["text"]
    card = chat.say("火龍")
    assert card is not None and game_name("wilds", "zh-TW") in message_texts(card)
    assert [b["label"] for b in buttons(card)] == ["世界", "崛起"]  # the other games, a press away
    world = chat.say("world 火龍")
    assert world is not None and game_name("world", "zh-TW") in message_texts(world)
    pin = buttons(world)[-1]
    assert pin["label"] == "📌 預設世界"  # a reminder that the chat's game can be changed
    assert chat.press(pin["data"]) is not None
    again = chat.say("火龍")
    assert again is not None and game_name("world", "zh-TW") in message_texts(again)
    group = Chat(
        line_stub, knowledge, chat="group", preferences=chat.app.extensions["monsterbot"]["runtime"].preferences
    )
    other = group.say("ライズにして")
    assert other is not None and "ライズ" in other["text"]
    assert game_name("world", "zh-TW") in message_texts(chat.say("火龍") or {})  # each chat keeps its own


def test_replicas_share_memory_and_the_chat_game_through_the_store(line_stub, knowledge, tmp_path):
    from monsterbot.memory.sql_store import SqlMemory
    from monsterbot.preferences.sql import StorePreferences
    from monsterbot.store.database import migrate, open_engine

    engine = open_engine(f"sqlite:///{tmp_path / 'shared.db'}")
    migrate(engine)
    one, two = (
        Chat(line_stub, knowledge, memory=SqlMemory(engine, 600), preferences=StorePreferences(engine))
        for _ in range(2)
    )
    assert one.say("use rise here") is not None
    card = two.say("rathalos")
    assert card is not None and "Monster Hunter Rise: Sunbreak" in message_texts(card)
    tail = one.say("its tail")
    assert tail is not None and "Rathalos" in tail["altText"]


def test_store_memory_expires_and_clears_old_rows(database_url, engines):
    from sqlmodel import Session, select

    from monsterbot.memory.sql_store import SqlMemory
    from monsterbot.store.database import migrate
    from monsterbot.store.schema import ChatMemoryRow

    engine = engines(database_url)
    migrate(engine)
    now = [datetime(2026, 1, 1, tzinfo=timezone.utc)]
    memory = SqlMemory(engine, 600, clock=lambda: now[0])
    memory.remember("a", Remembered("rathalos", "world", "part", "tail", "zh-TW"))
    assert memory.recall("a") == Remembered("rathalos", "world", "part", "tail", "zh-TW")
    memory.forget("a")  # the bot left the chat
    assert memory.recall("a") is None
    memory.remember("a", Remembered("rathalos", "world", "part", "tail", "zh-TW"))
    now[0] += timedelta(seconds=601)
    assert memory.recall("a") is None
    memory.remember("b", Remembered("rathian", "rise"))
    memory.remember("b", Remembered("rathian", "wilds"))  # one row per chat, the last question
    assert memory.recall("b") == Remembered("rathian", "wilds")
    with Session(engine) as session:
        assert [row.chat_key for row in session.exec(select(ChatMemoryRow))] == ["b"]  # "a" expired and is gone


def test_host_file_memory_is_shared_expires_and_clears_old_rows(tmp_path, closing):
    """The embedded default: the host's workers (two connections here) share the file in the data folder."""
    import sqlite3

    from monsterbot.memory.host_store import HostFileMemory

    now = [1_800_000_000.0]
    one, two = (closing(HostFileMemory(tmp_path / "chats.sqlite3", 600, clock=lambda: now[0])) for _ in range(2))
    one.remember("a", Remembered("rathalos", "world", "part", "tail", "zh-TW"))
    assert two.recall("a") == Remembered("rathalos", "world", "part", "tail", "zh-TW")
    two.forget("a")  # the bot left the chat
    assert one.recall("a") is None
    one.remember("a", Remembered("rathalos", "world"))
    now[0] += 601
    assert two.recall("a") is None
    two.remember("b", Remembered("rathian", "rise"))
    one.remember("b", Remembered("rathian", "wilds"))  # one row per chat, the last question
    assert two.recall("b") == Remembered("rathian", "wilds")
    rows = sqlite3.connect(tmp_path / "chats.sqlite3").execute("SELECT key FROM chats").fetchall()
    assert rows == [("b",)]  # "a" expired and is gone


def test_a_broken_memory_file_reads_as_no_memory_and_the_card_is_still_answered(line_stub, knowledge, tmp_path, capsys):
    from monsterbot.memory.host_store import HostFileMemory

    memory = HostFileMemory(tmp_path / "chats.sqlite3", 600)  # the app's: closed with it
    memory._file.db.execute("DROP TABLE chats")  # the file no longer holds what we wrote
    chat = Chat(line_stub, knowledge, memory=memory)
    card = chat.say("rathalos")
    assert card is not None and "Rathalos" in card["altText"]
    assert chat.say("its tail") is not None  # "which monster?": nothing remembered, nothing raised
    logged = capsys.readouterr().err
    assert "chat memory not written" in logged and "chat memory not read" in logged


def test_chat_memory_follows_the_settings(tmp_path, closing):
    import sqlalchemy

    from monsterbot.config import Settings
    from monsterbot.memory import chat_memory
    from monsterbot.memory.host_store import HostFileMemory
    from monsterbot.memory.sql_store import SqlMemory

    def settings(**env: str) -> Settings:
        return Settings.from_env({"MONSTERBOT_DATA_DIR": str(tmp_path), **env}, require_line=False)

    assert isinstance(closing(chat_memory(settings(), None)), HostFileMemory)  # the embedded default
    assert settings(MONSTERBOT_QUERY_LOG="off").needs_store  # chats' own settings are kept in the store
    assert isinstance(chat_memory(settings(MONSTERBOT_MEMORY="off"), None), NoMemory)
    remote = settings(DATABASE_URL="postgresql+psycopg://u@127.0.0.1:1/x", MONSTERBOT_QUERY_LOG="off")
    assert remote.needs_store  # chat memory shared by replicas through the database server
    engine = sqlalchemy.create_engine("sqlite://")  # an engine of either kind: the settings decide
    remembered = chat_memory(remote, engine)
    assert isinstance(remembered, BoundedMemory) and isinstance(remembered._inner, SqlMemory)
    embedded = settings(DATABASE_URL=f"sqlite:///{tmp_path / 'store.sqlite3'}")
    assert isinstance(closing(chat_memory(embedded, engine)), HostFileMemory)  # SQLite store: the host's file, no ORM
    assert isinstance(closing(chat_memory(settings(REDIS_URL="redis://127.0.0.1:1/0"), None)), BoundedMemory)


def test_a_version_2_store_gains_the_chat_game(database_url, engines):
    import sqlalchemy
    from sqlmodel import Session

    from monsterbot.preferences.sql import StorePreferences
    from monsterbot.store.database import SCHEMA_VERSION, migrate
    from monsterbot.store.schema import Meta

    engine = engines(database_url)
    migrate(engine)
    with engine.begin() as connection:  # back to schema 2: a chat preference without a game
        connection.execute(sqlalchemy.text("ALTER TABLE chat_preferences DROP COLUMN game"))
        connection.execute(sqlalchemy.text("ALTER TABLE game_facts DROP COLUMN companion"))  # schema 5
        connection.execute(
            sqlalchemy.text(
                "INSERT INTO chat_preferences (chat_key, mention_only, updated_at) VALUES ('k', TRUE, '2026-01-01')"
            )
        )
    with Session(engine) as session:
        session.merge(Meta(key="schema_version", value="2"))
        session.commit()
    assert migrate(engine) == SCHEMA_VERSION  # 3 gave chat_preferences its game
    preferences = StorePreferences(engine)
    assert preferences.game("k") is None
    preferences.set_game("k", "wilds")
    assert preferences.game("k") == "wilds" and preferences.mention_only("k")  # the old setting is kept


# --- a slow, absent or shared store ----------------------------------------------------------------------------------


def test_a_stalled_store_keeps_replies_fast_and_degrades_to_no_memory(line_stub, knowledge):
    from monsterbot.memory.redis_store import RedisMemory
    from tests.tcp_proxy import TcpProxy

    need_redis()
    proxy = TcpProxy(("127.0.0.1", 6379))
    try:
        inner = RedisMemory(redis_url(proxy.port), ttl=60, prefix=f"monsterbot-test:{uuid.uuid4()}:")
        chat = Chat(
            line_stub, knowledge, memory=BoundedMemory(inner, Bounded("test memory", timeout=0.25, cooldown=30))
        )
        assert chat.say("火龍") is not None
        tail = chat.say("尾巴呢")
        assert tail is not None and "火龍" in tail["altText"]  # through the proxy while it flows
        proxy.stall()  # a hung Redis: connections stay open, nothing comes back
        for text in ("尾巴呢", "rise的呢", "火龍", "頭呢"):  # answered while the store stays stalled
            answer = answered(partial(chat.say, text))  # the socket timeout and the recall bound hold
            assert answer is not None
        assert answer is not None and answer["type"] == "text"
        assert answer["text"].startswith("哪一隻")  # no memory while the store hangs
    finally:
        proxy.stop()


def test_a_stalled_database_keeps_replies_fast_and_reads_as_defaults(line_stub, knowledge, engines):
    from monsterbot.memory.sql_store import SqlMemory
    from monsterbot.preferences.cached import CachedPreferences
    from monsterbot.preferences.sql import StorePreferences
    from monsterbot.store.database import migrate
    from tests.conftest import need_postgres, pg_schema_url
    from tests.tcp_proxy import TcpProxy

    need_postgres()
    url, drop = pg_schema_url()
    proxy = TcpProxy(("127.0.0.1", 5432))
    try:
        engine = engines(url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}"))
        migrate(engine)
        group = Chat(
            line_stub,
            knowledge,
            chat="group",
            memory=BoundedMemory(SqlMemory(engine, 600), Bounded("test memory", timeout=0.25, cooldown=30)),
            preferences=CachedPreferences(StorePreferences(engine), ttl=0.01, wait=0.25),
        )
        assert group.say("預設荒野") is not None
        card = group.say("火龍")
        assert card is not None and game_name("wilds", "zh-TW") in message_texts(
            card
        )  # the group's game, from the database
        assert group.say("尾巴呢") is not None
        proxy.stall()  # a hung database: connections stay open, nothing comes back
        for text in ("火龍", "尾巴呢", "rathalos"):  # answered while the database stays stalled
            answer = answered(partial(group.say, text))
            if text == "rathalos":  # the defaults: clear names answered, the bot's game, nothing remembered
                assert answer is not None and "Monster Hunter World: Iceborne" in message_texts(answer)
        assert group.say("尾巴呢") is None
    finally:
        proxy.stop()
        drop()


def test_an_absent_store_keeps_replies_fast(line_stub, knowledge):
    from monsterbot.memory.redis_store import RedisMemory

    chat = Chat(line_stub, knowledge, memory=BoundedMemory(RedisMemory("redis://127.0.0.1:1/0", ttl=60)))
    assert answered(lambda: chat.say("火龍")) is not None and answered(lambda: chat.say("尾巴呢")) is not None


def test_replicas_share_memory_through_redis(line_stub, knowledge):
    from monsterbot.memory.redis_store import RedisMemory

    url = need_redis()
    prefix = f"monsterbot-test:{uuid.uuid4()}:"
    one, two = (
        Chat(line_stub, knowledge, memory=BoundedMemory(RedisMemory(url, ttl=60, prefix=prefix))) for _ in range(2)
    )
    assert one.say("rathalos") is not None
    answer = two.say("its tail")
    assert answer is not None and "Rathalos Tail" in answer["altText"]


# --- every new reply within LINE's limits (replies/line_rules.py)
# ---------------------------------------------------------------------------


def test_new_replies_are_within_lines_limits(knowledge):
    from monsterbot.conversation import Conversation
    from monsterbot.replies import line_rules

    conversation = Conversation(knowledge)
    messages = []
    for number, monster in enumerate(knowledge.current.monsters.values()):
        name = monster.names["en"]  # every monster's tail (the part with most pieces), the other questions on a sample
        more = (f"{name} head", f"{name} ice", "its wings", "what about dragon", "rise?") if number % 8 == 0 else ()
        for text in (f"{name} tail", *more):
            messages += conversation.reply_to_text(text, chat_key="limits").messages
    for text in ("尾巴呢", "預設荒野", "火龍", "world 火龍", "那雷屬性呢", "use rise here"):
        messages += Conversation(knowledge).reply_to_text(text, chat_key="fresh").messages
    assert len(messages) >= len(knowledge.current.monsters) + 5
    for message in (m.data for m in messages):
        assert line_rules.request_errors({"replyToken": "t", "messages": [message]}) == ("", []), message
        assert len(message.get("altText", "x")) <= 400  # what a notification shows in full


def test_new_replies_validate_against_the_messaging_api(line_stub, knowledge):
    spec = need_shared("line-openapi", "messaging-api.yml")
    chat = Chat(line_stub, knowledge)
    for text in (
        "尾巴呢",
        "火龍",
        "尾巴呢",
        "那水屬性呢",
        "rise的呢",
        "跟雌火龍比呢",
        "rise 火龍",
        "預設荒野",
        "rathalos ice",
        "magnamalo tail",
    ):
        assert chat.say(text) is not None
        assert errors(spec, "ReplyMessageRequest", line_stub.replies()[-1].body) == [], text


def test_every_name_with_a_part_or_an_element_finds_its_own_monster(knowledge):
    snapshot = knowledge.current
    names = {normalize(n) for m in snapshot.monsters.values() for _, n in m.all_names()}
    for monster in snapshot.monsters.values():
        for _, name in monster.all_names():
            for asked, kind in (
                (" tail", Kind.PART),
                ("の尻尾", Kind.PART),
                (" 水屬性", Kind.ELEMENT),
                (" ice", Kind.ELEMENT),
            ):
                question = parse(name + asked, names.__contains__)
                result = snapshot.matcher.match_question(question)
                assert question.kind is kind, name + asked
                if {c.monster_id for c in result.candidates if c.score == 100} - {monster.id}:
                    assert monster.id in {c.monster_id for c in result.candidates}  # a nickname meant for several
                    continue
                assert result.best is not None and result.best.monster_id == monster.id, name + asked


def test_a_failed_preferences_read_answers_the_default_and_keeps_nothing(tmp_path):
    """The chat's own setting is back as soon as the database is: a failure is never cached as "off"."""
    from monsterbot.preferences.cached import CachedPreferences
    from monsterbot.preferences.sql import StorePreferences
    from monsterbot.store.database import migrate, open_engine

    engine = open_engine(f"sqlite:///{tmp_path / 'prefs.db'}")  # no tables yet: every read fails
    cached = CachedPreferences(StorePreferences(engine), ttl=30.0, wait=0.25)
    assert cached.mention_only("chat") is False and cached.game("chat") is None
    migrate(engine)
    StorePreferences(engine).set_mention_only("chat", True)  # another replica's change, now readable
    StorePreferences(engine).set_game("chat", "rise")
    wait_for(lambda: cached.mention_only("chat") is True and cached.game("chat") == "rise")


@pytest.mark.parametrize("text", ["rathalos weak vs what", "nargacuga vs what?"])
def test_a_name_before_vs_is_asked_about_not_a_follow_up_comparison(text: str) -> None:
    question = parse(text)
    assert not question.followup and question.kind is not Kind.COMPARE
