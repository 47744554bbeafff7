# The maintainer's two commands: `make lab` (the course source in JupyterLab) and `make test` (check everything).
# Learners and trainers need neither make nor this folder: `pip install keyaccount`, then `keyaccount start`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: lab test venv slides clean-venv

venv: $(STAMP)

# (Re)install when the dependency list or the pins change.
$(STAMP): pyproject.toml constraints.txt $(wildcard jupyter/*.json jupyter/*/*.json)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

# Headless-friendly: prints the URL; the whole course is browsable, the index opens first.
# Extra server flags (port, token …) can be passed as: make lab LAB_FLAGS="--ServerApp.port=9999"
LAB_FLAGS ?=
lab: $(STAMP)
	$(BIN)/python -m keyaccount.lab "$(CURDIR)" --no-browser $(LAB_FLAGS)

test: $(STAMP)
	$(BIN)/python -m pytest -n auto --dist loadscope --durations=15

# Every lesson as offline reveal.js slides in slides/ (git-ignored), Chinese included.
slides: $(STAMP)
	$(BIN)/python -m keyaccount.slides

clean-venv:
	rm -rf $(VENV)
