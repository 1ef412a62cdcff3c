"""Shared fixtures: the repo's knowledge, a stand-in Messaging API, signed webhook calls."""

from __future__ import annotations

import atexit
import base64
import fcntl
import hashlib
import hmac
import json
import logging
import os
import shutil
import tempfile
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Protocol, TypeVar

import pytest

from monsterbot.config import Settings
from monsterbot.core.matching.matcher import Candidate, MatchResult, Outcome
from monsterbot.core.matching.question import parse
from monsterbot.sources.live import LiveKnowledge
from monsterbot.sources.yaml_files import YamlSource
from monsterbot_devtools.line_standin import LineStandIn, reply_token
from monsterbot_devtools.webprocess import ACCESS_TOKEN

if TYPE_CHECKING:
    from sqlalchemy import Engine

T = TypeVar("T")


class Closable(Protocol):
    def close(self) -> None: ...


C = TypeVar("C", bound=Closable)
#: Seconds a test waits for what must come (while a dependency is held or stalled, too): a hang guard, far past any
#: busy machine's delay, never a latency bound (a test asserts what happened, not how fast).
GUARD = 60

REPO = Path(__file__).resolve().parent.parent
KNOWLEDGE = REPO / "knowledge"
SHARED = REPO.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SECRET = "test-channel-secret"
_DATA_DIR = Path(tempfile.mkdtemp(prefix="monsterbot-tests-"))
atexit.register(shutil.rmtree, _DATA_DIR, True)
TOKEN = ACCESS_TOKEN  # the channel's access token, the same in-process (`settings_for`) and served (WebProcess)


def need_shared(*parts: str) -> Path:
    """A path under ../shared, or a skip (never under CI=true, where shared/ must be present)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing under CI=true")
        pytest.skip(f"{path} is absent (a fresh clone without ../shared); CI has it")
    return path


class _EventErrors(logging.Handler):
    """Collects the webhook's "could not answer an event" records (the webhook still answers LINE 200)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.seen: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.seen.append(record)


