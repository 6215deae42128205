"""Reference data: the half years 2025-H1 … 2027-H2 and the national taakstelling.

The national totals are DOMAIN.md §6.1's: 2025-H1 17.700, later lowered to 15.000 (both
versions kept; the latest applies), 2025-H2 13.000. The dates of the sources are
approximate and say so. Each row gets its history record (kern.history), so the
commit-time check of migration 0003 finds the trail complete. Reversible.
"""

from datetime import date

from django.db import migrations

from kern.history import record_history

REDEN = "Referentiegegevens (migratie huisvesting 0002)"
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
        halfjaar = Halfjaar.objects.create(code=code, begin=begin, eind=eind)
        record_history(apps.get_model("huisvesting", "HistoricalHalfjaar"), halfjaar, REDEN)
    for code, personen, bron, datum in LANDELIJK:
        rij = Landelijk.objects.create(
            halfjaar=Halfjaar.objects.get(code=code), personen=personen, bron=bron, datum=datum
        )
        record_history(
            apps.get_model("huisvesting", "HistoricalLandelijkeTaakstelling"), rij, REDEN
        )


def verwijderen(apps, schema_editor):
    for model in ("LandelijkeTaakstelling", "Halfjaar"):
        apps.get_model("huisvesting", model).objects.all().delete()
        apps.get_model("huisvesting", f"Historical{model}").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("huisvesting", "0001_initial")]

    operations = [migrations.RunPython(laden, verwijderen)]
