"""Names by their sound: toneless pinyin of Chinese names, loose romaji of Japanese ones, loose English of Latin ones.

Built with the matcher's index (and changed with it), so a query costs a few dictionary look-ups plus, for
Latin text that reads as pinyin or romaji, a prefiltered rapidfuzz pass over the spellings of that kind:

- a Chinese query written with a homophone (晃黑龍 for 煌黑龍) or typed in pinyin ("leilanglong")
  meets the name with the same toneless pinyin;
- a query in romaji ("jinnouga", "raajan") or in kana with a long-vowel slip (ジンオーガ) meets the
  katakana name with the same loose romaji;
- a Latin query spelled as heard ("kematrice", "ray dau") meets the Latin name with the same loose English
  spelling (english.py);
- inside a longer message (`spans`), a part of it that sounds like a name: Han or katakana spelled so, pinyin typed
  in Latin letters among Chinese ("dong feng long好难打"), English heard among other words ("is gin dahad weak").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from monsterbot.core.matching import english, romaji
from monsterbot.core.matching.pinyin import readings
from monsterbot.core.matching.prefilter import FuzzyIndex
from monsterbot.core.matching.romaji import is_kana
from monsterbot.core.matching.typos import Deletions, vowels_moved
from monsterbot.core.scripts import KATAKANA, LATIN

#: Score of a key that sounds exactly like the query: above a shorter name found inside the query (90),
#: below the query itself being a name (100), by the matcher's margin.
SOUND_ALIKE = 95.0
#: A near spelling scores its rapidfuzz ratio times this: one letter off a long name still passes (85),
#: and an exact spelling (SOUND_ALIKE) outranks it by the margin.
NEAR_WEIGHT = 0.9
#: Lowest ratio of a near spelling worth reporting.
NEAR_CUTOFF = 70.0
NEAR_LIMIT = 5
#: A spelling this near a name's (one edit in ten letters: ラギアクロス, ragiakurosu for ragiakurusu) is a slip of it
#: and scores NEAR_TOP, a match, under an exact spelling by the matcher's margin; English spellings count only from
#: here. Chosen on the tuning half: the slips players made there are 90.9 and nearer
#: (ケマトリックス, "ner sill a"), another monster's name shaped like one the knowledge has is 88.9 (ドスジャギィ for
#: ドスバギィ: dosujagii, dosubagii).
HEARD_NEAR = 90.0
NEAR_TOP = SOUND_ALIKE - 5.0


def near_score(ratio: float) -> float:
    """The score of a spelling near a name's: NEAR_TOP from HEARD_NEAR, else its ratio weighted."""
    return NEAR_TOP if ratio >= HEARD_NEAR else ratio * NEAR_WEIGHT


#: Fewest characters of a span of a sentence read by its sound (two Han: 凱龍 for 鎧龍; four kana: ヌエクドラ, or three
#: that are a longer name but its long vowel marks: シーウ for シーウー).
SPAN_HAN = 2
SPAN_KANA = 4
#: Kana a span may hold beyond the longest kana name: long marks and small kana typed in or out (ネルスキュラー).
KANA_SLACK = 2
_KATAKANA_RUN = re.compile(f"[{KATAKANA}]+")
_LATIN_RUN = re.compile(f"[{LATIN}]+")
_SMALL_KANA = frozenset("ァィゥェォャュョヮヵヶ")


