"""Check monster records against the JSON Schema and the lint rules, and turn them into Monsters.

Every problem is reported with the file, line and column of the value at fault and a
message in plain words ("games.world.elements.fire must be 0–3, got 4").
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property, lru_cache
from importlib import resources
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from monsterbot.core.companion import companion_fields
from monsterbot.core.matching.normalize import normalize
from monsterbot.core.model import GAMES, LANGUAGES, Form, GameFacts, Hitzone, Monster

if TYPE_CHECKING:  # the YAML and schema libraries load when a file is parsed (a start from the compiled cache never
    # imports them), jsonschema only when a file has a fault, to explain it
    from jsonschema import Draft202012Validator, ValidationError

    from monsterbot.knowledge.positioned_yaml import Document, Position

SCHEMA_FILE = "monster.schema.json"

# Bounds on what one file may hold, whatever the schema allows: a hostile or broken file must not
# cost a worker memory or time (the largest record today has 36 entries in a list, 31 characters in a string).
MAX_FILE_CHARS = 200_000
MAX_TEXT = 300  # characters in any string
MAX_ITEMS = 100  # entries in any list
MAX_ALIASES = 30  # aliases per language


@dataclass(frozen=True)
class Problem:
    """One finding in a knowledge file."""

    file: str
    line: int
    column: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        tag = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.file}:{self.line}:{self.column}: {tag}{self.message}"


class KnowledgeError(RuntimeError):
    """Knowledge that could not be loaded, with every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(str(p) for p in problems[:20])
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} problem(s) in the knowledge:\n{shown}{more}")


@dataclass(frozen=True)
class Record:
    """A monster record that passed the schema, with where it came from."""

    monster: Monster
    file: str
    data: dict[str, Any]
    text: str = field(repr=False, compare=False)
    index: int = 0  # which document of the file

    @classmethod
    def compiled(cls, monster: Monster, file: str, text: str, index: int,
                 claims: tuple[tuple[str, tuple[str | int, ...]], ...]) -> Record:
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
        found += [(normalize(a), ("aliases", lang, i)) for lang, aliases in monster.aliases.items() for i, a in enumerate(aliases)]
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
        return (_problem(self, ("id",), f"id {self.monster.id!r} should be {expected!r}, the slug of names.en"),)

    @cached_property
    def own_warnings(self) -> tuple[Problem, ...]:
        """Warnings this record has on its own (languages without a name)."""
        missing = [lang for lang in LANGUAGES if lang not in self.monster.names]
        if not missing:
            return ()
        return (_problem(self, ("names",), f"names has no {', '.join(missing)}", severity="warning"),)


@lru_cache(maxsize=32)
def _documents(text: str) -> list[Document]:
    from monsterbot.knowledge.positioned_yaml import load_documents

    return list(load_documents(text))


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The monster record JSON Schema shipped with the package (also knowledge/monster.schema.json)."""
    return json.loads(resources.files("monsterbot.knowledge").joinpath(SCHEMA_FILE).read_text("utf-8"))


@lru_cache(maxsize=1)
def validator() -> Draft202012Validator:
    """The record schema validator that explains each problem (cached)."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema())


@lru_cache(maxsize=1)
def _fast_validator() -> Any:
    """jsonschema-rs: only says valid or not, a hundred times faster; problems are then explained by `validator`."""
    import jsonschema_rs

    return jsonschema_rs.validator_for(schema())


def _valid_fast(data: Any) -> bool:
    """Whether a document passes the fast check; data it cannot take (a YAML date, a key that is not text) is left to
    the slow path, which says what and where."""
    try:
        return bool(_fast_validator().is_valid(data)) and not any(record_problems(data))
    except ValueError:
        return False


def slug(name: str) -> str:
    """The id of a monster: its English name as a lowercase ASCII slug."""
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


