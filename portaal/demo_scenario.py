"""The demo's scenario: the PRT of Utrecht decides two initiatives, adds and drops one.

Called by `manage.py demo`. The scenario is marked as demo (is_demo, "Demo" in its
name), made by the demo PRT user through the scenario services, so it has the same
history as one made on the page. Running it again adds nothing.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from gemeenten.models import Gemeente, Provincie, User
from opvang.constants import Soort
from opvang.models import Cyclus, Locatie
from scenarios import services
from scenarios.constants import TeltAls
from scenarios.models import Scenario, ScenarioBesluit, ScenarioLocatie, ScenarioVervallen

NAAM = "Demo: besluit over Merwedekanaalzone en Isselt"
TOELICHTING = (
    "Demo-scenario (fictief): wat als Utrecht de Merwedekanaalzone op het maximum besluit "
    "en Amersfoort Isselt op het minimum, Zeist er een locatie bij krijgt en AMV-opvang "
    "Hoograven niet doorgaat? Geen officieel cijfer."
)
PEILDATUM = date(2024, 10, 15)
# (gemeente, initiative, counts as, number, from): before the window start it is hard,
# after it hard plan.
BESLUITEN = (
    ("GM0344", "Opvang Merwedekanaalzone", TeltAls.MAXIMUM, None, date(2025, 6, 1)),
    ("GM0307", "Regionale opvang Isselt", TeltAls.MINIMUM, None, date(2025, 10, 1)),
)
HYPOTHETISCH = ("GM0355", "Demo: hypothetische opvang Zeist", Soort.REGIONAAL, 150, 10)
VERVALLEN = ("GM0344", "AMV-opvang Hoograven")


def _locatie(code, naam):
    return Locatie.objects.filter(gemeente__code=code, naam=naam).first()


def demo_scenario(provinciecode, cyclusnummer=1):
    """Make the demo scenario of the province once; return a line for the demo's report."""
    provincie = Provincie.objects.get(code=provinciecode)
    klaar = f"Scenario: ‘{NAAM}’ (demo, gemaakt door de PRT)."
    prt = User.objects.filter(username="prt", provincie=provincie).first()
    cyclus = Cyclus.objects.filter(nummer=cyclusnummer).first()
    if Scenario.objects.filter(provincie=provincie, naam=NAAM).exists():
        return klaar
    if prt is None or cyclus is None:
        return "Scenario: geen demo-PRT of cyclus; geen demo-scenario."
    data = {"naam": NAAM, "toelichting": TOELICHTING, "peildatum": PEILDATUM, "cyclus": cyclus}
    with transaction.atomic():
        scenario = services.scenario_aanmaken(
            provincie=provincie, data=data, user=prt, is_demo=True
        )
        for code, naam, telt_als, aantal, vanaf in BESLUITEN:
            locatie = _locatie(code, naam)
            if locatie is not None:
                besluit = ScenarioBesluit(
                    locatie=locatie, telt_als=telt_als, aantal=aantal, vanaf=vanaf
                )
                services.wijziging_toevoegen(scenario=scenario, wijziging=besluit, user=prt)
        code, naam, soort, plekken, amv = HYPOTHETISCH
        nieuw = ScenarioLocatie(
            gemeente=Gemeente.objects.get(code=code), naam=naam, soort=soort,
            plekken=plekken, amv_plekken=amv, vanaf=date(2025, 9, 1),
        )  # fmt: skip
        services.wijziging_toevoegen(scenario=scenario, wijziging=nieuw, user=prt)
        vervallen = _locatie(*VERVALLEN)
        if vervallen is not None:
            weg = ScenarioVervallen(locatie=vervallen)
            services.wijziging_toevoegen(scenario=scenario, wijziging=weg, user=prt)
    return klaar
