"""The group "Beheer": what an application manager may do in the beheer screens.

Beheer manages users, reference data (provincies, regio's, gemeenten, cycli) and targets
(new versions only), reads locations, uitvragen, submissions, imports and archived
documents, and may remove a lost second factor. It changes no figure of a gemeente and
deletes nothing else. This migration only creates the group: its rights are defined in
one place, accounts.rollen, and given by a post_migrate receiver after every migrate and
flush, once every app's permissions exist. (It used to grant them here, which made
gemeenten depend on opvang's and rapportage's migrations; databases that applied that
version keep the same group and rights.) Reversible.
"""

from django.db import migrations

GROEP = "Beheer"


def maak_groep(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=GROEP)


def verwijder_groep(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROEP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("gemeenten", "0003_gebruiker_manager"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(maak_groep, verwijder_groep)]
