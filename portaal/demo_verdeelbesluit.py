"""The demo's verdeelbesluit of cycle 1 and a demo restopgave, both marked as demo.

The real verdeelbesluit figures of Utrecht (gemeente Utrecht 1.946, AMV 152; Woudenberg
0) come from the reference data (fixtures/referentie.json). The demo adds what makes
the pages meaningful: a Verdeelbesluit record for cycle 1 (a demo record: the real
decision's reference is not in the register) and a demo restopgave that designates two
gemeenten with a minimum number of places (demo estimates: their whole opgave), loaded
through the real import (opvang.verdeelbesluit). Idempotent: each is made once.
"""

from __future__ import annotations

import hashlib
from datetime import date

from django.utils import timezone

from gemeenten.models import Gemeente, User
from kern.audit import attribute_to
from opvang.constants import Grondslag
from opvang.excel.verdeelbesluit import JA, sjabloon_maken
from opvang.models import Verdeelbesluit
from opvang.selectors import geldende_opgaven
from opvang.verdeelbesluit import verdeelbesluit_verwerken, verdeelbesluit_voorbereiden

KENMERK_BESLUIT = "DEMO-VB-2024-1"
KENMERK_REST = "DEMO-RO-2025-1"
# De Bilt and Zeist: gemeenten whose opgave is a demo estimate already, so that the demo
# never shadows a real figure (tests/portaal/test_referentie_en_demo.py).
AANGEWEZEN = ("GM0310", "GM0355")
# What `manage.py demo` says about them, the same on every run (it is idempotent).
DEMO_BESLUITEN = (
    f"Verdeelbesluiten (demo): {KENMERK_BESLUIT} en restopgave {KENMERK_REST} in cyclus 1, "
    "met De Bilt en Zeist als aangewezen gemeenten; zie /verdeelbesluiten/ (login beheer)."
)


def demo_verdeelbesluit(cyclus):
    """Make the demo's two decisions of cycle 1 once; return how many were made."""
    beheer = User.objects.get(username="beheer")
    return _besluit(cyclus, beheer) + _restopgave(cyclus, beheer)


def _besluit(cyclus, beheer):
    if Verdeelbesluit.objects.filter(kenmerk=KENMERK_BESLUIT, is_demo=True).exists():
        return 0
    record = Verdeelbesluit(
        cyclus=cyclus,
        grondslag=Grondslag.VERDEELBESLUIT,
        kenmerk=KENMERK_BESLUIT,
        datum=date(2024, 12, 31),
        titel=(
            "Verdeelbesluit cyclus 1 (demo-record: de opgaven van Utrecht en Woudenberg "
            "komen uit het echte besluit, het kenmerk is verzonnen)"
        ),
        is_demo=True,
        bestandsnaam="demo (geen bestand)",
        sha256=hashlib.sha256(b"").hexdigest(),
        bestand=b"",
        status=Verdeelbesluit.Status.VERWERKT,
        verwerkt_op=timezone.now(),
        geladen_door=beheer,
        voorbeeld={"rijen": [], "totaal": {"gemeenten": 0, "gelijk": 0, "aangewezen": 0}},
    )
    attribute_to(record, beheer, "Demo: verdeelbesluit cyclus 1")
    record.save()
    return 1


def _restopgave(cyclus, beheer):
    if Verdeelbesluit.objects.filter(kenmerk=KENMERK_REST, is_demo=True).exists():
        return 0
    gemeenten = list(Gemeente.objects.filter(code__in=AANGEWEZEN).order_by("code"))
    opgaven = geldende_opgaven(cyclus, gemeenten)
    rijen = [
        [g.code, g.naam, o.plekken, o.amv_plekken, JA, o.plekken]
        for g in gemeenten
        if (o := opgaven.get(g.pk)) is not None
    ]
    if not rijen:
        return 0
    record = verdeelbesluit_voorbereiden(
        bestand=sjabloon_maken(rijen),
        bestandsnaam="demo-restopgave.xlsx",
        user=beheer,
        cyclus=cyclus,
        grondslag=Grondslag.RESTOPGAVE,
        kenmerk=KENMERK_REST,
        datum=date(2025, 3, 1),
        titel="Restopgave cyclus 1 (demo: aanwijzing en minimum zijn schattingen)",
        is_demo=True,
    )
    verdeelbesluit_verwerken(record=record, user=beheer)
    return 1
