"""The labelled corpus (tests/data/matching_corpus_*.tsv): precision first, on the held-out half.

The thresholds of core/matching/reading.py were chosen on the tuning half; the held-out half is only reported on.
`monsterbot ask --eval tests/data/matching_corpus_heldout.tsv` prints the table and the misses by class. Never edit
or move a row to pass: a failure here is a change to look at with that command.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from monsterbot.core.matching.evaluation import Row, evaluate, is_right, load, render
from monsterbot.core.matching.reading import Reading, Verdict, read
from tests.corpus_files import held_out
from tests.matching_corpus import HELDOUT, TUNE

#: Floors at or under what the reading reached (held-out: recall 98.5%; tuning: 100.0%).
HELDOUT_RECALL = 0.97
TUNE_RECALL = 0.99
#: The held-out half's false positives recorded rather than tuned away: none left since a Latin name with a number
#: (a sequel's title, "diablo 4") is no longer read as the name's typo. Any answer that is wrong fails.
HELDOUT_KNOWN_FALSE_POSITIVES: tuple[str, ...] = ()


def _report(knowledge, path: Path):
    matcher = knowledge.current.matcher
    return evaluate(load(path), lambda query: read(query, matcher))


def test_the_held_out_half_has_no_false_positive_and_its_recall(knowledge):
    report = _report(knowledge, HELDOUT)
    unexpected = [
        line
        for line in report.false_positives
        if line.split("\t")[2].split(" → ")[0] not in HELDOUT_KNOWN_FALSE_POSITIVES
    ]
    assert unexpected == [], render(report, misses=False)
    assert report.overall.recall >= HELDOUT_RECALL, render(report)


def test_the_tuning_half_keeps_its_recall(knowledge):
    report = _report(knowledge, TUNE)
    assert report.overall.recall >= TUNE_RECALL, render(report)


def test_the_corpus_is_large_four_languages_and_the_split_is_the_hash(knowledge):
    rows = load(TUNE) + load(HELDOUT)
    assert len(rows) >= 1500
    assert {row.language for row in rows} == {"zh-TW", "zh-CN", "en", "ja"}
    assert sum(row.expected == "none" for row in rows) >= 300
    for path, keep in ((TUNE, False), (HELDOUT, True)):
        for row in load(path):
            assert held_out((row.language, row.kind, row.query)) is keep, (path.name, row.query)


def test_every_expected_monster_is_in_the_knowledge(knowledge):
    """The corpus is written once and kept as it is (a held-out set does not follow the knowledge): the names it
    was written from may since have become aliases, but every monster it expects must still exist."""
    monsters = knowledge.current.monsters
    for row in load(TUNE) + load(HELDOUT):
        kind, _, value = row.expected.partition(":")
        ids = (
            value.split(",")
            if kind in ("ambiguous", "compare", "unknown")
            else []
            if kind in ("none", "reverse")
            else [kind]
        )
        assert all(monster_id in monsters for monster_id in ids), row


@pytest.mark.parametrize(
    ("reading", "expected", "right"),
    [
        (Reading(Verdict.ANSWER, ("rathalos",)), "rathalos", True),
        (Reading(Verdict.ANSWER, ("rathalos",)), "none", False),
        (Reading(Verdict.ASK, ("rathalos", "rathian")), "ambiguous:rathalos,rathian", True),
        (Reading(Verdict.UNKNOWN, ("nargacuga",)), "unknown:nargacuga", True),
        (Reading(Verdict.ANSWER, ("nargacuga",)), "unknown:nargacuga", False),
        (Reading(Verdict.COMPARE, ("a", "b", "c")), "compare:a,b,c", True),
        (Reading(Verdict.COMPARE, ("a", "b")), "compare:a,b,c", False),
        (Reading(Verdict.REVERSE, topic="ice"), "reverse:ice", True),
        (Reading(Verdict.NONE), "none", True),
    ],
)
def test_what_counts_as_right(reading, expected, right):
    assert is_right(reading, expected) is right


def test_a_false_positive_is_any_answer_with_facts_that_is_wrong():
    rows = [
        Row("en", "neg", "pikachu", "none"),
        Row("en", "name", "rathalos", "rathalos"),
        Row("en", "v", "x", "unknown:a"),
    ]
    readings = {
        "pikachu": Reading(Verdict.ANSWER, ("rathalos",)),
        "rathalos": Reading(Verdict.ANSWER, ("rathalos",)),
        "x": Reading(Verdict.ASK, ("a",)),
    }
    report = evaluate(rows, readings.__getitem__)
    assert len(report.false_positives) == 1 and report.overall.recall == 1.0
    assert report.overall.precision == 0.5


def test_a_malformed_set_names_its_file_and_line(tmp_path):
    bad = tmp_path / "set.tsv"
    bad.write_text("# comment\nen\tname\trathalos\trathalos\nonly one column\n", "utf-8")
    with pytest.raises(ValueError, match=r"set\.tsv:3"):
        load(bad)


def test_ask_eval_prints_the_report_and_refuses_a_bad_file(tmp_path, capsys):
    from monsterbot.cli import main

    good = tmp_path / "set.tsv"
    good.write_text("en\tname\trathalos weakness\trathalos\nen\tneg\tgossip\tnone\n", "utf-8")
    assert main(["ask", "--eval", str(good), "--knowledge", "knowledge"]) == 0
    out = capsys.readouterr().out
    assert "| all | 2 | 100.0% (1/1) | 100.0% (1/1) | 0 | 1/0 of 1 |" in out
    bad = tmp_path / "bad.tsv"
    bad.write_text("only\ttwo\n", "utf-8")
    assert main(["ask", "--eval", str(bad), "--knowledge", "knowledge"]) == 2
    assert "bad.tsv:1" in capsys.readouterr().err