@pytest.fixture(autouse=True)
def no_event_errors(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail any test in which the webhook failed to answer an event, unless it is marked `event_errors_expected`."""
    handler = _EventErrors()
    logger = logging.getLogger("monsterbot.web.webhook")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
    if handler.seen and request.node.get_closest_marker("event_errors_expected") is None:
        first = handler.seen[0]
        detail = logging.Formatter().formatException(first.exc_info) if first.exc_info else first.getMessage()
        pytest.fail(f"{len(handler.seen)} webhook event(s) ended in an error; first:\n{detail}")


@pytest.fixture(scope="session")
def knowledge() -> LiveKnowledge:
    """The repo's knowledge/, loaded once."""
    live = LiveKnowledge(YamlSource([KNOWLEDGE]).load)
    live.reload(strict=True)
    return live


@pytest.fixture()
def line_stub() -> Iterator[LineStandIn]:
    """The strict stand-in Messaging API; a test fails if LINE would have refused any reply
    (a test that breaks a rule on purpose clears `rejected` once it has checked it)."""
    stub = LineStandIn(TOKEN).start()
    yield stub
    stub.stop()
    assert [r.error for r in stub.rejected] == [], "LINE would have refused these replies"


def sign(body: bytes, secret: str = SECRET) -> str:
    """X-Line-Signature as LINE computes it: base64 of HMAC-SHA256 of the body."""
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def settings_for(stub: LineStandIn, **overrides: Any) -> Settings:
    values: dict[str, Any] = dict(
        channel_secret=SECRET,
        channel_access_token=TOKEN,
        line_api_endpoint=stub.url,
        knowledge_paths=(KNOWLEDGE,),
        reload_interval=0,
        log_format="text",
        query_log=False,
        data_dir=_DATA_DIR,  # the events file of this test session (event ids restart at every session)
    )
    values.update(overrides)
    return Settings(**values)


_open_apps: list[Any] = []


def app_for(settings: Settings, runtime: Any = None, **parts: Any) -> Any:
    """`create_app`, closed when the test ends (`close_app`: its replies sent, LINE's connections closed)."""
    from monsterbot.web.app import create_app

    app = create_app(settings, runtime, **parts)
    _open_apps.append(app)
    return app


@pytest.fixture(autouse=True)
def close_apps() -> Iterator[None]:
    """Close every app the test made with `app_for`."""
    yield
    from monsterbot.web.app import close_app

    while _open_apps:
        close_app(_open_apps.pop())


@pytest.fixture()
def closing() -> Iterator[Callable[[C], C]]:
    """closing(thing) is the thing (a ledger, a chat memory, a host file), closed when the test ends, last first."""
    made: list[Closable] = []

    def keep(thing: C) -> C:
        made.append(thing)
        return thing

    yield keep
    while made:
        made.pop().close()


@pytest.fixture()
def webhook(line_stub: LineStandIn, knowledge: LiveKnowledge) -> Callable[..., Any]:
    """post(payload, signature=...) against a webhook app wired to the stub."""
    app = app_for(settings_for(line_stub), runtime_for(knowledge))
    client = app.test_client()

    def post(payload: Any, signature: str | None = "sign", raw: bytes | None = None) -> Any:
        body = raw if raw is not None else json.dumps(payload, ensure_ascii=False).encode()
        headers = {"Content-Type": "application/json"}
        if signature == "sign":
            headers["X-Line-Signature"] = sign(body)
        elif signature is not None:
            headers["X-Line-Signature"] = signature
        response = client.post("/callback", data=body, headers=headers)
        drain(app)  # replies go out on the dispatcher's loop: wait for them before asserting
        return response

    post.client = client  # type: ignore[attr-defined]
    return post


def runtime_for(knowledge: LiveKnowledge, **parts: Any) -> Any:
    """A Runtime around already loaded knowledge (no threads, no database unless given)."""
    from monsterbot.preferences import MemoryPreferences
    from monsterbot.web.runtime import Runtime

    values: dict[str, Any] = dict(preferences=MemoryPreferences())
    values.update(parts)
    return Runtime(Settings(query_log=False), knowledge, YamlSource([KNOWLEDGE]), **values)


def post_signed(app: Any, payload: dict[str, Any]) -> Any:
    """POST a payload signed with the test secret to an app's /callback and wait for its replies."""
    body = json.dumps(payload, ensure_ascii=False).encode()
    response = app.test_client().post("/callback", data=body, headers={"X-Line-Signature": sign(body)})
    drain(app)
    return response


def wait_for(predicate: Callable[[], Any], timeout: float = GUARD) -> None:
    """Poll until the predicate holds; fail after the timeout (a hang guard)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def answered(call: Callable[[], T]) -> T:
    """`call()`'s result, from a thread: the test fails if none comes within GUARD (a call waiting on a stalled
    dependency never returns)."""
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(call).result(timeout=GUARD)
    finally:
        pool.shutdown(wait=False)


#: The most `cpu_growth` (factor 16) work linear in the size may show: 16, with twice that room for a busy machine's
#: caches, far under the 256 of quadratic work.
LINEAR_GROWTH = 32


def cpu_growth(run: Callable[[int], object], size: int, factor: int = 16) -> float:
    """How many times the CPU `run(size * factor)` takes exceeds `run(size)`'s, each the least of seven runs on this
    thread's CPU clock (a busy machine's waits for a core do not count): at most `factor` for work linear in the size,
    its square for quadratic work, and no end for exponential backtracking. A ratio, never a bound in seconds."""

    def cost(n: int) -> float:
        least = float("inf")
        for _ in range(7):
            started = time.thread_time()
            run(n)
            least = min(least, time.thread_time() - started)
        return least

    return cost(size * factor) / max(cost(size), 1e-6)


def drain(app: Any) -> None:
    """Wait until the app has sent every reply it queued."""
    app.extensions["monsterbot"]["dispatcher"].drain()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The first test that starts the session's kube-apiserver may have to build it (about 3 minutes once per
    machine, longer than the suite's per-test timeout): the first such test of each file gets 15 minutes, as any file
    may be the first a process of `make test` (-n 2 --dist loadfile) runs."""
    files = set()
    for item in items:
        if "kube_server" in getattr(item, "fixturenames", ()) and item.path not in files:
            files.add(item.path)
            item.add_marker(pytest.mark.timeout(900))


