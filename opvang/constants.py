from django.db import models


class Soort(models.TextChoices):
    AZC = "azc", "azc (COA)"
    REGIONAAL = "regionaal", "regionale opvanglocatie"
    AMV = "amv", "AMV-opvang"
    GEMENGD_WONEN = "gemengd_wonen", "gemengd wonen"
    NOODOPVANG = "noodopvang", "noodopvang"
    OVERIG = "overig", "overig"


class Status(models.TextChoices):
    IN_GEBRUIK = "in_gebruik", "in gebruik"
    IN_REALISATIE = "in_realisatie", "in realisatie"
    IN_VOORBEREIDING = "in_voorbereiding", "in voorbereiding"
    BEEINDIGD = "beeindigd", "beëindigd"
    VERVALLEN = "vervallen", "vervallen"


# Certain ("zeker") places: decided and in use or being built.
ZEKERE_STATUSSEN = (Status.IN_GEBRUIK, Status.IN_REALISATIE)
# Closing a location sets one of these; both count nowhere.
AFGESLOTEN_STATUSSEN = (Status.BEEINDIGD, Status.VERVALLEN)


class Grondslag(models.TextChoices):
    INDICATIEF = "indicatief", "indicatieve opgave"
    VERDEELBESLUIT = "verdeelbesluit", "verdeelbesluit"
    RESTOPGAVE = "restopgave", "restopgave"


class Categorie(models.TextChoices):
    """Where a location's places count under the counting rules (DOMAIN.md §4)."""

    HARD = "hard", "harde opvangcapaciteit"
    HARD_PLAN = "hard_plan", "harde plancapaciteit"
    PLANVOORRAAD = "planvoorraad", "planvoorraad"
    TIJDELIJK = "tijdelijk", "tijdelijk (eindigt vóór einde telvenster)"
    # Temporary too: it lasts the window but not the cycle's minimale looptijd.
    TE_KORT = "te_kort", "tijdelijk (korter dan de minimale looptijd)"
    TELT_NIET = "telt_niet", "telt niet mee"
    ONBEKEND = "onbekend", "telvenster nog niet vastgesteld"


class IndieningStatus(models.TextChoices):
    INGEDIEND = "ingediend", "ingediend"
    AKKOORD = "akkoord", "akkoord"
    TERUGGESTUURD = "teruggestuurd", "teruggestuurd"


class VoortgangStatus(models.TextChoices):
    """Where a gemeente stands in an uitvraag, as shown on the overview."""

    NIET_GESTART = "niet_gestart", "niet gestart"
    CONCEPT = "concept", "concept"
    INGEDIEND = "ingediend", "ingediend"
    AKKOORD = "akkoord", "akkoord"
    TERUGGESTUURD = "teruggestuurd", "teruggestuurd"


# An aangewezen gemeente has a minimum number of places; another gemeente has none.
MINIMUM_ZONDER_AANWIJZING = "Een minimum aantal plekken geldt alleen voor een aangewezen gemeente."
AANWIJZING_ZONDER_MINIMUM = "Vul het minimum aantal plekken van de aangewezen gemeente in."
