"""Score a labelled set of queries: precision, recall and the misses by class (`monsterbot ask --eval FILE`).

A set is a TSV file, `#` for comments, in either layout:
- language, class, query, expected[, source] (tests/data/matching_corpus_*.tsv);
- class, query, expected (tests/data/matching_eval.tsv; the language is detected).

Expected is a monster id (its card), "none" (no card), "ambiguous:a,b" (ask which, offering at least those),
"compare:a,b,c" (a comparison of exactly those), "reverse:<element>" (which monsters are weak to it) or
"unknown:<base>" (a variant the knowledge lacks: no card, offering the base).

A false positive is any answer with facts (a card, a comparison, a list) that is not the one expected: the one
thing the bot must never do. Precision is the share of answers with facts that are right; recall the share of rows
expecting something other than "none" that are right; on "none" rows the report tells how many stayed silent and
how many asked "which one?" (not a false positive, but noise).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from monsterbot.core.matching.matcher import Matcher
from monsterbot.core.matching.normalize import detect_language
from monsterbot.core.matching.reading import Reading, Verdict, read


@dataclass(frozen=True)
class Row:
    """One labelled query."""

    language: str
    kind: str
    query: str
    expected: str


@dataclass
class Figures:
    """Counts for one group of rows (a language, a class or all)."""

    rows: int = 0
    positives: int = 0
    right_positives: int = 0
    answered: int = 0
    right_answers: int = 0
    false_positives: int = 0
    negatives_silent: int = 0
    negatives_asked: int = 0

    @property
    def precision(self) -> float:
        return self.right_answers / self.answered if self.answered else 1.0

    @property
    def recall(self) -> float:
        return self.right_positives / self.positives if self.positives else 1.0


@dataclass
class Report:
    """Figures overall, per language and per class, and the misses (query → what was read) per class."""

    overall: Figures = field(default_factory=Figures)
    languages: dict[str, Figures] = field(default_factory=dict)
    kinds: dict[str, Figures] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)
    false_positives: list[str] = field(default_factory=list)


def load(path: Path) -> list[Row]:
    """The rows of a set; a line that is neither layout is an error naming its file and line."""
    rows = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = next(csv.reader([line], delimiter="\t"))
        if len(fields) == 3:
            rows.append(Row(detect_language(fields[1]), fields[0], fields[1], fields[2]))
        elif len(fields) in (4, 5):
            rows.append(Row(*fields[:4]))
        else:
            raise ValueError(f"{path}:{number}: expected 3, 4 or 5 tab-separated columns, found {len(fields)}")
    return rows


def is_right(reading: Reading, expected: str) -> bool:
    """Whether a reading is what the row expects."""
    kind, _, value = expected.partition(":")
    wanted = set(value.split(",")) if value else set()
    if expected == "none":
        return reading.verdict is Verdict.NONE
    if kind == "ambiguous":
        return reading.verdict is Verdict.ASK and wanted <= set(reading.monsters)
    if kind == "unknown":
        return reading.verdict in (Verdict.UNKNOWN, Verdict.ASK) and wanted <= set(reading.monsters)
    if kind == "compare":
        return reading.verdict is Verdict.COMPARE and wanted == set(reading.monsters)
    if kind == "reverse":
        return reading.verdict is Verdict.REVERSE and reading.topic == value
    return reading.verdict is Verdict.ANSWER and reading.monsters == (expected,)


def evaluate(rows: Iterable[Row], read: Callable[[str], Reading]) -> Report:
    """Read every row and count."""
    report = Report()
    for row in rows:
        reading = read(row.query)
        right = is_right(reading, row.expected)
        groups = (
            report.overall,
            report.languages.setdefault(row.language, Figures()),
            report.kinds.setdefault(row.kind, Figures()),
        )
        for figures in groups:
            _count(figures, row, reading, right)
        if not right:
            seen = f"{row.query} → {reading.verdict.value}:{','.join(reading.monsters) or reading.topic or '-'}"
            report.misses.setdefault(row.kind, []).append(f"{seen} (want {row.expected}; {reading.why})")
            if reading.answers:
                report.false_positives.append(f"{row.language}\t{row.kind}\t{seen} (want {row.expected})")
    return report


def _count(figures: Figures, row: Row, reading: Reading, right: bool) -> None:
    figures.rows += 1
    if row.expected == "none":
        figures.negatives_silent += reading.verdict is Verdict.NONE
        figures.negatives_asked += reading.verdict in (Verdict.ASK, Verdict.UNKNOWN)
    else:
        figures.positives += 1
        figures.right_positives += right
    if reading.answers:
        figures.answered += 1
        figures.right_answers += right
        figures.false_positives += not right


def render(report: Report, misses: bool = True) -> str:
    """The report as text: a table overall, per language and per class, then the false positives and misses."""
    lines = [
        "| group | rows | precision | recall | false positives | negatives silent / asked |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    groups = [("all", report.overall)]
    groups += [(f"lang {name}", figures) for name, figures in sorted(report.languages.items())]
    groups += [(f"class {name}", figures) for name, figures in sorted(report.kinds.items())]
    for name, f in groups:
        negatives = f.rows - f.positives
        lines.append(
            f"| {name} | {f.rows} | {100 * f.precision:.1f}% ({f.right_answers}/{f.answered}) | "
            f"{100 * f.recall:.1f}% ({f.right_positives}/{f.positives}) | {f.false_positives} | "
            f"{f.negatives_silent}/{f.negatives_asked} of {negatives} |"
        )
    if report.false_positives:
        lines += ["", "false positives:", *(f"  {line}" for line in report.false_positives)]
    if misses:
        for kind, missed in sorted(report.misses.items()):
            lines += ["", f"misses, {kind} ({len(missed)}):", *(f"  {line}" for line in missed)]
    return "\n".join(lines)


def report_file(path: Path, matcher: Matcher) -> str:
    """The rendered report of a set file read by a matcher (`monsterbot ask --eval FILE`)."""
    return render(evaluate(load(path), lambda query: read(query, matcher)))
