"""Follow-ups, part and element questions, and the chat's game command, layered over `question.parse`.

- A follow-up names no monster, only what to show about the one the chat asked about last: a game ("rise的呢",
  "and in wilds?", "ライズだと？"), an element ("那水屬性呢", "what about ice"), a part ("尾巴呢", "its tail",
  "頭は？"), the hitzones ("肉質呢", "hitzones?") or a second monster ("跟雌火龍比呢", "vs rathian?").
- A name with a part or an element asks about that part or element ("火龍 尾巴", "rathalos ice", "火龍 水屬性").
- "預設荒野", "use rise here", "ライズにして" set the chat's own game.

Words are written in their natural form and normalised like names. A message that is a monster's name as it
stands (`is_name`: "Thunder Serpent Narwa", "火龍屬性") is never taken apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable

from monsterbot.core.matching.normalize import compact, detect_language, fold, normalize
from monsterbot.core.matching.question import GAME_WORDS, HITZONE_WORDS, TOPIC_WORDS, Kind, Question, topic_named
from monsterbot.core.matching.question import parse as parse_question
from monsterbot.core.model import AILMENTS, ELEMENTS

#: Part families: the words players use, and the English words of the knowledge's part names they cover.
PART_WORDS: dict[str, tuple[str, ...]] = {
    "head": ("head", "頭", "頭部", "腦袋", "あたま", "ヘッド"),
    "neck": ("neck", "throat", "脖子", "頸", "頸部", "首"),
    "body": ("body", "torso", "身體", "身体", "軀幹", "胴", "胴体", "からだ"),
    "back": ("back", "背", "背部", "背中"),
    "wing": ("wing", "wings", "翼", "翅膀", "翅", "翼膜", "つばさ"),
    "leg": (
        "leg",
        "legs",
        "foreleg",
        "forelegs",
        "hindleg",
        "hindlegs",
        "腳",
        "腿",
        "前腳",
        "後腳",
        "前肢",
        "後肢",
        "あし",
    ),
    "tail": ("tail", "尾巴", "尾", "尾部", "尻尾", "しっぽ", "テール"),
    "horn": ("horn", "horns", "角"),
    "chest": ("chest", "胸", "胸部"),
    "belly": ("belly", "stomach", "腹", "腹部", "肚子", "お腹"),
    "arm": ("arm", "arms", "forearm", "forearms", "手臂", "前腕", "腕"),
    "claw": ("claw", "claws", "爪", "爪子"),
}
PART_KEYWORDS: dict[str, tuple[str, ...]] = {
    "head": ("head",),
    "neck": ("neck", "throat"),
    "body": ("body", "torso"),
    "back": ("back",),
    "wing": ("wing",),
    "leg": ("leg",),
    "tail": ("tail",),
    "horn": ("horn",),
    "chest": ("chest",),
    "belly": ("belly", "stomach"),
    "arm": ("arm",),
    "claw": ("claw",),
}

#: Element words that may follow a name ("火龍 水屬性", "rathalos ice"); a bare 水 only stands alone ("那水呢").
ELEMENT_WORDS: dict[str, tuple[str, ...]] = {
    "fire": ("fire", "火屬性"),
    "water": ("water", "水屬性"),
    "thunder": ("thunder", "雷屬性"),
    "ice": ("ice", "冰屬性", "氷属性"),
    "dragon": ("dragon", "龍屬性"),
}
#: Words that ask for the weakness card itself ("弱點", "弱点は？", "毒呢", "what about poison?": the card lists the
#: ailments too), after a part or an element was asked; an ailment needs a follow-up marker (a bare 毒 is a name).
WEAKNESS_WORDS = ("弱點", "弱項", "じゃくてん", "weakness", "weaknesses")
AILMENT_WORDS = tuple(
    w for ailment in AILMENTS for w in TOPIC_WORDS[ailment] if not (w.isascii() and len(w) < 5)
)  # "ko?", "para?", "stun?" say other things too
BARE_ELEMENTS: dict[str, tuple[str, ...]] = {
    "fire": ("火",),
    "water": ("水",),
    "thunder": ("雷",),
    "ice": ("冰", "氷"),
    "dragon": ("龍",),
}

#: Words that make a message a follow-up ("那…呢", "what about …", "…だと？").
FOLLOW_PREFIXES = (
    "那",
    "那麼",
    "那如果",
    "如果是",
    "換成",
    "改成",
    "改看",
    "還有",
    "那換",
    "じゃあ",
    "では",
    "それじゃ",
)
FOLLOW_SUFFIXES = (
    "呢",
    "的呢",
    "的話",
    "的話呢",
    "咧",
    "如何",
    "怎樣",
    "怎麼樣",
    "だと",
    "なら",
    "だったら",
    "では",
    "はどう",
    "はどうですか",
    "どう",
    "版",
    "版本",
    "的版本",
    "在哪",
    "在哪裡",
    "どこ",
)
ENGLISH_FOLLOW = frozenset(
    "and what whats about how hows in its it the for on then with of s a an weakness weak is are at".split()
)
#: Particles stripped only next to a recognised word, so a name ending in ノ (ディノ) stays whole.
PARTICLES = ("的", "嗎", "吗", "啊", "呀", "は", "の", "って", "も", "で", "に")

#: A second monster to compare the remembered one with ("跟雌火龍比呢", "vs rathian?", "リオレイアと比べると？").
COMPARE_PREFIXES = ("跟", "和", "與", "同", "比", "對比", "比較", "相比", "比起")
COMPARE_SUFFIXES = (
    "比",
    "比較",
    "相比",
    "比起來",
    "對比",
    "と比べると",
    "と比べて",
    "と比べたら",
    "と比較",
    "と比べ",
    "と比較すると",
    "比べると",
    "比べて",
)
ENGLISH_COMPARE = frozenset("vs versus compared compare against".split())

#: The chat's game command ("預設荒野", "use rise here", "ライズにして").
SET_GAME_PREFIXES = ("預設", "默認", "設定", "設為", "設成", "改用", "切換到", "切換成", "以後用", "這裡用", "固定用")
SET_GAME_SUFFIXES = ("吧", "好了", "就好", "這裡", "在這裡")
SET_GAME_AFTER = (
    "にして",
    "に設定",
    "にする",
    "に変更",
    "に切り替え",
    "でお願い",
    "ください",
    "下さい",
    "にしてください",
    "に設定して",
)
ENGLISH_SET = frozenset("use set default switch".split())
ENGLISH_SET_FILLER = frozenset("here to game chat group room this the as in for please our my mode on default".split())


@dataclass(frozen=True)
class _Words:
    head: re.Pattern[str]  # follow-up and comparison markers (and games) starting a token
    lookup: dict[str, tuple[str, str]]  # normalised word → (what, value): ("part", "tail"), ("game", "rise")…
    bare: dict[str, str]
    follow_markers: frozenset[str]
    compare_markers: frozenset[str]
    particles: frozenset[str]
    ending: tuple[str, ...]  # what a token may end with: words, follow-up markers, particles; longest first
    known: tuple[str, ...]  # every recognised word, marker and particle, longest first
    games: tuple[str, ...]  # the normalised game words, longest first
    set_prefixes: tuple[str, ...]
    set_suffixes: tuple[str, ...]
    set_after: tuple[str, ...]


def _keys(phrases: Iterable[str]) -> list[str]:
    return sorted({normalize(p) for p in phrases} - {""}, key=len, reverse=True)


def _either(phrases: Iterable[str]) -> str:
    return "|".join(re.escape(k) for k in _keys(phrases))


@lru_cache(maxsize=1)
def _words() -> _Words:
    lookup: dict[str, tuple[str, str]] = {}
    for what, table in (("game", GAME_WORDS), ("part", PART_WORDS), ("element", ELEMENT_WORDS)):
        lookup |= {normalize(w): (what, value) for value, words in table.items() for w in words}
    lookup |= {normalize(w): ("hitzones", "") for w in HITZONE_WORDS}
    lookup |= {normalize(w): ("card", "weakness") for w in WEAKNESS_WORDS}
    lookup |= {normalize(w): ("card", "ailment") for w in AILMENT_WORDS}
    lookup |= {normalize(w): ("compare", "") for w in COMPARE_SUFFIXES}
    games = [w for words in GAME_WORDS.values() for w in words]
    return _Words(
        head=re.compile(f"^(?:{_either([*FOLLOW_PREFIXES, *COMPARE_PREFIXES, *games])})+"),
        lookup=lookup,
        bare={normalize(w): element for element, words in BARE_ELEMENTS.items() for w in words},
        follow_markers=frozenset(_keys([*FOLLOW_PREFIXES, *FOLLOW_SUFFIXES])),
        compare_markers=frozenset(_keys([*COMPARE_PREFIXES, *COMPARE_SUFFIXES])),
        particles=frozenset(_keys(PARTICLES)),
        ending=tuple(_keys([*lookup, *FOLLOW_SUFFIXES, *PARTICLES])),
        known=tuple(_keys([*lookup, *FOLLOW_PREFIXES, *FOLLOW_SUFFIXES, *COMPARE_PREFIXES, *PARTICLES])),
        games=tuple(_keys(games)),
        set_prefixes=tuple(_keys(SET_GAME_PREFIXES)),
        set_suffixes=tuple(_keys([*SET_GAME_SUFFIXES, *SET_GAME_AFTER])),
        set_after=tuple(_keys(SET_GAME_AFTER)),
    )


@dataclass
class _Found:
    """What a message names besides a monster."""

    game: str | None = None
    part: str = ""
    element: str = ""
    hitzones: bool = False
    compare: bool = False
    card: str = ""  # "weakness" or "ailment": the word that asked for the card
    marked: bool = False  # a follow-up marker ("呢", "what about", "?")
    rest: list[str] = field(default_factory=list)  # what is left: a name, or question words
    words: list[str] = field(default_factory=list)  # what is left with the English filler ("narwa the allmother")

    def take(self, what: str, value: str) -> None:
        if what == "game":
            self.game = self.game or value
        elif what == "part":
            self.part = self.part or value
        elif what == "element":
            self.element = self.element or value
        elif what == "hitzones":
            self.hitzones = True
        elif what == "compare":
            self.compare = True
        elif what == "card":
            self.card = self.card or value

    @property
    def detail(self) -> bool:
        return bool(self.game or self.part or self.element or self.hitzones or self.compare or self.card)


def parse(text: str, is_name: Callable[[str], bool] = lambda key: False) -> Question:
    """Parse a message like `question.parse`, recognising follow-ups, part and element questions and the chat's
    game command; `is_name` tells whether a normalised key is a monster's name as it stands."""
    base = parse_question(text)
    if base.kind is Kind.REVERSE and _element_asked_alone(text):
        return Question(
            Kind.ELEMENT, "", base.game, base.language, base.whole, topic=base.topic, followup=True, asking=True
        )
    if base.kind in (Kind.HELP, Kind.QUIET, Kind.TALK, Kind.COMPARE, Kind.REVERSE):
        return base
    folded = fold(text).strip()
    tokens = [key for key in (compact(t) for t in re.split(r"[\s\W_]+", folded)) if key]
    game = _chat_game(tokens, base.whole)
    if game:
        return Question(Kind.SET_GAME, game=game, language=base.language, whole=base.whole)
    if is_name(base.whole) or (base.subject and is_name(base.subject)):
        return base
    found = _Found(marked=folded.endswith("?"))
    for token in tokens:
        _read_token(token, found)
    if not found.detail:
        return base
    rest = parse_question(" ".join(found.rest)) if found.rest else None
    subject = rest.subject if rest is not None and rest.kind is not Kind.EMPTY else ""
    if subject:
        subject = _name_in(found.words, is_name) or subject
    if found.compare:
        if not subject:
            return base
        return Question(
            Kind.COMPARE, "", found.game, base.language, base.whole, other=subject, followup=True, asking=True
        )
    kind = (
        Kind.PART
        if found.part
        else Kind.ELEMENT
        if found.element
        else Kind.HITZONES
        if found.hitzones
        else Kind.WEAKNESS
    )
    game = found.game or (rest.game if rest is not None else None)
    if subject:
        if kind not in (Kind.PART, Kind.ELEMENT):
            return base  # "rise 火龍", "火龍 肉質": question.parse reads those
        return Question(kind, subject, game, base.language, base.whole, topic=found.element, part=found.part)
    if (kind is Kind.ELEMENT or found.card == "ailment") and not found.marked:
        return base  # a bare "ice", "水屬性" or "毒" keeps its meaning (a name, who is weak to water)
    return Question(
        kind,
        "",
        game,
        base.language,
        base.whole,
        topic=found.element,
        part=found.part,
        followup=True,
        asking=found.marked,
        card=kind is Kind.WEAKNESS and bool(found.card),
    )


