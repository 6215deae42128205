"""The browser suite: Debian's chromium, driven by Playwright, against a served demo.

One server for the session, served as `make run` serves the demo: a throwaway SQLite
database with the reference and demo data, production settings (DEBUG off, collected
static files, Dutch error pages), plain http on 127.0.0.1 and one password step. One browser for
the session; each test gets a fresh context (cookies) per role.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WACHTWOORD = "demo-wachtwoord-2025"
SUPERUSER = "e2e-superuser"

pytestmark = pytest.mark.e2e


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _manage(env, *args):
    subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="session")
def base_url(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    env = {
        **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        "DATABASE_URL": f"sqlite:///{tmp / 'e2e.sqlite3'}",
        "DEBUG": "0",
        "SECRET_KEY": "e2e-" + "x" * 60,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "STATIC_ROOT": str(tmp / "static"),
        "DEMO_MODE": "1",
        "OTP_REQUIRED": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        # PDFs inside the request: the suite runs no db_worker beside its server.
        "TASKS_BACKEND": "immediate",
    }
    _manage(env, "migrate", "-v0")
    _manage(env, "loaddata", "referentie", "cycli", "-v0")
    _manage(env, "demo")
    # The installation's first account, made as the README says: it alone reaches the
    # pages a province's beheer does not (users' permissions, login attempts).
    _manage(
        {**env, "DJANGO_SUPERUSER_PASSWORD": WACHTWOORD},
        *("createsuperuser", "--noinput", "--username", SUPERUSER, "--email", "su@example.org"),
    )
    _manage(env, "collectstatic", "--noinput", "-v0")
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/inloggen/", timeout=1)  # noqa: S310 (loopback)
            break
        except OSError:
            time.sleep(0.2)
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def als(browser, base_url):
    """Return a function that logs in a demo user through the form and returns its page."""
    contexts = []

    def login(username):
        context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.goto("/inloggen/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", WACHTWOORD)
        page.click("button[type=submit]")
        page.wait_for_load_state()
        return page

    yield login
    for context in contexts:
        context.close()


def pytest_terminal_summary(terminalreporter):
    """Per page, what the run checked: axe violations and sideways scroll per width."""
    from .checks import GECONTROLEERD

    if not GECONTROLEERD:
        return
    paginas = {}
    for url, breedte, wat, aantal in GECONTROLEERD:
        pad = "/" + url.split("/", 3)[-1]
        paginas.setdefault(pad, {})[f"{wat} @{breedte}"] = aantal
    terminalreporter.section(f"{len(paginas)} pages checked (axe violations, sideways px)")
    for pad, uitslag in sorted(paginas.items()):
        cijfers = ", ".join(f"{k}: {v}" for k, v in sorted(uitslag.items()))
        terminalreporter.write_line(f"{pad}  {cijfers}")
