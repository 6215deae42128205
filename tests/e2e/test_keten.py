"""The whole chain as users click it, in a real browser, every page checked on the way.

A gemeente adds and edits a location and submits; the PRT opens the uitvraag, returns
the submission and accepts the corrected one; the cvdK previews, vaststelt and
downloads the verslag; a gemeente round-trips its Excel template.
"""

from datetime import date, timedelta

import openpyxl
import pytest

from .checks import check_page
from .pdfcheck import check_pdf

pytestmark = pytest.mark.e2e


def goto(page, pad, problemen):
    response = page.goto(pad)
    assert response.status == 200, pad
    check_page(page, problemen)


def submit(page, knop, problemen, *, verwacht):
    page.get_by_role("button", name=knop).click()
    page.wait_for_load_state()
    assert verwacht in page.content(), (knop, page.url)
    check_page(page, problemen)


def open_indiening(prt, gemeente, problemen):
    """Go from the list of uitvragen to the gemeente's latest submission in the open one."""
    goto(prt, "/uitvragen/", problemen)
    prt.locator("table a").first.click()
    prt.wait_for_load_state()
    rij = prt.locator("tr", has=prt.get_by_role("link", name=gemeente, exact=True))
    rij.get_by_role("link").nth(1).click()
    prt.wait_for_load_state()
    check_page(prt, problemen)


def test_the_chain_from_location_to_vastgesteld_verslag(als):
    problemen = []
    prt, gemeente, cvdk = als("prt"), als("gemeente-utrecht"), als("cvdk")

    goto(prt, "/uitvragen/nieuw/", problemen)
    prt.locator("select[name=cyclus]").select_option(index=1)
    prt.fill("input[name=deadline]", (date.today() + timedelta(days=21)).isoformat())
    prt.fill("textarea[name=bericht]", "Graag binnen drie weken (e2e).")
    submit(prt, "Uitvraag openen", problemen, verwacht="De uitvraag is geopend")

    goto(gemeente, "/gemeenten/GM0344/locaties/nieuw/", problemen)
    gemeente.fill("input[name=naam]", "E2E Opvang Zuid")
    gemeente.locator("select[name=soort]").select_option(index=1)
    gemeente.locator("select[name=status]").select_option("in_gebruik")
    gemeente.fill("input[name=plekken]", "50")
    gemeente.fill("input[name=amv_plekken]", "5")
    gemeente.fill("input[name=beschikbaar_vanaf]", "2024-01-01")
    submit(gemeente, "Opslaan", problemen, verwacht="Locatie ‘E2E Opvang Zuid’ is toegevoegd.")
    gemeente.get_by_role("link", name="Wijzigen", exact=True).click()
    gemeente.wait_for_load_state()
    check_page(gemeente, problemen)
    gemeente.fill("input[name=plekken]", "60")
    submit(gemeente, "Opslaan", problemen, verwacht="60")

    goto(gemeente, "/gemeenten/GM0344/indienen/", problemen)
    submit(gemeente, "Definitief indienen", problemen, verwacht="ingediend")

    open_indiening(prt, "Utrecht", problemen)
    prt.get_by_label("Terugsturen met opmerking").check()
    prt.fill("textarea[name=opmerking]", "Graag de einddatum van E2E Opvang Zuid invullen.")
    submit(prt, "Beoordeling opslaan", problemen, verwacht="teruggestuurd")

    goto(gemeente, "/gemeenten/GM0344/", problemen)
    assert "Graag de einddatum van E2E Opvang Zuid invullen." in gemeente.content()
    goto(gemeente, "/gemeenten/GM0344/indienen/", problemen)
    submit(gemeente, "Definitief indienen", problemen, verwacht="ingediend")

    open_indiening(prt, "Utrecht", problemen)
    assert "Wat is er veranderd?" in prt.content()
    prt.get_by_label("Akkoord").check()
    submit(prt, "Beoordeling opslaan", problemen, verwacht="akkoord")

    goto(cvdk, "/rapportage/PV26/1/documenten/", problemen)
    cvdk.get_by_role("link", name="Voorbeeld bekijken").first.click()
    cvdk.wait_for_load_state()
    check_page(cvdk, problemen)
    goto(cvdk, "/rapportage/PV26/1/documenten/", problemen)
    cvdk.get_by_role("link", name="Vaststellen").first.click()
    cvdk.wait_for_load_state()
    check_page(cvdk, problemen)
    cvdk.fill("input[name=kenmerk]", "D/26/E2E001")
    cvdk.fill("textarea[name=knelpunten]", "Te weinig plekken voor AMV (e2e).")
    cvdk.fill("textarea[name=vervolg]", "Gesprekken met de regio's in januari (e2e).")
    submit(cvdk, "Controleren", problemen, verwacht="De cijfers die worden vastgesteld")
    submit(cvdk, "Definitief vaststellen", problemen, verwacht="Vink aan dat u")
    cvdk.get_by_label("Ja, stel dit document definitief vast", exact=False).check()
    submit(cvdk, "Definitief vaststellen", problemen, verwacht="is vastgesteld als versie 1")
    with cvdk.expect_download() as download:
        rij = cvdk.locator("tr", has_text="D/26/E2E001")
        rij.get_by_role("link", name="PDF downloaden").click()
    verslag = check_pdf(download.value.path(), problemen)
    assert "8.207" in "".join(p.extract_text() for p in verslag.pages[:6])
    with cvdk.expect_download() as download:
        cvdk.locator("section[aria-labelledby=kop-plan]").get_by_role(
            "link", name="Concept-PDF downloaden"
        ).first.click()
    check_pdf(download.value.path(), problemen)
    assert not problemen, "\n".join(problemen)


def test_an_excel_round_trip(als, tmp_path):
    problemen = []
    page = als("gemeente-amersfoort")
    goto(page, "/gemeenten/GM0307/", problemen)
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel-sjabloon downloaden").click()
    sjabloon = tmp_path / "sjabloon.xlsx"
    download.value.save_as(sjabloon)
    werkboek = openpyxl.load_workbook(sjabloon)
    blad = werkboek["Locaties"]
    rijen = list(blad.iter_rows(values_only=True))
    kop = next(i for i, rij in enumerate(rijen) if rij and "Plekken" in rij)
    naam, plekken = rijen[kop].index("Naam locatie"), rijen[kop].index("Plekken")
    nieuw = list(rijen[kop + 1])
    nieuw[naam], nieuw[plekken] = "E2E Flexlocatie", 25
    blad.append(nieuw)
    pad = tmp_path / "amersfoort.xlsx"
    werkboek.save(pad)

    goto(page, "/gemeenten/GM0307/excel/importeren/", problemen)
    page.set_input_files("input[name=bestand]", str(pad))
    submit(page, "Controleren", problemen, verwacht="1 locatie toegevoegd")
    submit(page, "Bevestigen en verwerken", problemen, verwacht="is verwerkt")
    goto(page, "/gemeenten/GM0307/", problemen)
    assert "E2E Flexlocatie" in page.content()
    assert not problemen, "\n".join(problemen)
