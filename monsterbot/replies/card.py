"""The weakness card of a monster: a Flex bubble with a readable altText."""

from __future__ import annotations

from linebot.v3.messaging import FlexBox, FlexBubble, FlexMessage, FlexSeparator

from monsterbot.core.model import AILMENTS, ELEMENTS, GAME_TITLES, GameFacts, Monster
from monsterbot.replies.flex import GREY, heading, row, text
from monsterbot.replies.labels import ELEMENT_COLOURS, ELEMENT_ICONS, label, listed, part_name, stars

ALT_TEXT_LIMIT = 400


def _row(left: str, right: str, colour: str | None = None, bold: bool = False) -> FlexBox:
    return row([left, right], [3, 4], colour, bold)


def element_label(element: str, language: str) -> str:
    """An element with its icon: 🔥 火."""
    return f"{ELEMENT_ICONS[element]} {label(language, element)}"


def header(monster: Monster, language: str, facts: GameFacts | None) -> FlexBox:
    """Name in the asker's language, the English name, and the game."""
    lines = [text(monster.name(language), weight="bold", size="xl")]
    if monster.name(language) != monster.names["en"]:
        lines.append(text(monster.names["en"], size="sm", color=GREY))
    if facts:
        lines.append(text(GAME_TITLES.get(facts.game, facts.game), size="xs", color=GREY))
    return FlexBox(layout="vertical", contents=lines)


def source_footer(facts: GameFacts | None, language: str) -> FlexBox | None:
    """Where the facts come from."""
    if not facts:
        return None
    return FlexBox(layout="vertical", contents=[text(f"{label(language, 'source')}: {facts.source}", size="xxs", color=GREY)])


def title(monster: Monster, language: str) -> str:
    """The monster's name in the asker's language, with the English name when that differs."""
    local, english = monster.name(language), monster.names["en"]
    return local if local == english else f"{local} {english}"


def summary(monster: Monster, facts: GameFacts | None, language: str) -> str:
    """A one-line text answer: the altText of the card and what `monsterbot ask` prints first."""
    head = title(monster, language)
    if facts is None:
        return head
    if facts.elements:
        ranked = sorted((e for e in ELEMENTS if facts.elements.get(e, 0) > 0), key=lambda e: -facts.elements[e])
        weak = " ".join(f"{label(language, e)}{stars(facts.elements[e])}" for e in ranked[:3])
    else:
        weak = " ".join(label(language, e) for e in facts.weak_elements)
    text = f"{head} — {label(language, 'weak_to')}: {weak}" if weak else head
    return text[:ALT_TEXT_LIMIT]


def weakness_card(monster: Monster, language: str, game: str | None) -> FlexMessage:
    """The Flex card answering "what is this monster weak to"."""
    facts = monster.facts(game)
    body = _facts_body(facts, language) if facts else []
    bubble = FlexBubble(
        header=header(monster, language, facts),
        body=FlexBox(layout="vertical", spacing="sm", contents=body or [text("—", size="sm")]),
        footer=source_footer(facts, language),
    )
    return FlexMessage(alt_text=summary(monster, facts, language), contents=bubble)


def _facts_body(facts: GameFacts, language: str) -> list:
    body: list = [heading(label(language, "elements"))]
    top = set(facts.top_elements())
    if facts.elements:
        for element in ELEMENTS:
            if element in facts.elements:
                value = facts.elements[element]
                colour = ELEMENT_COLOURS[element] if element in top else None
                body.append(_row(element_label(element, language), stars(value), colour, bold=element in top))
    elif facts.weak_elements:
        for position, element in enumerate(facts.weak_elements):
            body.append(_row(element_label(element, language), listed(position), ELEMENT_COLOURS[element], bold=True))
    for form in facts.forms:
        best = sorted(form.elements, key=lambda e: -form.elements[e])[:2]
        shown = " ".join(f"{label(language, e)}{stars(form.elements[e])}" for e in best if form.elements[e] > 0)
        body.append(text(f"({form.description}: {shown})", size="xs", color=GREY))
    if facts.ailments:
        body += [FlexSeparator(margin="md"), heading(label(language, "ailments"))]
        shown = [f"{label(language, a)} {stars(facts.ailments[a])}" for a in AILMENTS if a in facts.ailments]
        body.append(text("  ".join(shown), size="sm"))
    weak_parts = facts.weak_parts()
    if weak_parts:
        body += [FlexSeparator(margin="md"), heading(f"{label(language, 'weak_parts')} ({label(language, 'cut_impact_shot')})")]
        for zone in weak_parts:
            values = "/".join("-" if v is None else str(v) for v in (zone.cut, zone.impact, zone.shot))
            body.append(_row(part_name(zone.part, language), values))
    for kind in ("breakable", "severable"):
        parts = getattr(facts, kind)
        if parts:
            shown = ", ".join(part_name(p, language) for p in parts)
            body.append(text(f"{label(language, kind)}: {shown}", size="xs", color="#555555", margin="md"))
    return body
