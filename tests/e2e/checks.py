"""What every page must pass in the browser: axe (WCAG 2.1 AA) and no sideways scroll."""

from axe_playwright_python.sync_playwright import Axe

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BREEDTES_AXE = (1280, 390)
BREEDTES_REFLOW = (390, 320)
_axe = Axe()
# Every check made in this run, (url, width, what, count), for the summary in conftest.
GECONTROLEERD = []


def axe_violations(page):
    """Return the axe violations of the page as 'rule: target' lines."""
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    return [
        f"{v['id']}: {' '.join(map(str, node['target']))}"
        for v in results.response["violations"]
        for node in v["nodes"]
    ]


def horizontal_overflow(page):
    """Return how many CSS px the page scrolls sideways (0: it reflows)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def check_page(page, problemen):
    """Check the page open in `page` at each width; add what fails to `problemen`."""
    url = page.url
    for breedte in sorted({*BREEDTES_AXE, *BREEDTES_REFLOW}, reverse=True):
        page.set_viewport_size({"width": breedte, "height": 900})
        if breedte in BREEDTES_AXE:
            violations = axe_violations(page)
            GECONTROLEERD.append((url, breedte, "axe", len(violations)))
            problemen += [f"{url} @{breedte}px axe {v}" for v in violations]
        if breedte in BREEDTES_REFLOW:
            over = horizontal_overflow(page)
            GECONTROLEERD.append((url, breedte, "sideways px", max(over, 0)))
            if over > 0:
                problemen.append(f"{url} @{breedte}px scrolls {over}px sideways")
    page.set_viewport_size({"width": 1280, "height": 900})
