"""Replies in the form the Messaging API receives: plain data, and that data encoded once.

Replies are built with line-bot-sdk's typed models (checked as they are built) and turned into data once; a card
answered again and again is kept in that form for the knowledge version, so no request serialises it again.
The SDK's own `to_dict` serialises each level again for every level above it (quadratic in the depth of a Flex
card); pydantic's `dict(by_alias=True, exclude_none=True)` makes the same data in one pass (tests/test_wire.py
proves the bytes sent identical, tests/test_line_rules.py the data equal on a sample of every reply).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from monsterbot.line_sdk.messaging import BaseModel, Message


@dataclass(frozen=True)
class Wire:
    """A message as sent: its JSON object (camelCase keys, no nulls) and that object encoded as the SDK encodes it."""

    data: Mapping[str, Any]
    encoded: bytes


def to_data(model: BaseModel) -> dict[str, Any]:
    """A message, or a Flex part of one, as the JSON object line-bot-sdk makes of it."""
    return model.dict(by_alias=True, exclude_none=True)


def to_wire(message: Message) -> Wire:
    """A message as line-bot-sdk would send it (tests/test_wire.py proves the bytes identical)."""
    data = to_data(message)
    return Wire(data, json.dumps(data).encode())


#: The words of a text message kept before it has them (JSON's "\u0000": in nothing a reply says).
BLANK = "\x00"


def with_text(blank: Wire, text: str) -> Wire:
    """A text message encoded once with BLANK for its words (its buttons: what repeats), given its words: the data
    and the bytes `to_wire` makes of the same message with this text (tests/test_wire.py)."""
    head, tail = blank.encoded.split(json.dumps(BLANK).encode())  # exactly one BLANK, or this fails
    return Wire({**blank.data, "text": text}, head + json.dumps(text).encode() + tail)


def reply_body(reply_token: str, messages: Sequence[Wire]) -> bytes:
    """The body of a reply request, byte for byte what `MessagingApi.reply_message` sends for these messages."""
    return (
        b'{"replyToken": '
        + json.dumps(reply_token).encode()
        + b', "messages": ['
        + b", ".join(m.encoded for m in messages)
        + b'], "notificationDisabled": false}'
    )
