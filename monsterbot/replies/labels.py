"""The words of the replies in the four languages players use."""

from __future__ import annotations

import re
from typing import Iterable, Mapping

from monsterbot.core.glossary import part_tables, part_words
from monsterbot.core.parts import split_state

ELEMENT_ICONS: Mapping[str, str] = {"fire": "🔥", "water": "💧", "thunder": "⚡", "ice": "❄️", "dragon": "🐉"}

#: The sources of knowledge/ as players read them in a card's footnote (the ids are for editors).
SOURCE_NAMES: Mapping[str, str] = {
    "mhworlddata": "MHWorldData",
    "hunterpie-gamedata": "HunterPie",
    "mhws-in-json": "MHWS-in-json",
    "mhrise-ele-check": "MHRise_Ele_Check",
}

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "usage": (
            "Send a monster's name for its weaknesses;"
            " add “hitzones”, “materials”, “habitat”,"
            " “ailments”. Ask “where do I get Rathalos Ruby”,"
            " “weak to fire”, “A vs B”. In groups, mention me."
        ),
        "greeting": "Hi! I'm monsterbot, your Monster Hunter weakness guide. 🐉",
        "full_table": "Full table ({rows} rows)",
        "more": "More ▸",
        "try_these": "I know monster names — try one of these:",
        "hz_short": "HZ",
        "hz_note": "HZ = {element} hitzone on the parts players hit (weak spots)",
        "talk_greeting": "Hi, hunter! 👋 Send me a monster's name and I'll tell you its weaknesses.",
        "talk_thanks": "You're welcome! Happy hunting 🎯",
        "talk_laugh": "😄 Glad you're having fun! Want to look up a monster?",
        "talk_ok": "👍 Anything else to look up? Try one of these:",
        "talk_bye": "See you, hunter! 👋 Happy hunting.",
        "talk_sticker": "Nice sticker! 😄 Send me a monster's name to see its weaknesses.",
        "listed_legend": "◎ most effective  ○ also effective (no stars in this source)",
        "flag_legend": "◎ the game's own pick of the most effective element",
        "quiet_on": "OK, in this chat I'll answer only when mentioned.",
        "quiet_off": "OK, I'll answer monster names again.",
        "hitzones": "Hitzones",
        "part": "Part",
        "vs": "vs",
        "compared_first": "Compared the first {shown} of {named}; left out",
        "weakest_to": "Weakest to {topic}",
        "no_hitzones": "No hitzone figures for {name} in this game's sources.",
        "none_weak": "No monster listed.",
        "legend": "shaded bold = weak spot (≥45)  ◆ breakable  ✂ severable",
        "fire": "Fire",
        "water": "Water",
        "thunder": "Thunder",
        "ice": "Ice",
        "dragon": "Dragon",
        "poison": "Poison",
        "sleep": "Sleep",
        "paralysis": "Paralysis",
        "blast": "Blast",
        "stun": "Stun",
        "elements": "Element weakness",
        "ailments": "Ailments",
        "weak_parts": "Weak parts",
        "breakable": "Breakable",
        "severable": "Severable",
        "weak_to": "weak to",
        "source": "Source",
        "which": "Which monster do you mean?",
        "not_found": "No monster called “{query}”.",
        "did_you_mean": "Did you mean: {names}?",
        "try_help": "Send “help” to see what I can answer.",
        "cut_impact_shot": "cut/impact/shot",
        "table_kinds": "cut/imp/shot",
        "group_hint": "Send a monster's name, or mention me with a question. Tap a button below to try.",
    },
    "zh-TW": {
        "usage": (
            "傳魔物名字給我（火龍、Rathalos、リオレウス，打錯也行），或問「火龍弱點」。\n"
            "加「肉質」看部位，加「素材」「棲息地」「異常」看素材、地點、異常狀態；"
            "問「火龍紅玉怎麼拿」、「哪些魔物怕火」，或比較「火龍 vs 雌火龍」。群組裡請標記我。"
        ),
        "greeting": "嗨！我是 monsterbot，魔物獵人弱點小幫手。🐉",
        "full_table": "完整肉質表（{rows}列）",
        "more": "更多 ▸",
        "try_these": "我認得魔物名字，試試這些：",
        "hz_short": "肉質",
        "hz_note": "肉質＝{element}屬性在常打部位（弱點部位）的肉質",
        "talk_greeting": "嗨，獵人！👋 傳魔物名字給我，我就告訴你牠的弱點。",
        "talk_thanks": "不客氣！狩獵愉快 🎯",
        "talk_laugh": "😄 開心就好！要查哪隻魔物嗎？",
        "talk_ok": "👍 還想查什麼嗎？試試這些：",
        "talk_bye": "下次見，獵人！👋 狩獵愉快。",
        "talk_sticker": "可愛的貼圖！😄 傳魔物名字給我，看看牠的弱點。",
        "listed_legend": "◎ 最有效  ○ 也有效（此資料來源沒有星數）",
        "flag_legend": "◎ 遊戲本身標示的最有效屬性",
        "quiet_on": "好的，在這個聊天室我只在被標記時回覆。",
        "quiet_off": "好的，我會再回覆魔物名字。",
        "hitzones": "部位肉質",
        "part": "部位",
        "vs": "對比",
        "compared_first": "只比較了 {named} 隻中的前 {shown} 隻，未列入",
        "weakest_to": "最怕{topic}的魔物",
        "no_hitzones": "資料中沒有{name}在這款遊戲的肉質。",
        "none_weak": "沒有符合的魔物。",
        "legend": "底色粗體＝弱點(≥45)  ◆可破壞  ✂可切斷",
        "fire": "火",
        "water": "水",
        "thunder": "雷",
        "ice": "冰",
        "dragon": "龍",
        "poison": "毒",
        "sleep": "睡眠",
        "paralysis": "麻痺",
        "blast": "爆破",
        "stun": "暈眩",
        "elements": "屬性弱點",
        "ailments": "異常狀態",
        "weak_parts": "弱點部位",
        "breakable": "可破壞",
        "severable": "可切斷",
        "weak_to": "弱",
        "source": "資料來源",
        "which": "你是指哪一隻？",
        "not_found": "找不到「{query}」。",
        "did_you_mean": "你是不是要找：{names}？",
        "try_help": "輸入「說明」看看我能回答什麼。",
        "cut_impact_shot": "斬/打/彈",
        "table_kinds": "斬/打/彈",
        "group_hint": "傳魔物名稱，或標註我提問。點下面的按鈕試試看。",
    },
    "zh-CN": {
        "usage": (
            "发怪物名字给我（火龙、Rathalos、リオレウス，打错也行），或问「火龙弱点」。\n"
            "加「肉质」看部位，加「素材」「栖息地」「异常」看素材、地点、异常状态；"
            "问「火龙红玉怎么拿」、「哪些怪物怕火」，或比较「火龙 vs 雌火龙」。群里请@我。"
        ),
        "greeting": "嗨！我是 monsterbot，怪物猎人弱点小帮手。🐉",
        "full_table": "完整肉质表（{rows}行）",
        "more": "更多 ▸",
        "try_these": "我认得怪物名字，试试这些：",
        "hz_short": "肉质",
        "hz_note": "肉质＝{element}属性在常打部位（弱点部位）的肉质",
        "talk_greeting": "嗨，猎人！👋 发怪物名字给我，我就告诉你它的弱点。",
        "talk_thanks": "不客气！狩猎愉快 🎯",
        "talk_laugh": "😄 开心就好！要查哪只怪物吗？",
        "talk_ok": "👍 还想查什么吗？试试这些：",
        "talk_bye": "下次见，猎人！👋 狩猎愉快。",
        "talk_sticker": "可爱的表情！😄 发怪物名字给我，看看它的弱点。",
        "listed_legend": "◎ 最有效  ○ 也有效（此资料来源没有星数）",
        "flag_legend": "◎ 游戏本身标示的最有效属性",
        "quiet_on": "好的，在这个聊天室我只在被@时回复。",
        "quiet_off": "好的，我会再回复怪物名字。",
        "hitzones": "部位肉质",
        "part": "部位",
        "vs": "对比",
        "compared_first": "只比较了 {named} 只中的前 {shown} 只，未列入",
        "weakest_to": "最怕{topic}的怪物",
        "no_hitzones": "资料中没有{name}在这款游戏的肉质。",
        "none_weak": "没有符合的怪物。",
        "legend": "底色粗体＝弱点(≥45)  ◆可破坏  ✂可切断",
        "fire": "火",
        "water": "水",
        "thunder": "雷",
        "ice": "冰",
        "dragon": "龙",
        "poison": "毒",
        "sleep": "睡眠",
        "paralysis": "麻痹",
        "blast": "爆破",
        "stun": "晕眩",
        "elements": "属性弱点",
        "ailments": "异常状态",
        "weak_parts": "弱点部位",
        "breakable": "可破坏",
        "severable": "可切断",
        "weak_to": "弱",
        "source": "资料来源",
        "which": "你是指哪一只？",
        "not_found": "找不到「{query}」。",
        "did_you_mean": "你是不是要找：{names}？",
        "try_help": "输入「帮助」看看我能回答什么。",
        "cut_impact_shot": "斩/打/弹",
        "table_kinds": "斩/打/弹",
        "group_hint": "发怪物名称，或@我提问。点下面的按钮试试看。",
    },
    "ja": {
        "usage": (
            "モンスター名（リオレウス、火龍、Rathalos、誤字OK）で弱点を返信します。\n"
            "「肉質」で部位ごと、「素材」「生息地」「状態異常」も。"
            "「火竜の紅玉の入手方法」で入手先、「火属性が弱点」で一覧、「AとB」で比較。"
            "グループではメンションしてください。"
        ),
        "greeting": "こんにちは！モンスターハンターの弱点ガイド monsterbot です。🐉",
        "full_table": "全部位の肉質（{rows}行）",
        "more": "もっと見る ▸",
        "try_these": "モンスター名ならわかります。例えば：",
        "hz_short": "肉質",
        "hz_note": "肉質＝よく狙う部位（弱点部位）の{element}属性肉質",
        "talk_greeting": "こんにちは、ハンターさん！👋 モンスターの名前を送ってくれたら弱点を教えます。",
        "talk_thanks": "どういたしまして！よい狩りを 🎯",
        "talk_laugh": "😄 楽しんでくれてうれしいです！モンスターを調べますか？",
        "talk_ok": "👍 他に調べたいものは？例えば：",
        "talk_bye": "またね、ハンターさん！👋 よい狩りを。",
        "talk_sticker": "かわいいスタンプ！😄 モンスターの名前を送ると弱点を教えます。",
        "listed_legend": "◎ 最も有効  ○ 有効（この出典に星の数はありません）",
        "flag_legend": "◎ ゲーム自身が最も有効とする属性",
        "quiet_on": "了解です。このトークではメンションされた時だけ返信します。",
        "quiet_off": "了解です。モンスター名にまた返信します。",
        "hitzones": "肉質",
        "part": "部位",
        "vs": "比較",
        "compared_first": "{named}体のうち最初の{shown}体を比較。省いたモンスター",
        "weakest_to": "{topic}が弱点のモンスター",
        "no_hitzones": "{name}のこのゲームの肉質データはありません。",
        "none_weak": "該当するモンスターはいません。",
        "legend": "色付き太字＝弱点(45以上)  ◆部位破壊  ✂切断",
        "fire": "火",
        "water": "水",
        "thunder": "雷",
        "ice": "氷",
        "dragon": "龍",
        "poison": "毒",
        "sleep": "睡眠",
        "paralysis": "麻痺",
        "blast": "爆破",
        "stun": "気絶",
        "elements": "弱点属性",
        "ailments": "状態異常",
        "weak_parts": "弱点部位",
        "breakable": "部位破壊",
        "severable": "切断",
        "weak_to": "弱点",
        "source": "出典",
        "which": "どのモンスターですか？",
        "not_found": "「{query}」は見つかりませんでした。",
        "did_you_mean": "もしかして：{names}？",
        "try_help": "「ヘルプ」で使い方を表示します。",
        "cut_impact_shot": "切断/打撃/弾",
        "table_kinds": "切断/打撃/弾",
        "group_hint": "モンスター名を送るか、メンションで質問してください。下のボタンで試せます。",
    },
}


