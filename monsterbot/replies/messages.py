"""Short text replies: which-one questions with quick-reply buttons, not-found, usage, greeting, small talk."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence
from urllib.parse import parse_qs, urlencode

from monsterbot.core.matching.followup import PART_KEYWORDS
from monsterbot.core.model import AILMENTS, ELEMENTS, GAMES, LANGUAGES, Monster
from monsterbot.line_sdk.messaging import MessageAction, PostbackAction, QuickReply, QuickReplyItem, TextMessage
from monsterbot.replies import line_rules
from monsterbot.replies.labels import joined, label

QUICK_REPLY_LIMIT = line_rules.QUICK_REPLY_MAX_ITEMS
LABEL_LIMIT = line_rules.LABEL_MAX
POSTBACK_MONSTER = "monster"
POSTBACK_TOPIC = "reverse"
VIEW_CARD, VIEW_HITZONES, VIEW_TABLE = "card", "hitzones", "table"  # a card, a hitzone table, the full table

#: What the "try" buttons send, per language: a monster, a hitzone table, a reverse lookup, a comparison.
TRY_QUERIES: dict[str, tuple[str, ...]] = {
    "zh-TW": ("火龍", "迅龍 肉質", "哪些魔物怕火", "火龍 vs 雌火龍"),
    "zh-CN": ("火龙", "迅龙 肉质", "哪些怪物怕火", "火龙 vs 雌火龙"),
    "en": ("Rathalos", "nargacuga hitzones", "weak to fire", "rathalos vs rathian"),
    "ja": ("リオレウス", "ナルガクルガ 肉質", "火属性が弱点", "リオレウスとリオレイア"),
}
#: Monsters offered as tap-to-try buttons when the bot joins a group (those the knowledge holds).
TRY_MONSTERS = ("rathalos", "nargacuga", "zinogre", "tigrex", "arkveld")


#: Button data of a question about a part or an element ("ask=part&detail=tail"), and of "use this game here".
ASK, DETAIL, SET_GAME = "ask", "detail", "setgame"
#: What a button may ask about: the parts and elements this bot asks about (other data shows the plain card).
ASKABLE: dict[str, frozenset[str]] = {"part": frozenset(PART_KEYWORDS), "element": frozenset(ELEMENTS)}


@dataclass(frozen=True)
class Postback:
    """What one of this bot's buttons asks for: a monster's card, full table or answer about a part or element, a
    page of a reverse lookup, or making a game the chat's own (`set_game`)."""

    language: str
    game: str | None = None
    monster: str = ""
    view: str = VIEW_CARD
    topic: str = ""
    page: int = 0
    ask: str = ""
    detail: str = ""
    set_game: bool = False


def postback_data(monster_id: str, game: str | None, language: str, view: str | None = VIEW_CARD) -> str:
    """The data a button opening a monster sends back: which monster, game, language and view."""
    fields = {POSTBACK_MONSTER: monster_id, "lang": language}
    if game:
        fields["game"] = game
    if view and view != VIEW_CARD:
        fields["view"] = view
    return urlencode(fields)


def page_data(topic: str, game: str, language: str, page: int) -> str:
    """The data of a reverse lookup's "more" button."""
    return urlencode({POSTBACK_TOPIC: topic, "game": game, "lang": language, "page": str(page)})


def set_game_data(game: str, language: str) -> str:
    """The data of a "use this game here" button."""
    return urlencode({SET_GAME: game, "lang": language})


def parse_postback(data: str) -> Postback | None:
    """The request behind a button's data; None for data this bot did not send. The one parser of every button:
    strict query syntax, a known game, a language of LANGUAGES (any other falls back to English)."""
    try:
        fields = {k: v[0] for k, v in parse_qs(data, strict_parsing=True).items()}
    except ValueError:
        return None
    language = fields.get("lang", "en")
    if language not in LANGUAGES:
        language = "en"
    if SET_GAME in fields:
        return Postback(language, fields[SET_GAME], set_game=True) if fields[SET_GAME] in GAMES else None
    game = fields.get("game")
    if game is not None and game not in GAMES:
        return None
    if fields.get(POSTBACK_MONSTER):
        view = fields.get("view", VIEW_CARD)
        if view not in (VIEW_CARD, VIEW_HITZONES, VIEW_TABLE):
            return None
        ask, detail = fields.get(ASK, ""), fields.get(DETAIL, "")
        if detail not in ASKABLE.get(ask, ()):
            ask, detail = "", ""  # hand-made data asking what this bot never asks: the plain card
        return Postback(language, game, monster=fields[POSTBACK_MONSTER], view=view, ask=ask, detail=detail)
    page = fields.get("page", "")
    if fields.get(POSTBACK_TOPIC) in (*ELEMENTS, *AILMENTS) and game and page.isdigit() and len(page) <= 4:
        return Postback(language, game, topic=fields[POSTBACK_TOPIC], page=int(page))
    return None


def button_label(value: str) -> str:
    """A label within LINE's 20 characters, never cut mid-word: the leading words of a longer one become initials,
    first to last but the last ("Guardian Fulgur Anjanath": "G. Fulgur Anjanath"); only what has no word to shorten
    (one long word, Chinese or Japanese) is cut, with an ellipsis."""
    words = value.split(" ")
    for index, word in enumerate(words[:-1]):
        if len(" ".join(words)) <= LABEL_LIMIT:
            break
        if len(word) > 2 and word[0].isalpha():
            words[index] = f"{word[0]}."
    shown = " ".join(words)
    return shown if len(shown) <= LABEL_LIMIT else shown[: LABEL_LIMIT - 1] + "…"


