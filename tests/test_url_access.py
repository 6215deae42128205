"""Walk every URL of the app with every role and another gemeente's objects.

A new URL pattern fails `test_every_url_is_covered` until it is added to URLS with
its scope, so no page can leak another gemeente's or province's data unnoticed, and
`test_every_url_has_its_methods` until it is added to METHODS with the HTTP methods it
accepts: a write answers GET with 405, never with a silent redirect.
"""

from datetime import date
from types import SimpleNamespace

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from gemeenten.constants import Rol
from gemeenten.models import User
from huisvesting import services as huisvesting_services
from huisvesting.models import IbtStap, Instelling, Maatregel, Realisatie
from meldingen.models import HerinneringInstelling, Melding, MeldingVoorkeur
from meldingen.services import melding_maken
from ontheemden.models import Bezetting, GooLocatie, Streefgetal
from opvang import services, services_import
from opvang.models import Indiening, Locatie, Opgave, UitvraagImport, Verdeelbesluit
from opvang.verdeelbesluit import verdeelbesluit_voorbereiden
from rapportage.models import DocumentDownload, DocumentOpdracht, DocumentVersie
from scenarios import services as scenario_services
from scenarios.models import Scenario, ScenarioBesluit, ScenarioLocatie, ScenarioVervallen
from tests.factories import (
    TEST_PASSWORD,
    GemeenteFactory,
    LocatieFactory,
    OpgaveFactory,
    UserFactory,
)
from tests.ontheemden.factories import GooLocatieFactory
from tests.opvang.test_excel_import import rij, werkboek
from tests.opvang.test_verdeelbesluit import besluit_bestand
from uitruil import services as uitruil_services
from uitruil.models import Uitruilafspraak

pytestmark = pytest.mark.django_db

