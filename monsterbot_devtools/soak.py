"""A bounded soak: the Procfile's web process under a steady rate of signed webhooks, all on loopback.

Reports requests, errors, replies received, latency and the workers' resident memory at the start
and the end; fails (exit 1) on any error, any acknowledged event whose reply LINE never got (matched
by reply token), memory growth beyond the limit, or an unclean stop on SIGTERM. `monsterbot soak --seconds 300` is the
long run; the suite runs a short one.
"""

from __future__ import annotations

import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from monsterbot_devtools.line_standin import LineStandIn, token_name
from monsterbot_devtools.webprocess import ACCESS_TOKEN, WebProcess, children, event_body, post, rss_mb

QUERIES = [
    "火龍",
    "rathlos",
    "リオレウス",
    "雌火龍",
    "rath",
    "今天吃火鍋",
    "哪些魔物怕火",
    "火龍 肉質",
    "narga",
    "help",
]


def soak(seconds: float, rate: float, max_growth_mb: float) -> int:
    """Run the soak and print its report; return the exit code."""
    received: set[str] = set()
    lock = threading.Lock()

    def count(recorded) -> None:
        with lock:
            received.add(token_name(recorded.body["replyToken"]))

    line = LineStandIn(ACCESS_TOKEN, on_request=count, keep=False).start()
    web = WebProcess.start(line.url)
    for n in range(20):  # warm-up
        post(web.url, event_body(QUERIES[n % len(QUERIES)], 10_000_000 + n))
    time.sleep(0.5)
    # the workers alone: the master's store migration, at the lowest priority, may outlive the warm-up on a busy
    # machine, and its growth while it imports and migrates is no worker's
    start_rss = _memory(web.settle())
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
    acknowledged = {f"token-{n}" for n, (status, _) in enumerate(results) if status == 200}
    deadline = time.monotonic() + 10
    while not acknowledged <= received and time.monotonic() < deadline:
        time.sleep(0.05)
    end_rss = _memory(children(web.process.pid))
    workers = sorted(start_rss.keys() & end_rss.keys())  # a worker restarted during the run is measured in neither
    code = web.stop()  # replies still queued are sent during the SIGTERM drain
    line.stop()
    unanswered = sorted(acknowledged - received)
    errors = sum(1 for status, _ in results if status != 200)
    latencies = sorted(elapsed * 1000 for _, elapsed in results)
    growth = max((end_rss[p] - start_rss[p] for p in workers), default=0.0)
    p99 = latencies[int(len(latencies) * 0.99) - 1] if latencies else 0.0
    print(
        f"soak: {len(results)} requests in {seconds:.0f}s at {rate:.0f}/s, {errors} errors, "
        f"{len(acknowledged) - len(unanswered)}/{len(acknowledged)} acknowledged events answered, latency p50 "
        f"{statistics.median(latencies or [0]):.1f} ms "
        f"p99 {p99:.1f} ms, worker RSS {', '.join(f'{start_rss[p]:.0f}→{end_rss[p]:.0f} MB' for p in workers)}, "
        f"SIGTERM exit {code}" + (f"; never answered: {', '.join(unanswered[:5])}" if unanswered else "")
    )
    ok = errors == 0 and not unanswered and growth <= max_growth_mb and code == 0 and bool(workers)
    return 0 if ok else 1


def _memory(pids: list[int]) -> dict[int, float]:
    """Resident memory of each of these processes still running."""
    return {pid: rss for pid in pids if (rss := rss_mb(pid)) is not None}
