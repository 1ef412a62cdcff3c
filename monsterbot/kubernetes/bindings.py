"""EventBindings as knowledge: their monsters and keyword replies, checked like knowledge/ files.

Merge rule (declared): an EventBinding's monster replaces a YAML monster with the same id, so
operators can hot-fix a record with `kubectl apply`; between two bindings, the one whose
namespace/name sorts first keeps the id and the other is reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from monsterbot.core.matching.normalize import normalize
from monsterbot.core.model import KeywordReply, KnowledgeSet, Monster
from monsterbot.knowledge.records import describe, limit_problems, to_monster, validator
from monsterbot.replies.line_rules import TEXT_MAX, utf16_length


@dataclass(frozen=True)
class BindingKnowledge:
    """What one EventBinding contributes, and what is wrong with it (an invalid binding contributes nothing)."""

    key: str  # namespace/name
    knowledge: KnowledgeSet
    problems: tuple[str, ...] = ()


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
        errors += [message for _, message in limit_problems(record)] if not errors else []  # as a file's record
        if errors:
            problems += [f"spec.monsters[{index}].{error}" for error in errors]
        else:
            monsters.append(to_monster(record, origin=f"EventBinding {key}"))
    replies = tuple(
        KeywordReply(tuple(event.get("keywords") or ()), (event.get("reply") or {}).get("text", ""), f"EventBinding {key}")
        for event in spec.get("events") or []
    )
    problems += [f"spec.events[{i}] needs keywords and reply.text" for i, r in enumerate(replies) if not (r.keywords and r.text)]
    problems += [f"spec.events[{i}].reply.text is {utf16_length(r.text)} characters as LINE counts them (UTF-16 units); "
                 f"LINE refuses a text over {TEXT_MAX}" for i, r in enumerate(replies) if utf16_length(r.text) > TEXT_MAX]
    if problems:
        return BindingKnowledge(key, KnowledgeSet(), tuple(problems))
    return BindingKnowledge(key, KnowledgeSet(tuple(monsters), replies))


def merge(base: KnowledgeSet, bindings: Iterable[BindingKnowledge]) -> tuple[KnowledgeSet, dict[str, list[str]]]:
    """YAML knowledge with the bindings' on top; returns the merge and the problems per binding."""
    monsters = {m.id: m for m in base.monsters}
    replies = list(base.replies)
    claimed: dict[str, str] = {}
    problems: dict[str, list[str]] = {}
    for binding in sorted(bindings, key=lambda b: b.key):
        if binding.problems:
            problems[binding.key] = list(binding.problems)
            continue
        for monster in binding.knowledge.monsters:
            if monster.id in claimed:
                problems.setdefault(binding.key, []).append(f"monster {monster.id!r} is already given by {claimed[monster.id]}")
                continue
            claimed[monster.id] = binding.key
            monsters[monster.id] = monster
        replies += binding.knowledge.replies
    return KnowledgeSet(tuple(monsters.values()), tuple(replies)), problems


def name_collisions(knowledge: KnowledgeSet, binding: BindingKnowledge) -> list[str]:
    """Names or aliases of the binding's monsters that another monster also claims, unless marked ambiguous."""
    owners: dict[str, set[str]] = {}
    by_id = {m.id: m for m in knowledge.monsters}
    for monster in knowledge.monsters:
        for _, name in monster.all_names():
            owners.setdefault(normalize(name), set()).add(monster.id)
    found = []
    for monster in binding.knowledge.monsters:
        for _, name in monster.all_names():
            others = owners.get(normalize(name), set()) - {monster.id}
            others = {o for o in others if o not in monster.ambiguous_with and monster.id not in by_id[o].ambiguous_with}
            if others:
                found.append(f"{monster.id}: {name!r} is also a name of {', '.join(sorted(others))}")
    return found
