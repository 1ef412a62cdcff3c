"""The store: its schema's version and its clock, importable without SQLAlchemy (store/embedded.py)."""

from datetime import datetime, timezone
from pathlib import Path

SCHEMA_VERSION = 5  # store/database.py steps a database up to it


def utcnow() -> datetime:
    """Timestamps are stored in UTC, timezone-aware."""
    return datetime.now(timezone.utc)


def default_url(data_dir: Path) -> str:
    """SQLite in the data directory (created if missing)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data_dir / 'monsterbot.db'}"


def sqlite_file(url: str) -> Path | None:
    """The file an SQLite URL names; None for another database, or SQLite in memory."""
    if not url.startswith("sqlite:///"):
        return None
    path = url.removeprefix("sqlite:///").split("?", 1)[0]
    return Path(path) if path and path != ":memory:" else None
