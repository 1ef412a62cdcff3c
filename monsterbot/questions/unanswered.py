"""Questions the knowledge cannot answer as asked, said plainly before the nearest useful answer.

- A topic no data here holds ("rathalos hp", "best weapon for arkveld"): one line saying so, the monster's card a
  tap away, never in its place; when the message asks what the card shows as well ("火龍用什麼屬性武器"), the line
  and then the card. Drops, materials, habitats and crowns are not among them: the companion facts answer those.
- An individual of a monster (INDIVIDUALS: "歷戰火龍", "歷戰火龍弱點"): it is the monster, so the line saying its own
  figures are not held, then the monster's card, named alone or asked about.
- A part the monster has no figures for in any game ("ヌ・エグドラ 脚"): one line saying so, then the table of
  the parts it has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from monsterbot.core.answer import Answer, AnswerKind, Certainty
from monsterbot.core.matching.followup import in_family
from monsterbot.core.matching.followup import parse as parse_question
from monsterbot.core.matching.normalize import normalize
from monsterbot.core.matching.question import Kind
from monsterbot.core.matching.reading import HUNT_WORDS
from monsterbot.questions.context import Context
from monsterbot.questions.monster import MonsterName
from monsterbot.questions.named_part import card_for, named_in

#: Topics no source in the knowledge holds, and the words players ask them with (Traditional, Simplified, Japanese
#: and English forms; Latin words count as whole words only). Drops, materials, habitats and crowns are held (the
#: companion facts): never listed here.
NOT_HELD: dict[str, tuple[str, ...]] = {
    "hp": ("hp", "health", "體力", "体力", "血量", "生命值", "たいりょく"),
    "weapon": ("weapon", "weapons", "武器", "用什麼武器", "用什么武器", "おすすめ武器"),
    "tempered": ("tempered", "arch-tempered", "歷戰", "历战", "歴戦", "歷戰王", "历战王", "歴戦王"),
    "armor": ("armor", "armour", "防具", "套裝", "套装"),
    "gear": ("gear", "equipment", "裝備", "装备", "装備"),
    "quest": ("quest", "quests", "クエスト", "任務", "任务"),
    "flash": ("flash", "flashbug", "閃光", "闪光"),
    "afflicted": ("frenzied", "afflicted", "狂龍化", "狂龙化", "狂竜化", "傀異化", "傀异化"),
}
#: The topics of NOT_HELD that name an individual of the monster, not a question: the individual is the monster.
INDIVIDUALS = frozenset({"tempered", "afflicted"})
_NAME = MonsterName()


@lru_cache(maxsize=256)
def not_held_topic(text: str) -> tuple[str, str] | None:
    """(topic, the text without its words) for a message asking about a topic no data holds; None otherwise (kept
    for the message's `matches` and `answer`: read once)."""
    folded = normalize(text)
    if not _any_word(text, folded):  # most messages: one search and a few substring tests, not one per word
        return None
    for topic, words in _topic_words():
        found = [w for w in words if _contains(text, folded, w)]
        if found:
            rest = text
            for word in found:
                rest = word.pattern.sub(" ", rest)
            return topic, " ".join(rest.split())
    return None


@dataclass(frozen=True)
class _Word:
    """A word of NOT_HELD made ready once: its pattern in the text (an ASCII word whole, any case) and its normalised
    form (what a non-ASCII word is looked for in the normalised text)."""

    word: str
    ascii: bool
    pattern: re.Pattern[str]
    folded: str


@cache
def _topic_words() -> tuple[tuple[str, tuple[_Word, ...]], ...]:
    """NOT_HELD's topics in order, each with its words longest first, made ready once."""
    return tuple(
        (
            topic,
            tuple(
                _Word(word, word.isascii(), re.compile(_pattern(word), flags=re.IGNORECASE), normalize(word))
                for word in sorted(words, key=len, reverse=True)
            ),
        )
        for topic, words in NOT_HELD.items()
    )


def _any_word(text: str, folded: str) -> bool:
    """Whether any word of NOT_HELD is in the message, as `_contains` tells (one search for all the ASCII words)."""
    latin, others = _all_words()
    return latin.search(text) is not None or any(word in folded for word in others)


@cache
def _all_words() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """Every ASCII word of NOT_HELD in one pattern, and every other word normalised."""
    words = [word for _, ready in _topic_words() for word in ready]
    latin = "|".join(re.escape(word.word) for word in words if word.ascii)
    return (
        re.compile(rf"(?<![A-Za-z])(?:{latin})(?![A-Za-z])", flags=re.IGNORECASE),
        tuple(word.folded for word in words if not word.ascii),
    )


def _pattern(word: str) -> str:
    return rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])" if word.isascii() else re.escape(word)


