"""Make the guarded manager the base manager of Gemeente (see opvang 0006)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("gemeenten", "0005_rechtenwijziging"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="gemeente",
            options={
                "base_manager_name": "objects",
                "ordering": ["naam"],
                "verbose_name": "gemeente",
                "verbose_name_plural": "gemeenten",
            },
        ),
    ]
