"""Benchmarks, each against a floor measured in the same run; `monsterbot bench` writes BENCHMARKS.md.

Figures are medians and spreads of repeated runs and, above all, ratios to their floor, because
timings on shared machines are noisy. Nothing here asserts a speed: the test suite only checks
that `monsterbot bench --quick` runs and writes its table.
"""

from __future__ import annotations

import http.client
import multiprocessing
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from monsterbot.devtools.line_standin import LineStandIn
from monsterbot.devtools.webprocess import REPO, WebProcess, children, event_body, rss_mb, sign

TARGETS = {
    "matcher_real": "p99 ≤ 1 ms",
    "matcher_big": "≤ 3× the floor",
    "webhook": "≥ 50% of the floor's req/s",
    "cold_start": "≤ 1.3× the floor",
    "load_real": "< 100 ms",
    "memory": "< 120 MB",
}


@dataclass
class Row:
    """One line of the table."""

    figure: str
    ours: str
    floor: str
    ratio: float | None
    target: str
    met: bool | None

    def markdown(self) -> str:
        ratio = "" if self.ratio is None else f"{self.ratio:.2f}×"
        met = {True: "✅", False: "❌", None: "—"}[self.met]
        return f"| {self.figure} | {self.ours} | {self.floor} | {ratio} | {self.target} | {met} |"


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


# --- matcher ---------------------------------------------------------------------------------------
_SYLLABLES = "ra tha los ian nar ga cu zi no gre ti rex ba ro th ku lu ya de vil jho ke ra mo ze ga ya ra na".split()
_HAN = "火龍雷冰水風岩影銀金黑白蒼櫻迅轟斬碎爆鋼霞炎冥滅盡怨虎狐泡鳥蟹獸鬼雪月星天地海山林沙"


def synthetic_monsters(count: int, seed: int = 7) -> list:
    """Made-up monsters with Latin and Chinese names (benchmark data, not knowledge)."""
    from monsterbot.core.model import GameFacts, Monster
    from monsterbot.knowledge.records import slug

    rng = random.Random(seed)
    monsters = []
    for i in range(count):
        latin = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))) + f" {i}"
        han = "".join(rng.choice(_HAN) for _ in range(rng.randint(2, 4))) + str(i)
        monsters.append(Monster(slug(latin), {"en": latin, "zh-TW": han}, {}, {"world": GameFacts("world", source="bench")}))
    return monsters


