"""The shape of the fresh corpora (tests/data/matching_corpus_fresh*_*.tsv), written apart from the matcher.

Only their shape is checked here: how large, which languages, how many negatives, the split, the labels' monsters, and
that nobody tuned on them (no query of a corpus written before, files exactly as the generator writes them).
Precision and recall floors are set by whoever measures them, on the held-out half.
"""

from __future__ import annotations

from types import ModuleType

import pytest

from monsterbot.core.matching.evaluation import load
from tests import (
    matching_corpus,
    matching_corpus_fresh,
    matching_corpus_fresh2,
    matching_corpus_fresh3,
    matching_corpus_fresh4,
    matching_corpus_fresh5,
    matching_corpus_fresh6,
)
from tests.corpus_files import held_out

LANGUAGES = ("zh-TW", "zh-CN", "en", "ja")

#: Each fresh corpus and its floors (lines, negatives, lines per language), in the order they were written.
CORPORA = {
    "fresh": (matching_corpus_fresh, (1000, 350, 150)),
    "fresh2": (matching_corpus_fresh2, (1200, 300, 200)),
    "fresh3": (matching_corpus_fresh3, (1500, 300, 300)),
    "fresh4": (matching_corpus_fresh4, (1600, 350, 350)),
    "fresh5": (matching_corpus_fresh5, (2000, 450, 450)),
    "fresh6": (matching_corpus_fresh6, (1600, 350, 350)),
}


def _written_before(name: str) -> list[ModuleType]:
    """The project's own corpus and every fresh corpus written before `name` (CORPORA's order)."""
    names = list(CORPORA)
    return [matching_corpus] + [CORPORA[earlier][0] for earlier in names[: names.index(name)]]


corpora = pytest.mark.parametrize("name", CORPORA)


def _rows(corpus: ModuleType):
    return load(corpus.TUNE) + load(corpus.HELDOUT)


@corpora
def test_the_corpus_is_large_in_four_languages_with_many_negatives(name):
    corpus, (lines, negatives, per_language) = CORPORA[name]
    rows = _rows(corpus)
    assert len(rows) >= lines
    assert {row.language for row in rows} == set(LANGUAGES)
    assert sum(row.expected == "none" for row in rows) >= negatives
    assert all(sum(row.language == language for row in rows) >= per_language for language in LANGUAGES)


@corpora
def test_the_split_is_the_hash_and_no_query_is_in_both_halves(name):
    corpus = CORPORA[name][0]
    for path, keep in ((corpus.TUNE, False), (corpus.HELDOUT, True)):
        for row in load(path):
            assert held_out((row.language, row.kind, row.query)) is keep, (path.name, row.query)
    assert not {row.query for row in load(corpus.TUNE)} & {row.query for row in load(corpus.HELDOUT)}


@corpora
def test_no_query_was_seen_in_a_corpus_written_before(name):
    corpus = CORPORA[name][0]
    seen = {row.query.casefold() for earlier in _written_before(name) for row in _rows(earlier)}
    assert [row.query for row in _rows(corpus) if row.query.casefold() in seen] == []


@corpora
def test_every_expected_monster_is_in_the_knowledge(name, knowledge):
    monsters = knowledge.current.monsters
    for row in _rows(CORPORA[name][0]):
        kind, _, value = row.expected.partition(":")
        if kind == "reverse":
            assert value in ("fire", "water", "thunder", "ice", "dragon"), row
            continue
        ids = value.split(",") if kind in ("ambiguous", "compare", "unknown") else [] if kind == "none" else [kind]
        assert all(monster_id in monsters for monster_id in ids), row


@corpora
def test_every_line_names_a_source_the_header_gives(name):
    corpus = CORPORA[name][0]
    for path in (corpus.TUNE, corpus.HELDOUT):
        text = path.read_text("utf-8")
        cited = {row.split("\t")[4] for row in text.splitlines() if not row.startswith("#")}
        assert cited <= set(corpus.SOURCES), path.name
        assert all(f"#   {key}: " in text for key in corpus.SOURCES), path.name


@corpora
def test_the_files_are_what_the_generator_writes(name):
    """Lines are added in the generator (tests/matching_corpus_fresh*.py) and the files rewritten, never by hand."""
    for path, text in CORPORA[name][0].halves().items():
        assert path.read_text("utf-8") == text, path.name
