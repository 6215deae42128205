from django.db import models


class Document(models.TextChoices):
    VERSLAG = "verslag", "Provinciaal verslag Spreidingswet"
    PLAN = "plan", "Provinciaal plan"


class OpdrachtSoort(models.TextChoices):
    CONCEPT = "concept", "concept-PDF"
    VASTSTELLEN = "vaststellen", "vaststellen"


class OpdrachtStatus(models.TextChoices):
    WACHTRIJ = "wachtrij", "in de wachtrij"
    BEZIG = "bezig", "wordt gemaakt"
    KLAAR = "klaar", "klaar"
    MISLUKT = "mislukt", "mislukt"
