"""Reads that assemble figures for pages: every figure comes from telregels.tel()."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from gemeenten.models import Gemeente

from .constants import IndieningStatus, VoortgangStatus
from .models import Cyclus, Indiening, Locatie, Opgave
from .telregels import Dekking, Telling, tel
from .vraag import standaard_cyclus


@dataclass(frozen=True)
class GemeenteCijfers(Dekking):
    gemeente: object
    cyclus: Cyclus
    opgave: Opgave | None
    telling: Telling
    peildatum: date

    @property
    def opgave_plekken(self):
        return self.opgave.plekken if self.opgave else None

    @property
    def opgave_amv(self):
        return self.opgave.amv_plekken if self.opgave else None


def today():
    return timezone.localdate()


def gemeenten_in_cyclus(provincie, cyclus, *, vandaag=None):
    """Return the province's gemeenten as they were in the cycle (herindeling).

    The cycle's indeling_per (a 1 January) decides: a gemeente opgeheven by then is
    left out and its successor listed; one opgeheven later still counts in this cycle.
    Without indeling_per, the gemeenten of today.
    """
    peildag = cyclus.indeling_per or vandaag or today()
    return Gemeente.objects.filter(provincie=provincie).bestaand_op(peildag)


def geldende_opgaven(cyclus, gemeenten):
    """Return {gemeente_id: applicable Opgave} in one query."""
    qs = Opgave.objects.in_cyclus(cyclus).geldend().filter(gemeente__in=gemeenten)
    return {opgave.gemeente_id: opgave for opgave in qs}


def tel_gemeente(*, gemeente, cyclus, opgave, waarden, peildatum) -> GemeenteCijfers:
    """Count one gemeente's figures from its locations' values: the one assembly of them.

    The gemeente page and the province's report (rapportage.selectors) both use it.
    """
    return GemeenteCijfers(
        gemeente=gemeente,
        cyclus=cyclus,
        opgave=opgave,
        telling=tel(waarden, cyclus.telvenster, peildatum),
        peildatum=peildatum,
    )


def cijfers_per_gemeente(*, gemeenten, cyclus, peildatum=None):
    """Return GemeenteCijfers for each gemeente, in three queries whatever their number."""
    peildatum = peildatum or today()
    gemeenten = list(gemeenten)
    opgaven = geldende_opgaven(cyclus, gemeenten)
    waarden = defaultdict(list)
    for locatie in Locatie.objects.filter(gemeente__in=gemeenten):
        waarden[locatie.gemeente_id].append(locatie.waarden)
    return [
        tel_gemeente(
            gemeente=gemeente,
            cyclus=cyclus,
            opgave=opgaven.get(gemeente.pk),
            waarden=waarden[gemeente.pk],
            peildatum=peildatum,
        )
        for gemeente in gemeenten
    ]


def gemeente_cijfers(*, gemeente, cyclus, peildatum=None):
    return cijfers_per_gemeente(gemeenten=[gemeente], cyclus=cyclus, peildatum=peildatum)[0]


def kies_cyclus(nummer, user):
    """Return the cycle asked for, else the one opvang.vraag.standaard_cyclus() picks.

    For pages that only name a cycle in passing (a location, a workbook); pages that
    count on a peildatum bind opvang.vraag.CyclusKeuzeForm, which refuses an unknown one.
    """
    cycli = list(Cyclus.objects.all())
    for cyclus in cycli:
        if str(cyclus.nummer) == str(nummer):
            return cyclus
    return standaard_cyclus(cycli, user)


def voortgang(uitvraag, gemeenten):
    """Return {gemeente_id: (VoortgangStatus, latest Indiening or None)} in two queries.

    Without a submission, a gemeente that changed a location since the uitvraag opened
    is 'concept', otherwise 'niet gestart'.
    """
    laatste = {
        i.gemeente_id: i
        for i in Indiening.objects.filter(uitvraag=uitvraag, gemeente__in=gemeenten)
        .laatste_per_gemeente()
        .select_related("ingediend_door")
    }
    statussen = _statussen(uitvraag, gemeenten, {pk: i.status for pk, i in laatste.items()})
    return {pk: (status, laatste.get(pk)) for pk, status in statussen.items()}


def voortgang_statussen(uitvraag, gemeenten):
    """Return {gemeente_id: VoortgangStatus} as voortgang() does, in two small queries.

    It reads only each latest submission's status, never its snapshot: the report
    needs the status of every gemeente, not what they sent.
    """
    laatste = dict(
        Indiening.objects.filter(uitvraag=uitvraag, gemeente__in=gemeenten)
        .laatste_per_gemeente()
        .values_list("gemeente_id", "status")
    )
    return _statussen(uitvraag, gemeenten, laatste)


def _statussen(uitvraag, gemeenten, laatste):
    # .order_by(): the history model's default ordering would otherwise join the
    # DISTINCT (one row per history record instead of one per gemeente).
    bezig = set(
        Locatie.history.filter(history_date__gte=uitvraag.geopend_op, gemeente__in=gemeenten)
        .order_by()
        .values_list("gemeente_id", flat=True)
        .distinct()
    )
    result = {}
    for gemeente in gemeenten:
        if gemeente.pk in laatste:
            status = VoortgangStatus(laatste[gemeente.pk])
        elif gemeente.pk in bezig:
            status = VoortgangStatus.CONCEPT
        else:
            status = VoortgangStatus.NIET_GESTART
        result[gemeente.pk] = status
    return result


@dataclass(frozen=True)
class Wijziging:
    """One entry of an object's history with the fields it changed."""

    moment: object
    door: object
    ip_address: str | None
    actie: str
    reden: str | None
    velden: list  # [(label, old, new)]


HISTORY_TYPE = {"+": "aangemaakt", "~": "gewijzigd", "-": "verwijderd"}


def _readable(field, value):
    """Return the value as users know it: a choice's label instead of its code."""
    if field.choices and value is not None:
        return dict(field.flatchoices).get(value, value)
    return value


def wijzigingen(obj, velden, *, met_ip_adres=False):
    """Return the object's history, newest first, each with old and new values.

    The IP address is left out (None) unless met_ip_adres: only beheer may see it.
    """
    records = list(obj.history.select_related("history_user").order_by("history_id"))
    model = type(obj)
    result = []
    vorige = None
    for record in records:
        if vorige is None:
            changes = [
                (v, None, getattr(record, v))
                for v in velden
                if getattr(record, v) not in (None, "")
            ]
        else:
            delta = record.diff_against(vorige, included_fields=list(velden))
            changes = [(c.field, c.old, c.new) for c in delta.changes]
        result.append(
            Wijziging(
                moment=record.history_date,
                door=record.history_user,
                ip_address=record.ip_address if met_ip_adres else None,
                actie=HISTORY_TYPE[record.history_type],
                reden=record.history_change_reason,
                velden=[
                    (f.verbose_name, _readable(f, old), _readable(f, new))
                    for name, old, new in changes
                    for f in [model._meta.get_field(name)]
                ],
            )
        )
        vorige = record
    return result[::-1]


def vorige_geaccepteerde(indiening):
    """Return the gemeente's latest accepted submission before this one, or None."""
    return (
        Indiening.objects.filter(
            gemeente_id=indiening.gemeente_id,
            status=IndieningStatus.AKKOORD,
            ingediend_op__lt=indiening.ingediend_op,
        )
        .order_by("-ingediend_op")
        .first()
    )
