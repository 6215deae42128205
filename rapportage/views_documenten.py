"""Pages of the verslag and plan: preview, concept PDF, vaststellen, archived versions."""

from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gemeenten.access import get_provincie_for_user_or_404
from kern.dates import EERSTE_DATUM, LAATSTE_DATUM
from opvang.access import get_cyclus_or_404

from . import services
from .access import (
    get_documentopdracht_for_user_or_404,
    get_documentversie_for_user_or_404,
    may_vaststellen,
)
from .constants import Document, OpdrachtSoort, OpdrachtStatus
from .documenten import CONCEPT, Kop, document_context, document_html
from .documenten_forms import BevestigingForm, VaststellenForm
from .models import DocumentVersie
from .views import ongeldige_vraag
from .vraag import RapportVraag, RapportVraagForm

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
        def wrapper(request, provincie, cyclus, document=None, **kwargs):
            provincie = get_provincie_for_user_or_404(request.user, provincie)
            cyclus = get_cyclus_or_404(cyclus)
            if document is not None and document not in Document.values:
                raise Http404
            if request.method not in methods:
                return HttpResponseNotAllowed(methods)
            return view(request, provincie, cyclus, document, **kwargs)

        return wrapper

    return decorator


def _crumbs(provincie, *items):
    dashboard = reverse("rapportage:dashboard", args=[provincie.code])
    return [("Overzicht", reverse("home")), (f"Dashboard {provincie.naam}", dashboard), *items]


def _keuze(request, provincie, cyclus):
    """Return the RapportVraagForm of the query string; defaults today and actueel."""
    return RapportVraagForm(request.GET, provincie=provincie, user=request.user, cyclus=cyclus)


def _concept_context(vraag, document, **teksten):
    kop = Kop(kenmerk="", datum=timezone.localdate(), status=CONCEPT)
    return document_context(document=document, rapport=vraag.rapport(), kop=kop, **teksten)


def _ongeldig(request, provincie, cyclus, keuze):
    terug = reverse("rapportage:documenten", args=[provincie.code, cyclus.nummer])
    return ongeldige_vraag(request, keuze.foutmelding(), terug)


@document_view()
def documenten(request, provincie, cyclus, document):
    versies = (
        DocumentVersie.objects.for_user(request.user)
        .filter(provincie=provincie, cyclus=cyclus)
        .select_related("vastgesteld_door")
        .defer("pdf", "rapport")
    )
    keuze = _keuze(request, provincie, cyclus)
    # An invalid choice is named on the page (status 400), which offers the defaults.
    vraag = keuze.vraag() if keuze.is_valid() else keuze.standaard_vraag()
    ctx = {
        "provincie": provincie,
        "cyclus": cyclus,
        "peildatum": vraag.peildatum,
        "peildatum_fout": keuze.foutmelding(),
        "bereik": (EERSTE_DATUM, LAATSTE_DATUM),
        "bron": vraag.bron,
        "documenten": [
            (document, [v for v in versies if v.document == document]) for document in Document
        ],
        "may_vaststellen": may_vaststellen(request.user, provincie),
        "crumbs": _crumbs(provincie, ("Verslag en plan", "")),
    }
    return render(request, "rapportage/documenten.html", ctx, status=400 if keuze.errors else 200)


@document_view()
def document_voorbeeld(request, provincie, cyclus, document):
    """The document as HTML, from the same context as the PDF."""
    keuze = _keuze(request, provincie, cyclus)
    if not keuze.is_valid():
        return _ongeldig(request, provincie, cyclus, keuze)
    context = _concept_context(keuze.vraag(), document)
    return HttpResponse(document_html({**context, "voorbeeld": True}))


@document_view()
def document_concept(request, provincie, cyclus, document):
    """The concept PDF of the report's data version: made by a background task.

    Made already (or by the immediate backend just now): the PDF. Still being made:
    the request's page, which shows the progress and then the download.
    """
    keuze = _keuze(request, provincie, cyclus)
    if not keuze.is_valid():
        return _ongeldig(request, provincie, cyclus, keuze)
    opdracht = services.concept_opdracht(vraag=keuze.vraag(), document=document, user=request.user)
    if opdracht.status != OpdrachtStatus.KLAAR:
        return redirect(opdracht)
    return _concept_response(opdracht)


def _concept_response(opdracht):
    response = HttpResponse(bytes(opdracht.pdf), content_type=PDF)
    response["Content-Disposition"] = f'attachment; filename="{opdracht.bestandsnaam}"'
    return response


def _vaststellen_initial(request, provincie, cyclus):
    """Return the form's initial peildatum from the query string, and its source if named.

    The source of a vastgesteld version is chosen on the form: it is only filled in
    when the link that led here named it.
    """
    keuze = _keuze(request, provincie, cyclus)
    if not keuze.is_valid():
        return {}
    vraag = keuze.vraag()
    return {"peildatum": vraag.peildatum, **({"bron": vraag.bron} if "bron" in request.GET else {})}


