"""gunicorn settings for the webhook (Procfile, Dockerfile and chart use this one file), from `Settings`."""

import contextlib
import gc
import importlib
import os
import shutil
import tempfile

from monsterbot import logs
from monsterbot.config import Settings

settings = Settings.from_env(require_line=False)  # read once: the workers (web/worker.py) use these too

# public; internal (metrics, the detailed /readyz): this host only unless MONSTERBOT_INTERNAL_HOST says otherwise
bind = [f"0.0.0.0:{settings.port}", f"{settings.internal_host}:{settings.internal_port}"]
workers = settings.web_concurrency
# gunicorn's asyncio worker reads every request whole, then answers LINE's webhook on its loop or hands the request to
# one of GUNICORN_THREADS threads running the Flask app (monsterbot/web/asgi.py, wrapped in post_worker_init): slow
# clients cost a coroutine, not a thread.
worker_class = "monsterbot.web.worker.BoundedWorker"  # gunicorn's "asgi" worker with its connections bounded
asgi_loop = "uvloop"  # ~15 % less CPU per webhook than the selector loop
asgi_lifespan = "on"  # the shutdown drains the replies still queued, on the loop that sends them
worker_connections = settings.max_connections  # each worker's cap (monsterbot/web/worker.py)
timeout = 30
graceful_timeout = settings.shutdown_grace  # under Kubernetes' and Knative's default 30 s termination grace
keepalive = settings.idle_timeout
# no control socket (gunicornc): its server is a thread in the master, and its default path ($HOME/.gunicorn) is one
# per user, shared by every gunicorn on the host, and absent from a read-only image
control_socket_disable = True
accesslog = settings.access_log or None  # "-" for stdout; the JSON log has a line per event
errorlog = "-"
logger_class = logs.gunicorn_logger(settings.log_format)  # gunicorn's own lines in the app's format (JSON lines)

# Metrics of all workers are summed through files in this folder (prometheus_client multiprocess mode, which reads
# the variable itself when the metrics are defined: it is set here, before the app is imported).
_metrics_dir = settings.metrics_dir or tempfile.mkdtemp(prefix="monsterbot-metrics-")
os.environ["PROMETHEUS_MULTIPROC_DIR"] = _metrics_dir


def on_starting(server):
    """Start every run with no figures left from an earlier one; import the app's module here, in the master before
    the fork, so that the workers share its code (whichever app: the benchmarks' floors run under this file too);
    monsterbot's own app also loads its knowledge here, and each worker's app is made from it."""
    shutil.rmtree(_metrics_dir, ignore_errors=True)
    os.makedirs(_metrics_dir, exist_ok=True)
    module = str(getattr(server.app, "app_uri", "") or "").split(":", 1)[0]
    if module == "monsterbot.web.app":
        from monsterbot.sources.compiled import paused_collector

        # the modules, the knowledge and the tables made here all live on, shared by the workers: the collector
        # walking them again and again as they grow would find nothing to free (about a tenth of the imports' time);
        # frozen at the end, none of them is ever walked, and the collector starts again from nothing
        with paused_collector():
            from monsterbot.web.app import create_app

            preloaded = _preload()
            gc.freeze()
        # the app each worker loads after the fork (gunicorn calls its application's `load`): the Procfile's
        # `create_app()`, handed what the master prepared
        server.app.load = lambda: create_app(preloaded=preloaded)
    elif module:
        importlib.import_module(module)


def _preload():
    """The script-conversion tables and the knowledge loaded once, before the fork: the workers share these pages
    instead of each building its own."""
    import monsterbot.web.asgi  # noqa: F401
    from monsterbot.core.matching.normalize import normalize
    from monsterbot.web.runtime import preload

    logs.configure(settings.log_format)
    normalize("火龍")
    importlib.import_module(asgi_loop)  # the workers' event loop: its module's pages shared, not imported in each
    return preload(settings)


def when_ready(server):
    """Reap the store's migration process if it ended before gunicorn handled SIGCHLD (nothing to migrate: it is
    quick), which would leave it a zombie until some worker ends; no worker exists yet, and a migration still running
    is reaped by gunicorn's own handler when it ends."""
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def pre_fork(server, worker):
    """Keep the collector off the master's objects in the worker: walking them would copy their shared pages."""
    gc.freeze()


def on_exit(server):
    """Remove the metrics folder this file made (one named by PROMETHEUS_MULTIPROC_DIR is its owner's to keep)."""
    if not settings.metrics_dir:
        shutil.rmtree(_metrics_dir, ignore_errors=True)


def child_exit(server, worker):
    """Drop the live gauges of a worker that ended."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def post_worker_init(worker):
    """Serve the Flask app that gunicorn loaded through the whole-request ASGI wrapper; monsterbot's replies are sent
    on the worker's loop, and those still queued at a SIGTERM are sent within the grace (lifespan shutdown), those
    left logged and counted as unsent."""
    from monsterbot.web.asgi import serve

    parts = getattr(worker.asgi, "extensions", {}).get("monsterbot", {})
    dispatcher = parts.get("dispatcher")
    if dispatcher is not None:
        dispatcher.attach(worker.loop)
    worker.asgi = serve(
        worker.asgi,
        settings.threads,
        settings.max_body_bytes,
        parts.get("loop_webhook"),
        dispatcher.close if dispatcher is not None else None,
    )
