"""Check an uploaded workbook against the user's scope and plan what it changes.

Every row of the sheet Locaties is validated by LocatieForm, the form of the web pages;
a location is matched on gemeente + naam (spaces collapsed, case ignored, as
LocatieForm.clean_naam does). Nothing here writes: `plan_maken()` returns a Plan or
raises BestandGeweigerd with every error of the file (opvang.services_import writes).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from django import forms

from gemeenten.access import may_import_provincie
from gemeenten.constants import Rol
from gemeenten.models import Gemeente
from kern.forms import WholeNumberField

from ..models import Locatie
from ..selectors import geldende_opgaven
from ..velden import DATUM, GETAL, KEUZE, TEKST, VELDNAMEN
from . import cells
from .format import (
    BLAD_OPGAVE,
    LOCATIE_KOLOMMEN,
    OPGAVE_KOLOMMEN,
    BestandGeweigerd,
    Fout,
    kop_van,
    normalize,
)
from .forms import ImportLocatieForm
from .preview import GEWIJZIGD, NIEUW, ONGEWIJZIGD, verschillen
from .reader import read_workbook
from .safety import check_file

GEEN_GEMEENTECODE = "Vul de gemeentecode in (GM gevolgd door 4 cijfers)."
ANDERE_GEMEENTE = "U kunt alleen locaties van gemeente {naam} ({code}) importeren."
ONBEKENDE_GEMEENTE = "Onbekende gemeentecode, of een gemeente buiten uw provincie."
NAAM_PAST_NIET = "De gemeentenaam past niet bij code {code} ({naam})."
DUBBELE_LOCATIE = "Deze locatie staat meer dan eens in het bestand (ook in rij {rij})."
DUBBELE_OPGAVE = "Deze gemeente staat meer dan eens op het tabblad Opgave (ook in rij {rij})."
OPGAVE_NIET_TOEGESTAAN = (
    "Het tabblad ‘Opgave’ is alleen voor de provincie; verwijder het tabblad of de rijen."
)
GEEN_CYCLUS = "Kies de cyclus waarvoor de opgaven gelden."
OPGAVE_AMV_TE_GROOT = "Het aantal AMV-plekken is groter dan de opgave."
GEMEENTE_VELDEN = ("gemeentecode", "gemeente")


class OpgaveRijForm(forms.Form):
    plekken = WholeNumberField(min_value=0)
    amv_plekken = WholeNumberField(min_value=0, required=False)

    def clean(self):
        data = super().clean()
        plekken, amv = data.get("plekken"), data.get("amv_plekken")
        if plekken is not None and amv is not None and amv > plekken:
            self.add_error("amv_plekken", OPGAVE_AMV_TE_GROOT)
        return data


@dataclass
class LocatieActie:
    rij: int
    gemeente: Gemeente
    data: dict
    locatie: Locatie | None
    velden: list  # [(label, old, new)] as shown to users

    @property
    def uitkomst(self):
        """Return what the row does: nieuw, gewijzigd or ongewijzigd (opvang.excel.preview)."""
        if self.locatie is None:
            return NIEUW
        return GEWIJZIGD if self.velden else ONGEWIJZIGD


@dataclass
class OpgaveActie:
    rij: int
    gemeente: Gemeente
    plekken: int
    amv_plekken: int | None
    huidig: object  # the applicable Opgave, or None

    @property
    def is_gewijzigd(self):
        h = self.huidig
        return h is None or (h.plekken, h.amv_plekken) != (self.plekken, self.amv_plekken)


@dataclass
class Plan:
    locaties: list = field(default_factory=list)
    opgaven: list = field(default_factory=list)

    def aantal(self, uitkomst):
        return sum(1 for a in self.locaties if a.uitkomst == uitkomst)

    def aantal_opgaven(self):
        """Return the number of targets the plan records (unchanged ones add nothing)."""
        return sum(1 for a in self.opgaven if a.is_gewijzigd)


def _keuze(kolom):
    return lambda cel: cells.keuze(cel, kolom.keuzes)


OMZETTEN = {TEKST: cells.tekst, GETAL: cells.geheel_getal, DATUM: cells.datum}


class _Controle:
    """Validate all rows against the user's scope; collect every error."""

    def __init__(self, *, user, gemeente, provincie, cyclus):
        self.user, self.cyclus = user, cyclus
        scope = Gemeente.objects.for_user(user)
        if gemeente is not None:
            scope = scope.filter(pk=gemeente.pk)
        if provincie is not None:
            scope = scope.filter(provincie=provincie)
        self.gemeenten = {g.code.upper(): g for g in scope}
        self.bestaand = {
            (loc.gemeente_id, normalize(loc.naam)): loc
            for loc in Locatie.objects.filter(gemeente__in=self.gemeenten.values())
        }
        # Every existing name of the scope, for the name check of each row in memory.
        self.namen = {(g, loc.naam.lower()): loc.pk for (g, _), loc in self.bestaand.items()}
        self.fouten = []

    def fout(self, rij, kolommen, veld, waarde, melding):
        self.fouten.append(
            Fout(rij.blad, rij.nummer, kop_van(kolommen, veld), cells.as_text(waarde), melding)
        )

    def gemeente_van(self, rij, kolommen):
        cel = rij.cellen.get("gemeentecode")
        try:
            code = cells.tekst(cel).upper()
        except cells.CelFout as exc:
            return self.fout(rij, kolommen, "gemeentecode", cel.waarde, str(exc))
        gemeente = self.gemeenten.get(code)
        if not code:
            self.fout(rij, kolommen, "gemeentecode", "", GEEN_GEMEENTECODE)
        elif gemeente is None:
            self.fout(rij, kolommen, "gemeentecode", code, self._buiten_scope())
        else:
            self._check_naam(rij, kolommen, gemeente)
        return gemeente

    def _buiten_scope(self):
        if self.user.rol == Rol.GEMEENTE:
            eigen = self.user.gemeente
            return ANDERE_GEMEENTE.format(naam=eigen.naam, code=eigen.code)
        return ONBEKENDE_GEMEENTE

    def _check_naam(self, rij, kolommen, gemeente):
        cel = rij.cellen.get("gemeente")
        try:
            naam = cells.tekst(cel)
        except cells.CelFout as exc:
            return self.fout(rij, kolommen, "gemeente", cel.waarde, str(exc))
        if naam and normalize(naam) != normalize(gemeente.naam):
            melding = NAAM_PAST_NIET.format(code=gemeente.code, naam=gemeente.naam)
            self.fout(rij, kolommen, "gemeente", naam, melding)

    def waarden(self, rij, kolommen):
        """Return ({veld: value}, failed fields) of the row's cells; a Fout for each failure."""
        waarden, mislukt = {}, set()
        for kolom in kolommen:
            if kolom.veld in GEMEENTE_VELDEN:
                continue
            cel = rij.cellen.get(kolom.veld)
            omzetten = _keuze(kolom) if kolom.type == KEUZE else OMZETTEN[kolom.type]
            try:
                waarden[kolom.veld] = omzetten(cel)
            except cells.CelFout as exc:
                mislukt.add(kolom.veld)
                self.fout(rij, kolommen, kolom.veld, cel.waarde, str(exc))
        return waarden, mislukt

    def form_fouten(self, rij, kolommen, form, waarden, mislukt):
        """Add the form's errors, except on cells that could not be read at all."""
        for veld, fouten in form.errors.items():
            for melding in fouten if veld not in mislukt else []:
                self.fout(rij, kolommen, veld, waarden.get(veld), melding)


