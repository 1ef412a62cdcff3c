"""The one line said before an answer when the question asked for something no data here holds
(`Answer.unanswered`: a topic, "part:<family>" for a part the monster has no figures for, "game:<game>" and
"rank:<rank>" for a game or rank asked whose facts are not held, where another is shown)."""

from __future__ import annotations

from monsterbot.core.answer import Answer, AnswerKind
from monsterbot.replies import companion
from monsterbot.replies.followups import say
from monsterbot.replies.game_labels import short_game_name
from monsterbot.replies.labels import translated

_NOTES: dict[str, dict[str, str]] = {
    "en": {
        "hp": "Monster HP is not in my data. Here is what I know about {name}:",
        "weapon": "Weapon recommendations are not in my data. Here is what I know about {name}:",
        "tempered": "Tempered monsters' figures are not in my data. Here is what I know about {name}:",
        "armor": "Armor is not in my data. Here is what I know about {name}:",
        "game": "I hold {shown} {topic} for {name}, not {asked}:",
        "part": "{name}: no figures for its {part} in my data. Here are the parts it has:",
    },
    "zh-TW": {
        "hp": "我的資料沒有魔物的體力。以下是{name}的資料：",
        "weapon": "我的資料沒有武器推薦。以下是{name}的資料：",
        "tempered": "我的資料沒有歷戰個體的數值。以下是{name}的資料：",
        "armor": "我的資料沒有防具。以下是{name}的資料：",
        "game": "我只有{name}的{shown}{topic}，沒有{asked}的：",
        "part": "{name}沒有{part}的肉質資料，以下是牠有資料的部位：",
    },
    "zh-CN": {
        "hp": "我的资料没有怪物的体力。以下是{name}的资料：",
        "weapon": "我的资料没有武器推荐。以下是{name}的资料：",
        "tempered": "我的资料没有历战个体的数值。以下是{name}的资料：",
        "armor": "我的资料没有防具。以下是{name}的资料：",
        "game": "我只有{name}的{shown}{topic}，没有{asked}的：",
        "part": "{name}没有{part}的肉质资料，以下是它有资料的部位：",
    },
    "ja": {
        "hp": "モンスターの体力はデータにありません。{name}のデータはこちら：",
        "weapon": "おすすめ武器はデータにありません。{name}のデータはこちら：",
        "tempered": "歴戦の個体の数値はデータにありません。{name}のデータはこちら：",
        "armor": "防具はデータにありません。{name}のデータはこちら：",
        "game": "{name}の{asked}の{topic}はデータにありません。{shown}の{topic}はこちら：",
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
        name=name, part=say(answer.language, family) if family else ""
    )


def _other_shown(answer: Answer, asked_by: str, asked: str) -> str:
    """ "I hold MH Wilds materials for Rathalos, not MH Rise:", "I hold high rank materials …, not low rank:"."""
    language = answer.language

    def named(value: str) -> str:
        if asked_by == "game":
            return short_game_name(value, language)
        rank = companion.say(language, value)
        return rank.lower() if language == "en" else rank

    topic = companion.say(language, "materials" if answer.kind is AnswerKind.MATERIALS else answer.topic)
    shown = answer.game if asked_by == "game" else answer.topic
    return translated(_NOTES, language, "game").format(
        name=answer.monsters[0].name(language),
        shown=named(shown or ""),
        asked=named(asked),
        topic=topic.lower() if language == "en" else topic,
    )