class _Spellings:
    """Keys by spelling (each list sorted), and the spellings indexed for near ones."""

    def __init__(self, keys: dict[str, tuple[str, ...]], near: FuzzyIndex) -> None:
        self.keys = keys
        self.near = near

    def changed(self, added: Iterable[tuple[str, str]], removed: Iterable[tuple[str, str]]) -> _Spellings:
        """New spellings with (spelling, key) pairs added and removed."""
        keys = dict(self.keys)
        touched: set[str] = set()
        for spelling, key in removed:
            keys[spelling] = tuple(k for k in keys[spelling] if k != key)
            touched.add(spelling)
        gained: dict[str, list[str]] = {}
        for spelling, key in added:
            gained.setdefault(spelling, []).append(key)
        for spelling, more in gained.items():
            held = keys.get(spelling, ())
            keys[spelling] = tuple(sorted({*held, *more})) if held or len(more) > 1 else tuple(more)
            touched.add(spelling)
        emptied = sorted(spelling for spelling in touched if not keys[spelling])
        for spelling in emptied:
            del keys[spelling]
        created = sorted(spelling for spelling in touched if spelling in keys and spelling not in self.near)
        return _Spellings(keys, self.near.changed(created, emptied))

    def exact(self, spellings: Iterable[str]) -> Iterable[tuple[str, float]]:
        for spelling in spellings:
            for key in self.keys.get(spelling, ()):
                yield key, SOUND_ALIKE

    def nearby(self, spellings: Iterable[str], cutoff: float = NEAR_CUTOFF) -> Iterable[tuple[str, float]]:
        for spelling in spellings:
            for found, ratio in self.near.extract(spelling, cutoff, NEAR_LIMIT):
                if found != spelling:
                    for key in self.keys[found]:
                        yield key, near_score(ratio)


