import json
from dataclasses import dataclass
from functools import partial, wraps

from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from gemeenten.access import get_provincie_for_user_or_404, may_read_provincie
from gemeenten.models import Provincie
from opvang.access import get_cyclus_or_404

from . import cache, exports, grafieken, kaart
from .documenten import delen_als_json, delen_cijfers
from .filters import GemeenteRijFilter
from .selectors import Rapport, totaal
from .serializers import rapport_als_json
from .tables import GemeenteRijTable
from .vraag import RapportVraagForm

GEEN_CYCLUS = "Er is nog geen cyclus vastgelegd; beheer voert de cycli in."
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def provincie_view(view):
    """Log in, load the province through the access check (404 for others), read only.

    Access comes before the method check, so an outsider's POST is a 404 as well.
    """

    @login_required
    @wraps(view)
    def wrapper(request, provincie, **kwargs):
        provincie = get_provincie_for_user_or_404(request.user, provincie)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return view(request, provincie, **kwargs)

    return wrapper


@dataclass
class GemeenteOverzicht:
    """The report chosen in the URL and its gemeente rows as filtered and sorted there."""

    keuze: RapportVraagForm | None  # None: there is no cycle yet
    rapport: Rapport | None = None
    filter: GemeenteRijFilter | None = None
    table: GemeenteRijTable | None = None

    @property
    def rijen(self):
        return [row.record for row in self.table.rows]


def gemeente_overzicht(request, provincie, keuze=None, *, met_locaties=False):
    """Build the report of the URL's cycle, peildatum and source, and its table.

    Without a valid choice the overview holds only the form with its errors; without
    any cycle, not even that.
    """
    if keuze is None:
        keuze = RapportVraagForm(request.GET, provincie=provincie, user=request.user)
    if not keuze.heeft_cycli:
        return GemeenteOverzicht(keuze=None)
    if not keuze.is_valid():
        return GemeenteOverzicht(keuze)
    rapport = keuze.vraag().rapport(met_locaties=met_locaties)
    filter_form = GemeenteRijFilter(request.GET, rijen=rapport.gemeenten)
    rijen = filter_form.filter(rapport.gemeenten)
    table = GemeenteRijTable(
        rijen,
        cyclus_nummer=rapport.cyclus_nummer,
        totaal=totaal(rijen),
        peildatum=rapport.peildatum,
        query=request.GET,
    )
    return GemeenteOverzicht(keuze, rapport, filter_form, table)


@login_required
@require_safe
def provincies(request):
    """The provinces whose dashboard the user may see; with one, go straight there."""
    if request.user.is_gemeente:
        return redirect("opvang:gemeente_detail", code=request.user.gemeente.code)
    leesbaar = [
        p for p in Provincie.objects.order_by("naam") if may_read_provincie(request.user, p)
    ]
    if len(leesbaar) == 1:
        return redirect("rapportage:dashboard", provincie=leesbaar[0].code)
    crumbs = [("Overzicht", reverse("home")), ("Provincies", "")]
    return render(request, "rapportage/provincies.html", {"provincies": leesbaar, "crumbs": crumbs})


def dashboard_inhoud(request, provincie, keuze, sleutel=None):
    """Render the dashboard below its tabs: the same for everyone asking the same.

    sleutel: the report's cache key, under which the map is kept for every filter/sort.
    """
    overzicht = gemeente_overzicht(request, provincie, keuze)
    rapport = overzicht.rapport
    context = {
        "request": request,
        "provincie": provincie,
        "overzicht": overzicht,
        "rapport": rapport,
        "geen_cyclus": GEEN_CYCLUS,
    }
    if rapport is not None:
        context.update(
            dekking_grafiek=grafieken.dekking_grafiek(rapport),
            capaciteit_grafiek=grafieken.capaciteit_grafiek(rapport),
            kaart=kaart.bewaarde_dekking_kaart(sleutel or keuze.vraag().sleutel, rapport),
            querystring=request.GET.urlencode(),
        )
    return render_to_string("rapportage/_dashboard_inhoud.html", context)


