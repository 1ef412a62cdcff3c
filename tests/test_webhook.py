"""The webhook end to end: signed payloads in, replies read from the stand-in Messaging API."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from monsterbot.config import ConfigError, Settings
from monsterbot_devtools.line_standin import reply_token
from tests.conftest import (
    TOKEN,
    base_event,
    follow_event,
    message_texts,
    payload,
    post_signed,
    postback_event,
    replied_event,
    sign,
    source,
    text_event,
    wait_for,
)


@pytest.mark.parametrize(
    ("query", "name", "english"),
    [
        ("火龍", "火龍", "Rathalos"),
        ("火龙", "火龙", "Rathalos"),
        ("rathlos", "Rathalos", "Rathalos"),
        ("リオレウス", "リオレウス", "Rathalos"),
        ("雌火龍", "雌火龍", "Rathian"),
        ("rathalos weakness?", "Rathalos", "Rathalos"),
        ("火龍弱點", "火龍", "Rathalos"),
        ("請問轟龍弱什麼", "轟龍", "Tigrex"),
    ],
)
def test_text_is_answered_with_a_weakness_card(webhook, line_stub, query, name, english):
    event = text_event(query)
    response = webhook(payload(event))
    assert response.status_code == 200
    [call] = line_stub.replies()
    assert call.headers["authorization"] == f"Bearer {TOKEN}"
    assert call.body["replyToken"] == event["replyToken"]
    [message] = call.body["messages"]
    assert message["type"] == "flex"
    assert name in message["altText"] and english in message["altText"]
    texts = message_texts(message)
    assert texts[0] == name
    assert english in texts


def test_card_shows_element_stars_ailments_and_weak_parts(webhook, line_stub):
    webhook(payload(text_event("world rathalos")))
    [message] = line_stub.replies()[0].body["messages"]
    texts = message_texts(message)
    assert "🐉 Dragon" in texts and "★★★" in texts  # dragon is Rathalos' best element in World
    assert "Poison" in texts and "Stun" in texts  # each ailment beside its stars, never split across lines
    assert "Head" in texts and "65/70/60" in texts
    assert "Monster Hunter World: Iceborne" in texts
    assert "Dragon★★★" in message["altText"]


def test_ambiguous_query_gets_quick_reply_buttons(webhook, line_stub):
    webhook(payload(text_event("rath")))
    [message] = line_stub.replies()[0].body["messages"]
    assert message["type"] == "text"
    labels = [item["action"]["label"] for item in message["quickReply"]["items"]]
    assert {"Rathalos", "Rathian"} <= set(labels)
    assert all(item["action"]["type"] == "postback" for item in message["quickReply"]["items"])


def test_quick_reply_postback_is_answered(webhook, line_stub):
    webhook(payload(text_event("rath")))
    items = line_stub.replies()[0].body["messages"][0]["quickReply"]["items"]
    data = next(i["action"]["data"] for i in items if i["action"]["label"] == "Rathian")
    webhook(payload(postback_event(data)))
    [message] = line_stub.replies()[1].body["messages"]
    assert message["type"] == "flex" and "Rathian" in message["altText"]


def test_foreign_postback_is_ignored(webhook, line_stub):
    assert webhook(payload(postback_event("action=buy&item=1"))).status_code == 200
    assert line_stub.replies() == []


def test_miss_in_one_to_one_chat_says_not_found_with_suggestions(webhook, line_stub):
    webhook(payload(text_event("tigerx")))
    [message] = line_stub.replies()[0].body["messages"]
    assert "No monster called" in message["text"]
    assert "Did you mean: Tigrex?" in message["text"]
    webhook(payload(text_event("dragonfly")))  # nothing plausible (Garangolm is 56% alike): no random monsters
    [message] = line_stub.replies()[1].body["messages"]
    assert "Did you mean" not in message["text"] and message["quickReply"]["items"][0]["action"]["type"] == "message"


def test_miss_without_anything_near(webhook, line_stub):
    webhook(payload(text_event("今天吃火鍋")))
    [message] = line_stub.replies()[0].body["messages"]
    assert "找不到" in message["text"] and "火龍" not in message["text"]


@pytest.mark.parametrize("chat", ["group", "room"])
def test_group_chatter_gets_silence(webhook, line_stub, chat):
    # an element said in passing ("有雷": spoilers ahead) is no reverse lookup, two names in a remark no comparison
    for text in (
        "今天吃火鍋",
        "rath",
        "lag",
        "我今天打火龍打了一小時好累",
        "help",
        "lol",
        "有雷",
        "有毒",
        "是雷",
        "怕火",
        "毒は？",
        "雷が",
        "the fire",
        "昨天打火龍跟雌火龍好累",
        "rathalos and rathian are a couple",
    ):
        assert webhook(payload(text_event(text, chat))).status_code == 200
    assert line_stub.replies() == []


def test_a_short_english_word_with_a_question_mark_is_no_follow_up_in_a_group(webhook, line_stub):
    webhook(payload(text_event("rathalos", "group")))
    for text in ("ko?", "para?", "stun?"):  # "KO?" after a fight, "para?" for a paragraph: not the card again
        webhook(payload(text_event(text, "group")))
    assert len(line_stub.replies()) == 1


@pytest.mark.parametrize(
    "text",
    ["哪些魔物怕火", "怕火的魔物", "weak to fire", "火属性が弱点のモンスター", "火龍 vs 雌火龍", "rathalos vs rathian"],
)
def test_a_group_gets_an_answer_to_a_reverse_or_comparison_asked_outright(webhook, line_stub, text):
    webhook(payload(text_event(text, "group")))
    [message] = line_stub.replies()[0].body["messages"]
    assert message["type"] == "flex"


def test_one_to_one_chats_get_a_reverse_lookup_for_an_element_alone(webhook, line_stub):
    webhook(payload(text_event("怕火")))
    [message] = line_stub.replies()[0].body["messages"]
    assert message["type"] == "flex" and "火" in message["altText"]


@pytest.mark.parametrize("chat", ["group", "room"])
def test_group_gets_a_card_for_a_confident_match(webhook, line_stub, chat):
    webhook(payload(text_event("火龍弱點", chat)))
    [message] = line_stub.replies()[0].body["messages"]
    assert message["type"] == "flex" and "火龍" in message["altText"]


def test_group_mention_gets_a_full_answer(webhook, line_stub):
    webhook(payload(text_event("rath", "group", mention_self=True)))
    [message] = line_stub.replies()[0].body["messages"]
    assert "quickReply" in message


def test_follow_gets_a_greeting_with_usage(webhook, line_stub):
    webhook(payload(follow_event()))
    [message] = line_stub.replies()[0].body["messages"]
    assert "monsterbot" in message["text"] and "火龍弱點" in message["text"]


@pytest.mark.parametrize("word", ["help", "幫助", "說明", "?", "？"])
def test_help_words_get_usage(webhook, line_stub, word):
    webhook(payload(text_event(word)))
    [message] = line_stub.replies()[0].body["messages"]
    assert "Rathalos" in message["text"]


def test_verify_button_empty_events_is_ok(webhook, line_stub):
    assert webhook(payload()).status_code == 200
    assert line_stub.requests == []


def test_unhandled_event_types_are_ignored(webhook, line_stub):
    unfollow = {k: v for k, v in follow_event().items() if k not in ("replyToken", "follow")} | {"type": "unfollow"}
    future = {"type": "somethingNew", "timestamp": 1, "mode": "active"}
    sticker = text_event("x", "group")  # small talk in a group is not the bot's business
    sticker["message"] = {
        "type": "sticker",
        "id": "1",
        "quoteToken": "q",
        "packageId": "1",
        "stickerId": "1",
        "stickerResourceType": "STATIC",
    }
    assert webhook(payload(unfollow, future, sticker)).status_code == 200
    assert line_stub.replies() == []


def test_missing_signature_is_400(webhook, line_stub):
    assert webhook(payload(text_event("火龍")), signature=None).status_code == 400
    assert line_stub.requests == []


def test_wrong_signature_is_400(webhook, line_stub):
    body = json.dumps(payload(text_event("火龍"))).encode()
    assert webhook(None, signature=sign(body, "another-secret"), raw=body).status_code == 400
    assert webhook(None, signature="not base64 at all", raw=body).status_code == 400
    assert line_stub.requests == []


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"not json",
        b"[]",
        b'{"events": {}}',
        b'{"destination": 5, "events": []}',
        b'{"events": [1]}',
        b'{"events": [{"no": "type"}]}',
        b'{"events": [{"type": "message", "timestamp": "yesterday"}]}',
        b'{"events": [{"type": "message", "mode": "active", "timestamp": 1, "webhookEventId": "x", '
        b'"deliveryContext": {"isRedelivery": false}, "replyToken": "r", "message": {"type": "text"}}]}',
        "\udcff".encode("utf-8", "surrogatepass"),
    ],
)
def test_signed_malformed_body_is_400_never_500(webhook, line_stub, raw):
    assert webhook(None, raw=raw).status_code == 400
    assert line_stub.requests == []


def test_line_failure_does_not_fail_the_webhook(webhook, line_stub):
    line_stub.status = 500
    assert webhook(payload(text_event("火龍"))).status_code == 200
    assert len(line_stub.replies()) == 1  # sent once, not retried: a reply token is single-use


def test_health_and_readiness(webhook):
    client = webhook.client
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").get_json() == {"ready": True}  # the public port says only that
    ready = client.get("/readyz", base_url="http://localhost:8090")  # the internal port: the details
    assert ready.status_code == 200 and ready.get_json()["monsters"] >= 70


def test_missing_credentials_fail_at_start_up():
    with pytest.raises(ConfigError, match="LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN"):
        Settings.from_env({})
    with pytest.raises(ConfigError, match="LINE_CHANNEL_ACCESS_TOKEN"):
        Settings.from_env({"LINE_CHANNEL_SECRET": "s"})
    with pytest.raises(ConfigError, match="MONSTERBOT_DEFAULT_GAME"):
        Settings.from_env(
            {"LINE_CHANNEL_SECRET": "s", "LINE_CHANNEL_ACCESS_TOKEN": "t", "MONSTERBOT_DEFAULT_GAME": "x"}
        )


# --- LINE's events as LINE sends them (issue 12) ----------------------------------------------------


def _mentioned(text: str, *spans: tuple[int, int], chat: str = "group") -> dict:
    event = text_event(text, chat)
    event["message"]["mention"] = {
        "mentionees": [{"index": i, "length": n, "type": "user", "isSelf": True} for i, n in spans]
    }
    return event


def test_a_mention_after_emoji_is_cut_in_utf16_units(webhook, line_stub):
    # 🔥 is two UTF-16 code units: "@monsterbot" starts at 4, as LINE counts
    webhook(payload(_mentioned("🔥🔥@monsterbot rathalos", (4, 11))))
    [message] = line_stub.replies()[0].body["messages"]
    assert message["type"] == "flex" and "Rathalos" in message["altText"]


@pytest.mark.parametrize(
    "spans", [[(-5, 11)], [(0, -11)], [(0, 0)], [(3, 40_000)], [(0, 11), (5, 11)], [(0, -3)] * 500]
)
def test_invalid_mentions_are_ignored_with_bounded_work(spans):
    from linebot.v3.webhooks import TextMessageContent

    from monsterbot.web.payload import read_text

    text = "@monsterbot 火龍" + "x" * 3000
    event = _mentioned(text, *spans)
    message = TextMessageContent.from_dict(event["message"])
    said = read_text(message)
    assert len(said.text) <= len(text)  # never grows (a negative length used to double the text per mention)
    assert said.mentioned == (spans[0] == (0, 11))


@pytest.mark.parametrize(
    ("text", "spans", "left"),
    [
        ("@monsterbot 火龍 tail", [(0, 11), (5, 11)], " 火龍 tail"),  # overlapping the first: ignored, nothing eaten
        ("@monsterbot 火龍 tail", [(0, 11), (2, 3)], " 火龍 tail"),  # inside the first
        ("@monsterbot@monsterbot 火龍", [(0, 11), (11, 11)], " 火龍"),  # side by side: both cut
        ("火龍 @monsterbot and @monsterbot?", [(3, 11), (19, 11), (8, 13)], "火龍  and ?"),  # given out of order
    ],
)
def test_overlapping_mentions_cut_only_the_mentions(text, spans, left):
    from linebot.v3.webhooks import TextMessageContent

    from monsterbot.web.payload import read_text

    message = TextMessageContent.from_dict(_mentioned(text, *spans)["message"])
    said = read_text(message)
    assert (said.text, said.mentioned, said.kept) == (left, True, left)


def test_the_bot_mentioned_after_many_members_is_still_cut():
    """Every mentionee is looked at, however many a body holds: the bot's mention after 150 members' is cut from
    the answered text, as every mention is from the query log's."""
    from linebot.v3.webhooks import TextMessageContent

    from monsterbot.web.payload import read_text

    members = [{"index": 3 * i, "length": 2, "type": "user", "userId": f"U{i}"} for i in range(150)]
    event = text_event("@m " * 150 + "@monsterbot 火龍", "group")
    event["message"]["mention"] = {
        "mentionees": [*members, {"index": 450, "length": 11, "type": "user", "isSelf": True}]
    }
    said = read_text(TextMessageContent.from_dict(event["message"]))
    assert said.mentioned and said.text == "@m " * 150 + " 火龍"
    assert said.kept == " " * 150 + " 火龍"


