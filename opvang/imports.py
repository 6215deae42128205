"""Import an uitvraag workbook: check it, preview what changes, write it all or nothing.

Every row of the sheet Locaties is validated by LocatieForm, the form of the web pages;
a location is matched on gemeente + naam (spaces collapsed, case ignored, as
LocatieForm.clean_naam does). Unchanged rows are not saved, so importing the same file
twice changes nothing and adds no history. One error anywhere refuses the whole file.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.utils import timezone

from gemeenten.constants import Rol
from gemeenten.models import Gemeente
from kern.audit import toeschrijven
from kern.forms import WholeNumberField
from kern.text import without_control_characters

from . import services
from .access import may_import_provincie
from .constants import Soort, Status
from .excel import cells
from .excel.format import (
    BLAD_OPGAVE,
    LOCATIE_KOLOMMEN,
    OPGAVE_KOLOMMEN,
    BestandGeweigerd,
    Fout,
    getal,
    kop_van,
    normaliseer,
)
from .excel.reader import lees_werkboek
from .excel.safety import controleer_bestand
from .forms import LocatieForm
from .models import Locatie, UitvraagImport
from .selectors import geldende_opgaven
from .services import LOCATIE_VELDEN

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
VEROUDERD = (
    "Sinds de controle van dit bestand zijn gegevens gewijzigd ({wat}). Er is niets "
    "verwerkt; upload het bestand opnieuw om de actuele wijzigingen te zien."
)
NIET_MEER_GELDIG = "Dit bestand is al verwerkt of afgewezen."
AL_VERWERKT = "Dit bestand is al verwerkt; er is niets dubbel verwerkt."


class ImportVerouderd(Exception):
    """The data changed between preview and confirmation."""


class OpgaveRijForm(forms.Form):
    plekken = WholeNumberField(min_value=0)
    amv_plekken = WholeNumberField(min_value=0, required=False)

    def clean(self):
        data = super().clean()
        plekken, amv = data.get("plekken"), data.get("amv_plekken")
        if plekken is not None and amv is not None and amv > plekken:
            self.add_error("amv_plekken", "Het aantal AMV-plekken is groter dan de opgave.")
        return data


@dataclass
class LocatieActie:
    rij: int
    gemeente: Gemeente
    data: dict
    locatie: Locatie | None
    velden: list  # [(label, old, new)] as shown to users

    @property
    def soort(self):
        if self.locatie is None:
            return "nieuw"
        return "gewijzigd" if self.velden else "ongewijzigd"


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

    def aantal(self, soort):
        return sum(1 for a in self.locaties if a.soort == soort)

    def samenvatting(self):
        """Return the preview as plain JSON: what the user confirms, per gemeente."""
        per_gemeente = {}
        for actie in self.locaties:
            g = actie.gemeente
            groep = per_gemeente.setdefault(
                g.code,
                {"code": g.code, "naam": g.naam, "nieuw": [], "gewijzigd": [], "ongewijzigd": []},
            )
            groep[actie.soort].append(
                {
                    "rij": actie.rij,
                    "naam": actie.data["naam"],
                    "id": actie.locatie.pk if actie.locatie else None,
                    "versie": actie.locatie.version if actie.locatie else None,
                    "velden": [[label, oud, nieuw] for label, oud, nieuw in actie.velden],
                }
            )
        opgaven = [
            {
                "rij": a.rij,
                "code": a.gemeente.code,
                "naam": a.gemeente.naam,
                "oud": _opgave_tekst(a.huidig.plekken, a.huidig.amv_plekken) if a.huidig else "",
                "nieuw": _opgave_tekst(a.plekken, a.amv_plekken),
                "gewijzigd": a.is_gewijzigd,
            }
            for a in self.opgaven
        ]
        samenvatting = {
            "gemeenten": [per_gemeente[c] for c in sorted(per_gemeente)],
            "opgaven": opgaven,
            "totaal": {
                "nieuw": self.aantal("nieuw"),
                "gewijzigd": self.aantal("gewijzigd"),
                "ongewijzigd": self.aantal("ongewijzigd"),
                "opgaven": sum(1 for a in self.opgaven if a.is_gewijzigd),
            },
        }
        return json.loads(json.dumps(samenvatting))  # exactly what a JSONField gives back


def _opgave_tekst(plekken, amv):
    return f"{getal(plekken)} (AMV {getal(amv)})" if amv is not None else getal(plekken)


def _toon(model_field, waarde):
    """Return a value as users read it: a choice's label, a Dutch date, '' for empty."""
    if waarde is None or waarde == "":
        return ""
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(waarde, waarde))
    return cells.weergave(waarde)


