"""The hunt companion's replies: a monster's materials at one rank, the monsters an item comes from, and the field
guide (where it lives, what it inflicts, what to bring, crowns, traps). Phone-sized bubbles with buttons to the
monster's card, the other ranks and the other topics."""

from __future__ import annotations

from typing import Sequence

from monsterbot.core.companion import RANKS, holds
from monsterbot.core.glossary import condition_name, item_name, place_name
from monsterbot.core.model import GAMES, Drop, GameFacts, Material, Monster
from monsterbot.line_sdk.messaging import (
    FlexBox,
    FlexBubble,
    FlexCarousel,
    FlexMessage,
    FlexText,
    MessageAction,
    PostbackAction,
    QuickReply,
    QuickReplyItem,
    TextMessage,
)
from monsterbot.replies.card import alt_text, header, source_footer
from monsterbot.replies.flex import GREY, heading, text
from monsterbot.replies.game_labels import game_name, short_game_name
from monsterbot.replies.labels import colon, joined, part_name, translated
from monsterbot.replies.messages import QUICK_REPLY_LIMIT, button_label, named_label, postback_data

#: Items shown per bubble (a swipe shows the next ones, up to MAX_PAGES bubbles), monsters per item and ways per
#: item: a phone's screen, and LINE's bubble size.
MAX_ITEMS, MAX_PAGES, MAX_GIVERS, MAX_DROPS = 10, 3, 6, 4

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "no_data": "No {topic} for {name} in the sources (they cover World and Wilds).",
        "bring_note": "derived from the items' own descriptions",
        "rare": "Rare {n}",
        "btn_inflicts": "Ailments",
        "ask_item": "where do I get {item}",
        "materials": "Materials",
        "habitat": "Habitat",
        "inflicts": "Inflicts",
        "bring": "Bring",
        "card": "Weaknesses",
        "get": "Where to get",
        "more": "… and {n} more",
        "swipe": "Swipe for {n} more ▸",
        "crowns": "Crowns",
        "traps": "Traps",
        "no_traps": "traps do not hold it",
        "holds": "holds",
        "none": "none in the data",
        "low": "Low rank",
        "high": "High rank",
        "master": "Master rank",
        "ask_materials": "{name} materials {rank}",
        "ask_habitat": "{name} habitat",
        "ask_crowns": "{name} crowns",
        "ask_inflicts": "{name} inflicts",
        "gold": "gold",
        "silver": "silver",
        "mini": "mini",
        "wilds_missing": "Capture and wound rewards are not in the game data read here.",
        "pitfall": "pitfall",
        "shock": "shock",
        "vine": "vine traps",
    },
    "zh-TW": {
        "no_data": "資料中沒有{name}的{topic}（來源只涵蓋世界與荒野）。",
        "bring_note": "依道具說明文字推得",
        "rare": "稀有度{n}",
        "btn_inflicts": "異常",
        "ask_item": "{item}怎麼拿",
        "materials": "素材",
        "habitat": "棲息地",
        "inflicts": "會造成",
        "bring": "建議攜帶",
        "card": "弱點",
        "get": "入手方法",
        "more": "……還有 {n} 項",
        "swipe": "向左滑還有 {n} 項 ▸",
        "crowns": "皇冠",
        "traps": "陷阱",
        "no_traps": "陷阱無效",
        "holds": "有效",
        "none": "資料中沒有",
        "low": "下位",
        "high": "上位",
        "master": "大師級",
        "ask_materials": "{name} 素材 {rank}",
        "ask_habitat": "{name} 棲息地",
        "ask_crowns": "{name} 皇冠",
        "ask_inflicts": "{name} 異常",
        "gold": "金冠",
        "silver": "銀冠",
        "mini": "小金冠",
        "wilds_missing": "遊戲資料中未能辨識捕獲與傷口報酬。",
        "pitfall": "落穴陷阱",
        "shock": "麻痺陷阱",
        "vine": "藤蔓陷阱",
    },
    "zh-CN": {
        "no_data": "资料中没有{name}的{topic}（来源只涵盖世界与荒野）。",
        "bring_note": "依道具说明文字推得",
        "rare": "稀有度{n}",
        "btn_inflicts": "异常",
        "ask_item": "{item}怎么拿",
        "materials": "素材",
        "habitat": "栖息地",
        "inflicts": "会造成",
        "bring": "建议携带",
        "card": "弱点",
        "get": "获取方法",
        "more": "……还有 {n} 项",
        "swipe": "向左滑还有 {n} 项 ▸",
        "crowns": "皇冠",
        "traps": "陷阱",
        "no_traps": "陷阱无效",
        "holds": "有效",
        "none": "资料中没有",
        "low": "下位",
        "high": "上位",
        "master": "大师级",
        "ask_materials": "{name} 素材 {rank}",
        "ask_habitat": "{name} 栖息地",
        "ask_crowns": "{name} 皇冠",
        "ask_inflicts": "{name} 异常",
        "gold": "金冠",
        "silver": "银冠",
        "mini": "小金冠",
        "wilds_missing": "游戏资料中未能辨识捕获与伤口报酬。",
        "pitfall": "落穴陷阱",
        "shock": "麻痹陷阱",
        "vine": "藤蔓陷阱",
    },
    "ja": {
        "no_data": "{name}の{topic}のデータはありません（ワールドとワイルズのみ）。",
        "bring_note": "アイテムの説明文から",
        "rare": "レア{n}",
        "btn_inflicts": "状態異常",
        "ask_item": "{item}の入手方法",
        "materials": "素材",
        "habitat": "生息地",
        "inflicts": "状態異常攻撃",
        "bring": "持ち物",
        "card": "弱点",
        "get": "入手方法",
        "more": "…ほか {n} 件",
        "swipe": "スワイプでほか {n} 件 ▸",
        "crowns": "王冠",
        "traps": "罠",
        "no_traps": "罠は効かない",
        "holds": "有効",
        "none": "データなし",
        "low": "下位",
        "high": "上位",
        "master": "マスター",
        "ask_materials": "{name} 素材 {rank}",
        "ask_habitat": "{name} 生息地",
        "ask_crowns": "{name} 王冠",
        "ask_inflicts": "{name} 状態異常攻撃",
        "gold": "金冠",
        "silver": "銀冠",
        "mini": "ミニ",
        "wilds_missing": "捕獲・傷破壊の報酬はデータから特定できていません。",
        "pitfall": "落とし穴",
        "shock": "シビレ罠",
        "vine": "ツタ罠",
    },
}
#: How a material is obtained, per language (ja from MHWorldData's condition names where it has them).
_HOW: dict[str, dict[str, str]] = {
    "en": {
        "carve": "Carve",
        "carve or capture": "Carve/Capture",
        "tail carve": "Tail carve",
        "severed part carve": "Severed carve",
        "part carve": "Carve",
        "break": "Break",
        "quest reward": "Reward",
        "investigation": "Investigation",
        "track": "Tracks",
        "dropped": "Dropped",
        "palico": "Palico",
        "plunderblade": "Plunderblade",
        "bandit mantle": "Bandit Mantle",
        "guiding lands": "Guiding Lands",
        "siege": "Siege",
        "mining": "Mining",
        "appraisal": "Appraisal",
    },
    "zh-TW": {
        "carve": "剝取",
        "carve or capture": "剝取/捕獲",
        "tail carve": "尾巴剝取",
        "severed part carve": "切斷剝取",
        "part carve": "剝取",
        "break": "破壞",
        "quest reward": "任務報酬",
        "investigation": "調查報酬",
        "track": "痕跡",
        "dropped": "掉落物",
        "palico": "隨從貓",
        "plunderblade": "搶奪刀",
        "bandit mantle": "盜賊裝衣",
        "guiding lands": "導蟲研究地",
        "siege": "擊退戰",
        "mining": "採掘",
        "appraisal": "鑑定",
    },
    "zh-CN": {
        "carve": "剥取",
        "carve or capture": "剥取/捕获",
        "tail carve": "尾巴剥取",
        "severed part carve": "切断剥取",
        "part carve": "剥取",
        "break": "破坏",
        "quest reward": "任务报酬",
        "investigation": "调查报酬",
        "track": "痕迹",
        "dropped": "掉落物",
        "palico": "随从猫",
        "plunderblade": "抢夺刀",
        "bandit mantle": "盗贼装衣",
        "guiding lands": "导虫研究地",
        "siege": "击退战",
        "mining": "采掘",
        "appraisal": "鉴定",
    },
    "ja": {
        "carve": "本体剥ぎ取り",
        "carve or capture": "剥ぎ取り/捕獲",
        "tail carve": "尻尾剥ぎ取り",
        "severed part carve": "切断剥ぎ取り",
        "part carve": "剥ぎ取り",
        "break": "部位破壊",
        "quest reward": "クエスト報酬",
        "investigation": "調査特別報酬",
        "track": "痕跡採取",
        "dropped": "落とし物",
        "palico": "落っことし",
        "plunderblade": "ぶんどり",
        "bandit mantle": "盗人の装衣",
        "guiding lands": "導きの地",
        "siege": "撃退戦",
        "mining": "採掘",
        "appraisal": "鑑定",
    },
}
_TIERS = {
    "en": {},
    "zh-TW": {"bronze": "銅", "silver": "銀", "gold": "金", "purple": "紫", "tempered": "歷戰"},
    "zh-CN": {"bronze": "铜", "silver": "银", "gold": "金", "purple": "紫", "tempered": "历战"},
    "ja": {"bronze": "銅", "silver": "銀", "gold": "金", "purple": "紫", "tempered": "歴戦"},
}


