# Two commands for newcomers: `make run` and `make test`. Everything else is for developers.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# The native (mypyc-compiled) detector: rebuilt when bot/detector.py changes; a failed build leaves the
# pure-Python detector in charge and does not stop make (tools/build_native.py prints why, in one line).
NATIVE_STAMP := build/native/stamp

.PHONY: run demo test test-fast lint bench bench-full migrate clean native train-model

# Create the virtual environment and install the project (re-runs when pyproject.toml changes).
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

$(NATIVE_STAMP): bot/detector.py tools/build_native.py $(STAMP)
	@$(PY) tools/build_native.py || echo "native detector: build script failed; the pure-Python detector answers"
	@mkdir -p $(@D) && touch $@

## native: compile bot/detector.py with mypyc into bot/detector_native (used while it matches bot/detector.py)
native: $(STAMP)
	@$(PY) tools/build_native.py --strict
	@mkdir -p $(dir $(NATIVE_STAMP)) && touch $(NATIVE_STAMP)

## run: start the bot; without Slack credentials, run the offline demo
run: $(STAMP) $(NATIVE_STAMP)
	$(VENV)/bin/giveback run --demo-without-credentials

## demo: the offline demo (the real bot against the built-in Slack sandbox)
demo: $(STAMP)
	$(VENV)/bin/giveback demo

## test: the whole suite (PostgreSQL tests run when GIVEBACK_TEST_POSTGRES_URL is set)
## (with the native detector built, its tests run once more against the pure-Python one)
test: $(STAMP) $(NATIVE_STAMP)
	$(PY) -m pytest -n 2 -q -p no:cacheprovider
	@if ls bot/detector_native*.so >/dev/null 2>&1; then \
		echo "the detector's tests again, with the pure-Python detector (GIVEBACK_DETECTOR=python):"; \
		GIVEBACK_DETECTOR=python $(PY) -m pytest -n 2 -q -p no:cacheprovider tests/unit/test_detector.py \
			tests/unit/test_detector_properties.py tests/unit/test_detector_native.py -k "not native_answers and not other_source"; \
	fi

## lint: ruff (lint and format check)
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

## bench: every benchmark in quick mode (a few minutes on 2 cores); bench-full: the issues' sizes
bench: $(STAMP) $(NATIVE_STAMP)
	$(PY) bench/run_all.py --quick

bench-full: $(STAMP) $(NATIVE_STAMP)
	$(PY) bench/run_all.py --full

## train-model: refit the thanks detector's model (bot/thanks_model.bin) on tests/data (installs scikit-learn)
train-model: $(STAMP)
	$(PY) -m pip install --quiet -e ".[train]"
	$(PY) tools/train_thanks_model.py

migrate: $(STAMP)
	$(VENV)/bin/giveback migrate

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache .hypothesis bench/results build/native bot/detector_native*
