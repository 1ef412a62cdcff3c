"""Messages that are serialised once: the SDK turns a Flex card into JSON on every send (about 1 ms for a
card, most of a request's cost), so a card that is answered again and again keeps its JSON form.

The SDK's `to_dict` serialises each level again for every level above it (quadratic in the depth of a
Flex card); pydantic's own `dict(by_alias=True, exclude_none=True)` gives the same JSON in one pass
(tests/test_line_rules.py checks that they agree on every reply).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, TypeVar

from linebot.v3.messaging import Message
from pydantic.v1 import BaseModel, PrivateAttr

M = TypeVar("M", bound=Message)


@lru_cache(maxsize=None)
def _frozen_type(cls: type) -> type:
    def to_dict(self: Any) -> dict[str, Any]:
        return self._wire

    return type(f"Frozen{cls.__name__}", (cls,), {
        "__annotations__": {"_wire": dict}, "_wire": PrivateAttr(default=None), "to_dict": to_dict,
        "__module__": __name__,
    })


def wire(model: BaseModel) -> dict[str, Any]:
    """The JSON object of a message or a Flex part, as the SDK's `to_dict` gives it, in one pass."""
    frozen: dict[str, Any] | None = getattr(model, "_wire", None)
    return frozen if frozen is not None else model.dict(by_alias=True, exclude_none=True)


def freeze(message: M, json: dict[str, Any] | None = None) -> M:
    """The same message, whose `to_dict` (what the SDK serialises) is computed now, once (or is `wire`,
    the message's `wire` already at hand); freezing a frozen message costs nothing."""
    if getattr(message, "_wire", None) is not None:
        return message
    frozen = _frozen_type(type(message)).construct(**{name: getattr(message, name) for name in message.__fields__})
    frozen._wire = json if json is not None else wire(message)
    return frozen
