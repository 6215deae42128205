"""The scenarios' choices and the Dutch texts every scenario screen and file carries."""

from django.db import models

# On every scenario screen, in the workbook and in the annex (issue 17).
BANNER = (
    "Scenario — geen officieel cijfer. Telt niet mee in het verslag, de JSON-feed of "
    "enig officieel cijfer."
)


class TeltAls(models.TextChoices):
    """How a decided initiative counts in the scenario."""

    MINIMUM = "minimum", "het minimum van het initiatief"
    MAXIMUM = "maximum", "het maximum van het initiatief"
    AANTAL = "aantal", "een gegeven aantal plekken"


class Wijziging(models.TextChoices):
    """The three kinds of change a scenario holds (the URL part of their removal)."""

    BESLUIT = "besluit", "besloten initiatief"
    LOCATIE = "locatie", "hypothetische locatie"
    VERVALLEN = "vervallen", "vervallen locatie"


NIET_IN_PROVINCIE = "Deze locatie ligt niet in de provincie van het scenario."
GEMEENTE_NIET_IN_PROVINCIE = "Deze gemeente ligt niet in de provincie van het scenario."
GEEN_INITIATIEF = (
    "Alleen een initiatief in voorbereiding (planvoorraad) kan in een scenario besloten "
    "worden; ‘{naam}’ is ‘{status}’."
)
AANTAL_VERPLICHT = "Vul het aantal plekken in waarmee het initiatief meetelt."
AANTAL_NIET_GEVRAAGD = "Vul alleen een aantal in als het initiatief telt met een gegeven aantal."
AANTAL_BUITEN_BEREIK = (
    "Het aantal ({aantal}) ligt buiten de bandbreedte van het initiatief "
    "({minimum}–{maximum}). Voor een ander aantal plekken: voeg een hypothetische "
    "locatie toe."
)
VANAF_NA_TOT = (
    "De besluitdatum ligt na de laatste dag van de locatie ({tot}); dan telt het "
    "initiatief nergens mee."
)
AL_VERVALLEN = "Deze locatie vervalt al in dit scenario; haal dat eerst weg."
AL_BESLOTEN = "Over deze locatie is in dit scenario al een besluit; haal dat eerst weg."
AL_AFGESLOTEN = "Deze locatie telt al niet mee (status ‘{status}’)."
DUBBEL_BESLUIT = "Over deze locatie is in dit scenario al een besluit."
DUBBEL_VERVALLEN = "Deze locatie vervalt al in dit scenario."
DUBBELE_NAAM = "Deze provincie heeft al een scenario met deze naam."
DUBBELE_LOCATIE = "Dit scenario heeft in deze gemeente al een hypothetische locatie met deze naam."
GEEN_TOEGANG = "Alleen de PRT en de cvdK van de provincie werken met haar scenario's."
