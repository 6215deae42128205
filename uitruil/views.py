"""The uitruil pages: the province's list, an agreement's page, the PRT's form and actions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from gemeenten.access import may_see_ip_addresses

from . import services
from .access import get_afspraak_or_404, get_provincie_or_404, may_decide
from .constants import AfspraakStatus
from .forms import AfspraakForm, VervallenForm
from .selectors import afspraak_regels, afspraken_van, leesbare_wijzigingen, uitruil_cijfers

HISTORIE_VELDEN = ("status", *services.VELDEN)


def _crumbs(provincie, *rest):
    lijst = reverse("uitruil:lijst", args=[provincie.code])
    return [("Overzicht", reverse("home")), (f"Uitruil {provincie.naam}", lijst), *rest]


@login_required
@require_safe
def lijst(request, code):
    provincie = get_provincie_or_404(request.user, code)
    afspraken = afspraken_van(provincie).for_user(request.user)
    ctx = {
        "provincie": provincie,
        "afspraken": afspraken,
        "may_decide": may_decide(request.user, provincie),
        "crumbs": _crumbs(provincie)[:1] + [(f"Uitruil {provincie.naam}", "")],
    }
    return render(request, "uitruil/lijst.html", ctx)


def _detail_context(request, afspraak, vervallen_form=None):
    cijfers = uitruil_cijfers(
        afspraak.provincie, afspraak.cyclus, gemeenten=[afspraak.gemeente_a, afspraak.gemeente_b]
    )
    met_ip = may_see_ip_addresses(request.user)
    return {
        "afspraak": afspraak,
        "regel": afspraak_regels([afspraak], cijfers)[0],
        "may_decide": may_decide(request.user, afspraak.provincie),
        "vervallen_form": vervallen_form or VervallenForm(),
        "wijzigingen": leesbare_wijzigingen(afspraak, HISTORIE_VELDEN, met_ip_adres=met_ip),
        "met_ip_adres": met_ip,
        "crumbs": _crumbs(afspraak.provincie, (str(afspraak), "")),
    }


@login_required
@require_safe
def detail(request, pk):
    afspraak = get_afspraak_or_404(request.user, pk)
    return render(request, "uitruil/detail.html", _detail_context(request, afspraak))


def _form_page(request, provincie, afspraak=None):
    form = AfspraakForm(request.POST or None, instance=afspraak, provincie=provincie)
    if request.method == "POST" and form.is_valid():
        try:
            rij = services.afspraak_opslaan(
                provincie=provincie, data=form.cleaned_data, user=request.user, afspraak=afspraak
            )
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, "De uitruilafspraak is opgeslagen (voorgesteld).")
            return redirect(rij)
    titel = "Uitruilafspraak wijzigen" if afspraak else "Nieuwe uitruilafspraak"
    ctx = {"form": form, "provincie": provincie, "afspraak": afspraak, "titel": titel}
    ctx["crumbs"] = _crumbs(provincie, (titel, ""))
    return render(request, "uitruil/form.html", ctx, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def nieuw(request, code):
    return _form_page(request, get_provincie_or_404(request.user, code, for_edit=True))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def wijzigen(request, pk):
    afspraak = get_afspraak_or_404(request.user, pk, for_edit=True)
    if afspraak.status != AfspraakStatus.VOORGESTELD:
        status = afspraak.get_status_display()
        messages.error(request, services.NIET_MEER_VOORGESTELD.format(status=status))
        return redirect(afspraak)
    return _form_page(request, afspraak.provincie, afspraak)


@login_required
@require_POST
def akkoord(request, pk):
    afspraak = get_afspraak_or_404(request.user, pk, for_edit=True)
    try:
        services.afspraak_akkoord(afspraak=afspraak, user=request.user)
    except ValidationError as fout:
        for bericht in fout.messages:
            messages.error(request, bericht)
    else:
        messages.success(request, "De uitruilafspraak is akkoord; de cijfers na uitruil tellen.")
    return redirect(afspraak)


@login_required
@require_POST
def vervallen(request, pk):
    afspraak = get_afspraak_or_404(request.user, pk, for_edit=True)
    form = VervallenForm(request.POST)
    if form.is_valid():
        try:
            services.afspraak_vervallen(
                afspraak=afspraak, user=request.user, reden=form.cleaned_data["reden"]
            )
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, "De uitruilafspraak is vervallen.")
            return redirect(afspraak)
    ctx = _detail_context(request, afspraak, vervallen_form=form)
    return render(request, "uitruil/detail.html", ctx, status=400)
