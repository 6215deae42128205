"""Bring stored location dates outside 1-1-1990 – 31-12-2100 to the nearest bound.

Before, the web form and the import took any date (0001-01-01, 9999-12-31); 0008 adds
database constraints for the range, which rows outside it would fail. A date before
the range becomes its first day, one after it its last day. For every counting window
and peildatum inside the range (but its first and last day) each figure stays what it
was: a location from the year 1 and one from 1-1-1990 were both there before the
window, one ending in 9999 and one on 31-12-2100 both last beyond it.

Each changed row gets version + 1 and a historical row with the reason (kern.history),
and is printed. Reverse: nothing to undo. The constraints follow in 0008: on
PostgreSQL they may not share a transaction with these updates.
"""

from django.db import migrations
from django.db.models import Q

from kern.dates import EERSTE_DATUM, LAATSTE_DATUM
from kern.history import record_history

REDEN = "Migratie: datum buiten 1-1-1990 – 31-12-2100 naar de grens gebracht"
VELDEN = ("beschikbaar_vanaf", "beschikbaar_tot")


def _begrensd(d):
    return None if d is None else min(max(d, EERSTE_DATUM), LAATSTE_DATUM)


def _tekst(loc):
    return ", ".join(
        f"{d.year:04d}-{d.month:02d}-{d.day:02d}" if d else "leeg"
        for d in (getattr(loc, veld) for veld in VELDEN)
    )


def begrenzen(apps, schema_editor):
    Locatie = apps.get_model("opvang", "Locatie")
    History = apps.get_model("opvang", "HistoricalLocatie")
    buiten = Q()
    for veld in VELDEN:
        buiten |= Q(**{f"{veld}__lt": EERSTE_DATUM}) | Q(**{f"{veld}__gt": LAATSTE_DATUM})
    for loc in Locatie.objects.filter(buiten).order_by("pk"):
        oud = _tekst(loc)
        for veld in VELDEN:
            setattr(loc, veld, _begrensd(getattr(loc, veld)))
        loc.version += 1
        loc.save(update_fields=[*VELDEN, "version", "updated_at"])
        record_history(History, loc, REDEN)
        print(f"  opvang 0007: locatie {loc.pk} ‘{loc.naam}’: {oud} → {_tekst(loc)}")


class Migration(migrations.Migration):
    dependencies = [
        ("opvang", "0006_locatie_naam_uniek"),
    ]

    operations = [migrations.RunPython(begrenzen, migrations.RunPython.noop)]
