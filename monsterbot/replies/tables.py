"""Cards for richer questions: a monster's hitzone table, two monsters side by side, who is weak to X."""

from __future__ import annotations

from typing import Sequence

from linebot.v3.messaging import FlexBox, FlexBubble, FlexComponent, FlexMessage, FlexSeparator

from monsterbot.core.model import AILMENTS, ELEMENTS, GameFacts, Hitzone, Monster
from monsterbot.core.ranking import Ranked
from monsterbot.replies.card import ALT_TEXT_LIMIT, element_label, game_buttons, header, source_footer, summary
from monsterbot.replies.fit import Page, fitted
from monsterbot.replies.flex import GREY, heading, row, text
from monsterbot.replies.game_labels import game_name, note, state_name
from monsterbot.replies.labels import ELEMENT_COLOURS, ELEMENT_ICONS, label, listed, part_name, stars
from monsterbot.replies.messages import quick_replies

WEAK_COLOUR = "#C0392B"
HITZONES_VIEW = "hitzones"  # the postback view of a hitzone table's game buttons


def hitzone_table(monster: Monster, language: str, game: str | None) -> FlexMessage:
    """Every part with cut / impact / shot and element values; weak spots bold, breakable parts marked.

    Under a part that changes (Wilds), one grey line gives its wound, weak point and other states'
    cut/impact/shot. The table never shows another game's figures: it says none exist and offers buttons
    for the games that have the monster. A table too long for one bubble becomes a carousel of pages; one
    too long for a carousel is condensed to a line per part, with the same figures."""
    facts = monster.facts(game)
    name = monster.name(language)
    buttons = game_buttons(monster, facts.game if facts else None, language, HITZONES_VIEW)
    if facts is None or not facts.hitzones:
        shown = facts.game if facts else game or ""
        said = note(language, "no_game_hitzones").format(name=name, game=game_name(shown, language))
        return fitted(said[:ALT_TEXT_LIMIT], [lambda: ([text(said, size="sm")], _page(monster, language, facts))], buttons)
    weak = facts.weak_parts(limit=len(facts.hitzones))
    normal = [z for z in facts.hitzones if not z.state]
    kinds = label(language, "cut_impact_shot").split("/")
    widths = [5, 2, 2, 2, 2, 2, 2, 2, 2]
    def values(zone: Hitzone) -> list[str]:
        return ["-" if v is None else str(v) for v in zone.values()]

    def part(zone: Hitzone) -> str:
        mark = "◆" if zone.part in facts.breakable else ("✂" if zone.part in facts.severable else "")
        return f"{part_name(zone.part, language, facts.game)}{mark}"

    def changes(zone: Hitzone) -> list[FlexComponent]:
        """The grey line under a part with the physical values of its other states (wound, weak point, …)."""
        shown = [f"{state_name(s.state, language)} {_physical(s)}" for s in facts.hitzones
                 if s.state and s.part == zone.part and _physical(s) != _physical(zone)]
        return [text("  ↳ " + " · ".join(shown), size="xxs", color=GREY)] if shown else []

    def table() -> tuple[list[FlexComponent], Page]:
        columns = row([label(language, "part"), *kinds, *(ELEMENT_ICONS[e] for e in ELEMENTS)], widths, GREY, size="xxs")
        rows = [line for z in normal for line in (
            row([part(z), *values(z)], widths, WEAK_COLOUR if z in weak else None, bold=z in weak, size="xxs"), *changes(z))]
        return rows, _page(monster, language, facts, [columns], [legend])

    def condensed() -> tuple[list[FlexComponent], Page]:
        order = text(f"{label(language, 'part')}  {'/'.join(kinds)}  {' '.join(ELEMENT_ICONS[e] for e in ELEMENTS)}",
                     size="xxs", color=GREY)
        lines = [line for z in normal for line in (
            text(f"{part(z)}  {'/'.join(values(z)[:3])}  {' '.join(values(z)[3:])}", size="xxs",
                 color=WEAK_COLOUR if z in weak else None, weight="bold" if z in weak else None), *changes(z))]
        return lines, _page(monster, language, facts, [order], [legend])

    softest = ", ".join(part_name(z.part, language, facts.game) for z in facts.weak_parts())
    alt = f"{name} {label(language, 'hitzones')}: {softest}" if softest else f"{name} {label(language, 'hitzones')}"
    legend = text(label(language, "legend"), size="xxs", color=GREY, margin="md")
    return fitted(alt[:ALT_TEXT_LIMIT], [table, condensed], buttons)


