"""The group "Beheer": what an application manager may do in the beheer screens.

Beheer manages users, reference data (provincies, regio's, gemeenten, cycli) and targets
(new versions only), reads locations, uitvragen, submissions, imports and archived
documents, and may remove a lost second factor. It changes no figure of a gemeente and
deletes nothing else. Permissions are created here, as they normally are only after all
migrations; reversible.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROEP = "Beheer"
RECHTEN = {
    "gemeenten": {
        "provincie": ("add", "change", "view"),
        "regio": ("add", "change", "view"),
        "gemeente": ("add", "change", "view"),
        "user": ("add", "change", "view"),
    },
    "opvang": {
        "cyclus": ("add", "change", "view"),
        "opgave": ("add", "view"),
        "locatie": ("view",),
        "uitvraag": ("view",),
        "indiening": ("view",),
        "uitvraagimport": ("view",),
    },
    "rapportage": {"documentversie": ("view",)},
    "otp_totp": {"totpdevice": ("view", "delete")},
    "otp_static": {"staticdevice": ("view", "delete")},
}


def maak_groep(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    groep, _ = Group.objects.get_or_create(name=GROEP)
    for app_label, modellen in RECHTEN.items():
        for model, acties in modellen.items():
            codenames = [f"{actie}_{model}" for actie in acties]
            groep.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )


def verwijder_groep(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROEP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("gemeenten", "0003_gebruiker_manager"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("opvang", "0004_uitvraagimport_history_append_only"),
        ("rapportage", "0002_documenten_append_only"),
        ("otp_totp", "0001_initial"),
        ("otp_static", "0001_initial"),
    ]

    operations = [migrations.RunPython(maak_groep, verwijder_groep)]
