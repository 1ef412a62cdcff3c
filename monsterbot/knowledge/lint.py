"""The checks across monster records: ids used twice, ids that are not their name's slug, names two monsters claim,
languages without a name (warnings)."""

from __future__ import annotations

from collections import Counter

from monsterbot.knowledge.problems import Problem, dotted
from monsterbot.knowledge.records import Record, problem_at


def lint(records: list[Record], warnings: bool = True) -> list[Problem]:
    """Problems across records: ids, slugs, missing languages (warnings), names claimed by two monsters.

    What a record says about itself is computed once per record (see Record), and the checks across
    records look closer only at ids and keys that occur twice, so a reload that keeps most records
    (sources/yaml_files.py) pays here for a few passes in C over them.
    """
    problems: list[Problem] = []
    ids = [record.monster.id for record in records]
    if len(set(ids)) < len(ids):
        seen_ids: dict[str, Record] = {}
        for record in records:
            first = seen_ids.setdefault(record.monster.id, record)
            if first is not record:
                problems.append(
                    problem_at(record, ("id",), f"id {record.monster.id!r} is already used in {first.file}")
                )
    problems += [problem for record in records for problem in record.own_problems]
    if warnings:
        problems += [problem for record in records for problem in record.own_warnings]
    return problems + _shared_names(records)


def _shared_names(records: list[Record]) -> list[Problem]:
    """Names and aliases that two monsters claim, unless each lists the other in ambiguous_with; an alias that is
    another monster's official name, always (its own name would ask "which one?")."""
    keys = [key for record in records for key in record.claim_keys]
    if len(set(keys)) == len(keys):
        return []
    shared = {key for key, count in Counter(keys).items() if count > 1}
    claims: dict[str, list[tuple[Record, tuple[str | int, ...]]]] = {}
    for record in records:
        if record.claim_keys.isdisjoint(shared):
            continue
        for key, path in record.claims:
            if key in shared:
                claims.setdefault(key, []).append((record, path))
    problems: list[Problem] = []
    for key, holders in claims.items():
        ids = {r.monster.id for r, _ in holders}
        named = {r.monster.id for r, path in holders if path[0] == "names"}
        for record, path in holders:
            others = sorted(ids - {record.monster.id})
            owners = sorted(named - {record.monster.id})
            if path[0] == "aliases" and owners:
                problems.append(
                    problem_at(
                        record,
                        path,
                        f"{dotted(path)} {key!r} is the name of {', '.join(owners)}: "
                        "an alias cannot take another monster's name",
                    )
                )
                continue
            intended = all(o in record.monster.ambiguous_with for o in others)
            if not intended:
                problems.append(
                    problem_at(
                        record,
                        path,
                        f"{dotted(path)} {key!r} is also a name of {', '.join(others)}; "
                        "list them in ambiguous_with if the ambiguity is intended",
                    )
                )
    return problems
