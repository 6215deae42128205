"""The taakstelling table for beheer: sheet `Taakstelling`, all or nothing.

Columns Gemeentecode, Halfjaar (2025-H1), Personen, and optionally Startsaldo (the first
half year's balance: achterstand positive, voorsprong negative). Every row becomes a new
version (earlier ones stay); one bad row refuses the file.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from gemeenten.models import Gemeente
from kern.numbers import parse_whole_number

from .. import services
from ..models import Halfjaar
from .blad import lees_blad
from .realisatie import Fout

BLAD = "Taakstelling"
KOLOMMEN = ("Gemeentecode", "Halfjaar", "Personen")
GEEN_AANTAL = "Vul bij Personen een heel aantal van 0 of meer in."
GEEN_SALDO = "Vul bij Startsaldo een heel getal in (achterstand positief, voorsprong negatief)."


def _rij(waarden, gemeenten, halfjaren):
    code = str(waarden["Gemeentecode"] or "").strip()
    if code not in gemeenten:
        raise ValidationError(services.ONBEKENDE_GEMEENTE.format(code=code))
    halfjaar = str(waarden["Halfjaar"] or "").strip().upper()
    if halfjaar not in halfjaren:
        raise ValidationError(services.ONBEKEND_HALFJAAR.format(code=halfjaar))
    try:
        personen = parse_whole_number(waarden["Personen"])
    except ValueError:
        raise ValidationError(GEEN_AANTAL) from None
    if personen < 0:
        raise ValidationError(GEEN_AANTAL)
    saldo = waarden.get("Startsaldo")
    if saldo not in (None, ""):
        try:
            saldo = parse_whole_number(saldo)
        except ValueError:
            raise ValidationError(GEEN_SALDO) from None
    return gemeenten[code], halfjaren[halfjaar], personen, None if saldo in (None, "") else saldo


def importeer(inhoud, bestandsnaam, *, bron, datum, user, is_demo=False):
    """Return (stored rows, errors); nothing is stored when there is any error."""
    gelezen = lees_blad(inhoud, bestandsnaam, BLAD, KOLOMMEN, optioneel=("Startsaldo",))
    gemeenten = {g.code: g for g in Gemeente.objects.all()}
    halfjaren = {h.code: h for h in Halfjaar.objects.all()}
    rijen, fouten = [], []
    for nummer, waarden in gelezen:
        try:
            rijen.append(_rij(waarden, gemeenten, halfjaren))
        except ValidationError as fout:
            fouten.extend(Fout(nummer, m) for m in fout.messages)
    if fouten:
        return 0, fouten
    with transaction.atomic():
        for gemeente, halfjaar, personen, saldo in rijen:
            services.taakstelling_vastleggen(
                gemeente=gemeente, halfjaar=halfjaar, personen=personen, bron=bron,
                datum=datum, user=user, is_demo=is_demo,
            )  # fmt: skip
            if saldo is not None:
                services.startsaldo_vastleggen(
                    gemeente=gemeente, halfjaar=halfjaar, saldo=saldo, bron=bron, datum=datum,
                    user=user,
                )  # fmt: skip
    return len(rijen), []
