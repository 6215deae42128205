"""The Dutch messages of the app's checks, as constants so that tests can assert them."""

CAPACITEIT_NUL = "Een GOO-locatie heeft ten minste 1 bed."
TOT_VOOR_VANAF = "De einddatum ligt vóór de begindatum; de locatie is niet opgeslagen."
BEEINDIGD_ZONDER_TOT = "Geef bij een beëindigde locatie de laatste dag op (beschikbaar tot en met)."
NAAM_BEZET = "Deze gemeente heeft al een GOO-locatie met deze naam."
NEGATIEF = "Het aantal kan niet negatief zijn."
BEZETTING_BOVEN_CAPACITEIT = (
    "De bezetting ({bezet} bedden) is hoger dan de capaciteit van de locatie "
    "({capaciteit} bedden); er is niets opgeslagen."
)
PEILDATUM_VOOR_VANAF = (
    "De peildatum {peildatum} ligt vóór de eerste dag van de locatie ({vanaf}); "
    "er is niets opgeslagen."
)
PEILDATUM_NA_TOT = (
    "De peildatum {peildatum} ligt na de laatste dag van de locatie ({tot}); "
    "er is niets opgeslagen."
)
BEZETTING_UNIEK = "Voor deze locatie is op deze peildatum al een bezetting geregistreerd."
PARTICULIER_UNIEK = "Voor deze gemeente is op deze peildatum al een aantal geregistreerd."
CAPACITEIT_ONDER_BEZETTING = (
    "Op {peildatum} waren {bezet} bedden bezet; de capaciteit kan niet lager worden "
    "dan dat. Er is niets opgeslagen."
)
VANAF_NA_BEZETTING = (
    "Er is al een bezetting geregistreerd op {peildatum}; de eerste dag kan niet later "
    "zijn. Er is niets opgeslagen."
)
TOT_VOOR_BEZETTING = (
    "Er is al een bezetting geregistreerd op {peildatum}; de laatste dag kan niet eerder "
    "zijn. Er is niets opgeslagen."
)
GEEN_DOEL = "Kies een gemeente of een regio (één van beide) voor het streefgetal."
ONBEKENDE_GEMEENTE = "Gemeente ‘{code}’ is onbekend in deze provincie; er is niets opgeslagen."
ONBEKENDE_REGIO = "Regio ‘{naam}’ is onbekend in deze provincie; er is niets opgeslagen."
BRON_VERPLICHT = "Geef de bron van het streefgetal op."
