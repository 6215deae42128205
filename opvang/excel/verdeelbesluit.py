"""The verdeelbesluit workbook: its columns, the check of every row, preview and template.

One sheet, ‘Verdeelbesluit’, with a row per gemeente: the new opgave, its AMV part and
whether the gemeente is aangewezen with a minimum number of places. The file goes
through the uitvraag import's safety checks (opvang.excel.safety) and reader, and its
cells through the same parsers (opvang.excel.cells); nothing here writes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from openpyxl import Workbook

from gemeenten.models import Gemeente
from kern.formatting import short_date
from kern.forms import WholeNumberField
from kern.xlsx import workbook_bytes, write_header

from ..constants import AANWIJZING_ZONDER_MINIMUM, MINIMUM_ZONDER_AANWIJZING, Grondslag
from ..velden import GETAL, KEUZE
from . import cells
from .format import GEMEENTE_KOLOMMEN, BestandGeweigerd, Fout, Kolom, getal, kop_van, normalize
from .reader import read_sheet
from .safety import check_file
from .validation import GEEN_GEMEENTECODE, NAAM_PAST_NIET, ONBEKENDE_GEMEENTE, OpgaveRijForm
from .writer import _add_validations, _write_explanation_lines, _write_rows

BLAD = "Verdeelbesluit"
JA, NEE = "ja", "nee"
KOLOMMEN = (
    *GEMEENTE_KOLOMMEN,
    Kolom("Opgave", "plekken", GETAL, 12),
    Kolom("Waarvan AMV", "amv_plekken", GETAL, 14),
    Kolom("Aangewezen", "aangewezen", KEUZE, 14, keuzes=((JA, JA), (NEE, NEE))),
    Kolom("Minimum plekken", "minimum_plekken", GETAL, 18),
)
DUBBELE_GEMEENTE = "Deze gemeente staat meer dan eens in het bestand (ook in rij {rij})."
GEEN_RIJEN = "Het tabblad ‘Verdeelbesluit’ bevat geen gemeenten."
LATERE_VERSIE = (
    "De geldende opgave van deze gemeente ({soort}) is van {datum}, na de datum van dit "
    "besluit: de nieuwe versie zou niet gelden. Controleer de datum van het besluit."
)
UITLEG = [
    ("Verdeelbesluit of restopgave laden", True),
    ("", False),
    (
        "Elke rij van het tabblad ‘Verdeelbesluit’ is één gemeente: de opgave volgens het "
        "besluit, het deel daarvan voor AMV, en of de gemeente is aangewezen (ja/nee) met het "
        "minimum aantal plekken dat zij moet realiseren.",
        False,
    ),
    (
        "Elke gemeente in het bestand krijgt een nieuwe versie van haar opgave met de soort "
        "en de datum van het besluit, ook als de getallen gelijk blijven: het besluit is de "
        "nieuwe grondslag. Gemeenten die niet in het bestand staan, houden hun opgave.",
        False,
    ),
    (
        "Opgave — geheel getal, 0 of meer. Waarvan AMV — niet meer dan de opgave; leeg: "
        "geen AMV-deel. Aangewezen — ja of nee; leeg is nee. Minimum plekken — alleen en "
        "altijd bij een aangewezen gemeente.",
        False,
    ),
    (
        "U ziet eerst wat er verandert; pas na bevestigen wordt alles in één keer verwerkt. "
        "Staat er ergens een fout in, dan wordt niets verwerkt en krijgt u alle fouten.",
        False,
    ),
]


class BesluitRijForm(OpgaveRijForm):
    """The opgave's checks (OpgaveRijForm) plus the designation and its minimum."""

    minimum_plekken = WholeNumberField(min_value=0, required=False)

    def __init__(self, data, *, aangewezen):
        super().__init__(data)
        self.aangewezen = aangewezen

    def clean(self):
        data = super().clean()
        minimum = data.get("minimum_plekken")
        if self.aangewezen and minimum is None and "minimum_plekken" not in self.errors:
            self.add_error("minimum_plekken", AANWIJZING_ZONDER_MINIMUM)
        if self.aangewezen is False and minimum is not None:
            self.add_error("minimum_plekken", MINIMUM_ZONDER_AANWIJZING)
        return data


@dataclass(frozen=True)
class BesluitRij:
    """One checked row: what the gemeente's new opgave version will hold."""

    rij: int
    gemeente: Gemeente
    plekken: int
    amv_plekken: int | None
    aangewezen: bool
    minimum_plekken: int | None
    huidig: object  # the applicable Opgave, or None

    def cijfers(self):
        return (self.plekken, self.amv_plekken, self.aangewezen, self.minimum_plekken)

    @property
    def is_gelijk(self):
        h = self.huidig
        return h is not None and (h.plekken, h.amv_plekken, h.aangewezen, h.minimum_plekken) == (
            self.cijfers()
        )


