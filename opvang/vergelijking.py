"""What changed between two submissions of a gemeente: locations and figures.

A PRT reviewer compares a submission with the gemeente's previous accepted one. This
is a pure function of the two snapshots (Indiening.snapshot): locations are matched by
their id, so a renamed location shows as changed, not as removed and added.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kern.formatting import LEEG, number_range, percentage, whole_number

from .telregels import Telling
from .telregels import percentage as dekking_percentage
from .velden import DATUM, LOCATIE_VELDEN


@dataclass(frozen=True)
class Verschil:
    label: str
    oud: str
    nieuw: str


@dataclass(frozen=True)
class LocatieWijziging:
    naam: str
    verschillen: tuple[Verschil, ...]


@dataclass(frozen=True)
class Vergelijking:
    toegevoegd: tuple[str, ...]
    verwijderd: tuple[str, ...]
    gewijzigd: tuple[LocatieWijziging, ...]
    cijfers: tuple[Verschil, ...]  # every key figure, changed or not

    @property
    def locaties_ongewijzigd(self):
        return not (self.toegevoegd or self.verwijderd or self.gewijzigd)


def snapshot_cijfers(snapshot):
    """Return the key figures of a snapshot as (label, text) pairs, minimale dekking too."""
    telling = Telling(**snapshot["telling"])
    opgave = snapshot["opgave"]["plekken"] if snapshot.get("opgave") else None
    dekking = dekking_percentage(telling.minimale_dekking, opgave)
    return (
        ("Opgave", LEEG if opgave is None else whole_number(opgave)),
        ("Harde opvangcapaciteit", whole_number(telling.hard)),
        ("Harde plancapaciteit", whole_number(telling.hard_plan)),
        ("Minimale dekking", whole_number(telling.minimale_dekking)),
        ("Minimale dekking van de opgave", percentage(dekking)),
        ("Planvoorraad", number_range(telling.planvoorraad_min, telling.planvoorraad_max)),
        ("Perspectief", number_range(telling.perspectief_min, telling.perspectief_max)),
        ("Huidige capaciteit", whole_number(telling.huidig)),
    )


def _toon(veld, waarde):
    """Return a snapshot value as users read it (a snapshot keeps dates as ISO text)."""
    if veld.type == DATUM and waarde:
        waarde = date.fromisoformat(waarde)
    return veld.toon(waarde) or LEEG


def _verschillen(oud, nieuw):
    return tuple(
        Verschil(veld.label, _toon(veld, oud.get(veld.naam)), _toon(veld, nieuw.get(veld.naam)))
        for veld in LOCATIE_VELDEN
        if oud.get(veld.naam) != nieuw.get(veld.naam)
    )


def vergelijk(vorige, huidige):
    """Return what changed from snapshot `vorige` to snapshot `huidige`."""
    oud = {rij["id"]: rij for rij in vorige["locaties"]}
    nieuw = {rij["id"]: rij for rij in huidige["locaties"]}
    gewijzigd = (
        LocatieWijziging(nieuw[pk]["naam"], verschillen)
        for pk in nieuw.keys() & oud.keys()
        for verschillen in [_verschillen(oud[pk], nieuw[pk])]
        if verschillen
    )
    return Vergelijking(
        toegevoegd=tuple(sorted(nieuw[pk]["naam"] for pk in nieuw.keys() - oud.keys())),
        verwijderd=tuple(sorted(oud[pk]["naam"] for pk in oud.keys() - nieuw.keys())),
        gewijzigd=tuple(sorted(gewijzigd, key=lambda w: w.naam)),
        cijfers=tuple(
            Verschil(label, toen, nu)
            for (label, toen), (_, nu) in zip(
                snapshot_cijfers(vorige), snapshot_cijfers(huidige), strict=True
            )
        ),
    )
