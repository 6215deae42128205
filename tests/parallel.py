"""Run calls at the same moment, each in its own thread with its own database connection.

Used with `@pytest.mark.django_db(transaction=True)` and the `committed_db` fixture: the
data a test prepares is committed, so the threads' connections see it, and each thread's
transactions are real ones that lock and wait as two requests of the live app would.
"""

import threading

from django.db import connection

TIMEOUT = 30


def in_parallel(*calls):
    """Start every call together (a barrier); return each call's result or exception."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(TIMEOUT)
            outcomes[index] = call()
        except Exception as exc:  # the test inspects what each call raised
            outcomes[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    assert not any(t.is_alive() for t in threads), "a parallel call did not finish in time"
    return outcomes


def winners_and_losers(outcomes):
    """Split outcomes into (results, exceptions)."""
    losers = [o for o in outcomes if isinstance(o, Exception)]
    return [o for o in outcomes if not isinstance(o, Exception)], losers
