"""The script classes hold what Unicode names as their script's letters, and nothing else."""

from __future__ import annotations

import re
import unicodedata

import pytest

from monsterbot.core.scripts import HAN, HANGUL, HIRAGANA, KANA, KATAKANA, MIDDLE_DOT, is_cjk

#: Planes 0 to 3: every class's characters are there.
_LAST = 0x3FFFF


def _named(first: int = 0, last: int = _LAST) -> list[tuple[str, str]]:
    return [(chr(code), name) for code in range(first, last + 1) if (name := unicodedata.name(chr(code), ""))]


def _held(cls: str, first: int = 0, last: int = _LAST) -> set[str]:
    pattern = re.compile(f"[{cls}]")
    return {ch for ch, _ in _named(first, last) if pattern.fullmatch(ch)}


def test_han_is_every_ideograph_and_nothing_else():
    """Extension A, the Unified and the Compatibility Ideographs, and planes 2 and 3 (the old ranges missed
    Extension A, or the compatibility forms, or the planes); no radical, hexagram or iteration mark."""
    ideographs = {ch for ch, name in _named() if name.startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEO"))}
    assert _held(HAN) == ideographs
    assert {"㐂", "鿿", "﨑", "𠀋", "𪚲"} <= ideographs  # Extension A, Unified, Compatibility, Extensions B and C
    assert not _held(HAN) & set("々〇⺮⼝䷀")


@pytest.mark.parametrize(
    ("cls", "named", "also"),
    [
        (HIRAGANA, ("HIRAGANA ",), ""),
        (KATAKANA, ("KATAKANA ", "HALFWIDTH KATAKANA"), "ー"),
    ],
)
def test_kana_classes_are_their_scripts_letters(cls: str, named: tuple[str, ...], also: str):
    """The Basic Multilingual Plane's hiragana and katakana by name (with ー, and the half-width forms), without the
    middle dot, the double hyphen or the circled and squared katakana; plane 1's archaic kana are left out."""
    expected = {ch for ch, name in _named(last=0xFFFF) if name.startswith(named)} - set(MIDDLE_DOT) | set(also)
    assert _held(cls, last=0xFFFF) == expected
    assert not _held(cls) & set("・･゠㋐㌀")


def test_kana_is_both_kana_and_their_voicing_marks():
    assert _held(KANA) == _held(HIRAGANA) | _held(KATAKANA) | set("\u3099\u309a゛゜")


@pytest.mark.parametrize(
    "text", ["リオレウス", "ﾘｵﾚｳｽ", "らーじゃん", "火龍", "㐂", "𠀋", "﨑", "리오레우스", "ㅋㅋ", "a 火"]
)
def test_is_cjk_of_text_in_a_cjk_script(text: str):
    assert is_cjk(text)
    assert is_cjk(unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("text", ["rathalos", "・", "〜", "、。", "⼝", "🔥", ""])
def test_is_cjk_not_of_latin_punctuation_or_symbols(text: str):
    assert not is_cjk(text)


def test_hangul_holds_syllables_and_jamo():
    assert {"가", "힣", "ᄀ", "ㅋ"} <= _held(HANGUL)
