"""Replies sent in wire form are byte for byte what line-bot-sdk's AsyncMessagingApi.reply_message would send (and
the same body as its blocking MessagingApi)."""

from __future__ import annotations

import asyncio
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest
from linebot.v3.messaging import (
    ApiClient,
    AsyncApiClient,
    AsyncMessagingApi,
    Configuration,
    MessagingApi,
    ReplyMessageRequest,
)

from monsterbot.replies import tables
from monsterbot.replies.card import weakness_card
from monsterbot.replies.messages import greeting
from monsterbot.replies.wire import to_wire
from monsterbot.web.line_api import LineReplier


class _Capture(ThreadingHTTPServer):
    def __init__(self) -> None:
        self.seen: list[tuple[str, dict[str, str], bytes]] = []
        capture = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers["Content-Length"]))
                capture.seen.append((self.path, {k.lower(): v for k, v in self.headers.items()}, raw))
                count = len(json.loads(raw)["messages"])
                body = json.dumps({"sentMessages": [{"id": str(i), "quoteToken": "q"} for i in range(count)]}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)


@pytest.fixture()
def capture() -> Iterator[_Capture]:
    server = _Capture()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def test_wire_form_is_what_the_sdk_sends(capture: _Capture, knowledge) -> None:
    monsters = knowledge.current.monsters
    replies = [
        [weakness_card(monsters["rathalos"], "zh-TW", "world")],
        [tables.hitzone_table(monsters["nargacuga"], "ja", "world")],
        [tables.comparison((monsters["rathalos"], monsters["rathian"]), "en", "world"), greeting()],
    ]
    url = f"http://127.0.0.1:{capture.server_address[1]}"
    configuration = Configuration(host=url, access_token="token")

    async def send_all() -> None:
        ours = LineReplier(url, "token", 5, 1)
        async with AsyncApiClient(configuration) as client:
            sdk = AsyncMessagingApi(client)
            for messages in replies:
                assert await ours.reply("reply-token", [to_wire(m) for m in messages]) == "ok"
                await sdk.reply_message(ReplyMessageRequest(reply_token="reply-token", messages=messages))
        await ours.close()

    asyncio.run(send_all())
    blocking = MessagingApi(ApiClient(configuration))
    for messages in replies:
        blocking.reply_message(ReplyMessageRequest(reply_token="reply-token", messages=messages))
    assert len(capture.seen) == 3 * len(replies)
    sent = len(replies) * 2
    for ours_seen, sdk_seen, blocking_seen in zip(
        capture.seen[:sent:2], capture.seen[1:sent:2], capture.seen[sent:], strict=True
    ):
        assert ours_seen[0] == sdk_seen[0] == blocking_seen[0] == "/v2/bot/message/reply"
        assert ours_seen[2] == sdk_seen[2] == blocking_seen[2]  # the body, byte for byte
        assert ours_seen[1] == sdk_seen[1]  # every header (host, length, agent, encodings…)
