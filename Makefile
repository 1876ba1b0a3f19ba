# Two commands for a fresh machine: `make run` and `make test`.
PORT ?= 5000
# Server processes: one sync worker per core by default (measured best on 2 cores: bench/, ADR 0021).
WEB_CONCURRENCY ?= $(shell python3 -c "import os; print(os.cpu_count() or 1)")
VENV := .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app wsgi

.PHONY: run test lint setup setup-dev setup-bench migrate demo bench clean

$(VENV)/bin/python:
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

setup: $(VENV)/.installed

setup-dev: $(VENV)/.installed-dev

$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed-dev
	$(PY) -m pip install --quiet -e ".[dev,bench]"
	touch $@

setup-bench: $(VENV)/.installed-bench

migrate: setup
	$(FLASK) db upgrade

demo: migrate
	$(FLASK) demo-data

# Migrations, demo data and the compressed static files are done once, above, before any worker
# starts. gunicorn passes X-Forwarded-* on to the app untouched (ProxyFix reads them, ADR 0011).
run: demo
	@echo "Toolkit Kinerja: http://127.0.0.1:$(PORT) ($(WEB_CONCURRENCY) processes)"
	$(VENV)/bin/gunicorn --bind 127.0.0.1:$(PORT) --workers $(WEB_CONCURRENCY) --worker-class sync --no-control-socket wsgi:app

# Benchmarks (bench/README.md): BENCH_MODE=quick (default, < 10 min) or full; writes bench/results/.
BENCH_MODE ?= quick
bench: setup-bench
	$(PY) -m bench --mode $(BENCH_MODE)

lint: setup-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: lint
	$(VENV)/bin/pytest
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "== the suite again on PostgreSQL ($$TEST_DATABASE_URL), browser tests excluded =="; \
		TEST_DB_URI="$$TEST_DATABASE_URL" $(VENV)/bin/pytest -m "not e2e"; \
	else \
		echo "TEST_DATABASE_URL not set: PostgreSQL run skipped."; \
	fi

clean:
	rm -rf $(VENV) *.egg-info
