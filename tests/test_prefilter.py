"""The prefilter finds what a full rapidfuzz scan finds: the same strings, scores and order, on random queries."""

from __future__ import annotations

import dataclasses
import random

import pytest
from rapidfuzz import fuzz, process

from monsterbot.core.matching import prefilter
from monsterbot.core.matching.matcher import Matcher
from monsterbot.core.matching.prefilter import FuzzyIndex, SubstringIndex
from monsterbot_devtools.bench import synthetic_monsters
from tests.conftest import matched


def full_scan(strings: list[str], query: str, score_cutoff: float, limit: int) -> list[tuple[str, float]]:
    return [
        (s, score)
        for s, score, _ in process.extract(
            query, sorted(strings), scorer=fuzz.ratio, score_cutoff=score_cutoff, limit=limit
        )
    ]


def random_queries(keys: list[str], count: int, seed: int) -> list[str]:
    """Keys as they are, with a letter dropped, added or changed, cut, joined, and strings of their letters."""
    rng = random.Random(seed)
    letters = sorted(set("".join(keys)))
    queries = []
    for _ in range(count):
        key = rng.choice(keys)
        at = rng.randrange(len(key) + 1)
        kind = rng.randrange(7)
        if kind == 1 and len(key) > 1:
            key = key[:at] + key[at + 1 :]
        elif kind == 2:
            key = key[:at] + rng.choice(letters) + key[at:]
        elif kind == 3:
            key = key[:at] + rng.choice(letters) + key[at + 1 :]
        elif kind == 4:
            key = "".join(rng.choice(letters) for _ in range(rng.randint(1, 12)))
        elif kind == 5:
            key = key[:at] or key[at:]
        elif kind == 6:
            other = rng.choice(keys)
            key = key[:at] + other[rng.randrange(len(other)) :]
        queries.append(key)
    return queries


@pytest.fixture(autouse=True)
def always_prefilter(monkeypatch):
    """The prefilter even on the real roster, which is small enough to be scanned whole."""
    monkeypatch.setattr(prefilter, "SCAN_ALL_BELOW", 0)


@pytest.fixture(scope="module")
def synthetic_keys() -> list[str]:
    return sorted(Matcher(synthetic_monsters(2_000))._entries)


@pytest.fixture(scope="module")
def real_keys(knowledge) -> list[str]:
    return sorted(knowledge.current.matcher._entries)


@pytest.mark.parametrize("roster", ["real_keys", "synthetic_keys"])
@pytest.mark.parametrize(("score_cutoff", "limit"), [(40.0, 10), (70.0, 5), (0.0, 3)])
def test_the_best_scores_are_a_full_scans(request, roster, score_cutoff, limit):
    keys = request.getfixturevalue(roster)
    index = FuzzyIndex(keys)
    for query in random_queries(keys, 300, seed=len(keys) + limit):
        assert index.extract(query, score_cutoff, limit) == full_scan(keys, query, score_cutoff, limit), query


def test_a_small_index_is_scanned_whole_with_the_same_results(real_keys, monkeypatch):
    monkeypatch.setattr(prefilter, "SCAN_ALL_BELOW", len(real_keys) + 2)  # its slots: the keys and the freed one
    index = FuzzyIndex([*real_keys, "gone"]).changed([], ["gone"])  # a freed slot on the way
    for query in random_queries(real_keys, 100, seed=2):
        assert index.extract(query, 40.0, 10) == full_scan(real_keys, query, 40.0, 10), query


@pytest.mark.parametrize("roster", ["real_keys", "synthetic_keys"])
def test_substrings_are_a_full_scans(request, roster):
    keys = request.getfixturevalue(roster)
    index = SubstringIndex(keys)
    for query in random_queries(keys, 300, seed=3):
        assert list(index.containing(query)) == [(k, k.count(query)) for k in keys if query in k], query


def test_an_index_changed_step_by_step_is_one_built_at_once(synthetic_keys):
    rng = random.Random(5)
    first, later = set(rng.sample(synthetic_keys, 1_500)), set(rng.sample(synthetic_keys, 1_500))
    fuzzy, parts = FuzzyIndex(first), SubstringIndex(first)
    for step in range(3):  # a few keys at a time, as reloads do
        added, removed = sorted(later - first)[step::3], sorted(first - later)[step::3]
        fuzzy, parts = fuzzy.changed(added, removed), parts.changed(added, removed)
    assert fuzzy == FuzzyIndex(later) and parts == SubstringIndex(later)
    assert len(fuzzy) == len(later) and fuzzy != FuzzyIndex(first)
    for query in random_queries(sorted(later), 100, seed=9):
        assert fuzzy.extract(query, 40.0, 10) == full_scan(sorted(later), query, 40.0, 10), query


def test_the_matcher_answers_as_with_full_scans(knowledge, monkeypatch):
    """Every outcome, candidate and score is what the matcher gives when both indexes scan every key."""
    matchers = [knowledge.current.matcher, Matcher(synthetic_monsters(1_000))]
    queries = [random_queries(sorted(m._entries), 200, seed=11) for m in matchers]
    prefiltered = [[m.match_key(q) for q in qs] for m, qs in zip(matchers, queries, strict=True)]
    monkeypatch.setattr(
        FuzzyIndex, "extract", lambda self, query, cutoff, limit: full_scan(list(self._slot), query, cutoff, limit)
    )
    monkeypatch.setattr(
        SubstringIndex,
        "containing",
        lambda self, part: [
            (k, k.count(part)) for k in sorted({k for ks in self._holding.values() for k in ks}) if part in k
        ],
    )
    assert prefiltered == [[m.match_key(q) for q in qs] for m, qs in zip(matchers, queries, strict=True)]


def test_renaming_one_monster_changes_only_what_its_names_touch():
    monsters = synthetic_monsters(1_000)
    before = Matcher(monsters)
    renamed = dataclasses.replace(monsters[500], names={**monsters[500].names, "en": "Zyzzyva Renamed"})
    after = Matcher([*monsters[:500], renamed, *monsters[501:]], previous=before)
    fresh = Matcher([*monsters[:500], renamed, *monsters[501:]])
    assert after._fuzzy == fresh._fuzzy and after._parts == fresh._parts
    assert matched(after.match("zyzzyva renamed")).monster_id == monsters[500].id
    old_key, new_key = set(before._entries) - set(after._entries), set(after._entries) - set(before._entries)
    assert len(old_key) == len(new_key) == 1
    touched = set(old_key.pop() + new_key.pop())
    shared = [tag for tag in before._fuzzy._tags if not set(tag) & touched]
    assert shared and all(after._fuzzy._tags[tag] is before._fuzzy._tags[tag] for tag in shared)
    pieces = [piece for piece in before._parts._holding if not set(piece) & touched]
    assert pieces and all(after._parts._holding[piece] is before._parts._holding[piece] for piece in pieces)
