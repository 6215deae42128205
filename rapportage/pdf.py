"""Render our own HTML to a tagged PDF with WeasyPrint, fetching nothing from outside.

WeasyPrint is imported inside the functions: it is heavy and only the PDF pages and
commands need it. Templates name static files with `{% static %}`; the documents are
rendered against BASIS_URL, and the fetcher serves only paths under STATIC_URL from
our own static files, plus `data:` URIs. Everything else (file://, http(s) anywhere,
path traversal) is refused and logged.
"""

from __future__ import annotations

import atexit
import functools
import logging
import mimetypes
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import ImproperlyConfigured, SuspiciousFileOperation

logger = logging.getLogger(__name__)

# A host name that cannot exist (RFC 2606): relative URLs in the documents resolve to
# it, and the fetcher answers for it without any network access.
BASIS_URL = "https://opvangregister.invalid/"
PRINT_CSS = "rapportage/pdf.css"


class GeweigerdeBron(ValueError):
    """A document asked for a resource outside our own static files."""


def static_path(url):
    """Return the file of our own static files that url names, or raise GeweigerdeBron."""
    parts = urlsplit(url)
    prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    if (parts.scheme, parts.netloc) != ("https", urlsplit(BASIS_URL).netloc):
        raise GeweigerdeBron(url)
    if not parts.path.startswith(prefix) or parts.query:
        raise GeweigerdeBron(url)
    relatief = unquote(parts.path[len(prefix) :])
    if ".." in relatief.split("/") or posixpath.normpath(relatief) != relatief:
        raise GeweigerdeBron(url)
    try:
        gevonden = finders.find(relatief) or verzameld(relatief)
    except SuspiciousFileOperation:
        raise GeweigerdeBron(url) from None
    if not gevonden:
        raise GeweigerdeBron(url)
    return Path(gevonden)


def verzameld(relatief):
    """Return the collected file of that name (with DEBUG off `{% static %}` names the
    hashed copy in STATIC_ROOT, which the finders do not know), or None."""
    try:
        pad = Path(staticfiles_storage.path(relatief))
    except (ImproperlyConfigured, NotImplementedError):
        return None
    return pad if pad.is_file() else None


@functools.cache
def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFetcher(URLFetcher):
        """Serve data: URIs and our static files; refuse everything else."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            try:
                pad = static_path(url)
            except GeweigerdeBron:
                logger.warning("PDF: bron geweigerd: %s", url[:200])
                raise
            content_type = mimetypes.guess_type(pad.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, pad.read_bytes(), {"Content-Type": content_type})

    return StaticFetcher


def fetcher():
    return _fetcher_class()(allowed_protocols=("https", "data"), allow_redirects=False)


@functools.cache
def print_css():
    """Parse the print stylesheet once per process (fonts included)."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    css = CSS(
        url=BASIS_URL + settings.STATIC_URL.strip("/") + "/" + PRINT_CSS,
        url_fetcher=fetcher(),
        font_config=fonts,
    )
    return css, fonts


# Release the fonts while the interpreter still runs: FontConfiguration's finaliser
# fails when it only runs during the interpreter's shutdown.
atexit.register(print_css.cache_clear)


def render_pdf(html: str) -> bytes:
    """Render a complete HTML document to a tagged (PDF/UA-1) PDF."""
    from weasyprint import HTML

    css, fonts = print_css()
    document = HTML(string=html, base_url=BASIS_URL, url_fetcher=fetcher())
    return document.write_pdf(
        stylesheets=[css],
        font_config=fonts,
        pdf_variant="pdf/ua-1",
        custom_metadata=True,
    )
