"""The national picture for the LRT and national beheer: a table, CSV, XLSX and JSON."""

import json
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from gemeenten.access import may_read_landelijk
from kern.security_log import security_log
from opvang.access import get_cyclus_or_404
from rapportage.kaart import bewaarde_landelijke_kaart_html
from rapportage.vraag import RapportVraagForm

from . import exports, tabel
from .selectors import landelijk_overzicht
from .serializers import landelijk_als_json
from .sortering import SORTEERBAAR, gesorteerd

GEEN_CYCLUS = "Er is nog geen cyclus ingevoerd; beheer voert die in."


def landelijk_view(view):
    """Log in; only readers of every province (may_read_landelijk), others get a 404."""

    @login_required
    @require_safe
    @wraps(view)
    def wrapper(request, **kwargs):
        if not may_read_landelijk(request.user):
            security_log("access.refused", request=request, object="landelijk", result="refused")
            raise Http404("Geen pagina gevonden.")
        return view(request, **kwargs)

    return wrapper


def _overzicht(request, cyclus=None):
    """Return (the form, the overview or None) of the URL's cycle, peildatum and source."""
    keuze = RapportVraagForm(request.GET, provincie=None, user=request.user, cyclus=cyclus)
    if not keuze.heeft_cycli or not keuze.is_valid():
        return keuze, None
    d = keuze.cleaned_data
    return keuze, landelijk_overzicht(cyclus=d["cyclus"], peildatum=d["peildatum"], bron=d["bron"])


@landelijk_view
def overzicht(request):
    """Every province: opgave, capacity, dekking, submissions and the vastgestelde verslag."""
    keuze, overzicht = _overzicht(request)
    context = {
        "keuze": keuze if keuze.heeft_cycli else None,
        "overzicht": overzicht,
        "geen_cyclus": GEEN_CYCLUS,
        "crumbs": [("Overzicht", reverse("home")), ("Landelijk beeld", "")],
    }
    if overzicht is not None:
        sort = request.GET.get("sort", "")
        context.update(
            rijen=[tabel.cellen(r) for r in gesorteerd(overzicht.provincies, sort)],
            totaal=tabel.totaal_cellen(overzicht),
            koppen=SORTEERBAAR.koppen(request.GET, sort),
            kaart=bewaarde_landelijke_kaart_html(overzicht.sleutels, overzicht.rapporten),
            querystring=request.GET.urlencode(),
        )
    status = 400 if keuze.heeft_cycli and overzicht is None else 200
    return render(request, "landelijk/overzicht.html", context, status=status)


def _download(request, maak, extensie, content_type):
    keuze, overzicht = _overzicht(request)
    if overzicht is None:
        return HttpResponse(
            keuze.foutmelding() or GEEN_CYCLUS, status=400, content_type="text/plain"
        )
    inhoud = maak(overzicht, gesorteerd(overzicht.provincies, request.GET.get("sort", "")))
    response = HttpResponse(inhoud, content_type=content_type)
    naam = f"landelijk-cyclus{overzicht.cyclus_nummer}-{overzicht.peildatum}.{extensie}"
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response


@landelijk_view
def landelijk_csv(request):
    return _download(request, exports.landelijk_csv, "csv", "text/csv; charset=utf-8")


@landelijk_view
def landelijk_xlsx(request):
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return _download(request, exports.landelijk_xlsx, "xlsx", xlsx)


@landelijk_view
def landelijk_json(request, cyclus):
    """The national table as JSON (serializers.SCHEMA), for the LRT's own tools."""
    keuze, overzicht = _overzicht(request, cyclus=get_cyclus_or_404(cyclus))
    if overzicht is None:
        data, status = {"fout": keuze.foutmelding()}, 400
    else:
        data, status = landelijk_als_json(overzicht), 200
    body = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder)
    response = HttpResponse(body, content_type="application/json", status=status)
    patch_cache_control(response, no_store=True)
    return response
