"""A chat's settings, said to the bot: "安靜" / "說話" (answer only when mentioned, or again), "預設荒野" (its game).

The only questions that change what a chat keeps; without a chat (a one-to-one chat for quiet mode) the usage is
the answer."""

from __future__ import annotations

from monsterbot.core.answer import Answer, AnswerKind, AnswerOutcome, Certainty
from monsterbot.core.matching.question import Kind
from monsterbot.questions.context import ChatKind, Context


def usage() -> Answer:
    """What the bot can answer (a command with nothing to apply it to)."""
    return Answer(AnswerKind.HELP, AnswerOutcome.HELP, Certainty.COMMAND)


class QuietMode:
    """ "安靜" / "說話": a group asks the bot to speak only when mentioned, or to answer clear names again."""

    def matches(self, context: Context) -> bool:
        return context.question.kind in (Kind.QUIET, Kind.TALK)

    def answer(self, context: Context) -> Answer:
        if context.chat is ChatKind.USER or not context.chat_key:
            return usage()
        quiet = context.question.kind is Kind.QUIET
        context.preferences.set_mention_only(context.chat_key, quiet)
        return Answer(
            AnswerKind.COMMAND, AnswerOutcome.COMMAND, Certainty.COMMAND, topic="quiet_on" if quiet else "quiet_off"
        )


class ChatGame:
    """ "預設荒野", "use rise here": the game this chat's answers are in."""

    def matches(self, context: Context) -> bool:
        return context.question.kind is Kind.SET_GAME and context.question.game is not None

    def answer(self, context: Context) -> Answer:
        game = context.question.game
        if not context.chat_key or game is None:
            return usage()
        context.preferences.set_game(context.chat_key, game)
        return Answer(AnswerKind.COMMAND, AnswerOutcome.COMMAND, Certainty.COMMAND, game=game, topic="game_set")
