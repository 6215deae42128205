"""The GOO workbook: sheets `Locaties GOO` and `Bezetting`, written and read by header.

The template holds the gemeente's locations as registered, with drop-down lists. An
upload is checked (safety.check_file), opened read-only with formulas as written
(never evaluated; defusedxml parses the XML), its columns found by header name, and
every row validated: a location row by GooLocatieForm, a bezetting row by the same
service as the web form. The import is all or nothing: it runs in one transaction
that is rolled back when any row is wrong, and then returns every row's errors.
"""

from __future__ import annotations

import io
from datetime import date, datetime

import openpyxl
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from kern.text import normalize
from kern.xlsx import workbook_bytes, write_cell, write_header

from .. import services
from ..constants import Soort, Status
from ..forms import GooLocatieForm
from ..models import GooLocatie
from .safety import GEEN_XLSX, BestandGeweigerd, Fout, check_file, refuse

BLAD_LOCATIES = "Locaties GOO"
BLAD_BEZETTING = "Bezetting"
LOCATIE_KOLOMMEN = {
    "naam": "Naam locatie",
    "soort": "Soort",
    "status": "Status",
    "capaciteit": "Capaciteit (bedden)",
    "beschikbaar_vanaf": "Beschikbaar vanaf",
    "beschikbaar_tot": "Beschikbaar tot en met",
    "toelichting": "Toelichting",
}
BEZETTING_KOLOMMEN = {"locatie": "Locatie", "peildatum": "Peildatum", "bezet": "Bezette bedden"}
MAX_KOLOMMEN = 30
GEEN_BLAD = "Het werkboek heeft geen tabblad ‘{naam}’."
KOLOM_ONTBREEKT = "De kolom ‘{kop}’ ontbreekt in rij 1."
TE_VEEL_RIJEN = "Het tabblad heeft meer dan {max} rijen. Splits het bestand in delen."
FORMULE = "Deze cel bevat een formule; vul de waarde zelf in (formules worden niet gelezen)."
ONBEKENDE_KEUZE = "‘{waarde}’ is geen geldige keuze; kies uit de lijst."
ONBEKENDE_LOCATIE = "Deze gemeente heeft geen GOO-locatie ‘{naam}’."
DUBBELE_NAAM = "De locatie ‘{naam}’ staat meer dan eens op het tabblad."


def sjabloon_bytes(gemeente):
    """Return the gemeente's workbook: its locations, an empty Bezetting sheet."""
    boek = Workbook()
    blad = boek.active
    blad.title = BLAD_LOCATIES
    write_header(blad, list(LOCATIE_KOLOMMEN.values()), [30, 34, 18, 14, 16, 18, 40])
    for r, loc in enumerate(gemeente.goo_locaties.order_by("naam"), start=2):
        waarden = [
            loc.naam,
            loc.get_soort_display(),
            loc.get_status_display(),
            loc.capaciteit,
            loc.beschikbaar_vanaf,
            loc.beschikbaar_tot,
            loc.toelichting,
        ]
        for c, waarde in enumerate(waarden, start=1):
            write_cell(blad.cell(row=r, column=c), waarde, "d-m-yyyy" if c in (5, 6) else None)
    for kolom, keuzes in (("B", Soort), ("C", Status)):
        lijst = DataValidation(type="list", formula1='"' + ",".join(keuzes.labels) + '"')
        lijst.add(f"{kolom}2:{kolom}1000")
        blad.add_data_validation(lijst)
    bezetting = boek.create_sheet(BLAD_BEZETTING)
    write_header(bezetting, list(BEZETTING_KOLOMMEN.values()), [30, 14, 14])
    return workbook_bytes(boek)


def _blad(boek, naam):
    for titel in boek.sheetnames:
        if normalize(titel).lower() == naam.lower() and boek[titel].sheet_state == "visible":
            return boek[titel]
    refuse(GEEN_BLAD.format(naam=naam), "no sheet")


def _kolom_index(kop_rij, naam, kolommen):
    """Return {veld: column index} from the header row, or raise for a missing column."""
    kop = [normalize(c.value).lower() if isinstance(c.value, str) else "" for c in kop_rij]
    index = {}
    for veld, titel in kolommen.items():
        if titel.lower() not in kop:
            raise BestandGeweigerd([Fout(naam, 1, titel, "", KOLOM_ONTBREEKT.format(kop=titel))])
        index[veld] = kop.index(titel.lower())
    return index


def _formules(rij, naam, nummer, kolommen):
    return [
        Fout(naam, nummer, kolommen[veld], str(cel.value), FORMULE)
        for veld, cel in rij.items()
        if cel.data_type == "f"
    ]


def _rijen(blad, naam, kolommen):
    """Return [(row number, {veld: value})] of the sheet's non-empty rows, or raise."""
    blad.reset_dimensions()
    rijen = blad.iter_rows(min_row=1, max_col=MAX_KOLOMMEN)
    index = _kolom_index(next(rijen, []), naam, kolommen)
    resultaat, fouten = [], []
    for nummer, cellen in enumerate(rijen, start=2):
        if nummer > settings.EXCEL_MAX_ROWS + 1:
            raise BestandGeweigerd(
                [Fout(naam, nummer, "", "", TE_VEEL_RIJEN.format(max=settings.EXCEL_MAX_ROWS))]
            )
        rij = {v: cellen[p] for v, p in index.items() if p < len(cellen)}
        fouten.extend(_formules(rij, naam, nummer, kolommen))
        waarden = {v: _waarde(c.value) for v, c in rij.items()}
        if any(w not in (None, "") for w in waarden.values()):
            resultaat.append((nummer, waarden))
    if fouten:
        raise BestandGeweigerd(fouten, "formula")
    return resultaat


