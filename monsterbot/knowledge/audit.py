"""`monsterbot audit`: every fact of every game checked against a second, independent source where one exists.

- World: the field guide's element stars against the stars the documented rule derives from the hitzones (more
  than one star apart is a disagreement), and the breakable / severable lists against the part-break rewards.
- Wilds: the hitzones (MHWS-in-json) against mhwilds-calculator's rows, and the weak-element flags against
  HunterPie's Wilds weaknesses.
- Rise: HunterPie's weak elements against MHRise_Ele_Check's weak column, and the resisted elements against the
  weak ones (one may not name the other's element).

Each disagreement is one line, `game / monster / fact: what differs`. The audit fails on any line that the
reviewed file of the knowledge folder audited (<knowledge>/audit-accepted.tsv: the line's key, a tab, the reason) does
not list, and on any listed line the audit no longer finds (a stale acceptance).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from monsterbot.core.matching.normalize import normalize
from monsterbot.core.model import ELEMENTS
from monsterbot.knowledge.derived_stars import element_stars
from monsterbot.knowledge.importer import hunterpie_records, world_breaks
from monsterbot.knowledge.positioned_yaml import load_one
from monsterbot.knowledge.rise_import import LETTERS, record_name
from monsterbot.knowledge.wilds_crosscheck import differences, load

ACCEPTED = "audit-accepted.tsv"  # the reviewed differences, in the knowledge folder they were reviewed for
#: mhwilds-calculator's monster names that differ from the game's, and its training dummy (no monster).
CALCULATOR_NAMES = {"Rompololo": "Rompopolo"}
NOT_MONSTERS = {"Training Dummy"}


@dataclass(frozen=True)
class Finding:
    """One disagreement between a record and a second source."""

    game: str
    monster: str
    fact: str
    detail: str

    @property
    def key(self) -> str:
        """What the reviewed file lists: the line without its figures' order mattering."""
        return f"{self.game} / {self.monster} / {self.fact}: {self.detail}"


@dataclass
class Result:
    """The audit's findings, what the reviewed file accepts, and the checks made per game."""

    findings: list[Finding]
    accepted: dict[str, str]
    checked: dict[str, int]

    @property
    def unexplained(self) -> list[Finding]:
        """Disagreements no reviewed line accepts."""
        return [f for f in self.findings if f.key not in self.accepted]

    @property
    def stale(self) -> list[str]:
        """Accepted lines the audit no longer finds."""
        found = {f.key for f in self.findings}
        return [key for key in self.accepted if key not in found]


def _records(knowledge: Path) -> list[dict[str, Any]]:
    return [load_one(p.read_text("utf-8")) for p in sorted((knowledge / "monsters").glob("*.yaml"))]


def world(records: list[dict[str, Any]], data: Path, checked: dict[str, int]) -> Iterator[Finding]:
    """World stars against the hitzones, break lists against the part-break rewards."""
    with (data / "mhworlddata" / "monster_rewards.csv").open(encoding="utf-8", newline="") as handle:
        breaks = world_breaks(csv.DictReader(handle))
    for record in records:
        facts, name = record["games"].get("world"), record["names"]["en"]
        if not facts:
            continue
        zones = [z for z in facts.get("hitzones", ()) if "(" not in z["part"]]
        derived = element_stars(zones)
        for element, stars in facts.get("elements", {}).items():
            checked["world"] += 1
            if element in derived and abs(derived[element] - stars) > 1:
                yield Finding(
                    "world", name, f"{element} stars", f"field guide {stars}, hitzones give {derived[element]}"
                )
        for kind in ("breakable", "severable"):
            checked["world"] += 1
            listed, rewarded = set(facts.get(kind, ())), set(breaks.get(name, {}).get(kind, ()))
            if listed != rewarded:
                yield Finding("world", name, kind, f"record {sorted(listed)}, rewards {sorted(rewarded)}")


