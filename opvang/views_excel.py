"""Excel pages: template download, import with preview and confirmation, exports."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from .access import (
    get_gemeente_for_user_or_404,
    get_provincie_for_user_or_404,
    get_uitvraagimport_for_user_or_404,
    may_import_provincie,
)
from .excel.format import BestandGeweigerd
from .excel.forms import ImportForm, ProvincieImportForm
from .excel.safety import controleer_grootte
from .excel.selectors import export_rijen, sjabloon_rijen
from .excel.writer import foutenlijst_maken, locaties_export_maken, sjabloon_maken
from .imports import (
    ImportVerouderd,
    heeft_wijzigingen,
    import_verwerken,
    import_voorbereiden,
    samenvatting_tekst,
)
from .models import UitvraagImport
from .selectors import kies_cyclus

try:  # Added by the security work (issue of the BIO measures); optional until it lands.
    from kern.security_log import security_log
except ImportError:  # pragma: no cover
    security_log = None

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FOUTEN_SESSIE = "excel_fouten"
# The session keeps this many errors for the download; the page shows the first ones.
MAX_FOUTEN_BEWAARD = 5000
MAX_FOUTEN_GETOOND = 200


def _xlsx(inhoud, bestandsnaam):
    response = HttpResponse(inhoud, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    return response


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


@login_required
@require_http_methods(["GET", "POST"])
def importeren_gemeente(request, code):
    gemeente = get_gemeente_for_user_or_404(request.user, code, for_edit=True)
    return _importeren(request, gemeente)


@login_required
@require_http_methods(["GET", "POST"])
def importeren_provincie(request, code):
    provincie = get_provincie_for_user_or_404(request.user, code)
    return _importeren(request, None, provincie)


def _importeren(request, gemeente, provincie=None):
    """Upload (POST bestand), preview (GET ?import=), confirm (POST bevestigen)."""
    if request.GET.get("fouten"):
        return _xlsx(foutenlijst_maken(request.session.get(FOUTEN_SESSIE, [])), "fouten.xlsx")
    if request.method == "POST" and "bevestigen" in request.POST:
        return _bevestigen(request, gemeente, provincie, request.POST["bevestigen"])
    max_mb = f"{settings.EXCEL_UPLOAD_MAX_BYTES / (1024 * 1024):g}"
    form_class = ImportForm if gemeente else ProvincieImportForm
    form = form_class(request.POST or None, request.FILES or None, max_mb=max_mb)
    record, fouten = None, None
    if request.method == "POST" and form.is_valid():
        record, fouten = _upload(request, gemeente, provincie, form.cleaned_data)
        if record:
            return redirect(f"{request.path}?import={record.pk}")
    elif request.GET.get("import"):
        record = _eigen_import(request, gemeente, provincie, request.GET["import"])
    context = _context(request, gemeente, provincie, form, record, fouten)
    return render(request, "opvang/excel_import.html", context)


def _context(request, gemeente, provincie, form, record, fouten):
    terug = (
        reverse("opvang:gemeente_detail", args=[gemeente.code])
        if gemeente
        else reverse("rapportage:dashboard", args=[provincie.code])
    )
    return {
        "gemeente": gemeente,
        "provincie": provincie,
        "form": form,
        "record": record,
        "voorbeeld": record.voorbeeld if record else None,
        "samenvatting": samenvatting_tekst(record.voorbeeld) if record else "",
        "heeft_wijzigingen": record is not None and heeft_wijzigingen(record.voorbeeld),
        "fouten": fouten[:MAX_FOUTEN_GETOOND] if fouten else None,
        "aantal_fouten": len(fouten or []),
        "terug": terug,
        "crumbs": _crumbs(
            (gemeente.naam if gemeente else "Gemeenten", terug), ("Excel importeren", "")
        ),
    }


def _upload(request, gemeente, provincie, data):
    """Check the uploaded file; return (record, None) or (None, errors as dicts)."""
    upload = data["bestand"]
    try:
        controleer_grootte(upload.size)  # before the file is read into memory
        inhoud = upload.read()
        record = import_voorbereiden(
            inhoud=inhoud,
            bestandsnaam=upload.name,
            user=request.user,
            gemeente=gemeente,
            provincie=provincie,
            cyclus=data.get("cyclus"),
            opgave_soort=data.get("opgave_soort", ""),
            bron=data.get("bron", ""),
        )
    except BestandGeweigerd as exc:
        return None, _geweigerd(request, exc, upload.name)
    return record, None


def _geweigerd(request, exc, bestandsnaam):
    fouten = [f.als_dict() for f in exc.fouten]
    request.session[FOUTEN_SESSIE] = fouten[:MAX_FOUTEN_BEWAARD]
    if security_log is not None:
        security_log(
            "upload.rejected",
            request=request,
            result="refused",
            reason=exc.reden,
            filename=bestandsnaam[:255],
            errors=len(fouten),
        )
    return fouten


def _eigen_import(request, gemeente, provincie, pk):
    """Return the user's own import awaiting confirmation in this scope, else 404."""
    record = get_uitvraagimport_for_user_or_404(request.user, pk)
    if (record.gemeente, record.provincie, record.status) != (
        gemeente,
        provincie,
        UitvraagImport.Status.PREVIEW,
    ):
        raise Http404
    return record


def _bevestigen(request, gemeente, provincie, pk):
    record = _eigen_import(request, gemeente, provincie, pk)
    try:
        record = import_verwerken(record=record, user=request.user)
    except BestandGeweigerd as exc:
        _geweigerd(request, exc, record.bestandsnaam)
        messages.error(request, f"Het bestand is niet verwerkt: {exc.fouten[0].melding}")
        return redirect(request.path)
    except ImportVerouderd as exc:
        messages.error(request, str(exc))
        return redirect(request.path)
    messages.success(
        request,
        f"‘{record.bestandsnaam}’ is verwerkt: {record.toegevoegd} locaties toegevoegd, "
        f"{record.gewijzigd} gewijzigd, {record.opgaven} opgaven vastgelegd.",
    )
    if gemeente:
        return redirect("opvang:gemeente_detail", code=gemeente.code)
    return redirect("rapportage:dashboard", provincie=provincie.code)
