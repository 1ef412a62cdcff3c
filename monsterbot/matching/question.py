"""Understand what a player typed: which kind of question, about which name, in which game.

The words around a name ("火龍弱點", "what is nargacuga weak to", "リオレウスの弱点は?")
are stripped here so that the matcher only sees the name. Every phrase is written in its
natural form and normalised with the same function as the names, so Simplified, Traditional,
hiragana and full-width spellings of a phrase are all recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Iterable

from monsterbot.matching.normalize import compact, detect_language, fold, normalize


class Kind(str, Enum):
    """What the player is asking for."""

    HELP = "help"
    WEAKNESS = "weakness"
    EMPTY = "empty"


@dataclass(frozen=True)
class Question:
    """A parsed message: the kind, the name to look up (normalised), the game and the language."""

    kind: Kind
    subject: str = ""
    game: str | None = None
    language: str = "en"
    whole: str = ""  # the whole message normalised, for names that hold filler words ("Narwa the Allmother")


HELP_WORDS = ("help", "幫助", "說明", "?", "使い方", "ヘルプ", "怎麼用", "指令", "usage", "/help")

#: Latin words that frame a question in English and carry no name.
ENGLISH_FILLER = frozenset(
    "what whats is are the a an weak weakness weaknesses weakpoint weakpoints weakspot weakspots to of for "
    "against element elements elemental monster please tell me about how do i beat kill hunt s".split()
)

#: Words that name a game, in any language, per game id.
GAME_WORDS: dict[str, tuple[str, ...]] = {
    "world": ("world", "mhw", "mhwi", "iceborne", "mhworld", "世界", "冰原", "ワールド", "アイスボーン"),
    "rise": ("rise", "mhr", "mhrs", "sunbreak", "崛起", "破曉", "ライズ", "サンブレイク"),
    "wilds": ("wilds", "mhwilds", "mhws", "荒野", "ワイルズ"),
}

#: Phrases before a name in Chinese and Japanese questions.
PREFIXES = ("請問", "問一下", "想問", "我想問", "請教", "幫我查", "查", "すみません", "教えて")
#: Phrases after a name that make it a question ("弱點", "弱什麼", "の弱点").
QUESTION_SUFFIXES = (
    "弱點", "弱什麼", "怕什麼", "弱啥", "怕啥", "弱哪個屬性", "弱什麼屬性", "怕什麼屬性", "要用什麼屬性", "用什麼屬性",
    "屬性", "是什麼", "是啥", "是哪個", "有哪些", "在哪", "剋星", "怎麼打", "打法",
    "じゃくてん", "ですか", "を教えて", "教えて",
)
#: Particles stripped only next to a question suffix, so a name ending in ノ (ディノ) stays whole.
PARTICLES = ("的", "嗎", "吗", "呢", "啊", "呀", "は", "の", "何", "なに", "なん", "って")


@lru_cache(maxsize=1)
def _affix_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    def alternation(phrases: Iterable[str]) -> str:
        # Latin words are handled as whole tokens in parse(); affixes are for CJK text only,
        # so "risen" never loses a "rise".
        keys = sorted({normalize(p) for p in phrases if not normalize(p).isascii()}, key=len, reverse=True)
        return "|".join(re.escape(k) for k in keys)

    games = {normalize(word): game for game, words in GAME_WORDS.items() for word in words}
    strong = alternation([*QUESTION_SUFFIXES, *games])
    particles = alternation(PARTICLES)
    prefix = re.compile(f"^(?:{alternation([*PREFIXES, *games])})+")
    suffix = re.compile(f"(?:{particles})?(?:{strong})(?:{particles}|{strong})*$")
    return prefix, suffix, games


def parse(text: str) -> Question:
    """Parse one chat message into a Question."""
    language = detect_language(text)
    folded = fold(text).strip()
    if folded in {fold(w) for w in HELP_WORDS} or compact(folded) in {normalize(w) for w in HELP_WORDS if normalize(w)}:
        return Question(Kind.HELP, language=language)
    prefix, suffix, games = _affix_patterns()
    game: str | None = None
    kept: list[str] = []
    for token in re.split(r"[\s\W_]+", folded):
        key = compact(token)
        if key in games:
            game = game or games[key]
        elif not (key.isascii() and key in ENGLISH_FILLER):
            kept.append(key)
    subject = "".join(kept)
    subject, game = _strip_affixes(subject, prefix, suffix, games, game)
    whole = compact(folded)
    if not subject:
        return Question(Kind.EMPTY, game=game, language=language, whole=whole)
    return Question(Kind.WEAKNESS, subject=subject, game=game, language=language, whole=whole)


def _strip_affixes(
    subject: str, prefix: re.Pattern[str], suffix: re.Pattern[str], games: dict[str, str], game: str | None
) -> tuple[str, str | None]:
    """Strip question phrases and game words around a CJK name, keeping at least one character."""
    for pattern in (prefix, suffix):
        found = pattern.search(subject)
        if found and len(found.group()) < len(subject):
            game = game or next((g for word, g in games.items() if word in found.group()), None)
            subject = subject[: found.start()] + subject[found.end() :]
    return subject, game
