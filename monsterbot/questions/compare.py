""" "火龍 vs 雌火龍", "A vs B vs C", "A、B、C": every monster named, side by side; in a group only when the message is
the names and nothing more ("昨天打火龍跟雌火龍好累" is chatter)."""

from __future__ import annotations

from monsterbot.core.answer import Answer, AnswerKind, AnswerOutcome, Remembered
from monsterbot.core.matching.question import Kind
from monsterbot.core.matching.reading import Verdict
from monsterbot.core.model import GAMES, Monster
from monsterbot.questions.cards import card
from monsterbot.questions.context import Context, certainty

#: The most monsters one comparison shows side by side (a phone's width); the others are named as left out.
MOST_COMPARED = 4


def shared_game(monsters: tuple[Monster, ...], context: Context) -> str:
    """The game a comparison is answered in: the one chosen (named, or the chat's own), else the default game when
    every monster is in it, else of the games they all are in the one documenting them best (World's stars and
    hitzones over Rise's list of weak elements, as a card picks `Monster.documented_game`), the newest of those
    (one game's figures side by side), else the default (each monster then in its newest game, its column labelled
    with it)."""
    if context.game_chosen or all(context.game in m.games for m in monsters):
        return context.game
    shared = [g for g in reversed(GAMES) if all(g in m.games for m in monsters)]
    return max(shared, key=lambda g: sum(m.games[g].documented for m in monsters), default=context.game)


class Comparison:
    """Every side names a different monster (core/matching/reading.py); otherwise the message is read as one name (the
    next handler)."""

    def matches(self, context: Context) -> bool:
        # a list the parser left whole is one the reading finds ("轟龍 迅龍 雷狼龍": names separated by spaces)
        spaced = context.question.kind is Kind.WEAKNESS and context.reading.verdict is Verdict.COMPARE
        return context.question.kind is Kind.COMPARE or spaced

    def answer(self, context: Context) -> Answer | None:
        question, snapshot = context.question, context.snapshot
        reading = context.reading
        if reading.verdict is not Verdict.COMPARE:
            return None
        sure = certainty(reading)
        named = tuple(snapshot.monsters[m] for m in reading.monsters)
        monsters, left_out = named[:MOST_COMPARED], named[MOST_COMPARED:]  # the rest are named in the reply
        game, language, one = shared_game(monsters, context), question.language, monsters[0]
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
            left_out=left_out,
            monster_id=one.id,
            score=reading.score,
            remember=Remembered(one.id, game, Kind.WEAKNESS.value, "", language),
        )
