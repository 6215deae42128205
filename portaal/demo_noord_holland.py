"""Noord-Holland, the demo's second province: its own users, demo targets and locations.

With two provinces in the register the demo shows that a PRT, cvdK or gemeente user of
one province sees nothing of the other, and the LRT's national view compares two
active provinces. Everything here is fictitious and marked as demo.

Demo targets: Noord-Holland's opgave of cycle 1 is 16.290 places (DOMAIN.md §3); no
gemeente's target is public and no population is in the register, so the demo splits
it over its 44 gemeenten pro rata their **area** (OPPERVLAKTE_HA below), by the same
largest-remainder method as Utrecht's (exactly 16.290 together). The AMV part is an
estimate too: the national share of cycle 1 (8.140 of 96.000) of 16.290, 1.381. Each
target has the source "Demo-schatting (geen officieel cijfer)", like Utrecht's.

The areas are those of the simplified CBS/PDOK boundaries of 2025
(gemeente_2025.topojson, CBS and Kadaster via PDOK, CC BY 4.0), in hectares: the
shoelace area of each gemeente's rings in RD coordinates (EPSG:28992), outer ring less
its holes. They are written out here, so the demo does not depend on the map file.

The demo locations lie in eight gemeenten and give every dekking band: from none
(Hoorn: only a plan) to over 100% (Den Helder), with every type and status, temporary
places (Schiphol-Rijk, Zuidas) and noodopvang that does not count.
"""

from gemeenten.constants import Rol

from .demo_basis import (
    AMV,
    AZC,
    BEEINDIGD,
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
)

PROVINCIECODE = "PV27"
# Cycle 1 (DOMAIN.md §3); the AMV part: round(16290 * 8140 / 96000).
PROVINCIALE_OPGAVE = 16290
PROVINCIALE_OPGAVE_AMV = 1381

OPPERVLAKTE_HA = {
    "GM0358": 3192,  # Aalsmeer
    "GM0361": 11539,  # Alkmaar
    "GM0362": 4449,  # Amstelveen
    "GM0363": 22333,  # Amsterdam
    "GM0373": 10059,  # Bergen (NH.)
    "GM0375": 1916,  # Beverwijk
    "GM0376": 1036,  # Blaricum
    "GM0377": 4226,  # Bloemendaal
    "GM0383": 5455,  # Castricum
    "GM0384": 1189,  # Diemen
    "GM0385": 5736,  # Edam-Volendam
    "GM0388": 1316,  # Enkhuizen
    "GM0392": 3052,  # Haarlem
    "GM0394": 20552,  # Haarlemmermeer
    "GM0396": 2817,  # Heemskerk
    "GM0397": 989,  # Heemstede
    "GM0399": 1980,  # Heiloo
    "GM0400": 4606,  # Den Helder
    "GM0402": 4507,  # Hilversum
    "GM0405": 1943,  # Hoorn
    "GM0406": 1642,  # Huizen
    "GM0415": 2650,  # Landsmeer
    "GM0417": 1284,  # Laren (NH.)
    "GM0420": 12881,  # Medemblik
    "GM0431": 1639,  # Oostzaan
    "GM0432": 4360,  # Opmeer
    "GM0437": 2634,  # Ouder-Amstel
    "GM0439": 9640,  # Purmerend
    "GM0441": 17158,  # Schagen
    "GM0448": 16157,  # Texel
    "GM0450": 2189,  # Uitgeest
    "GM0451": 1888,  # Uithoorn
    "GM0453": 5137,  # Velsen
    "GM0473": 3380,  # Zandvoort
    "GM0479": 8446,  # Zaanstad
    "GM0498": 6030,  # Drechterland
    "GM0532": 1430,  # Stede Broec
    "GM0852": 5622,  # Waterland
    "GM0880": 4290,  # Wormerland
    "GM1598": 8543,  # Koggenland
    "GM1696": 7604,  # Wijdemeren
    "GM1911": 37528,  # Hollands Kroon
    "GM1942": 4593,  # Gooise Meren
    "GM1980": 6686,  # Dijk en Waard
}

GEBRUIKERS = (
    DemoGebruiker(
        "prt-noord-holland", Rol.PRT, "Demo", "PRT-medewerker Noord-Holland",
        provinciecode=PROVINCIECODE,
    ),
    DemoGebruiker(
        "cvdk-noord-holland", Rol.CVDK, "Demo", "cvdK-medewerker Noord-Holland",
        provinciecode=PROVINCIECODE,
    ),
    DemoGebruiker("gemeente-haarlem", Rol.GEMEENTE, "Demo", "Ambtenaar Haarlem", "GM0392"),
)  # fmt: skip

