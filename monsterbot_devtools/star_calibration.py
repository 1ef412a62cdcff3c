"""Calibrate the derived-star rule on World: Iceborne, where the field guide's stars and the hitzones are both known.

World's monsters (sorted by name) are split in two: the even-numbered half tunes the rule (how many of the
highest values to average and the three star thresholds), the odd-numbered half reports how often the tuned rule
gives the field guide's stars. Only the figures of the held-out half are quoted (knowledge/README.md).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from itertools import product
from pathlib import Path

from monsterbot.core.model import ELEMENTS
from monsterbot.knowledge.derived_stars import counted_once, stars_for

Thresholds = tuple[tuple[float, int], ...]
#: The candidate rules: averages of the 1-5 highest values, thresholds on a 2.5 grid.
TOPS = (1, 2, 3, 4, 5)
FLOORS = tuple(x / 2 for x in range(5, 81, 5))


@dataclass(frozen=True)
class Sample:
    """One (monster, element) pair: the element's values over the parts in their normal state, and the game's stars."""

    monster: str
    element: str
    values: tuple[int, ...]
    stars: int


@dataclass(frozen=True)
class Score:
    """How a rule fares on samples: exact and within-one-star agreement with the field guide."""

    exact: float
    within_one: float
    count: int


def world_samples(folder: Path) -> list[Sample]:
    """Every (monster, element) pair of MHWorldData with both stars (normal form) and element hitzones."""
    rows: dict[str, list[dict[str, object]]] = {}
    with (folder / "monster_hitzones.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if "(" in row["hitzone_en"]:  # "Head (Broken)", "Tail (Enraged)": a state, not the normal part
                continue
            zone: dict[str, object] = {"part": row["hitzone_en"]}
            zone.update({e: int(row[e]) for e in ELEMENTS if row[e].strip()})
            rows.setdefault(row["base_name_en"], []).append(zone)
    samples = []
    with (folder / "monster_weaknesses.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            zones = counted_once(rows.get(row["name_en"], []))
            if row["form"] != "normal" or not zones:
                continue
            for element in ELEMENTS:
                values = tuple(int(str(z[element])) for z in zones if element in z)
                if row[element].strip() and values:
                    samples.append(Sample(row["name_en"], element, values, int(row[element])))
    return samples


def halves(samples: list[Sample]) -> tuple[list[Sample], list[Sample]]:
    """(tuning, held out): monsters sorted by name, even-numbered ones tune, odd-numbered ones are held out."""
    monsters = sorted({s.monster for s in samples})
    tuning = set(monsters[0::2])
    return [s for s in samples if s.monster in tuning], [s for s in samples if s.monster not in tuning]


def score(samples: list[Sample], top: int, thresholds: Thresholds) -> Score:
    """The share of samples the rule gives exactly the field guide's stars, and within one star."""
    derived = [(stars_for(s.values, top, thresholds), s.stars) for s in samples]
    exact = sum(d == o for d, o in derived) / len(derived)
    within = sum(abs(d - o) <= 1 for d, o in derived) / len(derived)
    return Score(exact, within, len(derived))


def calibrate(samples: list[Sample]) -> tuple[int, Thresholds]:
    """The rule with the most exact agreements on the samples (then the most within one star, then the
    smallest thresholds)."""
    best: tuple[tuple[float, float], int, Thresholds] | None = None
    for top, one, two, three in product(TOPS, FLOORS, FLOORS, FLOORS):
        if not one < two < three:
            continue
        thresholds = ((three, 3), (two, 2), (one, 1))
        found = score(samples, top, thresholds)
        key = (found.exact, found.within_one)
        if best is None or key > best[0]:
            best = (key, top, thresholds)
    assert best is not None
    return best[1], best[2]
