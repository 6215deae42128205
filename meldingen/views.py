"""The Meldingen pages: one's own list and choice, and what was sent about an uitvraag."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from opvang.access import may_review

from . import services
from .access import (
    get_melding_for_user_or_404,
    get_uitvraag_for_reader_or_404,
    get_uitvraag_for_setting_or_404,
)
from .forms import HerinneringenForm, VoorkeurForm
from .selectors import eigen_meldingen, meldingen_van_uitvraag, verzonden_per_soort


def _crumbs(*items):
    return [("Overzicht", reverse("home")), *items]


def _uitvraag_crumbs(uitvraag, *items):
    return _crumbs((str(uitvraag), uitvraag.get_absolute_url()), *items)


@login_required
@require_safe
def lijst(request):
    ctx = {
        "meldingen": eigen_meldingen(request.user),
        "herinneringen_aan": services.herinneringen_aan(request.user),
        "crumbs": _crumbs(("Meldingen", "")),
    }
    return render(request, "meldingen/lijst.html", ctx)


@login_required
@require_POST
def gelezen(request, pk):
    melding = get_melding_for_user_or_404(request.user, pk)
    services.melding_gelezen(melding=melding, user=request.user)
    return redirect("meldingen:lijst")


@login_required
@require_http_methods(["GET", "POST"])
def voorkeuren(request):
    begin = {"herinneringen": services.herinneringen_aan(request.user)}
    data = request.POST if request.method == "POST" else None
    form = VoorkeurForm(data, initial=begin)
    if request.method == "POST" and form.is_valid():
        services.voorkeur_wijzigen(user=request.user, **form.cleaned_data)
        messages.success(request, "Uw keuze voor meldingen is opgeslagen.")
        return redirect("meldingen:lijst")
    crumbs = _crumbs(("Meldingen", reverse("meldingen:lijst")), ("Voorkeuren", ""))
    return render(request, "meldingen/voorkeuren.html", {"form": form, "crumbs": crumbs})


@login_required
def uitvraag(request, pk):
    # Loaded before the method check: an outsider gets 404 whatever the method.
    uitvraag = get_uitvraag_for_reader_or_404(request.user, pk)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    ctx = {
        "uitvraag": uitvraag,
        "per_soort": verzonden_per_soort(uitvraag, request.user),
        "meldingen": meldingen_van_uitvraag(uitvraag, request.user),
        "dagen": services.herinnering_dagen(uitvraag),
        "may_review": may_review(request.user),
        "crumbs": _uitvraag_crumbs(uitvraag, ("Meldingen", "")),
    }
    return render(request, "meldingen/uitvraag.html", ctx)


@login_required
@require_http_methods(["GET", "POST"])
def herinneringen(request, pk):
    uitvraag = get_uitvraag_for_setting_or_404(request.user, pk)
    dagen = ", ".join(str(d) for d in services.herinnering_dagen(uitvraag))
    data = request.POST if request.method == "POST" else None
    form = HerinneringenForm(data, initial={"dagen": dagen})
    if request.method == "POST" and form.is_valid():
        try:
            services.herinneringen_instellen(
                uitvraag=uitvraag, dagen=form.cleaned_data["dagen"], user=request.user
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "De herinneringen van deze uitvraag zijn opgeslagen.")
            return redirect("meldingen:uitvraag", uitvraag.pk)
    crumbs = _uitvraag_crumbs(
        uitvraag,
        ("Meldingen", reverse("meldingen:uitvraag", args=[uitvraag.pk])),
        ("Herinneringen", ""),
    )
    ctx = {"uitvraag": uitvraag, "form": form, "crumbs": crumbs}
    return render(request, "meldingen/herinneringen.html", ctx, status=400 if form.errors else 200)
