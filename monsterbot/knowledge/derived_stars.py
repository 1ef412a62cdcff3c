"""Element weakness stars derived from hitzones, for games that store no stars (Wilds).

The rule (documented in knowledge/README.md): per element, the mean of its three highest
values over the parts in their normal state; a mean of 20 or more is ★★★, 12.5 or more ★★,
5 or more ★, below that ×. Checked against World: Iceborne, whose field guide stars and
hitzones are both known, the rule gives the same stars for 79% of (monster, element) pairs and
is within one star for 97%. Stars made this way are derived, never the game's own.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from monsterbot.core.model import ELEMENTS

#: (lowest mean of the three highest element values, stars), best first.
THRESHOLDS: tuple[tuple[float, int], ...] = ((20.0, 3), (12.5, 2), (5.0, 1))
TOP_PARTS = 3


def stars_for(values: Iterable[int]) -> int:
    """The stars of one element from its values over the parts."""
    best = sorted(values, reverse=True)[:TOP_PARTS]
    if not best:
        return 0
    mean = sum(best) / len(best)
    return next((stars for floor, stars in THRESHOLDS if mean >= floor), 0)


def element_stars(rows: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """Stars per element from hitzone rows ({element: value, ...}); {} when no row has element values."""
    rows = list(rows)
    return {e: stars_for(int(r[e]) for r in rows if e in r) for e in ELEMENTS if any(e in r for r in rows)}
