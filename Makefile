# Two commands for newcomers: `make run` and `make test`. Everything else is for developers.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run demo test test-fast lint bench bench-full migrate clean

# Create the virtual environment and install the project (re-runs when pyproject.toml changes).
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

## run: start the bot; without Slack credentials, run the offline demo
run: $(STAMP)
	$(VENV)/bin/giveback run --demo-without-credentials

## demo: the offline demo (the real bot against the built-in Slack sandbox)
demo: $(STAMP)
	$(VENV)/bin/giveback demo

## test: the whole suite (PostgreSQL tests run when GIVEBACK_TEST_POSTGRES_URL is set)
test: $(STAMP)
	$(PY) -m pytest -n 2 -q -p no:cacheprovider

## lint: ruff (lint and format check)
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

## bench: every benchmark in quick mode (a few minutes on 2 cores); bench-full: the issues' sizes
bench: $(STAMP)
	$(PY) bench/run_all.py --quick

bench-full: $(STAMP)
	$(PY) bench/run_all.py --full

migrate: $(STAMP)
	$(VENV)/bin/giveback migrate

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache .hypothesis bench/results
