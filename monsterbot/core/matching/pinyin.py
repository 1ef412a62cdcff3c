"""Toneless pinyin of Chinese text, for names typed with a homophone or spelled in pinyin.

The readings come from pypinyin's character dictionary. That dictionary costs ~58 MB and a quarter
of a second to import, too much for every web worker, so `python -m monsterbot_devtools.matching_data`
writes its toneless readings to `pinyin_readings.txt` (one line per set of readings: the readings,
most common first, a tab, every character read so) and the matcher loads that small file; a test checks it is current.
"""

from __future__ import annotations

import itertools
from array import array
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from monsterbot.core.scripts import HAN_BMP_SPAN

READINGS_FILE = Path(__file__).with_name("pinyin_readings.txt")
#: Characters covered: CJK Extension A and the Unified Ideographs (every monster name is in there).
_FIRST, _LAST = HAN_BMP_SPAN
#: Readings kept per character, most common first (pypinyin's order): rare ones only make false homophones.
MAX_READINGS = 2
#: Spellings tried per text when its characters have several readings.
MAX_SPELLINGS = 16


def build_readings() -> str:
    """The readings file's text, from pypinyin (a development dependency)."""
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    chars_by_readings: dict[str, list[str]] = {}
    for code, readings in sorted(pinyin_dict.items()):
        toneless = dict.fromkeys(to_normal(r) for r in readings.split(","))
        kept = [r for r in toneless if r.isascii() and r.isalpha()][:MAX_READINGS]
        if _FIRST <= code <= _LAST and kept:
            chars_by_readings.setdefault(",".join(kept), []).append(chr(code))
    return "".join(f"{r}\t{''.join(chars)}\n" for r, chars in sorted(chars_by_readings.items()))


class Readings:
    """Toneless readings per character, in an array indexed by code point (about 60 kB)."""

    def __init__(self, text: str) -> None:
        self._combos: list[tuple[str, ...]] = [()]
        self._index = array("H", bytes(2 * (_LAST - _FIRST + 1)))
        for number, line in enumerate(text.splitlines(), start=1):
            spelled, chars = line.split("\t")
            self._combos.append(tuple(spelled.split(",")))
            for ch in chars:
                self._index[ord(ch) - _FIRST] = number
        self.syllables: frozenset[str] = frozenset(s for c in self._combos for s in c)
        self._longest = max(map(len, self.syllables), default=0)

    def of(self, ch: str) -> tuple[str, ...]:
        """The readings of one character, () when it is not a covered Han character."""
        code = ord(ch)
        return self._combos[self._index[code - _FIRST]] if _FIRST <= code <= _LAST else ()

    def spellings(self, text: str) -> list[str]:
        """The toneless spellings of a text that holds Han, first reading first; [] when it holds none.

        Characters without a reading (digits, kana) are kept as they are.
        """
        options = [self.of(ch) or (ch,) for ch in text]
        if all(len(o) == 1 and o[0] == ch for o, ch in zip(options, text, strict=True)):
            return []
        return ["".join(combo) for combo in itertools.islice(itertools.product(*options), MAX_SPELLINGS)]

    def usual_spelling(self, text: str) -> str | None:
        """The spelling by each character's most common reading; None when the text holds no Han."""
        readings = [self.of(ch) for ch in text]
        if not any(readings):
            return None
        return "".join(r[0] if r else ch for r, ch in zip(readings, text, strict=True))

    def sound_near(self, typed: str, meant: str) -> bool:
        """Whether two Han characters' usual readings are one letter apart or the same (織 zhi and 熾 chi, 孤 gu and
        狐 hu): one heard, or typed by its sound, for the other. Rarer readings make false likenesses (狼's hang for
        轟 hong)."""
        return any(Levenshtein.distance(one, other) <= 1 for one in self.of(typed)[:1] for other in self.of(meant)[:1])

    def is_pinyin(self, text: str) -> bool:
        """True when Latin text is a run of pinyin syllables ("leilanglong"). Linear in the text: the places a run of
        syllables can reach, left to right (syllables overlap, "xi"+"ang" and "xiang": a regex of them backtracks
        through every split of a text that fails at its end)."""
        if not text or not text.isascii():
            return False
        reached = [True] + [False] * len(text)
        for start in range(len(text)):
            if reached[start]:
                for end in range(start + 1, min(len(text), start + self._longest) + 1):
                    reached[end] = reached[end] or text[start:end] in self.syllables
        return reached[-1]


@lru_cache(maxsize=1)
def readings() -> Readings:
    """The readings shipped with the package, loaded once per process."""
    return Readings(READINGS_FILE.read_text("utf-8"))
