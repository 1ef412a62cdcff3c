"""Read YAML into plain Python data while remembering the line and column of every value.

Editors need `file:line:column` for every mistake, so each document is composed into
PyYAML nodes and turned into data with a side table from JSON path to source position.

Anchors and aliases are refused before anything is built: knowledge never needs them, and
nested aliases ("billion laughs") would expand a few hundred bytes into gigabytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

import yaml

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    """1-based line and column in a file."""

    line: int
    column: int


@dataclass
class Document:
    """One YAML document: its data and where each path (and each mapping key) stands."""

    data: Any
    start: Position
    values: dict[Path, Position] = field(default_factory=dict)
    keys: dict[Path, Position] = field(default_factory=dict)
    duplicate_keys: list[Path] = field(default_factory=list)

    def position(self, path: Path, *, key: bool = False) -> Position:
        """The position of a path, falling back to its nearest ancestor that has one."""
        table = self.keys if key else self.values
        for cut in range(len(path), -1, -1):
            found = table.get(path[:cut]) or (self.keys.get(path[:cut]) if key else None)
            if found:
                return found
        return self.start


class YamlError(ValueError):
    """A file that is not valid YAML, with the position of the fault."""

    def __init__(self, message: str, position: Position) -> None:
        super().__init__(message)
        self.position = position


class AliasRefused(yaml.MarkedYAMLError):
    """An anchor (&name) or alias (*name): refused in knowledge files."""


def refuse_aliases(text: str) -> None:
    """Raise AliasRefused at the first anchor or alias (parse events only: nothing is expanded)."""
    if "&" not in text and "*" not in text:
        return  # neither can appear without its sign: the common case costs a scan of the text
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise AliasRefused(
                problem="anchors and aliases (&name, *name) are not allowed in knowledge files",
                problem_mark=event.start_mark,  # type: ignore[arg-type]  # libyaml's Mark
            )


def _mark(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


#: Nesting deeper than any record needs (a record is about six levels deep): refused at its line, before the
#: recursion of building it could exhaust Python's stack.
MAX_DEPTH = 32
_MERGE = "tag:yaml.org,2002:merge"


def _build(node: yaml.Node, path: Path, doc: Document, constructor: yaml.constructor.SafeConstructor) -> Any:
    doc.values[path] = _mark(node)
    if len(path) > MAX_DEPTH:
        raise YamlError(f"nested more than {MAX_DEPTH} levels deep", _mark(node))
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                raise YamlError(
                    "merge keys (<<) are not allowed in knowledge files: write the keys out", _mark(key_node)
                )
            if not isinstance(key_node, yaml.ScalarNode):  # built whole by PyYAML, past the depth guard
                raise YamlError("a key must be a word or a number, not a list or a mapping", _mark(key_node))
            key = constructor.construct_object(key_node, deep=True)
            key = key if isinstance(key, (str, int)) else str(key)
            if key in result:
                doc.duplicate_keys.append(path + (key,))
            doc.keys[path + (key,)] = _mark(key_node)
            result[key] = _build(value_node, path + (key,), doc, constructor)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), doc, constructor) for i, item in enumerate(node.value)]
    return constructor.construct_object(node, deep=True)


class DuplicateKey(yaml.YAMLError):
    """A mapping names the same key twice (the plain loaders keep the last silently), or merges keys in (<<)."""


class StrictLoader(_Loader):
    """PyYAML's fastest safe loader, refusing duplicate keys (the fast path: no positions kept)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        keys = [key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)]
        if len(keys) != len(set(keys)):
            raise DuplicateKey("duplicate key")
        if any(key.tag == _MERGE for key, _ in node.value):
            raise DuplicateKey("merge key")  # the positioned reading says where
        return super().construct_mapping(node, deep=deep)


def load_fast(text: str) -> list[Any]:
    """Every document's data (None for an empty one); raises yaml.YAMLError on any fault."""
    refuse_aliases(text)
    return list(yaml.load_all(text, Loader=StrictLoader))


def load_one(text: str) -> Any:
    """The data of a one-document YAML text (None when it is empty), read as `load_fast` reads: the importers and the
    audit read every record with it (libyaml: about 9 times faster than PyYAML's pure-Python `safe_load`)."""
    documents = load_fast(text)
    return documents[0] if documents else None


def load_documents(text: str) -> Iterator[Document]:
    """Yield every document of a YAML text with positions; raise YamlError on a syntax error."""
    loader = _Loader(text)
    try:
        refuse_aliases(text)
        while loader.check_node():
            node = loader.get_node()
            doc = Document(data=None, start=_mark(node))
            doc.data = _build(node, (), doc, loader)
            yield doc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        position = Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
        message = f"not valid YAML: {exc.problem or exc}"
        if exc.context and exc.context_mark and exc.context_mark is not mark:
            message += f" ({exc.context} at line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1})"
        raise YamlError(message, position) from None
    finally:
        loader.dispose()
