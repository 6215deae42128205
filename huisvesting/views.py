"""The statushouders pages: the gemeente's page with its forms, the province dashboard."""

from __future__ import annotations

from datetime import date
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from gemeenten.models import Gemeente

from . import services, tabel
from .access import (
    get_gemeente_or_404,
    get_maatregel_for_user_or_404,
    get_provincie_or_404,
    may_add_ibt_step,
    may_enter,
)
from .forms import IbtStapForm, InstellingForm, MaatregelForm, RealisatieForm
from .grafiek import cumulatief_grafiek
from .kaart import statushouders_kaart
from .saldo import OORDEEL_LABELS
from .selectors import statushouders


def peildatum_van(request):
    """Return ?peildatum= (YYYY-MM-DD) when valid, else today."""
    try:
        return date.fromisoformat(request.GET.get("peildatum", ""))
    except ValueError:
        return timezone.localdate()


def provincie_page(view):
    """Log in, load the province (404 for outsiders) before the method check (GET only)."""

    @login_required
    @wraps(view)
    def wrapper(request, code, **kwargs):
        provincie = get_provincie_or_404(request.user, code)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return view(request, provincie, **kwargs)

    return wrapper


def _crumbs(gemeente):
    gemeente_url = reverse("opvang:gemeente_detail", args=[gemeente.code])
    return [("Overzicht", reverse("home")), (gemeente.naam, gemeente_url), ("Statushouders", "")]


def _gemeente_page(request, gemeente, status=200, **forms):
    peildatum = peildatum_van(request)
    overzicht = statushouders(
        gemeente.provincie, peildatum, Gemeente.objects.filter(pk=gemeente.pk)
    )
    rij = overzicht.gemeenten[0]
    user = request.user
    ctx = {
        "gemeente": gemeente,
        "overzicht": overzicht,
        "rij": rij,
        "peildatum": peildatum,
        "may_enter": may_enter(user, gemeente),
        "may_ibt": may_add_ibt_step(user, gemeente),
        "realisatie_form": forms.get("realisatie_form") or RealisatieForm(),
        "maatregel_form": forms.get("maatregel_form") or MaatregelForm(),
        "ibt_form": forms.get("ibt_form") or IbtStapForm(initial={"datum": peildatum}),
        "grafiek": rij.stand and cumulatief_grafiek(
            f"Gehuisvest in {overzicht.halfjaar} tegen het tempo, {gemeente.naam}",
            rij.stand, overzicht.halfjaar_begin,
        ),
        "crumbs": _crumbs(gemeente),
    }  # fmt: skip
    return render(request, "huisvesting/gemeente_detail.html", ctx, status=status)


@login_required
@require_safe
def gemeente_detail(request, code):
    return _gemeente_page(request, get_gemeente_or_404(request.user, code))


def _saved(request, gemeente, bericht, anker):
    messages.success(request, bericht)
    return redirect(reverse("huisvesting:gemeente_detail", args=[gemeente.code]) + anker)


@login_required
@require_POST
def realisatie_invoeren(request, code):
    gemeente = get_gemeente_or_404(request.user, code, for_edit=True)
    form = RealisatieForm(request.POST)
    if form.is_valid():
        try:
            rij = services.realisatie_vastleggen(
                gemeente=gemeente, user=request.user, **form.cleaned_data
            )
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            return _saved(
                request,
                gemeente,
                f"{rij.gehuisvest} gehuisveste personen in {rij.maand:%Y-%m} vastgelegd.",
                "#realisatie-kop",
            )
    return _gemeente_page(request, gemeente, 400, realisatie_form=form)


@login_required
@require_POST
def maatregel_nieuw(request, code):
    gemeente = get_gemeente_or_404(request.user, code, for_edit=True)
    form = MaatregelForm(request.POST, instance=None)
    form.instance.gemeente = gemeente
    if form.is_valid():
        services.maatregel_opslaan(gemeente=gemeente, data=form.cleaned_data, user=request.user)
        return _saved(request, gemeente, "De maatregel is toegevoegd.", "#maatregelen-kop")
    return _gemeente_page(request, gemeente, 400, maatregel_form=form)


