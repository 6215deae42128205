from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control

from gemeenten.constants import Rol
from gemeenten.models import Provincie
from opvang.models import Cyclus

from .selectors import (
    BRON_ACTUEEL,
    OngeldigeParameter,
    lees_peildatum,
    rapport_als_json,
    verslag_rapport,
)


def may_read_rapportage(user, provincie):
    """Return whether the user may read the province's reports: its PRT and cvdK, or beheer
    (bound to this province or to none)."""
    if user.is_provinciaal:
        return user.provincie_id == provincie.pk
    return user.rol == Rol.BEHEER and user.provincie_id in (None, provincie.pk)


def get_provincie_for_rapportage_or_404(user, code):
    """Return the province if the user may read its reports; else 404, never 403, so that
    a gemeente or another province learns nothing (STYLE.md 4)."""
    provincie = get_object_or_404(Provincie, code=code)
    if not may_read_rapportage(user, provincie):
        raise Http404
    return provincie


def _json(data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, no_store=True)
    return response


@login_required
def verslag_json(request, provincie, cyclus):
    """The verslag figures as JSON, for the Landelijke Regietafel and for checks."""
    provincie = get_provincie_for_rapportage_or_404(request.user, provincie)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    cyclus = get_object_or_404(Cyclus, nummer=cyclus)
    try:
        peildatum = request.GET.get("peildatum")
        rapport = verslag_rapport(
            provincie=provincie,
            cyclus=cyclus,
            peildatum=lees_peildatum(peildatum) if peildatum is not None else None,
            bron=request.GET.get("bron", BRON_ACTUEEL),
        )
    except OngeldigeParameter as fout:
        return _json({"fout": str(fout)}, status=400)
    return _json(rapport_als_json(rapport))