# Counting window of cycle 1: 1 July 2025 - 1 February 2026. Per gemeente: its demo
# target, and hard + hard plan = minimale dekking.
LOCATIES = (
    # Amsterdam, target 1.271: 640 hard + 300 hard plan = 74,0%
    DemoLocatie("GM0363", "azc Amsterdam Havenstraat", AZC, GEBRUIK, 600, 60, "2016-05-01"),
    DemoLocatie("GM0363", "AMV-woongroep Amsterdam-Oost", AMV, GEBRUIK, 40, 40, "2021-09-01"),
    DemoLocatie(
        "GM0363", "Regionale opvang Sloterdijk", REGIONAAL, REALISATIE, 300, 0, "2025-10-01"
    ),
    DemoLocatie(
        "GM0363",
        "Noodopvang Passagiersterminal",
        NOOD,
        GEBRUIK,
        700,
        0,
        "2022-09-01",
        "2025-06-30",
    ),
    DemoLocatie(
        "GM0363",
        "Paviljoens Zuidas",
        GEMENGD,
        GEBRUIK,
        200,
        0,
        "2023-05-01",
        "2025-12-31",
        toelichting="Tijdelijke paviljoens tot eind 2025.",
    ),
    DemoLocatie(
        "GM0363", "Gemengd wonen Havenstad", GEMENGD, VOORBEREIDING, 400, 0, plekken_max=600
    ),
    # Haarlemmermeer, target 1.169: 250 hard = 21,4%
    DemoLocatie("GM0394", "Opvang Hoofddorp Stationsweg", REGIONAAL, GEBRUIK, 250, 0, "2023-03-01"),
    DemoLocatie(
        "GM0394",
        "Hotel Schiphol-Rijk",
        OVERIG,
        GEBRUIK,
        300,
        0,
        "2023-01-15",
        "2025-09-30",
        toelichting="Tijdelijke huur van een hotel; telt niet als harde capaciteit.",
    ),
    DemoLocatie("GM0394", "Opvang Nieuw-Vennep", REGIONAAL, VOORBEREIDING, 200, 0, plekken_max=260),
    # Alkmaar, target 657: 424 hard = 64,5%
    DemoLocatie("GM0361", "azc Alkmaar Molenwijk", AZC, GEBRUIK, 400, 40, "2017-03-01"),
    DemoLocatie("GM0361", "AMV-opvang Alkmaar-Noord", AMV, REALISATIE, 24, 24, "2025-05-01"),
    DemoLocatie("GM0361", "Initiatief Oudorp", GEMENGD, VERVALLEN, 80),
    # Zaanstad, target 481: 120 hard + 80 hard plan = 41,6%
    DemoLocatie(
        "GM0479", "Regionale opvang Zaandam Hemkade", REGIONAAL, GEBRUIK, 120, 0, "2022-11-01"
    ),
    DemoLocatie("GM0479", "Gemengd wonen Westzaan", GEMENGD, REALISATIE, 80, 0, "2026-01-10"),
    DemoLocatie(
        "GM0479",
        "Noodopvang Sporthal Krommenie",
        NOOD,
        BEEINDIGD,
        100,
        0,
        "2022-10-01",
        "2023-04-30",
    ),
    # Den Helder, target 262: 350 hard = 133,6%
    DemoLocatie("GM0400", "azc Den Helder Marinehaven", AZC, GEBRUIK, 350, 30, "2015-11-01"),
    # Hilversum, target 257: 80 hard = 31,1%
    DemoLocatie("GM0402", "Opvang Hilversum Media Park", REGIONAAL, GEBRUIK, 80, 0, "2024-02-01"),
    DemoLocatie(
        "GM0402", "Opvang Hilversum-Zuid", REGIONAAL, VOORBEREIDING, 100, 0, plekken_max=120
    ),
    # Haarlem, target 174: 106 hard + 60 hard plan = 95,4%
    DemoLocatie("GM0392", "Opvang Haarlem Schalkwijk", REGIONAAL, GEBRUIK, 90, 0, "2023-09-01"),
    DemoLocatie("GM0392", "AMV-woning Haarlem Centrum", AMV, GEBRUIK, 16, 16, "2022-06-01"),
    DemoLocatie("GM0392", "Gemengd wonen Waarderpolder", GEMENGD, REALISATIE, 60, 0, "2025-09-15"),
    # Hoorn, target 111: only a plan = 0%
    DemoLocatie(
        "GM0405", "Initiatief Hoorn Poort", REGIONAAL, VOORBEREIDING, 60, 0, plekken_max=90
    ),
)


def oppervlakte(gemeente):
    """Return the gemeente's area in hectares: the weight of its demo target."""
    return OPPERVLAKTE_HA[gemeente.code]


NOORD_HOLLAND = DemoProvincie(
    code=PROVINCIECODE,
    naam="Noord-Holland",
    opgave=PROVINCIALE_OPGAVE,
    opgave_amv=PROVINCIALE_OPGAVE_AMV,
    gewicht=oppervlakte,
    locaties=LOCATIES,
    gebruikers=GEBRUIKERS,
)
