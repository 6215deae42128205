"""A limit on failed two-factor codes per account, and per account and IP.

Only someone who knows the password reaches the code step, so this limit is what stands
between a stolen password and the account. django-otp's own throttle per device doubles
its delay with every failure without bound, so whoever has the password could block the
user's codes for days; it is off (config/settings.py) and this limit replaces it:

- at most OTP_IP_FAILURE_LIMIT failed codes for one account from one IP, and at most
  OTP_ACCOUNT_FAILURE_LIMIT from all IPs together, in any OTP_FAILURE_WINDOW_MINUTES;
- the failure that reaches a limit starts a cool-off of OTP_COOLOFF_MINUTES in which
  every code is refused, the right one too: from that IP, or at the account limit from
  every IP. Refused codes are not counted, so nobody can make a cool-off longer;
- failures stay counted for the rest of their window, so each further failure in that
  time starts a new cool-off;
- a right code clears the account's count.

An account's counts are one cache entry (the cache is a database table shared by every
worker), so no flood of IPs can push the entry out of the cache. Callers hold a lock on
the user's row while they check, verify and count, so parallel guesses all count.
"""

import math
import time
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command


class Cooloff(NamedTuple):
    seconds: int
    scope: str  # "account" or "ip"


def _now():
    return time.time()


def _key(user):
    return f"otp-throttle:{user.pk}"


def cooloff(user, ip):
    """Return the cool-off in which a code for user from ip is refused, or None."""
    state = cache.get(_key(user)) or {}
    now = _now()
    waits = [
        Cooloff(math.ceil(until - now), scope)
        for scope, until in (
            ("account", state.get("account_until", 0)),
            ("ip", state.get("ip_until", {}).get(ip, 0)),
        )
        if until > now
    ]
    return max(waits, default=None)


def record_failure(user, ip):
    """Count a failed code for user from ip; return the cool-off it starts, or None."""
    window = settings.OTP_FAILURE_WINDOW_MINUTES * 60
    length = settings.OTP_COOLOFF_MINUTES * 60
    now = _now()
    state = cache.get(_key(user)) or {}
    failures = [(t, i) for t, i in state.get("failures", []) if t > now - window]
    failures.append((now, ip))
    ip_until = {i: t for i, t in state.get("ip_until", {}).items() if t > now}
    started = None
    if sum(1 for _, i in failures if i == ip) >= settings.OTP_IP_FAILURE_LIMIT:
        ip_until[ip] = now + length
        started = Cooloff(length, "ip")
    account_until = state.get("account_until", 0)
    if len(failures) >= settings.OTP_ACCOUNT_FAILURE_LIMIT:
        account_until = now + length
        started = Cooloff(length, "account")
    state = {"failures": failures, "ip_until": ip_until, "account_until": account_until}
    cache.set(_key(user), state, timeout=window + length)
    return started


def reset(user):
    """Clear the user's count of failed codes (after a right code)."""
    cache.delete(_key(user))


def create_cache_table(using, **kwargs):
    """Create the cache's database table after migrate (post_migrate), if it is missing."""
    call_command("createcachetable", database=using, verbosity=0)
