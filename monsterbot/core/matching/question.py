"""Understand what a player typed: which kind of question, about which name, in which game.

The words around a name ("火龍弱點", "what is nargacuga weak to", "リオレウスの弱点は?")
are stripped here so that the matcher only sees the name. Every phrase is written in its
natural form and normalised with the same function as the names, so Simplified, Traditional,
hiragana and full-width spellings of a phrase are all recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum
from functools import lru_cache
from typing import Iterable

from monsterbot.core.matching import english, smalltalk
from monsterbot.core.matching.normalize import compact, detect_language, fold, normalize
from monsterbot.core.matching.romaji import is_kana
from monsterbot.core.scripts import HAN, HIRAGANA, KANA, LATIN, is_cjk


class Kind(str, Enum):
    """What the player is asking for."""

    HELP = "help"
    WEAKNESS = "weakness"
    HITZONES = "hitzones"
    COMPARE = "compare"
    REVERSE = "reverse"
    QUIET = "quiet"
    TALK = "talk"
    EMPTY = "empty"
    PART = "part"  # one part of a monster: "火龍 尾巴", "its tail" (core/matching/followup.py)
    ELEMENT = "element"  # one element against a monster: "火龍 水屬性", "what about ice"
    SET_GAME = "set_game"  # the chat's own game: "預設荒野", "use rise here", "ライズにして"


@dataclass(frozen=True)
class Question:
    """A parsed message: the kind, the name to look up (normalised), the game and the language."""

    kind: Kind
    subject: str = ""
    game: str | None = None
    language: str = "en"
    whole: str = ""  # the whole message normalised, for names that hold filler words ("Narwa the Allmother")
    other: str = ""  # COMPARE: the second name
    names: tuple[str, ...] = ()  # COMPARE: every name, in the order typed ("A vs B vs C", "A、B、C")
    sides: tuple[str, ...] = ()  # COMPARE: the words of each name's side as typed ("do i capture", "kill X")
    topic: str = ""  # REVERSE and ELEMENT: the element or ailment asked about
    part: str = ""  # PART: the family of parts asked about ("tail")
    followup: bool = False  # names no monster: about the one the chat asked about last
    card: bool = False  # a follow-up asking for the weakness card itself ("弱點呢"), not the last question again
    alone: bool = False  # REVERSE: the message is the element and nothing else ("ice", "Fire", "氷属性")
    asking: bool = False  # worded as a question: a follow-up ("呢", "?", "what about") or a reverse lookup ("哪些魔物
    # 怕火", "weak to fire") a group may get an answer to


#: Group commands: answer only when mentioned, or answer clear monster names again.
QUIET_WORDS = ("monsterbot quiet", "quiet", "安靜", "安静", "靜音", "静かに", "ミュート")
TALK_WORDS = ("monsterbot talk", "talk", "說話", "说话", "解除靜音", "喋って", "ミュート解除")

HELP_WORDS = ("help", "幫助", "說明", "?", "使い方", "ヘルプ", "怎麼用", "指令", "usage", "/help")

#: Words for one strong individual of a monster, not another monster: its card answers ("歴戦王レ・ダウ", "tempered
#: arkveld", "afflicted magnamalo"; Risen, 傀異克服, are monsters of their own and stay names).
INDIVIDUAL_WORDS = (
    *(
        "歴戦王",
        "歴戦の個体",
        "歴戦個体",
        "歴戦",
        "歷戰王",
        "歷戰",
        "ボス個体の",
        "ボス個体",
        "個体",
        "狂竜化",
        "狂龍化",
    ),
    *("傀異化", "tempered", "arch", "at", "afflicted", "alpha", "frenzied"),  # "AT velkhana": arch-tempered
)
#: English words that open a question ("anyone know …", "can i …"): a name is never one of them.
ENGLISH_QUESTION_WORDS = frozenset("how what where why when which who can does do did is are any anyone".split())
#: English question words that ask only opening a clause ("are there …", "can you …"); after another word they are
#: a statement's verb ("you are a monster": _states).
ENGLISH_AUXILIARIES = frozenset("can does do did is are".split())
#: Latin words that frame a question in English and carry no name.
ENGLISH_FILLER = frozenset(
    [
        *"what whats is are the a an weak weakness weaknesses weakpoint weakpoints weakspot weakspots to of for "
        "against element elements elemental monster please tell me about how do i beat kill hunt s "
        "tips tip best points point spot spots bring where which need help with on guide strategy counter fight "
        "hunting pls compare hard harder hardest difficult value values you".split(),
        *(word for word in INDIVIDUAL_WORDS if word.isascii()),
        *ENGLISH_QUESTION_WORDS,
    ]
)

#: Where a message's words break: spaces and punctuation, and where Latin letters meet another script (a game's or
#: a question's Latin word glued to Japanese or Chinese: "MHRiseのメル・ゼナ"; joined again unless it is a game's or
#: a filler word).
_TOKEN_BREAK = re.compile(rf"[\s\W_]+|(?<=[{LATIN}0-9])(?=[{KANA}{HAN}])|(?<=[{KANA}{HAN}])(?=[{LATIN}0-9])")
#: Words that name a game, in any language, per game id.
GAME_WORDS: dict[str, tuple[str, ...]] = {
    "world": (
        "world",
        "mhw",
        "mhwi",
        "iceborne",
        "mhworld",
        "mhwib",
        "世界",
        "冰原",
        "ワールド",
        "アイスボーン",
        "魔物獵人世界",
        "怪物猎人世界",
        "魔物獵人冰原",
        "モンハンワールド",
        "モンスターハンターワールド",
        "mhアイスボーン",
    ),
    "rise": (
        "rise",
        "mhr",
        "mhrs",
        "mhrise",
        "sunbreak",
        "崛起",
        "破曉",
        "曙光",
        "ライズ",
        "サンブレイク",
        "魔物獵人崛起",
        "怪物猎人崛起",
        "モンハンライズ",
        "モンスターハンターライズ",
        "サンブレ",
    ),
    "wilds": (
        "wilds",
        "wild",
        "mhwilds",
        "mhwild",
        "mhws",
        "荒野",
        "魔物獵人荒野",
        "怪物猎人荒野",
        "魔物荒野",
        "ワイルズ",
        "モンハンワイルズ",
        "モンスターハンターワイルズ",
    ),
}
#: Two-word game names ("mh wilds", "monster hunter rise"), and a game's name after "in" ("magnamalo in rise"):
#: joined before the words are read one by one.
GAME_PHRASES = re.compile(r"\b(?:in\s+)?(?:(?:mh|monster\s*hunter)\s+)?(wilds?|world|iceborne|rise|sunbreak)\b", re.I)
#: The Chinese word for a game's version (荒野版): after a game's name it is part of it.
VERSION = "版"

#: Words that ask for the per-part table instead of the summary card.
HITZONE_WORDS = ("肉質", "部位", "部位肉質", "肉質表", "hitzone", "hitzones", "hitzonevalues", "hz", "parts")

#: Element and ailment words, per topic, for "which monsters are weak to X".
TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    "fire": ("火", "火屬性", "fire"),
    "water": ("水", "水屬性", "water"),
    "thunder": ("雷", "雷屬性", "thunder"),
    "ice": ("冰", "氷", "冰屬性", "氷屬性", "ice"),
    "dragon": ("龍", "龍屬性", "dragon"),
    "poison": ("毒", "poison"),
    "sleep": ("睡眠", "sleep"),
    "paralysis": ("麻痺", "麻痹", "paralysis", "para"),
    "blast": ("爆破", "blast"),
    "stun": ("暈眩", "氣絕", "気絶", "stun", "ko"),
}
#: The markers that make a reverse question explicit, as a group needs it to be answered: "哪些魔物怕火", "weak to
#: fire", "火が弱点のモンスター"; "有雷" (spoilers ahead), "怕火", "是毒", "the fire" are said in passing.
EXPLICIT_REVERSE_MARKERS = (
    *("哪些", "哪個", "哪隻", "什麼", "魔物", "怪物", "モンスター", "弱點", "弱", "一覽", "一覧", "列表", "清單"),
    *("効く", "有效", "怪", "有哪些", "武器"),
    *("やつ", "どいつ", "モンス"),  # "the ones", "which of them", "mons": monsters asked for in Japanese
)
#: Words around an element in a reverse question ("哪些魔物怕火", "what is weak to dragon", "火属性が弱点"): the
#: explicit markers and the words said in passing.
REVERSE_MARKERS = (
    *EXPLICIT_REVERSE_MARKERS,
    *("的", "怕", "屬性", "有", "是", "剋", "克", "が", "は", "の", "を"),
    # a weapon of the element and what it can hunt ("雷屬性武器可以打什麼", "氷属性の武器で行けるモンスター")
    *("可以", "打", "で", "行ける", "狩れる"),
    *("通る", "教えて"),  # an element that "goes through" ("龍属性が通るやつ"), and "tell me"
)
ENGLISH_EXPLICIT_REVERSE_MARKERS = frozenset(
    "which what whats who monsters monster weak weakness weaknesses list against effective targets weapon".split()
)
ENGLISH_REVERSE_MARKERS = ENGLISH_EXPLICIT_REVERSE_MARKERS | frozenset(
    "to is are element elemental good use s the of in for a an my i should on with hunt".split()
)
#: A reverse question in a sentence of its own words ("冰属性能打哪些怪", "who takes the most fire damage", "水属性の
#: 武器作ったけど誰に使える？"): an element said as an element (X屬性, or an English element word before the noun it
#: qualifies: "fire damage", "dragon element") and a word that asks for monsters (who, 誰, 哪些, "monsters", 一覧).
#: The rest of the sentence is kept as the subject: a name in it makes the message a question about that monster
#: (reading.py).
ASKING_FOR_MONSTERS = (
    "誰",
    "哪些",
    "哪隻",
    "哪種",
    "什麼怪",
    "魔物",
    "怪物",
    "モンスター",
    "一覽",
    "一覧",
    "列表",
    "清單",
)
ENGLISH_ASKING_FOR_MONSTERS = frozenset("who whom monsters users targets list".split())
#: Words that are reverse markers only beside a word asking for monsters: "that" opens a clause about them ("monsters
#: that are weak to dragon"; alone, any sentence's: "that's fire"), and what monsters hate is their weakness ("which
#: monsters hate fire"; "i hate fire" is no question).
MONSTER_CLAUSE_WORDS = frozenset(("that", "hate"))
#: Words asking for people as readily as for monsters ("誰有火屬性武器", "who has a good fire weapon build"): with an
#: element and no word of weakness (WEAKNESS_WORDS), a group is not answered (the question is not `asking`);
#: one-to-one it is.
PEOPLE_OR_MONSTERS = frozenset(("誰", "who", "whom"))
WEAKNESS_WORDS = ("弱", "怕", "克", "剋", "効", "有效", "通ル")
ENGLISH_WEAKNESS_WORDS = frozenset("weak weakness weaknesses effective against takes".split())
#: Separators of a comparison ("火龍 vs 雌火龍", "rathalos and rathian", "リオレウスとリオレイア", "海龍還是白熾龍").
#: 比較 before one last character is "more" ("比較難", "比较好"), not "compared with"; と joins two nouns, so one
#: beside a hiragana is a word's (まとめ, 落とす) or a particle's (のこと, だと); "w/" is "with".
COMPARE_SPLIT = re.compile(
    r"\s+(?:vs\.?|versus|and|or)\s+"
    rf"|\s*(?:vs\.?|VS|和|與|与|跟|還是|还是|對比|对比|(?:比較|比较)(?!\S?[?？!！]?$)|(?<![{HIRAGANA}])と(?![{HIRAGANA}]|比べ|比較)|、|,|，|(?<!\bw)/)\s*",
    re.I,
)
#: Elements a message may consist of alone ("ice", "Fire?", "火屬性", "冰"): which monsters are weak to it.
ELEMENT_TOPICS = ("fire", "water", "thunder", "ice", "dragon")

#: The franchise's name and its short forms, which players put before a game's name or a monster's (怪獵荒野).
FRANCHISE_WORDS = ("魔物獵人", "怪物獵人", "怪獵", "魔獵", "モンハン", "モンスターハンター")
#: Phrases before a name in Chinese and Japanese questions.
PREFIXES = (
    *("請問", "問一下", "想問", "我想問", "請教", "幫我查", "查", "求助", "求", "打", "すみません", "教えて"),
    *("有人知道", "有沒有人知道", "誰知道"),
    # asking the bot to look a monster up, and addressing it (幫我查一下 X, 機器人 X)
    *("幫我查一下", "幫我查下", "查一下", "查下", "機器人", "ボット"),
    # the forum's readers addressed, or the asker named, before the question (各位 X要怎麼處理, 新手 X怎麼打)
    *("各位", "大家", "新手", "萌新"),
    *FRANCHISE_WORDS,
    *(word for word in INDIVIDUAL_WORDS if not word.isascii()),
)
#: Phrases after a name that make it a question ("弱點", "弱什麼", "の弱点").
QUESTION_SUFFIXES: tuple[str, ...] = (
    "弱點",
    "弱什麼",
    "怕什麼",
    "弱啥",
    "怕啥",
    "弱哪個屬性",
    "弱什麼屬性",
    "怕什麼屬性",
    "要用什麼屬性",
    "用什麼屬性",
    "屬性",
    "是什麼",
    "是啥",
    "是哪個",
    "有哪些",
    "在哪",
    "剋星",
    "怎麼打",
    "打法",
    "じゃくてん",
    "ですか",
    "を教えて",
    "教えて",
    # what players ask after a name: what to bring, how to fight it (Chinese either script, Japanese)
    *("有什麼", "吃什麼", "帶什麼", "要帶什麼", "用啥", "帶啥", "吃啥", "克制", "武器", "要怎麼打", "咋打", "打哪"),
    *("打哪裡", "要打哪", "要打哪裡", "在哪裡", "推薦什麼屬性", "何属性", "効く", "が効く", "に効く", "どの属性"),
    *("にはどの属性", "が弱点", "弱点属性", "に弱い", "倒し方", "弱点どこ", "弱点部位", "攻略"),
    *("こと教えて", "について教えて"),  # "tell me about it" (のこと: の is a particle)
)
#: Each suffix with 什麼 ("what") is also said with its colloquial 啥 (有啥, 弱啥屬性, 要帶啥).
QUESTION_SUFFIXES += tuple(
    sorted({s.replace("什麼", "啥") for s in QUESTION_SUFFIXES if "什麼" in s} - set(QUESTION_SUFFIXES))
)
#: Particles stripped only next to a question suffix, so a name ending in ノ (ディノ) stays whole.
PARTICLES = ("的", "嗎", "吗", "呢", "啊", "呀", "好", "は", "の", "何", "なに", "なん", "って", "到底", "究竟")
#: (到底 and 究竟, "on earth", stand before the question: 沙海到底弱啥.)


@dataclass(frozen=True)
class _Vocabulary:
    prefix: re.Pattern[str]
    suffix: re.Pattern[str]
    hitzone_suffix: re.Pattern[str]
    reverse_markers: re.Pattern[str]
    explicit_reverse: re.Pattern[str]
    element_phrase: re.Pattern[str]
    element_weak: re.Pattern[str]  # an element's character beside a word of weakness: 怕水, 火が弱点, 水に弱い
    asking_for_monsters: re.Pattern[str]
    weakness: re.Pattern[str]
    games: dict[str, str]
    topics: dict[str, str]
    hitzone_words: frozenset[str]
    help_words: frozenset[str]
    commands: dict[str, Kind]


def _alternation(phrases: Iterable[str], cjk_only: bool = True) -> str:
    """A regex alternation of normalised phrases, longest first. Latin words are matched as whole tokens
    in parse(), so the CJK affixes leave them out ("risen" never loses a "rise")."""
    keys = {normalize(p) for p in phrases} - {""}
    keys = {k for k in keys if not (cjk_only and k.isascii())}
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    games = {normalize(word): game for game, words in GAME_WORDS.items() for word in words}
    # a game's version of a monster (荒野版黑蝕龍): the Chinese name with 版, "version", is the game's still
    games |= {word + normalize(VERSION): game for word, game in games.items() if is_cjk(word)}
    strong = _alternation([*QUESTION_SUFFIXES, *games])
    particles = _alternation(PARTICLES)
    return _Vocabulary(
        prefix=re.compile(f"^(?:{_alternation([*PREFIXES, *games])})+"),
        # possessive (*+): no backtracking into the tail, so a long run of question words cannot take exponential time
        suffix=re.compile(f"(?:{particles})*+(?:{strong})(?:{particles}|{strong})*+$"),
        hitzone_suffix=re.compile(f"(?:{particles})?(?:{_alternation(HITZONE_WORDS)})$"),
        reverse_markers=re.compile(_alternation(REVERSE_MARKERS)),
        explicit_reverse=re.compile(_alternation(EXPLICIT_REVERSE_MARKERS)),
        element_phrase=re.compile(
            _alternation(
                w for t, words in TOPIC_WORDS.items() if t in ELEMENT_TOPICS for w in words if w.endswith("屬性")
            )
        ),
        element_weak=_element_weak(),
        asking_for_monsters=re.compile(_alternation(ASKING_FOR_MONSTERS)),
        weakness=re.compile(_alternation(WEAKNESS_WORDS)),
        games=games,
        topics={normalize(w): topic for topic, words in TOPIC_WORDS.items() for w in words},
        hitzone_words=frozenset(normalize(w) for w in HITZONE_WORDS),
        help_words=frozenset(normalize(w) or w for w in HELP_WORDS),
        commands={
            normalize(w): kind for kind, words in ((Kind.QUIET, QUIET_WORDS), (Kind.TALK, TALK_WORDS)) for w in words
        },
    )


def _element_weak() -> re.Pattern[str]:
    """An element's one character said as an element: beside a word of weakness, a particle between or not (怕水的,
    火が弱点, 水に弱い); not one that begins a Han word (怕火龍: a name), nor 龍, which ends names (護火龍怕…)."""
    elements = "".join(
        normalize(w)
        for t, words in TOPIC_WORDS.items()
        if t in ELEMENT_TOPICS and t != "dragon"
        for w in words
        if len(normalize(w)) == 1
    )
    weak = f"(?:{_alternation(('弱點', *WEAKNESS_WORDS))}){normalize('い')}?"  # 弱い: an adjective's ending
    particles = _alternation(("が", "に", "は", "の", "を", "的"))
    element = f"([{elements}])(?![{HAN}](?<!的))"
    return re.compile(f"(?:{weak})(?:{particles})?{element}|([{elements}])(?:{particles})?(?:{weak})")


def topic_named(key: str) -> str:
    """The element or ailment a normalised word names ("水屬性" → water), or ""."""
    return _vocabulary().topics.get(key, "")


#: A mention of the bot opening a message ("@bot 闢獸", "@机器人 缠蛙"): no word of the question.
LEADING_MENTION = re.compile(r"^\s*[@＠]\S+\s+")
#: The bot addressed in English before a question, after a greeting or not ("hey bot rathalos", "yo bot, whats rey
#: dau weak to"): no word of the question either (Chinese and Japanese address it with PREFIXES: 機器人, ボット).
ENGLISH_ADDRESS = "bot"


@lru_cache(maxsize=1)
def _leading_address() -> re.Pattern[str]:
    greetings = (word for word in smalltalk.PHRASES["greeting"] if re.fullmatch("[a-z]+", word))
    return re.compile(rf"^\s*(?:(?:{'|'.join(greetings)})[\s,]+)?{ENGLISH_ADDRESS}[\s,:!]+(?=\S)", re.I)


def addressed(text: str) -> str:
    """The message without the bot's mention or its being addressed opening it: the words addressed to it."""
    return _leading_address().sub("", LEADING_MENTION.sub("", text))


