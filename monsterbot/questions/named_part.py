"""A part or an element asked by a name the question words do not cover.

A part: by the game's own name ("鎖刃龍 鎖刃": its chainblades, 鎖翼刃) or by a word players use that the game's text
uses for it in another language ("nu udra tentacles": its arms, 觸手 in Chinese). An element: "rathalos lightning",
"火龍 雷" are answered like "rathalos thunder". The monster is the one the matcher matched or offers whose name the
message holds; the rest of the message is looked for among the element words, then among the names of the
monster's parts in every language."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from monsterbot.core.answer import Answer, AnswerKind, AnswerOutcome, Certainty, Remembered
from monsterbot.core.glossary import every_part_name
from monsterbot.core.matching.normalize import normalize
from monsterbot.core.matching.question import Kind
from monsterbot.core.matching.reading import HUNT_WORDS
from monsterbot.core.model import Monster
from monsterbot.core.parts import base_part
from monsterbot.questions.cards import card
from monsterbot.questions.context import Context
from monsterbot.questions.monster import MonsterName, without_refused

_NAME = MonsterName()
_ROW = re.compile(r"^(?:Front|Middle|Rear) ")  # "Front Left Arm": a many-armed monster's arms, front to rear


@lru_cache(maxsize=1)
def normalised_part_names() -> dict[str, frozenset[str]]:
    """English part name -> its normalised names in every language the cards' glossaries give (English included)."""
    return {english: frozenset(n for n in map(normalize, names) if n) for english, names in every_part_name().items()}


def _names_of(part: str) -> set[str]:
    """A part's names in every language: its own and its base's ("Left Chainblade" -> Chainblade…)."""
    table = normalised_part_names()
    base = base_part(_ROW.sub("", part))
    return {normalize(part), normalize(base), *table.get(part, ()), *table.get(base, ())}


def _says(typed: str, name: str) -> bool:
    """Whether what was typed names a part called `name`: contained in it, or (two or more Chinese or Japanese
    characters) its characters in order ("鎖刃" in 鎖翼刃)."""
    if typed in name:
        return True
    if typed.isascii() or len(typed) < 2:
        return False
    rest = iter(name)
    return all(character in rest for character in typed)


def parts_named(monster: Monster, typed: str) -> list[str]:
    """The monster's parts (normal state, every game) that what was typed names, directly or through a glossary word
    it names in another language ("tentacle" -> 觸手 -> 第一左觸手, Front Left Arm)."""
    if len(typed) < 2 or (typed.isascii() and len(typed) < 3):
        return []
    typed_forms = {typed, typed.removesuffix("s")} if typed.isascii() else {typed}  # "tentacles" too
    words = typed_forms | {n for names in normalised_part_names().values() if typed_forms & names for n in names}
    parts = dict.fromkeys(z.part for facts in monster.games.values() for z in facts.hitzones if not z.state)
    return [p for p in parts if any(_says(w, n) for w in words for n in _names_of(p) if len(n) >= len(w) > 1)]


def topic_of(parts: list[str]) -> str:
    """What a part answer is asked for: the parts found, by name ("left chainblade|right chainblade"), which
    `in_family` reads as the names it covers."""
    return "|".join(p.lower() for p in parts)


#: Words for an element that the question words leave out: the game's other names for it (the Wilds data calls
#: thunder "Elec"), what players say, and a bare character after a name ("火龍 雷").
ELEMENT_NAMES: dict[str, tuple[str, ...]] = {
    "fire": ("fire", "flame", "火", "炎", "炎属性"),
    "water": ("water", "水"),
    "thunder": ("thunder", "lightning", "electric", "elec", "雷", "電", "電屬性", "电属性"),
    "ice": ("ice", "frost", "冰", "氷"),
    "dragon": ("dragon", "龍", "龙", "竜", "竜属性"),
}


def element_named(typed: str) -> str | None:
    """The element a leftover word names, if it is one of ELEMENT_NAMES (whole, not part of a word)."""
    return next((e for e, words in _element_keys().items() if typed in words), None)


@cache
def _element_keys() -> dict[str, frozenset[str]]:
    """ELEMENT_NAMES normalised, once (not for every message)."""
    return {element: frozenset(normalize(w) for w in words) for element, words in ELEMENT_NAMES.items()}


def _names(monster: Monster) -> list[str]:
    """A monster's names and aliases, normalised, longest first."""
    found = {normalize(n) for n in (*monster.names.values(), *(a for v in monster.aliases.values() for a in v))}
    return sorted(found - {""}, key=len, reverse=True)


def named_in(answer: Answer, subject: str) -> tuple[Monster, str] | None:
    """(the monster an answer matched or offers whose name the message holds, the rest of the message without that
    name); None when no such monster, or when its Chinese or Japanese name is glued after other such characters
    that ask nothing (灼霞龍 holds 霞龍: a name the knowledge lacks, not Chameleos asked about "灼"; 打火龍 asks).
    The matcher may leave "rathalos frost" unanswered, offering Rathalos: the name is there, the rest is for the
    caller to read."""
    typed = normalize(subject)
    found = [(len(name), monster, name) for monster in answer.monsters for name in _names(monster) if name in typed]
    if answer.kind not in (AnswerKind.WEAKNESS, AnswerKind.NOT_FOUND, AnswerKind.WHICH_ONE) or not found:
        return None
    _, monster, name = max(found, key=lambda f: f[0])
    before = typed[: typed.find(name)]
    if before and not name.isascii() and not before[-1].isascii() and not before.endswith(_hunt_verbs()):
        return None  # glued after other characters it is part of a longer name: 冰碎龍 is no Brachydios (碎龍)
    return monster, typed.replace(name, "", 1)


@cache
def _hunt_verbs() -> tuple[str, ...]:
    """The Chinese and Japanese words of a hunter's question (reading.HUNT_WORDS), normalised: glued before a name
    they ask about it ("推薦打火龍的武器")."""
    return tuple(w for w in (normalize(word) for word in HUNT_WORDS) if w and not w.isascii())


def card_for(monster: Monster, kind: Kind, detail: str, context: Context, certainty: Certainty) -> Answer:
    """The answer about a monster found here, as MonsterName gives one it matched."""
    language, game = context.question.language, context.game
    return card(
        monster,
        kind,
        detail,
        language,
        game,
        context.chat_game,
        context.question.game is not None,
        outcome=AnswerOutcome.MATCH,
        monster_id=monster.id,
        certainty=certainty,
        remember=Remembered(monster.id, game, kind.value, detail, language),
    )


class NamedPart:
    """ "鎖刃龍 鎖刃", "nu udra tentacles": the parts a name of their own asks for; "rathalos lightning", "火龍 雷":
    an element by a name the question words do not know."""

    def matches(self, context: Context) -> bool:
        return context.question.kind is Kind.WEAKNESS and not context.question.followup

    def answer(self, context: Context) -> Answer | None:
        inner = _NAME.offering(context)
        found = named_in(inner, context.question.subject)  # "弱點" or "weakness" were taken: they ask for the card
        if found is None:
            return without_refused(inner, context)
        monster, rest = found
        element = element_named(rest)
        if element:
            return card_for(monster, Kind.ELEMENT, element, context, Certainty.CONFIDENT)
        parts = parts_named(monster, rest)
        if parts:
            return card_for(monster, Kind.PART, topic_of(parts), context, Certainty.CONFIDENT)
        return without_refused(inner, context)
