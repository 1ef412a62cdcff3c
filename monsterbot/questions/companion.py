"""The hunt companion's questions: a monster's materials ("火龍 素材", "rathalos materials high rank"), where it lives
("火龍 棲息地", "rathalos habitat"), what it inflicts and what to bring ("火龍 異常", "what does rathalos inflict"),
the same as follow-ups ("素材呢", "and its habitat?"), and where an item comes from ("火龍紅玉", "where do I get
rathalos ruby", "火龍紅玉怎麼拿", "火竜の紅玉の入手方法").
"""

from __future__ import annotations

import re
from functools import lru_cache

from monsterbot.core.answer import Answer, AnswerKind, AnswerOutcome, Certainty, Remembered
from monsterbot.core.companion import RANKS, holds
from monsterbot.core.matching.question import GAME_WORDS, Kind, parse
from monsterbot.core.matching.reading import Verdict, read, read_question
from monsterbot.core.model import GAMES, GameFacts, Monster
from monsterbot.core.snapshot import Snapshot
from monsterbot.questions.context import Context, certainty

#: The words that make a message a topic's question, as players type them in four languages.
TOPICS: dict[str, re.Pattern[str]] = {
    "materials": re.compile(
        r"素材|材料|掉落率|掉落物?|掉率|掉寶|剥ぎ取り|ドロップ率|入手確率|"
        r"\b(?:materials?|mats|drops|loot|drop (?:rates?|chances?))\b",
        re.I,
    ),
    "habitat": re.compile(r"棲息地|栖息地|生息地|出沒|出没|地點|地点|場所|\b(?:habitats?|locations?)\b", re.I),
    "inflicts": re.compile(
        r"状態異常攻撃|状態異常|異常狀態|异常状态|異常|异常|帶什麼|带什么|持ち物|"
        r"\b(?:inflicts?|what (?:should i|to) bring|ailments?)\b",
        re.I,
    ),
    "crowns": re.compile(r"皇冠|金冠|銀冠|银冠|王冠|サイズ|尺寸|\b(?:crowns?|sizes?)\b", re.I),
}
#: "Where is X": where a monster is found, asked in four languages ("where is rey dau", "where can I find rathalos",
#: "火龍在哪裡", "火龙在哪里", "火龍哪裡有", "リオレウス どこ", "リオレウスはどこにいる"): its habitat.
WHERE = re.compile(
    r"(?:出[現现])?在哪[裡里裏兒儿]?|哪[裡里裏]有|哪[裡里裏]找|どこ(?:に(?:いる|います|出る))?|"
    r"\bwhere(?:'s|s)?\b",
    re.I,
)
#: Where to hit, where it is weak, where a part breaks: not where the monster lives ("where to hit rathalos",
#: "リオレウスの弱点はどこ", "火龍打哪裡").
WHERE_ON_IT = re.compile(r"弱|打|攻撃|攻击|肉質|肉质|部位|破壊|破壞|破坏|\b(?:hit|weak\w*|break|cut|sever)\b", re.I)
#: The words of a topic's question around the monster's name, taken out before the name is looked up.
TOPIC_WORDS = re.compile(
    r"\b(?:what|does|do|is|are|can|i|find|where|live|lives|found|should|to|bring|get|the|of|in|its?|s)\b"
    r"|[はの](?=\s*$)",
    re.I,
)
#: Rank words (the materials' rank asked for).
RANK_WORDS = {
    "low": re.compile(r"下位|\b(?:low rank|lr)\b", re.I),
    "high": re.compile(r"上位|\b(?:high rank|hr)\b", re.I),
    "master": re.compile(r"大師|大师|マスター|\b(?:master rank|mr)\b", re.I),
}
#: "Where do I get X", "X 怎麼拿", "Xの入手方法", "X drop rate": an item question whatever X is.
ITEM_CUES = re.compile(
    r"の入手方法|の入手場所|入手方法|の入手|入手|怎麼拿|怎么拿|怎麼取得|怎么获得|怎麼刷|怎么刷|哪裡拿|哪里拿|哪裡有|哪里有|掉率|"
    r"\b(?:where (?:do|can) i (?:get|find|farm)|where(?:'s| is| are| to get)|how (?:do i|to) get|drop rates?)\b",
    re.I,
)
#: A game named before an item question ("世界 火龍的紅玉怎麼拿", "MH World where do I get Rathalos Ruby": what the
#: other-game buttons of an item's sources send): the question's game, not part of the item's name.
LEADING_GAME = re.compile(
    r"^\s*(?:(?:mh|monster\s*hunter)\s*)?(?:%s)(?![a-z])\s*"
    % "|".join(
        re.escape(w) for w in sorted((w for words in GAME_WORDS.values() for w in words), key=len, reverse=True)
    ),
    re.I,
)
#: Longer messages are chatter, not an item question.
MAX_ITEM_QUESTION = 60
#: What is left of a follow-up once its topic is taken out: nothing but these ("素材呢", "and its habitat?").
FILLER = re.compile(
    r"[\s?？!！。,，.、~]+|呢|嗎|吗|那|它的|牠的|他的|的|還有|还有"
    r"|\b(?:and|its|it|what about|the|of)\b|は\b|は?[?？]?$",
    re.I,
)


