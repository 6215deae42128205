"""Beheer's pages of the verdeelbesluit: the list, the template, the upload, the preview.

National beheer only (opvang.verdeelbesluit.may_load_verdeelbesluit); everyone else gets
403. A preview awaiting confirmation is its uploader's alone (404 for others).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from gemeenten.models import Gemeente
from kern.formatting import count

from .excel import verdeelbesluit as werkboek
from .excel.format import BestandGeweigerd
from .excel.forms import VerdeelbesluitForm
from .excel.safety import read_limited
from .models import Verdeelbesluit
from .selectors import geldende_opgaven, kies_cyclus
from .verdeelbesluit import (
    BesluitVerouderd,
    may_load_verdeelbesluit,
    verdeelbesluit_verwerken,
    verdeelbesluit_voorbereiden,
    verdeelbesluiten,
)
from .views_excel import MAX_FOUTEN_GETOOND, _geweigerd, _xlsx

TITEL = "Verdeelbesluit laden"


def _beheer(request):
    if not may_load_verdeelbesluit(request.user):
        raise PermissionDenied


def _crumbs(*items):
    lijst = ("Verdeelbesluiten", reverse("opvang:verdeelbesluit_list"))
    return [("Overzicht", reverse("home")), lijst, *items]


@login_required
@require_safe
def verdeelbesluit_list(request):
    _beheer(request)
    crumbs = [("Overzicht", reverse("home")), ("Verdeelbesluiten", "")]
    return render(
        request,
        "opvang/verdeelbesluit_list.html",
        {"besluiten": verdeelbesluiten(), "crumbs": crumbs},
    )


@login_required
@require_safe
def verdeelbesluit_sjabloon(request):
    """The template, prefilled with every gemeente's applicable opgave in the cycle."""
    _beheer(request)
    cyclus = kies_cyclus(request.GET.get("cyclus"), request.user)
    if cyclus is None:
        raise Http404("Er is nog geen cyclus vastgelegd.")
    gemeenten = list(Gemeente.objects.for_user(request.user).order_by("code"))
    opgaven = geldende_opgaven(cyclus, gemeenten)
    rijen = [_sjabloon_rij(g, opgaven.get(g.pk)) for g in gemeenten]
    naam = f"verdeelbesluit-cyclus-{cyclus.nummer}-{timezone.localdate():%Y-%m-%d}.xlsx"
    return _xlsx(werkboek.sjabloon_maken(rijen), naam)


def _sjabloon_rij(gemeente, opgave):
    if opgave is None:
        return [gemeente.code, gemeente.naam, None, None, werkboek.NEE, None]
    ja = werkboek.JA if opgave.aangewezen else werkboek.NEE
    return [
        gemeente.code,
        gemeente.naam,
        opgave.plekken,
        opgave.amv_plekken,
        ja,
        opgave.minimum_plekken,
    ]


@login_required
@require_http_methods(["GET", "POST"])
def verdeelbesluit_laden(request):
    _beheer(request)
    max_mb = f"{settings.EXCEL_UPLOAD_MAX_BYTES / (1024 * 1024):g}"
    form = VerdeelbesluitForm(request.POST or None, request.FILES or None, max_mb=max_mb)
    fouten = []
    if request.method == "POST" and form.is_valid():
        try:
            record = _voorbereiden(request, form.cleaned_data)
        except BestandGeweigerd as exc:
            fouten = _geweigerd(request, exc, form.cleaned_data["bestand"].name)
        else:
            return redirect("opvang:verdeelbesluit_detail", pk=record.pk)
    context = {"form": form, "fouten": fouten[:MAX_FOUTEN_GETOOND], "aantal_fouten": len(fouten)}
    context["crumbs"] = _crumbs((TITEL, ""))
    return render(request, "opvang/verdeelbesluit_laden.html", context)


def _voorbereiden(request, data):
    upload = data["bestand"]
    return verdeelbesluit_voorbereiden(
        bestand=read_limited(upload),
        bestandsnaam=upload.name,
        user=request.user,
        cyclus=data["cyclus"],
        grondslag=data["grondslag"],
        kenmerk=data["kenmerk"],
        datum=data["datum"],
        titel=data["titel"],
    )


@login_required
@require_http_methods(["GET", "POST"])
def verdeelbesluit_detail(request, pk):
    """The preview (GET) and its confirmation (POST); a processed decision's summary."""
    _beheer(request)
    record = _besluit_or_404(request.user, pk)
    if request.method == "POST":
        return _bevestigen(request, record)
    context = {
        "record": record,
        "voorbeeld": record.voorbeeld,
        "crumbs": _crumbs((record.kenmerk, "")),
    }
    context["te_bevestigen"] = record.status == Verdeelbesluit.Status.PREVIEW
    return render(request, "opvang/verdeelbesluit_detail.html", context)


def _besluit_or_404(user, pk):
    record = Verdeelbesluit.objects.select_related("cyclus", "geladen_door").filter(pk=pk).first()
    eigen = record is not None and record.geladen_door_id == user.pk
    if record is None or (record.status != Verdeelbesluit.Status.VERWERKT and not eigen):
        raise Http404("Geen verdeelbesluit gevonden.")
    return record


def _bevestigen(request, record):
    try:
        record = verdeelbesluit_verwerken(record=record, user=request.user)
    except BestandGeweigerd as exc:
        _geweigerd(request, exc, record.bestandsnaam)
        messages.error(request, f"Het besluit is niet verwerkt: {exc.fouten[0].melding}")
        return redirect("opvang:verdeelbesluit_laden")
    except BesluitVerouderd as exc:
        messages.error(request, str(exc))
        return redirect("opvang:verdeelbesluit_detail", pk=record.pk)
    opgaven = count(record.opgaven, "nieuwe versie van een opgave", "nieuwe versies van opgaven")
    messages.success(request, f"{record} is verwerkt: {opgaven} vastgelegd.")
    return redirect("opvang:verdeelbesluit_detail", pk=record.pk)
