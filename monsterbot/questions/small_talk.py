""" "謝謝", "hi", "哈哈": a short friendly answer, never in place of a monster's name."""

from __future__ import annotations

from monsterbot.core.answer import Answer, AnswerKind, AnswerOutcome
from monsterbot.core.matching.smalltalk import small_talk
from monsterbot.questions.context import Context


class SmallTalk:
    """Greetings, thanks, laughter said to the bot (a group's chatter goes on to the monster names)."""

    def matches(self, context: Context) -> bool:
        return context.talkative and small_talk(context.text) is not None

    def answer(self, context: Context) -> Answer | None:
        best = context.snapshot.matcher.match_key(context.question.whole).best
        if best is not None and best.score >= 100.0:
            return None  # the whole message is exactly a monster's name or alias: small talk never hides a monster
        return Answer(AnswerKind.SMALL_TALK, AnswerOutcome.SMALL_TALK, topic=small_talk(context.text) or "")
