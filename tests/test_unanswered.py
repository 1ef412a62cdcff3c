"""What the knowledge does not hold is said in one line, in the asker's language, before the nearest useful answer;
a part without figures offers the parts that have them."""

from __future__ import annotations

from typing import Any

import pytest

from monsterbot.conversation import ChatKind, Conversation
from monsterbot.core.matching.followup import in_family


@pytest.fixture
def talk(knowledge: Any) -> Conversation:
    return Conversation(knowledge)


@pytest.mark.parametrize(
    "text, line, monster",
    [
        ("rathalos hp", "Monster HP is not in my data. What I know about Rathalos is a tap away below.", "rathalos"),
        (
            "best weapon for arkveld",
            "Weapon recommendations are not in my data. What I know about Arkveld is a tap away below.",
            "arkveld",
        ),
        ("火龍 體力", "我的資料沒有魔物的體力。火龍的資料請點下方按鈕。", "rathalos"),
        ("火龙 体力", "我的资料没有怪物的体力。火龙的资料请点下方按钮。", "rathalos"),
        ("rathalos quest", "Quests are not in my data. What I know about Rathalos is a tap away below.", "rathalos"),
        ("リオレウス クエスト", "クエストはデータにありません。リオレウスのデータは下のボタンからどうぞ。", "rathalos"),
        ("rathalos gear", "Equipment is not in my data. What I know about Rathalos is a tap away below.", "rathalos"),
        (
            "rathalos flash bomb",
            "Whether flashes work is not in my data. What I know about Rathalos is a tap away below.",
            "rathalos",
        ),
    ],
)
def test_a_topic_no_data_holds_is_said_instead_of_another_answer(
    talk: Conversation, text: str, line: str, monster: str
) -> None:
    """Said in one line, in the asker's language; the monster's card is a button under it, not the answer."""
    reply = talk.reply_to_text(text)
    [message] = [m.data for m in reply.messages]
    assert reply.kind == "not_held" and message["type"] == "text" and message["text"] == line
    [button] = message["quickReply"]["items"]
    assert talk.reply_to_postback(button["action"]["data"]).monsters[0].id == monster
    assert [m.id for m in reply.monsters] == [monster] and reply.unanswered


@pytest.mark.parametrize("text", ["火龍 任務報酬", "rathalos quest rewards", "リオレウス クエスト報酬"])
def test_quest_rewards_are_held_the_materials_answer_them(talk: Conversation, text: str) -> None:
    assert talk.reply_to_text(text).kind == "materials", text


def test_a_plain_question_says_nothing_more(talk: Conversation) -> None:
    reply = talk.reply_to_text("火龍")
    assert len(reply.messages) == 1 and not reply.unanswered
    assert talk.reply_to_text("hp").kind == "not_found"  # no monster: nothing to answer with


def test_a_not_held_question_in_a_group_is_answered_only_when_addressed(talk: Conversation) -> None:
    assert talk.reply_to_text("rathalos hp", ChatKind.GROUP, chat_key="g").messages == []
    assert len(talk.reply_to_text("rathalos hp", ChatKind.GROUP, mentioned=True, chat_key="g").messages) == 1


def test_a_part_without_figures_offers_the_parts_that_have_them(talk: Conversation) -> None:
    reply = talk.reply_to_text("ヌ・エグドラ 脚")
    assert reply.messages[0].data["text"] == "ヌ・エグドラの脚の肉質データはありません。データのある部位はこちら："
    assert reply.kind == "hitzones" and reply.unanswered == "part:leg"
    assert talk.reply_to_text("火龍 尾巴").kind == "part"  # a part with figures is answered as before


@pytest.mark.parametrize(
    "text, parts",
    [
        ("鎖刃龍 鎖刃", ["Left Chainblade", "Right Chainblade"]),  # the game's part is 鎖翼刃
        ("nu udra tentacles", ["Tentacle", "Front Left Arm", "Rear Right Arm"]),  # 觸手 in the game's Chinese
        ("ヌ・エグドラ 触手", ["Tentacle", "Middle Left Arm"]),  # ("nu udra tentacle" is an item: its sources answer)
        ("アルシュベルド 鎖刃", ["Left Chainblade"]),
    ],
)
def test_a_part_named_as_the_game_or_players_name_it_is_answered(
    talk: Conversation, text: str, parts: list[str]
) -> None:
    reply = talk.reply_to_text(text)
    assert reply.kind == "part"
    facts = reply.monsters[0].facts(reply.game)
    assert facts is not None
    shown = {z.part for z in facts.hitzones if in_family(z.part, reply.topic)}
    assert set(parts) <= shown


