from django.apps import AppConfig


class GemeentenConfig(AppConfig):
    name = "gemeenten"
    verbose_name = "Gemeenten en gebruikers"