def parse(text: str) -> Question:
    """Parse one chat message into a Question."""
    text = addressed(text)
    language = detect_language(text)
    folded = fold(text).strip()
    vocab = _vocabulary()
    whole = compact(folded)
    if folded in vocab.help_words or whole in vocab.help_words:
        return Question(Kind.HELP, language=language, whole=whole)
    if whole in vocab.commands:
        return Question(vocab.commands[whole], language=language, whole=whole)
    element = _element_alone(whole, vocab)
    if element:
        return Question(Kind.REVERSE, language=language, whole=whole, topic=element, alone=True)
    framed = _reverse_frame(folded, vocab)
    if framed is not None:
        return replace(framed, language=language)
    sides = [side for side in COMPARE_SPLIT.split(text) if side.strip()]
    if len(sides) >= 2:
        parsed = [_parse_name(side, vocab) for side in sides]
        if all(side.kind is Kind.WEAKNESS for side in parsed):
            game = next((side.game for side in parsed if side.game), None)
            names = tuple(side.subject for side in parsed)
            return Question(
                Kind.COMPARE, names[0], game, language, parsed[0].whole, other=names[1], names=names, sides=tuple(sides)
            )
    return replace(_parse_name(text, vocab), language=language)


def _element_alone(whole: str, vocab: _Vocabulary) -> str:
    """The element a message names and nothing else, or "".

    The evidence is the whole message: an element word alone ("ice", "火屬性") or its one Han character alone (火 水
    雷 冰/氷 龍) asks which monsters are weak to it. No monster's name or alias is one character (a name's first
    character alone, "火", names none of them), so a lone element character is read as the element, not as a
    misspelt name.
    """
    topic = vocab.topics.get(whole, "")
    return topic if topic in ELEMENT_TOPICS else ""


