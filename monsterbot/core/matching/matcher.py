"""Find the monster a normalised name refers to, with a confidence and the runners-up.

Every official name and alias of every monster is one key (normalised; an alias that is a phrase joined by
の, 之 or 的 also with the others: 天空の王者, 天空之王者). A subject is
scored against the keys in these ways, and each monster keeps its best score:

- exact: the subject is a key (100);
- contains: a key of two or more characters (four for Latin), of one monster, stands inside the
  subject ("火龍好難打"); a key inside another contained key is dropped, so 雌火龍 beats 火龍 (90);
- part: the subject stands inside a key ("rath", "蒼火"), better at the start and the
  longer the share of the key it covers; one character (or three Latin letters) is never
  enough for a confident answer; a subject inside one monster's name and inside its variants'
  (which hold that name whole) is that monster, as players shorten names (ミツネ, パオ, lagi) (86);
- fuzzy: rapidfuzz's normalised Indel similarity over the whole subject, which catches
  Latin typos ("rathlos") but gives short Chinese names one character apart only 50,
  so 角龍 never passes for 火龍 (the ten best keys, found without scoring every key: see prefilter.py);
- phonetic: a key with the same toneless pinyin (a homophone typo, or pinyin typed in Latin
  letters) or the same loose romaji (see phonetic.py) (95, so that 晃黑龍 is 煌黑龍 and not the
  黑龍 inside it); near pinyin or romaji spellings score their similarity, scaled;
- inside a longer subject no name stands in as it is, a span spelled like a name (a homophone, pinyin or romaji among
  Chinese or Japanese, English heard among other words, a Latin name one letter off, its last letter too where the
  subject ends) or a Han or katakana name but one character heard for another (白織龍: 白熾龍; ヒラバビ: ヒラバミ), or
  a long katakana name one kana dropped, added or swapped (ナルクガルガ), is found as a contained name is, scored by
  the share of the name it spells as the name does (typos.py, phonetic.py); a span inside a longer one spelled like a
  name that holds its own is dropped, and so is a name found as it is inside such a span (刺火龍, said as 雌火龍,
  holds 火龍).

Everyday words (see everyday.py) that hold a name (火龍果) are masked out of the subject first,
unless a longer name holds them or the name they hold, or the subject is a name; a subject that is an everyday word
resembling a name (恐龍, one character from 恐暴龍) is no monster unless it sounds like one (炎龍, 巖龍).

A threshold and a margin between the first two monsters decide match, ambiguous or miss.
The result is deterministic: ties are broken by official name before alias, shorter key, id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Iterable

from rapidfuzz import fuzz

from monsterbot.core.matching.everyday import everyday_words
from monsterbot.core.matching.lookalike import looks_alike
from monsterbot.core.matching.normalize import normalize
from monsterbot.core.matching.phonetic import SOUND_ALIKE, PhoneticIndex, heard_alike, heard_for
from monsterbot.core.matching.prefilter import FuzzyIndex, SubstringIndex
from monsterbot.core.matching.question import ENGLISH_FILLER, Question
from monsterbot.core.matching.romaji import is_kana
from monsterbot.core.matching.typos import Deletions, KanaDeletions, Slips, last_place, official_only, vowels_moved
from monsterbot.core.matching.variants import VARIANT_WORDS
from monsterbot.core.model import Monster
from monsterbot.core.scripts import HAN, is_cjk

MATCH_THRESHOLD = 85.0
CONTAINED = 90.0  # a name inside a longer subject
#: The least share of a name (rapidfuzz ratio) a span of a sentence that sounds like it must spell as it does: half
#: (凱龍 for 鎧龍) scores MATCH_THRESHOLD, the whole of it CONTAINED.
SPAN_SHARE = 0.5
#: The least share for a Latin span one letter off a name: one edit in eight letters (a letter changed or two swapped
#: in "rathalos", one dropped in a name of six). Chosen on the tuning half: the typos players made there share 0.9 and
#: more ("rathlos", "congalalla", "lala barnia"); a word one letter off a short name shares 0.8 ("paola": paolu).
LATIN_SPAN_SHARE = 0.875
MARGIN = 5.0
AMBIGUOUS_FLOOR = 65.0
SUGGESTION_FLOOR = 40.0
MAX_SUBJECT = 64
MAX_PART_HITS = 200
#: The particles that join the words of a Chinese or Japanese phrase (空の王者, 天空之王者, 天空的王者).
_PARTICLES = "の之的"
_PARTICLE = re.compile(f"[{_PARTICLES}]")
BASE_SCORE = 86.0  # a shortened name inside one monster's name and its variants' alone: a match
FUZZY_LIMIT = 10
#: The fewest letters of a Latin key a likeness may find: one letter changed of three ("lol" for the nickname "los")
#: is no evidence; such a key answers only as typed.
FUZZY_LATIN_SHORTEST = 4
WHOLE_MESSAGE_SHARE = 0.6
#: A name beside a variant word (variants.py) that the knowledge does not hold ("綠迅龍", "green nargacuga") is offered,
#: never answered.
VARIANT_SCORE = 80.0  # below MATCH_THRESHOLD, above AMBIGUOUS_FLOOR: "did you mean 迅龍?"
_HAN_NAME = re.compile(f"[{HAN}]+")
_MASK = "\x01"  # stands for an everyday word in a subject; no key holds it


class Outcome(str, Enum):
    """How sure the matcher is."""

    MATCH = "match"
    AMBIGUOUS = "ambiguous"
    MISS = "miss"


class Method(str, Enum):
    """How a candidate was found."""

    EXACT = "exact"
    CONTAINS = "contains"
    PART = "part"
    FUZZY = "fuzzy"
    PHONETIC = "phonetic"


@dataclass(frozen=True)
class Candidate:
    """One monster the subject may mean, with the key that scored best for it."""

    monster_id: str
    score: float
    key: str
    language: str
    method: Method
    official: bool
    span: str = ""  # CONTAINS: the part of the subject read as the key, when it is a spelling of it (索刃龍: 鎖刃龍)


@dataclass(frozen=True)
class MatchResult:
    """The outcome and the candidates, best first."""

    outcome: Outcome
    candidates: tuple[Candidate, ...] = ()
    subject: str = ""

    @property
    def best(self) -> Candidate | None:
        """The winning candidate of a match, None otherwise."""
        return self.candidates[0] if self.outcome is Outcome.MATCH else None

    @property
    def whole_message(self) -> bool:
        """A match on (most of) the whole message, not on a name buried in chatter (what a group chat needs)."""
        best = self.best
        if best is None:
            return False
        return best.method is not Method.CONTAINS or len(best.key) >= WHOLE_MESSAGE_SHARE * len(self.subject)


@dataclass(frozen=True)
class _Entry:
    monster_id: str
    language: str
    official: bool
    phrase: bool = False  # an alias that is a phrase ("king of the skies", 陸の女王): its parts are no shortening


class Matcher:
    """An immutable index over the names of a set of monsters (their ids are unique).

    Built from a `previous` matcher, it re-indexes only the monsters that are not the very same
    objects as before; when the set of keys changed, the fuzzy, substring and phonetic indexes take in
    only the keys added and removed (everyday words are checked again): a reload after a one-file edit
    costs a pass over the monsters, not an index.
    The result is the same as a build from scratch.
    """

    _words: frozenset[str]
    _min_key_len: int
    _max_key_len: int
    _fuzzy: FuzzyIndex
    _parts: SubstringIndex
    _phonetic: PhoneticIndex
    _typos: Deletions
    _kana_typos: KanaDeletions
    _slips: Slips
    _everyday_holding: frozenset[str]
    _everyday_near: frozenset[str]
    _everyday_pattern: re.Pattern[str] | None

    def __init__(
        self, monsters: Iterable[Monster], everyday: Iterable[str] | None = None, previous: Matcher | None = None
    ) -> None:
        words = frozenset(everyday_words() if everyday is None else everyday)
        if previous is not None and previous._words != words:
            previous = None
        self._words = words
        before = previous._monsters if previous is not None else {}
        self._monsters: dict[str, tuple[Monster, tuple[tuple[str, _Entry], ...]]] = {}
        entries = dict(previous._entries) if previous is not None else {}
        emptied: set[str] = set()
        created: set[str] = set()
        for monster in monsters:
            known = before.get(monster.id)
            if known is not None and known[0] is monster:
                self._monsters[monster.id] = known
                continue
            if known is not None:
                emptied |= _remove(entries, monster.id, known[1])
            pairs = _name_keys(monster)
            self._monsters[monster.id] = (monster, pairs)
            for key, entry in pairs:
                held = entries.get(key, ())
                if not held:
                    created.add(key)
                entries[key] = tuple(sorted((*held, entry), key=_by_monster_id))
        for gone in before.keys() - self._monsters.keys():
            emptied |= _remove(entries, gone, before[gone][1])
        self._entries: dict[str, tuple[_Entry, ...]] = entries
        if previous is not None and emptied == created:  # the same keys as before
            self._min_key_len, self._max_key_len = previous._min_key_len, previous._max_key_len
            self._fuzzy, self._parts, self._phonetic = previous._fuzzy, previous._parts, previous._phonetic
            self._typos, self._kana_typos, self._slips = previous._typos, previous._kana_typos, previous._slips
            self._everyday_holding, self._everyday_near = previous._everyday_holding, previous._everyday_near
            self._everyday_pattern = previous._everyday_pattern
            return
        self._min_key_len = min(map(len, entries), default=1)
        self._max_key_len = max(map(len, entries), default=1)
        if previous is None:
            keys = sorted(entries)
            self._fuzzy, self._parts, self._phonetic = FuzzyIndex(keys), SubstringIndex(keys), PhoneticIndex(keys)
            self._typos, self._kana_typos, self._slips = Deletions(keys), KanaDeletions(keys), Slips(keys)
        else:
            added = sorted(key for key in created if key not in previous._entries)
            removed = sorted(key for key in emptied if key not in entries)
            self._fuzzy = previous._fuzzy.changed(added, removed)
            self._parts = previous._parts.changed(added, removed)
            self._phonetic = previous._phonetic.changed(added, removed)
            self._typos = previous._typos.changed(added, removed)
            self._kana_typos = previous._kana_typos.changed(added, removed)
            self._slips = previous._slips.changed(added, removed)
        words = words - entries.keys()
        self._everyday_holding = frozenset(w for w in words if self._holds_key(w))
        self._everyday_near = words - self._everyday_holding
        holding = sorted(self._everyday_holding, key=len, reverse=True)  # longest first: leftmost-longest words
        self._everyday_pattern = re.compile("|".join(map(re.escape, holding))) if holding else None

    def __len__(self) -> int:
        return len(self._entries)

    def monsters_named(self, key: str) -> tuple[str, ...]:
        """The ids of the monsters a normalised key is a name or alias of (none when it names none)."""
        return tuple(entry.monster_id for entry in self._entries.get(key, ()))

    def monsters_heard(self, heard: str) -> tuple[str, ...]:
        """The ids of the monsters with a Latin name or alias spelled `heard` as it sounds (english.spelling)."""
        keys = self._phonetic.spelled_as(heard)
        return tuple(dict.fromkeys(entry.monster_id for key in keys for entry in self._entries.get(key, ())))

    def monsters_beginning(self, part: str) -> frozenset[str] | None:
        """The monsters with a name that begins with `part`; None when more than MAX_PART_HITS names hold it (the
        rest were never looked at: no owner can be told)."""
        owners: set[str] = set()
        hits = 0
        for key, times in self._parts.containing(part):
            hits += times
            if hits > MAX_PART_HITS:
                return None
            if key.startswith(part):
                owners.update(entry.monster_id for entry in self._entries[key])
        return frozenset(owners)

    def names_at(self, subject: str) -> list[tuple[int, int, str]]:
        """(start, end, monster id) of the names of one monster each that stand in a subject apart, longest first: a
        name overlapping a longer one found is not counted (火龍 inside 雌火龍). Names as _contained_keys finds them:
        two characters or more, four Latin letters or more."""
        found: list[tuple[int, int, str]] = []
        taken = [False] * len(subject)
        for size in range(min(self._max_key_len, len(subject)), max(self._min_key_len, 2) - 1, -1):
            for start in range(len(subject) - size + 1):
                piece = subject[start : start + size]
                held = self._entries.get(piece, ())
                if len(held) == 1 and (is_cjk(piece) or size >= 4) and not any(taken[start : start + size]):
                    found.append((start, start + size, held[0].monster_id))
                    taken[start : start + size] = [True] * size
        return found

    def monster(self, monster_id: str) -> Monster | None:
        """The monster of an id, None when the index holds none."""
        held = self._monsters.get(monster_id)
        return held[0] if held is not None else None

    def monsters(self) -> Iterable[Monster]:
        """Every monster indexed."""
        return (monster for monster, _ in self._monsters.values())

    def match_question(self, question: Question) -> MatchResult:
        """Match a parsed question: the whole message when it is a name as it stands, else its subject."""
        if question.whole != question.subject and question.whole in self._entries:
            return self.match_key(question.whole)
        return self.match_key(question.subject)

    def match(self, text: str, limit: int = 6) -> MatchResult:
        """Match any text: normalised first."""
        return self.match_key(normalize(text), limit)

    def match_key(self, subject: str, limit: int = 6) -> MatchResult:
        """Match a key the question parser already normalised (no second pass through OpenCC)."""
        subject = subject[:MAX_SUBJECT]
        if not subject or not self._entries:
            return MatchResult(Outcome.MISS, subject=subject)
        masked = self._mask_everyday_words(subject)
        if not masked.strip(_MASK):
            return MatchResult(Outcome.MISS, subject=subject)
        near_word = masked in self._everyday_near  # 恐龍, クッキー: only a name that sounds the very same may answer
        variants = self._variant_bases(masked)
        best: dict[str, tuple[tuple[float, bool, int, str], float, str, _Entry, Method, str]] = {}
        for key, score, method, span in self._score(masked, subject):
            if near_word and (method is not Method.PHONETIC or score < SOUND_ALIKE):
                continue
            score = round(score, 1)
            if variants and key != masked:
                score = (
                    min(score, VARIANT_SCORE) if any(e.monster_id in variants for e in self._entries[key]) else score
                )
            for entry in self._entries[key]:  # a candidate is made only for each monster's best key
                rank = (-score, not entry.official, len(key), entry.monster_id)
                current = best.get(entry.monster_id)
                if current is None or rank < current[0]:
                    best[entry.monster_id] = (rank, score, key, entry, method, span)
        ranked = [
            Candidate(entry.monster_id, score, key, entry.language, method, entry.official, span)
            for _, score, key, entry, method, span in sorted(best.values(), key=_first)
        ]
        return _decide(ranked, limit, subject)

    def _variant_bases(self, subject: str) -> set[str]:
        """The monsters named in the subject beside a variant word ("綠" + 迅龍, "ナルガクルガ" + 亜種): another monster
        than theirs is meant, so none of their names may answer it (unless the whole subject is a name: 金火龍)."""
        found: set[str] = set()
        for word in _variant_words():
            if word in subject:
                found.update(entry.monster_id for entry in self._entries.get(subject.replace(word, "", 1), ()))
        return found

    def _mask_everyday_words(self, subject: str) -> str:
        """The subject with each everyday word that holds a name replaced by one mask character."""
        if subject in self._entries or self._everyday_pattern is None:
            return subject
        spans = [
            (found.start(), found.end())
            for found in self._everyday_pattern.finditer(subject)
            if not self._in_longer_key(subject, found.start(), found.end())
            and not self._name_held_in_longer_key(subject, found.start(), found.end())
        ]
        for start, end in reversed(spans):
            subject = subject[:start] + _MASK + subject[end:]
        return subject

    def _holds_key(self, word: str) -> bool:
        """Whether a key stands inside the word."""
        return any(word[i:j] in self._entries for i in range(len(word)) for j in range(i + 1, len(word) + 1))

    def _name_held_in_longer_key(self, subject: str, start: int, end: int) -> bool:
        """Whether the name an everyday word holds is, in the subject, part of a key longer than the word: the word is
        then made of a name and the next word's letters, glued by the parser ("rathalos than": "lost" in
        "rathalosthan")."""
        return any(
            subject[i:j] in self._entries and self._in_longer_key(subject, i, j, end - start + 1)
            for i in range(start, end)
            for j in range(i + 2, end + 1)
        )

    def _in_longer_key(self, subject: str, start: int, end: int, least: int = 0) -> bool:
        """Whether a key longer than subject[start:end] (of `least` characters at least) covers it in the subject."""
        for size in range(max(end - start + 1, least), min(self._max_key_len, len(subject)) + 1):
            for first in range(max(0, end - size), min(start, len(subject) - size) + 1):
                if subject[first : first + size] in self._entries:
                    return True
        return False

    def _score(self, subject: str, typed: str) -> Iterable[tuple[str, float, Method, str]]:
        """The keys found for a subject (its everyday words masked); when masking changed it and left no name near,
        those the subject as typed sounds exactly like ("dodo gamma" is Dodogama, though "dodo" is an English word).
        The Latin words of the subject as typed are where spans one letter off a name are read (the reading checks
        they stand as words: "know rathlos", not "wrath")."""
        if subject in self._entries:
            yield subject, 100.0, Method.EXACT, ""
        sure = False  # a key scores a match on its own
        alike: tuple[tuple[str, float, Method], ...] = (
            *(
                (key, score, Method.FUZZY)
                for key, score in self._fuzzy.extract(subject, SUGGESTION_FLOOR, FUZZY_LIMIT)
                if len(key) >= FUZZY_LATIN_SHORTEST or not key.isascii()
            ),
            *(
                (key, _titled_sound(subject, key, score), Method.PHONETIC)
                for key, score in self._phonetic.sound_alikes(subject)
                if key != subject
            ),
        )
        # a whole Latin subject that is a long name with its vowels moved ("doshugama"): as near as one letter off,
        # which the ratio (four edits) does not see
        alike += tuple((key, 100 * _typo_share(subject, key), Method.FUZZY) for key in self._typos.moved(subject))
        if typed != subject and all(score < MATCH_THRESHOLD for _, score, _ in alike):
            alike += tuple(
                (key, score, Method.PHONETIC)
                for key, score in self._phonetic.sound_alikes(typed)
                if score >= SOUND_ALIKE and key != typed
            )
        # the whole subject spelled near a name ("mizutsnue", "mizutsuni"): a shorter key of the same monster inside
        # it ("mizu") is a piece of that name mistyped, not the name alone
        near = {key for key, score, _ in alike if score >= MATCH_THRESHOLD}
        contained = [found for found in self._contained_keys(subject) if not self._piece_of(found[0], near)]
        # a katakana key glued to more katakana ("ババコングどの": the alias ババコン) may be a piece of a longer name
        # of its monster one kana off (ババコンガ), which the word is, and a Latin key ("sere" in "seregois", "mizu"
        # in "mizutzune") of a name one letter off: only such slips count while a name is found as it is
        slipped = [
            slip
            for slip in (
                self._slipped(subject)
                if any(_glued_kana(key, subject) for key, _, _ in contained)
                else self._typo_spans(typed)
                if subject not in self._entries and any(key.isascii() for key, _, _ in contained)
                else ()
            )
            if any(self._inside_slip(key, [slip]) for key, _, _ in contained)
        ]
        heard = self._said_over(subject, [key for key, _, _ in contained]) if is_cjk(subject) and not slipped else []
        slipped += heard
        found = (
            *(
                found
                for found in contained
                if not self._inside_slip(found[0], slipped) and not any(found[0] in span for *_, span in heard)
            ),
            *self._keys_containing(subject),
            *alike,
        )
        for key, score, method in found:
            sure = sure or score >= MATCH_THRESHOLD
            yield key, score, method, ""
        for key, score, method, span in _outermost(slipped):
            sure = sure or score >= MATCH_THRESHOLD
            yield key, score, method, span
        if subject in self._entries:
            return
        if sure:  # a name found as it is: no span spelled like one is looked for
            return
        if is_cjk(subject):
            spans = [
                *self._spelled_inside(self._phonetic.spans(subject), subject, SPAN_SHARE),
                *(slipped or self._slipped(subject)),
            ]
        else:  # a Latin subject no name is near as a whole: a name one letter off, or heard, among its words
            spans = [
                *(slipped or self._typo_spans(typed)),
                *self._spelled_inside(self._phonetic.heard_spans(typed), typed, LATIN_SPAN_SHARE),
            ]
        yield from _outermost(spans)

    def _said_over(self, subject: str, contained: list[str]) -> list[tuple[str, float, Method, str]]:
        """The spans of a subject that hold a Han name found in it and are said as another, longer name (刺火龍 holds
        火龍 and is said as 雌火龍): the name is a piece of that name heard, as a whole subject so said is that name
        (晃黑龍: 煌黑龍, not 黑龍). Only the spans over each name are spelled (phonetic.han_spans)."""
        heard = []
        for key in filter(_HAN_NAME.fullmatch, contained):
            at = subject.find(key)
            spans = self._phonetic.han_spans(subject, (at, at + len(key)))
            heard += [
                span
                for span in self._spelled_inside(spans, subject, SPAN_SHARE)
                if span[3] != key and _opens_a_word(subject, span[3], key)
            ]
        return heard

    def _typo_spans(self, typed: str) -> list[tuple[str, float, Method, str]]:
        """Latin names a span of the subject as typed is one letter off (typos.py)."""
        typos = (
            (key, span, _typo_share(span, key))
            for key, start, end in self._typos.spans(typed, open_end=True)
            if (span := typed[start:end])
        )
        return list(self._spelled_inside(typos, typed, LATIN_SPAN_SHARE))

    def _inside_slip(self, key: str, slipped: list[tuple[str, float, Method, str]]) -> bool:
        """Whether a key is a piece of a longer name (ババコン of ババコンガ; "anjanath" of a variant's name) standing
        inside the span of a slip of that name."""
        return any(key in span and key in other and key != other for other, _, _, span in slipped)

    def _piece_of(self, key: str, near: set[str]) -> bool:
        """Whether a Latin key stands inside a longer one of the `near` keys, of the same monster."""
        owners = {entry.monster_id for entry in self._entries[key]}
        return key.isascii() and any(
            key in other and key != other and owners & {e.monster_id for e in self._entries[other]} for other in near
        )

    def _spelled_inside(
        self, spans: Iterable[tuple[str, str, float]], subject: str, least: float
    ) -> Iterable[tuple[str, float, Method, str]]:
        """Names a span of a longer subject sounds like or is one letter off ("打索刃龍要準備什麼": 鎖刃龍, "anyone
        know rathlos's weak element"): found inside it as a name is, scored by the share of the name the span spells
        as the name does (`least` of it at least; phonetic.py and typos.py tell it): a span that only sounds like a
        name, in other characters, is another word; an everyday word one letter off a name is that word."""
        for key, span, share in spans:
            if (
                span != subject
                and span not in self._entries
                and span not in self._words
                and share >= least
                and not _retitled(span, key)
            ):
                yield key, _span_score(share), Method.CONTAINS, span

    def _slipped(self, subject: str) -> Iterable[tuple[str, float, Method, str]]:
        """Han and katakana names a span of a subject (or the whole of it) is but one character heard for the name's
        (phonetic.heard_for: "白織龍怕哪種", 織 zhi for 熾 chi; ヒラバビ, ビ bi for ミ mi), read as a homophone is
        (`_spelled_inside`), when no other monster's name is as near: heard so too, or, as a kana is only a sound, one
        kana off whatever it is (リオレイス: リオレウス, and リオレイア); or, in a katakana name of MIN_KANA_TYPO kana
        or more, a kana dropped, added or two swapped (typos.KanaDeletions: ナルクガルガ). A variant word there (黑, 紅)
        makes a variant of its own, and an everyday word is that word. A Han character like the name's to the eye
        is read so only when Unihan tells it is (lookalike.py: the same radical, strokes one apart at most: 刀 for
        刃 in 鎖刀龍); any other character (老山龍, 雷甲龍, other monsters) is no evidence."""
        slips: dict[str, list[tuple[str, bool]]] = {}
        for key, start, end, place in self._slips.spans(subject):
            span = subject[start:end]
            short = official_only(key)
            if short and not any(entry.official for entry in self._entries[key]):
                continue
            if span not in self._entries and span not in self._words and span[place] not in _variant_words():
                heard = heard_for(span[place], key[place]) and (not short or heard_alike(span[place], key[place]))
                heard = (heard and not last_place(key, place)) or looks_alike(span[place], key[place])
                slips.setdefault(span, []).append((key, heard))
        for key, start, end in self._kana_typos.spans(subject):
            span = subject[start:end]
            if span not in self._entries and span not in self._words:  # a kana changed only when heard (above)
                slips.setdefault(span, []).append((key, len(span) != len(key) or sorted(span) == sorted(key)))
        for span, keys in slips.items():
            near = [key for key, heard in keys if heard or is_kana(span)]
            if len({entry.monster_id for key in near for entry in self._entries[key]}) == 1:
                for key, heard in keys:
                    if heard:
                        yield key, _span_score(fuzz.ratio(span, key) / 100), Method.CONTAINS, span

    def _contained_keys(self, subject: str) -> Iterable[tuple[str, float, Method]]:
        """Keys standing inside a longer subject; a key inside another found key is dropped.

        A key that several monsters share (an ambiguous nickname, "rath") counts only as the whole
        subject: inside a typo of a longer name ("rathlos") it is no evidence for either.
        """
        found: set[str] = set()
        longest = min(self._max_key_len, len(subject) - 1)
        for size in range(longest, max(self._min_key_len, 2) - 1, -1):
            for start in range(len(subject) - size + 1):
                piece = subject[start : start + size]
                if piece in self._entries and len(self._entries[piece]) == 1 and (is_cjk(piece) or size >= 4):
                    if not any(piece in other for other in found):
                        found.add(piece)
        for key in found:
            yield key, CONTAINED, Method.CONTAINS

    def _keys_containing(self, subject: str) -> Iterable[tuple[str, float, Method]]:
        """Keys that hold the subject; scored by share of the key covered and by position.

        Only the keys of the first MAX_PART_HITS occurrences, in key order, are looked at.
        """
        strong = len(subject) >= (2 if is_cjk(subject) else 4)
        found: list[tuple[str, float]] = []
        hits, cut = 0, False
        for key, times in self._parts.containing(subject):
            if hits >= MAX_PART_HITS:
                cut = True  # keys past here were never seen: no base can be told
                break
            hits += times
            if key == subject or all(entry.phrase for entry in self._entries[key]):
                continue
            score = 60.0 + 30.0 * len(subject) / len(key) + (10.0 if key.startswith(subject) else 0.0)
            found.append((key, score if strong else min(score, MATCH_THRESHOLD - 5)))
        base = self._base_key(subject, [key for key, _ in found]) if strong and not cut else None
        for key, score in found:
            yield key, max(score, BASE_SCORE) if key == base else score, Method.PART

    def _base_key(self, subject: str, holding: list[str]) -> str | None:
        """The one name, of one monster, inside every key that holds the subject: what a shortened name means
        (ミツネ: タマミツネ, whose variants ヌシタマミツネ and タマミツネ稀少種 hold it whole), or None (ジョー stands
        in
        イビルジョー and in 怒りジョー, neither inside the other)."""
        if not holding or subject in self._entries:
            return None  # a name as it stands is itself what it means (迅龍, not 月迅龍 that holds it)
        shortest = min(holding, key=len)
        if len(self._entries[shortest]) == 1 and all(shortest in key for key in holding):
            return shortest
        return None


def _name_keys(monster: Monster) -> tuple[tuple[str, _Entry], ...]:
    """(key, entry) of each name of a monster, one per key: the first name that gives it (official first)."""
    official = set(monster.names.items())
    pairs: dict[str, _Entry] = {}
    for language, name in monster.all_names():
        is_official = (language, name) in official
        forms = (name,) if is_official else _particle_forms(name)
        for key in (*map(normalize, forms), _without_filler(name)):
            if key and key not in pairs:
                pairs[key] = _Entry(monster.id, language, is_official, not is_official and _is_phrase(name))
    return tuple(pairs.items())


def _particle_forms(alias: str) -> tuple[str, ...]:
    """An alias as written, then, when it is a phrase joined by a particle, with each other particle in its place:
    Chinese and Japanese write the same epithet with の, 之 or 的 (天空の王者, 天空之王者, 天空的王者)."""
    if not _PARTICLE.search(alias):
        return (alias,)
    return (alias, *(_PARTICLE.sub(particle, alias) for particle in _PARTICLES if particle not in alias))


def _is_phrase(name: str) -> bool:
    """Whether a name is a phrase of words joined by a filler word or a particle ("king of the skies", 空の王者,
    天空的王者): players shorten names, not phrases, so a part of one ("skies", 王者) is an everyday word."""
    return any(word in ENGLISH_FILLER for word in name.casefold().split()) or bool(_PARTICLE.search(name))


def _without_filler(name: str) -> str:
    """A Latin name of several words as a question keeps it: the parser takes English filler words off a message
    ("king of the skies weakness" asks about "kingskies"), so a name holding them ("Narwa the Allmother", "eater of
    elders") is also keyed without them; "" when that leaves it as it was or fewer than two words."""
    words = name.casefold().split()
    kept = [word for word in words if word not in ENGLISH_FILLER]
    if not name.isascii() or len(kept) < 2 or len(kept) == len(words):
        return ""
    return normalize(" ".join(kept))


def _remove(entries: dict[str, tuple[_Entry, ...]], monster_id: str, pairs: tuple[tuple[str, _Entry], ...]) -> set[str]:
    """Drop a monster's entries; the keys that lost their last monster."""
    emptied = set()
    for key, _ in pairs:
        left = tuple(e for e in entries[key] if e.monster_id != monster_id)
        if left:
            entries[key] = left
        else:
            del entries[key]
            emptied.add(key)
    return emptied


def _by_monster_id(entry: _Entry) -> str:
    return entry.monster_id


def _first(
    ranked: tuple[tuple[float, bool, int, str], float, str, _Entry, Method, str],
) -> tuple[float, bool, int, str]:
    """The rank of a monster's best key: score, official name before alias, shorter key, id."""
    return ranked[0]


def _opens_a_word(subject: str, span: str, key: str) -> bool:
    """Whether a span said as a longer name over a name found in it begins where a word may: at the subject's start,
    after a character of another script or a space, or with the name itself (the longer name's extra characters
    after it). Characters glued before the name after other Han characters are as often the end of another word
    (第一次火龍, 這次火龍: 次 is no 雌) as a slip of the longer name's."""
    at = subject.find(span)
    return at <= 0 or span.startswith(key) or _HAN_NAME.fullmatch(subject[at - 1]) is None


def _glued_kana(key: str, subject: str) -> bool:
    """Whether a katakana key stands in the subject beside more katakana, at any of its places."""
    if not is_kana(key):
        return False
    at = subject.find(key)
    while at >= 0:
        if is_kana(subject[at - 1 : at] if at else "") or is_kana(subject[at + len(key) :][:1]):
            return True
        at = subject.find(key, at + 1)
    return False


def _outermost(spans: list[tuple[str, float, Method, str]]) -> Iterable[tuple[str, float, Method, str]]:
    """The spans spelled like a name but those inside a longer one spelled like a longer name that holds theirs, as a
    name inside another found is dropped (護劈獸 is said as 護闢獸, and its 劈獸 is no 闢獸 of its own)."""
    for key, score, method, span in spans:
        if not any(span in other and span != other and key in longer for longer, _, _, other in spans):
            yield key, score, method, span


def _typo_share(span: str, key: str) -> float:
    """The share of a Latin name a span one letter off spells as it does (rapidfuzz's ratio), or, when the span is the
    name with its vowels moved (typos.vowels_moved: two places changed, which the ratio counts as four edits), the share
    of one letter off."""
    share = fuzz.ratio(span, key) / 100
    return max(share, 1 - 1 / len(key)) if vowels_moved(span) == vowels_moved(key) else share


def _span_score(share: float) -> float:
    """The score of a name a span of a longer subject spells a share of (SPAN_SHARE of it: MATCH_THRESHOLD, all of
    it: CONTAINED)."""
    return CONTAINED - (CONTAINED - MATCH_THRESHOLD) * (1 - share) / (1 - SPAN_SHARE)


def _decide(ranked: list[Candidate], limit: int, subject: str) -> MatchResult:
    if not ranked:
        return MatchResult(Outcome.MISS, subject=subject)
    top = ranked[0]
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    if top.score >= MATCH_THRESHOLD and top.score - runner_up >= MARGIN:
        return MatchResult(Outcome.MATCH, tuple(ranked[:limit]), subject)
    if top.score >= AMBIGUOUS_FLOOR:
        close = [c for c in ranked if c.score >= AMBIGUOUS_FLOOR][:limit]
        return MatchResult(Outcome.AMBIGUOUS, tuple(close), subject)
    return MatchResult(Outcome.MISS, tuple(ranked[: min(limit, 3)]), subject)


def _titled_sound(typed: str, key: str, score: float) -> float:
    """The score of a key that sounds like the subject: at most VARIANT_SCORE ("did you mean?") when the subject
    begins with a variant word where the key has another character of the same sound (_retitled)."""
    return min(score, VARIANT_SCORE) if _retitled(typed, key) else score


def _retitled(typed: str, key: str) -> bool:
    """Whether a spelling that sounds like a name puts a one-character variant word in the place of a title, its first
    character, where the name has another one of the same sound (紅龍, red dragon, hóng lóng, for 轟龍, hōng lóng; 白龍
    for 百龍): a variant or a title on another name, not that name misspelt. A slip inside a name (滅金龍 for 滅盡龍) is
    still one."""
    return len(typed) == len(key) and typed[0] != key[0] and typed[0] in _variant_words()


@lru_cache(maxsize=1)
def _variant_words() -> frozenset[str]:
    return frozenset(normalize(word) for word in VARIANT_WORDS)
