"""Names by their sound: toneless pinyin of Chinese names, loose romaji of Japanese ones.

Built once with the matcher's index, so a query costs a few dictionary look-ups plus, for Latin text
that reads as pinyin or romaji, one rapidfuzz pass over the spellings of that kind:

- a Chinese query written with a homophone (晃黑龍 for 煌黑龍) or typed in pinyin ("leilanglong")
  meets the name with the same toneless pinyin;
- a query in romaji ("jinnouga", "raajan") or in kana with a long-vowel slip (ジンオーガ) meets the
  katakana name with the same loose romaji.
"""

from __future__ import annotations

from typing import Iterable

from rapidfuzz import fuzz, process

from monsterbot.core.matching import romaji
from monsterbot.core.matching.pinyin import readings

#: Score of a key that sounds exactly like the query: above a shorter name found inside the query (90),
#: below the query itself being a name (100), by the matcher's margin.
SOUND_ALIKE = 95.0
#: A near spelling scores its rapidfuzz ratio times this: one letter off a long name still passes (85),
#: and an exact spelling (SOUND_ALIKE) outranks it by the margin.
NEAR_WEIGHT = 0.9
#: Lowest ratio of a near spelling worth reporting.
NEAR_CUTOFF = 70.0
NEAR_LIMIT = 5


class _Spellings:
    """Keys by spelling, and the list of spellings rapidfuzz scans for near ones."""

    def __init__(self) -> None:
        self.keys: dict[str, list[str]] = {}
        self.near: list[str] = []

    def add(self, spelling: str, key: str, near: bool) -> None:
        keys = self.keys.setdefault(spelling, [])
        if not keys and near:
            self.near.append(spelling)
        if key not in keys:
            keys.append(key)

    def exact(self, spellings: Iterable[str]) -> Iterable[tuple[str, float]]:
        for spelling in spellings:
            for key in self.keys.get(spelling, ()):
                yield key, SOUND_ALIKE

    def nearby(self, spellings: Iterable[str]) -> Iterable[tuple[str, float]]:
        for spelling in spellings:
            for found, ratio, _ in process.extract(
                spelling, self.near, scorer=fuzz.ratio, score_cutoff=NEAR_CUTOFF, limit=NEAR_LIMIT
            ):
                for key in self.keys[found]:
                    yield key, ratio * NEAR_WEIGHT


class PhoneticIndex:
    """Pinyin and romaji spellings of a set of normalised keys (those of a `previous` index are reused)."""

    def __init__(self, keys: Iterable[str], previous: PhoneticIndex | None = None) -> None:
        self._pinyin = _Spellings()
        self._romaji = _Spellings()
        known = previous._spelled if previous is not None else {}
        self._spelled: dict[str, tuple[str | None, str | None]] = {}
        table = readings()
        for key in keys:
            spelled = known.get(key)
            if spelled is None:
                # A name by its usual reading only; a query by each of its characters' readings.
                spelled = table.usual_spelling(key), romaji.name_spelling(key)
            self._spelled[key] = spelled
            usual, kana = spelled
            if usual:
                self._pinyin.add(usual, key, near=True)
            if kana:
                self._romaji.add(kana, key, near=True)

    def sound_alikes(self, subject: str) -> Iterable[tuple[str, float]]:
        """(key, score) of the keys that sound like the subject."""
        table = readings()
        spellings = table.spellings(subject)
        if spellings:
            yield from self._pinyin.exact(spellings)
        elif table.is_pinyin(subject):
            yield from self._pinyin.exact([subject])
            yield from self._pinyin.nearby([subject])
        romaji_spellings = romaji.query_spellings(subject)
        yield from self._romaji.exact(romaji_spellings)
        yield from self._romaji.nearby(romaji_spellings)
