"""Read a message as a player means it: one monster, several, an element, a variant the knowledge lacks, or nothing.

Precision first: a wrong monster is worse than "which one?", which is worse than a good answer. The matcher scores
names; the reading decides from evidence a reviewer can read, each piece named in `Reading.why`:

- the name as the whole subject (after the question words are stripped) answers;
- a name inside a longer subject answers when the rest is words of a question about it ("rathalosweakness",
  "火龍好難打") or a hunter's question holds it (a word of weakness, element choice, parts or hunting beside it:
  "鎖刃龍有什麼弱點", "best element for jin dahaad"); when the name stands inside a longer word of its own script
  it is that other word ("gossip" holds "goss", ウルトラマンティガ holds ティガ; a hiragana particle ends a katakana
  name); a word after the name makes it part of another name (電龍頭, "magna carta history"); when the rest is a
  sentence (particles, verbs: "動物園でキリンを見た", "侏羅紀公園的棘龍") the name is used for something else; a
  title glued before the name (二つ名 the knowledge lacks: "黑炎王火龍", "dreadking rathalos") asks "did you mean";
  a message in a question's form about a name long enough to be no everyday word, or no English word, answers
  ("where does jin dahaad spawn", "can rajang be captured?": _question_about), as does a two-character Han name no
  dictionary has (everyday.is_everyday: 鎧龍的熱線好痛); words set off by a space after a coined Chinese or Japanese
  name are said of it ("レ・ダウ おすすめ武器": _coined_set_off); a longer word holding a short name is the longer
  name it misspells ("mizutsuni");
- a name heard syllable by syllable across words ("rath a loss", "nooh oodrah") is that name (_heard_across); a
  katakana name written in romaji in a Japanese message ("zoshiaって罠きく?") is read as if written in katakana
  (_romaji_written); a name several monsters share standing as a word ("need rath plates") asks which one
  (_shared_name);
- a short form (a Han name without its kind: 煌雷, 刺花; a Latin first word in a hunter's question: "gore
  weakness") answers, alone or opening a question; a Latin short form the hunter's word is not next to heads
  another name ("magna carta history weakness"); a katakana name one sound off, no other near, answers;
- a variant word (variants.py, and those the names show: family.py) with a base name, before or after it and
  whatever the sentence around the pair, is the variant the knowledge's names make of that pair, or, when none
  does, "not in our knowledge, did you mean the base?"; a pack's leader (闢獸（頭領）) is the monster itself;
- a game named with a monster it holds only as another form (Wilds' Guardian Fulgur Anjanath for Anjanath)
  answers that form;
- several names answer a comparison of every one, its question words (好難打, 哪個最好打, 違い) and a clause
  beside one name ("should i trap or kill X") being no side; an element alone asks which monsters are weak to it;
- in a group only a message that is surely the name answers (`Reading.whole`): not a short word only like a name
  ("sergio"), nor a name in a remark.

The thresholds are chosen on the tuning half of tests/data/matching_corpus_*.tsv (see evaluation.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import lru_cache
from typing import Collection, Iterable

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from monsterbot.core.matching import english
from monsterbot.core.matching.everyday import SHORT_HAN, everyday_words, is_everyday
from monsterbot.core.matching.family import family
from monsterbot.core.matching.followup import PART_WORDS
from monsterbot.core.matching.matcher import (
    AMBIGUOUS_FLOOR,
    LATIN_SPAN_SHARE,
    MARGIN,
    MATCH_THRESHOLD,
    Candidate,
    Matcher,
    MatchResult,
    Method,
    Outcome,
)
from monsterbot.core.matching.normalize import MAX_INPUT, fold, normalize, to_traditional
from monsterbot.core.matching.phonetic import SOUND_ALIKE
from monsterbot.core.matching.question import (
    ELEMENT_TOPICS,
    ENGLISH_FILLER,
    ENGLISH_QUESTION_WORDS,
    FRANCHISE_WORDS,
    GAME_WORDS,
    HITZONE_WORDS,
    INDIVIDUAL_WORDS,
    PARTICLES,
    PREFIXES,
    QUESTION_SUFFIXES,
    TOPIC_WORDS,
    Kind,
    Question,
    addressed,
    parse,
)
from monsterbot.core.matching.smalltalk import small_talk
from monsterbot.core.matching.variants import split_variant, variant_keys
from monsterbot.core.model import Monster
from monsterbot.core.scripts import HAN, HIRAGANA, KANA, KATAKANA, LATIN, MIDDLE_DOT, is_cjk

#: Words of a question about a monster, beside its name ("weakness" glued on, "好難打", "の倒し方").
ABOUT_WORDS = (
    *QUESTION_SUFFIXES,
    *PARTICLES,
    *HITZONE_WORDS,
    *ENGLISH_FILLER,
    "weak",
    "hunt",
    "hunting",
    "fight",
    "beat",
    "kill",
    "farm",
    "build",
    "armor",
    "armour",
    "weapon",
    "guide",
    "tips",
    "打",
    "難打",
    "好難打",
    "很難打",
    "怎麼打",
    "要怎麼打",
    "攻略",
    "素材",
    "裝備",
    "武器",
    "討伐",
    "狩獵",
    "打法",
    "好難",
    "好強",
    "倒し方",
    "攻略法",
    "素材",
    "装備",
    "強い",
    "弱い",
    "が弱い",
    "に弱い",
    "弱点属性",
    "属性",
    "何属性",
    "何が弱い",
    # what sets compared monsters apart (リオレウスと護竜リオレウスの違い, マガドとメルゼナどっちが強い)
    *("違い", "区別", "區別", "差別", "不一樣", "どっち", "どっちが", "difference", "farming"),
    # where the difference lies, whether they are one kind, a list of them (炎妃龍跟炎王龍差在哪, 岩龍和鎧龍是同一種嗎,
    # "kushala teostra chameleos weakness list")
    *("差", "差在哪", "差在哪裡", "是同一種嗎", "同一種", "一樣嗎", "list"),  # (the parser takes 在哪 off: 差)
    # what compares two names in one phrase (X than Y, X compared to Y, 火龍比雌火龍難嗎, between X and Y)
    *("than", "compared", "between", "比"),
)
#: The most monsters a kind word may name for "which one?" among them (_kind_asked); a kind many share (龍, 鳥, 王)
#: names no one. Chosen on the tuning sets.
KIND_MOST = 4
#: Words of a hunter's question about a monster (_asks_about): weakness, element choice, parts, hunting verbs. Chinese
#: (either script: normalised) and Japanese are found inside the words around the name, English as whole words.
HUNT_WORDS = (
    *("弱", "怕", "剋", "克制", "屬性", "打", "帶", "用", "推薦", "有效", "攻略", "部位", "尾巴", "斷", "難", "肉質"),
    *("素材", "裝備", "麻痺", "麻痹", "暈", "効", "倒", "殴", "弱点", "尻尾", "切れ", "壊", "属性", "対策", "持って"),
    *("準備", "コツ", "苦手"),
    # what to watch out for, asked (要注意, 注意什麼, 注意点): "X注意" alone is a warning shouted in a hunt
    *("要注意", "注意什麼", "注意什么", "注意啥", "注意點", "注意点", "注意事項", "注意事项"),
    *("注意すべき", "注意すること"),
    *("weak", "weakness", "weaknesses", "element", "elements", "elemental", "beat", "kill", "kills", "hit", "hunt"),
    *("hunting", "fight", "tips", "strategy", "counter", "bring", "guide", "break", "cut", "sever"),
    # what a hunter asks for help with, and what of a monster they ask about ("struggling with X", "X breakable
    # parts", "X weaknesses and resistances", "X farming route"); English words are read by their stem (_stems)
    *("struggle", "farm", "resist", "resistance", "block", "dodge", "avoid", "part", "armor", "armour"),
    *("weapon", "build"),
    # what a hunter looks up about a monster: what it drops, its hitzones, its data (the card holds them): "X materials
    # list", "X hitzone data", "what does X drop", 資料 (its data: "X资料发一下", "X的資料給我")
    *("material", "drop", "hitzone", "資料"),
    *("solo", "ソロ"),  # how a hunter fights it: "how do i beat X solo", "Xソロだときつい"
)
#: Elements and ailments, which ask about a monster after its name ("凍峰龍用火還是雷", "グラビモスは水？"), but before
#: it are a title's characters (金雷公, 紫毒姫); in English they are everyday words ("fire", "ice") and do not count.
#: (龍 is left out: inside 恐龍, 翼龍 it is no element.)
ELEMENT_WORDS = ("火", "水", "雷", "冰", "氷", "毒")
_ELEMENT_FIRST = re.compile(f"[{''.join(ELEMENT_WORDS)}](?![{HAN}])")
#: The Wilds game text's words for a pack's leader, written after the monster's name (闢獸（頭領）, 辟兽（首领）,
#: 電角獸（頭領）): one individual of a Wilds monster, whose card answers (_leads_a_pack); Rise's 首領 are Apex
#: monsters (首領火龍).
LEADER_WORDS = ("頭領", "首領")
#: The most words of a name heard syllable by syllable ("zin o gre", "a jar a can": _heard_across), and the most
#: words of a message so read (a longer one is a sentence, its runs too many to try).
HEARD_RUN = 4
MAX_HEARD_WORDS = 12
#: A question about a name alone answers for a Latin name of QUESTION_LATIN letters or a katakana one of QUESTION_KANA
#: (_question_about): its form is an English question word opening it, or a Japanese one or a question mark in it.
QUESTION_LATIN = 7
QUESTION_KANA = 4
#: The fewest letters of an official Latin name no English word is that a question answers (_coined_official):
#: shorter ones ("kirin", "khezu") are as often a brand, a person or a word of another language.
COINED_LATIN = 6
QUESTION_HAN = 3
#: The most Han characters glued after a name that may be the tail of a compound it heads (雷狼龍星人, a made-up
#: alien): one word; more is what a sentence says of the monster (_said_of).
COMPOUND_TAIL = 2
CHINESE_QUESTION_WORDS = (
    "怎麼",
    "怎么",
    "咋",
    "嗎",
    "吗",
    "什麼",
    "什么",
    "啥",
    "哪",
    "誰",
    "谁",
    "如何",
    "幾",
    "几",
    "是不是",
)
#: English question words that ask wherever they stand after a name ("X frenzy how to cure", "X bloodblight how"),
#: unlike "is", "do", "can", which ask only opening a clause.
TRAILING_QUESTION_WORDS = frozenset("how what where why when which".split())
#: English words asking to be told about something ("tell me about rajan"): a request of a name one letter off, as a
#: hunter's word is (_hunter_framed), where "tell rajan" alone is talk to a person.
TELL_ABOUT_WORDS = frozenset("about info information".split())
JAPANESE_QUESTION_WORDS = ("どう", "どこ", "何", "なに", "いつ", "誰")
#: Why a name is answered that a sentence is said of (_said_of): one-to-one only, never a group's whole message.
SAID_OF = "a long name with a sentence said of it"
#: Words that open a question in Chinese and Japanese (請教, 求助, 有人知道), the question words, and the question made
#: of a word, 不 or 沒 and the word again (有沒有, 是不是, 能不能): before a name, a sentence's phrase (_phrase).
ASKING_OPENERS = (
    *(word for word in PREFIXES if word not in (*FRANCHISE_WORDS, *INDIVIDUAL_WORDS)),
    *CHINESE_QUESTION_WORDS,
)
_A_NOT_A = re.compile(r"(.)[不沒没]\1")
_COPULA = "是"  # Chinese "is": after a short name, a sentence saying what the word is
_PUNCTUATION = re.compile(r"[^\w\s]")
#: Characters and words that make the rest of a message a sentence, not a name's title.
SENTENCE_MARKS = re.compile(
    "[的是在了我你他她們很好也都就和跟把被看去來来吃喝買买住求問问知到でをがにはへとたもやかよねな]"
)
#: English prepositions of more than four letters (a closed class: "what should i eat before X", "armor to craft
#: after X"): a sentence's words, never a title before a name (_title_word); the shorter ones are in the list below.
ENGLISH_PREPOSITIONS = frozenset(
    "about above across after against along among around before behind below beneath beside besides beyond despite "
    "during except inside outside through throughout toward towards under until upon versus within without".split()
)
ENGLISH_SENTENCE_WORDS = (
    frozenset(
        "i my you your he she we they it was were be been am at in on from with this that there here saw see love "
        "like have has had went go my our their his her its by and or of the a an "
        "is are what where how why when who which does do did can any".split()
    )
    | ENGLISH_PREPOSITIONS
)
#: Verbs that follow the subject of an English sentence (a copula, an auxiliary, or an adverb before the verb):
#: after a name, they make the rest a sentence said of it ("rathalos keeps flying away", "rathalos is so fast").
ENGLISH_SUBJECT_VERBS = frozenset(
    "is was are were has had have can cant could does doesnt did didnt will wont would isnt keeps always never just "
    "still".split()
)
#: Words after which an English word is a verb ("how do i dodge rey dau's beam", "how to unlock zoh shia", "help me
#: beat …"): subjects, objects, "to" and modals; a verb before a name is no title of it.
ENGLISH_BEFORE_VERBS = frozenset(
    "i you we they he she me us to can could should would will must lets let dont cant cannot gotta wanna".split()
)
#: Latin and kana shortenings are how players name monsters ("lagi", "velk", レウス, ミツネ: wikiwiki's 略称 page), and
#: so are Han ones (金火, 黑角): they answer as the matcher decides, unless the subject is a whole first word of a
#: longer name ("coral", "viper", "royal": the qualifier of a variant, an English word of its own).
#: Endings that make a Latin name another English word ("nightshades", "gored"): asked, not answered.
INFLECTIONS = ("s", "es", "d", "ed", "ing", "er", "ers", "ly", "y")
#: The title glued before a name that still asks "did you mean" (黑炎王, 燼滅刃, 天眼, dreadking): the 二つ名 are two or
#: three Han characters, the English ones one word; CJK characters and Latin letters.
TITLE_CJK_SHORTEST = 2
TITLE_CJK = 3
TITLE_LATIN = 12
#: The fewest letters of a Latin word typed before a name that may be a title or a misspelt variant word
#: (_before_name): shorter words are ranks and everyday words ("hr", "solo", "easy"); the English titles players give
#: variants are longer ("ivory", "dreadking", "boltreaver"), and so are the variant words players misspell.
TITLE_LATIN_SHORTEST = 5
#: Endings of inflected English words (a verb's, a plural's, an adverb's: "hurts", "used", "hunting", "really"), which
#: no title players give a variant has (they are bare compounds: "dreadking", "frostfang", "boltreaver"), but for a
#: participle where a noun phrase begins ("beat shrouded nerscylla": _modifier), which is an adjective, as titles are.
TITLE_NEVER_ENDS = ("s", "ed", "ing", "ly")
#: The least share of a name a part of it must cover to be answered (less: "which one?"). Chosen on the tuning half:
#: the parts answered right cover 0.86 and more ("diablo" of diablos), those that were other words 0.75 and less
#: ("seregi" of seregios, "basar" of basarios, 青熊 of 青熊獸).
PART_SHARE = 0.8
#: The fewest Han characters of a name's short form that may answer (_known_prefix): one is a name's first word.
HAN_PREFIX_SHORTEST = 2
#: The most letters a Latin span the matcher found may run past the name into the next word of the subject
#: (_misspelt_word: "jindahadd" of "jin dahad data").
SPAN_SPILL = 2
#: The fewest Latin letters of a name's part that may ask "which one?" ("rat", not "hi").
PART_LETTERS = 3
#: The least score of the best name for a "which one?" (below it: silence). Chosen on the tuning half: the likenesses
#: that asked about no monster the row meant reach 80 ("glaive" 80 for the alias glav, "火恐龍" 80 for 火龍), the
#: spellings players meant score 83 and more ("tigerx" 83: two letters swapped in six; typos answered: 87.5 and more).
ASK_FLOOR = 82.0
#: A katakana subject of KANA_SHORTEST characters or more that scores ASK_FLOOR on one katakana name, KANA_LEAD ahead
#: of any other, is that name misspelt (_katakana_typo).
KANA_SHORTEST = 5
KANA_LEAD = 15.0
_KATAKANA = re.compile(f"[{KATAKANA}{MIDDLE_DOT}]+")  # a name as written: ゼノ・ジーヴァ
_KANA = re.compile(f"[{KANA}]")
_HIRAGANA = re.compile(f"[{HIRAGANA}]")
_LATIN_WORD = re.compile(f"[{LATIN}0-9]+")
_HAN_ONLY = re.compile(f"[{HAN}]")
_HAN_WORD = re.compile(f"[{HAN}]+")
_TITLE_HEAD = re.compile(f"[{HAN}]{{2,}}(?=[{KATAKANA}]{{2,}}$)")  # 渾沌 before ゴア
_LINKS = "要的之ノハ"  # words that join a short form to its question (波衣要用什麼屬性, 刺花的弱點)
_NUMBERED = re.compile("[a-z]\\d+$")
_DIGIT = re.compile(r"\d")
_KATAKANA_HAN = re.compile(f"[{KATAKANA}{MIDDLE_DOT}{HAN}]+")
#: A Japanese verb or adjective after a name: Han characters and the hiragana that inflects them (爆発する, 転がる).
_INFLECTED = re.compile(f"[{HAN}]+[{HIRAGANA}]")
_LEADING_KATAKANA = re.compile(f"\\s*([{KATAKANA}{MIDDLE_DOT}]{{2,}})[{HIRAGANA}]")
_LATIN = re.compile(f"[{LATIN}]")
_SEPARATOR = re.compile(r"[\s\W_]")
#: Latin letters a Japanese message may write a katakana name in: words with spaces, hyphens (long vowels: shi-u-)
#: and apostrophes between them (_romaji_written).
_ROMAJI_RUN = re.compile(
    r"[A-Za-z][A-Za-z\s'-]*[A-Za-z-]|[A-Za-z]"
)  # what sets words apart in a message: spaces, punctuation


#: The kinds of question about one named monster (its card, table, a part, an element).
NAMED_KINDS = (Kind.WEAKNESS, Kind.HITZONES, Kind.PART, Kind.ELEMENT)


class Verdict(str, Enum):
    """What the bot should do with the message."""

    ANSWER = "answer"  # one monster's card
    COMPARE = "compare"  # every monster named, side by side
    REVERSE = "reverse"  # which monsters are weak to an element
    ASK = "ask"  # "which one?" / "did you mean …?"
    UNKNOWN = "unknown"  # a variant the knowledge lacks: "not in our knowledge, did you mean …?"
    NONE = "none"  # no monster: stay silent or small talk


@dataclass(frozen=True)
class Reading:
    """The verdict, the monsters it names (the answer, each compared, or those offered) and why."""

    verdict: Verdict
    monsters: tuple[str, ...] = ()
    topic: str = ""
    why: str = ""
    whole: bool = False  # ANSWER: the name is (most of) the whole message, not one buried in chatter (a group's rule)
    score: float | None = None  # the matcher's score of the best name, when one was scored
    match: MatchResult | None = field(
        default=None, repr=False, compare=False
    )  # the matcher's result for the subject read, when it was matched (its candidates)

    @property
    def answers(self) -> bool:
        """Whether the bot answers with facts (a card, a comparison, a list): what must never be wrong."""
        return self.verdict in (Verdict.ANSWER, Verdict.COMPARE, Verdict.REVERSE)


def read(text: str, matcher: Matcher) -> Reading:
    """Read one message."""
    return read_question(parse(text), text, matcher)


def read_question(question: Question, text: str, matcher: Matcher) -> Reading:
    """Read a parsed message (text is the message as typed, for the words' boundaries)."""
    text = addressed(text)  # (the bot's mention or name opening it is no word of the question)
    if (
        question.kind is Kind.REVERSE
        and question.subject
        and matcher.match_key(question.subject).outcome is not Outcome.MISS
    ):
        question = replace(question, kind=Kind.WEAKNESS)  # a name beside the element: a question about that monster
    if question.kind is Kind.REVERSE:
        return Reading(Verdict.REVERSE, topic=question.topic, why="element alone" if question.alone else "reverse")
    if question.kind is Kind.COMPARE:
        return _compare(question, text, matcher)
    if question.kind not in NAMED_KINDS or not question.subject:
        return Reading(Verdict.NONE, why=question.kind.value)
    if question.whole != question.subject and matcher.monsters_named(question.whole):
        return _in_game(_name(question.whole, text, matcher), question.game, matcher)
    listed = _names_spaced(text, matcher)
    if listed:
        return Reading(Verdict.COMPARE, listed, why="names separated by spaces", whole=True)
    reading = _in_game(_name(question.subject, text, matcher), question.game, matcher)
    if reading.verdict is Verdict.NONE:
        reading = (
            _katakana_first(text, matcher)
            or _han_short_first(question.subject, text, matcher)
            or _latin_short_word(question.subject, text, matcher)
            or _kind_asked(question.subject, text, matcher)
            or _heard_across(text, matcher)
            or _shared_name(text, matcher)
            or _romaji_written(text, matcher)
            or reading
        )
    elif reading.verdict is Verdict.ASK:
        heard = _heard_across(text, matcher)
        reading = heard if heard is not None and heard.monsters[0] in reading.monsters else reading
    glued = (
        _glued(question.subject, text)
        and bool(matcher.monsters_named(question.subject))
        and not _part_asked(question.subject, text)
    )
    if reading.verdict is Verdict.ANSWER and (question.part or question.topic) and glued:
        return Reading(
            Verdict.UNKNOWN,
            reading.monsters,
            why="a part or element word glued to the name",
            score=reading.score,
            match=reading.match,
        )
    return reading


def _katakana_first(text: str, matcher: Matcher) -> Reading | None:
    """The reading of the katakana word a Japanese message begins with, when a hiragana particle ends it and the rest
    asks a hunter's question about it ("ヌエグに水って効くの", "ラバラの弱点って火？"), or, when the word is coined
    (not everyday.is_everyday: four kana or more), any question or a sentence said of it ("セルレギって罠きく?"), as
    of a whole coined name: the parser folds hiragana into katakana, so the name and its particle ran together. None
    when the message is not so made, or the word names no monster."""
    written = _as_written(text, fold(text))
    found = _LEADING_KATAKANA.match(written)
    if found is None:
        return None
    word, rest = normalize(found.group(1)), normalize(written[found.end(1) :])
    coined = not is_everyday(word) and (_question_about(word, rest, text) or _said_of(word, rest, text))
    if not (_asks_about("", rest, word, text) or coined):  # (a coined word: any question, a sentence said of it)
        return None
    reading = _name(word, text, matcher)
    return reading if reading.verdict is Verdict.ANSWER else None


def _han_short_first(subject: str, text: str, matcher: Matcher) -> Reading | None:
    """The reading of the Han short form a subject begins with, when the rest asks a hunter's question about it
    ("鎖刃屬性弱點是？", "打凍峰要準備什麼"): a short form is no key, so the matcher never finds it inside a longer
    subject. The form must be what _known_prefix answers (a name without its kind, one monster's). None otherwise."""
    if not _HAN_ONLY.match(subject):
        return None
    for size in range(min(len(subject) - 1, TITLE_CJK + 1), HAN_PREFIX_SHORTEST - 1, -1):
        piece, rest = subject[:size], subject[size:].lstrip(_LINKS)
        hunted = rest.startswith(tuple(_words(HUNT_WORDS + ELEMENT_WORDS + ABOUT_WORDS)))
        if not hunted and (is_everyday(piece) or not _question_about(piece, rest, text)):
            continue  # the question must begin right after the form (熔岩巨獸: 巨獸 goes on a name of its own)
        result = matcher.match_key(piece)
        best = result.best
        if best is not None and best.method is Method.PART and _known_prefix(piece, best, text, matcher):
            if is_everyday(piece) and not rest.startswith(tuple(_words(HUNT_WORDS + ABOUT_WORDS))):
                continue  # a word of its own before an element's character (風神雷神屏風: the wind god)
            return Reading(
                Verdict.ANSWER, (best.monster_id,), why="a short form, then a question about it", match=result
            )
    return None


def _latin_short_word(subject: str, text: str, matcher: Matcher) -> Reading | None:
    """The reading of a word of an English message that is a short form of one name, in a hunter's question about
    it ("is gogma weak to fire", "where do i hit lagi"), or in any question when it is no English word of more than
    PART_LETTERS letters ("where does gogma show up": _known_prefix): the parser glues the words left after its
    question words (gogmafire), so the short form is looked for word by word, as _known_prefix answers one: a name's
    whole first word of PART_LETTERS letters too, in a hunter's question ("which parts of rey can i break"), unless
    a word of its own stands right before it ("star wars rey"). None otherwise."""
    words = re.findall("[a-z]+", text.lower())
    if not text.isascii():
        return None
    for word in words:
        if len(word) < PART_LETTERS or word == subject or _plain(word):
            continue  # (the subject itself was matched already; a sentence's or a hunter's word is no short form)
        result = matcher.match_key(word)
        best = _one_part(result)
        if best is not None and best.method is Method.PART and _known_prefix(word, best, text, matcher):
            letter, _ = _words_before(word, text)  # a lone letter before it may stand for a variant ("g dosha")
            if len(word) == PART_LETTERS and len(letter) > 1 and not _plain(letter):
                continue  # a word of its own before a short form of three letters makes it a name of something
                # else ("star wars rey is weak")
            initial = _initial(letter + best.key, text, matcher) if len(letter) == 1 else None
            why = "a short form, in a question about it"
            return initial or Reading(Verdict.ANSWER, (best.monster_id,), why=why, match=result)
    return None


def _romaji_written(text: str, matcher: Matcher) -> Reading | None:
    """The reading of a Japanese message (it holds kana) with a katakana name written in romaji in it ("redau強すぎ
    て", "zoshiaって罠きく?", "gogumajiosu おすすめ武器"): a run of Latin letters that the matcher reads as one
    katakana name by its sound (romaji.py, phonetic.py: a PHONETIC match of a katakana key) is that name, and the
    message is read with the name in katakana, as a Japanese player writing it would (_said_of, _coined_set_off:
    the reading's own rules for katakana names hold). None when the message is not so made or the rewritten one
    answers nothing."""
    if not _KANA.search(fold(text)):
        return None
    for run in _ROMAJI_RUN.findall(text):
        result = matcher.match_key(normalize(run))
        best = result.best
        if best is None or best.method is not Method.PHONETIC or not _KATAKANA.fullmatch(best.key):
            continue
        monster = matcher.monster(best.monster_id)
        official = monster.names.get("ja", "") if monster is not None else ""
        name = official if normalize(official) == best.key else best.key  # as written: レ・ダウ, its dot kept
        written = text.replace(run, name, 1)
        reading = read_question(parse(written), written, matcher)
        if reading.verdict in (Verdict.ANSWER, Verdict.UNKNOWN) and reading.monsters == (best.monster_id,):
            return replace(reading, why=f"romaji of a katakana name: {reading.why}")
    return None


def _shared_name(text: str, matcher: Matcher) -> Reading | None:
    """ "Which one?" among the monsters a name of several (an alias the knowledge gives to more than one: "rath",
    マガラ) names, when it stands as a word of its own anywhere in the message ("need rath plates", "rath keeps
    flying away"): a Latin word, or a katakana one its script sets apart (マガラ武器ほしい). No one of them is meant
    more than another, whatever the sentence says; a variant word right before it that only one of them has makes
    that variant ("guardian rath in wyveria"). One that is an everyday word too (everyday.is_everyday: a short
    katakana word) asks only beside a hunter's word. None when the message holds no such word."""
    folded = fold(text)
    katakana = _KATAKANA.findall(_as_written(text, folded)) if _KATAKANA.search(folded) else []
    words = (*_LATIN_WORD.findall(folded), *katakana)
    for key in dict.fromkeys(normalize(word) for word in words):
        named = matcher.monsters_named(key)
        if len(named) < 2 or (is_everyday(key) and not _hunter_worded(normalize(text), key)):
            continue
        word, _ = _words_before(key, text) if key.isascii() else ("", "")
        variant = _variant(word + key, matcher) if word else None  # a variant word before it ("guardian rath")
        if variant is not None and variant.verdict is Verdict.ANSWER:
            return replace(variant, whole=False)
        return Reading(Verdict.ASK, named, why="a name several monsters share, as a word of its own")
    return None


def _hunter_worded(whole: str, key: str) -> bool:
    """Whether a normalised message holds a word of a hunter's question (HUNT_WORDS, ABOUT_WORDS but particles)
    beside a name."""
    rest = whole.replace(key, " ")
    words = _words(HUNT_WORDS + ABOUT_WORDS) - _words(PARTICLES)
    return any(word in rest for word in words if not word.isascii()) or any(
        _hunts(word) for word in _LATIN_WORD.findall(rest)
    )


def _one_part(result: MatchResult) -> Candidate | None:
    """The best candidate of a word's result, when it is the match or, the word being short (ambiguous by itself:
    "rey", "uth"), a part of the only name that holds it (not "lala", which Congalala's name holds too)."""
    others = result.candidates[1:]
    if result.outcome is Outcome.AMBIGUOUS and not any(c.method is Method.PART for c in others):
        return result.candidates[0]
    return result.best


def _heard_across(text: str, matcher: Matcher) -> Reading | None:
    """The monster a run of an English message's words sounds like, heard syllable by syllable ("rath a loss", "nooh
    oodrah", "a jar a can"): each word spelled as it sounds (english.py: a final h or e is silent at a word's end,
    which joined letters hide), the run joined and spelled again, a Latin name or alias of one monster spelled the
    very same; the parser takes "a", "an" and "is" off as filler, which here are the name's syllables. The other
    words of the message must be a question's, a sentence's or a hunter's (_plain: "rathy an materials list") or
    small talk ("lol"), no word of their own. Runs of HEARD_RUN words at most, two at least; None when none sounds
    like one monster."""
    if not text.isascii():
        return None
    words = _LATIN_WORD.findall(fold(text))
    if len(words) < 2 or len(words) > MAX_HEARD_WORDS:
        return None
    # the words of their own must all stand in the run: it spans from the first to the last of them
    own = [at for at, word in enumerate(words) if not (_plain(word) or word.isdigit() or small_talk(word))]
    first, last = (own[0], own[-1]) if own else (len(words), -1)
    if last - first >= HEARD_RUN:
        return None
    spelled = [_spelled_word(word) for word in words]
    for size in range(min(HEARD_RUN, len(words)), 1, -1):
        for start in range(max(0, last - size + 1), min(first, len(words) - size) + 1):
            heard = matcher.monsters_heard(english.spelling("".join(spelled[start : start + size])))
            if len(heard) == 1:
                return Reading(Verdict.ANSWER, heard, why="a name heard across words")
    return None


@lru_cache(maxsize=4096)
def _spelled_word(word: str) -> str:
    """A word spelled as it sounds alone (english.aligned: no shortest length)."""
    return english.aligned(word)[0]


def _kind_asked(subject: str, text: str, matcher: Matcher) -> Reading | None:
    """ "Which one?" among the few monsters a kind word of the subject names, in a hunter's question that names none
    ("青蛙怪弱点": 纏蛙 and 河童蛙 are the frogs). The kind comes from the names (family.py's kinds: the Han endings
    several monsters' names share): it must end the official Chinese name of each of its monsters, at most KIND_MOST
    of them, of two monsters or more that are not variants of one another (獅子 of 激昂金獅子 is Rajang's family,
    斯 ends an alias only). Looked for in the subject's pieces of one and two characters: linear in its length."""
    if not _HAN_ONLY.match(subject) or not any(word in normalize(text) for word in _words(HUNT_WORDS)):
        return None
    kinds = family(matcher).kinds
    for size in (2, 1):
        for start in range(len(subject) - size + 1):
            ids = kinds.get(subject[start : start + size], frozenset())
            if 2 <= len(ids) <= KIND_MOST and _names_kind(subject[start : start + size], ids, matcher):
                return Reading(Verdict.ASK, tuple(sorted(ids)), why="a kind few monsters share")
    return None


def _names_kind(kind: str, ids: frozenset[str], matcher: Matcher) -> bool:
    """Whether a kind ends an official Chinese name of every one of its monsters, two of them not variants of one
    another."""
    monsters = [m for m in map(matcher.monster, ids) if m is not None]
    chinese = all(
        any(normalize(m.names.get(lang, "")).endswith(kind) for lang in ("zh-TW", "zh-CN")) for m in monsters
    ) and len(monsters) == len(ids)
    roots = [m for m in monsters if not family(matcher).bases(m) & ids]
    return chinese and len(roots) >= 2


def _names_spaced(text: str, matcher: Matcher) -> tuple[str, ...]:
    """The monsters of a message that is Chinese or Japanese names separated by spaces ("滅盡龍 冰呪龍 冥赤龍"), each
    word a name of one monster as it stands; () otherwise. Latin names hold spaces themselves ("rey dau") and are
    listed with commas or "vs"."""
    words = [normalize(word) for word in text.split()]
    words = [word for word in words if matcher.monsters_named(word) or not _asks_only(word)]  # "弱點", "哪個最好打"
    if len(words) < 2 or not all(word and is_cjk(word) for word in words):
        return ()
    named = [matcher.monsters_named(word) for word in words]
    if not all(len(ids) == 1 for ids in named):
        return ()
    found = tuple(dict.fromkeys(ids[0] for ids in named))
    return found if len(found) > 1 else ()


def _asks_only(word: str) -> bool:
    """Whether a word of a list is the question's, not a name: words asking about a monster, or ones holding a
    Chinese or Japanese word of a hunter's question ("哪個最好打")."""
    return _about(word) or any(hunt in word for hunt in _words(HUNT_WORDS) if not hunt.isascii())


def _glued(subject: str, text: str) -> bool:
    """Whether the name stands inside a longer word of the message ("電龍頭": a faucet, or Astalos' head where
    "電龍 頭" surely is): read as the whole message is, a word glued to a name ("did you mean?"), not its part. The
    caller asks it of a subject that is a name as it stands: in "麒麟要用火屬性嗎" the words between name and element
    are a question's."""
    return any(subject in word and subject != word for word in map(normalize, re.split(r"[\s\W_]+", text)))


def _compare(question: Question, text: str, matcher: Matcher) -> Reading:
    read = [(name, _name(name, text, matcher)) for name in question.names]
    if len(read) > 1 and all(side.verdict is Verdict.ANSWER for _, side in read[:-1]):  # the names listed are sure
        read[-1] = (read[-1][0], _question_after_list(*read[-1], text, matcher))
    clauses = "," in text or "，" in text  # commas join clauses too: "balahara keeps diving, how do i get it out"
    typed = question.sides if len(question.sides) == len(read) else question.names
    # a side no name is near, in a message of which a side is a clause, is the clause's alternative ("can you capture
    # X or only slay", "should i trap or kill X"): "or" then joins verbs, not monsters
    clause = any(_clause(words) for words in typed)
    said = [_no_name_near(side) and not clauses and clause for _, side in read]
    kept = [
        side
        for (name, side), clause in zip(read, said, strict=True)
        if not (_question_words(name, side) or clause or (clauses and _no_name_near(side)))
    ]
    if len(kept) == 1:  # "火龍還是好難打", "ジンダハドって火と雷どっちがいい": one name, and words asking about it
        return replace(kept[0], whole=False) if any(said) else kept[0]  # (a clause beside it: a group's chatter)
    sides = _apart(kept)
    found = tuple(dict.fromkeys(side.monsters[0] for side in sides if side.verdict is Verdict.ANSWER))
    if len(found) == len(sides) and len(found) > 1:
        return Reading(Verdict.COMPARE, found, why="every name", whole=all(side.whole for side in sides))
    if found:
        offered = tuple(dict.fromkeys(m for side in sides for m in side.monsters))
        return Reading(Verdict.ASK, offered, why="not every name is sure")
    return _name(question.whole, text, matcher)  # no side is a name: the words were not a list ("fast and furious")


def _question_after_list(name: str, side: Reading, text: str, matcher: Matcher) -> Reading:
    """The last side of a list read as the name it begins with, when the words after that name are the comparison's
    own question ("chatacabra vs tetranadon which frog is worse", "arkveld or guardian arkveld for dragon weapons"):
    the whole Latin name must stand as words of its own in the message, first in the side (a Han name has no word
    boundary to tell: 棘龍誰比較大); the side's reading otherwise."""
    best = side.match.best if side.match is not None else None
    if side.verdict is not Verdict.NONE or best is None or best.method is not Method.CONTAINS:
        return side
    key = best.span or best.key
    if not key.isascii() or not name.startswith(key) or not _within_word(key, text):
        return side
    if not _asks_of_list(key, text):  # "rathalos and rathian are a couple": a remark, no question
        return side
    named = _name(key, text, matcher)
    return named if named.verdict is Verdict.ANSWER and named.whole else side


def _asks_of_list(key: str, text: str) -> bool:
    """Whether the words after a list's last name (`key`, as the message spells it) are the comparison's question: a
    question mark, "which" or "who" asking for one of the names, or a word of a hunter's question or of what sets
    monsters apart (an inflection off: "weapons")."""
    folded = fold(text)
    places = list(_typed(key).finditer(folded))
    words = set(_LATIN_WORD.findall(folded[places[-1].end() :] if places else ""))  # after its last place
    return "?" in text or any(english.stems(word) & _list_question_words() for word in words)


@lru_cache(maxsize=1)
def _list_question_words() -> frozenset[str]:
    """Words that make the end of a list its question: which, who, and hunters' or comparison words but those of any
    English sentence ("are", "a"), and the elements the names are compared on ("uth duna vs lagiacrus in water")."""
    topics = tuple(word for words in TOPIC_WORDS.values() for word in words if word.isascii())
    return frozenset({"which", "who"}) | (_words(HUNT_WORDS + ABOUT_WORDS + topics) - ENGLISH_SENTENCE_WORDS)


def _clause(side: str) -> bool:
    """Whether a side of a message split as a list (as typed) is a clause rather than a name: it holds a word of an
    English sentence ("do i capture or kill chatacabra", "savage deviljho vs my lance") or of a Chinese one (_phrase:
    "獄焰鱆要帶水還是冰 求解"). A side that is a word alone (ティガーとプー, 世界警察跟紅蓮爆鱗龍) may be a name the
    knowledge lacks."""
    if side.isascii():
        return bool(set(_LATIN_WORD.findall(fold(side))) & (ENGLISH_SENTENCE_WORDS | ENGLISH_BEFORE_VERBS))
    return _phrase(normalize(side))


def _no_name_near(side: Reading) -> bool:
    """Whether a side was read as no monster with no name near it (a clause of a sentence, not a list's item)."""
    near = side.match is not None and any(c.score >= AMBIGUOUS_FLOOR for c in side.match.candidates)
    return side.verdict is Verdict.NONE and not near


def _question_words(subject: str, side: Reading) -> bool:
    """Whether a side of a comparison is words of the question rather than a name: an element alone ("凍峰龍用火還是
    雷": the elements are compared), or words no name comes near that hold a Chinese or Japanese word of a hunter's
    question ("好難打") or begin with an element that is no Han word's first character ("雷どっちがいい"; not 火鍋), or
    words of a hunter's question and parts only, whatever name they come near ("海龍打頭還是打尾": the head and the
    tail are compared; 尾 is a character of 炎尾龍)."""
    if subject in _words(ELEMENT_WORDS) or subject in ELEMENT_TOPICS or _about(subject):  # "火", "thunder", "best
        # weapon element" (its words: "weapon"): an English element alone as a side is compared, not a name
        return True
    if _segments(subject, _part_question_words()) or _segments(subject, _words(PREFIXES)):
        return True  # (words that open a question are no side either: "ボット、イャンクック", the bot addressed)
    return _no_name_near(side) and (_asks_only(subject) or bool(_ELEMENT_FIRST.match(subject)))


def _part_asked(subject: str, text: str) -> bool:
    """Whether the words glued after a name are a part's and a question's ("火龍頭部弱點": its head's weakness), not a
    part's alone (電龍頭, a faucet; 火龍頭部 is still "did you mean?")."""
    typed = normalize(text)
    after = typed[typed.find(subject) + len(subject) :] if subject in typed else ""
    return bool(after) and _segments(after, _part_question_words()) and not _segments(after, _part_words())


@lru_cache(maxsize=1)
def _part_words() -> frozenset[str]:
    """The words players name a monster's parts by (頭, 尾巴, "tail")."""
    return _words(tuple(word for words in PART_WORDS.values() for word in words))


@lru_cache(maxsize=1)
def _part_question_words() -> frozenset[str]:
    """The words of a question about a monster, of a hunter's question and of its parts (打, 頭, 尾巴, "tail")."""
    return _about_keys() | _words(HUNT_WORDS) | _part_words()


def _apart(sides: list[Reading]) -> list[Reading]:
    """The sides of a comparison, each asked-about side read as the one monster it offers that no answered side is
    ("ジョーと怒りジョー": ジョー offers Deviljho and Savage Deviljho, and 怒りジョー is Savage Deviljho). A comparison
    sets apart monsters: a side is not the monster another side names. A side that offered one monster only (尾 of
    "海龍打頭還是打尾": 炎尾龍's middle character) was narrowed by nothing and stays asked. Otherwise each side as it
    was read."""
    answered = {side.monsters[0] for side in sides if side.verdict is Verdict.ANSWER}
    if not answered:
        return sides
    apart = []
    for side in sides:
        left = [monster for monster in side.monsters if monster not in answered]
        if side.verdict is Verdict.ASK and len(left) == 1 < len(side.monsters):
            side = Reading(Verdict.ANSWER, (left[0],), why="the one name a comparison leaves", score=side.score)
        apart.append(side)
    return apart


def _name(subject: str, text: str, matcher: Matcher) -> Reading:
    """One name: a variant pair, else the matcher's best with the evidence around it."""
    result = matcher.match_key(subject)
    if result.outcome is Outcome.MISS:
        titled = _title_and_short_form(subject, matcher)
        if titled is not None:
            return titled
    if not matcher.monsters_named(subject) and not _sounds_as_one_name(result):
        variant = _variant(subject, matcher) or _initial(subject, text, matcher)
        if variant is not None:
            return variant
    return replace(_weigh(subject, result, text, matcher), match=result)


def _initial(subject: str, text: str, matcher: Matcher) -> Reading | None:
    """The variants a lone letter typed before a Latin name stands for ("g. rathalos", "g fulgur": G for Guardian):
    those the variant words beginning with it make of the monster the rest names, or of those it may name ("g rath":
    Rathalos or Rathian, and only Rathalos has a Guardian): the one, or "which one?" among several. None when the
    subject is not so made, the rest names no monster or the letter no variant of one. A letter that is an English
    word ("a", "i") is no initial."""
    letter, rest = subject[:1], subject[1:]
    if not _LATIN.fullmatch(letter) or letter in ENGLISH_SENTENCE_WORDS or not _LATIN_WORD.fullmatch(rest):
        return None
    if not re.search(rf"(?<![a-z]){letter}[\s.]+{re.escape(rest[:1])}", fold(text)):
        return None
    found = matcher.match_key(rest)
    bases = {c.monster_id for c in found.candidates[: 1 if found.best else None] if c.method is not Method.CONTAINS}
    if found.outcome is Outcome.MISS or not bases:
        return None
    relations = family(matcher)
    made = {
        variant
        for base in bases
        for word, meaning in (*variant_keys(), *relations.words)
        if word.startswith(letter)
        if (variant := relations.variant(base, meaning, "en") or relations.through_form(base, meaning, "en"))
    }
    if not made:
        return None
    verdict = Verdict.ANSWER if len(made) == 1 else Verdict.ASK
    return Reading(verdict, tuple(sorted(made)), why="a variant word's initial before the name", whole=True)


def _title_and_short_form(subject: str, matcher: Matcher) -> Reading | None:
    """The variant a title's Han head and its base's katakana short form make ("渾沌ゴア": 渾沌に呻くゴア・マガラ,
    as family.py's titles pair 渾沌 with Gore Magala), or None."""
    head = _TITLE_HEAD.match(subject)
    if head is None:
        return None
    base = matcher.match_key(subject[head.end() :]).best
    if base is None or base.method is not Method.PART:
        return None
    titled = family(matcher).titles.get((head.group(), base.monster_id))
    return Reading(Verdict.ANSWER, (titled,), why="a title's head before its base's short form") if titled else None


def _sounds_as_one_name(result: MatchResult) -> bool:
    """Whether the whole subject sounds exactly as one name (白赤龍 is said as 白熾龍, bái chì lóng): a homophone typo
    of that name, not a variant word (白, white) before another name inside it (赤龍)."""
    best = result.best
    return best is not None and best.method is Method.PHONETIC and best.score >= SOUND_ALIKE


def _weigh(subject: str, result: MatchResult, text: str, matcher: Matcher) -> Reading:
    """The reading of the matcher's result for one name, from the evidence around it."""
    if result.outcome is Outcome.MISS:
        return Reading(Verdict.NONE, why="no name")
    best = result.candidates[0]
    if _off_by_a_letter(subject, best) and not _hunter_framed(best.span or subject, text):
        return Reading(Verdict.NONE, why="a Latin word one letter off a name, not asked about", score=best.score)
    several = _names_apart(subject, text, matcher)
    if several is not None:
        return replace(several, score=result.candidates[0].score)
    misspelt = _misspelt_whole(subject, result, text, matcher)
    if misspelt is not None:
        return misspelt
    before = _before_name(result, text, matcher)
    if before is not None:
        return replace(before, score=result.candidates[0].score)
    if result.outcome is Outcome.AMBIGUOUS:
        over = _variant_over_base(subject, result.candidates, matcher)
        over = _variant_of_variant(subject, over, matcher) if over else over
        if over:
            return Reading(
                Verdict.ANSWER,
                (over,),
                why="a variant's name and its base's both named",
                whole=True,
                score=result.candidates[0].score,
            )
        if _known_prefix(subject, result.candidates[0], text, matcher):
            return Reading(
                Verdict.ANSWER,
                (result.candidates[0].monster_id,),
                why="a short form players use, in a hunter's question",
                score=result.candidates[0].score,
            )
        if _katakana_typo(subject, result.candidates):
            return Reading(
                Verdict.ANSWER,
                (result.candidates[0].monster_id,),
                why="a katakana name one sound off, no other near",
                score=result.candidates[0].score,
            )
        if not _close_enough_to_ask(subject, result.candidates[0]):
            return Reading(Verdict.NONE, why="no name close enough to ask about", score=result.candidates[0].score)
        return Reading(Verdict.ASK, _ids(result.candidates), why="close names", score=result.candidates[0].score)
    best = result.candidates[0]
    if best.method is Method.CONTAINS:
        contained = _contained(subject, best, text, matcher)
        whole = result.whole_message and contained.why != SAID_OF  # a sentence said of a name is chatter in a group
        return replace(contained, whole=whole, score=best.score)
    if _numbered_title(subject, best, text):
        return Reading(Verdict.NONE, why="a name with a number: the title of something else", score=best.score)
    doubt = _doubt(subject, best, matcher)
    if doubt and _known_prefix(subject, best, text, matcher):
        doubt = ""
    if doubt:
        return Reading(Verdict.ASK, _ids(result.candidates), why=doubt, score=best.score)
    # A name short of a letter ("anjanat") is a typo of it, and may be a word of its own too: answered where the bot
    # is surely addressed, not confidently in a group's chatter; so is a short word like a name (_short_likeness).
    return Reading(
        Verdict.ANSWER,
        (best.monster_id,),
        why=f"{best.method.value} name",
        whole=best.method is not Method.PART and not _short_likeness(subject, best, text),
        score=best.score,
    )


def _names_apart(subject: str, text: str, matcher: Matcher) -> Reading | None:
    """The reading of a subject holding the names of two monsters or more apart ("is rathalos harder than rathian",
    "火龍比雌火龍難嗎", "arkveld guardian arkveld difference"): never one of them, as if the others were not said. A
    comparison of every one when the rest is words of a question about them (than, compared, 比, difference, a
    hunter's words); "which one?" among them otherwise. Latin names must stand as words of the message ("rathian"
    is no name inside "rathianite"). None when the subject names fewer than two monsters apart."""
    found = [
        (start, end, monster_id)
        for start, end, monster_id in matcher.names_at(subject)
        if not _LATIN.match(subject[start]) or _within_word(subject[start:end], text)
    ]
    found.sort()
    monsters = tuple(dict.fromkeys(monster_id for _, _, monster_id in found))
    if len(monsters) < 2 or any(
        _one_name(subject, one, other, matcher) for one, other in zip(found, found[1:], strict=False)
    ):
        return None
    bounds = [0, *(place for start, end, _ in found for place in (start, end)), len(subject)]
    pieces = [subject[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)]  # the words between the names
    if all(_segments(piece, _part_question_words()) for piece in pieces):
        return Reading(Verdict.COMPARE, monsters, why="names apart, compared")
    if len(monsters) == 2 and _related(*monsters, matcher):
        return None  # a variant and its base in a sentence ("is guardian rathalos harder than normal rathalos")
    return Reading(Verdict.ASK, monsters, why="names apart, in a sentence")


def _one_name(subject: str, one: tuple[int, int, str], other: tuple[int, int, str], matcher: Matcher) -> bool:
    """Whether two names found side by side are one name: a variant's own word beside its base's name, neither
    holding the other ("stygian zino": Stygian Zinogre; not "arkveld guardian arkveld", two names)."""
    first, second = subject[one[0] : one[1]], subject[other[0] : other[1]]
    return one[1] == other[0] and first not in second and second not in first and _related(one[2], other[2], matcher)


def _related(first: str, second: str, matcher: Matcher) -> bool:
    """Whether one of two monsters is a variant of the other (its name ends the other's: Stygian Zinogre, Zinogre)."""
    one, other = matcher.monster(first), matcher.monster(second)
    relations = family(matcher)
    return (one is not None and second in relations.bases(one)) or (
        other is not None and first in relations.bases(other)
    )


def _before_name(result: MatchResult, text: str, matcher: Matcher) -> Reading | None:
    """The reading of a Latin name found inside a longer subject when the word typed right before it is no word of a
    sentence or of a question, nor a name: a variant word misspelt ("gaurdian rathalos", as like the word as
    LATIN_SPAN_SHARE makes a name's typo) is that variant, or "not in our knowledge"; any other is a title the
    knowledge lacks ("boltreaver astalos weakness?", "is thunderlord zinogre weak to ice"): "not in our knowledge, did
    you mean the base?", never the base's card. The name is the best candidate, or, when the result is ambiguous, the
    best found inside the subject ("guardain rathalos": Guardian Rathalos by likeness, Rathalos inside it). None when
    no such word stands right before the name ("which element works on rathalos", "tips for rathalos", "hr
    rathalos")."""
    tops = result.candidates if result.outcome is Outcome.AMBIGUOUS else result.candidates[:1]
    best = next((c for c in tops if c.method is Method.CONTAINS and c.score >= MATCH_THRESHOLD), None)
    key = (best.span or best.key) if best is not None else ""
    if best is None or not _LATIN_WORD.fullmatch(key):
        return None
    word = _title_word(key, text)
    if not word or matcher.monsters_named(word):
        return None
    if _in_names(word, result.candidates, matcher):
        return None  # a known variant's own word ("violet mizu", "scorned magna"): read as that variant
    for variant, _ in (*variant_keys(), *family(matcher).words):
        if len(variant) >= TITLE_LATIN_SHORTEST and variant.isalpha() and variant.isascii():
            if fuzz.ratio(word, variant) >= 100 * LATIN_SPAN_SHARE:
                return _variant(variant + best.key, matcher) or Reading(Verdict.UNKNOWN, (best.monster_id,))
    if word.endswith(TITLE_NEVER_ENDS) and not _modifier(word, _words_before(key, text)[1]):
        return None  # an inflected word: "which element hurts rathian most", "what's the best element used rathalos"
    return Reading(Verdict.UNKNOWN, (best.monster_id,), why="a title before the name")


def _title_word(key: str, text: str) -> str:
    """The Latin word typed right before a Latin name when it may be a title of it or a variant word: of
    TITLE_LATIN_SHORTEST letters or more, no word of a sentence, a question, a hunter or a game ("tips for ajara"),
    and no verb (after a pronoun, "to" or a modal: "how do i dodge rey dau's beam"); "" otherwise."""
    word, previous = _words_before(key, text)
    if len(word) < TITLE_LATIN_SHORTEST or not word.isalpha() or _plain(word) or previous in ENGLISH_BEFORE_VERBS:
        return ""
    return word


def _modifier(word: str, previous: str) -> bool:
    """Whether a word ending in "ed" typed before a name is an adjective of it, as a title is ("how to beat shrouded
    nerscylla", "is frenzied zinogre weak to ice"), not a verb taking it as object ("the best element used
    rathalos"): a participle opens a noun phrase where one begins, first in the message or after a word of a sentence
    (is, the, a) or a hunter's verb (beat, hunt), and is a verb after a noun."""
    return word.endswith("ed") and (
        not previous or previous in ENGLISH_SENTENCE_WORDS or bool(english.stems(previous) & _words(HUNT_WORDS))
    )


def _in_names(word: str, candidates: Iterable[Candidate], matcher: Matcher) -> bool:
    """Whether a word stands in a name of one of the candidates."""
    monsters = (m for c in candidates if (m := matcher.monster(c.monster_id)))
    return any(word in normalize(name) for monster in monsters for _, name in monster.all_names())


def _words_before(key: str, text: str) -> tuple[str, str]:
    """The two Latin words typed right before a Latin name in the message, the nearer first, the first glued to it or
    not ("" for each when another script, a number or nothing comes first)."""
    found = _typed_at(key, text)
    before = (
        re.search(r"(?:([a-z0-9]+)[\s\W_]+)?([a-z0-9]+)[\s\W_]*$", found.string[: found.start()]) if found else None
    )
    return (before.group(2), before.group(1) or "") if before else ("", "")


def _plain(word: str) -> bool:
    """Whether an English word is one of a sentence or of a question (an ending off: "fights", "hunting"): no title."""
    return bool(english.stems(word) & _plain_words())


@lru_cache(maxsize=1)
def _plain_words() -> frozenset[str]:
    """English words of sentences, questions and hunters, the games' names and the elements'."""
    games = (word for words in GAME_WORDS.values() for word in words if word.isascii())
    topics = (word for words in TOPIC_WORDS.values() for word in words if word.isascii())  # "dragon", "poison"
    plain = _words((*HUNT_WORDS, *games, *topics))
    return ENGLISH_SENTENCE_WORDS | ENGLISH_FILLER | ENGLISH_QUESTION_WORDS | plain | _about_keys()


def _misspelt_whole(subject: str, result: MatchResult, text: str, matcher: Matcher) -> Reading | None:
    """The monster whose whole Latin or katakana name the subject misspells, when the best candidate is only a shorter
    name inside a longer word of the message ("mizu" in "mizutsuni", "zino" in "malzino"): a name inside another
    word is no evidence (_within_word), and the word itself is what was meant when it is as like a longer name of
    one candidate as a typo is (MATCH_THRESHOLD) and like no other's by MARGIN. A name inside the word counts for
    nothing ("gorey" holds "gore"). None otherwise."""
    best = result.candidates[0]
    script = _script(subject)
    if best.method is not Method.CONTAINS or script is None or _within_word(best.key, text):
        return None
    likeness = sorted(
        (
            (_likeness(subject, monster, script), monster.id)
            for candidate in result.candidates
            if (monster := matcher.monster(candidate.monster_id))
        ),
        reverse=True,
    )
    top, monster_id = likeness[0]
    runner_up = likeness[1][0] if len(likeness) > 1 else 0.0
    if top >= MATCH_THRESHOLD and top - runner_up >= MARGIN:
        return Reading(Verdict.ANSWER, (monster_id,), why="a longer word: its whole name misspelt", score=top)
    return None


def _script(subject: str) -> re.Pattern[str] | None:
    """The script a subject is written in wholly, of those whose names stand as words (Latin, katakana), or None."""
    return next((script for script in (_LATIN_WORD, _KATAKANA) if script.fullmatch(subject)), None)


def _likeness(subject: str, monster: Monster, script: re.Pattern[str]) -> float:
    """How like the subject the most like of a monster's names in its script that it does not hold is (rapidfuzz's
    ratio)."""
    keys = (normalize(name) for _, name in monster.all_names())
    return max((fuzz.ratio(subject, key) for key in keys if script.fullmatch(key) and key not in subject), default=0.0)


def _katakana_typo(subject: str, candidates: tuple[Candidate, ...]) -> bool:
    """Whether a katakana subject is one katakana name misspelt (チャカタブラ for チャタカブラ).

    A katakana name is a transliteration of several sounds, and no everyday word: one of KANA_SHORTEST or more
    characters one edit off (two neighbours swapped, one changed, added or dropped), or scoring ASK_FLOOR, answers
    when no other name comes within KANA_LEAD of it. Chosen on the tuning half: the typos so read lead by 16 and
    more; shorter subjects (one of three changed) stay asked about.
    """
    best = candidates[0]
    runner_up = candidates[1].score if len(candidates) > 1 else 0.0
    return (
        best.method in (Method.FUZZY, Method.PHONETIC)
        and len(subject) >= KANA_SHORTEST
        and bool(_KATAKANA.fullmatch(subject))
        and bool(_KATAKANA.fullmatch(best.key))
        and (best.score >= ASK_FLOOR or OSA.distance(subject, best.key) <= 1)
        and best.score - runner_up >= KANA_LEAD
    )


def _close_enough_to_ask(subject: str, best: Candidate) -> bool:
    """Whether the best name of an ambiguous result is near enough to the subject to be plausibly meant.

    The evidence is how the name was found. A likeness (fuzzy, phonetic) must score ASK_FLOOR: under it ("tiger" for
    Tigrex 73, "legion" for Legiana 77, "paola" for the alias paolu 80: one letter of five changed) it is as likely
    another word or another franchise's name as a typo, and in a chat an unrelated "which one?" is noise. A part of
    names must be PART_LETTERS Latin letters at least: two ("hi") begin too many words; one Han character (毒: 毒怪鳥,
    毒妖鳥) is a name's first word.
    """
    if best.method in (Method.FUZZY, Method.PHONETIC):
        return best.score >= ASK_FLOOR
    if best.method is Method.PART and subject.isascii():
        return len(subject) >= PART_LETTERS
    return True


def _variant_over_base(subject: str, candidates: tuple[Candidate, ...], matcher: Matcher) -> str:
    """The variant, when the two best are a variant and its base and the subject holds the variant's own word
    ("stygian zino": Stygian Zinogre's "stygian" beside Zinogre's short name), what its name adds to a name of the
    base's own (not to "rath", Rathalos' and Rathian's: "ian" is no variant word)."""
    if len(candidates) < 2 or (len(candidates) > 2 and candidates[2].score >= candidates[1].score):
        return ""
    first, second = candidates[0].monster_id, candidates[1].monster_id
    for variant_id, base_id in ((first, second), (second, first)):
        variant, base = matcher.monster(variant_id), matcher.monster(base_id)
        if variant is None or base is None or base_id not in family(matcher).bases(variant):
            continue
        for own in (normalize(name) for _, name in variant.all_names()):
            for name in (normalize(name) for _, name in base.all_names()):
                if matcher.monsters_named(name) != (base_id,):
                    continue  # a nickname of several ("rath": Rathalos and Rathian) is no base's name
                word = own.replace(name, "") if name in own else ""
                if len(word) >= 2 and word in subject:
                    return variant_id
    return ""


def _variant_of_variant(subject: str, variant_id: str, matcher: Matcher) -> str:
    """The variant a variant word typed right before a variant's own word makes of that variant ("guardian fulgur
    anja": Guardian Fulgur Anjanath, not Fulgur Anjanath), else the variant itself."""
    variant = matcher.monster(variant_id)
    relations = family(matcher)
    if variant is None:
        return variant_id
    for base_id in relations.bases(variant):
        base = matcher.monster(base_id)
        for own in (normalize(name) for _, name in variant.all_names()):
            for name in (normalize(name) for _, name in base.all_names()) if base is not None else ():
                word = own.replace(name, "") if name in own and own != name else ""
                if len(word) < 2 or not own.startswith(word) or word not in subject:
                    continue
                before = subject[: subject.find(word)]
                for title, meaning in (*variant_keys(), *relations.words):
                    made = relations.variant(variant_id, meaning, "en") if before.endswith(title) else None
                    if made:
                        return made
    return variant_id


def _first_word(subject: str, best: Candidate, matcher: Matcher) -> bool:
    """Whether the subject is the whole first word of one of the candidate's names of several words."""
    monster = matcher.monster(best.monster_id)
    names = monster.all_names() if monster is not None else []
    return any(len(words) > 1 and normalize(words[0]) == subject for _, name in names if (words := name.split()))


def _numbered_title(subject: str, best: Candidate, text: str) -> bool:
    """Whether a Latin subject is a name followed by a number ("diablo 4", "rathalos 2"): a sequel's or a product's
    title, not the monster. The evidence is the number itself, which no Latin name holds, right after the name's
    letters in the message (in "seregios weak 2 what" a question's word stands between): the name was only found as
    a likeness or a part of the subject, never as the subject itself."""
    found = re.fullmatch(r"([a-z]+)(\d+)", subject)
    if found is None or best.method is Method.EXACT or not best.key.isalpha():
        return False
    return re.search(rf"{found.group(1)[-1]}[\s\W_]*{found.group(2)}", fold(text)) is not None


def _short_part(subject: str, best: Candidate) -> bool:
    """Whether the subject is only a short part of the name it was found in ("basar" of Basarios, 青熊 of 青熊獸).

    The evidence is the share of the name the subject covers, and the script: a Latin or Han part that leaves more
    than PART_SHARE of the name unsaid is as often a word of its own or another name's beginning, while a name
    missing its last letter ("anjanat", "diablo": 7 of 8, 6 of 7) is a typo of it. Katakana names are shortened to
    their first morae as a rule (ドドブラ, グラビ, wikiwiki's 略称 page): a katakana part is read as the matcher
    reads it.
    """
    if _KATAKANA.fullmatch(subject):
        return False
    return best.method is Method.PART and len(subject) < PART_SHARE * len(best.key)


def _known_prefix(subject: str, best: Candidate, text: str, matcher: Matcher) -> bool:
    """Whether a short part of a name is the short form players use for it ("gore weakness": Gore Magala, 煌雷 and
    "煌雷要帶什麼屬性": 煌雷龍), and so is answered rather than asked about.

    All three pieces of evidence are needed:
    - the part begins a name of exactly one monster (its variants' names begin otherwise: "chaotic gore magala");
    - it is a whole word of that name: the first word of a Latin name of several words ("gore" of "gore magala"), or
      a Han name but its kind (family.py's kinds: 龍, 獸, 蜘蛛, the endings several monsters' names share), with
      HAN_PREFIX_SHORTEST characters left (凍峰 of 凍峰龍, 刺花 of 刺花蜘蛛), unless it reads as a variant word and a
      character (青熊: blue and bear, a description of its own). A fragment of one Latin word of more than
      PART_LETTERS letters ("gogma", "dosha") counts in a hunter's question only: alone ("basar", "seregi") it is
      as often a word of its own and stays asked (an English word never gets here: the matcher masks it);
    - the message carries a hunter's question word beside it (_asks_about; in English next to it, _hunted_next_to:
      "gogma history weakness" asks of a history), or, for a Han short form, is the short
      form alone with no element word leading it (_alone), or in any question about it (_question_about) when it is
      no word of its own nor a small monster's name (everyday.is_everyday). A Latin first word alone is as often an
      English word ("royal", "coral").
    Chosen on the tuning half: the short forms so read there name the monster meant; none of its negatives is one.
    """
    if best.method is not Method.PART or not best.key.startswith(subject):
        return False
    if matcher.monsters_beginning(subject) != {best.monster_id}:
        return False
    if subject.isascii():
        word = _first_word(subject, best, matcher) or len(subject) > PART_LETTERS
        hunted = _hunted_next_to(subject, text, _latin_names(best.monster_id, matcher))
        if word and len(subject) > PART_LETTERS and not is_everyday(subject):
            # no English word: any question about it asks of the monster ("where does gogma show up")
            return _question_about(subject, _sides(subject, text, "", "")[1], text, of_words=True) or (
                hunted and _asks_about(*_sides(subject, text, "", ""), subject, text)
            )
        return word and hunted and _asks_about(*_sides(subject, text, "", ""), subject, text)
    monster = matcher.monster(best.monster_id)
    names = (normalize(name) for _, name in monster.all_names()) if monster is not None else ()
    kinds = family(matcher).kinds
    # a short form no dictionary counts as a word, in any question about it ("鎖刃要怎麼捕獲", "冻峰能上陷阱吗"), but
    # what it is (冰牙是什麼病: a piece of a name is as often a word no dictionary here holds)
    after = _sides(subject, text, "", "")[1]
    coined_question = not is_everyday(subject) and not after.startswith("是") and _question_about(subject, after, text)
    return (
        is_cjk(subject)
        and not _KANA.search(subject)
        and len(subject) >= HAN_PREFIX_SHORTEST
        and not split_variant(subject)
        and any(name.startswith(subject) and _kind_left(name, len(subject), kinds) for name in names)
        and (_alone(subject, text) or _asks_about(*_sides(subject, text, "", ""), subject, text) or coined_question)
    )


def _kind_left(name: str, cut: int, kinds: Collection[str]) -> bool:
    """Whether a name cut after `cut` characters leaves its whole kind (刺花|蜘蛛), not a piece of it (影蜘|蛛)."""
    return name[cut:] in kinds and name[cut - 1 :] not in kinds


def _alone(subject: str, text: str) -> bool:
    """Whether a Han short form is the whole message and no description: one that begins with an element word reads
    as one (冰牙, an ice fang), as one that begins with a variant word does (青熊, a blue bear: _known_prefix)."""
    return normalize(text) == subject and not subject.startswith(tuple(_words(ELEMENT_WORDS)))


def _off_by_a_letter(subject: str, best: Candidate) -> bool:
    """Whether the name found is a Latin word of the message one letter off it rather than the name typed: a span of
    a sentence so spelled ("thanks rajan": Rajang's last letter dropped), or a whole subject shorter than
    QUESTION_LATIN letters read as a name near it ("kiri": Kirin, "rajan": ラージャン heard)."""
    if not best.key.isascii() and best.method is not Method.PHONETIC:
        return False
    if best.method is Method.CONTAINS:
        return bool(best.span) and best.span != best.key and best.span.isascii()
    near = best.method in (Method.FUZZY, Method.PHONETIC, Method.PART)
    return near and subject.isascii() and subject != best.key and len(subject) < QUESTION_LATIN


def _hunter_framed(word: str, text: str) -> bool:
    """Whether a message holding a Latin word one letter off a name is a hunter's question about it: the word alone,
    or a hunter's word (HUNT_WORDS), one of TRAILING_QUESTION_WORDS or TELL_ABOUT_WORDS among the others ("what is
    rathalon weak to", "tell me about rajan").
    Greeting, thanking, telling or naming someone ("thanks rajan", "who is kiri", "playing diablo") is no evidence: a
    person's name, or a word of another language, one letter off a name is as likely as a typo of it."""
    others = [w for w in re.split(r"[^a-z]+", fold(text)) if w and w not in word]
    return not others or any(_hunts(w) or w in TRAILING_QUESTION_WORDS or w in TELL_ABOUT_WORDS for w in others)


def _short_likeness(subject: str, best: Candidate, text: str) -> bool:
    """Whether a Latin subject shorter than QUESTION_LATIN letters was found only as a likeness of a name ("sergio"
    for Seregios, "rajan" for Rajang heard) with no hunter's word in the message: a person's name or a word of
    another language as likely as a typo, answered one-to-one, never confidently in a group. The typos players send
    alone in the tuning halves are longer (7 letters and more but one: "raydao")."""
    likeness = best.method in (Method.FUZZY, Method.PHONETIC)
    if not likeness or not subject.isascii() or len(subject) >= QUESTION_LATIN:
        return False
    return not any(_hunts(word) for word in _LATIN_WORD.findall(fold(text)))


def _doubt(subject: str, best: Candidate, matcher: Matcher) -> str:
    """Why a name found by part or likeness should be asked about rather than answered ("" when it should not)."""
    kana = bool(_KANA.search(subject))
    if best.method is Method.PART and subject.isascii() and _first_word(subject, best, matcher):
        return "the first word of a longer name alone"
    if _short_part(subject, best):
        return "a short part of a longer name"
    if best.method is Method.FUZZY and subject.isascii() and best.key.isascii():
        ending = subject.removeprefix(best.key)
        if ending != subject and ending in INFLECTIONS:
            return "the name with an English ending: another word"
    if best.method is Method.FUZZY and not kana and not subject.isascii() and len(subject) > len(best.key):
        return "a longer Chinese word holding the name"
    return ""


def _contained(subject: str, best: Candidate, text: str, matcher: Matcher) -> Reading:
    """_contained_name's reading, or, when it names the monster found, the variant a lone letter typed right before
    the name stands for ("best g arkveld build", "what does the g arkveld drop": _initial) when one does."""
    reading = _contained_name(subject, best, text, matcher)
    if reading.verdict not in (Verdict.ANSWER, Verdict.UNKNOWN) or reading.monsters != (best.monster_id,):
        return reading  # (a sentence about something else stays so: "g rathalos movie")
    letter, _ = _words_before(best.span or best.key, text)
    initial = _initial(letter + best.key, text, matcher) if len(letter) == 1 and best.key.isascii() else None
    return initial or reading


def _contained_name(subject: str, best: Candidate, text: str, matcher: Matcher) -> Reading:
    """A name inside a longer subject: answered only when the rest asks about it."""
    key = best.span or best.key  # the name as the subject spells it
    if not _within_word(key, text):
        key = _misspelt_word(key, best, text, matcher)  # "tigrexx": the word holding the name is that name misspelt
        if not key or key not in subject:
            return Reading(Verdict.NONE, why="inside a longer word")
    start = subject.find(key)
    before, after = subject[:start], subject[start + len(key) :]
    if all(_about(part) for part in (before, after)):
        return Reading(Verdict.ANSWER, (best.monster_id,), why="the rest asks about it")
    name = best.key
    variant = _variant_glued(before, key, after, text, matcher)
    if variant is not None:  # the name is the pair: the evidence is weighed around it, the pair's reading answers
        before, key, after = variant.before, variant.name, variant.after
        name = key
    beside = variant.reading if variant is not None else None
    glued = _titled(key, before, best, text, matcher)
    if _asks_about(*_sides(key, text, before, after), key, text) and _short_form_hunted(key, best, text, matcher):
        answer = Reading(Verdict.ANSWER, (best.monster_id,), why="the rest is a question about it")
        return beside or glued or answer
    rest = before + after
    if _shortened_base(rest, best.monster_id, matcher):
        return Reading(Verdict.ANSWER, (best.monster_id,), why="a variant's word with its base's name shortened")
    short = _short_coined(key, before, after, text)
    if _question_about(name, after, text, _of_words(best, matcher) or _coined_official(best, text), short):
        return (
            beside
            or glued
            or Reading(Verdict.ANSWER, (best.monster_id,), why="a question about a name no other word is")
        )
    if _said_of(key, after, text, _coined_latin(best, matcher), _of_words(best, matcher), short) and (
        not before or _phrase(before) or _set_off(key, text) or glued is not None
    ):  # (a title glued before the name: the variant it makes, or "did you mean": 天眼タマミツネ強すぎ)
        return beside or glued or Reading(Verdict.ANSWER, (best.monster_id,), why=SAID_OF)
    if _coined_set_off(key, text) and (not before or _phrase(before) or _set_off(key, text)):
        return beside or glued or Reading(Verdict.ANSWER, (best.monster_id,), why=SAID_OF)
    if not _about(after):
        return Reading(Verdict.NONE, why="a word after the name: a name of something else")
    titled = family(matcher).titles.get((before, best.monster_id))
    if titled and _about(after):
        return Reading(Verdict.ANSWER, (titled,), why="a variant's title shortened before its base's name")
    if _is_title(before, text) and not _set_off(key, text):
        return Reading(Verdict.UNKNOWN, (best.monster_id,), why="a title glued to the name")
    return Reading(Verdict.NONE, why="the name in a sentence about something else")


def _misspelt_word(key: str, best: Candidate, text: str, matcher: Matcher) -> str:
    """The Latin word of the message (or words: a name of several) around a Latin name or span found inside it, when
    that word is one of the monster's Latin names misspelt ("tigrexx", "zoh shiaa"): as like it, as typed or as heard
    (english.py), as a name one letter off inside a sentence is (LATIN_SPAN_SHARE), and not the whole name with an
    English ending ("gorey", "rathalosed"), which makes another word. A span that runs a letter or more into the next
    word ("jin dahad d" of "jin dahad drop") is also read cut back to where that word begins, and one the message does
    not type (the parser took a word off between: "jin dahad hitzone data") with its last letters off, SPAN_SPILL at
    most; "" otherwise."""
    found = None
    for spill in range(SPAN_SPILL + 1) if _LATIN_WORD.fullmatch(key) else ():
        found = found or (_typed_at(key[: len(key) - spill], text) if len(key) - spill > PART_LETTERS else None)
    monster = matcher.monster(best.monster_id)
    if found is None or monster is None:
        return ""
    folded, start, end = found.string, found.start(), found.end()
    while start and _LATIN.match(folded[start - 1]):
        start -= 1
    cut = end
    while cut > found.start() and _LATIN.match(folded[cut - 1]):
        cut -= 1
    while end < len(folded) and _LATIN.match(folded[end]):
        end += 1
    names = _latin_names(best.monster_id, matcher)
    ends = (end, cut) if cut > start and end > found.end() else (end,)  # (cut back only from inside a next word)
    for word in (normalize(folded[start:stop]) for stop in ends):
        if any(word.startswith(name) and word[len(name) :] in INFLECTIONS for name in names):
            return ""
        if _spells_latin_name(word, names):
            return word
    return ""


def _latin_names(monster_id: str, matcher: Matcher) -> list[str]:
    """A monster's Latin names, normalised (one word each: "reydau")."""
    monster = matcher.monster(monster_id)
    spelled = (normalize(name) for _, name in monster.all_names()) if monster is not None else ()
    return [name for name in spelled if _LATIN_WORD.fullmatch(name)]


def _spells_latin_name(word: str, names: Iterable[str]) -> bool:
    """Whether a Latin word is one of these names misspelt: as like it, as typed or as heard (english.py), as a name
    one letter off inside a sentence is (LATIN_SPAN_SHARE)."""
    heard = english.spelling(word)
    likeness = (
        max(fuzz.ratio(word, name), fuzz.ratio(heard, english.spelling(name)) if heard else 0.0) for name in names
    )
    return max(likeness, default=0.0) >= 100 * LATIN_SPAN_SHARE


def _titled(key: str, before: str, best: Candidate, text: str, matcher: Matcher) -> Reading | None:
    """The reading of a name a question asks about when a Han title is glued right before it in the message
    (新手問 天眼雷狼龍怎麼打, 天眼タマミツネの弱点は？: _glued_title): the variant a known title shortened makes of
    it, else "not in our knowledge, did you mean the base?", never the base's card. None when no title is so glued
    (各位 纏蛙…: a space sets the words apart) or the words after a phrase are glued to it as well (能不能說一下迅龍:
    nothing sets them apart from the sentence). A variant word glued to the name is the name's (_variant_glued: the
    caller passes the pair, 護竜オドガロン)."""
    title = _glued_title(before, text)
    if not title:
        return None
    found = _typed_at(key, text)
    if found is None:
        return None
    folded, start = found.string, found.start() - len(title)
    if start < 0 or folded[start : found.start()] != title:
        return None
    if title != before and not (start and _SEPARATOR.match(folded[start - 1])):
        return None  # glued to the phrase too (能不能說一下迅龍): a sentence's words, not a title
    variant = family(matcher).titles.get((title, best.monster_id))
    if variant:
        return Reading(Verdict.ANSWER, (variant,), why="a variant's title shortened before its base's name")
    return Reading(Verdict.UNKNOWN, (best.monster_id,), why="a title glued to the name, after any phrase")


def _of_words(best: Candidate, matcher: Matcher) -> bool:
    """Whether the key found is a Latin name of several words ("rey dau", "nu udra"), which no everyday word is."""
    monster = matcher.monster(best.monster_id)
    names = monster.all_names() if monster is not None else ()
    return any(len(name.split()) > 1 and normalize(name) == best.key for _, name in names)


def _question_about(key: str, after: str, text: str, of_words: bool = False, short_coined: bool = False) -> bool:
    """Whether the message is a question about a long Latin or katakana name standing as its own word ("where does
    jin dahaad spawn", "チャタカブラの舌ってどう避ける？").

    The evidence is the question's form (an English question word opening one of its clauses, or one of
    TRAILING_QUESTION_WORDS anywhere after the name, or "help"; a Chinese or Japanese one after the name; a question
    mark) and the name's length: QUESTION_LATIN letters (or several words, or an official name no English word is:
    `of_words`, _coined_official), QUESTION_KANA katakana or QUESTION_HAN Han characters, which no everyday word in
    the tuning halves' negatives reaches (kirin, キリン, ゾラ, 海龍, 角龍 are shorter), or a shorter coined Han name
    (`short_coined`: _short_coined; _coined_han); shorter names need a hunter's word (_asks_about). A numbered title
    after the name ("… witcher 3") is something else."""
    if _NUMBERED.search(after):
        return False
    folded = fold(text)
    if _LATIN_WORD.fullmatch(key):
        openings = {next(iter(re.findall("[a-z]+", clause)), "") for clause in re.split("[,.;!]", folded)}
        asked = bool(openings & ENGLISH_QUESTION_WORDS) or "?" in folded or "help" in re.findall("[a-z]+", folded)
        found = _typed_at(key, text)
        tail = set(_LATIN_WORD.findall(folded[found.end() :])) if found is not None else set()
        asked = asked or bool(tail & TRAILING_QUESTION_WORDS)
        return (len(key) >= QUESTION_LATIN or of_words) and asked
    if _katakana_name(key) and (len(key) >= QUESTION_KANA or _dotted(key, text)):
        return "?" in folded or any(word in folded for word in _words(JAPANESE_QUESTION_WORDS))
    if _HAN_ONLY.match(key) and is_cjk(key) and not _KANA.search(key) and (short_coined or _coined_han(key, text)):
        asked = any(word in after for word in _words(CHINESE_QUESTION_WORDS)) or bool(_A_NOT_A.search(after))
        return "?" in folded or asked  # (a question of a word, 不 and the word again: 能不能防)
    return False


def _coined_set_off(key: str, text: str) -> bool:
    """Whether a Chinese or Japanese name no everyday word is stands as a word of its own, words set off after it by a
    space ("レ・ダウ おすすめ武器", "ゴグマジオス 出現条件"): these scripts write a compound with no space, so the words
    are what the player says or asks of the monster (one-to-one only, as SAID_OF: in a group, chatter). Coined: a
    katakana name of QUESTION_KANA or a dotted one, a Han one of QUESTION_HAN that no dictionary counts as a word.
    (English sets words off by spaces anyway and puts a noun's modifiers first: "zinogre movie" is a movie.)"""
    found = _typed_at(key, text)  # (found in the folded message: found.string)
    if found is None or not found.string[found.end() : found.end() + 1].isspace() or _DIGIT.search(found.string):
        return False  # (a number in the message names something else: "メギド72 フルフル 性能", a game's character)
    if _katakana_name(key):
        return len(key) >= QUESTION_KANA or _dotted(key, text)
    return all(_HAN_ONLY.match(ch) for ch in key) and len(key) >= QUESTION_HAN and not is_everyday(key)


def _coined_official(best: Candidate, text: str) -> bool:
    """Whether a Latin name found is an official one of COINED_LATIN letters or more that no English word is
    (everyday.is_everyday: "tigrex", "rajang"; not "behemoth"), in a message with no number (a model, a title: "kirin
    990"): a question about it is about the monster, as about a longer name (_question_about). Aliases ("magna",
    "zorah", "ibushi") are as often a word, a person or a brand; shorter names ("kirin", "khezu") too."""
    key = best.key
    return best.official and len(key) >= COINED_LATIN and not is_everyday(key) and not _DIGIT.search(text)


def _short_coined(key: str, before: str, after: str, text: str) -> bool:
    """Whether a Han name shorter than QUESTION_HAN opens a clause said of it, read then as a long name's is (a
    question about it, a sentence said of it): the name is coined, no everyday word (everyday.is_everyday:
    鎧龍, 怪鳥, 纏蛙; 海龍 is a pipefish), nothing is glued before it but a phrase (一角龍, a dinosaur), a sentence's
    mark or a question word follows it right away (迅龍的尾刺怎麼躲, 嵐龍怎麼解鎖; not a compound it heads:
    角龍化石展), and no everyday Chinese word stands in the message (棘龍是最大的肉食恐龍: 恐龍 makes it the
    dinosaur)."""
    if len(key) >= QUESTION_HAN or not _HAN_WORD.fullmatch(key) or is_everyday(key):
        return False
    if before and not (_phrase(before) or _set_off(key, text)):
        return False
    linked = after.lstrip(_LINKS)  # (纏蛙要怎麼處理: 要 joins the name to its question)
    if not (SENTENCE_MARKS.match(after) or linked.startswith(tuple(_words(CHINESE_QUESTION_WORDS)))):
        return False
    if after.startswith(_COPULA) and not _A_NOT_A.match(after):
        return False  # what the word is (炎王是我家狗的名字: a dog's name), not what the monster does
    whole = normalize(text)
    return not any(word in whole for word in _everyday_han())


@lru_cache(maxsize=1)
def _everyday_han() -> tuple[str, ...]:
    """The everyday words of Chinese (everyday.py)."""
    return tuple(word for word in everyday_words() if _HAN_WORD.fullmatch(word))


def _dotted(key: str, text: str) -> bool:
    """Whether the message writes a katakana name with a middle dot between its words (ゾ・シア, レ・ダウ): a foreign
    name transliterated, however short, as no Japanese word is written."""
    found = _typed_at(key, text)
    return found is not None and any(dot in found.group() for dot in MIDDLE_DOT)


def _katakana_name(key: str) -> bool:
    """Whether a name is written in katakana, alone or after a Han variant word (護竜アルシュベルド)."""
    return bool(_KATAKANA_HAN.fullmatch(key) and _KATAKANA.search(key))


def _english_sentence_after(key: str, text: str) -> bool:
    """Whether the words typed after a Latin name are an English sentence said of it, the name its subject: the name
    opens the message (after an individual's word at most: "tempered"), a verb of ENGLISH_SUBJECT_VERBS follows it
    right away, and a word more ("frostfang barioth is so fast"). Words naming something else ("zinogre movie",
    "nargacuga stickers on sale") are none, and so is a sentence of several names ("rathalos and rathian are a
    couple": a remark on both)."""
    found = _typed_at(key, text)
    if found is None or not set(_LATIN_WORD.findall(found.string[: found.start()])) <= _individual_english():
        return False
    words = _LATIN_WORD.findall(found.string[found.end() :])
    return len(words) >= 2 and words[0] in ENGLISH_SUBJECT_VERBS


@lru_cache(maxsize=1)
def _individual_english() -> frozenset[str]:
    """The English words of INDIVIDUAL_WORDS ("tempered", "arch"): an individual of the monster, part of the subject."""
    return frozenset(part for word in INDIVIDUAL_WORDS if word.isascii() for part in _LATIN_WORD.findall(word.lower()))


def _coined_latin(best: Candidate, matcher: Matcher) -> bool:
    """Whether a Latin name found is a coined word, not an English one: an official name or one of several words
    ("doshaguma", "frostfang barioth"; an alias's first word, "stygian", "nightshade", is an English word), that no
    English word of the everyday list inflects ("behemoths" makes "behemoth" an English word)."""
    return (best.official or _of_words(best, matcher)) and not any(
        best.key + ending in everyday_words() for ending in INFLECTIONS
    )


def _coined_han(key: str, text: str) -> bool:
    """Whether a Han name asked about is no everyday word: QUESTION_HAN characters or more, or SHORT_HAN that
    jieba's dictionary does not count as a common word nor CC-CEDICT hold (鎧龍, 迅龍; not 海龍, 麒麟, 角龍:
    everyday.is_everyday), in a Chinese message (no kana: the dictionaries are Chinese; 怪鳥 is a Japanese word)
    where no Han character comes right before it (一角龍, 灼霞龍: the tail of a longer word). Only a question counts
    for such a name, not a sentence said of it: names of two characters name shops and clubs (炎王烤肉店, 怪鳥俱樂部)
    and people (轟哥今天請客)."""
    if len(key) >= QUESTION_HAN:
        return True
    if len(key) != SHORT_HAN or is_everyday(key) or _KANA.search(text):
        return False
    folded = fold(text)
    return not any(
        _HAN_ONLY.match(folded[max(0, found.start() - 1) : found.start()]) for found in _typed(key).finditer(folded)
    )


def _said_of(
    key: str, after: str, text: str, coined_latin: bool = False, of_words: bool = False, short_coined: bool = False
) -> bool:
    """Whether a name no everyday word is stands whole in the message with a sentence said of it: a katakana name of
    QUESTION_KANA characters or more, or a Han one of QUESTION_HAN, that a hiragana particle or punctuation ends
    ("ジンオウガに勝てない", "獄焔蛸に勝てない", "ゾ・シア…つらい…"), or a katakana one a Japanese verb or adjective
    follows (_INFLECTED: "ジンオウガ暴れすぎ"), or a Han one a Chinese sentence follows (a mark of SENTENCE_MARKS
    in the words after it, "恐暴龍一直亂入好煩", or more than COMPOUND_TAIL characters, "雷狼龍超級帥": more than a
    compound's tail, and the matcher drops a name inside an everyday word), or a coined Latin one (_coined_latin)
    of QUESTION_LATIN letters or several words (`of_words`: "nu udra") that an English sentence follows
    (_english_sentence_after: "frostfang barioth is so fast"). Names that long are transliterations and coined
    words (キリン, ゾラ, 海龍, "magna", "kirin" are shorter), and what the sentence says of the monster is the
    player's to ask: one-to-one the card answers (in a group, a name in chatter is not answered)."""
    if _LATIN_WORD.fullmatch(key):
        return coined_latin and (len(key) >= QUESTION_LATIN or of_words) and _english_sentence_after(key, text)
    han = all(_HAN_ONLY.match(ch) for ch in key) and (len(key) >= QUESTION_HAN or short_coined)
    if han and is_everyday(key) and after.startswith(_COPULA) and not _A_NOT_A.match(after):
        return False  # what a word of the language is (貝希摩斯是聖經裏的巨獸: the Bible's beast)
    if not han and not (_katakana_name(key) and (len(key) >= QUESTION_KANA or _dotted(key, text))):
        return False
    if han and (SENTENCE_MARKS.search(after) or len(after) > COMPOUND_TAIL):
        return True
    folded = fold(text)
    written = _as_written(text, folded)
    for found in _typed(key).finditer(folded):
        follows = written[found.end() : found.end() + 1]
        if follows and (_HIRAGANA.match(follows) or _PUNCTUATION.match(follows)):
            return True
        if _katakana_name(key) and _INFLECTED.match(written, found.end()):
            return True
    return False


def _asks_about(before: str, after: str, key: str, text: str) -> bool:
    """Whether the words around a name make the message a hunter's question about it ("鎖刃龍有什麼弱點", "凍峰龍怕火
    嗎", "ナルガの尻尾切れる？", "best element for jin dahaad"), not a sentence or a longer name of something else.

    The evidence is a word of HUNT_WORDS (weakness, element choice, parts, hunting verbs; a question word alone is not
    enough: 海龍是保育類嗎, キリンの首の骨は何個) beside the name: in English anywhere in the message ("how do i beat
    doshaguma pack"); in Chinese and Japanese after the name, where an element word counts too, or before it, and a
    side that holds none must be empty or a phrase of a sentence (請問大大們…) rather than a title or modifier glued
    to the name (金雷公ジンオウガ, 小火龍) or a longer word it begins (電龍頭, 麒麟送子).
    """
    if key.isascii() and re.fullmatch(r"[a-z0-9]*", before + after):
        if before and before not in _words(HUNT_WORDS) and _is_title(before, text):
            return False  # "hellblade glavenus weakness": a title, read as one
        if _NUMBERED.search(after):
            return False  # "… in witcher 3": the title of something else follows the name
        words = {w for w in re.split(r"[^a-z]+", fold(text)) if w and w not in key}
        return any(_hunts(word) for word in words)
    hunt_after = any(word in after for word in _words(HUNT_WORDS + ELEMENT_WORDS))
    hunt_before = any(word in before for word in _words(HUNT_WORDS))
    if not (hunt_after or hunt_before):
        return False
    return (hunt_after or not after) and (
        hunt_before or not before or _phrase(before) or _set_off(key, text) or _hiragana_before(key, text)
    )


def _hunts(word: str) -> bool:
    """Whether an English word is a hunter's word of HUNT_WORDS, by its stem ("weaknesses", "struggling")."""
    return bool(english.stems(word) & _words(HUNT_WORDS))


def _short_form_hunted(key: str, best: Candidate, text: str, matcher: Matcher) -> bool:
    """Whether the hunter's words of an English message are about a Latin short form standing as its own word (an
    alias, no coined name: "magna", "lagi"), as _hunted_next_to places them; other names pass."""
    whole = key.isascii() and _within_word(key, text) and not _coined_latin(best, matcher)
    return not whole or _hunted_next_to(key, text, _latin_names(best.monster_id, matcher))


def _hunted_next_to(key: str, text: str, names: Iterable[str]) -> bool:
    """Whether a hunter's word of an English message is about the Latin name: one stands before it ("best element for
    X", "how do i beat X pack"), or the words after it lead to one through words of a question or sentence, parts,
    elements and games only ("X weakness", "X is weak to what", "X tail break", "X wilds weakness"), or through the
    rest of the monster's name misspelt in a word of its own (the name and the words so far spell one of `names`).
    A word of another kind right after the name makes a longer name of something else, whatever the message asks of
    that ("magna carta history weakness": Magna Carta's, not Magnamalo's)."""
    found = _typed_at(key, text)
    if found is None:
        return True  # (the subject's name as the matcher found it: the message holds it misspelt; nothing to place)
    if any(_hunts(word) for word in _LATIN_WORD.findall(found.string[: found.start()])):
        return True
    spelled = key
    for word in _LATIN_WORD.findall(found.string[found.end() :]):
        if _hunts(word):
            return True
        spelled += word
        if word not in _linking_english() and not _spells_latin_name(spelled, names):
            return False
    return False


@lru_cache(maxsize=1)
def _linking_english() -> frozenset[str]:
    """English words that may stand between a name and a hunter's word about it: a question's and a sentence's words,
    parts, elements, games, and a possessive's "s"."""
    games = (word for words in GAME_WORDS.values() for word in words)
    parts = (word for words in PART_WORDS.values() for word in words)
    return frozenset(
        word
        for word in (*ENGLISH_FILLER, *ENGLISH_SENTENCE_WORDS, *ENGLISH_SUBJECT_VERBS, *ELEMENT_TOPICS, *games, *parts)
        if word.isascii()
    )


def _hiragana_before(key: str, text: str) -> bool:
    """Whether the message as typed holds hiragana before the name ("今から凍峰竜行くけど弱点なに"): the words before
    it are a Japanese sentence's (the parser folds hiragana into katakana, so SENTENCE_MARKS cannot tell them), and
    no title holds kana (_is_title)."""
    found = _typed_at(key, text)
    return found is not None and bool(_HIRAGANA.search(_as_written(text, found.string)[: found.start()]))


def _sides(key: str, text: str, before: str, after: str) -> tuple[str, str]:
    """The words of the whole message before and after a name, question words included ("鎖刃龍有什麼弱點": the
    parser took 弱點 off the subject, but it is what asks); the subject's when the message does not hold the name."""
    whole = normalize(text)
    start = whole.find(key)
    return (whole[:start], whole[start + len(key) :]) if start >= 0 else (before, after)


@lru_cache(maxsize=4)
def _words(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalize(word) for word in words) - {""}


@dataclass(frozen=True)
class _Glued:
    """A name with a variant word glued to it: the words before the pair, the pair, the words after, its reading."""

    before: str
    name: str
    after: str
    reading: Reading


def _variant_glued(before: str, key: str, after: str, text: str, matcher: Matcher) -> _Glued | None:
    """The name with a variant word glued before or after it ("黑鎧龍弱水嗎", "グラビモス亜種って来るの", "護竜アルシュ
    弱点どこ"): the pair is one name, read as it would be alone (the variant, or "not in our knowledge"), never the
    base's. A Latin pair must stand as words of its own ("so tired rathalos" holds no "red"). None when no variant
    word is so glued."""
    for word, _ in (*variant_keys(), *family(matcher).words, *_leader_keys()):
        if before.endswith(word):
            left, name, right = before[: -len(word)], word + key, after
        elif after.startswith(word):
            left, name, right = before, key + word, after[len(word) :]
        else:
            continue
        if name.isascii() and not _within_word(name, text):
            continue
        reading = _variant(name, matcher)
        if reading is not None:
            return _Glued(left, name, right, reading)
    return None


def _within_word(key: str, text: str) -> bool:
    """Whether a Latin or katakana name stands as its own word in the text (not inside "gossip", ウルトラマンティガ)."""
    script = _LATIN if _LATIN.match(key[0]) else _KATAKANA if _KATAKANA.match(key[0]) else None
    if script is None:
        return True
    folded = fold(text)
    scripts = _as_written(text, folded)
    # the parser takes English filler words off, inside a name spelled as heard too ("kem a trees"): blanked here
    unfilled = _LATIN_WORD.sub(
        lambda word: " " * len(word.group()) if word.group() in ENGLISH_FILLER else word.group(), folded
    )
    typed = _typed(key)
    places = [*typed.finditer(folded), *(typed.finditer(unfilled) if unfilled != folded else ())]
    for found in places:
        before = scripts[found.start() - 1] if found.start() else " "
        after = scripts[found.end()] if found.end() < len(scripts) else " "
        if not script.match(before) and not script.match(after):
            return True
        glued = normalize(_word_at(scripts, found.start(), found.end(), script))
        if script is _LATIN and glued in _about_keys() and (len(glued) > 1 or not _LATIN.match(before)):
            return True  # glued to one question word: "rathalosweakness" (not letters that spell some: "kushion";
            # nor one letter before the name, "a" of "artian": a word begins where a name begins, and "arkvelds" ends
            # in an inflection)
        if script is _KATAKANA and glued in _words(HUNT_WORDS):
            return True  # a hunter's katakana word glued after it, up to the hiragana: "リオレウスソロだときつい"
    return False


def _as_written(text: str, folded: str) -> str:
    """The folded text with its hiragana kept as typed, so a katakana name ends where a hiragana particle begins
    (ナルガの尻尾, ジンオウガに効く: の and に are not katakana); the folded text when folding changed its length."""
    kept = to_traditional(unicodedata.normalize("NFKC", text[:MAX_INPUT]).casefold())
    return kept if len(kept) == len(folded) else folded


def _word_at(text: str, start: int, end: int, script: re.Pattern[str] = _LATIN) -> str:
    """The rest of the word of a script a match stands in ("weakness" in "rathalosweakness", ソロ in
    リオレウスソロだと)."""
    left = start
    while left and script.match(text[left - 1]):
        left -= 1
    right = end
    while right < len(text) and script.match(text[right]):
        right += 1
    return text[left:start] + text[end:right]


def _shortened_base(rest: str, monster_id: str, matcher: Matcher) -> bool:
    """Whether the rest begins like the name of the monster this one is a variant of ("frostfang barry": Barioth)."""
    monster = matcher.monster(monster_id)
    if monster is None or len(rest) < 3:
        return False
    names = (
        normalize(name)
        for base in family(matcher).bases(monster)
        if (found := matcher.monster(base))
        for _, name in found.all_names()
    )
    return any(name[:3] == rest[:3] for name in names)


def _is_title(before: str, text: str) -> bool:
    """Whether the words before a name are a title of it (黑炎王火龍, "dreadking rathalos"), not a sentence.

    The evidence is the title's place and shape: a title (二つ名, and its English form) stands before the name, as
    one Latin word of at most TITLE_LATIN letters or TITLE_CJK_SHORTEST to TITLE_CJK Han characters, with no kana
    or particle (真紅眼の: a phrase); one Han character is a word's modifier (小火龍, "little fire dragon"). What
    follows a name (電龍頭, "magna carta history") is read by the caller: the name is then part of another word.
    """
    if _phrase(before) or _KANA.search(before) or any(ch.isdigit() for ch in before):
        return False  # a sentence, a phrase, or a numbered title of something else (巫師3)
    if before in ENGLISH_FILLER or (before.isascii() and _segments(before, _words(HUNT_WORDS) | ENGLISH_FILLER)):
        return False  # words the parser takes off as a question's ("alpha", "tempered", "the"), or a hunter's words
        # with them ("tips for ajara"): they name nothing
    if before.isascii():
        words = [w for w in re.split(r"[\s\W_]+", fold(text)) if w]
        named = [w for w in words if w not in _words(HUNT_WORDS)]  # a hunter's words ask, they name nothing
        return len(before) <= TITLE_LATIN and not any(w in ENGLISH_SENTENCE_WORDS for w in words) and len(named) <= 3
    return TITLE_CJK_SHORTEST <= len(before) <= TITLE_CJK


def _glued_title(before: str, text: str) -> str:
    """The Han title glued right before a name, after the phrase of a sentence or question the words before it may
    open with (請問|天眼雷狼龍, 新手問 天眼雷狼龍, 天眼タマミツネの弱点は？): the words after the last mark of a
    sentence, question opener or word the parser takes off (_phrase), when they are a title as _is_title reads one
    and hold no hunter's word (用火打雷狼龍: "hit it with fire"; an element is a title's: 金雷公); "" otherwise."""
    cut = max(
        (
            found.end()
            for found in (
                *SENTENCE_MARKS.finditer(before),
                *_A_NOT_A.finditer(before),
                *_phrase_words().finditer(before),
            )
        ),
        default=0,
    )
    piece = before[cut:]
    if not piece or not all(_HAN_ONLY.match(ch) for ch in piece) or not is_cjk(piece) or _KANA.search(piece):
        return ""
    if any(word in piece for word in _words(HUNT_WORDS)):
        return ""
    return piece if _is_title(piece, text) else ""


@lru_cache(maxsize=1)
def _phrase_words() -> re.Pattern[str]:
    """The words that open a question or that the parser takes off it (請教, 求助, 歷戰, 怪獵), longest first."""
    words = {word for word in _words(ASKING_OPENERS) if len(word) > 1} | _words(PREFIXES)
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def _phrase(before: str) -> bool:
    """Whether the Chinese or Japanese words before a name are a phrase of a sentence, not a title glued to it: they
    hold a sentence's mark (SENTENCE_MARKS), a word of two characters or more that opens a question (請教, 求助: the
    parser's PREFIXES, and the question words) or a question made of a word, 不 or 沒 and the word again (有沒有,
    能不能: "is there …?"), or they are only words the parser takes off a question (歷戰, 怪獵, 打)."""
    return (
        bool(SENTENCE_MARKS.search(before) or _A_NOT_A.search(before))
        or any(word in before for word in _words(ASKING_OPENERS) if len(word) > 1)
        or _segments(before, _words(PREFIXES))  # only words the parser takes off a question (歷戰, 怪獵, 打)
    )


def _set_off(key: str, text: str) -> bool:
    """Whether punctuation stands right before the name in the message (【萌新】纏蛙弱點, "新手，鎖刃龍…"): what comes
    before it is another phrase, no title glued to it."""
    found = _typed_at(key, text)
    return found is not None and found.start() > 0 and bool(_PUNCTUATION.match(found.string[found.start() - 1]))


@lru_cache(maxsize=256)
def _typed(key: str) -> re.Pattern[str]:
    """How a message may type a normalised name: its letters with anything but letters and digits between them ("rey
    dau's", "ゾ・シア"), found in the folded message in one pass."""
    return re.compile(r"[\s\W_]*".join(map(re.escape, key)))


def _typed_at(key: str, text: str) -> re.Match[str] | None:
    """Where the message first types a normalised name (_typed), in its folded text (the match's `string`), or
    None."""
    return _typed(key).search(fold(text))


def _about(rest: str) -> bool:
    """Whether a piece of the subject is made only of words asking about a monster (or is empty)."""
    return _segments(rest, _about_keys())


@lru_cache(maxsize=4096)
def _segments(rest: str, words: frozenset[str]) -> bool:
    """Whether a text is made of words of a set, one after another (or is empty): each length a word of the set
    has is tried at the front, not each word."""
    if not rest:
        return True
    return any(rest[:size] in words and _segments(rest[size:], words) for size in _lengths(words) if size <= len(rest))


@lru_cache(maxsize=16)
def _lengths(words: frozenset[str]) -> tuple[int, ...]:
    return tuple(sorted({len(word) for word in words if word}))


@lru_cache(maxsize=1)
def _about_keys() -> frozenset[str]:
    return frozenset(normalize(word) for word in ABOUT_WORDS) - {""}


def _variant(subject: str, matcher: Matcher) -> Reading | None:
    """A variant word with a base name: the monster the knowledge's names make of the pair, or "not in our
    knowledge"."""
    relations = family(matcher)
    for meaning, rest in split_variant(subject, (*relations.words, *_leader_keys())):
        base = matcher.match_key(rest)
        narrowed = _narrowed_base(rest, meaning, base, matcher)
        if narrowed is not None:
            return narrowed
        if base.outcome is not Outcome.MATCH or base.candidates[0].method is Method.CONTAINS:
            continue
        base_id, language = base.candidates[0].monster_id, base.candidates[0].language
        variant = relations.variant(base_id, meaning, language) or relations.through_form(base_id, meaning, language)
        if variant is not None:
            return Reading(
                Verdict.ANSWER,
                (variant,),
                why=f"{meaning} variant of {base_id}",
                whole=True,
                score=base.candidates[0].score,
            )
        if subject.replace(rest, "", 1) in _words(LEADER_WORDS) and _leads_a_pack(base_id, matcher):
            return Reading(Verdict.ANSWER, (base_id,), why="a pack's leader: the monster itself", whole=True)
        return Reading(Verdict.UNKNOWN, (base_id,), why=f"no {meaning} variant of {base_id} in the knowledge")
    return None


def _leads_a_pack(monster_id: str, matcher: Matcher) -> bool:
    """Whether a leader's word with a monster names one individual of it: a monster of Wilds, whose text writes its
    pack's leader so, that Rise, where 首領 makes Apex monsters (首領火龍, 首領迅龍: one the knowledge may lack),
    does not hold."""
    monster = matcher.monster(monster_id)
    return monster is not None and "wilds" in monster.games and "rise" not in monster.games


@lru_cache(maxsize=1)
def _leader_keys() -> tuple[tuple[str, str], ...]:
    """LEADER_WORDS as split_variant takes variant words: (normalised word, meaning)."""
    return tuple((word, "leader") for word in sorted(_words(LEADER_WORDS)))


def _narrowed_base(rest: str, meaning: str, base: MatchResult, matcher: Matcher) -> Reading | None:
    """The variant, when a variant word stands beside a base name shortened to a piece that several names begin
    with, or to a nickname of several ("gold rathi", "blue rath"), and the variant word leaves one of them: only
    Rathalos has an azure variant. None when the piece is shorter than PART_LETTERS Latin letters or
    TITLE_CJK_SHORTEST other characters, is a likeness or the end of a name rather than its beginning ("black los":
    "los" ends Diablos as well as Rathalos), or the word leaves none or several ("apex rath": Apex Rathalos and Apex
    Rathian both are)."""
    if base.outcome is not Outcome.AMBIGUOUS or len(rest) < (PART_LETTERS if rest.isascii() else TITLE_CJK_SHORTEST):
        return None
    relations = family(matcher)
    made = {
        variant
        for candidate in base.candidates
        if candidate.method in (Method.PART, Method.EXACT)  # exact: a nickname of several ("rath")
        and candidate.key.startswith(rest)
        if (variant := relations.variant(candidate.monster_id, meaning, candidate.language)) is not None
    }
    if len(made) != 1:
        return None
    return Reading(Verdict.ANSWER, tuple(made), why=f"the one {meaning} variant of a shortened name", whole=True)


def _in_game(reading: Reading, game: str | None, matcher: Matcher) -> Reading:
    """A game named with a monster it holds only as another form: that form."""
    if game is None or reading.verdict is not Verdict.ANSWER:
        return reading
    monster = matcher.monster(reading.monsters[0])
    if monster is None or game in monster.games:
        return reading
    form = family(matcher).form(monster, game)
    return replace(reading, monsters=(form,), why=f"the form {game} has") if form else reading


def _ids(candidates: Iterable[Candidate]) -> tuple[str, ...]:
    return tuple(c.monster_id for c in candidates)
