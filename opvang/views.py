from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from gemeenten.access import get_gemeente_for_user_or_404, may_see_ip_addresses
from kern.dates import EERSTE_DATUM, LAATSTE_DATUM

from . import services
from .access import (
    get_indiening_for_user_or_404,
    get_locatie_for_user_or_404,
    get_uitvraag_for_user_or_404,
    may_edit_locaties,
    may_review,
)
from .filters import LocatieFilter
from .forms import (
    SLUITEN_NIET_BEVESTIGD,
    AfsluitenForm,
    BeoordelingForm,
    LocatieForm,
    SluitenForm,
    UitvraagForm,
    VersieForm,
)
from .models import Indiening, Locatie, Opgave, Uitvraag
from .selectors import (
    gemeente_cijfers,
    gemeenten_in_cyclus,
    kies_cyclus,
    voortgang,
    vorige_geaccepteerde,
    wijzigingen,
)
from .tables import LocatieTable
from .velden import VELDNAMEN
from .vergelijking import snapshot_cijfers, vergelijk
from .voortgang import samenvatting
from .vraag import CyclusKeuzeForm, standaard_cyclus


def _crumbs(*items):
    return [("Overzicht", reverse("home")), *items]


class GemeenteDetailView(LoginRequiredMixin, SingleTableMixin, FilterView):
    """A gemeente's target, figures and locations."""

    table_class = LocatieTable
    filterset_class = LocatieFilter
    template_name = "opvang/gemeente_detail.html"
    table_pagination = {"per_page": 50}

    def get_queryset(self):
        self.gemeente = get_gemeente_for_user_or_404(self.request.user, self.kwargs["code"])
        self.keuze = CyclusKeuzeForm(self.request.GET, user=self.request.user)
        if self.keuze.is_valid():
            self.cyclus = self.keuze.cleaned_data["cyclus"]
            self.peildatum = self.keuze.cleaned_data["peildatum"]
        else:
            # The page says what was wrong and shows the defaults, with status 400.
            self.cyclus = standaard_cyclus(self.keuze.cycli.values(), self.request.user)
            self.peildatum = timezone.localdate()
        return Locatie.objects.for_user(self.request.user).filter(gemeente=self.gemeente)

    def get_table_kwargs(self):
        return {"cyclus": self.cyclus}

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.keuze.errors:
            response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        gemeente = self.gemeente
        return super().get_context_data(
            **kwargs,
            **_gemeente_gegevens(self.request.user, gemeente, self.cyclus, self.peildatum),
            gemeente=gemeente,
            cyclus=self.cyclus,
            cycli=self.keuze.cycli.values(),
            keuze=self.keuze,
            peildatum=self.peildatum,
            bereik=(EERSTE_DATUM, LAATSTE_DATUM),
            may_edit=may_edit_locaties(self.request.user, gemeente),
            crumbs=_crumbs((gemeente.naam, "")),
        )


def _gemeente_gegevens(user, gemeente, cyclus, peildatum):
    """Return the gemeente page's figures, opgaven, open uitvraag and submissions."""
    uitvraag = Uitvraag.objects.for_user(user).open().select_related("cyclus").first()
    stand = uitvraag and voortgang(uitvraag, [gemeente])[gemeente.pk]
    return {
        "cijfers": cyclus
        and gemeente_cijfers(gemeente=gemeente, cyclus=cyclus, peildatum=peildatum),
        "opgaven": Opgave.objects.filter(gemeente=gemeente).select_related("cyclus"),
        "uitvraag": uitvraag,
        "stand": stand,
        "samenvatting": stand
        and samenvatting(
            {gemeente.pk: stand[0]}, deadline=uitvraag.deadline, vandaag=timezone.localdate()
        ),
        "indieningen": Indiening.objects.filter(gemeente=gemeente).select_related("uitvraag"),
    }


def _gemeente_crumbs(gemeente, *items):
    return _crumbs((gemeente.naam, reverse("opvang:gemeente_detail", args=[gemeente.code])), *items)


@login_required
@require_http_methods(["GET", "POST"])
def locatie_nieuw(request, code):
    gemeente = get_gemeente_for_user_or_404(request.user, code, for_edit=True)
    form = LocatieForm(request.POST or None, gemeente=gemeente)
    if request.method == "POST" and form.is_valid():
        locatie = services.locatie_aanmaken(
            gemeente=gemeente, data=form.cleaned_data, user=request.user
        )
        messages.success(request, f"Locatie ‘{locatie.naam}’ is toegevoegd.")
        return redirect(locatie)
    crumbs = _gemeente_crumbs(gemeente, ("Nieuwe locatie", ""))
    return render(
        request, "opvang/locatie_form.html", {"form": form, "gemeente": gemeente, "crumbs": crumbs}
    )


