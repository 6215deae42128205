from django.db import models


class DocumentSoort(models.TextChoices):
    VERSLAG = "verslag", "Provinciaal verslag Spreidingswet"
    PLAN = "plan", "Provinciaal plan"
