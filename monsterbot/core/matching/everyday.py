"""Everyday words that hold or resemble a monster's name and must not be taken for it.

火龍果 (dragon fruit) holds 火龍, 恐龍 (dinosaur) is one character from 恐暴龍. Two lists, both
normalised when loaded:

- `everyday_words_dictionary.txt`, written by `python -m monsterbot_devtools.matching_data` from
  jieba's Chinese dictionary (MIT): every word that holds a Chinese name or alias of the roster, or that the
  fuzzy matcher would put near one without being part of it;
- `everyday_words_english.txt`, written by the same command from SCOWL's English word list (Debian's `wamerican`,
  /usr/share/dict/american-english; permissive licence, credited in the file): every lower-case English word that
  begins a Latin name ("ajar" for Ajarakan, "coral", "lava"), holds one ("gossip" holds "goss") or is near one
  ("tiger"): whether a word is common in English is the evidence that tells "ajar" from a player's "lagi";
- `everyday_words.txt`, kept by hand: words no dictionary here gives (Japanese and English words,
  brands, place names), one per line, `#` for comments;
- `everyday_words_small_monsters.txt`, written by the same command from the games' own text (the Wilds text of
  MHWS-in-json and MHWorldData's World monsters, both MIT, credited in the file): the small monsters and endemic
  life of Monster Hunter in the four languages (ブランゴ, Blango, 雪獅子; Talioth; 麻痺瓦斯蛙), which are no large
  monster: a player naming one is answered as for any word, unless it is a name or alias of the roster too;
- `common_names_dictionary.txt`, written by the same command from jieba's dictionary, CC-CEDICT (CC BY-SA 4.0,
  credited in the file) and SCOWL's list: the roster's names and short forms that are themselves common words, with
  the source: Han ones (海龍, the sea dragon of zoos; 火龍, 麒麟; 角龍, a dinosaur) and Latin ones ("gore", "behemoth",
  "los"). `is_everyday` tells from it whether a name needs a hunter's frame to be a monster (reading.py): a name of
  two characters that is no such word (鎧龍, 迅龍, 怪鳥) is a coined name, as longer ones are.

A name or alias itself is never an everyday word (it is dropped when the matcher is built).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

from rapidfuzz import fuzz, process

from monsterbot.core.matching.normalize import compact, fold
from monsterbot.core.scripts import KATAKANA, is_cjk

HAND_KEPT = Path(__file__).with_name("everyday_words.txt")
FROM_DICTIONARY = Path(__file__).with_name("everyday_words_dictionary.txt")
FROM_ENGLISH = Path(__file__).with_name("everyday_words_english.txt")
FROM_GAMES = Path(__file__).with_name("everyday_words_small_monsters.txt")
COMMON_NAMES = Path(__file__).with_name("common_names_dictionary.txt")
#: A word jieba's dictionary counts more often than this is common Chinese: the dictionary's median count is 3, and
#: the roster's two-character names it holds split there (海龍 80, 麒麟 128, 火龍 246 against 水獸 and 滅盡, 3, words
#: only of a few texts). Chosen on the tuning halves: 水兽在哪个地图刷 asks about Royal Ludroth.
COMMON_COUNT = 3
#: The length of a Han name that may be a common word: longer ones are transliterations and coined words (none of
#: the roster's is a word of jieba's dictionary or CC-CEDICT).
SHORT_HAN = 2
#: The fewest kana of a katakana name that is a transliteration, no Japanese word; no Japanese dictionary here tells
#: the shorter ones (キリン, ゾラ, マム) from coined names.
COINED_KANA = 4
#: An English word this similar to a Latin name (rapidfuzz ratio) would be taken for it ("tiger": Tigrex).
NEAR_ENGLISH = 80.0
_SHORTEST_PREFIX = 4  # a word of four letters or more that begins a name would be read as its short form
#: A dictionary word this similar to a name (rapidfuzz ratio) would be a fuzzy candidate.
NEAR = 65.0
_LONGEST_WORD = 8
_KATAKANA = re.compile(f"[{KATAKANA}]")


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def everyday_words() -> frozenset[str]:
    """Both lists, normalised (the same keys as names)."""
    paths = (HAND_KEPT, FROM_DICTIONARY, FROM_ENGLISH, FROM_GAMES)
    return frozenset(compact(fold(word)) for path in paths for word in _lines(path)) - {""}


@lru_cache(maxsize=1)
def common_names() -> frozenset[str]:
    """The roster's names and short forms that are common words, normalised."""
    return frozenset(compact(fold(line.split(" ", 1)[0])) for line in _lines(COMMON_NAMES))