def say(language: str, key: str) -> str:
    """A word of these replies in a language, falling back to English."""
    return translated(_WORDS, language, key)


def drop_label(drop: Drop, language: str, game: str) -> str:
    """ "Break (Head) 4%", "調查報酬 金 16% ×3"."""
    how = _HOW.get(language, _HOW["en"]).get(drop.how, drop.how)
    if drop.part:
        how += (
            f" ({part_name(drop.part, language, game)})"
            if language == "en"
            else f"({part_name(drop.part, language, game)})"
        )
    if drop.tier:
        how += f" {_TIERS.get(language, {}).get(drop.tier, drop.tier)}"
    return f"{how} {drop.rate}%" + (f" ×{drop.count}" if drop.count > 1 else "")


#: The ways of getting an item from the monster's own body: carved or broken off it. An item only a quest reward or a
#: bonus draw gives (investigations, Guiding Lands …) is one many monsters share (Elder Dragon Bone, a certificate).
OWN_WAYS = frozenset({"carve", "carve or capture", "tail carve", "severed part carve", "part carve", "break"})


def by_rarity(items: Sequence[Material]) -> list[Material]:
    """The monster's own materials first (carved or broken off it), then the ones rewards and bonus draws give; each
    rarest first: by the item's rarity, then the smallest best chance."""
    return sorted(
        items,
        key=lambda m: (not any(d.how in OWN_WAYS for d in m.drops), -(m.rarity or 0), max(d.rate for d in m.drops)),
    )