@pytest.fixture(scope="session")
def kube_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The real kube-apiserver of the session (tests/kube_apiserver.py), with the chart's CRDs applied."""
    from tests.kube_apiserver import RealKube, server_bin

    server = RealKube(tmp_path_factory.mktemp("kube-apiserver"), server_bin())
    yield server
    server.stop()


@pytest.fixture()
def kube(kube_server: Any) -> Any:
    """The real API server, its test namespaces emptied of what earlier tests made."""
    kube_server.reset()
    return kube_server


@pytest.fixture()
def fake_kube() -> Iterator[Any]:
    """The stand-in (tests/fake_kube.py), for the faults the real server cannot make on demand."""
    from monsterbot.kubernetes.crds import all_crds
    from tests.fake_kube import FakeKube
    from tests.kube_apiserver import NAMESPACES

    fake = FakeKube()
    for crd in all_crds().values():
        fake.apply_object(crd)
    for namespace in NAMESPACES[1:]:
        fake.apply_object({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": namespace}})
    yield fake
    fake.stop()


def _admin_client(server: Any, tmp_path: Path) -> Any:
    kubernetes = pytest.importorskip("kubernetes")
    configuration = kubernetes.client.Configuration()
    kubernetes.config.load_kube_config(
        config_file=server.kubeconfig(tmp_path / "kubeconfig"), client_configuration=configuration
    )
    return kubernetes.client.ApiClient(configuration)


@pytest.fixture()
def kube_client(kube: Any, tmp_path: Path) -> Any:
    """The real kubernetes ApiClient as the real server's admin."""
    return _admin_client(kube, tmp_path)


@pytest.fixture()
def fake_client(fake_kube: Any, tmp_path: Path) -> Any:
    """The real kubernetes ApiClient as the stand-in's admin."""
    return _admin_client(fake_kube, tmp_path)


_counter = iter(range(10**6))


def source(kind: str = "user") -> dict[str, Any]:
    if kind == "group":
        return {"type": "group", "groupId": "C0123456789abcdef", "userId": "U0123456789abcdef"}
    if kind == "room":
        return {"type": "room", "roomId": "R0123456789abcdef", "userId": "U0123456789abcdef"}
    return {"type": "user", "userId": "U0123456789abcdef"}


def base_event(kind: str, chat: str = "user", redelivery: bool = False) -> dict[str, Any]:
    n = next(_counter)
    return {
        "type": kind,
        "mode": "active",
        "timestamp": 1732500000000 + n,
        "source": source(chat),
        "webhookEventId": f"01JD{n:022d}",
        "deliveryContext": {"isRedelivery": redelivery},
    }


def replied_event(kind: str, chat: str = "user") -> dict[str, Any]:
    """An event LINE sends with a reply token: the one place tests get a token, issued by the running stand-ins of
    LINE (which refuse any other) as LINE's webhook hands it out."""
    event = base_event(kind, chat)
    event["replyToken"] = reply_token(f"reply-{event['webhookEventId']}")
    return event


def text_event(text: str, chat: str = "user", mention_self: bool = False) -> dict[str, Any]:
    event = replied_event("message", chat)
    message: dict[str, Any] = {"type": "text", "id": "4680000000001", "quoteToken": "qt", "text": text}
    if mention_self:
        message["text"] = "@monsterbot " + text
        message["mention"] = {"mentionees": [{"index": 0, "length": 11, "type": "user", "isSelf": True}]}
    event["message"] = message
    return event


def postback_event(data: str) -> dict[str, Any]:
    return replied_event("postback") | {"postback": {"data": data}}


def follow_event() -> dict[str, Any]:
    return replied_event("follow") | {"follow": {"isUnblocked": False}}


def payload(*events: dict[str, Any]) -> dict[str, Any]:
    return {"destination": "U00000000000000000000000000000000", "events": list(events)}


REDIS_DATABASES = range(8, 16)  # the Redis databases at 127.0.0.1:6379 the tests may take, one per test process
_redis: dict[str, Any] = {}  # this process's database: its number, its lock file (held until the process ends)


def redis_url(port: int = 6379) -> str:
    """This test process's own Redis database (at `port`: Redis's own, or a proxy's). The web processes under test keep
    their ledger's outbox under fixed keys, so two suites at once (or xdist's workers) on one database would send each
    other's owed replies to the wrong stand-in of LINE, which refuses their tokens: those replies would be lost. The
    first free database of REDIS_DATABASES is taken with a lock file, held until this process ends."""
    if "number" not in _redis:
        for number in REDIS_DATABASES:
            lock = open(Path(tempfile.gettempdir()) / f"monsterbot-tests-redis-{number}.lock", "w")
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                lock.close()
                continue
            _redis.update(number=number, lock=lock)
            atexit.register(lock.close)
            break
        else:
            pytest.fail(f"every Redis database the tests may take ({REDIS_DATABASES}) is another test process's")
    return f"redis://127.0.0.1:{port}/{_redis['number']}"


def need_redis() -> str:
    """This process's Redis URL (`redis_url`), its database emptied (nothing left by an earlier test or run: a web
    process would send the replies an earlier one owed to this test's stand-in of LINE), or a skip (never under
    CI=true, where Redis must run)."""
    import redis

    url = redis_url()
    try:
        with redis.Redis.from_url(url, socket_connect_timeout=1) as client:
            client.flushdb()
    except (redis.RedisError, OSError) as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis at {url} must run under CI=true: {exc}")
        pytest.skip(f"no Redis at {url}: {exc}")
    return url


#: The PostgreSQL server the store's tests use (CI runs one); each test works in a schema of its own (`pg_schema_url`).
PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def need_postgres() -> None:
    """A skip when no PostgreSQL answers at PG_SERVER (never under CI=true, where it must run)."""
    from sqlalchemy import create_engine

    engine = create_engine(PG_SERVER, connect_args={"connect_timeout": 2})
    try:
        with engine.connect():
            pass
    except Exception as exc:  # noqa: BLE001
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL at 127.0.0.1:5432 must run under CI=true: {exc}")
        pytest.skip(f"no PostgreSQL at 127.0.0.1:5432 (database test): {exc}")
    finally:
        engine.dispose()


def pg_schema_url() -> tuple[str, Callable[[], None]]:
    """The URL of a fresh schema on PG_SERVER for one test, and the function that drops it."""
    from sqlalchemy import create_engine, text

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_SERVER)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))

    def drop() -> None:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    return f"{PG_SERVER}?options=-csearch_path%3D{schema}", drop


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store's URL: an SQLite file, and a schema of its own on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'monsterbot.db'}"
        return
    need_postgres()
    url, drop = pg_schema_url()
    yield url
    drop()


