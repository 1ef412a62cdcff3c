# syntax=docker/dockerfile:1
# monsterbot: the webhook (gunicorn, as in the Procfile) and the operator, on a slim non-root image.

FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md constraints.txt ./
COPY monsterbot ./monsterbot
COPY knowledge ./knowledge
RUN python -m venv /venv \
    && /venv/bin/pip install -c constraints.txt ".[postgres,kubernetes,redis]"

FROM python:3.11-slim
ENV PATH=/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PORT=8080 \
    MONSTERBOT_KNOWLEDGE=/app/knowledge \
    MONSTERBOT_DATA_DIR=/data \
    PROMETHEUS_MULTIPROC_DIR=/tmp/metrics
RUN groupadd --system --gid 10001 monsterbot \
    && useradd --system --uid 10001 --gid monsterbot --no-create-home --shell /usr/sbin/nologin monsterbot \
    && mkdir -p /data /app/compiled \
    && chown monsterbot:monsterbot /data /app/compiled
COPY --from=build /venv /venv
COPY --chown=monsterbot:monsterbot knowledge /app/knowledge
WORKDIR /app
USER 10001:10001
# the knowledge checked and compiled into the image: a start on a new volume at /data (the chart's emptyDir, Knative
# scaling from zero) reads it instead of the YAML for every file whose content it holds, wherever it is mounted (the
# chart's ConfigMap at /etc/monsterbot/knowledge too); a changed file is parsed, and /data gets a cache of its own
ENV MONSTERBOT_COMPILED_KNOWLEDGE=/app/compiled/knowledge.cache
RUN ["monsterbot", "compile", "--into", "/app/compiled"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f\"http://127.0.0.1:{os.environ['PORT']}/healthz\", timeout=2)"]
CMD ["gunicorn", "--config", "python:monsterbot.web.gunicorn_conf", "monsterbot.web.app:create_app()"]
