from django.db import models


class Rol(models.TextChoices):
    GEMEENTE = "gemeente", "Gemeente"
    PRT = "prt", "Provinciale Regietafel (PRT)"
    CVDK = "cvdk", "Kabinet commissaris van de Koning (cvdK)"
    BEHEER = "beheer", "Beheer"
    # The Landelijke Regietafel and the ministry: read every province, write nothing.
    LRT = "lrt", "Landelijke Regietafel (LRT)"


class Gebeurtenis(models.TextChoices):
    """What changed of a user's rights or account (gemeenten.Rechtenwijziging).

    The value is also the event's name in the security log.
    """

    GEBRUIKER_AANGEMAAKT = "gebruiker.aangemaakt", "gebruiker aangemaakt"
    ROL_GEWIJZIGD = "gebruiker.rol_gewijzigd", "rol of bereik gewijzigd"
    SUPERUSER_STAF_GEWIJZIGD = "gebruiker.superuser_staf_gewijzigd", "superuser of staf gewijzigd"
    GROEPEN_GEWIJZIGD = "gebruiker.groepen_gewijzigd", "groepen gewijzigd"
    RECHTEN_GEWIJZIGD = "gebruiker.rechten_gewijzigd", "rechten gewijzigd"
    EMAIL_GEWIJZIGD = "gebruiker.email_gewijzigd", "e-mailadres gewijzigd"
    GEACTIVEERD = "gebruiker.geactiveerd", "gebruiker geactiveerd"
    GEDEACTIVEERD = "gebruiker.gedeactiveerd", "gebruiker gedeactiveerd"
    LINK_VERSTUURD = "wachtwoord.link_verstuurd", "link om wachtwoord in te stellen verstuurd"
    WACHTWOORD_INGESTELD = "wachtwoord.ingesteld", "wachtwoord ingesteld met de link"
    WACHTWOORD_GEWIJZIGD = "wachtwoord.gewijzigd", "wachtwoord zelf gewijzigd"
    TWEEDE_FACTOR_VERWIJDERD = "otp.verwijderd", "tweede factor verwijderd"
