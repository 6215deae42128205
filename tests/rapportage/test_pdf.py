"""The verslag and plan as PDF: the figures of the report object, safe rendering."""

import hashlib
import http.server
import io
import logging
import threading
from datetime import date

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.formats import number_format
from pypdf import PdfReader

from gemeenten.constants import Rol
from kern.formatting import number_range
from opvang.constants import Status
from rapportage.documenten import CONCEPT, Kop, document_context, document_pdf
from rapportage.documenten_forms import KENMERK_BESTAAT
from rapportage.models import DocumentDownload, DocumentIsVastgesteld, DocumentVersie
from rapportage.pdf import GeweigerdeBron, static_path
from rapportage.selectors import verslag_rapport
from tests.factories import (
    TEST_PASSWORD,
    CyclusFactory,
    GemeenteFactory,
    LocatieFactory,
    OpgaveFactory,
    ProvincieFactory,
    UserFactory,
)

from .conftest import PEILDATUM

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def weasyprint_logs_fail_the_test(caplog):
    """WeasyPrint reports problems (missing fonts, refused resources) only as log lines."""
    caplog.set_level(logging.WARNING, logger="weasyprint")
    yield
    problemen = [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")]
    assert problemen == []


def tekst(pdf):
    """Return the PDF's text with all white space (line breaks in cells too) as one space."""
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def nl(getal):
    with translation.override("nl"):
        return number_format(getal, force_grouping=True)


def concept(document, rapport):
    kop = Kop(kenmerk="", datum=date(2024, 10, 30), status=CONCEPT)
    return document_pdf(document_context(document=document, rapport=rapport, kop=kop))


def regel(rij):
    """Return the line of a gemeente in the per-gemeente table, as the PDF prints it."""
    t = rij.telling
    opgave = nl(rij.opgave_plekken) if rij.opgave_plekken is not None else "—"
    if rij.opgave_amv is not None:
        opgave += f" ({nl(rij.opgave_amv)})"
    dekking = rij.dekking_percentage
    procent = f"{str(dekking).replace('.', ',')}%" if dekking is not None else "—"
    return (
        f"{rij.naam} {opgave} {nl(t.hard)} ({nl(t.hard_amv)}) "
        f"{nl(t.hard_plan)} ({nl(t.hard_plan_amv)}) "
        f"{nl(t.minimale_dekking)} ({nl(t.minimale_dekking_amv)}) {procent} "
        f"{number_range(t.planvoorraad_min, t.planvoorraad_max)}"  # '—' for 0–0
    )


def test_the_verslag_shows_the_letters_figures_the_dutch_way(demo, cyclus1):
    rapport = verslag_rapport(provincie=demo, cyclus=cyclus1, peildatum=PEILDATUM)
    pdf = concept("verslag", rapport)
    inhoud = tekst(pdf)
    for verwacht in [
        "Opgave 8.207 694",
        "Harde opvangcapaciteit 3.523 355",
        "Harde plancapaciteit 575 40",
        "Minimale dekking 4.098 395",
        "Minimale dekking in % van de opgave 49,9%",
        "Planvoorraad (minimum–maximum) 3.378–3.983",
        "Perspectief (minimum–maximum) 7.476–8.081",
        "Huidige capaciteit op 15 oktober 2024 4.705",
        "Totaal provincie 8.207 (694) 3.523 (355) 575 (40) 4.098 (395) 49,9% 3.378–3.983",
    ]:
        assert verwacht in inhoud
    for rij in rapport.gemeenten:
        assert regel(rij) in inhoud
    reader = PdfReader(io.BytesIO(pdf))
    assert f"Pagina 1 van {len(reader.pages)}" not in inhoud  # the cover has no footer
    assert f"Pagina 2 van {len(reader.pages)}" in inhoud
    assert reader.metadata.title == "Provinciaal verslag Spreidingswet Utrecht, cyclus 1"
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged PDF
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert [o["/Title"] for o in reader.outline if not isinstance(o, list)] == [
        "1. Inleiding en wettelijk kader",
        "2. Proces",
        "3. Resultaten",
        "4. Knelpunten",
        "5. Vervolg",
        "Bijlage: locaties per gemeente",
    ]
    assert fonts(reader) == VENDORED_FONTS


# The fonts vendored in static/vendor/@fontsource: no glyph may come from the server's
# own fonts (a DejaVu fallback made the output depend on the machine).
VENDORED_FONTS = {"Noto-Sans", "Noto-Sans-Bold", "Noto-Serif-Bold"}


def fonts(reader):
    """Return the embedded fonts' names without their subset prefix (ABCDEF+)."""
    namen = set()
    for page in reader.pages:
        for font in page.get("/Resources", {}).get("/Font", {}).values():
            namen.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+", 1)[-1])
    return namen


def test_the_plan_uses_only_the_vendored_fonts(demo, cyclus1):
    rapport = verslag_rapport(provincie=demo, cyclus=cyclus1, peildatum=PEILDATUM)
    assert fonts(PdfReader(io.BytesIO(concept("plan", rapport)))) <= VENDORED_FONTS | {"Noto-Serif"}


def test_the_plan_lists_planned_locations_per_gemeente(demo, cyclus1):
    rapport = verslag_rapport(provincie=demo, cyclus=cyclus1, peildatum=PEILDATUM)
    inhoud = tekst(concept("plan", rapport))
    assert "Deel 1. Opvang asielzoekers" in inhoud
    assert "Harde opvangcapaciteit 3.523 355" in inhoud
    gepland = [
        loc.naam
        for rij in rapport.gemeenten
        for loc in rij.locaties
        if loc.categorie in ("hard_plan", "planvoorraad")
    ]
    assert gepland
    zonder_spaties = inhoud.replace(" ", "")  # names may wrap inside a narrow cell
    for naam in gepland:
        assert naam.replace(" ", "") in zonder_spaties


class _Teller(http.server.BaseHTTPRequestHandler):
    verzoeken = []

    def do_GET(self):
        self.verzoeken.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def lokale_server():
    """A server on this machine that counts every request made to it."""
    _Teller.verzoeken = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Teller)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