def _verschillen(locatie, data):
    velden = []
    for naam in LOCATIE_VELDEN:
        f = Locatie._meta.get_field(naam)
        oud = getattr(locatie, naam) if locatie else None
        if locatie is None or oud != data[naam]:
            velden.append((str(f.verbose_name), _toon(f, oud), _toon(f, data[naam])))
    if locatie is None:
        return [v for v in velden if v[2] != ""]
    return velden


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
            (loc.gemeente_id, normaliseer(loc.naam)): loc
            for loc in Locatie.objects.filter(gemeente__in=self.gemeenten.values())
        }
        self.fouten = []

    def fout(self, rij, kolommen, veld, waarde, melding):
        self.fouten.append(
            Fout(rij.blad, rij.nummer, kop_van(kolommen, veld), cells.weergave(waarde), melding)
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
        elif gemeente is None and self.user.rol == Rol.GEMEENTE:
            eigen = self.user.gemeente
            self.fout(
                rij, kolommen, "gemeentecode", code,
                ANDERE_GEMEENTE.format(naam=eigen.naam, code=eigen.code),
            )  # fmt: skip
        elif gemeente is None:
            self.fout(rij, kolommen, "gemeentecode", code, ONBEKENDE_GEMEENTE)
        else:
            self._controleer_naam(rij, kolommen, gemeente)
        return gemeente

    def _controleer_naam(self, rij, kolommen, gemeente):
        cel = rij.cellen.get("gemeente")
        try:
            naam = cells.tekst(cel)
        except cells.CelFout as exc:
            return self.fout(rij, kolommen, "gemeente", cel.waarde, str(exc))
        if naam and normaliseer(naam) != normaliseer(gemeente.naam):
            melding = NAAM_PAST_NIET.format(code=gemeente.code, naam=gemeente.naam)
            self.fout(rij, kolommen, "gemeente", naam, melding)

    def waarden(self, rij, kolommen):
        """Return {veld: value} of the row's cells; a Fout for each cell that fails."""
        omzetten = {
            "tekst": cells.tekst,
            "getal": cells.geheel_getal,
            "datum": cells.datum,
            "soort": lambda c: cells.keuze(c, Soort),
            "status": lambda c: cells.keuze(c, Status),
        }
        waarden, mislukt = {}, set()
        for kolom in kolommen:
            if kolom.veld in ("gemeentecode", "gemeente"):
                continue
            cel = rij.cellen.get(kolom.veld)
            try:
                waarden[kolom.veld] = omzetten[kolom.soort](cel)
            except cells.CelFout as exc:
                mislukt.add(kolom.veld)
                self.fout(rij, kolommen, kolom.veld, cel.waarde, str(exc))
        return waarden, mislukt


def _form_data(waarden):
    data = dict(waarden)
    for veld in ("plekken", "plekken_max", "beschikbaar_vanaf", "beschikbaar_tot"):
        if data.get(veld) is None:
            data[veld] = ""
    if data.get("amv_plekken") is None:
        data["amv_plekken"] = 0  # empty means none of the places is for AMV
    return data


def _controleer_locatie(controle, rij, gezien):
    gemeente = controle.gemeente_van(rij, LOCATIE_KOLOMMEN)
    waarden, mislukt = controle.waarden(rij, LOCATIE_KOLOMMEN)
    if gemeente is None:
        return None
    sleutel = (gemeente.pk, normaliseer(waarden.get("naam", "")))
    if sleutel[1] and sleutel in gezien:
        melding = DUBBELE_LOCATIE.format(rij=gezien[sleutel])
        controle.fout(rij, LOCATIE_KOLOMMEN, "naam", waarden["naam"], melding)
        return None
    gezien[sleutel] = rij.nummer
    bestaand = controle.bestaand.get(sleutel)
    # The form writes cleaned data onto its instance: give it a copy, keep the original.
    form = LocatieForm(
        _form_data(waarden), instance=copy.copy(bestaand) if bestaand else None, gemeente=gemeente
    )
    if not form.is_valid():
        for veld, fouten in form.errors.items():
            if veld not in mislukt:
                for melding in fouten:
                    controle.fout(rij, LOCATIE_KOLOMMEN, veld, waarden.get(veld), melding)
        return None
    data = {k: form.cleaned_data[k] for k in LOCATIE_VELDEN}
    return LocatieActie(rij.nummer, gemeente, data, bestaand, _verschillen(bestaand, data))


def _controleer_opgaven(controle, rijen):
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
    acties = [_controleer_opgave(controle, rij, huidig, gezien) for rij in rijen]
    return [a for a in acties if a is not None]


def _controleer_opgave(controle, rij, huidig, gezien):
    gemeente = controle.gemeente_van(rij, OPGAVE_KOLOMMEN)
    waarden, mislukt = {}, set()
    for veld in ("plekken", "amv_plekken"):
        try:
            waarden[veld] = cells.geheel_getal(rij.cellen.get(veld))
        except cells.CelFout as exc:
            mislukt.add(veld)
            controle.fout(rij, OPGAVE_KOLOMMEN, veld, rij.cellen[veld].waarde, str(exc))
    if gemeente is None:
        return None
    if gemeente.pk in gezien:
        melding = DUBBELE_OPGAVE.format(rij=gezien[gemeente.pk])
        controle.fout(rij, OPGAVE_KOLOMMEN, "gemeentecode", gemeente.code, melding)
        return None
    gezien[gemeente.pk] = rij.nummer
    form = OpgaveRijForm({k: "" if v is None else v for k, v in waarden.items()})
    if not form.is_valid():
        for veld, fouten in form.errors.items():
            for melding in fouten if veld not in mislukt else []:
                controle.fout(rij, OPGAVE_KOLOMMEN, veld, waarden.get(veld), melding)
        return None
    d = form.cleaned_data
    return OpgaveActie(
        rij.nummer, gemeente, d["plekken"], d["amv_plekken"], huidig.get(gemeente.pk)
    )


def plan_maken(*, inhoud, bestandsnaam, user, gemeente=None, provincie=None, cyclus=None):
    """Return the Plan of a file, or raise BestandGeweigerd with every error in it.

    Rows may only be of the gemeente, or of the province, and always of the user's scope.
    """
    controleer_bestand(inhoud, bestandsnaam)
    werkboek = lees_werkboek(inhoud)
    controle = _Controle(user=user, gemeente=gemeente, provincie=provincie, cyclus=cyclus)
    gezien = {}
    acties = [_controleer_locatie(controle, rij, gezien) for rij in werkboek.locaties]
    plan = Plan(locaties=[a for a in acties if a is not None])
    plan.opgaven = _controleer_opgaven(controle, werkboek.opgaven or [])
    if controle.fouten:
        raise BestandGeweigerd(controle.fouten, "rows")
    return plan


def import_voorbereiden(
    *,
    inhoud,
    bestandsnaam,
    user,
    gemeente=None,
    provincie=None,
    cyclus=None,
    opgave_soort="",
    bron="",
):
    """Check the file and record it with its preview; raise BestandGeweigerd if it fails.

    A refused file leaves no trace in the database (it is reported in the security log
    by the caller). The file name is cleaned as every text (kern.text): it is shown in
    lists and in the change reason of every location the import writes.
    """
    bestandsnaam = without_control_characters(bestandsnaam)
    plan = plan_maken(
        inhoud=inhoud,
        bestandsnaam=bestandsnaam,
        user=user,
        gemeente=gemeente,
        provincie=provincie,
        cyclus=cyclus,
    )
    record = UitvraagImport(
        bestandsnaam=bestandsnaam[:255],
        sha256=hashlib.sha256(inhoud).hexdigest(),
        inhoud=inhoud,
        gemeente=gemeente,
        provincie=provincie,
        cyclus=cyclus,
        opgave_soort=opgave_soort if plan.opgaven else "",
        bron=(bron or bestandsnaam)[:300] if plan.opgaven else "",
        voorbeeld=plan.samenvatting(),
        uploaded_by=user,
    )
    toeschrijven(record, user)
    record.save()
    return record


def _afwijzen(record, user, melding):
    record.status = UitvraagImport.Status.AFGEWEZEN
    record.melding = melding
    toeschrijven(record, user)
    record.save()


def _wat_veranderde(oud, nieuw):
    """Return the names of locations whose preview entry differs, for the message."""

    def per_naam(samenvatting):
        return {
            (g["code"], r["naam"]): (soort, r["versie"], r["velden"])
            for g in samenvatting["gemeenten"]
            for soort in ("nieuw", "gewijzigd", "ongewijzigd")
            for r in g[soort]
        }

    a, b = per_naam(oud), per_naam(nieuw)
    namen = sorted({sleutel[1] for sleutel in set(a) | set(b) if a.get(sleutel) != b.get(sleutel)})
    return ", ".join(f"‘{n}’" for n in namen[:5]) or "opgave"


def import_verwerken(*, record, user):
    """Re-check the stored file and write it in one transaction; return the record.

    The record is locked and its status re-checked first, so of two confirmations at the
    same moment one processes the file and the other gets AL_VERWERKT, leaving the
    record as the first left it. Raise BestandGeweigerd if the file no longer validates,
    ImportVerouderd if anything differs from the preview the user confirmed (someone
    changed a location meanwhile); the record is then afgewezen with the reason.
    """
    with transaction.atomic():
        huidig = UitvraagImport.objects.select_for_update().get(pk=record.pk)
        if huidig.status != UitvraagImport.Status.PREVIEW:
            verwerkt = huidig.status == UitvraagImport.Status.VERWERKT
            raise ImportVerouderd(AL_VERWERKT if verwerkt else NIET_MEER_GELDIG)
        try:
            with transaction.atomic():
                _verwerk(huidig, user)
        except (BestandGeweigerd, ImportVerouderd, services.VersieConflict) as exc:
            fout = exc
            _afwijzen(huidig, user, _melding(exc))
        else:
            fout = None
    if isinstance(fout, services.VersieConflict):
        raise ImportVerouderd(_melding(fout)) from fout
    if fout is not None:
        raise fout
    return huidig


def _verwerk(record, user):
    inhoud = bytes(record.inhoud)
    if hashlib.sha256(inhoud).hexdigest() != record.sha256:
        raise ImportVerouderd(VEROUDERD.format(wat="bestand"))
    plan = plan_maken(
        inhoud=inhoud,
        bestandsnaam=record.bestandsnaam,
        user=user,
        gemeente=record.gemeente,
        provincie=record.provincie,
        cyclus=record.cyclus,
    )
    if plan.samenvatting() != record.voorbeeld:
        wat = _wat_veranderde(record.voorbeeld, plan.samenvatting())
        raise ImportVerouderd(VEROUDERD.format(wat=wat))
    _schrijf(plan, record, user)


def _melding(exc):
    """Return why the import was refused, as recorded on it."""
    if isinstance(exc, BestandGeweigerd):
        return exc.fouten[0].melding
    if isinstance(exc, services.VersieConflict):
        return VEROUDERD.format(wat=f"‘{exc.huidig.naam}’")
    return str(exc)


def _schrijf(plan, record, user):
    reden = record.reden
    for actie in plan.locaties:
        if actie.soort == "nieuw":
            services.locatie_aanmaken(
                gemeente=actie.gemeente, data=actie.data, user=user, reden=reden
            )
        elif actie.soort == "gewijzigd":
            services.locatie_wijzigen(
                locatie=actie.locatie,
                versie=actie.locatie.version,
                data=actie.data,
                user=user,
                reden=reden,
            )
    vandaag = timezone.localdate()
    for actie in plan.opgaven:
        if actie.is_gewijzigd:
            services.opgave_vastleggen(
                gemeente=actie.gemeente,
                cyclus=record.cyclus,
                soort=record.opgave_soort,
                plekken=actie.plekken,
                amv_plekken=actie.amv_plekken,
                bron=record.bron,
                datum=vandaag,
                user=user,
            )
    record.status = UitvraagImport.Status.VERWERKT
    record.toegevoegd = plan.aantal("nieuw")
    record.gewijzigd = plan.aantal("gewijzigd")
    record.opgaven = sum(1 for a in plan.opgaven if a.is_gewijzigd)
    record.processed_at = timezone.now()
    toeschrijven(record, user)
    record.save()


def samenvatting_tekst(samenvatting):
    """Return a one-line Dutch summary of a preview."""
    t = samenvatting["totaal"]
    locaties = "locatie" if t["nieuw"] == 1 else "locaties"
    opgaven = "opgave" if t["opgaven"] == 1 else "opgaven"
    return (
        f"{t['nieuw']} {locaties} toegevoegd, {t['gewijzigd']} gewijzigd, "
        f"{t['ongewijzigd']} ongewijzigd; {t['opgaven']} {opgaven} vastgelegd."
    )


def heeft_wijzigingen(samenvatting):
    t = samenvatting["totaal"]
    return bool(t["nieuw"] or t["gewijzigd"] or t["opgaven"])
