"""Bad input at every door: the webhook never answers 5xx, the normaliser and matcher never raise or run away."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monsterbot.core.matching.normalize import normalize
from monsterbot.core.matching.question import parse
from tests.conftest import LINEAR_GROWTH, base_event, cpu_growth, payload, text_event

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=30,
)
FIELDS = [
    "type",
    "mode",
    "timestamp",
    "source",
    "webhookEventId",
    "deliveryContext",
    "replyToken",
    "message",
    "postback",
    "follow",
    "text",
    "mention",
    "userId",
    "groupId",
]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _status(webhook, body: bytes, signed: bool = True) -> int:
    return webhook(None, raw=body, signature="sign" if signed else None).status_code


@FUZZ
@given(value=json_values, signed=st.booleans())
def test_any_json_body_is_never_a_5xx(webhook, value, signed):
    status = _status(webhook, json.dumps(value).encode(), signed)
    assert status in ((200, 400) if signed else (400,))


@FUZZ
@given(field=st.sampled_from(FIELDS), value=json_values, where=st.sampled_from(["event", "message"]))
def test_a_valid_event_with_one_field_wrong_is_never_a_5xx(webhook, field, value, where):
    event = text_event("火龍")
    (event if where == "event" else event["message"])[field] = value
    assert _status(webhook, json.dumps(payload(event)).encode()) in (200, 400)


@FUZZ
@given(text=st.text(max_size=300))
def test_any_text_message_is_answered(webhook, text):
    assert _status(webhook, json.dumps(payload(text_event(text))).encode()) == 200


@FUZZ
@given(raw=st.binary(max_size=300))
def test_any_bytes_are_never_a_5xx(webhook, raw):
    assert _status(webhook, raw) in (200, 400)


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000 + b"]" * 100_000,  # deep nesting
        b'{"events": [' + b'{"a":' * 50_000 + b"1" + b"}" * 50_000 + b"]}",
        b'{"events": "' + b"x" * 500_000 + b'"}',
        '{"events": [], "destination": "\ud800"}'.encode("utf-8", "surrogatepass"),
        b"\xff\xfe\x00{",
        json.dumps(
            payload(
                dict(
                    base_event("message"),
                    replyToken="r",
                    message={"type": "text", "id": "1", "quoteToken": "q", "text": None},
                )
            )
        ).encode(),
    ],
)
def test_pathological_bodies_are_4xx(webhook, body):
    assert 400 <= _status(webhook, body) < 500
    assert 400 <= _status(webhook, body, signed=False) < 500


def test_huge_body_is_413(webhook):
    assert _status(webhook, b'{"events": []}' + b" " * 2_000_000) == 413


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200))
def test_normaliser_and_parser_never_raise_and_are_deterministic(text):
    assert normalize(text) == normalize(text)
    assert parse(text) == parse(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=100))
def test_matcher_never_raises_and_is_deterministic(knowledge, text):
    question = parse(text)
    matcher = knowledge.current.matcher
    assert matcher.match_question(question) == matcher.match_question(question)


@pytest.mark.parametrize("unit", ["火", "rathalos ", "🔥", "a", "ア", "火龍 vs ", "哪些魔物怕火"])
def test_ten_thousand_characters_take_bounded_time(knowledge, unit):
    """Reading and matching a message of 10,000 characters takes at most 16 times the CPU of one of 625 (linear), with
    twice that room for a busy machine's caches: neither grows with the square of the length."""

    def read(length: int) -> None:
        text = unit * (length // len(unit))
        knowledge.current.matcher.match_question(parse(text))

    growth = cpu_growth(read, 625)
    assert growth < LINEAR_GROWTH, growth
