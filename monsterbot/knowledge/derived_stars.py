"""Element weakness stars derived from hitzones, for games that store no stars (Wilds).

The rule (documented in knowledge/README.md): per element, over the parts in their normal state with left and
right twins of the same figures counted once, the mean of the element's TOP_PARTS highest values, turned into
stars by THRESHOLDS. The numbers are calibrated on half of World: Iceborne's monsters (whose field guide stars
and hitzones are both known) and reported on the other half (`monsterbot_devtools/star_calibration.py`). Stars made
this way are
derived, never the game's own. A state that changes a part's values (a wound) is shown as a form where it
changes the stars.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

from monsterbot.core.model import ELEMENTS
from monsterbot.core.parts import without_side

#: (lowest mean of the highest element values, stars), best first; calibrated by
#: monsterbot_devtools/star_calibration.py on World.
THRESHOLDS: tuple[tuple[float, int], ...] = ((22.5, 3), (10.0, 2), (2.5, 1))
TOP_PARTS = 5
#: Forms derived from a state's rows: the state, and the form's description (as World's forms are written).
STATE_FORMS = {"wound": "when wounded"}


def stars_for(
    values: Iterable[int], top: int = TOP_PARTS, thresholds: tuple[tuple[float, int], ...] = THRESHOLDS
) -> int:
    """The stars of one element from its values over the parts."""
    best = sorted(values, reverse=True)[:top]
    if not best:
        return 0
    mean = sum(best) / len(best)
    return next((stars for floor, stars in thresholds if mean >= floor), 0)


def counted_once(rows: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The rows with a left or right twin of the same figures dropped: a pair of wings is one part, not two."""
    kept: list[Mapping[str, Any]] = []
    seen: set[str] = set()
    for row in rows:
        base = without_side(str(row.get("part", "")))
        key = repr((base, row.get("state", ""), sorted((k, v) for k, v in row.items() if k not in ("part", "state"))))
        if base != row.get("part") and key in seen:
            continue
        seen.add(key)
        kept.append(row)
    return kept


def element_stars(rows: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """Stars per element from hitzone rows ({element: value, ...}); {} when no row has element values."""
    rows = counted_once(rows)
    return {e: stars_for(int(r[e]) for r in rows if e in r) for e in ELEMENTS if any(e in r for r in rows)}


def state_forms(rows: Sequence[Mapping[str, Any]], normal: Mapping[str, int]) -> list[dict[str, Any]]:
    """Forms whose derived stars differ from the normal ones: each part in the state where it has one (a wounded
    part's wound values), in its normal values otherwise."""
    forms = []
    for state, description in STATE_FORMS.items():
        changed = {r["part"]: r for r in rows if r.get("state") == state}
        if not changed:
            continue
        stars = element_stars([changed.get(r["part"], r) for r in rows if "state" not in r])
        if stars != dict(normal):
            forms.append({"description": description, "elements": stars})
    return forms