def _element_asked_alone(text: str) -> bool:
    """ "水属性は？", "氷は?": an element, は and a question mark, nothing else — "and water?" about the chat's monster
    (who is weak to water names what it asks for: "水属性が弱点のモンスター", "水に弱いのは？")."""
    folded = fold(text).strip()
    core = compact(folded)
    particle = fold("は")  # folded as every key is (katakana)
    return folded.endswith("?") and core.endswith(particle) and topic_named(core[: -len(particle)]) in ELEMENTS


def _name_in(words: list[str], is_name: Callable[[str], bool]) -> str:
    """The words left as one name with the filler inside it ("narwa the allmother's tail"), or ""."""
    start, end = 0, len(words)
    while start < end and words[start] in ENGLISH_FOLLOW:
        start += 1
    while end > start and words[end - 1] in ENGLISH_FOLLOW:
        end -= 1
    key = "".join(words[start:end])
    return key if key and is_name(key) else ""


def _read_token(token: str, found: _Found) -> None:
    """Take the recognised words off one token of the message; keep the rest."""
    words = _words()
    if token.isascii():
        if token in words.lookup:
            found.take(*words.lookup[token])
        elif token in ENGLISH_COMPARE:
            found.compare = found.compare or not found.rest  # "vs rathian?"; after a name ("X weak vs what") it
            # asks about that name, compared with nothing
        elif token in ENGLISH_FOLLOW:
            found.marked = True
            found.words.append(token)
        else:
            found.rest.append(token)
            found.words.append(token)
        return
    token, ending = _peel_end(token, words)
    match = words.head.match(token)
    pieces = ending + (_split(match.group(), words) if match else [])
    if match:
        token = token[match.end() :]
    for key in pieces:
        found.take(*words.lookup.get(key, ("", "")))
        found.marked |= key in words.follow_markers
        found.compare |= key in words.compare_markers
    if token in words.bare and found.marked:
        found.element = found.element or words.bare[token]
    elif token:
        found.rest.append(token)
        found.words.append(token)


