import django_tables2 as tables

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