def dotted(path: Iterable[str | int]) -> str:
    """A JSON path as editors write it: games.world.hitzones[2].cut."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "the record"


def describe(error: ValidationError) -> tuple[str, bool]:
    """A plain-words message for a schema error, and whether it points at a key (not a value)."""
    where = dotted(error.absolute_path)
    value: Any = error.instance
    expected: Any = error.validator_value
    node: Mapping[str, Any] = error.schema if isinstance(error.schema, Mapping) else {}
    kind = error.validator
    if kind in ("minimum", "maximum"):
        low, high = node.get("minimum"), node.get("maximum")
        return f"{where} must be {low}–{high}, got {value!r}", False
    if kind == "additionalProperties":
        allowed = sorted(node.get("properties", {}))
        extra = sorted(set(value) - set(allowed))
        return f"unknown key {extra[0]!r} in {where} (a typo? expected one of: {', '.join(allowed)})", True
    if kind == "required":
        missing = error.message.split("'")[1]
        return f"{where} is missing the required key {missing!r}", False
    if kind == "type":
        if isinstance(value, (date, datetime)):  # an unquoted 2024-01-01: YAML reads a date
            return f"{where} must be {_article(expected)}, got the date {value} (quote it to keep it as text)", False
        return f"{where} must be {_article(expected)}, got {type(value).__name__} {value!r}", False
    if kind == "enum":
        return f"{where} must be one of {', '.join(map(str, expected))}, got {value!r}", False
    if kind == "pattern":
        return f"{where} {value!r} is not a lowercase slug like azure-rathalos", False
    if kind in ("minLength", "minItems", "minProperties"):
        return f"{where} must not be empty", False
    if kind == "maxLength":
        return f"{where} is longer than {expected} characters", False
    if kind == "uniqueItems":
        return f"{where} lists the same entry twice", False
    return f"{where}: {error.message}", False


def _article(type_name: Any) -> str:
    names = {"object": "a mapping", "array": "a list", "string": "text", "integer": "a whole number"}
    return names.get(str(type_name), str(type_name))


def check_document(doc: Document, file: str) -> list[Problem]:
    """Schema problems of one document, in file order."""
    problems = [
        Problem(file, *_at(doc.position(path, key=True)), f"duplicate key {dotted(path)!r}")
        for path in doc.duplicate_keys
    ]
    problems += [Problem(file, *_at(doc.position(path)), message) for path, message in record_problems(doc.data)]
    for error in validator().iter_errors(doc.data):
        message, at_key = describe(error)
        path = tuple(error.absolute_path)
        if at_key:
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            path = path + (extra[0],)
        problems.append(Problem(file, *_at(doc.position(path, key=at_key)), message))
    return sorted(problems, key=lambda p: (p.line, p.column))


def record_problems(data: Any, path: tuple[str | int, ...] = ()) -> Iterable[tuple[tuple[str | int, ...], str]]:
    """(path, message) for what the schema cannot say: a string, list or alias list past its bound, a number that is
    not whole (JSON Schema takes 2.0 for an integer; every number of a record counts stars or hitzone values), a fact a
    game's `missing` lists that the record gives (the card would show it and say it is missing)."""
    if isinstance(data, str) and len(data) > MAX_TEXT:
        yield path, f"{dotted(path)} is longer than {MAX_TEXT} characters ({len(data)})"
    elif isinstance(data, float):
        yield path, f"{dotted(path)} must be a whole number, got {data!r}"
    elif isinstance(data, list):
        limit = MAX_ALIASES if len(path) == 2 and path[0] == "aliases" else MAX_ITEMS
        if len(data) > limit:
            yield path, f"{dotted(path)} has {len(data)} entries, more than the {limit} allowed"
            return
        for index, item in enumerate(data):
            yield from record_problems(item, path + (index,))
    elif isinstance(data, dict):
        if len(path) == 2 and path[0] == "games" and isinstance(data.get("missing"), list):
            given = [fact for fact in data["missing"] if isinstance(fact, str) and data.get(fact)]
            if given:
                yield path + ("missing",), f"{dotted(path)}.missing lists {', '.join(given)}, which the record gives"
        for key, value in data.items():
            yield from record_problems(value, path + (key,))


def _at(position: Position) -> tuple[int, int]:
    return position.line, position.column


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
    if datas is not None and all(d is None or _valid_fast(d) for d in datas):
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


def lint(records: list[Record], warnings: bool = True) -> list[Problem]:
    """Problems across records: ids, slugs, missing languages (warnings), names claimed by two monsters.

    What a record says about itself is computed once per record (see Record), and the checks across
    records look closer only at ids and keys that occur twice, so a reload that keeps most records
    (sources/yaml_files.py) pays here for a few passes in C over them.
    """
    problems: list[Problem] = []
    ids = [record.monster.id for record in records]
    if len(set(ids)) < len(ids):
        seen_ids: dict[str, Record] = {}
        for record in records:
            first = seen_ids.setdefault(record.monster.id, record)
            if first is not record:
                problems.append(_problem(record, ("id",), f"id {record.monster.id!r} is already used in {first.file}"))
    problems += [problem for record in records for problem in record.own_problems]
    if warnings:
        problems += [problem for record in records for problem in record.own_warnings]
    return problems + _shared_names(records)


