from django.db import models


class Soort(models.TextChoices):
    GEMEENTELIJK = "gemeentelijk", "gemeentelijke locatie"
    HOTEL = "hotel", "hotel of vakantiepark"
    PARTICULIERE_WONING = "particuliere_woning", "particuliere woning in beheer van de gemeente"
    PAVILJOEN = "paviljoen", "paviljoen of tijdelijke woonunits"
    KANTOOR = "kantoor", "getransformeerd kantoor of bedrijfspand"
    OVERIG = "overig", "overig"


class Status(models.TextChoices):
    IN_GEBRUIK = "in_gebruik", "in gebruik"
    IN_VOORBEREIDING = "in_voorbereiding", "in voorbereiding"
    BEEINDIGD = "beeindigd", "beëindigd"


# The statuses whose beds count as capacity on a date (ontheemden.telling).
TELLENDE_STATUSSEN = (Status.IN_GEBRUIK, Status.BEEINDIGD)
