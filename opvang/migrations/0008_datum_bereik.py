"""The database refuses location dates outside 1-1-1990 – 31-12-2100 (kern.dates)."""

import datetime

from django.db import migrations, models

BEREIK = (datetime.date(1990, 1, 1), datetime.date(2100, 12, 31))
MELDING = "Kies een datum tussen 1-1-1990 en 31-12-2100."


class Migration(migrations.Migration):
    dependencies = [
        ("opvang", "0007_datums_begrenzen"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="locatie",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("beschikbaar_vanaf__isnull", True),
                    ("beschikbaar_vanaf__range", BEREIK),
                    _connector="OR",
                ),
                name="locatie_vanaf_in_bereik",
                violation_error_message=MELDING,
            ),
        ),
        migrations.AddConstraint(
            model_name="locatie",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("beschikbaar_tot__isnull", True),
                    ("beschikbaar_tot__range", BEREIK),
                    _connector="OR",
                ),
                name="locatie_tot_in_bereik",
                violation_error_message=MELDING,
            ),
        ),
    ]
