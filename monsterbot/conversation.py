"""What the bot says: from a chat message to reply messages. No Flask, no HTTP.

One-to-one chats get an answer to everything (a card, a which-one question, or not found
with suggestions). Group and room chats get a card only for a confident match on the
whole message, or any answer when the bot is mentioned; otherwise the bot stays silent.

A chat's last monster, game and question are remembered (`memory`) so that a follow-up ("尾巴呢",
"and in rise?", "vs rathian?") is answered about it; in groups a follow-up is answered only when
the bot is mentioned, or when it is worded as a question and the chat has a monster to follow
(never a which-monster question).
A chat may choose its own game ("預設荒野"), kept in `preferences` like the mention-only mode.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from enum import Enum
from typing import Any, Callable, Mapping, cast

from linebot.v3.messaging import Message, TextMessage

from monsterbot.core.matching import followup
from monsterbot.core.matching.matcher import AMBIGUOUS_FLOOR, Candidate, Method, Outcome
from monsterbot.core.matching.normalize import detect_language, normalize
from monsterbot.core.matching.question import Kind, Question
from monsterbot.core.matching.smalltalk import small_talk
from monsterbot.core.model import GAMES, Monster
from monsterbot.core.ranking import Ranked, page, weakest_to
from monsterbot.core.snapshot import Snapshot
from monsterbot.memory import ChatMemory, LocalMemory, Remembered
from monsterbot.preferences import MemoryPreferences, Preferences
from monsterbot.replies import followups, messages, reverse, tables
from monsterbot.replies.card import game_missing, weakness_card
from monsterbot.replies.element_answer import element_answer
from monsterbot.replies.labels import label
from monsterbot.replies.part_answer import part_answer
from monsterbot.replies.wire import Wire, to_wire
from monsterbot.sources.live import LiveKnowledge

#: How many monsters a "which monster?" offers as buttons.
WHICH_MONSTER_BUTTONS = 6
#: The language of a reply to a sticker that says nothing in words (most players write Traditional Chinese).
STICKER_LANGUAGE = "zh-TW"


class ChatKind(str, Enum):
    """Where a message was sent (LINE's source type)."""

    USER = "user"
    GROUP = "group"
    ROOM = "room"


@dataclass(frozen=True)
class Answer:
    """What the bot answers: the messages to send (none means stay silent), built from the content below.

    `kind` names the reply (weakness, hitzones, part, element, compare, reverse, which_one, which_monster,
    not_found, help, greeting, keyword, command); `monsters` are its subjects (the card's monster, the pair compared, the choices offered), `game` the
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
                         "listed_at": r.listed_at, "hitzone": r.hitzone} for r in self.ranking],
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
        memory: ChatMemory | None = None,
    ) -> None:
        self.knowledge = knowledge
        self.default_game = default_game
        self.group_mode = group_mode
        self.preferences = preferences or MemoryPreferences()
        self.memory: ChatMemory = memory if memory is not None else LocalMemory()

    def reply_to_text(
        self, text: str, chat: ChatKind = ChatKind.USER, mentioned: bool = False, chat_key: str = ""
    ) -> Answer:
        """Answer a text message according to the chat it came from (chat_key identifies the chat; without one
        nothing is remembered)."""
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")  # a lone surrogate becomes U+FFFD
        snapshot = self.knowledge.current
        names = snapshot.remember("names", lambda: _name_keys(snapshot))
        question = followup.parse(text, names.__contains__)
        answer = self._answer(question, text, chat, mentioned, chat_key)
        return replace(answer, query=question.whole, language=answer.language or question.language)

    def _answer(self, question: Question, text: str, chat: ChatKind, mentioned: bool, chat_key: str) -> Answer:
        talkative = chat is ChatKind.USER or mentioned
        if question.kind in (Kind.QUIET, Kind.TALK):
            if chat is ChatKind.USER or not chat_key:
                return Answer([self._usage(question.language)], "help", kind="help")
            quiet = question.kind is Kind.QUIET
            self.preferences.set_mention_only(chat_key, quiet)
            said = TextMessage(text=label(question.language, "quiet_on" if quiet else "quiet_off"))
            return Answer([to_wire(said)], "command",
                          kind="command")
        if question.kind is Kind.SET_GAME and question.game:
            if not chat_key:
                return Answer([self._usage(question.language)], "help", kind="help")
            self.preferences.set_game(chat_key, question.game)
            return Answer([to_wire(followups.game_set(question.game, question.language))], "command", kind="command",
                          game=question.game)
        if question.kind in (Kind.HELP, Kind.EMPTY):
            if not talkative:
                return Answer()
            talk = small_talk(text) if question.kind is Kind.EMPTY else None  # an emoji alone: 👍 😂
            if talk:
                return Answer([self._small_talk(talk, question.language)], "small_talk", kind="small_talk")
            return Answer([self._usage(question.language)], "help", kind="help")
        keyword = self.knowledge.current.replies.get(question.whole)
        if keyword is not None:  # an EventBinding's keyword event: answered in every chat, like the original operator
            return Answer([to_wire(TextMessage(text=keyword.text))], "keyword", kind="keyword")
        if not talkative and self._mention_only(chat_key):
            return Answer()
        snapshot = self.knowledge.current
        if question.followup:
            return self._follow_up(snapshot, question, text, talkative, chat_key)
        chat_game = self._chat_game(chat_key)
        game = question.game or chat_game or self.default_game
        talk = small_talk(text) if talkative else None
        if talk and not _names_a_monster(snapshot, question.whole):
            return Answer([self._small_talk(talk, question.language)], "small_talk", kind="small_talk")
        if question.kind is Kind.REVERSE:  # in a group only when asked outright: "有雷" is a spoiler warning
            return self._reverse(snapshot, question.topic, game, question.language, 0) if talkative or question.asking \
                else Answer()
        if question.kind is Kind.COMPARE:
            sides = snapshot.matcher.match_key(question.subject), snapshot.matcher.match_key(question.other)
            first, second = (side.best for side in sides)
            if first and second and first.monster_id != second.monster_id:
                if not (talkative or all(side.whole_message for side in sides)):
                    return Answer()  # "昨天打火龍跟雌火龍好累": two names in a group's chatter
                one, other = snapshot.monsters[first.monster_id], snapshot.monsters[second.monster_id]
                absent = next((m for m in (one, other) if question.game and question.game not in m.games), None)
                if absent is not None:  # the named game is honoured: no other game's figures in the comparison
                    card = self._card(snapshot, Kind.WEAKNESS, "", absent, question.language, game, None, named=True)
                    return Answer([card], "match", absent.id, first.score,
                                  **_card_content(Kind.WEAKNESS, "", absent, game, True))
                card = self._comparison(snapshot, one, other, question.language, game)
                self._remember(chat_key, Remembered(one.id, game, Kind.WEAKNESS.value, "", question.language))
                return Answer([card], "compare", one.id, first.score, kind="compare", game=game, monsters=(one, other))
            question = replace(question, kind=Kind.WEAKNESS, subject=question.whole)
        result = snapshot.matcher.match_question(question)
        best = result.best
        if best is not None and (talkative or result.whole_message):
            monster = snapshot.monsters[best.monster_id]
            detail = question.part or question.topic
            named = question.game is not None
            card = self._card(snapshot, question.kind, detail, monster, question.language, game, chat_game, named)
            self._remember(chat_key, Remembered(monster.id, game, question.kind.value, detail, question.language))
            return Answer([card], "match", monster.id, best.score, topic=detail,
                          **_card_content(question.kind, detail, monster, game, named))
        if not talkative:
            return Answer(outcome=result.outcome.value)
        plausible = [c for c in result.candidates if _plausible(c)]
        candidates = [snapshot.monsters[c.monster_id] for c in plausible]
        top_score = result.candidates[0].score if result.candidates else None
        if result.outcome is Outcome.AMBIGUOUS and len(candidates) >= 2:
            return Answer([_said(snapshot, ("which_one", *(m.id for m in candidates), question.game, question.language),
                                     lambda: messages.which_one(candidates, question.game, question.language))], "ambiguous", None,
                          top_score, kind="which_one", game=question.game, monsters=tuple(candidates))
        return Answer([to_wire(messages.not_found(text, candidates, question.game, question.language))], "miss", None,
                      top_score, kind="not_found", game=question.game, monsters=tuple(candidates))

    def _usage(self, language: str) -> Wire:
        return _said(self.knowledge.current, ("usage", language), lambda: messages.usage(language))

    def _small_talk(self, talk: str, language: str) -> Wire:
        return _said(self.knowledge.current, ("talk", talk, language), lambda: messages.small_talk(talk, language))

    def _follow_up(self, snapshot: Snapshot, question: Question, text: str, talkative: bool, chat_key: str) -> Answer:
        """Answer a follow-up about the chat's last monster; "which monster?" when there is none."""
        last = self.memory.recall(chat_key) if chat_key else None
        monster = snapshot.monsters.get(last.monster_id) if last else None
        if not (talkative or question.asking):
            return Answer()  # "rise", "尾巴" in a group: chit-chat unless worded as a question
        if last is None or monster is None:
            return self._which_monster(snapshot, question) if talkative else Answer()
        game = question.game or last.game
        language = followup.reply_language(question, text, last.language)
        if question.kind is Kind.COMPARE:
            other = snapshot.matcher.match_key(question.other).best
            if other is None or other.monster_id == monster.id:
                return self._which_monster(snapshot, question) if talkative else Answer()
            second = snapshot.monsters[other.monster_id]
            card = self._comparison(snapshot, monster, second, language, game)
            return Answer([card], "followup", monster.id, other.score, language=language, kind="compare", game=game,
                          monsters=(monster, second))
        if question.kind is Kind.WEAKNESS and not question.card:  # another game: the same question again
            kind, detail = Kind(last.kind), last.detail
        else:
            kind, detail = question.kind, question.part or question.topic
        chat_game = self._chat_game(chat_key) if kind is Kind.WEAKNESS else None  # only a card offers the game
        named = question.game is not None
        card = self._card(snapshot, kind, detail, monster, language, game, chat_game, named)
        self._remember(chat_key, Remembered(monster.id, game, kind.value, detail, language))
        return Answer([card], "followup", monster.id, 100.0, language=language, topic=detail,
                      **_card_content(kind, detail, monster, game, named))

    def _which_monster(self, snapshot: Snapshot, question: Question) -> Answer:
        """Ask which monster a follow-up is about, with buttons that answer the same question for a few monsters."""
        ask = question.kind.value if question.kind in (Kind.PART, Kind.ELEMENT) else ""
        detail = question.part or question.topic
        game = question.game or self.default_game

        def offer() -> tuple[Monster, ...]:  # monsters of the game (with the part), best documented first
            fits = [m for m in snapshot.monsters.values() if game in m.games
                    and (question.kind is not Kind.PART or any(followup.in_family(z.part, detail)
                                                               for f in m.games.values() for z in f.hitzones))]
            fits.sort(key=lambda m: (-len(m.games), -sum(len(f.hitzones) for f in m.games.values()), m.names["en"]))
            return tuple(fits[:WHICH_MONSTER_BUTTONS])

        offered: tuple[Monster, ...] = snapshot.remember(("which_monster_offer", ask, detail, game), offer)
        card = snapshot.remember(("which_monster", ask, detail, game, question.language), lambda: to_wire(
            followups.which_monster(offered, question.game, question.language, ask, detail)))
        return Answer([card], "which_monster", kind="which_monster", game=question.game, monsters=offered,
                      topic=detail)

    def _chat_game(self, chat_key: str) -> str | None:
        """The game a chat answers in (its own, else the bot's default); None without a chat."""
        if not chat_key:
            return None
        chosen = self.preferences.game(chat_key)
        return chosen if chosen in GAMES else self.default_game

    def _remember(self, chat_key: str, value: Remembered) -> None:
        if chat_key:
            self.memory.remember(chat_key, value)

    def reply_to_sticker(self, text: str, keywords: list[str], chat: ChatKind = ChatKind.USER) -> Answer:
        """Answer a sticker in a one-to-one chat by what it says (its text, else LINE's keywords for it)."""
        if chat is not ChatKind.USER:
            return Answer()
        language = detect_language(text) if text else STICKER_LANGUAGE
        kinds = [kind for word in (text, *keywords) if word and (kind := small_talk(word))]
        said = messages.small_talk(kinds[0], language) if kinds else messages.small_talk("sticker", language)
        return Answer([to_wire(said)], "small_talk", language=language, kind="small_talk")

    def reply_to_postback(self, data: str, chat_key: str = "") -> Answer:
        """Answer a press on one of this bot's buttons (a card, a full table, a next page, a part or element answer,
        "use this game here"); ignore any other postback."""
        chosen = followups.parse_set_game(data)
        if chosen is not None:
            if not chat_key:
                return Answer(outcome="ignored")
            self.preferences.set_game(chat_key, chosen[0])
            return Answer([to_wire(followups.game_set(*chosen))], "command", language=chosen[1], kind="command",
                          game=chosen[0])
        pressed = messages.parse_postback(data)
        if pressed is None:
            return Answer(outcome="ignored")
        snapshot = self.knowledge.current
        if pressed.topic:
            answer = self._reverse(snapshot, pressed.topic, pressed.game or self.default_game, pressed.language,
                                   pressed.page)
            return replace(answer, language=pressed.language)
        monster = snapshot.monsters.get(pressed.monster)
        if monster is None:
            return Answer(outcome="ignored")
        language = pressed.language
        chat_game = self._chat_game(chat_key)
        named = pressed.game is not None
        game = pressed.game or chat_game or self.default_game
        if pressed.view == messages.VIEW_TABLE:
            card = snapshot.remember(("table", monster.id, language, game), lambda: to_wire(
                tables.hitzone_table(monster, language, game, full=True)))
            return Answer([card], "match", monster.id, 100.0, language=language, kind="hitzones", game=game,
                          monsters=(monster,))
        ask, detail = followups.parse_ask(data)
        kind = {"part": Kind.PART, "element": Kind.ELEMENT}.get(ask, Kind.WEAKNESS) if detail else Kind.WEAKNESS
        if kind is Kind.WEAKNESS and pressed.view == messages.VIEW_HITZONES:
            kind = Kind.HITZONES
        card = self._card(snapshot, kind, detail, monster, language, game, chat_game, named)
        self._remember(chat_key, Remembered(monster.id, game, kind.value, detail, language))
        return Answer([card], "match", monster.id, 100.0, language=language, topic=detail,
                      **_card_content(kind, detail, monster, game, named))

    @staticmethod
    def _reverse(snapshot: Snapshot, topic: str, game: str, language: str, number: int) -> Answer:
        """A page of the monsters weakest to an element or ailment."""
        ranked = snapshot.remember(("ranking", topic, game), lambda: weakest_to(snapshot.monsters.values(), topic, game))
        shown, has_more = page(ranked, number)
        if number and not shown:
            return Answer(outcome="ignored")
        card = snapshot.remember(("reverse", topic, language, game, number), lambda: to_wire(
            reverse.weakest_list(topic, shown, language, game, number, has_more)))
        return Answer([card], "reverse", kind="reverse", game=game, ranking=tuple(shown), topic=topic)

    @staticmethod
    def _card(snapshot: Snapshot, kind: Kind, detail: str, monster: Monster, language: str, game: str,
              chat_game: str | None, named: bool = False) -> Wire:
        """The answer about a monster for a kind of question, built and serialised once per knowledge version: its
        weakness card (with game buttons, and one to make the game shown the chat's own when it is not), hitzone
        table, one part, or one element.

        A game the player named is always honoured: without figures there, the answer says so (with
        buttons for the games that have them) rather than showing another game's facts.
        """
        if named and game not in monster.games:
            view = tables.HITZONES_VIEW if kind is Kind.HITZONES else None
            return snapshot.remember(("missing", view, monster.id, language, game),
                                     lambda: to_wire(game_missing(monster, language, game, view)))
        if kind is Kind.PART and detail:
            return snapshot.remember((kind, monster.id, detail, language, game),
                                     lambda: to_wire(part_answer(monster, detail, language, game)))
        if kind is Kind.ELEMENT and detail:
            return snapshot.remember((kind, monster.id, detail, language, game),
                                     lambda: to_wire(element_answer(monster, detail, language, game)))
        if kind is Kind.HITZONES:
            return snapshot.remember((kind, monster.id, language, game),
                                     lambda: to_wire(tables.hitzone_table(monster, language, game)))
        offer_here = chat_game is not None and chat_game != game

        def card() -> Wire:
            built = weakness_card(monster, language, game)
            if offer_here:
                built.quick_reply = followups.with_use_here(built.quick_reply, _shown_game(monster, game), language)
            return to_wire(built)

        return snapshot.remember((Kind.WEAKNESS, monster.id, language, game, offer_here), card)

    @staticmethod
    def _comparison(snapshot: Snapshot, one: Monster, other: Monster, language: str, game: str) -> Wire:
        return snapshot.remember(("compare", one.id, other.id, language, game),
                                 lambda: to_wire(tables.comparison(one, other, language, game)))

    def greet(self, language: str = "zh-TW") -> Answer:
        """Welcome a new friend with what the bot can do, with buttons to try."""
        return Answer([to_wire(messages.greeting(language))], "greeting", language=language, kind="greeting")

    def welcome_group(self) -> Answer:
        """Greet a group or room that invited the bot (or its new members), with monsters to tap and try."""
        monsters = self.knowledge.current.monsters
        tries = [monsters[i] for i in messages.TRY_MONSTERS if i in monsters] or sorted(monsters.values(), key=lambda m: m.id)
        shown = tuple(tries[: len(messages.TRY_MONSTERS)])
        return Answer([to_wire(messages.group_greeting(shown))], "greeting", kind="greeting", monsters=shown)

    def welcome_members(self, chat_key: str) -> Answer:
        """Greet people who joined a group, unless it asked the bot to speak only when mentioned."""
        return Answer() if self._mention_only(chat_key) else self.welcome_group()

    def _mention_only(self, chat_key: str) -> bool:
        """Whether the bot speaks in this group only when mentioned (the deployment's mode or the group's choice)."""
        return self.group_mode == "mention" or self.preferences.mention_only(chat_key)

    def forget(self, chat_key: str) -> Answer:
        """The bot left a group or room: drop what it kept about that chat."""
        if chat_key:
            self.preferences.forget(chat_key)
            self.memory.forget(chat_key)
        return Answer(outcome="forgotten", kind="forget")


def _names_a_monster(snapshot: Snapshot, key: str) -> bool:
    """True when a whole message is exactly a monster's name or alias (small talk never hides a monster)."""
    best = snapshot.matcher.match_key(key).best
    return best is not None and best.score >= 100.0


#: A spelling this close to a name is a typo of it ("tigerx" 83 → Tigrex); "octopus" → Beotodus scores 67, and a
#: Chinese name one character of three off matches a dozen names (雷浪龍: 雷狼龍, 雷顎龍 …) at 67.
PLAUSIBLE_TYPO = 75.0


def _plausible(candidate: Candidate) -> bool:
    """A candidate worth offering: part of its name was typed, or a close typo of it."""
    return candidate.score >= (PLAUSIBLE_TYPO if candidate.method is Method.FUZZY else AMBIGUOUS_FLOOR)


def _shown_game(monster: Monster, game: str) -> str | None:
    """The game whose facts a card shows (the game asked, else the newest the monster has)."""
    facts = monster.facts(game)
    return facts.game if facts else None


def _name_keys(snapshot: Snapshot) -> frozenset[str]:
    """Every monster name and alias as a matching key (what is never taken apart as a follow-up)."""
    return frozenset(normalize(name) for monster in snapshot.monsters.values() for _, name in monster.all_names())


def _card_kind(kind: Kind, detail: str = "") -> str:
    if kind in (Kind.PART, Kind.ELEMENT) and detail:
        return kind.value
    return "hitzones" if kind is Kind.HITZONES else "weakness"


def _card_content(kind: Kind, detail: str, monster: Monster, game: str, named: bool) -> dict[str, Any]:
    """The Answer fields of a card: a named game without the monster is a "game_missing" answer, no facts."""
    if named and game not in monster.games:
        return {"kind": "game_missing", "game": game, "monsters": ()}
    facts = monster.facts(game)
    return {"kind": _card_kind(kind, detail), "game": facts.game if facts else game, "monsters": (monster,)}


def _said(snapshot: Snapshot, key: tuple[object, ...], build: Callable[[], Message]) -> Wire:
    """A reply that depends only on `key` and `snapshot` (the one its monsters came from), built and encoded once per
    knowledge version."""
    return cast(Wire, snapshot.remember(key, lambda: to_wire(build())))
