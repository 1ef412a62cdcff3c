"""Every colour the cards use, chosen to stay readable on a phone: text at least 4.5:1 on its background (WCAG AA).

`tests/test_cards.py` walks every card and checks the contrast of each coloured text against the background it is
drawn on, with `contrast_ratio` below.
"""

from __future__ import annotations

from typing import Mapping

WHITE = "#FFFFFF"
INK = "#1A1A1A"  # values and names
LABEL = "#4A4A4A"  # row labels, section titles
MUTED = "#6B6B6B"  # secondary lines, "×" and weak stars: recede, still 5.3:1 on white
WEAK_INK = "#A0281C"  # a weak-spot hitzone value (bold) ...
WEAK_CELL = "#FDECEA"  # ... on this tint, so the cell stands out by shape and weight as well as colour
BEST_ROW = "#F3F6FA"  # the background of the best-weakness rows

#: Text colours of the elements: the hue players know, darkened until it reads on white and on BEST_ROW.
ELEMENT_COLOURS: Mapping[str, str] = {
    "fire": "#C0392B",
    "water": "#1F5FBF",
    "thunder": "#8A6500",
    "ice": "#0B6E8A",
    "dragon": "#7B3599",
}


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of a #RRGGBB colour (WCAG 2)."""
    r, g, b = (int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