def _form_data(waarden):
    data = dict(waarden)
    for veld in ("plekken", "plekken_max", "beschikbaar_vanaf", "beschikbaar_tot"):
        if data.get(veld) is None:
            data[veld] = ""
    if data.get("amv_plekken") is None:
        data["amv_plekken"] = 0  # empty means none of the places is for AMV
    return data


def _check_locatie(controle, rij, gezien):
    gemeente = controle.gemeente_van(rij, LOCATIE_KOLOMMEN)
    waarden, mislukt = controle.waarden(rij, LOCATIE_KOLOMMEN)
    if gemeente is None:
        return None
    sleutel = (gemeente.pk, normalize(waarden.get("naam", "")))
    if sleutel[1] and sleutel in gezien:
        melding = DUBBELE_LOCATIE.format(rij=gezien[sleutel])
        controle.fout(rij, LOCATIE_KOLOMMEN, "naam", waarden["naam"], melding)
        return None
    gezien[sleutel] = rij.nummer
    bestaand = controle.bestaand.get(sleutel)
    # The form writes cleaned data onto its instance: give it a copy, keep the original.
    form = ImportLocatieForm(
        _form_data(waarden),
        instance=copy.copy(bestaand) if bestaand else None,
        gemeente=gemeente,
        namen=controle.namen,
    )
    if not form.is_valid():
        return controle.form_fouten(rij, LOCATIE_KOLOMMEN, form, waarden, mislukt)
    data = {k: form.cleaned_data[k] for k in VELDNAMEN}
    return LocatieActie(rij.nummer, gemeente, data, bestaand, verschillen(bestaand, data))