_JOINERS = (" / ", "/", " & ", "+")
_SIDES = {"Left": {"zh-TW": "左", "zh-CN": "左", "ja": "左"}, "Right": {"zh-TW": "右", "zh-CN": "右", "ja": "右"}}


def _known(english: str, language: str, game: str | None) -> str | None:
    """A whole name in a language from the game text, the glossary, an alias or the project's words; None if unknown."""
    return next((names[language] for names in part_tables(english, game) if language in names), None)


def _compose(english: str, language: str, game: str | None) -> str | None:
    """A name built from known pieces: "Head (Broken)", "Body/Back", "Left Hindleg Bone"; None if a piece is unknown."""
    whole = _known(english, language, game)
    if whole is not None:
        return whole
    base_name, state = split_state(english)
    if state:
        base = _compose(base_name, language, game)
        states = [part_words()["states"].get(s, {}).get(language) for s in state.split("+")]
        if base is None or None in states:
            return None
        return with_state(base, "+".join(states), language)
    for joiner in _JOINERS:
        if joiner in english:
            pieces = [_compose(piece.strip(), language, game) for piece in english.split(joiner)]
            return None if None in pieces else ("・" if language == "ja" else "/").join(pieces)  # type: ignore[arg-type]
    for side, prefix in _SIDES.items():
        if english.startswith(f"{side} "):
            rest = _compose(english[len(side) + 1 :], language, game)
            return None if rest is None else prefix[language] + rest
    return None


