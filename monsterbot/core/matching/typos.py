"""Names one letter off inside a sentence: "anyone know rathlos's weak element", "is congalalla weak to fire", "鎖刀龍".

The whole subject is scored by rapidfuzz (matcher.py); a name typed one letter off among other words is not near the
whole subject. Each Latin name is indexed by its deletion neighbourhood (the name with one letter dropped), so a span
of the subject a letter or two from a name (a letter dropped, added, changed, or two swapped) is found with a few
dictionary look-ups per span, whatever the number of names: the span and the name are the same once at most one letter
is dropped from each (the caller weighs how near they are). Only spans whose first letter, last letter and length fit
some name's are tried (where the subject ends, a last letter changed, dropped or added too: no next word follows). A
long Latin name is also indexed by its consonants in order and its vowels in any (`vowels_moved`: "nargucaga"), and a
long katakana name by its deletion neighbourhood as a Latin one is (`KanaDeletions`: ナルクガルガ).

A Han name of MIN_HAN characters or more, or a katakana one of MIN_KANA, is indexed by each of its forms with one
character unknown (?刃龍, 鎖?龍; ヒ?バミ), so a span of a sentence that is the name but one character (織 for 熾, ビ
for ミ) is found with a look-up per character of the span, whatever the number of names (`Slips`; the caller weighs
the character).
"""

from __future__ import annotations

import re
from typing import Iterable, Self

from monsterbot.core.matching.english import MIN_LETTERS
from monsterbot.core.scripts import HAN, KATAKANA, LATIN

_LATIN = re.compile(f"[{LATIN}]+")
_HAN = re.compile(f"[{HAN}]+")
_KATAKANA = re.compile(f"[{KATAKANA}]+")
#: The fewest characters of a Han name one of which may be another: two of three spelled as the name are evidence,
#: one of two is as often another name (角龍, 火龍).
MIN_HAN = 3
#: The fewest kana of a katakana name one of which may be another: the slips on the tuning halves are of four kana and
#: more (ヒラバビ for ヒラバミ), and of three (ゾシヤ for ゾシア) where the name is a monster's official one; a
#: shortening of three (レウス, ネルギ) stands inside longer words (セルギレオス), where one kana off is as often the
#: longer word's (the caller weighs that: `official_only`).
MIN_KANA = 3
MIN_KANA_SHORTENING = 4
#: The fewest kana of a katakana name a span one kana dropped, added or swapped off may be (KanaDeletions): a name of
#: five kana keeps four of them in place (ナルガクガ for ナルガクルガ, ナルクガルガ for it too).
MIN_KANA_TYPO = 5
_UNKNOWN = "\x00"


#: The fewest letters of a Latin name whose vowels, moved among its consonants, still spell it (`vowels_moved`): in a
#: long name the consonants in their order are most of it ("nargucaga" for a name of nine).
MIN_VOWELS_MOVED = 7
_VOWEL = re.compile("[aeiou]")


def vowels_moved(word: str) -> str:
    """A Latin word's consonants in their order and its vowels in any: a name with its vowels in other places (the a and
    u of "doshaguma" swapped) spells the same."""
    return _VOWEL.sub("", word) + "|" + "".join(sorted(_VOWEL.findall(word)))


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _span_ends(keys: Iterable[str]) -> Iterable[tuple[str, str, int]]:
    """The (first letter, last letter, length) of the spans one edit from each key that keep its ends."""
    for key in keys:
        for length in (len(key) - 1, len(key), len(key) + 1):
            yield key[0], key[-1], length


