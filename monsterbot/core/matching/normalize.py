"""Normalise names and queries so that every script and spelling of a name meets on one key.

Steps, in order: Unicode NFKC (full-width to half-width), case folding, Simplified and
Japanese shinjitai to Traditional Chinese with OpenCC, a fold of variant characters that
occur between sources and players, hiragana to katakana, and removal of whitespace,
punctuation, symbols and emoji. The same function serves names and queries.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from functools import lru_cache, wraps
from pathlib import Path
from typing import Callable

import opencc

from monsterbot.core.scripts import HAN, KANA

#: Variant characters seen between official names, sources and what players type
#: (see ../shared/README.md). OpenCC leaves these alone; each maps to one canonical form.
VARIANT_FOLD = str.maketrans({"咒": "呪", "廻": "迴", "錘": "鎚", "兇": "凶", "溶": "熔", "掻": "搔", "亜": "亞"})

#: Longest input that is normalised; anything longer is cut, which bounds the work per message.
MAX_INPUT = 200
#: Short texts whose fold and key are kept: an answer folds its question's words and its monsters' names tens of
#: times, and the names folded before the fork (the master's warm-up) are shared by every worker. Longer texts (whole
#: messages, which rarely repeat) are folded each time, so the cache stays small whatever players send.
FOLDS_KEPT = 4096
KEPT_LENGTH = 32

_HIRAGANA_START, _HIRAGANA_END, _KANA_SHIFT = 0x3041, 0x3096, 0x60
_KEEP_CATEGORIES = ("L", "N")  # letters and digits; the long-vowel mark ー is a letter (Lm)


def _characters_only(name: str, dictionary: str) -> opencc.OpenCC:
    """An OpenCC converter that uses one of its character dictionaries and none of its phrase tables.

    Names and short questions need character conversion only; OpenCC's stock s2t also loads its
    phrase tables, 26 MB per process for nothing here (see BENCHMARKS.md).
    """
    share = Path(opencc.__file__).resolve().parent / "clib" / "share" / "opencc"
    config = {
        "name": name,
        "normalization": [{"dict": {"type": "ocd2", "file": str(share / "CJK_Compatibility_Ideographs.ocd2")}}],
        "conversion_chain": [{"dict": {"type": "ocd2", "file": str(share / dictionary)}}],
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(config, handle)
    try:
        return opencc.OpenCC(handle.name)
    finally:
        os.unlink(handle.name)


@lru_cache(maxsize=1)
def _converters() -> tuple[opencc.OpenCC, opencc.OpenCC, opencc.OpenCC]:
    return (
        _characters_only("s2t characters", "STCharacters.ocd2"),
        opencc.OpenCC("jp2t"),
        _characters_only("t2s characters", "TSCharacters.ocd2"),
    )


def to_traditional(text: str) -> str:
    """Convert Simplified Chinese and Japanese shinjitai to Traditional characters."""
    simplified, japanese, _ = _converters()
    return japanese.convert(simplified.convert(text)).translate(VARIANT_FOLD)


def hiragana_to_katakana(text: str) -> str:
    """Map every hiragana to its katakana (same sound, fixed code point offset)."""
    return "".join(chr(ord(ch) + _KANA_SHIFT) if _HIRAGANA_START <= ord(ch) <= _HIRAGANA_END else ch for ch in text)


def _short_texts_kept(function: Callable[[str], str]) -> Callable[[str], str]:
    """`function`, its results for the last FOLDS_KEPT texts of at most KEPT_LENGTH characters kept."""
    kept = lru_cache(maxsize=FOLDS_KEPT)(function)

    @wraps(function)
    def call(text: str) -> str:
        return kept(text) if len(text) <= KEPT_LENGTH else function(text)

    return call


@_short_texts_kept
def fold(text: str) -> str:
    """NFKC, case fold, Traditional Chinese, katakana; keeps spaces and punctuation."""
    text = unicodedata.normalize("NFKC", text[:MAX_INPUT]).casefold()
    return hiragana_to_katakana(to_traditional(text))


def compact(text: str) -> str:
    """Drop everything but letters and digits (whitespace, punctuation, symbols, emoji)."""
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in _KEEP_CATEGORIES)


@_short_texts_kept
def normalize(text: str) -> str:
    """The matching key of a name or query: folded and compacted."""
    return compact(fold(text))


#: Words only mainland players use, in text that is the same in both scripts ("哪些怪物怕火": Taiwan says 魔物).
MAINLAND_WORDS = ("怪物",)


#: Kanji only Japanese writes: shinjitai whose Chinese forms differ in both scripts (竜: 龍 / 龙, 黒: 黑, 獣: 獸 / 兽).
#: Listed, not derived from OpenCC's jp2t, which also changes characters Chinese uses as they are (欠, 予, 芸, 弁).
JAPANESE_ONLY = frozenset(
    "竜亜黒桜沢剣弾関団売読変県獣猟単巣戦様悪圧囲隠栄営駅塩縁応穏価壊拡覚楽渇巻歓観気帰犠拠挙駆恵掲経継軽鶏撃検権険験厳"
    "広鉱済剤雑賛歯児実釈収従渋縦処焼乗剰嬢浄畳譲醸図粋酔髄瀬斉摂専銭繊総荘捜挿騒増蔵臓続対帯滝択遅鋳聴鉄転伝稲闘徳"
    "廃拝発髪抜払辺歩豊毎満黙薬訳揺頼覧両塁涙霊齢暦歴労弐悩脳覇"
) | frozenset("氷")  # 氷 (Chinese 冰): a Japanese form OpenCC's jp2t leaves as it is
_KANA = re.compile(f"[{KANA}]")
_HAN = re.compile(f"[{HAN}]")


def detect_language(text: str) -> str:
    """Guess which of en / ja / zh-TW / zh-CN a query is written in."""
    if _KANA.search(text):
        return "ja"
    if not JAPANESE_ONLY.isdisjoint(text):
        return "ja"  # 轟竜, 黒蝕竜: kanji only Japanese writes, without kana
    if _HAN.search(text):
        to_trad, _, to_simp = _converters()
        if to_simp.convert(text) != text:  # a Traditional-only character
            return "zh-TW"
        if to_trad.convert(text) != text or any(word in text for word in MAINLAND_WORDS):
            return "zh-CN"
        return "zh-TW"
    return "en"
