"""The reply models (monsterbot/replies/models.py) are line-bot-sdk's messaging models, field for field: the same
names, JSON keys, order and message types, so that what they make is what the SDK would make."""

from __future__ import annotations

import dataclasses

import linebot.v3.messaging as sdk
import pytest

from monsterbot.replies import models
from monsterbot.replies.models import (
    FlexBox,
    FlexBubble,
    FlexMessage,
    FlexText,
    Model,
    PostbackAction,
    QuickReply,
    QuickReplyItem,
    TextMessage,
)

MIRRORED = [name for name in dir(models) if isinstance(getattr(models, name), type)
            and issubclass(getattr(models, name), Model) and hasattr(sdk, name)
            and dataclasses.fields(getattr(models, name))]


def test_every_concrete_reply_model_is_mirrored():
    assert len(MIRRORED) == 11, MIRRORED


@pytest.mark.parametrize("name", MIRRORED)
def test_a_model_has_its_sdk_models_fields_keys_and_order(name):
    ours, theirs = getattr(models, name), getattr(sdk, name)
    mine = [(f.name, models._camel(f.name)) for f in dataclasses.fields(ours)]
    assert mine == [(f.name, f.alias) for f in theirs.__fields__.values()]
    for f in dataclasses.fields(ours):  # the same fields required, the same fixed types
        sdk_field = theirs.__fields__[f.name]
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        assert required == bool(sdk_field.required), f.name
        if not f.init:
            assert f.default == sdk_field.default, f.name


def test_a_reply_is_the_data_and_the_bytes_the_sdk_makes():
    def build(m):
        return m.FlexMessage(alt_text="alt", quick_reply=m.QuickReply(items=[m.QuickReplyItem(
            action=m.PostbackAction(label="b", data="x=1", display_text="b"))]), contents=m.FlexBubble(
            size="kilo", body=m.FlexBox(layout="vertical", padding_all="8px", contents=[
                m.FlexText(text="t", wrap=True, max_lines=2)])))

    ours, theirs = build(models).to_dict(), build(sdk).dict(by_alias=True, exclude_none=True)
    assert ours == theirs and list(ours) == list(theirs)
    assert list(ours["contents"]["body"]) == list(theirs["contents"]["body"])


def test_a_model_refuses_a_field_its_sdk_model_lacks():
    with pytest.raises(TypeError):
        FlexText(text="t", colour="#000")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        FlexBox(layout="vertical")  # type: ignore[call-arg] - contents are required, as in the SDK
    assert TextMessage(text="hi").to_dict() == {"type": "text", "text": "hi"}
    assert QuickReplyItem(action=PostbackAction(data="d")).to_dict() == {"action": {"type": "postback", "data": "d"},
                                                                         "type": "action"}
    assert FlexMessage(alt_text="a", contents=FlexBubble(), quick_reply=QuickReply(items=[])).to_dict()["quickReply"] == {
        "items": []}
