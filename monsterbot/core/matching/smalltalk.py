"""Recognise small talk — greetings, thanks, laughter, "ok", goodbyes — in the four languages players use.

A message is small talk only when the whole of it is (after the same normalisation as names, so 謝謝 / 谢谢 and
full-width spellings meet), possibly repeated or with emoji: "hi!!", "謝謝你", "哈哈哈", "www", "👍".
"""

from __future__ import annotations

import re
from functools import lru_cache

from monsterbot.core.matching.normalize import normalize

#: Whole messages per kind of small talk, in their natural spelling (normalised when compiled).
PHRASES: dict[str, tuple[str, ...]] = {
    "greeting": (
        "hi",
        "hello",
        "hey",
        "hiya",
        "yo",
        "howdy",
        "good morning",
        "good evening",
        "morning",
        "hi there",
        "hello there",
        "hey there",
        "hi bot",
        "hello bot",
        "你好",
        "您好",
        "嗨",
        "哈囉",
        "哈喽",
        "哈嘍",
        "早安",
        "午安",
        "晚安",
        "安安",
        "大家好",
        "嗨嗨",
        "你好呀",
        "你好啊",
        "こんにちは",
        "こんばんは",
        "おはよう",
        "おはようございます",
        "はじめまして",
        "やあ",
        "どうも",
    ),
    "thanks": (
        "thanks",
        "thank you",
        "thank you so much",
        "thanks a lot",
        "thx",
        "ty",
        "tks",
        "cheers",
        "謝謝",
        "謝謝你",
        "謝啦",
        "多謝",
        "感謝",
        "感恩",
        "3q",
        "謝謝您",
        "感謝你",
        "ありがとう",
        "ありがとうございます",
        "ありがと",
        "サンキュー",
        "感謝です",
        "助かった",
        "助かりました",
    ),
    "ok": (
        "ok",
        "okay",
        "k",
        "kk",
        "cool",
        "nice",
        "great",
        "got it",
        "alright",
        "sure",
        "good",
        "好",
        "好的",
        "好喔",
        "好哦",
        "嗯",
        "嗯嗯",
        "喔",
        "哦",
        "了解",
        "收到",
        "知道了",
        "讚",
        "赞",
        "棒",
        "はい",
        "うん",
        "わかった",
        "わかりました",
        "了解です",
        "オッケー",
        "いいね",
    ),
    "bye": (
        "bye",
        "goodbye",
        "bye bye",
        "see you",
        "see ya",
        "good night",
        "gn",
        "掰掰",
        "拜拜",
        "再見",
        "再见",
        "881",
        "晚安囉",
        "バイバイ",
        "またね",
        "さようなら",
        "おやすみ",
        "おやすみなさい",
    ),
}

#: Laughter, written in any length: haha, hehe, lol, lmao, 哈哈, 呵呵, 嘻嘻, 笑, www, 草.
LAUGHTER = re.compile(r"^(?:(?:ha|he|hi|ah)+h?|l+o+l+|lmf?ao+|rofl|xd+|[哈呵嘻嘿]+|笑+|w+|[草笑]+|[ハ]+)$")

#: Emoji and symbols that are small talk on their own (the normalised text of such a message is empty).
EMOJI_KINDS: dict[str, str] = {
    "😂": "laugh",
    "🤣": "laugh",
    "😆": "laugh",
    "😄": "laugh",
    "😁": "laugh",
    "👍": "ok",
    "👌": "ok",
    "🙏": "thanks",
    "👋": "greeting",
    "❤️": "thanks",
    "❤": "thanks",
}


@lru_cache(maxsize=1)
def _phrases() -> dict[str, str]:
    return {normalize(p): kind for kind, phrases in PHRASES.items() for p in phrases}


def small_talk(text: str) -> str | None:
    """The kind of small talk a whole message is (greeting, thanks, laugh, ok, bye), or None."""
    key = normalize(text)
    if not key:
        kinds = {EMOJI_KINDS[ch] for ch in text if ch in EMOJI_KINDS}
        return kinds.pop() if len(kinds) == 1 else None
    phrases = _phrases()
    if key in phrases:
        return phrases[key]
    if LAUGHTER.match(key):
        return "laugh"
    for size in range(1, len(key) // 2 + 1):  # a phrase said twice or more: "thanks thanks", "好好好"
        unit = key[:size]
        if len(key) % size == 0 and unit * (len(key) // size) == key and unit in phrases:
            return phrases[unit]
    return None
