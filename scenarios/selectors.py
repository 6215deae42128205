"""A scenario counted: the same report function, given other locations.

`vergelijking()` counts the province twice with rapportage.selectors.verslag_rapport:
once as registered (reality) and once with the scenario's changes applied to a copy of
the locations it reads (its `invoer` hook). The counting rules (opvang.telregels) are
not touched; nothing goes through or into the report cache (rapportage.cache), so a
scenario is never served as, or instead of, an official figure.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import cached_property

from kern.formatting import LEEG, long_date, number_range, percentage, whole_number
from opvang.constants import Status
from opvang.telregels import categorie
from rapportage.selectors import BRON_ACTUEEL, GemeenteRij, Rapport, verslag_rapport

from .constants import BANNER

GEEN_INITIATIEF_MEER = (
    "‘{naam}’ is niet meer in voorbereiding (nu ‘{status}’): dit besluit telt niet mee."
)


def verschil_tekst(n):
    """Return a change of places with its sign: +575, −12 or 0."""
    if n is None:
        return LEEG
    return f"+{whole_number(n)}" if n > 0 else f"−{whole_number(-n)}" if n < 0 else "0"


def _getal(n):
    return LEEG if n is None else whole_number(n)


@dataclass(frozen=True)
class Kerncijfer:
    """One key figure of the province now and in the scenario, as text."""

    label: str
    nu: str
    scenario: str
    verschil: str


def kerncijfers(nu: Rapport, straks: Rapport) -> tuple[Kerncijfer, ...]:
    """Return the province's key figures now and in the scenario (the dashboard's)."""

    def rij(label, f, tekst=_getal, verschil=True):
        a, b = f(nu), f(straks)
        delta = verschil_tekst(b - a) if verschil and a is not None and b is not None else ""
        return Kerncijfer(label, tekst(a), tekst(b), delta)

    def bereik(r):
        return number_range(r.telling.planvoorraad_min, r.telling.planvoorraad_max)

    def perspectief(r):
        return number_range(r.telling.perspectief_min, r.telling.perspectief_max)

    return (
        rij("Opgave", lambda r: r.opgave_plekken),
        rij("Harde opvangcapaciteit", lambda r: r.telling.hard),
        rij("Harde plancapaciteit", lambda r: r.telling.hard_plan),
        rij("Minimale dekking", lambda r: r.telling.minimale_dekking),
        rij("Dekking van de opgave", lambda r: r.dekking_percentage, percentage, False),
        rij("Planvoorraad", lambda r: r, bereik, False),
        rij("Perspectief", lambda r: r, perspectief, False),
        rij("Tekort (som van de gemeenten)", lambda r: _tekort(r)),
    )


def _tekort(rapport):
    tekorten = [g.tekort for g in rapport.gemeenten if g.tekort is not None]
    return sum(tekorten) if tekorten else None


@dataclass(frozen=True)
class GemeenteVergelijking:
    """A gemeente's row now and in the scenario."""

    nu: GemeenteRij
    scenario: GemeenteRij

    @property
    def naam(self):
        return self.nu.naam

    @property
    def opgave_plekken(self):
        return self.nu.opgave_plekken

    @property
    def verschil(self):
        """Return the change of the minimale dekking (places), scenario minus now."""
        return self.scenario.telling.minimale_dekking - self.nu.telling.minimale_dekking

    @property
    def verschil_tekst(self):
        return verschil_tekst(self.verschil)

    @property
    def is_gewijzigd(self):
        return self.nu.telling != self.scenario.telling


@dataclass(frozen=True)
class Wijzigingsregel:
    """One change of the scenario as it counts there (for the detail page and annex)."""

    soort: str
    gemeente: str
    naam: str
    omschrijving: str
    categorie: str


@dataclass(frozen=True)
class Vergelijking:
    """Reality and the scenario of one province, cycle and peildatum, side by side."""

    scenario: object
    werkelijk: Rapport
    in_scenario: Rapport
    wijzigingen: tuple[Wijzigingsregel, ...]
    waarschuwingen: tuple[str, ...]
    banner: str = BANNER

    @cached_property
    def gemeenten(self) -> tuple[GemeenteVergelijking, ...]:
        return tuple(
            GemeenteVergelijking(nu, straks)
            for nu, straks in zip(self.werkelijk.gemeenten, self.in_scenario.gemeenten, strict=True)
        )

    @property
    def verschil(self):
        return self.in_scenario.telling.minimale_dekking - self.werkelijk.telling.minimale_dekking

    @cached_property
    def kerncijfers(self):
        return kerncijfers(self.werkelijk, self.in_scenario)


