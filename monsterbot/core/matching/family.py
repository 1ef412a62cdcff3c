"""How the knowledge's monsters are related, as its own names say: variants, their bases, the forms a game holds.

Built once per matcher (per knowledge version), on the first message that needs it:

- variant words the names show besides variants.py's: a word that makes two or more monsters' names out of other
  monsters' names (ヌシ・タマミツネ, 首領泡狐龍, Apex Mizutsune; 護竜リオレウス, Guardian Rathalos; Risen Teostra);
- which monster a (base, variant word) pair is (リオレウス希少種 = リオレウス + 希少種: Silver Rathalos);
- a variant whose title players shorten to its first Han characters (原初メルゼナ: Primordial Malzeno);
- the bases of a variant (the monsters whose whole name ends its name: Frostfang Barioth's is Barioth);
- the one monster of a game whose official name holds another's (Wilds' Guardian Fulgur Anjanath for Anjanath).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from monsterbot.core.matching.matcher import Matcher
from monsterbot.core.matching.normalize import normalize
from monsterbot.core.matching.variants import split_variant, variant_keys
from monsterbot.core.model import Monster
from monsterbot.core.scripts import HAN


@dataclass
class Family:
    """The relations of one matcher's monsters."""

    matcher: Matcher
    words: tuple[tuple[str, str], ...]  # variant words the names show, besides variants.py's (ヌシ, 護竜, apex)
    variants: dict[tuple[str, str, str], str]
    titles: dict[tuple[str, str], str] = field(default_factory=dict)  # (title's first Han characters, base) → variant
    forms: dict[tuple[str, str], str | None] = field(default_factory=dict)
    derived: dict[str, set[str]] | None = None  # base → the monsters whose names are built on it (through_form)
    kinds: dict[str, frozenset[str]] = field(default_factory=dict)  # Han endings of several monsters' names: their
    # kind (龍, 獸, 蜘蛛), each with the monsters whose names end with it

    def variant(self, base: str, meaning: str, language: str) -> str | None:
        """The variant a base and a variant word make, in every language or in the language the base was named in."""
        return self.variants.get((base, meaning, "")) or self.variants.get((base, meaning, language))

    def through_form(self, base: str, meaning: str, language: str) -> str | None:
        """The variant a base and a variant word make through the one form of the base that has it (護竜 +
        Anjanath: only Fulgur Anjanath has a Guardian, so Guardian Fulgur Anjanath), or None. The forms of a base are
        the monsters whose official name of several words ends with its name ("Fulgur Anjanath"): word by word, so a
        Chinese name built on another's characters (金火龍, Gold Rathian, on 火龍) is no form of it."""
        if self.derived is None:
            self.derived = {}
            for monster in self.matcher.monsters():
                for name in monster.names.values():
                    words = name.split()
                    for start in range(1, len(words)):
                        for found in self.matcher.monsters_named(normalize(" ".join(words[start:]))):
                            self.derived.setdefault(found, set()).add(monster.id)
        made = {self.variant(form, meaning, language) for form in self.derived.get(base, ())} - {None}
        return next(iter(made)) if len(made) == 1 else None

    def bases(self, monster: Monster) -> set[str]:
        """The monsters whose whole official name ends this one's ("Frostfang Barioth": Barioth; 護火龍: 火龍)."""
        found: set[str] = set()
        for name in monster.names.values():
            words = name.split()
            for start in range(1, len(words)):
                found.update(self.matcher.monsters_named(normalize(" ".join(words[start:]))))
            key = normalize(name)
            for start in range(1, len(key) - 1):
                found.update(self.matcher.monsters_named(key[start:]))
        return found - {monster.id}

    def form(self, monster: Monster, game: str) -> str | None:
        """The one monster of a game whose official name holds this one's (Guardian Fulgur Anjanath holds Anjanath)."""
        if (monster.id, game) not in self.forms:
            names = {normalize(name) for name in monster.names.values()}
            forms = [
                other.id
                for other in self.matcher.monsters()
                if game in other.games
                and other.id != monster.id
                and any(name in normalize(own) for own in other.names.values() for name in names)
            ]
            self.forms[(monster.id, game)] = forms[0] if len(forms) == 1 else None
        return self.forms[(monster.id, game)]


#: The fewest Han characters of a title's head (_titles): one (怒) is a word of many names.
TITLE_HEAD_SHORTEST = 2
_HAN_HEAD = re.compile(f"[{HAN}]{{{TITLE_HEAD_SHORTEST},}}")

_FAMILIES: WeakKeyDictionary[Matcher, Family] = WeakKeyDictionary()


def family(matcher: Matcher) -> Family:
    """The relations of a matcher's monsters (built on first use, kept while the matcher lives)."""
    found = _FAMILIES.get(matcher)
    if found is None:
        words = _derived_words(matcher)
        found = _FAMILIES[matcher] = Family(
            matcher, words, _variant_index(matcher, words), _titles(matcher), kinds=_kinds(matcher)
        )
    return found


#: The longest kind word (_kinds): 蜘蛛, 飛龍.
KIND_LONGEST = 2
_HAN_ONLY = re.compile(f"[{HAN}]+")


