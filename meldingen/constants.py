"""Choices of the meldingen app."""

from django.db import models


class MeldingSoort(models.TextChoices):
    """What a notification is about; the value is also its mail templates' name."""

    GEOPEND = "geopend", "uitvraag geopend"
    HERINNERING = "herinnering", "herinnering"
    TE_LAAT = "te_laat", "deadline verstreken"
    TERUGGESTUURD = "teruggestuurd", "indiening teruggestuurd"
    GEACCEPTEERD = "geaccepteerd", "indiening geaccepteerd"
    VASTGESTELD = "vastgesteld", "document vastgesteld"


# What a user may switch off: the nudges to submit. Notices of a review and of a
# vaststelling are the outcome of the user's own work and always arrive (README).
HERINNERING_SOORTEN = (MeldingSoort.HERINNERING, MeldingSoort.TE_LAAT)


class MailStatus(models.TextChoices):
    WACHTRIJ = "wachtrij", "in de wachtrij"
    BEZIG = "bezig", "wordt verstuurd"
    VERSTUURD = "verstuurd", "verstuurd"
    MISLUKT = "mislukt", "mislukt"
    OVERGESLAGEN = "overgeslagen", "niet gemaild"