@lru_cache(maxsize=256)
def topic_of(text: str) -> str:
    """The companion topic a message names ("" for none; kept for the message's `matches` and `answer`)."""
    found = next((topic for topic, words in TOPICS.items() if words.search(text)), "")
    if not found and WHERE.search(text) and not WHERE_ON_IT.search(text):
        return "habitat"
    return found


def rank_of(text: str) -> str:
    """The rank a message names ("" for none)."""
    return next((rank for rank, words in RANK_WORDS.items() if words.search(text)), "")


def shown_game(monster: Monster, topic: str, game: str) -> str | None:
    """The game asked if its facts answer the topic, else the newest game whose facts do."""
    if holds(monster.games.get(game), topic):
        return game
    return next((g for g in reversed(GAMES) if holds(monster.games.get(g), topic)), None)


def default_rank(facts: GameFacts, asked: str) -> str:
    """The rank asked if the game has it, else the highest rank it has."""
    return asked if asked in facts.materials else next(r for r in reversed(RANKS) if r in facts.materials)


def topic_answer(
    monster: Monster,
    topic: str,
    game: str,
    language: str,
    rank: str,
    certainty: Certainty,
    game_chosen: bool = False,
    rank_chosen: bool = False,
) -> Answer:
    """The answer about one monster's topic, in the game asked or the newest that has it (no game: none has it).

    Answered in another game than one chosen (named, or the chat's own), or at another rank than one named, the
    answer says what was asked and is not held (`unanswered`: "game:rise", "rank:low") before what is shown."""
    shown = shown_game(monster, topic, game)
    kind = AnswerKind.MATERIALS if topic == "materials" else AnswerKind.FIELD_GUIDE
    if shown is None:  # no game of the monster has it (Rise's sources have none): say so, not another card
        return Answer(
            kind,
            AnswerOutcome.MATCH,
            certainty=certainty,
            language=language,
            monsters=(monster,),
            topic=topic,
            monster_id=monster.id,
        )
    facts = monster.games[shown]
    detail = default_rank(facts, rank) if topic == "materials" else topic
    unanswered = ""
    if game_chosen and shown != game:
        unanswered = f"game:{game}"
    elif rank_chosen and rank and detail != rank:
        unanswered = f"rank:{rank}"
    return Answer(
        kind,
        AnswerOutcome.MATCH,
        certainty=certainty,
        language=language,
        game=shown,
        monsters=(monster,),
        topic=detail,
        monster_id=monster.id,
        unanswered=unanswered,
        remember=Remembered(monster.id, shown, topic, detail if topic == "materials" else "", language),
    )


class MonsterTopic:
    """A monster's materials, habitat or inflictions; without a monster, the chat's last one (a follow-up)."""

    def matches(self, context: Context) -> bool:
        return bool(topic_of(context.text))

    def answer(self, context: Context) -> Answer | None:
        text = context.text
        topic = topic_of(text)
        rest = TOPIC_WORDS.sub(" ", WHERE.sub(" ", TOPICS[topic].sub(" ", text)))
        for words in RANK_WORDS.values():
            rest = words.sub(" ", rest)
        language, rank = context.question.language, rank_of(text)
        subject = parse(rest)
        if not FILLER.sub("", rest) or not subject.subject:
            remembered = context.memory.recall(context.chat_key) if context.chat_key else None
            if remembered is None or remembered.monster_id not in context.snapshot.monsters:
                return None
            monster = context.snapshot.monsters[remembered.monster_id]
            game = context.question.game or remembered.game
            chosen = context.question.game is not None
            return topic_answer(monster, topic, game, language, rank, Certainty.CONFIDENT, chosen, bool(rank))
        reading = read_question(subject, rest, context.snapshot.matcher)  # precision first, as MonsterName reads
        if reading.verdict is not Verdict.ANSWER:
            return None  # no monster surely named ("glow materials"): not a topic question after all
        monster = context.snapshot.monsters[reading.monsters[0]]
        return topic_answer(
            monster, topic, context.game, language, rank, certainty(reading), context.game_chosen, bool(rank)
        )


