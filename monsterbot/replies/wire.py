"""Replies in the form the Messaging API receives: plain data, and that data encoded once.

Replies are built with line-bot-sdk's models, mirrored in `replies/models.py`, and turned into data once; a card
answered again and again is kept in that form for the knowledge version, so no request serialises it again
(tests/test_wire.py proves the bytes sent identical to the SDK's, tests/test_line_rules.py the data equal on a sample
of every reply).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from monsterbot.replies.models import Message, Model


@dataclass(frozen=True)
class Wire:
    """A message as sent: its JSON object (camelCase keys, no nulls) and that object encoded as the SDK encodes it."""

    data: Mapping[str, Any]
    encoded: bytes


def to_data(model: Model) -> dict[str, Any]:
    """A message, or a Flex part of one, as the JSON object line-bot-sdk makes of it."""
    return model.to_dict()


def to_wire(message: Message) -> Wire:
    """A message as line-bot-sdk would send it (tests/test_wire.py proves the bytes identical)."""
    data = to_data(message)
    return Wire(data, json.dumps(data).encode())


def reply_body(reply_token: str, messages: Sequence[Wire]) -> bytes:
    """The body of a reply request, byte for byte what `MessagingApi.reply_message` sends for these messages."""
    return (b'{"replyToken": ' + json.dumps(reply_token).encode() + b', "messages": ['
            + b", ".join(m.encoded for m in messages) + b'], "notificationDisabled": false}')