def _check_opgaven(controle, rijen):
    if not rijen:
        return []
    if not may_import_provincie(controle.user):
        controle.fouten.append(Fout(BLAD_OPGAVE, rijen[0].nummer, "", "", OPGAVE_NIET_TOEGESTAAN))
        return []
    if controle.cyclus is None:
        controle.fouten.append(Fout(BLAD_OPGAVE, None, "", "", GEEN_CYCLUS))
        return []
    huidig = geldende_opgaven(controle.cyclus, list(controle.gemeenten.values()))
    gezien = {}
    acties = [_check_opgave(controle, rij, huidig, gezien) for rij in rijen]
    return [a for a in acties if a is not None]


def _check_opgave(controle, rij, huidig, gezien):
    gemeente = controle.gemeente_van(rij, OPGAVE_KOLOMMEN)
    waarden, mislukt = controle.waarden(rij, OPGAVE_KOLOMMEN)
    if gemeente is None:
        return None
    if gemeente.pk in gezien:
        melding = DUBBELE_OPGAVE.format(rij=gezien[gemeente.pk])
        controle.fout(rij, OPGAVE_KOLOMMEN, "gemeentecode", gemeente.code, melding)
        return None
    gezien[gemeente.pk] = rij.nummer
    form = OpgaveRijForm({k: "" if v is None else v for k, v in waarden.items()})
    if not form.is_valid():
        return controle.form_fouten(rij, OPGAVE_KOLOMMEN, form, waarden, mislukt)
    d = form.cleaned_data
    return OpgaveActie(
        rij.nummer, gemeente, d["plekken"], d["amv_plekken"], huidig.get(gemeente.pk)
    )


def plan_maken(*, bestand, bestandsnaam, user, gemeente=None, provincie=None, cyclus=None):
    """Return the Plan of a file, or raise BestandGeweigerd with every error in it.

    Rows may only be of the gemeente, or of the province, and always of the user's scope.
    """
    check_file(bestand, bestandsnaam)
    werkboek = read_workbook(bestand)
    controle = _Controle(user=user, gemeente=gemeente, provincie=provincie, cyclus=cyclus)
    gezien = {}
    acties = [_check_locatie(controle, rij, gezien) for rij in werkboek.locaties]
    plan = Plan(locaties=[a for a in acties if a is not None])
    plan.opgaven = _check_opgaven(controle, werkboek.opgaven or [])
    if controle.fouten:
        raise BestandGeweigerd(controle.fouten, "rows")
    return plan