# name: (args from the objects, scope, writes)
# scope "gemeente": the object belongs to gemeente Utrecht; "provincie": to province Utrecht;
# "eigen": the page shows only the user's own scope; writes: only the own gemeente
# (or PRT/cvdK for review pages) may change anything.
URLS = {
    "home": (lambda o: [], "eigen", None),
    "wachtwoord_wijzigen": (lambda o: [], "eigen", None),
    "opvang:uitvraag_list": (lambda o: [], "eigen", None),
    "opvang:uitvraag_nieuw": (lambda o: [], "eigen", "review"),
    "opvang:gemeente_detail": (lambda o: [o.gemeente.code], "gemeente", None),
    "opvang:locatie_nieuw": (lambda o: [o.gemeente.code], "gemeente", "gemeente"),
    "opvang:indienen": (lambda o: [o.gemeente.code], "gemeente", "gemeente"),
    "opvang:locatie_detail": (lambda o: [o.locatie.pk], "gemeente", None),
    "opvang:locatie_wijzigen": (lambda o: [o.locatie.pk], "gemeente", "gemeente"),
    "opvang:locatie_afsluiten": (lambda o: [o.locatie.pk], "gemeente", "gemeente"),
    "opvang:locatie_wijzigingen": (lambda o: [o.locatie.pk], "gemeente", None),
    "opvang:indiening_detail": (lambda o: [o.indiening.pk], "gemeente", None),
    "opvang:indiening_beoordelen": (lambda o: [o.indiening.pk], "gemeente", "review"),
    "opvang:uitvraag_detail": (lambda o: [o.uitvraag.pk], "provincie", None),
    "opvang:uitvraag_sluiten": (lambda o: [o.uitvraag.pk], "provincie", "review"),
    # Excel (opvang/views_excel.py). The gemeente's template is read by all who see the
    # gemeente; its import is a write of the gemeente itself.
    "opvang:excel_sjabloon_gemeente": (lambda o: [o.gemeente.code], "gemeente", None),
    "opvang:excel_importeren_gemeente": (lambda o: [o.gemeente.code], "gemeente", "gemeente"),
    # The province's template, export and import: PRT, cvdK and beheer of the province
    # only; gemeente users are outsiders (404), as on the rapportage pages.
    "opvang:excel_sjabloon_provincie": (
        lambda o: [o.gemeente.provincie.code],
        "gemeente",
        "provinciaal",
    ),
    "opvang:excel_locaties_export": (
        lambda o: [o.gemeente.provincie.code],
        "gemeente",
        "provinciaal",
    ),
    "opvang:excel_importeren_provincie": (
        lambda o: [o.gemeente.provincie.code],
        "gemeente",
        "provinciaal",
    ),
    # An import awaiting confirmation is its uploader's alone (the gemeente's user here):
    # everyone else gets 404, readers of the gemeente too (tests/opvang/test_excel_views.py).
    "opvang:import_detail": (lambda o: [o.uitvraagimport.pk], "gemeente", "uploader"),
    # The errors of the user's own last refused file, from their session.
    "opvang:import_fouten": (lambda o: [], "eigen", None),
    # PRT and cvdK of the province only: every gemeente user is an outsider (404), so the
    # scope is "gemeente"; "provinciaal" keeps it out of the test in which the gemeente
    # user reads, and has GET and POST of outsiders checked.
    "rapportage:verslag_json": (
        lambda o: [o.gemeente.provincie.code, 1],
        "gemeente",
        "provinciaal",
    ),
    # The dashboard and its exports: as the JSON export, PRT/cvdK/beheer of the province.
    "rapportage:dashboard": (lambda o: [o.gemeente.provincie.code], "gemeente", "provinciaal"),
    "rapportage:gemeenten_csv": (
        lambda o: [o.gemeente.provincie.code],
        "gemeente",
        "provinciaal",
    ),
    "rapportage:gemeenten_xlsx": (
        lambda o: [o.gemeente.provincie.code],
        "gemeente",
        "provinciaal",
    ),
    # The list of provinces redirects everyone but beheer without a province to their own
    # start page, and lists only the provinces the user may read.
    "rapportage:provincies": (lambda o: [], "eigen", None),
    # The national picture: the LRT and national beheer only; everyone else is an
    # outsider (404), whatever province or gemeente they belong to.
    "landelijk:overzicht": (lambda o: [], "landelijk", None),
    "landelijk:csv": (lambda o: [], "landelijk", None),
    "landelijk:xlsx": (lambda o: [], "landelijk", None),
    "landelijk:json": (lambda o: [1], "landelijk", None),
    # The verslag and plan (rapportage/views_documenten.py): PRT, cvdK and beheer of the
    # province; vaststellen is the cvdK's alone (403 for PRT, tested in test_pdf.py).
    "rapportage:documenten": (
        lambda o: [o.gemeente.provincie.code, 1],
        "gemeente",
        "provinciaal",
    ),
    "rapportage:document_voorbeeld": (
        lambda o: [o.gemeente.provincie.code, 1, "verslag"],
        "gemeente",
        "provinciaal",
    ),
    "rapportage:document_concept": (
        lambda o: [o.gemeente.provincie.code, 1, "plan"],
        "gemeente",
        "provinciaal",
    ),
    "rapportage:document_vaststellen": (
        lambda o: [o.gemeente.provincie.code, 1, "verslag"],
        "gemeente",
        "provinciaal",
    ),
    "rapportage:document_download": (lambda o: [o.document.pk], "gemeente", "provinciaal"),
    # A request for a document (rendered in the background): as the documents.
    "rapportage:document_opdracht": (lambda o: [o.opdracht.pk], "gemeente", "provinciaal"),
    "rapportage:document_opdracht_opnieuw": (
        lambda o: [o.opdracht.pk],
        "gemeente",
        "provinciaal",
    ),
    "rapportage:document_opdracht_download": (
        lambda o: [o.opdracht.pk],
        "gemeente",
        "provinciaal",
    ),
    # Oekraïense ontheemden (ontheemden/urls.py): the gemeente's page, template and forms;
    # the province's dashboard, exports and streefgetallen as the rapportage pages.
    "ontheemden:gemeente_detail": (lambda o: [o.gemeente.code], "gemeente", None),
    "ontheemden:excel_sjabloon": (lambda o: [o.gemeente.code], "gemeente", None),
    "ontheemden:locatie_nieuw": (lambda o: [o.gemeente.code], "gemeente", "gemeente"),
    "ontheemden:bezetting_nieuw": (lambda o: [o.gemeente.code], "gemeente", "gemeente"),
    "ontheemden:particulier_nieuw": (lambda o: [o.gemeente.code], "gemeente", "gemeente"),
    "ontheemden:excel_importeren": (lambda o: [o.gemeente.code], "gemeente", "gemeente"),
    "ontheemden:locatie_wijzigen": (lambda o: [o.goo_locatie.pk], "gemeente", "gemeente"),
    "ontheemden:dashboard": (lambda o: [o.gemeente.provincie.code], "gemeente", "provinciaal"),
    "ontheemden:dashboard_csv": (
        lambda o: [o.gemeente.provincie.code],
        "gemeente",
        "provinciaal",
    ),
    "ontheemden:dashboard_xlsx": (
        lambda o: [o.gemeente.provincie.code],
        "gemeente",
        "provinciaal",
    ),
    "ontheemden:streefgetal_nieuw": (
        lambda o: [o.gemeente.provincie.code],
        "gemeente",
        "provinciaal",
    ),
    # Statushouders (huisvesting/urls.py): the gemeente enters counts and measures, PRT and
    # cvdK of the province add IBT steps ("review"); the dashboard, its exports, the
    # province's setting and import are the province's, as on the rapportage pages.
    **{
        f"huisvesting:{n}": (lambda o: [o.gemeente.code], "gemeente", w)
        for n, w in [
            ("gemeente_detail", None),
            ("sjabloon_gemeente", None),
            ("realisatie_invoeren", "gemeente"),
            ("maatregel_nieuw", "gemeente"),
            ("importeren_gemeente", "gemeente"),
            ("ibt_stap_nieuw", "review"),
        ]
    },
    **{
        f"huisvesting:{n}": (lambda o: [o.gemeente.provincie.code], "gemeente", "provinciaal")
        for n in [
            "dashboard",
            "dashboard_csv",
            "dashboard_xlsx",
            "instelling",
            "importeren_provincie",
        ]
    },
    "huisvesting:maatregel_wijzigen": (lambda o: [o.maatregel.pk], "gemeente", "gemeente"),
    # Meldingen (meldingen/urls.py): one's own list and choice; a notification is its
    # recipient's alone ("eigenaar": everyone else gets 404). What was sent about an
    # uitvraag: the province's readers as a whole (gemeente users are outsiders, as on
    # the dashboard); its reminder days: PRT and cvdK ("review").
    "meldingen:lijst": (lambda o: [], "eigen", None),
    "meldingen:voorkeuren": (lambda o: [], "eigen", None),
    "meldingen:gelezen": (lambda o: [o.melding.pk], "gemeente", "eigenaar"),
    "meldingen:uitvraag": (lambda o: [o.uitvraag.pk], "gemeente", "provinciaal"),
    "meldingen:herinneringen": (lambda o: [o.uitvraag.pk], "provincie", "review"),
    # Uitruil (uitruil/urls.py): the province's list is read by its gemeente users too
    # (only their own agreements); an agreement (Utrecht and Zeist) by the two gemeenten
    # and the province's readers; recording and deciding is the PRT's ("review").
    "uitruil:lijst": (lambda o: [o.gemeente.provincie.code], "provincie", None),
    "uitruil:nieuw": (lambda o: [o.gemeente.provincie.code], "provincie", "review"),
    "uitruil:detail": (lambda o: [o.uitruil.pk], "gemeente", None),
    **{
        f"uitruil:{n}": (lambda o: [o.uitruil.pk], "gemeente", "review")
        for n in ("wijzigen", "akkoord", "vervallen")
    },
    # Scenarios (scenarios/urls.py): the province's PRT and cvdK alone; every gemeente
    # user, another province, the LRT and beheer are outsiders (404, tests/scenarios).
    **{
        f"scenarios:{n}": (lambda o: [o.gemeente.provincie.code], "gemeente", "provinciaal")
        for n in ["lijst", "nieuw"]
    },
    **{
        f"scenarios:{n}": (lambda o: [o.scenario.pk], "gemeente", "provinciaal")
        for n in ["detail", "wijzigen", "xlsx", "bijlage", "bijlage_pdf"]
    },
    "scenarios:toevoegen": (lambda o: [o.scenario.pk, "vervallen"], "gemeente", "provinciaal"),
    "scenarios:weghalen": (
        lambda o: [o.scenario.pk, "vervallen", o.scenario_vervallen.pk],
        "gemeente",
        "provinciaal",
    ),
    # The verdeelbesluit (opvang/views_verdeelbesluit.py): national beheer's pages only;
    # everyone else gets 403 (tests/opvang/test_verdeelbesluit_views.py), a preview is
    # its uploader's alone (404 for other beheer).
    "opvang:verdeelbesluit_list": (lambda o: [], "eigen", "beheer"),
    "opvang:verdeelbesluit_sjabloon": (lambda o: [], "eigen", "beheer"),
    "opvang:verdeelbesluit_laden": (lambda o: [], "eigen", "beheer"),
    "opvang:verdeelbesluit_detail": (lambda o: [o.verdeelbesluit.pk], "eigen", "beheer"),
}
OUTSIDE_APP = {"login", "logout", "otp_verifieren", "otp_instellen"}
# Reached without logging in, from a set-password link (tested below).
PUBLIC = {
    "wachtwoord_instellen": ["MQ", "geen-geldig-token"],
    "wachtwoord_ingesteld": [],
    "wachtwoord_vergeten": [],
    "wachtwoord_vergeten_verstuurd": [],
    "hulp": [],
    "toegankelijkheid": [],
}

