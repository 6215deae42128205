"""The rights of the group "Beheer", in one place, restored after every migrate and flush.

Migrations 0004 and 0005 created the group as it was then; this post_migrate receiver
keeps it what RECHTEN says, also after a flush (which empties auth_group and is followed
by post_migrate), so that a database is never left without the group the role needs.
Rights are only added: removing one is a decision for a migration, with its history.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

BEHEER_GROEP = "Beheer"
RECHTEN = {
    "gemeenten": {
        "provincie": ("add", "change", "view"),
        "regio": ("add", "change", "view"),
        "gemeente": ("add", "change", "view"),
        "user": ("add", "change", "view"),
        "rechtenwijziging": ("view",),
    },
    "opvang": {
        "cyclus": ("add", "change", "view"),
        "opgave": ("add", "view"),
        "provincieopgave": ("add", "change", "view"),
        "locatie": ("view",),
        "uitvraag": ("view",),
        "indiening": ("view",),
        "uitvraagimport": ("view",),
    },
    "rapportage": {"documentversie": ("view",)},
    "otp_totp": {"totpdevice": ("view", "delete")},
    "otp_static": {"staticdevice": ("view", "delete")},
}


def beheer_rechten():
    """Return the permissions RECHTEN names that exist in the database."""
    wanted = Q(pk__in=[])
    for app_label, modellen in RECHTEN.items():
        for model, acties in modellen.items():
            wanted |= Q(
                content_type__app_label=app_label,
                content_type__model=model,
                codename__in=[f"{actie}_{model}" for actie in acties],
            )
    return Permission.objects.filter(wanted)


def beheer_groep_inrichten(**kwargs):
    """Make sure the group "Beheer" exists with the rights of RECHTEN (post_migrate)."""
    groep, _ = Group.objects.get_or_create(name=BEHEER_GROEP)
    ontbrekend = beheer_rechten().exclude(group=groep)
    if ontbrekend.exists():
        groep.permissions.add(*ontbrekend)
