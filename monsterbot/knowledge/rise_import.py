"""Add Rise's resisted elements from the MHRise_Ele_Check data (hand-entered by the app's author, MIT).

The file has no header. Checked against HunterPie's Rise weak elements (knowledge/README.md): the
first column is the weak elements, the second the resisted elements; only the second is imported
(HunterPie already gives the weak elements). The ailment columns could not be checked and are left out.
Only `resisted_elements` of existing Rise facts is written; everything else in a record is kept.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from monsterbot.core.model import ELEMENTS
from monsterbot.knowledge.positioned_yaml import load_one
from monsterbot.knowledge.writer import dump_record

SOURCE = "mhrise-ele-check"
LETTERS = {"l": "thunder", "f": "fire", "w": "water", "i": "ice", "d": "dragon"}
RESISTED_COLUMN = 2
_VARIANT = re.compile(r"^(.*?)\s*\((Apex|Risen)\)\s*$")


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.casefold())


def record_name(row_name: str) -> str:
    """The English record name of a row: "Arzuros(Apex)" -> "Apex Arzuros"."""
    found = _VARIANT.match(row_name.strip())
    return f"{found.group(2)} {found.group(1)}" if found else row_name.strip()


def resisted_elements(csv_file: Path, report: list[str]) -> dict[str, list[str]]:
    """Normalised English name -> resisted elements, in ELEMENTS order."""
    found: dict[str, list[str]] = {}
    with csv_file.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            if not row or not row[0].strip():
                continue
            letters = row[RESISTED_COLUMN].strip() if len(row) > RESISTED_COLUMN else ""
            unknown = sorted(set(letters) - set(LETTERS))
            if unknown:
                report.append(f"{row[0].strip()}: unknown element letters {unknown}")
                continue
            if not letters and not any(cell.strip() for cell in row[1:]):
                report.append(f"{row[0].strip()}: an empty row")
                continue
            found[_key(record_name(row[0]))] = [e for e in ELEMENTS if any(LETTERS[c] == e for c in letters)]
    return found


def import_rise_resistances(csv_file: Path, target: Path) -> tuple[list[Path], list[str]]:
    """Write resisted_elements into the Rise facts of the matching records; return the files and the report."""
    report: list[str] = []
    table = resisted_elements(csv_file, report)
    written = []
    matched: set[str] = set()
    for path in sorted(target.glob("*.yaml")):
        record = load_one(path.read_text("utf-8"))
        rise = record.get("games", {}).get("rise")
        key = _key(record.get("names", {}).get("en", ""))
        if rise is None or key not in table:
            continue
        matched.add(key)
        resisted = [e for e in table[key] if e not in rise.get("weak_elements", ())]
        if resisted != table[key]:  # the hand-entered row contradicts HunterPie's (datamined) weak elements
            report.append(
                f"{key}: resisted {table[key]} names a weak element of HunterPie's {rise.get('weak_elements')}:"
                f" left out"
            )
        if resisted:
            rise["resisted_elements"] = resisted
        else:
            rise.pop("resisted_elements", None)
        path.write_text(dump_record(record), encoding="utf-8")
        written.append(path)
    report += [f"{key}: no Rise record of that name" for key in sorted(set(table) - matched)]
    return written, report
