"""The webhook's event models, from line-bot-sdk's models package alone (see `line_sdk`), and the error they raise on
a malformed event (pydantic.v1's)."""

from linebot.v3.webhooks.models import (
    Event,
    FollowEvent,
    GroupSource,
    JoinEvent,
    LeaveEvent,
    MemberJoinedEvent,
    MessageEvent,
    PostbackEvent,
    RoomSource,
    StickerMessageContent,
    TextMessageContent,
)
from pydantic.v1 import ValidationError

__all__ = [
    "Event",
    "FollowEvent",
    "GroupSource",
    "JoinEvent",
    "LeaveEvent",
    "MemberJoinedEvent",
    "MessageEvent",
    "PostbackEvent",
    "RoomSource",
    "StickerMessageContent",
    "TextMessageContent",
    "ValidationError",
]
