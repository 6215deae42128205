"""The messages of four Locatie checks move onto the constraints (they were LocatieForm's).

AlterConstraint changes only the migration state: the database's constraints stay as
they are, so SQLite rebuilds no table and every trigger on opvang_locatie stays.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("opvang", "0011_history_matches_row"),
    ]

    operations = [
        migrations.AlterConstraint(
            model_name="locatie",
            name="locatie_amv_binnen_plekken",
            constraint=models.CheckConstraint(
                condition=models.Q(("amv_plekken__lte", models.F("plekken"))),
                name="locatie_amv_binnen_plekken",
                violation_error_code="amv_te_groot",
                violation_error_message="Het aantal AMV-plekken ({amv_plekken}) is groter dan het aantal plekken ({plekken}).",
            ),
        ),
        migrations.AlterConstraint(
            model_name="locatie",
            name="locatie_max_niet_onder_plekken",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("plekken_max__isnull", True),
                    ("plekken_max__gte", models.F("plekken")),
                    _connector="OR",
                ),
                name="locatie_max_niet_onder_plekken",
                violation_error_code="max_te_klein",
                violation_error_message="Het maximum ({plekken_max}) is kleiner dan het minimum aantal plekken ({plekken}).",
            ),
        ),
        migrations.AlterConstraint(
            model_name="locatie",
            name="locatie_tot_niet_voor_vanaf",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("beschikbaar_vanaf__isnull", True),
                    ("beschikbaar_tot__isnull", True),
                    ("beschikbaar_tot__gte", models.F("beschikbaar_vanaf")),
                    _connector="OR",
                ),
                name="locatie_tot_niet_voor_vanaf",
                violation_error_code="tot_voor_vanaf",
                violation_error_message="‘Beschikbaar tot en met’ ligt vóór ‘beschikbaar vanaf’.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="locatie",
            name="locatie_zeker_heeft_vanaf",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status__in", ("in_gebruik", "in_realisatie")), _negated=True),
                    ("beschikbaar_vanaf__isnull", False),
                    _connector="OR",
                ),
                name="locatie_zeker_heeft_vanaf",
                violation_error_code="vanaf_verplicht",
                violation_error_message="Vul in vanaf wanneer de plekken beschikbaar zijn (status ‘{status}’).",
            ),
        ),
    ]
