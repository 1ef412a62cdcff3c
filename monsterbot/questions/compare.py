""""火龍 vs 雌火龍": two monsters side by side; in a group only when the message is the two names and nothing more
("昨天打火龍跟雌火龍好累" is chatter)."""

from __future__ import annotations

from monsterbot.core.answer import Answer, AnswerKind, AnswerOutcome, Certainty, Remembered
from monsterbot.core.matching.question import Kind
from monsterbot.questions.cards import card
from monsterbot.questions.context import Context


class Comparison:
    """Both sides name a monster, two different ones; otherwise the message is read as one name (the next handler)."""

    def matches(self, context: Context) -> bool:
        return context.question.kind is Kind.COMPARE

    def answer(self, context: Context) -> Answer | None:
        question, snapshot = context.question, context.snapshot
        sides = snapshot.matcher.match_key(question.subject), snapshot.matcher.match_key(question.other)
        first, second = (side.best for side in sides)
        if not (first and second and first.monster_id != second.monster_id):
            return None
        certainty = Certainty.CONFIDENT if all(side.whole_message for side in sides) else Certainty.UNSURE
        one, other = snapshot.monsters[first.monster_id], snapshot.monsters[second.monster_id]
        game, language = context.game, question.language
        absent = next((m for m in (one, other) if question.game and question.game not in m.games), None)
        if absent is not None:  # the named game is honoured: no other game's figures in the comparison
            return card(absent, Kind.WEAKNESS, "", language, game, None, True, outcome=AnswerOutcome.MATCH,
                        certainty=certainty, monster_id=absent.id, score=first.score)
        return Answer(AnswerKind.COMPARE, AnswerOutcome.COMPARE, certainty, game=game, monsters=(one, other),
                      monster_id=one.id, score=first.score,
                      remember=Remembered(one.id, game, Kind.WEAKNESS.value, "", language))
