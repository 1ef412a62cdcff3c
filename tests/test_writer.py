"""The YAML writer: what it writes reads back as the same record, whatever the strings hold."""

from __future__ import annotations

import pytest
import yaml

from monsterbot.knowledge.writer import dump_record

HOSTILE = [
    "line\nbreak",
    "tab\there",
    "2024-01-01",
    "0x1A",
    ".inf",
    "-.inf",
    ".nan",
    "yes",
    "no",
    "on",
    "off",
    "null",
    "~",
    "true",
    "1e3",
    "007",
    "- dash",
    "? question",
    ": colon",
    "key: value",
    "# hash",
    "a # b",
    "[list]",
    "{map}",
    "&anchor",
    "*alias",
    "!tag",
    "|block",
    ">folded",
    "'single'",
    '"double"',
    "%directive",
    "@at",
    "`tick`",
    " leading",
    "trailing ",
    "",
    "Safi'jiiva",
    "火龍",
    "リオレウス",
    "\u2028sep",
    "=",
    "<<",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_strings_round_trip(text: str) -> None:
    record = {
        "id": "x",
        "names": {"en": text},
        "aliases": {"en": [text, "plain"]},
        "games": {"world": {"source": "s", "elements": {"fire": 3}, "hitzones": [{"part": text, "cut": 45}]}},
    }
    assert yaml.safe_load(dump_record(record)) == record


def test_layout_reads_well_in_a_diff() -> None:
    record = {
        "id": "rathalos",
        "names": {"en": "Rathalos"},
        "aliases": {"en": ["rath", "ratha"]},
        "games": {
            "world": {
                "source": "mhworlddata",
                "elements": {"fire": 0, "dragon": 3},
                "hitzones": [{"part": "Head", "cut": 70}, {"part": "Tail", "cut": 45}],
            }
        },
    }
    assert dump_record(record, modeline=False) == (
        "id: rathalos\n"
        "names:\n"
        "  en: Rathalos\n"
        "aliases:\n"
        "  en: [rath, ratha]\n"
        "games:\n"
        "  world:\n"
        "    source: mhworlddata\n"
        "    elements: {fire: 0, dragon: 3}\n"
        "    hitzones:\n"
        "      - {part: Head, cut: 70}\n"
        "      - {part: Tail, cut: 45}\n"
    )
