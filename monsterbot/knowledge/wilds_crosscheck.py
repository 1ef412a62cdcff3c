"""Compare the imported Wilds hitzones with mhwilds-calculator's monsters.ts (an independent reading).

Every calculator row is looked up among the imported rows of the same monster; what does not
match exactly is classified, so each difference carries its explanation or stands out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from monsterbot.core.parts import without_side

FIELDS = {
    "Slash": "cut",
    "Blunt": "impact",
    "Shot": "shot",
    "Fire": "fire",
    "Water": "water",
    "Thunder": "thunder",
    "Ice": "ice",
    "Dragon": "dragon",
}
STATES = {
    "": "",
    "Wound": "wound",
    "Weak Point": "weak point",
    "Broken": "broken",
    **{f"State {n}": f"state {n}" for n in range(1, 6)},
}
_KEY = r'(?:\["([^"]+)"\]|"([^"]+)"|([A-Za-z][\w ]*))'
_MONSTER = re.compile(rf"^  {_KEY}: \{{$")
_PART = re.compile(rf"^    {_KEY}: \{{$")
_VALUE = re.compile(r"^      (\w+): (\w+),$")


@dataclass(frozen=True)
class Row:
    """One calculator row: monster, part label as written, values in our field names."""

    monster: str
    label: str
    values: tuple[tuple[str, int], ...]

    @property
    def part(self) -> str:
        """The part name without the bracketed state."""
        return self.label.split(" (")[0]

    @property
    def state(self) -> str | None:
        """Our state name for the label's bracket, None for a bracket we have no equivalent of."""
        bracket = self.label[len(self.part) :].strip(" ()")
        return STATES.get(bracket)


def parse_monsters_ts(text: str) -> list[Row]:
    """The rows of monsters.ts (a TypeScript object literal of monsters -> parts -> values)."""
    rows: list[Row] = []
    monster = label = None
    values: dict[str, int] = {}
    for line in text.splitlines():
        if found := _MONSTER.match(line):
            monster = next(g for g in found.groups() if g)
        elif found := _PART.match(line):
            label, values = next(g for g in found.groups() if g), {}
        elif (found := _VALUE.match(line)) and found.group(1) in FIELDS:
            values[FIELDS[found.group(1)]] = int(found.group(2))
        elif line == "    }," and monster and label:
            rows.append(Row(monster, label, tuple(sorted(values.items()))))
            label = None
    return rows


def _figures(row: dict[str, Any]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted((k, v) for k, v in row.items() if k not in ("part", "state")))


def _physical(row: dict[str, Any]) -> tuple[tuple[str, int], ...]:
    return tuple((k, row[k]) for k in ("cut", "impact", "shot"))


def differences(calculator: Iterable[Row], imported: dict[str, list[dict[str, Any]]]) -> list[tuple[str, str]]:
    """(kind, description) for every calculator row without an exact match among the imported rows.

    kinds: "monster" (not imported), "state" (a bracket we do not name, or the values sit under
    another state of the part), "part name" (the values sit under another part name),
    "elements" (same part, state and physical values; element values differ),
    "value" (no imported row has these values: a real difference).
    """
    found: list[tuple[str, str]] = []
    for row in calculator:
        ours = imported.get(row.monster)
        where = f"{row.monster} / {row.label}"
        if ours is None:
            found.append(("monster", f"{where}: no such monster imported"))
            continue
        same_part = [r for r in ours if without_side(r["part"]) == row.part]
        if any(r.get("state", "") == row.state and _figures(r) == row.values for r in same_part):
            continue
        physical = tuple((k, v) for k, v in row.values if k in ("cut", "impact", "shot"))
        if any(r.get("state", "") == row.state and _physical(r) == physical for r in same_part):
            ours_row = next(r for r in same_part if r.get("state", "") == row.state and _physical(r) == physical)
            theirs = {k: v for k, v in row.values if k not in ("cut", "impact", "shot")}
            mine = {k: v for k, v in _figures(ours_row) if k not in ("cut", "impact", "shot")}
            found.append(("elements", f"{where}: same cut/impact/shot, elements {theirs} vs imported {mine}"))
        elif any(_figures(r) == row.values for r in same_part):
            state = next(r.get("state", "normal") for r in same_part if _figures(r) == row.values)
            found.append(("state", f"{where}: the same values are the imported {state or 'normal'} state"))
        elif any(_figures(r) == row.values and r.get("state", "") == row.state for r in ours):
            other = next(r["part"] for r in ours if _figures(r) == row.values and r.get("state", "") == row.state)
            found.append(("part name", f"{where}: the same values are the imported part {other!r}"))
        elif row.state is None and any(_figures(r) == row.values for r in ours):
            found.append(("state", f"{where}: the calculator's own state label; the values exist in the import"))
        else:
            found.append(("value", f"{where}: {dict(row.values)} not in the import"))
    return found


def load(path: Path) -> list[Row]:
    """The calculator's rows from a monsters.ts file."""
    return parse_monsters_ts(path.read_text("utf-8"))
