"""The words of the replies in the four languages players use."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Mapping

ELEMENT_ICONS: Mapping[str, str] = {"fire": "🔥", "water": "💧", "thunder": "⚡", "ice": "❄️", "dragon": "🐉"}
ELEMENT_COLOURS: Mapping[str, str] = {
    "fire": "#E5533D", "water": "#2F80ED", "thunder": "#D4A017", "ice": "#56CCF2", "dragon": "#8E44AD"
}

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "quiet_on": "OK, in this chat I'll answer only when mentioned.", "quiet_off": "OK, I'll answer monster names again.",
        "hitzones": "Hitzones", "part": "Part", "vs": "vs", "weakest_to": "Weakest to {topic}",
        "no_hitzones": "No hitzone figures for {name} in this game's sources.", "none_weak": "No monster listed.",
        "legend": "bold = weak spot (≥45)  ◆ breakable  ✂ severable",
        "fire": "Fire", "water": "Water", "thunder": "Thunder", "ice": "Ice", "dragon": "Dragon",
        "poison": "Poison", "sleep": "Sleep", "paralysis": "Paralysis", "blast": "Blast", "stun": "Stun",
        "elements": "Element weakness", "ailments": "Ailments", "weak_parts": "Weak parts",
        "breakable": "Breakable", "severable": "Severable", "weak_to": "weak to", "source": "Source",
        "which": "Which monster do you mean?", "not_found": "No monster called “{query}”.",
        "did_you_mean": "Did you mean: {names}?", "try_help": "Send “help” to see what I can answer.",
        "cut_impact_shot": "cut/impact/shot",
        "usage": (
            "Send me a monster's name and I reply with its weaknesses.\n"
            "• Any language: 火龍, 火龙, Rathalos, リオレウス\n"
            "• Typos and nicknames: rathlos, narga, 雄火龍\n"
            "• Questions: “rathalos weakness?”, “火龍弱點”, “リオレウスの弱点”\n"
            "• A game: “rise rathalos”, “wilds 火龍”\n"
            "• Who is weak to fire: “what is weak to fire”; parts: “rathalos hitzones”; “rathalos vs rathian”\n"
            "In groups I answer only a monster's name, or when you mention me."
        ),
        "greeting": "Hi! I'm monsterbot, your Monster Hunter weakness guide.",
        "group_hint": "Send a monster's name, or mention me with a question. Tap a button below to try.",
    },
    "zh-TW": {
        "quiet_on": "好的，在這個聊天室我只在被標記時回覆。", "quiet_off": "好的，我會再回覆魔物名字。",
        "hitzones": "部位肉質", "part": "部位", "vs": "對比", "weakest_to": "最怕{topic}的魔物",
        "no_hitzones": "資料中沒有{name}在這款遊戲的肉質。", "none_weak": "沒有符合的魔物。",
        "legend": "粗體＝弱點(≥45)  ◆可破壞  ✂可切斷",
        "fire": "火", "water": "水", "thunder": "雷", "ice": "冰", "dragon": "龍",
        "poison": "毒", "sleep": "睡眠", "paralysis": "麻痺", "blast": "爆破", "stun": "暈眩",
        "elements": "屬性弱點", "ailments": "異常狀態", "weak_parts": "弱點部位",
        "breakable": "可破壞", "severable": "可切斷", "weak_to": "弱", "source": "資料來源",
        "which": "你是指哪一隻？", "not_found": "找不到「{query}」。", "did_you_mean": "你是不是要找：{names}？",
        "try_help": "輸入「說明」看看我能回答什麼。", "cut_impact_shot": "斬/打/彈",
        "usage": (
            "傳魔物名字給我，我就回覆牠的弱點。\n"
            "• 各種寫法：火龍、火龙、Rathalos、リオレウス\n"
            "• 打錯字和暱稱也行：rathlos、narga、雄火龍\n"
            "• 直接問：「火龍弱點」「請問轟龍弱什麼」\n"
            "• 指定遊戲：「rise 火龍」「荒野 火龍」\n"
            "• 還能問：「哪些魔物怕火」「火龍 肉質」「火龍 vs 雌火龍」\n"
            "在群組裡我只回覆魔物名字，或有人標記我的時候。"
        ),
        "greeting": "嗨！我是 monsterbot，魔物獵人弱點小幫手。",
        "group_hint": "傳魔物名稱，或標註我提問。點下面的按鈕試試看。",
    },
    "zh-CN": {
        "quiet_on": "好的，在这个聊天室我只在被@时回复。", "quiet_off": "好的，我会再回复怪物名字。",
        "hitzones": "部位肉质", "part": "部位", "vs": "对比", "weakest_to": "最怕{topic}的怪物",
        "no_hitzones": "资料中没有{name}在这款游戏的肉质。", "none_weak": "没有符合的怪物。",
        "legend": "粗体＝弱点(≥45)  ◆可破坏  ✂可切断",
        "fire": "火", "water": "水", "thunder": "雷", "ice": "冰", "dragon": "龙",
        "poison": "毒", "sleep": "睡眠", "paralysis": "麻痹", "blast": "爆破", "stun": "晕眩",
        "elements": "属性弱点", "ailments": "异常状态", "weak_parts": "弱点部位",
        "breakable": "可破坏", "severable": "可切断", "weak_to": "弱", "source": "资料来源",
        "which": "你是指哪一只？", "not_found": "找不到「{query}」。", "did_you_mean": "你是不是要找：{names}？",
        "try_help": "输入「帮助」看看我能回答什么。", "cut_impact_shot": "斩/打/弹",
        "usage": (
            "发魔物名字给我，我就回复它的弱点。\n"
            "• 各种写法：火龙、火龍、Rathalos、リオレウス\n"
            "• 打错字和昵称也行：rathlos、narga、雄火龙\n"
            "• 直接问：「火龙弱点」「请问轰龙弱什么」\n"
            "• 指定游戏：「rise 火龙」「荒野 火龙」\n"
            "• 还能问：「哪些怪物怕火」「火龙 肉质」「火龙 vs 雌火龙」\n"
            "在群组里我只回复魔物名字，或有人@我的时候。"
        ),
        "greeting": "嗨！我是 monsterbot，怪物猎人弱点小帮手。",
        "group_hint": "发怪物名称，或@我提问。点下面的按钮试试看。",
    },
    "ja": {
        "quiet_on": "了解です。このトークではメンションされた時だけ返信します。", "quiet_off": "了解です。モンスター名にまた返信します。",
        "hitzones": "肉質", "part": "部位", "vs": "比較", "weakest_to": "{topic}が弱点のモンスター",
        "no_hitzones": "{name}のこのゲームの肉質データはありません。", "none_weak": "該当するモンスターはいません。",
        "legend": "太字＝弱点(45以上)  ◆部位破壊  ✂切断",
        "fire": "火", "water": "水", "thunder": "雷", "ice": "氷", "dragon": "龍",
        "poison": "毒", "sleep": "睡眠", "paralysis": "麻痺", "blast": "爆破", "stun": "気絶",
        "elements": "弱点属性", "ailments": "状態異常", "weak_parts": "弱点部位",
        "breakable": "部位破壊", "severable": "切断", "weak_to": "弱点", "source": "出典",
        "which": "どのモンスターですか？", "not_found": "「{query}」は見つかりませんでした。",
        "did_you_mean": "もしかして：{names}？", "try_help": "「ヘルプ」で使い方を表示します。",
        "cut_impact_shot": "切断/打撃/弾",
        "usage": (
            "モンスターの名前を送ると弱点を返信します。\n"
            "• どの言語でも：リオレウス、火龍、Rathalos\n"
            "• 略称や誤字も：レウス、rathlos、narga\n"
            "• 質問でも：「リオレウスの弱点」\n"
            "• ゲーム指定：「rise リオレウス」「ワイルズ リオレウス」\n"
            "• 他にも：「火属性が弱点のモンスター」「リオレウス 肉質」「リオレウスとリオレイア」\n"
            "グループではモンスター名か、メンションされた時だけ返信します。"
        ),
        "greeting": "こんにちは！モンスターハンターの弱点ガイド monsterbot です。",
        "group_hint": "モンスター名を送るか、メンションで質問してください。下のボタンで試せます。",
    },
}


@lru_cache(maxsize=2)
def _part_names(game: str | None = None) -> dict[str, dict[str, str]]:
    """English part name → ja / zh-TW / zh-CN: from HunterPie's localization (`monsterbot import hunterpie`),
    and for Wilds from the game's own text first (`monsterbot import wilds`)."""
    folder = resources.files("monsterbot.replies")
    names = json.loads(folder.joinpath("part_names.json").read_text("utf-8"))
    if game == "wilds":
        names = {**names, **json.loads(folder.joinpath("part_names_wilds.json").read_text("utf-8"))}
    return names


def part_name(english: str, language: str, game: str | None = None) -> str:
    """A part's name in a language: the whole name if known, else its base ("Head (Broken)" → "頭部 (Broken)")."""
    if language == "en":
        return english
    names = _part_names("wilds" if game == "wilds" else None)
    if english in names:
        return names[english].get(language, english)
    base, bracket, rest = english.partition(" (")
    if bracket and base in names and language in names[base]:
        return f"{names[base][language]} ({rest}"
    return english


def label(language: str, key: str) -> str:
    """A label in a language, falling back to English."""
    return _LABELS.get(language, _LABELS["en"]).get(key) or _LABELS["en"][key]


def listed(position: int) -> str:
    """A weak element listed without stars: ◎ for the first, ○ after."""
    return "◎" if position == 0 else "○"


def stars(count: int) -> str:
    """Weakness stars as players read them: ★★★ best, × none."""
    return "★" * count if count > 0 else "×"