def test_a_message_is_read_once_for_its_answer_and_the_query_log(line_stub, knowledge, monkeypatch):
    """One walk over a message's UTF-16 code units cuts the bot's mention for the answer and the query log alike
    (the log's cut is that one when the bot is the only one mentioned)."""
    from monsterbot.web import payload as payload_module
    from tests.conftest import app_for, runtime_for, settings_for

    class Log:
        def __init__(self) -> None:
            self.kept: list[str] = []

        def record(self, entry) -> None:
            self.kept.append(entry.query)

        def close(self) -> None:
            pass

    walks: list[tuple[Any, ...]] = []
    cut = payload_module._cut

    def counted(*args: Any) -> Any:
        walks.append(args)
        return cut(*args)

    monkeypatch.setattr(payload_module, "_cut", counted)
    log = Log()
    app = app_for(settings_for(line_stub), runtime_for(knowledge, query_log=log))
    assert post_signed(app, payload(_mentioned("@monsterbot rathalos", (0, 11)))).status_code == 200
    assert log.kept == [" rathalos"] and len(line_stub.replies()) == 1
    assert len(walks) == 1


def test_lone_surrogates_are_answered(webhook, line_stub):
    body = json.dumps(payload(text_event("火龍"))).replace("\\u706b\\u9f8d", "\\udcff\\u706b\\u9f8d\\ud83d").encode()
    assert webhook(None, raw=body).status_code == 200
    [message] = line_stub.replies()[0].body["messages"]
    assert message["type"] == "flex" and "Rathalos" in message["altText"]


