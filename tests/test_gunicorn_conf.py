"""config/gunicorn.conf.py bounds every worker: sync, a timeout, restarts, an address limit."""

import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONF = ROOT / "config" / "gunicorn.conf.py"
GUNICORN = Path(sys.executable).with_name("gunicorn")

LAAD = f"""
import importlib.util
spec = importlib.util.spec_from_file_location("conf", {str(CONF)!r})
conf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(conf)
"""


def python(code, **env):
    return subprocess.run(  # noqa: S603 (our own interpreter and configuration)
        [sys.executable, "-c", LAAD + code],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_workers_are_sync_with_a_timeout_and_restarts():
    uit = python("print(conf.worker_class, conf.timeout, conf.max_requests > 0, conf.wsgi_app)")
    assert uit.stdout.split() == ["sync", "120", "True", "config.wsgi:application"]
    uit = python("print(conf.timeout, conf.workers)", GUNICORN_TIMEOUT="30", GUNICORN_WORKERS="2")
    assert uit.stdout.split() == ["30", "2"]


def test_a_value_that_is_no_number_stops_gunicorn_at_start_up():
    uit = python("", GUNICORN_TIMEOUT="twee minuten")
    assert uit.returncode != 0
    assert "GUNICORN_TIMEOUT moet een geheel getal zijn" in uit.stderr


def test_the_post_fork_hook_limits_the_address_space_so_a_huge_allocation_fails():
    code = """
import resource
class Log:
    def info(self, *args):
        pass
class Server:
    log = Log()
conf.post_fork(Server(), None)
print(*resource.getrlimit(resource.RLIMIT_AS))
try:
    blok = bytearray(1024 * 1024 * 1024)
    print("toegewezen")
except MemoryError:
    print("MemoryError")
"""
    uit = python(code, GUNICORN_WORKER_MEMORY_MB="256")
    assert uit.stdout.split() == [str(256 * 2**20), str(256 * 2**20), "MemoryError"], uit.stderr


def test_zero_switches_the_limit_off():
    uit = python("print(conf.memory_limit_bytes())", GUNICORN_WORKER_MEMORY_MB="0")
    assert uit.stdout.strip() == "None"


@pytest.mark.skipif(not Path("/proc/self/limits").exists(), reason="needs Linux /proc")
def test_a_real_gunicorn_worker_runs_with_the_limit(tmp_path):
    log = tmp_path / "gunicorn.log"
    arbiter = subprocess.Popen(  # noqa: S603 (our own gunicorn and configuration)
        [str(GUNICORN), "-c", str(CONF), "--bind", "127.0.0.1:0", "--workers", "1",
         "--error-logfile", str(log)],
        cwd=ROOT,
        env={
            **os.environ,
            "GUNICORN_WORKER_MEMORY_MB": "1536",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        worker = None
        for _ in range(200):
            gevonden = re.search(r"Worker (\d+): adresruimte begrensd op 1536 MB", _lees(log))
            if gevonden:
                worker = gevonden.group(1)
                break
            time.sleep(0.1)
        assert worker, _lees(log)
        limits = Path(f"/proc/{worker}/limits").read_text()
        assert re.search(rf"Max address space\s+{1536 * 2**20}\s+{1536 * 2**20}", limits)
        adres = re.search(r"Listening at: (http://127\.0\.0\.1:\d+)", _lees(log)).group(1)
        with urllib.request.urlopen(f"{adres}/inloggen/", timeout=30) as response:  # noqa: S310
            assert response.status == 200  # the app itself runs within the limit
    finally:
        arbiter.terminate()
        arbiter.wait(timeout=30)


def _lees(pad):
    return pad.read_text() if pad.exists() else ""
