"""The provinciaal verslag and plan: one context function for the preview and the PDF.

Both documents render the report object (`verslag_rapport`); nothing here counts.
The plan gains parts: each part is an entry of PLAN_DELEN with its own template.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.template.loader import render_to_string
from django.utils import translation

from opvang.constants import Categorie, Soort, Status, VoortgangStatus
from uitruil.selectors import verslag_afspraken

from . import grafieken, kaart, plan_huisvesting, plan_ontheemden
from .constants import Document
from .pdf import render_pdf
from .selectors import Rapport

CONCEPT = "concept"
VASTGESTELD = "vastgesteld"
NOG_IN_TE_VULLEN = "Nog in te vullen door het kabinet van de commissaris van de Koning."

TEMPLATES = {
    Document.VERSLAG: "rapportage/pdf/verslag.html",
    Document.PLAN: "rapportage/pdf/plan.html",
}


@dataclass(frozen=True)
class PlanDeel:
    """One part of the plan: its number, title and template.

    Part 1 renders the asylum report itself. Another task's part brings its own
    figures: `cijfers(rapport)` builds them once, for the report's province and
    peildatum, as a frozen object of the task app's selectors; `als_json(cijfers)`
    writes them for the JSON export and the archive of a vastgestelde version. The
    template finds them as `delen.<sleutel>`, the JSON under the key `sleutel`.
    """

    nummer: int
    titel: str
    template: str
    sleutel: str = ""
    cijfers: Callable[[Rapport], object] | None = None
    als_json: Callable[[object], dict] | None = None


PLAN_DELEN = (
    PlanDeel(1, "Opvang asielzoekers", "rapportage/pdf/plan/_asielzoekers.html"),
    PlanDeel(
        2,
        "Opvang Oekraïense ontheemden",
        "rapportage/pdf/plan/_ontheemden.html",
        sleutel="ontheemden",
        cijfers=plan_ontheemden.cijfers,
        als_json=plan_ontheemden.als_json,
    ),
    PlanDeel(
        3,
        "Huisvesting statushouders",
        "rapportage/pdf/plan/_statushouders.html",
        sleutel="statushouders",
        cijfers=plan_huisvesting.cijfers,
        als_json=plan_huisvesting.als_json,
    ),
)


def delen_cijfers(rapport):
    """Return every task part's figures for the report's province and peildatum."""
    return {d.sleutel: d.cijfers(rapport) for d in PLAN_DELEN if d.cijfers}


def delen_als_json(delen):
    """Return the task parts' figures as JSON sections, keyed as in PLAN_DELEN."""
    return {d.sleutel: d.als_json(delen[d.sleutel]) for d in PLAN_DELEN if d.sleutel in delen}


@dataclass(frozen=True)
class Kop:
    """What the cover and the running header say about this version."""

    kenmerk: str
    datum: date
    status: str  # CONCEPT or VASTGESTELD
    versie: int | None = None

    @property
    def is_concept(self):
        return self.status == CONCEPT


def proces_cijfers(rapport):
    """Count the gemeenten per submission stage in the latest uitvraag."""
    stand = Counter(rij.indiening_status for rij in rapport.gemeenten)
    ingediend = sum(
        stand[s]
        for s in (VoortgangStatus.INGEDIEND, VoortgangStatus.AKKOORD, VoortgangStatus.TERUGGESTUURD)
    )
    return {
        "gemeenten": len(rapport.gemeenten),
        "ingediend": ingediend,
        "akkoord": stand[VoortgangStatus.AKKOORD],
        "teruggestuurd": stand[VoortgangStatus.TERUGGESTUURD],
        "niet_ingediend": len(rapport.gemeenten) - ingediend,
        "uitvraag": any(rij.indiening_status for rij in rapport.gemeenten),
    }


def geplande_locaties(rij):
    """Return the gemeente's locations still to come: hard plan and planvoorraad."""
    komend = {Categorie.HARD_PLAN, Categorie.PLANVOORRAAD}
    return [loc for loc in rij.locaties if loc.categorie in komend]


