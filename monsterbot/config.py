"""Every setting, read from the environment in this one module.

`SETTINGS` is the single table of settings: `Settings.from_env` reads it, the README's configuration table and the
chart's values mirror it (tests compare them), and the operator builds a pod's environment from it.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Mapping

from monsterbot.core.model import GAMES

LINE_API_DEFAULT = "https://api.line.me"


def default_knowledge_dir() -> Path:
    """The knowledge the package carries: in a checkout its default_knowledge link resolves to the repo's knowledge/,
    in an installed wheel it is the copy the wheel holds."""
    return (Path(__file__).parent / "default_knowledge").resolve()


DEFAULT_DATA_DIR = Path("data")


def user_cache_dir(env: Mapping[str, str]) -> Path:
    """The user's cache folder for monsterbot ($XDG_CACHE_HOME, else ~/.cache): where `ask` and `chat` keep their
    compiled knowledge when MONSTERBOT_DATA_DIR is not set, rather than in whatever folder they are run from."""
    return Path(env.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "monsterbot"


class ConfigError(ValueError):
    """A setting that is missing or malformed; the message names the variable."""


Parser = Callable[[str, str, Mapping[str, str]], Any]


@dataclass(frozen=True)
class Setting:
    """One environment variable: where it lands in `Settings`, its documented default and meaning, and its chart key.

    `chart` is the key under the chart's `values.yaml` that sets it (dotted), "fixed" when the chart sets the variable
    itself (ports, paths, secret references), or "" when the chart does not set it.
    """

    env: str
    attr: str
    parse: Parser
    default: str
    meaning: str
    chart: str = ""


def _text(default: str = "") -> Parser:
    return lambda name, raw, env: raw.strip() or default


def _number(kind: type, default: float) -> Parser:
    def parse(name: str, raw: str, env: Mapping[str, str]) -> Any:
        if not raw.strip():
            return kind(default)
        try:
            value = kind(raw.strip())
        except ValueError:
            raise ConfigError(f"{name} must be a number, got {raw!r}") from None
        if value < 0:
            raise ConfigError(f"{name} must not be negative, got {raw!r}")
        return value

    return parse


def _choice(default: str, allowed: tuple[str, ...]) -> Parser:
    def parse(name: str, raw: str, env: Mapping[str, str]) -> str:
        value = raw.strip() or default
        if value not in allowed:
            raise ConfigError(f"{name} must be one of {', '.join(allowed)}, got {value!r}")
        return value

    return parse


def _switch(default: bool) -> Parser:
    on, off = ("on", "1", "true", "yes"), ("off", "0", "false", "no")

    def parse(name: str, raw: str, env: Mapping[str, str]) -> bool:
        value = raw.strip().lower()
        if not value:
            return default
        if value not in on + off:
            raise ConfigError(f"{name} must be on or off, got {raw!r}")
        return value in on

    return parse


def _in_pod(name: str, raw: str, env: Mapping[str, str]) -> bool:
    return _switch(bool(env.get("KUBERNETES_SERVICE_HOST")))(name, raw, env)


def _paths(name: str, raw: str, env: Mapping[str, str]) -> tuple[Path, ...]:
    parts = [p for p in raw.split(os.pathsep) if p.strip()]
    return tuple(Path(p) for p in parts) if parts else (default_knowledge_dir(),)


def _endpoint(name: str, raw: str, env: Mapping[str, str]) -> str:
    return raw.strip().rstrip("/") or LINE_API_DEFAULT


def labels_value(labels: Mapping[str, str]) -> str:
    """Labels as MONSTERBOT_BOT_SELECTOR holds them (`key=value,…`, keys sorted), what `_labels` reads back."""
    return ",".join(f"{key}={value}" for key, value in sorted(labels.items()))


def _labels(name: str, raw: str, env: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    pairs = [pair.strip() for pair in raw.split(",") if pair.strip()]
    if any("=" not in pair for pair in pairs):
        raise ConfigError(f"{name} must be key=value labels separated by commas, got {raw!r}")
    return tuple(sorted((key.strip(), value.strip()) for key, value in (pair.split("=", 1) for pair in pairs)))


def _pod_name(name: str, raw: str, env: Mapping[str, str]) -> str:
    return raw.strip() or socket.gethostname()


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "LINE_CHANNEL_SECRET",
        "channel_secret",
        _text(),
        "— (required)",
        "channel secret; signs every webhook (`X-Line-Signature`)",
        "fixed",
    ),
    Setting(
        "LINE_CHANNEL_ACCESS_TOKEN",
        "channel_access_token",
        _text(),
        "— (required)",
        "channel access token for the Messaging API",
        "fixed",
    ),
    Setting(
        "LINE_API_ENDPOINT",
        "line_api_endpoint",
        _endpoint,
        "`https://api.line.me`",
        "base URL of the Messaging API (point tests or staging at a stand-in)",
        "line.apiEndpoint",
    ),
    Setting("PORT", "port", _number(int, 8000), "`8000`", "port the web process listens on", "fixed"),
    Setting(
        "MONSTERBOT_KNOWLEDGE",
        "knowledge_paths",
        _paths,
        "the repo's `knowledge/`",
        "knowledge files or folders, separated by `:`",
        "fixed",
    ),
    Setting(
        "MONSTERBOT_RELOAD_INTERVAL",
        "reload_interval",
        _number(float, 5.0),
        "`5`",
        "seconds between checks for changed knowledge (0 turns hot reload off)",
        "config.reloadIntervalSeconds",
    ),
    Setting(
        "MONSTERBOT_DEFAULT_GAME",
        "default_game",
        _choice("wilds", GAMES),
        "`wilds`",
        "game whose facts answer when a query names none (`wilds`, `world`, `rise`); a monster not in it answers "
        "with the game that documents it best (figures over a list of weak elements), the newest of those",
        "config.defaultGame",
    ),
    Setting(
        "MONSTERBOT_GROUP_MODE",
        "group_mode",
        _choice("confident", ("confident", "mention")),
        "`confident`",
        "in groups and rooms: `confident` (answer a clear monster name) or `mention` (only when mentioned)",
        "config.groupMode",
    ),
    Setting(
        "MONSTERBOT_LINE_TIMEOUT",
        "line_timeout",
        _number(float, 5.0),
        "`5`",
        "seconds before a call to the Messaging API is abandoned",
        "config.lineTimeoutSeconds",
    ),
    Setting(
        "MONSTERBOT_REPLY_HOLD",
        "reply_hold",
        _number(float, 0.3),
        "`0.3`",
        "seconds from a webhook's arrival its 200 waits for its replies to reach LINE while LINE is brisk (a "
        "reply still on its way then is kept in the outbox first)",
        "config.replyHoldSeconds",
    ),
    Setting(
        "MONSTERBOT_MAX_BODY_BYTES",
        "max_body_bytes",
        _number(int, 1_000_000),
        "`1000000`",
        "larger webhook bodies are refused with 413",
        "config.maxBodyBytes",
    ),
    Setting(
        "MONSTERBOT_LOG_FORMAT",
        "log_format",
        _choice("json", ("json", "text")),
        "`json`",
        "`json` (one object per line) or `text`",
        "config.logFormat",
    ),
    Setting(
        "MONSTERBOT_SOURCE",
        "source",
        _choice("yaml", ("yaml", "store")),
        "`yaml`",
        "where the webhook reads knowledge: `yaml` (the files) or `store` (the database `monsterbot sync` fills)",
        "config.source",
    ),
    Setting(
        "DATABASE_URL",
        "database_url",
        _text(),
        "SQLite at `$MONSTERBOT_DATA_DIR/monsterbot.db`",
        "the store: `sqlite:////var/lib/monsterbot/monsterbot.db` or "
        "`postgresql+psycopg://user:password@host:5432/monsterbot`",
        "database.existingSecret",
    ),
    Setting(
        "MONSTERBOT_DATA_DIR",
        "data_dir",
        lambda n, raw, e: Path(raw.strip() or DEFAULT_DATA_DIR),
        "`./data`",
        "folder of the store's SQLite file, the events and chat memory files and the compiled knowledge (mount a "
        "writable volume here on a read-only image); `ask` and `chat` without it use `$XDG_CACHE_HOME/monsterbot`",
        "fixed",
    ),
    Setting(
        "MONSTERBOT_COMPILED_KNOWLEDGE",
        "compiled_knowledge",
        _text(),
        "—",
        "a compiled knowledge cache to start from while the data folder has none (the image sets its own, written "
        "by `monsterbot compile` at build time): a pod on a new volume skips YAML too; read only",
        "",
    ),
    Setting(
        "MONSTERBOT_QUERY_LOG",
        "query_log",
        _switch(True),
        "`on`",
        'log the text messages the bot answered, redacted (README "What the bot keeps"; never a LINE id, never '
        "a message it stayed silent to)",
        "config.queryLog",
    ),
    Setting(
        "MONSTERBOT_QUERY_LOG_DAYS",
        "query_log_days",
        _number(float, 30.0),
        "`30`",
        "days a query log entry is kept; older ones are deleted every hour",
        "config.queryLogDays",
    ),
    Setting(
        "MONSTERBOT_KUBERNETES",
        "kubernetes",
        _in_pod,
        "`on` in a pod, else `off`",
        "watch EventBindings in the cluster and merge them into the knowledge",
        "knowledge.watchEventBindings",
    ),
    Setting(
        "MONSTERBOT_NAMESPACE",
        "namespace",
        _text(),
        "all namespaces",
        "namespace whose EventBindings the webhook watches",
        "knowledge.namespace",
    ),
    Setting(
        "MONSTERBOT_BOT",
        "bot",
        _text(),
        "none",
        "the Bot whose EventBindings the webhook takes: those naming it in `botRef`, and those naming no Bot that "
        "carry `MONSTERBOT_BOT_SELECTOR`'s labels; none: only those naming no Bot (the operator sets it on a Bot's "
        "pods)",
        "knowledge.bot",
    ),
    Setting(
        "MONSTERBOT_BOT_SELECTOR",
        "bot_selector",
        _labels,
        "none",
        "labels (`key=value,…`) binding an EventBinding that names no Bot to `MONSTERBOT_BOT` (the operator sets a "
        "Bot's `eventBindingSelector` here)",
        "knowledge.botSelector",
    ),
    Setting(
        "REDIS_URL",
        "redis_url",
        _text(),
        "—",
        "Redis shared by replicas to answer a redelivered event once and to keep chat memory (default: files in "
        "the data folder, shared by the host's workers; chat memory in the store when it is PostgreSQL)",
        "redis.url",
    ),
    Setting(
        "MONSTERBOT_MEMORY",
        "memory",
        _switch(True),
        "`on`",
        'remember each chat\'s last monster and game so follow-ups ("尾巴呢", "and in rise?") are answered '
        "(`off`: nothing is kept)",
        "config.memory",
    ),
    Setting(
        "MONSTERBOT_MEMORY_TTL",
        "memory_ttl",
        _number(float, 600.0),
        "`600`",
        "seconds a chat's last monster is remembered",
        "config.memoryTtlSeconds",
    ),
    Setting("WEB_CONCURRENCY", "web_concurrency", _number(int, 2), "`2`", "gunicorn workers", "config.webConcurrency"),
    Setting(
        "GUNICORN_THREADS",
        "threads",
        _number(int, 4),
        "`4`",
        "threads per gunicorn worker that run the Flask routes: health, metrics, and the webhook when Redis or a "
        "database server is on its path (each request is read whole before it gets one)",
        "config.threads",
    ),
    Setting(
        "MONSTERBOT_HEADER_TIMEOUT",
        "header_timeout",
        _number(float, 10.0),
        "`10`",
        "seconds a new connection has to send its request's headers before it is closed",
        "config.headerTimeoutSeconds",
    ),
    Setting(
        "MONSTERBOT_IDLE_TIMEOUT",
        "idle_timeout",
        _number(int, 5),
        "`5`",
        "seconds a kept-alive connection may wait for its next request (or its headers) before it is closed",
        "config.idleTimeoutSeconds",
    ),
    Setting(
        "MONSTERBOT_MAX_CONNECTIONS",
        "max_connections",
        _number(int, 1000),
        "`1000`",
        "open connections per worker (within its open-file limit): past it, a new one takes the place of the "
        "connection idle longest",
        "config.maxConnections",
    ),
    Setting(
        "GUNICORN_ACCESS_LOG",
        "access_log",
        _text(),
        "off",
        "`-` for gunicorn's access log on stdout (the JSON log already has a line per event)",
        "config.accessLog",
    ),
    Setting(
        "MONSTERBOT_INTERNAL_PORT",
        "internal_port",
        _number(int, 8090),
        "`8090`",
        "port of `/metrics` and the detailed `/readyz` (errors, dependencies): keep it off public routes "
        "(not 9090 or 9091, Knative's queue-proxy takes them)",
        "fixed",
    ),
    Setting(
        "MONSTERBOT_INTERNAL_HOST",
        "internal_host",
        _text("127.0.0.1"),
        "`127.0.0.1`",
        "address the internal port listens on: this host only by default; the chart sets `0.0.0.0` for "
        "Prometheus, its NetworkPolicy admitting only `networkPolicy.metricsFrom`",
        "fixed",
    ),
    Setting(
        "MONSTERBOT_SHUTDOWN_GRACE",
        "shutdown_grace",
        _number(int, 25),
        "`25`",
        "seconds a worker has to finish its replies after SIGTERM (keep it under the pod's termination grace)",
        "config.shutdownGraceSeconds",
    ),
    Setting(
        "MONSTERBOT_EVENT_LEASE",
        "event_lease",
        _number(float, 30.0),
        "`30`",
        "seconds a worker's claim on an event lasts before a redelivery may answer it (a crashed worker's claim)",
        "config.eventLeaseSeconds",
    ),
    Setting(
        "MONSTERBOT_RELOAD_MIN_SHARE",
        "reload_min_share",
        _number(float, 0.5),
        "`0.5`",
        "knowledge keeping fewer than this share of the most monsters live in the last day (kept in the data "
        "folder), or none, is refused until fixed, at a reload and at a start (0 turns the guard off)",
        "config.reloadMinShare",
    ),
    Setting(
        "PROMETHEUS_MULTIPROC_DIR",
        "metrics_dir",
        _text(),
        "a new temporary folder",
        "where gunicorn workers pool their metrics",
        "fixed",
    ),
    Setting(
        "POD_NAMESPACE",
        "pod_namespace",
        _text("default"),
        "`default`",
        "the operator's own namespace (its Lease lives there); the chart sets it from the pod",
        "fixed",
    ),
    Setting(
        "POD_NAME",
        "pod_name",
        _pod_name,
        "the host name",
        "the operator's identity in its Lease; the chart sets it from the pod",
        "fixed",
    ),
)


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
    reply_hold: float = 0.3
    max_body_bytes: int = 1_000_000
    log_format: str = "json"
    source: str = "yaml"
    database_url: str = ""
    data_dir: Path = DEFAULT_DATA_DIR
    compiled_knowledge: str = ""
    query_log: bool = True
    query_log_days: float = 30.0
    kubernetes: bool = False
    namespace: str = ""
    bot: str = ""
    bot_selector: tuple[tuple[str, str], ...] = ()
    redis_url: str = ""
    memory: bool = True
    memory_ttl: float = 600.0
    web_concurrency: int = 2
    threads: int = 4
    header_timeout: float = 10.0
    idle_timeout: int = 5
    max_connections: int = 1000
    access_log: str = ""
    internal_port: int = 8090
    internal_host: str = "127.0.0.1"
    shutdown_grace: int = 25
    event_lease: float = 30.0
    reload_min_share: float = 0.5
    metrics_dir: str = ""
    pod_namespace: str = "default"
    pod_name: str = ""

    def store_url(self) -> str:
        """DATABASE_URL, or SQLite in the data directory."""
        from monsterbot.store import default_url

        return self.database_url or default_url(self.data_dir)

    @property
    def remote_store(self) -> bool:
        """Whether DATABASE_URL names a database server (shared by replicas), not an SQLite file."""
        return bool(self.database_url) and not self.database_url.startswith("sqlite")

    @property
    def needs_store(self) -> bool:
        """Whether the webhook opens the database (knowledge from the store, the query log, or, without Redis, chats'
        settings, and their memory on a database server)."""
        return self.source == "store" or self.query_log or (self.memory and not self.redis_url)

    @classmethod
    def from_env(
        cls, env: Mapping[str, str] | None = None, *, require_line: bool = True, cache_by_default: bool = False
    ) -> Settings:
        """Read every setting of `SETTINGS`; a missing LINE secret or token is a ConfigError when require_line is set.
        With cache_by_default (the commands that only read knowledge), an unset MONSTERBOT_DATA_DIR is the user's cache
        folder (`user_cache_dir`); one set, even to `data`, is kept."""
        env = os.environ if env is None else env
        settings = cls(**{s.attr: s.parse(s.env, env.get(s.env, ""), env) for s in SETTINGS})
        if cache_by_default and not env.get("MONSTERBOT_DATA_DIR", "").strip():
            settings = replace(settings, data_dir=user_cache_dir(env))
        if require_line:
            missing = [s.env for s in SETTINGS[:2] if not getattr(settings, s.attr)]
            if missing:
                raise ConfigError(
                    f"{' and '.join(missing)} must be set (from the LINE Developers console, "
                    "Messaging API channel); to try the bot without LINE use `monsterbot chat`"
                )
        return settings
