"""What the bot says: from a chat message to reply messages. No Flask, no HTTP.

One-to-one chats get an answer to everything (a card, a which-one question, or not found
with suggestions). Group and room chats get a card only for a confident match on the
whole message, or any answer when the bot is mentioned; otherwise the bot stays silent.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from enum import Enum
from typing import Any, Mapping

from linebot.v3.messaging import TextMessage

from monsterbot.core.matching.matcher import Outcome
from monsterbot.core.matching.question import Kind, Question, parse
from monsterbot.core.model import Monster
from monsterbot.core.ranking import Ranked, weakest_to
from monsterbot.core.snapshot import Snapshot
from monsterbot.preferences import MemoryPreferences, Preferences
from monsterbot.replies import messages, tables
from monsterbot.replies.card import game_missing, weakness_card
from monsterbot.replies.labels import label
from monsterbot.replies.wire import Wire, to_wire
from monsterbot.sources.live import LiveKnowledge


class ChatKind(str, Enum):
    """Where a message was sent (LINE's source type)."""

    USER = "user"
    GROUP = "group"
    ROOM = "room"


@dataclass(frozen=True)
class Answer:
    """What the bot answers: the messages to send (none means stay silent), built from the content below.

    `kind` names the reply (weakness, hitzones, compare, reverse, which_one, not_found, help, greeting, keyword,
    command); `monsters` are its subjects (the card's monster, the pair compared, the choices offered), `game` the
    game whose facts it shows and `ranking` a reverse lookup's list. `to_data()` is that content as JSON-ready data.
    """

    messages: list[Wire] = field(default_factory=list)
    outcome: str = "silent"
    monster_id: str | None = None
    score: float | None = None
    query: str = ""  # the normalised text of a text message (for the query log)
    language: str = ""
    kind: str = "silent"
    game: str | None = None
    monsters: tuple[Monster, ...] = ()
    ranking: tuple[Ranked, ...] = ()
    topic: str = ""

    def to_data(self) -> dict[str, Any]:
        """The answer's content as plain data (what `monsterbot ask --json` prints)."""
        return {
            "kind": self.kind, "outcome": self.outcome, "normalised": self.query, "language": self.language,
            "game": self.game, "score": self.score, "topic": self.topic or None,
            "monsters": [_monster_data(m, self.game) for m in self.monsters],
            "ranking": [{"id": r.monster.id, "name": r.monster.name(self.language or "en"), "stars": r.stars,
                         "listed_at": r.listed_at} for r in self.ranking],
        }


def _monster_data(monster: Monster, game: str | None) -> dict[str, Any]:
    facts = monster.facts(game)
    return {"id": monster.id, "names": dict(monster.names),
            "facts": _plain(asdict(facts)) if facts is not None else None}


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class Conversation:
    """Turns text, postbacks and follows into answers, from the live knowledge."""

    def __init__(
        self,
        knowledge: LiveKnowledge,
        default_game: str = "wilds",
        group_mode: str = "confident",
        preferences: Preferences | None = None,
    ) -> None:
        self.knowledge = knowledge
        self.default_game = default_game
        self.group_mode = group_mode
        self.preferences = preferences or MemoryPreferences()

    def reply_to_text(
        self, text: str, chat: ChatKind = ChatKind.USER, mentioned: bool = False, chat_key: str = ""
    ) -> Answer:
        """Answer a text message according to the chat it came from (chat_key identifies a group or room)."""
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")  # a lone surrogate becomes U+FFFD
        question = parse(text)
        answer = self._answer(question, text, chat, mentioned, chat_key)
        return replace(answer, query=question.whole, language=question.language)

    def _answer(self, question: Question, text: str, chat: ChatKind, mentioned: bool, chat_key: str) -> Answer:
        talkative = chat is ChatKind.USER or mentioned
        if question.kind in (Kind.QUIET, Kind.TALK):
            if chat is ChatKind.USER or not chat_key:
                return Answer([to_wire(messages.usage(question.language))], "help", kind="help")
            quiet = question.kind is Kind.QUIET
            self.preferences.set_mention_only(chat_key, quiet)
            said = TextMessage(text=label(question.language, "quiet_on" if quiet else "quiet_off"))
            return Answer([to_wire(said)], "command",
                          kind="command")
        if question.kind in (Kind.HELP, Kind.EMPTY):
            return Answer([to_wire(messages.usage(question.language))], "help", kind="help") if talkative else Answer()
        keyword = self.knowledge.current.replies.get(question.whole)
        if keyword is not None:  # an EventBinding's keyword event: answered in every chat, like the original operator
            return Answer([to_wire(TextMessage(text=keyword.text))], "keyword", kind="keyword")
        if not talkative and (self.group_mode == "mention" or self.preferences.mention_only(chat_key)):
            return Answer()
        snapshot = self.knowledge.current
        game = question.game or self.default_game
        if question.kind is Kind.REVERSE:
            ranked = weakest_to(snapshot.monsters.values(), question.topic, game)
            card = snapshot.remember(("reverse", question.topic, question.language, game), lambda: to_wire(
                tables.weakest_list(question.topic, ranked, question.language, game)))
            return Answer([card], "reverse", kind="reverse", game=game, ranking=tuple(ranked), topic=question.topic)
        if question.kind is Kind.COMPARE:
            first = snapshot.matcher.match_key(question.subject).best
            second = snapshot.matcher.match_key(question.other).best
            if first and second and first.monster_id != second.monster_id:
                one, other = snapshot.monsters[first.monster_id], snapshot.monsters[second.monster_id]
                absent = next((m for m in (one, other) if question.game and question.game not in m.games), None)
                if absent is not None:  # the named game is honoured: no other game's figures in the comparison
                    card = self._card(snapshot, Kind.WEAKNESS, absent, question.language, game, named=True)
                    return Answer([card], "match", absent.id, first.score, **_card_content(Kind.WEAKNESS, absent, game, True))
                card = snapshot.remember(("compare", one.id, other.id, question.language, game),
                                         lambda: to_wire(tables.comparison(one, other, question.language, game)))
                return Answer([card], "compare", one.id, first.score, kind="compare", game=game, monsters=(one, other))
            question = replace(question, kind=Kind.WEAKNESS, subject=question.whole)
        result = snapshot.matcher.match_question(question)
        best = result.best
        if best is not None and (talkative or result.whole_message):
            monster = snapshot.monsters[best.monster_id]
            named = question.game is not None
            card = self._card(snapshot, question.kind, monster, question.language, game, named)
            return Answer([card], "match", monster.id, best.score, **_card_content(question.kind, monster, game, named))
        if not talkative:
            return Answer(outcome=result.outcome.value)
        candidates = [snapshot.monsters[c.monster_id] for c in result.candidates]
        top_score = result.candidates[0].score if result.candidates else None
        if result.outcome is Outcome.AMBIGUOUS:
            return Answer([to_wire(messages.which_one(candidates, question.game, question.language))], "ambiguous", None,
                          top_score, kind="which_one", game=question.game, monsters=tuple(candidates))
        return Answer([to_wire(messages.not_found(text, candidates, question.game, question.language))], "miss", None,
                      top_score, kind="not_found", game=question.game, monsters=tuple(candidates))

    def reply_to_postback(self, data: str) -> Answer:
        """Answer a press on one of this bot's quick-reply buttons; ignore any other postback."""
        parsed = messages.parse_postback(data)
        if parsed is None:
            return Answer(outcome="ignored")
        monster_id, game, language, view = parsed
        snapshot = self.knowledge.current
        monster = snapshot.monsters.get(monster_id)
        if monster is None:
            return Answer(outcome="ignored")
        kind = Kind.HITZONES if view == tables.HITZONES_VIEW else Kind.WEAKNESS
        card = self._card(snapshot, kind, monster, language, game or self.default_game, named=game is not None)
        return Answer([card], "match", monster.id, 100.0, language=language,
                      **_card_content(kind, monster, game or self.default_game, game is not None))

    @staticmethod
    def _card(snapshot: Snapshot, kind: Kind, monster: Monster, language: str, game: str, named: bool) -> Wire:
        """A monster's weakness card or hitzone table, built and serialised once per knowledge version.

        A game the player named is always honoured: without figures there, the answer says so (with
        buttons for the games that have them) rather than showing another game's facts.
        """
        view = tables.HITZONES_VIEW if kind is Kind.HITZONES else None
        if named and game not in monster.games:
            return snapshot.remember(("missing", view, monster.id, language, game),
                                     lambda: to_wire(game_missing(monster, language, game, view)))
        build = tables.hitzone_table if kind is Kind.HITZONES else weakness_card
        return snapshot.remember((kind, monster.id, language, game), lambda: to_wire(build(monster, language, game)))

    def greet(self) -> Answer:
        """Welcome a new friend with what the bot can do."""
        return Answer([to_wire(messages.greeting())], "greeting", kind="greeting")

    def welcome_group(self) -> Answer:
        """Greet a group or room that invited the bot (or its new members), with monsters to tap and try."""
        monsters = self.knowledge.current.monsters
        tries = [monsters[i] for i in messages.TRY_MONSTERS if i in monsters] or sorted(monsters.values(), key=lambda m: m.id)
        shown = tuple(tries[: len(messages.TRY_MONSTERS)])
        return Answer([to_wire(messages.group_greeting(shown))], "greeting", kind="greeting", monsters=shown)

    def forget(self, chat_key: str) -> Answer:
        """The bot left a group or room: drop what it kept about that chat."""
        if chat_key:
            self.preferences.forget(chat_key)
        return Answer(outcome="forgotten", kind="forget")


def _card_kind(kind: Kind) -> str:
    return "hitzones" if kind is Kind.HITZONES else "weakness"


def _card_content(kind: Kind, monster: Monster, game: str, named: bool) -> dict[str, Any]:
    """The Answer fields of a card: a named game without the monster is a "game_missing" answer, no facts."""
    if named and game not in monster.games:
        return {"kind": "game_missing", "game": game, "monsters": ()}
    facts = monster.facts(game)
    return {"kind": _card_kind(kind), "game": facts.game if facts else game, "monsters": (monster,)}
