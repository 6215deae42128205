from django.db import models


class AfspraakStatus(models.TextChoices):
    VOORGESTELD = "voorgesteld", "voorgesteld"
    AKKOORD = "akkoord", "akkoord door de PRT"
    VERVALLEN = "vervallen", "vervallen"


# The badge style of each status (templates: badge badge--<style>), with its text.
BADGE = {
    AfspraakStatus.VOORGESTELD: "ingediend",
    AfspraakStatus.AKKOORD: "akkoord",
    AfspraakStatus.VERVALLEN: "niet_gestart",
}
