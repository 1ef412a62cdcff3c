"""What the bot says: from a chat event to an answer and its LINE messages. No Flask, no HTTP.

A text message is parsed once, against one knowledge snapshot, and handed to the question handlers
(monsterbot/questions, tried in the order of `questions/order.py`, the group rules applied there); postbacks, stickers,
follows and joins are answered here. Every answer is content (`core.answer.Answer`) rendered for LINE by
`replies/line.py`; what is remembered of a chat is kept only for an answer given.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

from monsterbot.core.answer import Answer, AnswerKind, AnswerOutcome, Remembered
from monsterbot.core.matching import followup
from monsterbot.core.matching.normalize import detect_language, normalize
from monsterbot.core.matching.question import Kind
from monsterbot.core.matching.smalltalk import small_talk
from monsterbot.core.snapshot import Snapshot
from monsterbot.memory import ChatMemory, LocalMemory
from monsterbot.preferences import MemoryPreferences, Preferences
from monsterbot.questions import cards
from monsterbot.questions.context import ChatKind, Context, Handler, chat_game_of, mention_only
from monsterbot.questions.order import ORDER, decide
from monsterbot.questions.reverse import ranking_page
from monsterbot.replies import line, messages
from monsterbot.replies.wire import Wire
from monsterbot.sources.live import LiveKnowledge

__all__ = ["Answer", "ChatKind", "Conversation", "Reply"]

#: The language of a reply to a sticker that says nothing in words (most players write Traditional Chinese).
STICKER_LANGUAGE = "zh-TW"


@dataclass(frozen=True)
class Reply(Answer):
    """An answer with its LINE messages (none: stay silent)."""

    messages: list[Wire] = field(default_factory=list)


class Conversation:
    """Turns text, postbacks and follows into answers, from the live knowledge."""

    def __init__(
        self,
        knowledge: LiveKnowledge,
        default_game: str = "wilds",
        group_mode: str = "confident",
        preferences: Preferences | None = None,
        memory: ChatMemory | None = None,
        order: tuple[Handler, ...] = ORDER,
    ) -> None:
        self.knowledge = knowledge
        self.order = order  # the kinds of question, tried in turn (questions/order.py)
        self.default_game = default_game
        self.group_mode = group_mode
        self.preferences = preferences or MemoryPreferences()
        self.memory: ChatMemory = memory if memory is not None else LocalMemory()

    def context(
        self, text: str, chat: ChatKind = ChatKind.USER, mentioned: bool = False, chat_key: str = ""
    ) -> Context:
        """A text message parsed against the current knowledge (read once, here), with its chat."""
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")  # a lone surrogate becomes U+FFFD
        snapshot = self.knowledge.current
        names = snapshot.remember("names", lambda: _name_keys(snapshot))
        question = followup.parse(text, names.__contains__)
        return Context(
            question,
            text,
            snapshot,
            self.memory,
            self.preferences,
            chat,
            mentioned,
            chat_key,
            self.default_game,
            self.group_mode,
        )

    def reply_to_text(
        self, text: str, chat: ChatKind = ChatKind.USER, mentioned: bool = False, chat_key: str = ""
    ) -> Reply:
        """Answer a text message according to the chat it came from (chat_key identifies the chat; without one
        nothing is remembered)."""
        answer, snapshot = self.answer_text(text, chat, mentioned, chat_key)
        return self._reply(answer, snapshot, chat_key)

    def answer_text(
        self, text: str, chat: ChatKind = ChatKind.USER, mentioned: bool = False, chat_key: str = ""
    ) -> tuple[Answer, Snapshot]:
        """The answer to a text message, without its LINE messages (what `monsterbot ask --json` prints), and the
        snapshot it was answered from."""
        context = self.context(text, chat, mentioned, chat_key)
        question = context.question
        answer = decide(context, self.order)
        return replace(answer, query=question.whole, language=answer.language or question.language), context.snapshot

    def reply_to_sticker(self, text: str, keywords: list[str], chat: ChatKind = ChatKind.USER) -> Reply:
        """Answer a sticker in a one-to-one chat by what it says (its text, else LINE's keywords for it)."""
        if chat is not ChatKind.USER:
            return Reply()
        language = detect_language(text) if text else STICKER_LANGUAGE
        kinds = [kind for word in (text, *keywords) if word and (kind := small_talk(word))]
        return self._reply(
            Answer(
                AnswerKind.SMALL_TALK,
                AnswerOutcome.SMALL_TALK,
                language=language,
                topic=kinds[0] if kinds else "sticker",
            )
        )

    def reply_to_postback(self, data: str, chat_key: str = "") -> Reply:
        """Answer a press on one of this bot's buttons (a card, a full table, a next page, a part or element answer,
        "use this game here"); ignore any other postback."""
        ignored = Reply(outcome=AnswerOutcome.IGNORED)
        pressed = messages.parse_postback(data)  # parsed once: every button's data
        if pressed is None:
            return ignored
        language = pressed.language
        if pressed.set_game and pressed.game:
            if not chat_key:
                return ignored
            self.preferences.set_game(chat_key, pressed.game)
            return self._reply(
                Answer(
                    AnswerKind.COMMAND, AnswerOutcome.COMMAND, language=language, game=pressed.game, topic="game_set"
                )
            )
        snapshot = self.knowledge.current
        if pressed.topic:
            page = ranking_page(snapshot, pressed.topic, pressed.game or self.default_game, pressed.page)
            return ignored if page is None else self._reply(replace(page, language=language), snapshot)
        monster = snapshot.monsters.get(pressed.monster)
        if monster is None:
            return ignored
        chat_game = chat_game_of(self.preferences, chat_key, self.default_game)
        game = pressed.game or chat_game or self.default_game
        if pressed.view == messages.VIEW_TABLE:
            return self._reply(
                Answer(
                    AnswerKind.HITZONES,
                    AnswerOutcome.MATCH,
                    language=language,
                    game=game,
                    monsters=(monster,),
                    full=True,
                    monster_id=monster.id,
                    score=100.0,
                ),
                snapshot,
            )
        detail = pressed.detail
        kind = {"part": Kind.PART, "element": Kind.ELEMENT}.get(pressed.ask, Kind.WEAKNESS)
        if kind is Kind.WEAKNESS and pressed.view == messages.VIEW_HITZONES:
            kind = Kind.HITZONES
        remembered = Remembered(monster.id, game, kind.value, detail, language)
        return self._reply(
            cards.card(
                monster,
                kind,
                detail,
                language,
                game,
                chat_game,
                pressed.game is not None,
                outcome=AnswerOutcome.MATCH,
                monster_id=monster.id,
                score=100.0,
                remember=remembered,
            ),
            snapshot,
            chat_key,
        )

    def greet(self, language: str = "zh-TW") -> Reply:
        """Welcome a new friend with what the bot can do, with buttons to try."""
        return self._reply(Answer(AnswerKind.GREETING, AnswerOutcome.GREETING, language=language))

    def welcome_group(self) -> Reply:
        """Greet a group or room that invited the bot (or its new members), with monsters to tap and try."""
        snapshot = self.knowledge.current
        monsters = snapshot.monsters
        tries = [monsters[i] for i in messages.TRY_MONSTERS if i in monsters] or sorted(
            monsters.values(), key=lambda m: m.id
        )
        shown = tuple(tries[: len(messages.TRY_MONSTERS)])
        return self._reply(Answer(AnswerKind.GREETING, AnswerOutcome.GREETING, monsters=shown, topic="group"), snapshot)

    def welcome_members(self, chat_key: str) -> Reply:
        """Greet people who joined a group, unless it asked the bot to speak only when mentioned."""
        return Reply() if mention_only(self.group_mode, self.preferences, chat_key) else self.welcome_group()

    def forget(self, chat_key: str) -> Reply:
        """The bot left a group or room: drop what it kept about that chat."""
        if chat_key:
            self.preferences.forget(chat_key)
            self.memory.forget(chat_key)
        return Reply(AnswerKind.FORGET, AnswerOutcome.FORGOTTEN)

    def _reply(self, answer: Answer, snapshot: Snapshot | None = None, chat_key: str = "") -> Reply:
        """The answer with its LINE messages; what it asks the chat's memory to keep, kept."""
        if answer.remember is not None and chat_key:
            self.memory.remember(chat_key, answer.remember)
        wires = line.render(answer, snapshot or self.knowledge.current)
        return Reply(**{f.name: getattr(answer, f.name) for f in fields(answer)}, messages=wires)


def _name_keys(snapshot: Snapshot) -> frozenset[str]:
    """Every monster name and alias as a matching key (what is never taken apart as a follow-up)."""
    return frozenset(normalize(name) for monster in snapshot.monsters.values() for _, name in monster.all_names())
