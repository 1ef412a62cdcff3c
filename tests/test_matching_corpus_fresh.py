"""The shape of the fresh corpus (tests/data/matching_corpus_fresh_*.tsv), written apart from the matcher.

Only its shape is checked here: how large, which languages, how many negatives, the split, the labels' monsters, and
that nobody tuned on it (no query of the first corpus, files exactly as the generator writes them). Precision and
recall floors are set by whoever measures it, on the held-out half.
"""

from __future__ import annotations

from monsterbot.core.matching.evaluation import load
from tests import matching_corpus, matching_corpus_fresh
from tests.matching_corpus import held_out
from tests.matching_corpus_fresh import HELDOUT, SOURCES, TUNE


def _rows():
    return load(TUNE) + load(HELDOUT)


def test_the_fresh_corpus_is_large_in_four_languages_with_many_negatives():
    rows = _rows()
    assert len(rows) >= 1000
    assert {row.language for row in rows} == {"zh-TW", "zh-CN", "en", "ja"}
    assert sum(row.expected == "none" for row in rows) >= 350
    assert all(sum(row.language == language for row in rows) >= 150 for language in ("zh-TW", "zh-CN", "en", "ja"))


def test_the_split_is_the_hash_and_no_query_is_in_both_halves():
    for path, keep in ((TUNE, False), (HELDOUT, True)):
        for row in load(path):
            assert held_out((row.language, row.kind, row.query)) is keep, (path.name, row.query)
    assert not {row.query for row in load(TUNE)} & {row.query for row in load(HELDOUT)}


def test_no_query_was_seen_in_the_first_corpus():
    first = {row.query.casefold() for row in load(matching_corpus.TUNE) + load(matching_corpus.HELDOUT)}
    assert [row.query for row in _rows() if row.query.casefold() in first] == []


def test_every_expected_monster_is_in_the_knowledge(knowledge):
    monsters = knowledge.current.monsters
    for row in _rows():
        kind, _, value = row.expected.partition(":")
        if kind == "reverse":
            assert value in ("fire", "water", "thunder", "ice", "dragon"), row
            continue
        ids = value.split(",") if kind in ("ambiguous", "compare", "unknown") else [] if kind == "none" else [kind]
        assert all(monster_id in monsters for monster_id in ids), row


def test_every_line_names_a_source_the_header_gives():
    for path in (TUNE, HELDOUT):
        text = path.read_text("utf-8")
        cited = {line.split("\t")[4] for line in text.splitlines() if not line.startswith("#")}
        assert cited <= set(SOURCES), path.name
        assert all(f"#   {key}: " in text for key in SOURCES), path.name


def test_the_files_are_what_the_generator_writes():
    """Lines are added in tests/matching_corpus_fresh.py and the files rewritten, never edited by hand."""
    for path, text in matching_corpus_fresh.halves().items():
        assert path.read_text("utf-8") == text, path.name
