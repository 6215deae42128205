"""Who receives a notification: one rule per event, each within one scope.

A notice about a submission goes to the users of that submission's gemeente and to
nobody else; the uitvraag's notices go to the gemeente users of its province; a
vaststelling to the province's PRT and cvdK. Deactivated users receive nothing.
"""

from django.contrib.auth import get_user_model

from gemeenten.constants import Rol
from opvang.constants import IndieningStatus
from opvang.models import Indiening


def _actief():
    return get_user_model().objects.filter(is_active=True).order_by("pk")


def gemeente_gebruikers_van_provincie(provincie):
    return _actief().filter(rol=Rol.GEMEENTE, gemeente__provincie=provincie)


def gebruikers_van_gemeente(gemeente):
    return _actief().filter(rol=Rol.GEMEENTE, gemeente=gemeente)


def provinciale_gebruikers(provincie):
    return _actief().filter(rol__in=[Rol.PRT, Rol.CVDK], provincie=provincie)


def nog_niet_ingediend(uitvraag):
    """Return the gemeente users of the uitvraag's province whose gemeente has not submitted.

    A submission awaiting review or accepted counts; a returned one does not: that
    gemeente still has to submit again.
    """
    lopend = Indiening.objects.filter(
        uitvraag=uitvraag, status__in=[IndieningStatus.INGEDIEND, IndieningStatus.AKKOORD]
    ).values("gemeente_id")
    return gemeente_gebruikers_van_provincie(uitvraag.provincie).exclude(gemeente_id__in=lopend)