def _best_drops(drops: Sequence[Drop]) -> list[Drop]:
    return sorted(drops, key=lambda d: -d.rate)[:MAX_DROPS]


def material_rows(facts: GameFacts, rank: str, language: str) -> list[tuple[str, str, str]]:
    """(item name, rarity, its best ways) of every material at a rank, its own first, rarest first."""
    return [
        (
            item_name(m.item, language, facts.game),
            say(language, "rare").format(n=m.rarity) if m.rarity else "",
            " · ".join(drop_label(d, language, facts.game) for d in _best_drops(m.drops)),
        )
        for m in by_rarity(facts.materials.get(rank, ()))
    ]


def materials_lines(monster: Monster, game: str, rank: str, language: str) -> list[str]:
    """The materials answer as text lines (the terminal's): every material."""
    lines = [
        f"{monster.name(language)} — {game_name(game, language)}",
        f"{say(language, 'materials')} — {say(language, rank)}",
    ]
    return lines + [
        f"{name} {rarity}: {ways}" for name, rarity, ways in material_rows(monster.games[game], rank, language)
    ]


def materials(monster: Monster, game: str, rank: str, language: str) -> FlexMessage:
    """One rank of a monster's materials, its own first and rarest first, each with its best ways to get it:
    MAX_ITEMS a bubble, the next ones a swipe away (a carousel of at most MAX_PAGES)."""
    facts = monster.games[game]
    rows = material_rows(facts, rank, language)
    pages = [rows[start : start + MAX_ITEMS] for start in range(0, len(rows), MAX_ITEMS)][:MAX_PAGES]
    bodies = []
    for number, page in enumerate(pages, start=1):
        title = f"{say(language, 'materials')} — {say(language, rank)}"
        body: list = [heading(title + (f" ({number}/{len(pages)})" if len(pages) > 1 else ""), first=True)]
        for name, rarity, ways in page:
            line = [FlexText(text=name, size="sm", weight="bold", wrap=True, flex=0)]
            if rarity:
                line.append(FlexText(text=rarity, size="xxs", color=GREY, flex=0, gravity="center"))
            body.append(FlexBox(layout="horizontal", spacing="sm", margin="md", contents=line))
            body.append(text(ways, size="xs", color=GREY))
        after = len(rows) - MAX_ITEMS * number
        if after > 0:
            shown = say(language, "swipe" if number < len(pages) else "more").format(n=after)
            body.append(text(shown, size="xs", weight="bold", color=GREY, margin="md"))
        if game == "wilds" and number == len(pages):
            body.append(text(say(language, "wilds_missing"), size="xxs", color=GREY, margin="lg"))
        bodies.append(body)
    alt = f"{monster.name(language)} {say(language, rank)} {say(language, 'materials')}: " + "; ".join(
        f"{name} {ways}" for name, _, ways in rows[:MAX_ITEMS]
    )
    ranks = [r for r in RANKS if r in facts.materials and r != rank]
    buttons = [_card_button(monster, game, language)]
    buttons += [
        _ask(
            say(language, r),
            say(language, "ask_materials").format(name=_typed(monster, language, game), rank=say(language, r)),
        )
        for r in ranks
    ]
    buttons += _topic_buttons(monster, game, language, ("habitat", "inflicts"), facts)
    buttons += _other_games(monster, game, language, "materials")
    return _message(monster, facts, language, bodies, alt, buttons)