class PhoneticIndex:
    """Pinyin, romaji and English spellings of a set of normalised keys; `changed` reuses all that did not change."""

    def __init__(self, keys: Iterable[str] = ()) -> None:
        self._pinyin = _Spellings({}, FuzzyIndex())
        self._romaji = _Spellings({}, FuzzyIndex())
        self._english = _Spellings({}, FuzzyIndex())
        self._voiceless = _Spellings({}, FuzzyIndex())
        self._heard = Deletions()  # the English spellings, for spans of a sentence one edit from one
        self._spelled: dict[str, tuple[str | None, str | None, str, str]] = {}
        self._change(keys, ())

    def changed(self, added: Iterable[str], removed: Iterable[str]) -> PhoneticIndex:
        """A new index with the keys `added` and without those `removed`."""
        new = PhoneticIndex.__new__(PhoneticIndex)
        new._pinyin, new._romaji, new._english = self._pinyin, self._romaji, self._english
        new._voiceless, new._heard = self._voiceless, self._heard
        new._spelled = dict(self._spelled)
        new._change(added, removed)
        return new

    def _change(self, added: Iterable[str], removed: Iterable[str]) -> None:
        table = readings()
        pairs: dict[bool, tuple[list[tuple[str, str]], ...]] = {True: ([], [], [], []), False: ([], [], [], [])}
        for key in removed:
            for index, spelled in enumerate(self._spelled.pop(key)):
                if spelled:
                    pairs[False][index].append((spelled, key))
        for key in added:
            # A name by its usual reading only; a query by each of its characters' readings.
            kana = romaji.name_spelling(key)
            spellings = table.usual_spelling(key), kana, english.spelling(key), romaji.voiceless(kana or "")
            self._spelled[key] = spellings
            for index, spelled in enumerate(spellings):
                if spelled:
                    pairs[True][index].append((spelled, key))
        self._pinyin = self._pinyin.changed(pairs[True][0], pairs[False][0])
        self._romaji = self._romaji.changed(pairs[True][1], pairs[False][1])
        held = self._english.keys
        self._english = self._english.changed(pairs[True][2], pairs[False][2])
        self._heard = self._heard.changed(
            {spelled for spelled, _ in pairs[True][2] if spelled not in held},
            {spelled for spelled, _ in pairs[False][2] if spelled not in self._english.keys},
        )
        self._voiceless = self._voiceless.changed(pairs[True][3], pairs[False][3])
        self._han_longest = max((len(key) for key, spelled in self._spelled.items() if spelled[0]), default=0)
        kana_keys = [key for key, spelled in self._spelled.items() if spelled[1]]
        self._kana_longest = max(map(len, kana_keys), default=0) + KANA_SLACK
        self._kana_starts = frozenset(_unvoiced(key[0]) for key in kana_keys)
        self._kana_ends = frozenset(_unvoiced(key.rstrip("ー")[-1:]) for key in kana_keys)

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
        if is_kana(subject):  # a voicing mark slipped (ドシャクマ): the kana typed, not romaji
            yield from self._voiceless.exact(filter(None, map(romaji.voiceless, romaji_spellings)))
        heard = english.spelling(subject)
        if heard:
            yield from self._english.exact([heard])
            yield from self._english.nearby([heard], HEARD_NEAR)  # "sair egg ios": seregjios, serejios

    def spelled_as(self, heard: str) -> tuple[str, ...]:
        """The keys whose English spelling (english.spelling) is exactly `heard`."""
        return self._english.keys.get(heard, ())

    def spans(self, subject: str) -> Iterable[tuple[str, str, float]]:
        """(key, span, share) of each span of a sentence that sounds exactly like a name, with the share of the name
        (rapidfuzz's ratio, 0 to 1) the span spells as the name does. The spans:

        - Han, by the usual reading of each character, no longer than a Han name ("打索刃龍要準備什麼": 索刃龍 for
          鎖刃龍, two of three);
        - a whole run of Latin letters among Chinese or Japanese that is the pinyin of a Han name ("dong feng
          long好难打": 凍峯龍) or the romaji of a katakana name ("tigarekkusuの尻尾": ティガレックス; all of it, as
          pinyin and romaji are the name written in other letters);
        - katakana by its loose romaji, voiced or not, read by whole morae, beginning and ending with a name's first
          and last kana and at most KANA_SLACK kana longer than a kana name ("ドシャクマって…": ドシャクマ for
          ドシャグマ);
        - a whole katakana word whose loose romaji is HEARD_NEAR a name's, as a whole subject's is ("ケマトリックス
          属性": kematorikusu, kematorisu)."""
        table = readings()
        yield from self.han_spans(subject)
        for run in _LATIN_RUN.finditer(subject):
            if len(run.group()) >= english.MIN_LETTERS:
                pinyin = [run.group()] if table.is_pinyin(run.group()) else []
                for key, _ in (*self._pinyin.exact(pinyin), *self._romaji.exact(romaji.query_spellings(run.group()))):
                    yield key, run.group(), 1.0
        for run in _KATAKANA_RUN.finditer(subject):
            for key, span in self._kana_spans(run):
                yield key, span, fuzz.ratio(span, key) / 100
            if len(run.group()) >= SPAN_KANA:  # a whole katakana word spelled near a name, as a whole subject is
                for key, _ in self._romaji.nearby([romaji.loose(romaji.hepburn(run.group()))], HEARD_NEAR):
                    yield key, run.group(), fuzz.ratio(run.group(), key) / 100

    def han_spans(self, subject: str, holding: tuple[int, int] | None = None) -> Iterable[tuple[str, str, float]]:
        """(key, span, share) of each span of Han characters said as a Han name (`spans`), or of those only that hold
        the subject's characters from `holding[0]` up to `holding[1]`."""
        table = readings()
        first, last = holding or (len(subject), 0)
        low = max(0, last - self._han_longest)
        sounds: list[tuple[str, ...]] = [()] * low + [
            table.of(ch)[:1] for ch in subject[low : first + self._han_longest]
        ]
        sounds += [()] * (len(subject) - len(sounds))
        for start in range(low, min(first + 1, len(subject))):
            if not sounds[start]:
                continue
            for end in range(start + SPAN_HAN, min(len(subject), start + self._han_longest) + 1):
                if not sounds[end - 1]:
                    break
                if end < last:
                    continue
                span = subject[start:end]
                for key in self._pinyin.keys.get("".join(r[0] for r in sounds[start:end]), ()):
                    yield key, span, fuzz.ratio(span, key) / 100

    def _kana_spans(self, run: re.Match[str]) -> Iterable[tuple[str, str]]:
        """(key, span) of each span of a katakana run that sounds exactly like a katakana name (`spans`)."""
        morae = _morae(run.group())
        spelled = [_mora_romaji(mora) for mora in morae]
        offsets = [run.start()]
        for mora in morae:
            offsets.append(offsets[-1] + len(mora))
        for first in range(len(morae)):
            if _unvoiced(morae[first][0]) not in self._kana_starts:
                continue
            for last in range(first + 1, len(morae) + 1):
                if offsets[last] - offsets[first] > self._kana_longest:
                    break
                if offsets[last] - offsets[first] < SPAN_KANA - 1:
                    continue
                span = run.string[offsets[first] : offsets[last]]
                if _unvoiced(span.rstrip("ー")[-1:]) not in self._kana_ends:
                    continue
                spelling = romaji.loose("".join(spelled[first:last]))
                for key, _ in (
                    *self._romaji.exact([spelling]),
                    *self._voiceless.exact([romaji.voiceless(spelling)]),
                ):
                    if len(span) >= SPAN_KANA or _unmarked(span) == _unmarked(key):
                        yield key, span

    def heard_spans(self, subject: str) -> Iterable[tuple[str, str, float]]:
        """(key, span, share) of each span of a Latin sentence whose loose English spelling is a name's or one edit
        from it ("isgindahadice": "gindahad", Jin Dahaad's "jindahad"; "kemtreesbreakable": "kemtrees", a letter
        short of Quematrice's "kematris"), with the share of the name's spelling the span's spells as it does: the
        sentence is spelled once, and the span is cut from it where the letters of its spelling came from."""
        if not any(self._heard.spans(english.spelling(subject), exact=True, open_end=True)):
            return  # (most sentences hold no name: the plain spelling is four times as quick to tell)
        spelled, origins = english.aligned(subject)
        for found, start, end in self._heard.spans(spelled, exact=True, open_end=True):
            span = _cut(subject, spelled[start:end], origins[start], origins[end - 1])
            share = fuzz.ratio(spelled[start:end], found) / 100
            for key in self._english.keys[found]:
                yield key, span, share


