# Everyday commands. `make run` works on a fresh machine with Python 3.11+;
# `make test` is what .ci/run calls, once on SQLite and once on PostgreSQL.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PYTEST_ARGS ?=

.PHONY: run test e2e lint migrations-check install bench

# The demo runs as production does (DEBUG off: Dutch error pages, collected static
# files), on SQLite and plain http on 127.0.0.1, with a banner on every page and one
# password step. Its secret key is made once and kept in .demo-secret-key.
# Mail goes to files in .mail/ (one per message), never to a mail server.
DEMO_ENV = DEBUG=0 DEMO_MODE=1 OTP_REQUIRED=0 SECURE_SSL_REDIRECT=0 \
	SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0 SECRET_KEY="$$(cat .demo-secret-key)" \
	EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend EMAIL_FILE_PATH=.mail \
	SITE_URL=http://127.0.0.1:8000

.demo-secret-key:
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

run: $(VENV)/.installed .demo-secret-key
	$(DEMO_ENV) $(PY) manage.py migrate
	@# Load the reference data once: loading it again would overwrite what beheer has
	@# since corrected (the audit trail records the overwrite, as 'loaddata').
	@if $(DEMO_ENV) $(PY) manage.py shell -c "import sys; from gemeenten.models import Provincie; sys.exit(Provincie.objects.exists())"; \
	then $(DEMO_ENV) $(PY) manage.py loaddata referentie cycli; \
	else echo "Referentiegegevens staan er al; niet opnieuw geladen."; fi
	$(DEMO_ENV) $(PY) manage.py demo
	$(DEMO_ENV) $(PY) manage.py collectstatic --noinput -v0
	@# The PDFs are made in the background (rapportage.tasks): a worker runs beside the
	@# server and stops with it (TASKS_BACKEND=immediate renders inside the request instead).
	$(DEMO_ENV) TASKS_BACKEND=db sh -c '$(PY) manage.py db_worker & \
	trap "kill $$! 2>/dev/null" EXIT INT TERM; $(PY) manage.py runserver 127.0.0.1:8000'

test: $(VENV)/.installed
	$(PY) -m pytest $(PYTEST_ARGS)

# The browser suite: Debian's chromium (apt package chromium) against a served demo,
# axe-core on every page at 1280 and 390 px, no sideways scroll at 390 and 320 px.
e2e: $(VENV)/.installed
	$(PY) -m pytest -m e2e tests/e2e $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

migrations-check: $(VENV)/.installed
	$(PY) manage.py makemigrations --check --dry-run

install: $(VENV)/.installed

# Every figure of issue 13 as a ratio to its floor (docs/snelheid.md), on SQLite and,
# when BENCH_PG_URL is set, on PostgreSQL. The bench databases are generated once
# (bench/generate_national.py); BENCH_ARGS=--zonder-pdf skips the PDF.
BENCH_SQLITE ?= /tmp/opvangregister-bench.sqlite3
BENCH_PG_URL ?=
BENCH_ARGS ?=
BENCH_ENV = DEBUG=0 OTP_REQUIRED=0 SECRET_KEY=bench-alleen-lokaal-$$(hostname)-0123456789abcdef \
	ALLOWED_HOSTS=testserver,127.0.0.1 STATIC_ROOT=/tmp/opvangregister-bench-static
bench: $(VENV)/.installed
	$(BENCH_ENV) $(PY) manage.py collectstatic --noinput -v0
	@test -f $(BENCH_SQLITE) || DATABASE_URL=sqlite:///$(BENCH_SQLITE) $(PY) bench/generate_national.py
	$(BENCH_ENV) DATABASE_URL=sqlite:///$(BENCH_SQLITE) $(PY) bench/snelheid.py $(BENCH_ARGS)
	@if [ -n "$(BENCH_PG_URL)" ]; then \
	  DATABASE_URL=$(BENCH_PG_URL) $(PY) bench/generate_national.py 2>/dev/null | tail -1; \
	  $(BENCH_ENV) DATABASE_URL=$(BENCH_PG_URL) $(PY) bench/snelheid.py $(BENCH_ARGS); \
	else echo "BENCH_PG_URL niet gezet: PostgreSQL overgeslagen."; fi

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependencies may have changed.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(VENV)/bin/pip install -e '.[dev]'
	touch $@
