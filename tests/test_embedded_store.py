"""The embedded store through sqlite3 (monsterbot/store/embedded.py): rows as SQLAlchemy writes and reads them, the
defaults while the schema is not there, writes that wait for the migration, and a web process whose path to its first
answer imports neither SQLAlchemy nor the SDK's messaging package."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone

import pytest
from sqlmodel import Session, select

from monsterbot.preferences.sql import StorePreferences
from monsterbot.store.database import migrate, open_engine
from monsterbot.store.embedded import (
    TABLES,
    EmbeddedPreferences,
    EmbeddedStore,
    SchemaNotReady,
    migrate_apart,
    schema_current,
)
from monsterbot.store.query_log import EmbeddedQueries, Entry, QueryLog, misses, prune, stats
from monsterbot.store.schema import QueryLogRow
from tests.conftest import GUARD, REPO


def _migrated(path):
    engine = open_engine(f"sqlite:///{path}")
    migrate(engine)
    return engine


def test_query_log_rows_written_through_sqlite3_are_sqlalchemys(tmp_path):
    engine = _migrated(tmp_path / "s.db")
    queries = EmbeddedQueries(EmbeddedStore(tmp_path / "s.db"))
    log = QueryLog(queries, keep_days=30)
    for query, outcome in (("rath", "ambiguous"), ("rath", "ambiguous"), ("xyz", "miss"), ("火龍", "match")):
        log.record(Entry(query, outcome, "rathalos" if outcome == "match" else None, 50.0, "user", "en"))
    log.flush()
    since = datetime.now(timezone.utc) - timedelta(minutes=5)
    assert stats(engine, since) == {"ambiguous": 2, "match": 1, "miss": 1}
    assert [(m.query, m.count) for m in misses(engine, since)] == [("rath", 2), ("xyz", 1)]
    with Session(engine) as session:
        row = session.exec(select(QueryLogRow).where(QueryLogRow.outcome == "match")).one()
    assert (row.query, row.monster_id, row.score, row.chat) == ("火龍", "rathalos", 50.0, "user")
    assert abs(row.at.replace(tzinfo=timezone.utc) - datetime.now(timezone.utc)) < timedelta(minutes=5)
    assert queries.prune(datetime.now(timezone.utc) - timedelta(minutes=5)) == 0  # the same order of times as SQL's
    assert queries.prune(datetime.now(timezone.utc) + timedelta(seconds=1)) == 4
    log.record(Entry("old", "miss", None, None, "user", "en", at=datetime.now(timezone.utc) - timedelta(days=9)))
    log.flush()
    assert prune(engine, datetime.now(timezone.utc) - timedelta(days=8)) == 1
    log.close()


def test_preferences_read_defaults_until_the_schema_is_there_and_match_sqlalchemys(tmp_path):
    path = tmp_path / "p.db"
    preferences = EmbeddedPreferences(EmbeddedStore(path, wait=0.2))
    assert (preferences.mention_only("chat"), preferences.game("chat")) == (False, None)  # no file yet
    assert not path.exists()  # reading never creates it: the migration does
    sqlite3.connect(path).close()
    assert (preferences.mention_only("chat"), preferences.game("chat")) == (False, None)  # no table yet
    with pytest.raises(SchemaNotReady):
        preferences.set_game("chat", "rise")
    engine = _migrated(path)
    preferences.set_game("chat", "rise")
    preferences.set_mention_only("chat", True)
    theirs = StorePreferences(engine)
    assert (theirs.mention_only("chat"), theirs.game("chat")) == (True, "rise")
    theirs.set_game("other", "world")
    assert (preferences.mention_only("other"), preferences.game("other")) == (False, "world")
    preferences.forget("chat")
    assert (theirs.mention_only("chat"), theirs.game("chat")) == (False, None)


def test_a_store_before_the_chat_game_reads_its_settings(tmp_path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:  # schema 2: no `game` column yet
        db.execute(
            "CREATE TABLE chat_preferences (chat_key VARCHAR(64) PRIMARY KEY, mention_only BOOLEAN NOT NULL, "
            "updated_at DATETIME NOT NULL)"
        )
        db.execute("INSERT INTO chat_preferences VALUES ('quiet', 1, '2026-01-01 00:00:00.000000')")
    preferences = EmbeddedPreferences(EmbeddedStore(path))
    assert (preferences.mention_only("quiet"), preferences.game("quiet")) == (True, None)


def test_a_write_waits_for_the_migration(tmp_path):
    """A write that finds no schema yet waits for it (its wait past the guard), and is written once it comes."""
    path = tmp_path / "w.db"
    store = EmbeddedStore(path, wait=2 * GUARD)
    found_none = threading.Event()
    current = store.current

    def watched() -> bool:
        now = current()
        if not now:
            found_none.set()
        return now

    store.current = watched  # type: ignore[method-assign]
    preferences = EmbeddedPreferences(store)
    writing = threading.Thread(target=preferences.set_mention_only, args=("chat", True))
    writing.start()
    assert found_none.wait(GUARD)  # the write is under way, before the migration
    _migrated(path)
    writing.join(GUARD)
    assert not writing.is_alive() and preferences.mention_only("chat")  # written, not given up


def test_the_master_migrates_in_a_process_of_its_own(tmp_path):
    path = tmp_path / "m.db"
    pid = migrate_apart(f"sqlite:///{path}")
    assert pid is not None
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert EmbeddedStore(path).current()


def test_a_start_on_a_current_file_migrates_nothing(tmp_path):
    """The master's migration process reads the version and the tables with sqlite3 and ends: no SQLAlchemy, no
    write (the version's row is as the first migration left it)."""
    from sqlmodel import SQLModel

    import monsterbot.store.schema  # noqa: F401 - the tables, in SQLModel's metadata

    assert set(SQLModel.metadata.tables) == TABLES
    path = tmp_path / "m.db"
    assert not schema_current(path) and not path.exists()
    _migrated(path).dispose()
    assert schema_current(path)
    version = "SELECT updated_at FROM meta WHERE key = 'schema_version'"
    with sqlite3.connect(path) as db:
        first = db.execute(version).fetchone()
    pid = migrate_apart(f"sqlite:///{path}")
    assert pid is not None
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    with sqlite3.connect(path) as db:
        assert db.execute(version).fetchone() == first
        db.execute("DROP TABLE chat_memory")
    assert not schema_current(path)  # a table missing: migrated (created) again
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE chat_memory (chat_key TEXT)")
        db.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    assert not schema_current(path)  # an older version: stepped up


_FIRST_ANSWER = """
import os, sys, time
import monsterbot.web.gunicorn_conf as conf
preloaded = conf._preload()
from monsterbot.web.app import create_app
from monsterbot_devtools.webprocess import event_body, sign
app = create_app(preloaded=preloaded)  # as gunicorn_conf's on_starting has a worker make it
webhook = app.extensions["monsterbot"]["loop_webhook"]
body = event_body("火龍", 1)
import asyncio
answered = webhook(body, sign(body))
print(answered if isinstance(answered, tuple) else asyncio.run(answered), file=sys.stderr)
print(" ".join(m for m in ("sqlalchemy", "sqlmodel") if m in sys.modules))
os._exit(0)
"""


def test_the_first_answer_imports_no_orm(tmp_path):
    """As shipped (the query log on, the embedded store on a new volume): the first answer imports no ORM."""
    env = dict(
        os.environ,
        MONSTERBOT_DATA_DIR=str(tmp_path),
        MONSTERBOT_QUERY_LOG="on",
        LINE_CHANNEL_SECRET="soak-secret",
        LINE_CHANNEL_ACCESS_TOKEN="t",
        LINE_API_ENDPOINT="http://127.0.0.1:9",
    )
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_ANSWER], env=env, cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert "('OK', 200)" in done.stderr, done.stderr[-2000:]
    assert done.stdout.split() == []
