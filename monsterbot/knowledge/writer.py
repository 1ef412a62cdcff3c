"""Write monster records as YAML that reads well in a diff: block style, short rows inline."""

from __future__ import annotations

import json
from typing import Any

SCHEMA_MODELINE = "# yaml-language-server: $schema=../monster.schema.json\n"
_INLINE = ("elements", "ailments")


def _scalar(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    plain = text and text.strip() == text and not any(c in text for c in ":#{}[],&*!|>'\"%@`") and not text[0] in "-?"
    if plain and text.lower() not in ("yes", "no", "true", "false", "null", "on", "off", "~"):
        try:
            float(text)
        except ValueError:
            return text
    return json.dumps(text, ensure_ascii=False)


def _inline(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_scalar(k)}: {_inline(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    return _scalar(value)


def _block(value: Any, indent: int, key: str = "") -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, (dict, list)) and v and k not in _INLINE and not _is_flat_list(v):
                lines.append(f"{pad}{_scalar(k)}:")
                lines += _block(v, indent + 2, k)
            else:
                lines.append(f"{pad}{_scalar(k)}: {_inline(v)}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and key != "hitzones" and item:
                first, *rest = _block(item, indent + 2)
                lines.append(f"{pad}- {first.strip()}")
                lines += rest
            else:
                lines.append(f"{pad}- {_inline(item)}")
    return lines


def _is_flat_list(value: Any) -> bool:
    return isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value)


def dump_record(record: dict[str, Any], modeline: bool = True) -> str:
    """A monster record as YAML text, with the schema modeline for editors' IDEs."""
    return (SCHEMA_MODELINE if modeline else "") + "\n".join(_block(record, 0)) + "\n"