@provincie_view
def dashboard(request, provincie):
    """The province's figures, gemeente table and charts for PRT, cvdK and beheer.

    A valid choice is rendered once per data version and filter/sort (rapportage.cache).
    """
    keuze = RapportVraagForm(request.GET, provincie=provincie, user=request.user)
    status = 200
    if keuze.heeft_cycli and keuze.is_valid():
        sleutel = keuze.vraag().sleutel
        onderdeel = f"dashboard:{cache.query_sleutel(request.GET)}"
        maak = partial(dashboard_inhoud, request, provincie, keuze, sleutel)
        inhoud = cache.bewaard(sleutel, onderdeel, maak)
    else:
        inhoud = dashboard_inhoud(request, provincie, keuze)
        status = 400 if keuze.heeft_cycli else 200
    context = {
        "provincie": provincie,
        # render_to_string returns a SafeString; the cache pickles it with its class, so
        # nothing here marks text safe (user text was escaped when the fragment rendered).
        "inhoud": inhoud,
        "crumbs": [("Overzicht", reverse("home")), (f"Dashboard {provincie.naam}", "")],
    }
    return render(request, "rapportage/dashboard.html", context, status=status)


def ongeldige_vraag(request, fout, terug=""):
    """Return the 400 page in the layout that says, in Dutch, what was wrong."""
    context = {"fout": fout, "terug": terug}
    return render(request, "rapportage/vraag_fout.html", context, status=400)


def _export(request, provincie, maak, extensie, content_type):
    overzicht = gemeente_overzicht(request, provincie, met_locaties=True)
    if overzicht.rapport is None:
        fout = overzicht.keuze.foutmelding() if overzicht.keuze else GEEN_CYCLUS
        terug = reverse("rapportage:dashboard", args=[provincie.code])
        return ongeldige_vraag(request, fout, terug)
    rapport = overzicht.rapport
    inhoud = maak(rapport, overzicht.rijen, filter_omschrijving=overzicht.filter.omschrijving())
    response = HttpResponse(inhoud, content_type=content_type)
    naam = f"gemeenten-{provincie.code}-cyclus{rapport.cyclus_nummer}-{rapport.peildatum}"
    response["Content-Disposition"] = f'attachment; filename="{naam}.{extensie}"'
    return response


@provincie_view
def gemeenten_csv(request, provincie):
    """The gemeente table as on the dashboard (filter and order of the URL), as CSV."""
    return _export(request, provincie, exports.gemeenten_csv, "csv", "text/csv; charset=utf-8")


@provincie_view
def gemeenten_xlsx(request, provincie):
    """The gemeente table as on the dashboard (filter and order of the URL), as XLSX."""
    return _export(request, provincie, exports.gemeenten_xlsx, "xlsx", XLSX)


def _json(data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, no_store=True)
    return response


def _json_body(vraag):
    """Return the JSON export's body; the plan parts' JSON is kept under its own version."""
    rapport = vraag.rapport(met_locaties=False)
    delen = cache.bewaard(
        vraag.delen_sleutel, "json", lambda: delen_als_json(delen_cijfers(rapport))
    )
    data = {**rapport_als_json(rapport), **delen}
    return json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder).encode()


@provincie_view
def verslag_json(request, provincie, cyclus):
    """The verslag figures as JSON, for the Landelijke Regietafel and for checks.

    The body is made once per data version (rapportage.cache).
    """
    cyclus = get_cyclus_or_404(cyclus)
    keuze = RapportVraagForm(request.GET, provincie=provincie, cyclus=cyclus)
    if not keuze.is_valid():
        return _json({"fout": keuze.foutmelding()}, status=400)
    vraag = keuze.vraag()
    body = cache.bewaard(vraag.sleutel, "json", lambda: _json_body(vraag))
    response = HttpResponse(body, content_type="application/json")
    patch_cache_control(response, no_store=True)
    return response
