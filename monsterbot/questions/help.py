""" "help", "說明", or nothing in words (an emoji alone: 👍 😂): what the bot can do, or a friendly word back."""

from __future__ import annotations

from monsterbot.core.answer import Answer, AnswerKind, AnswerOutcome
from monsterbot.core.matching.question import Kind
from monsterbot.core.matching.smalltalk import small_talk
from monsterbot.questions.context import Context
from monsterbot.questions.small_talk import small_talk_answer


class Help:
    """Usage for "help"; small talk for an emoji alone (both only where the bot is surely addressed)."""

    def matches(self, context: Context) -> bool:
        return context.question.kind in (Kind.HELP, Kind.EMPTY)

    def answer(self, context: Context) -> Answer:
        talk = small_talk(context.text) if context.question.kind is Kind.EMPTY else None
        if talk:
            return small_talk_answer(context, talk)
        return Answer(AnswerKind.HELP, AnswerOutcome.HELP, language=_chats_language(context))


def _chats_language(context: Context) -> str:
    """A message with no words in it ("@monsterbot" alone) has no language: the chat's last question's, if any
    ("": the message's own otherwise)."""
    if context.question.kind is not Kind.EMPTY or not context.chat_key:
        return ""
    remembered = context.memory.recall(context.chat_key)
    return remembered.language if remembered else ""
