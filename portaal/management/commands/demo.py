"""Fill the database with demo data for Utrecht and Noord-Holland (`make run`).

Needs the reference data first (`manage.py loaddata referentie cycli`). Creates demo users,
demo estimates of the cycle-1 targets that are not publicly known, and demo locations
that add up, under the counting rules, to the figures of Utrecht's letter of autumn 2024
(DOMAIN.md §5): harde opvangcapaciteit 3.523 (AMV 355), harde plancapaciteit 575
(AMV 40), planvoorraad 3.378-3.983 and 4.705 places in use on 15 October 2024.
Noord-Holland, the second province, is in portaal/demo_noord_holland.py.

The locations describe the situation as reported then: what opened before the
peildatum is "in gebruik", what opens later is "in realisatie". Running the command
again changes nothing: every object is looked up by its natural key first.
"""

from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.services import gebruiker_rechten_toepassen
from gemeenten.constants import Rol
from gemeenten.models import Gemeente, Provincie, User
from opvang.constants import Grondslag
from opvang.models import Cyclus, Locatie, Opgave
from portaal.demo_basis import (
    AMV,
    AZC,
    BEEINDIGD,
    DEMO_OPGAVE_BRON,
    DEMO_TOELICHTING,
    GEBRUIK,
    GEMENGD,
    NOOD,
    OVERIG,
    REALISATIE,
    REGIONAAL,
    VERVALLEN,
    VOORBEREIDING,
    DemoGebruiker,
    DemoLocatie,
    DemoProvincie,
    verdeel,
)
from portaal.demo_huisvesting import demo_huisvesting
from portaal.demo_noord_holland import NOORD_HOLLAND
from portaal.demo_ontheemden import demo_ontheemden
from portaal.demo_scenario import demo_scenario
from portaal.demo_uitruil import demo_uitruil
from portaal.demo_verdeelbesluit import DEMO_BESLUITEN, demo_verdeelbesluit

URL = "http://127.0.0.1:8000"
DEMO_WACHTWOORD = "demo-wachtwoord-2025"  # noqa: S105 (printed on purpose: demo only)

PROVINCIECODE = "PV26"
CYCLUSNUMMER = 1
# Utrecht's provincial target in cycle 1 and its AMV part (DOMAIN.md §3, seed letter).
PROVINCIALE_OPGAVE = 8207
PROVINCIALE_OPGAVE_AMV = 694
DEMO_OPGAVE_DATUM = date(2024, 2, 1)

LANDELIJKE_GEBRUIKERS = (
    DemoGebruiker("beheer", Rol.BEHEER, "Demo", "Beheerder"),
    DemoGebruiker("lrt", Rol.LRT, "Demo", "LRT-medewerker"),
)
UTRECHTSE_GEBRUIKERS = (
    DemoGebruiker("prt", Rol.PRT, "Demo", "PRT-medewerker", provinciecode=PROVINCIECODE),
    DemoGebruiker("cvdk", Rol.CVDK, "Demo", "cvdK-medewerker", provinciecode=PROVINCIECODE),
    DemoGebruiker("gemeente-utrecht", Rol.GEMEENTE, "Demo", "Ambtenaar Utrecht", "GM0344"),
    DemoGebruiker("gemeente-amersfoort", Rol.GEMEENTE, "Demo", "Ambtenaar Amersfoort", "GM0307"),
    DemoGebruiker("gemeente-zeist", Rol.GEMEENTE, "Demo", "Ambtenaar Zeist", "GM0355"),
)


