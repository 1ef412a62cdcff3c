"""gunicorn settings for the webhook (Procfile, Dockerfile and chart use this one file)."""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
timeout = 30
graceful_timeout = 25  # shorter than Kubernetes' and Knative's default 30 s termination grace
keepalive = 5
accesslog = "-"
errorlog = "-"