def _contains(text: str, folded: str, word: _Word) -> bool:
    """Whether `text` (`folded`: normalised) holds the word: an ASCII word whole, any other as normalised."""
    if word.ascii:
        return word.pattern.search(text) is not None
    return word.folded in folded


def _asks_the_card(text: str) -> bool:
    """Whether a message asks, beside a topic no data holds, what a monster's card shows: a hunter's question word
    (reading.HUNT_WORDS: weakness, element, what to bring), Latin ones as whole words. A tempered monster's
    weaknesses are its own, and the element of a weapon to bring is the monster's weakness."""
    folded = normalize(text)
    latin = set(re.findall(r"[a-z]+", text.casefold()))
    return any(word in latin if word.isascii() else word in folded for word in _hunt_words())


@cache
def _hunt_words() -> frozenset[str]:
    """HUNT_WORDS but the words of the topics no data holds: "weapon", "armor", 裝備 ask for those, not the card."""
    topics = {normalize(word) for words in NOT_HELD.values() for word in words}
    return frozenset(normalize(word) for word in HUNT_WORDS) - topics - {""}


class NotHeld:
    """ "rathalos hp": no data here has it, said; the monster's card is a button, not the answer."""

    def matches(self, context: Context) -> bool:
        found = not_held_topic(context.text)
        return found is not None and bool(found[1])

    def answer(self, context: Context) -> Answer | None:
        found = not_held_topic(context.text)
        if found is None:
            return None
        topic, rest = found
        question = parse_question(rest)
        if question.kind not in (Kind.WEAKNESS, Kind.HITZONES, Kind.PART, Kind.ELEMENT):
            return None
        asked = replace(context, question=replace(question, language=context.question.language), text=rest)
        inner = _NAME.offering(asked)
        if inner.kind not in (
            AnswerKind.WEAKNESS,
            AnswerKind.HITZONES,
            AnswerKind.PART,
            AnswerKind.ELEMENT,
            AnswerKind.GAME_MISSING,
        ):
            named = named_in(inner, question.subject)  # "best for arkveld": the name is there among other words
            if named is None:
                return None  # no monster in the rest: the message is something else
            inner = card_for(named[0], Kind.WEAKNESS, "", asked, Certainty.UNSURE)
        if topic in INDIVIDUALS:  # "歷戰火龍": the monster's card, after the line on the individual's own figures
            return replace(inner, unanswered=topic, certainty=Certainty.UNSURE)
        if _asks_the_card(context.text):  # "歴戦王レダウの弱点", "波衣龙用啥属性武器": the card answers, after the line
            return replace(inner, unanswered=f"shown:{topic}", certainty=Certainty.UNSURE)
        return replace(inner, kind=AnswerKind.NOT_HELD, topic=topic, unanswered=topic, certainty=Certainty.UNSURE)


class MissingPart:
    """ "ヌ・エグドラ 脚" where no game has figures for its legs: said, with the table of the parts it has."""

    def matches(self, context: Context) -> bool:
        return context.question.kind is Kind.PART and bool(context.question.part)

    def answer(self, context: Context) -> Answer | None:
        inner = _NAME.answer(context)
        if inner.kind is not AnswerKind.PART or not inner.monsters:
            return inner
        family = context.question.part
        monster = inner.monsters[0]
        if any(in_family(z.part, family) for facts in monster.games.values() for z in facts.hitzones):
            return inner
        if not any(facts.hitzones for facts in monster.games.values()):
            return inner  # no part has figures: the part answer says so
        with_figures = [g for g, facts in monster.games.items() if facts.hitzones]
        shown = inner.game if inner.game in with_figures else with_figures[0]
        return replace(inner, kind=AnswerKind.HITZONES, game=shown, unanswered=f"part:{family}")