def giver_rows(item: str, monsters: Sequence[Monster], game: str, language: str) -> list[tuple[str, list[str]]]:
    """(monster name, its best ways per rank, highest rank first) of the monsters shown for an item."""
    rows = []
    for monster in monsters[:MAX_GIVERS]:
        facts = monster.games[game]
        per_rank = []
        for rank in reversed(RANKS):
            drops = [d for m in facts.materials.get(rank, ()) if m.item == item for d in m.drops]
            if drops:
                per_rank.append(
                    f"{say(language, rank)}{colon(language)}"
                    + " · ".join(drop_label(d, language, game) for d in _best_drops(drops))
                )
        rows.append((monster.name(language), per_rank))
    return rows


def item_lines(item: str, monsters: Sequence[Monster], game: str, language: str) -> list[str]:
    """Where an item comes from, as text lines (the terminal's)."""
    lines = [f"{item_name(item, language, game)} — {say(language, 'get')} · {game_name(game, language)}"]
    return lines + [f"{name}: {'; '.join(ways)}" for name, ways in giver_rows(item, monsters, game, language)]


def item_sources(
    item: str, monsters: Sequence[Monster], game: str, language: str, other_games: Sequence[str] = ()
) -> FlexMessage:
    """The monsters that give an item, the best chance first, each with its best ways per rank; buttons to their
    materials, the first one's card, and the item in the other games that have it."""
    name = item_name(item, language, game)
    body: list = [
        text(name, weight="bold", size="xl"),
        text(f"{say(language, 'get')} · {game_name(game, language)}", size="xs", color=GREY),
    ]
    lines = []
    for monster_name, per_rank in giver_rows(item, monsters, game, language):
        body.append(text(monster_name, size="sm", weight="bold", margin="lg"))
        body += [text(ways, size="xs", color=GREY) for ways in per_rank]
        lines.append(f"{monster_name}: {'; '.join(per_rank)}")
    if len(monsters) > MAX_GIVERS:
        body.append(
            text(say(language, "more").format(n=len(monsters) - MAX_GIVERS), size="xs", color=GREY, margin="md")
        )
    bubble = FlexBubble(size="mega", body=FlexBox(layout="vertical", spacing="xs", contents=body))
    buttons = [
        _ask(
            named_label(monster.name(language), say(language, "materials")),
            say(language, "ask_materials").format(name=_typed(monster, language, game), rank="").strip(),
        )
        for monster in monsters[:4]
    ]
    buttons += [_card_button(monster, game, language) for monster in monsters[:1]]
    buttons += [
        _ask(
            short_game_name(other, language),
            f"{short_game_name(other, language)} "
            + say(language, "ask_item").format(item=item_name(item, language, other)),
        )
        for other in other_games
    ]
    alt = f"{name} — {say(language, 'get')}: " + "; ".join(lines)
    return FlexMessage(alt_text=alt_text(alt), contents=bubble, quick_reply=_quick(buttons))


