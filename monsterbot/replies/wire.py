"""Replies in the form the Messaging API receives: plain JSON-ready data.

Replies are built with line-bot-sdk's typed models (checked as they are built) and turned into data once; a card
answered again and again is kept in that form for the knowledge version, so no request serialises it again.
The SDK's own `to_dict` serialises each level again for every level above it (quadratic in the depth of a Flex
card); pydantic's `dict(by_alias=True, exclude_none=True)` gives the same data in one pass (tests/test_wire.py
proves the bytes sent identical, tests/test_line_rules.py the data equal on a sample of every reply).
"""

from __future__ import annotations

from typing import Any

from pydantic.v1 import BaseModel

#: A message as sent: the JSON object of the Messaging API's message (camelCase keys, no nulls).
Wire = dict[str, Any]


def to_wire(model: BaseModel) -> Wire:
    """A message (or a Flex part of one) as line-bot-sdk would send it."""
    return model.dict(by_alias=True, exclude_none=True)
