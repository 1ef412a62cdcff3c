"""Parse a LINE webhook body into line-bot-sdk event models, as LINE sends them.

The SDK's own parser turns a malformed known event into an "unknown" one and can raise
KeyError or TypeError on odd bodies; the webhook needs one clear answer instead: the events
to answer, or InvalidPayload (HTTP 400). LINE adds event, message and source types and enum
values over time (the list at https://developers.line.biz/en/reference/messaging-api/#webhook-event-objects
keeps growing, ahead of any installed SDK): an event holding one is skipped and counted, and the
other events of the batch are answered. An event that breaks LINE's shape in any other way (a missing id, a timestamp
that is not a number) makes the body invalid.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Sequence

from monsterbot.line_sdk.webhooks import Event, TextMessageContent, ValidationError


class InvalidPayload(ValueError):
    """The body is not a LINE webhook payload."""


@dataclass(frozen=True)
class Batch:
    """The events of a webhook body this SDK can read, and why the others were skipped."""

    events: list[Event] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "unknown_type" or "unknown_value", one per event


def parse_events(body: bytes | str) -> Batch:
    """The events of a webhook body, in order; events of types or values this SDK does not know are skipped."""
    try:  # LINE sends UTF-8; json.loads alone would let encoded surrogates (b"\xed\xa0\x80") through
        payload: Any = json.loads(body.decode("utf-8") if isinstance(body, bytes) else body)
    except (ValueError, RecursionError) as exc:  # ValueError includes bytes that are not UTF-8
        raise InvalidPayload(f"body is not UTF-8 JSON: {type(exc).__name__}") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("events"), list):
        raise InvalidPayload("body must be an object with an 'events' list")
    destination = payload.get("destination")
    if destination is not None and not isinstance(destination, str):
        raise InvalidPayload("'destination' must be a string")
    batch = Batch()
    for index, raw in enumerate(payload["events"]):
        if not isinstance(raw, dict) or not isinstance(raw.get("type"), str):
            raise InvalidPayload(f"events[{index}] must be an object with a string 'type'")
        if Event.get_discriminator_value(raw) is None:
            batch.skipped.append("unknown_type")
            continue
        try:
            batch.events.append(Event.from_dict(raw))
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            unknown = _unknown(exc)
            if unknown is None:
                raise InvalidPayload(
                    f"events[{index}] is not a valid {raw['type']} event: {_first_line(exc)}"
                ) from None
            batch.skipped.append(unknown)
    return batch


def _unknown(exc: Exception) -> str | None:
    """ "unknown_type" or "unknown_value" when the event is valid but newer than this SDK, else None."""
    if isinstance(exc, ValidationError):
        errors = exc.errors()
        enum = all(e["type"] == "type_error.enum" or "must be one of enum values" in e["msg"] for e in errors)
        return "unknown_value" if errors and enum else None
    if isinstance(exc, ValueError) and "failed to lookup discriminator value" in str(exc):
        return "unknown_type"  # a message, source, mentionee … type the SDK has no model for
    return None


@dataclass(frozen=True)
class Said:
    """A text message read once: what it says to the bot, whether it mentioned the bot, and what the query log may
    keep of it."""

    text: str  # the bot's mentions cut out: what is answered
    mentioned: bool
    kept: str  # every mention cut out (the bot's, a member's, @All): no one's display name


def read_text(message: TextMessageContent) -> Said:
    """The message with its mentions cut out, from one walk of its UTF-16 code units.

    LINE gives a mention's `index` and `length` in UTF-16 code units (https://developers.line.biz/en/
    reference/messaging-api/#wh-text: "index: Index position of the user mention for a character in text,
    with the first character being at position 0"; characters are counted in UTF-16 code units, https://
    developers.line.biz/en/docs/messaging-api/text-character-count/). Mentions that are empty, negative,
    out of range or overlap an earlier one are ignored; the work is a walk of the text and a sort of the mentionees
    (as many as the body limit lets one body hold: every one is looked at). Broken Unicode (a lone surrogate)
    becomes U+FFFD, so the text can always be answered."""
    mentionees = message.mention.mentionees if message.mention else []
    own = [m for m in mentionees if getattr(m, "is_self", False)]
    units = message.text.encode("utf-16-le", "surrogatepass")
    text, mentioned = _cut(units, own)
    kept = _cut(units, mentionees)[0] if len(own) < len(mentionees) else text
    return Said(text, mentioned, kept)


def _cut(units: bytes, mentionees: Sequence[Any]) -> tuple[str, bool]:
    """The text (as UTF-16-LE code units) without the valid, non-overlapping spans of these mentionees, and whether
    any was cut."""
    size = len(units) // 2
    spans = sorted(
        (m.index, m.index + m.length)
        for m in mentionees
        if 0 <= m.index and 0 < m.length and m.index + m.length <= size
    )
    pieces, end = [], 0
    for start, stop in spans:
        if start >= end:  # an overlapping mention is ignored (LINE sends none): it eats none of the question
            pieces.append(units[2 * end : 2 * start])
            end = stop
    pieces.append(units[2 * end :])
    return b"".join(pieces).decode("utf-16-le", "replace"), bool(pieces[:-1])


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
