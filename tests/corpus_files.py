"""Write a labelled corpus into its two halves: the path every corpus generator shares (tests/matching_corpus*.py).

A line is (language, class, query, expected, source); the split is `held_out`, a hash of the query, so a line keeps
its half whatever else is added. Each file opens with a header naming every source. A file that exists is a labelled
set figures were measured on: a generator's run replaces it only when asked (`--rewrite`), never silently.
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from monsterbot.knowledge.positioned_yaml import load_one

#: The option that lets a generator replace corpus files that exist.
REWRITE = "--rewrite"

Line = tuple[str, ...]
#: A labelled table's row: (language, query, label, source); the label is the expected column or a part of it.
Row = tuple[str, str, str, str]
#: Lines that must get no card: (language, class, queries, source).
Negatives = Sequence[tuple[str, str, tuple[str, ...], str]]


def line(language: str, kind: str, query: str, expected: str, source: str) -> Line:
    return (language, kind, query, expected, source)


def pick(key: str, options: Sequence[str], count: int) -> list[str]:
    """`count` different options chosen by a hash of the key (deterministic, spread over the options)."""
    start = int(hashlib.sha1(key.encode()).hexdigest(), 16)
    return [options[(start + i * 7) % len(options)] for i in range(count)]


def asked(
    frames: Mapping[str, Sequence[str]],
    corpus: str,
    language: str,
    kind: str,
    form: str,
    expected: str,
    source: str,
    count: int,
) -> list[Line]:
    """A form in `count` of its language's ways of asking (`frames`, each holding `{n}`), chosen by a hash of the
    corpus, the language and the form."""
    chosen = pick(f"{corpus}/{language}/{form}", frames[language], count)
    return [line(language, kind, frame.format(n=form), expected, source) for frame in chosen]


def tables(
    variants: Iterable[Row],
    unknown: Iterable[Row],
    individuals: Iterable[Row],
    games: Iterable[Row],
    compares: Iterable[Row],
    reverse: Iterable[Row],
    questions: list[Line],
    ambiguous: Iterable[Row],
    negatives: Negatives,
) -> list[Line]:
    """The lines of a fresh corpus's labelled tables, in this order (questions already written as lines)."""
    lines = [line(lang, "variant", q, e, s) for lang, q, e, s in variants]
    lines += [line(lang, "unknown", q, f"unknown:{base}", s) for lang, q, base, s in unknown]
    lines += [line(lang, "individual", q, e, s) for lang, q, e, s in individuals]
    lines += [line(lang, "game", q, e, s) for lang, q, e, s in games]
    lines += [line(lang, "compare", q, f"compare:{ids}", s) for lang, q, ids, s in compares]
    lines += [line(lang, "reverse", q, f"reverse:{element}", s) for lang, q, element, s in reverse]
    lines += questions
    lines += [line(lang, "ambiguous", q, f"ambiguous:{ids}", s) for lang, q, ids, s in ambiguous]
    lines += [line(lang, kind, q, "none", s) for lang, kind, queries, s in negatives for q in queries]
    return lines


def unique(lines: Iterable[Line]) -> list[Line]:
    """The lines in order, a query written twice kept once (its first line)."""
    seen: set[str] = set()
    kept = []
    for each in lines:
        if each[2] not in seen:
            seen.add(each[2])
            kept.append(each)
    return kept


def held_out(line: Line) -> bool:
    """The split: a hash of the line's query, so a line keeps its half whatever else is added."""
    return int(hashlib.sha256(line[2].encode("utf-8")).hexdigest(), 16) % 2 == 1


def header(half: str, corpus: str, generator: str, sources: dict[str, str]) -> str:
    """A fresh corpus's header: what it is, who writes it, its columns and its sources."""
    listed = "".join(f"#   {key}: {text}\n" for key, text in sources.items())
    return (
        f"# The {half} half of the {corpus} labelled corpus of what players type (written by {generator};\n"
        "# the split is a hash of the query: never move a line). Columns: language, class, query, expected, source.\n"
        f"# Sources:\n{listed}"
    )


