"""Replies in the form the Messaging API receives: plain JSON-ready data.

Replies are built with line-bot-sdk's typed models (checked as they are built) and turned into data once; a card
answered again and again is kept in that form for the knowledge version, so no request serialises it again.
"""

from __future__ import annotations

from typing import Any

from linebot.v3.messaging import Message

#: A message as sent: the JSON object of the Messaging API's message (camelCase keys, no nulls).
Wire = dict[str, Any]


def to_wire(message: Message) -> Wire:
    """A message as line-bot-sdk would send it (tests/test_contract.py proves the bytes identical)."""
    return message.to_dict()
