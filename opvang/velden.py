"""One description of a location's fields, in the order users see them everywhere.

The form (`LocatieForm`), the table (`LocatieTable`), the workbook (template, reader,
export, `opvang.excel.format`), the report's list of locations (`rapportage.exports`),
the services' writes and the submission snapshot all take their fields from here.
Labels come from the model's verbose_name; `kop` and `kort` are given only where a
workbook header (a promise to users, README "Excel-uitvraag") or a table header differs.
The messages of the location's invariants are here too: the database constraints carry
them (opvang.models), and every form shows them on their field.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.text import capfirst

from .telregels import LocatieWaarden

TEKST, GETAL, DATUM, KEUZE = "tekst", "getal", "datum", "keuze"


# A location's invariants, checked by the database and, with these messages, by every
# ModelForm and full_clean(); Locatie.validate_constraints() puts each on its field and
# fills in the row's values.
AMV_TE_GROOT = (
    "Het aantal AMV-plekken ({amv_plekken}) is groter dan het aantal plekken ({plekken})."
)
MAX_TE_KLEIN = "Het maximum ({plekken_max}) is kleiner dan het minimum aantal plekken ({plekken})."
TOT_VOOR_VANAF = "‘Beschikbaar tot en met’ ligt vóór ‘beschikbaar vanaf’."
VANAF_VERPLICHT = "Vul in vanaf wanneer de plekken beschikbaar zijn (status ‘{status}’)."
# violation_error_code -> the field whose error it is.
CONSTRAINT_VELDEN = {
    "amv_te_groot": "amv_plekken",
    "max_te_klein": "plekken_max",
    "tot_voor_vanaf": "beschikbaar_tot",
    "vanaf_verplicht": "beschikbaar_vanaf",
}


@dataclass(frozen=True)
class LocatieVeld:
    naam: str  # the Locatie field
    breedte: int  # its column's width in workbooks
    kop: str = ""  # the workbook and export header, when not the verbose_name
    kort: str = ""  # the web table's header, when not the verbose_name
    telregel: str = ""  # its LocatieWaarden attribute, when the counting rules read it
    in_tabel: bool = True

    @cached_property
    def field(self):
        # Looked up when first used: models.py itself reads TELREGEL_VELDEN.
        return apps.get_model("opvang", "Locatie")._meta.get_field(self.naam)

    @property
    def label(self):
        return self.kop or capfirst(self.field.verbose_name)

    @property
    def type(self):
        """Return how a cell of this field is read and written: tekst, getal, datum, keuze."""
        if self.field.choices:
            return KEUZE
        internal = self.field.get_internal_type()
        if internal == "DateField":
            return DATUM
        return GETAL if "Integer" in internal else TEKST

    @property
    def keuzes(self):
        """Return the (value, label) pairs of a choice field; () for other fields."""
        return tuple(self.field.flatchoices) if self.field.choices else ()

    def cel(self, waarde):
        """Return the value as a workbook cell holds it: a choice by its label."""
        if self.keuzes:
            return dict(self.keuzes).get(waarde, waarde)
        return waarde

    def toon(self, waarde):
        """Return the value as users read it: a choice's label, a Dutch date, '' for empty."""
        if waarde is None or waarde == "":
            return ""
        if self.keuzes:
            return str(self.cel(waarde))
        if isinstance(waarde, datetime):
            waarde = waarde.date()
        if isinstance(waarde, date):
            return f"{waarde.day}-{waarde.month}-{waarde.year}"
        return str(waarde)


LOCATIE_VELDEN = (
    LocatieVeld("naam", 38),
    LocatieVeld("soort", 24, telregel="soort"),
    LocatieVeld("status", 18, telregel="status"),
    LocatieVeld("plekken", 10, telregel="plekken"),
    LocatieVeld("plekken_max", 13, kop="Plekken max", kort="max.", telregel="plekken_max"),
    LocatieVeld("amv_plekken", 14, kort="AMV", telregel="amv_plekken"),
    LocatieVeld("beschikbaar_vanaf", 18, kort="vanaf", telregel="vanaf"),
    LocatieVeld("beschikbaar_tot", 18, kop="Beschikbaar tot", kort="tot en met", telregel="tot"),
    LocatieVeld("toelichting", 50, in_tabel=False),
)
VELDNAMEN = tuple(v.naam for v in LOCATIE_VELDEN)
TABEL_VELDEN = tuple(v for v in LOCATIE_VELDEN if v.in_tabel)
# LocatieWaarden attribute -> Locatie field: what the counting rules read of a location.
TELREGEL_VELDEN = {v.telregel: v.naam for v in LOCATIE_VELDEN if v.telregel}


def naar_snapshot(locatie):
    """Return a location's fields as plain JSON values, as Indiening.snapshot keeps them."""
    return {
        naam: (waarde.isoformat() if isinstance(waarde, date) else waarde)
        for naam in VELDNAMEN
        for waarde in [getattr(locatie, naam)]
    }


def waarden_uit_snapshot(rij):
    """Return the LocatieWaarden of one location row of Indiening.snapshot."""
    vanaf, tot = rij.get("beschikbaar_vanaf"), rij.get("beschikbaar_tot")
    return LocatieWaarden(
        status=rij["status"],
        soort=rij["soort"],
        plekken=rij["plekken"],
        amv_plekken=rij.get("amv_plekken") or 0,
        plekken_max=rij.get("plekken_max"),
        vanaf=date.fromisoformat(vanaf) if vanaf else None,
        tot=date.fromisoformat(tot) if tot else None,
    )


def fouten_per_veld(exc, locatie):
    """Return the constraint errors of a location as {field: errors}, with its values."""
    waarden = {
        "plekken": locatie.plekken,
        "plekken_max": locatie.plekken_max,
        "amv_plekken": locatie.amv_plekken,
        "status": locatie.get_status_display(),
    }
    fouten = {}
    for veld, lijst in exc.error_dict.items():
        for fout in lijst:
            if fout.code in CONSTRAINT_VELDEN:
                veld_van_fout = CONSTRAINT_VELDEN[fout.code]
                fout = ValidationError(fout.message.format(**waarden), code=fout.code)
            else:
                veld_van_fout = veld
            fouten.setdefault(veld_van_fout, []).append(fout)
    return fouten