def split(lines: Iterable[Line], files: tuple[Path, Path], header: Callable[[str], str]) -> dict[Path, str]:
    """Each file's text (the tuning file, then the held-out one): its header (given the half's name), then its half
    of the lines, a query written twice kept once."""
    kept = unique(lines)
    tune, heldout = files
    return {
        path: header(half) + "".join("\t".join(each) + "\n" for each in kept if held_out(each) is keep)
        for path, half, keep in ((tune, "tuning", False), (heldout, "held-out", True))
    }


def halves(
    lines: Iterable[Line], files: tuple[Path, Path], corpus: str, generator: str, sources: dict[str, str]
) -> dict[Path, str]:
    """A fresh corpus's two files (`split`, under `header`)."""
    return split(lines, files, lambda half: header(half, corpus, generator, sources))


def write(texts: dict[Path, str], rewrite: bool = False) -> None:
    """Write each file; none when one exists, unless `rewrite` (SystemExit names them: their lines are a labelled set
    measured on, and a rerun would change them under the figures, e.g. with the knowledge's names of today)."""
    existing = sorted(path.name for path in texts if path.exists())
    if existing and not rewrite:
        raise SystemExit(
            f"not written: {', '.join(existing)} exist. Pass {REWRITE} to replace them after adding lines (and commit"
            " only your lines)."
        )
    for path, text in texts.items():
        path.write_text(text, "utf-8")
        print(f"{path.name}: {sum(not row.startswith('#') for row in text.splitlines())} lines")


def main(halves: Callable[[], dict[Path, str]], argv: Sequence[str] | None = None) -> None:
    """A generator's command line: write its files (`halves`), replacing existing ones only with REWRITE."""
    parser = argparse.ArgumentParser(description="Write a labelled corpus's two halves (tests/data).")
    parser.add_argument(REWRITE, action="store_true", help="replace the files that exist (after adding lines)")
    write(halves(), parser.parse_args(argv).rewrite)


#: A form of a monster's name a corpus asks about: (language, class, form, expected, source).
Form = tuple[str, str, str, str, str]


def names_in_frames(
    corpus: str, frames: Mapping[str, Sequence[str]], folder: Path, languages: Sequence[str]
) -> list[Line]:
    """Wilds' monsters by their official names in every language, three ways each (the English one written lower
    case the second time); every other monster in two languages chosen by a hash of its id, one way each (the names
    of the knowledge `folder`)."""
    out = []
    for monster_id, monster in monsters(folder).items():
        names = monster["names"]
        if "wilds" in monster["games"]:
            for language in languages:
                chosen = pick(f"{corpus}/{monster_id}/{language}", frames[language], 3)
                for index, frame in enumerate(chosen):
                    typed = names[language].lower() if language == "en" and index == 1 else names[language]
                    out.append(line(language, "name", frame.format(n=typed), monster_id, "knowledge"))
        else:
            for language in pick(f"{corpus}/{monster_id}", languages, 2):
                out += asked(frames, corpus, language, "name", names[language], monster_id, "knowledge", 1)
    return out


def forms_in_frames(
    corpus: str,
    frames: Mapping[str, Sequence[str]],
    forms: Iterable[Form],
    alone: Iterable[str],
    heard: Iterable[tuple[str, str]],
    heard_source: str,
) -> list[Line]:
    """Every other form in two ways of asking, and alone when `alone` names it; a misheard English name alone and
    asked once."""
    out = []
    standing = set(alone)
    for language, kind, form, expected, source in forms:
        if form in standing:
            out.append(line(language, kind, form, expected, source))
        out += asked(frames, corpus, language, kind, form, expected, source, 2)
    for form, expected in heard:
        out.append(line("en", "heard", form, expected, heard_source))
        out += asked(frames, corpus, "en", "heard", form, expected, heard_source, 1)
    return out


def monsters(folder: Path) -> dict[str, dict[str, Any]]:
    """Each monster's yaml in a knowledge folder (knowledge/monsters), by id."""
    found = {}
    for path in sorted(folder.glob("*.yaml")):
        monster = load_one(path.read_text("utf-8"))
        found[monster["id"]] = monster
    return found