def test_hostile_text_is_printed_literally_and_fetches_nothing(lokale_server):
    port = lokale_server.server_address[1]
    provincie = ProvincieFactory(code="PV91", naam="Testprovincie")
    cyclus = CyclusFactory()
    gemeente = GemeenteFactory(provincie=provincie, naam="Testgemeente")
    OpgaveFactory(gemeente=gemeente, cyclus=cyclus, plekken=100, amv_plekken=0)
    naam = '<img src="file:///etc/passwd">'
    toelichting = (
        '<link rel="attachment" href="file:///etc/passwd">'
        f'<img src="http://127.0.0.1:{port}/x.png">'
    )
    LocatieFactory(
        gemeente=gemeente,
        naam=naam,
        toelichting=toelichting,
        status=Status.IN_REALISATIE,
        beschikbaar_vanaf=date(2025, 9, 1),
    )
    rapport = verslag_rapport(provincie=provincie, cyclus=cyclus, peildatum=PEILDATUM)
    pdf = concept("plan", rapport)
    inhoud = tekst(pdf).replace(" ", "")  # long text wraps inside its table cell
    assert naam.replace(" ", "") in inhoud
    assert toelichting.replace(" ", "") in inhoud
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.attachments == {}
    assert b"root:x:0:0" not in pdf
    assert _Teller.verzoeken == []


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:8000/static/css/app.css",
        "https://example.org/static/css/app.css",
        "https://opvangregister.invalid/static/../config/settings.py",
        "https://opvangregister.invalid/static/%2e%2e/config/settings.py",
        "https://opvangregister.invalid/static/css/../../manage.py",
        "https://opvangregister.invalid/etc/passwd",
        "https://opvangregister.invalid/static/bestaat/niet.css",
    ],
)
def test_the_fetcher_refuses_everything_but_our_static_files(url):
    with pytest.raises(GeweigerdeBron):
        static_path(url)


