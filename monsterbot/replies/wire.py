"""Replies in the form the Messaging API receives: plain data, and that data encoded once.

Replies are built with line-bot-sdk's typed models (checked as they are built) and turned into data once; a card
answered again and again is kept in that form for the knowledge version, so no request serialises it again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from linebot.v3.messaging import Message


@dataclass(frozen=True)
class Wire:
    """A message as sent: its JSON object (camelCase keys, no nulls) and that object encoded as the SDK encodes it."""

    data: Mapping[str, Any]
    encoded: bytes


def to_wire(message: Message) -> Wire:
    """A message as line-bot-sdk would send it (tests/test_wire.py proves the bytes identical)."""
    data = message.to_dict()
    return Wire(data, json.dumps(data).encode())


def reply_body(reply_token: str, messages: Sequence[Wire]) -> bytes:
    """The body of a reply request, byte for byte what `MessagingApi.reply_message` sends for these messages."""
    return (b'{"replyToken": ' + json.dumps(reply_token).encode() + b', "messages": ['
            + b", ".join(m.encoded for m in messages) + b'], "notificationDisabled": false}')
