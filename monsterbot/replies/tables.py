"""Cards for richer questions: a monster's hitzone table and two monsters side by side."""

from __future__ import annotations

from typing import Sequence

from linebot.v3.messaging import FlexBox, FlexBubble, FlexComponent, FlexMessage, FlexSeparator, QuickReply

from monsterbot.core.model import AILMENTS, ELEMENTS, WEAK_SPOT_THRESHOLD, GameFacts, Hitzone, Monster
from monsterbot.core.parts import without_side
from monsterbot.replies.card import (
    alt_text,
    element_label,
    footnote,
    game_buttons,
    header,
    other_views,
    source_footer,
    source_lines,
    summary,
)
from monsterbot.replies.colours import ELEMENT_COLOURS, INK, LABEL, WEAK_CELL, WEAK_INK
from monsterbot.replies.fit import Page, fitted
from monsterbot.replies.flex import GREY, cell, heading, row, text
from monsterbot.replies.game_labels import game_name, note, state_name
from monsterbot.replies.labels import ELEMENT_ICONS, colon, joined, label, listed, part_name, short_part_name, stars
from monsterbot.replies.messages import QUICK_REPLY_LIMIT, VIEW_HITZONES, full_table_button, quick_replies
from monsterbot.replies.part_answer import physical

HITZONES_VIEW = VIEW_HITZONES  # the postback view of a hitzone table's game buttons


def compact_hitzones(hitzones: Sequence[Hitzone]) -> list[Hitzone]:
    """The parts in their usual state: the table a phone shows first. Where the source keeps states as rows of
    their own (`state`: Wilds), a bracket is part of a part's name ("Head (Crystallized)", "Gog. Mat. (Head)") and
    every part is shown; else the parts not named with a state ("(Broken)", "(Enraged)" …: World)."""
    normal = [h for h in hitzones if not h.state]
    if len(normal) < len(hitzones):
        return normal
    usual = [h for h in normal if not h.part.endswith(")")]
    return usual or normal


def _mark(zone: Hitzone, facts: GameFacts) -> str:
    return "◆" if _listed(zone.part, facts.breakable) else ("✂" if _listed(zone.part, facts.severable) else "")


def _listed(part: str, parts: Sequence[str]) -> bool:
    """Whether a list of breakable (or severable) parts names a hitzone's part, as the games' break rewards name a
    pair ("Wings" for the Left Wing and the Right Wing rows, "Horns" for "Horn")."""
    return _base(part) in {_base(p) for p in parts}


def _base(part: str) -> str:
    return without_side(part).removesuffix("s")


def hitzone_row(zone: Hitzone, facts: GameFacts, language: str, widths: list[int]) -> FlexBox:
    """A part's row: its short name and marks, then values; a weak-spot value shaded and bold (not the whole row),
    zeros and missing values in grey."""
    cells: list[FlexComponent] = [
        text(
            f"{short_part_name(zone.part, language, facts.game)}{_mark(zone, facts)}",
            size="xxs",
            flex=widths[0],
            color=LABEL,
        )
    ]
    for value, width in zip((zone.cut, zone.impact, zone.shot), widths[1:4], strict=True):
        weak = value is not None and value >= WEAK_SPOT_THRESHOLD
        cells.append(
            cell(
                "-" if value is None else str(value),
                width,
                WEAK_INK if weak else LABEL if value else GREY,
                bold=weak,
                background=WEAK_CELL if weak else None,
            )
        )
    for element, width in zip(ELEMENTS, widths[4:], strict=True):
        value = zone.elements.get(element)
        cells.append(cell("-" if value is None else str(value), width, LABEL if value else GREY))
    return FlexBox(layout="horizontal", contents=cells)


