"""A stand-in for LINE's Messaging API on loopback that records every reply it gets.

Tests and benchmarks point LINE_API_ENDPOINT at it; `monsterbot serve` uses it in development
mode to print the bot's replies in the terminal. `delay` and `status` make it slow or failing.
It is as strict as LINE: a reply that breaks one of LINE's rules (replies/line_rules.py, each
rule cited there) or reuses a reply token gets LINE's 400 and error body, and is kept in `rejected`.
A token the stand-in issued (`issue`: LINE's webhook carries it) expires `token_life` seconds later (LINE: used "within
one minute"; refused after ~30 s in practice, monsterbot/web/dedupe.py); once it issued any, a token it never issued
is refused too, as LINE refuses a made-up one.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

from monsterbot.replies.line_rules import request_errors


@dataclass
class Recorded:
    """One request the bot sent."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any
    status: int = 200
    error: dict[str, Any] | None = None
    peer: tuple[str, int] | None = None  # the bot's end of the connection it came on


class LineStandIn:
    """Answers reply calls like LINE does (200 with sentMessages) unless told to fail."""

    def __init__(self, on_request: Callable[[Recorded], None] | None = None, keep: bool = True) -> None:
        self.requests: list[Recorded] = []
        self.rejected: list[Recorded] = []  # requests answered 400 (a broken rule or a reused token)
        self._used_tokens: set[str] = set()
        self._issued: dict[str, float] = {}  # token: when its webhook was sent (monotonic)
        self.token_life = 30.0
        self._lock = threading.Lock()
        self._on_request = on_request or (lambda recorded: None)
        self._keep = keep
        self.status = 200
        self.delay = 0.0  # seconds to wait before answering (a slow Messaging API)
        self.released = threading.Event()  # cleared by `hold`: replies are taken (their tokens used), then answered
        self.released.set()  # only once it is set again
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as LINE's servers do
            disable_nagle_algorithm = True  # headers and body leave at once (no 40 ms delayed-ACK stall)
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw or b"null")
                except ValueError:
                    body = None
                recorded = Recorded("POST", self.path, {k.lower(): v for k, v in self.headers.items()}, body,
                                    peer=self.client_address)
                refusal = stub._refusal(recorded)
                status, answer = (400, refusal) if refusal else stub._answer(recorded)
                recorded.status, recorded.error = status, (answer if status != 200 else None)
                if stub._keep:
                    stub.requests.append(recorded)
                if refusal:
                    stub.rejected.append(recorded)
                stub._on_request(recorded)
                if stub.delay:
                    time.sleep(stub.delay)
                stub.released.wait()
                payload = json.dumps(answer).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):  # the bot gave up waiting (its timeout)
                    pass

            def log_message(self, *args: object) -> None:
                return

        class Server(ThreadingHTTPServer):
            request_queue_size = 256  # every sender of every worker may connect at once, as LINE allows

        self._server = Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    def _refusal(self, recorded: Recorded) -> dict[str, Any] | None:
        """LINE's 400 error body when a reply breaks one of its rules, else None."""
        if recorded.path != "/v2/bot/message/reply":
            return None
        message, details = request_errors(recorded.body)
        if message:
            return {"message": message, "details": details}
        token = recorded.body["replyToken"]
        with self._lock:
            # REF#send-reply-message: "Reply tokens can only be used once", and only for a while after the webhook.
            issued = self._issued.get(token)
            if token in self._used_tokens or (self._issued and issued is None) or \
                    (issued is not None and time.monotonic() - issued > self.token_life):
                return {"message": "Invalid reply token"}
            if self.status == 200:
                self._used_tokens.add(token)
        return None

    def _answer(self, recorded: Recorded) -> tuple[int, dict[str, Any]]:
        """200 with sentMessages, or the failure this stand-in was told to give (`status`)."""
        if self.status != 200:
            return self.status, {"message": "stand-in failure"}
        messages = recorded.body.get("messages", []) if isinstance(recorded.body, dict) else []
        return 200, {"sentMessages": [{"id": str(i), "quoteToken": "q"} for i, _ in enumerate(messages)]}

    def hold(self) -> None:
        """Answer no reply until `release`: a Messaging API as slow as a test needs, without a clock."""
        self.released.clear()

    def release(self) -> None:
        self.released.set()

    def issue(self, token: str) -> str:
        """A reply token as LINE's webhook hands it out now: it expires `token_life` seconds from now."""
        with self._lock:
            self._issued[token] = time.monotonic()
        return token

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}"

    def start(self) -> "LineStandIn":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def replies(self) -> list[Recorded]:
        """The reply calls received so far (accepted or not: see `status` and `rejected`)."""
        return [r for r in self.requests if r.path == "/v2/bot/message/reply"]
