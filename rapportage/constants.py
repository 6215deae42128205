from django.db import models


class Document(models.TextChoices):
    VERSLAG = "verslag", "Provinciaal verslag Spreidingswet"
    PLAN = "plan", "Provinciaal plan"
