"""Prometheus metrics of the webhook (`GET /metrics`).

Under gunicorn with several workers the figures of every worker are summed through
prometheus_client's multiprocess mode (PROMETHEUS_MULTIPROC_DIR, set in gunicorn_conf). What only the
live process knows (the knowledge version, its dependencies' state) is added by the worker that
answers the scrape, so a version no longer live is never exported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

if TYPE_CHECKING:
    from monsterbot.sources.live import LiveKnowledge

WEBHOOK_REQUESTS = Counter(
    "monsterbot_webhook_requests_total", "Webhook calls by result", ["result"]
)  # ok, invalid_signature, invalid_payload, too_large
EVENTS = Counter("monsterbot_events_total", "Events answered, by outcome", ["outcome"])
LINE_REPLIES = Counter(
    "monsterbot_line_replies_total",
    "Replies, by result: ok, http_<status>, unreachable, error, "
    "dropped (the reply queue was full), unsent (still queued when the shutdown drain ended)",
    ["result"],
)
WEBHOOK_SECONDS = Histogram(
    "monsterbot_webhook_seconds",
    "Time to handle a webhook call, before its wait (up to 0.3 s) for the replies to reach LINE",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
LINE_SECONDS = Histogram(
    "monsterbot_line_request_seconds",
    "Time of a reply call to LINE's Messaging API, by result (as in "
    "monsterbot_line_replies_total; a retried connection counted once)",
    ["result"],
    buckets=(0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10),
)
REPLY_QUEUE = Gauge(
    "monsterbot_reply_queue_depth",
    "Replies a worker holds (queued or being sent to LINE), summed over the live workers",
    multiprocess_mode="livesum",
)
KNOWLEDGE_MONSTERS = Gauge(
    "monsterbot_knowledge_monsters", "Monsters in the live knowledge", multiprocess_mode="livemax"
)
KNOWLEDGE_RELOAD_OK = Gauge(
    "monsterbot_knowledge_last_reload_ok",
    "1 if the last knowledge reload succeeded, else 0",
    multiprocess_mode="livemostrecent",
)

KNOWLEDGE_RELOAD_REFUSED = Gauge(
    "monsterbot_knowledge_reload_refused",
    "1 while new knowledge is refused for dropping too many monsters",
    multiprocess_mode="livemostrecent",
)

QUERY_LOG_DROPPED = Counter(
    "monsterbot_query_log_dropped_total", "Query log entries dropped (queue full or database down)"
)


def export_knowledge(knowledge: "LiveKnowledge") -> None:
    """Set the knowledge gauges from the live snapshot (after each reload, in each worker)."""
    KNOWLEDGE_RELOAD_OK.set(1 if knowledge.status.ok else 0)
    KNOWLEDGE_RELOAD_REFUSED.set(1 if knowledge.status.refused else 0)
    if knowledge.ready:
        KNOWLEDGE_MONSTERS.set(len(knowledge.current.monsters))


class LiveState(Collector):
    """The live knowledge version and each dependency's state, as this process sees them at scrape time."""

    def __init__(self, version: Callable[[], str], dependencies: Callable[[], dict[str, bool]]) -> None:
        self._version = version
        self._dependencies = dependencies

    def collect(self) -> Iterable[GaugeMetricFamily]:
        info = GaugeMetricFamily("monsterbot_knowledge_version_info", "The live knowledge version", labels=["version"])
        info.add_metric([self._version()], 1)
        up = GaugeMetricFamily(
            "monsterbot_dependency_up", "1 if a dependency answers in time, else 0", labels=["dependency"]
        )
        for name, ok in self._dependencies().items():
            up.add_metric([name], 1 if ok else 0)
        return [info, up]


def render(multiprocess_dir: str, live: Collector) -> tuple[bytes, str]:
    """The exposition text and its content type: the figures summed over the workers pooling in
    `multiprocess_dir` (if set), then the live state of this process."""
    pooled: CollectorRegistry = REGISTRY
    if multiprocess_dir:
        pooled = CollectorRegistry()
        multiprocess.MultiProcessCollector(pooled)
    own = CollectorRegistry(auto_describe=False)
    own.register(live)
    return generate_latest(pooled) + generate_latest(own), CONTENT_TYPE_LATEST