def _vastgesteld(request, documentversie):
    """Say what was drawn up and return to the list on its peildatum and source."""
    messages.success(
        request,
        f"{documentversie.get_document_display()} is vastgesteld als versie "
        f"{documentversie.versie} met kenmerk {documentversie.kenmerk}.",
    )
    lijst = reverse(
        "rapportage:documenten", args=[documentversie.provincie.code, documentversie.cyclus.nummer]
    )
    query = urlencode(
        {"peildatum": documentversie.peildatum.isoformat(), "bron": documentversie.bron}
    )
    return redirect(f"{lijst}?{query}")


def _vaststellen_pagina(request, form, provincie, cyclus, document, bevestiging=None):
    """The form, or with a valid form its second step: what will be drawn up, confirmed."""
    documenten_url = reverse("rapportage:documenten", args=[provincie.code, cyclus.nummer])
    ctx = {
        "form": form,
        "provincie": provincie,
        "cyclus": cyclus,
        "document": Document(document),
        "crumbs": _crumbs(
            provincie,
            ("Verslag en plan", documenten_url),
            (f"{Document(document).label} vaststellen", ""),
        ),
    }
    if bevestiging is None:
        return render(request, "rapportage/document_vaststellen.html", ctx)
    gegevens = form.cleaned_data
    vraag = RapportVraag(provincie, cyclus, gegevens["peildatum"], gegevens["bron"])
    ctx.update(bevestiging=bevestiging, rapport=vraag.rapport(met_locaties=False))
    return render(request, "rapportage/document_vaststellen_bevestigen.html", ctx)


def _bevestiging(request):
    """Return the confirmation of the second step; unbound on the first step."""
    return BevestigingForm(request.POST if request.POST.get("stap") == "bevestigen" else None)


@document_view(methods=("GET", "POST"))
def document_vaststellen(request, provincie, cyclus, document):
    """Draw up a version: the form, its confirmation, the rendering in a background task."""
    if not may_vaststellen(request.user, provincie):
        raise PermissionDenied
    initial = _vaststellen_initial(request, provincie, cyclus)
    form = VaststellenForm(request.POST or None, provincie=provincie, initial=initial)
    if request.method != "POST" or not form.is_valid() or request.POST.get("stap") == "wijzigen":
        return _vaststellen_pagina(request, form, provincie, cyclus, document)
    bevestiging = _bevestiging(request)
    if not bevestiging.is_valid():
        return _vaststellen_pagina(request, form, provincie, cyclus, document, bevestiging)
    opdracht = services.document_opdracht_geven(
        provincie=provincie,
        cyclus=cyclus,
        document=document,
        soort=OpdrachtSoort.VASTSTELLEN,
        user=request.user,
        **form.cleaned_data,
    )
    if opdracht.status == OpdrachtStatus.KLAAR:
        return _vastgesteld(request, opdracht.documentversie)
    if opdracht.status != OpdrachtStatus.MISLUKT:
        return redirect(opdracht)
    form.add_error(None, opdracht.fout)
    return _vaststellen_pagina(request, form, provincie, cyclus, document)


def opdracht_view(methods=READ):
    """Log in and load a document request of a province the user reads; 404 for others."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, pk):
            opdracht = get_documentopdracht_for_user_or_404(request.user, pk)
            if request.method not in methods:
                return HttpResponseNotAllowed(methods)
            return view(request, opdracht)

        return wrapper

    return decorator


@opdracht_view()
def document_opdracht(request, opdracht):
    """The state of a document request; it reloads itself while the document is made."""
    lijst = reverse("rapportage:documenten", args=[opdracht.provincie.code, opdracht.cyclus.nummer])
    ctx = {
        "opdracht": opdracht,
        "provincie": opdracht.provincie,
        "mag_opnieuw": _mag_opnieuw(request.user, opdracht),
        "crumbs": _crumbs(opdracht.provincie, ("Verslag en plan", lijst), ("Document", "")),
    }
    return render(request, "rapportage/document_opdracht.html", ctx)


def _mag_opnieuw(user, opdracht):
    if opdracht.soort == OpdrachtSoort.VASTSTELLEN:
        return may_vaststellen(user, opdracht.provincie)
    return not user.is_landelijk  # the LRT reads concepts, it does not restart them


@login_required
@require_POST  # write-only: a GET is a 405 before anything is loaded
@opdracht_view(methods=("POST",))
def document_opdracht_opnieuw(request, opdracht):
    """Start a failed request again."""
    if not _mag_opnieuw(request.user, opdracht):
        raise PermissionDenied
    try:
        services.document_opdracht_opnieuw(opdracht=opdracht, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(opdracht)


@opdracht_view()
def document_opdracht_download(request, opdracht):
    """The made document: a concept's PDF, or the vastgestelde version's download."""
    if opdracht.status != OpdrachtStatus.KLAAR:
        return redirect(opdracht)
    if opdracht.documentversie_id:
        return redirect(opdracht.documentversie)
    return _concept_response(opdracht)


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
