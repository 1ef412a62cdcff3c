"""Messages that are serialised once: the SDK turns a Flex card into JSON on every send (about 1 ms for a
card, most of a request's cost), so a card that is answered again and again keeps its JSON form.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, TypeVar

from linebot.v3.messaging import Message
from pydantic.v1 import PrivateAttr

M = TypeVar("M", bound=Message)


@lru_cache(maxsize=None)
def _frozen_type(cls: type) -> type:
    def to_dict(self: Any) -> dict[str, Any]:
        return self._wire

    return type(f"Frozen{cls.__name__}", (cls,), {
        "__annotations__": {"_wire": dict}, "_wire": PrivateAttr(default=None), "to_dict": to_dict,
        "__module__": __name__,
    })


def freeze(message: M) -> M:
    """The same message, whose `to_dict` (what the SDK serialises) is computed now, once."""
    frozen = _frozen_type(type(message)).construct(**{name: getattr(message, name) for name in message.__fields__})
    frozen._wire = message.to_dict()
    return frozen
