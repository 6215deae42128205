"""gunicorn's settings for production: `gunicorn -c config/gunicorn.conf.py`.

Every request is bounded in time and memory, whatever it asks for:

- sync workers, one request at a time: the arbiter kills a worker that has not
  answered within `timeout`. (Under gthread workers the main thread keeps reporting
  while another computes, so a request of 114 s outlived a timeout of 120 s.)
- `max_requests` (with jitter) restarts each worker now and then, so memory a library
  keeps does not pile up;
- an address-space limit per worker (RLIMIT_AS), set after the fork in `post_fork`:
  a request that tries to take gigabytes gets a MemoryError (a 500 for that request)
  instead of the machine's memory.

The values come from the environment (GUNICORN_*, below); a value that is not a whole
number stops gunicorn at start-up rather than being read as a default.
"""

import os
import resource

GEHEUGEN = "GUNICORN_WORKER_MEMORY_MB"


def env_int(name, default, minimum=0):
    """Return the environment variable as an int ≥ minimum, else raise RuntimeError."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise RuntimeError(f"{name} moet een geheel getal zijn, niet {value!r}.") from None
    if number < minimum:
        raise RuntimeError(f"{name} moet minstens {minimum} zijn, niet {number}.")
    return number


wsgi_app = "config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "sync"
workers = env_int("GUNICORN_WORKERS", 3, minimum=1)
# A concept PDF of a thousand locations takes some 20 s (bench/README.md).
timeout = env_int("GUNICORN_TIMEOUT", 120, minimum=1)
graceful_timeout = 30
max_requests = env_int("GUNICORN_MAX_REQUESTS", 500)
max_requests_jitter = env_int("GUNICORN_MAX_REQUESTS_JITTER", 50)


def memory_limit_bytes():
    """Return the address-space limit of a worker in bytes; None when switched off (0)."""
    mb = env_int(GEHEUGEN, 2048)
    return mb * 1024 * 1024 if mb else None


def post_fork(server, worker):
    """Limit the new worker's address space (never above a hard limit already set)."""
    limit = memory_limit_bytes()
    if limit is None:
        return
    _zacht, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    server.log.info("Worker %s: adresruimte begrensd op %d MB", os.getpid(), limit // 2**20)