def test_the_signature_is_checked_over_the_raw_bytes(webhook, line_stub):
    from prometheus_client import REGISTRY

    raw = b'{"destination": "U0", "events": [], "note": "\xff"}'  # not UTF-8
    over_text = sign(raw.decode("utf-8", "replace").encode())  # a signature of the text a decoder makes of it
    assert webhook(None, signature=over_text, raw=raw).status_code == 400
    before = REGISTRY.get_sample_value("monsterbot_webhook_requests_total", {"result": "invalid_payload"}) or 0
    assert (
        webhook(None, raw=raw).status_code == 400
    )  # signed over its bytes: a valid signature, a body that is not JSON
    assert REGISTRY.get_sample_value("monsterbot_webhook_requests_total", {"result": "invalid_payload"}) == before + 1


def test_a_chunked_body_over_the_limit_is_413(line_stub, knowledge):
    import io

    from tests.conftest import app_for, runtime_for, settings_for

    app = app_for(settings_for(line_stub, max_body_bytes=2_000), runtime_for(knowledge))
    client = app.test_client()

    def chunked(body: bytes) -> int:
        return client.post(
            "/callback",
            input_stream=io.BytesIO(body),
            headers={"X-Line-Signature": sign(body), "Transfer-Encoding": "chunked"},
            environ_overrides={"wsgi.input_terminated": True},
        ).status_code  # as gunicorn sets it

    small = json.dumps(payload(text_event("火龍"))).encode()
    big = json.dumps(payload(*[text_event("火龍") for _ in range(10)])).encode()
    assert len(small) < 2_000 < len(big)
    assert chunked(small) == 200 and chunked(big) == 413
    again = json.dumps(payload(text_event("火龍"))).encode()  # an event of its own: `small`'s may still be held
    exact = again + b" " * (2_000 - len(again))
    assert chunked(exact) == 200