@login_required
@require_safe
def locatie_detail(request, pk):
    locatie = get_locatie_for_user_or_404(request.user, pk)
    cyclus = kies_cyclus(request.GET.get("cyclus"), request.user)
    ctx = {
        "locatie": locatie,
        "cyclus": cyclus,
        "categorie": cyclus and locatie.omschrijving_in(cyclus),
        "may_edit": may_edit_locaties(request.user, locatie.gemeente),
        "crumbs": _gemeente_crumbs(locatie.gemeente, (locatie.naam, "")),
    }
    return render(request, "opvang/locatie_detail.html", ctx)


def _versioned_edit(request, locatie, form, *, save, template, stap, gelukt):
    """Validate form and version and save; a stale version shows what others changed.

    The user's input stays in the form; the version moves to the current one, so a
    second save after reading the differences is a deliberate choice.
    """
    versie = VersieForm(request.POST or None, initial={"versie": locatie.versie})
    conflict = None
    if request.method == "POST" and form.is_valid() and versie.is_valid():
        try:
            opgeslagen = save(versie.cleaned_data["versie"], form.cleaned_data)
        except services.VersieConflict as exc:
            conflict = exc
            versie = VersieForm(initial={"versie": exc.huidig.versie})
        else:
            messages.success(request, gelukt(opgeslagen))
            return redirect(opgeslagen)
    return _versioned_edit_page(request, template, locatie, form, versie, conflict, stap)


def _versioned_edit_page(request, template, locatie, form, versie, conflict, stap):
    """Render the form again, with status 409 and the differences after a conflict."""
    ctx = {
        "form": form,
        "versie": versie,
        "conflict": conflict,
        "locatie": locatie,
        "gemeente": locatie.gemeente,
        "crumbs": _gemeente_crumbs(
            locatie.gemeente, (locatie.naam, locatie.get_absolute_url()), (stap, "")
        ),
    }
    return render(request, template, ctx, status=409 if conflict else 200)


