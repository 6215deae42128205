"""Make the guarded manager the base manager of every tracked model of this app.

Django uses `_base_manager` for related objects and internal queries; with the guarded
manager there, `Model._base_manager.update()` is refused like `objects.update()`.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("opvang", "0009_indiening_snapshot_onveranderlijk"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="cyclus",
            options={
                "base_manager_name": "objects",
                "ordering": ["nummer"],
                "verbose_name": "cyclus",
                "verbose_name_plural": "cycli",
            },
        ),
        migrations.AlterModelOptions(
            name="indiening",
            options={
                "base_manager_name": "objects",
                "ordering": ["-ingediend_op", "-id"],
                "verbose_name": "indiening",
                "verbose_name_plural": "indieningen",
            },
        ),
        migrations.AlterModelOptions(
            name="locatie",
            options={
                "base_manager_name": "objects",
                "ordering": ["gemeente__naam", "naam"],
                "verbose_name": "locatie",
                "verbose_name_plural": "locaties",
            },
        ),
        migrations.AlterModelOptions(
            name="opgave",
            options={
                "base_manager_name": "objects",
                "get_latest_by": ["datum", "id"],
                "ordering": ["gemeente__naam", "cyclus__nummer", "datum", "id"],
                "verbose_name": "opgave",
                "verbose_name_plural": "opgaven",
            },
        ),
        migrations.AlterModelOptions(
            name="uitvraag",
            options={
                "base_manager_name": "objects",
                "ordering": ["-geopend_op"],
                "verbose_name": "uitvraag",
                "verbose_name_plural": "uitvragen",
            },
        ),
        migrations.AlterModelOptions(
            name="uitvraagimport",
            options={
                "base_manager_name": "objects",
                "ordering": ["-uploaded_at", "-id"],
                "verbose_name": "import van een uitvraag",
                "verbose_name_plural": "imports van uitvragen",
            },
        ),
    ]