def is_everyday(key: str) -> bool:
    """Whether a normalised name or short form is also an everyday word of its language, so that only a hunter's frame
    makes it a monster: one the dictionaries count as a common word (common_names: 海龍, 麒麟, 角龍, "gore", "los";
    貝希摩斯 and ベヒーモス, named after the English word; 雪獅子, a small monster's), a word of the everyday lists
    (everyday_words: "ajar", "lava", "coral", 恐龍, Talioth), or a katakana one shorter than COINED_KANA (キリン,
    ゾラ). Latin short forms no English word list holds ("kirin", "magna", "lagi") are not everyday by this
    evidence: the reader asks more of them (an official name of reading.COINED_LATIN letters: "kirin" is a brand
    too)."""
    if _KATAKANA.search(key) and len(key) < COINED_KANA:
        return True
    return key in common_names() or key in everyday_words()


def build_common_names(
    keys: Iterable[str],
    dictionary: Path,
    cedict: Iterable[str] = (),
    english: Iterable[str] = (),
    monsters: Iterable[tuple[str, Iterable[str]]] = (),
    small: Iterable[str] = (),
) -> str:
    """The common-names list's text: each Han key, or beginning of one (a short form: 風神 of 風神龍, 暗器 of
    暗器蛸), that jieba's dictionary counts more than COMMON_COUNT times (with its count) or that is a headword of
    CC-CEDICT (lines `traditional simplified [pinyin] /gloss/`: 角龍, the
    ceratopsian dinosaur, which jieba's dictionary lacks), and each Latin key that is a word of an English word list
    in any case ("Gog", "Los" are proper nouns), as the source writes it. A monster of `monsters` (its English key,
    all its keys) named by an English word is named after something else in every language: its keys are words too
    (Behemoth, the Bible's beast: 貝希摩斯, ベヒーモス). A small monster's name (small_monster_names) that is a piece
    of a roster key is a word too (雪獅子 of 雪獅子王: Blango, and the snow lion of Tibet; ブランゴ)."""
    han = [k for k in keys if len(k) >= SHORT_HAN and is_cjk(k) and not _KATAKANA.search(k)]
    names = {k[:end] for k in han for end in range(SHORT_HAN, len(k) + 1)}  # the short forms too (風神 of 風神龍)
    latin = {k for k in keys if k.isascii() and k.isalpha()}
    found: dict[str, str] = {}
    for line in dictionary.read_text("utf-8").splitlines():
        word, count, *_ = line.split(" ")
        key = compact(fold(word))
        if key in names and int(count) > COMMON_COUNT and key not in found:
            found[key] = f"{word} jieba:{count}"
    for line in cedict:
        key = compact(fold(line.split(" ", 1)[0])) if not line.startswith("#") else ""
        if key in names and key not in found:
            found[key] = f"{line.split(' ', 1)[0]} cc-cedict"
    for line in english:
        word = line.strip()
        if word.lower() in latin and word.lower() not in found:
            found[word.lower()] = f"{word.lower()} scowl"
    pieces = _pieces(keys)
    for name in small:
        key = compact(fold(name))
        if key in pieces and key not in found:
            found[key] = f"{name} game:small"
    for en, named in monsters:
        for name in named if en in found and en in latin else ():
            found.setdefault(name, f"{name} scowl:{en}")
    return "".join(f"{line}\n" for line in sorted(found.values()))


