"""Validate JSON against a schema of LINE's OpenAPI specs (../shared/line-openapi).

LINE's specs put a `discriminator` with a `mapping` on base schemas (Message, FlexComponent,
Event …) without oneOf; the validator here follows that mapping so that a flex message is
checked as a FlexMessage all the way down, not only as a generic Message.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import yaml
from jsonschema import ValidationError
from jsonschema.validators import extend
from openapi_schema_validator import OAS30Validator

_active: set[tuple[str, int]] = set()


def _discriminator(validator: Any, discriminator: dict, instance: Any, schema: dict) -> Iterator[ValidationError]:
    if not isinstance(instance, dict) or "oneOf" in schema or "anyOf" in schema:
        return
    prop = discriminator["propertyName"]
    mapping = discriminator.get("mapping", {})
    value = instance.get(prop)
    if value not in mapping:
        yield ValidationError(f"{prop}={value!r} is none of {sorted(mapping)}")
        return
    key = (mapping[value], id(instance))
    if key in _active:  # already inside the mapped schema (its allOf refers back to the base)
        return
    _active.add(key)
    try:
        yield from validator.descend(instance, {"$ref": mapping[value]})
    finally:
        _active.discard(key)


_Validator = extend(OAS30Validator, {"discriminator": _discriminator})


@lru_cache(maxsize=4)
def _spec(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8"))


def errors(spec_path: Path, schema_name: str, instance: Any) -> list[str]:
    """Every violation of components/schemas/<schema_name>, as 'path: message' lines."""
    root = {**_spec(spec_path), "$ref": f"#/components/schemas/{schema_name}"}
    validator = _Validator(root)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)]
