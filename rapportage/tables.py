"""The dashboard's gemeente table over the report's rows (GemeenteRij), with totals."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django_tables2.utils import Accessor

from kern.formatting import number_range, percentage

NUM = {"th": {"class": "num"}, "td": {"class": "num"}, "tf": {"class": "num"}}


def procent(waarde):
    """Return a percentage the Dutch way (49,9%); '—' when there is none."""
    return percentage(waarde)


def bereik(laag, hoog):
    """Return a range the Dutch way (3.378–3.983)."""
    return number_range(laag, hoog)


def _blank_as_none(waarde):
    return "—" if waarde is None else waarde


def _getal(kop, accessor, opmaak=_blank_as_none):
    """A numeric column whose footer is the same figure of the table's totaal."""
    return tables.Column(
        verbose_name=kop,
        accessor=accessor,
        attrs=NUM,
        footer=lambda table: opmaak(Accessor(accessor).resolve(table.totaal)),
    )


class GemeenteRijTable(tables.Table):
    """One row per gemeente of the report; sortable on every column, totals in the footer.

    The footer is the sum of the rows shown (rapportage.selectors.totaal), so with a
    filter it adds up the filtered rows.
    """

    naam = tables.Column(
        verbose_name="Gemeente",
        footer=lambda table: f"Totaal ({table.totaal.aantal} gemeenten)",
    )
    regio = tables.Column(verbose_name="Regio")
    opgave = _getal("Opgave", "opgave_plekken")
    hard = _getal("Hard", "telling__hard")
    hard_plan = _getal("Hard plan", "telling__hard_plan")
    dekking_plekken = _getal("Min. dekking", "telling__minimale_dekking")
    dekking = _getal("Dekking", "dekking_percentage", opmaak=procent)
    tekort = _getal("Tekort", "tekort")
    planvoorraad = tables.Column(
        verbose_name="Planvoorraad",
        accessor="telling__planvoorraad_min",
        order_by=("telling__planvoorraad_min", "telling__planvoorraad_max"),
        attrs=NUM,
        footer=lambda table: bereik(
            table.totaal.telling.planvoorraad_min, table.totaal.telling.planvoorraad_max
        ),
    )
    huidig = _getal("In gebruik", "telling__huidig")
    indiening = tables.Column(verbose_name="Indiening", accessor="indiening_status")

    class Meta:
        order_by = "naam"
        default = "—"
        empty_text = "Geen gemeenten bij dit filter."
        attrs = {"class": "gemeente-tabel"}

    def __init__(self, data, *, cyclus_nummer, totaal, peildatum=None, **kwargs):
        super().__init__(data, **kwargs)
        self.cyclus_nummer = cyclus_nummer
        self.totaal = totaal
        self.peildatum = peildatum

    def render_naam(self, record):
        url = reverse("opvang:gemeente_detail", args=[record.code])
        query = f"cyclus={self.cyclus_nummer}"
        if self.peildatum:
            query += f"&peildatum={self.peildatum:%Y-%m-%d}"
        return format_html('<a class="utrecht-link" href="{}?{}">{}</a>', url, query, record.naam)

    def render_dekking(self, value):
        return procent(value)

    def render_planvoorraad(self, record):
        return bereik(record.telling.planvoorraad_min, record.telling.planvoorraad_max)

    def render_indiening(self, record):
        if record.indiening_status is None:
            return "geen uitvraag"
        return format_html(
            '<span class="badge badge--{}">{}</span>',
            record.indiening_status,
            record.indiening_status_label,
        )
