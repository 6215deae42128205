"""The GOO workbook of a gemeente: download the template, import it (all or nothing)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods, require_safe

from gemeenten.access import get_gemeente_for_user_or_404
from kern.security_log import security_log

from .excel.safety import BestandGeweigerd, read_limited
from .excel.werkboek import importeren as werkboek_importeren
from .excel.werkboek import sjabloon_bytes
from .views import XLSX, _crumbs, gemeente_url


class UploadForm(forms.Form):
    bestand = forms.FileField(label="Excel-bestand (.xlsx)")


@login_required
@require_safe
def sjabloon(request, code):
    gemeente = get_gemeente_for_user_or_404(request.user, code)
    response = HttpResponse(sjabloon_bytes(gemeente), content_type=XLSX)
    naam = f"goo-{gemeente.code.lower()}.xlsx"
    response["Content-Disposition"] = content_disposition_header(True, naam)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def importeren(request, code):
    gemeente = get_gemeente_for_user_or_404(request.user, code, for_edit=True)
    form = UploadForm(request.POST or None, request.FILES or None)
    fouten = []
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        try:
            aantallen = werkboek_importeren(
                gemeente=gemeente,
                inhoud=read_limited(bestand),
                bestandsnaam=bestand.name,
                user=request.user,
            )
        except BestandGeweigerd as exc:
            fouten = exc.fouten
            security_log("goo.import", user=request.user, object=gemeente.code, result=exc.reden)
        else:
            messages.success(
                request, f"Geïmporteerd: {aantallen[0]} locaties en {aantallen[1]} bezettingen."
            )
            return redirect(gemeente_url(gemeente))
    ctx = {
        "form": form,
        "gemeente": gemeente,
        "fouten": fouten,
        "crumbs": _crumbs(gemeente, ("Excel importeren", "")),
    }
    return render(request, "ontheemden/excel_import.html", ctx, status=400 if fouten else 200)