def test_a_batch_with_unknown_types_and_values_answers_its_valid_events(webhook, line_stub):
    from prometheus_client import REGISTRY

    hologram = text_event("x")
    hologram["message"] = {"type": "hologram", "id": "1", "quoteToken": "q"}
    space = text_event("火龍")
    space["source"] = {"type": "space", "spaceId": "S1"}
    sleepy = text_event("火龍") | {"mode": "sleepy"}
    sticker = text_event("x")
    sticker["message"] = {
        "type": "sticker",
        "id": "1",
        "quoteToken": "q",
        "packageId": "1",
        "stickerId": "1",
        "stickerResourceType": "HOLOGRAM",
    }
    valid = text_event("火龍")
    before = {
        r: REGISTRY.get_sample_value("monsterbot_events_total", {"outcome": f"skipped_{r}"}) or 0
        for r in ("unknown_type", "unknown_value")
    }
    future = {"type": "somethingNew", "timestamp": 1, "mode": "active"}
    assert webhook(payload(hologram, space, sleepy, sticker, future, valid)).status_code == 200
    [call] = line_stub.replies()
    assert call.body["replyToken"] == valid["replyToken"]
    after = {r: REGISTRY.get_sample_value("monsterbot_events_total", {"outcome": f"skipped_{r}"}) for r in before}
    assert after == {"unknown_type": before["unknown_type"] + 3, "unknown_value": before["unknown_value"] + 2}


