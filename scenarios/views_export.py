"""A scenario's workbook and its printable annex (a print page and the same as PDF)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from rapportage.pdf import render_pdf

from . import export
from .constants import BANNER
from .kaarten import kaarten
from .selectors import vergelijking
from .views import READ, scenario_view

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _bestandsnaam(scenario, extensie):
    return f"scenario-{scenario.provincie.code}-{scenario.pk}.{extensie}"


def _download(inhoud, content_type, naam, *, inline=False):
    response = HttpResponse(inhoud, content_type=content_type)
    wijze = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{wijze}; filename="{naam}"'
    return response


@scenario_view(READ)
def xlsx(request, scenario):
    """The comparison and the changes as a workbook, the banner above both sheets."""
    inhoud = export.scenario_xlsx(vergelijking(scenario))
    return _download(inhoud, XLSX, _bestandsnaam(scenario, "xlsx"))


def _bijlage_context(scenario, *, pdf):
    v = vergelijking(scenario)
    nu, straks = kaarten(v, interactief=not pdf)
    return {"v": v, "scenario": scenario, "banner": BANNER, "pdf": pdf, "kaarten": (nu, straks)}


@scenario_view(READ)
def bijlage(request, scenario):
    """The annex as a page to print (the browser's print, A4)."""
    return render(request, "scenarios/bijlage.html", _bijlage_context(scenario, pdf=False))


@scenario_view(READ)
def bijlage_pdf(request, scenario):
    """The annex as a tagged PDF, shown in the browser."""
    html = render_to_string("scenarios/bijlage.html", _bijlage_context(scenario, pdf=True))
    naam = _bestandsnaam(scenario, "pdf")
    return _download(render_pdf(html), "application/pdf", naam, inline=True)
