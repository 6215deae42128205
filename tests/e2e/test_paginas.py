"""Every page a role reaches passes axe (WCAG 2.1 AA) at 1280 and 390 px and reflows at
390 and 320 px; so do the error pages and the beheer screens."""

import pytest

from .checks import check_page
from .conftest import SUPERUSER

pytestmark = pytest.mark.e2e

PAGINAS = {
    "gemeente-utrecht": [
        "/gemeenten/GM0344/",
        "/gemeenten/GM0344/ontheemden/",
        "/gemeenten/GM0344/statushouders/",
        "/gemeenten/GM0344/locaties/nieuw/",
        "/gemeenten/GM0344/excel/importeren/",
        "/uitvragen/",
        "/wachtwoord/wijzigen/",
        "/meldingen/",
        "/meldingen/voorkeuren/",
        "/hulp/",
        "/toegankelijkheid/",
    ],
    "prt": [
        "/rapportage/PV26/",
        "/provincies/PV26/ontheemden/",
        "/provincies/PV26/statushouders/",
        "/uitvragen/",
        "/uitvragen/nieuw/",
        "/provincies/PV26/excel/importeren/",
        "/provincies/PV26/uitruil/",
        "/provincies/PV26/uitruil/nieuw/",
        "/uitruil/1/",  # the demo agreement (Amersfoort and Zeist)
        "/scenarios/PV26/",
        "/scenarios/scenario/1/",  # the demo scenario
        "/scenarios/scenario/1/wijzigen/",
        "/scenarios/scenario/1/bijlage/",
    ],
    # A gemeente of the demo agreement: its figures after uitruil, read-only.
    "gemeente-zeist": ["/gemeenten/GM0355/", "/uitruil/1/"],
    "cvdk": [
        "/rapportage/PV26/1/documenten/",
        "/rapportage/PV26/1/verslag/voorbeeld/",
        "/rapportage/PV26/1/plan/voorbeeld/",
    ],
    "lrt": ["/landelijk/", "/rapportage/PV26/"],
    # The second demo province: its own PRT and gemeente.
    "prt-noord-holland": ["/rapportage/PV27/"],
    "gemeente-haarlem": ["/gemeenten/GM0392/"],
    "beheer": ["/beheer/", "/beheer/gemeenten/gemeente/", "/beheer/opvang/locatie/"],
}


@pytest.mark.parametrize("rol", sorted(PAGINAS))
def test_every_page_of_a_role_passes_axe_and_reflows(als, rol):
    page = als(rol)
    problemen = []
    for pad in PAGINAS[rol]:
        response = page.goto(pad)
        assert response.status == 200, pad
        check_page(page, problemen)
    assert not problemen, "\n".join(problemen)


def test_the_login_and_error_pages_pass_axe_and_are_dutch(browser, base_url):
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    problemen = []
    page.goto("/inloggen/")
    check_page(page, problemen)
    page.goto("/wachtwoord/vergeten/")
    check_page(page, problemen)
    response = page.goto("/bestaat-niet/")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "nl"
    check_page(page, problemen)
    context.close()
    assert not problemen, "\n".join(problemen)


def beheer_lijsten(page):
    page.goto("/beheer/")
    return {
        a.get_attribute("href")
        for a in page.locator("#content-main th[scope=row] a").all()
        if a.get_attribute("href")
    }


def check_lijsten(page, lijsten):
    """Check each list, the first record of each and its add form where there is one."""
    problemen = []
    for lijst in sorted(lijsten):
        goto_ok(page, lijst)
        check_page(page, problemen)
        eerste = page.locator("#result_list tbody tr th a, #result_list tbody tr td a").first
        if eerste.count():
            eerste.click()
            page.wait_for_load_state()
            check_page(page, problemen)
    return problemen


def test_every_beheer_list_and_a_record_of_each_pass_axe_and_reflow(als):
    page = als("beheer")
    lijsten = beheer_lijsten(page)
    assert len(lijsten) >= 8
    problemen = check_lijsten(page, lijsten)
    assert not problemen, "\n".join(problemen)


def test_the_superusers_own_beheer_pages_pass_axe_and_reflow(als):
    """What only the installation's first account reaches: the walk above skips it."""
    eigen = beheer_lijsten(als(SUPERUSER)) - beheer_lijsten(als("beheer"))
    assert eigen, "a superuser reaches lists a province's beheer does not"
    page = als(SUPERUSER)
    problemen = check_lijsten(page, eigen)
    for pad in ("/beheer/gemeenten/user/add/", "/beheer/auth/group/add/"):
        goto_ok(page, pad)
        check_page(page, problemen)
    # A user's record as the superuser sees it: with groups and rights to choose.
    goto_ok(page, "/beheer/gemeenten/user/")
    page.locator("#result_list tbody tr th a").first.click()
    page.wait_for_load_state()
    assert page.locator("#id_user_permissions_from").count() == 1
    check_page(page, problemen)
    assert not problemen, "\n".join(problemen)


def goto_ok(page, pad):
    response = page.goto(pad)
    assert response.status == 200, pad
