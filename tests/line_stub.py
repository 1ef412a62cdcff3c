"""A stand-in for LINE's Messaging API on loopback that records every request it gets."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Recorded:
    """One request the bot sent."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any


class LineStub:
    """Answers reply calls like LINE does (200 with sentMessages) unless told to fail."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.status = 200
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                stub.requests.append(
                    Recorded("POST", self.path, {k.lower(): v for k, v in self.headers.items()}, json.loads(raw or b"null"))
                )
                if stub.status == 200:
                    sent = [{"id": str(i), "quoteToken": "q"} for i, _ in enumerate(json.loads(raw)["messages"])]
                    payload = json.dumps({"sentMessages": sent}).encode()
                else:
                    payload = json.dumps({"message": "stub failure"}).encode()
                self.send_response(stub.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: object) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "LineStub":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def replies(self) -> list[Recorded]:
        """The reply calls received so far."""
        return [r for r in self.requests if r.path == "/v2/bot/message/reply"]
