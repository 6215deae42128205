"""Read one sheet of an uploaded workbook by its header names, after the file checks."""

from __future__ import annotations

import io

import openpyxl
from django.conf import settings

from .veiligheid import GEEN_XLSX, BestandGeweigerd, controleer

GEEN_BLAD = "Het werkboek heeft geen tabblad ‘{blad}’."
KOLOM_ONTBREEKT = "De kolom ‘{kop}’ ontbreekt in rij 1."
TE_VEEL_RIJEN = "Het tabblad heeft meer dan {max} rijen. Splits het bestand in delen."
GEEN_RIJEN = "Het tabblad ‘{blad}’ bevat geen ingevulde rijen."


def _kopregel(rijen, kolommen, optioneel):
    koppen = [str(c).strip() if c is not None else "" for c in next(rijen, ())]
    ontbreekt = [k for k in kolommen if k not in koppen]
    if ontbreekt:
        raise BestandGeweigerd(KOLOM_ONTBREEKT.format(kop=ontbreekt[0]))
    return {k: koppen.index(k) for k in (*kolommen, *optioneel) if k in koppen}


def lees_blad(inhoud, bestandsnaam, blad, kolommen, optioneel=()):
    """Return [(rijnummer, {kolom: waarde})] of the sheet's filled rows, or refuse the file.

    The file is checked first (veiligheid), then read read-only, values only; columns are
    found by their header in row 1; an optional column may be missing.
    """
    controleer(inhoud, bestandsnaam)
    try:
        boek = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any parser failure (defusedxml too): not readable
        raise BestandGeweigerd(GEEN_XLSX) from None
    try:
        if blad not in boek.sheetnames:
            raise BestandGeweigerd(GEEN_BLAD.format(blad=blad))
        rijen = boek[blad].iter_rows(values_only=True)
        index = _kopregel(rijen, kolommen, optioneel)
        gelezen = []
        for nummer, cellen in enumerate(rijen, start=2):
            if nummer > settings.EXCEL_MAX_ROWS + 1:
                raise BestandGeweigerd(TE_VEEL_RIJEN.format(max=settings.EXCEL_MAX_ROWS))
            waarden = {k: cellen[i] if i < len(cellen) else None for k, i in index.items()}
            if any(v not in (None, "") for v in waarden.values()):
                gelezen.append((nummer, waarden))
    finally:
        boek.close()
    if not gelezen:
        raise BestandGeweigerd(GEEN_RIJEN.format(blad=blad))
    return gelezen
