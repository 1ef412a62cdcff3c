"""Whether a Chinese name is a word of the language or a coined one.

A name of two Han characters may be an everyday word (海龍, a pipefish; 火龍; 麒麟, the qilin) or a word only the
games coined (鎧龍, 怪鳥, 纏蛙): the evidence is a dictionary. `dictionary_names.txt` is written by `python -m
monsterbot_devtools.matching_data` from jieba's Chinese dictionary (MIT): the roster's Chinese names and aliases
that are words of it. A name the dictionary lacks is coined.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from monsterbot.core.matching.normalize import compact, fold
from monsterbot.core.scripts import HAN

DICTIONARY_NAMES = Path(__file__).with_name("dictionary_names.txt")
_HAN_WORD = re.compile(f"[{HAN}]+")


@lru_cache(maxsize=1)
def _dictionary_names() -> frozenset[str]:
    lines = DICTIONARY_NAMES.read_text("utf-8").splitlines()
    return frozenset(compact(fold(line)) for line in lines if line.strip() and not line.startswith("#"))


def coined(key: str) -> bool:
    """Whether a normalised Chinese name is no word of the dictionary."""
    return key not in _dictionary_names()


def build_dictionary_names(keys: Iterable[str], dictionary: Path) -> str:
    """The list's text: the Han keys that are words of jieba's dictionary (its word, a space, its frequency, …)."""
    words = {compact(fold(line.split(" ", 1)[0])) for line in dictionary.read_text("utf-8").splitlines()}
    return "".join(f"{key}\n" for key in sorted({key for key in keys if _HAN_WORD.fullmatch(key)} & words))
