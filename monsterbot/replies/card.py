"""The weakness card of a monster: a Flex bubble with a readable altText."""

from __future__ import annotations

from linebot.v3.messaging import FlexBox, FlexBubble, FlexMessage, FlexSeparator, FlexText

from monsterbot.model import AILMENTS, ELEMENTS, GAME_TITLES, GameFacts, Monster
from monsterbot.replies.labels import ELEMENT_COLOURS, ELEMENT_ICONS, label, stars

ALT_TEXT_LIMIT = 400
_GREY = "#888888"


def _text(text: str, **style: object) -> FlexText:
    return FlexText(text=text, wrap=True, **style)


def _heading(text: str) -> FlexText:
    return _text(text, weight="bold", size="sm", color="#333333", margin="lg")


def _row(left: str, right: str, colour: str | None = None, bold: bool = False) -> FlexBox:
    return FlexBox(
        layout="horizontal",
        contents=[
            _text(left, size="sm", color=colour or "#555555", flex=3),
            _text(right, size="sm", color=colour or "#111111", flex=4, weight="bold" if bold else "regular"),
        ],
    )


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
    header = [_text(monster.name(language), weight="bold", size="xl")]
    if monster.name(language) != monster.names["en"]:
        header.append(_text(monster.names["en"], size="sm", color=_GREY))
    if facts:
        header.append(_text(GAME_TITLES.get(facts.game, facts.game), size="xs", color=_GREY))
    body = _facts_body(facts, language) if facts else []
    footer = [_text(f"{label(language, 'source')}: {facts.source}", size="xxs", color=_GREY)] if facts else []
    bubble = FlexBubble(
        header=FlexBox(layout="vertical", contents=header),
        body=FlexBox(layout="vertical", spacing="sm", contents=body or [_text("—", size="sm")]),
        footer=FlexBox(layout="vertical", contents=footer) if footer else None,
    )
    return FlexMessage(alt_text=summary(monster, facts, language), contents=bubble)


def _facts_body(facts: GameFacts, language: str) -> list:
    body: list = [_heading(label(language, "elements"))]
    top = set(facts.top_elements())
    if facts.elements:
        for element in ELEMENTS:
            if element in facts.elements:
                value = facts.elements[element]
                colour = ELEMENT_COLOURS[element] if element in top else None
                name = f"{ELEMENT_ICONS[element]} {label(language, element)}"
                body.append(_row(name, stars(value), colour, bold=element in top))
    elif facts.weak_elements:
        for element in facts.weak_elements:
            name = f"{ELEMENT_ICONS[element]} {label(language, element)}"
            body.append(_row(name, "◎", ELEMENT_COLOURS[element], bold=True))
    for form in facts.forms:
        best = sorted(form.elements, key=lambda e: -form.elements[e])[:2]
        shown = " ".join(f"{label(language, e)}{stars(form.elements[e])}" for e in best if form.elements[e] > 0)
        body.append(_text(f"({form.description}: {shown})", size="xs", color=_GREY))
    if facts.ailments:
        body += [FlexSeparator(margin="md"), _heading(label(language, "ailments"))]
        shown = [f"{label(language, a)} {stars(facts.ailments[a])}" for a in AILMENTS if a in facts.ailments]
        body.append(_text("  ".join(shown), size="sm"))
    weak_parts = facts.weak_parts()
    if weak_parts:
        body += [FlexSeparator(margin="md"), _heading(f"{label(language, 'weak_parts')} ({label(language, 'cut_impact_shot')})")]
        for zone in weak_parts:
            values = "/".join("-" if v is None else str(v) for v in (zone.cut, zone.impact, zone.shot))
            body.append(_row(zone.part, values))
    for kind in ("breakable", "severable"):
        parts = getattr(facts, kind)
        if parts:
            body.append(_text(f"{label(language, kind)}: {', '.join(parts)}", size="xs", color="#555555", margin="md"))
    return body
