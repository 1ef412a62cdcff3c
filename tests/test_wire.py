"""Replies sent in wire form are byte for byte what line-bot-sdk's AsyncMessagingApi.reply_message would send (and
the same body as its blocking MessagingApi)."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest
import uvloop
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


class _Scripted:
    """A server on loopback that reads each request whole and answers with the next of its scripted bytes (closing
    the connection after an answer marked so); what it read is kept."""

    def __init__(self, answers: list[tuple[bytes, bool]]) -> None:
        self.answers = answers
        self.requests: list[bytes] = []

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while self.answers:
            try:
                head = await reader.readuntil(b"\r\n\r\n")
            except asyncio.IncompleteReadError:  # the client closed the connection
                break
            lines = head.lower().split(b"\r\n")
            length = next((int(line.split(b":")[1]) for line in lines if line.startswith(b"content-length")), 0)
            self.requests.append(head + await reader.readexactly(length))
            answer, close = self.answers.pop(0)
            writer.write(answer)
            await writer.drain()
            if close:
                break
        writer.close()


def _send_through(server: _Scripted, replies: int, endpoint: str | None = None) -> list[str]:
    """The results of `replies` replies sent one after the other to `server` (or to `endpoint`, through it)."""

    async def main() -> list[str]:
        listening = await asyncio.start_server(server.serve, "127.0.0.1", 0)
        url = f"http://127.0.0.1:{listening.sockets[0].getsockname()[1]}"
        replier = LineReplier(endpoint or url, "token", 5, 1)
        message = to_wire(greeting())
        results = [await replier.reply(f"token-{n}", [message]) for n in range(replies)]
        await replier.close()
        listening.close()
        return results

    return uvloop.run(main())  # the workers' loop


def test_every_form_of_a_response_body_is_read_whole(caplog: pytest.LogCaptureFixture) -> None:
    """A length, chunks (a compressed error body decompressed for the log) or the connection's end delimit a body;
    the connection is used again unless the server closes it."""
    import gzip

    error = gzip.compress(b'{"message":"Invalid reply token"}')
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (error[:10], error[10:])) + b"0\r\n\r\n"
    server = _Scripted(
        [
            (b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}", False),
            (
                b"HTTP/1.1 400 Bad Request\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked,
                False,
            ),
            (b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{}", True),  # no length: the body ends with the connection
            (b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", False),  # on a new connection
        ]
    )
    with caplog.at_level(logging.WARNING):
        assert _send_through(server, 4) == ["ok", "http_400", "ok", "ok"]
    assert 'HTTP 400 {"message":"Invalid reply token"}' in caplog.text
    assert [r.split(b"\r\n", 1)[0] for r in server.requests] == [b"POST /v2/bot/message/reply HTTP/1.1"] * 4


def test_a_connection_closed_before_its_response_is_unreachable(caplog: pytest.LogCaptureFixture) -> None:
    """LINE may have had the request: it is never sent again."""
    server = _Scripted([(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}", True)])  # 2 bytes of 10, then closed
    with caplog.at_level(logging.WARNING):
        assert _send_through(server, 1) == ["unreachable"]
    assert len(server.requests) == 1 and "LINE could not be reached" in caplog.text


def test_replies_through_a_plain_proxy_and_a_tunnel(monkeypatch: pytest.MonkeyPatch) -> None:
    """To an http endpoint through HTTP_PROXY, the whole URL is the request's target; to LINE's https endpoint through
    HTTPS_PROXY, a CONNECT opens a tunnel first (refused here: the reply is unreachable); the proxy's credentials from
    its URL on both."""
    for name in ("NO_PROXY", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    proxy = _Scripted(
        [
            (b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}", False),
            (b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n", True),
        ]
    )

    async def main() -> list[str]:
        listening = await asyncio.start_server(proxy.serve, "127.0.0.1", 0)
        port = listening.sockets[0].getsockname()[1]
        monkeypatch.setenv("http_proxy", f"http://user:p%40ss@127.0.0.1:{port}")
        monkeypatch.setenv("https_proxy", f"http://user:p%40ss@127.0.0.1:{port}")
        results = []
        for endpoint in ("http://line.invalid", "https://api.line.me"):
            replier = LineReplier(endpoint, "token", 5, 1)
            results.append(await replier.reply("token-1", [to_wire(greeting())]))
            await replier.close()
        listening.close()
        return results

    assert uvloop.run(main()) == ["ok", "unreachable"]
    plain, tunnel = proxy.requests
    credentials = b"Proxy-Authorization: Basic " + base64.b64encode(b"user:p@ss")
    assert plain.startswith(b"POST http://line.invalid/v2/bot/message/reply HTTP/1.1\r\nHost: line.invalid\r\n")
    assert credentials in plain
    assert tunnel.startswith(b"CONNECT api.line.me:443 HTTP/1.1\r\n") and credentials in tunnel


@pytest.mark.parametrize("text", ["「火龍」？", 'a "quoted" \\ back\nslash', "🔥" * 3000, "\x00\x01 \u2028", ""])
def test_a_kept_text_message_given_its_words_is_that_message_built_whole(text: str, knowledge) -> None:
    """with_text: a not-found reply's buttons encoded once, its words put in: the data and bytes `to_wire` makes."""
    from monsterbot.line_sdk.messaging import TextMessage
    from monsterbot.replies.messages import not_found_buttons, try_buttons
    from monsterbot.replies.wire import BLANK, with_text

    monsters = list(knowledge.current.monsters.values())[:3]
    for buttons in (try_buttons("ja"), not_found_buttons(monsters, "wilds", "zh-TW"), None):
        whole = to_wire(TextMessage(text=text, quick_reply=buttons))
        given = with_text(to_wire(TextMessage(text=BLANK, quick_reply=buttons)), text)
        assert given.encoded == whole.encoded
        assert given.data == whole.data and list(given.data) == list(whole.data)
