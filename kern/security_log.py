"""Security events (BIO 8.15) as JSON lines: who did what to which object, from where.

Every event is one line on the logger "opvangregister.security" (see LOGGING in
config/settings.py: a file when SECURITY_LOG_FILE is set, else stderr), for example:

    {"time": "2025-10-15T08:12:03.120Z", "event": "login.failure", "result": "refused",
     "actor": "prt", "actor_id": null, "ip": "203.0.113.7", "object": null}

Events logged today: login.success, login.failure, login.lockout, logout,
otp.enrolled, otp.success, otp.failure, otp.replay, otp.backup_code_used,
otp.cooloff (a failure reached a limit; scope "ip" or "account", wait_seconds),
otp.throttled (a code refused unchecked in a cool-off),
access.refused (another scope's object), indiening.ingediend, indiening.akkoord,
indiening.teruggestuurd, sessions.ended (deactivated user), csrf.failure (a refused
CSRF check, with Django's reason), the changes of rights in
gemeenten.constants.Gebeurtenis (gebruiker.aangemaakt, gebruiker.rol_gewijzigd, ...,
wachtwoord.link_verstuurd, wachtwoord.ingesteld, otp.verwijderd; also kept in the
append-only trail gemeenten.Rechtenwijziging) and groep.rechten_gewijzigd. Later features call
`security_log()` the same way:

- upload.rejected — a refused upload: `security_log("upload.rejected", request=request,
  result="refused", reason="zip ratio", filename=name)`;
- verslag.vastgesteld — `security_log("verslag.vastgesteld", request=request, object=verslag)`;
- document.downloaded — an archived document: `security_log("document.downloaded",
  request=request, object=document)`.

An object is logged as "app.model:pk" (a string is taken as it is).

Secrets never reach the log: keys that name a password, code, token, key or session
are dropped from `extra`, and callers pass no request data but the IP.
"""

import json
import logging
import re
from datetime import UTC, datetime

from django.conf import settings
from simple_history.models import HistoricalRecords

from .audit import client_ip

logger = logging.getLogger("opvangregister.security")

SECRET_KEY_NAMES = re.compile(r"pass|token|code|otp|secret|session|key|cookie", re.IGNORECASE)


def request_ip(request):
    """Return the client's IP behind TRUSTED_PROXY_COUNT proxies (also axes' IP)."""
    return client_ip(request, settings.TRUSTED_PROXY_COUNT)


def _actor(request, user):
    if user is None and request is not None:
        user = getattr(request, "user", None)
    if user is None or not getattr(user, "is_authenticated", False):
        return None, None
    return user.get_username(), user.pk


def _object(obj):
    if obj is None:
        return None
    meta = getattr(obj, "_meta", None)
    if meta is None:
        return str(obj)
    return f"{meta.label_lower}:{obj.pk}"


def security_log(event, *, request=None, user=None, object=None, result="ok", **extra):
    """Write one security event as a JSON line; `extra` holds non-secret details.

    Without a request (services, access helpers) the current one is taken from
    simple-history's middleware, which keeps it for the audit trail anyway.
    """
    if request is None:
        request = getattr(HistoricalRecords.context, "request", None)
    actor, actor_id = _actor(request, user)
    line = {
        "time": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "event": event,
        "result": result,
        "actor": extra.pop("username", None) or actor,
        "actor_id": actor_id,
        "ip": request_ip(request) if request is not None else None,
        "object": _object(object),
    }
    line.update({k: v for k, v in extra.items() if not SECRET_KEY_NAMES.search(k)})
    logger.info(json.dumps(line, ensure_ascii=False, default=str, sort_keys=False))
