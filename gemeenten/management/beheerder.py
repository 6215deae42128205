"""The beheer user a management command writes on behalf of (its audit trail's name)."""

from django.core.management.base import CommandError

from gemeenten.constants import Rol
from gemeenten.models import User


def beheerder(gebruikersnaam: str) -> User:
    """Return the active beheer user of that name, or stop the command in Dutch."""
    user = User.objects.filter(username=gebruikersnaam, is_active=True).first()
    if user is None or user.rol != Rol.BEHEER:
        raise CommandError(
            f"‘{gebruikersnaam}’ is geen actieve gebruiker met de rol beheer; de "
            "wijzigingen moeten op naam van een beheerder staan."
        )
    return user