def _queries(keys: list[str], count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    queries = []
    for i in range(count):
        key = rng.choice(keys)
        kind = i % 4
        if kind == 1 and len(key) > 3:  # a typo
            cut = rng.randrange(len(key))
            key = key[:cut] + key[cut + 1:]
        elif kind == 2:  # a miss
            key = "".join(rng.choice(_SYLLABLES) for _ in range(3))
        elif kind == 3:  # a prefix
            key = key[: max(2, len(key) // 2)]
        queries.append(key)
    return queries


def bench_matcher(monsters: list, queries_count: int) -> tuple[list[float], list[float]]:
    """Per-query latencies (ms) of the matcher and of rapidfuzz extractOne over the same keys and scorer."""
    from rapidfuzz import fuzz, process

    from monsterbot.core.matching.matcher import Matcher
    from monsterbot.core.matching.question import parse

    matcher = Matcher(monsters)
    keys = matcher._keys  # the same strings the matcher scores (its index keys)
    queries = _queries(keys, queries_count)
    ours, floor = [], []
    for query in queries:
        question = parse(query)
        started = time.perf_counter_ns()
        matcher.match_question(question)
        ours.append((time.perf_counter_ns() - started) / 1e6)
        started = time.perf_counter_ns()
        process.extractOne(question.subject, keys, scorer=fuzz.ratio)
        floor.append((time.perf_counter_ns() - started) / 1e6)
    return ours, floor


# --- knowledge load ----------------------------------------------------------------------------------
def bench_load(paths: list[Path], repeat: int) -> tuple[list[float], list[float]]:
    """Seconds to load, check and index the YAML knowledge, and to only parse it with PyYAML's C loader."""
    import yaml

    from monsterbot.core.snapshot import Snapshot
    from monsterbot.knowledge.records import yaml_files
    from monsterbot.sources.yaml_files import YamlSource

    ours, floor = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        Snapshot.build(YamlSource(paths).load())
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        for file in yaml_files(paths):
            yaml.load(file.read_text("utf-8"), Loader=yaml.CSafeLoader)
        floor.append(time.perf_counter() - started)
    return ours, floor


def write_synthetic_knowledge(folder: Path, count: int) -> None:
    """count made-up records as knowledge files (benchmark data)."""
    from monsterbot.knowledge.writer import dump_record

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(3)
    for monster in synthetic_monsters(count):
        record = {"id": monster.id, "names": dict(monster.names), "games": {"world": {
            "source": "bench", "elements": {e: rng.randint(0, 3) for e in ("fire", "water", "thunder", "ice", "dragon")},
            "hitzones": [{"part": p, "cut": rng.randint(10, 80), "impact": rng.randint(10, 80)} for p in ("Head", "Body", "Tail")]}}}
        (folder / f"{monster.id}.yaml").write_text(dump_record(record, modeline=False), encoding="utf-8")


# --- processes -----------------------------------------------------------------------------------------
def bench_cold_start(repeat: int) -> tuple[list[float], list[float]]:
    """Process start to the first answered /callback (its reply at the stand-in), and the import floor."""
    ours, floor = [], []
    for n in range(repeat):
        replies: list[float] = []
        line = LineStandIn(on_request=lambda _r, seen=replies: seen.append(time.perf_counter()), keep=False).start()
        started = time.perf_counter()
        web = WebProcess.start(line.url, workers=1)
        answered = _post(web.port, event_body("火龍", 900_000 + n)) == 200
        while answered and not replies and time.perf_counter() - started < 60:
            time.sleep(0.002)
        ours.append((replies[0] if replies else time.perf_counter()) - started)
        web.stop()
        line.stop()
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import flask, linebot.v3.messaging"], check=True)
        floor.append(time.perf_counter() - started)
    return ours, floor


def _post(port: int, body: bytes, connection: http.client.HTTPConnection | None = None) -> int:
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("POST", "/callback", body=body, headers={"Content-Type": "application/json",
                                                                 "X-Line-Signature": sign(body)})
    response = connection.getresponse()
    response.read()
    if own:
        connection.close()
    return response.status


def _load_worker(port: int, seconds: float, offset: int, queue: multiprocessing.Queue) -> None:
    """One client process: keep-alive requests with unique signed events for `seconds`."""
    bodies = [event_body(q, offset + i) for i, q in enumerate(["火龍", "rathlos", "リオレウス", "rath", "今天吃火鍋"] * 400)]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    latencies, errors, i = [], 0, 0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        started = time.perf_counter()
        try:
            status = _post(port, bodies[i % len(bodies)].replace(b"01SOAK", f"{offset:06d}".encode(), 1), connection)
        except (OSError, http.client.HTTPException):
            status, connection = 0, http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        latencies.append(time.perf_counter() - started)
        errors += status != 200
        i += 1
    queue.put((latencies, errors))


def load(port: int, seconds: float, clients: int) -> tuple[float, float, int]:
    """Requests per second, p99 latency (ms) and errors, from `clients` separate processes."""
    queue: multiprocessing.Queue = multiprocessing.Queue()
    processes = [multiprocessing.Process(target=_load_worker, args=(port, seconds, 1_000_000 * (c + 1) + int(time.time()) % 1000, queue))
                 for c in range(clients)]
    for process in processes:
        process.start()
    results = [queue.get() for _ in processes]
    for process in processes:
        process.join()
    latencies = [lat for lats, _ in results for lat in lats]
    return len(latencies) / seconds, _percentile(latencies, 0.99) * 1000, sum(e for _, e in results)


def bench_webhook(seconds: float, clients: int) -> dict[str, tuple[float, float, int, float]]:
    """req/s, p99 ms, errors and worker RSS (MB) for monsterbot and for the hello-world floor."""
    line = LineStandIn(keep=False).start()
    figures = {}
    hello = ["gunicorn", "--config", "python:monsterbot.web.gunicorn_conf", "monsterbot.devtools.hello:app"]
    for name, command in (("floor", hello), ("ours", None)):
        web = WebProcess.start(line.url, workers=2, command=command)
        load(web.port, min(1.0, seconds), clients)  # warm-up
        rps, p99, errors = load(web.port, seconds, clients)
        rss = max(rss_mb(pid) for pid in children(web.process.pid))
        web.stop()
        figures[name] = (rps, p99, errors, rss)
    line.stop()
    return figures


# --- the table ---------------------------------------------------------------------------------------
def run(quick: bool, out: Path) -> list[Row]:
    """Measure everything and write the Markdown table to `out`."""
    from monsterbot.sources.yaml_files import YamlSource

    knowledge = REPO / "knowledge"
    real = list(YamlSource([knowledge]).load().monsters)
    rows: list[Row] = []
    sizes = [("real roster", real)] + [(f"{n:,} synthetic names", synthetic_monsters(n // 2))
                                       for n in ((2_000,) if quick else (10_000, 100_000))]
    for label, monsters in sizes:
        ours, floor = bench_matcher(monsters, 60 if quick else 400)
        p50, p99, f99 = statistics.median(ours), _percentile(ours, 0.99), _percentile(floor, 0.99)
        real_size = label == "real roster"
        target = TARGETS["matcher_real"] if real_size else TARGETS["matcher_big"]
        met = p99 <= 1.0 if real_size else p99 <= 3 * f99
        rows.append(Row(f"matcher, {label}: p50 / p99 per query", f"{p50:.3f} / {p99:.3f} ms",
                        f"{statistics.median(floor):.3f} / {f99:.3f} ms", p99 / f99, target, met))
    ours, floor = bench_load([knowledge], 3 if quick else 7)
    rows.append(Row(f"knowledge load + index, real roster ({len(real)} monsters)",
                    f"{statistics.median(ours) * 1000:.0f} ms (±{(max(ours) - min(ours)) * 500:.0f})",
                    f"{statistics.median(floor) * 1000:.0f} ms", statistics.median(ours) / statistics.median(floor),
                    TARGETS["load_real"], statistics.median(ours) < 0.1))
    synthetic = 500 if quick else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        write_synthetic_knowledge(Path(tmp), synthetic)
        ours, floor = bench_load([Path(tmp)], 1 if quick else 3)
    rows.append(Row(f"knowledge load + index, {synthetic:,} synthetic monsters", f"{statistics.median(ours):.2f} s",
                    f"{statistics.median(floor):.2f} s", statistics.median(ours) / statistics.median(floor), "—", None))
    ours, floor = bench_cold_start(1 if quick else 5)
    ratio = statistics.median(ours) / statistics.median(floor)
    rows.append(Row("cold start: process start → first answered /callback", f"{statistics.median(ours):.2f} s",
                    f"{statistics.median(floor):.2f} s (import flask, linebot.v3.messaging)", ratio,
                    TARGETS["cold_start"], ratio <= 1.3))
    web = bench_webhook(2.0 if quick else 15.0, 2 if quick else 4)
    (rps, p99, errors, rss), (frps, fp99, ferrors, frss) = web["ours"], web["floor"]
    rows.append(Row("webhook req/s (gunicorn, 2 workers; signature + match + reply)",
                    f"{rps:.0f} req/s, p99 {p99:.1f} ms, {errors} errors",
                    f"{frps:.0f} req/s, p99 {fp99:.1f} ms, {ferrors} errors (hello world)", rps / frps, TARGETS["webhook"],
                    rps >= 0.5 * frps))
    rows.append(Row("resident memory per worker after the load", f"{rss:.0f} MB", f"{frss:.0f} MB (hello world)",
                    rss / frss, TARGETS["memory"], rss < 120))
    _write(out, rows, quick)
    return rows


def _write(out: Path, rows: list[Row], quick: bool) -> None:
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"
    header = ["| figure | monsterbot | floor (same run) | ratio | target | met |", "|---|---|---|---|---|---|"]
    table = "\n".join(header + [r.markdown() for r in rows])
    text = f"""# Benchmarks

Measured by `monsterbot bench{' --quick' if quick else ''}` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}
({machine}). Each figure is compared with a floor measured in the same run; the ratio is the figure that
travels between machines.

{table}
"""
    notes = REPO / "docs" / "benchmark-notes.md"
    if notes.exists():
        text += "\n" + notes.read_text("utf-8")
    out.write_text(text, encoding="utf-8")
    print(table)
