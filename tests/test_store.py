"""The SQL store on SQLite and on the real PostgreSQL: sync, replicas, outages, the query log and its reports."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import Engine, insert, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from monsterbot.core.matching.normalize import normalize
from monsterbot.sources.live import LiveKnowledge, Reloader
from monsterbot.sources.store import StoreSource
from monsterbot.sources.yaml_files import YamlSource
from monsterbot.store.database import SCHEMA_VERSION, StoreError, migrate, open_engine
from monsterbot.store.knowledge_store import load_monsters, stored_version, sync
from monsterbot.store.query_log import QUERY_CHARS, Entry, QueryLog, SqlQueries, misses, prune, redact, stats
from monsterbot.store.schema import Meta, QueryLogRow
from monsterbot.web.runtime import Runtime, build
from tests.conftest import (
    FIXTURES,
    GUARD,
    KNOWLEDGE,
    answered,
    app_for,
    matched,
    need_postgres,
    payload,
    pg_schema_url,
    post_signed,
    settings_for,
    text_event,
    wait_for,
)
from tests.tcp_proxy import TcpProxy
from tests.test_cli import run


def _query_log(runtime: Runtime) -> QueryLog:
    """The query log a runtime built with `query_log=True` writes."""
    assert runtime.query_log is not None
    return runtime.query_log


@pytest.fixture(scope="module")
def monsters():
    return YamlSource([KNOWLEDGE]).load().monsters


def _migrated(engine: Engine) -> Engine:
    migrate(engine)
    return engine


def test_sync_is_idempotent_and_round_trips(database_url, monsters, engines):
    engine = _migrated(engines(database_url))
    first = sync(engine, monsters)
    assert first.changed and first.monsters == len(monsters)
    assert not sync(engine, monsters).changed
    back = {m.id: m for m in load_monsters(engine)}
    original = {m.id: m for m in monsters}
    assert set(back) == set(original)
    for monster_id, monster in original.items():
        assert back[monster_id] == monster, monster_id
    assert stored_version(engine) == first.version


def test_a_failing_sync_changes_nothing(database_url, monsters, engines):
    engine = _migrated(engines(database_url))
    before = sync(engine, monsters).version
    edited = replace(monsters[0], aliases={"en": ("brand-new-alias",)})
    with pytest.raises(IntegrityError):
        sync(engine, [edited, *monsters[1:], monsters[1]])  # a duplicate id fails inside the transaction
    assert stored_version(engine) == before
    assert {m.id: m for m in load_monsters(engine)}[monsters[0].id] == monsters[0]


def test_a_newer_schema_is_refused(database_url, engines):
    from sqlmodel import Session

    engine = _migrated(engines(database_url))
    with Session(engine) as session:
        session.merge(Meta(key="schema_version", value=str(SCHEMA_VERSION + 1)))
        session.commit()
    with pytest.raises(StoreError, match="newer"):
        migrate(engine)


def test_a_version_1_database_migrates_and_keeps_wilds_states_and_markers(database_url, monsters, engines):
    engine = _migrated(engines(database_url))
    with engine.begin() as connection:  # back to the first schema: no hitzone states, no derived/missing markers
        connection.execute(text("ALTER TABLE hitzones DROP COLUMN state"))
        connection.execute(text("ALTER TABLE game_facts DROP COLUMN derived"))
        connection.execute(text("ALTER TABLE game_facts DROP COLUMN missing"))
        connection.execute(text("ALTER TABLE game_facts DROP COLUMN resisted_elements"))
        connection.execute(text("ALTER TABLE chat_preferences DROP COLUMN game"))  # schema 3
        connection.execute(text("ALTER TABLE game_facts DROP COLUMN companion"))  # schema 5
    with Session(engine) as session:
        session.merge(Meta(key="schema_version", value="1"))
        session.commit()
    with engine.begin() as connection:  # logged under the old rules: a group's chatter, a phone number
        connection.execute(
            insert(QueryLogRow),
            [
                {
                    "query": "call me 0912345678",
                    "outcome": "miss",
                    "chat": "group",
                    "language": "en",
                    "at": datetime.now(timezone.utc),
                }
            ],
        )
    assert migrate(engine) == SCHEMA_VERSION == 5
    with Session(engine) as session:
        assert session.exec(select(QueryLogRow)).all() == []  # 4: the old query log is not kept
    sync(engine, monsters)
    back = {m.id: m for m in load_monsters(engine)}
    rathalos = back["rathalos"].games["wilds"]
    assert rathalos.derived == ("elements",) and rathalos.hitzones[1].state == "wound"
    assert back["guardian-arkveld"].games["wilds"].missing == ("elements", "hitzones", "breakable", "severable")
    assert back["rathalos"].games["rise"].resisted_elements == ("fire",)
    original = {m.id: m for m in monsters}["rathalos"].games["wilds"]  # the companion's facts survive the store
    assert rathalos.materials == original.materials and rathalos.materials["high"]
    assert (rathalos.habitats, rathalos.inflicts, rathalos.remedies, rathalos.crowns) == (
        original.habitats,
        original.inflicts,
        original.remedies,
        original.crowns,
    )


def test_a_replica_picks_up_a_new_version_without_restart(database_url, monsters, engines):
    engine = _migrated(engines(database_url))
    sync(engine, monsters)
    source = StoreSource(_migrated(engines(database_url)))  # another replica's own connection
    replica = LiveKnowledge(source.load)
    replica.reload(strict=True)
    reloader = Reloader(replica, source.fingerprint, interval=0.05)
    reloader.start()
    try:
        tigrex = next(m for m in monsters if m.id == "tigrex")
        edited = replace(tigrex, aliases={**tigrex.aliases, "en": ("tigerboy",)})
        sync(engine, [edited if m.id == "tigrex" else m for m in monsters])
        wait_for(lambda: replica.current.matcher.match("tigerboy").best is not None, timeout=GUARD)
        assert matched(replica.current.matcher.match("tigerboy")).monster_id == "tigrex"
    finally:
        reloader.stop()


def test_misses_rank_by_frequency_and_stats_and_prune(database_url, engines):
    engine = _migrated(engines(database_url))
    log = QueryLog(SqlQueries(engine), keep_days=30)
    for query, outcome, times in (
        ("雄火龍王", "miss", 3),
        ("rath", "ambiguous", 5),
        ("火龍", "match", 4),
        ("xyz", "miss", 1),
    ):
        for _ in range(times):
            log.record(Entry(query, outcome, "rathalos" if outcome == "match" else None, 50.0, "user", "en"))
    log.flush()
    since = datetime.now(timezone.utc) - timedelta(days=1)
    ranked = misses(engine, since)
    assert [(r.query, r.count, r.outcome) for r in ranked] == [
        ("rath", 5, "ambiguous"),
        ("雄火龍王", 3, "miss"),
        ("xyz", 1, "miss"),
    ]
    assert stats(engine, since) == {"ambiguous": 5, "match": 4, "miss": 4}
    assert prune(engine, datetime.now(timezone.utc) + timedelta(seconds=1)) == 13
    assert stats(engine, since) == {}
    log.close()


def test_query_log_never_blocks_and_counts_what_it_drops(tmp_path, engines):
    """The database holds every write until the test lets it go: 500 entries are recorded (or dropped) meanwhile."""
    import threading

    engine = _migrated(engines(f"sqlite:///{tmp_path / 'x.db'}"))
    released = threading.Event()

    class HeldQueries(SqlQueries):
        def insert(self, entries: list[Entry]) -> None:
            released.wait()
            super().insert(entries)

    dropped: list[int] = []
    log = QueryLog(HeldQueries(engine), 30, capacity=1, on_drop=dropped.append)

    def record_all() -> None:
        for _ in range(500):
            log.record(Entry("q", "miss", None, None, "user", "en"))

    try:
        answered(record_all)
    finally:
        released.set()  # no waiting on the database: every entry recorded while it held its writes
    log.flush()
    assert log.dropped > 0 and sum(dropped) == log.dropped
    log.close()


def test_webhook_logs_only_answered_queries_redacted_without_player_ids(line_stub, tmp_path, engines):
    settings = settings_for(line_stub, database_url=f"sqlite:///{tmp_path / 'q.db'}", query_log=True)
    runtime = build(settings)
    app = app_for(settings, runtime)
    # a group's chatter the bot stays silent to is kept nowhere, phone number, PIN and link included
    for query in ("火龍", "rath", "今天吃火鍋 call 0912-345-678 pin 4821", "see https://evil.example/x?id=1"):
        assert post_signed(app, payload(text_event(query, "group"))).status_code == 200
    # addressed to the bot (a mention, a 1:1 chat): kept, redacted
    said = "火龍 0912 345 678 mail a.b@example.com www.example.com/p " + "z" * 200
    for event in (text_event("rath", "group", mention_self=True), text_event(said)):
        assert post_signed(app, payload(event)).status_code == 200
    _query_log(runtime).flush()
    with Session(open_engine(settings.database_url)) as session:  # written by the web process through sqlite3
        rows = session.exec(select(QueryLogRow)).all()
    assert [(r.query, r.outcome, r.chat) for r in rows[:2]] == [
        ("火龍", "match", "group"),
        ("rath", "ambiguous", "group"),
    ]
    kept = rows[2].query
    assert kept.startswith("火龍<number>mail<email><link>zz") and len(kept) == QUERY_CHARS, kept
    assert len(rows) == 3
    dumped = " ".join(str(vars(r)) for r in rows)
    assert "U0123456789abcdef" not in dumped and "C0123456789abcdef" not in dumped
    runtime.close()


def test_the_query_log_keeps_no_one_s_mention(line_stub, tmp_path, engines):
    settings = settings_for(line_stub, database_url=f"sqlite:///{tmp_path / 'q.db'}", query_log=True)
    runtime = build(settings)
    app = app_for(settings, runtime)
    event = text_event("@monsterbot 🔥@Alice Chen @All rath", "group")  # the bot, a member, everyone: UTF-16 spans
    event["message"]["mention"] = {
        "mentionees": [
            {"index": 0, "length": 11, "type": "user", "isSelf": True},
            {"index": 14, "length": 11, "type": "user", "userId": "U0123456789abcdef", "isSelf": False},
            {"index": 26, "length": 4, "type": "all"},
        ]
    }
    assert post_signed(app, payload(event)).status_code == 200
    assert line_stub.replies()  # the bot answered it
    _query_log(runtime).flush()
    with Session(open_engine(settings.database_url)) as session:  # written by the web process through sqlite3
        [row] = session.exec(select(QueryLogRow)).all()
    assert row.query == "rath", row.query  # no "alice", "chen" or "all" (emoji fold away)
    runtime.close()


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        ("0912345678", "<number>"),
        ("+886 912-345-678", "<number>"),
        ("Pin 4821!", "pin<number>"),
        ("(02) 2345.6789", "<number>"),
        ("MH4U or mhw 12", "mh4uormhw12"),
        ("room 123 tonight", "room<number>tonight"),  # three digits: the shortest run redacted
        ("http://x.example/a b", "<link>b"),
        ("ftp://h/x", "<link>"),
        ("me+bot@mail.example.org hi", "<email>hi"),
        ("火龍 ０９１２３４", "火龍<number>"),
        ("火龙 弱点?", "火龍弱點"),
    ],
)
def test_redact_keeps_no_runs_of_digits_links_or_addresses(said, kept):
    assert redact(said) == kept


def test_redact_reads_a_long_message_only_until_it_has_kept_enough(monkeypatch):
    """A message of a thousand numbers (as long as a LINE text may be) is normalised piece by piece only until
    QUERY_CHARS are kept: each piece at least `<number>` long, so at most QUERY_CHARS / 8 + 1 pieces."""
    from monsterbot.store import query_log

    said = "火龍 " + " and 0912-345-678" * 1000
    whole = redact(said)
    calls: list[str] = []

    def counted(text: str) -> str:
        calls.append(text)
        return normalize(text)

    monkeypatch.setattr(query_log, "normalize", counted)
    assert redact(said) == whole and len(whole) == QUERY_CHARS and whole.startswith("火龍and<number>and<number>")
    assert len(calls) <= QUERY_CHARS // len("<number>") + 1


def test_the_query_log_deletes_what_is_past_its_retention_at_start_and_on_schedule(tmp_path, monkeypatch, engines):
    engine = _migrated(engines(f"sqlite:///{tmp_path / 'r.db'}"))
    now = datetime.now(timezone.utc)
    with engine.begin() as connection:
        connection.execute(
            insert(QueryLogRow),
            [
                {"query": q, "outcome": "match", "chat": "user", "language": "en", "at": now - timedelta(days=days)}
                for q, days in (("old", 8), ("new", 6))
            ],
        )
    monkeypatch.setattr("monsterbot.store.query_log.PRUNE_EVERY", 0.2)
    log = QueryLog(SqlQueries(engine), keep_days=7)
    with Session(engine) as session:
        wait_for(lambda: [r.query for r in session.exec(select(QueryLogRow)).all()] == ["new"])
    with engine.begin() as connection:  # an entry that ages past the retention while the writer runs, idle
        connection.execute(text("UPDATE query_log SET at = :at"), {"at": now - timedelta(days=9)})
    with Session(engine) as session:
        wait_for(lambda: session.exec(select(QueryLogRow)).all() == [])
    log.close()


def test_webhook_keeps_answering_with_the_database_gone(line_stub, monsters, engines):
    need_postgres()
    url, drop = pg_schema_url()
    try:
        sync(_migrated(engines(url)), monsters)
        proxy = TcpProxy(("127.0.0.1", 5432))
        proxied = url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}")
        settings = settings_for(line_stub, database_url=proxied, source="store", query_log=True, reload_interval=0.05)
        runtime = build(settings)
        app = app_for(settings, runtime)
        client = app.test_client()

        def ask(query):
            return post_signed(app, payload(text_event(query))).status_code

        assert ask("火龍") == 200
        proxy.stop()  # the database is gone
        wait_for(lambda: not runtime.knowledge.status.ok)  # the reloader polled and failed
        assert ask("雌火龍") == 200
        assert "Rathian" in line_stub.replies()[-1].body["messages"][0]["altText"]
        assert client.get("/readyz").status_code == 200
        _query_log(runtime).flush()
        assert _query_log(runtime).dropped >= 1
        runtime.close()
    finally:
        drop()


def test_cli_sync_refuses_bad_knowledge_and_changes_nothing(tmp_path, monkeypatch, engines):
    env_url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("DATABASE_URL", env_url)
    assert run("sync", str(KNOWLEDGE)).returncode == 0
    version = stored_version(_migrated(engines(env_url)))
    failed = run("sync", str(FIXTURES / "broken"))
    assert failed.returncode == 2 and "stars-out-of-range.yaml:10:22" in failed.stderr
    assert stored_version(_migrated(engines(env_url))) == version
    assert run("stats", "--since", "7d").returncode == 0


def test_the_sqlite_store_commits_survive_a_power_loss(tmp_path, engines):
    """A chat's settings and synced knowledge are fsynced at each commit (the host files of events and chat memory
    are short-lived state and are not)."""
    from sqlalchemy import text

    from monsterbot.store.database import open_engine

    with open_engine(f"sqlite:///{tmp_path / 'store.db'}").connect() as connection:
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def _migrate_in_a_process(url: str, start, results) -> None:
    from monsterbot.store.database import migrate, open_engine

    engine = open_engine(url)
    start.wait()  # every process imported and ready: they migrate at once, as a fresh pod's workers do
    try:
        results.put(str(migrate(engine)))
    except Exception as exc:  # noqa: BLE001 - reported to the parent
        results.put(f"{type(exc).__name__}: {exc}")


def _migrate_together(url: str, processes: int = 4) -> list[str]:
    import multiprocessing

    context = multiprocessing.get_context("fork")  # fast: the modules are imported already
    start, results = context.Barrier(processes), context.Queue()
    workers = [context.Process(target=_migrate_in_a_process, args=(url, start, results)) for _ in range(processes)]
    for worker in workers:
        worker.start()
    found = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(30)
    return found


def test_workers_starting_together_migrate_a_store_once(database_url, engines):
    """Workers open a version-2 store at once (the first start after an upgrade): each step runs once, under the
    store's lock (two processes adding one column: 'duplicate column'), and every worker finds it current."""
    engine = _migrated(engines(database_url))
    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE chat_preferences DROP COLUMN game"))  # back to version 2
        connection.execute(text("ALTER TABLE game_facts DROP COLUMN companion"))  # (schema 5's column)
    with Session(engine) as session:
        session.merge(Meta(key="schema_version", value="2"))
        session.commit()
    engine.dispose()
    assert _migrate_together(database_url) == [str(SCHEMA_VERSION)] * 4


def test_workers_starting_together_on_a_fresh_sqlite_store_all_start(tmp_path):
    assert _migrate_together(f"sqlite:///{tmp_path / 'fresh.db'}") == [str(SCHEMA_VERSION)] * 4