class Deletions:
    """The Latin keys of MIN_LETTERS letters or more, by each spelling one letter short of them."""

    #: the script of the keys and of the spans looked for, its fewest characters, and whether a subject must be
    #: wholly of it (a Latin subject is read as typed; katakana runs stand among other scripts)
    script = _LATIN
    shortest = MIN_LETTERS
    whole = True

    def __init__(self, keys: Iterable[str] = ()) -> None:
        self._keys: frozenset[str] = frozenset()
        self._short: dict[str, tuple[str, ...]] = {}
        # (first letter, last letter, length) of a span to try
        self._ends: frozenset[tuple[str, str, int]] = frozenset()
        self._firsts: frozenset[str] = frozenset()  # the keys' first letters
        self._moved: dict[str, tuple[str, ...]] = {}  # the Latin keys of MIN_VOWELS_MOVED letters, by vowels_moved
        self.longest = 0
        self._add(keys)

    def changed(self, added: Iterable[str], removed: Iterable[str]) -> Self:
        """A new index with the keys `added` and without those `removed`."""
        new = type(self).__new__(type(self))
        gone = self._keys & set(removed)
        new._keys, new._short, new.longest = self._keys - gone, dict(self._short), self.longest
        new._moved = dict(self._moved)
        new._ends = frozenset(_span_ends(new._keys))
        new._firsts = frozenset(key[0] for key in new._keys)
        for key in gone:
            for short in _deletes(key):
                _drop(new._short, short, key)
            if key in new._moved.get(vowels_moved(key), ()):
                _drop(new._moved, vowels_moved(key), key)
        new._add(added)
        return new

    def __eq__(self, other: object) -> bool:
        """The same keys (what the index is made of, whatever order they came in)."""
        return isinstance(other, Deletions) and self._keys == other._keys

    #: compared (an index changed step by step to one built at once), never hashed: it is built in place
    __hash__ = None  # type: ignore[assignment]

    def _add(self, keys: Iterable[str]) -> None:
        fresh = {key for key in keys if len(key) >= self.shortest and self.script.fullmatch(key)} - self._keys
        self._keys = self._keys | fresh
        self._ends = self._ends | frozenset(_span_ends(fresh))
        self._firsts = self._firsts | {key[0] for key in fresh}
        for key in sorted(fresh):
            self.longest = max(self.longest, len(key))
            for short in _deletes(key):
                self._short[short] = (*self._short.get(short, ()), key)
            if len(key) >= MIN_VOWELS_MOVED and self.script is _LATIN:
                self._moved[vowels_moved(key)] = (*self._moved.get(vowels_moved(key), ()), key)

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

    def moved(self, word: str) -> tuple[str, ...]:
        """The keys of MIN_VOWELS_MOVED letters or more the word spells with its vowels in other places (vowels_moved),
        its first and last letters as the key's."""
        if len(word) < MIN_VOWELS_MOVED:
            return ()
        found = self._moved.get(vowels_moved(word), ())
        return tuple(key for key in found if key != word and key[0] == word[0] and key[-1] == word[-1])

    def spans(self, subject: str, exact: bool = False, open_end: bool = False) -> Iterable[tuple[str, int, int]]:
        """(key, start, end) of each span of `shortest` characters or more of a subject in the keys' script (of a run
        of it, when the subject need not be `whole`) one edit from a key (or, if `exact`, the key itself), inside it: a
        name's first and last letters are the ones typed right (a span that differs there is the name cut short or
        glued to a letter of the next word: "kirin beer", "chameleon"), but, if `open_end`, its last letter where the
        subject ends: no next word follows there ("what is rathalon weak to": "rathalon")."""
        if not self._keys or (self.whole and not self.script.fullmatch(subject)):
            return
        ends, firsts = self._ends, self._firsts
        for run in self.script.finditer(subject):
            for start in range(run.start(), run.end()):
                first = subject[start]
                if first not in firsts:
                    continue
                for end in range(start + self.shortest, min(run.end(), start + self.longest + 1) + 1):
                    if (first, subject[end - 1], end - start) in ends:
                        span = subject[start:end]
                        if exact and span in self._keys:
                            yield span, start, end
                        for key in self.one_off(span):
                            if key[0] == first and key[-1] == span[-1]:
                                yield key, start, end
                        for key in self.moved(span):
                            yield key, start, end
        if open_end and subject:
            yield from self._at_end(subject)

    def _at_end(self, subject: str) -> Iterable[tuple[str, int, int]]:
        """(key, start, end) of each span ending the subject that is a key with its last letter changed, dropped or
        one added after it (three look-ups per place: no span is spelled out)."""
        for start in range(max(0, len(subject) - self.longest - 1), len(subject) - self.shortest + 1):
            span = subject[start:]
            if not self.script.fullmatch(span):
                continue
            found = {key for key in self._short.get(span[:-1], ()) if key[:-1] == span[:-1] and key != span}
            found |= {key for key in self._short.get(span, ()) if key[:-1] == span}
            if span[:-1] in self._keys:
                found.add(span[:-1])
            for key in found:
                yield key, start, len(subject)