def wilds(records: list[dict[str, Any]], data: Path, checked: dict[str, int]) -> Iterator[Finding]:
    """Wilds hitzones against mhwilds-calculator, weak-element flags against HunterPie."""
    by_name = {r["names"]["en"]: r["games"]["wilds"] for r in records if "wilds" in r["games"]}
    rows = [r for r in load(data / "mhwilds-calculator" / "monsters.ts") if r.monster not in NOT_MONSTERS]
    rows = [type(r)(CALCULATOR_NAMES.get(r.monster, r.monster), r.label, r.values) for r in rows]
    hitzones = {name: facts["hitzones"] for name, facts in by_name.items() if facts.get("hitzones")}
    checked["wilds"] += len(rows)
    for kind, text in differences(rows, hitzones):
        monster, rest = text.split(" / ", 1)
        label, detail = rest.split(": ", 1)
        yield Finding("wilds", monster, f"hitzone {label!r}", f"{kind}: {detail}")
    ids = {r["id"]: r for r in records}
    for other in hunterpie_records(data / "hunterpie-gamedata", data / "hunterpie-localization", "wilds"):
        record = ids.get(other["id"])
        if record is None or "wilds" not in record["games"]:
            yield Finding("wilds", other["names"]["en"], "monster", "in HunterPie, no Wilds record")
            continue
        checked["wilds"] += 1
        ours, theirs = (
            set(record["games"]["wilds"].get("weak_elements", ())),
            set(other["games"]["wilds"]["weak_elements"]),
        )
        if ours != theirs:
            yield Finding(
                "wilds",
                record["names"]["en"],
                "weak elements",
                f"game flags {_sorted(ours)}, HunterPie {_sorted(theirs)}",
            )


def rise(records: list[dict[str, Any]], data: Path, checked: dict[str, int]) -> Iterator[Finding]:
    """Rise weak elements (HunterPie) against MHRise_Ele_Check's weak column; resisted against weak."""
    weak_column: dict[str, set[str]] = {}
    with (data / "mhrise-ele-check" / "monster_data.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            if row and row[0].strip() and len(row) > 1:
                weak_column[normalize(record_name(row[0]))] = {LETTERS[c] for c in row[1].strip() if c in LETTERS}
    for record in records:
        facts, name = record["games"].get("rise"), record["names"]["en"]
        if not facts:
            continue
        weak, resisted = set(facts.get("weak_elements", ())), set(facts.get("resisted_elements", ()))
        checked["rise"] += 2
        theirs = weak_column.get(normalize(name))
        if theirs is None:
            yield Finding("rise", name, "weak elements", "no MHRise_Ele_Check row")
        elif theirs and theirs != weak:
            yield Finding(
                "rise", name, "weak elements", f"HunterPie {_sorted(weak)}, MHRise_Ele_Check {_sorted(theirs)}"
            )
        if weak & resisted:
            yield Finding("rise", name, "resisted elements", f"{_sorted(weak & resisted)} both weak and resisted")


def _sorted(elements: set[str]) -> list[str]:
    return [e for e in ELEMENTS if e in elements]


def read_accepted(path: Path) -> dict[str, str]:
    """key -> reason from the reviewed file (`key<TAB>reason` lines; `#` comments and blank lines skipped)."""
    accepted = {}
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        key, _, reason = line.partition("\t")
        if not reason.strip():
            raise ValueError(f"{path}:{number}: an accepted difference needs its reason after a tab")
        accepted[key] = reason.strip()
    return accepted


def run(knowledge: Path, data: Path) -> Result:
    """Audit every game of the knowledge folder against the datasets under `data` (../shared/data), with the
    differences reviewed in that folder's ACCEPTED file (none when it has none)."""
    records = _records(knowledge)
    checked = {"world": 0, "wilds": 0, "rise": 0}
    findings = [f for check in (world, wilds, rise) for f in check(records, data, checked)]
    accepted = knowledge / ACCEPTED
    return Result(findings, read_accepted(accepted) if accepted.exists() else {}, checked)


def report(result: Result) -> list[str]:
    """The audit's lines: each disagreement (accepted ones with their reason), stale acceptances, figures per game."""
    lines = []
    for finding in result.findings:
        reason = result.accepted.get(finding.key)
        lines.append(f"{'accepted' if reason else 'UNEXPLAINED'}: {finding.key}" + (f"  — {reason}" if reason else ""))
    lines += [f"STALE (no longer found): {key}" for key in result.stale]
    for game, count in result.checked.items():
        found = [f for f in result.findings if f.game == game]
        lines.append(
            f"{game}: {count} checks, {len(found)} disagreements, "
            f"{sum(f.key in result.accepted for f in found)} accepted with a reason"
        )
    return lines


def main(knowledge: Path, data: Path) -> int:
    """Print every disagreement and the figures per game; 1 when one is unreviewed or an acceptance is stale."""
    result = run(knowledge, data)
    for line in report(result):
        print(line)
    return 1 if result.unexplained or result.stale else 0
