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
    """A horizontal row of cells; the first cell is the label."""
    weight = "bold" if bold else "regular"
    return FlexBox(
        layout="horizontal",
        contents=[
            text(cell, size=size, flex=width, color=colour or ("#555555" if i == 0 else "#111111"),
                 weight=weight if i else "regular", align="start" if i == 0 else "center")
            for i, (cell, width) in enumerate(zip(cells, flex, strict=True))
        ],
    )