@pytest.fixture()
def engines() -> Iterator[Callable[[str], Engine]]:
    """engines(url) is an engine of the store at `url` (open_engine), disposed when the test ends: its pooled
    connections closed, not left to the collector."""
    from monsterbot.store.database import open_engine

    made: list[Engine] = []

    def make(url: str) -> Engine:
        made.append(open_engine(url))
        return made[-1]

    yield make
    for engine in made:
        engine.dispose()


def message_texts(node: Any) -> list[str]:
    """Every text of a message (a Flex card's text components, or a text message's text), in order."""
    if isinstance(node, dict):
        own = [node["text"]] if node.get("type") == "text" and "text" in node else []
        return own + [t for value in node.values() for t in message_texts(value)]
    if isinstance(node, list):
        return [t for value in node for t in message_texts(value)]
    return []


def ask(knowledge: LiveKnowledge, text: str) -> MatchResult:
    """What the live matcher makes of a message, as the conversation parses it."""
    return knowledge.current.matcher.match_question(parse(text))


def matched(result: MatchResult) -> Candidate:
    """The winning candidate of a match; the test fails, showing the result, when it is no match."""
    assert result.best is not None, result
    return result.best


def assert_matches(knowledge: LiveKnowledge, text: str, monster_id: str) -> None:
    """The message is a confident match of that monster."""
    result = ask(knowledge, text)
    assert result.outcome is Outcome.MATCH, result
    assert result.best is not None and result.best.monster_id == monster_id, result
