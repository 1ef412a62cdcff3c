"""Write monster records as YAML that reads well in a diff: block style, short rows inline.

PyYAML's emitter does the quoting (so "2024-01-01", "0x1A", ".inf", "yes", newlines and tabs survive a round trip);
this module only chooses which mappings and lists are written on one line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

SCHEMA_MODELINE = "# yaml-language-server: $schema=../monster.schema.json\n"
_INLINE_KEYS = ("elements", "ailments", "crowns", "traps")  # a mapping under these keys is one row: {fire: 3, ...}
_ROW_LISTS = ("hitzones", "drops")  # each entry of these lists is one row


class _Flow(dict[str, Any]):
    """A mapping written inline."""


class _FlowList(list[Any]):
    """A list of scalars written inline."""


class _Dumper(yaml.SafeDumper):
    """Block style with lists indented under their key, as editors write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def _represent_flow_mapping(dumper: yaml.SafeDumper, data: _Flow) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)


def _represent_flow_list(dumper: yaml.SafeDumper, data: _FlowList) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


_Dumper.add_representer(_Flow, _represent_flow_mapping)
_Dumper.add_representer(_FlowList, _represent_flow_list)


def _shape(value: Any, key: str = "") -> Any:
    """Mark what is written inline: scalar lists, the `_INLINE_KEYS` mappings and the rows of `_ROW_LISTS`."""
    if isinstance(value, dict):
        if key in _INLINE_KEYS:
            return _Flow(value)
        return {k: _shape(v, str(k)) for k, v in value.items()}
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            return _FlowList(value)
        if key in _ROW_LISTS:
            return [_Flow(v) if isinstance(v, dict) else _shape(v) for v in value]
        return [_shape(v) for v in value]
    return value


def dump_record(record: dict[str, Any], modeline: bool = True) -> str:
    """A monster record as YAML text, with the schema modeline for editors' IDEs."""
    text = yaml.dump(
        _shape(record), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000, default_flow_style=False
    )
    return (SCHEMA_MODELINE if modeline else "") + text


def write_glossary(path: Path, names: dict[str, dict[str, str]]) -> None:
    """A glossary (English name -> {language: name}) as sorted JSON, stable in diffs."""
    path.write_text(json.dumps(names, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")