def heard_for(typed: str, meant: str) -> bool:
    """Whether a character may be one heard, or typed by its sound, for another: Han characters whose usual readings
    are one letter apart (織 zhi, 熾 chi), kana whose Hepburn spellings are (ビ bi, ミ mi; グ gu, ガ ga)."""
    if is_kana(typed) and is_kana(meant):
        return Levenshtein.distance(romaji.hepburn(typed), romaji.hepburn(meant)) <= 1
    return readings().sound_near(typed, meant)


def heard_alike(typed: str, meant: str) -> bool:
    """Whether a kana is heard for another closely enough for a name of three kana (typos.official_only), where the
    other two kana are little evidence: the same consonant with another vowel (ダオ for ダウ) or the same kana but its
    voicing mark (ソ for ゾ). Any other one-letter change (ロ ro for ゾ zo, ミ mi for キ ki) would make everyday words
    (ロシア, ミリン) names."""
    consonants = [vowels_moved(romaji.hepburn(kana)).partition("|")[0] for kana in (typed, meant)]
    return consonants[0] == consonants[1] or _unvoiced(typed) == _unvoiced(meant)


def _cut(subject: str, spelled: str, first: tuple[int, int], last: tuple[int, int]) -> str:
    """The span of a subject a spelled span comes from, its first letter from the letters `first`, its last from
    `last`: the shortest cut spelled the same, as a letter of the spelling may come from the ends of two words
    ("quematrix should": the "s" of "ks" and of "sh" are one), then with the letter it ends with typed twice kept
    whole ("jip sair ross": a doubled letter is one word's)."""
    for start in range(first[1] - 1, first[0] - 1, -1):
        for end in range(last[0] + 1, last[1] + 1):
            if english.spelling(subject[start:end]) == spelled:
                while end < last[1] and subject[end] == subject[end - 1]:
                    end += 1
                return subject[start:end]
    return subject[first[0] : last[1]]


def _unmarked(kana: str) -> str:
    """Katakana without its long vowel marks."""
    return kana.replace("ー", "")


@lru_cache(maxsize=512)
def _unvoiced(kana: str) -> str:
    """A kana without its voicing mark (ド: ト, パ: ハ); "" for none."""
    return unicodedata.normalize("NFD", kana)[:1]


@lru_cache(maxsize=512)
def _mora_romaji(mora: str) -> str:
    """Hepburn of one mora; a small ッ doubles the next consonant, which the loose spelling folds away: none."""
    return "" if mora == "ッ" else romaji.hepburn(mora)


def _morae(kana: str) -> list[str]:
    """A katakana run cut into morae: a small kana stays with the one before it (キュ, ショ)."""
    morae: list[str] = []
    for ch in kana:
        if morae and ch in _SMALL_KANA:
            morae[-1] += ch
        else:
            morae.append(ch)
    return morae