def _peel_end(token: str, words: _Words) -> tuple[str, list[str]]:
    """Take the recognised words, follow-up markers and particles off the end of a token, longest first, one at a
    time (no regex backtracking on long input); a particle is taken only before a word or a marker, so a name
    ending in ノ (ディノ) stays whole."""
    pieces: list[str] = []
    while token:
        key = next((k for k in words.ending if token.endswith(k)), None)
        if key is None:
            break
        pieces.insert(0, key)
        token = token[: -len(key)]
    while pieces and not _starts_run(pieces, words):
        token += pieces.pop(0)
    return token, pieces


def _starts_run(pieces: list[str], words: _Words) -> bool:
    def meaningful(key: str) -> bool:
        return key in words.lookup or key in words.follow_markers

    return meaningful(pieces[0]) or (pieces[0] in words.particles and len(pieces) > 1 and meaningful(pieces[1]))


def _split(run: str, words: _Words) -> list[str]:
    """A run of recognised words cut into those words, longest first from the left."""
    pieces: list[str] = []
    while run:
        key = next((k for k in words.known if run.startswith(k)), run[0])
        pieces.append(key)
        run = run[len(key) :]
    return pieces


def _chat_game(tokens: list[str], whole: str) -> str | None:
    """The game of "預設荒野", "use rise here", "ライズにして", or None."""
    words = _words()
    games = [words.lookup[t][1] for t in tokens if words.lookup.get(t, ("",))[0] == "game"]
    if (
        len(games) == 1
        and ENGLISH_SET & set(tokens)
        and all(t in ENGLISH_SET or t in ENGLISH_SET_FILLER or words.lookup.get(t, ("",))[0] == "game" for t in tokens)
    ):
        return games[0]
    for prefix in ("", *words.set_prefixes):
        if not whole.startswith(prefix):
            continue
        for game_word in words.games:
            if not whole.startswith(game_word, len(prefix)):
                continue
            after = whole[len(prefix) + len(game_word) :]
            suffixes = words.set_suffixes if prefix else words.set_after
            if (prefix or after) and _made_of(after, suffixes):
                return words.lookup[game_word][1]
    return None