def _shared_names(records: list[Record]) -> list[Problem]:
    """Names and aliases that two monsters claim, unless each lists the other in ambiguous_with; an alias that is
    another monster's official name, always (its own name would ask "which one?")."""
    keys = [key for record in records for key in record.claim_keys]
    if len(set(keys)) == len(keys):
        return []
    shared = {key for key, count in Counter(keys).items() if count > 1}
    claims: dict[str, list[tuple[Record, tuple[str | int, ...]]]] = {}
    for record in records:
        if record.claim_keys.isdisjoint(shared):
            continue
        for key, path in record.claims:
            if key in shared:
                claims.setdefault(key, []).append((record, path))
    problems: list[Problem] = []
    for key, holders in claims.items():
        ids = {r.monster.id for r, _ in holders}
        named = {r.monster.id for r, path in holders if path[0] == "names"}
        for record, path in holders:
            others = sorted(ids - {record.monster.id})
            owners = sorted(named - {record.monster.id})
            if path[0] == "aliases" and owners:
                problems.append(_problem(record, path, f"{dotted(path)} {key!r} is the name of {', '.join(owners)}: "
                                                       "an alias cannot take another monster's name"))
                continue
            intended = all(o in record.monster.ambiguous_with for o in others)
            if not intended:
                problems.append(
                    _problem(
                        record,
                        path,
                        f"{dotted(path)} {key!r} is also a name of {', '.join(others)}; "
                        "list them in ambiguous_with if the ambiguity is intended",
                    )
                )
    return problems


def _problem(record: Record, path: tuple[str | int, ...], message: str, severity: str = "error") -> Problem:
    position = record.position(path)
    return Problem(record.file, position.line, position.column, message, severity)


def file_text(file: str | Path) -> str | Problem:
    """The text of a knowledge file, or the problem that it cannot be read."""
    try:
        with open(file, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        return Problem(str(file), 1, 1, f"cannot read: {exc}")


def read_file(file: str | Path) -> tuple[list[Record], list[Problem]]:
    """Records and schema problems of one knowledge file (a file that cannot be read is one problem)."""
    text = file_text(file)
    return ([], [text]) if isinstance(text, Problem) else read_text(text, str(file))


def read_paths(paths: Iterable[Path]) -> tuple[list[Record], list[Problem]]:
    """Read every *.yaml / *.yml file under the paths, then lint across all records."""
    records: list[Record] = []
    problems: list[Problem] = []
    for file in yaml_files(paths):
        found_records, found_problems = read_file(file)
        records += found_records
        problems += found_problems
    problems += lint(records)
    return records, problems


def yaml_files(paths: Iterable[Path]) -> list[Path]:
    """Every YAML file under the given files and directories, in a stable order (by path parts)."""
    return [Path(name) for name in yaml_file_names(paths)]


def yaml_file_names(paths: Iterable[Path]) -> list[str]:
    """`yaml_files` as strings: folders are walked with os.scandir, whose entries know their type
    without a stat per file, and no Path is built per file (10k of them cost more than the walk)."""
    files: list[str] = []
    for path in paths:
        if path.is_dir():
            files += _yaml_files_in(str(path))
        else:
            files.append(str(path))
    return files


def _yaml_files_in(folder: str) -> list[str]:
    """Files of a folder and its subfolders; each folder's entries by name, so by path parts overall. Hidden entries
    are skipped: a ConfigMap volume holds each file twice, as `name.yaml` (a link) and in its hidden `..<time>` folder
    (`..data` links to it), and an editor's `.#name.yaml` is no knowledge."""
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=attrgetter("name"))
    files: list[str] = []
    for entry in entries:
        if entry.name[0] == ".":
            continue
        if entry.is_dir(follow_symlinks=False):
            files += _yaml_files_in(entry.path)
        elif entry.name.endswith((".yaml", ".yml")) and entry.is_file():
            files.append(entry.path)
    return files


def roster_table(monsters: Iterable[Monster]) -> str:
    """A Markdown table of the roster: monsters per game, names and aliases per language."""
    monsters = list(monsters)
    lines = ["| | monsters | " + " | ".join(f"names {lang}" for lang in LANGUAGES) + " |"]
    lines.append("|---" * (2 + len(LANGUAGES)) + "|")
    for game in (None, *GAMES):
        chosen = [m for m in monsters if game is None or game in m.games]
        counts = [sum(lang in m.names for m in chosen) for lang in LANGUAGES]
        lines.append(f"| {game or 'all'} | {len(chosen)} | " + " | ".join(map(str, counts)) + " |")
    aliases = [sum(len(m.aliases.get(lang, ())) for m in monsters) for lang in LANGUAGES]
    lines.append("| aliases | | " + " | ".join(map(str, aliases)) + " |")
    return "\n".join(lines)