def guide_sections(facts: GameFacts, topic: str, language: str) -> list[tuple[str, list[str], bool]]:
    """(heading, lines, small) of the field guide: the topic asked first (habitat, inflicts, crowns), then habitat,
    what it inflicts and what to bring, crowns, traps."""
    game = facts.game
    sections: dict[str, list[tuple[str, list[str], bool]]] = {
        "habitat": [
            (
                say(language, "habitat"),
                [joined((place_name(p, language) for p in facts.habitats), language) or say(language, "none")],
                False,
            )
        ],
        "inflicts": [
            (
                say(language, "inflicts"),
                [joined((condition_name(c, language) for c in facts.inflicts), language) or say(language, "none")],
                False,
            )
        ],
    }
    remedies = _first_remedies(facts)
    if remedies:
        sections["inflicts"].append(
            (
                say(language, "bring"),
                [
                    f"{item_name(r.item, language, game)}{colon(language)}"
                    f"{joined((condition_name(c, language) for c in r.cures), language)}"
                    for r in remedies
                ],
                True,
            )
        )
    if facts.crowns:
        shown = [f"{say(language, k)} {facts.crowns[k]}%" for k in ("gold", "silver", "mini") if k in facts.crowns]
        sections["crowns"] = [(say(language, "crowns"), [" · ".join(shown)], topic != "crowns")]
    if facts.traps:
        held = [say(language, t) for t, holds in facts.traps.items() if holds]
        sections["traps"] = [
            (
                say(language, "traps"),
                [f"{joined(held, language)} {say(language, 'holds')}" if held else say(language, "no_traps")],
                True,
            )
        ]
    first = sections.pop(topic, [])
    return first + [section for rows in sections.values() for section in rows]


def guide_lines(monster: Monster, game: str, topic: str, language: str) -> list[str]:
    """The field guide as text lines (the terminal's)."""
    lines = [f"{monster.name(language)} — {game_name(game, language)}"]
    for title_, rows, _ in guide_sections(monster.games[game], topic, language):
        lines += [f"{title_}{colon(language)}{rows[0]}", *rows[1:]]
    return lines


def field_guide(monster: Monster, game: str, topic: str, language: str) -> FlexMessage:
    """Where a monster lives, what it inflicts and what to bring against it, its crowns and (World) traps."""
    facts = monster.games[game]
    sections = guide_sections(facts, topic, language)
    body: list = []
    for title_, lines, small in sections:
        body.append(heading(title_, first=not body))
        body += [text(line, size="xs" if small else "sm") for line in lines]
        if title_ == say(language, "bring"):
            body.append(text(say(language, "bring_note"), size="xxs", color=GREY))
    alt = f"{monster.name(language)} " + "; ".join(f"{t}{colon(language)}{lines[0]}" for t, lines, _ in sections[:2])
    buttons = [_card_button(monster, game, language)]
    buttons += _topic_buttons(monster, game, language, ("materials",), facts)
    buttons += _other_games(monster, game, language, topic)
    return _message(monster, facts, language, [body], alt, buttons)


