import django_tables2 as tables
from django.utils.formats import number_format
from django.utils.html import format_html

from .models import Locatie

NUM = {"th": {"class": "num"}, "td": {"class": "num"}}


class LocatieTable(tables.Table):
    naam = tables.Column(linkify=True)
    plekken = tables.Column(attrs=NUM)
    plekken_max = tables.Column(verbose_name="max.", attrs=NUM)
    amv_plekken = tables.Column(verbose_name="AMV", attrs=NUM)
    beschikbaar_vanaf = tables.DateColumn(verbose_name="vanaf", format="j-n-Y")
    beschikbaar_tot = tables.DateColumn(verbose_name="tot en met", format="j-n-Y")
    categorie = tables.Column(verbose_name="telt als", empty_values=(), orderable=False)

    class Meta:
        model = Locatie
        fields = [
            "naam",
            "soort",
            "status",
            "plekken",
            "plekken_max",
            "amv_plekken",
            "beschikbaar_vanaf",
            "beschikbaar_tot",
        ]
        order_by = "naam"
        empty_text = "Geen locaties gevonden."

    def __init__(self, *args, cyclus, **kwargs):
        super().__init__(*args, **kwargs)
        self.cyclus = cyclus

    def render_categorie(self, record):
        if self.cyclus is None:
            return "—"
        return record.categorie_in(self.cyclus).label


class GemeenteTable(tables.Table):
    """The province's gemeenten with their figures: rows are dicts built by the view."""

    naam = tables.Column(verbose_name="Gemeente", linkify=lambda record: record["url"])
    regio = tables.Column(verbose_name="Regio")
    opgave = tables.Column(verbose_name="Opgave", attrs=NUM)
    hard = tables.Column(verbose_name="Hard", attrs=NUM)
    hard_plan = tables.Column(verbose_name="Hard plan", attrs=NUM)
    dekking = tables.Column(verbose_name="Dekking", attrs=NUM)
    planvoorraad = tables.Column(
        verbose_name="Planvoorraad", attrs=NUM, order_by="planvoorraad_min"
    )
    voortgang = tables.Column(verbose_name="Indiening")

    class Meta:
        order_by = "naam"
        empty_text = "Geen gemeenten gevonden."

    def render_dekking(self, value):
        return f"{number_format(value, decimal_pos=1)}%"

    def render_planvoorraad(self, record):
        return "–".join(
            number_format(record[k], force_grouping=True)
            for k in ("planvoorraad_min", "planvoorraad_max")
        )

    def render_voortgang(self, value):
        return format_html('<span class="badge badge--{}">{}</span>', value.value, value.label)
