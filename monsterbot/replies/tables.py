"""Cards for richer questions: a monster's hitzone table, two monsters side by side, who is weak to X."""

from __future__ import annotations

from linebot.v3.messaging import FlexBox, FlexBubble, FlexMessage, FlexSeparator

from monsterbot.core.model import AILMENTS, ELEMENTS, GameFacts, Hitzone, Monster
from monsterbot.core.ranking import Ranked
from monsterbot.replies.card import ALT_TEXT_LIMIT, element_label, game_buttons, header, source_footer, summary
from monsterbot.replies.flex import GREY, heading, row, text
from monsterbot.replies.game_labels import game_name, note, state_name
from monsterbot.replies.labels import ELEMENT_COLOURS, ELEMENT_ICONS, label, listed, part_name, stars
from monsterbot.replies.messages import quick_replies

WEAK_COLOUR = "#C0392B"
HITZONES_VIEW = "hitzones"  # the postback view of a hitzone table's game buttons


def hitzone_table(monster: Monster, language: str, game: str | None) -> FlexMessage:
    """Every part with cut / impact / shot and element values; weak spots bold, breakable parts marked.

    Under a part that changes (Wilds), one grey line gives its wound, weak point and other states'
    cut/impact/shot. The table never shows another game's figures: it says none exist and offers buttons.
    """
    facts = monster.facts(game)
    name = monster.name(language)
    buttons = game_buttons(monster, facts.game if facts else None, language, HITZONES_VIEW)
    if facts is None or not facts.hitzones:
        shown = facts.game if facts else game or ""
        said = note(language, "no_game_hitzones").format(name=name, game=game_name(shown, language))
        body = [text(said, size="sm")]
        alt = said
    else:
        body = _hitzone_rows(facts, language)
        softest = ", ".join(part_name(z.part, language, facts.game) for z in facts.weak_parts())
        alt = f"{name} {label(language, 'hitzones')}: {softest}" if softest else f"{name} {label(language, 'hitzones')}"
    bubble = FlexBubble(
        size="giga",
        header=header(monster, language, facts),
        body=FlexBox(layout="vertical", spacing="xs", contents=body),
        footer=source_footer(facts, language, stars_shown=False),
    )
    return FlexMessage(alt_text=alt[:ALT_TEXT_LIMIT], contents=bubble, quick_reply=buttons)


def _hitzone_rows(facts: GameFacts, language: str) -> list:
    icons = [ELEMENT_ICONS[e] for e in ELEMENTS]
    widths = [5, 2, 2, 2, 2, 2, 2, 2, 2]
    body: list = [heading(f"{label(language, 'hitzones')} ({label(language, 'cut_impact_shot')})")]
    body.append(row([label(language, "part"), *label(language, "cut_impact_shot").split("/"), *icons], widths, GREY, size="xxs"))
    weak = facts.weak_parts(limit=len(facts.hitzones))
    states: dict[str, list[Hitzone]] = {}
    for zone in facts.hitzones:
        if zone.state:
            states.setdefault(zone.part, []).append(zone)
    for zone in facts.hitzones:
        if zone.state:
            continue
        mark = "◆" if zone.part in facts.breakable else ("✂" if zone.part in facts.severable else "")
        cells = [f"{part_name(zone.part, language, facts.game)}{mark}", *("-" if v is None else str(v) for v in zone.values())]
        body.append(row(cells, widths, WEAK_COLOUR if zone in weak else None, bold=zone in weak, size="xxs"))
        changes = [f"{state_name(s.state, language)} {_physical(s)}" for s in states.get(zone.part, ())
                   if _physical(s) != _physical(zone)]  # a state that changes no physical value says nothing
        if changes:
            body.append(text("  ↳ " + " · ".join(changes), size="xxs", color=GREY))
    body.append(text(label(language, "legend"), size="xxs", color=GREY, margin="md"))
    return body


def _physical(zone: Hitzone) -> str:
    return "/".join("-" if v is None else str(v) for v in (zone.cut, zone.impact, zone.shot))


def comparison(first: Monster, second: Monster, language: str, game: str | None) -> FlexMessage:
    """Two monsters' element and ailment weaknesses side by side."""
    left, right = first.facts(game), second.facts(game)
    names = [first.name(language), second.name(language)]
    widths = [4, 3, 3]
    body = [row(["", *names], widths, GREY, bold=True, size="xs"), heading(label(language, "elements"))]
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