def hitzone_table(monster: Monster, language: str, game: str | None, full: bool = False) -> FlexMessage:
    """Every part with cut / impact / shot and element values; weak cells shaded, breakable parts marked.

    By default parts in special states (World's "(Broken)", "(Enraged)" …) are left out, with a button for the full
    table. Under a part that changes (Wilds), one grey line gives its wound, weak point and other states'
    cut/impact/shot. The table never shows another game's figures: it says none exist and offers buttons
    for the games that have the monster. A table too long for one bubble becomes a carousel of pages; one
    too long for a carousel is condensed to a line per part, with the same figures."""
    facts = monster.facts(game)
    name = monster.name(language)
    buttons = game_buttons(monster, facts.game if facts else None, language, HITZONES_VIEW)
    if facts is None or not facts.hitzones:
        shown = facts.game if facts else game or ""
        said = note(language, "no_game_hitzones").format(name=name, game=game_name(shown, language))
        return fitted(alt_text(said), [lambda: ([text(said, size="sm")], _page(monster, language, facts))], buttons)
    every = [z for z in facts.hitzones if not z.state]
    normal = every if full else compact_hitzones(facts.hitzones)
    kinds = label(language, "table_kinds").split("/")
    widths = [5, 2, 2, 2, 2, 2, 2, 2, 2]

    def values(zone: Hitzone) -> list[str]:
        return ["-" if v is None else str(v) for v in zone.values()]

    def part(zone: Hitzone) -> str:
        return f"{short_part_name(zone.part, language, facts.game)}{_mark(zone, facts)}"

    def changes(zone: Hitzone) -> list[FlexComponent]:
        """The grey line under a part with the physical values of its other states (wound, weak point, …)."""
        shown = [
            f"{state_name(s.state, language)} {physical(s)}"
            for s in facts.hitzones
            if s.state and s.part == zone.part and physical(s) != physical(zone)
        ]
        return [text("  ↳ " + " · ".join(shown), size="xxs", color=GREY)] if shown else []

    def table() -> tuple[list[FlexComponent], Page]:
        columns = row(
            [label(language, "part"), *kinds, *(ELEMENT_ICONS[e] for e in ELEMENTS)], widths, GREY, size="xxs"
        )
        rows = [line for z in normal for line in (hitzone_row(z, facts, language, widths), *changes(z))]
        return rows, _page(monster, language, facts, [columns], [legend])

    def condensed() -> tuple[list[FlexComponent], Page]:
        order = text(
            f"{label(language, 'part')}  {'/'.join(kinds)}  {' '.join(ELEMENT_ICONS[e] for e in ELEMENTS)}",
            size="xxs",
            color=GREY,
        )
        lines = [
            line
            for z in normal
            for line in (
                text(
                    f"{part(z)}  {'/'.join(values(z)[:3])}  {' '.join(values(z)[3:])}",
                    size="xxs",
                    color=WEAK_INK if z.physical >= WEAK_SPOT_THRESHOLD else LABEL,
                    weight="bold" if z.physical >= WEAK_SPOT_THRESHOLD else None,
                ),
                *changes(z),
            )
        ]
        return lines, _page(monster, language, facts, [order], [legend])

    softest = joined((part_name(z.part, language, facts.game) for z in facts.weak_parts()), language)
    title = f"{name} {label(language, 'hitzones')} ({game_name(facts.game, language)})"
    alt = f"{title}{colon(language)}{softest}" if softest else title
    legend = text(label(language, "legend"), size="xxs", color=GREY, margin="md")
    buttons = _buttons(monster, facts, language, len(normal) < len(every), len(every), buttons)
    return fitted(alt_text(alt), [table, condensed], buttons or other_views(monster, facts, language, HITZONES_VIEW))


def _buttons(
    monster: Monster, facts: GameFacts, language: str, compact: bool, rows: int, games: QuickReply | None
) -> QuickReply | None:
    """The full-table button (when parts were left out) first, then one button per other game."""
    items = [
        *(full_table_button(monster.id, facts.game, language, rows).items if compact else []),
        *(games.items if games else []),
    ][:QUICK_REPLY_LIMIT]
    return QuickReply(items=items) if items else None


