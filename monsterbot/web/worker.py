"""gunicorn's asyncio worker with its connections bounded: no stranger can hold a worker's sockets or its stop.

gunicorn's asyncio worker (27) waits for a connection's first request without end, counts connections without a cap,
and at SIGTERM waits for every open connection, idle ones included, for the whole grace. Here, per worker:
- a connection must send a request's headers within `header_timeout` seconds of opening (dripping bytes or none);
  between requests gunicorn's keep-alive (`keepalive`, MONSTERBOT_IDLE_TIMEOUT) closes an idle one, as before;
- at most `worker_connections` (MONSTERBOT_MAX_CONNECTIONS) are open, within the process's open-file limit (raised to
  its hard limit first, room kept for LINE, the store and the knowledge): a new connection past the cap takes the
  place of the connection idle longest (one waiting for its request), so idle sockets cannot lock LINE out; with
  none idle, it is closed at once;
- at SIGTERM, the connections waiting for a request are closed at once: only requests under way are waited for.

The Procfile, the image and the chart all run gunicorn with monsterbot/web/gunicorn_conf.py, which names this worker.
"""

from __future__ import annotations

import asyncio
import resource
from typing import Any

from gunicorn.asgi.protocol import ASGIProtocol
from gunicorn.workers import gasgi

from monsterbot.config import Settings

RESERVED_FILES = 128  # open files kept for what a worker opens itself: LINE's connections, the store, knowledge


class BoundedProtocol(ASGIProtocol):
    """One connection: its first headers within the header timeout; closed when idle and its worker needs room."""

    def __init__(self, worker: BoundedWorker) -> None:
        super().__init__(worker)
        self._bounded = worker
        self._refused = False
        self._header_timer: asyncio.TimerHandle | None = None
        self.idle_since = 0.0  # loop time since it waits for a request; 0 while a request is under way

    def connection_made(self, transport: Any) -> None:
        if not self._bounded.make_room():
            self._refused = True  # nothing idle to close: every connection has a request under way
            transport.abort()
            return
        super().connection_made(transport)
        self._bounded.protocols.add(self)
        self.idle_since = self._bounded.loop.time()
        self._header_timer = self._bounded.loop.call_later(self._bounded.header_timeout, self.close_idle)

    def _on_headers_complete(self) -> Any:
        self._cancel_header_timer()
        self.idle_since = 0.0
        return super()._on_headers_complete()

    def _arm_keepalive_timer(self) -> None:
        self.idle_since = self._bounded.loop.time()  # the response went out: idle until the next request
        super()._arm_keepalive_timer()

    def close_idle(self) -> None:
        """Close the connection if it waits for a request (a request under way finishes)."""
        if self.idle_since and not self._closed:
            self._keepalive_timeout()  # gunicorn's own close of an idle connection

    def connection_lost(self, exc: BaseException | None) -> None:
        if self._refused:
            return  # never counted
        self._cancel_header_timer()
        self._bounded.protocols.discard(self)
        super().connection_lost(exc)

    def _cancel_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None


class BoundedWorker(gasgi.ASGIWorker):
    """gunicorn's asyncio worker serving BoundedProtocol connections (module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.protocols: set[BoundedProtocol] = set()
        self.header_timeout = Settings.from_env(require_line=False).header_timeout
        self.max_connections = open_files_for(self.worker_connections)

    def make_room(self) -> bool:
        """Whether a new connection may open: under the cap, or after closing the connection idle longest."""
        if self.nr_conns < self.max_connections:
            return True
        idle = [protocol for protocol in self.protocols if protocol.idle_since]
        if not idle:
            return False
        min(idle, key=lambda protocol: protocol.idle_since).close_idle()
        return True

    async def _shutdown(self) -> None:
        for server in self.servers:
            server.close()  # no new connection, then the idle ones go: only requests under way are waited for
        for protocol in list(self.protocols):
            protocol.close_idle()
        await super()._shutdown()


def open_files_for(connections: int) -> int:
    """The connections a worker may hold: `connections`, within its open-file limit (the soft limit raised to the hard
    one) less RESERVED_FILES."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = connections + RESERVED_FILES
    if soft != resource.RLIM_INFINITY and soft < wanted:
        soft = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    return connections if soft == resource.RLIM_INFINITY else max(1, min(connections, soft - RESERVED_FILES))


# gunicorn's worker builds `ASGIProtocol(self)` by the module's name for each connection: this worker's connections
# are BoundedProtocol (the only asyncio worker class gunicorn_conf.py runs)
gasgi.ASGIProtocol = BoundedProtocol