class KanaDeletions(Deletions):
    """The katakana keys of MIN_KANA_TYPO kana or more, by each spelling one kana short of them: a span of a katakana
    run one kana dropped, added, changed or two swapped off a name (ナルガクガ, ナルクガルガ), as a whole katakana
    subject one edit off a name is read (reading.py's KANA_SHORTEST)."""

    script = _KATAKANA
    shortest = MIN_KANA_TYPO
    whole = False


def _blanks(word: str) -> Iterable[tuple[str, int]]:
    """Each form of a name with one character unknown, with that character's place. A Han name's last character is
    mostly its kind (龍, 獸, 蟹), and a span that differs there is the name's head before another word (天狗熱, 白兔糖,
    "鎖刃屬性"): the caller takes a slip there only for a character alike to the eye (玉 for 王: last_place)."""
    for i in range(len(word)):
        yield word[:i] + _UNKNOWN + word[i + 1 :], i


def last_place(key: str, place: int) -> bool:
    """Whether a slip's place is a Han name's last character (see _blanks)."""
    return place == len(key) - 1 and _HAN.match(key) is not None


class Slips:
    """The Han keys of MIN_HAN characters or more and the katakana keys of MIN_KANA or more, by each form with one
    character unknown."""

    def __init__(self, keys: Iterable[str] = ()) -> None:
        self._forms: dict[str, tuple[str, ...]] = {}
        self._lengths: frozenset[int] = frozenset()
        # (length, character, 0 or -1) of the names' ends a span must share one of: with one character unknown, a
        # name keeps its first or its last (a Han name always its last: its kind)
        self._ends: frozenset[tuple[int, str, int]] = frozenset()
        self._add(keys)

    def changed(self, added: Iterable[str], removed: Iterable[str]) -> Slips:
        """A new index with the keys `added` and without those `removed`."""
        new = Slips()
        new._forms = dict(self._forms)
        for key in filter(_slips, removed):
            for form, _ in _blanks(key):
                _drop(new._forms, form, key)
        new._add(added)
        return new

    def __eq__(self, other: object) -> bool:
        """The same forms (what the index is made of, whatever order the keys came in)."""
        return isinstance(other, Slips) and {f: set(k) for f, k in self._forms.items()} == {
            f: set(k) for f, k in other._forms.items()
        }

    #: compared, never hashed: it is built in place
    __hash__ = None  # type: ignore[assignment]

    def _add(self, keys: Iterable[str]) -> None:
        for key in sorted(filter(_slips, keys)):
            for form, _ in _blanks(key):
                self._forms[form] = (*self._forms.get(form, ()), key)
        self._lengths = frozenset(len(form) for form in self._forms)
        self._ends = frozenset(
            (len(key), key[end], end) for key in (k for keys in self._forms.values() for k in keys) for end in (0, -1)
        )

    def spans(self, subject: str) -> Iterable[tuple[str, int, int, int]]:
        """(key, start, end, place) of each span of a run of Han or katakana characters of a subject that is a key
        but the character at `place` (the span is no key itself: the caller knows the keys)."""
        for run in (*_HAN.finditer(subject), *_KATAKANA.finditer(subject)):
            for length in self._lengths:
                for start in range(run.start(), run.end() - length + 1):
                    span = subject[start : start + length]
                    if (length, span[0], 0) not in self._ends and (length, span[-1], -1) not in self._ends:
                        continue
                    for form, place in _blanks(span):
                        for key in self._forms.get(form, ()):
                            yield key, start, start + length, place


def official_only(key: str) -> bool:
    """Whether the slips of a key count only when it is a monster's official name: a katakana key shorter than
    MIN_KANA_SHORTENING."""
    return len(key) < MIN_KANA_SHORTENING and _KATAKANA.fullmatch(key) is not None


def _slips(key: str) -> bool:
    """Whether a key is a name whose slips are looked for: Han or katakana, long enough."""
    return (len(key) >= MIN_HAN and _HAN.fullmatch(key) is not None) or (
        len(key) >= MIN_KANA and _KATAKANA.fullmatch(key) is not None
    )


def _drop(table: dict[str, tuple[str, ...]], form: str, key: str) -> None:
    """Take a key out of the keys an index holds under a form (the form gone with its last key)."""
    left = tuple(k for k in table[form] if k != key)
    if left:
        table[form] = left
    else:
        del table[form]
