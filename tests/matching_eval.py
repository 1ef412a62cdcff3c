"""Accuracy per category on the held-out set of what players type (tests/data/matching_eval.tsv).

Run `python -m tests.matching_eval` for the table. A row counts as right when the outcome is what it
expects: the monster as a confident match, no answer at all ("none"), or a question naming at least the
listed monsters ("ambiguous:a,b").
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from monsterbot.core.matching.matcher import Matcher, MatchResult, Outcome
from monsterbot.core.matching.question import parse

EVAL_FILE = Path(__file__).parent / "data" / "matching_eval.tsv"


@dataclass(frozen=True)
class Row:
    """One query as a player types it and what it should give."""

    category: str
    query: str
    expected: str


def rows() -> list[Row]:
    """The rows of the evaluation file."""
    lines = [line for line in EVAL_FILE.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    return [Row(*fields) for fields in csv.reader(lines, delimiter="\t")]


def is_right(result: MatchResult, expected: str) -> bool:
    """Whether a result is what the row expects."""
    if expected == "none":
        return result.outcome is Outcome.MISS
    if expected.startswith("ambiguous:"):
        wanted = set(expected.removeprefix("ambiguous:").split(","))
        return result.outcome is Outcome.AMBIGUOUS and wanted <= {c.monster_id for c in result.candidates}
    return result.best is not None and result.best.monster_id == expected


def evaluate(matcher: Matcher) -> dict[str, tuple[int, int, list[str]]]:
    """Right, total and the wrong queries, per category."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    wrong: dict[str, list[str]] = {}
    for row in rows():
        result = matcher.match_question(parse(row.query))
        total[row.category] += 1
        if is_right(result, row.expected):
            right[row.category] += 1
        else:
            best = result.candidates[0].monster_id if result.candidates else "-"
            wrong.setdefault(row.category, []).append(f"{row.query}→{result.outcome.value}:{best}")
    return {c: (right[c], total[c], wrong.get(c, [])) for c in total}


def main() -> None:
    from monsterbot.sources.yaml_files import YamlSource

    snapshot_monsters = YamlSource([Path(__file__).parents[1] / "knowledge"]).load().monsters
    figures = evaluate(Matcher(snapshot_monsters))
    for category, (right, total, wrong) in figures.items():
        print(f"| {category} | {right}/{total} | {100 * right / total:.0f}% |")
        print("   wrong:", " ".join(wrong))


if __name__ == "__main__":
    main()
