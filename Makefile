# rusmon's front door: make install | run | test | check | etl | serve | bench
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
RUSMON := $(VENV)/bin/rusmon
STAMP := $(VENV)/.install-stamp

# Defaults for a fresh checkout beside ../shared: load the recorded source files offline.
# Override on the command line, e.g. `make run RUSMON_OFFLINE=0` to fetch from the APIs.
ifneq ($(wildcard ../shared/data),)
export RUSMON_SOURCES_DIR ?= $(abspath ../shared/data)
endif
export RUSMON_OFFLINE ?= 1
HOST ?= 127.0.0.1
PORT ?= 8050

.PHONY: install run etl serve test test-fast check format bench bench-backends bench-scale clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

run: install etl serve

etl: install
	$(RUSMON) etl

serve: install
	$(RUSMON) serve --host $(HOST) --port $(PORT)

test: install
	$(PY) -m pytest

test-fast: install
	$(PY) -m pytest -m "not browser"

check: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy indicators etl cli

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: install
	bash bench/etl.sh
	bash bench/dashboard.sh
	$(PY) bench/crash.py
	bash bench/reload_under_load.sh
	$(PY) bench/export.py

# DuckDB against PostgreSQL with two app servers (needs PostgreSQL: bench/backends.py --help)
bench-backends: install
	$(PY) bench/backends.py

# 1×, 10×, 100× today's follow-up volume (synthetic); fewer steps: make bench-scale STEPS=1,10
bench-scale: install
	$(PY) bench/scale.py $(if $(STEPS),--steps $(STEPS))

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-artifacts *.egg-info
