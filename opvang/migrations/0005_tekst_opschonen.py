"""Clean the stored names and remarks of locations as input is cleaned now (kern.text).

Before, the web form stored invisible characters (U+202E, zero-width spaces, BOM, soft
hyphen) and control characters, so look-alike duplicates exist. Each name and
toelichting is normalised; control characters, which input now refuses, are removed.
If two names of one gemeente become the same (in any case), the one that needed no
cleaning keeps it, else the oldest; the others get " (2)", " (3)" … — no row is lost
or merged, and each renamed one is printed.

Every changed row gets version + 1 (a form opened before sees the change) and a
historical row with the reason; the rows are saved through this migration's models,
which write no history by themselves (kern.history). Reverse: nothing to undo.
Schema changes follow in 0006: on PostgreSQL they may not share a transaction with
these updates.
"""

from django.db import migrations

from kern.history import record_history
from kern.text import without_control_characters

REDEN = "Migratie: naam en toelichting opgeschoond"
REDEN_HERNOEMD = "Migratie: naam opgeschoond; ‘{achter}’ toegevoegd, de naam bestond al"
NAAM_MAX = 200


def _vrije_naam(naam, bezet, gemeente_id):
    n = 2
    while True:
        achter = f" ({n})"
        kandidaat = naam[: NAAM_MAX - len(achter)] + achter
        if (gemeente_id, kandidaat.casefold()) not in bezet:
            return kandidaat, achter
        n += 1


def _schoon(loc):
    naam = without_control_characters(loc.naam)[:NAAM_MAX] or f"Locatie {loc.pk}"
    return naam, without_control_characters(loc.toelichting, multiline=True)


def opschonen(apps, schema_editor):
    Locatie = apps.get_model("opvang", "Locatie")
    History = apps.get_model("opvang", "HistoricalLocatie")
    locaties = [(loc, *_schoon(loc)) for loc in Locatie.objects.all()]
    # Names that needed no cleaning claim theirs first; then the oldest.
    locaties.sort(key=lambda t: (t[0].gemeente_id, t[1] != t[0].naam, t[0].pk))
    bezet = set()
    for loc, naam, toelichting in locaties:
        reden = REDEN
        if (loc.gemeente_id, naam.casefold()) in bezet:
            naam, achter = _vrije_naam(naam, bezet, loc.gemeente_id)
            reden = REDEN_HERNOEMD.format(achter=achter.strip())
            print(f"  opvang 0005: locatie {loc.pk} (gemeente {loc.gemeente_id}) heet nu ‘{naam}’")
        bezet.add((loc.gemeente_id, naam.casefold()))
        if (naam, toelichting) != (loc.naam, loc.toelichting):
            loc.naam, loc.toelichting, loc.version = naam, toelichting, loc.version + 1
            loc.save(update_fields=["naam", "toelichting", "version", "updated_at"])
            record_history(History, loc, reden)


class Migration(migrations.Migration):
    dependencies = [
        ("gemeenten", "0004_beheer_groep"),
        ("opvang", "0004_uitvraagimport_history_append_only"),
    ]

    operations = [migrations.RunPython(opschonen, migrations.RunPython.noop)]
