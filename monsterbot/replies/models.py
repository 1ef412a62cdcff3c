"""LINE's message objects as the replies build them: line-bot-sdk's messaging models (v3), field for field.

Each class has the SDK model's name, fields (snake_case, in the SDK's order) and defaults, and `to_dict` makes the
JSON object the SDK's `dict(by_alias=True, exclude_none=True)` makes (camelCase keys in that order, no nulls).
Importing the SDK's messaging package builds every API class and model it has (about half a second, most of a cold
start's imports); these classes cost nothing to import. What the SDK would check as it builds a model is checked by
the tests instead: tests/test_models.py holds every class to its SDK model (fields, aliases, order) and every kind of
reply to what the SDK reads back from it, tests/test_wire.py the bytes sent to what the SDK sends.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Optional, Sequence


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


_KEYS: dict[type, tuple[tuple[str, str], ...]] = {}


def _keys(cls: type) -> tuple[tuple[str, str], ...]:
    """(attribute, JSON key) of each field of a model class, in order."""
    keys = _KEYS.get(cls)
    if keys is None:
        keys = _KEYS[cls] = tuple((f.name, _camel(f.name)) for f in fields(cls))
    return keys


def _data(value: Any) -> Any:
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, (list, tuple)):  # a JSON array, as pydantic makes of either
        return [_data(v) for v in value]
    return value


@dataclass(kw_only=True)
class Model:
    """A message object: `to_dict` is its JSON object (the SDK's method of that name)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object LINE receives (the SDK's `dict(by_alias=True, exclude_none=True)`)."""
        return {key: _data(value) for name, key in _keys(type(self)) if (value := getattr(self, name)) is not None}


@dataclass(kw_only=True)
class Message(Model):
    """A message of a reply (TextMessage, FlexMessage)."""


@dataclass(kw_only=True)
class FlexComponent(Model):
    """A part of a Flex container (FlexBox, FlexText, FlexSeparator)."""


@dataclass(kw_only=True)
class FlexContainer(Model):
    """A Flex message's contents (FlexBubble, FlexCarousel)."""


@dataclass(kw_only=True)
class Action(Model):
    """What a button does (PostbackAction, MessageAction)."""


@dataclass(kw_only=True)
class MessageAction(Action):
    type: str = field(default="message", init=False)
    label: Optional[str] = None
    text: Optional[str] = None


@dataclass(kw_only=True)
class PostbackAction(Action):
    type: str = field(default="postback", init=False)
    label: Optional[str] = None
    data: Optional[str] = None
    display_text: Optional[str] = None
    text: Optional[str] = None
    input_option: Optional[str] = None
    fill_in_text: Optional[str] = None


@dataclass(kw_only=True)
class QuickReplyItem(Model):
    image_url: Optional[str] = None
    action: Optional[Action] = None
    type: str = field(default="action", init=False)


@dataclass(kw_only=True)
class QuickReply(Model):
    items: Optional[Sequence[QuickReplyItem]] = None


@dataclass(kw_only=True)
class TextMessage(Message):
    type: str = field(default="text", init=False)
    quick_reply: Optional[QuickReply] = None
    sender: Optional[dict[str, str]] = None
    text: str
    emojis: Optional[Sequence[dict[str, Any]]] = None
    quote_token: Optional[str] = None


@dataclass(kw_only=True)
class FlexText(FlexComponent):
    type: str = field(default="text", init=False)
    flex: Optional[int] = None
    text: Optional[str] = None
    size: Optional[str] = None
    align: Optional[str] = None
    gravity: Optional[str] = None
    color: Optional[str] = None
    weight: Optional[str] = None
    style: Optional[str] = None
    decoration: Optional[str] = None
    wrap: Optional[bool] = None
    line_spacing: Optional[str] = None
    margin: Optional[str] = None
    position: Optional[str] = None
    offset_top: Optional[str] = None
    offset_bottom: Optional[str] = None
    offset_start: Optional[str] = None
    offset_end: Optional[str] = None
    action: Optional[Action] = None
    max_lines: Optional[int] = None
    contents: Optional[Sequence[dict[str, Any]]] = None
    adjust_mode: Optional[str] = None
    scaling: Optional[bool] = None


@dataclass(kw_only=True)
class FlexSeparator(FlexComponent):
    type: str = field(default="separator", init=False)
    margin: Optional[str] = None
    color: Optional[str] = None


@dataclass(kw_only=True)
class FlexBox(FlexComponent):
    type: str = field(default="box", init=False)
    layout: str
    flex: Optional[int] = None
    contents: Sequence[FlexComponent]
    spacing: Optional[str] = None
    margin: Optional[str] = None
    position: Optional[str] = None
    offset_top: Optional[str] = None
    offset_bottom: Optional[str] = None
    offset_start: Optional[str] = None
    offset_end: Optional[str] = None
    background_color: Optional[str] = None
    border_color: Optional[str] = None
    border_width: Optional[str] = None
    corner_radius: Optional[str] = None
    width: Optional[str] = None
    max_width: Optional[str] = None
    height: Optional[str] = None
    max_height: Optional[str] = None
    padding_all: Optional[str] = None
    padding_top: Optional[str] = None
    padding_bottom: Optional[str] = None
    padding_start: Optional[str] = None
    padding_end: Optional[str] = None
    action: Optional[Action] = None
    justify_content: Optional[str] = None
    align_items: Optional[str] = None
    background: Optional[dict[str, Any]] = None


@dataclass(kw_only=True)
class FlexBubble(FlexContainer):
    type: str = field(default="bubble", init=False)
    direction: Optional[str] = None
    styles: Optional[dict[str, Any]] = None
    header: Optional[FlexBox] = None
    hero: Optional[FlexComponent] = None
    body: Optional[FlexBox] = None
    footer: Optional[FlexBox] = None
    size: Optional[str] = None
    action: Optional[Action] = None


@dataclass(kw_only=True)
class FlexCarousel(FlexContainer):
    type: str = field(default="carousel", init=False)
    contents: Sequence[FlexBubble]


@dataclass(kw_only=True)
class FlexMessage(Message):
    type: str = field(default="flex", init=False)
    quick_reply: Optional[QuickReply] = None
    sender: Optional[dict[str, str]] = None
    alt_text: str
    contents: FlexContainer
