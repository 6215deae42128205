from datetime import date

from opvang.constants import VoortgangStatus as S
from opvang.voortgang import samenvatting

DEADLINE = date(2026, 12, 20)
STAND = {1: S.AKKOORD, 2: S.INGEDIEND, 3: S.TERUGGESTUURD, 4: S.CONCEPT, 5: S.NIET_GESTART}


def test_counts_every_stage_once():
    s = samenvatting(STAND, deadline=DEADLINE, vandaag=date(2026, 12, 2))
    assert s.tekst == "3 van 5 ingediend, 1 akkoord, 1 teruggestuurd"
    assert (s.dagen_tot_deadline, s.deadline_tekst) == (18, "nog 18 dagen tot de deadline")
    assert s.te_laat == frozenset()


def test_the_deadline_day_is_still_in_time():
    s = samenvatting(STAND, deadline=DEADLINE, vandaag=DEADLINE)
    assert (s.deadline_tekst, s.te_laat) == ("de deadline is vandaag", frozenset())
    assert samenvatting(STAND, deadline=DEADLINE, vandaag=date(2026, 12, 19)).deadline_tekst == (
        "nog 1 dag tot de deadline"
    )


def test_from_the_day_after_whoever_still_owes_is_overdue():
    s = samenvatting(STAND, deadline=DEADLINE, vandaag=date(2026, 12, 21))
    assert s.deadline_tekst == "de deadline is 1 dag verstreken"
    assert s.te_laat == {3, 4, 5}
    later = samenvatting(STAND, deadline=DEADLINE, vandaag=date(2026, 12, 25))
    assert later.deadline_tekst == "de deadline is 5 dagen verstreken"


def test_an_empty_province_counts_nothing():
    s = samenvatting({}, deadline=DEADLINE, vandaag=DEADLINE)
    assert s.tekst == "0 van 0 ingediend, 0 akkoord, 0 teruggestuurd"
