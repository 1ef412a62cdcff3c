"""Game names and the notes about where figures come from, in the four languages players use."""

from __future__ import annotations

from typing import Mapping

from monsterbot.replies.labels import translated

#: Full game titles for card headers.
GAME_NAMES: Mapping[str, Mapping[str, str]] = {
    "en": {
        "world": "Monster Hunter World: Iceborne",
        "rise": "Monster Hunter Rise: Sunbreak",
        "wilds": "Monster Hunter Wilds",
    },
    "zh-TW": {"world": "魔物獵人 世界：Iceborne", "rise": "魔物獵人 崛起：破曉", "wilds": "魔物獵人 荒野"},
    "zh-CN": {"world": "怪物猎人 世界：冰原", "rise": "怪物猎人 崛起：曙光", "wilds": "怪物猎人 荒野"},
    "ja": {
        "world": "モンスターハンターワールド：アイスボーン",
        "rise": "モンスターハンターライズ：サンブレイク",
        "wilds": "モンスターハンターワイルズ",
    },
}
#: Short names for quick-reply buttons (LINE allows 20 characters).
SHORT_NAMES: Mapping[str, Mapping[str, str]] = {
    "en": {"world": "MH World", "rise": "MH Rise", "wilds": "MH Wilds"},
    "zh-TW": {"world": "世界", "rise": "崛起", "wilds": "荒野"},
    "zh-CN": {"world": "世界", "rise": "崛起", "wilds": "荒野"},
    "ja": {"world": "ワールド", "rise": "ライズ", "wilds": "ワイルズ"},
}
#: How each source's figures were made (shown beside the source in the footer).
SOURCE_KINDS: Mapping[str, str] = {
    "mhws-in-json": "datamined",
    "mhworlddata": "database",
    "hunterpie-gamedata": "database",
    "mhrise-ele-check": "hand_entered",
}
_NOTES: Mapping[str, Mapping[str, str]] = {
    "en": {
        "datamined": "datamined game data",
        "database": "community database",
        "hand_entered": "hand-entered",
        "derived": "* element stars derived from hitzones by our rule, not the game's own",
        "missing": "Not in the source: {facts}",
        "no_game": "No {game} figures for {name}.",
        "no_game_hitzones": "No hitzone figures for {name} in {game}.",
        "other_games": "Other games:",
        "elements": "element stars",
        "ailments": "ailments",
        "hitzones": "hitzones",
        "breakable": "breakable parts",
        "severable": "severable parts",
        "resisted": "Resists",
        "impractical": "{ailments}: build-up far above the usual, near-useless",
        "wound": "Wound",
        "weak point": "Weak pt",
        "broken": "Broken",
        "state": "State {n}",
    },
    "zh-TW": {
        "datamined": "遊戲資料解包",
        "database": "社群資料庫",
        "hand_entered": "人工整理",
        "derived": "* 屬性星數由肉質依本站規則推算，非遊戲原始資料",
        "missing": "資料來源缺少：{facts}",
        "no_game": "資料中沒有{name}在{game}的數據。",
        "no_game_hitzones": "資料中沒有{name}在{game}的肉質。",
        "other_games": "其他遊戲：",
        "elements": "屬性星數",
        "ailments": "異常狀態",
        "hitzones": "肉質",
        "breakable": "可破壞部位",
        "severable": "可切斷部位",
        "resisted": "耐性",
        "wound": "傷口",
        "weak point": "弱點",
        "broken": "破壞後",
        "state": "狀態{n}",
        "impractical": "{ailments}：累積值遠高於一般，幾乎無效",
    },
    "zh-CN": {
        "datamined": "游戏数据解包",
        "database": "社区数据库",
        "hand_entered": "人工整理",
        "derived": "* 属性星数由肉质依本站规则推算，非游戏原始数据",
        "missing": "数据来源缺少：{facts}",
        "no_game": "数据中没有{name}在{game}的数据。",
        "no_game_hitzones": "数据中没有{name}在{game}的肉质。",
        "other_games": "其他游戏：",
        "elements": "属性星数",
        "ailments": "异常状态",
        "hitzones": "肉质",
        "breakable": "可破坏部位",
        "severable": "可切断部位",
        "resisted": "耐性",
        "wound": "伤口",
        "weak point": "弱点",
        "broken": "破坏后",
        "state": "状态{n}",
        "impractical": "{ailments}：累积值远高于一般，几乎无效",
    },
    "ja": {
        "datamined": "ゲームデータ解析",
        "database": "有志データベース",
        "hand_entered": "手入力",
        "derived": "* 属性の★は肉質から当ボットの規則で算出（ゲーム内の値ではありません）",
        "missing": "出典にないデータ：{facts}",
        "no_game": "{name}の{game}のデータはありません。",
        "no_game_hitzones": "{name}の{game}の肉質データはありません。",
        "other_games": "他のゲーム：",
        "elements": "属性の★",
        "ailments": "状態異常",
        "hitzones": "肉質",
        "breakable": "部位破壊",
        "severable": "切断",
        "resisted": "耐性",
        "wound": "傷口",
        "weak point": "弱点",
        "broken": "破壊後",
        "state": "状態{n}",
        "impractical": "{ailments}：蓄積値が通常よりはるかに高く、ほぼ効きません",
    },
}


def note(language: str, key: str) -> str:
    """A note in a language, falling back to English."""
    return translated(_NOTES, language, key)


def game_name(game: str, language: str) -> str:
    """A game's full title in a language."""
    return GAME_NAMES.get(language, GAME_NAMES["en"]).get(game, game)


def short_game_name(game: str, language: str) -> str:
    """A game's short name for a button."""
    return SHORT_NAMES.get(language, SHORT_NAMES["en"]).get(game, game)


def state_name(state: str, language: str) -> str:
    """A hitzone state as players read it: wound -> 傷口, state 2 -> 狀態2."""
    if state.startswith("state "):
        return note(language, "state").format(n=state.removeprefix("state "))
    return note(language, state)
