"""The answer about one part of a monster ("火龍 尾巴", "its tail"): its hitzones and whether it breaks or severs."""

from __future__ import annotations

from monsterbot.core.matching.followup import PART_KEYWORDS, in_family
from monsterbot.core.model import ELEMENTS, GameFacts, Hitzone, Monster
from monsterbot.line_sdk.messaging import FlexBox, FlexBubble, FlexMessage
from monsterbot.replies.card import alt_text, header, other_views, source_footer
from monsterbot.replies.flex import GREY, heading, row, text
from monsterbot.replies.followups import say
from monsterbot.replies.game_labels import game_name, state_name
from monsterbot.replies.labels import ELEMENT_ICONS, colon, joined, label, part_name

_WIDTHS = [5, 2, 2, 2, 2, 2, 2, 2, 2]
_NO_FIGURES = {
    "en": "No hitzone figures for this part of {name} in the sources.",
    "zh-TW": "資料中沒有{name}這個部位的肉質。",
    "zh-CN": "资料中没有{name}这个部位的肉质。",
    "ja": "{name}のこの部位の肉質データはありません。",
}
_FROM_OTHER_GAME = {
    "en": "No figures in {asked}; these are from {shown}.",
    "zh-TW": "{asked}沒有這個部位的肉質，以下為{shown}的資料。",
    "zh-CN": "{asked}没有这个部位的肉质，以下为{shown}的资料。",
    "ja": "{asked}の肉質データはありません。{shown}のデータです。",
}


def part_facts(monster: Monster, family: str, game: str | None) -> tuple[GameFacts | None, tuple[Hitzone, ...]]:
    """The facts of the game asked (or of a game that has figures for the part) and the part's hitzones there."""
    facts = monster.facts(game)
    zones = _zones(facts, family)
    if not zones:
        for other in monster.games.values():
            if _zones(other, family):
                return other, _zones(other, family)
    return facts, zones


def _zones(facts: GameFacts | None, family: str) -> tuple[Hitzone, ...]:
    """The part's rows but its unnamed states ("state 1": the game's data gives them no name, a player could not
    tell which is which); the full hitzone table has them."""
    if facts is None:
        return ()
    return tuple(z for z in facts.hitzones if in_family(z.part, family) and not z.state.startswith("state "))


def part_answer(monster: Monster, family: str, language: str, game: str | None) -> FlexMessage:
    """The part's hitzone rows (cut / impact / shot and the five elements), marked ◆ breakable and ✂ severable."""
    facts, zones = part_facts(monster, family, game)
    name, part = monster.name(language), asked_part(family, zones, language, facts)
    body: list = [heading(f"{part} — {label(language, 'hitzones')}")]
    if zones and facts is not None and game is not None and game in monster.games and facts.game != game:
        note = _FROM_OTHER_GAME.get(language, _FROM_OTHER_GAME["en"])
        body.append(
            text(
                note.format(asked=game_name(game, language), shown=game_name(facts.game, language)),
                size="xxs",
                color=GREY,
            )
        )
    if zones and facts is not None:
        body.append(
            row(
                [
                    label(language, "part"),
                    *label(language, "cut_impact_shot").split("/"),
                    *(ELEMENT_ICONS[e] for e in ELEMENTS),
                ],
                _WIDTHS,
                GREY,
                size="xxs",
            )
        )
        for zone in zones:
            values = [zone.cut, zone.impact, zone.shot, *(zone.elements.get(e) for e in ELEMENTS)]
            body.append(
                row(
                    [zone_name(zone, language, facts.game), *("-" if v is None else str(v) for v in values)],
                    _WIDTHS,
                    size="xxs",
                )
            )
    else:
        body.append(text(_NO_FIGURES.get(language, _NO_FIGURES["en"]).format(name=name), size="sm"))
    marks = _marks(facts, family, language)
    body += [text(mark, size="xs", color=GREY, margin="md") for mark in marks]
    bubble = FlexBubble(
        size="giga",
        header=header(monster, language, facts),
        body=FlexBox(layout="vertical", spacing="xs", contents=body, padding_top="md"),
        footer=source_footer(facts, language, stars_shown=False),
    )  # a part shows no stars
    shown_game = facts.game if facts is not None else None
    figures = "; ".join(f"{zone_name(z, language, shown_game)} {physical(z)}" for z in zones)
    alt = f"{name} {part} ({label(language, 'cut_impact_shot')}): {figures}" if zones else f"{name} {part}"
    return FlexMessage(
        alt_text=alt_text(" ".join([alt, *marks])),
        contents=bubble,
        quick_reply=other_views(monster, facts, language, None),
    )


def asked_part(family: str, zones: tuple[Hitzone, ...], language: str, facts: GameFacts | None) -> str:
    """The part asked about: its family's word ("尾巴"), or the names of the parts a name of their own found."""
    if family in PART_KEYWORDS or not zones:
        return say(language, family) if family in PART_KEYWORDS else family
    game = facts.game if facts else None
    return joined(dict.fromkeys(part_name(z.part, language, game) for z in zones if not z.state), language)


def physical(zone: Hitzone) -> str:
    """A part's cut / impact / shot values as the replies write them: "45/40/35", "-" where a source has none."""
    return "/".join("-" if v is None else str(v) for v in (zone.cut, zone.impact, zone.shot))


def zone_name(zone: Hitzone, language: str, game: str | None) -> str:
    """A part's name (in `game`'s words) with its state where the game has one: 頭部 (傷口) for a wound's values."""
    name = part_name(zone.part, language, game)
    return f"{name} ({state_name(zone.state, language)})" if zone.state else name


def _marks(facts: GameFacts | None, family: str, language: str) -> list[str]:
    """ "◆ Breakable: Head" and "✂ Severable: Tail" for the part's pieces the game's source lists."""
    if facts is None:
        return []
    marks = []
    for kind, mark in (("breakable", "◆"), ("severable", "✂")):
        parts = [p for p in getattr(facts, kind) if in_family(p, family)]
        if parts:
            marks.append(
                f"{mark} {label(language, kind)}{colon(language)}"
                f"{joined((part_name(p, language, facts.game) for p in parts), language)}"
            )
    return marks
