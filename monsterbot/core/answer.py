"""What the bot answers, as content: the kind of reply, its subjects and how the message was met (pure data).

Question handlers (monsterbot/questions) decide and return an `Answer`; a renderer (monsterbot/replies/line.py for
LINE, monsterbot/replies/plain.py for the terminal) turns it into messages. Nothing here knows about LINE.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Collection, Mapping

from monsterbot.core.model import Monster
from monsterbot.core.ranking import Ranked

if TYPE_CHECKING:
    from monsterbot.core.snapshot import Snapshot


class AnswerKind(StrEnum):
    """The reply an answer is rendered as (`ask --json`'s "kind")."""

    SILENT = "silent"
    WEAKNESS = "weakness"  # a monster's weakness card
    HITZONES = "hitzones"  # its hitzone table (compact, or full)
    PART = "part"  # one part's hitzones
    ELEMENT = "element"  # one element against a monster
    GAME_MISSING = "game_missing"  # the game named has no figures for the monster
    COMPARE = "compare"  # two monsters side by side
    REVERSE = "reverse"  # a page of the monsters weakest to an element or ailment
    WHICH_ONE = "which_one"  # several monsters fit the name
    WHICH_MONSTER = "which_monster"  # a follow-up with nothing to follow
    NOT_FOUND = "not_found"
    HELP = "help"
    SMALL_TALK = "small_talk"
    GREETING = "greeting"  # a new friend (topic "group": a group that invited the bot)
    KEYWORD = "keyword"  # an EventBinding's keyword reply
    COMMAND = "command"  # a chat setting changed (topic: quiet_on, quiet_off, game_set)
    FORGET = "forget"  # the bot left a chat
    MATERIALS = "materials"  # a monster's materials at one rank (topic: the rank)
    ITEM_SOURCES = "item_sources"  # the monsters that give an item (topic: the item's English name)
    FIELD_GUIDE = "field_guide"  # where a monster lives, what it inflicts, what to bring (topic: habitat or inflicts)
    NOT_HELD = "not_held"  # asked for what no data holds (topic: hp, weapon, tempered, armor), its card a tap away


#: The kinds that show one monster's facts: the game they report is the game whose facts are shown.
CARDS = frozenset({AnswerKind.WEAKNESS, AnswerKind.HITZONES, AnswerKind.PART, AnswerKind.ELEMENT})


class AnswerOutcome(StrEnum):
    """How a message was met, for the metrics and the query log; MATCH, AMBIGUOUS and MISS are the matcher's own
    verdicts (`core.matching.matcher.Outcome`, same values)."""

    SILENT = "silent"
    MATCH = "match"
    AMBIGUOUS = "ambiguous"
    MISS = "miss"
    FOLLOWUP = "followup"
    COMPARE = "compare"
    REVERSE = "reverse"
    WHICH_MONSTER = "which_monster"
    HELP = "help"
    SMALL_TALK = "small_talk"
    KEYWORD = "keyword"
    COMMAND = "command"
    GREETING = "greeting"
    IGNORED = "ignored"  # a postback this bot did not send
    FORGOTTEN = "forgotten"


#: The outcomes that say what the matcher made of a message: kept when a group's chatter is not answered.
VERDICTS = frozenset({AnswerOutcome.MATCH, AnswerOutcome.AMBIGUOUS, AnswerOutcome.MISS})


class Certainty(StrEnum):
    """How sure the bot is that a message was meant for it, which decides where it is answered (the group rules,
    applied to every answer in one place: `questions.order.heard`)."""

    COMMAND = "command"  # said to the bot in so many words ("安靜", "預設荒野"): answered in every chat
    CONFIDENT = "confident"  # a whole message that is a name, a question: answered in groups that allow it
    UNSURE = "unsure"  # answered only in a one-to-one chat or when the bot is mentioned


@dataclass(frozen=True)
class Answer:
    """What the bot answers, as content.

    `monsters` are its subjects (the card's monster, the pair compared, the choices offered), `game` the game asked
    about (None: the chat's or the bot's default was not needed), `ranking` a reverse lookup's page, `topic` the
    part, element or ailment asked about (a small talk's kind, a command's name). `text` is words the reply repeats
    (a keyword's reply, the name not found). `remember` is what the chat's memory keeps once the answer is given.
    """

    kind: AnswerKind = AnswerKind.SILENT
    outcome: AnswerOutcome = AnswerOutcome.SILENT
    certainty: Certainty = Certainty.UNSURE
    language: str = ""
    game: str | None = None
    monsters: tuple[Monster, ...] = ()
    ranking: tuple[Ranked, ...] = ()
    topic: str = ""
    text: str = ""
    monster_id: str | None = None
    score: float | None = None
    query: str = ""  # the normalised text of a text message (for the query log)
    page: int = 0  # a reverse lookup's page (0-based) …
    more: bool = False  # … and whether another follows
    full: bool = False  # a hitzone table with every state
    offer_here: bool = False  # a card in another game than the chat's: offer to make it the chat's own
    asked: AnswerKind | None = None  # what a which-monster or game-missing reply was asked for (part, hitzones …)
    unanswered: str = ""  # what was asked and no data holds ("hp", "part:leg"): said in one line before the answer
    left_out: tuple[Monster, ...] = ()  # monsters named and not shown (a comparison's past the most it shows)
    remember: Remembered | None = None

    @property
    def shown_game(self) -> str | None:
        """The game whose facts a card shows (the game asked, else the newest the monster has)."""
        if self.kind in CARDS and self.monsters:
            facts = self.monsters[0].facts(self.game)
            return facts.game if facts else self.game
        return self.game

    def to_data(self, snapshot: Snapshot | None = None, only: Collection[str] = ()) -> dict[str, Any]:
        """The answer's content as plain data (what `monsterbot ask --json` prints): every field, or `only` those
        (DATA_FIELDS); a monster's facts computed once per `snapshot` (the one it was answered from)."""
        shown = () if self.kind is AnswerKind.GAME_MISSING else self.monsters  # no facts where the game has none
        game = self.shown_game
        fields = {
            "kind": lambda: self.kind.value,
            "outcome": lambda: self.outcome.value,
            "normalised": lambda: self.query,
            "language": lambda: self.language,
            "game": lambda: game,
            "score": lambda: self.score,
            "topic": lambda: self.topic or None,
            "monsters": lambda: [monster_data(m, game, snapshot) for m in shown],
            "unanswered": lambda: self.unanswered or None,
            "ranking": lambda: [
                {
                    "id": r.monster.id,
                    "name": r.monster.name(self.language or "en"),
                    "stars": r.stars,
                    "listed_at": r.listed_at,
                    "hitzone": r.hitzone,
                }
                for r in self.ranking
            ],
        }
        return {name: value() for name, value in fields.items() if not only or name in only}


#: The fields of `Answer.to_data`, in order.
DATA_FIELDS = (
    "kind",
    "outcome",
    "normalised",
    "language",
    "game",
    "score",
    "topic",
    "monsters",
    "unanswered",
    "ranking",
)


@dataclass(frozen=True)
class Remembered:
    """The last monster a chat asked about: its id, the game answered, the kind of question and its detail
    (the part or element asked about), and the asker's language."""

    monster_id: str
    game: str
    kind: str = "weakness"
    detail: str = ""
    language: str = "en"

    def dumps(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def loads(cls, raw: str | bytes) -> "Remembered | None":
        """The record, or None for anything that is not one (a store holds what it holds)."""
        try:
            data = json.loads(raw)
            return cls(**{k: str(data[k]) for k in cls.__dataclass_fields__ if k in data})
        except (ValueError, TypeError, KeyError):
            return None


def monster_data(monster: Monster, game: str | None, snapshot: Snapshot | None = None) -> dict[str, Any]:
    """A monster's names and its facts in a game as plain data (kept with `snapshot` when given: the same each time)."""
    if snapshot is not None:
        return snapshot.remember(("monster data", monster.id, game), lambda: monster_data(monster, game))
    facts = monster.facts(game)
    return {
        "id": monster.id,
        "names": dict(monster.names),
        "facts": _plain(asdict(facts)) if facts is not None else None,
    }


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
