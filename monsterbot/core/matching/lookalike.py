"""Han characters alike to the eye, for a name typed with one character wrong (鎖刀龍 for 鎖刃龍, 千刀龍 for 千刃龍).

Two characters look alike when Unicode's Unihan database gives them the same radical (kRSUnicode) and stroke counts
(kTotalStrokes, the Traditional count where two are given) at most LOOK_ALIKE_STROKES apart: 刃 and 刀 (radical 18,
3 and 2 strokes), 王 and 玉 (radical 96, 4 and 5). `look_alike_characters.txt` holds, for each Han character of the
roster's names, the characters of Unihan's IICore set (the core every CJK locale uses) alike to it; it is written by
`python -m monsterbot_devtools.matching_data` from Debian's `unicode-data`
(/usr/share/unicode/Unihan_IRGSources.txt.bz2, under the Unicode License, credited in the file). Only one character
of a name of typos.MIN_HAN or more is ever read so (matcher.py), its last too (雪獅子玉, 桃毛獸玉: where a
sound-alike is not): one of two is as often another name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from monsterbot.core.scripts import HAN

LOOK_ALIKE = Path(__file__).with_name("look_alike_characters.txt")
#: The most two look-alike characters' stroke counts differ by: one stroke added or left out (刀 刃, 王 玉).
LOOK_ALIKE_STROKES = 1
_HAN = re.compile(f"[{HAN}]")


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    rows = (line.split(" ", 1) for line in LOOK_ALIKE.read_text("utf-8").splitlines() if not line.startswith("#"))
    return {row[0]: row[1] for row in rows if len(row) == 2}


def looks_alike(typed: str, meant: str) -> bool:
    """Whether a character typed is one a name's character looks like (刀 for 刃)."""
    return typed in _table().get(meant, "")


def build_look_alikes(characters: Iterable[str], unihan: Iterable[str], normal: Callable[[str], str] = str) -> str:
    """The table's text: a line per Han character of `characters` with the IICore characters alike to it, as
    `normal` writes them (the matcher's normalisation: a message is read in Traditional characters), from the lines of
    Unihan_IRGSources.txt (`U+5203<TAB>kRSUnicode<TAB>18.1`)."""
    radical: dict[str, str] = {}
    strokes: dict[str, int] = {}
    core: set[str] = set()
    for line in unihan:
        if line.startswith("#") or line.count("\t") != 2:
            continue
        code, field, value = line.rstrip("\n").split("\t")
        char = chr(int(code[2:], 16))
        if field == "kRSUnicode":
            radical[char] = value.split()[0].split(".")[0]
        elif field == "kTotalStrokes":
            strokes[char] = int(value.split()[-1])
        elif field == "kIICore":
            core.add(char)
    by_radical: dict[str, list[str]] = {}
    for char in sorted(core & radical.keys() & strokes.keys()):
        by_radical.setdefault(radical[char], []).append(char)
    lines = []
    for char in sorted({c for c in characters if c in radical and c in strokes and _HAN.match(c)}):
        near = (o for o in by_radical.get(radical[char], ()) if abs(strokes[o] - strokes[char]) <= LOOK_ALIKE_STROKES)
        alike = sorted({normal(other) for other in near} - {char})
        if alike:
            lines.append(f"{char} {''.join(alike)}\n")
    return "".join(lines)