def _waarde(value):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return value.strip()
    return value


def lees(inhoud, bestandsnaam):
    """Return (location rows, bezetting rows) of a checked upload, or raise."""
    check_file(inhoud, bestandsnaam)
    try:
        boek = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 - any parser failure (defusedxml too): unreadable
        refuse(GEEN_XLSX, "unreadable")
    try:
        locaties = _rijen(_blad(boek, BLAD_LOCATIES), BLAD_LOCATIES, LOCATIE_KOLOMMEN)
        bezetting = _rijen(_blad(boek, BLAD_BEZETTING), BLAD_BEZETTING, BEZETTING_KOLOMMEN)
    finally:
        boek.close()
    return locaties, bezetting


def _keuze(choices, waarde):
    per_label = {label.lower(): value for value, label in choices.choices}
    per_label.update({value: value for value in choices.values})
    return per_label.get(str(waarde or "").lower(), waarde)


def _fouten(blad, nummer, kolommen, exc_of_form):
    fouten = []
    items = exc_of_form.errors.items() if hasattr(exc_of_form, "errors") else None
    if items is None:
        items = (
            exc_of_form.message_dict.items()
            if hasattr(exc_of_form, "error_dict")
            else [("__all__", exc_of_form.messages)]
        )
    for veld, meldingen in items:
        for melding in meldingen:
            fouten.append(Fout(blad, nummer, kolommen.get(veld, ""), "", str(melding)))
    return fouten


def _locatie_rij(gemeente, nummer, waarden, user, gezien):
    naam = str(waarden.get("naam") or "")
    if naam.lower() in gezien:
        return [Fout(BLAD_LOCATIES, nummer, "Naam locatie", naam, DUBBELE_NAAM.format(naam=naam))]
    gezien.add(naam.lower())
    data = {
        **waarden,
        "soort": _keuze(Soort, waarden.get("soort")),
        "status": _keuze(Status, waarden.get("status")),
    }
    data = {k: ("" if v is None else v) for k, v in data.items()}
    bestaand = GooLocatie.objects.filter(gemeente=gemeente, naam__iexact=naam).first()
    form = GooLocatieForm(data, instance=bestaand, gemeente=gemeente)
    if not form.is_valid():
        return _fouten(BLAD_LOCATIES, nummer, LOCATIE_KOLOMMEN, form)
    try:
        if bestaand is None:
            services.goo_locatie_aanmaken(
                gemeente=gemeente, data=form.cleaned_data, user=user, reden="Excel-import"
            )
        else:
            services.goo_locatie_wijzigen(
                locatie=bestaand,
                versie=bestaand.versie,
                data=form.cleaned_data,
                user=user,
                reden="Excel-import",
            )
    except ValidationError as exc:
        return _fouten(BLAD_LOCATIES, nummer, LOCATIE_KOLOMMEN, exc)
    return []


def _bezetting_rij(gemeente, nummer, waarden, user):
    naam = str(waarden.get("locatie") or "")
    locatie = GooLocatie.objects.filter(gemeente=gemeente, naam__iexact=naam).first()
    if locatie is None:
        return [Fout(BLAD_BEZETTING, nummer, "Locatie", naam, ONBEKENDE_LOCATIE.format(naam=naam))]
    peildatum, bezet = waarden.get("peildatum"), waarden.get("bezet")
    if not isinstance(peildatum, date):
        return [
            Fout(BLAD_BEZETTING, nummer, "Peildatum", str(peildatum or ""), "Vul een datum in.")
        ]
    if not isinstance(bezet, int):
        return [
            Fout(
                BLAD_BEZETTING,
                nummer,
                "Bezette bedden",
                str(bezet or ""),
                "Vul een geheel getal in.",
            )
        ]
    try:
        services.bezetting_vastleggen(
            locatie=locatie, peildatum=peildatum, bezet=bezet, user=user, reden="Excel-import"
        )
    except ValidationError as exc:
        return _fouten(BLAD_BEZETTING, nummer, BEZETTING_KOLOMMEN, exc)
    return []


class _Terugdraaien(Exception):
    pass


def importeren(*, gemeente, inhoud, bestandsnaam, user):
    """Import the workbook for the gemeente, all or nothing; return the number of rows.

    Raises BestandGeweigerd with every row's errors (nothing stored) when any is wrong.
    """
    locaties, bezettingen = lees(inhoud, bestandsnaam)
    fouten = []
    try:
        with transaction.atomic():
            gezien = set()
            for nummer, waarden in locaties:
                fouten += _locatie_rij(gemeente, nummer, waarden, user, gezien)
            for nummer, waarden in bezettingen:
                fouten += _bezetting_rij(gemeente, nummer, waarden, user)
            if fouten:
                raise _Terugdraaien
    except _Terugdraaien:
        raise BestandGeweigerd(fouten, "rows") from None
    return len(locaties), len(bezettingen)
