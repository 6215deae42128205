"""Data for the huisvesting tests, written through the services (audit trail included)."""

from datetime import date

from gemeenten.models import Gemeente
from huisvesting import services
from huisvesting.constants import Bron
from huisvesting.models import Halfjaar

HAND = (10, 8, 0, 15, 9, 6)  # July–December 2025
HAND_PEILDATUM = date(2026, 1, 1)  # 2025-H2 is over: all six months passed


def halfjaar(code):
    return Halfjaar.objects.get(code=code)


def taakstelling(gemeente, code, personen, user=None, bron="Test: taakstelling"):
    return services.taakstelling_vastleggen(
        gemeente=gemeente, halfjaar=halfjaar(code), personen=personen, bron=bron,
        datum=halfjaar(code).begin, user=user,
    )  # fmt: skip


def startsaldo(gemeente, code, saldo, user=None):
    return services.startsaldo_vastleggen(
        gemeente=gemeente, halfjaar=halfjaar(code), saldo=saldo, bron="Test: startsaldo",
        datum=halfjaar(code).begin, user=user,
    )  # fmt: skip


def maanden(gemeente, begin, aantallen, bron=Bron.COA, user=None):
    for i, aantal in enumerate(aantallen):
        if aantal is None:
            continue
        maand = date(begin.year + (begin.month - 1 + i) // 12, (begin.month - 1 + i) % 12 + 1, 1)
        services.realisatie_vastleggen(
            gemeente=gemeente, maand=maand, gehuisvest=aantal, bron=bron, user=user,
            vandaag=date(2030, 1, 1),
        )  # fmt: skip


def hand_case(gemeente, user=None):
    """Taakstelling 60, achterstand 12, realised 10+8+0+15+9+6 in 2025-H2 (COA)."""
    taakstelling(gemeente, "2025-H2", 60, user)
    startsaldo(gemeente, "2025-H2", 12, user)
    maanden(gemeente, date(2025, 7, 1), HAND, user=user)


def gemeenten(provincie, aantal, start=7000):
    """Return new gemeenten GM7000… of the province, made without GemeenteFactory.

    The factory's code sequence is shared by the whole test session and runs out of
    its four digits (the code is six characters) when one module makes hundreds.
    """
    rijen = []
    for i in range(aantal):
        g = Gemeente(
            code=f"GM{start + i:04d}", naam=f"Testgemeente H{i}", provincie=provincie,
            inwoners=10000 + 1000 * i,
        )  # fmt: skip
        g.save()
        rijen.append(g)
    return rijen