def givers(snapshot: Snapshot, item: str, game: str) -> tuple[Monster, ...]:
    """The monsters that give an item in a game, the best single chance first (read once per knowledge version)."""
    return snapshot.remember(("item givers",), lambda: _givers(snapshot)).get((item, game), ())


def _givers(snapshot: Snapshot) -> dict[tuple[str, str], tuple[Monster, ...]]:
    """(item, game) -> the monsters that give it there, the best single chance first, from one pass over them."""
    rates: dict[tuple[str, str], dict[str, tuple[float, Monster]]] = {}
    for monster in snapshot.monsters.values():
        for game, facts in monster.games.items():
            for material in (m for items in facts.materials.values() for m in items):
                best = max((d.rate for d in material.drops), default=0)
                held = rates.setdefault((material.item, game), {})
                if best and best > held.get(monster.id, (0, monster))[0]:
                    held[monster.id] = (best, monster)
    return {
        key: tuple(m for _, _, m in sorted((-rate, i, m) for i, (rate, m) in held.items()))
        for key, held in rates.items()
        if held
    }


def _asked_item(text: str) -> tuple[bool, str]:
    """(whether the text asks where something comes from, the rest of it: what may be an item's name)."""
    text = LEADING_GAME.sub("", text, count=1)
    return bool(ITEM_CUES.search(text)), ITEM_CUES.sub(" ", text).strip(" ?？!！。的")


class ItemSource:
    """Where an item comes from: asked outright ("where do I get X", "X 怎麼拿"), or an item's name alone."""

    def matches(self, context: Context) -> bool:
        """Asked outright, or a name-like message that is an item's name as typed (a dictionary lookup)."""
        if len(context.text) > MAX_ITEM_QUESTION:
            return False
        asked, rest = _asked_item(context.text)
        return asked or (context.question.kind is Kind.WEAKNESS and context.snapshot.items.named(rest) is not None)

    def answer(self, context: Context) -> Answer | None:
        asked, rest = _asked_item(context.text)
        found = context.snapshot.items.find(rest, fuzzy=asked)
        if found is None or (not asked or not found.exact) and _is_monster_name(context, rest):
            return None  # an item's name alone answers only as typed; a monster's own name, or a question about a
            # monster's part or element ("火龍 尾巴", which is also an item's name), stays the monster's, and
            # "where is rathalos" is where the monster lives (MonsterTopic), not an item spelled near it
        game = next((g for g in (context.game, *reversed(GAMES)) if givers(context.snapshot, found.item, g)), None)
        if game is None:
            return None
        certainty = Certainty.CONFIDENT if found.exact else Certainty.UNSURE
        others = " ".join(g for g in GAMES if g != game and givers(context.snapshot, found.item, g))
        monsters, language = givers(context.snapshot, found.item, game), context.question.language
        only = monsters[0] if len(monsters) == 1 else None  # one monster gives it: the chat's monster ("弱點呢")
        return Answer(
            AnswerKind.ITEM_SOURCES,
            AnswerOutcome.MATCH,
            certainty=certainty,
            language=language,
            game=game,
            text=others,
            monsters=monsters,
            topic=found.item,
            score=found.score,
            unanswered=f"game:{context.game}" if context.game_chosen and game != context.game else "",
            remember=Remembered(only.id, game, Kind.WEAKNESS.value, "", language) if only else None,
        )


def _is_monster_name(context: Context, text: str) -> bool:
    """Whether a text reads as a monster's name (a name wins over an item of the same spelling)."""
    return read(text, context.snapshot.matcher).verdict is Verdict.ANSWER
