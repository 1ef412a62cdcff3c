"""What a question handler is given and what it is: one message's context, read once, and the `Handler` protocol."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from typing import Protocol

from monsterbot.core.answer import Answer, Certainty
from monsterbot.core.matching.question import Question
from monsterbot.core.matching.reading import Reading, read_question
from monsterbot.core.model import GAMES
from monsterbot.core.snapshot import Snapshot
from monsterbot.memory import ChatMemory
from monsterbot.preferences import Preferences


class ChatKind(str, Enum):
    """Where a message was sent (LINE's source type)."""

    USER = "user"
    GROUP = "group"
    ROOM = "room"


@dataclass(frozen=True)
class Context:
    """One message and everything a handler may read to answer it; the knowledge snapshot is read once per message.

    `chat_key` identifies the chat (salted; "" when there is none: nothing is remembered then). `memory` and
    `preferences` are read here; a handler changes a chat's preferences only for a command (Certainty.COMMAND), and
    asks for memory through `Answer.remember`, kept only when the answer is given.
    """

    question: Question
    text: str  # the message as typed
    snapshot: Snapshot
    memory: ChatMemory
    preferences: Preferences
    chat: ChatKind = ChatKind.USER
    mentioned: bool = False
    chat_key: str = ""
    default_game: str = "wilds"
    group_mode: str = "confident"  # the deployment's: "mention" answers groups only when mentioned

    @cached_property
    def reading(self) -> Reading:
        """The question read as a monster's name (core/matching/reading.py), once for every handler that asks."""
        return read_question(self.question, self.text, self.snapshot.matcher)

    @property
    def talkative(self) -> bool:
        """The message was surely meant for the bot: a one-to-one chat, or a mention."""
        return self.chat is ChatKind.USER or self.mentioned

    @property
    def mention_only(self) -> bool:
        """Whether the bot speaks in this chat only when mentioned (the deployment's mode or the chat's choice)."""
        return mention_only(self.group_mode, self.preferences, self.chat_key)

    @property
    def chat_game(self) -> str | None:
        """The game the chat answers in (its own, else the bot's default); None without a chat."""
        return chat_game_of(self.preferences, self.chat_key, self.default_game)

    @property
    def game_chosen(self) -> bool:
        """Whether the game a question is answered in was chosen by someone (named in the message, or the chat's own),
        not the bot's default: answered in another game, the reply says so."""
        return self.question.game is not None or bool(self.chat_key and self.preferences.game(self.chat_key) in GAMES)

    @property
    def game(self) -> str:
        """The game a question is answered in: the one it names, else the chat's, else the bot's default."""
        return self.question.game or self.chat_game or self.default_game


class Handler(Protocol):
    """One kind of question. `matches` is a cheap test of the parsed question (and the chat); `answer` decides.

    `answer` may still return None ("not mine after all": a comparison whose sides name no two monsters), and the
    next handler in the order is tried. The group rules (quiet mode, mentions) are applied to the answer afterwards,
    in one place, from its `certainty`: a handler says how sure it is, never whether to stay silent.
    """

    def matches(self, context: Context) -> bool: ...

    def answer(self, context: Context) -> Answer | None: ...


def mention_only(group_mode: str, preferences: Preferences, chat_key: str) -> bool:
    """Whether the bot speaks in a chat only when mentioned: the deployment's mode ("mention"), or the chat's choice
    ("安靜"). One rule for answers (`Context.mention_only`) and for greeting a group's new members."""
    return group_mode == "mention" or preferences.mention_only(chat_key)


def chat_game_of(preferences: Preferences, chat_key: str, default_game: str) -> str | None:
    """The game a chat answers in (its own, else the bot's default); None without a chat."""
    if not chat_key:
        return None
    chosen = preferences.game(chat_key)
    return chosen if chosen in GAMES else default_game


def certainty(reading: Reading) -> Certainty:
    """How sure an answer about the monster a reading names is: confident (heard in a group too) only when the
    reading says the message is the name and its question, not a name buried in chatter or shortened."""
    return Certainty.CONFIDENT if reading.whole else Certainty.UNSURE
