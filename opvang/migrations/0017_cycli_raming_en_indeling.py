"""Fill in the national estimate and the gemeentelijke indeling of cycles 1 and 2.

Only where the cycle exists (a fresh installation loads them from fixtures/cycli.json
after migrating) and only fields still empty, so nothing beheer entered is overwritten.
No cycle is created: a migration that adds rows would put them in every test database.
The minimale looptijd stays empty: beheer sets it once it is fixed (assumption for
cycle 2: 5 years). Every changed row gets its history record (kern.history). Reverse:
the values this migration wrote are emptied again, also with history.
"""

from datetime import date

from django.db import migrations

from kern.history import record_history

REDEN = "Migratie: landelijke raming en gemeentelijke indeling (DOMAIN §3)"
REDEN_TERUG = "Migratie teruggedraaid: landelijke raming en indeling"

# The same values as fixtures/cycli.json (tests/opvang/test_cycli_referentie.py holds
# the two equal); a migration keeps the values it was written with.
CYCLI = {
    1: {
        "landelijke_raming": 96000,
        "landelijke_raming_amv": 8140,
        "raming_bron": "Capaciteitsraming cyclus 1, gepubliceerd 31 januari 2024",
        "raming_datum": "2024-01-31",
        "indeling_per": "2024-01-01",
    },
    2: {
        "landelijke_raming": 88000,
        "raming_bron": (
            "Capaciteitsraming van 27 februari 2026: ongeveer 50.000 langdurige plekken "
            "bestaan al, dus ongeveer 38.000 te realiseren"
        ),
        "raming_datum": "2026-02-27",
        "indeling_per": "2026-01-01",
    },
}


def _waarde(veld, waarde):
    return date.fromisoformat(waarde) if veld.endswith(("_datum", "_per")) else waarde


def _pas_toe(apps, kies, reden):
    Cyclus = apps.get_model("opvang", "Cyclus")
    History = apps.get_model("opvang", "HistoricalCyclus")
    for cyclus in Cyclus.objects.filter(nummer__in=CYCLI):
        gewijzigd = []
        for veld, waarde in CYCLI[cyclus.nummer].items():
            nieuw = kies(getattr(cyclus, veld), _waarde(veld, waarde), veld)
            if nieuw != getattr(cyclus, veld):
                setattr(cyclus, veld, nieuw)
                gewijzigd.append(veld)
        if gewijzigd:
            cyclus.save(update_fields=gewijzigd)
            record_history(History, cyclus, reden)


def _leeg(veld):
    return "" if veld == "raming_bron" else None


def invullen(apps, schema_editor):
    _pas_toe(apps, lambda oud, nieuw, veld: nieuw if oud in (None, "") else oud, REDEN)


def legen(apps, schema_editor):
    _pas_toe(apps, lambda oud, nieuw, veld: _leeg(veld) if oud == nieuw else oud, REDEN_TERUG)


class Migration(migrations.Migration):
    dependencies = [("opvang", "0016_cyclus_looptijd_raming_indeling")]

    operations = [migrations.RunPython(invullen, legen)]
