"""The monster record schema (JSON Schema, shipped as monster.schema.json) and what it cannot say: the bounds on
what one file may hold, and each document's problems in plain words at their line and column."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Iterable

from monsterbot.knowledge.problems import Problem, describe, dotted

if TYPE_CHECKING:  # the schema libraries load when a file is parsed (a start from the compiled cache never imports
    # them), jsonschema only when a file has a fault, to explain it
    from jsonschema import Draft202012Validator

    from monsterbot.knowledge.positioned_yaml import Document, Position

SCHEMA_FILE = "monster.schema.json"

# Bounds on what one file may hold, whatever the schema allows: a hostile or broken file must not
# cost a worker memory or time (the largest record today has 36 entries in a list, 31 characters in a string).
MAX_FILE_CHARS = 200_000
MAX_TEXT = 300  # characters in any string
MAX_ITEMS = 100  # entries in any list
MAX_ALIASES = 30  # aliases per language


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


def valid_fast(data: Any) -> bool:
    """Whether a document passes the fast check; data it cannot take (a YAML date, a key that is not text) is left to
    the slow path, which says what and where."""
    try:
        return bool(_fast_validator().is_valid(data)) and not any(record_problems(data))
    except ValueError:
        return False


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