def no_data_words(monster: Monster, topic: str, language: str) -> str:
    """None of the monster's games has the topic in the sources, said plainly."""
    topic_word = say(language, topic)
    return say(language, "no_data").format(
        name=monster.name(language), topic=topic_word.lower() if language == "en" else topic_word
    )


def no_data(monster: Monster, topic: str, language: str) -> TextMessage:
    """`no_data_words`, with the monster's card a tap away."""
    return TextMessage(
        text=no_data_words(monster, topic, language),
        quick_reply=_quick([_card_button(monster, monster.newest_game() or "", language)]),
    )


def _first_remedies(facts: GameFacts, per_condition: int = 2) -> list:
    """The remedies to show: the first two items (in the game's item order) for each condition."""
    counts: dict[str, int] = {}
    shown = []
    for remedy in facts.remedies:
        if any(counts.get(c, 0) < per_condition for c in remedy.cures):
            shown.append(remedy)
            for c in remedy.cures:
                counts[c] = counts.get(c, 0) + 1
    return shown


def _message(
    monster: Monster, facts: GameFacts, language: str, bodies: list[list], alt: str, buttons: list[QuickReplyItem]
) -> FlexMessage:
    """One bubble per body (a page each): a carousel when there are several."""
    bubbles = [
        FlexBubble(
            size="mega",
            header=header(monster, language, facts),
            body=FlexBox(layout="vertical", spacing="xs", contents=page, padding_top="md"),
            footer=source_footer(facts, language, stars_shown=False),
        )
        for page in bodies
    ]
    contents = bubbles[0] if len(bubbles) == 1 else FlexCarousel(contents=bubbles)
    return FlexMessage(alt_text=alt_text(alt), contents=contents, quick_reply=_quick(buttons))


def _typed(monster: Monster, language: str, game: str) -> str:
    """How a button asks about the monster in a game: the game's short name before its name."""
    return f"{short_game_name(game, language)} {monster.name(language)}"


def _ask(label: str, question: str) -> QuickReplyItem:
    return QuickReplyItem(action=MessageAction(label=button_label(label), text=question))


def _card_button(monster: Monster, game: str, language: str) -> QuickReplyItem:
    shown = f"{monster.name(language)} {say(language, 'card')}"
    return QuickReplyItem(
        action=PostbackAction(
            label=named_label(monster.name(language), say(language, "card")),
            data=postback_data(monster.id, game, language),
            display_text=shown,
        )
    )


def _topic_buttons(
    monster: Monster, game: str, language: str, topics: Sequence[str], facts: GameFacts
) -> list[QuickReplyItem]:
    found = []
    for topic in topics:
        if topic == "materials" and facts.materials:
            found.append(
                _ask(
                    say(language, "materials"),
                    say(language, "ask_materials").format(name=_typed(monster, language, game), rank="").strip(),
                )
            )
        elif topic != "materials" and holds(facts, topic):
            shown = say(language, "btn_inflicts") if topic == "inflicts" else say(language, topic)
            found.append(_ask(shown, say(language, f"ask_{topic}").format(name=_typed(monster, language, game))))
    return found


def _other_games(monster: Monster, game: str, language: str, topic: str) -> list[QuickReplyItem]:
    """The same question about the monster in its other games that can answer it."""
    found = []
    for other in GAMES:
        facts = monster.games.get(other)
        if other == game or not holds(facts, topic):
            continue
        question = (
            say(language, "ask_materials").format(name=_typed(monster, language, other), rank="").strip()
            if topic == "materials"
            else say(language, f"ask_{topic}").format(name=_typed(monster, language, other))
        )
        found.append(_ask(short_game_name(other, language), question))
    return found


def _quick(buttons: list[QuickReplyItem]) -> QuickReply | None:
    return QuickReply(items=buttons[:QUICK_REPLY_LIMIT]) if buttons else None