def _reverse_frame(folded: str, vocab: _Vocabulary) -> Question | None:
    """A reverse question worded in a sentence of its own (ASKING_FOR_MONSTERS), or None; the words left besides
    the element, the words asking for monsters and the markers are its subject."""
    tokens = [compact(t) for t in re.split(r"[\s\W_]+", GAME_PHRASES.sub(r"\1", folded))]
    game: str | None = None
    topics: set[str] = set()
    askers: set[str] = set()
    explicit = False
    rest: list[str] = []
    for index, key in enumerate(tokens):
        if key in vocab.games:
            game = game or vocab.games[key]
        elif key.isascii():
            qualifies = index + 1 < len(tokens) and bool(tokens[index + 1]) and tokens[index + 1] not in vocab.topics
            explicit = explicit or _said(key, ENGLISH_WEAKNESS_WORDS)
            if qualifies and vocab.topics.get(key) in ELEMENT_TOPICS:
                topics.add(vocab.topics[key])
            elif key in ENGLISH_ASKING_FOR_MONSTERS:
                askers.add(key)
            elif not _said(key, ENGLISH_REVERSE_MARKERS):
                rest.append(key)
        else:
            for found in vocab.element_phrase.finditer(key):
                topics.add(vocab.topics[found.group()])
            for found in vocab.element_weak.finditer(key):
                topics.add(vocab.topics[found.group(1) or found.group(2)])
            askers.update(found.group() for found in vocab.asking_for_monsters.finditer(key))
            explicit = explicit or bool(vocab.weakness.search(key))
            left = vocab.asking_for_monsters.sub("", vocab.element_weak.sub("", vocab.element_phrase.sub("", key)))
            rest.append("" if _particle(left) else left)
    if len(topics) != 1 or not askers:
        return None
    asking = explicit or not askers <= PEOPLE_OR_MONSTERS
    return Question(Kind.REVERSE, "".join(rest), game, whole=compact(folded), topic=topics.pop(), asking=asking)


