""" "哪些魔物怕火", "weak to fire": the monsters weakest to an element or ailment, a page at a time."""

from __future__ import annotations

from monsterbot.core.answer import Answer, AnswerKind, AnswerOutcome, Certainty
from monsterbot.core.matching.question import Kind
from monsterbot.core.matching.reading import Verdict
from monsterbot.core.ranking import page, weakest_to
from monsterbot.core.snapshot import Snapshot
from monsterbot.questions.context import Context


def ranking_page(
    snapshot: Snapshot, topic: str, game: str, number: int, certainty: Certainty = Certainty.UNSURE
) -> Answer | None:
    """A page of the monsters weakest to `topic` in `game` (the ranking is made once per knowledge version); None for
    a page past the end."""
    ranked = snapshot.remember(("ranking", topic, game), lambda: weakest_to(snapshot.monsters.values(), topic, game))
    shown, more = page(ranked, number)
    if number and not shown:
        return None
    return Answer(
        AnswerKind.REVERSE,
        AnswerOutcome.REVERSE,
        game=game,
        ranking=tuple(shown),
        topic=topic,
        page=number,
        more=more,
        certainty=certainty,
    )


class WeakestTo:
    """A reverse lookup; in a group only when asked outright ("有雷" alone is a spoiler warning)."""

    def matches(self, context: Context) -> bool:
        # a name beside the element makes it a question about that monster ("rathalos fire monsters": the reading)
        return context.question.kind is Kind.REVERSE and context.reading.verdict is Verdict.REVERSE

    def answer(self, context: Context) -> Answer | None:
        certainty = Certainty.CONFIDENT if context.question.asking else Certainty.UNSURE
        return ranking_page(context.snapshot, context.question.topic, context.game, 0, certainty=certainty)
