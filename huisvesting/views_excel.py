"""Excel: the realisation template and its all-or-nothing import (gemeente or province)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from gemeenten.access import may_import_provincie
from gemeenten.models import Gemeente
from kern.security_log import security_log

from . import services
from .access import get_gemeente_or_404, get_provincie_or_404
from .excel.realisatie import controleer_rijen, lees, sjabloon
from .excel.veiligheid import BestandGeweigerd

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class UploadForm(forms.Form):
    bestand = forms.FileField(label="Excel-bestand (.xlsx)")


def _download(inhoud, naam):
    response = HttpResponse(inhoud, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response


@login_required
@require_safe
def sjabloon_gemeente(request, code):
    gemeente = get_gemeente_or_404(request.user, code)
    return _download(sjabloon([gemeente]), f"statushouders-{gemeente.code}.xlsx")


def _importeer(request, toegestaan):
    """Return (stored count, refusal, row errors) of the uploaded file; all or nothing."""
    bestand = request.FILES["bestand"]
    try:
        gelezen = lees(bestand.read(settings.EXCEL_UPLOAD_MAX_BYTES + 1), bestand.name)
    except BestandGeweigerd as fout:
        security_log(
            "upload.refused", user=request.user, object=bestand.name[:100], result="refused"
        )
        return 0, str(fout), []
    bekend = Gemeente.objects.values_list("code", flat=True)
    rijen, fouten = controleer_rijen(gelezen, toegestaan=toegestaan, bekend=bekend)
    if fouten:
        return 0, "", fouten
    try:
        return services.realisaties_importeren(rijen=rijen, user=request.user), "", []
    except ValidationError as fout:
        return 0, fout.messages[0], []


def _import_page(request, toegestaan, terug, ctx):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    form = UploadForm(request.POST or None, request.FILES or None)
    crumbs = [("Overzicht", reverse("home")), ("Statushouders", terug), ("Importeren", "")]
    ctx = {**ctx, "form": form, "terug": terug, "crumbs": crumbs}
    if request.method == "POST" and form.is_valid():
        aantal, geweigerd, fouten = _importeer(request, toegestaan)
        if aantal:
            messages.success(request, f"{aantal} maandcijfers geïmporteerd.")
            return redirect(terug)
        ctx.update(geweigerd=geweigerd, fouten=fouten)
    status = 400 if request.method == "POST" else 200
    return render(request, "huisvesting/importeren.html", ctx, status=status)


@login_required
def importeren_gemeente(request, code):
    gemeente = get_gemeente_or_404(request.user, code, for_edit=True)
    terug = reverse("huisvesting:gemeente_detail", args=[gemeente.code])
    return _import_page(request, [gemeente], terug, {"gemeente": gemeente, "titel": gemeente.naam})


@login_required
def importeren_provincie(request, code):
    provincie = get_provincie_or_404(request.user, code)
    if not may_import_provincie(request.user):
        raise PermissionDenied
    terug = reverse("huisvesting:dashboard", args=[provincie.code])
    toegestaan = list(Gemeente.objects.filter(provincie=provincie))
    return _import_page(
        request, toegestaan, terug, {"provincie": provincie, "titel": f"provincie {provincie.naam}"}
    )
