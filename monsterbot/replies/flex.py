"""Small builders of Flex components shared by every card."""

from __future__ import annotations

from monsterbot.line_sdk.messaging import FlexBox, FlexComponent, FlexText
from monsterbot.replies.colours import INK, LABEL, MUTED

GREY = MUTED  # secondary text: 5.3:1 on white (LINE's usual #888888 is 3.5:1)


def text(value: str, **style: object) -> FlexText:
    """A wrapping text component."""
    return FlexText(text=value, wrap=True, **style)


def heading(value: str, first: bool = False) -> FlexText:
    """A small bold section title (no top margin when it opens the body)."""
    return text(value, weight="bold", size="sm", color=LABEL, margin="none" if first else "lg")


def row(cells: list[str], flex: list[int], colour: str | None = None, bold: bool = False, size: str = "sm") -> FlexBox:
    """A horizontal row of cells; the first cell is the label (it wraps), the others are short figures.

    Properties at LINE's defaults (weight regular, align start, no wrap) are left out: a long table's
    JSON must stay under LINE's bubble limit (replies/line_rules.py)."""
    return FlexBox(
        layout="horizontal",
        contents=[
            _cell(cell, width, i, colour, bold, size) for i, (cell, width) in enumerate(zip(cells, flex, strict=True))
        ],
    )


def _cell(value: str, width: int, position: int, colour: str | None, bold: bool, size: str) -> FlexText:
    colour = colour or (LABEL if position == 0 else INK)
    if position == 0:
        return FlexText(text=value, wrap=True, size=size, flex=width, color=colour)
    return FlexText(text=value, size=size, flex=width, color=colour, align="center", weight="bold" if bold else None)


def pair(
    name: str, value: str, value_colour: str = INK, bold: bool = False, name_colour: str = LABEL, size: str = "sm"
) -> FlexBox:
    """A name–value pair kept on one line (neither half wraps away from the other)."""
    return FlexBox(
        layout="horizontal",
        spacing="sm",
        contents=[
            FlexText(text=name, size=size, color=name_colour, flex=0),
            FlexText(text=value, size=size, color=value_colour, weight="bold" if bold else "regular", flex=0),
        ],
    )


def cell(
    value: str, width: int, colour: str = INK, bold: bool = False, background: str | None = None, size: str = "xxs"
) -> FlexComponent:
    """One centred table cell, no more JSON than it needs (tables are long); a highlighted cell sits on a tinted box
    so it stands out by shape and weight, not colour alone."""
    style: dict[str, object] = {"size": size, "color": colour, "align": "center"}
    if bold:
        style["weight"] = "bold"
    if background is None:
        return FlexText(text=value, flex=width, **style)
    return FlexBox(
        layout="vertical",
        flex=width,
        background_color=background,
        corner_radius="xs",
        contents=[FlexText(text=value, **style)],
    )
