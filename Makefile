# Everyday commands. `make run` works on a fresh machine with Python 3.11+;
# `make test` is what .ci/run calls, once on SQLite and once on PostgreSQL.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PYTEST_ARGS ?=

.PHONY: run test lint migrations-check install bench

run: $(VENV)/.installed
	$(PY) manage.py migrate
	@# Load the reference data once: loading it again would overwrite what beheer has
	@# since corrected (the audit trail records the overwrite, as 'loaddata').
	@if $(PY) manage.py shell -c "import sys; from gemeenten.models import Provincie; sys.exit(Provincie.objects.exists())"; \
	then $(PY) manage.py loaddata referentie; \
	else echo "Referentiegegevens staan er al; niet opnieuw geladen."; fi
	$(PY) manage.py demo
	@# The PDFs are made in the background (rapportage.tasks): a worker runs beside the
	@# server and stops with it (TASKS_BACKEND=immediate renders inside the request instead).
	DEMO_MODE=1 OTP_REQUIRED=0 TASKS_BACKEND=db sh -c '$(PY) manage.py db_worker & \
	trap "kill $$! 2>/dev/null" EXIT INT TERM; $(PY) manage.py runserver 127.0.0.1:8000'

test: $(VENV)/.installed
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

migrations-check: $(VENV)/.installed
	$(PY) manage.py makemigrations --check --dry-run

install: $(VENV)/.installed

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependencies may have changed.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(VENV)/bin/pip install -e '.[dev]'
	touch $@
