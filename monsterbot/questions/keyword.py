"""A keyword of an EventBinding ("開團"): its reply, under the same group rules as every answer."""

from __future__ import annotations

from monsterbot.core.answer import Answer, AnswerKind, AnswerOutcome, Certainty
from monsterbot.questions.context import Context


class KeywordReply:
    """The whole message is a keyword the knowledge holds a reply for."""

    def matches(self, context: Context) -> bool:
        return context.question.whole in context.snapshot.replies

    def answer(self, context: Context) -> Answer:
        reply = context.snapshot.replies[context.question.whole]
        return Answer(AnswerKind.KEYWORD, AnswerOutcome.KEYWORD, Certainty.CONFIDENT, text=reply.text)