@login_required
@require_POST
def ibt_stap_nieuw(request, code):
    gemeente = get_gemeente_or_404(request.user, code, for_ibt=True)
    form = IbtStapForm(request.POST)
    form.instance.gemeente, form.instance.gezet_door = gemeente, request.user
    if form.is_valid():
        services.ibt_stap_vastleggen(gemeente=gemeente, user=request.user, **form.cleaned_data)
        return _saved(request, gemeente, "De IBT-stap is vastgelegd.", "#ibt-kop")
    return _gemeente_page(request, gemeente, 400, ibt_form=form)


def _dashboard_rijen(request, provincie):
    overzicht = statushouders(provincie, peildatum_van(request))
    g = request.GET
    gekozen = tabel.rijen(
        overzicht, oordeel=g.get("oordeel", ""), zoek=g.get("zoek", ""),
        sorteer=g.get("sorteer", "naam"), omgekeerd=g.get("volgorde") == "af",
    )  # fmt: skip
    return overzicht, gekozen


@provincie_page
def dashboard(request, provincie):
    overzicht, gekozen = _dashboard_rijen(request, provincie)
    ctx = {
        "provincie": provincie,
        "overzicht": overzicht,
        "rijen": gekozen,
        "oordelen": OORDEEL_LABELS,
        "filter": request.GET,
        "kolommen": tabel.SORTERINGEN,
        "grafiek": overzicht.totaal and cumulatief_grafiek(
            f"Gehuisvest in {overzicht.halfjaar} tegen het tempo, provincie {provincie.naam}",
            overzicht.totaal, overzicht.halfjaar_begin,
        ),
        "kaart": statushouders_kaart(overzicht),
        "may_settings": request.user.is_provinciaal,
        "crumbs": [("Overzicht", reverse("home")), (f"Statushouders {provincie.naam}", "")],
    }  # fmt: skip
    return render(request, "huisvesting/dashboard.html", ctx)


@provincie_page
def dashboard_csv(request, provincie):
    overzicht, gekozen = _dashboard_rijen(request, provincie)
    response = HttpResponse(tabel.als_csv(gekozen), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="statushouders-{provincie.code}-{overzicht.halfjaar}.csv"'
    )
    return response


@provincie_page
def dashboard_xlsx(request, provincie):
    overzicht, gekozen = _dashboard_rijen(request, provincie)
    response = HttpResponse(
        tabel.als_xlsx(overzicht, gekozen),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="statushouders-{provincie.code}-{overzicht.halfjaar}.xlsx"'
    )
    return response


@login_required
def instelling(request, code):
    provincie = get_provincie_or_404(request.user, code, for_settings=True)
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    huidig = getattr(provincie, "statushouders_instelling", None)
    form = InstellingForm(request.POST or None, instance=huidig)
    form.instance.provincie = provincie
    if request.method == "POST" and form.is_valid():
        services.instelling_wijzigen(provincie=provincie, user=request.user, **form.cleaned_data)
        messages.success(request, "De instelling is opgeslagen.")
        return redirect("huisvesting:dashboard", provincie.code)
    crumbs = [
        ("Overzicht", reverse("home")),
        (
            f"Statushouders {provincie.naam}",
            reverse("huisvesting:dashboard", args=[provincie.code]),
        ),
        ("Instelling", ""),
    ]
    return render(
        request,
        "huisvesting/instelling.html",
        {"provincie": provincie, "form": form, "crumbs": crumbs},
        status=400 if form.errors else 200,
    )


@login_required
def maatregel_wijzigen(request, pk):
    maatregel = get_maatregel_for_user_or_404(request.user, pk, for_edit=True)
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    gemeente = maatregel.gemeente
    form = MaatregelForm(request.POST or None, instance=maatregel)
    if request.method == "POST" and form.is_valid():
        services.maatregel_opslaan(
            gemeente=gemeente, data=form.cleaned_data, user=request.user, maatregel=maatregel
        )
        return _saved(request, gemeente, "De maatregel is gewijzigd.", "#maatregelen-kop")
    ctx = {"form": form, "maatregel": maatregel, "gemeente": gemeente, "crumbs": _crumbs(gemeente)}
    return render(
        request, "huisvesting/maatregel_form.html", ctx, status=400 if form.errors else 200
    )
