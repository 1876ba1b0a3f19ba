# Two commands for a fresh machine: `make run` and `make test`.
PORT ?= 5000
VENV := .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app wsgi

.PHONY: run test lint setup setup-dev migrate demo clean

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

migrate: setup
	$(FLASK) db upgrade

demo: migrate
	$(FLASK) demo-data

run: demo
	@echo "Toolkit Kinerja: http://127.0.0.1:$(PORT)"
	$(VENV)/bin/waitress-serve --host 127.0.0.1 --port $(PORT) --threads 8 --no-clear-untrusted-proxy-headers wsgi:app

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
