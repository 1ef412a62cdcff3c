"""gunicorn settings for the webhook (Procfile, Dockerfile and chart use this one file), from `Settings`."""

import os
import shutil
import tempfile

from monsterbot.config import Settings

_settings = Settings.from_env(require_line=False)

bind = f"0.0.0.0:{_settings.port}"
workers = _settings.web_concurrency
threads = _settings.threads
worker_class = "gthread"
timeout = 30
graceful_timeout = 25  # shorter than Kubernetes' and Knative's default 30 s termination grace
keepalive = 5
accesslog = _settings.access_log or None  # "-" for stdout; the JSON log has a line per event
errorlog = "-"

# Metrics of all workers are summed through files in this folder (prometheus_client multiprocess mode, which reads
# the variable itself when the metrics are defined: it is set here, before the app is imported below).
_metrics_dir = _settings.metrics_dir or tempfile.mkdtemp(prefix="monsterbot-metrics-")
os.environ["PROMETHEUS_MULTIPROC_DIR"] = _metrics_dir

# Imported once here, in the master, with the script-conversion tables loaded: the workers fork with them and share
# those pages (the web process's memory falls by a third with two workers).
import monsterbot.web.app  # noqa: E402, F401
from monsterbot.core.matching.normalize import normalize  # noqa: E402

normalize("火龍")


def on_starting(server):  # noqa: ARG001 - gunicorn hook signature
    """Start every run with no figures left from an earlier one."""
    shutil.rmtree(_metrics_dir, ignore_errors=True)
    os.makedirs(_metrics_dir, exist_ok=True)


def child_exit(server, worker):  # noqa: ARG001 - gunicorn hook signature
    """Drop the live gauges of a worker that ended."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
