"""Write a labelled corpus written apart from the matcher into its two halves (shared by the fresh generators).

A line is (language, class, query, expected, source); the split is tests/matching_corpus.held_out, a hash of the
query, so a line keeps its half whatever else is added. Each file opens with a header naming every source.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tests.matching_corpus import held_out

Line = tuple[str, ...]


def line(language: str, kind: str, query: str, expected: str, source: str) -> Line:
    return (language, kind, query, expected, source)


def unique(lines: Iterable[Line]) -> list[Line]:
    """The lines in order, a query written twice kept once (its first line)."""
    seen: set[str] = set()
    kept = []
    for each in lines:
        if each[2] not in seen:
            seen.add(each[2])
            kept.append(each)
    return kept


def header(half: str, corpus: str, generator: str, sources: dict[str, str]) -> str:
    listed = "".join(f"#   {key}: {text}\n" for key, text in sources.items())
    return (
        f"# The {half} half of the {corpus} labelled corpus of what players type (written by {generator};\n"
        "# the split is a hash of the query: never move a line). Columns: language, class, query, expected, source.\n"
        f"# Sources:\n{listed}"
    )


def halves(
    lines: list[Line], files: tuple[Path, Path], corpus: str, generator: str, sources: dict[str, str]
) -> dict[Path, str]:
    """Each file's text (the tuning file, then the held-out one): its header, then its half of the lines."""
    tune, heldout = files
    return {
        path: header(half, corpus, generator, sources)
        + "".join("\t".join(each) + "\n" for each in lines if held_out(each) is keep)
        for path, half, keep in ((tune, "tuning", False), (heldout, "held-out", True))
    }


def write(texts: dict[Path, str]) -> None:
    for path, text in texts.items():
        path.write_text(text, "utf-8")
        print(f"{path.name}: {sum(not row.startswith('#') for row in text.splitlines())} lines")
