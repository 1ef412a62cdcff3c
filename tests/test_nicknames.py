"""Sourced nicknames: each is in its record, credited in knowledge/README.md, and answers its monster.

The rows are tests/data/sourced_nicknames.tsv, the machine-checkable record of which page supports which alias.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest

from monsterbot.core.matching.matcher import Outcome
from tests.conftest import ask

ROOT = Path(__file__).parents[1]
NICKNAMES = Path(__file__).parent / "data" / "sourced_nicknames.tsv"

#: How a question around a nickname reads in each language (the bot must find the nickname inside it).
QUESTIONS = {"en": "{} weakness", "ja": "{}の弱点", "zh-TW": "{}弱點", "zh-CN": "{}弱点"}


@dataclass(frozen=True)
class Nickname:
    """One sourced alias: its language, the text, what it should answer and the page that supports it."""

    language: str
    alias: str
    expected: str
    source: str

    @property
    def monster_ids(self) -> set[str]:
        return set(self.expected.removeprefix("ambiguous:").split(","))


def nicknames() -> list[Nickname]:
    lines = [line for line in NICKNAMES.read_text("utf-8").splitlines() if line and not line.startswith("#")]
    return [Nickname(*fields) for fields in csv.reader(lines, delimiter="\t")]


ROWS = nicknames()


def sources_table() -> str:
    readme = (ROOT / "knowledge" / "README.md").read_text("utf-8")
    return readme[readme.index("## Nickname sources") :]


def test_every_row_is_in_its_records_and_its_source_is_credited(knowledge):
    monsters = knowledge.current.monsters
    table = sources_table()
    for row in ROWS:
        assert f"]({row.source})" in table, f"{row.source} has no line in knowledge/README.md's nickname sources"
        for monster_id in row.monster_ids:
            assert row.alias in monsters[monster_id].aliases.get(row.language, ()), (monster_id, row)
        if row.expected.startswith("ambiguous:"):
            for monster_id in row.monster_ids:
                assert row.monster_ids - {monster_id} <= set(monsters[monster_id].ambiguous_with), row


def test_every_credited_source_supports_a_row():
    table = sources_table()
    used = {row.source for row in ROWS}
    credited = [line.split("](", 1)[1].split(")", 1)[0] for line in table.splitlines() if line.startswith("| [")]
    assert credited and set(credited) == used


@pytest.mark.parametrize("row", ROWS, ids=[row.alias for row in ROWS])
def test_a_sourced_nickname_answers_its_monster_alone_and_in_a_question(knowledge, row):
    for text in (row.alias, QUESTIONS[row.language].format(row.alias)):
        result = ask(knowledge, text)
        if row.expected.startswith("ambiguous:"):  # the bot asks "which one?" with every monster the name is for
            assert result.outcome is Outcome.AMBIGUOUS, (text, result)
            assert row.monster_ids <= {c.monster_id for c in result.candidates}, (text, result)
        else:
            assert result.outcome is Outcome.MATCH, (text, result)
            assert result.best is not None and result.best.monster_id == row.expected, (text, result)
