""" "謝謝", "hi", "哈哈", "www": a short friendly answer in the asker's language, never in place of a monster."""

from __future__ import annotations

import re

from monsterbot.core.answer import Answer, AnswerKind, AnswerOutcome
from monsterbot.core.matching.normalize import normalize
from monsterbot.core.matching.smalltalk import small_talk
from monsterbot.questions.context import Context

#: Small talk that is Japanese whatever its script: laughter as Japanese players type it (www, ｗｗｗ, 草).
JAPANESE_ONLY = re.compile(r"^(?:w{2,}|草+)$")


def small_talk_language(context: Context) -> str:
    """The language to answer small talk in: Japanese for Japanese-only words (www, 草); the message's own for words
    in Chinese or Japanese script; else (Latin words and emoji every language uses: ok, lol, hi, 👍) the language the
    chat last asked in, when remembered, else the message's."""
    key = normalize(context.text)
    if JAPANESE_ONLY.match(key):
        return "ja"
    if key and not key.isascii():
        return context.question.language
    remembered = context.memory.recall(context.chat_key) if context.chat_key else None
    return remembered.language if remembered is not None and remembered.language else context.question.language


class SmallTalk:
    """Greetings, thanks, laughter said to the bot (a group's chatter goes on to the monster names)."""

    def matches(self, context: Context) -> bool:
        return context.talkative and small_talk(context.text) is not None

    def answer(self, context: Context) -> Answer | None:
        best = context.snapshot.matcher.match_key(context.question.whole).best
        if best is not None and best.score >= 100.0:
            return None  # the whole message is exactly a monster's name or alias: small talk never hides a monster
        return small_talk_answer(context, small_talk(context.text) or "")


def small_talk_answer(context: Context, kind: str) -> Answer:
    """The friendly word back for a kind of small talk (words or an emoji alone), in `small_talk_language`."""
    return Answer(AnswerKind.SMALL_TALK, AnswerOutcome.SMALL_TALK, language=small_talk_language(context), topic=kind)
