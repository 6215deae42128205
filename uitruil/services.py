"""Writes of uitruil agreements: record, change, akkoord, vervallen.

Each write checks first (a Dutch message, nothing stored), locks the province's row
(SELECT … FOR UPDATE) and re-reads the agreement under it, so that two simultaneous
decisions in one province run one after the other: the second sees the first and is
refused or re-checked. Every save names the acting user (and a reason) in the history.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from gemeenten.models import Provincie
from kern.audit import attribute_to
from opvang.selectors import geldende_opgaven

from .access import may_decide
from .constants import AfspraakStatus
from .models import Uitruilafspraak
from .selectors import halfjaren_van, uitruil_cijfers

GEEN_RECHT = "Alleen de PRT van de provincie legt uitruilafspraken vast en beslist erover."
ZELFDE_GEMEENTE = "Een uitruil is tussen twee verschillende gemeenten; kies twee gemeenten."
ANDERE_PROVINCIE = "Gemeente {naam} ligt niet in de provincie {provincie}."
PERIODE_OMGEKEERD = "Het halfjaar ‘tot en met’ ({tot}) ligt vóór het halfjaar ‘vanaf’ ({van})."
GEEN_OPGAVE = "Gemeente {naam} heeft in {cyclus} geen opgave; asielplekken uitruilen kan niet."
OPGAVE_NEGATIEF = (
    "De opgave van gemeente {naam} zou na uitruil {na} worden (nu {voor}); "
    "zij kan niet meer plekken afstaan dan haar opgave."
)
ONDER_AMV = (
    "De opgave van gemeente {naam} zou na uitruil ({na}) kleiner worden dan haar {amv} AMV-plekken."
)
GEEN_TAAKSTELLING = (
    "Gemeente {naam} heeft voor {halfjaar} geen taakstelling; statushouders uitruilen kan niet."
)
TAAK_NEGATIEF = (
    "De taakstelling van gemeente {naam} in {halfjaar} zou na uitruil {na} worden "
    "(nu {voor}); zij kan niet meer personen afstaan dan haar taakstelling."
)
NIET_MEER_VOORGESTELD = (
    "Deze afspraak is intussen {status}; er is niets gewijzigd. Vernieuw de pagina."
)
AL_VERVALLEN = "Deze afspraak is al vervallen; er is niets gewijzigd."
VERVALLEN_KAN_NIET = (
    "Deze afspraak kan niet vervallen zolang andere afspraken erop steunen; laat die eerst "
    "vervallen."
)
REDEN_NODIG = "Geef een reden op waarom de afspraak vervalt."

VELDEN = (
    "cyclus",
    "gemeente_a",
    "gemeente_b",
    "asiel_plekken",
    "statushouders",
    "halfjaar_van",
    "halfjaar_tot",
    "kenmerk",
    "toelichting",
)


def _vorm_fouten(afspraak, provincie):
    fouten = []
    if afspraak.gemeente_a_id == afspraak.gemeente_b_id:
        fouten.append(ZELFDE_GEMEENTE)
    for g in (afspraak.gemeente_a, afspraak.gemeente_b):
        if g.provincie_id != provincie.pk:
            fouten.append(ANDERE_PROVINCIE.format(naam=g.naam, provincie=provincie.naam))
    van, tot = afspraak.halfjaar_van, afspraak.halfjaar_tot
    if van and tot and tot.begin < van.begin:
        fouten.append(PERIODE_OMGEKEERD.format(van=van.code, tot=tot.code))
    return fouten


def _opgave_fouten(afspraak, cijfers, amv):
    fouten = []
    for g in (afspraak.gemeente_a, afspraak.gemeente_b):
        c = cijfers.opgave[g.pk]
        if c.voor is None:
            fouten.append(GEEN_OPGAVE.format(naam=g.naam, cyclus=afspraak.cyclus))
        elif c.na < 0:
            fouten.append(OPGAVE_NEGATIEF.format(naam=g.naam, na=c.na, voor=c.voor))
        elif amv.get(g.pk) and c.na < amv[g.pk]:
            fouten.append(ONDER_AMV.format(naam=g.naam, na=c.na, amv=amv[g.pk]))
    return fouten


def _taak_fouten(afspraak, cijfers):
    fouten = []
    for code in halfjaren_van(afspraak, cijfers.halfjaren):
        for g in (afspraak.gemeente_a, afspraak.gemeente_b):
            c = cijfers.taakstelling[g.pk, code]
            if c.voor is None:
                fouten.append(GEEN_TAAKSTELLING.format(naam=g.naam, halfjaar=code))
            elif c.na < 0:
                fouten.append(
                    TAAK_NEGATIEF.format(naam=g.naam, halfjaar=code, na=c.na, voor=c.voor)
                )
    return fouten


def afspraak_fouten(afspraak, provincie, *, meetellen=True):
    """Return the Dutch reasons the agreement cannot stand beside the akkoord ones.

    The figures after uitruil are those of every agreement akkoord door de PRT plus this
    one: no gemeente's opgave or taakstelling may go below 0 (nor the opgave below its
    AMV places), and both gemeenten need the official figures the agreement moves.
    meetellen=False: the same check without this agreement (before it lapses: a gemeente
    may have passed on what it took over).
    """
    fouten = _vorm_fouten(afspraak, provincie)
    if fouten:
        return fouten
    gemeenten = [afspraak.gemeente_a, afspraak.gemeente_b]
    extra = [afspraak] if meetellen else []
    cijfers = uitruil_cijfers(
        provincie, afspraak.cyclus, gemeenten=gemeenten, extra=extra, zonder=afspraak.pk
    )
    if afspraak.asiel_plekken:
        opgaven = geldende_opgaven(afspraak.cyclus, gemeenten)
        amv = {pk: o.amv_plekken for pk, o in opgaven.items()}
        fouten += _opgave_fouten(afspraak, cijfers, amv)
    if afspraak.statushouders:
        fouten += _taak_fouten(afspraak, cijfers)
    return fouten


def _check(afspraak, provincie):
    afspraak.full_clean(exclude=["aangemaakt_door", "akkoord_door", "vervallen_door"])
    fouten = afspraak_fouten(afspraak, provincie)
    if fouten:
        raise ValidationError(fouten)


def _lock_provincie(provincie):
    return Provincie.objects.select_for_update().get(pk=provincie.pk)


def _lock(afspraak):
    return Uitruilafspraak.objects.select_for_update().get(pk=afspraak.pk)


def afspraak_opslaan(*, provincie, data, user, afspraak=None, reden=None, is_demo=False):
    """Record a new agreement (voorgesteld), or change a voorgesteld one; PRT only."""
    if not may_decide(user, provincie):
        raise PermissionDenied(GEEN_RECHT)
    with transaction.atomic():
        _lock_provincie(provincie)
        if afspraak is None:
            rij = Uitruilafspraak(provincie=provincie, aangemaakt_door=user, is_demo=is_demo)
        else:
            rij = _lock(afspraak)
            if rij.status != AfspraakStatus.VOORGESTELD:
                raise ValidationError(NIET_MEER_VOORGESTELD.format(status=rij.get_status_display()))
        for veld in VELDEN:
            if veld in data:
                setattr(rij, veld, data[veld])
        _check(rij, provincie)
        attribute_to(rij, user, reden or ("Voorgesteld" if afspraak is None else "Gewijzigd"))
        rij.save()
    return rij


def afspraak_akkoord(*, afspraak, user, reden=None):
    """Mark a voorgesteld agreement akkoord door de PRT, re-checked under the lock."""
    if not may_decide(user, afspraak.provincie):
        raise PermissionDenied(GEEN_RECHT)
    with transaction.atomic():
        provincie = _lock_provincie(afspraak.provincie)
        rij = _lock(afspraak)
        if rij.status != AfspraakStatus.VOORGESTELD:
            raise ValidationError(NIET_MEER_VOORGESTELD.format(status=rij.get_status_display()))
        fouten = afspraak_fouten(rij, provincie)
        if fouten:
            raise ValidationError(fouten)
        rij.status, rij.akkoord_op, rij.akkoord_door = AfspraakStatus.AKKOORD, timezone.now(), user
        attribute_to(rij, user, reden or "Akkoord door de PRT")
        rij.save()
    return rij


def afspraak_vervallen(*, afspraak, user, reden):
    """Let a voorgesteld or akkoord agreement lapse; its figures count no longer."""
    if not may_decide(user, afspraak.provincie):
        raise PermissionDenied(GEEN_RECHT)
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError(REDEN_NODIG)
    with transaction.atomic():
        provincie = _lock_provincie(afspraak.provincie)
        rij = _lock(afspraak)
        if rij.status == AfspraakStatus.VERVALLEN:
            raise ValidationError(AL_VERVALLEN)
        if rij.is_akkoord:
            fouten = afspraak_fouten(rij, provincie, meetellen=False)
            if fouten:
                raise ValidationError([VERVALLEN_KAN_NIET, *fouten])
        rij.status, rij.vervallen_op, rij.vervallen_door = (
            AfspraakStatus.VERVALLEN, timezone.now(), user,
        )  # fmt: skip
        attribute_to(rij, user, f"Vervallen: {reden}"[:100])
        rij.save()
    return rij
