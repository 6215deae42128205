import django_tables2 as tables

from .models import Locatie
from .velden import DATUM, GETAL, TABEL_VELDEN

NUM = {"th": {"class": "num"}, "td": {"class": "num"}}
DATE = {"td": {"class": "app-nowrap"}}  # a date never splits over two lines


def _kolom(veld):
    """Return the table column of a location field (opvang.velden)."""
    kop = veld.kort or None  # None: the model field's verbose_name
    if veld.naam == "naam":
        return tables.Column(verbose_name=kop, linkify=True)
    if veld.type == GETAL:
        return tables.Column(verbose_name=kop, attrs=NUM)
    if veld.type == DATUM:
        return tables.DateColumn(verbose_name=kop, format="j-n-Y", attrs=DATE)
    return tables.Column(verbose_name=kop)


class LocatieTable(tables.Table):
    categorie = tables.Column(verbose_name="telt als", empty_values=(), orderable=False)

    class Meta:
        model = Locatie
        fields = [v.naam for v in TABEL_VELDEN]
        sequence = [*(v.naam for v in TABEL_VELDEN), "categorie"]
        order_by = "naam"
        empty_text = "Geen locaties gevonden."

    def __init__(self, *args, cyclus, **kwargs):
        kolommen = [(v.naam, _kolom(v)) for v in TABEL_VELDEN]
        super().__init__(*args, extra_columns=kolommen, **kwargs)
        self.cyclus = cyclus

    def render_categorie(self, record):
        if self.cyclus is None:
            return "—"
        return record.omschrijving_in(self.cyclus)
