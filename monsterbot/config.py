"""All configuration, read from the environment in one place (documented in README.md)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from monsterbot.model import GAMES

LINE_API_DEFAULT = "https://api.line.me"
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def default_knowledge_dir() -> Path:
    """The repo's knowledge/ next to the package (a checkout), else ./knowledge."""
    beside = _PACKAGE_ROOT / "knowledge"
    return beside if beside.is_dir() else Path("knowledge")


class ConfigError(ValueError):
    """A setting that is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    """The bot's settings. `from_env` is the only place that reads os.environ."""

    channel_secret: str = ""
    channel_access_token: str = ""
    line_api_endpoint: str = LINE_API_DEFAULT
    port: int = 8000
    knowledge_paths: tuple[Path, ...] = field(default_factory=lambda: (default_knowledge_dir(),))
    reload_interval: float = 5.0
    default_game: str = "wilds"
    group_mode: str = "confident"
    line_timeout: float = 5.0
    max_body_bytes: int = 1_000_000
    log_format: str = "json"
    redis_url: str = ""
    data_dir: Path = Path("data")
    database_url: str = ""
    source: str = "yaml"
    query_log: bool = True
    kubernetes: bool = False
    namespace: str = ""

    def store_url(self) -> str:
        """DATABASE_URL, or SQLite in the data directory."""
        from monsterbot.store.database import default_url

        return self.database_url or default_url(self.data_dir)

    @property
    def needs_store(self) -> bool:
        """Whether the webhook opens the database (knowledge from the store, or the query log)."""
        return self.source == "store" or self.query_log

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, *, require_line: bool = True) -> "Settings":
        """Read settings; a missing LINE secret or token is a ConfigError when require_line is set."""
        env = os.environ if env is None else env
        settings = cls(
            channel_secret=env.get("LINE_CHANNEL_SECRET", "").strip(),
            channel_access_token=env.get("LINE_CHANNEL_ACCESS_TOKEN", "").strip(),
            line_api_endpoint=env.get("LINE_API_ENDPOINT", LINE_API_DEFAULT).rstrip("/") or LINE_API_DEFAULT,
            port=_number(env, "PORT", 8000, int),
            knowledge_paths=_paths(env.get("MONSTERBOT_KNOWLEDGE", "")),
            reload_interval=_number(env, "MONSTERBOT_RELOAD_INTERVAL", 5.0, float),
            default_game=_choice(env, "MONSTERBOT_DEFAULT_GAME", "wilds", GAMES),
            group_mode=_choice(env, "MONSTERBOT_GROUP_MODE", "confident", ("confident", "mention")),
            line_timeout=_number(env, "MONSTERBOT_LINE_TIMEOUT", 5.0, float),
            max_body_bytes=_number(env, "MONSTERBOT_MAX_BODY_BYTES", 1_000_000, int),
            log_format=_choice(env, "MONSTERBOT_LOG_FORMAT", "json", ("json", "text")),
            redis_url=env.get("REDIS_URL", "").strip(),
            data_dir=Path(env.get("MONSTERBOT_DATA_DIR", "").strip() or "data"),
            database_url=env.get("DATABASE_URL", "").strip(),
            source=_choice(env, "MONSTERBOT_SOURCE", "yaml", ("yaml", "store")),
            query_log=_choice(env, "MONSTERBOT_QUERY_LOG", "on", ("on", "off")) == "on",
            kubernetes=_choice(env, "MONSTERBOT_KUBERNETES", "1" if env.get("KUBERNETES_SERVICE_HOST") else "0",
                               ("0", "1")) == "1",
            namespace=env.get("MONSTERBOT_NAMESPACE", "").strip(),
        )
        if require_line:
            missing = [
                name
                for name, value in (
                    ("LINE_CHANNEL_SECRET", settings.channel_secret),
                    ("LINE_CHANNEL_ACCESS_TOKEN", settings.channel_access_token),
                )
                if not value
            ]
            if missing:
                raise ConfigError(
                    f"{' and '.join(missing)} must be set (from the LINE Developers console, "
                    "Messaging API channel); to try the bot without LINE use `monsterbot chat`"
                )
        return settings


def _paths(value: str) -> tuple[Path, ...]:
    parts = [p for p in value.split(os.pathsep) if p.strip()]
    return tuple(Path(p) for p in parts) if parts else (default_knowledge_dir(),)


def _number(env: Mapping[str, str], name: str, default: float, kind: type) -> Any:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if value < 0:
        raise ConfigError(f"{name} must not be negative, got {raw!r}")
    return value


def _choice(env: Mapping[str, str], name: str, default: str, allowed: tuple[str, ...]) -> str:
    value = env.get(name, "").strip() or default
    if value not in allowed:
        raise ConfigError(f"{name} must be one of {', '.join(allowed)}, got {value!r}")
    return value
