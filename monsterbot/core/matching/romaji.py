"""Japanese names in romaji: kana to Hepburn and back with jaconv, folded to one loose spelling.

Players type romaji as they would on an IME or as they hear it: long vowels doubled, marked with "-"
or dropped (ラージャン: raajan, ra-jan, rajan), っ as a doubled consonant or not at all, ん before a
vowel as "n", "nn" or "n'" (ジンオウガ: jinouga, jinnouga, jin'ouga), and Kunrei or Hepburn spellings
(syagaru, shagaru). The loose form folds those differences away on both sides: names are converted to
Hepburn, queries to kana by IME rules and back to Hepburn, and each is folded.
"""

from __future__ import annotations

import re
from functools import lru_cache

import jaconv

from monsterbot.core.scripts import HIRAGANA, KATAKANA, LONG_VOWEL_MARK, MIDDLE_DOT

_HIRAGANA = re.compile(f"[{HIRAGANA}{LONG_VOWEL_MARK}]+")
_KATAKANA = re.compile(f"[{KATAKANA}{MIDDLE_DOT}]+")
_LONG_O = re.compile(r"o[uh](?=[^aeiou]|$)")  # ou / oh for a long o (ショウグン: shougun, shogun, shohgun)
_REPEAT = re.compile(r"([a-z])\1+")
#: A glide between a consonant or an i and a vowel: ゲリョス (geryosu) and ゲリヨス (geriyosu), リオレイア (rioreia) and
#: リオレイヤ (rioreiya) differ only by a small kana typed large or a glide heard; both fold to an i.
_GLIDE = re.compile(r"(?<=[bcdfghjklmnprstvwz])y(?=[aeiou])|(?<=i)y(?=[aeiou])")


def is_kana(text: str) -> bool:
    """True when the text is katakana only (names and queries are normalised to katakana)."""
    return _KATAKANA.fullmatch(text) is not None


def hepburn(katakana: str) -> str:
    """Hepburn romaji of a katakana text (ー as "-")."""
    return str(jaconv.kana2alphabet(jaconv.kata2hira(katakana)))


def ime_kana(latin: str) -> str | None:
    """The kana an IME makes of a Latin text, None when some letters make no kana (not romaji).

    A consonant left over at the end is not romaji either (jaconv makes it a っ, "rathalos").
    """
    kana = str(jaconv.alphabet2kana(latin))
    return kana if _HIRAGANA.fullmatch(kana) and not kana.endswith("っ") else None


def loose(romaji: str) -> str:
    """The loose spelling: letters only, long vowels, doubled consonants and nn folded to one letter, a glide (ya,
    yo, yu after a consonant or an i) to an i."""
    letters = "".join(ch for ch in romaji if "a" <= ch <= "z")
    return _REPEAT.sub(r"\1", _GLIDE.sub("i", _LONG_O.sub("o", letters)))


#: Kana that differ only by their voicing marks (ド/ト, バ/ハ/パ/フ, グ/ク, ズ/ス, ツ/ス): a slip of one mark is a
#: typo of a long name (ドシャクマ, ジン・ダバド, ティガレックツ), but short words differ so on their own (コア,
#: ゴア): only spellings of MIN_VOICELESS letters or more are folded, and only for a query typed in kana.
_VOICING = (
    *((re.compile(r"j"), "sh"), (re.compile(r"ts"), "s"), (re.compile(r"[bpf]"), "h")),
    *((re.compile(r"d"), "t"), (re.compile(r"g"), "k"), (re.compile(r"z"), "s")),
)
MIN_VOICELESS = 6


def voiceless(spelling: str) -> str:
    """A loose spelling with every voiced consonant made voiceless ("doshaguma" → "toshakuma"); "" when short."""
    if len(spelling) < MIN_VOICELESS:
        return ""
    for pattern, replacement in _VOICING:
        spelling = pattern.sub(replacement, spelling)
    return _REPEAT.sub(r"\1", spelling)


def name_spelling(key: str) -> str | None:
    """The loose spelling of a katakana name, None for other names."""
    return loose(hepburn(key)) if is_kana(key) else None


@lru_cache(maxsize=4096)
def query_spellings(subject: str) -> tuple[str, ...]:
    """Loose spellings of a query: as typed and as an IME reads it (Latin), or of its kana.

    Cached: jaconv's conversion is a chain of ~450 replacements (~90 µs), and players repeat names.
    """
    if is_kana(subject):
        return (loose(hepburn(subject)),)
    if not (subject.isascii() and subject.isalpha()):
        return ()
    kana = ime_kana(subject)
    if kana is None:
        return ()
    return tuple(dict.fromkeys([loose(subject), loose(hepburn(jaconv.hira2kata(kana)))]))