# The annex's rows per printed page: names do not wrap (one line per row), so a page
# holds a fixed number; the first page also holds the chapter's heading and intro.
BIJLAGE_RIJEN = 58
BIJLAGE_RIJEN_EERSTE = 48


@dataclass(frozen=True)
class BijlageRij:
    """A row of the annex: soort 'groep', 'vervolg' (continued), 'locatie' or 'leeg'."""

    soort: str
    gemeente: object
    locatie: object = None


def bijlage_paginas(rapport, *, per_pagina=BIJLAGE_RIJEN, eerste=BIJLAGE_RIJEN_EERSTE):
    """Return the annex as pages of rows, every gemeente under a group row.

    A gemeente continued from the previous page starts the page with its group row
    again ('vervolg'); a group row never ends a page alone.
    """
    paginas, pagina, ruimte = [], [], eerste
    for rij in sorted(rapport.gemeenten, key=lambda r: r.naam):
        regels = [BijlageRij("locatie", rij, loc) for loc in rij.locaties]
        if ruimte - len(pagina) < 2:
            paginas.append(pagina)
            pagina, ruimte = [], per_pagina
        pagina.append(BijlageRij("groep", rij))
        for regel in regels or [BijlageRij("leeg", rij)]:
            if len(pagina) == ruimte:
                paginas.append(pagina)
                pagina, ruimte = [BijlageRij("vervolg", rij)], per_pagina
            pagina.append(regel)
    if pagina:
        paginas.append(pagina)
    return paginas


HOOFDSTUKKEN = {
    Document.VERSLAG: (
        ("inleiding", "1. Inleiding en wettelijk kader"),
        ("proces", "2. Proces"),
        ("resultaten", "3. Resultaten"),
        ("knelpunten", "4. Knelpunten"),
        ("vervolg", "5. Vervolg"),
        ("bijlage", "Bijlage: locaties per gemeente"),
    ),
    Document.PLAN: (
        ("inleiding", "Inleiding"),
        *((f"deel-{d.nummer}", f"Deel {d.nummer}. {d.titel}") for d in PLAN_DELEN),
        ("knelpunten", "Knelpunten en vervolg"),
    ),
}


def document_context(*, document, rapport, kop, knelpunten="", vervolg="", delen=None):
    """Return the template context of a document; the preview and the PDF share it.

    delen: the task parts' figures (delen_cijfers); the plan builds them when not given.
    """
    if delen is None:
        delen = delen_cijfers(rapport) if Document(document) == Document.PLAN else {}
    return {
        "delen": delen,
        "document": Document(document),
        "titel": f"{Document(document).label} {rapport.provincie_naam}",
        "rapport": rapport,
        "kop": kop,
        "knelpunten": knelpunten.strip() or NOG_IN_TE_VULLEN,
        "vervolg": vervolg.strip() or NOG_IN_TE_VULLEN,
        "proces": proces_cijfers(rapport),
        "uitruil": verslag_afspraken(rapport.provincie_code, rapport.cyclus_nummer),
        "plan_delen": PLAN_DELEN,
        "grafieken_template": "rapportage/pdf/_grafieken.html",
        "dekking_grafiek": grafieken.dekking_grafiek(rapport),
        "capaciteit_grafiek": grafieken.capaciteit_grafiek(rapport),
        "kaart": kaart.dekking_kaart(rapport, interactief=False),
        "hoofdstukken": HOOFDSTUKKEN[Document(document)],
        "geplande_locaties": {rij.code: geplande_locaties(rij) for rij in rapport.gemeenten},
        "bijlage_paginas": (
            bijlage_paginas(rapport) if Document(document) == Document.VERSLAG else []
        ),
        "categorie_labels": dict(Categorie.choices),
        "soort_labels": dict(Soort.choices),
        "status_labels": dict(Status.choices),
    }


def document_html(context):
    with translation.override("nl"):
        return render_to_string(TEMPLATES[context["document"]], context)


def document_pdf(context):
    return render_pdf(document_html(context))