@pytest.mark.parametrize("text", ["火龍 弱點", "リオレウス 弱点", "火龙 弱点", "rathalos weakness"])
def test_words_that_name_no_part_still_get_the_card(talk: Conversation, text: str) -> None:
    assert talk.reply_to_text(text).kind == "weakness"


@pytest.mark.parametrize(
    "text, element",
    [
        ("rathalos lightning", "thunder"),
        ("rathalos elec", "thunder"),
        ("火龍 雷", "thunder"),
        ("火龍 電", "thunder"),
        ("rathalos frost", "ice"),
        ("火龍 冰", "ice"),
        ("リオレウス 竜属性", "dragon"),
    ],
)
def test_an_element_named_as_players_name_it_is_answered(talk: Conversation, text: str, element: str) -> None:
    reply = talk.reply_to_text(text)
    assert (reply.kind, reply.topic, reply.monsters[0].id) == ("element", element, "rathalos")


@pytest.mark.parametrize(
    "text, line, monster",
    [
        ("歴戦 リオレウス", "歴戦の個体の数値はデータにありません。リオレウスのデータはこちら：", "rathalos"),
        ("歷戰火龍", "我的資料沒有歷戰個體的數值，以下是火龍的資料：", "rathalos"),
        ("历战王冻峰龙", "我的资料没有历战个体的数值，以下是冻峰龙的资料：", "jin-dahaad"),
        (
            "tempered rey dau",
            "Tempered monsters' own figures are not in my data. What I know about Rey Dau:",
            "rey-dau",
        ),
    ],
)
def test_an_individual_named_alone_gets_the_line_then_the_card(
    talk: Conversation, text: str, line: str, monster: str
) -> None:
    """A tempered one is the monster: named with no question it gets what it gets asked about, the card after the
    line on what is its own."""
    reply = talk.reply_to_text(text)
    assert reply.kind == "weakness" and [m.id for m in reply.monsters] == [monster]
    assert reply.messages[0].data["text"] == line and len(reply.messages) == 2
    assert reply.unanswered == "tempered"


@pytest.mark.parametrize(
    "text, line",
    [
        ("狂龍化火龍", "我的資料沒有狂龍化或傀異化個體的數值，以下是火龍的資料："),
        ("傀異化 リオレウス", "狂竜化・傀異化した個体の数値はデータにありません。リオレウスのデータはこちら："),
        (
            "frenzied rathalos",
            "Frenzied or afflicted monsters' own figures are not in my data. What I know about Rathalos:",
        ),
    ],
)
def test_a_frenzied_or_afflicted_one_is_not_answered_as_the_monster_unsaid(
    talk: Conversation, text: str, line: str
) -> None:
    """ "frenzied rathalos" got Rathalos's card as if its figures were the frenzied one's: the line comes first."""
    reply = talk.reply_to_text(text)
    assert reply.kind == "weakness" and reply.monsters[0].id == "rathalos"
    assert reply.messages[0].data["text"] == line and reply.unanswered == "afflicted"


def test_every_topic_no_data_holds_has_its_line_in_every_language() -> None:
    from monsterbot.questions.unanswered import NOT_HELD
    from monsterbot.replies.unanswered import _NOTES

    for language, notes in _NOTES.items():
        assert set(notes) == {*NOT_HELD, "shown", "part", "game", "game_item"}, language


@pytest.mark.parametrize(
    "text, line, monster",
    [
        ("歷戰王雌火龍弱點", "我的資料沒有歷戰個體的數值，以下是雌火龍的資料：", "rathian"),
        (
            "what element weapon for tempered nargacuga",
            "That is not in my data. What I know about Nargacuga:",  # the weapon is the topic
            "nargacuga",
        ),
        ("リオレイアに効く属性の武器", "その情報はデータにありません。リオレイアのデータはこちら：", "rathian"),
    ],
)
def test_a_topic_no_data_holds_beside_what_the_card_shows_gets_the_line_then_the_card(
    talk: Conversation, text: str, line: str, monster: str
) -> None:
    """A tempered monster's weaknesses are its own; the element of a weapon to bring is the monster's weakness."""
    reply = talk.reply_to_text(text)
    assert reply.kind == "weakness" and [m.id for m in reply.monsters] == [monster]
    assert reply.messages[0].data["text"] == line and len(reply.messages) == 2


def test_the_line_on_what_no_data_holds_is_made_once_per_knowledge_version(talk: Conversation) -> None:
    """The line before an individual's card is built and encoded once, like the card: whoever typed it, however."""
    first = talk.reply_to_text("歷戰火龍")
    again = talk.reply_to_text("歷戰火龍 弱點")
    assert first.unanswered == again.unanswered == "tempered"
    assert first.messages[0] is again.messages[0] and first.messages[1] is again.messages[1]
