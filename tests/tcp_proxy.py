"""A loopback TCP forwarder a test can cut, to take a real database away from the bot mid-run, stall, to make it
accept and then never answer (a partition: nothing is refused, nothing comes back), or slow (`delay` before each answer
comes back: a store slow but answering)."""

from __future__ import annotations

import queue
import socket
import threading
import time


class TcpProxy:
    """Forwards 127.0.0.1:<port> to a target; stop() closes every connection and refuses new ones."""

    def __init__(self, target: tuple[str, int]) -> None:
        self._target = target
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._stalled = threading.Event()
        self.delay = 0.0  # seconds each answer from the target is held
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self._stalled.is_set():
                with self._lock:
                    self._sockets.append(client)  # held open, never answered
                continue
            upstream = socket.create_connection(self._target)
            with self._lock:
                self._sockets += [client, upstream]
            for a, b, answers in ((client, upstream, False), (upstream, client, True)):
                threading.Thread(target=self._pipe, args=(a, b, answers), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket, answers: bool = False) -> None:
        late: queue.Queue[tuple[float, bytes]] = queue.Queue()  # answers, each sent `delay` after it came
        if answers:
            threading.Thread(target=self._send_late, args=(late, sink), daemon=True).start()
        try:
            while data := source.recv(65536):
                if answers:
                    late.put((time.monotonic() + self.delay, data))
                elif not self._stalled.is_set():
                    sink.sendall(data)
        except OSError:
            pass
        finally:
            late.put((0.0, b""))
            for s in (source, sink):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def _send_late(self, late: queue.Queue[tuple[float, bytes]], sink: socket.socket) -> None:
        """Forward each answer at its time: latency added to each, not a queue behind the one before."""
        while (item := late.get())[1]:
            time.sleep(max(0.0, item[0] - time.monotonic()))
            if not self._stalled.is_set():
                try:
                    sink.sendall(item[1])
                except OSError:
                    return

    def stall(self) -> None:
        """From now on swallow what either side sends, and hold new connections open without an answer."""
        self._stalled.set()

    def stop(self) -> None:
        try:  # wakes the accepting thread: close() alone leaves the socket listening while accept() blocks (Linux)
            self._listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._listener.close()
        with self._lock:
            for s in self._sockets:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()
