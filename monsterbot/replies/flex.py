"""Small builders of Flex components shared by every card."""

from __future__ import annotations

from linebot.v3.messaging import FlexBox, FlexText

GREY = "#888888"


def text(value: str, **style: object) -> FlexText:
    """A wrapping text component."""
    return FlexText(text=value, wrap=True, **style)


def heading(value: str) -> FlexText:
    """A small bold section title."""
    return text(value, weight="bold", size="sm", color="#333333", margin="lg")


def row(cells: list[str], flex: list[int], colour: str | None = None, bold: bool = False, size: str = "sm") -> FlexBox:
    """A horizontal row of cells; the first cell is the label (it wraps), the others are short figures.

    Properties at LINE's defaults (weight regular, align start, no wrap) are left out: a long table's
    JSON must stay under LINE's bubble limit (replies/line_rules.py)."""
    return FlexBox(layout="horizontal", contents=[_cell(cell, width, i, colour, bold, size)
                                                  for i, (cell, width) in enumerate(zip(cells, flex, strict=True))])


def _cell(value: str, width: int, position: int, colour: str | None, bold: bool, size: str) -> FlexText:
    colour = colour or ("#555555" if position == 0 else "#111111")
    if position == 0:
        return FlexText(text=value, wrap=True, size=size, flex=width, color=colour)
    return FlexText(text=value, size=size, flex=width, color=colour, align="center", weight="bold" if bold else None)
