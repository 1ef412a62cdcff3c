"""Benchmarks, each against a floor measured in the same run; `monsterbot bench` writes BENCHMARKS.md.

Figures are medians and spreads of repeated runs and, above all, ratios to their floor, because
timings on shared machines are noisy. The targets are what the project aims at; the checks (`Check`) are bounds any
run must keep, whatever the machine: ratios to a floor of the same run with margins a busy machine stays far inside
(several times what quick runs gave under loads of 8 to 13 on 2 cores; widest where ours and its floor are timed one
after the other, so a burst of load can fall on one of them), and counts that must be exact. `monsterbot bench`
(and the test suite's `--quick` run) fails when one is broken.
"""

from __future__ import annotations

import compileall
import http.client
import importlib
import multiprocessing
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from monsterbot.sources.compiled import CACHE_FILE
from monsterbot_devtools.line_standin import LineStandIn
from monsterbot_devtools.webprocess import ACCESS_TOKEN, REPO, WebProcess, children, event_body, sign

TARGETS = {
    "matcher_real": "p99 ≤ 1 ms",
    "matcher_big": "≤ 3× the floor",
    "webhook": "≥ 3× the echo example's req/s",
    "p99": "≤ 0.5× the echo example's",
    "cpu": "≤ 1.5× hello world's",
    "cold_start": "≤ 0.8× the echo example's",
    "scale_from_zero": "≤ 0.8× the echo example's",
    "ask": "≤ 3× the floor",
    "load_real": "< 100 ms",
    "memory": "≤ 1.2× the echo example's whole process",
    "webhook_10k": "≥ 0.8× at the real roster",
    "matcher_10k": "p99 ≤ 1 ms",
    "load_10k": "< 1 s",
    "reload_10k": "< 100 ms",
}


@dataclass(frozen=True)
class Check:
    """A bound a run must keep on any machine: `value` (a ratio to a floor of the same run, or a count) at most
    `most` and at least `least`."""

    what: str
    value: float
    most: float | None = None
    least: float | None = None

    def holds(self) -> bool:
        return (self.most is None or self.value <= self.most) and (self.least is None or self.value >= self.least)

    def __str__(self) -> str:
        bounds = [
            f"≤ {self.most:g}" if self.most is not None else "",
            f"≥ {self.least:g}" if self.least is not None else "",
        ]
        return f"{self.what}: {self.value:.3g} (must be {' and '.join(b for b in bounds if b)})"


@dataclass
class Row:
    """One line of the table, and the checks its figures must pass."""

    figure: str
    ours: str
    floor: str
    ratio: float | None
    target: str
    met: bool | None
    checks: list[Check] = field(default_factory=list)

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
        monsters.append(
            Monster(slug(latin), {"en": latin, "zh-TW": han}, {}, {"world": GameFacts("world", source="bench")})
        )
    return monsters