def _particle(left: str) -> bool:
    """Whether what is left of a word once its element and markers are taken is a particle or a verb's ending, one
    kana (the の of 火が弱点のモンスター, the く of 効く) or a particle word: no name to ask about."""
    return (len(left) == 1 and is_kana(left)) or left in _particle_keys()


@lru_cache(maxsize=1)
def _particle_keys() -> frozenset[str]:
    return frozenset(normalize(word) for word in PARTICLES)


def _said(word: str, words: Iterable[str]) -> bool:
    """Whether an English word is one of `words`, an ending off ("weakest", "weaker": weak)."""
    return not english.stems(word).isdisjoint(words)


def _parse_name(text: str, vocab: _Vocabulary) -> Question:
    """Split a message into game, name and question words; decide weakness, hitzones or reverse."""
    folded = GAME_PHRASES.sub(r"\1", fold(text).strip())
    game: str | None = None
    kept: list[str] = []
    reverse_kept: list[str] = []
    hitzones = explicit = False
    tokens = [compact(token) for token in _TOKEN_BREAK.split(folded)]
    asked = bool(ENGLISH_ASKING_FOR_MONSTERS & set(tokens))
    markers = ENGLISH_REVERSE_MARKERS | (MONSTER_CLAUSE_WORDS if asked else frozenset())
    for key in tokens:
        explicit = explicit or (key.isascii() and _said(key, ENGLISH_EXPLICIT_REVERSE_MARKERS))
        if key in vocab.games:
            game = game or vocab.games[key]
        elif key.isascii() and key in vocab.hitzone_words:
            hitzones = True
        elif not (key.isascii() and key in ENGLISH_FILLER):
            kept.append(key)
        if key not in vocab.games and not (key.isascii() and _said(key, markers)):
            reverse_kept.append(key)
    whole = compact(folded)
    topic = _reverse_topic("".join(reverse_kept), whole, vocab)
    if topic:
        explicit = explicit or bool(vocab.explicit_reverse.search("".join(reverse_kept)))
        return Question(Kind.REVERSE, game=game, whole=whole, topic=topic, asking=explicit)
    subject = "".join(kept)
    found = vocab.hitzone_suffix.search(subject)
    if found and len(found.group()) < len(subject):
        hitzones, subject = True, subject[: found.start()]
    subject, game = _strip_affixes(subject, vocab, game)
    if not subject and _states(tokens):  # "you are a monster": a sentence said to the bot, no request for help
        return Question(Kind.WEAKNESS, subject=whole, game=game, whole=whole)
    if not subject:
        return Question(Kind.EMPTY, game=game, whole=whole)
    return Question(Kind.HITZONES if hitzones else Kind.WEAKNESS, subject=subject, game=game, whole=whole)


def _states(tokens: list[str]) -> bool:
    """Whether English words make a statement rather than a question: an auxiliary of ENGLISH_AUXILIARIES after a
    word that is no question word ("you are a monster"), where a question opens with it or has one before it ("are
    there monsters", "what is a monster", "how do i hunt")."""
    return any(
        word in ENGLISH_AUXILIARIES and before not in ENGLISH_QUESTION_WORDS
        for before, word in zip(tokens, tokens[1:], strict=False)
    )


def _reverse_topic(core: str, whole: str, vocab: _Vocabulary) -> str:
    """The element or ailment of a "which monsters are weak to X" question, or ""."""
    stripped = vocab.reverse_markers.sub("", core)
    if stripped in vocab.topics and stripped != whole:
        return vocab.topics[stripped]
    return ""


def _strip_affixes(subject: str, vocab: _Vocabulary, game: str | None) -> tuple[str, str | None]:
    """Strip question phrases and game words around a CJK name, keeping at least one character."""
    for pattern in (vocab.prefix, vocab.suffix):
        found = pattern.search(subject)
        if found and len(found.group()) < len(subject):
            game = game or next((g for word, g in vocab.games.items() if word in found.group()), None)
            subject = subject[: found.start()] + subject[found.end() :]
    return subject, game
