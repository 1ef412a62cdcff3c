"""Monster records: YAML documents that passed the schema, turned into Monsters, with where each came from.

Every problem is reported with the file, line and column of the value at fault (problems.py, schema.py); the checks
across records are in lint.py, the walk of the knowledge folders in files.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from monsterbot.core.companion import companion_fields
from monsterbot.core.matching.normalize import normalize
from monsterbot.core.model import LANGUAGES, Form, GameFacts, Hitzone, Monster
from monsterbot.knowledge.problems import Problem
from monsterbot.knowledge.schema import MAX_FILE_CHARS, check_document, valid_fast

if TYPE_CHECKING:  # the YAML library loads when a file is parsed (a start from the compiled cache never imports it)
    from monsterbot.knowledge.positioned_yaml import Document, Position


@dataclass(frozen=True)
class Record:
    """A monster record that passed the schema, with where it came from."""

    monster: Monster
    file: str
    data: dict[str, Any]
    text: str = field(repr=False, compare=False)
    index: int = 0  # which document of the file

    @classmethod
    def compiled(
        cls, monster: Monster, file: str, text: str, index: int, claims: tuple[tuple[str, tuple[str | int, ...]], ...]
    ) -> Record:
        """A record taken from the compiled cache (sources/compiled.py), its claims already known."""
        record = cls(monster, file, {}, text, index)
        record.__dict__["claims"] = claims  # what the cached property would compute
        return record

    def position(self, path: tuple[str | int, ...]) -> Position:
        """Where a path of this record stands in its file (parsed again only when asked, for a problem)."""
        return _documents(self.text)[self.index].position(path)

    @cached_property
    def claims(self) -> tuple[tuple[str, tuple[str | int, ...]], ...]:
        """(normalised key, path) of every name and alias: computed once per record, reused by every lint."""
        monster = self.monster
        found: list[tuple[str, tuple[str | int, ...]]] = [
            (normalize(name), ("names", lang)) for lang, name in monster.names.items()
        ]
        found += [
            (normalize(a), ("aliases", lang, i))
            for lang, aliases in monster.aliases.items()
            for i, a in enumerate(aliases)
        ]
        return tuple(found)

    @cached_property
    def claim_keys(self) -> frozenset[str]:
        """The normalised keys this record claims, each once."""
        return frozenset(key for key, _ in self.claims)

    @cached_property
    def own_problems(self) -> tuple[Problem, ...]:
        """Errors this record has on its own (an id that is not the slug of its English name)."""
        expected = slug(self.monster.names["en"])
        if self.monster.id == expected:
            return ()
        return (problem_at(self, ("id",), f"id {self.monster.id!r} should be {expected!r}, the slug of names.en"),)

    @cached_property
    def own_warnings(self) -> tuple[Problem, ...]:
        """Warnings this record has on its own (languages without a name)."""
        missing = [lang for lang in LANGUAGES if lang not in self.monster.names]
        if not missing:
            return ()
        return (problem_at(self, ("names",), f"names has no {', '.join(missing)}", severity="warning"),)


@lru_cache(maxsize=32)
def _documents(text: str) -> list[Document]:
    from monsterbot.knowledge.positioned_yaml import load_documents

    return list(load_documents(text))


def slug(name: str) -> str:
    """The id of a monster: its English name as a lowercase ASCII slug."""
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


def to_monster(data: dict[str, Any], origin: str = "") -> Monster:
    """Build a Monster from a record that passed the schema."""
    games = {}
    for game, facts in data["games"].items():
        games[game] = GameFacts(
            game=game,
            elements=dict(facts.get("elements", {})),
            weak_elements=tuple(facts.get("weak_elements", ())),
            resisted_elements=tuple(facts.get("resisted_elements", ())),
            ailments=dict(facts.get("ailments", {})),
            hitzones=tuple(
                Hitzone(
                    part=h["part"],
                    cut=h.get("cut"),
                    impact=h.get("impact"),
                    shot=h.get("shot"),
                    elements={k: v for k, v in h.items() if k not in ("part", "state", "cut", "impact", "shot")},
                    state=h.get("state", ""),
                )
                for h in facts.get("hitzones", ())
            ),
            breakable=tuple(facts.get("breakable", ())),
            severable=tuple(facts.get("severable", ())),
            forms=tuple(Form(f["description"], dict(f["elements"])) for f in facts.get("forms", ())),
            source=facts["source"],
            derived=tuple(facts.get("derived", ())),
            missing=tuple(facts.get("missing", ())),
            **companion_fields(facts),
        )
    return Monster(
        id=data["id"],
        names=dict(data["names"]),
        aliases={lang: tuple(v) for lang, v in data.get("aliases", {}).items()},
        games=games,
        ambiguous_with=tuple(data.get("ambiguous_with", ())),
        origin=origin,
    )


def read_text(text: str, file: str) -> tuple[list[Record], list[Problem]]:
    """Records and schema problems of one YAML text (one record per document).

    Fast path: PyYAML's C loader and jsonschema-rs. Only a file with a fault is parsed again with
    positions and checked with `jsonschema`, to say what is wrong and where.
    """
    import yaml

    from monsterbot.knowledge.positioned_yaml import YamlError, load_fast

    if len(text) > MAX_FILE_CHARS:
        return [], [Problem(file, 1, 1, f"the file has {len(text)} characters, more than the {MAX_FILE_CHARS} allowed")]
    try:
        datas = load_fast(text)
    except yaml.YAMLError:
        datas = None
    if datas is not None and not any(d is not None for d in datas):
        # an editor's half-written or emptied file, never a way to remove a monster (deleting its file is)
        return [], [Problem(file, 1, 1, "the file holds no monster record (it is empty, or only comments)")]
    if datas is not None and all(d is None or valid_fast(d) for d in datas):
        return [Record(to_monster(d, origin=file), file, d, text, i) for i, d in enumerate(datas) if d is not None], []
    records: list[Record] = []
    problems: list[Problem] = []
    try:
        documents = _documents(text)
    except YamlError as exc:
        return [], [Problem(file, exc.position.line, exc.position.column, str(exc))]
    for index, doc in enumerate(documents):
        if doc.data is None:
            continue
        found = check_document(doc, file)
        problems += found
        if not any(p.severity == "error" for p in found):
            records.append(Record(to_monster(doc.data, origin=file), file, doc.data, text, index))
    return records, problems


def problem_at(record: Record, path: tuple[str | int, ...], message: str, severity: str = "error") -> Problem:
    position = record.position(path)
    return Problem(record.file, position.line, position.column, message, severity)
