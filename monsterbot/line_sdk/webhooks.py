"""The webhook's event models, from line-bot-sdk's models package alone (see `line_sdk`)."""

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
]