# Counting window of cycle 1: 1 July 2025 - 1 February 2026.
#   hard (3.523, AMV 355): in gebruik or in realisatie, vanaf <= 2025-07-01, lasts;
#   hard plan (575, AMV 40): in realisatie from after 2025-07-01, lasts;
#   planvoorraad (3.378-3.983): in voorbereiding;
#   in use on 2024-10-15 (4.705): in gebruik, including noodopvang and temporary places.
LOCATIES = (
    # Utrecht
    DemoLocatie("GM0344", "azc Utrecht Joseph Haydnlaan", AZC, GEBRUIK, 450, 60, "2015-10-01"),
    DemoLocatie(
        "GM0344", "azc Utrecht Einsteindreef", AZC, GEBRUIK, 300, 30, "2019-06-01", "2029-12-31"
    ),
    DemoLocatie("GM0344", "AMV-woongroep Kanaleneiland", AMV, GEBRUIK, 32, 32, "2021-03-01"),
    DemoLocatie("GM0344", "Gemengd wonen Cartesiusweg", GEMENGD, GEBRUIK, 135, 0, "2020-09-01"),
    DemoLocatie(
        "GM0344", "Opvang Zuilen Amsterdamsestraatweg", REGIONAAL, GEBRUIK, 150, 0, "2023-04-01"
    ),
    DemoLocatie(
        "GM0344", "Regionale opvang Papendorp", REGIONAAL, REALISATIE, 120, 0, "2025-03-01"
    ),
    DemoLocatie("GM0344", "Opvanglocatie Europalaan", REGIONAAL, REALISATIE, 160, 0, "2025-11-01"),
    DemoLocatie("GM0344", "AMV-opvang Hoograven", AMV, REALISATIE, 20, 20, "2026-01-15"),
    DemoLocatie(
        "GM0344",
        "Hotel Overvecht",
        OVERIG,
        GEBRUIK,
        140,
        0,
        "2023-02-01",
        "2025-09-30",
        toelichting="Tijdelijke huur van een hotel; telt niet als harde capaciteit.",
    ),
    DemoLocatie(
        "GM0344",
        "Paviljoens Utrecht Science Park",
        GEMENGD,
        GEBRUIK,
        150,
        0,
        "2023-06-01",
        "2025-12-31",
        toelichting="Tijdelijke paviljoens tot eind 2025.",
    ),
    DemoLocatie(
        "GM0344", "Noodopvang Jaarbeurs hal 7", NOOD, GEBRUIK, 500, 0, "2022-10-01", "2025-03-31"
    ),
    DemoLocatie(
        "GM0344",
        "Noodopvang Sportcentrum Galgenwaard",
        NOOD,
        BEEINDIGD,
        150,
        0,
        "2022-09-01",
        "2023-03-31",
    ),
    DemoLocatie("GM0344", "Initiatief Rijnenburg", GEMENGD, VERVALLEN, 200),
    DemoLocatie("GM0344", "Opvang Merwedekanaalzone", AZC, VOORBEREIDING, 400, 20, plekken_max=460),
    DemoLocatie(
        "GM0344",
        "Gemengd wonen Leidsche Rijn Centrum",
        GEMENGD,
        VOORBEREIDING,
        120,
        0,
        plekken_max=150,
    ),
    # Amersfoort
    DemoLocatie(
        "GM0307", "azc Amersfoort Barchman Wuytierslaan", AZC, GEBRUIK, 300, 40, "2015-12-01"
    ),
    DemoLocatie("GM0307", "AMV-woning Leusderweg", AMV, GEBRUIK, 16, 16, "2022-05-01"),
    DemoLocatie("GM0307", "Regionale opvang Vathorst", REGIONAAL, REALISATIE, 150, 0, "2025-04-01"),
    DemoLocatie("GM0307", "Opvang Hoogland-West", REGIONAAL, REALISATIE, 80, 0, "2025-09-01"),
    DemoLocatie("GM0307", "Flexwonen De Hoef", GEMENGD, GEBRUIK, 90, 0, "2023-09-01", "2025-08-31"),
    DemoLocatie("GM0307", "Noodopvang Eemhotel", NOOD, GEBRUIK, 110, 0, "2023-01-15"),
    DemoLocatie(
        "GM0307", "azc Amersfoort Zonnehof", AZC, BEEINDIGD, 250, 10, "2014-05-01", "2023-06-30"
    ),
    DemoLocatie(
        "GM0307", "Regionale opvang Isselt", REGIONAAL, VOORBEREIDING, 270, 0, plekken_max=310
    ),
    DemoLocatie(
        "GM0307", "Gemengd wonen Soesterkwartier", GEMENGD, VOORBEREIDING, 80, 0, plekken_max=120
    ),
    # Baarn
    DemoLocatie("GM0308", "Regionale opvang Nieuw Baarn", REGIONAAL, GEBRUIK, 80, 0, "2023-11-01"),
    DemoLocatie(
        "GM0308", "Gemengd wonen Eemboulevard", GEMENGD, VOORBEREIDING, 40, 0, plekken_max=60
    ),
    DemoLocatie("GM0308", "Initiatief Koningsweg", OVERIG, VERVALLEN, 30),
    # Bunnik
    DemoLocatie("GM0312", "Opvang Kosterijland", REGIONAAL, GEBRUIK, 60, 0, "2022-12-01"),
    DemoLocatie("GM0312", "AMV-opvang Odijk", AMV, REALISATIE, 20, 20, "2025-09-01"),
    DemoLocatie(
        "GM0312", "Gemengd wonen Odijk-West", GEMENGD, VOORBEREIDING, 40, 0, plekken_max=50
    ),
    # Bunschoten
    DemoLocatie(
        "GM0313", "Opvang Spakenburg Oostsingel", REGIONAAL, VOORBEREIDING, 80, 0, plekken_max=85
    ),
    # De Bilt
    DemoLocatie(
        "GM0310", "Opvang Bilthoven Soestdijkseweg", REGIONAAL, GEBRUIK, 100, 0, "2023-06-01"
    ),
    DemoLocatie(
        "GM0310",
        "Noodopvang Sporthal Maertensplein",
        NOOD,
        BEEINDIGD,
        80,
        0,
        "2022-10-15",
        "2023-02-28",
    ),
    DemoLocatie("GM0310", "Opvang Maartensdijk", REGIONAAL, VOORBEREIDING, 100, 0, plekken_max=156),
    # De Ronde Venen
    DemoLocatie("GM0736", "Opvang Mijdrecht Industrieweg", REGIONAAL, GEBRUIK, 90, 0, "2024-02-01"),
    DemoLocatie(
        "GM0736",
        "Opvang Wilnis Pieter Joostenlaan",
        REGIONAAL,
        VOORBEREIDING,
        100,
        0,
        plekken_max=120,
    ),
    DemoLocatie("GM0736", "AMV-opvang Vinkeveen", AMV, VOORBEREIDING, 20, 20, plekken_max=24),
    # Eemnes
    DemoLocatie(
        "GM0317", "Gemengd wonen Zuidpolder", GEMENGD, VOORBEREIDING, 25, 0, plekken_max=35
    ),
    # Houten
    DemoLocatie("GM0321", "Regionale opvang Loerik", REGIONAAL, GEBRUIK, 130, 0, "2023-07-01"),
    DemoLocatie("GM0321", "Gemengd wonen Doornkade", GEMENGD, REALISATIE, 90, 0, "2025-10-01"),
    DemoLocatie("GM0321", "Opvang Houten-Zuid", REGIONAAL, VOORBEREIDING, 100, 0, plekken_max=120),
    DemoLocatie("GM0321", "AMV-woongroep Houten Centrum", AMV, VOORBEREIDING, 16, 16),
    # IJsselstein
    DemoLocatie("GM0353", "Opvang Kronenburg", REGIONAAL, GEBRUIK, 40, 0, "2024-03-01"),
    DemoLocatie(
        "GM0353", "Gemengd wonen Zenderpark", GEMENGD, VOORBEREIDING, 120, 0, plekken_max=150
    ),
    # Leusden
    DemoLocatie(
        "GM0327",
        "Opvang Hamersveldseweg",
        REGIONAAL,
        GEBRUIK,
        80,
        0,
        "2023-10-01",
        "2026-02-01",
        toelichting="Loopt tot en met de laatste dag van het telvenster: telt als hard.",
    ),
    DemoLocatie("GM0327", "Opvang Den Treek", REGIONAAL, VOORBEREIDING, 150, 0, plekken_max=180),
    DemoLocatie("GM0327", "AMV-opvang Leusden-Zuid", AMV, VOORBEREIDING, 12, 12),
    # Lopik
    DemoLocatie("GM0331", "Gemengd wonen Cabauw", GEMENGD, VOORBEREIDING, 20, 0, plekken_max=30),
    DemoLocatie("GM0331", "Initiatief Benschop", OVERIG, VERVALLEN, 25),
    # Montfoort
    DemoLocatie("GM0335", "AMV-woning Hoogstraat", AMV, GEBRUIK, 12, 12, "2023-08-01"),
    DemoLocatie("GM0335", "Gemengd wonen Doelen", GEMENGD, VOORBEREIDING, 20, 0, plekken_max=30),
    # Nieuwegein
    DemoLocatie("GM0356", "Regionale opvang Blokhoeve", REGIONAAL, GEBRUIK, 150, 0, "2022-09-01"),
    DemoLocatie(
        "GM0356",
        "Flexwoningen Galecop",
        GEMENGD,
        GEBRUIK,
        60,
        0,
        "2024-01-15",
        "2026-01-31",
        toelichting="Eindigt één dag vóór het einde van het telvenster: tijdelijke capaciteit.",
    ),
    DemoLocatie("GM0356", "Opvang Rijnhuizen", REGIONAAL, VOORBEREIDING, 80, 0, plekken_max=100),
    # Oudewater
    DemoLocatie("GM0589", "AMV-woning Kapellestraat", AMV, GEBRUIK, 10, 10, "2024-05-01"),
    DemoLocatie(
        "GM0589", "Gemengd wonen Oudewater-Noord", GEMENGD, VOORBEREIDING, 15, 0, plekken_max=25
    ),
    # Renswoude
    DemoLocatie("GM0339", "Opvang Dorpsstraat Renswoude", OVERIG, GEBRUIK, 30, 0, "2024-04-01"),
    # Rhenen
    DemoLocatie("GM0340", "Regionale opvang Remmerden", REGIONAAL, GEBRUIK, 70, 0, "2023-03-01"),
    # Soest
    DemoLocatie(
        "GM0342",
        "Regionale opvang Van Weerden Poelmanweg",
        REGIONAAL,
        GEBRUIK,
        100,
        0,
        "2023-05-01",
    ),
    DemoLocatie("GM0342", "Hotel Soesterberg", OVERIG, GEBRUIK, 80, 0, "2023-12-01", "2025-06-30"),
    DemoLocatie("GM0342", "azc Soesterberg Kampweg", AZC, VOORBEREIDING, 300, 30, plekken_max=320),
    DemoLocatie(
        "GM0342", "Gemengd wonen Soest-Zuid", GEMENGD, VOORBEREIDING, 50, 0, plekken_max=70
    ),
    # Stichtse Vecht
    DemoLocatie("GM1904", "Opvang Maarssen Bisonspoor", REGIONAAL, GEBRUIK, 70, 0, "2023-09-01"),
    DemoLocatie(
        "GM1904", "Noodopvang Sporthal Maarssen", NOOD, GEBRUIK, 90, 0, "2024-06-01", "2025-05-31"
    ),
    DemoLocatie(
        "GM1904", "Opvang Loenen Vreelandseweg", REGIONAAL, VOORBEREIDING, 150, 0, plekken_max=160
    ),
    # Utrechtse Heuvelrug
    DemoLocatie("GM1581", "azc Leersum Donderberg", AZC, GEBRUIK, 300, 50, "2003-01-01"),
    DemoLocatie("GM1581", "AMV-opvang Doorn", AMV, GEBRUIK, 30, 30, "2020-02-01"),
    DemoLocatie(
        "GM1581", "Noodopvang Kamp Doorn", NOOD, BEEINDIGD, 200, 0, "2021-09-01", "2022-12-31"
    ),
    DemoLocatie(
        "GM1581", "Opvang Maarn Tuindorpweg", REGIONAAL, VOORBEREIDING, 120, 0, plekken_max=130
    ),
    # Veenendaal
    DemoLocatie(
        "GM0345", "Regionale opvang De Batterijen", REGIONAAL, GEBRUIK, 90, 0, "2022-11-15"
    ),
    DemoLocatie("GM0345", "AMV-opvang Dragonder", AMV, REALISATIE, 24, 24, "2025-02-01"),
    DemoLocatie("GM0345", "Opvang Nieuweweg", REGIONAAL, VOORBEREIDING, 270, 0, plekken_max=300),
    # Vijfheerenlanden
    DemoLocatie("GM1961", "Opvang Vianen Lijnbaan", REGIONAAL, GEBRUIK, 110, 0, "2023-06-15"),
    DemoLocatie(
        "GM1961", "Gemengd wonen Leerdam Broekgraaf", GEMENGD, REALISATIE, 70, 0, "2025-12-01"
    ),
    DemoLocatie("GM1961", "Opvang Hagestein", REGIONAAL, VOORBEREIDING, 150, 0, plekken_max=160),
    DemoLocatie("GM1961", "Opvang Meerkerk", REGIONAAL, VOORBEREIDING, 40, 0, plekken_max=60),
    # Wijk bij Duurstede
    DemoLocatie("GM0352", "AMV-woning Markt", AMV, GEBRUIK, 14, 14, "2024-01-01"),
    DemoLocatie("GM0352", "Gemengd wonen De Geer", GEMENGD, VOORBEREIDING, 30, 0, plekken_max=40),
    # Woerden
    DemoLocatie("GM0632", "Opvang Snellerpoort", REGIONAAL, GEBRUIK, 80, 0, "2023-04-15"),
    DemoLocatie(
        "GM0632", "azc Woerden Kromwijkerdijk", AZC, BEEINDIGD, 200, 0, "2016-02-01", "2023-12-31"
    ),
    DemoLocatie(
        "GM0632", "Noodopvang Defensie-eiland", NOOD, GEBRUIK, 100, 0, "2022-11-01", "2025-01-31"
    ),
    DemoLocatie(
        "GM0632", "Regionale opvang Middelland", REGIONAAL, VOORBEREIDING, 150, 0, plekken_max=160
    ),
    DemoLocatie("GM0632", "AMV-opvang Molenvliet", AMV, VOORBEREIDING, 16, 16, plekken_max=20),
    # Woudenberg
    DemoLocatie("GM0351", "Initiatief Landgoed Woudenberg", GEMENGD, VERVALLEN, 60),
    DemoLocatie(
        "GM0351", "Noodopvang De Heygraeff", NOOD, BEEINDIGD, 100, 0, "2022-11-01", "2023-04-30"
    ),
    # Zeist
    DemoLocatie("GM0355", "azc Zeist De Dreef", AZC, GEBRUIK, 200, 37, "2017-04-01"),
    DemoLocatie("GM0355", "Noodopvang Den Dolder", NOOD, GEBRUIK, 156, 0, "2023-10-01"),
    DemoLocatie("GM0355", "Gemengd wonen Vollenhove", GEMENGD, REALISATIE, 135, 0, "2025-08-15"),
    DemoLocatie(
        "GM0355",
        "Regionale opvang Kamp van Zeist",
        REGIONAAL,
        VOORBEREIDING,
        274,
        0,
        plekken_max=300,
    ),
    DemoLocatie("GM0355", "AMV-opvang Huis ter Heide", AMV, VOORBEREIDING, 20, 20, plekken_max=30),
)