READ, FORM, WRITE = {"GET"}, {"GET", "POST"}, {"POST"}
# name: the methods (of GET and POST) the view accepts; the other one is a 405. READ
# includes HEAD. Pages that only write (WRITE) have @require_POST; form pages (FORM)
# show the form on GET and save on POST.
METHODS = {
    "home": READ,
    "opvang:uitvraag_list": READ,
    "opvang:uitvraag_nieuw": FORM,
    "opvang:gemeente_detail": READ,
    "opvang:locatie_nieuw": FORM,
    "opvang:indienen": FORM,
    "opvang:locatie_detail": READ,
    "opvang:locatie_wijzigen": FORM,
    "opvang:locatie_afsluiten": FORM,
    "opvang:locatie_wijzigingen": READ,
    "opvang:indiening_detail": READ,
    "opvang:indiening_beoordelen": WRITE,
    "opvang:uitvraag_detail": READ,
    "opvang:uitvraag_sluiten": WRITE,
    "opvang:excel_sjabloon_gemeente": READ,
    # The upload form; the preview and its confirmation (POST); the last error list.
    "opvang:excel_importeren_gemeente": FORM,
    "opvang:excel_importeren_provincie": FORM,
    "opvang:import_detail": FORM,
    "opvang:import_fouten": READ,
    # These two load the province first, so that an outsider's POST stays a 404 (the
    # walk below); they answer a POST as a GET and write nothing.
    "opvang:excel_sjabloon_provincie": FORM,
    "opvang:excel_locaties_export": FORM,
    # The rapportage pages check access first, then the method (provincie_view,
    # document_view), so an outsider gets 404 whatever the method.
    "rapportage:verslag_json": READ,
    "rapportage:dashboard": READ,
    "rapportage:gemeenten_csv": READ,
    "rapportage:gemeenten_xlsx": READ,
    "rapportage:provincies": READ,
    "landelijk:overzicht": READ,
    "landelijk:csv": READ,
    "landelijk:xlsx": READ,
    "landelijk:json": READ,
    "rapportage:documenten": READ,
    "rapportage:document_voorbeeld": READ,
    "rapportage:document_concept": READ,
    "rapportage:document_vaststellen": FORM,
    "rapportage:document_download": READ,
    "rapportage:document_opdracht": READ,
    "rapportage:document_opdracht_opnieuw": WRITE,
    "rapportage:document_opdracht_download": READ,
    "ontheemden:gemeente_detail": READ,
    "ontheemden:excel_sjabloon": READ,
    "ontheemden:locatie_nieuw": FORM,
    "ontheemden:bezetting_nieuw": FORM,
    "ontheemden:particulier_nieuw": FORM,
    "ontheemden:excel_importeren": FORM,
    "ontheemden:locatie_wijzigen": FORM,
    "ontheemden:dashboard": READ,
    "ontheemden:dashboard_csv": READ,
    "ontheemden:dashboard_xlsx": READ,
    "ontheemden:streefgetal_nieuw": FORM,
    "huisvesting:gemeente_detail": READ,
    "huisvesting:sjabloon_gemeente": READ,
    "huisvesting:realisatie_invoeren": WRITE,
    "huisvesting:maatregel_nieuw": WRITE,
    "huisvesting:ibt_stap_nieuw": WRITE,
    "huisvesting:importeren_gemeente": FORM,
    "huisvesting:dashboard": READ,
    "huisvesting:dashboard_csv": READ,
    "huisvesting:dashboard_xlsx": READ,
    "huisvesting:instelling": FORM,
    "huisvesting:importeren_provincie": FORM,
    "huisvesting:maatregel_wijzigen": FORM,
    "meldingen:lijst": READ,
    "meldingen:voorkeuren": FORM,
    "meldingen:gelezen": WRITE,
    "meldingen:uitvraag": READ,
    "meldingen:herinneringen": FORM,
    "uitruil:lijst": READ,
    "uitruil:nieuw": FORM,
    "uitruil:detail": READ,
    "uitruil:wijzigen": FORM,
    "uitruil:akkoord": WRITE,
    "uitruil:vervallen": WRITE,
    "scenarios:lijst": READ,
    "scenarios:nieuw": FORM,
    "scenarios:detail": READ,
    "scenarios:wijzigen": FORM,
    "scenarios:toevoegen": WRITE,
    "scenarios:weghalen": WRITE,
    "scenarios:xlsx": READ,
    "scenarios:bijlage": READ,
    "scenarios:bijlage_pdf": READ,
    "opvang:verdeelbesluit_list": READ,
    "opvang:verdeelbesluit_sjabloon": READ,
    "opvang:verdeelbesluit_laden": FORM,
    "opvang:verdeelbesluit_detail": FORM,
    "login": FORM,
    "logout": WRITE,
    "otp_verifieren": FORM,
    "otp_instellen": FORM,
    "wachtwoord_instellen": FORM,
    "wachtwoord_ingesteld": READ,
    "wachtwoord_vergeten": FORM,
    "wachtwoord_vergeten_verstuurd": READ,
    "wachtwoord_wijzigen": FORM,
    "hulp": READ,
    "toegankelijkheid": READ,
}
# Who may use each page, for the method walk: a 405 must come from the method, not
# from a missing right. Pages without a persona are tried without logging in.
PERSONA = {
    "gemeente": "gemeente_user",
    "review": "prt_user",
    "provinciaal": "prt_user",
    "beheer": "beheer_user",
}
ANONYMOUS = {"login", *PUBLIC}


