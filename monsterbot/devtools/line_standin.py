"""A stand-in for LINE's Messaging API on loopback that records every reply it gets.

Tests and benchmarks point LINE_API_ENDPOINT at it; `monsterbot serve` uses it in development
mode to print the bot's replies in the terminal. `delay` and `status` make it slow or failing.
Like LINE, it accepts a reply token once: a second reply with it gets 400 "Invalid reply token".
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable


@dataclass
class Recorded:
    """One request the bot sent."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any


class LineStandIn:
    """Answers reply calls like LINE does (200 with sentMessages) unless told to fail."""

    def __init__(self, on_request: Callable[[Recorded], None] | None = None, keep: bool = True) -> None:
        self.requests: list[Recorded] = []
        self._on_request = on_request or (lambda recorded: None)
        self._keep = keep
        self.status = 200
        self.delay = 0.0  # seconds to wait before answering (a slow Messaging API)
        self.used_tokens: set[str] = set()
        self._tokens_lock = threading.Lock()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as LINE's servers do
            disable_nagle_algorithm = True  # headers and body leave at once (no 40 ms delayed-ACK stall)
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                recorded = Recorded("POST", self.path, {k.lower(): v for k, v in self.headers.items()},
                                    json.loads(raw or b"null"))
                if stub._keep:
                    stub.requests.append(recorded)
                stub._on_request(recorded)
                if stub.delay:
                    time.sleep(stub.delay)
                status = stub.status
                if status == 200 and self.path == "/v2/bot/message/reply":
                    token = (recorded.body or {}).get("replyToken", "")
                    with stub._tokens_lock:
                        status = 400 if token in stub.used_tokens else 200
                        stub.used_tokens.add(token)
                if status == 200:
                    sent = [{"id": str(i), "quoteToken": "q"} for i, _ in enumerate(json.loads(raw)["messages"])]
                    payload = json.dumps({"sentMessages": sent}).encode()
                else:
                    message = "Invalid reply token" if stub.status == 200 else "stub failure"
                    payload = json.dumps({"message": message}).encode()
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
            request_queue_size = 256  # every reply thread of every worker may connect at once, as LINE allows

        self._server = Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "LineStandIn":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def replies(self) -> list[Recorded]:
        """The reply calls received so far."""
        return [r for r in self.requests if r.path == "/v2/bot/message/reply"]
