from django.db import models


class Bron(models.TextChoices):
    """Where a monthly realisation figure comes from."""

    COA = "coa", "COA (maandcijfer)"
    GEMEENTE = "gemeente", "eigen telling gemeente"


class IbtStapSoort(models.TextChoices):
    """The steps of the escalation ladder of interbestuurlijk toezicht, in order."""

    SIGNAAL = "signaal", "signaal"
    AMBTELIJK_GESPREK = "ambtelijk_gesprek", "ambtelijk gesprek"
    BESTUURLIJK_GESPREK = "bestuurlijk_gesprek", "bestuurlijk gesprek"
    WAARSCHUWING = "waarschuwing", "waarschuwing"
    AANWIJZING = "aanwijzing", "aanwijzing (bevel)"
    INDEPLAATSSTELLING = "indeplaatsstelling", "indeplaatsstelling"


class MaatregelSoort(models.TextChoices):
    FLEXWONINGEN = "flexwoningen", "flexwoningen"
    DOORSTROOMLOCATIE = "doorstroomlocatie", "doorstroomlocatie"
    REGULIERE_WONING = "reguliere_woning", "reguliere woningen"
    TRANSFORMATIE = "transformatie", "transformatie van bestaand gebouw"
    OVERIG = "overig", "overig"


class MaatregelStatus(models.TextChoices):
    IDEE = "idee", "idee"
    BESLOTEN = "besloten", "besloten"
    IN_UITVOERING = "in_uitvoering", "in uitvoering"
    GEREED = "gereed", "gereed"
    VERVALLEN = "vervallen", "vervallen"
