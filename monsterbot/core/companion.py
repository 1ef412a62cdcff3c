"""The hunt companion's facts (materials, habitats, what a monster inflicts, what to bring, crowns, traps) between
their record form (a game's keys in knowledge/ YAML, an EventBinding, the store's JSON column) and the model.

One pair of functions, used by the YAML reader, the store and the cluster source alike, so the three can never
disagree on what a record says.
"""

from __future__ import annotations

from typing import Any, Mapping

from monsterbot.core.model import Drop, GameFacts, Material, Remedy

#: The keys of a game's facts this module reads and writes, in the order records write them.
KEYS: tuple[str, ...] = ("materials", "habitats", "inflicts", "remedies", "crowns", "traps")
RANKS: tuple[str, ...] = ("low", "high", "master")


def companion_fields(facts: Mapping[str, Any]) -> dict[str, Any]:
    """GameFacts keyword arguments from a game's record facts (only the keys present)."""
    fields: dict[str, Any] = {}
    if "materials" in facts:
        fields["materials"] = {
            rank: tuple(_material(m) for m in facts["materials"][rank]) for rank in RANKS if rank in facts["materials"]
        }
    if "habitats" in facts:
        fields["habitats"] = tuple(facts["habitats"])
    if "inflicts" in facts:
        fields["inflicts"] = tuple(facts["inflicts"])
    if "remedies" in facts:
        fields["remedies"] = tuple(Remedy(r["item"], tuple(r["cures"])) for r in facts["remedies"])
    for key in ("crowns", "traps"):
        if key in facts:
            fields[key] = dict(facts[key])
    if "impractical_ailments" in facts:  # kept with these facts in the store: what a hunt plan needs besides stars
        fields["impractical_ailments"] = tuple(facts["impractical_ailments"])
    return fields


def _material(data: Mapping[str, Any]) -> Material:
    drops = tuple(
        Drop(d["how"], d["rate"], d.get("count", 1), d.get("part", ""), d.get("tier", "")) for d in data["drops"]
    )
    return Material(data["item"], drops, data.get("rarity"))


def companion_data(facts: GameFacts) -> dict[str, Any]:
    """The record form of a GameFacts' companion facts (what `companion_fields` reads back)."""
    data: dict[str, Any] = {}
    if facts.materials:
        data["materials"] = {rank: [_material_data(m) for m in items] for rank, items in facts.materials.items()}
    if facts.habitats:
        data["habitats"] = list(facts.habitats)
    if facts.inflicts:
        data["inflicts"] = list(facts.inflicts)
    if facts.remedies:
        data["remedies"] = [{"item": r.item, "cures": list(r.cures)} for r in facts.remedies]
    if facts.crowns:
        data["crowns"] = dict(facts.crowns)
    if facts.traps:
        data["traps"] = dict(facts.traps)
    if facts.impractical_ailments:
        data["impractical_ailments"] = list(facts.impractical_ailments)
    return data


def _material_data(material: Material) -> dict[str, Any]:
    data: dict[str, Any] = {"item": material.item}
    if material.rarity is not None:
        data["rarity"] = material.rarity
    data["drops"] = [drop_data(d) for d in material.drops]
    return data


def drop_data(drop: Drop) -> dict[str, Any]:
    """One drop as a record row: how, then part and tier where given, rate, and count when more than one."""
    row: dict[str, Any] = {"how": drop.how}
    if drop.part:
        row["part"] = drop.part
    if drop.tier:
        row["tier"] = drop.tier
    row["rate"] = drop.rate
    if drop.count != 1:
        row["count"] = drop.count
    return row


#: The companion topics a player asks about, and what a game's facts must hold to answer each.
TOPICS: tuple[str, ...] = ("materials", "habitat", "inflicts", "crowns")


def holds(facts: GameFacts | None, topic: str) -> bool:
    """Whether a game's facts answer a companion topic (materials, habitat, inflicts, crowns)."""
    if facts is None:
        return False
    held = {
        "materials": facts.materials,
        "habitat": facts.habitats,
        "inflicts": facts.inflicts,
        "crowns": facts.crowns,
    }
    return bool(held.get(topic))
