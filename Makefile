# Two commands for everyone: `make lab` (learn/teach) and `make test` (check everything).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings

.PHONY: lab test venv slides clean-venv

venv: $(STAMP)

# (Re)install when the dependency list or the pins change.
$(STAMP): pyproject.toml constraints.txt jupyter/overrides.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	mkdir -p $(LAB_SETTINGS)
	cp jupyter/overrides.json $(LAB_SETTINGS)/overrides.json
	touch $(STAMP)

# Headless-friendly: prints the URL; the whole course is browsable, the index opens first.
# Extra server flags (port, token …) can be passed as: make lab LAB_FLAGS="--ServerApp.port=9999"
LAB_FLAGS ?=
lab: $(STAMP)
	$(BIN)/jupyter lab --no-browser --ServerApp.ip=127.0.0.1 --ServerApp.allow_root=True \
	  --ServerApp.root_dir="$(CURDIR)" --LabApp.default_url=/lab/tree/notebooks/00_index.ipynb $(LAB_FLAGS)

test: $(STAMP)
	$(BIN)/python -m pytest -n auto --durations=15

# Every lesson as offline reveal.js slides in slides/ (git-ignored), Chinese included.
slides: $(STAMP)
	$(BIN)/python -m keyaccount.slides

clean-venv:
	rm -rf $(VENV)