class _Controle:
    def __init__(self, *, user, cyclus, datum, huidig):
        self.gemeenten = {g.code.upper(): g for g in Gemeente.objects.for_user(user)}
        self.datum, self.huidig = datum, huidig(cyclus, list(self.gemeenten.values()))
        self.fouten, self.gezien = [], {}

    def fout(self, rij, veld, waarde, melding):
        kolom = kop_van(KOLOMMEN, veld)
        self.fouten.append(Fout(BLAD, rij.nummer, kolom, cells.as_text(waarde), melding))

    def lees(self, rij, veld, omzetten):
        cel = rij.cellen.get(veld)
        try:
            return omzetten(cel), True
        except cells.CelFout as exc:
            self.fout(rij, veld, cel.waarde, str(exc))
            return None, False

    def gemeente(self, rij):
        code, gelukt = self.lees(rij, "gemeentecode", cells.tekst)
        naam, _ = self.lees(rij, "gemeente", cells.tekst)
        gemeente = self.gemeenten.get((code or "").upper())
        if gelukt and not code:
            self.fout(rij, "gemeentecode", "", GEEN_GEMEENTECODE)
        elif code and gemeente is None:
            self.fout(rij, "gemeentecode", code, ONBEKENDE_GEMEENTE)
        elif gemeente is not None and naam and normalize(naam) != normalize(gemeente.naam):
            melding = NAAM_PAST_NIET.format(code=gemeente.code, naam=gemeente.naam)
            self.fout(rij, "gemeente", naam, melding)
        return self._eerste_keer(rij, gemeente) if gemeente else None

    def _eerste_keer(self, rij, gemeente):
        if gemeente.pk in self.gezien:
            melding = DUBBELE_GEMEENTE.format(rij=self.gezien[gemeente.pk])
            return self.fout(rij, "gemeentecode", gemeente.code, melding)
        self.gezien[gemeente.pk] = rij.nummer
        return gemeente

    def check(self, rij):
        gemeente = self.gemeente(rij)
        waarden, mislukt = self._cellen(rij)
        # None: the cell could not be read, so the minimum is not checked against it.
        aangewezen = None if "aangewezen" in mislukt else waarden.pop("aangewezen") == JA
        waarden.pop("aangewezen", None)
        form = BesluitRijForm(
            {k: "" if v is None else v for k, v in waarden.items()}, aangewezen=aangewezen
        )
        valid = form.is_valid()
        for veld, meldingen in form.errors.items():
            for melding in meldingen if veld not in mislukt else []:
                self.fout(rij, veld, waarden.get(veld), melding)
        if gemeente is None or not valid or mislukt:
            return None
        return self._rij(rij, gemeente, form.cleaned_data, aangewezen)

    def _cellen(self, rij):
        """Return ({veld: value}, the fields whose cell could not be read)."""
        waarden, mislukt = {}, set()
        omzetten = {
            "plekken": cells.geheel_getal,
            "amv_plekken": cells.geheel_getal,
            "minimum_plekken": cells.geheel_getal,
            "aangewezen": lambda c: cells.keuze(c, KOLOMMEN[4].keuzes),
        }
        for veld, functie in omzetten.items():
            waarden[veld], gelukt = self.lees(rij, veld, functie)
            if not gelukt:
                mislukt.add(veld)
        return waarden, mislukt

    def _rij(self, rij, gemeente, d, aangewezen):
        huidig = self.huidig.get(gemeente.pk)
        if huidig is not None and huidig.datum > self.datum:
            soort = huidig.get_grondslag_display()
            melding = LATERE_VERSIE.format(soort=soort, datum=short_date(huidig.datum))
            return self.fout(rij, "gemeentecode", gemeente.code, melding)
        minimum = d["minimum_plekken"] if aangewezen else None
        return BesluitRij(
            rij.nummer, gemeente, d["plekken"], d["amv_plekken"], aangewezen, minimum, huidig
        )


def besluit_plan(*, bestand, bestandsnaam, user, cyclus, datum, huidig):
    """Return the BesluitRij of every row, or raise BestandGeweigerd with all errors.

    huidig(cyclus, gemeenten) returns {gemeente_id: applicable Opgave}.
    """
    check_file(bestand, bestandsnaam)
    rijen = read_sheet(bestand, BLAD, KOLOMMEN)
    if not rijen:
        raise BestandGeweigerd([Fout(BLAD, None, "", "", GEEN_RIJEN)], "empty")
    controle = _Controle(user=user, cyclus=cyclus, datum=datum, huidig=huidig)
    plan = [controle.check(rij) for rij in rijen]
    if controle.fouten:
        raise BestandGeweigerd(controle.fouten, "rows")
    return plan


def opgave_tekst(plekken, amv):
    return f"{getal(plekken)} (AMV {getal(amv)})" if amv is not None else getal(plekken)


def _voorbeeld_rij(r):
    h = r.huidig
    return {
        "rij": r.rij,
        "code": r.gemeente.code,
        "naam": r.gemeente.naam,
        "huidig": h.pk if h else None,
        "oud": opgave_tekst(h.plekken, h.amv_plekken) if h else "",
        "oud_soort": str(Grondslag(h.grondslag).label) if h else "",
        "nieuw": opgave_tekst(r.plekken, r.amv_plekken),
        "aangewezen": r.aangewezen,
        "minimum": getal(r.minimum_plekken) if r.minimum_plekken is not None else "",
        "gelijk": r.is_gelijk,
    }


def samenvatting(plan):
    """Return the preview as plain JSON, as stored on the record and compared on confirm."""
    rijen = [_voorbeeld_rij(r) for r in sorted(plan, key=lambda r: r.gemeente.naam)]
    totaal = {
        "gemeenten": len(rijen),
        "gelijk": sum(1 for r in rijen if r["gelijk"]),
        "aangewezen": sum(1 for r in rijen if r["aangewezen"]),
    }
    return json.loads(json.dumps({"rijen": rijen, "totaal": totaal}))


def sjabloon_maken(rijen):
    """Return the verdeelbesluit template (.xlsx): rijen are [code, naam, plekken, amv, ja/nee,
    minimum] per gemeente, prefilled with the applicable opgaven."""
    boek = Workbook()
    boek.active.title = "Uitleg"
    _write_explanation_lines(boek.active, UITLEG)
    blad = boek.create_sheet(BLAD)
    write_header(blad, [k.kop for k in KOLOMMEN], [k.breedte for k in KOLOMMEN])
    _write_rows(blad, KOLOMMEN, rijen)
    _add_validations(blad, KOLOMMEN, len(rijen) + 100)
    return workbook_bytes(boek)
