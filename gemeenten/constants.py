from django.db import models


class Rol(models.TextChoices):
    GEMEENTE = "gemeente", "Gemeente"
    PRT = "prt", "Provinciale Regietafel (PRT)"
    CVDK = "cvdk", "Kabinet commissaris van de Koning (cvdK)"
    BEHEER = "beheer", "Beheer"
