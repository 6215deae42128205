"""Excel pages: template download, exports, and the import in three steps.

Upload (`…/excel/importeren/`: GET the form, POST a file), the record (`imports/<pk>/`:
GET the preview, POST to confirm) and the error list of a refused file
(`imports/fouten.xlsx`). A refused file leaves no record, so its errors are kept in the
session for the download.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods, require_safe

from gemeenten.access import (
    get_gemeente_for_user_or_404,
    get_provincie_for_user_or_404,
    may_import_provincie,
)
from kern.formatting import count
from kern.security_log import security_log

from .access import get_uitvraagimport_to_confirm_or_404
from .excel.format import BestandGeweigerd
from .excel.forms import ImportForm, ProvincieImportForm
from .excel.preview import heeft_wijzigingen, samenvatting_tekst
from .excel.safety import read_limited
from .excel.selectors import export_rijen, sjabloon_rijen
from .excel.writer import foutenlijst_maken, locaties_export_maken, sjabloon_maken
from .selectors import kies_cyclus
from .services_import import ImportVerouderd, uitvraagimport_verwerken, uitvraagimport_voorbereiden

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FOUTEN_SESSIE = "excel_fouten"
# The session keeps this many errors for the download; the page shows the first ones.
MAX_FOUTEN_BEWAARD = 5000
MAX_FOUTEN_GETOOND = 200


def _xlsx(inhoud, bestandsnaam):
    disposition = content_disposition_header(True, bestandsnaam)
    return HttpResponse(inhoud, content_type=XLSX, headers={"Content-Disposition": disposition})


def _crumbs(*items):
    return [("Overzicht", reverse("home")), *items]


@login_required
@require_safe
def sjabloon_gemeente(request, code):
    gemeente = get_gemeente_for_user_or_404(request.user, code)
    met_opgave = may_import_provincie(request.user)
    cyclus = kies_cyclus(request.GET.get("cyclus"), request.user) if met_opgave else None
    locaties, opgaven = sjabloon_rijen(
        user=request.user, gemeente=gemeente, cyclus=cyclus, met_opgave=met_opgave
    )
    inhoud = sjabloon_maken(locatie_rijen=locaties, opgave_rijen=opgaven)
    return _xlsx(inhoud, f"uitvraag-{gemeente.code}-{timezone.localdate():%Y-%m-%d}.xlsx")


@login_required
def sjabloon_provincie(request, code):
    provincie = get_provincie_for_user_or_404(request.user, code)
    cyclus = kies_cyclus(request.GET.get("cyclus"), request.user)
    locaties, opgaven = sjabloon_rijen(
        user=request.user, provincie=provincie, cyclus=cyclus, met_opgave=True
    )
    inhoud = sjabloon_maken(locatie_rijen=locaties, opgave_rijen=opgaven)
    return _xlsx(inhoud, f"uitvraag-{provincie.code}-{timezone.localdate():%Y-%m-%d}.xlsx")


@login_required
def locaties_export(request, code):
    """All locations of the province with their category in the chosen cycle."""
    provincie = get_provincie_for_user_or_404(request.user, code)
    cyclus = kies_cyclus(request.GET.get("cyclus"), request.user)
    if cyclus is None:
        raise Http404("Er is nog geen cyclus vastgelegd.")
    vandaag = timezone.localdate()
    inhoud = locaties_export_maken(
        rijen=export_rijen(user=request.user, provincie=provincie, cyclus=cyclus),
        titel=(
            f"Locaties van de provincie {provincie.naam}, met hun categorie volgens de "
            f"telregels van {cyclus}."
        ),
        bron=(
            "Bron: Opvangregister, de geregistreerde gegevens zoals op "
            f"{vandaag.day}-{vandaag.month}-{vandaag.year}."
        ),
    )
    naam = f"locaties-{provincie.code}-cyclus-{cyclus.nummer}-{vandaag:%Y-%m-%d}.xlsx"
    return _xlsx(inhoud, naam)


def _terug(gemeente, provincie):
    if gemeente is not None:
        return reverse("opvang:gemeente_detail", args=[gemeente.code])
    return reverse("rapportage:dashboard", args=[provincie.code])


def _upload_url(record):
    if record.gemeente_id:
        return reverse("opvang:excel_importeren_gemeente", args=[record.gemeente.code])
    return reverse("opvang:excel_importeren_provincie", args=[record.provincie.code])


def _context(gemeente, provincie, **extra):
    terug = _terug(gemeente, provincie)
    plek = (gemeente.naam if gemeente else "Gemeenten", terug)
    return {
        "gemeente": gemeente,
        "provincie": provincie,
        "terug": terug,
        "crumbs": _crumbs(plek, ("Excel importeren", "")),
        **extra,
    }


def _geweigerd(request, exc, bestandsnaam):
    """Keep the errors for the download and log the refusal; return them as dicts."""
    fouten = [f.als_dict() for f in exc.fouten]
    request.session[FOUTEN_SESSIE] = fouten[:MAX_FOUTEN_BEWAARD]
    security_log(
        "upload.rejected",
        request=request,
        result="refused",
        reason=exc.reden,
        filename=bestandsnaam[:255],
        errors=len(fouten),
    )
    return fouten


@login_required
@require_http_methods(["GET", "POST"])
def importeren_gemeente(request, code):
    gemeente = get_gemeente_for_user_or_404(request.user, code, for_edit=True)
    return _upload(request, ImportForm, gemeente=gemeente)


@login_required
@require_http_methods(["GET", "POST"])
def importeren_provincie(request, code):
    provincie = get_provincie_for_user_or_404(request.user, code)
    if not may_import_provincie(request.user):
        raise PermissionDenied  # a reader of every province (the LRT) writes nothing
    return _upload(request, ProvincieImportForm, provincie=provincie)


def _upload(request, form_class, *, gemeente=None, provincie=None):
    """Show the upload form; check a posted file and go to its preview, or list its errors."""
    max_mb = f"{settings.EXCEL_UPLOAD_MAX_BYTES / (1024 * 1024):g}"
    form = form_class(request.POST or None, request.FILES or None, max_mb=max_mb)
    fouten = None
    if request.method == "POST" and form.is_valid():
        upload, data = form.cleaned_data["bestand"], form.cleaned_data
        try:
            record = uitvraagimport_voorbereiden(
                bestand=read_limited(upload),
                bestandsnaam=upload.name,
                user=request.user,
                gemeente=gemeente,
                provincie=provincie,
                cyclus=data.get("cyclus"),
                opgave_grondslag=data.get("opgave_grondslag", ""),
                bron=data.get("bron", ""),
            )
        except BestandGeweigerd as exc:
            fouten = _geweigerd(request, exc, upload.name)
        else:
            return redirect("opvang:import_detail", pk=record.pk)
    return _upload_page(request, form, gemeente, provincie, fouten or [])


def _upload_page(request, form, gemeente, provincie, fouten):
    """Render the upload form with the first of the refused file's errors and their count."""
    context = _context(gemeente, provincie, form=form, fouten=fouten[:MAX_FOUTEN_GETOOND])
    context["aantal_fouten"] = len(fouten)
    return render(request, "opvang/excel_upload.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def import_detail(request, pk):
    """Show what the stored file changes (GET); process it (POST, the confirmation)."""
    record = get_uitvraagimport_to_confirm_or_404(request.user, pk)
    if request.method == "POST":
        return _bevestigen(request, record)
    context = _context(
        record.gemeente,
        record.provincie,
        record=record,
        voorbeeld=record.voorbeeld,
        samenvatting=samenvatting_tekst(record.voorbeeld),
        heeft_wijzigingen=heeft_wijzigingen(record.voorbeeld),
        upload_url=_upload_url(record),
    )
    return render(request, "opvang/excel_import_detail.html", context)


def _bevestigen(request, record):
    try:
        record = uitvraagimport_verwerken(record=record, user=request.user)
    except BestandGeweigerd as exc:
        _geweigerd(request, exc, record.bestandsnaam)
        messages.error(request, f"Het bestand is niet verwerkt: {exc.fouten[0].melding}")
        return redirect(_upload_url(record))
    except ImportVerouderd as exc:
        messages.error(request, str(exc))
        return redirect(_upload_url(record))
    messages.success(
        request,
        f"‘{record.bestandsnaam}’ is verwerkt: "
        f"{count(record.toegevoegd, 'locatie', 'locaties')} toegevoegd, "
        f"{record.gewijzigd} gewijzigd, {count(record.opgaven, 'opgave', 'opgaven')} vastgelegd.",
    )
    return redirect(_terug(record.gemeente, record.provincie))


@login_required
@require_safe
def import_fouten(request):
    """Return the errors of the user's last refused file (kept in the session)."""
    return _xlsx(foutenlijst_maken(request.session.get(FOUTEN_SESSIE, [])), "fouten.xlsx")
