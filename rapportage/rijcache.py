"""The report's gemeente rows kept per gemeente version: a write recounts one gemeente.

A report is counted once per data version of its province (rapportage.cache). When
the version changed, most gemeenten did not: each row, with its part of the capacity
history (a rapportage.capaciteit.MaandDelta: a few numbers per month), is kept under
the version of its own gemeente's rows (kern.dataversie.Dataversies.gemeente_versies:
the models registered with a gemeente_path, read in one more query, only when a report
is counted) and of the province-wide ones (a cycle, an uitvraag, whose change recounts
every row). A write of a location, an opgave or a submission in one gemeente therefore
recounts that gemeente only; the totals and the capacity history are summed from the
rows as verslag_rapport always does. A location moved to another gemeente changes
both (a history row in the one, a live row fewer in the other). Keys name what was
asked and today's date, as the report's do.
"""

from __future__ import annotations

from django.utils import timezone

from . import cache
from .selectors import gemeente_rijen, gemeenten_van

# A row reads opvang's and gemeenten's models only: the plan parts' apps are left out,
# so a GOO location or a taakstelling keeps every row (a new app's models count).
RIJEN_ZONDER = ("huisvesting", "ontheemden")


def teller(versies):
    """Return a tel_rijen for verslag_rapport that counts only the rows not kept.

    versies: the province's Dataversies, read once for the report's own key.
    """
    rest, per_gemeente = versies.gemeente_versies(RIJEN_ZONDER)

    def tel(provincie, cyclus, peildatum, bron, met_locaties):
        gemeenten = gemeenten_van(provincie, cyclus)
        basis = ":".join(
            (
                f"rij{cache.FORMAAT}",
                provincie.code,
                str(cyclus.nummer),
                peildatum.isoformat(),
                bron,
                "met" if met_locaties else "zonder",
                timezone.localdate().isoformat(),
                rest,
            )
        )
        sleutels = {g.pk: f"{basis}:{g.pk}:{per_gemeente.get(g.pk, '-')}" for g in gemeenten}
        bewaard = cache.lees_veel(sleutels.values())
        ontbrekend = [g for g in gemeenten if sleutels[g.pk] not in bewaard]
        # With nothing missing this still reads the latest uitvraag (its deadline).
        rijen, uitvraag, delen, versies = gemeente_rijen(
            provincie, cyclus, peildatum, bron, met_locaties, gemeenten=ontbrekend
        )
        nieuw = {
            sleutels[g.pk]: (rij, delen[g.pk], versies.get(g.pk))
            for g, rij in zip(ontbrekend, rijen, strict=True)
        }
        cache.bewaar_veel(nieuw)
        bewaard.update(nieuw)
        rijen, delen, versies = _samen([(g.pk, bewaard[sleutels[g.pk]]) for g in gemeenten])
        return rijen, uitvraag, delen, versies

    return tel


def _samen(alle):
    """Return (rows, {gemeente id: MaandDelta}, {gemeente id: opgave versions}) of the kept."""
    rijen = tuple(rij for _, (rij, _, _) in alle)
    delen = {pk: delta for pk, (_, delta, _) in alle}
    versies = {pk: v for pk, (_, _, v) in alle if v is not None}
    return rijen, delen, versies
