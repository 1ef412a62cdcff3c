"""What rapidfuzz's `fuzz.ratio` ranks first among many strings, without scoring every one of them.

`fuzz.ratio` is 200·LCS / (len(a) + len(b)), and the longest common subsequence of two strings is
never longer than the characters they share (counted with repeats: "rathalos" and "lagiacrus" share
r, a, a, l, s). So a string of length n sharing c characters with a query of length s scores at most
200·c / (s + n), a bound computed for every string at once from an inverted index of characters
held as bitsets (Python ints, one bit per string; the k-th repeat of a character is its own entry):
adding the query's bitsets into bit-planes counts the shared characters of every string in a few
dozen operations on whole bitsets.

`extract` then scores with rapidfuzz only the strings whose bound reaches a threshold, lowering it
step by step (never below the `limit`-th score found) until `limit` scores reach the threshold: no
string left unscored can score as high as those, so nothing a full `process.extract` would return is
ever dropped; the result is exactly its result (ties in string order), with work that grows with
the strings sharing enough characters with the query, not with all of them. At worst (a query
sharing many characters with most strings, as Latin text over one alphabet does) it scores every
string reaching the cutoff's bound, which is still fewer than all. Small indexes are scanned whole.

`SubstringIndex` lists the strings holding each character and pair of characters, in string order,
so the strings holding a query are found among those holding its rarest pair.

The index is immutable: `changed` gives a new one with some strings added and removed, sharing
what did not change (a string keeps its slot; freed slots are reused), at a cost that grows with
the characters touched, not with the strings held.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from itertools import compress, repeat
from typing import Any, Iterable, Iterator, TypeVar

from rapidfuzz import fuzz, process

#: Below this many slots, one rapidfuzz pass over all strings costs less than the prefilter.
SCAN_ALL_BELOW = 1_000
#: Thresholds tried in turn before the caller's cutoff: most queries stop at the first or second.
STEPS = (85.0, 70.0, 60.0, 52.0, 46.0)
_EPSILON = 1e-9
_FEW = 12  # bits read one by one rather than through the bitset's binary digits
K = TypeVar("K", str, int)


def _tags(text: str) -> list[str]:
    """Each character with its repeat count so far ("aa" for the second a): shared tags = shared characters."""
    if len(set(text)) == len(text):
        return list(text)
    seen: dict[str, int] = {}
    tags = []
    for ch in text:
        seen[ch] = times = seen.get(ch, 0) + 1
        tags.append(ch * times)
    return tags


def _bits(slots: Iterable[int]) -> int:
    """A bitset of slots, built in one pass (setting bits on an int one by one would copy it each time)."""
    slots = list(slots)
    if not slots:
        return 0
    buffer = bytearray(max(slots) // 8 + 1)
    for slot in slots:
        buffer[slot >> 3] |= 1 << (slot & 7)
    return int.from_bytes(buffer, "little")


def _slots(bitset: int) -> list[int]:
    """The slots set in a bitset, lowest first."""
    if bitset.bit_count() <= _FEW:
        found = []
        while bitset:
            low = bitset & -bitset
            found.append(low.bit_length() - 1)
            bitset ^= low
        return found
    digits = format(bitset, "b")
    top = len(digits) - 1
    found = []
    at = digits.rfind("1")
    while at >= 0:
        found.append(top - at)
        at = digits.rfind("1", 0, at)
    return found


def _count(bitsets: list[int], width: int) -> list[int]:
    """Bit-planes of how many of the bitsets hold each slot (plane j is bit j of the count)."""
    planes = [0] * width
    for carry in bitsets:
        for j in range(width):
            if not carry:
                break
            planes[j], carry = planes[j] ^ carry, planes[j] & carry
    return planes


def _at_least(planes: list[int], least: int) -> int:
    """The slots whose count in the planes is at least `least` (≥ 1)."""
    above = least - 1
    greater, equal = 0, -1
    for j in reversed(range(len(planes))):
        plane = planes[j]
        if above >> j & 1:
            equal &= plane
        else:
            greater |= equal & plane
            equal &= ~plane
    return greater


def _update(table: dict[K, int], taken: dict[K, list[int]], given: dict[K, list[int]]) -> None:
    """Clear the `taken` slots from and set the `given` slots in the bitsets of a table (empty ones are dropped)."""
    for name in taken.keys() | given.keys():
        bitset = (table.get(name, 0) & ~_bits(taken.get(name, ()))) | _bits(given.get(name, ()))
        if bitset:
            table[name] = bitset
        else:
            table.pop(name, None)


class FuzzyIndex:
    """A set of distinct strings, indexed by character to find their best `fuzz.ratio` scores quickly."""

    def __init__(self, strings: Iterable[str] = ()) -> None:
        self._slot: dict[str, int] = {}
        self._strings: list[str | None] = []
        self._free: list[int] = []
        self._tags: dict[str, int] = {}
        self._lengths: dict[int, int] = {}
        self._fill(strings, ())

    def __len__(self) -> int:
        return len(self._slot)

    def __contains__(self, string: object) -> bool:
        return string in self._slot

    def __eq__(self, other: object) -> bool:
        """The same strings indexed the same way, whatever their slots (an index changed step by step
        equals one built at once)."""
        return isinstance(other, FuzzyIndex) and self._content() == other._content()

    #: compared (an index changed step by step to one built at once), never hashed: it is built in place
    __hash__ = None  # type: ignore[assignment]

    def _content(self) -> list[dict[Any, frozenset[str | None]]]:
        return [
            {name: frozenset(self._strings[slot] for slot in _slots(bitset)) for name, bitset in table.items()}
            for table in (self._tags, self._lengths)
        ]

    def changed(self, added: Iterable[str], removed: Iterable[str]) -> FuzzyIndex:
        """A new index: this one's strings with `removed` taken out and `added` put in."""
        new = FuzzyIndex.__new__(FuzzyIndex)
        new._slot, new._strings, new._free = dict(self._slot), list(self._strings), list(self._free)
        new._tags, new._lengths = dict(self._tags), dict(self._lengths)
        new._fill(added, removed)
        return new

    def _fill(self, added: Iterable[str], removed: Iterable[str]) -> None:
        gone: dict[str, list[int]] = defaultdict(list)
        came: dict[str, list[int]] = defaultdict(list)
        gone_lengths: dict[int, list[int]] = defaultdict(list)
        came_lengths: dict[int, list[int]] = defaultdict(list)
        for string in removed:
            slot = self._slot.pop(string, None)
            if slot is None:
                continue
            self._strings[slot] = None
            self._free.append(slot)
            for tag in _tags(string):
                gone[tag].append(slot)
            gone_lengths[len(string)].append(slot)
        self._free.sort(reverse=True)  # lowest free slot first: bitsets stay short
        for string in added:
            if not string or string in self._slot:
                continue
            if self._free:
                slot = self._free.pop()
                self._strings[slot] = string
            else:
                slot = len(self._strings)
                self._strings.append(string)
            self._slot[string] = slot
            for tag in _tags(string):
                came[tag].append(slot)
            came_lengths[len(string)].append(slot)
        _update(self._tags, gone, came)
        _update(self._lengths, gone_lengths, came_lengths)

    def extract(self, query: str, score_cutoff: float, limit: int) -> list[tuple[str, float]]:
        """(string, score) of the `limit` best strings scoring at least `score_cutoff`, best first, ties in
        string order: what `process.extract(query, sorted(strings), scorer=fuzz.ratio, ...)` gives."""
        if not query or not self._slot:
            return []
        if len(self._strings) < SCAN_ALL_BELOW:
            return self._best(
                process.extract(query, self._strings, scorer=fuzz.ratio, score_cutoff=score_cutoff, limit=None), limit
            )
        width = len(query).bit_length()
        planes = _count([self._tags[tag] for tag in _tags(query) if tag in self._tags], width)
        reached: dict[int, int] = {}
        scored: list[tuple[str, float, int]] = []
        least = score_cutoff  # the limit-th best score found, once `limit` are found
        seen = 0
        for step in (*(step for step in STEPS if step > score_cutoff), score_cutoff):
            threshold = max(step, least)  # a string that cannot reach the limit-th score found cannot enter
            reaching = self._reaching(planes, len(query), threshold, reached)
            if threshold > score_cutoff and reaching.bit_count() < limit:
                continue  # too few to stop at this threshold: scored with the next
            fresh = reaching & ~seen
            seen = reaching
            if fresh:
                strings = list(map(self._strings.__getitem__, _slots(fresh)))
                scored += process.extract(query, strings, scorer=fuzz.ratio, score_cutoff=score_cutoff, limit=None)
            if len(scored) >= limit:
                least = heapq.nlargest(limit, [found[1] for found in scored])[-1]
                if least >= threshold:
                    break
        return self._best(scored, limit)

    @staticmethod
    def _best(scored: list[tuple[str, float, int]], limit: int) -> list[tuple[str, float]]:
        """The best `limit` of rapidfuzz's results, ties in string order."""
        if len(scored) > limit:
            least = heapq.nlargest(limit, [found[1] for found in scored])[-1]
            scored = [found for found in scored if found[1] >= least]
        scored.sort(key=lambda found: (-found[1], found[0]))
        return [(string, score) for string, score, _ in scored[:limit]]

    def _reaching(self, planes: list[int], size: int, threshold: float, reached: dict[int, int]) -> int:
        """The slots whose bound, 200·shared / (size + length), reaches the threshold (`reached` caches counts)."""
        found = 0
        scale = threshold / 200
        for length, bitset in self._lengths.items():
            least = math.ceil(scale * (size + length) - _EPSILON)
            if least > size or least > length:
                continue
            if least <= 0:
                found |= bitset
                continue
            at_least = reached.get(least)
            if at_least is None:
                at_least = reached[least] = _at_least(planes, least)
            found |= at_least & bitset
        return found


