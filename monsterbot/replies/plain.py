"""The plain-text renderer: an answer's content as lines a person reads in a terminal (`monsterbot chat`, `ask`).

The same `Answer` the LINE renderer (line.py) turns into Flex cards, laid out for a terminal: the same words and
labels in the asker's language, the figures as rows. A kind without a layout here is shown by the words LINE shows
for its reply (its text, or its altText).
"""

from __future__ import annotations

from typing import Callable

from monsterbot.core.answer import Answer, AnswerKind
from monsterbot.core.model import AILMENTS, ELEMENTS, GameFacts, Hitzone, Monster
from monsterbot.core.ranking import PAGE_SIZE
from monsterbot.replies import companion, followups, line, messages
from monsterbot.replies.card import element_label, source_lines, title
from monsterbot.replies.element_answer import best_parts, element_strength
from monsterbot.replies.game_labels import game_name, note, short_game_name
from monsterbot.replies.labels import ELEMENT_ICONS, colon, joined, label, part_name, stars
from monsterbot.replies.part_answer import asked_part, part_facts, physical, zone_name
from monsterbot.replies.reverse import derived_notes, ranked_strength
from monsterbot.replies.tables import compact_hitzones, left_out_words, strength
from monsterbot.replies.unanswered import unanswered_note


def render(answer: Answer) -> str:
    """The answer as text (empty for silence), after the line on what no data holds, as LINE shows it."""
    layout = LAYOUTS.get(answer.kind)
    text = "\n".join(layout(answer)) if layout is not None else _line_words(answer)
    if answer.kind is AnswerKind.NOT_HELD:
        return text  # the line itself
    return f"{unanswered_note(answer)}\n{text}" if answer.unanswered and text else text


def _line_words(answer: Answer) -> str:
    """A kind with no terminal layout: the words LINE itself shows for its reply (a text's text, a card's altText)."""
    build = line.BUILDERS.get(answer.kind)
    message = build(answer) if build is not None else None
    return str(getattr(message, "text", None) or getattr(message, "alt_text", None) or "")


def _heading(monster: Monster, facts: GameFacts | None, language: str) -> list[str]:
    shown = f" — {game_name(facts.game, language)}" if facts else ""
    return [f"{title(monster, language)}{shown}"]


def _source(facts: GameFacts | None, language: str, stars_shown: bool = True) -> list[str]:
    return source_lines(facts, language, stars_shown) if facts else []


def _weakness(answer: Answer) -> list[str]:
    language, monster = answer.language, answer.monsters[0]
    facts = monster.facts(answer.game)
    lines = _heading(monster, facts, language)
    if facts is None:
        return lines
    shown = [f"{element_label(e, language)} {strength(facts, e)}" for e in ELEMENTS if strength(facts, e)]
    lines.append(f"{label(language, 'elements')}{colon(language)}{'  '.join(shown) or '—'}")
    if facts.ailments:
        ailments = "  ".join(
            f"{label(language, a)} {stars(facts.ailments[a])}" for a in AILMENTS if a in facts.ailments
        )
        lines.append(f"{label(language, 'ailments')}{colon(language)}{ailments}")
        if facts.impractical_ailments:
            named = joined((label(language, a) for a in facts.impractical_ailments), language)
            lines.append(note(language, "impractical").format(ailments=named))
    weak = facts.weak_parts()
    if weak:
        parts = ", ".join(f"{part_name(z.part, language, facts.game)} {physical(z)}" for z in weak)
        lines.append(f"{label(language, 'weak_parts')} ({label(language, 'cut_impact_shot')}){colon(language)}{parts}")
    return lines + _source(facts, language)


def _zone_rows(zones: list[Hitzone] | tuple[Hitzone, ...], facts: GameFacts, language: str) -> list[str]:
    icons = " ".join(ELEMENT_ICONS[e] for e in ELEMENTS)
    head = f"{label(language, 'part')}  {label(language, 'cut_impact_shot')}  {icons}"
    rows = [
        f"{zone_name(z, language, facts.game)}  {physical(z)}  "
        + " ".join("-" if z.elements.get(e) is None else str(z.elements[e]) for e in ELEMENTS)
        for z in zones
    ]
    return [head, *rows]


def _hitzones(answer: Answer) -> list[str]:
    language, monster = answer.language, answer.monsters[0]
    facts = monster.facts(answer.game)
    lines = _heading(monster, facts, language)
    if facts is None or not facts.hitzones:
        shown = game_name(facts.game if facts else answer.game or "", language)
        return lines + [note(language, "no_game_hitzones").format(name=monster.name(language), game=shown)]
    every = [z for z in facts.hitzones if not z.state]
    return (
        lines
        + [label(language, "hitzones")]
        + _zone_rows(every if answer.full else compact_hitzones(facts.hitzones), facts, language)
        + _source(facts, language)
    )


def _part(answer: Answer) -> list[str]:
    language, monster = answer.language, answer.monsters[0]
    facts, zones = part_facts(monster, answer.topic, answer.game)
    asked = asked_part(answer.topic, zones, language, facts)
    lines = _heading(monster, facts, language) + [f"{asked} — {label(language, 'hitzones')}"]
    if facts is None or not zones:
        return lines + [label(language, "no_hitzones").format(name=monster.name(language))]
    return lines + _zone_rows(zones, facts, language) + _source(facts, language, stars_shown=False)


