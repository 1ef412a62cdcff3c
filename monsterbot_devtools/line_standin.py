"""A stand-in for LINE's Messaging API on loopback that records every reply it gets.

Tests and benchmarks point LINE_API_ENDPOINT at it; `monsterbot serve` uses it in development
mode to print the bot's replies in the terminal. `delay` and `status` make it slow or failing.
It is as strict as LINE: a path LINE does not have gets 404; a request without the channel's
`Authorization: Bearer <access token>` gets 401 (messaging-api.yml: every endpoint requires the Bearer scheme);
a reply that breaks one of LINE's rules (replies/line_rules.py, each rule cited there), or whose reply token
this stand-in did not issue, already took, or issued more than `token_life` seconds ago, gets LINE's 400 and error
body ("Invalid reply token": LINE's tokens are single use and must be used "within one minute", refused after ~30 s
in practice, monsterbot/web/dedupe.py). Refused requests are kept in `rejected`. Reply tokens come from `issue`, or
from `reply_token`, as LINE's webhook hands them out.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

from monsterbot.replies.line_rules import request_errors

REPLY_PATH = "/v2/bot/message/reply"  # the one endpoint the bot calls (monsterbot/web/line_api.py)
_NOT_FOUND = {"message": "Not found"}
_UNAUTHORIZED = {
    "message": "Authentication failed. Confirm that the access token in the authorization header is valid."
}
#: Signs the tokens `reply_token` makes: known to this process and to those forked from it (the benchmark's clients).
_SECRET = secrets.token_bytes(16)


def reply_token(name: str, age: float = 0.0) -> str:
    """A reply token LINE's webhook handed out `age` seconds ago, made from `name`: it carries its time and a
    signature, so every stand-in of this process tree takes it once within `token_life`, wherever the event was built
    (the tests' event builders, the soak, the benchmark's forked clients)."""
    issued = f"{time.monotonic() - age:.3f}"  # CLOCK_MONOTONIC: one clock for every process of the machine
    return f"{name}|{issued}|{_signature(name, issued)}"


def token_name(token: str) -> str:
    """The name a `reply_token` was made from (a token `issue` took is its own name)."""
    return token.split("|", 1)[0]


def _signature(name: str, issued: str) -> str:
    return hmac.new(_SECRET, f"{name}|{issued}".encode(), hashlib.sha256).hexdigest()[:16]


def _signed_time(token: str) -> float | None:
    """When a `reply_token` was made, or None for anything else (a token made up, or altered)."""
    name, _, rest = token.partition("|")
    issued, _, signature = rest.partition("|")
    try:
        return float(issued) if hmac.compare_digest(signature, _signature(name, issued)) else None
    except ValueError:
        return None


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

    def __init__(
        self, access_token: str, on_request: Callable[[Recorded], None] | None = None, keep: bool = True
    ) -> None:
        self._authorization = f"Bearer {access_token}"
        self.requests: list[Recorded] = []
        self.rejected: list[Recorded] = []  # requests refused (404, 401, 400: a broken rule or an invalid token)
        self._used_tokens: set[str] = set()
        self._issued: dict[str, float] = {}  # token: when its webhook was sent (monotonic)
        self.token_life = 30.0
        self._lock = threading.Lock()
        self._on_request = on_request or (lambda recorded: None)
        self._keep = keep
        self.status = 200
        self.delay = 0.0  # seconds to wait before answering (a slow Messaging API)
        self.in_flight = 0  # requests read and not yet answered (those `delay` or `hold` keeps)
        self.released = threading.Event()  # cleared by `hold`: replies are taken (their tokens used), then answered
        self.released.set()  # only once it is set again
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as LINE's servers do
            disable_nagle_algorithm = True  # headers and body leave at once (no 40 ms delayed-ACK stall)

            def do_POST(self) -> None:
                with stub._lock:
                    stub.in_flight += 1
                try:
                    self._respond()
                finally:
                    with stub._lock:
                        stub.in_flight -= 1

            def _respond(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw or b"null")
                except ValueError:
                    body = None
                recorded = Recorded(
                    self.command,
                    self.path,
                    {k.lower(): v for k, v in self.headers.items()},
                    body,
                    peer=self.client_address,
                )
                refusal = stub._refusal(recorded)
                status, answer = refusal if refusal else stub._answer(recorded)
                recorded.status, recorded.error = status, (answer if status != 200 else None)
                if stub._keep:
                    stub.requests.append(recorded)
                if refusal:
                    stub.rejected.append(recorded)
                stub._on_request(recorded)
                if stub.delay:
                    time.sleep(stub.delay)
                stub.released.wait()
                self._send(status, answer)

            def _send(self, status: int, answer: dict[str, Any]) -> None:
                payload = json.dumps(answer).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):  # the bot gave up waiting (its timeout)
                    pass

            do_GET = do_PUT = do_DELETE = do_PATCH = do_POST  # noqa: N815 - LINE answers them 404 (`_refusal`)

            def log_message(self, *args: object) -> None:
                return

        class Server(ThreadingHTTPServer):
            request_queue_size = 256  # every sender of every worker may connect at once, as LINE allows

        self._server = Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    def _refusal(self, recorded: Recorded) -> tuple[int, dict[str, Any]] | None:
        """LINE's status and error body when it would refuse this request, else None."""
        if (recorded.method, recorded.path) != ("POST", REPLY_PATH):  # the one endpoint the bot calls
            return 404, _NOT_FOUND
        if recorded.headers.get("authorization") != self._authorization:
            return 401, _UNAUTHORIZED
        message, details = request_errors(recorded.body)
        if message:
            return 400, {"message": message, "details": details}
        token = recorded.body["replyToken"]
        with self._lock:
            # REF#send-reply-message: "Reply tokens can only be used once", and only for a while after the webhook.
            issued = self._issued.get(token) or _signed_time(token)
            if token in self._used_tokens or issued is None or time.monotonic() - issued > self.token_life:
                return 400, {"message": "Invalid reply token"}
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

    def issue(self, token: str, age: float = 0.0) -> str:
        """A reply token as LINE's webhook handed it out `age` seconds ago: it expires `token_life` seconds after
        that (an expired token is one issued longer ago: no test waits for a token to age)."""
        with self._lock:
            self._issued[token] = time.monotonic() - age
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
        return [r for r in self.requests if r.path == REPLY_PATH]
