"""Cards for richer questions: a monster's hitzone table, two monsters side by side, who is weak to X."""

from __future__ import annotations

from linebot.v3.messaging import FlexBox, FlexBubble, FlexComponent, FlexMessage, FlexSeparator

from monsterbot.core.model import AILMENTS, ELEMENTS, WEAK_SPOT_THRESHOLD, GameFacts, Hitzone, Monster
from monsterbot.replies.card import ALT_TEXT_LIMIT, element_label, header, source_footer, summary
from monsterbot.replies.colours import ELEMENT_COLOURS, INK, LABEL, WEAK_CELL, WEAK_INK
from monsterbot.replies.flex import GREY, cell, heading, row, text
from monsterbot.replies.labels import ELEMENT_ICONS, colon, game_name, label, listed, part_name, short_part_name, stars
from monsterbot.replies.messages import full_table_button


def compact_hitzones(hitzones: tuple[Hitzone, ...]) -> tuple[Hitzone, ...]:
    """The parts in their usual state (no "(Broken)", "(Enraged)" …): the table a phone shows first."""
    usual = tuple(h for h in hitzones if not h.part.endswith(")"))
    return usual or hitzones


def hitzone_row(zone: Hitzone, facts: GameFacts, language: str, widths: list[int]) -> FlexBox:
    """A part's row: its short name and marks, then values; a weak-spot value shaded and bold (not the whole row),
    zeros and missing values in grey."""
    mark = "◆" if zone.part in facts.breakable else ("✂" if zone.part in facts.severable else "")
    cells: list[FlexComponent] = [text(f"{short_part_name(zone.part, language, facts.game)}{mark}", size="xxs", flex=widths[0],
                                       color=LABEL)]
    for value, width in zip((zone.cut, zone.impact, zone.shot), widths[1:4], strict=True):
        weak = value is not None and value >= WEAK_SPOT_THRESHOLD
        cells.append(cell("-" if value is None else str(value), width, WEAK_INK if weak else LABEL if value else GREY,
                          bold=weak, background=WEAK_CELL if weak else None))
    for element, width in zip(ELEMENTS, widths[4:], strict=True):
        value = zone.elements.get(element)
        cells.append(cell("-" if value is None else str(value), width, LABEL if value else GREY))
    return FlexBox(layout="horizontal", contents=cells)


def hitzone_table(monster: Monster, language: str, game: str | None, full: bool = False) -> FlexMessage:
    """Every part with cut / impact / shot and element values; weak cells highlighted, breakable parts marked.

    By default parts in special states are left out, with a button for the full table."""
    facts = monster.facts(game)
    if facts is not None and not facts.hitzones:  # fall back to a game that has the figures
        facts = next((f for f in monster.games.values() if f.hitzones), facts)
    name = monster.name(language)
    more = None
    if facts is None or not facts.hitzones:
        body = [text(label(language, "no_hitzones").format(name=name), size="sm")]
        alt = label(language, "no_hitzones").format(name=name)
    else:
        icons = [ELEMENT_ICONS[e] for e in ELEMENTS]
        widths = [5, 2, 2, 2, 2, 2, 2, 2, 2]
        body = [heading(f"{label(language, 'hitzones')} ({label(language, 'cut_impact_shot')})", first=True)]
        body.append(row([label(language, "part"), *label(language, "table_kinds").split("/"), *icons], widths, GREY,
                        size="xxs"))
        shown = facts.hitzones if full else compact_hitzones(facts.hitzones)
        body += [hitzone_row(zone, facts, language, widths) for zone in shown]
        body.append(text(label(language, "legend"), size="xxs", color=GREY, margin="md"))
        if len(shown) < len(facts.hitzones):
            more = full_table_button(monster.id, facts.game, language, len(facts.hitzones))
        softest = (", " if language == "en" else "、").join(part_name(z.part, language, facts.game)
                                                            for z in facts.weak_parts())
        title = f"{name} {label(language, 'hitzones')} ({game_name(facts.game, language)})"
        alt = f"{title}{colon(language)}{softest}" if softest else title
    bubble = FlexBubble(
        size="giga",
        header=header(monster, language, facts),
        body=FlexBox(layout="vertical", spacing="xs", contents=body, padding_top="md"),
        footer=source_footer(facts, language),
    )
    return FlexMessage(alt_text=alt[:ALT_TEXT_LIMIT], contents=bubble, quick_reply=more)


def comparison(first: Monster, second: Monster, language: str, game: str | None) -> FlexMessage:
    """Two monsters' element and ailment weaknesses side by side."""
    left, right = first.facts(game), second.facts(game)
    names = [first.name(language), second.name(language)]
    widths = [4, 3, 3]
    body = [row([label(language, "vs"), *names], widths, GREY, bold=True, size="xs"), heading(label(language, "elements"))]
    for element in ELEMENTS:
        cells = [_strength(facts, element) for facts in (left, right)]
        if any(cells):
            body.append(_strength_row(element_label(element, language), [c or "-" for c in cells], widths,
                                      ELEMENT_COLOURS[element]))
    if (left and left.ailments) or (right and right.ailments):
        body += [FlexSeparator(margin="md"), heading(label(language, "ailments"))]
        for ailment in AILMENTS:
            cells = [stars(f.ailments[ailment]) if f and ailment in f.ailments else "-" for f in (left, right)]
            body.append(_strength_row(label(language, ailment), cells, widths))
    games = {game_name(f.game, language) for f in (left, right) if f}
    bubble = FlexBubble(
        size="mega",
        header=FlexBox(
            layout="vertical",
            padding_bottom="none",
            contents=[
                text(f"{names[0]} {label(language, 'vs')} {names[1]}", weight="bold", size="lg"),
                text(" / ".join(sorted(games)), size="xs", color=GREY),
            ],
        ),
        body=FlexBox(layout="vertical", spacing="sm", contents=body, padding_top="md"),
    )
    alt = f"{summary(first, left, language)} | {summary(second, right, language)}"
    return FlexMessage(alt_text=alt[:ALT_TEXT_LIMIT], contents=bubble)


def _strength_row(name: str, values: list[str], widths: list[int], name_colour: str = LABEL) -> FlexBox:
    """A row of weaknesses side by side: ★★★ and ◎ bold, two stars in ink, one star, × and - receding in grey."""
    cells: list[FlexComponent] = [text(name, size="sm", flex=widths[0], color=name_colour)]
    for value, width in zip(values, widths[1:], strict=True):
        strong = value in ("★★★", "◎")
        cells.append(cell(value, width, INK if strong or value in ("★★", "○") else GREY, bold=strong, size="sm"))
    return FlexBox(layout="horizontal", contents=cells)


def _strength(facts, element: str) -> str:
    if facts is None:
        return ""
    if facts.elements:
        return stars(facts.elements[element]) if element in facts.elements else ""
    return listed(facts.weak_elements.index(element)) if element in facts.weak_elements else ""
