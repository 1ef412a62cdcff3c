"""Everyday words that hold or resemble a monster's name and must not be taken for it.

火龍果 (dragon fruit) holds 火龍, 恐龍 (dinosaur) is one character from 恐暴龍. Two lists, both
normalised when loaded:

- `everyday_words_dictionary.txt`, written by `python -m monsterbot_devtools.matching_data` from
  jieba's Chinese dictionary (MIT): every word that holds a Chinese name or alias of the roster, or that the
  fuzzy matcher would put near one without being part of it;
- `everyday_words.txt`, kept by hand: words no dictionary here gives (Japanese and English words,
  brands, place names), one per line, `#` for comments.

A name or alias itself is never an everyday word (it is dropped when the matcher is built).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable

from rapidfuzz import fuzz, process

from monsterbot.core.matching.normalize import compact, fold, is_cjk

HAND_KEPT = Path(__file__).with_name("everyday_words.txt")
FROM_DICTIONARY = Path(__file__).with_name("everyday_words_dictionary.txt")
#: A dictionary word this similar to a name (rapidfuzz ratio) would be a fuzzy candidate.
NEAR = 65.0
_LONGEST_WORD = 8


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def everyday_words() -> frozenset[str]:
    """Both lists, normalised (the same keys as names)."""
    return frozenset(compact(fold(word)) for path in (HAND_KEPT, FROM_DICTIONARY) for word in _lines(path)) - {""}


def build_dictionary_words(keys: Iterable[str], dictionary: Path) -> str:
    """The dictionary list's text: words of jieba's dictionary that hold or resemble a Chinese key."""
    names = {k for k in keys if is_cjk(k) and not any(0x30A0 <= ord(ch) <= 0x30FF for ch in k)}
    near_names = sorted(names)
    found: dict[str, str] = {}
    for line in dictionary.read_text("utf-8").splitlines():
        word = line.split(" ", 1)[0]
        key = compact(fold(word))
        if not (2 <= len(key) <= _LONGEST_WORD) or key in names or key in found.values():
            continue
        holds = any(key[i:j] in names for i in range(len(key)) for j in range(i + 2, len(key) + 1) if j - i < len(key))
        near = not holds and any(
            key not in name for name, _, _ in process.extract(key, near_names, scorer=fuzz.ratio, score_cutoff=NEAR, limit=3)
        )
        if holds or near:
            found[word] = key
    return "".join(f"{word}\n" for word in sorted(found))
