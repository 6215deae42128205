"""Writes of the gemeenten app."""

from django.contrib.auth.models import Group

from .constants import Rol

BEHEER_GROEP = "Beheer"


def gebruiker_rechten_toepassen(*, user):
    """Give a user the rights of their role in the beheer screens.

    Beheer users are staff and members of the group "Beheer" (migration 0004); other
    roles use the application only, so they lose both. Superusers keep their staff flag.
    """
    groep = Group.objects.get(name=BEHEER_GROEP)
    is_beheer = user.rol == Rol.BEHEER
    if is_beheer:
        user.groups.add(groep)
    else:
        user.groups.remove(groep)
    staff = is_beheer or user.is_superuser
    if user.is_staff != staff:
        user.is_staff = staff
        user.save(update_fields=["is_staff"])