def _page(
    monster: Monster,
    language: str,
    facts: GameFacts | None,
    before: Sequence[FlexComponent] = (),
    after: Sequence[FlexComponent] = (),
) -> Page:
    """A page of a monster's table: its header, the heading (with "n/m" when there are pages), the rows."""

    def page(rows: Sequence[FlexComponent], number: int, count: int) -> FlexBubble:
        title = f"{label(language, 'hitzones')} ({label(language, 'cut_impact_shot')})"
        body = [heading(f"{title} {number}/{count}" if count > 1 else title, first=True), *before, *rows, *after]
        return FlexBubble(
            size="giga",
            header=header(monster, language, facts),
            body=FlexBox(layout="vertical", spacing="xs", contents=body, padding_top="md"),
            footer=source_footer(facts, language, stars_shown=False),
        )

    return page


def comparison(monsters: Sequence[Monster], language: str, game: str | None) -> FlexMessage:
    """Two or more monsters' element and ailment weaknesses side by side."""
    every = [monster.facts(game) for monster in monsters]
    names = [monster.name(language) for monster in monsters]
    widths = [4] + [3] * len(monsters)
    body = [
        row([label(language, "vs"), *names], widths, GREY, bold=True, size="xs"),
        heading(label(language, "elements")),
    ]
    for element in ELEMENTS:
        cells = [strength(facts, element) for facts in every]
        if any(cells):
            body.append(
                _strength_row(
                    element_label(element, language), [c or "-" for c in cells], widths, ELEMENT_COLOURS[element]
                )
            )
    if any(facts and facts.ailments for facts in every):
        body += [FlexSeparator(margin="md"), heading(label(language, "ailments"))]
        for ailment in AILMENTS:
            cells = [stars(f.ailments[ailment]) if f and ailment in f.ailments else "-" for f in every]
            body.append(_strength_row(label(language, ailment), cells, widths))
    games = {game_name(f.game, language) for f in every if f}
    bubble = FlexBubble(
        size="mega",
        header=FlexBox(
            layout="vertical",
            padding_bottom="none",
            contents=[
                text(f" {label(language, 'vs')} ".join(names), weight="bold", size="lg"),
                text(" / ".join(sorted(games)), size="xs", color=GREY),
            ],
        ),
        body=FlexBox(layout="vertical", spacing="sm", contents=body, padding_top="md"),
        footer=footnote(list(dict.fromkeys(line for f in every if f for line in source_lines(f, language)))),
    )
    alt = " | ".join(summary(monster, facts, language) for monster, facts in zip(monsters, every, strict=True))
    return FlexMessage(
        alt_text=alt_text(alt), contents=bubble, quick_reply=quick_replies(tuple(monsters), game, language)
    )


def _strength_row(name: str, values: list[str], widths: list[int], name_colour: str = LABEL) -> FlexBox:
    """A row of weaknesses side by side: ★★★ and ◎ bold, two stars in ink, one star, × and - receding in grey."""
    cells: list[FlexComponent] = [text(name, size="sm", flex=widths[0], color=name_colour)]
    for value, width in zip(values, widths[1:], strict=True):
        plain = value.rstrip("*")  # a derived mark does not change the strength
        strong = plain in ("★★★", "◎")
        cells.append(cell(value, width, INK if strong or plain in ("★★", "○") else GREY, bold=strong, size="sm"))
    return FlexBox(layout="horizontal", contents=cells)


def strength(facts: GameFacts | None, element: str) -> str:
    """An element's stars (marked * where derived) or its place among the weak elements; "" when neither."""
    if facts is None:
        return ""
    if facts.elements:
        mark = "*" if "elements" in facts.derived else ""  # derived stars, footnoted on the weakness card
        return stars(facts.elements[element]) + mark if element in facts.elements else ""
    return listed(facts.weak_elements.index(element)) if element in facts.weak_elements else ""