def _kinds(matcher: Matcher) -> dict[str, frozenset[str]]:
    """The Han endings that end the names of two or more monsters and name none themselves: the kind a name ends with
    (龍, 獸, 鳥), which players leave off a short form (煌雷 of 煌雷龍). An ending that is a name (火龍 of 雌火龍) is
    the monster the name is built on, not its kind. A kind of KIND_LONGEST characters is one word, whose last
    character ends no name otherwise (蜘蛛 of 刺花蜘蛛 and 影蜘蛛; not 刃龍 of 千刃龍 and 鎖刃龍: 龍 ends many)."""
    ends: dict[str, set[str]] = {}
    for monster in matcher.monsters():
        for _, name in monster.all_names():
            key = normalize(name)
            for size in range(1, KIND_LONGEST + 1):
                if len(key) > size and _HAN_ONLY.fullmatch(key[-size:]):
                    ends.setdefault(key[-size:], set()).add(monster.id)
    ends = {end: ids for end, ids in ends.items() if len(ids) >= 2 and not matcher.monsters_named(end)}
    return {end: frozenset(ids) for end, ids in ends.items() if len(end) == 1 or ids == ends.get(end[-1])}


def _derived_words(matcher: Matcher) -> tuple[tuple[str, str], ...]:
    """The words that make two or more monsters' names out of other monsters' names (ヌシ・タマミツネ, 首領泡狐龍, Apex
    Mizutsune, 護竜リオレウス, Guardian Rathalos, Risen Teostra): variant words of the knowledge's own, each its own
    meaning. A name is split at each point, so this costs a look-up per character of every name."""
    made: dict[str, set[str]] = {}
    for monster in matcher.monsters():
        for _, name in monster.all_names():
            key = normalize(name)
            for cut in range(1, len(key)):
                for word, rest in ((key[:cut], key[cut:]), (key[cut:], key[:cut])):
                    named = matcher.monsters_named(rest)
                    if len(named) == 1 and named[0] != monster.id and not matcher.monsters_named(word):
                        made.setdefault(word, set()).add(monster.id)
    known = {word for word, _ in variant_keys()}
    words = {word for word, ids in made.items() if len(ids) >= 2 and word not in known}
    return tuple(sorted(((word, word) for word in words), key=lambda pair: (-len(pair[0]), pair)))


def _titles(matcher: Matcher) -> dict[tuple[str, str], str]:
    """(the first Han characters of a variant's title, its base) → the variant, from names that are a title and
    another monster's name: 原初を刻むメル・ゼナ gives (原初, Malzeno), 怨嗟響めくマガイマガド (怨嗟, Magnamalo).
    Players shorten such a title to its Han characters before the first kana, or the first of them (原初メルゼナ,
    怨嗟マガド). Only a head of TITLE_HEAD_SHORTEST characters or more that is not the whole title, and that names
    one variant of that base, is kept. Like _derived_words, a look-up per character of every name, once."""
    found: dict[tuple[str, str], set[str]] = {}
    for monster in matcher.monsters():
        for _, name in monster.all_names():
            key = normalize(name)
            for cut in range(TITLE_HEAD_SHORTEST + 1, len(key)):
                named = matcher.monsters_named(key[cut:])
                head = _HAN_HEAD.match(key[:cut])
                if len(named) == 1 and named[0] != monster.id and head and head.group() != key[:cut]:
                    for end in range(TITLE_HEAD_SHORTEST, len(head.group()) + 1):  # 怨嗟 of 怨嗟響めく
                        found.setdefault((head.group()[:end], named[0]), set()).add(monster.id)
    return {pair: next(iter(ids)) for pair, ids in found.items() if len(ids) == 1}


def _variant_index(matcher: Matcher, words: tuple[tuple[str, str], ...]) -> dict[tuple[str, str, str], str]:
    """(base id, meaning, language) → the variant, from every name that is a variant word and another monster's name.

    Language "" holds the pairs every language agrees on, which compose across languages (火龍 + 希少種). Where the
    languages build a variant's word on different bases (金火龍 on 火龍, 金レイア on Rathian), its pairs count only
    in their own language, so 金レウス is not Gold Rathian.
    """
    found: dict[tuple[str, str], dict[str, set[tuple[str, str]]]] = {}  # (variant, meaning) → language → bases
    for monster in matcher.monsters():
        for language, name in monster.all_names():
            for meaning, rest in split_variant(normalize(name), words):
                named = matcher.monsters_named(rest)
                if len(named) == 1 and named[0] != monster.id:  # "silver rath": rath is two monsters, no evidence
                    found.setdefault((monster.id, meaning), {}).setdefault(language, set()).add((named[0], meaning))
    index: dict[tuple[str, str, str], set[str]] = {}
    for (variant, _), languages in found.items():
        bases = set().union(*languages.values())
        for language, pairs in languages.items():
            for base, meaning in pairs:
                index.setdefault((base, meaning, "" if len(bases) == 1 else language), set()).add(variant)
    return {key: next(iter(ids)) for key, ids in index.items() if len(ids) == 1}
