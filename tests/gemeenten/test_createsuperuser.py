import pytest
from django.core.management import call_command

from gemeenten.constants import Rol
from gemeenten.models import User

pytestmark = pytest.mark.django_db


def test_createsuperuser_makes_a_beheer_user_as_the_readme_says(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "een-heel-lang-wachtwoord-2026")
    call_command("createsuperuser", interactive=False, username="admin", email="a@example.nl")
    admin = User.objects.get(username="admin")
    assert (admin.rol, admin.is_superuser, admin.gemeente, admin.provincie) == (
        Rol.BEHEER,
        True,
        None,
        None,
    )
