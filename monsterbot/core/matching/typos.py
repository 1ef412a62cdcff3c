"""Latin names one letter off inside a sentence: "anyone know rathlos's weak element", "is congalalla weak to fire".

The whole subject is scored by rapidfuzz (matcher.py); a name typed one letter off among other words is not near the
whole subject. Each Latin name is indexed by its deletion neighbourhood (the name with one letter dropped), so a span
of the subject a letter or two from a name (a letter dropped, added, changed, or two swapped) is found with a few
dictionary look-ups per span, whatever the number of names: the span and the name are the same once at most one letter
is dropped from each (the caller weighs how near they are). Only spans whose first letter, last letter and length fit
some name's are tried.
"""

from __future__ import annotations

import re
from typing import Iterable

from monsterbot.core.matching.english import MIN_LETTERS

_LATIN = re.compile(r"[a-z]+")


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _span_ends(keys: Iterable[str]) -> Iterable[tuple[str, str, int]]:
    """The (first letter, last letter, length) of the spans one edit from each key that keep its ends."""
    for key in keys:
        for length in (len(key) - 1, len(key), len(key) + 1):
            yield key[0], key[-1], length


class Deletions:
    """The Latin keys of MIN_LETTERS letters or more, by each spelling one letter short of them."""

    def __init__(self, keys: Iterable[str] = ()) -> None:
        self._keys: frozenset[str] = frozenset()
        self._short: dict[str, tuple[str, ...]] = {}
        # (first letter, last letter, length) of a span to try
        self._ends: frozenset[tuple[str, str, int]] = frozenset()
        self.longest = 0
        self._add(keys)

    def changed(self, added: Iterable[str], removed: Iterable[str]) -> Deletions:
        """A new index with the keys `added` and without those `removed`."""
        new = Deletions.__new__(Deletions)
        gone = self._keys & set(removed)
        new._keys, new._short, new.longest = self._keys - gone, dict(self._short), self.longest
        new._ends = frozenset(_span_ends(new._keys))
        for key in gone:
            for short in _deletes(key):
                left = tuple(k for k in new._short[short] if k != key)
                if left:
                    new._short[short] = left
                else:
                    del new._short[short]
        new._add(added)
        return new

    def __eq__(self, other: object) -> bool:
        """The same keys (what the index is made of, whatever order they came in)."""
        return isinstance(other, Deletions) and self._keys == other._keys

    #: compared (an index changed step by step to one built at once), never hashed: it is built in place
    __hash__ = None  # type: ignore[assignment]

    def _add(self, keys: Iterable[str]) -> None:
        fresh = {key for key in keys if len(key) >= MIN_LETTERS and _LATIN.fullmatch(key)} - self._keys
        self._keys = self._keys | fresh
        self._ends = self._ends | frozenset(_span_ends(fresh))
        for key in sorted(fresh):
            self.longest = max(self.longest, len(key))
            for short in _deletes(key):
                self._short[short] = (*self._short.get(short, ()), key)

    def one_off(self, span: str) -> set[str]:
        """The keys that are the span once at most one letter is dropped from each (a letter dropped, added or
        changed, two letters swapped)."""
        found: set[str] = set(self._short.get(span, ()))
        for short in _deletes(span):
            if short in self._keys:
                found.add(short)
            found.update(self._short.get(short, ()))
        found.discard(span)
        return found

    def spans(self, subject: str) -> Iterable[tuple[str, str]]:
        """(key, span) of each span of MIN_LETTERS letters or more of a Latin subject one edit from a key, inside it:
        a name's first and last letters are the ones typed right (a span that differs there is the name cut short or
        glued to a letter of the next word: "kirin beer", "chameleon")."""
        if not self._keys or not _LATIN.fullmatch(subject):
            return
        ends = self._ends
        for start in range(len(subject)):
            first = subject[start]
            for end in range(start + MIN_LETTERS, min(len(subject), start + self.longest + 1) + 1):
                if (first, subject[end - 1], end - start) in ends:
                    span = subject[start:end]
                    for key in self.one_off(span):
                        if key[0] == first and key[-1] == span[-1]:
                            yield key, span
