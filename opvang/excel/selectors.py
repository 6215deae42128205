"""Reads that assemble the rows of the workbooks; the writer itself makes no queries."""

from __future__ import annotations

from gemeenten.models import Gemeente

from ..models import Locatie
from ..selectors import geldende_opgaven
from ..velden import VELDNAMEN
from .writer import export_rij, locatie_rij


def _locaties(gemeenten):
    return list(
        Locatie.objects.filter(gemeente__in=gemeenten)
        .select_related("gemeente")
        .order_by("gemeente__naam", "naam")
    )


def _gemeenten(user, gemeente=None, provincie=None):
    qs = Gemeente.objects.for_user(user).order_by("naam")
    if gemeente is not None:
        qs = qs.filter(pk=gemeente.pk)
    if provincie is not None:
        qs = qs.filter(provincie=provincie)
    return list(qs)


def sjabloon_rijen(*, user, gemeente=None, provincie=None, cyclus=None, met_opgave=False):
    """Return (locatie_rijen, opgave_rijen or None) for the template, in three queries."""
    gemeenten = _gemeenten(user, gemeente, provincie)
    locatie_rijen = [locatie_rij(loc.gemeente, loc) for loc in _locaties(gemeenten)]
    if not met_opgave:
        return locatie_rijen, None
    opgaven = geldende_opgaven(cyclus, gemeenten) if cyclus else {}
    opgave_rijen = [
        [
            g.code,
            g.naam,
            opgaven[g.pk].plekken if g.pk in opgaven else None,
            opgaven[g.pk].amv_plekken if g.pk in opgaven else None,
        ]
        for g in gemeenten
    ]
    return locatie_rijen, opgave_rijen


def export_rijen(*, user, provincie, cyclus):
    """Return every location of the province with its category in the cycle."""
    gemeenten = _gemeenten(user, provincie=provincie)
    return [
        export_rij(
            loc.gemeente.code,
            loc.gemeente.naam,
            {naam: getattr(loc, naam) for naam in VELDNAMEN},
            loc.omschrijving_in(cyclus),
        )
        for loc in _locaties(gemeenten)
    ]
