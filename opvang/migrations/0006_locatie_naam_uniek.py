"""A location's name is unique per gemeente in any case (Lower), on the cleaned names."""

import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("opvang", "0005_tekst_opschonen"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="locatie",
            name="locatie_naam_uniek_per_gemeente",
        ),
        migrations.AddConstraint(
            model_name="locatie",
            constraint=models.UniqueConstraint(
                models.F("gemeente"),
                django.db.models.functions.text.Lower("naam"),
                name="locatie_naam_uniek_per_gemeente",
                violation_error_message="Deze gemeente heeft al een locatie met deze naam.",
            ),
        ),
    ]