def _made_of(text: str, pieces: tuple[str, ...]) -> bool:
    """Whether a text is a run of the pieces (longest first from the left)."""
    while text:
        piece = next((p for p in pieces if text.startswith(p)), None)
        if piece is None:
            return False
        text = text[len(piece) :]
    return True


def in_family(part: str, family: str) -> bool:
    """Whether a part of the knowledge ("Left Wing", "Tail Tip", "Head (Broken)") belongs to a family ("wing"), or
    to the parts a question named by their own names ("left chainblade|right chainblade")."""
    name = part.lower()
    return any(keyword in name for keyword in PART_KEYWORDS.get(family, tuple(family.lower().split("|"))))


def game_words() -> frozenset[str]:
    """Every normalised word that names a game ("rise", "崛起", "ライズ")."""
    return frozenset(_words().games)


def reply_language(question: Question, text: str, last: str) -> str:
    """The language to answer a follow-up in: the chat's last language where the follow-up does not tell, as "rise"
    (any language) or "尾巴呢" (Traditional and Simplified alike) do."""
    if question.whole in game_words():
        return last
    if question.language == "zh-TW" and last == "zh-CN" and detect_language(text + _SIMPLIFIED_ONLY) == "zh-CN":
        return last  # still Simplified with a Simplified-only character added: the text has no Traditional-only one
    return question.language


_SIMPLIFIED_ONLY = "们"
