# syntax=docker/dockerfile:1
# monsterbot: the webhook (gunicorn, as in the Procfile) and the operator, on a slim non-root image.
# Build it with `make image` (it passes the labels' build arguments); `make base-digest` prints the digest to pin
# when the base moves (a new Python patch release or Debian security update).

# python:3.11.14-slim-bookworm, pinned by the digest of its multi-architecture index
ARG BASE=python:3.11.14-slim-bookworm@sha256:65a93d69fa75478d554f4ad27c85c1e69fa184956261b4301ebaf6dbb0a3543d

FROM ${BASE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
# only what the wheel is built from: the package, its knowledge (monsterbot/default_knowledge links ../knowledge)
COPY pyproject.toml README.md LICENSE constraints.txt ./
COPY monsterbot ./monsterbot
COPY knowledge ./knowledge
# a virtualenv without pip or setuptools of its own: the base image's pip installs into it from outside
RUN python -m venv --without-pip /venv \
    && python -m pip --python /venv/bin/python install -c constraints.txt ".[postgres,kubernetes,redis]"

FROM ${BASE}
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG CREATED=unknown
LABEL org.opencontainers.image.title="monsterbot" \
      org.opencontainers.image.description="LINE chatbot answering Monster Hunter weakness questions: webhook and operator" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="https://github.com/monsterbot/monsterbot" \
      org.opencontainers.image.url="https://github.com/monsterbot/monsterbot" \
      org.opencontainers.image.documentation="https://github.com/monsterbot/monsterbot#deploy-with-helm" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.vendor="monsterbot" \
      org.opencontainers.image.base.name="docker.io/library/python:3.11.14-slim-bookworm"
ENV PATH=/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PORT=8080 \
    MONSTERBOT_DATA_DIR=/data \
    PROMETHEUS_MULTIPROC_DIR=/tmp/metrics
# the runtime needs no installer: the base's pip, setuptools and wheel go, and ensurepip's bundled copies with them
RUN python -m pip uninstall --yes pip setuptools wheel \
    && rm -rf /usr/local/lib/python3.11/ensurepip \
    && groupadd --system --gid 10001 monsterbot \
    && useradd --system --uid 10001 --gid monsterbot --no-create-home --shell /usr/sbin/nologin monsterbot \
    && mkdir -p /data /app/compiled \
    && chown monsterbot:monsterbot /data /app/compiled
COPY --from=build /venv /venv
WORKDIR /app
USER 10001:10001
# the knowledge the wheel carries, checked and compiled into the image: a start on a new volume at /data (the chart's
# emptyDir, Knative scaling from zero) reads it instead of the YAML for every file whose content it holds, wherever it
# is mounted (the chart's ConfigMap at /etc/monsterbot/knowledge too); a changed file is parsed, and /data gets a cache
# of its own
ENV MONSTERBOT_COMPILED_KNOWLEDGE=/app/compiled/knowledge.cache
RUN ["monsterbot", "compile", "--into", "/app/compiled"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f\"http://127.0.0.1:{os.environ['PORT']}/healthz\", timeout=2)"]
CMD ["gunicorn", "--config", "python:monsterbot.web.gunicorn_conf", "monsterbot.web.app:create_app()"]