#: The Wilds text's columns of the four languages (EnemyText.msg.23.json: 0 Japanese, 1 English, 12 Traditional and
#: 13 Simplified Chinese), and the ids of its small monsters (EM1xxx) and endemic life (EM5xxx).
_WILDS_COLUMNS = (0, 1, 12, 13)
_WILDS_SMALL = re.compile(r"EnemyText_(?:EXTRA_)?NAME_EM[15]\d{3}_")
#: What the game writes after a name and no player types with it: a sex, a form in brackets (盾突龍（家畜種）).
_NAME_NOTE = re.compile(r"[♂♀]|[（(][^）)]*[）)]")


def small_monster_names(wilds_text: Mapping[str, object], world_rows: Iterable[Mapping[str, str]] = ()) -> set[str]:
    """The names of the Wilds text's small monsters and endemic life in the four languages (`wilds_text`:
    EnemyText.msg.23.json), and those of World's small monsters (`world_rows`: MHWorldData's monster_base.csv joined
    with its translations: size, name_en, name_ja, name_zh), without the game's notes (♂, （家畜種）)."""
    names: set[str] = set()
    entries = wilds_text.get("entries", [])
    for entry in entries if isinstance(entries, list) else ():
        if _WILDS_SMALL.match(str(entry.get("name", ""))):
            names.update(str(entry["content"][column]) for column in _WILDS_COLUMNS)
    for row in world_rows:
        if row.get("size") == "small":
            names.update(row.get(column, "") for column in ("name_en", "name_ja", "name_zh"))
    return {cleaned for name in names if (cleaned := _NAME_NOTE.sub("", name).strip())}


def _pieces(keys: Iterable[str]) -> set[str]:
    return {key[i:j] for key in set(keys) for i in range(len(key)) for j in range(i + 1, len(key) + 1)}


def build_small_monsters(keys: Iterable[str], names: Iterable[str]) -> str:
    """The small-monsters list's text: the small monsters' `names` (small_monster_names) less those a roster key
    holds: a large monster's name shortened says the same (コンガ of ババコンガ, 桃毛獣, Congalala's Japanese epithet,
    of 桃毛獸王), and players mean the large one as often; common_names keeps those (a word of something else)."""
    pieces = _pieces(keys)
    return "".join(f"{name}\n" for name in sorted(names) if compact(fold(name)) not in pieces)


def build_dictionary_words(keys: Iterable[str], dictionary: Path) -> str:
    """The dictionary list's text: words of jieba's dictionary that hold or resemble a Chinese key."""
    names = {k for k in keys if is_cjk(k) and not _KATAKANA.search(k)}
    near_names = sorted(names)
    found: dict[str, str] = {}
    for line in dictionary.read_text("utf-8").splitlines():
        word = line.split(" ", 1)[0]
        key = compact(fold(word))
        if not (2 <= len(key) <= _LONGEST_WORD) or key in names or key in found.values():
            continue
        holds = any(key[i:j] in names for i in range(len(key)) for j in range(i + 2, len(key) + 1) if j - i < len(key))
        near = not holds and any(
            key not in name
            for name, _, _ in process.extract(key, near_names, scorer=fuzz.ratio, score_cutoff=NEAR, limit=3)
        )
        if holds or near:
            found[word] = key
    return "".join(f"{word}\n" for word in sorted(found))


def build_english_words(keys: Iterable[str], words: Path) -> str:
    """The English list's text: lower-case words of a word list that begin, hold or resemble a Latin key."""
    latin = sorted({k for k in keys if k.isascii() and k.isalpha()})
    found = []
    for line in words.read_text("utf-8").splitlines():
        word = line.strip()
        if not (word.isascii() and word.isalpha() and word.islower() and 3 <= len(word) <= _LONGEST_WORD + 6):
            continue
        if word in latin:
            continue
        begins = len(word) >= _SHORTEST_PREFIX and any(k.startswith(word) for k in latin)
        holds = any(len(k) >= _SHORTEST_PREFIX and k in word for k in latin)
        if begins or holds or process.extractOne(word, latin, scorer=fuzz.ratio, score_cutoff=NEAR_ENGLISH):
            found.append(word)
    return "".join(f"{word}\n" for word in sorted(set(found)))
