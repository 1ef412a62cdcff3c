"""A bounded soak: the Procfile's web process under a steady rate of signed webhooks, all on loopback.

Reports requests, errors, replies received, latency and the workers' resident memory at the start
and the end; fails (exit 1) on any error, a missing reply, memory growth beyond the limit, or an
unclean stop on SIGTERM. `monsterbot soak --seconds 300` is the long run; the suite runs a short one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from monsterbot.devtools.line_standin import LineStandIn

REPO = Path(__file__).resolve().parent.parent.parent
SECRET = "soak-secret"
QUERIES = ["火龍", "rathlos", "リオレウス", "雌火龍", "rath", "今天吃火鍋", "哪些魔物怕火", "火龍 肉質", "narga", "help"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def procfile_command(process: str = "web") -> list[str]:
    """The command of one of the Procfile's processes."""
    line = next(entry for entry in (REPO / "Procfile").read_text().splitlines() if entry.startswith(f"{process}:"))
    return shlex.split(line.split(":", 1)[1])


def event_body(text: str, n: int) -> bytes:
    """A webhook body with one text message event (unique ids per n); `post` signs it."""
    event = {"type": "message", "mode": "active", "timestamp": 1732500000000 + n,
             "source": {"type": "user", "userId": "U0123456789abcdef"}, "webhookEventId": f"01SOAK{n:020d}",
             "deliveryContext": {"isRedelivery": False}, "replyToken": f"token-{n}",
             "message": {"type": "text", "id": str(n), "quoteToken": "q", "text": text}}
    return json.dumps({"destination": "U0", "events": [event]}, ensure_ascii=False).encode()


def sign(body: bytes) -> str:
    return base64.b64encode(hmac.new(SECRET.encode(), body, hashlib.sha256).digest()).decode()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


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


@dataclass
class WebProcess:
    """The Procfile's web process started for a run, with its port and log."""

    port: int
    process: subprocess.Popen
    log: Path
    env: dict = field(default_factory=dict)

    @classmethod
    def start(cls, line_url: str, workers: int = 2, extra_env: dict | None = None,
              command: list[str] | None = None) -> "WebProcess":
        """Start the Procfile's web process (or `command` under the same settings) and wait until it is ready."""
        port = free_port()
        data = Path(tempfile.mkdtemp(prefix="monsterbot-soak-"))
        env = dict(os.environ, PORT=str(port), LINE_CHANNEL_SECRET=SECRET, LINE_CHANNEL_ACCESS_TOKEN="soak-token",
                   LINE_API_ENDPOINT=line_url, WEB_CONCURRENCY=str(workers), MONSTERBOT_DATA_DIR=str(data),
                   MONSTERBOT_QUERY_LOG="off", PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
                   **(extra_env or {}))
        log = data / "web.log"
        process = subprocess.Popen(command or procfile_command(), cwd=REPO, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
        web = cls(port, process, log, env)
        web.wait_ready()
        return web

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/readyz", timeout=2) as response:
                    if response.status == 200 and len(children(self.process.pid)) >= int(self.env["WEB_CONCURRENCY"]):
                        return
            except OSError:
                if self.process.poll() is not None:
                    break
            time.sleep(0.1)
        raise RuntimeError(f"web process did not become ready:\n{self.log.read_text()[-2000:]}")

    def stop(self, timeout: float = 40) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout)


def post(url: str, body: bytes, signed: bool = True) -> tuple[int, float]:
    """POST a body to /callback (signed with the soak secret unless told not to); status and seconds taken."""
    headers = {"Content-Type": "application/json"} | ({"X-Line-Signature": sign(body)} if signed else {})
    request = urllib.request.Request(url + "/callback", data=body, method="POST", headers=headers)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, time.perf_counter() - started
    except urllib.error.HTTPError as exc:
        return exc.code, time.perf_counter() - started
    except OSError:
        return 0, time.perf_counter() - started


def soak(seconds: float, rate: float, max_growth_mb: float) -> int:
    """Run the soak and print its report; return the exit code."""
    received = 0
    lock = threading.Lock()

    def count(_recorded) -> None:  # noqa: ANN001
        nonlocal received
        with lock:
            received += 1

    line = LineStandIn(on_request=count, keep=False).start()
    web = WebProcess.start(line.url)
    workers = children(web.process.pid)
    for n in range(20):  # warm-up
        post(web.url, event_body(QUERIES[n % len(QUERIES)], 10_000_000 + n))
    time.sleep(0.5)
    start_rss = {pid: rss_mb(pid) for pid in workers}
    results: list[tuple[int, float]] = []
    interval, sent = 1.0 / rate, 0
    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=16) as pool:
        futures = []
        while time.monotonic() - began < seconds:
            futures.append(pool.submit(post, web.url, event_body(QUERIES[sent % len(QUERIES)], sent)))
            sent += 1
            time.sleep(max(0.0, began + sent * interval - time.monotonic()))
        results = [f.result() for f in futures]
    deadline = time.monotonic() + 10
    while received < sent + 20 and time.monotonic() < deadline:
        time.sleep(0.05)
    end_rss = {pid: rss_mb(pid) for pid in workers}
    code = web.stop()
    line.stop()
    errors = sum(1 for status, _ in results if status != 200)
    latencies = sorted(elapsed * 1000 for _, elapsed in results)
    growth = max((end_rss[p] - start_rss[p] for p in workers), default=0.0)
    p99 = latencies[int(len(latencies) * 0.99) - 1] if latencies else 0.0
    print(f"soak: {len(results)} requests in {seconds:.0f}s at {rate:.0f}/s, {errors} errors, "
          f"{received - 20}/{len(results)} replies, latency p50 {statistics.median(latencies or [0]):.1f} ms "
          f"p99 {p99:.1f} ms, worker RSS {', '.join(f'{start_rss[p]:.0f}→{end_rss[p]:.0f} MB' for p in workers)}, "
          f"SIGTERM exit {code}")
    ok = errors == 0 and received >= len(results) + 20 and growth <= max_growth_mb and code == 0
    return 0 if ok else 1