def named_label(name: str, action: str) -> str:
    """A button about a monster, "Safi'jiiva Weaknesses": where that is longer than LINE's 20 characters the action
    gives way, cut with an ellipsis ("Safi'jiiva Weaknes…") or, with less than three of its characters left,
    dropped; the monster's name is never what is shortened to fit it (button_label shortens a name too long alone)."""
    whole = f"{name} {action}"
    room = LABEL_LIMIT - len(name) - 2  # a space and the ellipsis
    if action and len(whole) <= LABEL_LIMIT:
        return whole
    return f"{name} {action[:room]}…" if action and room >= 3 else button_label(name)


def monster_items(
    monsters: Sequence[Monster], game: str | None, language: str, room: int = QUICK_REPLY_LIMIT
) -> list[QuickReplyItem]:
    """One button per monster (at most `room`) that opens its card."""
    return [
        QuickReplyItem(
            action=PostbackAction(
                label=button_label(m.name(language)),
                data=postback_data(m.id, game, language),
                display_text=m.name(language),
            )
        )
        for m in monsters[:room]
    ]


def quick_replies(monsters: Sequence[Monster], game: str | None, language: str) -> QuickReply | None:
    """One button per monster (at most 13) that opens its card."""
    items = monster_items(monsters, game, language)
    return QuickReply(items=items) if items else None


def full_table_button(monster_id: str, game: str, language: str, rows: int) -> QuickReply:
    """The button under a compact hitzone table that opens the full one."""
    shown = label(language, "full_table").format(rows=rows)
    return QuickReply(
        items=[
            QuickReplyItem(
                action=PostbackAction(
                    label=button_label(shown),
                    data=postback_data(monster_id, game, language, VIEW_TABLE),
                    display_text=shown,
                )
            )
        ]
    )


def more_button(topic: str, game: str, language: str, page: int) -> QuickReplyItem:
    """The "more" button of a reverse lookup: the next page."""
    shown = label(language, "more")
    return QuickReplyItem(
        action=PostbackAction(
            label=button_label(shown), data=page_data(topic, game, language, page), display_text=shown
        )
    )


def try_buttons(language: str) -> QuickReply:
    """Tap-to-try buttons: a monster, a hitzone table, a reverse lookup, a comparison, in the asker's language."""
    queries = TRY_QUERIES.get(language, TRY_QUERIES["en"])
    return QuickReply(items=[QuickReplyItem(action=MessageAction(label=button_label(q), text=q)) for q in queries])


def _names(monsters: Sequence[Monster], language: str) -> str:
    return joined((m.name(language) for m in monsters), language)


def which_one_words(monsters: Sequence[Monster], language: str) -> str:
    """The words of a which-one question."""
    return f"{label(language, 'which')}\n{_names(monsters, language)}"


def which_one(monsters: Sequence[Monster], game: str | None, language: str) -> TextMessage:
    """Ask which of several monsters the player meant, one button each."""
    return TextMessage(text=which_one_words(monsters, language), quick_reply=quick_replies(monsters, game, language))


def not_found_words(query: str, suggestions: Sequence[Monster], language: str) -> str:
    """The words of a not-found reply: the plausible names, else an invitation to try the buttons."""
    text = label(language, "not_found").format(query=query.strip()[:40])
    if suggestions:
        return text + "\n" + label(language, "did_you_mean").format(names=_names(suggestions, language))
    return text + "\n" + label(language, "try_these")


def not_found(query: str, suggestions: Sequence[Monster], game: str | None, language: str) -> TextMessage:
    """Say a name was not found, with the plausible monsters as buttons, else buttons to try."""
    return TextMessage(
        text=not_found_words(query, suggestions, language), quick_reply=not_found_buttons(suggestions, game, language)
    )


def not_found_buttons(suggestions: Sequence[Monster], game: str | None, language: str) -> QuickReply | None:
    """The buttons of a not-found reply: the plausible monsters, else buttons to try."""
    return quick_replies(suggestions, game, language) if suggestions else try_buttons(language)


def usage(language: str) -> TextMessage:
    """What the bot can answer, short, in the asker's language, with buttons to try."""
    return TextMessage(text=label(language, "usage"), quick_reply=try_buttons(language))


def greeting_words(language: str) -> str:
    """Who the bot is and what to ask it."""
    return f"{label(language, 'greeting')}\n{label(language, 'usage')}"


def greeting(language: str = "zh-TW") -> TextMessage:
    """The welcome message for a new friend: who the bot is and what to try, with buttons."""
    return TextMessage(text=greeting_words(language), quick_reply=try_buttons(language))


def small_talk(kind: str, language: str) -> TextMessage:
    """A short friendly answer to a greeting, thanks, laughter or nonsense, with buttons to try."""
    return TextMessage(text=label(language, f"talk_{kind}"), quick_reply=try_buttons(language))


def group_greeting_words() -> str:
    """A hello to a group, in Traditional Chinese and English."""
    return "\n\n".join(f"{label(lang, 'greeting')}\n{label(lang, 'group_hint')}" for lang in ("zh-TW", "en"))


def group_greeting(monsters: Sequence[Monster]) -> TextMessage:
    """A short hello for a group or room that invited the bot, with monsters to tap and try."""
    return TextMessage(text=group_greeting_words(), quick_reply=quick_replies(monsters, None, "zh-TW"))
