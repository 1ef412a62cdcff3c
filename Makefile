# Two commands: `make run` starts the bot on the embedded default, `make test` runs the whole suite.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
# the image `make image` builds and `make image-push` publishes: set IMAGE to your own registry's repository
IMAGE ?= ghcr.io/monsterbot/monsterbot
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' monsterbot/__init__.py)
DOCKER ?= docker

.PHONY: run test test-fast constraints image image-push base-digest

# Installs from constraints.txt: CI, the image and a fresh clone get the same versions. `make constraints` refreshes
# them on purpose (a new dependency, or an upgrade), in a throwaway environment.
$(BIN)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

run: $(BIN)/.installed
	$(BIN)/monsterbot serve --host 127.0.0.1

# on 2 processes, each test file whole on one (its module fixtures made once); `.venv/bin/python -m pytest FILE`
# runs a file on its own
test: $(BIN)/.installed
	$(BIN)/python -m pytest -n 2 --dist loadfile

# the matcher, the knowledge, the CLI and the webhook in process: about a minute, no web process or cluster tool
test-fast: $(BIN)/.installed
	$(BIN)/python -m pytest tests/test_matching.py tests/test_questions.py tests/test_knowledge.py tests/test_cli.py \
		tests/test_webhook.py tests/test_architecture.py -q

# the image, tagged with the package version, its OCI labels filled in (revision and creation time from git and now)
image:
	$(DOCKER) build --build-arg VERSION=$(VERSION) --build-arg REVISION=$$(git rev-parse HEAD) \
		--build-arg CREATED=$$(date -u +%Y-%m-%dT%H:%M:%SZ) -t $(IMAGE):$(VERSION) .

image-push: image
	$(DOCKER) push $(IMAGE):$(VERSION)

# the digest python:3.11-slim-bookworm has today (its multi-architecture index): pin it in the Dockerfile's BASE
base-digest:
	$(DOCKER) buildx imagetools inspect python:3.11-slim-bookworm --format '{{json .Manifest.Digest}}'

constraints:
	rm -rf .venv-constraints
	$(PYTHON) -m venv .venv-constraints
	.venv-constraints/bin/python -m pip install --quiet -e '.[dev]'
	.venv-constraints/bin/python -m pip freeze --exclude-editable | grep -v '^monsterbot' > constraints.txt
	rm -rf .venv-constraints