def test_the_fetcher_serves_our_static_files():
    pad = static_path("https://opvangregister.invalid/static/rapportage/pdf.css")
    assert pad.name == "pdf.css"


def test_the_fetcher_serves_the_hashed_copies_that_static_names_in_production(tmp_path, settings):
    # With DEBUG off, {% static %} names the collected copy (fonts.3f2a….css), which only
    # STATIC_ROOT holds; the PDF's fonts stylesheet was refused and logged as an error.
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "fonts.0123abcd.css").write_text("/* verzameld */")
    settings.STATIC_ROOT = str(tmp_path)
    pad = static_path("https://opvangregister.invalid/static/fonts/fonts.0123abcd.css")
    assert pad.read_text() == "/* verzameld */"
    with pytest.raises(GeweigerdeBron):
        static_path("https://opvangregister.invalid/static/fonts/fonts.ffffffff.css")
    with pytest.raises(GeweigerdeBron):
        static_path("https://opvangregister.invalid/static/fonts/../../geheim.txt")


def test_the_cli_writes_the_concept_verslag(demo, tmp_path):
    uit = tmp_path / "verslag.pdf"
    call_command(
        "verslag",
        provincie="PV26",
        cyclus=1,
        peildatum="2024-10-15",
        pdf=str(uit),
        stderr=io.StringIO(),
    )
    inhoud = tekst(uit.read_bytes())
    assert "Minimale dekking in % van de opgave 49,9%" in inhoud
    assert "CONCEPT" in inhoud


def archiefversie(provincie, door, *, document, kenmerk):
    """Store a vastgestelde version directly (its PDF bytes need not be a real document)."""
    versie = DocumentVersie(
        provincie=provincie,
        cyclus_id=1,
        document=document,
        versie=1,
        kenmerk=kenmerk,
        datum=date(2024, 10, 30),
        peildatum=PEILDATUM,
        bron="actueel",
        rapport={},
        pdf=b"%PDF-1.7",
        vastgesteld_door=door,
    )
    versie.save()
    return versie


def login(client, user):
    client.login(username=user.username, password=TEST_PASSWORD)
    return client


@pytest.fixture
def cvdk(demo):
    return UserFactory(username="cvdk-test", rol=Rol.CVDK, provincie=demo)


@pytest.fixture
def prt(demo):
    return UserFactory(username="prt-test", rol=Rol.PRT, provincie=demo)


def vaststellen_url(document="verslag"):
    return reverse("rapportage:document_vaststellen", args=["PV26", 1, document])


VASTSTELLING = {
    "kenmerk": "D/24/161337",
    "peildatum": "2024-10-15",
    "bron": "actueel",
    "knelpunten": "Te weinig AMV-plekken in de regio Foodvalley.",
    "vervolg": "De PRT bespreekt in januari de restopgave.",
    # The second step: what is drawn up was shown and confirmed.
    "stap": "bevestigen",
    "bevestigd": "on",
}


