"""Prometheus metrics of the webhook (`GET /metrics`).

Under gunicorn with several workers the figures of every worker are summed through
prometheus_client's multiprocess mode (PROMETHEUS_MULTIPROC_DIR, set in gunicorn_conf).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from monsterbot.sources.live import LiveKnowledge

WEBHOOK_REQUESTS = Counter(
    "monsterbot_webhook_requests_total", "Webhook calls by result", ["result"]
)  # ok, invalid_signature, invalid_payload, too_large
EVENTS = Counter("monsterbot_events_total", "Events answered, by outcome", ["outcome"])
LINE_REPLIES = Counter("monsterbot_line_replies_total", "Replies sent to the Messaging API, by result", ["result"])
WEBHOOK_SECONDS = Histogram(
    "monsterbot_webhook_seconds", "Time to answer a webhook call", buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)
)
KNOWLEDGE_MONSTERS = Gauge("monsterbot_knowledge_monsters", "Monsters in the live knowledge", multiprocess_mode="livemax")
KNOWLEDGE_VERSION = Gauge(
    "monsterbot_knowledge_version_info", "The live knowledge version (1 per version)", ["version"], multiprocess_mode="livemax"
)
KNOWLEDGE_RELOAD_OK = Gauge(
    "monsterbot_knowledge_last_reload_ok", "1 if the last knowledge reload succeeded, else 0", multiprocess_mode="livemostrecent"
)

QUERY_LOG_DROPPED = Counter("monsterbot_query_log_dropped_total", "Query log entries dropped (queue full or database down)")


def export_knowledge(knowledge: "LiveKnowledge") -> None:
    """Set the knowledge gauges from the live snapshot (after each reload, in each worker)."""
    KNOWLEDGE_RELOAD_OK.set(1 if knowledge.status.ok else 0)
    if knowledge.ready:
        snapshot = knowledge.current
        KNOWLEDGE_MONSTERS.set(len(snapshot.monsters))
        KNOWLEDGE_VERSION.clear()
        KNOWLEDGE_VERSION.labels(snapshot.version).set(1)


def render(multiprocess_dir: str) -> tuple[bytes, str]:
    """The exposition text and its content type, summed over the workers pooling in `multiprocess_dir` if set."""
    if multiprocess_dir:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
