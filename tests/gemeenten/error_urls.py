"""The app's URLs plus views that fail, for the error page tests."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.urls import path

from config.urls import urlpatterns as app_urlpatterns

DETAIL = "geheim-detail-uit-de-code"


def bad_request(request):
    raise SuspiciousOperation(DETAIL)


def permission_denied(request):
    raise PermissionDenied(DETAIL)


def not_found(request):
    raise Http404(DETAIL)


def server_error(request):
    raise RuntimeError(DETAIL)


urlpatterns = [
    path("fout/400/", bad_request),
    path("fout/403/", permission_denied),
    path("fout/404/", not_found),
    path("fout/500/", server_error),
    *app_urlpatterns,
]
