"""Short text replies: which-one questions with quick-reply buttons, not-found, usage, greeting."""

from __future__ import annotations

from typing import Sequence
from urllib.parse import parse_qs, urlencode

from linebot.v3.messaging import PostbackAction, QuickReply, QuickReplyItem, TextMessage

from monsterbot.core.model import Monster
from monsterbot.replies import line_rules
from monsterbot.replies.labels import label

QUICK_REPLY_LIMIT = line_rules.QUICK_REPLY_MAX_ITEMS
LABEL_LIMIT = line_rules.LABEL_MAX
POSTBACK_MONSTER = "monster"
#: Monsters offered as tap-to-try buttons when the bot joins a group (those the knowledge holds).
TRY_MONSTERS = ("rathalos", "nargacuga", "zinogre", "tigrex", "arkveld")


def postback_data(monster_id: str, game: str | None, language: str, view: str | None = None) -> str:
    """The data a quick-reply button sends back: which monster, game, language and view ("hitzones" or none)."""
    fields = {POSTBACK_MONSTER: monster_id, "lang": language}
    if game:
        fields["game"] = game
    if view:
        fields["view"] = view
    return urlencode(fields)


def parse_postback(data: str) -> tuple[str, str | None, str, str | None] | None:
    """(monster id, game, language, view) from a button's data; None for data this bot did not send."""
    try:
        fields = {k: v[0] for k, v in parse_qs(data, strict_parsing=True).items()}
    except ValueError:
        return None
    monster_id = fields.get(POSTBACK_MONSTER)
    if not monster_id:
        return None
    return monster_id, fields.get("game"), fields.get("lang", "en"), fields.get("view")


def quick_replies(monsters: Sequence[Monster], game: str | None, language: str) -> QuickReply | None:
    """One button per monster (at most 13) that opens its card."""
    items = [
        QuickReplyItem(
            action=PostbackAction(
                label=monster.name(language)[:LABEL_LIMIT],
                data=postback_data(monster.id, game, language),
                display_text=monster.name(language),
            )
        )
        for monster in monsters[:QUICK_REPLY_LIMIT]
    ]
    return QuickReply(items=items) if items else None


def which_one(monsters: Sequence[Monster], game: str | None, language: str) -> TextMessage:
    """Ask which of several monsters the player meant, one button each."""
    names = "、".join(m.name(language) for m in monsters) if language != "en" else ", ".join(m.name("en") for m in monsters)
    return TextMessage(text=f"{label(language, 'which')}\n{names}", quick_reply=quick_replies(monsters, game, language))


def not_found(query: str, suggestions: Sequence[Monster], game: str | None, language: str) -> TextMessage:
    """Say a name was not found, with the nearest monsters as buttons."""
    text = label(language, "not_found").format(query=query.strip()[:40])
    if suggestions:
        sep = ", " if language == "en" else "、"
        text += "\n" + label(language, "did_you_mean").format(names=sep.join(m.name(language) for m in suggestions))
    else:
        text += "\n" + label(language, "try_help")
    return TextMessage(text=text, quick_reply=quick_replies(suggestions, game, language))


def usage(language: str) -> TextMessage:
    """What the bot can answer, in the asker's language."""
    return TextMessage(text=label(language, "usage"))


def greeting() -> TextMessage:
    """The welcome message for a new friend, in Traditional Chinese and English."""
    return TextMessage(
        text="\n\n".join(
            f"{label(lang, 'greeting')}\n{label(lang, 'usage')}" for lang in ("zh-TW", "en")
        )
    )


def group_greeting(monsters: Sequence[Monster]) -> TextMessage:
    """A short hello for a group or room that invited the bot, with monsters to tap and try."""
    text = "\n\n".join(f"{label(lang, 'greeting')}\n{label(lang, 'group_hint')}" for lang in ("zh-TW", "en"))
    return TextMessage(text=text, quick_reply=quick_replies(monsters, None, "zh-TW"))
