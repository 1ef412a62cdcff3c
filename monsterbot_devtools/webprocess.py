"""A real web process for tests, the soak run and the benchmarks: the Procfile's gunicorn on a free loopback port,
with signed webhook bodies to post to it and its workers' memory to read."""

from __future__ import annotations

import atexit
import base64
import contextlib
import hashlib
import hmac
import json
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from monsterbot_devtools.line_standin import reply_token

REPO = Path(__file__).resolve().parent.parent
SECRET = "soak-secret"
ACCESS_TOKEN = "soak-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def procfile_command(process: str = "web") -> list[str]:
    """The command of one of the Procfile's processes."""
    line = next(entry for entry in (REPO / "Procfile").read_text().splitlines() if entry.startswith(f"{process}:"))
    return shlex.split(line.split(":", 1)[1])


def text_event(text: str, n: int, group: bool = False) -> dict:
    """A text message event with ids unique per n (reply token `token-<n>`, issued by the running stand-ins), from a
    user or a group of its own."""
    source = {"type": "group", "groupId": f"C{n:032d}"} if group else {"type": "user"}
    return {
        "type": "message",
        "mode": "active",
        "timestamp": 1732500000000 + n,
        "source": source | {"userId": "U0123456789abcdef"},
        "webhookEventId": f"01SOAK{n:020d}",
        "deliveryContext": {"isRedelivery": False},
        "replyToken": reply_token(f"token-{n}"),
        "message": {"type": "text", "id": str(n), "quoteToken": "q", "text": text},
    }


def batch_body(events: list[dict], redelivery: bool = False) -> bytes:
    """A webhook body carrying these events (marked redelivered if asked); `post` signs it."""
    if redelivery:
        events = [event | {"deliveryContext": {"isRedelivery": True}} for event in events]
    return json.dumps({"destination": "U0", "events": events}, ensure_ascii=False).encode()


def event_body(text: str, n: int) -> bytes:
    """A webhook body with one text message event (unique ids per n); `post` signs it."""
    return batch_body([text_event(text, n)])


def sign(body: bytes) -> str:
    return base64.b64encode(hmac.new(SECRET.encode(), body, hashlib.sha256).digest()).decode()


def rss_mb(pid: int) -> float | None:
    """Resident memory of a process, or None once it has ended (the master's short-lived migration process)."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except FileNotFoundError:
        return None
    for line in lines:
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return None  # a zombie: ended, not yet reaped


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return sorted(found)


def niceness(pid: int) -> int | None:
    """A process's nice value (/proc/<pid>/stat), or None when it is gone."""
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[16])
    except (OSError, IndexError, ValueError):
        return None


def kill_children(pid: int) -> None:
    """SIGKILL every child of `pid` (its workers, and the master's short-lived migration process if it is still
    there: one that ended between the listing and the kill is no error)."""
    for child in children(pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signal.SIGKILL)


@dataclass
class WebProcess:
    """The Procfile's web process started for a run, with its port and log."""

    port: int
    process: subprocess.Popen
    log: Path
    env: dict = field(default_factory=dict)
    internal_port: int = 0

    @classmethod
    def spawn(
        cls,
        line_url: str,
        workers: int = 2,
        extra_env: dict | None = None,
        command: list[str] | None = None,
        listener: socket.socket | None = None,
    ) -> "WebProcess":
        """Start the Procfile's web process (or `command` under the same settings); do not wait for it. With
        `listener` (a listening socket), gunicorn serves that socket alone (`--bind fd://`), as a platform that hands
        the server its socket does: connections made before the server starts wait in its backlog."""
        port, internal_port = free_port(), free_port()
        command = command or procfile_command()
        if listener is not None:
            port = listener.getsockname()[1]
            command = [command[0], "--bind", f"fd://{listener.fileno()}", *command[1:]]  # over the config's binds
        data = Path(tempfile.mkdtemp(prefix="monsterbot-soak-"))
        atexit.register(shutil.rmtree, data, True)  # its log stays readable after `stop`, until this process ends
        env = dict(
            os.environ,
            PORT=str(port),
            MONSTERBOT_INTERNAL_PORT=str(internal_port),
            LINE_CHANNEL_SECRET=SECRET,
            LINE_CHANNEL_ACCESS_TOKEN=ACCESS_TOKEN,
            LINE_API_ENDPOINT=line_url,
            WEB_CONCURRENCY=str(workers),
            MONSTERBOT_DATA_DIR=str(data),
            MONSTERBOT_QUERY_LOG="off",
            PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        )
        env.update(extra_env or {})
        log = data / "web.log"
        with log.open("w") as output:  # the process writes its own copy; this one is closed once it started
            process = subprocess.Popen(
                command,
                cwd=REPO,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                pass_fds=() if listener is None else (listener.fileno(),),
            )
        return cls(port, process, log, env, internal_port)

    @classmethod
    def start(
        cls, line_url: str, workers: int = 2, extra_env: dict | None = None, command: list[str] | None = None
    ) -> "WebProcess":
        """Start the Procfile's web process (or `command` under the same settings) and wait until it is ready; on
        other ports when one of those `free_port` found was taken before gunicorn bound it (another process on the
        machine)."""
        tries = 3
        while True:
            web = cls.spawn(line_url, workers, extra_env, command)
            try:
                web.wait_ready()
                return web
            except RuntimeError:
                web.halt()
                tries -= 1
                if not tries or "Address already in use" not in web.log.read_text():
                    raise

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def internal_url(self) -> str:
        """Where /metrics and the detailed /readyz answer."""
        return f"http://127.0.0.1:{self.internal_port}"

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/readyz", timeout=2) as response:
                    if response.status == 200 and len(self.workers()) >= int(self.env["WEB_CONCURRENCY"]):
                        return
            except OSError:
                if self.process.poll() is not None:
                    break
            time.sleep(0.1)
        raise RuntimeError(f"web process did not become ready:\n{self.log.read_text()[-2000:]}")

    def workers(self) -> list[int]:
        """The master's workers: its children at the master's priority (the store's migration runs at the lowest, and
        may still run on a busy machine: `settle` waits for it)."""
        master = niceness(self.process.pid)
        return [pid for pid in children(self.process.pid) if niceness(pid) == master]

    def settle(self, timeout: float = 120) -> list[int]:
        """Wait until the master has only its workers, and list them: monsterbot's master forks a process of its own at
        the lowest priority to migrate the store, part of the start, whose CPU is counted with the master's once
        reaped."""
        deadline = time.monotonic() + timeout
        while len(children(self.process.pid)) > int(self.env["WEB_CONCURRENCY"]) and time.monotonic() < deadline:
            time.sleep(0.1)
        return children(self.process.pid)

    def stop(self, timeout: float = 40) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout)

    def halt(self) -> None:
        """Stop a process that never became ready, its workers with it (SIGTERM, then SIGKILL to all of them)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                kill_children(self.process.pid)
                self.process.kill()
        self.process.wait()


def post(url: str, body: bytes, signed: bool = True, timeout: float = 10) -> tuple[int, float]:
    """POST a body to /callback (signed with the soak secret unless told not to); status (0: no answer within
    `timeout` seconds of silence, or no connection) and seconds taken."""
    headers = {"Content-Type": "application/json"} | ({"X-Line-Signature": sign(body)} if signed else {})
    request = urllib.request.Request(url + "/callback", data=body, method="POST", headers=headers)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, time.perf_counter() - started
    except urllib.error.HTTPError as exc:
        return exc.code, time.perf_counter() - started
    except OSError:
        return 0, time.perf_counter() - started
