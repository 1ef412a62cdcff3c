"""The Messaging API's models replies are built with, each from its own module of line-bot-sdk (see `line_sdk`), their
base (pydantic.v1's), and the SDK's version, which its client names in its User-Agent."""

from linebot.__about__ import __version__ as sdk_version
from linebot.v3.messaging.models.flex_box import FlexBox
from linebot.v3.messaging.models.flex_bubble import FlexBubble
from linebot.v3.messaging.models.flex_carousel import FlexCarousel
from linebot.v3.messaging.models.flex_component import FlexComponent
from linebot.v3.messaging.models.flex_message import FlexMessage
from linebot.v3.messaging.models.flex_separator import FlexSeparator
from linebot.v3.messaging.models.flex_text import FlexText
from linebot.v3.messaging.models.message import Message
from linebot.v3.messaging.models.message_action import MessageAction
from linebot.v3.messaging.models.postback_action import PostbackAction
from linebot.v3.messaging.models.quick_reply import QuickReply
from linebot.v3.messaging.models.quick_reply_item import QuickReplyItem
from linebot.v3.messaging.models.text_message import TextMessage
from pydantic.v1 import BaseModel

__all__ = [
    "BaseModel",
    "sdk_version",
    "FlexBox",
    "FlexBubble",
    "FlexCarousel",
    "FlexComponent",
    "FlexMessage",
    "FlexSeparator",
    "FlexText",
    "Message",
    "MessageAction",
    "PostbackAction",
    "QuickReply",
    "QuickReplyItem",
    "TextMessage",
]
