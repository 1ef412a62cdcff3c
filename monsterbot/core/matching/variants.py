"""Variant words, by meaning, in the four languages: a variant is a base name plus one of them.

Which monster a (base, meaning) pair is comes from the knowledge's own names, never from a list here:
リオレウス希少種 is リオレウス + 希少種, so (Rathalos, rare) is Silver Rathalos; 銀レウス is 銀 + レウス, so (Rathalos,
silver) is too; "Black Diablos" gives (Diablos, black). A pair no name gives ("ナルガ亜種", "綠迅龍") is a variant the
knowledge lacks.
"""

from __future__ import annotations

from functools import lru_cache

from monsterbot.core.matching.normalize import normalize

VARIANT_MEANINGS: dict[str, tuple[str, ...]] = {
    "subspecies": ("亜種", "亞種", "亚种", "subspecies", "variant"),
    "rare": ("希少種", "稀少種", "稀少种", "稀有種", "稀有种", "rare species"),
    "titled": ("二つ名",),
    "green": ("綠", "绿", "緑", "green"),
    "azure": ("蒼", "苍", "azure", "青", "blue"),  # one colour: 青レウス, "blue rath" are 蒼火竜, Azure Rathalos
    "gold": ("金", "gold", "golden"),
    "silver": ("銀", "银", "silver"),
    "black": ("黑", "黒", "black"),
    "white": ("白", "white"),
    "red": ("紅", "红", "red"),
    "purple": ("紫", "purple"),
    "pink": ("桜", "櫻", "樱", "pink"),
}
VARIANT_WORDS = tuple(word for words in VARIANT_MEANINGS.values() for word in words)


@lru_cache(maxsize=1)
def variant_keys() -> tuple[tuple[str, str], ...]:
    """(normalised word, meaning), longest word first, so 希少種 is read before a shorter word inside it."""
    pairs = {(normalize(word), meaning) for meaning, words in VARIANT_MEANINGS.items() for word in words}
    return tuple(sorted(pairs, key=lambda pair: (-len(pair[0]), pair)))


def split_variant(key: str, derived: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, str]]:
    """Each (meaning, rest) where the key is a variant word before or after a rest ("銀レウス": silver, レウス);
    `derived`
    adds the (word, meaning) pairs the knowledge's own names show (reading.py: ヌシ, 護竜, apex, guardian)."""
    found = []
    for word, meaning in (*variant_keys(), *derived):
        if len(key) > len(word) and key.startswith(word):
            found.append((meaning, key[len(word) :]))
        elif len(key) > len(word) and key.endswith(word):
            found.append((meaning, key[: -len(word)]))
    return found