def _element(answer: Answer) -> list[str]:
    language, monster, element = answer.language, answer.monsters[0], answer.topic
    facts = monster.facts(answer.game)
    lines = _heading(monster, facts, language)
    lines.append(f"{element_label(element, language)}{colon(language)}{element_strength(facts, element, language)}")
    shown, parts = best_parts(monster, element, answer.game)
    if shown is not None and parts:
        lines += [f"  {part_name(z.part, language, shown.game)} {z.elements[element]}" for z in parts]
    return lines


def _compare(answer: Answer) -> list[str]:
    language = answer.language
    sides = [m.facts(answer.game) for m in answer.monsters]
    games = list(dict.fromkeys(f.game for f in sides if f))
    if len(games) > 1:  # each side's own game
        names = [
            m.name(language) + (f" ({short_game_name(f.game, language)})" if f else "")
            for m, f in zip(answer.monsters, sides, strict=True)
        ]
        lines = [f" {label(language, 'vs')} ".join(names)]
    else:
        lines = [
            f" {label(language, 'vs')} ".join(m.name(language) for m in answer.monsters)
            + (f" — {game_name(games[0], language)}" if games else "")
        ]
    if answer.left_out:
        lines.append(left_out_words(len(answer.monsters), answer.left_out, language))
    for element in ELEMENTS:
        cells = [strength(f, element) for f in sides]
        if any(cells):
            lines.append(f"{element_label(element, language)}  {' | '.join(c or '-' for c in cells)}")
    for ailment in AILMENTS:
        cells = [stars(f.ailments[ailment]) if f and ailment in f.ailments else "" for f in sides]
        if any(cells):
            lines.append(f"{label(language, ailment)}  {' | '.join(c or '-' for c in cells)}")
    return lines + list(dict.fromkeys(line for f in sides if f for line in source_lines(f, language)))


def _reverse(answer: Answer) -> list[str]:
    language = answer.language
    lines = [
        label(language, "weakest_to").format(topic=label(language, answer.topic))
        + (f" — {game_name(answer.game, language)}" if answer.game else "")
    ]
    first = answer.page * PAGE_SIZE
    for number, ranked in enumerate(answer.ranking, start=first + 1):
        hitzone = f"  {ranked.hitzone:g}" if ranked.hitzone is not None else ""
        lines.append(f"{number}. {ranked.monster.name(language)} {ranked_strength(ranked)}{hitzone}")
    lines += derived_notes(list(answer.ranking), language)
    return lines if answer.ranking else lines + [label(language, "none_weak")]


def _game_missing(answer: Answer) -> list[str]:
    monster = answer.monsters[0]
    return [
        note(answer.language, "no_game").format(
            name=monster.name(answer.language), game=game_name(answer.game or "", answer.language)
        )
    ]


def _command(answer: Answer) -> list[str]:
    if answer.topic == "game_set" and answer.game:
        return [followups.game_set_words(answer.game, answer.language)]
    return [label(answer.language, answer.topic)]


LAYOUTS: dict[AnswerKind, Callable[[Answer], list[str]]] = {
    AnswerKind.WEAKNESS: _weakness,
    AnswerKind.HITZONES: _hitzones,
    AnswerKind.PART: _part,
    AnswerKind.ELEMENT: _element,
    AnswerKind.GAME_MISSING: _game_missing,
    AnswerKind.COMPARE: _compare,
    AnswerKind.REVERSE: _reverse,
    AnswerKind.WHICH_ONE: lambda a: [messages.which_one_words(a.monsters, a.language)],
    AnswerKind.WHICH_MONSTER: lambda a: [followups.say(a.language, "which_monster")],
    AnswerKind.NOT_FOUND: lambda a: [messages.not_found_words(a.text, a.monsters, a.language)],
    AnswerKind.HELP: lambda a: [label(a.language, "usage")],
    AnswerKind.SMALL_TALK: lambda a: [label(a.language, f"talk_{a.topic}")],
    AnswerKind.GREETING: lambda a: [
        messages.group_greeting_words() if a.topic == "group" else messages.greeting_words(a.language)
    ],
    AnswerKind.KEYWORD: lambda a: [a.text],
    AnswerKind.COMMAND: _command,
    AnswerKind.FORGET: lambda a: [],
    AnswerKind.NOT_HELD: lambda a: [unanswered_note(a)],
    AnswerKind.MATERIALS: lambda a: (
        companion.materials_lines(a.monsters[0], a.game, a.topic, a.language)
        if a.game
        else [companion.no_data_words(a.monsters[0], "materials", a.language)]
    ),
    AnswerKind.ITEM_SOURCES: lambda a: companion.item_lines(a.topic, a.monsters, a.game or "", a.language),
    AnswerKind.FIELD_GUIDE: lambda a: (
        companion.guide_lines(a.monsters[0], a.game, a.topic, a.language)
        if a.game
        else [companion.no_data_words(a.monsters[0], a.topic, a.language)]
    ),
}
