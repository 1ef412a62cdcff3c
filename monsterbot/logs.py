"""Logging set-up: one JSON object per line (for log pipelines) or plain text.

Fields set with `context` (a webhook call's request id, an event's id) go on every JSON line written inside it, and in
the tasks and loop callbacks started there (asyncio copies the context into each), so a reply's lines carry the event
they answer. gunicorn's own lines take the same format (`gunicorn_logger`).
"""

from __future__ import annotations

import json
import logging
import time
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Iterator

_CONTEXT: ContextVar[tuple[tuple[str, str], ...]] = ContextVar("monsterbot_log_context", default=())


@contextmanager
def context(**fields: str) -> Iterator[None]:
    """Add `fields` to every JSON log line written inside (and by what is started inside, on an event loop)."""
    token = _CONTEXT.set(tuple({**dict(_CONTEXT.get()), **fields}.items()))
    try:
        yield
    finally:
        _CONTEXT.reset(token)


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON line with time, level, logger, message, the context's fields and extra fields.

    Per line, only what changes is computed: the time's text down to the second is kept until the second changes, and
    one encoder (made once) writes the line."""

    RESERVED = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}
    _encode = json.JSONEncoder(ensure_ascii=False, default=str).encode

    def __init__(self) -> None:
        super().__init__()
        self._second: tuple[int, str] = (-1, "")  # one object: handlers on other threads may share the formatter

    def format(self, record: logging.LogRecord) -> str:
        second, text = self._second
        if int(record.created) != second:
            second = int(record.created)
            text = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(second))
            self._second = (second, text)
        entry: dict[str, Any] = {
            "time": f"{text}.{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(_CONTEXT.get())
        entry.update({k: v for k, v in vars(record).items() if k not in self.RESERVED})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return self._encode(entry)


def configure(fmt: str = "json", level: int = logging.INFO) -> None:
    """Send the package's logs to stderr in the chosen format (idempotent)."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("monsterbot")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False
    # No line names its caller, thread or process: records skip finding them (the logging HOWTO's "Optimization").
    logging._srcfile = None
    logging.logThreads = logging.logMultiprocessing = False


def gunicorn_logger(fmt: str) -> type:
    """gunicorn's logger class, its error and access lines as JSON when `fmt` is json (gunicorn_conf's logger_class).

    A logger class rather than `logconfig_dict`: gunicorn builds the access log's fields for every request as soon as
    any logging config is given, even with the access log off (GUNICORN_ACCESS_LOG unset)."""
    from gunicorn.glogging import Logger

    class GunicornLogger(Logger):
        def setup(self, cfg: Any) -> None:  # gunicorn calls it at start and on each reload (SIGHUP)
            super().setup(cfg)
            if fmt == "json":
                for handler in self.error_log.handlers + self.access_log.handlers:
                    handler.setFormatter(JsonFormatter())

    return GunicornLogger
