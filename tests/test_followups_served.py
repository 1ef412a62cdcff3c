"""Follow-ups served for real: the Procfile's gunicorn with two workers sharing the store, and two replicas sharing
Redis, each answering a follow-up about the monster the chat named in a message another process may have read."""

from __future__ import annotations

import json
import uuid
from typing import Any, Iterator

from monsterbot_devtools.line_standin import LineStandIn, reply_token
from monsterbot_devtools.webprocess import WebProcess, post
from tests.conftest import need_redis, wait_for

#: A name, then a follow-up about it, in each language; what the follow-up's answer must name.
CONVERSATIONS = [
    ("火龍", "尾巴呢", ["火龍", "尾巴"]),
    ("rathalos", "what about ice", ["Rathalos", "Ice"]),
    ("リオレウス", "ライズだと？", ["リオレウス"]),
    ("火龙", "那冰属性呢", ["火龙", "冰"]),
    ("雌火龍", "跟火龍比呢", ["雌火龍", "火龍"]),
]


def _body(text: str, user: str) -> bytes:
    """A webhook body with one text message from `user`, with a fresh event id."""
    n = uuid.uuid4().int % 10**12
    event = {
        "type": "message",
        "mode": "active",
        "timestamp": 1732500000000 + n % 10**6,
        "source": {"type": "user", "userId": user},
        "webhookEventId": f"01FOLLOW{uuid.uuid4().hex[:18].upper()}",
        "deliveryContext": {"isRedelivery": False},
        "replyToken": reply_token(f"token-{uuid.uuid4().hex}"),
        "message": {"type": "text", "id": str(n), "quoteToken": "q", "text": text},
    }
    return json.dumps({"destination": "U0", "events": [event]}, ensure_ascii=False).encode()


def _ask(url: str, stub: LineStandIn, text: str, user: str) -> dict[str, Any]:
    """Post a text to a web process and wait for its one reply."""
    before = len(stub.replies())
    assert post(url, _body(text, user))[0] == 200
    wait_for(lambda: len(stub.replies()) > before, timeout=20)
    [message] = stub.replies()[-1].body["messages"]
    return message


def _converse(first: str, second: str, stub: LineStandIn) -> Iterator[tuple[str, dict[str, Any], list[str]]]:
    """Each conversation in its own chat: the name posted to `first`, the follow-up to `second`."""
    for name, follow_up, expected in CONVERSATIONS:
        user = f"U{uuid.uuid4().hex}"
        card = _ask(first, stub, name, user)
        assert card["type"] == "flex", name
        yield follow_up, _ask(second, stub, follow_up, user), expected


def test_two_workers_answer_follow_ups_through_the_store(line_stub):
    web = WebProcess.start(line_stub.url, workers=2, extra_env={"MONSTERBOT_RELOAD_INTERVAL": "0"})
    try:
        for follow_up, answer, expected in _converse(web.url, web.url, line_stub):
            assert answer["type"] == "flex" and all(word in answer["altText"] for word in expected), follow_up
    finally:
        assert web.stop() == 0


def test_two_replicas_share_follow_ups_through_redis(line_stub):
    env = {"REDIS_URL": need_redis(), "MONSTERBOT_RELOAD_INTERVAL": "0"}
    one = WebProcess.start(line_stub.url, workers=1, extra_env=env)
    try:
        two = WebProcess.start(line_stub.url, workers=1, extra_env=env)
        try:
            for follow_up, answer, expected in _converse(one.url, two.url, line_stub):
                assert answer["type"] == "flex" and all(word in answer["altText"] for word in expected), follow_up
        finally:
            assert two.stop() == 0
    finally:
        assert one.stop() == 0
