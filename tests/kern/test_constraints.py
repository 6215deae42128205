"""kern.constraints gives the same verdict as Django's query per check constraint."""

import itertools
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db.models.constraints import CheckConstraint

from kern.constraints import check_in_geheugen
from opvang.constants import Soort, Status
from opvang.models import Locatie

pytestmark = pytest.mark.django_db


def codes(check, locatie):
    try:
        check(locatie)
    except ValidationError as exc:
        return sorted(e.code or e.message for lijst in exc.error_dict.values() for e in lijst)
    return []


def django_check(locatie):
    """Validate only the check constraints, one query each, as Django does."""
    errors = {}
    for c in Locatie._meta.constraints:
        if isinstance(c, CheckConstraint):
            try:
                c.validate(Locatie, locatie)
            except ValidationError as e:
                errors = e.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


@pytest.mark.parametrize(
    ("plekken", "amv", "maximum", "vanaf", "tot", "status"),
    list(
        itertools.product(
            (0, 5),
            (0, 5, 9),
            (None, 1, 5, 9),
            (None, date(2024, 1, 1), date(1, 1, 1)),
            (None, date(2023, 12, 31), date(2024, 1, 1), date(9999, 1, 1)),
            (Status.IN_GEBRUIK, Status.IN_VOORBEREIDING),
        )
    ),
)
def test_the_verdict_is_the_same_as_djangos(plekken, amv, maximum, vanaf, tot, status):
    locatie = Locatie(
        naam="x",
        soort=Soort.AZC,
        status=status,
        plekken=plekken,
        amv_plekken=amv,
        plekken_max=maximum,
        beschikbaar_vanaf=vanaf,
        beschikbaar_tot=tot,
    )
    assert codes(check_in_geheugen, locatie) == codes(django_check, locatie)


def test_an_excluded_field_skips_its_constraints():
    locatie = Locatie(naam="x", soort=Soort.AZC, status=Status.IN_GEBRUIK, plekken=1, amv_plekken=9)
    with pytest.raises(ValidationError):
        check_in_geheugen(locatie)
    check_in_geheugen(locatie, exclude={"amv_plekken", "beschikbaar_vanaf"})
