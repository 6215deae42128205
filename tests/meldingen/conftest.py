"""Fixtures of the meldingen tests: an opened uitvraag with its notices sent.

The events reach meldingen after their transaction commits; a test's transaction never
commits, so the service calls run inside django_capture_on_commit_callbacks(execute=True),
as they would run in a request.
"""

from datetime import date

import pytest

from gemeenten.constants import Rol
from opvang import services as opvang_services
from tests.factories import UserFactory

DEADLINE = date(2026, 12, 1)


@pytest.fixture
def na_commit(django_capture_on_commit_callbacks):
    """Run a call and everything it leaves for after the commit (signals, mail tasks)."""

    def run(call, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return call(*args, **kwargs)

    return run


@pytest.fixture
def collega(gemeente):
    """A second user of gemeente Utrecht."""
    return UserFactory(username="collega", rol=Rol.GEMEENTE, gemeente=gemeente)


@pytest.fixture
def vreemde_gemeente_user(vreemde_gemeente):
    return UserFactory(username="arnhemmer", rol=Rol.GEMEENTE, gemeente=vreemde_gemeente)


@pytest.fixture
def geopend(na_commit, prt_user, cyclus, gemeente_user, andere_gemeente_user, mailoutbox):
    """An uitvraag of province Utrecht, opened by PRT, its opening notices sent."""
    uitvraag = na_commit(
        opvang_services.uitvraag_openen,
        provincie=prt_user.provincie,
        cyclus=cyclus,
        deadline=DEADLINE,
        bericht="Graag vóór de deadline <b>alles</b> bijwerken.",
        user=prt_user,
    )
    return uitvraag


def ontvangers(mailoutbox):
    return sorted(address for mail in mailoutbox for address in mail.to)
