"""Replies around a conversation: "which monster?" when a follow-up has nothing to follow, the buttons that carry a
part or element question to a monster, and the button under a card that makes its game the chat's own.
"""

from __future__ import annotations

from typing import Sequence
from urllib.parse import urlencode

from monsterbot.core.model import GAMES, Monster
from monsterbot.line_sdk.messaging import PostbackAction, QuickReply, QuickReplyItem, TextMessage
from monsterbot.replies.game_labels import short_game_name
from monsterbot.replies.labels import ELEMENT_ICONS, label, translated
from monsterbot.replies.messages import (
    ASK,
    DETAIL,
    QUICK_REPLY_LIMIT,
    button_label,
    named_label,
    postback_data,
    set_game_data,
)

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "which_monster": "Which monster? Send its name, or pick one:",
        "game_set": "OK, this chat now uses {game}.",
        "use_here": "📌 {game} here",
        "tail": "Tail",
        "head": "Head",
        "neck": "Neck",
        "body": "Body",
        "back": "Back",
        "wing": "Wings",
        "leg": "Legs",
        "horn": "Horns",
        "chest": "Chest",
        "belly": "Belly",
        "arm": "Arms",
        "claw": "Claws",
    },
    "zh-TW": {
        "which_monster": "哪一隻魔物？傳名字給我，或選一隻：",
        "game_set": "好的，這個聊天室之後用{game}的資料。",
        "use_here": "📌 預設{game}",
        "tail": "尾巴",
        "head": "頭部",
        "neck": "脖子",
        "body": "身體",
        "back": "背部",
        "wing": "翅膀",
        "leg": "腿部",
        "horn": "角",
        "chest": "胸部",
        "belly": "腹部",
        "arm": "手臂",
        "claw": "爪",
    },
    "zh-CN": {
        "which_monster": "哪一只怪物？发名字给我，或选一只：",
        "game_set": "好的，这个聊天室之后用{game}的资料。",
        "use_here": "📌 预设{game}",
        "tail": "尾巴",
        "head": "头部",
        "neck": "颈部",
        "body": "身体",
        "back": "背部",
        "wing": "翅膀",
        "leg": "腿部",
        "horn": "角",
        "chest": "胸部",
        "belly": "腹部",
        "arm": "手臂",
        "claw": "爪",
    },
    "ja": {
        "which_monster": "どのモンスターですか？名前を送るか、選んでください：",
        "game_set": "了解です。このトークでは{game}のデータを使います。",
        "use_here": "📌 {game}にする",
        "tail": "尻尾",
        "head": "頭",
        "neck": "首",
        "body": "胴体",
        "back": "背中",
        "wing": "翼",
        "leg": "脚",
        "horn": "角",
        "chest": "胸",
        "belly": "腹",
        "arm": "腕",
        "claw": "爪",
    },
}


def say(language: str, key: str) -> str:
    """A word of these replies in a language, falling back to English."""
    return translated(_WORDS, language, key)


def detail_name(ask: str, detail: str, language: str) -> str:
    """The part ("尾巴") or element ("💧 水") a question is about."""
    return f"{ELEMENT_ICONS[detail]} {label(language, detail)}" if ask == "element" else say(language, detail)


def ask_data(monster_id: str, game: str | None, language: str, ask: str = "", detail: str = "") -> str:
    """A button's data: a monster's card, or its answer about a part or an element."""
    data = postback_data(monster_id, game, language)
    return f"{data}&{urlencode({ASK: ask, DETAIL: detail})}" if ask and detail else data


def which_monster(monsters: Sequence[Monster], game: str | None, language: str, ask: str, detail: str) -> TextMessage:
    """A follow-up with nothing to follow: ask for the monster, with buttons that answer the same question."""
    items = []
    for monster in monsters[:QUICK_REPLY_LIMIT]:
        name = monster.name(language)
        asked = detail_name(ask, detail, language) if ask and detail else ""
        items.append(
            QuickReplyItem(
                action=PostbackAction(
                    label=named_label(name, asked),
                    data=ask_data(monster.id, game, language, ask, detail),
                    display_text=f"{name} {asked}".strip(),
                )
            )
        )
    return TextMessage(text=say(language, "which_monster"), quick_reply=QuickReply(items=items) if items else None)


def game_set_words(game: str, language: str) -> str:
    """The words saying the chat's own game is now `game`."""
    return say(language, "game_set").format(game=short_game_name(game, language))


def game_set(game: str, language: str) -> TextMessage:
    """The chat's own game is now `game`."""
    return TextMessage(text=game_set_words(game, language))


def with_use_here(buttons: QuickReply | None, shown: str | None, language: str) -> QuickReply | None:
    """A card's game buttons and one more that makes the game shown the chat's own (a reminder that a chat can choose
    its game); unchanged without other games to open or when LINE's button limit is reached."""
    items = list(buttons.items) if buttons is not None and buttons.items else []
    if shown not in GAMES or not items or len(items) >= QUICK_REPLY_LIMIT:
        return buttons
    text = say(language, "use_here").format(game=short_game_name(shown, language))
    items.append(
        QuickReplyItem(
            action=PostbackAction(label=button_label(text), data=set_game_data(shown, language), display_text=text)
        )
    )
    return QuickReply(items=items)