def _physical(zone: Hitzone) -> str:
    return "/".join("-" if v is None else str(v) for v in (zone.cut, zone.impact, zone.shot))


def _page(monster: Monster, language: str, facts: GameFacts | None, before: Sequence[FlexComponent] = (),
          after: Sequence[FlexComponent] = ()) -> Page:
    """A page of a monster's table: its header, the heading (with "n/m" when there are pages), the rows."""
    def page(rows: Sequence[FlexComponent], number: int, count: int) -> FlexBubble:
        title = f"{label(language, 'hitzones')} ({label(language, 'cut_impact_shot')})"
        body = [heading(f"{title} {number}/{count}" if count > 1 else title), *before, *rows, *after]
        return FlexBubble(size="giga", header=header(monster, language, facts),
                          body=FlexBox(layout="vertical", spacing="xs", contents=body),
                          footer=source_footer(facts, language, stars_shown=False))
    return page


def comparison(first: Monster, second: Monster, language: str, game: str | None) -> FlexMessage:
    """Two monsters' element and ailment weaknesses side by side."""
    left, right = first.facts(game), second.facts(game)
    names = [first.name(language), second.name(language)]
    widths = [4, 3, 3]
    body = [row([label(language, "vs"), *names], widths, GREY, bold=True, size="xs"), heading(label(language, "elements"))]
    for element in ELEMENTS:
        cells = [_strength(facts, element) for facts in (left, right)]
        if any(cells):
            body.append(row([element_label(element, language), *(c or "-" for c in cells)], widths, ELEMENT_COLOURS[element]))
    if (left and left.ailments) or (right and right.ailments):
        body += [FlexSeparator(margin="md"), heading(label(language, "ailments"))]
        for ailment in AILMENTS:
            cells = [stars(f.ailments[ailment]) if f and ailment in f.ailments else "-" for f in (left, right)]
            body.append(row([label(language, ailment), *cells], widths))
    games = {game_name(f.game, language) for f in (left, right) if f}
    bubble = FlexBubble(
        size="mega",
        header=FlexBox(
            layout="vertical",
            contents=[
                text(f"{names[0]} {label(language, 'vs')} {names[1]}", weight="bold", size="lg"),
                text(" / ".join(sorted(games)), size="xs", color=GREY),
            ],
        ),
        body=FlexBox(layout="vertical", spacing="sm", contents=body),
    )
    alt = f"{summary(first, left, language)} | {summary(second, right, language)}"
    return FlexMessage(alt_text=alt[:ALT_TEXT_LIMIT], contents=bubble)


def _strength(facts, element: str) -> str:
    if facts is None:
        return ""
    if facts.elements:
        mark = "*" if "elements" in facts.derived else ""  # derived stars, footnoted on the weakness card
        return stars(facts.elements[element]) + mark if element in facts.elements else ""
    return listed(facts.weak_elements.index(element)) if element in facts.weak_elements else ""


def weakest_list(topic: str, ranked: list[Ranked], language: str, game: str) -> FlexMessage:
    """The monsters most vulnerable to an element or ailment, best first, with a button for each."""
    topic_name = f"{ELEMENT_ICONS[topic]} {label(language, topic)}" if topic in ELEMENTS else label(language, topic)
    title = label(language, "weakest_to").format(topic=label(language, topic))
    rows = [
        row([r.monster.name(language), stars(r.stars) if r.stars is not None else listed(r.listed_at or 0)], [6, 3])
        for r in ranked
    ] or [text(label(language, "none_weak"), size="sm")]
    bubble = FlexBubble(
        header=FlexBox(
            layout="vertical",
            contents=[text(title, weight="bold", size="lg", color=ELEMENT_COLOURS.get(topic)),
                      text(f"{topic_name} · {game_name(game, language)}", size="xs", color=GREY)],
        ),
        body=FlexBox(layout="vertical", spacing="sm", contents=rows),
    )
    names = "、".join(r.monster.name(language) for r in ranked) if language != "en" else ", ".join(
        r.monster.name(language) for r in ranked
    )
    return FlexMessage(
        alt_text=f"{title}: {names}"[:ALT_TEXT_LIMIT],
        contents=bubble,
        quick_reply=quick_replies([r.monster for r in ranked], game, language),
    )
