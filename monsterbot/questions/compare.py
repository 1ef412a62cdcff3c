""" "火龍 vs 雌火龍", "A vs B vs C", "A、B、C": every monster named, side by side; in a group only when the message is
the names and nothing more ("昨天打火龍跟雌火龍好累" is chatter)."""

from __future__ import annotations

from monsterbot.core.answer import Answer, AnswerKind, AnswerOutcome, Remembered
from monsterbot.core.matching.question import Kind
from monsterbot.core.matching.reading import Verdict
from monsterbot.questions.cards import card
from monsterbot.questions.context import Context, certainty

#: The most monsters one comparison shows side by side (a LINE bubble's width); more are left out.
MOST_COMPARED = 4


class Comparison:
    """Every side names a different monster (core/matching/reading.py); otherwise the message is read as one name (the
    next handler)."""

    def matches(self, context: Context) -> bool:
        return context.question.kind is Kind.COMPARE

    def answer(self, context: Context) -> Answer | None:
        question, snapshot = context.question, context.snapshot
        reading = context.reading
        if reading.verdict is not Verdict.COMPARE:
            return None
        sure = certainty(reading)
        monsters = tuple(snapshot.monsters[m] for m in reading.monsters[:MOST_COMPARED])
        game, language, one = context.game, question.language, monsters[0]
        absent = next((m for m in monsters if question.game and question.game not in m.games), None)
        if absent is not None:  # the named game is honoured: no other game's figures in the comparison
            return card(
                absent,
                Kind.WEAKNESS,
                "",
                language,
                game,
                None,
                True,
                outcome=AnswerOutcome.MATCH,
                certainty=sure,
                monster_id=absent.id,
                score=reading.score,
            )
        return Answer(
            AnswerKind.COMPARE,
            AnswerOutcome.COMPARE,
            sure,
            game=game,
            monsters=monsters,
            monster_id=one.id,
            score=reading.score,
            remember=Remembered(one.id, game, Kind.WEAKNESS.value, "", language),
        )
