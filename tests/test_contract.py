"""What we send validates against LINE's Messaging API spec; what tests send us, against the webhook spec."""

from __future__ import annotations

import pytest

from tests.conftest import follow_event, need_shared, payload, postback_event, text_event
from tests.openapi_contract import errors


@pytest.fixture(scope="module")
def messaging_spec():
    return need_shared("line-openapi", "messaging-api.yml")


@pytest.fixture(scope="module")
def webhook_spec():
    return need_shared("line-openapi", "webhook.yml")


QUERIES = [
    "火龍",
    "rath",
    "火",
    "dragonfly",
    "magnamalo",
    "wilds 火龍",
    "help",
    "rathalos weakness?",
    "barroth",
    "冰呪龍",
    "fatalis",
    "kulve",
]


@pytest.mark.parametrize("query", QUERIES)
def test_replies_validate_against_messaging_api_spec(webhook, line_stub, messaging_spec, query):
    webhook(payload(text_event(query)))
    [call] = line_stub.replies()
    assert errors(messaging_spec, "ReplyMessageRequest", call.body) == []


def test_every_roster_card_validates(knowledge, messaging_spec):
    from linebot.v3.messaging import ReplyMessageRequest

    from monsterbot.replies.card import weakness_card

    for monster in knowledge.current.monsters.values():
        for language in ("en", "ja", "zh-TW", "zh-CN"):
            request = ReplyMessageRequest(reply_token="t", messages=[weakness_card(monster, language, None)])
            assert errors(messaging_spec, "ReplyMessageRequest", request.to_dict()) == [], monster.id


def test_paged_and_condensed_tables_and_the_join_greeting_validate(knowledge, messaging_spec):
    """The shapes issue 12 added (a carousel of table pages, a line-per-part table, quick replies to try)."""
    from dataclasses import replace

    from monsterbot.conversation import Conversation
    from monsterbot.core.model import Monster
    from monsterbot.replies import tables
    from monsterbot.replies.wire import to_data

    monsters = knowledge.current.monsters.values()
    longest = max(monsters, key=lambda m: max((len(f.hitzones) for f in m.games.values()), default=0))
    facts = max(longest.games.values(), key=lambda f: len(f.hitzones))
    grown = Monster(longest.id, longest.names, games={facts.game: replace(facts, hitzones=facts.hitzones * 3)})
    sent = [
        to_data(tables.hitzone_table(longest, "ja", facts.game)),
        to_data(tables.hitzone_table(grown, "en", facts.game)),
        *(m.data for m in Conversation(knowledge).welcome_group().messages),
    ]
    assert errors(messaging_spec, "ReplyMessageRequest", {"replyToken": "t", "messages": sent}) == []


def test_the_contract_check_catches_a_bad_message(messaging_spec):
    bad = {
        "replyToken": "t",
        "messages": [
            {
                "type": "flex",
                "altText": "x",
                "contents": {"type": "bubble", "body": {"type": "box", "layout": "diagonal", "contents": []}},
            }
        ],
    }
    assert any("diagonal" in e for e in errors(messaging_spec, "ReplyMessageRequest", bad))
    assert errors(messaging_spec, "ReplyMessageRequest", {"replyToken": "t", "messages": [{"type": "text"}]})


@pytest.mark.parametrize(
    "body",
    [
        payload(text_event("火龍")),
        payload(text_event("rath", "group", mention_self=True)),
        payload(text_event("x", "room")),
        payload(postback_event("monster=rathalos&lang=en")),
        payload(follow_event()),
        payload(),
    ],
)
def test_test_payloads_validate_against_webhook_spec(webhook_spec, body):
    assert errors(webhook_spec, "CallbackRequest", body) == []


def test_the_webhook_check_catches_a_bad_event(webhook_spec):
    event = text_event("火龍")
    event["mode"] = "sleepy"
    assert errors(webhook_spec, "CallbackRequest", payload(event))