def with_state(name: str, state: str, language: str) -> str:
    """A part's name with a state, bracketed as the language writes it: "Tail (Wound)", 尾巴（傷口）, 尻尾(傷口)."""
    if language == "en":
        return f"{name} ({state})"
    return f"{name}({state})" if language == "ja" else f"{name}（{state}）"


def part_name(english: str, language: str, game: str | None) -> str:
    """A part's name in a language, from the text of the game its figures come from where it has it ("Head
    (Broken)" → "頭部（破壞後）"); the English name where no translation is known."""
    if language == "en":
        return english
    return _compose(english, language, game) or english


def short_part_name(english: str, language: str, game: str | None) -> str:
    """A part's name for a narrow table column: English sides abbreviated ("Left Wing" → "L. Wing")."""
    if language != "en":
        return part_name(english, language, game)
    return re.sub(r"\b(Left|Right) ", lambda m: f"{m[1][0]}. ", english)


def label(language: str, key: str) -> str:
    """A label in a language, falling back to English."""
    return translated(_LABELS, language, key)


def translated(table: Mapping[str, Mapping[str, str]], language: str, key: str) -> str:
    """A text of a per-language table in a language, falling back to English."""
    return table.get(language, table["en"]).get(key) or table["en"][key]


def joined(items: Iterable[str], language: str) -> str:
    """Items in a row: "Head, Tail" in English, 頭部、尾巴 in Chinese and Japanese."""
    return (", " if language == "en" else "、").join(items)


def clauses(items: Iterable[str], language: str) -> str:
    """Clauses in a row, each with commas of its own: "a; b" in English, a；b in Chinese and Japanese."""
    return ("; " if language == "en" else "；").join(items)


def colon(language: str) -> str:
    """The colon between a label and its value: full-width in Chinese and Japanese."""
    return ": " if language == "en" else "："


def in_brackets(words: str, language: str) -> str:
    """An aside in brackets: full-width around Chinese or Japanese words (their colon is full-width too)."""
    return f"({words})" if language == "en" else f"（{words}）"


def source_name(source: str) -> str:
    """A source id as players read it."""
    return SOURCE_NAMES.get(source, source)


def listed(position: int) -> str:
    """A weak element listed without stars: ◎ for the first, ○ after."""
    return "◎" if position == 0 else "○"


def stars(count: int) -> str:
    """Weakness stars as players read them: ★★★ best, × none."""
    return "★" * count if count > 0 else "×"


def form_name(description: str, language: str) -> str:
    """A conditional state ("when covered in mud") in a language, from part_words.json."""
    return str(part_words()["forms"].get(description, {}).get(language, description))
