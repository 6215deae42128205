"""Reference data: the half years 2025-H1 … 2027-H2 and the national taakstelling.

The national totals are DOMAIN.md §6.1's: 2025-H1 17.700, later lowered to 15.000 (both
versions kept; the latest applies), 2025-H2 13.000. The dates of the sources are
approximate and say so. Reversible.

The rows get no history record here: this migration is their history, and a history
table with rows cannot be flushed on SQLite (its append-only trigger refuses DELETE;
tests/accounts/test_rollen.py flushes). The commit-time check of migration 0003 sees
only rows written after it, and a later change of these rows is recorded as usual.
"""

from datetime import date

from django.db import migrations

HALFJAREN = [
    (f"{jaar}-H{h}", date(jaar, 1 if h == 1 else 7, 1), date(jaar, 6, 30) if h == 1 else date(jaar, 12, 31))
    for jaar in (2025, 2026, 2027)
    for h in (1, 2)
]  # fmt: skip
LANDELIJK = [
    ("2025-H1", 17700, "Rijksoverheid: landelijke taakstelling huisvesting vergunninghouders "
     "eerste halfjaar 2025 (oorspronkelijk; datum bij benadering)", date(2024, 12, 1)),
    ("2025-H1", 15000, "Rijksoverheid: verlaagde landelijke taakstelling eerste halfjaar 2025 "
     "(datum bij benadering)", date(2025, 3, 1)),
    ("2025-H2", 13000, "Rijksoverheid: landelijke taakstelling huisvesting vergunninghouders "
     "tweede halfjaar 2025 (datum bij benadering)", date(2025, 6, 1)),
]  # fmt: skip


def laden(apps, schema_editor):
    Halfjaar = apps.get_model("huisvesting", "Halfjaar")
    Landelijk = apps.get_model("huisvesting", "LandelijkeTaakstelling")
    for code, begin, eind in HALFJAREN:
        Halfjaar.objects.create(code=code, begin=begin, eind=eind)
    for code, personen, bron, datum in LANDELIJK:
        Landelijk.objects.create(
            halfjaar=Halfjaar.objects.get(code=code), personen=personen, bron=bron, datum=datum
        )


def verwijderen(apps, schema_editor):
    for model in ("LandelijkeTaakstelling", "Halfjaar"):
        apps.get_model("huisvesting", model).objects.all().delete()
        apps.get_model("huisvesting", f"Historical{model}").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("huisvesting", "0001_initial")]

    operations = [migrations.RunPython(laden, verwijderen)]
