"""The weakness card of a monster: a Flex bubble with a readable altText."""

from __future__ import annotations

from monsterbot.core.model import AILMENTS, ELEMENTS, GAMES, GameFacts, Monster
from monsterbot.line_sdk.messaging import (
    FlexBox,
    FlexBubble,
    FlexComponent,
    FlexMessage,
    FlexSeparator,
    PostbackAction,
    QuickReply,
    QuickReplyItem,
    TextMessage,
)
from monsterbot.replies.colours import BEST_ROW, ELEMENT_COLOURS, INK, LABEL, MUTED
from monsterbot.replies.flex import GREY, heading, pair, row, text
from monsterbot.replies.game_labels import SOURCE_KINDS, game_name, note, short_game_name
from monsterbot.replies.labels import (
    ELEMENT_ICONS,
    colon,
    form_name,
    joined,
    label,
    listed,
    part_name,
    source_name,
    stars,
)
from monsterbot.replies.messages import (
    QUICK_REPLY_LIMIT,
    VIEW_CARD,
    VIEW_HITZONES,
    button_label,
    page_data,
    postback_data,
)

ALT_TEXT_LIMIT = 400  # characters of a card's altText: a notification's line, far under LINE's 1,500


def alt_text(text: str) -> str:
    """The text as a card's altText: at most ALT_TEXT_LIMIT characters; a longer one is cut after its last whole word
    (anywhere, in writing without spaces) and ends with "…", so a cut never looks like the whole answer."""
    if len(text) <= ALT_TEXT_LIMIT:
        return text
    cut = text[: ALT_TEXT_LIMIT - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > ALT_TEXT_LIMIT // 2 else cut).rstrip(" ,;:、，；：") + "…"


RISE_RESISTED_SOURCE = "mhrise-ele-check"  # where resisted elements come from (hand-entered)


def _row(left: str, right: str, colour: str | None = None, bold: bool = False) -> FlexBox:
    return row([left, right], [3, 4], colour, bold)


def element_label(element: str, language: str) -> str:
    """An element with its icon: 🔥 火."""
    return f"{ELEMENT_ICONS[element]} {label(language, element)}"


def star_colour(count: int) -> str:
    """Strong weaknesses in ink, one star and "×" receding in grey (still readable)."""
    return INK if count >= 2 else MUTED


def header(monster: Monster, language: str, facts: GameFacts | None) -> FlexBox:
    """Name in the asker's language, the English name, and the game; no gap below it."""
    lines = [text(monster.name(language), weight="bold", size="xl", color=INK)]
    if monster.name(language) != monster.names["en"]:
        lines.append(text(monster.names["en"], size="sm", color=GREY))
    if facts:
        lines.append(text(game_name(facts.game, language), size="xs", color=GREY))
    return FlexBox(layout="vertical", contents=lines, padding_bottom="none")


def source_lines(facts: GameFacts, language: str, stars_shown: bool = True) -> list[str]:
    """Where the facts come from, by the source's name, and how they were made; derived stars and missing facts
    said plainly."""
    kind = SOURCE_KINDS.get(facts.source)
    lines = [
        f"{label(language, 'source')}{colon(language)}{source_name(facts.source)}"
        + (f" ({note(language, kind)})" if kind else "")
    ]
    if facts.resisted_elements:
        lines.append(
            f"{note(language, 'resisted')}{colon(language)}{source_name(RISE_RESISTED_SOURCE)} "
            f"({note(language, 'hand_entered')})"
        )
    if stars_shown and "elements" in facts.derived and facts.elements:
        lines.append(note(language, "derived"))
    if facts.missing:
        missing = joined((note(language, m) for m in facts.missing), language)
        lines.append(note(language, "missing").format(facts=missing))
    return lines


def source_footer(facts: GameFacts | None, language: str, stars_shown: bool = True) -> FlexBox | None:
    """A card's footnote: `source_lines`, small and grey."""
    return footnote(source_lines(facts, language, stars_shown)) if facts else None


def footnote(lines: list[str]) -> FlexBox:
    """Lines of small grey text under a card."""
    return FlexBox(
        layout="vertical",
        contents=[text(line, size="xxs", color=GREY) for line in lines],
        padding_top="none",
        padding_start="xxl",
        padding_end="xxl",
    )


def game_buttons(monster: Monster, shown: str | None, language: str, view: str | None = None) -> QuickReply | None:
    """One button per other game the monster appears in, opening the same view for that game."""
    items = [
        QuickReplyItem(
            action=PostbackAction(
                label=button_label(short_game_name(game, language)),
                data=postback_data(monster.id, game, language, view),
                display_text=f"{short_game_name(game, language)} {monster.name(language)}",
            )
        )
        for game in GAMES
        if game in monster.games and game != shown
    ][:QUICK_REPLY_LIMIT]
    return QuickReply(items=items) if items else None


def other_views(
    monster: Monster, facts: GameFacts | None, language: str, shown: str | None, element: str | None = None
) -> QuickReply | None:
    """Buttons to the monster's other views in the game shown: its weakness card, its hitzone table (where the source
    has hitzones), but not `shown`, the view this reply is (None: neither of them); then the monsters weakest to
    `element` (else its top element), in that game."""
    if facts is None:
        return None
    views = ((VIEW_CARD, label(language, "elements")), (VIEW_HITZONES, label(language, "hitzones")))
    items = [
        QuickReplyItem(
            action=PostbackAction(
                label=button_label(said),
                display_text=f"{monster.name(language)} {said}",
                data=postback_data(monster.id, facts.game, language, view),
            )
        )
        for view, said in views
        if view != shown and (view != VIEW_HITZONES or facts.hitzones)
    ]
    for topic in (element,) if element else facts.top_elements()[:1]:
        said = label(language, "weakest_to").format(topic=label(language, topic))
        items.append(
            QuickReplyItem(
                action=PostbackAction(
                    label=button_label(said), display_text=said, data=page_data(topic, facts.game, language, 0)
                )
            )
        )
    return QuickReply(items=items) if items else None


def game_missing(monster: Monster, language: str, game: str, view: str | None = None) -> TextMessage:
    """The monster has no figures in the game asked for: say so, and offer the games that have them."""
    said = note(language, "no_game").format(name=monster.name(language), game=game_name(game, language))
    return TextMessage(text=said, quick_reply=game_buttons(monster, None, language, view))


def title(monster: Monster, language: str) -> str:
    """The monster's name in the asker's language, with the English name when that differs."""
    local, english = monster.name(language), monster.names["en"]
    return local if local == english else f"{local} {english}"


def top_weaknesses(facts: GameFacts, language: str, count: int = 3) -> str:
    """The elements that hurt most, best first: "龍★★★ 雷★★"."""
    if facts.elements:
        ranked = sorted((e for e in ELEMENTS if facts.elements.get(e, 0) > 0), key=lambda e: -facts.elements[e])
        mark = "*" if "elements" in facts.derived else ""  # derived stars stay marked in the altText too
        return " ".join(f"{label(language, e)}{stars(facts.elements[e])}{mark}" for e in ranked[:count])
    return " ".join(f"{label(language, e)}{listed(i)}" for i, e in enumerate(facts.weak_elements[:count]))


def summary(monster: Monster, facts: GameFacts | None, language: str) -> str:
    """A one-line text answer naming the monster, the game and the top weaknesses (the card's altText)."""
    head = title(monster, language)
    if facts is None:
        return head
    head = f"{head} ({game_name(facts.game, language)})"
    weak = top_weaknesses(facts, language)
    line = f"{head} — {label(language, 'weak_to')}{colon(language)}{weak}" if weak else head
    return alt_text(line)


def weakness_card(monster: Monster, language: str, game: str | None) -> FlexMessage:
    """The Flex card answering "what is this monster weak to"."""
    facts = monster.facts(game)
    body = _facts_body(facts, language) if facts else []
    bubble = FlexBubble(
        header=header(monster, language, facts),
        body=FlexBox(layout="vertical", spacing="sm", contents=body or [text("—", size="sm")], padding_top="md"),
        footer=source_footer(facts, language),
    )
    buttons = game_buttons(monster, facts.game if facts else None, language)  # a monster of one game: its table
    return FlexMessage(
        alt_text=summary(monster, facts, language),
        contents=bubble,
        quick_reply=buttons or other_views(monster, facts, language, VIEW_CARD),
    )


def element_row(element: str, value: str, language: str, best: bool, colour: str) -> FlexBox:
    """One element: its name in its colour; the best ones bold, larger and on a tinted band."""
    cells: list[FlexComponent] = [
        text(
            element_label(element, language),
            size="sm",
            flex=3,
            color=ELEMENT_COLOURS[element],
            weight="bold" if best else "regular",
        ),
        text(value, size="md" if best else "sm", flex=4, color=colour, weight="bold" if best else "regular"),
    ]
    if best:
        return FlexBox(
            layout="horizontal", contents=cells, background_color=BEST_ROW, corner_radius="md", padding_all="xs"
        )
    return FlexBox(layout="horizontal", contents=cells, padding_start="xs", padding_end="xs")


def _element_rows(facts: GameFacts, language: str) -> list[FlexComponent]:
    """The elements: stars (derived ones marked), or the game's listed weak elements; resisted ones; forms."""
    body: list[FlexComponent] = [heading(label(language, "elements"), first=True)]
    top = set(facts.top_elements())
    if facts.elements:
        mark = "*" if "elements" in facts.derived else ""  # derived stars, footnoted
        for element in ELEMENTS:
            if element in facts.elements:
                value = facts.elements[element]
                best = element in top
                colour = ELEMENT_COLOURS[element] if best else star_colour(value)
                body.append(element_row(element, stars(value) + mark, language, best, colour))
    elif facts.weak_elements:
        for position, element in enumerate(facts.weak_elements):
            body.append(element_row(element, listed(position), language, position == 0, ELEMENT_COLOURS[element]))
        body.append(text(label(language, "listed_legend"), size="xxs", color=GREY))
    if facts.resisted_elements:
        resisted = " ".join(element_label(e, language) for e in facts.resisted_elements)
        body.append(text(f"{note(language, 'resisted')}{colon(language)}{resisted}", size="xs", color=GREY))
    for form in facts.forms:
        strongest = sorted(form.elements, key=lambda e: -form.elements[e])[:2]
        shown = " ".join(f"{label(language, e)}{stars(form.elements[e])}" for e in strongest if form.elements[e] > 0)
        if shown:
            body.append(
                text(f"({form_name(form.description, language)}{colon(language)}{shown})", size="xs", color=GREY)
            )
    return body


def _ailment_rows(facts: GameFacts, language: str) -> list[FlexComponent]:
    """The ailments' stars two a line, and those whose thresholds make them near-useless."""
    body: list[FlexComponent] = [FlexSeparator(margin="md"), heading(label(language, "ailments"))]
    pairs = [
        pair(
            label(language, a),
            stars(facts.ailments[a]),
            star_colour(facts.ailments[a]),
            bold=facts.ailments[a] >= 3,
        )
        for a in AILMENTS
        if a in facts.ailments
    ]
    for start in range(0, len(pairs), 2):
        line: list[FlexComponent] = [FlexBox(layout="vertical", flex=1, contents=[p]) for p in pairs[start : start + 2]]
        body.append(FlexBox(layout="horizontal", contents=line))
    if facts.impractical_ailments:
        named = joined((label(language, a) for a in facts.impractical_ailments), language)
        body.append(text(note(language, "impractical").format(ailments=named), size="xs", color=GREY))
    return body


def _facts_body(facts: GameFacts, language: str) -> list[FlexComponent]:
    body = _element_rows(facts, language)
    if facts.ailments:
        body += _ailment_rows(facts, language)
    weak_parts = facts.weak_parts()
    if weak_parts:
        body += [
            FlexSeparator(margin="md"),
            heading(f"{label(language, 'weak_parts')} ({label(language, 'cut_impact_shot')})"),
        ]
        for zone in weak_parts:
            values = "/".join("-" if v is None else str(v) for v in (zone.cut, zone.impact, zone.shot))
            body.append(_row(part_name(zone.part, language, facts.game), values))
    for kind in ("breakable", "severable"):
        parts = getattr(facts, kind)
        if parts:
            shown = joined((part_name(p, language, facts.game) for p in parts), language)
            body.append(text(f"{label(language, kind)}{colon(language)}{shown}", size="xs", color=LABEL, margin="md"))
    return body
