"""Middleware for the login: session time limits, the two-factor step, no caching."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control

from kern.security_log import security_log

LOGIN_AT = "_login_at"
SEEN_AT = "_seen_at"
# Record activity at most once a minute, so that reading a page rarely writes the session.
SEEN_RESOLUTION = 60


class NoStoreMiddleware:
    """Keep every page out of browser and proxy caches: pages show one user's data.

    Static files never get here: whitenoise serves them earlier.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        patch_cache_control(response, no_store=True)
        return response


def session_started(session):
    """Mark the moment of login in the session, for SessionTimeoutMiddleware."""
    now = int(time.time())
    session[LOGIN_AT] = now
    session[SEEN_AT] = now


class SessionTimeoutMiddleware:
    """Log out after SESSION_IDLE_TIMEOUT idle or SESSION_ABSOLUTE_TIMEOUT after login."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            session, now = request.session, int(time.time())
            login_at = session.setdefault(LOGIN_AT, now)
            seen_at = session.get(SEEN_AT, now)
            too_long = now - login_at > settings.SESSION_ABSOLUTE_TIMEOUT
            if too_long or now - seen_at > settings.SESSION_IDLE_TIMEOUT:
                security_log(
                    "session.expired",
                    request=request,
                    result="ended",
                    reason="absolute" if too_long else "idle",
                )
                logout(request)
                return redirect_to_login(request.get_full_path())
            if now - seen_at >= SEEN_RESOLUTION or SEEN_AT not in session:
                session[SEEN_AT] = now
        return self.get_response(request)


def otp_exempt_paths():
    return (
        reverse("login"),
        reverse("logout"),
        reverse("otp_verifieren"),
        reverse("otp_instellen"),
        settings.STATIC_URL if settings.STATIC_URL.startswith("/") else f"/{settings.STATIC_URL}",
    )


class OTPRequiredMiddleware:
    """Send users who logged in with a password only to the two-factor step.

    Runs after django_otp's OTPMiddleware. When OTP_REQUIRED is off (development and
    the demo) it only tells the templates, which then show a banner.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.otp_required = settings.OTP_REQUIRED
        user = request.user
        if (
            settings.OTP_REQUIRED
            and user.is_authenticated
            and not user.is_verified()
            and not request.path_info.startswith(otp_exempt_paths())
        ):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('otp_verifieren')}?{query}")
        return self.get_response(request)
