"""Cards for richer questions: a monster's hitzone table and two monsters side by side."""

from __future__ import annotations

from typing import Sequence

from monsterbot.core.model import AILMENTS, ELEMENTS, WEAK_SPOT_THRESHOLD, GameFacts, Hitzone, Monster
from monsterbot.core.parts import without_side
from monsterbot.line_sdk.messaging import FlexBox, FlexBubble, FlexComponent, FlexMessage, FlexSeparator, QuickReply
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
from monsterbot.replies.game_labels import game_name, note, short_game_name, state_name
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


#: Up to this many monsters a comparison sets them side by side as columns; more are rows, one a monster, under
#: the elements and ailments as columns (a phone has no room for more names abreast).
MOST_COLUMNS = 2


def comparison(
    monsters: Sequence[Monster], language: str, game: str | None, left_out: Sequence[Monster] = ()
) -> FlexMessage:
    """Monsters' element and ailment weaknesses side by side, drawn for a phone: two as columns headed by their whole
    names, more as rows, one a monster, under the elements and ailments; each monster labelled with its game when
    the games differ, and the names left out (past the most one bubble shows) said under the title."""
    every = [monster.facts(game) for monster in monsters]
    names = [monster.name(language) for monster in monsters]
    games = list(dict.fromkeys(f.game for f in every if f))
    own_games = [f.game if f and len(games) > 1 else None for f in every]
    draw = _compared_columns if len(monsters) <= MOST_COLUMNS else _compared_rows
    titles = [
        text(f" {label(language, 'vs')} ".join(names), weight="bold", size="lg"),
        text(" / ".join(game_name(g, language) for g in games), size="xs", color=GREY),
    ]
    if left_out:
        titles.append(text(left_out_words(len(monsters), left_out, language), size="xs", color=LABEL, margin="sm"))
    bubble = FlexBubble(
        size="mega",
        header=FlexBox(layout="vertical", padding_bottom="none", contents=titles),
        body=FlexBox(
            layout="vertical", spacing="sm", contents=draw(names, own_games, every, language), padding_top="md"
        ),
        footer=footnote(list(dict.fromkeys(line for f in every if f for line in source_lines(f, language)))),
    )
    alt = " | ".join(summary(monster, facts, language) for monster, facts in zip(monsters, every, strict=True))
    shown = quick_replies((*monsters, *left_out), game, language)  # the ones left out are a tap away too
    return FlexMessage(alt_text=alt_text(alt), contents=bubble, quick_reply=shown)


def left_out_words(shown: int, left_out: Sequence[Monster], language: str) -> str:
    """ "Compared the first 4 of 5; left out: Zinogre"."""
    compared = label(language, "compared_first").format(shown=shown, named=shown + len(left_out))
    return f"{compared}{colon(language)}{joined((m.name(language) for m in left_out), language)}"


def _ailment_cells(facts: GameFacts | None) -> list[str]:
    return [stars(facts.ailments[a]) if facts and a in facts.ailments else "-" for a in AILMENTS]


def _compared_columns(
    names: list[str], games: list[str | None], every: list[GameFacts | None], language: str
) -> list[FlexComponent]:
    """Two monsters as columns: a row per element and ailment."""
    widths = [4] + [3] * len(names)
    heads: list[FlexComponent] = [text(label(language, "vs"), size="xs", color=GREY, flex=widths[0])]
    heads += [
        FlexBox(layout="vertical", flex=3, contents=_name_lines(n, g, language, "center"))
        for n, g in zip(names, games, strict=True)
    ]
    body: list[FlexComponent] = [FlexBox(layout="horizontal", contents=heads), heading(label(language, "elements"))]
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
        columns = [_ailment_cells(f) for f in every]
        for index, ailment in enumerate(AILMENTS):
            body.append(_strength_row(label(language, ailment), [c[index] for c in columns], widths))
    return body


def _compared_rows(
    names: list[str], games: list[str | None], every: list[GameFacts | None], language: str
) -> list[FlexComponent]:
    """Three or more monsters as rows: the elements (then the ailments) as columns, each monster's whole name on a
    line of its own above its stars."""
    widths = [1] * len(ELEMENTS)
    body: list[FlexComponent] = [
        heading(label(language, "elements"), first=True),
        _heads([ELEMENT_ICONS[e] for e in ELEMENTS], [ELEMENT_COLOURS[e] for e in ELEMENTS], "sm"),
    ]
    for name, game, facts in zip(names, games, every, strict=True):
        body += [*_name_lines(name, game, language), _stars_row([strength(facts, e) or "-" for e in ELEMENTS], widths)]
    if any(facts and facts.ailments for facts in every):
        body += [
            FlexSeparator(margin="md"),
            heading(label(language, "ailments")),
            _heads([label(language, a) for a in AILMENTS], [LABEL] * len(AILMENTS), "xxs"),
        ]
        for name, game, facts in zip(names, games, every, strict=True):
            body += [*_name_lines(name, game, language), _stars_row(_ailment_cells(facts), widths)]
    return body


def _heads(values: list[str], colours: list[str], size: str) -> FlexBox:
    return FlexBox(
        layout="horizontal",
        contents=[text(v, size=size, color=c, align="center", flex=1) for v, c in zip(values, colours, strict=True)],
    )


def _name_lines(name: str, game: str | None, language: str, align: str = "start") -> list[FlexComponent]:
    """A monster's whole name (wrapped, never cut), and its game after it when the compared games differ."""
    shown = f"{name} · {short_game_name(game, language)}" if game and align == "start" else name
    lines: list[FlexComponent] = [text(shown, size="xs", weight="bold", color=LABEL, align=align, margin="sm")]
    if game and align != "start":
        lines.append(text(short_game_name(game, language), size="xxs", color=GREY, align=align))
    return lines


def _stars_row(values: list[str], widths: list[int]) -> FlexBox:
    """A monster's stars under the column heads (no label of its own)."""
    return FlexBox(layout="horizontal", contents=_strength_cells(values, widths))


def _strength_row(name: str, values: list[str], widths: list[int], name_colour: str = LABEL) -> FlexBox:
    """A labelled row of weaknesses side by side."""
    label_cell = text(name, size="sm", flex=widths[0], color=name_colour)
    return FlexBox(layout="horizontal", contents=[label_cell, *_strength_cells(values, widths[1:])])


def _strength_cells(values: list[str], widths: list[int]) -> list[FlexComponent]:
    """Weaknesses as cells: ★★★ and ◎ bold, two stars in ink, one star, × and - receding in grey."""
    cells: list[FlexComponent] = []
    for value, width in zip(values, widths, strict=True):
        plain = value.rstrip("*")  # a derived mark does not change the strength
        strong = plain in ("★★★", "◎")
        cells.append(cell(value, width, INK if strong or plain in ("★★", "○") else GREY, bold=strong, size="sm"))
    return cells


def strength(facts: GameFacts | None, element: str) -> str:
    """An element's stars (marked * where derived) or its place among the weak elements; "" when neither."""
    if facts is None:
        return ""
    if facts.elements:
        mark = "*" if "elements" in facts.derived else ""  # derived stars, footnoted on the weakness card
        return stars(facts.elements[element]) + mark if element in facts.elements else ""
    return listed(facts.weak_elements.index(element)) if element in facts.weak_elements else ""
