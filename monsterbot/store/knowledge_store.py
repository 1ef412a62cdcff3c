"""Compiled knowledge in the store: `sync` writes it in one transaction, `load_monsters` reads it back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from monsterbot.core.companion import companion_data, companion_fields
from monsterbot.core.model import ELEMENTS, Form, GameFacts, Hitzone, Monster
from monsterbot.core.snapshot import knowledge_version
from monsterbot.store.schema import GameFactsRow, HitzoneRow, Meta, MonsterRow, NameRow, utcnow

VERSION_KEY = "knowledge_version"


@dataclass(frozen=True)
class SyncResult:
    """What a sync did."""

    changed: bool
    version: str
    monsters: int


def sync(engine: Engine, monsters: Iterable[Monster]) -> SyncResult:
    """Replace the stored knowledge with these monsters in one transaction; a no-op if nothing changed."""
    monsters = sorted(monsters, key=lambda m: m.id)
    version = knowledge_version(monsters)
    with Session(engine) as session, session.begin():
        current = session.get(Meta, VERSION_KEY)
        if current is not None and current.value == version:
            return SyncResult(False, version, len(monsters))
        for table in (HitzoneRow, NameRow, GameFactsRow, MonsterRow):
            session.exec(delete(table))
        for monster in monsters:
            parent, children = _rows(monster)
            session.add(parent)
            session.flush()  # parents before children; a bad monster (duplicate id …) fails here, in the transaction
            session.add_all(children)
        session.flush()
        session.merge(Meta(key=VERSION_KEY, value=version, updated_at=utcnow()))
    return SyncResult(True, version, len(monsters))


def _rows(monster: Monster) -> tuple[MonsterRow, list[object]]:
    parent = MonsterRow(
        id=monster.id, names=dict(monster.names), ambiguous_with=list(monster.ambiguous_with), origin=monster.origin
    )
    rows: list[object] = [
        NameRow(monster_id=monster.id, language=lang, name=name, alias=False) for lang, name in monster.names.items()
    ]
    rows += [
        NameRow(monster_id=monster.id, language=lang, name=alias, alias=True, position=i)
        for lang, aliases in monster.aliases.items()
        for i, alias in enumerate(aliases)
    ]
    for game, facts in monster.games.items():
        rows.append(
            GameFactsRow(
                monster_id=monster.id,
                game=game,
                source=facts.source,
                elements=dict(facts.elements),
                weak_elements=list(facts.weak_elements),
                ailments=dict(facts.ailments),
                breakable=list(facts.breakable),
                severable=list(facts.severable),
                forms=[{"description": f.description, "elements": dict(f.elements)} for f in facts.forms],
                derived=list(facts.derived),
                missing=list(facts.missing),
                resisted_elements=list(facts.resisted_elements),
                companion=companion_data(facts),
            )
        )
        rows += [
            HitzoneRow(
                monster_id=monster.id,
                game=game,
                position=i,
                part=zone.part,
                state=zone.state,
                values={
                    k: v for k, v in (("cut", zone.cut), ("impact", zone.impact), ("shot", zone.shot)) if v is not None
                }
                | dict(zone.elements),
            )
            for i, zone in enumerate(facts.hitzones)
        ]
    return parent, rows


def stored_version(engine: Engine) -> str:
    """The version of the stored knowledge ("" when never synced): one indexed row, cheap to poll."""
    with Session(engine) as session:
        row = session.get(Meta, VERSION_KEY)
        return row.value if row else ""


def load_monsters(engine: Engine) -> list[Monster]:
    """Every stored monster, rebuilt as the model's immutable records."""
    with Session(engine) as session:
        monsters = session.exec(select(MonsterRow).order_by(col(MonsterRow.id))).all()
        names = session.exec(
            select(NameRow).order_by(col(NameRow.monster_id), col(NameRow.position), col(NameRow.id))
        ).all()
        facts = session.exec(select(GameFactsRow)).all()
        zones = session.exec(
            select(HitzoneRow).order_by(col(HitzoneRow.monster_id), col(HitzoneRow.game), col(HitzoneRow.position))
        ).all()
    aliases: dict[str, dict[str, list[str]]] = {}
    for row in names:
        if row.alias:
            aliases.setdefault(row.monster_id, {}).setdefault(row.language, []).append(row.name)
    hitzones: dict[tuple[str, str], list[Hitzone]] = {}
    for zone in zones:
        values = dict(zone.values)
        hitzones.setdefault((zone.monster_id, zone.game), []).append(
            Hitzone(
                zone.part,
                values.pop("cut", None),
                values.pop("impact", None),
                values.pop("shot", None),
                {e: values[e] for e in ELEMENTS if e in values},
                zone.state,
            )
        )
    games: dict[str, dict[str, GameFacts]] = {}
    for fact in facts:
        games.setdefault(fact.monster_id, {})[fact.game] = GameFacts(
            game=fact.game,
            elements=dict(fact.elements),
            weak_elements=tuple(fact.weak_elements),
            ailments=dict(fact.ailments),
            hitzones=tuple(hitzones.get((fact.monster_id, fact.game), ())),
            breakable=tuple(fact.breakable),
            severable=tuple(fact.severable),
            forms=tuple(Form(f["description"], dict(f["elements"])) for f in fact.forms),
            source=fact.source,
            derived=tuple(fact.derived),
            missing=tuple(fact.missing),
            resisted_elements=tuple(fact.resisted_elements),
            **companion_fields(fact.companion),
        )
    return [
        Monster(
            id=row.id,
            names=dict(row.names),
            aliases={lang: tuple(values) for lang, values in aliases.get(row.id, {}).items()},
            games={g: games[row.id][g] for g in sorted(games.get(row.id, {}), key=_game_order)},
            ambiguous_with=tuple(row.ambiguous_with),
            origin=row.origin,
        )
        for row in monsters
    ]


def _game_order(game: str) -> int:
    from monsterbot.core.model import GAMES

    return GAMES.index(game) if game in GAMES else len(GAMES)
