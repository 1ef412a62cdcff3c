"""The answer to "which monsters are weak to X": a ranked page of monsters, a button each and one for more."""

from __future__ import annotations

from monsterbot.core.model import ELEMENTS
from monsterbot.core.ranking import PAGE_SIZE, Ranked
from monsterbot.line_sdk.messaging import FlexBox, FlexBubble, FlexComponent, FlexMessage, QuickReply
from monsterbot.replies.card import alt_text
from monsterbot.replies.colours import ELEMENT_COLOURS, INK
from monsterbot.replies.flex import GREY, row, text
from monsterbot.replies.game_labels import game_name
from monsterbot.replies.game_labels import note as game_note
from monsterbot.replies.labels import ELEMENT_ICONS, colon, label, listed, stars
from monsterbot.replies.messages import QUICK_REPLY_LIMIT, monster_items, more_button


def ranked_strength(ranked: Ranked) -> str:
    """Stars (marked * where derived from hitzones, then ◎ / ○ where the game flags the element too), or the flag."""
    if ranked.stars is None:
        return listed(ranked.listed_at or 0)
    if not ranked.derived:
        return stars(ranked.stars)
    return stars(ranked.stars) + "*" + (listed(ranked.listed_at) if ranked.listed_at is not None else "")


def derived_notes(ranked: list[Ranked], language: str) -> list[str]:
    """What the marks of derived stars mean: * derived by our rule, ◎ the game's own flag beside them."""
    derived = [r for r in ranked if r.derived]
    if not derived:
        return []
    flagged = any(r.listed_at is not None for r in derived)
    return [game_note(language, "derived")] + ([label(language, "flag_legend")] if flagged else [])


def weakest_list(
    topic: str, ranked: list[Ranked], language: str, game: str, page: int = 0, has_more: bool = False
) -> FlexMessage:
    """One page of the monsters most vulnerable to an element or ailment, best first, numbered across pages."""
    topic_name = f"{ELEMENT_ICONS[topic]} {label(language, topic)}" if topic in ELEMENTS else label(language, topic)
    title = label(language, "weakest_to").format(topic=label(language, topic))
    measured = any(r.hitzone is not None for r in ranked)
    widths = [7, 3, 2] if measured else [7, 3]
    rows: list[FlexComponent] = []
    if measured:
        strength = "★" if any(r.stars is not None for r in ranked) else "◎"
        rows.append(row(["#", strength, label(language, "hz_short")], widths, GREY, size="xxs"))
    for number, r in enumerate(ranked, start=page * PAGE_SIZE + 1):
        cells = [f"{number}. {r.monster.name(language)}", ranked_strength(r)]
        if measured:
            cells.append("-" if r.hitzone is None else f"{r.hitzone:g}")
        rows.append(row(cells, widths, bold=number <= 3 and page == 0))
    if measured:
        note = label(language, "hz_note").format(element=label(language, topic))
        rows.append(text(note, size="xxs", color=GREY, margin="md"))
    rows += [text(line, size="xxs", color=GREY) for line in derived_notes(ranked, language)]
    bubble = FlexBubble(
        header=FlexBox(
            layout="vertical",
            padding_bottom="none",
            contents=[
                text(title, weight="bold", size="lg", color=ELEMENT_COLOURS.get(topic, INK)),
                text(f"{topic_name} · {game_name(game, language)}", size="xs", color=GREY),
            ],
        ),
        body=FlexBox(
            layout="vertical",
            spacing="sm",
            padding_top="md",
            contents=rows or [text(label(language, "none_weak"), size="sm")],
        ),
    )
    names = ("、" if language != "en" else ", ").join(r.monster.name(language) for r in ranked)
    items = monster_items([r.monster for r in ranked], game, language, QUICK_REPLY_LIMIT - 1)
    if has_more:
        items.append(more_button(topic, game, language, page + 1))
    return FlexMessage(
        alt_text=alt_text(f"{title} ({game_name(game, language)}){colon(language)}{names}"),
        contents=bubble,
        quick_reply=QuickReply(items=items) if items else None,
    )
