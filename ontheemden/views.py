"""The GOO pages: a gemeente's page and forms, the province dashboard and its exports."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods, require_safe

from gemeenten.access import get_gemeente_for_user_or_404, get_provincie_for_user_or_404

from . import exports, grafiek, services, tabel
from .access import get_goo_locatie_for_user_or_404, may_edit_goo, may_set_streefgetal
from .forms import (
    BezettingForm,
    GooLocatieForm,
    ParticuliereOpvangForm,
    PeildatumForm,
    StreefgetalForm,
    VersieForm,
)
from .kaart import goo_kaart
from .selectors import (
    bezetting_historie,
    gemeente_overzicht,
    provincie_overzicht,
    streefgetal_versies,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _peildatum(request):
    form = PeildatumForm(request.GET or None)
    if form.is_valid() and form.cleaned_data["peildatum"]:
        return form.cleaned_data["peildatum"]
    return timezone.localdate()


def gemeente_url(gemeente):
    return reverse("ontheemden:gemeente_detail", args=[gemeente.code])


def _crumbs(gemeente, *items):
    return [
        ("Overzicht", reverse("home")),
        (gemeente.naam, reverse("opvang:gemeente_detail", args=[gemeente.code])),
        ("Oekraïense ontheemden", gemeente_url(gemeente)),
        *items,
    ]


def _gemeente_grafiek(rij, peildatum):
    return grafiek.grafiek(
        rij.verloop,
        titel=f"GOO-capaciteit en bezetting in {rij.naam}, per maand",
        peildatum=peildatum,
        streefgetal=rij.doel.aantal if rij.doel and rij.doel.voor == "gemeente" else None,
    )


@login_required
@require_safe
def gemeente_detail(request, code):
    gemeente = get_gemeente_for_user_or_404(request.user, code)
    peildatum = _peildatum(request)
    overzicht = gemeente_overzicht(gemeente, peildatum)
    rij = overzicht.gemeente(gemeente.code)
    regio = next((r for r in overzicht.regios if r.naam == rij.regio_naam), None)
    ctx = {
        "gemeente": gemeente,
        "peildatum": peildatum,
        "rij": rij,
        "regio": regio if rij.doel and rij.doel.voor == "regio" else None,
        "grafiek": _gemeente_grafiek(rij, peildatum),
        "versies": streefgetal_versies(gemeente),
        "bezettingen": bezetting_historie(gemeente),
        "may_edit": may_edit_goo(request.user, gemeente),
        "crumbs": _crumbs(gemeente)[:2] + [("Oekraïense ontheemden", "")],
    }
    return render(request, "ontheemden/gemeente_detail.html", ctx)


def _form_page(request, template, form, gemeente, stap, status=200, **extra):
    ctx = {"form": form, "gemeente": gemeente, "crumbs": _crumbs(gemeente, (stap, "")), **extra}
    return render(request, template, ctx, status=status)


def _opslaan(form, save):
    """Call save(); put a service's ValidationError on the form. Return the result or None."""
    try:
        return save()
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for veld, fouten in exc.error_dict.items():
                form.add_error(veld if veld in form.fields else None, fouten)
        else:
            form.add_error(None, exc)
        return None


@login_required
@require_http_methods(["GET", "POST"])
def locatie_nieuw(request, code):
    gemeente = get_gemeente_for_user_or_404(request.user, code, for_edit=True)
    form = GooLocatieForm(request.POST or None, gemeente=gemeente)
    if request.method == "POST" and form.is_valid():
        locatie = _opslaan(
            form,
            lambda: services.goo_locatie_aanmaken(
                gemeente=gemeente, data=form.cleaned_data, user=request.user
            ),
        )
        if locatie:
            messages.success(request, f"GOO-locatie ‘{locatie.naam}’ is toegevoegd.")
            return redirect(gemeente_url(gemeente))
    return _form_page(request, "ontheemden/locatie_form.html", form, gemeente, "Nieuwe locatie")


