"""The one line said before an answer when the question asked for something no data here holds
(`Answer.unanswered`: a topic, "tempered" before the card; "shown:<topic>" for one asked beside what the card shown
answers, "火龍用什麼屬性武器";
"part:<family>" for a part the monster has no figures for; "game:<game>" and "rank:<rank>" for a game or rank
asked whose facts are not held, where another is shown)."""

from __future__ import annotations

from monsterbot.core.answer import Answer, AnswerKind
from monsterbot.core.glossary import item_name
from monsterbot.replies import companion
from monsterbot.replies.followups import say
from monsterbot.replies.game_labels import short_game_name
from monsterbot.replies.labels import translated

_NOTES: dict[str, dict[str, str]] = {
    "en": {
        "shown": "That is not in my data. What I know about {name}:",
        "hp": "Monster HP is not in my data. What I know about {name} is a tap away below.",
        "weapon": "Weapon recommendations are not in my data. What I know about {name} is a tap away below.",
        "tempered": "Tempered monsters' own figures are not in my data. What I know about {name}:",
        "afflicted": "Frenzied or afflicted monsters' own figures are not in my data. What I know about {name}:",
        "armor": "Armor is not in my data. What I know about {name} is a tap away below.",
        "gear": "Equipment is not in my data. What I know about {name} is a tap away below.",
        "quest": "Quests are not in my data. What I know about {name} is a tap away below.",
        "flash": "Whether flashes work is not in my data. What I know about {name} is a tap away below.",
        "game": "I hold {shown} {topic} for {name}, not {asked}:",
        "game_item": "I hold where to get {name} in {shown}, not in {asked}:",
        "part": "{name}: no figures for its {part} in my data. Here are the parts it has:",
    },
    "zh-TW": {
        "shown": "這部分我的資料沒有，以下是{name}的資料：",
        "hp": "我的資料沒有魔物的體力。{name}的資料請點下方按鈕。",
        "weapon": "我的資料沒有武器推薦。{name}的資料請點下方按鈕。",
        "tempered": "我的資料沒有歷戰個體的數值，以下是{name}的資料：",
        "afflicted": "我的資料沒有狂龍化或傀異化個體的數值，以下是{name}的資料：",
        "armor": "我的資料沒有防具。{name}的資料請點下方按鈕。",
        "gear": "我的資料沒有裝備。{name}的資料請點下方按鈕。",
        "quest": "我的資料沒有任務。{name}的資料請點下方按鈕。",
        "flash": "我的資料沒有閃光是否有效。{name}的資料請點下方按鈕。",
        "game": "我沒有{name}的{asked}{topic}，以下是{shown}的：",
        "game_item": "我沒有{asked}的{name}入手方法，以下是{shown}的：",
        "part": "{name}沒有{part}的肉質資料，以下是牠有資料的部位：",
    },
    "zh-CN": {
        "shown": "这部分我的资料没有，以下是{name}的资料：",
        "hp": "我的资料没有怪物的体力。{name}的资料请点下方按钮。",
        "weapon": "我的资料没有武器推荐。{name}的资料请点下方按钮。",
        "tempered": "我的资料没有历战个体的数值，以下是{name}的资料：",
        "afflicted": "我的资料没有狂龙化或傀异化个体的数值，以下是{name}的资料：",
        "armor": "我的资料没有防具。{name}的资料请点下方按钮。",
        "gear": "我的资料没有装备。{name}的资料请点下方按钮。",
        "quest": "我的资料没有任务。{name}的资料请点下方按钮。",
        "flash": "我的资料没有闪光是否有效。{name}的资料请点下方按钮。",
        "game": "我没有{name}的{asked}{topic}，以下是{shown}的：",
        "game_item": "我没有{asked}的{name}获取方法，以下是{shown}的：",
        "part": "{name}没有{part}的肉质资料，以下是它有资料的部位：",
    },
    "ja": {
        "shown": "その情報はデータにありません。{name}のデータはこちら：",
        "hp": "モンスターの体力はデータにありません。{name}のデータは下のボタンからどうぞ。",
        "weapon": "おすすめ武器はデータにありません。{name}のデータは下のボタンからどうぞ。",
        "tempered": "歴戦の個体の数値はデータにありません。{name}のデータはこちら：",
        "afflicted": "狂竜化・傀異化した個体の数値はデータにありません。{name}のデータはこちら：",
        "armor": "防具はデータにありません。{name}のデータは下のボタンからどうぞ。",
        "gear": "装備はデータにありません。{name}のデータは下のボタンからどうぞ。",
        "quest": "クエストはデータにありません。{name}のデータは下のボタンからどうぞ。",
        "flash": "閃光が効くかはデータにありません。{name}のデータは下のボタンからどうぞ。",
        "game": "{name}の{asked}の{topic}はデータにありません。{shown}の{topic}はこちら：",
        "game_item": "{asked}の{name}の入手方法はデータにありません。{shown}の入手方法はこちら：",
        "part": "{name}の{part}の肉質データはありません。データのある部位はこちら：",
    },
}


def unanswered_note(answer: Answer) -> str:
    """The line in the asker's language (English where the language has none)."""
    topic, _, family = answer.unanswered.partition(":")
    if topic in ("game", "rank"):
        return _other_shown(answer, topic, family)
    name = answer.monsters[0].name(answer.language) if answer.monsters else ""
    return translated(_NOTES, answer.language, topic).format(
        name=name, part=say(answer.language, family) if topic == "part" else ""
    )


def _other_shown(answer: Answer, asked_by: str, asked: str) -> str:
    """ "I hold MH Wilds materials for Rathalos, not MH Rise:", "I hold high rank materials …, not low rank:"."""
    language = answer.language

    def named(value: str) -> str:
        if asked_by == "game":
            return short_game_name(value, language)
        rank = companion.say(language, value)
        return rank.lower() if language == "en" else rank

    if answer.kind is AnswerKind.ITEM_SOURCES:  # topic: the item
        return translated(_NOTES, language, "game_item").format(
            name=item_name(answer.topic, language, answer.game or ""),
            shown=named(answer.game or ""),
            asked=named(asked),
        )
    topic = companion.say(language, "materials" if answer.kind is AnswerKind.MATERIALS else answer.topic)
    shown = answer.game if asked_by == "game" else answer.topic
    return translated(_NOTES, language, "game").format(
        name=answer.monsters[0].name(language),
        shown=named(shown or ""),
        asked=named(asked),
        topic=topic.lower() if language == "en" else topic,
    )
