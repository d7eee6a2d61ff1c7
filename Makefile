# Peta Rekam e-KTP — the two commands a newcomer needs: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
APT_PACKAGES := chromium fonts-liberation postgresql-15-postgis-3

.PHONY: run test install install-dev system-deps demo bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

## Start the dashboard; loads the embedded demo (data contoh sintetis) when the store is empty.
run: install
	$(BIN)/python -m geo demo --load --if-empty
	$(BIN)/streamlit run dashboard.py --server.port $(PORT)

## Debian packages the tests use: chromium (browser tests), PostgreSQL 15 + PostGIS (store tests).
system-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium fonts-liberation"; \
	[ -f /usr/share/postgresql/15/extension/postgis.control ] || missing="$$missing postgresql-15-postgis-3"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

## Install everything the tests need and run every test (SQLite and PostgreSQL, real browser).
test: install-dev system-deps
	$(BIN)/python -m pytest

## Rewrite data/demo from the deterministic generator.
demo: install
	$(BIN)/python -m geo demo --generate

## Benchmarks (numbers printed, not tests).
bench: install-dev system-deps
	$(BIN)/python bench/map_bench.py
	$(BIN)/python bench/image_bench.py
	$(BIN)/python bench/read_bench.py

clean:
	rm -rf $(VENV) .pytest_cache data/rekam.sqlite*
