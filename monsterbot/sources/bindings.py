"""EventBindings as knowledge: their monsters and keyword replies, checked like knowledge/ files.

Merge rule (declared): an EventBinding's monster replaces a YAML monster with the same id, so
operators can hot-fix a record with `kubectl apply`; between two bindings, the one whose
namespace/name sorts first keeps the id and the other is refused whole, as is one that gives a monster a name another
monster has (unless both list each other in ambiguous_with), or whose keyword events would take a message the bot
answers itself: a keyword holding a monster's name or alias, or one that is an ordinary word (small talk such as
`ok`, or an everyday word the matcher knows). The operator's status and the webhook's knowledge come from the same
`merge`, of the bindings that belong to the Bot (`belongs`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from monsterbot.core.matching.everyday import everyday_words
from monsterbot.core.matching.normalize import normalize
from monsterbot.core.matching.smalltalk import small_talk
from monsterbot.core.model import KeywordReply, KnowledgeSet, Monster
from monsterbot.knowledge.problems import describe
from monsterbot.knowledge.records import to_monster
from monsterbot.knowledge.schema import record_problems, validator
from monsterbot.replies.line_rules import TEXT_MAX, utf16_length


@dataclass(frozen=True)
class BindingKnowledge:
    """What one EventBinding contributes, and what is wrong with it (an invalid binding contributes nothing)."""

    key: str  # namespace/name
    knowledge: KnowledgeSet
    problems: tuple[str, ...] = ()


def belongs(obj: Mapping[str, Any], bot: str, selector: Mapping[str, str]) -> bool:
    """Whether an EventBinding is the Bot's: it names the Bot in botRef, or names none and carries every label of the
    Bot's selector. A webhook that is no Bot (bot "": the chart's own) takes the bindings that name no Bot."""
    ref = ((obj.get("spec") or {}).get("botRef") or {}).get("name")
    if ref:
        return ref == bot
    labels = (obj.get("metadata") or {}).get("labels") or {}
    return not bot or (bool(selector) and all(labels.get(k) == v for k, v in selector.items()))


def binding_key(obj: Mapping[str, Any]) -> str:
    meta = obj.get("metadata", {})
    return f"{meta.get('namespace', '')}/{meta.get('name', '')}"


def read_binding(obj: Mapping[str, Any]) -> BindingKnowledge:
    """Check every monster of a binding against the record schema; all-or-nothing per binding."""
    key = binding_key(obj)
    spec = obj.get("spec") or {}
    problems: list[str] = []
    monsters: list[Monster] = []
    for index, record in enumerate(spec.get("monsters") or []):
        errors = [describe(e)[0] for e in validator().iter_errors(record)]
        errors += [message for _, message in record_problems(record)] if not errors else []  # as a file's record
        if errors:
            problems += [f"spec.monsters[{index}].{error}" for error in errors]
        else:
            monsters.append(to_monster(record, origin=f"EventBinding {key}"))
    replies = tuple(
        KeywordReply(
            tuple(event.get("keywords") or ()), (event.get("reply") or {}).get("text", ""), f"EventBinding {key}"
        )
        for event in spec.get("events") or []
    )
    problems += [
        f"spec.events[{i}] needs keywords and reply.text" for i, r in enumerate(replies) if not (r.keywords and r.text)
    ]
    problems += [
        f"spec.events[{i}].reply.text is {utf16_length(r.text)} characters as LINE counts them (UTF-16 units); "
        f"LINE refuses a text over {TEXT_MAX}"
        for i, r in enumerate(replies)
        if utf16_length(r.text) > TEXT_MAX
    ]
    if problems:
        return BindingKnowledge(key, KnowledgeSet(), tuple(problems))
    return BindingKnowledge(key, KnowledgeSet(tuple(monsters), replies))


@dataclass(frozen=True)
class Refused:
    """Why a binding contributes nothing: the reason of its Accepted condition, and what is wrong."""

    reason: str  # InvalidMonster, DuplicateMonster, NameCollision or KeywordShadows
    problems: tuple[str, ...]


def merge(base: KnowledgeSet, bindings: Iterable[BindingKnowledge]) -> tuple[KnowledgeSet, dict[str, Refused]]:
    """YAML knowledge with the bindings' on top, in namespace/name order; each binding whole or not at all: the merge,
    and the refused bindings."""
    monsters = {m.id: m for m in base.monsters}
    names = NameIndex(monsters.values())  # kept up to date as bindings are taken: no rebuild per binding
    replies = list(base.replies)
    claimed: dict[str, str] = {}
    refused: dict[str, Refused] = {}
    for binding in sorted(bindings, key=lambda b: b.key):
        if binding.problems:
            refused[binding.key] = Refused("InvalidMonster", binding.problems)
            continue
        ids = Counter(m.id for m in binding.knowledge.monsters)
        taken = tuple(f"monster {i!r} is already given by {claimed[i]}" for i in ids if i in claimed)
        taken += tuple(f"monster {i!r} is given {n} times in this binding" for i, n in ids.items() if n > 1)
        if taken:
            refused[binding.key] = Refused("DuplicateMonster", taken)
            continue
        replaced = [monsters[i] for i in ids if i in monsters]
        for monster in replaced:
            names.remove(monster)
        for monster in binding.knowledge.monsters:
            names.add(monster)
        candidate = monsters | {m.id: m for m in binding.knowledge.monsters}
        collisions = _name_collisions(names, candidate, binding)
        shadows = _shadowing_keywords(names, binding)
        if collisions or shadows:
            for monster in binding.knowledge.monsters:  # as it was
                names.remove(monster)
            for monster in replaced:
                names.add(monster)
            refused[binding.key] = (
                Refused("NameCollision", tuple(collisions)) if collisions else Refused("KeywordShadows", tuple(shadows))
            )
            continue
        monsters = candidate
        claimed |= {m.id: binding.key for m in binding.knowledge.monsters}
        replies += binding.knowledge.replies
    return KnowledgeSet(tuple(monsters.values()), tuple(replies)), refused


class NameIndex:
    """The ids of the monsters holding each normalised name or alias, and every prefix of those names: the names held
    inside a text are found in one walk over it (a prefix that leads nowhere stops the walk at once), so a binding
    with thousands of long keywords costs about one lookup per character, not one per substring."""

    def __init__(self, monsters: Iterable[Monster]) -> None:
        self._owners: dict[str, set[str]] = {}
        self._prefixes: set[str] = set()
        for monster in monsters:
            self.add(monster)

    def add(self, monster: Monster) -> None:
        for _, name in monster.all_names():
            key = normalize(name)
            self._owners.setdefault(key, set()).add(monster.id)
            self._prefixes.update(key[:end] for end in range(1, len(key) + 1))

    def remove(self, monster: Monster) -> None:
        for _, name in monster.all_names():
            self._owners.get(normalize(name), set()).discard(monster.id)

    def holders(self, key: str) -> set[str]:
        return self._owners.get(key, set())

    def names_in(self, text: str) -> list[str]:
        """The names (two characters or more) some monster holds that occur in the normalised `text`."""
        found = []
        for start in range(len(text)):
            end = start + 1
            while end <= len(text) and text[start:end] in self._prefixes:
                if end - start >= 2 and self._owners.get(text[start:end]):
                    found.append(text[start:end])
                end += 1
        return found


def _shadowing_keywords(names: NameIndex, binding: BindingKnowledge) -> list[str]:
    """The binding's keywords that would take a message the bot answers itself: one holding a name or alias of a
    monster of the merged knowledge (`names`, the binding's own included), or an ordinary word."""
    found = []
    for reply in binding.knowledge.replies:
        for keyword in reply.keywords:
            key = normalize(keyword)
            held = names.names_in(key)
            if held:
                name = max(held, key=len)
                found.append(
                    f"keyword {keyword!r} holds {name!r}, a name of {', '.join(sorted(names.holders(name)))}: "
                    "questions about it would get this reply"
                )
            elif small_talk(keyword) or key in everyday_words():
                found.append(f"keyword {keyword!r} is an ordinary word: everyday messages would get this reply")
    return found


def _name_collisions(names: NameIndex, by_id: Mapping[str, Monster], binding: BindingKnowledge) -> list[str]:
    """Names or aliases of the binding's monsters that another monster also holds (`names`, of the knowledge with the
    binding in: `by_id`), unless both list each other in ambiguous_with (as two knowledge files must)."""
    found = []
    for monster in binding.knowledge.monsters:
        for _, name in monster.all_names():
            others = names.holders(normalize(name)) - {monster.id}
            others = {o for o in others if not (o in monster.ambiguous_with and monster.id in by_id[o].ambiguous_with)}
            if others:
                found.append(f"{monster.id}: {name!r} is also a name of {', '.join(sorted(others))}")
    return found