def test_a_vastgesteld_version_never_changes(client, cvdk, prt, demo):
    response = login(client, cvdk).post(vaststellen_url(), VASTSTELLING)
    assert response.status_code == 302
    versie = DocumentVersie.objects.get()
    opgeslagen = bytes(versie.pdf)
    assert versie.sha256 == hashlib.sha256(opgeslagen).hexdigest()
    assert (versie.versie, versie.kenmerk, versie.vastgesteld_door) == (1, "D/24/161337", cvdk)
    assert versie.rapport["minimale_dekking"] == {"plekken": 4098, "amv": 395, "percentage": 49.9}
    inhoud = tekst(opgeslagen)
    assert "D/24/161337" in inhoud and "Te weinig AMV-plekken" in inhoud
    assert "Vastgesteld (versie 1)" in inhoud
    assert versie.history.get().history_user == cvdk

    # Later edits to the data leave the archived version as it was.
    locatie = demo.gemeenten.get(code="GM0344").locaties.filter(status=Status.IN_GEBRUIK).first()
    locatie.plekken += 100
    locatie.save()
    response = login(client, prt).get(reverse("rapportage:document_download", args=[versie.pk]))
    assert response.status_code == 200
    assert response.content == opgeslagen
    assert response["X-Content-SHA256"] == versie.sha256
    assert DocumentDownload.objects.get().door == prt

    versie.kenmerk = "anders"
    with pytest.raises(DocumentIsVastgesteld):
        versie.save()
    with pytest.raises(DocumentIsVastgesteld):
        versie.delete()
    versie.refresh_from_db()
    assert versie.kenmerk == "D/24/161337"


def test_the_database_refuses_to_change_a_vastgesteld_version(cvdk, demo):
    archiefversie(demo, cvdk, document="verslag", kenmerk="K1")
    for sql in [
        "UPDATE rapportage_documentversie SET kenmerk = 'x'",
        "DELETE FROM rapportage_documentversie",
    ]:
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as c:
            c.execute(sql)
    assert DocumentVersie.objects.get().kenmerk == "K1"


def test_a_used_kenmerk_is_refused(client, cvdk, demo):
    archiefversie(demo, cvdk, document="plan", kenmerk="D/24/161337")
    response = login(client, cvdk).post(vaststellen_url(), VASTSTELLING)
    assert response.status_code == 200
    assert (
        KENMERK_BESTAAT.format(kenmerk="D/24/161337") in response.context["form"].errors["kenmerk"]
    )
    assert DocumentVersie.objects.count() == 1


def test_only_the_cvdk_draws_up_documents(client, prt, demo_gemeente_user, gelderland_prt):
    assert login(client, prt).post(vaststellen_url(), VASTSTELLING).status_code == 403
    assert login(client, gelderland_prt).post(vaststellen_url(), VASTSTELLING).status_code == 404
    assert login(client, demo_gemeente_user).get(vaststellen_url()).status_code == 404


def test_prt_previews_the_concept_as_html(client, prt):
    url = reverse("rapportage:document_voorbeeld", args=["PV26", 1, "verslag"])
    response = login(client, prt).get(url, {"peildatum": "2024-10-15", "bron": "actueel"})
    inhoud = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl">' in inhoud
    assert "4.098" in inhoud and "49,9%" in inhoud


def test_an_unknown_document_kind_is_404(client, prt):
    url = reverse("rapportage:document_voorbeeld", args=["PV26", 1, "brief"])
    assert login(client, prt).get(url).status_code == 404


def test_documents_of_another_province_are_404(client, gelderland_prt, cvdk, demo):

    versie = archiefversie(demo, cvdk, document="verslag", kenmerk="K1")
    login(client, gelderland_prt)
    assert client.get(reverse("rapportage:document_download", args=[versie.pk])).status_code == 404
    url = reverse("rapportage:document_concept", args=["PV26", 1, "verslag"])
    assert client.get(url).status_code == 404


def test_prt_downloads_a_concept_pdf(client):
    provincie = ProvincieFactory(code="PV92", naam="Kleine provincie")
    CyclusFactory()
    OpgaveFactory(gemeente=GemeenteFactory(provincie=provincie), plekken=10, amv_plekken=0)
    prt = UserFactory(username="prt-klein", rol=Rol.PRT, provincie=provincie)
    url = reverse("rapportage:document_concept", args=["PV92", 1, "plan"])
    response = login(client, prt).get(url, {"bron": "actueel"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "Provinciaal plan" in tekst(response.content)
