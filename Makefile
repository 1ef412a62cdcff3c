# Two commands: `make run` starts the bot on the embedded default, `make test` runs the whole suite.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: run test constraints

# Installs from constraints.txt: CI, the image and a fresh clone get the same versions. `make constraints` refreshes
# them on purpose (a new dependency, or an upgrade), in a throwaway environment.
$(BIN)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

run: $(BIN)/.installed
	$(BIN)/monsterbot serve --host 0.0.0.0

test: $(BIN)/.installed
	$(BIN)/python -m pytest

constraints:
	rm -rf .venv-constraints
	$(PYTHON) -m venv .venv-constraints
	.venv-constraints/bin/python -m pip install --quiet -e '.[dev]'
	.venv-constraints/bin/python -m pip freeze --exclude-editable | grep -v '^monsterbot' > constraints.txt
	rm -rf .venv-constraints
