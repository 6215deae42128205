"""The dashboard's rows: filter and sort the gemeenten of a GooOverzicht (no queries)."""

from __future__ import annotations

from django import forms

from kern.forms import CleanTextField

SORTERINGEN = {
    "naam": ("Gemeente", lambda g: g.naam.lower()),
    "capaciteit": ("Capaciteit", lambda g: g.telling.capaciteit),
    "bezetting": ("Bezetting", lambda g: g.telling.bezetting),
    "graad": ("Bezettingsgraad", lambda g: g.telling.bezettingsgraad or -1),
    "streefgetal": ("Streefgetal", lambda g: g.doel.aantal if g.doel else -1),
    "tekort": ("Tekort nu", lambda g: g.tekort_nu if g.tekort_nu is not None else -1),
    "aflopend_3": ("Loopt af binnen 3 maanden", lambda g: g.telling.aflopend_3),
    "aflopend_6": ("Loopt af binnen 6 maanden", lambda g: g.telling.aflopend_6),
    "tekort_na_6": ("Tekort na 6 maanden", lambda g: g.tekort_na_6 or -1),
}
FILTERS = {
    "alle": ("Alle gemeenten", lambda g: True),
    "tekort": ("Onder het streefgetal", lambda g: bool(g.tekort_nu)),
    "na_einddata": (
        "Onder het streefgetal na bekende einddata",
        lambda g: g.vergelijking.onder_na_einddata,
    ),
    "aflopend": ("Met capaciteit die binnen 6 maanden afloopt", lambda g: g.telling.aflopend_6 > 0),
    "geen_streefgetal": ("Zonder streefgetal", lambda g: g.doel is None),
}


class DashboardForm(forms.Form):
    peildatum = forms.DateField(
        label="Peildatum",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    toon = forms.ChoiceField(
        label="Toon", required=False, choices=[(k, v[0]) for k, v in FILTERS.items()]
    )
    zoek = CleanTextField(label="Gemeente bevat", required=False, max_length=100)
    sorteer = forms.ChoiceField(
        label="Sorteer op",
        required=False,
        choices=[(k, v[0]) for k, v in SORTERINGEN.items()]
        + [(f"-{k}", f"{v[0]} (aflopend)") for k, v in SORTERINGEN.items()],
    )


def rijen(overzicht, *, toon="", zoek="", sorteer=""):
    """Return the gemeente rows the filter keeps, in the chosen order (default: name)."""
    houden = FILTERS.get(toon or "alle", FILTERS["alle"])[1]
    rijen = [g for g in overzicht.gemeenten if houden(g) and zoek.lower() in g.naam.lower()]
    sleutel = SORTERINGEN.get((sorteer or "naam").lstrip("-"), SORTERINGEN["naam"])[1]
    return sorted(rijen, key=sleutel, reverse=(sorteer or "").startswith("-"))


def sorteer_links(query, huidig=""):
    """Return {column: "?…&sorteer=…"}: ascending, or descending when already ascending."""
    links = {}
    for kolom in SORTERINGEN:
        q = query.copy()
        q["sorteer"] = f"-{kolom}" if huidig == kolom else kolom
        links[kolom] = f"?{q.urlencode()}"
    return links