@pytest.mark.parametrize("kind", ["join", "memberJoined"])
def test_joining_a_group_gets_a_greeting_with_buttons_to_try(webhook, line_stub, kind):
    event = replied_event(kind, "group")
    if kind == "memberJoined":
        event["joined"] = {"members": [{"type": "user", "userId": "U1"}]}
    webhook(payload(event))
    [message] = line_stub.replies()[0].body["messages"]
    assert "monsterbot" in message["text"]
    items = message["quickReply"]["items"]
    assert "火龍" in [i["action"]["label"] for i in items]
    data = next(i["action"]["data"] for i in items if i["action"]["label"] == "火龍")
    webhook(payload(postback_event(data)))  # tapping it answers in the group
    assert "火龍" in line_stub.replies()[1].body["messages"][0]["altText"]


def test_a_group_that_asked_for_quiet_gets_no_greeting_for_new_members(webhook, line_stub):
    webhook(payload(text_event("安靜", "group")))
    assert len(line_stub.replies()) == 1  # "I'll answer only when mentioned"
    joined = replied_event("memberJoined", "group") | {"joined": {"members": [{"type": "user", "userId": "U2"}]}}
    webhook(payload(joined))
    assert len(line_stub.replies()) == 1
    webhook(payload(replied_event("join", "room")))  # invited elsewhere: greets there
    assert len(line_stub.replies()) == 2


def test_leaving_a_group_forgets_its_preferences(webhook, line_stub):
    from monsterbot.preferences import chat_key
    from tests.conftest import SECRET

    webhook(payload(text_event("quiet", "group", mention_self=True)))
    preferences = webhook.client.application.extensions["monsterbot"]["runtime"].preferences
    key = chat_key(source("group")["groupId"], SECRET)
    assert preferences.mention_only(key)
    leave = base_event("leave", "group")
    assert webhook(payload(leave)).status_code == 200
    assert not preferences.mention_only(key)


def test_leaving_forgets_preferences_kept_in_the_database(line_stub, knowledge, tmp_path):
    from monsterbot.preferences import chat_key
    from monsterbot.preferences.sql import StorePreferences
    from monsterbot.store.database import migrate, open_engine
    from tests.conftest import SECRET, app_for, post_signed, runtime_for, settings_for

    engine = open_engine(f"sqlite:///{tmp_path / 'prefs.db'}")
    migrate(engine)
    preferences = StorePreferences(engine)
    app = app_for(settings_for(line_stub), runtime_for(knowledge, preferences=preferences))
    key = chat_key(source("room")["roomId"], SECRET)
    post_signed(app, payload(text_event("quiet", "room", mention_self=True)))
    assert preferences.mention_only(key)
    post_signed(app, payload(base_event("leave", "room")))
    assert not preferences.mention_only(key)
    preferences.forget(key)  # forgetting a chat it never kept is fine