def _queries(keys: list[str], count: int, seed: int = 11) -> list[str]:
    """Exact keys, typos, misses, prefixes and keys spelled in pinyin (what the phonetic index serves)."""
    from monsterbot.core.matching.pinyin import readings

    rng = random.Random(seed)
    queries = []
    for i in range(count):
        key = rng.choice(keys)
        kind = i % 5
        if kind == 1 and len(key) > 3:  # a typo
            cut = rng.randrange(len(key))
            key = key[:cut] + key[cut + 1 :]
        elif kind == 2:  # a miss
            key = "".join(rng.choice(_SYLLABLES) for _ in range(3))
        elif kind == 3:  # a prefix
            key = key[: max(2, len(key) // 2)]
        elif kind == 4:  # typed in pinyin, without the synthetic names' numbers
            key = "".join(ch for ch in readings().usual_spelling(key) or key if ch.isalpha())
        queries.append(key)
    return queries


class MatcherTimes(NamedTuple):
    """Per-query milliseconds of the matcher and of rapidfuzz extractOne over the same keys and scorer, wall and CPU
    (this thread's: what a busy machine's waits for a core do not inflate), and the index's build (CPU seconds)."""

    ours: list[float]
    floor: list[float]
    ours_cpu: list[float]
    floor_cpu: list[float]
    build: float


def bench_matcher(monsters: list, queries_count: int) -> MatcherTimes:
    """The matcher's and rapidfuzz's times per query (MatcherTimes)."""
    from rapidfuzz import fuzz, process

    from monsterbot.core.matching.matcher import Matcher
    from monsterbot.core.matching.question import parse

    started = time.process_time()
    matcher = Matcher(monsters)
    build = time.process_time() - started
    keys = sorted(matcher._entries)  # the same strings the matcher scores (its index keys)
    queries = _queries(keys, queries_count)
    for query in _queries(keys, min(100, queries_count), seed=12):  # warm both up, on other queries than those timed
        question = parse(query)
        matcher.match_question(question)
        process.extractOne(question.subject, keys, scorer=fuzz.ratio)
    times = MatcherTimes([], [], [], [], build)
    for query in queries:
        question = parse(query)
        started, cpu = time.perf_counter_ns(), time.thread_time_ns()
        matcher.match_question(question)
        times.ours.append((time.perf_counter_ns() - started) / 1e6)
        times.ours_cpu.append((time.thread_time_ns() - cpu) / 1e6)
        started, cpu = time.perf_counter_ns(), time.thread_time_ns()
        process.extractOne(question.subject, keys, scorer=fuzz.ratio)
        times.floor.append((time.perf_counter_ns() - started) / 1e6)
        times.floor_cpu.append((time.thread_time_ns() - cpu) / 1e6)
    return times


# --- knowledge load ----------------------------------------------------------------------------------
def load_as_a_start(paths: list[Path], data: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds to load, check and index the YAML knowledge as a web process starts (with the compiled
    cache in `data`: parsed and written when absent or stale, else read), and the files parsed."""
    from monsterbot.sources.compiled import KnowledgeCache
    from monsterbot.sources.live import LiveKnowledge
    from monsterbot.sources.yaml_files import YamlSource

    started, cpu = time.perf_counter(), time.process_time()
    source = YamlSource(paths, KnowledgeCache(data))
    LiveKnowledge(source.load, seed=source.compiled_index).reload(strict=True)
    return time.perf_counter() - started, time.process_time() - cpu, source.files_read


def bench_load(paths: list[Path], repeat: int) -> dict[str, list[float]]:
    """Seconds to load, check and index the YAML knowledge as a start does, cold (no compiled cache: it is written)
    and warm (from the cache); and the floor, PyYAML's C loader parsing the files alone (warm and floor in CPU
    seconds too)."""
    import yaml

    from monsterbot.knowledge.files import yaml_files

    figures: dict[str, list[float]] = {"cold": [], "warm": [], "floor": [], "warm_cpu": [], "floor_cpu": []}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as data:
            figures["cold"].append(load_as_a_start(paths, Path(data))[0])
            warm, warm_cpu, _ = load_as_a_start(paths, Path(data))
            figures["warm"].append(warm)
            figures["warm_cpu"].append(warm_cpu)
        started, cpu = time.perf_counter(), time.process_time()
        for file in yaml_files(paths):
            yaml.load(file.read_text("utf-8"), Loader=yaml.CSafeLoader)
        figures["floor"].append(time.perf_counter() - started)
        figures["floor_cpu"].append(time.process_time() - cpu)
    return figures


def write_synthetic_knowledge(folder: Path, count: int) -> None:
    """count made-up records as knowledge files (benchmark data)."""
    from monsterbot.knowledge.writer import dump_record

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(3)
    for monster in synthetic_monsters(count):
        record = {
            "id": monster.id,
            "names": dict(monster.names),
            "games": {
                "world": {
                    "source": "bench",
                    "elements": {e: rng.randint(0, 3) for e in ("fire", "water", "thunder", "ice", "dragon")},
                    "hitzones": [
                        {"part": p, "cut": rng.randint(10, 80), "impact": rng.randint(10, 80)}
                        for p in ("Head", "Body", "Tail")
                    ],
                }
            },
        }
        (folder / f"{monster.id}.yaml").write_text(dump_record(record, modeline=False), encoding="utf-8")


def measure_scale(count: int, reloads: int) -> dict[str, float | list[float]]:
    """Figures of `count` synthetic monsters in this process: a full load + index as a start does without a compiled
    cache (and its floor, PyYAML's C parser alone), the same in a new process from the cache it wrote (warm),
    reloads after a one-file change (and their floor, a stat of every file: how a reload learns what changed), the
    files each read, and the peak memory of the process. CPU seconds are given beside wall times: on a shared
    machine they say what the work costs without the wait for a core."""
    import json
    import resource

    import yaml

    from monsterbot.knowledge.files import yaml_files
    from monsterbot.sources.compiled import KnowledgeCache
    from monsterbot.sources.live import LiveKnowledge
    from monsterbot.sources.yaml_files import YamlSource

    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as data:
        folder = Path(tmp)
        write_synthetic_knowledge(folder, count)
        past = time.time() - 3600  # files older than the racy window, as knowledge edited a while ago
        files = yaml_files([folder])
        for file in files:
            os.utime(file, (past, past))
        started, cpu = time.perf_counter(), time.process_time()
        for file in files:
            yaml.load(file.read_text("utf-8"), Loader=yaml.CSafeLoader)
        parse, parse_cpu = time.perf_counter() - started, time.process_time() - cpu
        started, cpu = time.perf_counter(), time.process_time()
        source = YamlSource([folder], KnowledgeCache(Path(data)))
        live = LiveKnowledge(source.load, seed=source.compiled_index)
        live.reload(strict=True)
        full, full_cpu = time.perf_counter() - started, time.process_time() - cpu
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        code = (
            "import json, sys; from pathlib import Path; from monsterbot_devtools.bench import load_as_a_start; "
            "print(json.dumps(load_as_a_start([Path(sys.argv[1])], Path(sys.argv[2]))))"
        )
        warm = json.loads(
            subprocess.run(
                [sys.executable, "-c", code, str(folder), data], check=True, cwd=REPO, capture_output=True, text=True
            ).stdout
        )
        text = files[count // 2].read_text("utf-8")
        times, cpus, stats, stat_cpus, read = [], [], [], [], []
        for n in range(reloads):
            files[count // 2].write_text(text.replace("source: bench", f"source: bench {n}"), encoding="utf-8")
            os.utime(files[count // 2], (past + n + 1, past + n + 1))
            started, cpu = time.perf_counter(), time.process_time()
            live.reload(strict=True)
            times.append(time.perf_counter() - started)
            cpus.append(time.process_time() - cpu)
            read.append(source.files_read)
            started, cpu = time.perf_counter(), time.process_time()
            for file in files:
                os.stat(file)
            stats.append(time.perf_counter() - started)
            stat_cpus.append(time.process_time() - cpu)
    return {
        "full": full,
        "full_cpu": full_cpu,
        "warm": warm[0],
        "warm_cpu": warm[1],
        "warm_read": warm[2],
        "parse": parse,
        "parse_cpu": parse_cpu,
        "reload": times,
        "reload_cpu": cpus,
        "stat": stats,
        "stat_cpu": stat_cpus,
        "read": max(read),
        "rss_mb": rss,
    }


def scale_rows(count: int, reloads: int) -> list[Row]:
    """Full load, reload after a one-file change and memory at `count` synthetic monsters, in a fresh process."""
    import json

    code = (
        "import json; from monsterbot_devtools.bench import measure_scale; "
        f"print(json.dumps(measure_scale({count}, {reloads})))"
    )
    figures = json.loads(
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=REPO).stdout
    )
    full, parse = figures["full"], figures["parse"]
    reload, stat = statistics.median(figures["reload"]), statistics.median(figures["stat"])
    reload_cpu = statistics.median(figures["reload_cpu"])
    big = count >= 100_000
    warm = figures["warm"]
    return [
        Row(
            f"knowledge full load + index as a start does, {count:,} synthetic monsters: from the compiled cache "
            f"(files parsed: {figures['warm_read']}); cold, without it (writing it)",
            f"{warm:.2f} s (CPU {figures['warm_cpu']:.2f} s); cold {full:.2f} s (CPU {figures['full_cpu']:.2f} s)",
            f"{parse:.2f} s (PyYAML's C parser alone)",
            warm / parse,
            "—" if big else TARGETS["load_10k"],
            None if big else warm < 1.0,
            [
                Check(
                    f"files parsed by a start from the compiled cache, {count:,} monsters", figures["warm_read"], most=0
                ),
                Check(
                    f"a start from the compiled cache / PyYAML's parse, CPU, {count:,} monsters",
                    figures["warm_cpu"] / figures["parse_cpu"],
                    most=4,
                ),
            ],
        ),
        Row(
            f"reload after a one-file change, {count:,} synthetic monsters (files read: {figures['read']})",
            f"{reload * 1000:.0f} ms (±{(max(figures['reload']) - min(figures['reload'])) * 500:.0f}; "
            f"CPU {reload_cpu * 1000:.0f} ms)",
            f"{stat * 1000:.0f} ms (a stat of every file; CPU {statistics.median(figures['stat_cpu']) * 1000:.0f} ms)",
            reload / stat,
            "—" if big else TARGETS["reload_10k"],
            None if big else reload < 0.1,
            [
                Check(
                    f"files read by a reload after a one-file change, {count:,} monsters",
                    figures["read"],
                    least=1,
                    most=1,
                )
            ],
        ),
        Row(
            f"peak memory of a process that loaded {count:,} synthetic monsters",
            f"{figures['rss_mb']:.0f} MB",
            "",
            None,
            "—",
            None,
        ),
    ]


# --- processes -----------------------------------------------------------------------------------------
#: The web processes measured, each under the same gunicorn settings (monsterbot's own: the Procfile's web line).
COMMANDS: dict[str, list[str] | None] = {
    "ours": None,
    # the floors on the stdlib's loop: the echo example, whose handler runs on threads, spends more CPU under uvloop
    "echo": [
        "gunicorn",
        "--config",
        "python:monsterbot.web.gunicorn_conf",
        "--asgi-loop",
        "asyncio",
        "monsterbot_devtools.echo:app",
    ],
    "hello": [
        "gunicorn",
        "--config",
        "python:monsterbot.web.gunicorn_conf",
        "--asgi-loop",
        "asyncio",
        "monsterbot_devtools.hello:app",
    ],
    # the SDK's own work for a webhook that replies: its parser and asyncio client, on the loop, on uvloop as ours
    "sdk": ["gunicorn", "--config", "python:monsterbot.web.gunicorn_conf", "monsterbot_devtools.echo_async:app"],
}
#: The floors that answer a webhook without replying: their loads wait for no reply (they would wait 10 s each).
SENDS_REPLIES = {"hello": False}
#: monsterbot as shipped: WebProcess turns the query log off for tests, the benchmark measures it on (the default).
AS_SHIPPED = {"MONSTERBOT_QUERY_LOG": "on"}
IMPORT_FLOOR = "import os, flask, linebot.v3.messaging, linebot.v3.webhook; os._exit(0)"  # no interpreter shutdown


def _tree(pid: int) -> list[int]:
    return [pid, *children(pid)]


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds used so far by these processes (all their threads), the first one's ended children
    included (a child that ended, such as the store's migration, has its CPU counted there once reaped)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for n, pid in enumerate(pids):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended since it was listed: counted with its parent's children
            continue
        total += sum(int(f) for f in fields[11 : 15 if n == 0 else 13]) / ticks
    return total


def pss_mb(pid: int) -> float:
    """Proportional set size: the process's share of the memory it maps (shared pages divided among sharers); 0 for
    a process that has ended (the store's migration)."""
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:  # ended (gone, or a zombie not yet reaped)
        return 0.0
    for line in lines:
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


def bench_cold_start(repeat: int) -> dict[str, list[float]]:
    """Seconds from process start to the first webhook answered (its 200: "<name>"), posted as soon as the process
    listens; and to the reply of a message already waiting (scale from zero: "<name>_reply"), sent before the process
    starts into the backlog of the listening socket it is handed, as Knative's activator holds a request until a pod
    takes it; ours as the image ships it (with its compiled knowledge, `monsterbot compile --into`, on a new data
    folder) and the echo example's, interleaved; and the floor of importing what the echo example imports."""
    with as_shipped() as shipped:
        return _cold_starts(shipped, repeat)


@contextmanager
def as_shipped() -> Iterator[dict[str, str]]:
    """monsterbot as the image ships it, for a run: its modules byte-compiled (`byte_compile`), the query log on and
    the image's compiled knowledge (`monsterbot compile --into`, MONSTERBOT_COMPILED_KNOWLEDGE); each process gets a
    new data folder."""
    byte_compile()
    with tempfile.TemporaryDirectory(prefix="monsterbot-image-") as image:
        subprocess.run(
            [str(Path(sys.executable).parent / "monsterbot"), "compile", "--into", image],
            check=True,
            capture_output=True,
            cwd=REPO,
        )
        yield AS_SHIPPED | {"MONSTERBOT_COMPILED_KNOWLEDGE": str(Path(image) / CACHE_FILE)}


#: The packages whose modules the measured processes import from this checkout: monsterbot, and the floors' apps.
BYTE_COMPILED = ("monsterbot", "monsterbot_devtools")


def byte_compile(folders: Iterable[str] | None = None) -> None:
    """Write the bytecode of the modules of `folders` (BYTE_COMPILED's packages' by default) beside them, as the
    image's `pip install` does for every module it installs. The image, like this project's environments, sets
    PYTHONDONTWRITEBYTECODE: a checkout's modules would be compiled from source at every start (about 80 ms of CPU of a
    cold start: ~80 modules of monsterbot's, a few of a floor's), which no image start does. A module whose bytecode is
    current is left as it is."""
    for folder in folders if folders is not None else package_folders():
        compileall.compile_dir(folder, quiet=2)


def package_folders() -> list[str]:
    """The folders BYTE_COMPILED's packages are imported from."""
    return [folder for package in BYTE_COMPILED for folder in importlib.import_module(package).__path__]


def _cold_starts(shipped: dict[str, str], repeat: int) -> dict[str, list[float]]:
    names = [f"{name}{key}{cpu}" for name in ("ours", "echo") for key in ("", "_reply") for cpu in ("", "_cpu")]
    figures: dict[str, list[float]] = {name: [] for name in [*names, "imports"]}
    for n in range(repeat):
        for name in ("ours", "echo") if n % 2 == 0 else ("echo", "ours"):
            for key, measure, event in (("", _first_answer, 900_000), ("_reply", _waiting_reply, 900_001)):
                seconds, cpu = measure(name, shipped, event + 2 * n)
                figures[f"{name}{key}"].append(seconds)
                figures[f"{name}{key}_cpu"].append(cpu)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", IMPORT_FLOOR], check=True)
        figures["imports"].append(time.perf_counter() - started)
    return figures


def _first_answer(name: str, env: dict[str, str], n: int) -> tuple[float, float]:
    """Seconds from process start to the 200 of a webhook posted as soon as the process listens, and the CPU seconds
    its processes spent until then."""
    line = LineStandIn(ACCESS_TOKEN, keep=False).start()
    started = time.perf_counter()
    web = WebProcess.spawn(line.url, workers=1, command=COMMANDS[name], extra_env=env)
    body = event_body("火龍", n)
    try:
        while time.perf_counter() - started < 60:
            try:
                if _post(web.port, body) == 200:
                    break
            except OSError:  # not listening yet
                time.sleep(0.005)
        return time.perf_counter() - started, cpu_seconds(_tree(web.process.pid))
    finally:
        web.stop()
        line.stop()


def _waiting_reply(name: str, env: dict[str, str], n: int) -> tuple[float, float]:
    """Seconds from process start to its reply reaching LINE, for a webhook posted before the process started (the
    request waits in the backlog of a listening socket handed to the process: gunicorn's `--bind fd://`), and the CPU
    seconds its processes spent until then."""
    replies: list[float] = []
    line = LineStandIn(ACCESS_TOKEN, on_request=lambda _recorded: replies.append(time.perf_counter()), keep=False)
    line.start()
    body = event_body("火龍", n)
    with socket.create_server(("127.0.0.1", 0), backlog=64) as listener:
        connection = http.client.HTTPConnection("127.0.0.1", listener.getsockname()[1], timeout=60)
        connection.request(
            "POST", "/callback", body=body, headers={"Content-Type": "application/json", "X-Line-Signature": sign(body)}
        )  # in the backlog: nothing accepts it yet
        started = time.perf_counter()
        web = WebProcess.spawn(line.url, workers=1, command=COMMANDS[name], extra_env=env, listener=listener)
    try:
        response = connection.getresponse()
        response.read()
        while not replies and time.perf_counter() - started < 60:
            time.sleep(0.001)
        if response.status != 200 or not replies:
            raise RuntimeError(f"{name}: the waiting message was not answered ({response.status})")
        return replies[0] - started, cpu_seconds(_tree(web.process.pid))
    finally:
        connection.close()
        web.stop()
        line.stop()


def bench_ask(count: int) -> tuple[float, float, float]:
    """CPU seconds of `monsterbot ask --json` answering `count` queries in one process (after its start), of the same
    with `--fields outcome,score`, and of the floor: rapidfuzz's extractOne (its default scorer) over the same names."""
    import io

    from rapidfuzz import process

    from monsterbot.cli.talk import ask_json
    from monsterbot.config import Settings
    from monsterbot.conversation import Conversation
    from monsterbot.sources import load_knowledge

    settings = Settings.from_env(require_line=False)
    conversation = Conversation(load_knowledge(settings), settings.default_game)
    keys = sorted(conversation.knowledge.current.matcher._entries)
    queries = _queries(keys, count)
    ask_json(conversation, _queries(keys, min(200, count), seed=12), io.StringIO())  # warm-up, other queries
    figures = []
    for only in ((), ("outcome", "score")):
        started = time.process_time()
        ask_json(conversation, queries, io.StringIO(), only)
        figures.append(time.process_time() - started)
    started = time.process_time()
    for query in queries:
        process.extractOne(query, keys)
    return figures[0], figures[1], time.process_time() - started


def _post(port: int, body: bytes, connection: http.client.HTTPConnection | None = None) -> int:
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(
        "POST", "/callback", body=body, headers={"Content-Type": "application/json", "X-Line-Signature": sign(body)}
    )
    response = connection.getresponse()
    response.read()
    if own:
        connection.close()
    return response.status


_LOAD_QUERIES = ["火龍", "rathlos", "リオレウス", "rath", "今天吃火鍋", "哪些魔物怕火", "nargacuga hitzones"]


def _load_worker(
    port: int, seconds: float, first_id: int, queue: multiprocessing.Queue, every: float = 0.0, offset: float = 0.0
) -> None:
    """One client process: keep-alive requests, each a new event (its own id and reply token), for `seconds` as fast
    as they are answered or, `every` seconds apart (the first after `offset`), the requests `seconds` holds on that
    schedule, every one of them sent whenever the server answers: one late for its time goes at once, its latency
    counted from that time (a slow answer is not hidden by the requests it delayed). Reports the latencies, the
    errors and the seconds it took."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    latencies, errors, i = [], 0, 0
    begun = time.perf_counter()
    while True:
        now = time.perf_counter()
        if every:
            started = begun + offset + i * every
            if started - begun >= seconds:
                break
            if started > now:
                time.sleep(started - now)
        elif now - begun >= seconds:
            break
        else:
            started = now
        body = event_body(_LOAD_QUERIES[i % len(_LOAD_QUERIES)], first_id + i)
        try:
            status = _post(port, body, connection)
        except (OSError, http.client.HTTPException):
            status, connection = 0, http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        latencies.append(time.perf_counter() - started)
        errors += status != 200
        i += 1
    queue.put((latencies, errors, time.perf_counter() - begun))


@dataclass
class Load:
    """One measured load on one web process."""

    rps: float
    p99_ms: float
    errors: int
    requests: int
    replies: int
    cpu_ms_per_request: float


_next_id = [int(time.time()) % 100_000 * 1_000_000_000]
#: The load offered to every server for its CPU per request, all clients together: this share of the req/s the
#: slowest of them answered in its warm-up (as fast as answered) in the same run. The same load for each, below what
#: any of them answers on this machine as loaded as it is, so that a server's CPU per request is that of the same
#: load, not of how saturated the machine was while it ran.
PACED_SHARE = 0.5
#: Clients of that load: each waits for its answer before its next request, and a webhook that replies waits for its
#: reply to reach the stand-in before it responds (10-40 ms on a loaded machine), so enough of them that the load
#: keeps its schedule whatever the server's latency.
PACED_CLIENTS = 8


def load(
    web: WebProcess, seconds: float, clients: int, replies: list[int], answers: bool = True, rate: float = 0.0
) -> Load:
    """`clients` separate processes send unique events for `seconds`, as fast as they are answered or, with `rate`,
    `rate` × `seconds` requests on a schedule of `rate` a second in all (each client in turn, evenly spaced; req/s is
    then the requests over the time the last client took: below `rate` when the server fell behind); CPU of the
    whole web process is counted,
    once the replies are in (`answers`: the server sends one per event; hello world sends none, nothing to wait
    for)."""
    queue: multiprocessing.Queue = multiprocessing.Queue()
    pids = _tree(web.process.pid)
    before_replies, before_cpu = replies[0], cpu_seconds(pids)
    processes = []
    every = clients / rate if rate else 0.0
    for n in range(clients):
        args = (web.port, seconds, _next_id[0], queue, every, n / rate if rate else 0.0)
        processes.append(multiprocessing.Process(target=_load_worker, args=args))
        _next_id[0] += 10_000_000
    for process in processes:
        process.start()
    results = [queue.get() for _ in processes]
    for process in processes:
        process.join()
    latencies = [lat for lats, _, _ in results for lat in lats]
    deadline = time.perf_counter() + 10  # replies leave after the 200: wait for the last ones
    while answers and replies[0] - before_replies < len(latencies) and time.perf_counter() < deadline:
        time.sleep(0.01)
    cpu = cpu_seconds(pids) - before_cpu
    return Load(
        len(latencies) / (max(took for _, _, took in results) if rate else seconds),  # paced: till the last answer
        _percentile(latencies, 0.99) * 1000,
        sum(e for _, e, _ in results),
        len(latencies),
        replies[0] - before_replies,
        cpu * 1000 / max(1, len(latencies)),
    )


@dataclass
class WebhookRun:
    """Every load per web process (as fast as answered; at the fixed offered load, `paced`), and each process's memory
    after them (PSS of the whole process, of one worker)."""

    loads: dict[str, list[Load]]
    paced: dict[str, list[Load]]
    paced_rps: float  # the load offered for `paced`
    pss_total_mb: dict[str, float]
    pss_worker_mb: dict[str, float]


def bench_webhook(seconds: float, clients: int, rounds: int, knowledge: Path | None = None) -> WebhookRun:
    """Loads on monsterbot as shipped, the SDK's echo example, its echo on the loop with the SDK's asyncio client and
    hello world (and, with `knowledge`, monsterbot on that knowledge as "big": no compiled knowledge of it), started
    once each and measured interleaved: in each round, each server takes a load as fast as it answers (`seconds`),
    then (but "big") the same requests a second for each (`paced_rps`, PACED_SHARE of the slowest warm-up's req/s;
    for `seconds` / 2, at least 2 s)."""
    replies = [0]

    def count(_recorded: object) -> None:
        replies[0] += 1

    line = LineStandIn(ACCESS_TOKEN, on_request=count, keep=False).start()
    names = list(COMMANDS) + (["big"] if knowledge else [])

    def start(name: str, shipped: dict[str, str]) -> WebProcess:
        extra = (AS_SHIPPED | {"MONSTERBOT_KNOWLEDGE": str(knowledge)}) if name == "big" else shipped
        web = WebProcess.start(line.url, workers=2, command=COMMANDS.get(name), extra_env=extra)
        web.settle()
        return web

    with as_shipped() as shipped:
        webs = {name: start(name, shipped) for name in names}
        run = WebhookRun({name: [] for name in names}, {name: [] for name in COMMANDS}, 0.0, {}, {})
        try:
            warm = {
                name: load(web, min(1.0, seconds), clients, replies, SENDS_REPLIES.get(name, True))
                for name, web in webs.items()
            }
            run.paced_rps = max(1, round(PACED_SHARE * min(warm[name].rps for name in COMMANDS)))
            for r in range(rounds):
                for name in names[r % len(names) :] + names[: r % len(names)]:
                    answers = SENDS_REPLIES.get(name, True)
                    run.loads[name].append(load(webs[name], seconds, clients, replies, answers))
                    if name in COMMANDS:  # the floors and ours as shipped: their CPU per request is compared
                        run.paced[name].append(
                            load(webs[name], max(2.0, seconds / 2), PACED_CLIENTS, replies, answers, run.paced_rps)
                        )
            for name, web in webs.items():
                pids = _tree(web.process.pid)
                run.pss_total_mb[name] = sum(pss_mb(p) for p in pids)
                run.pss_worker_mb[name] = max(pss_mb(p) for p in pids[1:])
        finally:
            for web in webs.values():
                web.stop()
            line.stop()
    return run


# --- the table ---------------------------------------------------------------------------------------
def run(quick: bool, out: Path) -> list[Row]:
    """Measure everything and write the Markdown table to `out`."""
    from monsterbot.sources.yaml_files import YamlSource

    knowledge = REPO / "knowledge"
    real = list(YamlSource([knowledge]).load().monsters)
    rows: list[Row] = []
    sizes = [("real roster", real)] + [
        (f"{n:,} synthetic monsters", synthetic_monsters(n)) for n in ((1_000,) if quick else (10_000, 100_000))
    ]
    for label, monsters in sizes:
        ours, floor, ours_cpu, floor_cpu, build = bench_matcher(monsters, 60 if quick else 400)
        p50, p99, f99 = statistics.median(ours), _percentile(ours, 0.99), _percentile(floor, 0.99)
        within_1ms = label in ("real roster", "10,000 synthetic monsters")
        target = (
            TARGETS["matcher_real" if label == "real roster" else "matcher_10k"]
            if within_1ms
            else TARGETS["matcher_big"]
        )
        met = p99 <= 1.0 if within_1ms else p99 <= 3 * f99
        f50, cpu50, fcpu50 = statistics.median(floor), statistics.median(ours_cpu), statistics.median(floor_cpu)
        rows.append(
            Row(
                f"matcher, {label}: p50 / p99 per query",
                f"{p50:.3f} / {p99:.3f} ms (index {build:.2f} s CPU)",
                f"{f50:.3f} / {f99:.3f} ms",
                p99 / f99,
                target,
                met,
                # the median CPU: a p99 of a quick run's few queries is one preempted query on a busy machine
                [Check(f"matcher p50 / rapidfuzz's p50, CPU, {label}", cpu50 / fcpu50, most=15)],
            )
        )
    load = bench_load([knowledge], 3 if quick else 7)
    warm, cold, parse = (statistics.median(load[kind]) for kind in ("warm", "cold", "floor"))
    rows.append(
        Row(
            f"knowledge load + index as a start does, real roster ({len(real)} monsters): from the compiled "
            "cache; cold, without it (writing it)",
            f"{warm * 1000:.0f} ms (±{(max(load['warm']) - min(load['warm'])) * 500:.0f}); cold {cold * 1000:.0f} ms",
            f"{parse * 1000:.0f} ms (PyYAML's C parser alone)",
            warm / parse,
            TARGETS["load_real"],
            warm < 0.1,
            [
                Check(
                    "knowledge load from the compiled cache / PyYAML's parse of the files, CPU",
                    statistics.median(load["warm_cpu"]) / statistics.median(load["floor_cpu"]),
                    most=1,
                )
            ],
        )
    )
    rows += scale_rows(500 if quick else 10_000, 3 if quick else 9)
    if not quick:
        rows += scale_rows(100_000, 3)
    rows += process_rows(quick)
    _write(out, rows, quick)
    return rows


def process_rows(quick: bool) -> list[Row]:
    """Cold start, webhook throughput, latency, CPU and memory against the SDK's echo example, interleaved."""
    median = statistics.median
    rows: list[Row] = []
    cold = bench_cold_start(1 if quick else 6)
    for key, figure, target in (
        ("", "cold start: process start → first webhook answered (its 200)", "cold_start"),
        (
            "_reply",
            "scale from zero: process start → first reply sent, for a message waiting in the socket's backlog",
            "scale_from_zero",
        ),
    ):
        ours, echo = median(cold[f"ours{key}"]), median(cold[f"echo{key}"])
        rows.append(
            Row(
                figure,
                f"{ours:.2f} s ({_spread(cold[f'ours{key}'])})",
                f"{echo:.2f} s (echo example, {_spread(cold[f'echo{key}'])}; importing its libraries alone: "
                f"{median(cold['imports']):.2f} s)",
                ours / echo,
                TARGETS[target],
                ours <= 0.8 * echo,
                # CPU: one wall-clock start of each on a busy machine can differ many times over
                [
                    Check(
                        f"{figure.split(':')[0]}, CPU / the echo example's",
                        median(cold[f"ours{key}_cpu"]) / median(cold[f"echo{key}_cpu"]),
                        most=5,
                    )
                ],
            )
        )
    synthetic = 500 if quick else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        write_synthetic_knowledge(Path(tmp), synthetic)
        run = bench_webhook(1.5 if quick else 10.0, 2 if quick else 4, 1 if quick else 3, knowledge=Path(tmp))
    mine, theirs, hello, sdk = (run.loads[name] for name in ("ours", "echo", "hello", "sdk"))
    paced = [run.paced[name] for name in ("ours", "echo", "hello", "sdk")]
    answering = [name for name in run.loads if SENDS_REPLIES.get(name, True)]
    unanswered = sum(
        abs(x.requests - x.replies) + x.errors for n in answering for x in run.loads[n] + run.paced.get(n, [])
    )
    kept_pace = min(x.rps for loads in run.paced.values() for x in loads) / run.paced_rps
    rps, erps, hrps = (median(x.rps for x in loads) for loads in (mine, theirs, hello))
    rows.append(
        Row(
            "webhook req/s (gunicorn, 2 asyncio workers; unique events, every one answered)",
            f"{rps:.0f} req/s" + ("" if not unanswered else " ⚠ replies ≠ requests"),
            f"{erps:.0f} req/s (echo example); hello world {hrps:.0f} req/s",
            rps / erps,
            TARGETS["webhook"],
            rps >= 3 * erps and not unanswered,
            [
                Check("webhook req/s / the echo example's", rps / erps, least=0.1),
                Check("webhooks not answered exactly once, or failed (every server)", unanswered, most=0),
            ],
        )
    )
    p99, ep99, hp99 = (median(x.p99_ms for x in loads) for loads in (mine, theirs, hello))
    rows.append(
        Row(
            "webhook p99 latency under that load",
            f"{p99:.1f} ms",
            f"{ep99:.1f} ms (echo example); hello world {hp99:.1f} ms; at {run.paced_rps:.0f} req/s offered: "
            f"{median(x.p99_ms for x in paced[0]):.1f} ms, echo example {median(x.p99_ms for x in paced[1]):.1f} ms",
            p99 / ep99,
            TARGETS["p99"],
            p99 <= 0.5 * ep99,
            [Check("webhook p99 / the echo example's", p99 / ep99, most=20)],
        )
    )
    cpu, ecpu, hcpu, scpu = (median(x.cpu_ms_per_request for x in loads) for loads in paced)
    rows.append(
        Row(
            f"server CPU per answered webhook at {run.paced_rps:.0f} req/s offered to each server (master + "
            "workers; the query log on, as shipped)",
            f"{cpu:.2f} ms ({_spread([x.cpu_ms_per_request for x in paced[0]])}); as fast as answered "
            f"{median(x.cpu_ms_per_request for x in mine):.2f} ms against hello world's "
            f"{median(x.cpu_ms_per_request for x in hello):.2f} ms",
            f"{hcpu:.2f} ms (hello world, which sends no reply); the SDK's echo on the loop (its parser and asyncio "
            f"client) {scpu:.2f} ms = {scpu / hcpu:.2f}× hello world; echo example {ecpu:.2f} ms",
            cpu / hcpu,
            TARGETS["cpu"],
            cpu <= 1.5 * hcpu,
            [
                Check("server CPU per webhook / hello world's", cpu / hcpu, most=15),
                Check("req/s answered at the fixed offered load / offered (slowest load)", kept_pace, least=0.8),
            ],
        )
    )
    total, echo_total = run.pss_total_mb["ours"], run.pss_total_mb["echo"]
    rows.append(
        Row(
            "memory (PSS) of the whole web process (master + 2 workers) after the load",
            f"{total:.0f} MB",
            f"{echo_total:.0f} MB (the echo example's whole process; one echo worker "
            f"{run.pss_worker_mb['echo']:.0f} MB)",
            total / echo_total,
            TARGETS["memory"],
            total <= 1.2 * echo_total,
            [Check("PSS of the web process / the echo example's", total / echo_total, most=3)],
        )
    )
    asked = 500 if quick else 5_000
    ours_ask, fields_ask, floor_ask = bench_ask(asked)
    rows.append(
        Row(
            f"`monsterbot ask --json`, {asked:,} queries in one process (CPU)",
            f"{ours_ask:.2f} s (with --fields outcome,score: {fields_ask:.2f} s)",
            f"{floor_ask:.2f} s (rapidfuzz extractOne over the same names)",
            ours_ask / floor_ask,
            TARGETS["ask"],
            ours_ask <= 3 * floor_ask,
            [Check("ask --json CPU / rapidfuzz extractOne's", ours_ask / floor_ask, most=10)],
        )
    )
    brps = median(x.rps for x in run.loads["big"])
    rows.append(
        Row(
            f"webhook req/s with {synthetic:,} synthetic monsters",
            f"{brps:.0f} req/s, "
            f"PSS {run.pss_total_mb['big']:.0f} MB ({run.pss_total_mb['big'] / echo_total:.2f}× the echo "
            "example's whole process)",
            f"{rps:.0f} req/s (real roster, interleaved)",
            brps / rps,
            TARGETS["webhook_10k"],
            brps >= 0.8 * rps,
            [Check(f"webhook req/s at {synthetic:,} synthetic monsters / at the real roster", brps / rps, least=0.15)],
        )
    )
    return rows


def _spread(values: list[float]) -> str:
    """The range of repeated figures: how noisy the run was."""
    return f"{min(values):.2f}–{max(values):.2f} over {len(values)}"


def _write(out: Path, rows: list[Row], quick: bool) -> None:
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )
    header = ["| figure | monsterbot | floor (same run) | ratio | target | met |", "|---|---|---|---|---|---|"]
    table = "\n".join(header + [r.markdown() for r in rows])
    checks = "\n".join(f"- {'✅' if c.holds() else '❌'} {c}" for r in rows for c in r.checks)
    text = f"""# Benchmarks

Measured by `monsterbot bench{" --quick" if quick else ""}` on {time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
({machine}; load average {os.getloadavg()[0]:.1f} at the end). Each figure is compared with a floor measured in the
same run; the ratio is the figure that
travels between machines.

{table}

Checks every run must pass, on any machine (`monsterbot bench` fails otherwise; the test suite runs `--quick`):

{checks}
"""
    notes = REPO / "docs" / "benchmark-notes.md"
    if notes.exists():
        text += "\n" + notes.read_text("utf-8")
    out.write_text(text, encoding="utf-8")
    print(table + "\n\n" + checks)


def broken(rows: list[Row]) -> list[Check]:
    """The checks of these rows that did not hold."""
    return [check for row in rows for check in row.checks if not check.holds()]