@login_required
@require_http_methods(["GET", "POST"])
def locatie_wijzigen(request, pk):
    locatie = get_locatie_for_user_or_404(request.user, pk, for_edit=True)
    return _versioned_edit(
        request,
        locatie,
        LocatieForm(request.POST or None, instance=locatie, gemeente=locatie.gemeente),
        save=lambda versie, data: services.locatie_wijzigen(
            locatie=locatie, versie=versie, data=data, user=request.user
        ),
        template="opvang/locatie_form.html",
        stap="Wijzigen",
        gelukt=lambda loc: f"Locatie ‘{loc.naam}’ is opgeslagen.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def locatie_afsluiten(request, pk):
    locatie = get_locatie_for_user_or_404(request.user, pk, for_edit=True)
    return _versioned_edit(
        request,
        locatie,
        AfsluitenForm(request.POST or None, locatie=locatie),
        save=lambda versie, data: services.locatie_afsluiten(
            locatie=locatie, versie=versie, user=request.user, **data
        ),
        template="opvang/locatie_afsluiten.html",
        stap="Afsluiten",
        gelukt=lambda loc: f"Locatie ‘{loc.naam}’ is afgesloten ({loc.get_status_display()}).",
    )


@login_required
@require_safe
def locatie_wijzigingen(request, pk):
    locatie = get_locatie_for_user_or_404(request.user, pk)
    met_ip_adres = may_see_ip_addresses(request.user)
    ctx = {
        "locatie": locatie,
        "wijzigingen": wijzigingen(locatie, VELDNAMEN, met_ip_adres=met_ip_adres),
        "met_ip_adres": met_ip_adres,
        "crumbs": _gemeente_crumbs(
            locatie.gemeente,
            (locatie.naam, locatie.get_absolute_url()),
            ("Wijzigingen", ""),
        ),
    }
    return render(request, "opvang/locatie_wijzigingen.html", ctx)


def _indienen_post(request, uitvraag, gemeente):
    try:
        indiening, created = services.indiening_indienen(
            uitvraag=uitvraag, gemeente=gemeente, user=request.user
        )
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return redirect("opvang:gemeente_detail", code=gemeente.code)
    if created:
        messages.success(request, "Uw gegevens zijn ingediend bij de provincie.")
    else:
        messages.info(request, services.AL_INGEDIEND)
    return redirect(indiening)


@login_required
@require_http_methods(["GET", "POST"])
def indienen(request, code):
    gemeente = get_gemeente_for_user_or_404(request.user, code, for_edit=True)
    uitvraag = Uitvraag.objects.for_user(request.user).open().select_related("cyclus").first()
    if uitvraag is None:
        messages.error(request, "Er staat geen uitvraag open; indienen kan nu niet.")
        return redirect("opvang:gemeente_detail", code=code)
    if request.method == "POST":
        return _indienen_post(request, uitvraag, gemeente)
    ctx = {
        "gemeente": gemeente,
        "uitvraag": uitvraag,
        "cijfers": gemeente_cijfers(gemeente=gemeente, cyclus=uitvraag.cyclus),
        "stand": voortgang(uitvraag, [gemeente])[gemeente.pk],
        "crumbs": _gemeente_crumbs(gemeente, ("Indienen", "")),
    }
    return render(request, "opvang/indienen.html", ctx)


@login_required
@require_safe
def uitvraag_list(request):
    ctx = {
        "uitvragen": Uitvraag.objects.for_user(request.user).select_related(
            "cyclus", "provincie", "geopend_door"
        ),
        "may_review": may_review(request.user),
        "crumbs": _crumbs(("Uitvragen", "")),
    }
    return render(request, "opvang/uitvraag_list.html", ctx)


@login_required
@require_http_methods(["GET", "POST"])
def uitvraag_nieuw(request):
    if not may_review(request.user):
        raise PermissionDenied
    form = UitvraagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            uitvraag = services.uitvraag_openen(
                provincie=request.user.provincie, user=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "De uitvraag is geopend; de gemeenten kunnen nu indienen.")
            return redirect(uitvraag)
    crumbs = _crumbs(("Uitvragen", reverse("opvang:uitvraag_list")), ("Nieuwe uitvraag", ""))
    return render(request, "opvang/uitvraag_form.html", {"form": form, "crumbs": crumbs})


@login_required
@require_safe
def uitvraag_detail(request, pk):
    uitvraag = get_uitvraag_for_user_or_404(request.user, pk)
    gemeenten = list(
        gemeenten_in_cyclus(uitvraag.provincie, uitvraag.cyclus)
        .for_user(request.user)
        .select_related("regio")
    )
    stand = voortgang(uitvraag, gemeenten)
    overzicht = samenvatting(
        {pk: status for pk, (status, _) in stand.items()},
        deadline=uitvraag.deadline,
        vandaag=timezone.localdate(),
    )
    ctx = {
        "uitvraag": uitvraag,
        "samenvatting": overzicht,
        "rijen": [(g, *stand[g.pk], g.pk in overzicht.te_laat) for g in gemeenten],
        "may_review": may_review(request.user),
        "sluiten_form": SluitenForm(),
        "crumbs": _crumbs(("Uitvragen", reverse("opvang:uitvraag_list")), (str(uitvraag), "")),
    }
    return render(request, "opvang/uitvraag_detail.html", ctx)


@login_required
@require_POST
def uitvraag_sluiten(request, pk):
    uitvraag = get_uitvraag_for_user_or_404(request.user, pk, for_review=True)
    form = SluitenForm(request.POST)
    if not form.is_valid():
        messages.error(request, SLUITEN_NIET_BEVESTIGD)
    elif uitvraag.is_open:
        services.uitvraag_sluiten(uitvraag=uitvraag, user=request.user)
        messages.success(request, "De uitvraag is gesloten.")
    return redirect(uitvraag)


def _indiening_page(request, indiening, form, status=200):
    met_ip_adres = may_see_ip_addresses(request.user)
    vorige = vorige_geaccepteerde(indiening)
    ctx = {
        "indiening": indiening,
        "snapshot": indiening.snapshot,
        "cijfers": snapshot_cijfers(indiening.snapshot),
        "vorige": vorige,
        "vergelijking": vorige and vergelijk(vorige.snapshot, indiening.snapshot),
        "form": form,
        "wijzigingen": wijzigingen(indiening, ["status", "opmerking"], met_ip_adres=met_ip_adres),
        "met_ip_adres": met_ip_adres,
        "crumbs": _gemeente_crumbs(indiening.gemeente, (str(indiening), "")),
    }
    return render(request, "opvang/indiening_detail.html", ctx, status=status)


@login_required
@require_safe
def indiening_detail(request, pk):
    indiening = get_indiening_for_user_or_404(request.user, pk)
    form = BeoordelingForm() if may_review(request.user) else None
    return _indiening_page(request, indiening, form)


@login_required
@require_POST
def indiening_beoordelen(request, pk):
    indiening = get_indiening_for_user_or_404(request.user, pk, for_review=True)
    form = BeoordelingForm(request.POST)
    if not form.is_valid():
        return _indiening_page(request, indiening, form, status=400)
    try:
        indiening = services.indiening_beoordelen(
            indiening=indiening,
            akkoord=form.cleaned_data["besluit"] == "akkoord",
            opmerking=form.cleaned_data["opmerking"],
            user=request.user,
        )
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        status = indiening.get_status_display()
        messages.success(request, f"Indiening van {indiening.gemeente} is {status}.")
    return redirect(indiening)