def _sleutel(gemeente_id, naam):
    """A location's key in the report's input: its gemeente and name (unique there)."""
    return gemeente_id, naam.lower()


class ScenarioInvoer:
    """The scenario's changes as a function from the locations read to those counted."""

    def __init__(self, scenario):
        self.besluiten = {
            _sleutel(b.locatie.gemeente_id, b.locatie.naam): b
            for b in scenario.besluiten.select_related("locatie__gemeente")
        }
        self.vervallen = {
            _sleutel(v.locatie.gemeente_id, v.locatie.naam): v
            for v in scenario.vervallen.select_related("locatie__gemeente")
        }
        self.locaties = list(scenario.locaties.select_related("gemeente"))

    def __call__(self, gelezen):
        """Return a new {gemeente_id: [(naam, waarden, toelichting)]}; gelezen is kept."""
        uit = {}
        for gemeente_id, lijst in gelezen.items():
            uit[gemeente_id] = [
                self._toegepast(gemeente_id, naam, waarden, toelichting)
                for naam, waarden, toelichting in lijst
                if _sleutel(gemeente_id, naam) not in self.vervallen
            ]
        for loc in self.locaties:
            rij = (loc.naam, loc.waarden, "Scenario: hypothetische locatie.")
            uit[loc.gemeente_id] = [*uit.get(loc.gemeente_id, []), rij]
        return uit

    def _toegepast(self, gemeente_id, naam, waarden, toelichting):
        besluit = self.besluiten.get(_sleutel(gemeente_id, naam))
        if besluit is None or waarden.status != Status.IN_VOORBEREIDING:
            return naam, waarden, toelichting
        return naam, besluit.besloten(waarden), f"Scenario: besloten, {besluit.plekken_label}."

    def regels(self, venster):
        """Return a Wijzigingsregel per change, with where it counts in the scenario."""
        regels = []
        for b in self.besluiten.values():
            loc = b.locatie
            telt = categorie(b.besloten(loc.waarden), venster).label
            regels.append(
                Wijzigingsregel("besloten", loc.gemeente.naam, loc.naam, b.plekken_label, telt)
            )
        for loc in self.locaties:
            omschrijving = f"{loc.plekken} plekken vanaf {long_date(loc.vanaf)}"
            telt = categorie(loc.waarden, venster).label
            regels.append(
                Wijzigingsregel("hypothetisch", loc.gemeente.naam, loc.naam, omschrijving, telt)
            )
        for v in self.vervallen.values():
            loc = v.locatie
            omschrijving = f"vervalt ({loc.plekken} plekken, nu ‘{loc.get_status_display()}’)"
            regels.append(
                Wijzigingsregel(
                    "vervallen", loc.gemeente.naam, loc.naam, omschrijving, "telt niet mee"
                )
            )
        return tuple(sorted(regels, key=lambda r: (r.gemeente, r.naam)))

    def waarschuwingen(self):
        return tuple(
            GEEN_INITIATIEF_MEER.format(naam=b.locatie.naam, status=b.locatie.get_status_display())
            for b in self.besluiten.values()
            if b.locatie.status != Status.IN_VOORBEREIDING
        )


def vergelijking(scenario) -> Vergelijking:
    """Count reality and the scenario on the scenario's peildatum (bron actueel)."""
    invoer = ScenarioInvoer(scenario)
    vraag = {
        "provincie": scenario.provincie,
        "cyclus": scenario.cyclus,
        "peildatum": scenario.peildatum,
        "bron": BRON_ACTUEEL,
    }
    return Vergelijking(
        scenario=scenario,
        werkelijk=verslag_rapport(**vraag),
        in_scenario=verslag_rapport(**vraag, invoer=invoer),
        wijzigingen=invoer.regels(scenario.cyclus.telvenster),
        waarschuwingen=invoer.waarschuwingen(),
    )
