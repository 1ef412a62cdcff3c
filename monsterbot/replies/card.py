"""The weakness card of a monster: a Flex bubble with a readable altText."""

from __future__ import annotations

from linebot.v3.messaging import (
    FlexBox,
    FlexBubble,
    FlexMessage,
    FlexSeparator,
    PostbackAction,
    QuickReply,
    QuickReplyItem,
    TextMessage,
)

from monsterbot.core.model import AILMENTS, ELEMENTS, GAMES, GameFacts, Monster
from monsterbot.replies.flex import GREY, heading, row, text
from monsterbot.replies.game_labels import SOURCE_KINDS, game_name, note, short_game_name
from monsterbot.replies.labels import ELEMENT_COLOURS, ELEMENT_ICONS, label, listed, part_name, stars
from monsterbot.replies.messages import LABEL_LIMIT, QUICK_REPLY_LIMIT, postback_data

ALT_TEXT_LIMIT = 400
RISE_RESISTED_SOURCE = "mhrise-ele-check"  # where resisted elements come from (hand-entered)


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
        lines.append(text(game_name(facts.game, language), size="xs", color=GREY))
    return FlexBox(layout="vertical", contents=lines)


def source_footer(facts: GameFacts | None, language: str, stars_shown: bool = True) -> FlexBox | None:
    """Where the facts come from and how they were made; derived stars and missing facts said plainly."""
    if not facts:
        return None
    kind = SOURCE_KINDS.get(facts.source)
    source = f"{label(language, 'source')}: {facts.source}" + (f" ({note(language, kind)})" if kind else "")
    lines = [text(source, size="xxs", color=GREY)]
    if facts.resisted_elements:
        lines.append(text(f"{note(language, 'resisted')}: {RISE_RESISTED_SOURCE} ({note(language, 'hand_entered')})",
                          size="xxs", color=GREY))
    if stars_shown and "elements" in facts.derived and facts.elements:
        lines.append(text(note(language, "derived"), size="xxs", color=GREY))
    if facts.missing:
        missing = "、".join(note(language, m) for m in facts.missing) if language != "en" else ", ".join(
            note(language, m) for m in facts.missing)
        lines.append(text(note(language, "missing").format(facts=missing), size="xxs", color=GREY))
    return FlexBox(layout="vertical", contents=lines)


def game_buttons(monster: Monster, shown: str | None, language: str, view: str | None = None) -> QuickReply | None:
    """One button per other game the monster appears in, opening the same view for that game."""
    items = [
        QuickReplyItem(
            action=PostbackAction(
                label=short_game_name(game, language)[:LABEL_LIMIT],
                data=postback_data(monster.id, game, language, view),
                display_text=f"{short_game_name(game, language)} {monster.name(language)}",
            )
        )
        for game in GAMES if game in monster.games and game != shown
    ][:QUICK_REPLY_LIMIT]
    return QuickReply(items=items) if items else None


def game_missing(monster: Monster, language: str, game: str, view: str | None = None) -> TextMessage:
    """The monster has no figures in the game asked for: say so, and offer the games that have them."""
    said = note(language, "no_game").format(name=monster.name(language), game=game_name(game, language))
    return TextMessage(text=said, quick_reply=game_buttons(monster, None, language, view))


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
        mark = "*" if "elements" in facts.derived else ""  # derived stars stay marked in the altText too
        weak = " ".join(f"{label(language, e)}{stars(facts.elements[e])}{mark}" for e in ranked[:3])
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
    return FlexMessage(
        alt_text=summary(monster, facts, language), contents=bubble,
        quick_reply=game_buttons(monster, facts.game if facts else None, language),
    )


def _facts_body(facts: GameFacts, language: str) -> list:
    body: list = [heading(label(language, "elements"))]
    top = set(facts.top_elements())
    if facts.elements:
        mark = "*" if "elements" in facts.derived else ""
        for element in ELEMENTS:
            if element in facts.elements:
                value = facts.elements[element]
                colour = ELEMENT_COLOURS[element] if element in top else None
                body.append(_row(element_label(element, language), stars(value) + mark, colour, bold=element in top))
    elif facts.weak_elements:
        for position, element in enumerate(facts.weak_elements):
            body.append(_row(element_label(element, language), listed(position), ELEMENT_COLOURS[element], bold=True))
    if facts.resisted_elements:
        resisted = " ".join(element_label(e, language) for e in facts.resisted_elements)
        body.append(text(f"{note(language, 'resisted')}: {resisted}", size="xs", color=GREY))
    for form in facts.forms:
        best = sorted(form.elements, key=lambda e: -form.elements[e])[:2]
        shown = " ".join(f"{label(language, e)}{stars(form.elements[e])}" for e in best if form.elements[e] > 0)
        body.append(text(f"({form.description}: {shown})", size="xs", color=GREY))
    if facts.ailments:
        body += [FlexSeparator(margin="md"), heading(label(language, "ailments"))]
        levels = [f"{label(language, a)} {stars(facts.ailments[a])}" for a in AILMENTS if a in facts.ailments]
        body.append(text("  ".join(levels), size="sm"))
    weak_parts = facts.weak_parts()
    if weak_parts:
        body += [FlexSeparator(margin="md"), heading(f"{label(language, 'weak_parts')} ({label(language, 'cut_impact_shot')})")]
        for zone in weak_parts:
            values = "/".join("-" if v is None else str(v) for v in (zone.cut, zone.impact, zone.shot))
            body.append(_row(part_name(zone.part, language, facts.game), values))
    for kind in ("breakable", "severable"):
        parts = getattr(facts, kind)
        if parts:
            shown = ", ".join(part_name(p, language, facts.game) for p in parts)
            body.append(text(f"{label(language, kind)}: {shown}", size="xs", color="#555555", margin="md"))
    return body
