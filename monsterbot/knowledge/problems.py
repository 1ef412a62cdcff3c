"""A problem in a knowledge file, and the plain words that say it ("games.world.elements.fire must be 0–3, got 4")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Iterable, Mapping

if TYPE_CHECKING:
    from jsonschema import ValidationError

SHOWN_CHARS = 40  # of a value quoted in a problem


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


def dotted(path: Iterable[str | int]) -> str:
    """A JSON path as editors write it: games.world.hitzones[2].cut."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "the record"


def _shown(value: Any) -> str:
    """A value as a problem quotes it, cut at SHOWN_CHARS: no message repeats much of a file (a token, a linked
    file's lines)."""
    text = repr(value)
    return text if len(text) <= SHOWN_CHARS else f"{text[:SHOWN_CHARS]}… ({len(text)} characters)"


def describe(error: ValidationError) -> tuple[str, bool]:
    """A plain-words message for a schema error, and whether it points at a key (not a value)."""
    where = dotted(error.absolute_path)
    value: Any = error.instance
    expected: Any = error.validator_value
    node: Mapping[str, Any] = error.schema if isinstance(error.schema, Mapping) else {}
    kind = error.validator
    if kind in ("minimum", "maximum"):
        low, high = node.get("minimum"), node.get("maximum")
        return f"{where} must be {low}–{high}, got {_shown(value)}", False
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
        shown = _shown(value) if error.absolute_path else f"({len(str(value))} characters)"  # a whole file: not shown
        return f"{where} must be {_article(expected)}, got {type(value).__name__} {shown}", False
    if kind == "enum":
        return f"{where} must be one of {', '.join(map(str, expected))}, got {_shown(value)}", False
    if kind == "pattern":
        return f"{where} {_shown(value)} is not a lowercase slug like azure-rathalos", False
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
