"""The answer about one element against a monster ("火龍 水屬性", "what about ice"): its stars and the parts that
take the most of it."""

from __future__ import annotations

from monsterbot.core.model import GameFacts, Hitzone, Monster
from monsterbot.line_sdk.messaging import FlexBox, FlexBubble, FlexMessage
from monsterbot.replies.card import alt_text, element_label, header, other_views, source_footer
from monsterbot.replies.colours import ELEMENT_COLOURS
from monsterbot.replies.flex import GREY, heading, row, text
from monsterbot.replies.game_labels import game_name
from monsterbot.replies.labels import colon, form_name, label, listed, part_name, stars, translated

BEST_PARTS = 3
_WORDS = {
    "en": {
        "best_parts": "Best parts to hit with {element}",
        "not_listed": "not listed as a weakness",
        "no_figures": "No element hitzones for {name} in the sources.",
    },
    "zh-TW": {
        "best_parts": "{element}最有效的部位",
        "not_listed": "資料未列為弱點",
        "no_figures": "資料中沒有{name}的屬性肉質。",
    },
    "zh-CN": {
        "best_parts": "{element}最有效的部位",
        "not_listed": "资料未列为弱点",
        "no_figures": "资料中没有{name}的属性肉质。",
    },
    "ja": {
        "best_parts": "{element}が通りやすい部位",
        "not_listed": "弱点として記載なし",
        "no_figures": "{name}の属性肉質データはありません。",
    },
}


def _say(language: str, key: str) -> str:
    return translated(_WORDS, language, key)


def element_strength(facts: GameFacts | None, element: str, language: str) -> str:
    """★★★ to × where the source gives stars, ◎ / ○ where it lists weak elements, else "not listed"."""
    if facts is not None and element in facts.elements:
        return stars(facts.elements[element]) + ("*" if "elements" in facts.derived else "")  # derived: footnoted
    if facts is not None and element in facts.weak_elements:
        return listed(facts.weak_elements.index(element))
    return _say(language, "not_listed")


def best_parts(monster: Monster, element: str, game: str | None) -> tuple[GameFacts | None, tuple[Hitzone, ...]]:
    """The parts taking the most of an element (above 0), from the game asked or else a game with hitzones."""
    facts = monster.facts(game)
    if facts is None or not facts.hitzones:
        facts = next((f for f in monster.games.values() if f.hitzones), facts)
    if facts is None:
        return None, ()
    soft = [z for z in facts.hitzones if not z.state and z.elements.get(element, 0) > 0]  # the parts as they are
    soft.sort(key=lambda z: (-z.elements[element], facts.hitzones.index(z)))
    return facts, tuple(soft[:BEST_PARTS])


def element_answer(monster: Monster, element: str, language: str, game: str | None) -> FlexMessage:
    """The element's stars in the game asked, its forms, and the best parts to hit with it."""
    facts = monster.facts(game)
    name, shown = monster.name(language), element_label(element, language)
    strength = element_strength(facts, element, language)
    body: list = [row([shown, strength], [3, 4], ELEMENT_COLOURS[element], bold=True, size="md")]
    for form in facts.forms if facts else ():
        if element in form.elements:
            body.append(
                text(
                    f"({form_name(form.description, language)}{colon(language)}{stars(form.elements[element])})",
                    size="xs",
                    color=GREY,
                )
            )
    zone_facts, zones = best_parts(monster, element, game)
    zones_game = zone_facts.game if zone_facts is not None else None  # parts named in that game's words
    title = _say(language, "best_parts").format(element=label(language, element))
    body.append(heading(title))
    if zone_facts is not None and zone_facts is not facts:
        body.append(
            text(f"{label(language, 'hitzones')}: {game_name(zone_facts.game, language)}", size="xxs", color=GREY)
        )
    if zones:
        body += [row([part_name(z.part, language, zones_game), str(z.elements[element])], [5, 2]) for z in zones]
    else:
        body.append(text(_say(language, "no_figures").format(name=name), size="sm"))
    bubble = FlexBubble(
        header=header(monster, language, facts),
        body=FlexBox(layout="vertical", spacing="sm", contents=body, padding_top="md"),
        footer=source_footer(facts, language),
    )
    parts = ", ".join(f"{part_name(z.part, language, zones_game)} {z.elements[element]}" for z in zones)
    alt = f"{name} {label(language, element)} {strength}" + (f" — {title}: {parts}" if parts else "")
    return FlexMessage(
        alt_text=alt_text(alt), contents=bubble, quick_reply=other_views(monster, facts, language, None, element)
    )
