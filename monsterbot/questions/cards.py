"""The answers about one monster that several kinds of question give: its card, table, part or element answer, and
"which monster?" when a follow-up has nothing to follow."""

from __future__ import annotations

from typing import Any

from monsterbot.core.answer import Answer, AnswerKind, AnswerOutcome
from monsterbot.core.matching.followup import in_family
from monsterbot.core.matching.question import Kind, Question
from monsterbot.core.model import Monster
from monsterbot.core.snapshot import Snapshot

#: How many monsters a "which monster?" offers as buttons.
WHICH_MONSTER_BUTTONS = 6


def card(
    monster: Monster,
    kind: Kind,
    detail: str,
    language: str,
    game: str,
    chat_game: str | None,
    named: bool,
    **content: Any,
) -> Answer:
    """The answer about a monster for a kind of question: its weakness card (offering to make the game shown the
    chat's own when it is not), hitzone table, one part, or one element; `content` completes the Answer.

    A game the player named is always honoured: without figures there, the answer says so rather than showing
    another game's facts.
    """
    if named and game not in monster.games:
        asked = AnswerKind.HITZONES if kind is Kind.HITZONES else None
        return Answer(
            AnswerKind.GAME_MISSING,
            game=game,
            monsters=(monster,),
            language=language,
            asked=asked,
            topic=detail,
            **content,
        )
    if kind in (Kind.PART, Kind.ELEMENT) and detail:
        shown = AnswerKind(kind.value)
    else:
        shown = AnswerKind.HITZONES if kind is Kind.HITZONES else AnswerKind.WEAKNESS
    offer_here = shown is AnswerKind.WEAKNESS and chat_game is not None and chat_game != game
    return Answer(
        shown, game=game, monsters=(monster,), language=language, topic=detail, offer_here=offer_here, **content
    )


def which_monster(snapshot: Snapshot, question: Question, default_game: str, **content: Any) -> Answer:
    """Ask which monster a follow-up is about, offering a few monsters of the game (with the part asked about), best
    documented first."""
    asked = AnswerKind(question.kind.value) if question.kind in (Kind.PART, Kind.ELEMENT) else None
    detail = question.part or question.topic
    game = question.game or default_game

    def offer() -> tuple[Monster, ...]:
        fits = [
            m
            for m in snapshot.monsters.values()
            if game in m.games
            and (
                question.kind is not Kind.PART
                or any(in_family(z.part, detail) for f in m.games.values() for z in f.hitzones)
            )
        ]
        fits.sort(key=lambda m: (-len(m.games), -sum(len(f.hitzones) for f in m.games.values()), m.names["en"]))
        return tuple(fits[:WHICH_MONSTER_BUTTONS])

    offered: tuple[Monster, ...] = snapshot.remember(("which_monster_offer", asked, detail, game), offer)
    return Answer(
        AnswerKind.WHICH_MONSTER,
        AnswerOutcome.WHICH_MONSTER,
        game=question.game,
        monsters=offered,
        topic=detail,
        language=question.language,
        asked=asked,
        **content,
    )