@login_required
@require_http_methods(["GET", "POST"])
def locatie_wijzigen(request, pk):
    locatie = get_goo_locatie_for_user_or_404(request.user, pk, for_edit=True)
    form = GooLocatieForm(request.POST or None, instance=locatie, gemeente=locatie.gemeente)
    versie = VersieForm(request.POST or None, initial={"versie": locatie.versie})
    conflict = None
    if request.method == "POST" and form.is_valid() and versie.is_valid():
        try:
            opgeslagen = _opslaan(
                form,
                lambda: services.goo_locatie_wijzigen(
                    locatie=locatie,
                    versie=versie.cleaned_data["versie"],
                    data=form.cleaned_data,
                    user=request.user,
                ),
            )
        except services.VersieConflict as exc:
            conflict, versie = exc, VersieForm(initial={"versie": exc.huidig.versie})
        else:
            if opgeslagen:
                messages.success(request, f"GOO-locatie ‘{opgeslagen.naam}’ is opgeslagen.")
                return redirect(gemeente_url(locatie.gemeente))
    extra = {"locatie": locatie, "versie": versie, "conflict": conflict}
    return _form_page(
        request, "ontheemden/locatie_form.html", form, locatie.gemeente, "Wijzigen", **extra,
        status=409 if conflict else 200,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def bezetting_nieuw(request, code):
    gemeente = get_gemeente_for_user_or_404(request.user, code, for_edit=True)
    initial = {"peildatum": timezone.localdate(), "locatie": request.GET.get("locatie")}
    form = BezettingForm(request.POST or None, gemeente=gemeente, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        bezetting = _opslaan(
            form,
            lambda: services.bezetting_vastleggen(
                locatie=data["locatie"],
                peildatum=data["peildatum"],
                bezet=data["bezet"],
                user=request.user,
            ),
        )
        if bezetting:
            messages.success(request, f"Bezetting van ‘{bezetting.locatie}’ is vastgelegd.")
            return redirect(gemeente_url(gemeente))
    return _form_page(request, "ontheemden/bezetting_form.html", form, gemeente, "Bezetting")


@login_required
@require_http_methods(["GET", "POST"])
def particulier_nieuw(request, code):
    gemeente = get_gemeente_for_user_or_404(request.user, code, for_edit=True)
    form = ParticuliereOpvangForm(request.POST or None, gemeente=gemeente)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        record = _opslaan(
            form,
            lambda: services.particuliere_opvang_vastleggen(
                gemeente=gemeente, user=request.user, **data
            ),
        )
        if record:
            messages.success(request, "Het aantal in particuliere opvang is vastgelegd.")
            return redirect(gemeente_url(gemeente))
    return _form_page(
        request, "ontheemden/particulier_form.html", form, gemeente, "Particuliere opvang"
    )


def provincie_lezen(view):
    """Load the province the user reads first, then check the method (GET and HEAD).

    An outsider gets 404 whatever the method, as on the rapportage pages.
    """

    @login_required
    @wraps(view)
    def wrapper(request, code):
        provincie = get_provincie_for_user_or_404(request.user, code)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return view(request, provincie)

    return wrapper


def _dashboard_gegevens(request, provincie):
    form = tabel.DashboardForm(request.GET or None)
    keuze = form.cleaned_data if form.is_valid() else {}
    peildatum = keuze.get("peildatum") or timezone.localdate()
    overzicht = provincie_overzicht(provincie, peildatum)
    opties = {k: keuze.get(k) or "" for k in ("toon", "zoek", "sorteer")}
    return form, overzicht, tabel.rijen(overzicht, **opties)


@provincie_lezen
def dashboard(request, provincie):
    form, overzicht, rijen = _dashboard_gegevens(request, provincie)
    ctx = {
        "provincie": provincie,
        "form": form,
        "overzicht": overzicht,
        "rijen": rijen,
        "grafiek": grafiek.grafiek(
            overzicht.verloop,
            titel=f"GOO-capaciteit en bezetting in {provincie.naam}, per maand",
            peildatum=overzicht.peildatum,
        ),
        "kaart": goo_kaart(overzicht),
        "query": request.GET.urlencode(),
        "sorteer": tabel.sorteer_links(request.GET, request.GET.get("sorteer", "")),
        "may_set_streefgetal": may_set_streefgetal(request.user, provincie),
        "crumbs": [("Overzicht", reverse("home")), (f"GOO {provincie.naam}", "")],
    }
    return render(request, "ontheemden/dashboard.html", ctx)


@provincie_lezen
def dashboard_csv(request, provincie):
    _form, overzicht, rijen = _dashboard_gegevens(request, provincie)
    response = HttpResponse(exports.csv_bytes(overzicht, rijen), content_type="text/csv")
    response["Content-Disposition"] = content_disposition_header(True, "goo-gemeenten.csv")
    return response


@provincie_lezen
def dashboard_xlsx(request, provincie):
    _form, overzicht, rijen = _dashboard_gegevens(request, provincie)
    response = HttpResponse(exports.xlsx_bytes(overzicht, rijen), content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, "goo-gemeenten.xlsx")
    return response


@login_required
@require_http_methods(["GET", "POST"])
def streefgetal_nieuw(request, code):
    provincie = get_provincie_for_user_or_404(request.user, code)
    if not may_set_streefgetal(request.user, provincie):
        raise PermissionDenied
    form = StreefgetalForm(request.POST or None, provincie=provincie)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        opgeslagen = _opslaan(
            form,
            lambda: services.streefgetal_vastleggen(
                provincie=provincie,
                aantal=data["aantal"],
                bron=data["bron"],
                datum=data["datum"],
                user=request.user,
                **form.doel_kwargs(),
            ),
        )
        if opgeslagen:
            messages.success(request, f"Het streefgetal voor {opgeslagen} is vastgelegd.")
            return redirect("ontheemden:dashboard", provincie.code)
    crumbs = [
        ("Overzicht", reverse("home")),
        (f"GOO {provincie.naam}", reverse("ontheemden:dashboard", args=[provincie.code])),
        ("Streefgetal", ""),
    ]
    ctx = {"form": form, "provincie": provincie, "crumbs": crumbs}
    return render(request, "ontheemden/streefgetal_form.html", ctx)
