"""The error view Django lets us replace with a setting: a refused CSRF check.

The 400, 403, 404 and 500 pages are Django's own views with our templates
(templates/400.html and so on); they need no code.
"""

from django.shortcuts import render

from kern.security_log import security_log


def csrf_failure(request, reason=""):
    """Show the Dutch "page expired" page and log the refusal (CSRF_FAILURE_VIEW)."""
    security_log("csrf.failure", request=request, result="refused", reason=reason)
    return render(request, "403_csrf.html", status=403)
