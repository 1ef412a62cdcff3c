"""The LINE renderer: an answer's content (`core.answer.Answer`) as the messages LINE receives.

One builder per kind of answer; what a builder makes depends only on the answer's content and the snapshot its
monsters came from, so it is built and encoded once per knowledge version (a not-found reply repeats what was typed:
its words made each time, never kept; its buttons kept).
"""

from __future__ import annotations

from typing import Callable, Hashable

from monsterbot.core.answer import Answer, AnswerKind
from monsterbot.core.snapshot import Snapshot
from monsterbot.line_sdk.messaging import Message, TextMessage
from monsterbot.replies import companion, followups, messages, reverse, tables
from monsterbot.replies.card import game_missing, weakness_card
from monsterbot.replies.element_answer import element_answer
from monsterbot.replies.labels import label
from monsterbot.replies.part_answer import part_answer
from monsterbot.replies.unanswered import unanswered_note
from monsterbot.replies.wire import BLANK, Wire, to_wire, with_text


def _weakness(answer: Answer) -> Message:
    monster = answer.monsters[0]
    card = weakness_card(monster, answer.language, answer.game)
    if answer.offer_here:
        card.quick_reply = followups.with_use_here(card.quick_reply, answer.shown_game, answer.language)
    return card


def _command(answer: Answer) -> Message:
    if answer.topic == "game_set" and answer.game:
        return followups.game_set(answer.game, answer.language)
    return TextMessage(text=label(answer.language, answer.topic))


def _not_held(answer: Answer) -> Message:
    """What no data holds, said; the monster's card a tap away (in the game asked when the monster is in it)."""
    monster = answer.monsters[0]
    game = answer.game if answer.game in monster.games else None
    return TextMessage(
        text=unanswered_note(answer), quick_reply=messages.quick_replies((monster,), game, answer.language)
    )


def _greeting(answer: Answer) -> Message:
    return messages.group_greeting(answer.monsters) if answer.topic == "group" else messages.greeting(answer.language)


BUILDERS: dict[AnswerKind, Callable[[Answer], Message]] = {
    AnswerKind.WEAKNESS: _weakness,
    AnswerKind.HITZONES: lambda a: tables.hitzone_table(a.monsters[0], a.language, a.game, full=a.full),
    AnswerKind.PART: lambda a: part_answer(a.monsters[0], a.topic, a.language, a.game),
    AnswerKind.ELEMENT: lambda a: element_answer(a.monsters[0], a.topic, a.language, a.game),
    AnswerKind.GAME_MISSING: lambda a: game_missing(
        a.monsters[0], a.language, a.game or "", tables.HITZONES_VIEW if a.asked is AnswerKind.HITZONES else None
    ),
    AnswerKind.COMPARE: lambda a: tables.comparison(a.monsters, a.language, a.game, a.left_out),
    AnswerKind.REVERSE: lambda a: reverse.weakest_list(
        a.topic, list(a.ranking), a.language, a.game or "", a.page, a.more
    ),
    AnswerKind.WHICH_ONE: lambda a: messages.which_one(a.monsters, a.game, a.language),
    AnswerKind.WHICH_MONSTER: lambda a: followups.which_monster(
        a.monsters, a.game, a.language, a.asked.value if a.asked else "", a.topic
    ),
    AnswerKind.NOT_FOUND: lambda a: messages.not_found(a.text, a.monsters, a.game, a.language),
    AnswerKind.HELP: lambda a: messages.usage(a.language),
    AnswerKind.SMALL_TALK: lambda a: messages.small_talk(a.topic, a.language),
    AnswerKind.GREETING: _greeting,
    AnswerKind.KEYWORD: lambda a: TextMessage(text=a.text),
    AnswerKind.COMMAND: _command,
    AnswerKind.MATERIALS: lambda a: (
        companion.materials(a.monsters[0], a.game, a.topic, a.language)
        if a.game
        else companion.no_data(a.monsters[0], "materials", a.language)
    ),
    AnswerKind.ITEM_SOURCES: lambda a: companion.item_sources(
        a.topic, a.monsters, a.game or "", a.language, a.text.split() if a.text else ()
    ),
    AnswerKind.NOT_HELD: _not_held,
    AnswerKind.FIELD_GUIDE: lambda a: (
        companion.field_guide(a.monsters[0], a.game, a.topic, a.language)
        if a.game
        else companion.no_data(a.monsters[0], a.topic, a.language)
    ),
}


def render(answer: Answer, snapshot: Snapshot) -> list[Wire]:
    """The messages of an answer (none for silence, a forgotten chat, or a kind with no LINE form)."""
    build = BUILDERS.get(answer.kind)
    if build is None:
        return []
    said = (  # what no data holds, before what is shown (a NOT_HELD answer is that line itself)
        [snapshot.remember(_note_key(answer), lambda: to_wire(TextMessage(text=unanswered_note(answer))))]
        if answer.unanswered and answer.kind is not AnswerKind.NOT_HELD
        else []
    )
    if answer.kind is AnswerKind.NOT_FOUND:
        return [*said, _not_found(answer, snapshot)]
    return [*said, snapshot.remember(reply_key(answer), lambda: to_wire(build(answer)))]


def _not_found(answer: Answer, snapshot: Snapshot) -> Wire:
    """A not-found reply (`messages.not_found`): its words repeat what was typed, made each time, never kept; its
    buttons are built and encoded once per knowledge version."""
    blank = snapshot.remember(
        ("not_found", answer.language, answer.game, tuple(m.id for m in answer.monsters)),
        lambda: to_wire(
            TextMessage(
                text=BLANK, quick_reply=messages.not_found_buttons(answer.monsters, answer.game, answer.language)
            )
        ),
    )
    return with_text(blank, messages.not_found_words(answer.text, answer.monsters, answer.language))


def reply_key(answer: Answer) -> Hashable:
    """What a reply is built from: equal keys, equal replies, within one knowledge version."""
    return (
        "reply",
        answer.kind,
        answer.language,
        answer.game,
        tuple(m.id for m in answer.monsters),
        answer.topic,
        answer.text,
        answer.page,
        answer.more,
        answer.full,
        answer.offer_here,
        answer.asked,
        tuple(m.id for m in answer.left_out),
    )


def _note_key(answer: Answer) -> Hashable:
    """What the line saying what no data holds is made from (`unanswered_note`): never what was typed."""
    return (
        "note",
        answer.unanswered,
        answer.kind,
        answer.language,
        answer.game,
        answer.topic,
        tuple(m.id for m in answer.monsters[:1]),
    )
