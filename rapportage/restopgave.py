"""The restopgave: what is still missing for minimale dekking of the applicable opgave.

Computed from the report object (rapportage.selectors.Rapport) alone, so the dashboard,
the JSON and the verslag show the same figures; nothing here counts locations or asks
the database. Per gemeente: max(0, opgave − minimale dekking), and for AMV where the
opgave has an AMV part; for an aangewezen gemeente also the minimum it must still
realise, max(0, minimum − minimale dekking). For the province two figures: the
province's own shortfall, max(0, opgave − minimale dekking of the province), and the
sum of the gemeenten's shortfalls (a surplus in one gemeente does not make up for a
shortfall in another, so the sum can be larger).
"""

from __future__ import annotations

from dataclasses import dataclass

from opvang.verdeelbesluit import GemeenteRest
from opvang.verdeelbesluit import tekort as _tekort


def _som(waarden):
    bekend = [w for w in waarden if w is not None]
    return sum(bekend) if bekend else None


@dataclass(frozen=True)
class Restopgave:
    gemeenten: tuple[GemeenteRest, ...]
    opgave: int | None
    opgave_amv: int | None
    dekking: int | None
    dekking_amv: int | None

    @property
    def provincie(self):
        """The province's own shortfall: its opgave minus its minimale dekking."""
        return _tekort(self.opgave, self.dekking)

    @property
    def provincie_amv(self):
        return _tekort(self.opgave_amv, self.dekking_amv)

    @property
    def som(self):
        """The sum of the gemeenten's shortfalls."""
        return _som(g.rest for g in self.gemeenten)

    @property
    def som_amv(self):
        return _som(g.rest_amv for g in self.gemeenten)

    @property
    def aangewezen(self):
        return tuple(g for g in self.gemeenten if g.aangewezen)

    @property
    def minimum_nog(self):
        """The sum of what the aangewezen gemeenten must still realise of their minimum."""
        return _som(g.minimum_nog for g in self.aangewezen)

    @property
    def met_tekort(self):
        return tuple(g for g in self.gemeenten if g.rest)

    @property
    def gewijzigd(self):
        """The gemeenten whose opgave has more than one version in the cycle."""
        return tuple(g for g in self.gemeenten if g.vorige is not None)


def _gemeente(rij, versies, bekend):
    opgave = rij.cijfers.opgave
    t = rij.telling
    return GemeenteRest(
        code=rij.code,
        naam=rij.naam,
        opgave=rij.opgave_plekken,
        opgave_amv=rij.opgave_amv,
        dekking=t.minimale_dekking if bekend else None,
        dekking_amv=t.minimale_dekking_amv if bekend else None,
        aangewezen=bool(opgave and opgave.aangewezen),
        minimum=opgave.minimum_plekken if opgave else None,
        versies=versies.get(rij.cijfers.gemeente.pk, ()),
    )


def restopgave(rapport) -> Restopgave:
    """Return the restopgave of a report (its rows' applicable opgaven and counts)."""
    bekend = rapport.telvenster.is_bekend
    t = rapport.telling
    return Restopgave(
        gemeenten=tuple(
            _gemeente(rij, rapport.opgave_versies, bekend) for rij in rapport.gemeenten
        ),
        opgave=rapport.opgave_plekken,
        opgave_amv=rapport.opgave_amv,
        dekking=t.minimale_dekking if bekend else None,
        dekking_amv=t.minimale_dekking_amv if bekend else None,
    )