def inwoners(gemeente):
    """Return the gemeente's inhabitants, the weight of Utrecht's demo targets.

    An unknown population is never read as 0: it stops the demo.
    """
    if gemeente.inwoners is None:
        raise CommandError(
            f"Het aantal inwoners van {gemeente} is onbekend; de demo verdeelt de opgave "
            "van Utrecht naar rato van het aantal inwoners."
        )
    return gemeente.inwoners


UTRECHT = DemoProvincie(
    code=PROVINCIECODE,
    naam="Utrecht",
    opgave=PROVINCIALE_OPGAVE,
    opgave_amv=PROVINCIALE_OPGAVE_AMV,
    gewicht=inwoners,
    locaties=LOCATIES,
    gebruikers=UTRECHTSE_GEBRUIKERS,
)
PROVINCIES = (UTRECHT, NOORD_HOLLAND)
GEBRUIKERS = LANDELIJKE_GEBRUIKERS + UTRECHT.gebruikers + NOORD_HOLLAND.gebruikers


def nodige_gemeenten(demo):
    """Return the codes of the gemeenten the province's demo locations and users need."""
    return {loc.gemeentecode for loc in demo.locaties} | {
        g.gemeentecode for g in demo.gebruikers if g.gemeentecode
    }


def demo_gebruikers(provincies):
    """Return the national demo users and those of each province the demo fills."""
    return LANDELIJKE_GEBRUIKERS + tuple(g for p, _ in provincies for g in p.gebruikers)