def test_a_reply_the_full_queue_cannot_take_gets_a_503_and_its_redelivery_answers_only_it(
    line_stub, knowledge, tmp_path, caplog
):
    """Nothing lost: LINE redelivers a webhook that got no 2xx; the ledger skips the events already answered."""
    import asyncio
    import threading

    from monsterbot.web.dispatch import SENDERS, capacity
    from monsterbot.web.line_api import LineReplier
    from tests.conftest import app_for, drain, post_signed, runtime_for, settings_for

    settings = settings_for(line_stub, data_dir=tmp_path)
    released = threading.Event()
    real = LineReplier(settings.line_api_endpoint, settings.channel_access_token, settings.line_timeout, SENDERS)

    class SlowLine:
        async def reply(self, token, messages):  # LINE holds every reply until the test lets it go
            await asyncio.get_running_loop().run_in_executor(None, released.wait, 60)  # 60 s: a hang guard
            return await real.reply(token, messages)

        async def close(self):
            await real.close()

    app = app_for(settings, runtime_for(knowledge), replier=SlowLine())
    room = capacity(settings.line_timeout, max(1.0, settings.shutdown_grace - 5.0), SENDERS)
    events = [dict(text_event("火龍"), webhookEventId=f"01FULL{n:020d}") for n in range(room + 2)]
    body = json.dumps(payload(*events), ensure_ascii=False).encode()
    full = app.test_client().post("/callback", data=body, headers={"X-Line-Signature": sign(body)})
    released.set()  # LINE answers nothing until the webhook has responded: the queue stayed full while it answered
    assert full.status_code == 503
    drain(app)
    wait_for(lambda: len(line_stub.replies()) == room)
    redelivered = payload(*(dict(e, deliveryContext={"isRedelivery": True}) for e in events))
    assert post_signed(app, redelivered).status_code == 200
    tokens = [r.body["replyToken"] for r in line_stub.replies()]
    assert sorted(tokens) == sorted(e["replyToken"] for e in events)  # each event answered once, none lost
    assert len({r.peer for r in line_stub.replies()}) <= SENDERS  # each sender kept its connection to LINE


def test_the_awaited_hold_ends_without_ever_cancelling_a_reply():
    """A hold that times out, or a request cancelled while it holds, leaves the reply on its way to LINE. The hold
    counts from the webhook's arrival: one that arrived a whole (long) hold ago does not wait at all."""
    import asyncio
    import time

    from monsterbot.web.dispatch import ReplyDispatcher

    class Idle:
        async def reply(self, token, messages):
            return "ok"

        async def close(self):
            pass

    hold = 60.0  # a hold counted from the call, not from the arrival, would outlast the guard below

    async def main():
        released = asyncio.Event()

        async def reply() -> str:  # a reply on its way until released
            await released.wait()
            return "ok"

        timed_out, cancelled = asyncio.create_task(reply()), asyncio.create_task(reply())
        spent = ReplyDispatcher(Idle(), 1.0, 1.0, hold=hold).settle_async([timed_out], time.monotonic() - hold)
        await asyncio.wait_for(spent, timeout=30)  # a hang guard, not a latency bound
        holding = asyncio.create_task(
            ReplyDispatcher(Idle(), 1.0, 1.0, hold=hold).settle_async([cancelled], time.monotonic())
        )
        await asyncio.sleep(0)  # one step of the loop: the task is now waiting on its reply
        holding.cancel()
        await asyncio.gather(holding, return_exceptions=True)
        assert not timed_out.cancelled() and not cancelled.cancelled()
        released.set()
        assert await asyncio.gather(timed_out, cancelled) == ["ok", "ok"]

    asyncio.run(main())


