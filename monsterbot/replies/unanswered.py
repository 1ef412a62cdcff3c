"""The one line said before an answer when the question asked for something no data here holds
(`Answer.unanswered`: a topic, or "part:<family>" for a part the monster has no figures for)."""

from __future__ import annotations

from monsterbot.core.answer import Answer
from monsterbot.replies.followups import say
from monsterbot.replies.labels import translated

_NOTES: dict[str, dict[str, str]] = {
    "en": {
        "hp": "Monster HP is not in my data. Here is what I know about {name}:",
        "weapon": "Weapon recommendations are not in my data. Here is what I know about {name}:",
        "tempered": "Tempered monsters' figures are not in my data. Here is what I know about {name}:",
        "armor": "Armor is not in my data. Here is what I know about {name}:",
        "part": "{name}: no figures for its {part} in my data. Here are the parts it has:",
    },
    "zh-TW": {
        "hp": "我的資料沒有魔物的體力。以下是{name}的資料：",
        "weapon": "我的資料沒有武器推薦。以下是{name}的資料：",
        "tempered": "我的資料沒有歷戰個體的數值。以下是{name}的資料：",
        "armor": "我的資料沒有防具。以下是{name}的資料：",
        "part": "{name}沒有{part}的肉質資料，以下是牠有資料的部位：",
    },
    "zh-CN": {
        "hp": "我的资料没有怪物的体力。以下是{name}的资料：",
        "weapon": "我的资料没有武器推荐。以下是{name}的资料：",
        "tempered": "我的资料没有历战个体的数值。以下是{name}的资料：",
        "armor": "我的资料没有防具。以下是{name}的资料：",
        "part": "{name}没有{part}的肉质资料，以下是它有资料的部位：",
    },
    "ja": {
        "hp": "モンスターの体力はデータにありません。{name}のデータはこちら：",
        "weapon": "おすすめ武器はデータにありません。{name}のデータはこちら：",
        "tempered": "歴戦の個体の数値はデータにありません。{name}のデータはこちら：",
        "armor": "防具はデータにありません。{name}のデータはこちら：",
        "part": "{name}の{part}の肉質データはありません。データのある部位はこちら：",
    },
}


def unanswered_note(answer: Answer) -> str:
    """The line in the asker's language (English where the language has none)."""
    topic, _, family = answer.unanswered.partition(":")
    name = answer.monsters[0].name(answer.language) if answer.monsters else ""
    return translated(_NOTES, answer.language, topic).format(
        name=name, part=say(answer.language, family) if family else ""
    )
