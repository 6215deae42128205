from django.apps import AppConfig


class ScenariosConfig(AppConfig):
    """What-if scenarios of a province's PRT: never a figure of the register.

    Not a data-version source (kern.dataversie): a scenario changes no official figure,
    so no cached report key moves when one is written.
    """

    name = "scenarios"
    verbose_name = "Scenario's"
