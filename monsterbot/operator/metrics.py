"""The operator's Prometheus metrics, in a registry of its own (the operator is one process, not gunicorn's workers):
passes, failed passes, pass duration, writes and refusals, and whether this replica leads."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server

REGISTRY = CollectorRegistry()
PASSES = Counter("monsterbot_operator_passes_total", "Reconcile passes run while leading", registry=REGISTRY)
PASS_ERRORS = Counter(
    "monsterbot_operator_pass_errors_total",
    "Reconcile passes (or Lease renewals) that failed, by what failed",
    ["error"],
    registry=REGISTRY,
)
PASS_SECONDS = Histogram(
    "monsterbot_operator_pass_duration_seconds",
    "Duration of a reconcile pass",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
    registry=REGISTRY,
)
WRITES = Counter(
    "monsterbot_operator_writes_total",
    "Objects the operator created or updated, by kind and verb",
    ["kind", "verb"],
    registry=REGISTRY,
)
REFUSALS = Counter(
    "monsterbot_operator_refusals_total",
    "Bots turned not Ready and EventBindings turned not Accepted, "
    "by kind and reason (counted when their status changes)",
    ["kind", "reason"],
    registry=REGISTRY,
)
LEADING = Gauge("monsterbot_operator_leading", "1 while this replica holds the operator Lease", registry=REGISTRY)


def serve(port: int, address: str) -> None:
    """Expose /metrics on `address:port` (a daemon thread)."""
    start_http_server(port, addr=address, registry=REGISTRY)
