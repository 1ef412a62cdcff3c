"""`monsterbot operator`: the process around the reconcile passes: the Lease, the loop, SIGTERM."""

from __future__ import annotations

import logging
import signal
import threading
from pathlib import Path

from monsterbot.kubernetes.api import client, connect
from monsterbot.operator import metrics
from monsterbot.operator.config import load_config, watched_namespaces
from monsterbot.operator.leader import LeaseElector
from monsterbot.operator.operator import HEARTBEAT, LEASE_NAME, Operator, one_pass
from monsterbot.operator.reconcile import PodPolicy

log = logging.getLogger(__name__)


def run_operator(
    config_path: Path, interval: float, leader_election: bool, metrics_port: int = 0, metrics_address: str = "127.0.0.1"
) -> int:
    """Reconcile every `interval` seconds while holding the Lease; stop cleanly on SIGTERM or SIGINT. With a
    `metrics_port`, /metrics is served there (the chart's pod: on every interface, for its PodMonitor)."""
    from monsterbot import logs
    from monsterbot.config import Settings
    from monsterbot.sources.yaml_files import YamlSource

    settings = Settings.from_env(require_line=False)
    logs.configure(settings.log_format)
    config = load_config(config_path)
    api_client = connect()
    if metrics_port:
        metrics.serve(metrics_port, metrics_address)
    base = YamlSource(settings.knowledge_paths).load()
    # the Lease outlasts three loops, so one slow pass does not hand it over
    elector = LeaseElector(
        client.CoordinationV1Api(api_client),
        LEASE_NAME,
        settings.pod_namespace,
        settings.pod_name,
        duration=max(15, round(interval * 3)),
    )
    operator = Operator(
        api_client,
        watched_namespaces(config, settings.pod_namespace),
        base,
        PodPolicy.from_chart(config, settings.pod_namespace),
        may_write=elector.leading if leader_election else lambda: True,
        instance=settings.pod_name,
    )
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    leading = False
    while not stop.is_set():
        leading = one_pass(operator, elector.acquire_or_renew if leader_election else lambda: True, leading)
        HEARTBEAT.touch()
        stop.wait(interval)
    if leader_election and leading:
        elector.release()
    HEARTBEAT.unlink(missing_ok=True)  # a stopped operator is not alive: nothing left behind in /tmp
    log.info("operator stopped")
    return 0
