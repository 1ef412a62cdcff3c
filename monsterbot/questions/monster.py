"""A monster's name, with or without a question around it ("火龍", "rathalos weakness?", "迅龍 肉質", "火龍 尾巴"):
its card, table, part or element answer; "which one?" when several fit; not found, with the plausible names.

The last handler of the order: every message that reaches it is read as a name (core/matching/reading.py: precision
first, a card only on evidence; a variant word with a base the knowledge lacks, "not in our knowledge, did you mean
the base?"; a game named with a monster it holds only as another form, that form). In a group a card answers only a
message that is a name and nothing more; a miss or a which-one only where the bot is surely addressed.
"""

from __future__ import annotations

from monsterbot.core.answer import Answer, AnswerKind, AnswerOutcome, Certainty, Remembered
from monsterbot.core.matching.matcher import AMBIGUOUS_FLOOR, Candidate, Method, Outcome
from monsterbot.core.matching.question import Kind
from monsterbot.core.matching.reading import Verdict
from monsterbot.core.model import Monster
from monsterbot.questions.cards import card
from monsterbot.questions.context import Context, certainty

#: A spelling this close to a name is a typo of it ("tigerx" 83 → Tigrex); "octopus" → Beotodus scores 67, and a
#: Chinese name one character of three off matches a dozen names (雷浪龍: 雷狼龍, 雷顎龍 …) at 67.
PLAUSIBLE_TYPO = 75.0


class MonsterName:
    """Every message left: looked up as a monster's name."""

    def matches(self, context: Context) -> bool:
        return True

    def answer(self, context: Context) -> Answer:
        """The reply: as `offering`, without the names offered when the reading refused the name the matcher found
        (ゾラの居酒屋, "kirin 9000s chip": a name used for something else is no "did you mean")."""
        return without_refused(self.offering(context), context)

    def offering(self, context: Context) -> Answer:
        """The answer with every plausible name offered, for the handlers that look for a name in the message among
        them (NamedPart, NotHeld) before they reply."""
        question, snapshot = context.question, context.snapshot
        # A list whose items are not all monsters is read as the reading reads a comparison (a name offered when
        # some side is one; the whole as one name when none is), and is more than a name alone: never confident.
        listed = question.kind is Kind.COMPARE
        reading = context.reading
        if reading.verdict is Verdict.ANSWER:
            monster = snapshot.monsters[reading.monsters[0]]
            kind = Kind.WEAKNESS if listed else question.kind
            detail, game = question.part or question.topic, context.game
            return card(
                monster,
                kind,
                detail,
                question.language,
                game,
                context.chat_game,
                question.game is not None,
                outcome=AnswerOutcome.MATCH,
                monster_id=monster.id,
                score=reading.score,
                certainty=Certainty.UNSURE if listed else certainty(reading),
                remember=Remembered(monster.id, game, kind.value, detail, question.language),
            )
        if reading.verdict is Verdict.UNKNOWN:  # a variant the knowledge lacks: not found, did you mean the base?
            return Answer(
                AnswerKind.NOT_FOUND,
                AnswerOutcome.MISS,
                game=question.game,
                score=reading.score,
                monsters=tuple(snapshot.monsters[m] for m in reading.monsters),
                text=context.text,
            )
        if reading.match is None and reading.monsters:  # some sides of a list are names: those are offered
            offered = tuple(snapshot.monsters[m] for m in reading.monsters)
            return _which_or_not_found(offered, True, None, question.game, context.text)
        result = reading.match or snapshot.matcher.match_question(question)  # the reading's, matched once
        if reading.verdict is Verdict.NONE and result.outcome is Outcome.AMBIGUOUS:  # names too far to be meant
            return _which_or_not_found((), False, reading.score, question.game, context.text)
        plausible = tuple(snapshot.monsters[c.monster_id] for c in result.candidates if _plausible(c))
        top_score = result.candidates[0].score if result.candidates else None
        return _which_or_not_found(
            plausible, result.outcome is not Outcome.MISS, top_score, question.game, context.text
        )


def without_refused(answer: Answer, context: Context) -> Answer:
    """A not-found answer offering no names when the matcher found a name that the reading refused on the evidence
    around it (a word after it, a sentence, a longer word holding it, a person named: "tell rajan"), whether the
    names would have been offered or asked between ("which one?"); the answer as it is otherwise."""
    reading = context.reading
    refused = reading.verdict is Verdict.NONE and reading.match is not None and reading.match.outcome is Outcome.MATCH
    if not refused or answer.kind not in (AnswerKind.NOT_FOUND, AnswerKind.WHICH_ONE):
        return answer
    return _which_or_not_found((), False, answer.score, answer.game, context.text)


def _which_or_not_found(
    plausible: tuple[Monster, ...], found: bool, score: float | None, game: str | None, text: str
) -> Answer:
    """ "Which one?" between the plausible monsters when the matcher found some, else not found (offering them)."""
    if found and len(plausible) >= 2:
        return Answer(AnswerKind.WHICH_ONE, AnswerOutcome.AMBIGUOUS, game=game, monsters=plausible, score=score)
    return Answer(AnswerKind.NOT_FOUND, AnswerOutcome.MISS, game=game, monsters=plausible, score=score, text=text)


def _plausible(candidate: Candidate) -> bool:
    """A candidate worth offering: part of its name was typed, or a close typo of it; not a spelling of it found
    among other words (a span) that the reading did not take for it ("narwhals are cool": narwa)."""
    if candidate.span:
        return False
    return candidate.score >= (PLAUSIBLE_TYPO if candidate.method is Method.FUZZY else AMBIGUOUS_FLOOR)
