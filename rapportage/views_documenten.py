"""Pages of the verslag and plan: preview, concept PDF, vaststellen, archived versions."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from kern.dates import EERSTE_DATUM, LAATSTE_DATUM
from opvang.access import get_cyclus_or_404, get_provincie_for_user_or_404

from . import services
from .access import get_documentversie_for_user_or_404, may_vaststellen
from .constants import DocumentSoort
from .documenten import CONCEPT, Kop, document_context, document_html, document_pdf
from .documenten_forms import VaststellenForm
from .models import DocumentVersie
from .selectors import (
    BRON_AKKOORD,
    DatumBuitenBereik,
    OngeldigeParameter,
    lees_peildatum,
    verslag_rapport,
)

PDF = "application/pdf"


READ = ("GET", "HEAD")


def document_view(methods=READ):
    """Log in and load province, cycle and kind of document; 404 for anyone else.

    Access comes before the method check (as rapportage.views.provincie_view), so an
    outsider's POST is a 404 as well; another method is a 405.
    """

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, provincie, cyclus, soort=None, **kwargs):
            provincie = get_provincie_for_user_or_404(request.user, provincie)
            cyclus = get_cyclus_or_404(cyclus)
            if soort is not None and soort not in DocumentSoort.values:
                raise Http404
            if request.method not in methods:
                return HttpResponseNotAllowed(methods)
            return view(request, provincie, cyclus, soort, **kwargs)

        return wrapper

    return decorator


def _crumbs(provincie, *items):
    dashboard = reverse("rapportage:dashboard", args=[provincie.code])
    return [("Overzicht", reverse("home")), (f"Dashboard {provincie.naam}", dashboard), *items]


def _keuze(request):
    """Return (peildatum, bron, fout) from the query string; defaults today and 'akkoord'.

    A date that cannot be read counts as today, as before; so does one outside the
    plausible range, and fout is then its Dutch message (else "").
    """
    peildatum, fout = None, ""
    try:
        peildatum = lees_peildatum(request.GET["peildatum"]) if "peildatum" in request.GET else None
    except DatumBuitenBereik as exc:
        fout = str(exc)
    except OngeldigeParameter:
        pass
    bron = request.GET.get("bron", BRON_AKKOORD)
    return peildatum or timezone.localdate(), bron, fout


def _buiten_bereik(exc):
    return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")


def _concept_context(request, provincie, cyclus, soort, **teksten):
    """Return the concept's context; DatumBuitenBereik for an implausible peildatum."""
    peildatum, bron, fout = _keuze(request)
    if fout:
        raise DatumBuitenBereik(fout)
    try:
        rapport = verslag_rapport(
            provincie=provincie, cyclus=cyclus, peildatum=peildatum, bron=bron
        )
    except OngeldigeParameter:
        raise Http404 from None
    kop = Kop(kenmerk="", datum=timezone.localdate(), status=CONCEPT)
    return document_context(soort=soort, rapport=rapport, kop=kop, **teksten)


@document_view()
def documenten(request, provincie, cyclus, soort):
    versies = (
        DocumentVersie.objects.for_user(request.user)
        .filter(provincie=provincie, cyclus=cyclus)
        .select_related("vastgesteld_door")
        .defer("pdf", "rapport")
    )
    peildatum, bron, fout = _keuze(request)
    ctx = {
        "provincie": provincie,
        "cyclus": cyclus,
        "peildatum": peildatum,
        "peildatum_fout": fout,
        "bereik": (EERSTE_DATUM, LAATSTE_DATUM),
        "bron": bron,
        "documenten": [
            (soort, [v for v in versies if v.soort == soort]) for soort in DocumentSoort
        ],
        "may_vaststellen": may_vaststellen(request.user, provincie),
        "crumbs": _crumbs(provincie, ("Verslag en plan", "")),
    }
    return render(request, "rapportage/documenten.html", ctx)


@document_view()
def document_voorbeeld(request, provincie, cyclus, soort):
    """The document as HTML, from the same context as the PDF."""
    try:
        context = _concept_context(request, provincie, cyclus, soort)
    except DatumBuitenBereik as exc:
        return _buiten_bereik(exc)
    return HttpResponse(document_html({**context, "voorbeeld": True}))


@document_view()
def document_concept(request, provincie, cyclus, soort):
    try:
        pdf = document_pdf(_concept_context(request, provincie, cyclus, soort))
    except DatumBuitenBereik as exc:
        return _buiten_bereik(exc)
    response = HttpResponse(pdf, content_type=PDF)
    naam = f"concept-{soort}-{provincie.code}-cyclus{cyclus.nummer}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response


@document_view(methods=("GET", "POST"))
def document_vaststellen(request, provincie, cyclus, soort):
    if not may_vaststellen(request.user, provincie):
        raise PermissionDenied
    peildatum, bron, _fout = _keuze(request)
    form = VaststellenForm(
        request.POST or None,
        provincie=provincie,
        initial={"peildatum": peildatum, "bron": bron},
    )
    if request.method == "POST" and form.is_valid():
        try:
            document = services.document_vaststellen(
                provincie=provincie,
                cyclus=cyclus,
                soort=soort,
                user=request.user,
                **form.cleaned_data,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _vastgesteld(document))
            return redirect(reverse("rapportage:documenten", args=[provincie.code, cyclus.nummer]))
    return _vaststellen_page(request, form, provincie, cyclus, soort)


def _vastgesteld(document):
    return (
        f"{document.get_soort_display()} is vastgesteld als versie "
        f"{document.versie} met kenmerk {document.kenmerk}."
    )


def _vaststellen_page(request, form, provincie, cyclus, soort):
    documenten_url = reverse("rapportage:documenten", args=[provincie.code, cyclus.nummer])
    ctx = {
        "form": form,
        "provincie": provincie,
        "cyclus": cyclus,
        "soort": DocumentSoort(soort),
        "crumbs": _crumbs(
            provincie,
            ("Verslag en plan", documenten_url),
            (f"{DocumentSoort(soort).label} vaststellen", ""),
        ),
    }
    return render(request, "rapportage/document_vaststellen.html", ctx)


@login_required
def document_download(request, pk):
    """Return an archived version's bytes, exactly as they were stored."""
    document = get_documentversie_for_user_or_404(request.user, pk)
    if request.method not in READ:  # after access, so an outsider's POST is a 404
        return HttpResponseNotAllowed(READ)
    inhoud = services.document_downloaden(document=document, user=request.user, request=request)
    response = HttpResponse(inhoud, content_type=PDF)
    response["Content-Disposition"] = f'attachment; filename="{document.bestandsnaam}"'
    response["X-Content-SHA256"] = document.sha256
    return response
