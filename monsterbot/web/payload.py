"""Parse a LINE webhook body into line-bot-sdk event models, rejecting anything malformed.

The SDK's own parser turns a malformed known event into an "unknown" one and can raise
KeyError or TypeError on odd bodies; the webhook needs one clear answer instead:
a valid payload, or InvalidPayload (HTTP 400). Unknown event types are kept out, not errors.
"""

from __future__ import annotations

import json
from typing import Any

from linebot.v3.webhooks import Event


class InvalidPayload(ValueError):
    """The body is not a LINE webhook payload."""


def parse_events(body: str) -> list[Event]:
    """The known events of a webhook body, in order; unknown event types are skipped."""
    try:
        payload: Any = json.loads(body)
    except (ValueError, RecursionError) as exc:  # RecursionError: absurdly deep nesting
        raise InvalidPayload(f"body is not JSON: {type(exc).__name__}") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("events"), list):
        raise InvalidPayload("body must be an object with an 'events' list")
    destination = payload.get("destination")
    if destination is not None and not isinstance(destination, str):
        raise InvalidPayload("'destination' must be a string")
    events = []
    for index, raw in enumerate(payload["events"]):
        if not isinstance(raw, dict) or not isinstance(raw.get("type"), str):
            raise InvalidPayload(f"events[{index}] must be an object with a string 'type'")
        if Event.get_discriminator_value(raw) is None:
            continue  # a type this SDK does not know yet: ignored, as LINE recommends
        try:
            events.append(Event.from_dict(raw))
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            raise InvalidPayload(f"events[{index}] is not a valid {raw['type']} event: {_first_line(exc)}") from None
    return events


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
