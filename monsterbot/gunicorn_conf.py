"""gunicorn settings for the webhook (Procfile, Dockerfile and chart use this one file)."""

import os
import shutil
import tempfile

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
timeout = 30
graceful_timeout = 25  # shorter than Kubernetes' and Knative's default 30 s termination grace
keepalive = 5
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None  # "-" for stdout; the JSON log has a line per event
errorlog = "-"

# Metrics of all workers are summed through files in this folder (prometheus_client multiprocess mode).
_metrics_dir = os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", tempfile.mkdtemp(prefix="monsterbot-metrics-"))


def on_starting(server):  # noqa: ARG001 - gunicorn hook signature
    """Start every run with no figures left from an earlier one."""
    shutil.rmtree(_metrics_dir, ignore_errors=True)
    os.makedirs(_metrics_dir, exist_ok=True)


def child_exit(server, worker):  # noqa: ARG001 - gunicorn hook signature
    """Drop the live gauges of a worker that ended."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
