"""A corpus generator's command line (tests/corpus_files.main): files that exist are replaced only when asked."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import corpus_files


def _halves(files: tuple[Path, Path], text: str):
    return lambda: {path: text for path in files}


def test_a_new_corpus_is_written_and_an_existing_one_replaced_only_with_rewrite(tmp_path):
    files = (tmp_path / "corpus_tune.tsv", tmp_path / "corpus_other.tsv")
    corpus_files.main(_halves(files, "first\n"), [])
    assert [path.read_text("utf-8") for path in files] == ["first\n", "first\n"]
    with pytest.raises(SystemExit, match="corpus_other.tsv, corpus_tune.tsv exist.*--rewrite"):
        corpus_files.main(_halves(files, "second\n"), [])  # a rerun, e.g. with the knowledge's names of today
    assert [path.read_text("utf-8") for path in files] == ["first\n", "first\n"]
    corpus_files.main(_halves(files, "second\n"), ["--rewrite"])
    assert [path.read_text("utf-8") for path in files] == ["second\n", "second\n"]


def test_one_existing_half_keeps_both_unwritten(tmp_path):
    files = (tmp_path / "corpus_tune.tsv", tmp_path / "corpus_other.tsv")
    files[0].write_text("kept\n", "utf-8")
    with pytest.raises(SystemExit, match="corpus_tune.tsv exist"):
        corpus_files.main(_halves(files, "new\n"), [])
    assert files[0].read_text("utf-8") == "kept\n" and not files[1].exists()
