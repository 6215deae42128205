import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from accounts.rollen import BEHEER_GROEP, RECHTEN, beheer_rechten


def rechten_van_beheer():
    groep = Group.objects.get(name=BEHEER_GROEP)
    return set(groep.permissions.values_list("content_type__app_label", "codename"))


def verwacht():
    return {
        (app_label, f"{actie}_{model}")
        for app_label, modellen in RECHTEN.items()
        for model, acties in modellen.items()
        for actie in acties
    }


@pytest.mark.django_db
def test_the_migrated_group_has_exactly_the_rights_of_rechten():
    assert rechten_van_beheer() == verwacht()
    assert beheer_rechten().count() == len(verwacht())


@pytest.mark.django_db(transaction=True)
def test_a_flush_leaves_the_group_with_its_rights(committed_db):
    call_command("flush", verbosity=0, interactive=False)

    assert rechten_van_beheer() == verwacht()