@pytest.mark.parametrize("acknowledged", [True, False], ids=["200: the outbox sends it", "503: LINE redelivers it"])
def test_a_reply_that_never_reached_line_is_released_never_marked_answered(
    line_stub, knowledge, tmp_path, acknowledged
):
    """A reply LINE never had leaves its event unanswered: the outbox tries it again (after a 200, LINE redelivers
    nothing), and a redelivery (after a non-2xx) answers it instead of skipping it as answered."""
    from monsterbot.web.dedupe import RETRY_AFTER
    from monsterbot.web.dispatch import SENDERS
    from monsterbot.web.line_api import LineReplier
    from tests.conftest import app_for, post_signed, runtime_for, settings_for

    settings = settings_for(line_stub, data_dir=tmp_path)
    real = LineReplier(settings.line_api_endpoint, settings.channel_access_token, settings.line_timeout, SENDERS)
    down = [True]

    class LineDown:
        async def reply(self, token, messages):  # no connection could be opened: LINE never saw the token
            return "unreachable" if down[0] else await real.reply(token, messages)

        async def close(self):
            await real.close()

    app = app_for(settings, runtime_for(knowledge), replier=LineDown())
    webhook = app.extensions["monsterbot"]["webhook"]
    event = text_event("火龍")
    if not acknowledged:  # the webhook failed after its reply did (a 503, the worker cut): LINE redelivers
        webhook.ledger.owe = lambda replies: False
    assert post_signed(app, payload(event)).status_code == (200 if acknowledged else 503)
    assert line_stub.replies() == []
    down[0] = False
    if acknowledged:
        time.sleep(RETRY_AFTER)
        assert webhook.replay_owed() == 1  # as each worker does every second
    else:
        assert post_signed(app, payload(dict(event, deliveryContext={"isRedelivery": True}))).status_code == 200
    wait_for(lambda: len(line_stub.replies()) == 1)
    assert line_stub.replies()[0].body["replyToken"] == event["replyToken"]
    time.sleep(RETRY_AFTER)
    assert webhook.replay_owed() == 0  # answered now: nothing owed
    assert post_signed(app, payload(dict(event, deliveryContext={"isRedelivery": True}))).status_code == 200
    assert len(line_stub.replies()) == 1


