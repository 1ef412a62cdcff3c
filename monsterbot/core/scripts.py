"""The Unicode ranges of the scripts names and questions are written in: kana, Han, Hangul and folded Latin.

Each class is the inside of a regex bracket, so classes join and take extra characters where a pattern needs them
(f"[{KANA}{HAN}]", f"[{KATAKANA}{MIDDLE_DOT}]+"). The ranges are Unicode's blocks (Unicode 14, Python 3.11), less the
punctuation and symbols some blocks hold (゠ ・ in Katakana, the Yijing hexagrams between Extension A and the
Unified Ideographs), and without plane 1's archaic kana, which no player types. Most text is matched after NFKC
(normalize.fold), which makes half-width kana full width and most compatibility ideographs unified ones; the classes
hold those forms too, for text matched as typed.
"""

from __future__ import annotations

import re

#: Hiragana: the letters ぁ–ゖ, the iteration marks ゝ ゞ and the digraph ゟ.
HIRAGANA = "\u3041-\u3096\u309d-\u309f"
#: The long-vowel mark ー, written mostly in katakana words (and in KATAKANA), sometimes after hiragana (らーじゃん).
LONG_VOWEL_MARK = "\u30fc"
#: Katakana: the letters ァ–ヺ, the long-vowel mark, the iteration marks ヽ ヾ and the digraph ヿ, the small katakana
#: of the Phonetic Extensions (ㇰ–ㇿ), and the half-width letters and marks ｦ–ﾟ (with ｰ ﾞ ﾟ).
KATAKANA = f"\u30a1-\u30fa{LONG_VOWEL_MARK}\u30fd-\u30ff\u31f0-\u31ff\uff66-\uff9f"
#: The voicing marks either kana takes (゙ ゚ ゛ ゜).
_VOICING_MARKS = "\u3099-\u309c"
#: Both kana.
KANA = f"{HIRAGANA}{KATAKANA}{_VOICING_MARKS}"
#: The middle dot that joins the words of a katakana name (ゼノ・ジーヴァ): punctuation, in no class; patterns that read
#: a name as written add it (and its half-width form ･), the normalised key has none.
MIDDLE_DOT = "\u30fb\uff65"
#: Han ideographs: CJK Unified Ideographs Extension A (U+3400–4DBF), the Unified Ideographs (U+4E00–9FFF), the
#: Compatibility Ideographs (U+F900–FAFF: NFKC maps all but twelve unified ones among them to the Unified block), and
#: planes 2 and 3 (U+20000–3FFFF), which Unicode gives to ideographs only (Extensions B to H, the compatibility
#: supplement). Not the radicals (⺮, ⼝: symbols) nor 々 and 〇 (no monster name has them).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
#: The Extension A and Unified Ideographs blocks as one span of code points (the Yijing hexagrams between them
#: included): a table indexed by code point covers it (pinyin.Readings); every monster name's Han is in it.
HAN_BMP_SPAN = (0x3400, 0x9FFF)
#: Hangul: the syllables, and the jamo of the Jamo block (what NFKC makes of compatibility jamo such as ㅋ), its
#: extensions A and B, and the compatibility jamo.
HANGUL = "\uac00-\ud7a3\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u3130-\u318f"
#: Latin letters as folded text has them: NFKC and case folding leave every name's Latin letters lower-case ASCII.
LATIN = "a-z"

_CJK = re.compile(f"[{KANA}{HAN}{HANGUL}]")


def is_cjk(text: str) -> bool:
    """True when the text holds any Han, kana or Hangul character."""
    return _CJK.search(text) is not None
