# Peta Rekam e-KTP — the two commands a newcomer needs: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The port: `make run PORT=8600`, or STREAMLIT_SERVER_PORT in the environment; 8501 otherwise.
PORT ?= $(or $(STREAMLIT_SERVER_PORT),8501)

.PHONY: run test install install-dev browser-deps system-deps apt-missing demo bench clean

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

## Start the dashboard; loads the embedded demo (data contoh sintetis) when the store is empty, its dates
## moved by whole weeks so that its newest data is of this week.
## Image downloads and the PDF briefing render in Debian's chromium, installed here when missing.
run: install browser-deps
	$(BIN)/python -m geo demo --load --if-empty --fresh
	STREAMLIT_SERVER_PORT=$(PORT) $(BIN)/streamlit run dashboard.py

## Debian packages the dashboard needs: chromium and its fonts (PNG/SVG/PDF downloads).
browser-deps:
	@$(MAKE) --no-print-directory apt-missing PACKAGES_WANTED="browser"

## Debian packages the tests use as well: PostgreSQL 15 + PostGIS (store tests).
system-deps:
	@$(MAKE) --no-print-directory apt-missing PACKAGES_WANTED="browser postgres"

apt-missing:
	@missing=""; \
	case "$(PACKAGES_WANTED)" in *browser*) [ -x /usr/bin/chromium ] || missing="$$missing chromium fonts-liberation";; esac; \
	case "$(PACKAGES_WANTED)" in *postgres*) [ -f /usr/share/postgresql/15/extension/postgis.control ] || missing="$$missing postgresql-15-postgis-3";; esac; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

## Install everything the tests need and run every test (SQLite and PostgreSQL, real browser), on two
## workers (a file's tests stay together, so module fixtures such as a running app are built once).
test: install-dev system-deps
	$(BIN)/python -m pytest -n 2 --dist loadfile

## Rewrite data/demo from the deterministic generator.
demo: install
	$(BIN)/python -m geo demo --generate

## Benchmarks (numbers printed, not tests).
bench: install-dev system-deps
	$(BIN)/python bench/map_bench.py
	$(BIN)/python bench/image_bench.py
	$(BIN)/python bench/read_bench.py
	$(BIN)/python bench/national_bench.py
	$(BIN)/python bench/boundary_bench.py
	$(BIN)/python bench/view_bench.py
	$(BIN)/python bench/view_bench.py --national
	$(BIN)/python bench/rerun_bench.py
	$(BIN)/python bench/series_bench.py

clean:
	rm -rf $(VENV) .pytest_cache data/rekam.sqlite*