def test_the_stand_in_refuses_what_line_refuses(line_stub):
    import urllib.error
    import urllib.request

    def reply(
        token: str,
        path: str = "/v2/bot/message/reply",
        authorization: str | None = f"Bearer {TOKEN}",
        method: str = "POST",
    ) -> int:
        body = json.dumps({"replyToken": token, "messages": [{"type": "text", "text": "hi"}]}).encode()
        headers = {"Content-Type": "application/json"} | ({"Authorization": authorization} if authorization else {})
        request = urllib.request.Request(line_stub.url + path, data=body, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.status
        except urllib.error.HTTPError as exc:
            return exc.code

    assert reply("made-up") == 400  # before it issued any token too
    line_stub.issue("old", age=line_stub.token_life + 1)
    line_stub.issue("fresh")
    assert [reply("old"), reply("made-up"), reply("fresh"), reply("fresh")] == [400, 400, 200, 400]
    assert [r.error["message"] for r in line_stub.rejected] == ["Invalid reply token"] * 4
    line_stub.issue("new")
    assert [
        reply("new", authorization=None),
        reply("new", authorization="Bearer wrong"),
        reply("new", authorization=TOKEN),
    ] == [401, 401, 401]  # the token is not taken by a refused request
    assert [
        reply("new", path="/v2/bot/message/replies"),
        reply("new", path="/v2/bot/message/reply", method="PUT"),
        reply("new", path="/v3/bot/message/reply"),
    ] == [404, 404, 404]
    assert reply("new") == 200
    assert [r.status for r in line_stub.rejected[4:]] == [401] * 3 + [404] * 3
    made = reply_token("made")  # signed with its time: taken once within token_life, altered never
    altered = made[:-1] + ("0" if made[-1] != "0" else "1")
    assert [reply(altered), reply(made), reply(made)] == [400, 200, 400]
    assert reply(reply_token("stale", age=line_stub.token_life + 1)) == 400
    line_stub.rejected.clear()  # refused on purpose


def test_one_deadline_bounds_all_of_a_webhooks_calls_on_a_slow_store(line_stub, knowledge):
    """Twenty events, each remembered in a store that answers every call in 0.2 s, under its per-call bound: 40 calls,
    8 s one after another; the webhook's one deadline (DEPENDENCY_BUDGET from its arrival) ends them all together:
    only calls begun before it run. The store's time is an injected clock, moved by each call: nothing is timed."""
    from monsterbot.bounded import Bounded
    from monsterbot.memory import BoundedMemory, LocalMemory
    from monsterbot.web.webhook import DEPENDENCY_BUDGET
    from tests.conftest import app_for, runtime_for, settings_for

    now = [time.monotonic()]  # the store's clock: the real one, as far as the calls have moved it
    begun: list[float] = []  # when (on that clock) each call began

    class SlowStore(LocalMemory):
        def recall(self, key):
            begun.append(now[0])
            now[0] += 0.2
            return super().recall(key)

        def remember(self, key, value):
            begun.append(now[0])
            now[0] += 0.2
            super().remember(key, value)

    memory = BoundedMemory(SlowStore(), Bounded("slow memory", timeout=0.25, clock=lambda: now[0]))
    app = app_for(settings_for(line_stub), runtime_for(knowledge, memory=memory))
    webhook = app.extensions["monsterbot"]["webhook"]

    def answer(*events: dict, arrived: float) -> int:
        body = json.dumps(payload(*events), ensure_ascii=False).encode()
        return webhook.answer(body, sign(body), arrived)[1]

    events = [text_event(name, "group") for name in ("火龍", "rathalos", "リオレウス", "雌火龍", "rathian") * 4]
    arrived = now[0]
    assert answer(*events, arrived=arrived) == 200
    assert begun and all(at < arrived + DEPENDENCY_BUDGET for at in begun), begun  # a call begun before it answers
    assert len(begun) <= DEPENDENCY_BUDGET / 0.2 + 1 < 2 * len(events)
    wait_for(lambda: len(line_stub.replies()) == len(events))  # every event answered, some without their memory
    calls = len(begun)
    # a webhook whose wait for a thread took its whole budget (its arrival, as the ASGI server stamps it): no call
    late = json.dumps(payload(text_event("rathalos", "group")), ensure_ascii=False).encode()
    waited = {"asgi.scope": {"monsterbot.arrived": now[0] - DEPENDENCY_BUDGET}}
    headers = {"X-Line-Signature": sign(late)}
    assert app.test_client().post("/callback", data=late, headers=headers, environ_base=waited).status_code == 200
    assert len(begun) == calls
    wait_for(lambda: len(line_stub.replies()) == len(events) + 1)


def test_a_wait_the_webhooks_deadline_cut_says_nothing_against_the_store():
    """A store cut short by the webhook's deadline is asked again by the next webhook; one that outlasts its own
    bound is skipped for its cool-down. The store answers when the test lets it: nothing is timed."""
    import threading

    from monsterbot.bounded import Bounded, deadline

    store = Bounded("store", timeout=1.0, cooldown=30)
    answering = threading.Event()  # set: the store answers at once; clear: it answers nothing, ever

    def held() -> str:
        answering.wait()
        return "kept"

    with deadline(time.monotonic() + 0.01):
        assert store.call(held, "default") == "default"  # the webhook's time ran out, not the store's
    answering.set()
    assert store.call(held, "default") == "kept"
    answering.clear()
    assert store.call(held, "default") == "default"  # the store's own bound ran out
    answering.set()
    assert store.call(held, "default") == "default"  # skipped now, though it would answer


def test_closing_the_app_sends_what_is_queued_and_closes_lines_connections(line_stub, knowledge):
    """What a development server's stop does (no ASGI lifespan there): no aiohttp session is left unclosed."""
    from monsterbot.web.app import close_app, create_app
    from tests.conftest import runtime_for, settings_for

    app = create_app(settings_for(line_stub), runtime_for(knowledge))
    assert post_signed(app, payload(text_event("火龍"))).status_code == 200
    replier = app.extensions["monsterbot"]["dispatcher"]._replier
    session = replier._session
    assert session is not None and not session.closed
    close_app(app)
    assert session.closed and replier._session is None