def demo_locaties(provincies):
    return [loc for p, _ in provincies for loc in p.locaties]


class Command(BaseCommand):
    help = (
        "Vult de database met demogegevens voor de provincies Utrecht en Noord-Holland "
        "(alleen voor demo's)."
    )

    def handle(self, *args, **options):
        if not (settings.DEBUG or getattr(settings, "DEMO_MODE", False)):
            raise CommandError(
                "Demogegevens (met een bekend wachtwoord) horen niet in productie. "
                "Zet DEBUG=1 of DEMO_MODE=1 als dit echt een demo-omgeving is."
            )
        cyclus = Cyclus.objects.filter(nummer=CYCLUSNUMMER).first()
        provincies = self.provincies(cyclus)
        alle = {code: g for _, gemeenten in provincies for code, g in gemeenten.items()}
        with transaction.atomic():
            gebruikers = [self.gebruiker(g, alle) for g in demo_gebruikers(provincies)]
            nieuwe_opgaven = sum(self.opgaven(cyclus, p, gemeenten) for p, gemeenten in provincies)
            nieuwe_locaties = sum(self.locatie(loc, alle) for loc in demo_locaties(provincies))
            demo_ontheemden(PROVINCIECODE)
            demo_verdeelbesluit(cyclus)
        self.verslag(gebruikers, nieuwe_opgaven, nieuwe_locaties)
        self.stdout.write(DEMO_BESLUITEN)
        self.stdout.write(demo_huisvesting(PROVINCIECODE))
        self.stdout.write(demo_uitruil(PROVINCIECODE, CYCLUSNUMMER))
        self.stdout.write(demo_scenario(PROVINCIECODE, CYCLUSNUMMER))

    def provincies(self, cyclus):
        """Return (DemoProvincie, its gemeenten by code) of each province the demo fills."""
        gevonden = ((p, self.referentie(p, cyclus)) for p in PROVINCIES)
        return [(p, gemeenten) for p, gemeenten in gevonden if gemeenten is not None]

    def referentie(self, demo, cyclus):
        """Return the province's gemeenten by code; stop, or skip a second province, if not.

        Utrecht and cycle 1 are needed. A database loaded before the reference data held
        every gemeente (only Utrecht's 26) has no Noord-Holland gemeenten: the demo then
        leaves that province out and says how to add it.
        """
        provincie = Provincie.objects.filter(code=demo.code).first()
        gemeenten = (
            {g.code: g for g in Gemeente.objects.filter(provincie=provincie)} if provincie else {}
        )
        if (
            provincie is not None
            and cyclus is not None
            and nodige_gemeenten(demo) <= gemeenten.keys()
        ):
            return gemeenten
        if demo is UTRECHT or cyclus is None:
            raise CommandError(
                "De referentiegegevens ontbreken (provincie Utrecht, haar gemeenten of "
                "cyclus 1). Laad ze eerst met: python manage.py loaddata referentie cycli"
            )
        self.stdout.write(
            self.style.WARNING(
                f"{demo.naam} overgeslagen: haar gemeenten ontbreken in de "
                "referentiegegevens. Laad ze met: python manage.py loaddata referentie"
            )
        )
        return None

    def gebruiker(self, demo, gemeenten):
        velden = {
            "rol": demo.rol,
            "first_name": demo.first_name,
            "last_name": demo.last_name,
            "email": f"{demo.username}@demo.invalid",
            "gemeente": gemeenten[demo.gemeentecode] if demo.gemeentecode else None,
            "provincie": (
                Provincie.objects.get(code=demo.provinciecode) if demo.provinciecode else None
            ),
            # A plain beheer user, no superuser, so that the demo shows what beheer may do.
            "is_staff": demo.rol == Rol.BEHEER,
            "is_superuser": False,
            "is_active": True,
        }
        user = User.objects.filter(username=demo.username).first() or User(username=demo.username)
        gewijzigd = user.pk is None
        for veld, waarde in velden.items():
            if getattr(user, veld) != waarde:
                setattr(user, veld, waarde)
                gewijzigd = True
        if user.pk is None or not user.check_password(DEMO_WACHTWOORD):
            user.set_password(DEMO_WACHTWOORD)
            gewijzigd = True
        if gewijzigd:
            user.save()
        gebruiker_rechten_toepassen(user=user)
        return user

    def opgaven(self, cyclus, demo, gemeenten):
        """Add demo estimates for the gemeenten without an official cycle-1 figure.

        The province total of the applicable figures becomes exactly its opgave (Utrecht
        8.207, AMV 694), split pro rata the province's weight (Utrecht: inhabitants).
        A real figure is never replaced or shadowed: gemeenten that have one get no demo
        estimate. Where a real figure has no known AMV part (only the indicatieve
        opgave was published) the AMV part stays unknown, so the rest of the provincial
        AMV target is spread over the demo estimates.
        """
        echte = self.echte_opgaven(cyclus, gemeenten.values())
        zonder = {g.code: demo.gewicht(g) for g in gemeenten.values() if g.pk not in echte}
        if not zonder:
            return 0
        rest, rest_amv = self.rest_van_de_opgave(demo, echte)
        plekken = verdeel(rest, zonder)
        amv = verdeel(rest_amv, zonder)
        return sum(
            self.demo_opgave(cyclus, gemeenten[code], plekken[code], amv[code])
            for code in sorted(zonder)
        )

    def rest_van_de_opgave(self, demo, echte):
        """Return the provincial target (places, AMV) that the real targets leave open."""
        rest = demo.opgave - sum(o.plekken for o in echte.values())
        rest_amv = demo.opgave_amv - sum(o.amv_plekken or 0 for o in echte.values())
        if rest < 0 or rest_amv < 0:
            raise CommandError(
                f"De echte opgaven van {demo.naam} zijn samen al groter dan de provinciale opgave."
            )
        return rest, rest_amv

    def echte_opgaven(self, cyclus, gemeenten):
        """Return each gemeente's latest real (not demo) target in the cycle, by its id."""
        echte = {}
        opgaven = Opgave.objects.filter(cyclus=cyclus, is_demo=False, gemeente__in=list(gemeenten))
        for opgave in opgaven.order_by("datum", "id"):
            echte[opgave.gemeente_id] = opgave  # the latest version wins
        return echte

    def demo_opgave(self, cyclus, gemeente, plekken, amv):
        """Add one demo estimate unless it is there; return whether it was added."""
        _, created = Opgave.objects.get_or_create(
            gemeente=gemeente,
            cyclus=cyclus,
            grondslag=Grondslag.INDICATIEF,
            bron=DEMO_OPGAVE_BRON,
            is_demo=True,
            defaults={
                "plekken": plekken,
                "amv_plekken": min(amv, plekken),
                "datum": DEMO_OPGAVE_DATUM,
            },
        )
        return created

    def locatie(self, demo, gemeenten):
        toelichting = f"{DEMO_TOELICHTING} {demo.toelichting}".strip()
        _, created = Locatie.objects.get_or_create(
            gemeente=gemeenten[demo.gemeentecode],
            naam=demo.naam,
            defaults={
                "soort": demo.soort,
                "status": demo.status,
                "plekken": demo.plekken,
                "plekken_max": demo.plekken_max,
                "amv_plekken": demo.amv,
                "beschikbaar_vanaf": date.fromisoformat(demo.vanaf) if demo.vanaf else None,
                "beschikbaar_tot": date.fromisoformat(demo.tot) if demo.tot else None,
                "toelichting": toelichting,
            },
        )
        return int(created)

    def verslag(self, gebruikers, nieuwe_opgaven, nieuwe_locaties):
        out = self.stdout
        out.write(
            f"Demogegevens klaar: {nieuwe_opgaven} demo-opgaven en {nieuwe_locaties} "
            "demo-locaties toegevoegd."
        )
        out.write("")
        out.write(f"Open {URL} en log in met een van deze demo-accounts:")
        out.write("")
        rijen = [("Gebruikersnaam", "Rol", "Gemeente/provincie", "Wachtwoord")]
        for user in gebruikers:
            rijen.append((user.username, user.get_rol_display(), user.scope_label, DEMO_WACHTWOORD))
        breedtes = [max(len(rij[i]) for rij in rijen) for i in range(4)]
        for nummer, rij in enumerate(rijen):
            out.write(
                "  ".join(cel.ljust(b) for cel, b in zip(rij, breedtes, strict=True)).rstrip()
            )
            if nummer == 0:
                out.write("  ".join("-" * b for b in breedtes))
        out.write("")
        out.write(
            self.style.WARNING(
                "Let op: dit zijn demogegevens. De locaties, de demo-opgaven en de "
                "accounts zijn fictief; gebruik ze nooit in productie."
            )
        )