def app_url_names(patterns=None, namespace=""):
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            if p.namespace == "admin":
                continue
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from app_url_names(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{namespace}{p.name}"


def test_every_url_is_covered():
    assert set(app_url_names()) - OUTSIDE_APP - set(PUBLIC) == set(URLS)


def test_every_url_has_its_methods():
    assert set(app_url_names()) == set(METHODS)


def authorised_user(request, name):
    if name in ANONYMOUS:
        return None
    if name == "rapportage:document_vaststellen":
        return request.getfixturevalue("cvdk_user")  # the cvdK's alone
    writes = URLS[name][2] if name in URLS else None
    return request.getfixturevalue(PERSONA.get(writes, "gemeente_user"))


@pytest.mark.parametrize("name", sorted(METHODS))
@pytest.mark.parametrize("method", ["get", "post"])
def test_each_url_accepts_only_its_methods(request, client, objecten, name, method):
    user = authorised_user(request, name)
    if user is not None:
        client.login(username=user.username, password=TEST_PASSWORD)
    args = URLS[name][0](objecten) if name in URLS else PUBLIC.get(name, [])
    before = footprint()
    response = getattr(client, method)(reverse(name, args=args))
    if method.upper() in METHODS[name]:
        assert response.status_code != 405
    else:
        assert response.status_code == 405
        assert footprint() == before


@pytest.mark.parametrize("name", sorted(n for n, m in METHODS.items() if m == WRITE and n in URLS))
def test_a_write_url_rejects_get_and_changes_nothing(request, client, objecten, name):
    user = authorised_user(request, name)
    before = footprint(), objecten.uitvraag.is_open
    response = fetch(client, user, name, objecten, "get")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    objecten.uitvraag.refresh_from_db()
    assert (footprint(), objecten.uitvraag.is_open) == before


def passwords():
    return list(User.objects.order_by("pk").values_list("password", flat=True))


@pytest.mark.parametrize("name", sorted(PUBLIC))
@pytest.mark.parametrize("method", ["get", "post"])
def test_the_public_pages_change_nothing_without_a_valid_link_or_form(
    client, objecten, name, method
):
    before = footprint(), passwords()
    response = getattr(client, method)(reverse(name, args=PUBLIC[name]))
    get_only = METHODS[name] == READ and method == "post"
    assert response.status_code == (405 if get_only else 200)
    assert "Geheime locatie" not in response.content.decode()
    assert (footprint(), passwords()) == before


@pytest.fixture
def objecten(gemeente, gemeente_user, prt_user, beheer_user, cyclus):
    uitvraag = services.uitvraag_openen(
        provincie=gemeente.provincie,
        cyclus=cyclus,
        deadline=date(2026, 12, 1),
        bericht="",
        user=prt_user,
    )
    locatie = LocatieFactory(gemeente=gemeente, naam="Geheime locatie")
    indiening, _ = services.indiening_indienen(
        uitvraag=uitvraag, gemeente=gemeente, user=gemeente_user
    )
    document = DocumentVersie(
        provincie=gemeente.provincie,
        cyclus=cyclus,
        document="verslag",
        versie=1,
        kenmerk="D/24/1",
        datum=date(2024, 10, 30),
        peildatum=date(2024, 10, 15),
        bron="akkoord",
        rapport={},
        pdf=b"%PDF-1.7",
        vastgesteld_door=prt_user,
    )
    document.save()
    opdracht = DocumentOpdracht.objects.create(
        provincie=gemeente.provincie,
        cyclus=cyclus,
        document="verslag",
        soort="concept",
        peildatum=date(2024, 10, 15),
        bron="actueel",
        status="mislukt",
        fout="Geheime fout",
        aangevraagd_door=prt_user,
    )
    uitvraagimport = services_import.uitvraagimport_voorbereiden(
        bestand=werkboek([rij(Naam_locatie="Geheime import")]),
        bestandsnaam="geheim.xlsx",
        user=gemeente_user,
        gemeente=gemeente,
    )
    maatregel = huisvesting_services.maatregel_opslaan(
        gemeente=gemeente,
        user=gemeente_user,
        data={
            "projectnaam": "Geheim project",
            "soort": "flexwoningen",
            "woningen": 5,
            "status": "idee",
        },
    )
    melding = melding_maken(
        ontvanger=gemeente_user,
        soort="geopend",
        sleutel="geheim",
        link=uitvraag.get_absolute_url(),
        context={"uitvraag": uitvraag},
        samenvatting="Geheime melding",
        uitvraag=uitvraag,
    )
    zeist = GemeenteFactory(code="GM0355", naam="Zeist", provincie=gemeente.provincie)
    for g in (gemeente, zeist):
        OpgaveFactory(gemeente=g, cyclus=cyclus, plekken=300, amv_plekken=10)
    uitruil = uitruil_services.afspraak_opslaan(
        provincie=gemeente.provincie,
        user=prt_user,
        data={"cyclus": cyclus, "gemeente_a": zeist, "gemeente_b": gemeente, "asiel_plekken": 9},
    )
    scenario = scenario_services.scenario_aanmaken(
        provincie=gemeente.provincie,
        data={"naam": "Geheim scenario", "toelichting": "", "peildatum": date(2024, 10, 15),
              "cyclus": cyclus},
        user=prt_user,
    )  # fmt: skip
    scenario_vervallen = scenario_services.wijziging_toevoegen(
        scenario=scenario, wijziging=ScenarioVervallen(locatie=locatie), user=prt_user
    )
    verdeelbesluit = verdeelbesluit_voorbereiden(
        bestand=besluit_bestand(("GM0344", "Utrecht", 1946, 152, "nee", None)),
        bestandsnaam="besluit.xlsx",
        user=beheer_user,
        cyclus=cyclus,
        grondslag="verdeelbesluit",
        kenmerk="2024-1",
        datum=date(2024, 12, 31),
    )
    return SimpleNamespace(
        uitruil=uitruil,
        scenario=scenario,
        scenario_vervallen=scenario_vervallen,
        verdeelbesluit=verdeelbesluit,
        melding=melding,
        gemeente=gemeente,
        maatregel=maatregel,
        locatie=locatie,
        uitvraag=uitvraag,
        indiening=indiening,
        document=document,
        uitvraagimport=uitvraagimport,
        opdracht=opdracht,
        goo_locatie=GooLocatieFactory(gemeente=gemeente, naam="Geheime GOO-locatie"),
    )


def footprint():
    """What a refused request must leave unchanged."""
    return (
        Locatie.history.count(),
        Indiening.history.count(),
        UitvraagImport.history.count(),
        DocumentVersie.objects.count(),
        DocumentDownload.objects.count(),
        list(DocumentOpdracht.objects.values_list("status", flat=True)),
        list(Indiening.objects.values_list("status", flat=True)),
        GooLocatie.history.count(),
        Bezetting.history.count(),
        Streefgetal.objects.count(),
        Realisatie.history.count(),
        Maatregel.history.count(),
        IbtStap.history.count(),
        Instelling.history.count(),
        list(Melding.objects.values_list("gelezen_op", flat=True)),
        MeldingVoorkeur.history.count(),
        HerinneringInstelling.history.count(),
        Uitruilafspraak.history.count(),
        Scenario.history.count(),
        ScenarioBesluit.history.count(),
        ScenarioLocatie.history.count(),
        ScenarioVervallen.history.count(),
        Opgave.history.count(),
        list(Verdeelbesluit.objects.values_list("status", flat=True)),
        Verdeelbesluit.history.count(),
    )


def fetch(client, user, name, objecten, method):
    if user is not None:
        client.login(username=user.username, password=TEST_PASSWORD)
    url = reverse(name, args=URLS[name][0](objecten))
    return getattr(client, method)(url)


@pytest.mark.parametrize("name", sorted(URLS))
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_users_go_to_the_login_page(client, objecten, name, method):
    before = footprint()
    response = fetch(client, None, name, objecten, method)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert footprint() == before


OUTSIDER_CASES = [
    (name, method)
    for name, (_, scope, writes) in sorted(URLS.items())
    if scope != "eigen"
    for method in (["get", "post"] if writes else ["get"])
]


@pytest.mark.parametrize(("name", "method"), OUTSIDER_CASES)
@pytest.mark.parametrize("buitenstaander", ["andere_gemeente_user", "vreemde_prt_user"])
def test_outsiders_get_404_and_change_nothing(
    request, client, objecten, name, method, buitenstaander
):
    scope = URLS[name][1]
    if scope == "provincie" and buitenstaander == "andere_gemeente_user":
        # A gemeente sees its own province's uitvraag (deadline, message); writing
        # there is covered by test_a_gemeente_cannot_do_the_provinces_work.
        return
    user = request.getfixturevalue(buitenstaander)
    before = footprint()
    response = fetch(client, user, name, objecten, method)
    # A write-only page answers GET with 405 before it loads anything (@require_POST),
    # for an outsider as for anyone: the answer tells nothing about the object.
    write_only_get = METHODS[name] == WRITE and method == "get"
    assert response.status_code == (405 if write_only_get else 404)
    assert footprint() == before


@pytest.mark.parametrize("name", sorted(n for n, (_, _, w) in URLS.items() if w == "gemeente"))
@pytest.mark.parametrize("lezer", ["prt_user", "cvdk_user", "beheer_user"])
def test_readers_cannot_change_a_gemeentes_data(request, client, objecten, name, lezer):
    user = request.getfixturevalue(lezer)
    before = footprint()
    response = fetch(client, user, name, objecten, "post")
    assert response.status_code == 403
    assert footprint() == before


@pytest.mark.parametrize("name", sorted(n for n, (_, _, w) in URLS.items() if w == "review"))
def test_a_gemeente_cannot_do_the_provinces_work(client, objecten, gemeente_user, name):
    before = footprint()
    response = fetch(client, gemeente_user, name, objecten, "post")
    assert response.status_code == 403
    assert footprint() == before


@pytest.mark.parametrize("name", sorted(n for n, (_, scope, _) in URLS.items() if scope == "eigen"))
@pytest.mark.parametrize("buitenstaander", ["andere_gemeente_user", "vreemde_prt_user"])
def test_overview_pages_show_nothing_of_others(request, client, objecten, name, buitenstaander):
    user = request.getfixturevalue(buitenstaander)
    response = fetch(client, user, name, objecten, "get")
    if response.status_code == 302:
        response = client.get(response.url)
    assert response.status_code in (200, 403)
    content = response.content.decode(errors="replace")  # the error list is a workbook
    assert "Geheime locatie" not in content
    assert reverse("opvang:gemeente_detail", args=[objecten.gemeente.code]) not in content


@pytest.mark.parametrize(
    "name", sorted(n for n, (_, scope, w) in URLS.items() if w is None and scope != "landelijk")
)
@pytest.mark.parametrize("insider", ["gemeente_user", "prt_user", "cvdk_user"])
def test_insiders_read_every_page_of_their_scope(request, client, objecten, name, insider):
    response = fetch(client, request.getfixturevalue(insider), name, objecten, "get")
    assert response.status_code in (200, 302)


@pytest.mark.parametrize("name", sorted(n for n, (_, _, w) in URLS.items() if w is None))
@pytest.mark.parametrize("lezer", ["lrt_user", "landelijke_beheer_user"])
def test_the_national_readers_read_every_page_of_every_province(
    request, client, objecten, name, lezer
):
    response = fetch(client, request.getfixturevalue(lezer), name, objecten, "get")
    assert response.status_code in (200, 302)


# Two province pages answer a POST as a GET (a workbook to download) and write nothing.
LEES_POST = {"opvang:excel_sjabloon_provincie", "opvang:excel_locaties_export"}
EIGEN = {"opvang:import_detail", "meldingen:gelezen"}
# A scenario is the province's own: the LRT does not even see that it exists (404).
PRIVE = {n for n in URLS if n.startswith("scenarios:")}


@pytest.mark.parametrize(
    "name", sorted(n for n, (_, _, w) in URLS.items() if w is not None and "POST" in METHODS[n])
)
def test_the_lrt_reads_everything_and_changes_nothing(client, objecten, lrt_user, name):
    before = footprint(), objecten.uitvraag.is_open
    response = fetch(client, lrt_user, name, objecten, "post")
    assert response.status_code == (200 if name in LEES_POST else 403) or (
        # the uploader's, the recipient's, the province's alone
        response.status_code == 404 and name in EIGEN | PRIVE
    )
    objecten.uitvraag.refresh_from_db()
    assert (footprint(), objecten.uitvraag.is_open) == before


@pytest.mark.parametrize(
    "name", sorted(n for n, (_, scope, _) in URLS.items() if scope == "landelijk")
)
@pytest.mark.parametrize(
    "gebruiker", ["gemeente_user", "prt_user", "cvdk_user", "provinciale_beheer_user"]
)
def test_only_national_readers_see_the_national_picture(request, client, objecten, name, gebruiker):
    response = fetch(client, request.getfixturevalue(gebruiker), name, objecten, "get")
    assert response.status_code == 404


def test_the_admin_is_for_beheer_only(client, gemeente_user, prt_user):
    for user in (gemeente_user, prt_user):
        client.login(username=user.username, password=TEST_PASSWORD)
        response = client.get(reverse("admin:opvang_locatie_changelist"))
        assert response.status_code == 302
        assert "/beheer/login/" in response.url


def test_a_deactivated_user_sees_nothing(client, objecten):
    user = UserFactory(username="oud", rol=Rol.GEMEENTE, gemeente=objecten.gemeente)
    client.login(username=user.username, password=TEST_PASSWORD)
    user.is_active = False
    user.save()
    response = fetch(client, None, "opvang:locatie_detail", objecten, "get")
    assert response.status_code == 302
