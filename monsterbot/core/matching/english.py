"""Latin names as they sound in English: one loose spelling for the ways players spell what they heard.

"kematrice" and "quematrice", "jipceros" and "gypceros", "ray dau" and "rey dau", "nerscila" and "nerscylla",
"tigrecks" and "tigrex" are one spelling here: letters that sound alike in English are folded (x after a letter →
ks; qu/q/c before a, o, u/ck → k; c before e, i, y → s; g before e, i, y → j, but not before eu, said "oo":
Bazelgeuse as "bazelgoose"; a final e after a letter is silent; ph → f; y → i; z → s), vowel pairs that make one
sound are one vowel (ay, ey, ai, ei → e; au, ao, aw, ow, ou, oo, eu, ew → u; ee, ie, ea → i; eo → io), silent h
after a consonant, h after a vowel but before none ("zoh", "ah": zosheeah for Zoh Shia; "bahamut" keeps it) and
doubled letters are dropped; "er" before a consonant is the unstressed "a" it sounds as
("chattercabra" for Chatacabra). Only whole names of five letters or more have a spelling:
shorter ones are too easily another word. A sentence is spelled the same way, each letter of the spelling kept
with the letters it comes from (`aligned`), so a name heard inside it is found and cut out as typed ("is gin dahad
weak to ice": "jindahad", the spelling of Jin Dahaad, from "gin dahad").

Its other job: the stems of an English word (`stems`), one way for the parser and the reader alike.
"""

from __future__ import annotations

import re

MIN_LETTERS = 5
#: Endings taken off an English word to find its stem ("fights", "hunting", "breakable", "resistances", "weakest").
ENDINGS = ("s", "es", "d", "ed", "ing", "able", "er", "ers", "est", "ly", "y")
_RULES = (
    (re.compile(r"(?<=[a-z])x"), "ks"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"qu|q|ck"), "k"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"c"), "k"),
    (re.compile(r"g(?=e(?!u)|[iy])"), "j"),
    (re.compile(r"(?<=[a-z])e$"), ""),
    (re.compile(r"(?<=[^aeiouy])h"), ""),
    (re.compile(r"(?<=[aeiou])h(?![aeiouy])"), ""),
    (re.compile(r"ay|ey|ai|ei"), "e"),
    (re.compile(r"au|ao|aw|ow|ou|oo|eu|ew"), "u"),
    (re.compile(r"eo"), "io"),
    (re.compile(r"ee|ie|ea"), "i"),
    (re.compile(r"y"), "i"),
    (re.compile(r"z"), "s"),
    (re.compile(r"([a-z])\1+"), r"\1"),
    (re.compile(r"er(?=[^aeiouy])"), "a"),
)
_LETTERS = re.compile(r"[a-z]+")


def spelling(key: str) -> str:
    """The loose spelling of a normalised Latin key ("" for anything else or a key too short)."""
    if len(key) < MIN_LETTERS or not _LETTERS.fullmatch(key):
        return ""
    for pattern, replacement in _RULES:
        key = pattern.sub(replacement, key)
    return key


def aligned(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The loose spelling of a Latin text of any length, and for each of its letters the (start, end) of the letters
    of the text it comes from: "gindahadice" is "jindahadis", its "j" from (0, 1), its "s" from (9, 10)."""
    spelled, origins = text, [(i, i + 1) for i in range(len(text))]
    for pattern, replacement in _RULES:
        pieces: list[str] = []
        kept: list[tuple[int, int]] = []
        last = 0
        for found in pattern.finditer(spelled):
            start, end = found.span()
            new = found.expand(replacement)
            pieces += (spelled[last:start], new)
            kept += (*origins[last:start], *[(origins[start][0], origins[end - 1][1])] * len(new))
            last = end
        pieces.append(spelled[last:])
        kept += origins[last:]
        spelled, origins = "".join(pieces), kept
    return spelled, tuple(origins)


def stems(word: str) -> set[str]:
    """An English word and the stems its endings leave, a silent e put back ("breakable": break; "struggling":
    struggl, struggle; "weakest": weak); no stem shorter than three letters."""
    cut = {word[: -len(end)] for end in ENDINGS if word.endswith(end) and len(word) > len(end) + 2}
    return {word, *cut, *(stem + "e" for stem in cut)}
