"""What the commands share: their settings, the knowledge they answer from, the store, durations, the devtools."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Sequence

from monsterbot.config import Settings
from monsterbot.sources.live import LiveKnowledge

KNOWLEDGE_HELP = "knowledge files or folders (default: MONSTERBOT_KNOWLEDGE or the repo's knowledge/)"


def env_settings(paths: Sequence[Path] | None = None, cache_by_default: bool = False) -> Settings:
    """The settings from the environment; knowledge files named on the command line replace its source."""
    settings = Settings.from_env(require_line=False, cache_by_default=cache_by_default)
    if paths:  # files named on the command line are read directly
        settings = replace(settings, knowledge_paths=tuple(paths), source="yaml")
    return settings


def reading_settings(paths: Sequence[Path] | None) -> Settings:
    """Settings of the commands that only read knowledge (ask, chat): without MONSTERBOT_DATA_DIR their compiled cache
    goes to the user's cache folder, so that running them anywhere writes nothing into the folder they run in."""
    return env_settings(paths, cache_by_default=True)


def knowledge_for(settings: Settings) -> LiveKnowledge:
    """The knowledge the settings name, wired as the web process wires it (monsterbot.sources)."""
    from monsterbot.sources import load_knowledge

    return load_knowledge(settings, engine(settings) if settings.source == "store" else None)


def engine(settings: Settings) -> Any:
    """The store's engine (sqlalchemy, imported lazily), migrated."""
    from monsterbot.store.database import migrate, open_engine

    opened = open_engine(settings.store_url())
    migrate(opened)
    return opened


def checkout_devtools(purpose: str) -> None:
    """Make the checkout's monsterbot_devtools importable (bench, soak, the LINE stand-in): they stay out of the wheel
    and the image, so an installed monsterbot says what it lacks instead of failing on an import."""
    checkout = Path(__file__).resolve().parents[2]
    if not (checkout / "monsterbot_devtools").is_dir():
        raise SystemExit(
            f"monsterbot: {purpose} needs a checkout of the repository (monsterbot_devtools/ is not "
            "installed with the package)"
        )
    if str(checkout) not in sys.path:
        sys.path.insert(0, str(checkout))


def since(text: str) -> datetime:
    """ "7d", "12h", "30m" before now."""
    units = {"d": "days", "h": "hours", "m": "minutes"}
    try:
        amount, unit = int(text[:-1]), units[text[-1]]
    except (ValueError, KeyError, IndexError):
        raise argparse.ArgumentTypeError(f"expected a duration like 7d, 12h or 30m, got {text!r}") from None
    return datetime.now(timezone.utc) - timedelta(**{unit: amount})
