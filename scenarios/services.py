"""Writing scenarios: every write checked, attributed and safe under two requests at once.

Each write locks the scenario's row (select_for_update) and validates again inside
the transaction, so two requests that add the same change, or a besluit and a
vervallen of one location, never both land. Every row has its history (who, when,
why); the scenario's own history names each change. Nothing here writes a location,
an opgave or anything else that is counted: a scenario is only another input.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from kern.audit import attribute_to

from .access import may_use_scenarios
from .constants import GEEN_TOEGANG, Wijziging
from .models import Scenario, ScenarioBesluit, ScenarioLocatie, ScenarioVervallen

SCENARIO_VELDEN = ("naam", "toelichting", "peildatum", "cyclus")
MODELLEN = {
    Wijziging.BESLUIT: ScenarioBesluit,
    Wijziging.LOCATIE: ScenarioLocatie,
    Wijziging.VERVALLEN: ScenarioVervallen,
}


def _check(user, provincie):
    if not may_use_scenarios(user, provincie):
        raise PermissionDenied(GEEN_TOEGANG)


def scenario_aanmaken(*, provincie, data, user, is_demo=False) -> Scenario:
    """Create a scenario of the province, made by user."""
    _check(user, provincie)
    scenario = Scenario(
        provincie=provincie, aangemaakt_door=user, gewijzigd_door=user, is_demo=is_demo
    )
    for veld in SCENARIO_VELDEN:
        setattr(scenario, veld, data[veld])
    with transaction.atomic():
        scenario.full_clean()
        attribute_to(scenario, user, "scenario aangemaakt")
        scenario.save()
    return scenario


def _vergrendeld(scenario, user, reden):
    """Lock the scenario's row and mark it changed by user (inside a transaction)."""
    rij = Scenario.objects.select_for_update().get(pk=scenario.pk)
    rij.gewijzigd_door = user
    attribute_to(rij, user, reden)
    return rij


def scenario_wijzigen(*, scenario, data, user) -> Scenario:
    """Change the scenario's name, toelichting, cycle or peildatum."""
    _check(user, scenario.provincie)
    with transaction.atomic():
        rij = _vergrendeld(scenario, user, "scenario gewijzigd")
        for veld in SCENARIO_VELDEN:
            if veld in data:
                setattr(rij, veld, data[veld])
        rij.full_clean()
        rij.save()
    return rij


def wijziging_toevoegen(*, scenario, wijziging, user):
    """Add one change (an unsaved ScenarioBesluit, -Locatie or -Vervallen) to the scenario.

    Validated again with the scenario locked: a second request adding the same change
    or a conflicting one is refused with the Dutch message (ValidationError).
    """
    _check(user, scenario.provincie)
    with transaction.atomic():
        rij = _vergrendeld(scenario, user, f"{wijziging._meta.verbose_name} toegevoegd")
        wijziging.scenario = rij
        wijziging.full_clean()
        attribute_to(wijziging, user, "toegevoegd aan scenario")
        wijziging.save()
        rij.save()
    return wijziging


def wijziging_verwijderen(*, scenario, soort, pk, user):
    """Remove one change of the scenario; its history keeps who removed it and when.

    Returns False when the change was not there (any more): nothing happens then.
    """
    _check(user, scenario.provincie)
    model = MODELLEN[soort]
    with transaction.atomic():
        rij = _vergrendeld(scenario, user, f"{model._meta.verbose_name} weggehaald")
        wijziging = model.objects.filter(scenario=rij, pk=pk).first()
        if wijziging is None:
            return False
        attribute_to(wijziging, user, "weggehaald uit scenario")
        wijziging.delete()
        rij.save()
    return True
