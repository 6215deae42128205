"""The trail of rights changes: append-only in the database, readable by beheer.

Creates gemeenten.Rechtenwijziging, makes its table append-only with the trigger helper
of kern.triggers (PostgreSQL and SQLite), and gives the group "Beheer" the right to view
it (created here, as 0004 does). Reversible.
"""

import django.db.models.deletion
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

from kern.triggers import append_only

GROEP = "Beheer"
RECHT = "view_rechtenwijziging"
GEBEURTENISSEN = [
    ("gebruiker.aangemaakt", "gebruiker aangemaakt"),
    ("gebruiker.rol_gewijzigd", "rol of bereik gewijzigd"),
    ("gebruiker.superuser_staf_gewijzigd", "superuser of staf gewijzigd"),
    ("gebruiker.groepen_gewijzigd", "groepen gewijzigd"),
    ("gebruiker.rechten_gewijzigd", "rechten gewijzigd"),
    ("gebruiker.email_gewijzigd", "e-mailadres gewijzigd"),
    ("gebruiker.geactiveerd", "gebruiker geactiveerd"),
    ("gebruiker.gedeactiveerd", "gebruiker gedeactiveerd"),
    ("wachtwoord.link_verstuurd", "link om wachtwoord in te stellen verstuurd"),
    ("wachtwoord.ingesteld", "wachtwoord ingesteld met de link"),
    ("otp.verwijderd", "tweede factor verwijderd"),
]


def recht_geven(apps, schema_editor):
    app_config = apps.get_app_config("gemeenten")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    groep, _ = Group.objects.get_or_create(name=GROEP)
    groep.permissions.add(
        Permission.objects.get(content_type__app_label="gemeenten", codename=RECHT)
    )


def recht_afnemen(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for groep in Group.objects.filter(name=GROEP):
        groep.permissions.remove(*groep.permissions.filter(codename=RECHT))


class Migration(migrations.Migration):
    dependencies = [
        # No dependency on opvang: the trigger helper is kern's, and the function it
        # shares is created by whichever migration comes first, dropped by none that
        # another's triggers still use.
        ("gemeenten", "0004_beheer_groep"),
    ]

    operations = [
        migrations.CreateModel(
            name="Rechtenwijziging",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "gebeurtenis",
                    models.CharField(
                        choices=GEBEURTENISSEN, max_length=40, verbose_name="wijziging"
                    ),
                ),
                ("oud", models.JSONField(blank=True, null=True, verbose_name="oude waarde")),
                ("nieuw", models.JSONField(blank=True, null=True, verbose_name="nieuwe waarde")),
                ("op", models.DateTimeField(auto_now_add=True)),
                (
                    "ip_address",
                    models.GenericIPAddressField(blank=True, null=True, verbose_name="IP-adres"),
                ),
                (
                    "door",
                    models.ForeignKey(
                        blank=True,
                        help_text="Leeg: buiten een verzoek aan de applicatie, zoals een beheeropdracht.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "gebruiker",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="rechtenwijzigingen",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "rechtenwijziging",
                "verbose_name_plural": "rechtenwijzigingen",
                "ordering": ["-op", "-id"],
            },
        ),
        append_only(["gemeenten_rechtenwijziging"]),
        migrations.RunPython(recht_geven, recht_afnemen),
    ]