def _pieces(text: str) -> set[str]:
    """The characters and pairs of neighbouring characters of a text."""
    return {*text, *(text[i : i + 2] for i in range(len(text) - 1))}


class SubstringIndex:
    """A set of distinct strings by each character and pair of characters they hold, each list in string order."""

    def __init__(self, strings: Iterable[str] = ()) -> None:
        self._holding: dict[str, tuple[str, ...]] = {}
        self._fill(sorted(strings), ())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SubstringIndex) and self._holding == other._holding

    #: compared (an index changed step by step to one built at once), never hashed: it is built in place
    __hash__ = None  # type: ignore[assignment]

    def changed(self, added: Iterable[str], removed: Iterable[str]) -> SubstringIndex:
        """A new index: this one's strings with `removed` taken out and `added` put in."""
        new = SubstringIndex.__new__(SubstringIndex)
        new._holding = dict(self._holding)
        new._fill(sorted(added), removed)
        return new

    def _fill(self, added: list[str], removed: Iterable[str]) -> None:
        gone: dict[str, set[str]] = defaultdict(set)
        for string in removed:
            for piece in _pieces(string):
                gone[piece].add(string)
        for piece, leaving in gone.items():
            kept = tuple(s for s in self._holding.get(piece, ()) if s not in leaving)
            if kept:
                self._holding[piece] = kept
            else:
                self._holding.pop(piece, None)
        came: dict[str, list[str]] = defaultdict(list)
        for string in added:  # sorted
            for piece in _pieces(string):
                came[piece].append(string)
        for piece, coming in came.items():
            held = self._holding.get(piece, ())
            self._holding[piece] = tuple(sorted((*held, *coming))) if held else tuple(coming)  # two runs: merged

    def containing(self, part: str) -> Iterator[tuple[str, int]]:
        """(string, times) of the strings holding `part`, in string order; times as `str.count` gives them."""
        pieces = [part[i : i + 2] for i in range(len(part) - 1)] or [part]
        shortest = min((self._holding.get(piece, ()) for piece in pieces), key=len)
        for string in compress(shortest, map(str.__contains__, shortest, repeat(part))):  # tested at C speed
            yield string, string.count(part)
