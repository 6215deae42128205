"""The scenario pages: the province's list, a new scenario, its comparison, its changes.

Access first (scenarios.access: the province's PRT and cvdK; everyone else 404), then
the method, so an outsider learns nothing whatever the method; a page that only
writes answers GET with 405 before it loads anything, as elsewhere.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse

from . import services
from .access import get_provincie_or_404, get_scenario_or_404
from .constants import BANNER, Wijziging
from .forms import WIJZIGING_FORMS, ScenarioForm
from .kaarten import kaarten
from .models import Scenario
from .selectors import vergelijking

READ, FORM, WRITE = ("GET", "HEAD"), ("GET", "HEAD", "POST"), ("POST",)


def _loaded(methods, loader):
    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, key, **kwargs):
            if methods == WRITE and request.method not in methods:
                return HttpResponseNotAllowed(methods)
            obj = loader(request.user, key)
            if request.method not in methods:
                return HttpResponseNotAllowed(methods)
            return view(request, obj, **kwargs)

        return wrapper

    return decorator


def provincie_view(methods):
    return _loaded(methods, get_provincie_or_404)


def scenario_view(methods):
    return _loaded(methods, get_scenario_or_404)


def crumbs(provincie, *extra):
    lijst = reverse("scenarios:lijst", args=[provincie.code])
    return [("Overzicht", reverse("home")), (f"Scenario's {provincie.naam}", lijst), *extra]


@provincie_view(READ)
def lijst(request, provincie):
    """The province's scenarios, newest change first, with who made them."""
    scenarios = Scenario.objects.filter(provincie=provincie).select_related(
        "cyclus", "aangemaakt_door", "gewijzigd_door"
    )
    context = {"provincie": provincie, "scenarios": scenarios, "banner": BANNER}
    context["crumbs"] = [("Overzicht", reverse("home")), (f"Scenario's {provincie.naam}", "")]
    return render(request, "scenarios/lijst.html", context)


@provincie_view(FORM)
def nieuw(request, provincie):
    """A new scenario: its name, cycle, peildatum and toelichting."""
    form = ScenarioForm(request.POST or None, provincie=provincie)
    if request.method == "POST" and form.is_valid():
        try:
            data = form.cleaned_data
            scenario = services.scenario_aanmaken(provincie=provincie, data=data, user=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Scenario ‘{scenario.naam}’ is aangemaakt.")
            return redirect("scenarios:wijzigen", scenario.pk)
    context = {"provincie": provincie, "form": form, "banner": BANNER}
    context["crumbs"] = crumbs(provincie, ("Nieuw scenario", ""))
    return render(request, "scenarios/nieuw.html", context, status=400 if form.errors else 200)


@scenario_view(READ)
def detail(request, scenario):
    """Reality and the scenario side by side: key figures, per gemeente, two maps."""
    v = vergelijking(scenario)
    context = {"v": v, "scenario": scenario, "banner": BANNER, "kaarten": kaarten(v)}
    context["crumbs"] = crumbs(scenario.provincie, (scenario.naam, ""))
    return render(request, "scenarios/detail.html", context)


def wijzigen_pagina(request, scenario, *, status=200, scenario_form=None, **bound):
    """Render the edit page; a form that failed (bound) is shown with its errors."""
    forms = {soort: f(scenario=scenario) for soort, f in WIJZIGING_FORMS.items()}
    forms.update(bound)
    context = {
        "scenario": scenario,
        "banner": BANNER,
        "forms": forms,
        "scenario_form": scenario_form
        or ScenarioForm(instance=scenario, provincie=scenario.provincie),
        "besluiten": scenario.besluiten.select_related("locatie__gemeente"),
        "locaties": scenario.locaties.select_related("gemeente"),
        "vervallen": scenario.vervallen.select_related("locatie__gemeente"),
    }
    detail_url = reverse("scenarios:detail", args=[scenario.pk])
    context["crumbs"] = crumbs(scenario.provincie, (scenario.naam, detail_url), ("Wijzigen", ""))
    return render(request, "scenarios/wijzigen.html", context, status=status)


@scenario_view(FORM)
def wijzigen(request, scenario):
    """The scenario's name, cycle, peildatum and toelichting, and its changes."""
    if request.method != "POST":
        return wijzigen_pagina(request, scenario)
    # A copy: the page's heading keeps the saved name when the form has errors.
    kopie = Scenario.objects.get(pk=scenario.pk)
    form = ScenarioForm(request.POST, instance=kopie, provincie=scenario.provincie)
    if form.is_valid():
        try:
            services.scenario_wijzigen(scenario=scenario, data=form.cleaned_data, user=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Het scenario is opgeslagen.")
            return redirect("scenarios:wijzigen", scenario.pk)
    return wijzigen_pagina(request, scenario, status=400, scenario_form=form)


def _soort(soort):
    if soort not in Wijziging.values:
        raise Http404("Onbekende soort wijziging.")
    return soort


@scenario_view(WRITE)
def toevoegen(request, scenario, soort):
    """Add a change of one kind (besluit, locatie, vervallen); errors on the edit page."""
    form = WIJZIGING_FORMS[_soort(soort)](request.POST, scenario=scenario)
    if form.is_valid():
        try:
            services.wijziging_toevoegen(
                scenario=scenario, wijziging=form.instance, user=request.user
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"{Wijziging(soort).label.capitalize()} toegevoegd.")
            return redirect(reverse("scenarios:wijzigen", args=[scenario.pk]) + f"#{soort}-kop")
    return wijzigen_pagina(request, scenario, status=400, **{soort: form})


@scenario_view(WRITE)
def weghalen(request, scenario, soort, wijziging):
    """Remove one change from the scenario (its history keeps it)."""
    user = request.user
    if services.wijziging_verwijderen(
        scenario=scenario, soort=_soort(soort), pk=wijziging, user=user
    ):
        messages.success(request, f"{Wijziging(soort).label.capitalize()} weggehaald.")
    return redirect(reverse("scenarios:wijzigen", args=[scenario.pk]) + f"#{soort}-kop")
